#!/bin/bash
# select.sh - choosing what to look at: -f capture filters against
# tcpdump's with the same expression (the timestamps of the frames kept),
# and the selections after decoding (--sa, --peer, --spi, --state,
# --since, --until) on corpus captures with exact frame lists, --sa's
# IKE frames checked against tshark's isakmp.ispi, -w with a selection
# read back.  Skips, saying why, without the corpus, tcpdump or tshark.
. "$(dirname "$0")/lib.sh"
t_need_ikescope
t_need_corpus strongswan
T=$t_tmp
G=$CORPUS/strongswan/g_mm_rekey_dpd
GK="-k $G.esp_sa -k $G.ikev1_decryption_table"
EVE=$CORPUS/public/suricata-verify/tests/eve-flow-esp/input.pcap
F1=$CORPUS/strongswan/f1_mm_wrong_psk.pcap
A=$CORPUS/strongswan/a_mm_psk_aes128_sha1_modp2048.pcap

# frames CMD...: the frame numbers of read's text output, one line
frames() {
	"$IKESCOPE" read -q "$@" 2>"$T/err" | awk '{ print $1 }' |
	    tr '\n' ' ' | sed 's/ $//'
}

# the range A..B as frames prints it
seq_of() {
	seq "$1" "$2" | tr '\n' ' ' | sed 's/ $//'
}

# --- -f against tcpdump ---------------------------------------------------
# tcpdump -tt prints each kept frame's time with microseconds, as read's
# JSON "ts" does: the same list means the same frames.
fcheck() {	# fcheck CAPTURE EXPR: -f EXPR keeps tcpdump's frames
	tcpdump -r "$1" -tt -n "$2" 2>/dev/null | awk '{ print $1 }' \
	    >"$T/td"
	"$IKESCOPE" read -q --json -f "$2" "$1" |
	    sed 's/^{"frame":[0-9]*,"ts":\([0-9.]*\),.*/\1/' >"$T/is"
	t_check "-f '$2' on $(basename "$1"): tcpdump's $(wc -l <"$T/td") frames" \
	    test -s "$T/td" -a "$(cat "$T/td")" = "$(cat "$T/is")"
}
if command -v tcpdump >/dev/null 2>&1; then
	fcheck "$G.pcap" 'udp port 500'
	fcheck "$G.pcap" 'host 192.0.2.2 and udp port 4500'
	fcheck "$EVE" 'host 190.0.0.2 and esp'
	fcheck "$EVE" 'ip6 and esp'
	fcheck "$EVE" 'ip6 dst host ::2'
else
	for i in 1 2 3 4 5; do t_skip "-f against tcpdump: no tcpdump"; done
fi
"$IKESCOPE" read -q -f 'udp port' "$G.pcap" >"$T/out" 2>"$T/err"
rc=$?
t_check "-f 'udp port': exit 1, the expression and libpcap's message" \
    test "$rc" -eq 1 -a -s "$T/err" -a ! -s "$T/out" -a \
    -n "$(grep -F 'filter "udp port" (link type EN10MB): ' "$T/err")"

# --- --sa -----------------------------------------------------------------
# g_mm_rekey_dpd: 3 IKE SAs, 8 ESP SAs linked by their Quick Modes' SPIs
# (the keys decrypt the Quick Modes).  Each cookie selects its messages
# and its flows' ESP frames, nothing else.
SA1="$(seq_of 3 29) $(seq_of 32 53) 56 57 70 71 73"
SA2="58 60 62 64 66 69 72 $(seq_of 78 97) $(seq_of 99 105)"
SA3="59 61 63 65 67 68 74 75 76 77 98"
got=$(frames $GK --sa ea09 "$G.pcap")
t_check "--sa ea09 (prefix): SA 1's frames [$got]" test "$got" = "$SA1"
got=$(frames $GK --sa B860D709 "$G.pcap")
t_check "--sa B860D709 (upper case): SA 2's frames [$got]" test "$got" = "$SA2"
got=$(frames $GK --sa f4ae31d54092f699/0e70a7b714787e4c "$G.pcap")
t_check "--sa icookie/rcookie: SA 3's frames [$got]" test "$got" = "$SA3"
got=$(frames $GK --sa ea09 --sa f4ae "$G.pcap")
want=$(printf '%s\n' $SA1 $SA3 | sort -n | tr '\n' ' ' | sed 's/ $//')
t_check "--sa twice: either SA" test "$got" = "$want"
got=$(frames $GK --sa ea09f4bb9d1b4430/0000000000000000 "$G.pcap")
t_check "--sa with the wrong rcookie: nothing, and stderr says so" \
    test -z "$got" -a -n "$(grep -F 'the selection matched nothing' "$T/err")"
got=$("$IKESCOPE" read -q $GK --sa ea09 "$G.pcap" | grep -o 'spi=0x[0-9a-f]*' |
    sort -u | tr '\n' ' ')
t_check "--sa ea09: the ESP frames of SA 1's six SPIs [$got]" test \
    "$got" = "spi=0x6f911a44 spi=0x75cd1667 spi=0x8649cd6a spi=0xaa7a8cba spi=0xc82cf127 spi=0xf406b9d8 "
if t_have_tshark; then
	for c in ea09f4bb9d1b4430 b860d709b906a52c f4ae31d54092f699; do
		"$TSHARK" -r "$G.pcap" -Y "isakmp.ispi == $c" -T fields \
		    -e frame.number 2>/dev/null | tr '\n' ' ' |
		    sed 's/ $//' >"$T/ts"
		"$IKESCOPE" read -q $GK --sa "$c" "$G.pcap" |
		    awk '/ ISAKMP /{ print $1 }' | tr '\n' ' ' |
		    sed 's/ $//' >"$T/is"
		t_check "--sa $c: its IKE frames are tshark's isakmp.ispi == $c ($(wc -w <"$T/ts"))" \
		    test -s "$T/ts" -a "$(cat "$T/ts")" = "$(cat "$T/is")"
	done
else
	for i in 1 2 3; do t_skip "--sa against tshark: no tshark"; done
fi
"$IKESCOPE" timeline -q $GK --json --sa b860 "$G.pcap" >"$T/out"
t_check "timeline --sa b860: SA 2 alone" test "$(wc -l <"$T/out")" -eq 1 -a \
    -n "$(grep '"icookie":"b860d709b906a52c"' "$T/out")"
"$IKESCOPE" sas -q $GK --sa ea09 "$G.pcap" >"$T/out"
t_check "sas --sa ea09: 1 IKE SA, its 6 ESP SAs" \
    test "$(sed -n 's/^IKE SAs (\(.*\))$/\1/p;s/^ESP SAs (\(.*\))$/\1/p' "$T/out" |
    tr '\n' ' ')" = "1 6 " -a "$(grep -c '^[0-9a-f]\{8\}  ' "$T/out")" -eq 6
"$IKESCOPE" sas -q $GK --json --sa f4ae "$G.pcap" >"$T/out"
t_check "sas --json --sa f4ae: SA 3's row and no ESP row (it made none)" \
    test "$(wc -l <"$T/out")" -eq 1 -a -n "$(grep '"ike_sa":3,' "$T/out")"

# --- --spi, --peer --------------------------------------------------------
# From a file (read twice), the whole IKE SA that negotiated the SPI; from
# standard input, decided as frames come: SA 2's frames from the Quick
# Mode naming fad23f92 (frame 85) on.
got=$(frames $GK --spi fad23f92 "$G.pcap")
t_check "--spi fad23f92: all of SA 2's frames [$got]" test "$got" = "$SA2"
got=$(frames $GK --spi fad23f92 - <"$G.pcap")
t_check "--spi fad23f92 from standard input: SA 2 from frame 85 on [$got]" \
    test "$got" = "$(seq_of 85 97) $(seq_of 99 105)"
"$IKESCOPE" timeline -q $GK --spi 0xFAD23F92 "$G.pcap" >"$T/out"
t_check "timeline --spi: the SA that negotiated it" \
    test "$(grep -c '^IKE SA ' "$T/out")" -eq 1 -a -n "$(grep '^IKE SA 2 ' "$T/out")"
got=$(frames --spi 141 "$EVE")
t_check "--spi 141 without IKE: the flow's ESP frames [$got]" test "$got" = "3 4"
got=$(frames --spi 7b --peer 190.0.0.3 "$EVE")
t_check "--spi 7b --peer 190.0.0.3: AND [$got]" test "$got" = "5 6"
got=$(frames --peer 190.0.0.0/30 "$EVE")
t_check "--peer 190.0.0.0/30 [$got]" test "$got" = "$(seq_of 1 6)"
got=$(frames --peer ::2 "$EVE")
t_check "--peer ::2 (IPv6) [$got]" test "$got" = "7 8"
got=$(frames --peer ::/127 "$EVE")
t_check "--peer ::/127 [$got]" test "$got" = "7 8"
got=$(frames --peer 192.0.2.1 --peer 190.0.0.3 "$EVE")
t_check "--peer twice: either [$got]" test "$got" = "5 6"
got=$(frames $GK --peer 192.0.2.9 "$G.pcap")
t_check "--peer with no such peer: nothing, and stderr says so" \
    test -z "$got" -a -n "$(grep -F 'the selection matched nothing' "$T/err")"

# --- --since, --until -----------------------------------------------------
got=$(frames --since 2026-11-27T04:13:44Z --until 1795752824.371 "$G.pcap")
t_check "--since ISO --until seconds: the frames between [$got]" \
    test "$got" = "$(seq_of 58 69)"
got=$(frames --since 2026-11-27T05:13:44+01:00 --until 1795752824.371 "$G.pcap")
t_check "--since with a zone: the same" test "$got" = "$(seq_of 58 69)"
got=$(frames --until 2026-11-27T04:13:14.30351 "$G.pcap")
t_check "--until with a fraction [$got]" test "$got" = "1 2 3"
"$IKESCOPE" timeline -q $GK --since 2026-11-27T04:13:50Z "$G.pcap" >"$T/out"
t_check "timeline --since 04:13:50: the SAs with messages after (2, 3)" \
    test "$(grep '^IKE SA ' "$T/out" | awk '{ print $3 }' | tr '\n' ' ')" = "2 3 "
"$IKESCOPE" timeline -q $GK --since 2026-11-27T04:13:52.025Z "$G.pcap" >"$T/out"
t_check "timeline --since after SA 3's last message: SA 2" \
    test "$(grep '^IKE SA ' "$T/out" | awk '{ print $3 }' | tr '\n' ' ')" = "2 "

# --- --state (several files: the tracker carries over) -------------------
"$IKESCOPE" sas -q --state failed "$F1" "$A" >"$T/out"
t_check "sas --state failed: f1's SA alone" \
    test "$(grep -c '^[0-9]  *[0-9a-f]\{16\} ' "$T/out")" -eq 1 -a \
    -n "$(grep ' failed ' "$T/out")"
"$IKESCOPE" timeline -q --json --state established "$F1" "$A" >"$T/out"
t_check "timeline --state established: a_mm's SA alone" \
    test "$(wc -l <"$T/out")" -eq 1 -a -n "$(grep '"state":"established"' "$T/out")"
"$IKESCOPE" timeline -q --state incomplete "$F1" "$A" >"$T/out" 2>"$T/err"
t_check "--state incomplete: none, said on stderr" \
    test ! -s "$T/out" -a -n "$(grep -F 'the selection matched nothing' "$T/err")"
nf1=$("$IKESCOPE" read -q "$F1" | grep -c ' ISAKMP ')
got=$(frames --state failed "$F1" "$A" | wc -w)
t_check "read --state failed: f1's $nf1 IKE frames, not a_mm's ($got)" test "$got" -eq "$nf1"
"$IKESCOPE" read -q --state failed - <"$F1" >"$T/out" 2>"$T/err"
t_check "read --state from standard input: refused, exit 1" test "$?" -eq 1 \
    -a -n "$(grep -F -e '--state: read, audit and -w need the captures as files' "$T/err")"

# --- audit ----------------------------------------------------------------
# The selected SAs' findings are those of their capture alone (frame
# numbers aside: the set numbers a_mm's 33 frames first).
noframes() { sed 's/"frames":\[[0-9,]*\]//' "$@"; }
"$IKESCOPE" audit -q --json "$F1" | noframes >"$T/a1"
"$IKESCOPE" audit -q --json --sa 26c10c2e "$A" "$F1" 2>/dev/null |
    noframes >"$T/a2"
t_check "audit --sa: f1's findings alone ($(wc -l <"$T/a1"))" \
    test -s "$T/a1" -a "$(cat "$T/a1")" = "$(cat "$T/a2")"
"$IKESCOPE" audit -q --json "$A" | noframes >"$T/a1"
"$IKESCOPE" audit -q --json --state established "$F1" "$A" 2>/dev/null |
    noframes >"$T/a2"
t_check "audit --state established: a_mm's findings alone ($(wc -l <"$T/a1"))" \
    test -s "$T/a1" -a "$(cat "$T/a1")" = "$(cat "$T/a2")"
"$IKESCOPE" audit -q --peer 198.51.100.1 "$F1" >"$T/out" 2>"$T/err"
t_check "audit --peer with no such peer: no finding, said on stderr" \
    test -n "$(grep -F 'the selection matched nothing' "$T/err")" -a \
    "$(cat "$T/out")" = 'no findings'

# --- bad arguments --------------------------------------------------------
for bad in "--sa 123" "--sa xyz0" "--sa 0123456789abcdef0" \
    "--peer 10.0.0.1/33" "--peer ::1/129" "--peer host" "--spi 123456789" \
    "--spi g1" "--state up" "--since 2024-13-01" "--until tomorrow"; do
	# shellcheck disable=SC2086
	"$IKESCOPE" read -q $bad "$G.pcap" >"$T/out" 2>"$T/err"
	t_check "$bad: exit 1, said why" test "$?" -eq 1 -a ! -s "$T/out" -a \
	    -n "$(grep -F -e "${bad%% *}: expected" "$T/err")"
done

# --- -w with a selection --------------------------------------------------
"$IKESCOPE" read -q $GK --sa b860 -w "$T/w.pcap" "$G.pcap" >/dev/null
got=$("$IKESCOPE" read -q "$T/w.pcap" | grep -c ' > ')
t_check "-w --sa b860: its 8 decrypted packets, read back ($got)" \
    test "$got" -eq 8
"$IKESCOPE" read -q $GK --sa b860 --write-mode=all -w "$T/w.pcap" \
    "$G.pcap" >/dev/null
"$IKESCOPE" read -q --json "$T/w.pcap" |
    sed 's/^{"frame":[0-9]*,"ts":\([0-9.]*\),.*/\1/' >"$T/wts"
"$IKESCOPE" read -q --json $GK --sa b860 "$G.pcap" |
    sed 's/^{"frame":[0-9]*,"ts":\([0-9.]*\),.*/\1/' >"$T/sts"
t_check "-w --write-mode=all --sa b860: exactly the selected frames ($(wc -l <"$T/wts"))" \
    test "$(wc -l <"$T/wts")" -eq "$(echo $SA2 | wc -w)" -a \
    "$(cat "$T/wts")" = "$(cat "$T/sts")"

# --- capture sets ---------------------------------------------------------
# g_mm_rekey_dpd split by editcap -c 21 into 5 files, given shuffled: read
# in time order (said on stderr), frames numbered across the set, the
# tracker and decryptors carried over: timeline and read as the whole's.
if command -v editcap >/dev/null 2>&1 &&
    editcap -c 21 "$G.pcap" "$T/part.pcap" 2>/dev/null; then
	set -- "$T"/part_*.pcap
	t_check "editcap -c 21: 5 files" test "$#" -eq 5
	shuf=("$3" "$5" "$1" "$4" "$2")
	"$IKESCOPE" timeline -q $GK "$G.pcap" >"$T/tl1"
	"$IKESCOPE" timeline -q $GK "${shuf[@]}" >"$T/tl5" 2>"$T/err"
	t_check "the set's timeline is the unsplit capture's" \
	    test -s "$T/tl1" -a "$(cat "$T/tl1")" = "$(cat "$T/tl5")"
	t_check "a note names the order read" grep -qF \
	    "note: the files read in time order (of their first frames): $1 $2 $3 $4 $5" "$T/err"
	"$IKESCOPE" timeline -q --json $GK "$G.pcap" >"$T/tl1"
	"$IKESCOPE" timeline -q --json $GK "${shuf[@]}" >"$T/tl5" 2>/dev/null
	t_check "the same in JSON" cmp -s "$T/tl1" "$T/tl5"
	"$IKESCOPE" read -q $GK "$G.pcap" >"$T/r1"
	"$IKESCOPE" read -q $GK "${shuf[@]}" >"$T/r5" 2>/dev/null
	t_check "read: the same lines, frames 1..105 across the set" \
	    test "$(wc -l <"$T/r1")" -eq 105 -a "$(cat "$T/r1")" = "$(cat "$T/r5")"
	"$IKESCOPE" read -q --json "${shuf[@]}" 2>/dev/null |
	    sed 's/^{"frame":\([0-9]*\),"file":\([0-9]*\),"file_frame":\([0-9]*\),.*/\1 \2 \3/' \
	    >"$T/ff"
	want=$(seq 1 105 | awk '{ printf "%d %d %d\n", $1, int(($1 - 1) / 21) + 1, ($1 - 1) % 21 + 1 }')
	t_check "read --json: frame, file and file_frame" \
	    test "$(cat "$T/ff")" = "$want"
	"$IKESCOPE" read -q --json "$G.pcap" | grep -c '"file' >"$T/n"
	t_check "one file: no file keys" test "$(cat "$T/n")" -eq 0
	got=$(frames $GK --sa b860 "${shuf[@]}")
	t_check "--sa b860 over the set: SA 2's frames" test "$got" = "$SA2"
else
	for i in 1 2 3 4 5 6 7 8; do t_skip "capture sets: no editcap"; done
fi

t_done
