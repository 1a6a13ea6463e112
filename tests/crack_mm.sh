#!/bin/bash
# crack_mm.sh - ikescope crack -k KEYFILE CAPTURE: Main Mode with a known
# g^xy.  f1_mm_wrong_psk (samples/; the responder holds another PSK) with
# a key file holding only its manifest's gxy and a list holding both PSKs
# among other words: both found, the initiator's opening MM5 and the
# responder's its Informational, by every kernel this CPU runs and
# OpenSSL; the keys said to differ; the second pass (gxy and the
# responder's PSK) decrypts the responder's 4 Informationals; --json
# parses with the contract keys.  With the initiator's psk given too,
# only the responder's side is left to find.  --sa selects.  A list without them:
# nothing found, exit 2.  Without -k: nothing to attack in Main Mode.
# Aggressive Mode with gxy: the sealed AM3 opened with HASH_R, said once.
# Every Main Mode capture of the corpus with a manifest (MD5 with 3DES's
# longer key, SHA-2 256/384/512, AES-256): its PSK found for both sides
# with gxy only, then every encrypted message decrypts with it.
. "$(dirname "$0")/lib.sh"
t_need_ikescope
command -v python3 >/dev/null 2>&1 || t_skip_all "python3 not installed"

T=$t_tmp
S=$top_srcdir/samples
F1=$S/f1_mm_wrong_psk

# the manifest's key line (gxy only; psk too with "psk") and its PSKs
keyline() {
	python3 - "$1" "${2:-}" <<'PY'
import json, sys
m = json.load(open(sys.argv[1]))
for sa in m["ike_sas"]:
    if sa.get("dh_shared_secret"):
        line = "ike icookie=%s gxy=%s" % (sa["initiator_cookie"],
                                          sa["dh_shared_secret"])
        if sys.argv[2] == "psk":
            line += " psk=" + m["psk"]
        print(line)
PY
}
field() {
	python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])' "$1" "$2"
}

PSK=$(field "$F1.json" psk)
RPSK=$(field "$F1.json" responder_psk)
keyline "$F1.json" >"$T/gxy.keys"
keyline "$F1.json" psk >"$T/psk.keys"
python3 - "$T/words" "$PSK" "$RPSK" <<'PY'
import random, sys
r = random.Random(5)
with open(sys.argv[1], "w") as f:
    for i in range(20000):
        if i == 7000:
            f.write(sys.argv[3] + "\n")
        if i == 15000:
            f.write(sys.argv[2] + "\n")
        f.write("".join(r.choice("abcdefghijklmnopqrstuvwxyz0123456789-")
                        for _ in range(r.randint(6, 26))) + "\n")
PY
grep -v -e "^$PSK\$" -e "^$RPSK\$" "$T/words" >"$T/wrong"

run() {
	"$IKESCOPE" crack "$@" >"$T/out" 2>"$T/err"
	rc=$?
}

IC=26c10c2ed5ecbd5b
SA="$IC [0-9a-f]\{16\} 192.0.2.1 <-> 192.0.2.2 main sha1"
run -W "$T/words" -k "$T/gxy.keys" "$F1.pcap"
t_check "f1, gxy only: exit 0, both PSKs found" test "$rc" -eq 0 -a \
    "$(grep -c '" is the' "$T/out")" -eq 2
t_check "... the initiator's opens its MM5 (frame 7), candidate 15002" \
    grep -q "^$SA: \"$PSK\" is the initiator's PSK (its MM5 (frame 7) decrypts with g^xy and its HASH verifies; candidate 15002," "$T/out"
t_check "... the responder's opens its Informational (frame 8), candidate 7001" \
    grep -q "^$SA: \"$RPSK\" is the responder's PSK (its Informational (frame 8) decrypts with g^xy and its HASH verifies; candidate 7001," "$T/out"
t_check "... the keys said to differ" \
    grep -q "main: the pre-shared keys differ: the initiator's is \"$PSK\", the responder's \"$RPSK\"" "$T/out"
t_check "... with gxy and the responder's PSK its 4 Informationals decrypt (the second pass)" \
    grep -q "main: with the responder's PSK and the keys given: decrypts 4 of 5 encrypted messages (INFO INFO INFO INFO), HASH verified in 4" "$T/out"
t_check "... summary: 2 sealed messages, 2 of 2 cracked" sh -c \
    "grep -q '^ikescope: crack: 2 targets (0 HASH_R, 0 HASH_I, 2 sealed messages with g^xy) of 1 IKE SA' '$T/err' &&
     grep -q '^ikescope: 2 of 2 targets cracked; [0-9]* candidates' '$T/err'"
grep -q "2 of 2 targets" "$T/err" || t_diag <"$T/out" <"$T/err"

for k in avx512 avx2 shani openssl; do
	run -W "$T/words" --kernel "$k" --threads 2 -k "$T/gxy.keys" "$F1.pcap"
	if [ "$rc" -eq 1 ] && grep -q "cannot run" "$T/err"; then
		t_skip "kernel $k: $(cat "$T/err")"
		continue
	fi
	t_check "--kernel $k: both sides' PSKs" test "$rc" -eq 0 -a \
	    "$(grep -c -e "\"$PSK\" is the initiator's" -e "\"$RPSK\" is the responder's" "$T/out")" -eq 2
done

run -W "$T/words" --json -k "$T/gxy.keys" "$F1.pcap"
t_check "--json: one psk object per side with the contract keys" python3 - "$T/out" "$PSK" "$RPSK" <<'PY'
import json, sys
objs = [json.loads(l) for l in open(sys.argv[1])]
psks = [o for o in objs if o["kind"] == "psk"]
want = {"initiator": (sys.argv[2], "MM5", 7), "responder": (sys.argv[3], "Informational", 8)}
assert len(psks) == 2, objs
for o in psks:
    for k in ("icookie", "rcookie", "psk", "prf", "candidates", "seconds", "side", "method"):
        assert k in o, (k, o)
    psk, msg, frame = want[o["side"]]
    assert o["psk"] == psk and o["message"] == [msg] and o["frame"] == frame, o
    assert o["icookie"] == "26c10c2ed5ecbd5b" and o["prf"] == "sha1", o
    assert o["method"] == "gxy" and o["initiator"] == "192.0.2.1", o
    assert o["hash"] == ["sealed"], o
assert [o["keys_differ"] for o in psks] == [False, True], psks
dec = [o for o in objs if o["kind"] == "decrypt"]
assert len(dec) == 1 and dec[0]["decrypted"] == 4 and dec[0]["hash_ok"] == 4, dec
PY

run -W "$T/words" -k "$T/psk.keys" "$F1.pcap"
t_check "the initiator's psk given: only the responder's PSK to find" \
    test "$rc" -eq 0 -a "$(grep -c '" is the' "$T/out")" -eq 1
t_check "... found" grep -q "\"$RPSK\" is the responder's PSK" "$T/out"
t_check "... the initiator's side said opened" \
    grep -q "1 side of IKE SAs with g^xy opened by the keys given already" "$T/err"

run -W "$T/words" -k "$T/gxy.keys" --sa 00000000 "$F1.pcap"
t_check "--sa matching nothing: no sealed message taken, exit 2" \
    test "$rc" -eq 2 -a ! -s "$T/out"
run -W "$T/words" -k "$T/gxy.keys" --sa 26c10c2e "$F1.pcap"
t_check "--sa its cookie: both sides' PSKs" \
    test "$rc" -eq 0 -a "$(grep -c '" is the' "$T/out")" -eq 2

run -W "$T/wrong" -k "$T/gxy.keys" "$F1.pcap"
t_check "a list without them: nothing found, exit 2, every word tried" \
    test "$rc" -eq 2 -a ! -s "$T/out"
t_check "... 0 of 2" grep -q "^ikescope: 0 of 2 targets cracked; 20000 candidates" "$T/err"

run -W "$T/words" "$F1.pcap"
t_check "Main Mode without -k: nothing to attack (exit 2), -k with gxy named" \
    sh -c "[ $rc -eq 2 ] && grep -q 'in Main Mode, whose hashes travel encrypted: -k with their gxy opens them' '$T/err'"

# Aggressive Mode with g^xy: the sealed AM3 is the initiator's target
AM=$S/b_am_psk_aes256_sha256_modp2048_pfs_gcm
keyline "$AM.json" >"$T/am.keys"
APSK=$(field "$AM.json" psk)
(head -100 "$T/wrong"; echo "$APSK") >"$T/w"
run -W "$T/w" -k "$T/am.keys" "$AM.pcap"
t_check "Aggressive Mode with gxy: HASH_R and the sealed AM3 both opened, said once" \
    test "$rc" -eq 0 -a "$(grep -c "aggressive sha256: \"$APSK\" is both peers' PSK (HASH_R verifies; its AM3 (frame 5) decrypts with g^xy and its HASH verifies; candidate 101," "$T/out")" -eq 1

# every Main Mode capture with a manifest: gxy only, then decrypt with it
n=0
seen=" "
for j in "$S"/a_mm_*.json "$CORPUS"/strongswan/*_mm_*.json "$CORPUS"/strongswan/h[0-9]*.json; do
	[ -f "$j" ] || continue
	p=${j%.json}.pcap
	[ -f "$p" ] || continue
	name=$(basename "${j%.json}")
	case "$name$seen" in f1_*|*" $name "*) continue ;; esac
	seen="$seen$name "
	keyline "$j" >"$T/k" 2>/dev/null
	[ -s "$T/k" ] || continue
	psk=$(field "$j" psk)
	nsa=$(wc -l <"$T/k")
	(head -3000 "$T/wrong"; echo "$psk") >"$T/w"
	run -W "$T/w" -k "$T/k" "$p"
	both=$(grep -c "\"$psk\" is both peers' PSK (their MM6 and MM5 decrypt with g^xy" "$T/out")
	t_check "$name: gxy only, the PSK found for both sides of its $nsa IKE SA(s)" \
	    test "$rc" -eq 0 -a "$both" -eq "$nsa"
	t_check "$name: ... and then every encrypted message decrypts with it" \
	    test "$(grep -c 'keys given: decrypts \([0-9]*\) of \1 encrypted messages' "$T/out")" -eq "$nsa"
	n=$((n + 1))
done
[ "$n" -gt 0 ] || t_skip "no Main Mode capture with a manifest besides f1"
[ -d "$CORPUS/strongswan" ] || t_skip "corpus not found ($CORPUS/strongswan): MD5, SHA-2 and 3DES captures not tried"
t_done
