#!/bin/bash
# crack_cap.sh - ikescope crack CAPTURE: the strongSwan Aggressive Mode
# sample (SHA-256 PRF, NAT-T) and ike-scan's probe of a strongSwan
# responder give their manifests' PSKs from word lists that hold them (not
# first), with the right cookies, in text and JSON; -k with the manifest's
# g^xy makes the second pass decrypt what read --json counts as
# encrypted; --keys-out reads back with read -k; the same cut into IP
# fragments; a crafted mismatch (crack_cap_gen.py: HASH_R and HASH_I made
# with different PSKs) gives both PSKs, each labelled with its side; Main
# Mode alone, a missing file, the public Aggressive Mode captures and the
# progress line on a terminal.
. "$(dirname "$0")/lib.sh"
t_need_ikescope
command -v python3 >/dev/null 2>&1 || t_skip_all "python3 not installed"

T=$t_tmp
S=$top_srcdir/samples
AM=$S/b_am_psk_aes256_sha256_modp2048_pfs_gcm
MM=$S/a_mm_psk_aes128_sha1_modp2048

run() {
	"$IKESCOPE" crack "$@" >"$T/out" 2>"$T/err"
	rc=$?
}

# manifest KEY [SA KEY]: a value of a sample's manifest
manifest() {
	python3 - "$@" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
print(d[sys.argv[2]] if len(sys.argv) == 3 else d["ike_sas"][0][sys.argv[3]])
PY
}

# words N PSK AT: N random words with PSK as word number AT (1-based)
words() {
	python3 - "$@" <<'PY'
import random, sys
n, psk, at = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
r = random.Random(5)
for i in range(1, n + 1):
    print(psk if i == at else "".join(r.choice("abcdefghijklmnopqrstuvwxyz0123456789")
                                     for _ in range(r.randint(6, 12))))
PY
}

# ---- the strongSwan Aggressive Mode sample
PSK=$(manifest "$AM.json" psk)
IC=$(manifest "$AM.json" x initiator_cookie)
RC=$(manifest "$AM.json" x responder_cookie)
words 3000 "$PSK" 2345 >"$T/words"
run -W "$T/words" "$AM.pcap"
t_check "sample AM (sha256): exit 0, its cookies, the responder's PSK, position" \
    test "$rc" -eq 0 -a "$(grep -c "^$IC $RC 192.0.2.1 <-> 192.0.2.2 aggressive sha256: \"$PSK\" is the responder's PSK (HASH_R verifies; candidate 2345," "$T/out")" -eq 1 \
    -a "$(wc -l <"$T/out")" -eq 1
[ "$rc" -eq 0 ] || t_diag <"$T/err"
t_check "AM3 encrypted: HASH_I named as not attacked, not an error" \
    grep -q "^ikescope: crack: $IC $RC .*: HASH_I: AM3 travels encrypted" "$T/err"
t_check "summary: 1 of 1 targets" grep -q '^ikescope: 1 of 1 targets cracked' "$T/err"

run -W "$T/words" --json --threads 2 "$AM.pcap"
t_check "--json: the contract keys with the manifest's values" python3 - "$T/out" "$IC" "$RC" "$PSK" <<'PY'
import json, sys
objs = [json.loads(l) for l in open(sys.argv[1])]
assert len(objs) == 1, objs
o = objs[0]
assert (o["icookie"], o["rcookie"], o["psk"]) == tuple(sys.argv[2:5]), o
assert o["prf"] == "sha256" and o["candidates"] == 2345, o
assert isinstance(o["seconds"], float) and o["side"] == "responder", o
assert o["hash"] == ["hash_r"] and o["psk_hex"] == sys.argv[4].encode().hex()
assert o["initiator"] == "192.0.2.1" and o["responder"] == "192.0.2.2"
PY

# -k with the manifest's g^xy: the second pass decrypts every encrypted
# message read --json sees; --keys-out reads back
GXY=$(manifest "$AM.json" x dh_shared_secret)
echo "ike icookie=$IC gxy=$GXY" >"$T/gxy"
run -W "$T/words" --json -k "$T/gxy" --keys-out "$T/found.keys" "$AM.pcap"
"$IKESCOPE" read --json "$AM.pcap" >"$T/plain.json" 2>/dev/null
t_check "-k gxy: the second pass decrypts and verifies every encrypted message" \
    python3 - "$T/out" "$T/plain.json" <<'PY'
import json, sys
objs = [json.loads(l) for l in open(sys.argv[1])]
rep = [o for o in objs if o["kind"] == "decrypt"]
enc = [r["isakmp"] for r in map(json.loads, open(sys.argv[2]))
       if r.get("kind") == "isakmp" and r["isakmp"]["encrypted"]
       and not r["isakmp"]["retransmit"]]
assert len(rep) == 1 and len(enc) > 0, (rep, len(enc))
r = rep[0]
assert r["encrypted"] == len(enc) and r["decrypted"] == len(enc), (r, len(enc))
assert r["hash_ok"] == len(enc) and r["hash_bad"] == 0, r
labels = r["labels"].split()
assert "AM3" in labels and "QM1" in labels and r["quick_modes"] >= 1, r
assert r["dh_secret_known"] and r["psk_of"] == "responder", r
PY
t_check "--keys-out: our key-file line with the cookies and the PSK in hex" \
    grep -q "^ike icookie=$IC rcookie=$RC psk_hex=$(printf %s "$PSK" | od -An -tx1 | tr -d ' \n')\$" "$T/found.keys"
"$IKESCOPE" read --json -k "$T/found.keys" -k "$T/gxy" "$AM.pcap" >"$T/dec.json" 2>/dev/null
"$IKESCOPE" read --json -k "$T/gxy" "$AM.pcap" >"$T/nopsk.json" 2>/dev/null
t_check "read -k KEYS-OUT -k gxy decrypts every encrypted message; -k gxy alone none" \
    python3 - "$T/dec.json" "$T/nopsk.json" <<'PY'
import json, sys
def enc(f):
    return [r["isakmp"] for r in map(json.loads, open(f))
            if r.get("kind") == "isakmp" and r["isakmp"]["encrypted"]]
a, b = enc(sys.argv[1]), enc(sys.argv[2])
assert a and all(r["decrypted"] for r in a), a
assert b and not any(r["decrypted"] for r in b), b
PY
run -W "$T/words" "$AM.pcap" -k "$T/gxy"
t_check "-k gxy, text: decrypts N of N with the labels" \
    grep -Eq "^$IC $RC .*: with the responder's PSK and the keys given: decrypts ([0-9]+) of \\1 encrypted messages \\(AM3 QM1 " "$T/out"

# the same exchange cut into IP fragments, each datagram's last first
"$IKESCOPE" -q -w "$T/am_raw.pcap" --write-mode=all "$AM.pcap" >/dev/null
python3 "$top_srcdir/tests/crack_cap_gen.py" --ipfrag "$T/am_raw.pcap" "$T/am_frag.pcap"
run -W "$T/words" -k "$T/gxy" "$T/am_frag.pcap"
# (with g^xy the sealed AM3 is a target too: the same PSK, both peers')
t_check "IP fragments (reassembled): the same PSK and the same second pass" \
    test "$rc" -eq 0 -a "$(grep -c "^$IC $RC .* \"$PSK\" is both peers' PSK (HASH_R verifies; its AM3 (frame [0-9]*) decrypts with g^xy and its HASH verifies; candidate 2345," "$T/out")" -eq 1 \
    -a "$("$IKESCOPE" -q "$T/am_frag.pcap" | grep -c ' AM[12] .*(reassembled from')" -eq 2 \
    -a "$(grep -Ec "decrypts ([0-9]+) of \1 encrypted messages \(AM3 " "$T/out")" -eq 1

# a selection leaves the others out
run -W "$T/words" --sa 0123456789abcdef "$AM.pcap"
t_check "--sa matching nothing: no exposed exchange, exit 2" \
    test "$rc" -eq 2 -a "$(grep -c 'no exposed exchange to attack in 0 IKEv1 SAs' "$T/err")" -eq 1
run -W "$T/words" --sa "${IC:0:8}" "$AM.pcap"
t_check "--sa its cookie: cracked" test "$rc" -eq 0 -a "$(grep -c "\"$PSK\"" "$T/out")" -eq 1

# -f: a capture filter before decoding; standard input read once
run -W "$T/words" -f 'udp port 4500' "$AM.pcap"
t_check "-f 'udp port 4500' (AM1 and AM2 filtered out): the SA named, no target, exit 2" \
    test "$rc" -eq 2 -a "$(grep -c "^ikescope: crack: $IC $RC .*: no SA payload seen" "$T/err")" -eq 1
run -W "$T/words" -f 'udp port 500' "$AM.pcap"
t_check "-f 'udp port 500': cracked" test "$rc" -eq 0 -a "$(grep -c "\"$PSK\"" "$T/out")" -eq 1
"$IKESCOPE" crack -W "$T/words" -k "$T/gxy" - <"$AM.pcap" >"$T/out" 2>"$T/err"
t_check "standard input: cracked; the second pass said impossible, not an error" \
    test "$?" -eq 0 -a "$(grep -c "\"$PSK\"" "$T/out")" -eq 1 \
    -a "$(grep -c 'standard input cannot be read again' "$T/err")" -eq 1

# the cap on targets: ike-scan's probe as 17000 IKE SAs (bench/gen_scale.py)
python3 "$top_srcdir/bench/gen_scale.py" -n 17000 \
    "$top_srcdir/tests/captures/strongswan-ikescan-am-probe.pcap" "$T/17k.pcap"
run -W "$T/words" "$T/17k.pcap"
t_check "17000 exposed exchanges: 16384 attacked, the 616 over the cap said, exit 2" \
    test "$rc" -eq 2 -a "$(grep -c '^ikescope: crack: 616 targets or notes not kept (caps: 16384 targets' "$T/err")" -eq 1 \
    -a "$(grep -c '^ikescope: crack: 16384 targets (16384 HASH_R, 0 HASH_I) of 17000 IKE SAs' "$T/err")" -eq 1
rm -f "$T/17k.pcap"

# ---- Main Mode only; a missing file; usage
run -W "$T/words" "$MM.pcap"
t_check "Main Mode sample: says so, exit 2" \
    test "$rc" -eq 2 -a "$(grep -c 'no exposed exchange to attack in 1 IKEv1 SA (1 in Main Mode' "$T/err")" -eq 1 \
    -a ! -s "$T/out"
run -W "$T/words" "$AM.pcap" "$T/missing.pcap"
t_check "a missing capture: exit 1, the file named" \
    test "$rc" -eq 1 -a "$(grep -c "$T/missing.pcap" "$T/err")" -ge 1
run "$AM.pcap"
t_check "no word list and no mask: exit 1" test "$rc" -eq 1
run -W "$T/words" --psk-line "$T/x" "$AM.pcap"
t_check "--psk-line and a capture: exit 1" test "$rc" -eq 1

# ---- the progress line when stderr is a terminal
if command -v script >/dev/null 2>&1; then
	timeout 20 script -qfec "'$IKESCOPE' crack --mask '?l?l?l?l?l' --threads 1 '$AM.pcap'" \
	    "$T/tty" >/dev/null 2>&1 </dev/null &
	pid=$!
	for i in $(seq 1 190); do
		grep -q 'M/s, candidate' "$T/tty" 2>/dev/null && break
		sleep 0.1
	done
	kill "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	t_check "on a terminal: the progress line (rate, position, ETA, targets)" \
	    grep -Eq '[0-9.]+ M/s, candidate [0-9]+ \([0-9.]+%\), ETA [0-9:]+, 0/1 cracked' "$T/tty"
else
	t_skip "script(1) not installed: the progress line not tested"
fi

# ---- corpus: ike-scan's probe of a strongSwan responder
P=$CORPUS/strongswan/ikescan_am_psk_probe
if [ -f "$P.pcap" ] && [ -f "$P.wordlist.txt" ]; then
	PSK=$(manifest "$P.json" psk)
	RC=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["responder_cookies"][0])' "$P.json")
	IC=$(awk -F: '{ print $4 }' "$P.psk-crack")
	pos=$(grep -nx "$PSK" "$P.wordlist.txt" | cut -d: -f1)
	run -W "$P.wordlist.txt" --json "$P.pcap"
	t_check "ikescan probe (corpus): its manifest PSK at position $pos > 1, ike-scan's cookies" \
	    python3 - "$T/out" "$IC" "$RC" "$PSK" "$pos" <<'PY'
import json, sys
o, = [json.loads(l) for l in open(sys.argv[1])]
assert [o["icookie"], o["rcookie"], o["psk"]] == sys.argv[2:5], o
assert o["candidates"] == int(sys.argv[5]) > 1 and o["prf"] == "sha1", o
PY
	t_check "ikescan probe: exit 0, the resent AM2 is one target" \
	    test "$rc" -eq 0 -a "$(grep -c '^ikescope: crack: 1 target ' "$T/err")" -eq 1
else
	t_skip "corpus capture $P.pcap not found"
fi

# ---- corpus: a crafted mismatch on a real Aggressive Mode in clear
X=$CORPUS/public/wireshark/ikev1-bug-12620.pcapng.gz
if [ -f "$X" ]; then
	"$IKESCOPE" -q -w "$T/raw.pcap" --write-mode=all "$X" >/dev/null
	read -r MIC MRC < <(python3 "$top_srcdir/tests/crack_cap_gen.py" \
	    "$T/raw.pcap" "$T/mis.pcap" resp-key-9 init-key-7)
	words 500 init-key-7 120 | sed '400s/.*/resp-key-9/' >"$T/w2"
	run -W "$T/w2" "$T/mis.pcap"
	t_check "mismatch: both PSKs, each labelled by its side, the difference said" \
	    test "$rc" -eq 0 \
	    -a "$(grep -c "^$MIC $MRC .* \"resp-key-9\" is the responder's PSK (HASH_R verifies; candidate 400," "$T/out")" -eq 1 \
	    -a "$(grep -c "^$MIC $MRC .* \"init-key-7\" is the initiator's PSK (HASH_I verifies; candidate 120," "$T/out")" -eq 1 \
	    -a "$(grep -c "the pre-shared keys differ" "$T/out")" -eq 1
	[ "$rc" -eq 0 ] || t_diag <"$T/out" <"$T/err"
	run -W "$T/w2" --json "$T/mis.pcap"
	t_check "mismatch --json: side and hash per PSK" python3 - "$T/out" <<'PY'
import json, sys
got = sorted((o["side"], o["hash"], o["psk"]) for o in map(json.loads, open(sys.argv[1])))
assert got == [("initiator", ["hash_i"], "init-key-7"),
               ("responder", ["hash_r"], "resp-key-9")], got
PY
	grep -v init-key-7 "$T/w2" >"$T/w3"
	run -W "$T/w3" "$T/mis.pcap"
	t_check "mismatch, the initiator's PSK not in the list: exit 2, 1 of 2" \
	    test "$rc" -eq 2 -a "$(grep -c '^ikescope: 1 of 2 targets cracked' "$T/err")" -eq 1
	python3 "$top_srcdir/tests/crack_cap_gen.py" "$T/raw.pcap" "$T/same.pcap" \
	    init-key-7 init-key-7 >/dev/null
	run -W "$T/w2" "$T/same.pcap"
	t_check "the same PSK on both sides: said once, as both peers'" \
	    test "$rc" -eq 0 -a "$(wc -l <"$T/out")" -eq 1 \
	    -a "$(grep -c '"init-key-7" is both peers'"'"' PSK (HASH_R and HASH_I verify; candidate 120,' "$T/out")" -eq 1
	python3 "$top_srcdir/tests/crack_cap_gen.py" "$T/raw.pcap" "$T/hex.pcap" \
	    $'\x01\x02ab' $'\x01\x02ab' >/dev/null
	printf 'x\n\001\002ab\ny\n' >"$T/whex"
	run -W "$T/whex" --json "$T/hex.pcap"
	t_check "a PSK not printable: \$HEX[...] and psk_hex" python3 - "$T/out" <<'PY'
import json, sys
o, = [json.loads(l) for l in open(sys.argv[1])]
assert o["psk"] == "$HEX[01026162]" and o["psk_hex"] == "01026162", o
assert o["side"] == "both", o
PY
else
	t_skip "corpus capture $X not found: no crafted mismatch"
fi

# ---- corpus: public Aggressive Mode captures (PSKs unknown)
Z=$CORPUS/public/zeek-spicy-ipsec/tests/traces/ipsec-ikev1-isakmp-aggressive-mode.pcap
if [ -f "$Z" ]; then
	run -W "$T/words" "$Z"
	t_check "zeek's Aggressive Mode: one target (HASH_R; AM3 encrypted, named), not in the list: exit 2" \
	    test "$rc" -eq 2 -a "$(grep -c '^ikescope: crack: 1 target (1 HASH_R, 0 HASH_I)' "$T/err")" -eq 1 \
	    -a "$(grep -c 'HASH_I: AM3 travels encrypted' "$T/err")" -eq 1
else
	t_skip "corpus capture $Z not found"
fi
C=$CORPUS/public/ike-scan/pkt-aggr-cert-response.dat.pcap
if [ -f "$C" ]; then
	run -W "$T/words" "$C"
	t_check "ike-scan's signature Aggressive Mode: not a pre-shared key, named; exit 2" \
	    test "$rc" -eq 2 -a "$(grep -c 'not a pre-shared key (RSA Signatures)' "$T/err")" -eq 1
else
	t_skip "corpus capture $C not found"
fi
t_done
