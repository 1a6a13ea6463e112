#!/bin/sh
# bench/esp.sh - ESP decryption throughput: ikescope against tshark,
# tcpdump -E and the crypto-only limit, on generated captures (run by
# hand; not part of make check).  See bench/RESULTS.md.
#
#   bench/esp.sh [-b BUILD_DIR] [-n PACKETS] [-d WORK_DIR] [--big] [--quick]
#
# -n   packets per capture (default 200000)
# --big    also run ikescope on 2,000,000-packet captures (peak RSS check)
# --quick  skip tshark (slow) and tcpdump
#
# For each variant (cbc: AES-128-CBC + HMAC-SHA1-96, gcm: AES-128-GCM-16)
# it generates a capture with bench/gen_esp.c (OpenSSL, known keys, 8 SAs,
# inner packets of 64..1400 bytes), then times in the same run:
#   limit    bench/crypto_limit.c: the same backend over the same packets
#            held in memory, 1 and 2 threads (the faster is the reference)
#   floor    cat CAPTURE > FILE: reading the capture and writing as many
#            bytes, which any tool that exports what it decrypts pays
#   ikescope read -k KEYS -w OUT (decrypt + ICV + trailer checks + export;
#            per-frame text to a file), with each built backend
#   tshark   with ESP decryption and ICV checking (esp_sa table; per-frame
#            text to a file)
#   tcpdump -E (CBC only; tcpdump verifies no ICV; text to a file)
# Rates count ESP frames; MB/s counts capture bytes (the pcap file size);
# times are the best of REPEAT runs (ikescope, limit, floor: 5) or
# REPEAT_REF runs (tshark, tcpdump: 3), wall clock in nanoseconds.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$here")
build=$top/build
n=200000
work=${TMPDIR:-/tmp}/ikescope-bench
big=0
quick=0
while [ $# -gt 0 ]; do
	case $1 in
	-b) build=$(cd "$2" && pwd); shift ;;
	-n) n=$2; shift ;;
	-d) work=$2; shift ;;
	--big) big=1 ;;
	--quick) quick=1 ;;
	*) echo "usage: $0 [-b BUILD] [-n N] [-d DIR] [--big] [--quick]" >&2
	   exit 1 ;;
	esac
	shift
done
ike=$build/ikescope
[ -x "$ike" ] || { echo "no $ike: build first" >&2; exit 1; }
mkdir -p "$work"
cc=${CC:-cc}
mblibs=$(sed -n 's/^IPSEC_MB_LIBS = //p' "$build/Makefile")
cflags="-O2 -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE"
$cc $cflags -o "$work/gen_esp" "$here/gen_esp.c" -lpcap -lcrypto
$cc $cflags -I"$top/src" -I"$top/dissectors" -I"$build" \
    -o "$work/crypto_limit" "$here/crypto_limit.c" "$build/libikescope.a" \
    -lpcap -lcrypto $mblibs -lz -lpthread

echo "# $(date -u '+%Y-%m-%d %H:%M UTC'), nproc $(nproc)," \
    "$(sed -n 's/^model name[^:]*: //p' /proc/cpuinfo | head -1)"
echo "# load average before: $(cut -d' ' -f1-3 /proc/loadavg) (a shared machine)"
echo "# ikescope $("$ike" --version | cut -d' ' -f2);" \
    "$(tshark --version 2>/dev/null | head -1);" \
    "$(tcpdump --version 2>&1 | head -1)"

# run LABEL CMD...: time a command (best wall time of $rep runs, measured
# with date's nanoseconds), keep peak RSS (/usr/bin/time); sets t
# (seconds) and rss (KiB).  ikescope and the limit run $REPEAT times (5),
# tshark and tcpdump $REPEAT_REF times (3; 1 saves most of the run's time).
rep=${REPEAT:-5}
rep_ref=${REPEAT_REF:-3}
run() {
	label=$1; shift
	t=; rss=0
	i=0
	while [ $i -lt "$rep" ]; do
		# a fresh -w file: ext4 flushes a file truncated on open when
		# it is closed, which would time the disk; and no writeback of
		# the previous run's file while this one runs (sync)
		rm -f "$work/out.pcap"
		sync
		t0=$(date +%s%N)
		/usr/bin/time -f "%M" -o "$work/time.out" "$@" \
		    >"$work/stdout.out" 2>"$work/stderr.out" || {
			echo "$label failed:" >&2; cat "$work/stderr.out" >&2
			t=; return 1; }
		t1=$(date +%s%N)
		tt=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.4f", (b - a) / 1e9 }')
		read -r rr <"$work/time.out"
		if [ -z "$t" ] || awk "BEGIN{exit !($tt < $t)}"; then t=$tt; fi
		[ "$rr" -gt "$rss" ] && rss=$rr
		i=$((i + 1))
	done
}

row() {	# label packets bytes seconds rss ref_pps
	awk -v l="$1" -v n="$2" -v b="$3" -v t="$4" -v r="$5" -v ref="$6" \
	    'BEGIN { t = t < 0.005 ? 0.005 : t; pps = n / t;
	    printf "| %-26s | %8.3f | %10.0f | %8.1f | %8.1f | %s |\n", l, t,
	    pps, b / t / 1e6, r / 1024, (ref > 0 ? sprintf("%.2f", pps / ref) : "-") }'
}

bench_variant() {	# alg packets
	alg=$1; np=$2
	base=$work/$alg-$np
	if [ ! -s "$base.pcap" ]; then
		"$work/gen_esp" -n "$np" -a "$alg" -o "$base.pcap" -k "$base"
	fi
	bytes=$(stat -c %s "$base.pcap")
	cat "$base.pcap" >/dev/null
	cfg=$work/wsconf-$alg-$np
	mkdir -p "$cfg"
	cp "$base.esp_sa" "$cfg/esp_sa"
	printf 'esp.enable_encryption_decode: TRUE\nesp.enable_authentication_check: TRUE\n' \
	    >"$cfg/preferences"

	backends=evp
	if "$ike" -q -c 1 --crypto=imb -k "$base.esp_sa" "$base.pcap" \
	    >/dev/null 2>&1; then
		backends="evp imb"
	fi
	echo
	echo "## $alg, $np packets, $((bytes / 1000000)) MB"
	echo
	echo "| tool                       |   wall s |   packets/s |     MB/s |  RSS MiB | x ref |"
	echo "|----------------------------|----------|------------|----------|----------|-------|"
	# the limit first: it is the reference of the ikescope rows (the
	# faster of 1 and 2 threads), measured just before them
	for be in $backends; do
		best=0
		for th in 1 2; do
			out=$("$work/crypto_limit" "$base.esp_sa" "$base.pcap" \
			    "$be" $rep $th)
			set -- $out
			lt=$(awk -v s="$3" -v r=$rep 'BEGIN { printf "%.4f", s / r }')
			best=$(awk -v s=$lt -v n=$np -v b=$best \
			    'BEGIN { r = n / s; print (r > b ? r : b) }')
			row "limit $be x$th (crypto)" "$np" "$bytes" "$lt" 0 0
		done
		eval "limit_$be=\$best"
	done
	# the floor of any tool that reads the capture and writes as much:
	# copying the file to a fresh one (page cache to page cache)
	run floor sh -c 'cat "$1" >"$2"' sh "$base.pcap" "$work/out.pcap"
	row "floor: cat capture > file" "$np" "$bytes" "$t" 0 0
	for be in $backends; do
		run "ikescope $be" "$ike" -q --crypto="$be" -k "$base.esp_sa" \
		    -w "$work/out.pcap" "$base.pcap"
		dec=$(tshark -r "$work/out.pcap" -T fields -e frame.number \
		    2>/dev/null | wc -l)
		eval "lim=\$limit_$be"
		row "ikescope $be ($dec out)" "$np" "$bytes" "$t" "$rss" "$lim"
		eval "ipps_$be=\$(awk -v n=$np -v t=$t 'BEGIN{print n/t}')"
	done
	tpps=0; dpps=0
	if [ $quick = 0 ]; then
		rep=$rep_ref run tshark env WIRESHARK_CONFIG_DIR="$cfg" \
		    tshark -n -r "$base.pcap"
		good=$(WIRESHARK_CONFIG_DIR="$cfg" tshark -n -r "$base.pcap" \
		    -Y esp.icv_good==1 -T fields -e frame.number 2>/dev/null |
		    wc -l)
		tpps=$(awk -v n="$np" -v t="$t" 'BEGIN{print n/t}')
		row "tshark ($good icv ok)" "$np" "$bytes" "$t" "$rss" 0
		if [ "$alg" = cbc ]; then
			rep=$rep_ref run tcpdump tcpdump -n -r "$base.pcap" \
			    -E "file $base.secrets"
			dpps=$(awk -v n="$np" -v t="$t" 'BEGIN{print n/t}')
			row "tcpdump -E" "$np" "$bytes" "$t" "$rss" 0
		fi
	fi
	echo
	for be in $backends; do
		eval "i=\$ipps_$be lim=\$limit_$be"
		awk -v i="$i" -v ts="$tpps" -v td="$dpps" -v l="$lim" \
		    -v be="$be" 'BEGIN {
		    printf "ikescope %s: %.0f%% of the limit", be, 100 * i / l
		    if (ts > 0) printf ", %.1fx tshark", i / ts
		    if (td > 0) printf ", %.1fx tcpdump -E", i / td
		    printf "\n" }'
	done
	echo
}

for alg in cbc gcm; do
	bench_variant "$alg" "$n"
done
if [ $big = 1 ]; then
	quick=1
	for alg in cbc gcm; do
		bench_variant "$alg" $((n * 10))
	done
	rm -f "$work"/*-$((n * 10)).pcap
fi
rm -f "$work/out.pcap"
