#!/bin/bash
# crack.sh - ikescope crack end to end: psk-crack lines made by
# crack_gen.py (Python's hashlib/hmac) for the MD5, SHA-1 and SHA-256 PRFs
# are cracked from a word list, a mask and both, by every kernel this CPU
# runs; the real psk-crack cracks the MD5 and SHA-1 lines from the same
# list (so the lines are psk-crack's format); a real strongSwan exchange's
# line, built from tshark's bytes, gives its known PSK; a wrong list finds
# nothing (exit 2); bad input is an error naming file, line and field.
. "$(dirname "$0")/lib.sh"
t_need_ikescope
command -v python3 >/dev/null 2>&1 || t_skip_all "python3 not installed"

GEN="python3 $top_srcdir/tests/crack_gen.py"
T=$t_tmp
PSK=hunter2
$GEN "$PSK" md5,sha1,sha256 --ke 256 --seed 7 >"$T/lines"
python3 - "$T/words" "$PSK" <<'PY'
import random, sys
r = random.Random(3)
with open(sys.argv[1], "w") as f:
    for i in range(5000):
        if i == 4321:
            f.write(sys.argv[2] + "\n")
        f.write("".join(r.choice("abcdefghijklmnopqrstuvwxyz0123456789")
                        for _ in range(r.randint(5, 12))) + "\n")
PY
grep -v "^$PSK\$" "$T/words" >"$T/wrong"

run() {
	"$IKESCOPE" crack "$@" >"$T/out" 2>"$T/err"
	rc=$?
}

# the cookies of line N of a lines file, as ikescope prints them
cookies() {
	awk -F: -v n="$2" 'NR == n { print $4, $3 }' "$1"
}

run -W "$T/words" --psk-line "$T/lines"
ok=1
for n in 1 2 3; do
	prf=$(sed -n "${n}p" <<<"md5
sha1
sha256")
	grep -q "^$(cookies "$T/lines" $n) $prf \"$PSK\" (line $n, candidate 4322," \
	    "$T/out" || ok=0
done
t_check "md5, sha1 and sha256 lines cracked: exit 0, cookies, PRF, PSK, position" \
    test "$rc" -eq 0 -a "$ok" -eq 1 -a "$(wc -l <"$T/out")" -eq 3
[ "$ok" -eq 1 ] || t_diag <"$T/out" <"$T/err"
t_check "not a terminal: no progress line on stderr" \
    test "$(grep -c 'M/s, candidate' "$T/err")" -eq 0
t_check "summary on stderr" grep -q '^ikescope: 3 of 3 lines cracked; 5001 candidates' "$T/err"

run -W "$T/words" --json --threads 2 --psk-line "$T/lines"
t_check "--json: one object per PSK with the contract keys" python3 - "$T/out" "$T/lines" <<'PY'
import json, sys
objs = [json.loads(l) for l in open(sys.argv[1])]
lines = [l.strip().split(":") for l in open(sys.argv[2])]
want = {(f[3], f[2]): p for f, p in zip(lines, ("md5", "sha1", "sha256"))}
got = {(o["icookie"], o["rcookie"]): o["prf"] for o in objs}
assert got == want, (got, want)
for o in objs:
    assert o["psk"] == "hunter2" and o["psk_hex"] == b"hunter2".hex()
    assert o["candidates"] == 4322 and isinstance(o["seconds"], float)
PY

# every kernel, forced; one the CPU cannot run is skipped with the reason
for k in avx512 avx2 shani openssl; do
	f="$T/lines"
	[ "$k" = shani ] && { sed -n '2,3p' "$T/lines" >"$T/lines23"; f="$T/lines23"; }
	run -W "$T/words" --kernel "$k" --psk-line "$f"
	if [ "$rc" -eq 1 ] && grep -q 'this CPU cannot run it' "$T/err"; then
		t_skip "kernel $k: $(cat "$T/err")"
		continue
	fi
	t_check "--kernel $k cracks its lines ($(wc -l <"$f"))" \
	    test "$rc" -eq 0 -a "$(grep -c "\"$PSK\"" "$T/out")" -eq "$(wc -l <"$f")"
done
IKESCOPE_CRACK_KERNEL=bogus "$IKESCOPE" crack -W "$T/words" \
    --psk-line "$T/lines" >/dev/null 2>"$T/err"
t_check "IKESCOPE_CRACK_KERNEL is read (an unknown one is an error)" \
    grep -q 'unknown kernel "bogus"' "$T/err"

run -W "$T/wrong" --psk-line "$T/lines"
t_check "a list without the PSK: nothing found, exit 2" \
    test "$rc" -eq 2 -a ! -s "$T/out"
t_check "... and every candidate tried" \
    grep -q "^ikescope: 0 of 3 lines cracked; 5000 candidates" "$T/err"

# masks: ?l?l?d puts "ab7" at (0 * 26 + 1) * 10 + 7 = 17, candidate 18
$GEN ab7 sha1 --seed 9 >"$T/mask1"
run --mask '?l?l?d' --psk-line "$T/mask1"
t_check "--mask alone: found at its odometer position" \
    grep -q '"ab7" (line 1, candidate 18,' "$T/out"
# each word followed by each expansion: hunter2 + "42" is word 4322's 43rd
$GEN "${PSK}42" md5 --seed 10 >"$T/mask2"
run -W "$T/words" --mask '?d?d' --psk-line "$T/mask2"
t_check "-W with --mask: each word followed by the mask (candidate $((4321 * 100 + 43)))" \
    grep -q "\"${PSK}42\" (line 1, candidate $((4321 * 100 + 43))," "$T/out"
# a terminal gets a progress line once a second (script(1) gives a pty;
# the attack, 95^6 candidates, outlasts the 4 s it is given)
if command -v script >/dev/null 2>&1 && command -v timeout >/dev/null 2>&1; then
	timeout 4 script -qfec "'$IKESCOPE' crack --threads 1 --mask '?a?a?a?a?a?a' --psk-line '$T/lines'" \
	    "$T/typescript" >/dev/null 2>&1 </dev/null
	t_check "a terminal: a progress line (rate, position, percentage, ETA)" \
	    grep -q 'M/s, candidate [0-9]* ([0-9.]*%), ETA [0-9]*:[0-9][0-9]:[0-9][0-9], 0/3 cracked' "$T/typescript"
else
	t_skip "no script(1) or timeout(1) for a terminal"
fi
run -W - --psk-line "$T/lines" <"$T/words"
t_check "-W - reads standard input" test "$rc" -eq 0 -a "$(wc -l <"$T/out")" -eq 3

# the real psk-crack on the same lines and list: the format is its own
if command -v psk-crack >/dev/null 2>&1; then
	for n in 1 2; do
		sed -n "${n}p" "$T/lines" >"$T/one"
		psk-crack -d "$T/words" "$T/one" >"$T/pc" 2>&1
		t_check "psk-crack cracks line $n ($(sed -n "${n}p" <<<"MD5
SHA1")) from the same list" grep -q "key \"$PSK\" matches" "$T/pc"
	done
else
	t_skip "psk-crack not installed (package ike-scan)"
	t_skip "psk-crack not installed (package ike-scan)"
fi

# a real exchange: strongSwan Aggressive Mode, PSK letmein123, SHA-256 PRF
CAP=$CORPUS/strongswan/b_am_psk_aes256_sha256_modp2048_pfs_gcm.pcap
if t_have_tshark && [ -f "$CAP" ]; then
	set -- $("$TSHARK" -r "$CAP" -Y 'frame.number <= 4 && isakmp' \
	    -T fields -e udp.payload 2>/dev/null)
	$GEN --am "$1" "$2" >"$T/real"
	printf 'password\nletmein\nletmein123\nqwerty\n' >"$T/w4"
	run -W "$T/w4" --psk-line "$T/real"
	t_check "strongSwan's Aggressive Mode (corpus): letmein123, sha256, its cookies" \
	    grep -q '^4f8491cf06c9e3a4 cee400341979783b sha256 "letmein123" (line 1, candidate 3,' "$T/out"
else
	t_skip "no tshark or no corpus capture $CAP"
fi

# errors: exit 1, the file, line and field named
{ echo "# a comment"; sed -n 1p "$T/lines" | awk -F: -v OFS=: '{ $4 = "zz" $4; print }'; } >"$T/bad"
run -W "$T/words" --psk-line "$T/bad"
t_check "a bad field: exit 1, file:line: field named" \
    test "$rc" -eq 1 -a "$(cat "$T/err")" = "ikescope: $T/bad:2: field 4 (cky_i): not hex at character 1"
run -W "$T/words"
t_check "no --psk-line: exit 1" test "$rc" -eq 1
run --psk-line "$T/lines"
t_check "no word list and no mask: exit 1" test "$rc" -eq 1
run -W "$T/words" --mask '?q' --psk-line "$T/lines"
t_check "a bad mask: exit 1, named" \
    test "$rc" -eq 1 -a "$(grep -c "unknown charset '?q'" "$T/err")" -eq 1
run -W "$T/nonexistent" --psk-line "$T/lines"
t_check "a missing word list: exit 1, named" \
    test "$rc" -eq 1 -a "$(grep -c "nonexistent: No such file" "$T/err")" -eq 1
run -W "$T/words" --psk-line "$T/lines" capture.pcap
t_check "--psk-line and a capture together: exit 1" test "$rc" -eq 1
run -W "$T/words" --threads 999 --psk-line "$T/lines"
t_check "--threads out of range: exit 1" test "$rc" -eq 1
t_done
