#!/bin/bash
# audit.sh - ikescope audit end to end: the findings of the samples (text
# and JSON), --fail-on's exit status, --policy, psk_mismatch with one
# side's keys; the --psk-crack export equal to ike-scan's own line for the
# same exchange and cracked by the real psk-crack and by ikescope crack
# (SHA-256 too); the --hashcat export taken by the real hashcat.  Corpus
# and tool parts skip, saying why, when absent.
. "$(dirname "$0")/lib.sh"
t_need_ikescope
T=$t_tmp
S=$top_srcdir/samples
B_AM=$S/b_am_psk_aes256_sha256_modp2048_pfs_gcm
A_MM=$S/a_mm_psk_aes128_sha1_modp2048
F1=$S/f1_mm_wrong_psk

run() {
	"$IKESCOPE" audit "$@" >"$T/out" 2>"$T/err"
	rc=$?
}

# the finding ids of a JSON output, sorted, one line
ids() {
	sed -n 's/^{"id":"\([a-z0-9_]*\)","severity":"\([a-z]*\)".*/\1:\2/p' \
	    "$1" | sort | tr '\n' ' ' | sed 's/ $//'
}

run --json -q "$B_AM.pcap"
got=$(ids "$T/out")
want="identity_in_clear:medium identity_in_clear:medium ike_aggressive_psk:high ike_weak_dh_group:low ikev1_in_use:info vendor_fingerprint:info vendor_fingerprint:info"
t_check "b_am: the findings [$got]" test "$rc" -eq 0 -a "$got" = "$want"
t_check "b_am: the exposure names its PRF and says it is not exportable to psk-crack" \
    grep -q '"id":"ike_aggressive_psk".*"prf":"sha2_256","hash_r_in_clear":true,"exportable_psk_crack":false' "$T/out"
t_check "b_am: the group name in clear, as text" \
    grep -q '"id":"identity_in_clear".*"id_type":"key_id","value":"76706e636c69656e74","value_text":"vpnclient"' "$T/out"

run -q "$B_AM.pcap"
sed -n '/^192.0.2.1 <-> 192.0.2.2$/{n;p}' "$T/out" >"$T/first"
t_check "text: grouped under the peer pair, highest first" \
    grep -q '^  high   ike_aggressive_psk: ' "$T/first"
t_check "text: a summary line" \
    grep -q '^7 findings: 1 high, 2 medium, 1 low, 3 info$' "$T/out"

# --fail-on
run -q --fail-on high "$B_AM.pcap"
t_check "--fail-on high with a high finding: exit 2" test "$rc" -eq 2
run -q --fail-on medium "$A_MM.pcap"
t_check "--fail-on medium on a modern Main Mode (lows only): exit 0 [rc $rc]" \
    test "$rc" -eq 0
run -q --fail-on low "$A_MM.pcap"
t_check "--fail-on low on the same: exit 2" test "$rc" -eq 2
run -q --fail-on severe "$A_MM.pcap"
t_check "--fail-on severe: exit 1, the choices named" \
    test "$rc" -eq 1 -a -n "$(grep -F 'info, low, medium or high, not "severe"' "$T/err")"

# --policy
printf 'finding ikev1_in_use off\ndh_group modp2048 high\n' >"$T/pol"
run -q --json --policy "$T/pol" "$A_MM.pcap"
got=$(ids "$T/out")
t_check "--policy: ikev1_in_use off, group 14 high [$got]" \
    test "$got" = "ike_weak_dh_group:high ike_weak_hash:low vendor_fingerprint:info vendor_fingerprint:info"
printf 'dh_group modp2048\n' >"$T/bad"
run -q --policy "$T/bad" "$A_MM.pcap"
t_check "a bad policy: exit 1, file and line named" \
    test "$rc" -eq 1 -a -n "$(grep -F "$T/bad:1: dh_group: expected" "$T/err")"

# psk_mismatch with the initiator's key table
run -q --json -k "$F1.ikev1_decryption_table" "$F1.pcap"
t_check "f1 with the initiator's keys: psk_mismatch, the responder failing" \
    grep -q '"id":"psk_mismatch","severity":"high".*"failing_side":"responder","decrypted":1,"not_decrypted":4' "$T/out"
run -q --json "$F1.pcap"
t_check "f1 without keys: no psk_mismatch" test "$(grep -c psk_mismatch "$T/out")" -eq 0
t_check "f1 without keys: auth_failed inferred from Main Mode stalled at MM5" \
    grep -q '"id":"auth_failed","severity":"medium".*"inferred":true,"mm5_resent":3,"encrypted_replies":4' "$T/out"
run -q --json -k "$F1.ikev1_decryption_table" "$F1.pcap"
t_check "f1 with keys: psk_mismatch says it, no inferred auth_failed beside it" \
    test "$(grep -c '"id":"auth_failed"' "$T/out")" -eq 0

# Failures in clear (tests/audit_gen.py builds them from RFC 2408's
# layouts): NO-PROPOSAL-CHOSEN three times between the same peers, the
# second with other offers than the first, the third with the same as
# the second; INVALID-ID-INFORMATION answering an unknown group name
if command -v python3 >/dev/null 2>&1 &&
    python3 "$top_srcdir/tests/audit_gen.py" "$T/gen"; then
	run -q --json "$T/gen/noprop.pcap"
	t_check "no_proposal_chosen three times, with the offers and the answer's frame" \
	    test "$(grep -c '"id":"no_proposal_chosen","severity":"medium"' "$T/out")" -eq 3 \
	    -a -n "$(grep '"icookie":"1111111111111111".*"frames":\[1,2\],"times_between_peers":1,"exchange":"phase1","offered":\[{"encryption":"3DES-CBC",.*"text":"3DES/SHA1/MODP1024/PSK"}\]}}' "$T/out")"
	t_check "the repeat shows the previous attempt's offers beside its own" \
	    grep -q '"icookie":"2222222222222222".*"times_between_peers":2,.*"text":"AES-256/SHA256/MODP2048/PSK"}\],"previous_offered":"3DES/SHA1/MODP1024/PSK","previous_frame":1,"same_offers":false' "$T/out"
	t_check "a repeat of the same offers says so" \
	    grep -q '"icookie":"3333333333333333".*"times_between_peers":3,.*"previous_frame":3,"same_offers":true' "$T/out"
	run -q "$T/gen/noprop.pcap"
	t_check "text: the offers side by side" \
	    grep -q 'offered: AES-256/SHA256/MODP2048/PSK; previous attempt (frame 1) offered 3DES/SHA1/MODP1024/PSK$' "$T/out"
	run -q --json "$T/gen/badid.pcap"
	t_check "INVALID-ID-INFORMATION after AM1: auth_failed, the group name in clear" \
	    test -n "$(grep '"id":"auth_failed","severity":"medium".*"frames":\[1,2\],"reason":"INVALID-ID-INFORMATION","notify":"INVALID-ID-INFORMATION"' "$T/out")" \
	    -a -n "$(grep '"id":"identity_in_clear".*"value_text":"nogroup"' "$T/out")"
	# a Quick Mode read (in clear here, as if decrypted): offers and choice
	run -q --json "$T/gen/qmclear.pcap"
	got=$(ids "$T/out")
	t_check "qmclear: the findings [$got]" test "$got" = \
	    "esp_weak_encryption:medium esp_weak_integrity:low ike_weak_dh_group:low ike_weak_hash:low ikev1_in_use:info long_lifetime:low qm_no_pfs:low"
	t_check "qmclear: DES offered, not chosen (high a step down), the choice beside it" \
	    grep -q '"id":"esp_weak_encryption","severity":"medium".*"frames":\[3\],"role":"offered",.*"value":"DES",.*"transforms":\[{"msgid":"5eed0001","proposal":1,"transform":1,"protocol":"esp","text":"ESP DES/HMAC-MD5","spi":"aaaaaaaa","lifetime_seconds":3600}\],"transforms_count":1,"chosen":"ESP AES-CBC-128/HMAC-SHA"' "$T/out"
	t_check "qmclear: RESPONDER-LIFETIME's 86400 s is the ESP SA's lifetime, over the policy's 8 h" \
	    grep -q '"id":"long_lifetime","severity":"low".*"frames":\[4\],"role":"chosen","what":"ESP lifetime","sa":"esp","lifetime_seconds":86400,"max_seconds":28800' "$T/out"
	printf 'max_esp_lifetime 1d\nfinding qm_no_pfs off\nesp_encryption des medium\n' >"$T/qpol"
	run -q --json --policy "$T/qpol" "$T/gen/qmclear.pcap"
	got=$(ids "$T/out")
	t_check "qmclear with a policy: 1 day allowed, no PFS off, DES medium (offered: low) [$got]" \
	    test "$got" = "esp_weak_encryption:low esp_weak_integrity:low ike_weak_dh_group:low ike_weak_hash:low ikev1_in_use:info"
else
	t_skip "python3 missing or audit_gen.py failed: no_proposal_chosen"
	t_skip "python3: qmclear"
	t_skip "python3: qmclear DES"
	t_skip "python3: qmclear lifetime"
	t_skip "python3: qmclear policy"
	t_skip "python3: the repeat"
	t_skip "python3: the same offers"
	t_skip "python3: text"
	t_skip "python3: auth_failed"
fi

# A modern configuration (AES, SHA-2 or SHA-1, group 14, Main Mode) gets
# no medium or high finding, its Quick Modes read with the keys
if [ -d "$CORPUS/strongswan" ]; then
	for n in a_mm_psk_aes128_sha1_modp2048 e_mm_psk_natt_forced \
	    g_mm_rekey_dpd h1_esp_aesctr h2_esp_aes256_sha256 h3_esp_sha384 \
	    h4_esp_sha512 h7_esp_aesgcm128; do
		c=$CORPUS/strongswan/$n
		run -q --json --fail-on medium -k "$c.ikev1_decryption_table" \
		    -k "$c.esp_sa" "$c.pcap"
		t_check "$n with keys: no medium or high, exit 0 [rc $rc]" \
		    test "$rc" -eq 0 -a "$(grep -c '"severity":"\(medium\|high\)"' "$T/out")" -eq 0 \
		    -a "$(grep -c '"id":"ikev1_in_use"' "$T/out")" -eq 1
	done
	# the weak one: 3DES/MD5 chosen in its Quick Mode, said as chosen
	c=$CORPUS/strongswan/c_mm_psk_3des_md5_modp1024
	run -q -k "$c.ikev1_decryption_table" "$c.pcap"
	t_check "c_mm with keys: ESP 3DES chosen, with the transform" \
	    grep -q 'ESP encryption 3DES chosen in Quick Mode [0-9a-f]\{8\}: ESP 3DES/HMAC-MD5$' "$T/out"
else
	t_skip "no corpus at $CORPUS/strongswan: the modern captures"
	t_skip "no corpus at $CORPUS/strongswan: c_mm's Quick Mode"
fi

# b_am's SHA-256 exchange: exported with a warning, cracked by ikescope
grep -o '"psk": *"[^"]*"' "$B_AM.json" | sed 's/.*"\([^"]*\)"$/\1/' >"$T/psk"
psk=$(cat "$T/psk")
run -q --psk-crack "$T/bam.line" "$B_AM.pcap"
t_check "b_am: one line exported, psk-crack warned about its PRF" \
    test "$(wc -l <"$T/bam.line")" -eq 1 -a -n "$(grep -F 'psk-crack will not take the line of IKE SA 4f8491cf06c9e3a4: its PRF is not MD5 or SHA-1' "$T/err")"
{ seq 1 3000 | sed 's/^/guess/'; echo "$psk"; seq 1 100 | sed 's/^/more/'; } >"$T/words"
"$IKESCOPE" crack -q -W "$T/words" --psk-line "$T/bam.line" >"$T/cr" 2>&1
t_check "ikescope crack finds b_am's PSK from the export (SHA-256 PRF)" \
    grep -qF "$psk" "$T/cr"

if ! t_have_corpus || [ ! -f "$CORPUS/strongswan/ikescan_am_psk_probe.pcap" ]; then
	t_skip "no corpus at $CORPUS: the ike-scan probe's export"
	t_skip "no corpus: psk-crack"
	t_skip "no corpus: ikescope crack"
	t_skip "no corpus: hashcat's limits"
else
	P=$CORPUS/strongswan/ikescan_am_psk_probe
	run -q --psk-crack "$T/probe.line" --hashcat "$T/probe.hc" "$P.pcap"
	t_check "ike-scan probe (AM2 resent twice): one line, equal to ike-scan's own --pskcrack file" \
	    cmp -s "$T/probe.line" "$P.psk-crack"
	if command -v psk-crack >/dev/null 2>&1; then
		psk-crack -d "$P.wordlist.txt" "$T/probe.line" >"$T/pc" 2>&1
		t_check "the real psk-crack cracks the exported line: letmein123" \
		    grep -q 'key "letmein123" matches SHA1 hash' "$T/pc"
	else
		t_skip "psk-crack not installed (package ike-scan)"
	fi
	"$IKESCOPE" crack -q -W "$P.wordlist.txt" --psk-line "$T/probe.line" \
	    >"$T/cr" 2>&1
	t_check "ikescope crack cracks it too" grep -q 'letmein123' "$T/cr"
	t_check "--hashcat: the group 14 KEs are over hashcat's limits, and it says so" \
	    grep -qF 'hashcat will not take the line of IKE SA 3d675aad6f6e54d9: g_xr..idir_b hold 593 bytes and the nonces 52; its limits are 512 and 64' "$T/err"
fi

# XAUTH after Aggressive Mode, in Wireshark's capture with its key table
# (the README of the public corpus gives it): the credentials readable
# once decrypted, the password masked unless --show-secrets (tshark's
# dissection names the same user and password)
W=$CORPUS/public/wireshark/ikev1-bug-12620.pcapng.gz
if [ ! -f "$W" ]; then
	t_skip "no corpus: Wireshark's ikev1-bug-12620"
	t_skip "no corpus: --show-secrets"
else
	echo '29f6006212625def,c26a81baec6070d289f0b4f13c2fb182e3d5406d11c29ebc2fc179502541325b' >"$T/12620.tab"
	run -q --json -k "$T/12620.tab" "$W"
	got=$(ids "$T/out" | tr ' ' '\n' | grep -E 'aggressive|xauth' | tr '\n' ' ')
	t_check "12620: aggressive PSK, XAUTH after it, credentials readable (user mpa, password masked) [$got]" \
	    test "$got" = "ike_aggressive_psk:high xauth_after_aggressive:medium xauth_credentials_visible:high " \
	    -a -n "$(grep '"id":"xauth_credentials_visible".*"user":"mpa","in_clear":false,"password":"\*\*\*\*\*\*\*\*","password_length":4' "$T/out")"
	pw=$(sed -n 's/.*XAUTH_USER_PASSWORD: \(.*\)$/\1/p' "$W.tshark.txt" | head -1)
	run -q --json --show-secrets -k "$T/12620.tab" "$W"
	t_check "12620 --show-secrets: the password tshark shows ($pw)" \
	    grep -q "\"id\":\"xauth_credentials_visible\".*\"password\":\"$pw\"" "$T/out"
fi

# hashcat takes what it can: zeek's Aggressive Mode capture (SHA-1,
# group 2) is exported for mode 5400, and hashcat loads the line (a
# one-digit mask exhausts: exit 1, not a refusal; a session name of its
# own, so that another hashcat running on the machine does not refuse it)
Z=$CORPUS/public/zeek-spicy-ipsec/tests/traces/ipsec-ikev1-isakmp-aggressive-mode.pcap
if ! command -v hashcat >/dev/null 2>&1; then
	t_skip "hashcat not installed"
elif ! timeout 120 hashcat -I >/dev/null 2>&1; then
	t_skip "hashcat has no usable OpenCL device here"
elif [ ! -f "$Z" ]; then
	t_skip "no corpus: zeek's Aggressive Mode capture"
else
	run -q --hashcat "$T/z.hc" "$Z"
	(cd "$T" && timeout 300 hashcat -m 5400 -a 3 --potfile-disable \
	    --session "ikescope-audit-$$" \
	    --quiet z.hc '?d' >hc.log 2>&1)
	hrc=$?
	t_check "hashcat -m 5400 loads the exported line and searches it [rc $hrc]" \
	    test "$hrc" -eq 1 -a -z "$(grep -i 'no hashes loaded\|token' "$T/hc.log")"
fi
t_done
