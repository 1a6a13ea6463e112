#!/bin/sh
# ESP backends and thread counts give byte-identical results: the JSON
# records and the -w export of OpenSSL EVP on one thread against EVP on
# two, the multi-buffer backend on one and two, and auto; over every
# corpus ESP capture with keys and over generated batches (AES-CBC +
# HMAC-SHA1-96 and AES-GCM, 8 SAs, every 7th ICV wrong); -w to a file
# (allocated ahead, cut at the end) against -w to a pipe.
tmp=$(mktemp -d "${TMPDIR:-/tmp}/esp_backends.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
n=0
out=$tmp/tap

imb=yes
"$IKESCOPE" --crypto=imb -q -k /dev/null /dev/null 2>&1 |
    grep -q "not built" && imb=no

# compare NAME KEYFILE CAPTURE
compare() {
	name=$1
	"$IKESCOPE" -q --json --crypto=evp --threads 1 -k "$2" \
	    -w "$tmp/ref.pcap" "$3" >"$tmp/ref.json" 2>"$tmp/ref.err"
	rc=$?
	dec=$(grep -c '"decrypted":true' "$tmp/ref.json")
	for v in "evp 2" "imb 1" "imb 2" "auto 0"; do
		set -- $v
		n=$((n + 1))
		if [ "$1" = imb ] && [ $imb = no ]; then
			echo "ok $n - $name: $1 x$2 # SKIP multi-buffer backend not built" >>"$out"
			continue
		fi
		"$IKESCOPE" -q --json --crypto="$1" --threads "$2" \
		    -k "$key" -w "$tmp/v.pcap" "$cap" >"$tmp/v.json" 2>&1
		vrc=$?
		if [ $rc = 0 ] && [ $vrc = 0 ] &&
		    cmp -s "$tmp/ref.json" "$tmp/v.json" &&
		    cmp -s "$tmp/ref.pcap" "$tmp/v.pcap"; then
			echo "ok $n - $name: $1 x$2 same JSON and -w bytes as evp x1 ($dec decrypted)" >>"$out"
		else
			echo "not ok $n - $name: $1 x$2 same JSON and -w bytes as evp x1 (rc $rc/$vrc, decrypted $dec)" >>"$out"
			diff "$tmp/ref.json" "$tmp/v.json" | head -5 | sed 's/^/# /' >>"$out"
		fi
	done
}

if [ -d "${CORPUS:-/nonexistent}" ]; then
	for key in $(find "$CORPUS" -name '*.esp_sa' | sort); do
		cap=${key%.esp_sa}
		[ -f "$cap" ] || cap=$cap.pcap
		[ -f "$cap" ] || continue
		compare "$(basename "$cap")" "$key" "$cap"
	done
fi
gen=$top_builddir/bench/gen_esp
for alg in cbc gcm; do
	"$gen" -n 3000 -a "$alg" -b 7 -o "$tmp/$alg.pcap" -k "$tmp/$alg" || {
		n=$((n + 1)); echo "not ok $n - gen_esp $alg" >>"$out"; continue; }
	key=$tmp/$alg.esp_sa cap=$tmp/$alg.pcap
	compare "generated $alg" "$key" "$cap"
	n=$((n + 1))
	bad=$(grep -c '"icv":"bad"' "$tmp/ref.json")
	good=$(grep -c '"decrypted":true' "$tmp/ref.json")
	if [ "$bad" = 428 ] && [ "$good" = 2572 ]; then
		echo "ok $n - generated $alg: 2572 decrypt, 428 wrong ICVs found" >>"$out"
	else
		echo "not ok $n - generated $alg: $good decrypt, $bad bad ICVs (want 2572, 428)" >>"$out"
	fi
	# -w to a regular file is allocated ahead and cut at the end: the
	# same bytes, no more, as -w to a pipe (written as it comes)
	n=$((n + 1))
	"$IKESCOPE" -q -k "$key" -w "$tmp/file.pcap" "$cap" >/dev/null
	rm -f "$tmp/fifo"
	mkfifo "$tmp/fifo"
	cat "$tmp/fifo" >"$tmp/pipe.pcap" &
	"$IKESCOPE" -q -k "$key" -w "$tmp/fifo" "$cap" >/dev/null
	wait
	size=$(wc -c <"$tmp/file.pcap")
	# and the blocks allocated beyond the data are given back (64 MiB
	# are allocated at a time)
	held=$(($(stat -c '%b * %B' "$tmp/file.pcap")))
	if cmp -s "$tmp/file.pcap" "$tmp/pipe.pcap" && [ "$size" -gt 1000000 ] &&
	    [ "$held" -lt $((size + 8388608)) ]; then
		echo "ok $n - generated $alg: -w to a file and to a pipe give the same $size bytes ($held bytes of blocks)" >>"$out"
	else
		echo "not ok $n - generated $alg: -w to a file ($size bytes, $held bytes of blocks) against -w to a pipe" >>"$out"
	fi
done

# Nested ESP (tcpdump's esp2 capture: ESP in ESP) in the middle of batches
# of generated frames: with threads those frames are output by the main
# thread, the others by the output thread; text, JSON and -w must not
# depend on it.
esp2=${CORPUS:-/nonexistent}/public/tcpdump/08-sunrise-sunset-esp2.pcap
n=$((n + 1))
if [ ! -f "$esp2" ] || ! command -v mergecap >/dev/null 2>&1; then
	echo "ok $n - nested ESP amid batches # SKIP no corpus or mergecap" >>"$out"
elif ! "$gen" -n 700 -a cbc -b 7 -o "$tmp/g.pcap" -k "$tmp/g" ||
    ! mergecap -a -F pcap -w "$tmp/nest.pcap" "$tmp/g.pcap" "$esp2" \
    "$tmp/g.pcap" "$esp2" "$tmp/g.pcap"; then
	echo "not ok $n - nested ESP amid batches: building the capture" >>"$out"
else
	cat "$tmp/g.esp_sa" "$esp2.esp_sa" >"$tmp/nest.esp_sa"
	same=yes
	for fmt in text json; do
		j=; [ $fmt = json ] && j=--json
		for th in 1 2 4; do
			"$IKESCOPE" -q $j --threads $th -k "$tmp/nest.esp_sa" \
			    -w "$tmp/n$th.pcap" "$tmp/nest.pcap" >"$tmp/n$th.out" ||
			    same=no
		done
		for th in 2 4; do
			cmp -s "$tmp/n1.out" "$tmp/n$th.out" &&
			    cmp -s "$tmp/n1.pcap" "$tmp/n$th.pcap" || same=no
		done
	done
	nest=$(grep -c '"esp":{"spi":"abcdabcd".*"decrypted":true' "$tmp/n1.out")
	if [ $same = yes ] && [ "$nest" -gt 0 ]; then
		echo "ok $n - nested ESP amid batches: threads 1, 2, 4 give the same text, JSON and -w ($nest nested frames decrypted)" >>"$out"
	else
		echo "not ok $n - nested ESP amid batches: threads 1, 2, 4 give the same text, JSON and -w ($same, $nest nested frames)" >>"$out"
	fi
	# --write-mode=all: the frames that did not decrypt (bad ICVs) are
	# written as they came, from the output thread or the main thread
	n=$((n + 1))
	same=yes
	for th in 1 2 4; do
		"$IKESCOPE" -q --threads $th -k "$tmp/nest.esp_sa" \
		    --write-mode=all -w "$tmp/a$th.pcap" "$tmp/nest.pcap" \
		    >/dev/null || same=no
	done
	for th in 2 4; do
		cmp -s "$tmp/a1.pcap" "$tmp/a$th.pcap" || same=no
	done
	in=$("$IKESCOPE" -q --json "$tmp/nest.pcap" | grep -vc '"src":null')
	got=$(tshark -r "$tmp/a1.pcap" 2>/dev/null | wc -l)
	dec=$(tshark -r "$tmp/n1.pcap" 2>/dev/null | wc -l)
	if ! command -v tshark >/dev/null 2>&1; then
		echo "ok $n - --write-mode=all # SKIP no tshark" >>"$out"
	elif [ $same = yes ] && [ "$in" -gt "$dec" ] && [ "$got" = "$in" ]; then
		echo "ok $n - --write-mode=all: threads 1, 2, 4 write the same $got frames, one per IP frame ($dec decrypted)" >>"$out"
	else
		echo "not ok $n - --write-mode=all: threads 1, 2, 4 ($same): $got frames written, $in IP frames, $dec decrypted" >>"$out"
	fi
fi
echo "1..$n"
cat "$out"
