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
# in rounds (each tool once per round), so that the slow minutes of this
# shared machine fall on every tool alike
#   ikescope read -k KEYS -w OUT (decrypt + ICV + trailer checks + export;
#            per-frame text to a file), with each built backend
#   ikescope sas -k KEYS -w OUT: the same without the per-frame text (the
#            SA table instead): decryption and export alone
#   tshark   with ESP decryption and ICV checking (esp_sa table; per-frame
#            text to a file)
#   tcpdump -E (CBC only; tcpdump verifies no ICV; text to a file)
#   start-up ikescope read -k -w on a capture of the first 100 packets:
#            what a run costs besides its packets (loading the libraries,
#            OpenSSL's and the cipher backend's set-up, threads, exit),
#            included in every ikescope row's wall time
# The closing lines give each ikescope row as a share of the limit, its
# wall time as a multiple of floor + limit (issue 15's target: <= 1),
# and as multiples of tshark and tcpdump -E.
# Rates count ESP frames; MB/s counts capture bytes (the pcap file size);
# times are the best of REPEAT rounds (ikescope, limit, floor: 5) or of
# the first REPEAT_REF (tshark, tcpdump: 3), wall clock in nanoseconds.
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
$cc $cflags -I"$top" -I"$top/src" -I"$top/dissectors" -I"$build" \
    -o "$work/crypto_limit" "$here/crypto_limit.c" "$build/libikescope.a" \
    -lpcap -lcrypto $mblibs -lz -lpthread

echo "# $(date -u '+%Y-%m-%d %H:%M UTC'), nproc $(nproc)," \
    "$(sed -n 's/^model name[^:]*: //p' /proc/cpuinfo | head -1)"
echo "# load average before: $(cut -d' ' -f1-3 /proc/loadavg) (a shared machine)"
echo "# ikescope $("$ike" --version | cut -d' ' -f2);" \
    "$(tshark --version 2>/dev/null | head -1);" \
    "$(tcpdump --version 2>&1 | head -1)"

# once KEY OUT CMD...: time one run of a command (wall clock from date's
# nanoseconds; peak RSS from /usr/bin/time) with a fresh output file OUT
# ('-' when the tool writes no file: never a device, which rm deletes)
# (ext4 flushes a file truncated on open when it is closed, which would
# time the disk), nothing of the previous run still being written back
# (sync) and the capture $warm just read (this machine's kernel pages out
# memory it finds cold, page cache included: a capture left alone for a
# while is read from disk again); keeps the best time in t_KEY and the largest RSS in rss_KEY.
# All tools run in the same rounds (see bench_variant), so that a slow
# minute of this shared machine falls on all of them alike.
once() {
	key=$1 o=$2; shift 2
	[ "$o" = - ] || rm -f "$o"
	cat "$warm" >/dev/null
	sync
	t0=$(date +%s%N)
	/usr/bin/time -f "%M" -o "$work/time.out" "$@" \
	    >"$work/stdout.out" 2>"$work/stderr.out" || {
		echo "$key failed:" >&2; cat "$work/stderr.out" >&2; exit 1; }
	t1=$(date +%s%N)
	read -r rr <"$work/time.out"
	eval "old=\${t_$key:-} oldr=\${rss_$key:-0}"
	tt=$(awk -v a="$t0" -v b="$t1" -v o="$old" 'BEGIN {
	    t = (b - a) / 1e9; if (o != "" && o < t) t = o; printf "%.4f", t }')
	[ "$rr" -gt "$oldr" ] || rr=$oldr
	eval "t_$key=\$tt rss_$key=\$rr"
}

# ikescope, the limit and the floor run $REPEAT rounds (5), tshark and
# tcpdump the first $REPEAT_REF of them (3; 1 saves most of the time).
rep=${REPEAT:-5}
rep_ref=${REPEAT_REF:-3}

row() {	# label packets bytes seconds rss ref_pps
	awk -v l="$1" -v n="$2" -v b="$3" -v t="$4" -v r="$5" -v ref="$6" \
	    'BEGIN { t = t < 0.005 ? 0.005 : t; pps = n / t;
	    printf "| %-30s | %8.3f | %10.0f | %8.1f | %8.1f | %s |\n", l, t,
	    pps, b / t / 1e6, r / 1024, (ref > 0 ? sprintf("%.2f", pps / ref) : "-") }'
}

bench_variant() {	# alg packets
	alg=$1; np=$2
	base=$work/$alg-$np
	if [ ! -s "$base.pcap" ]; then
		"$work/gen_esp" -n "$np" -a "$alg" -o "$base.pcap" -k "$base"
	fi
	bytes=$(stat -c %s "$base.pcap")
	# its first 100 packets, for the start-up row
	if [ ! -s "$base-100.pcap" ]; then
		"$work/gen_esp" -n 100 -a "$alg" -o "$base-100.pcap" \
		    -k "$base-100"
	fi
	warm=$base.pcap
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
	echo "| tool                           |   wall s |   packets/s |     MB/s |  RSS MiB | x ref |"
	echo "|--------------------------------|----------|-------------|----------|----------|-------|"
	unset t_floor t_tshark t_tcpdump
	for be in $backends; do
		unset t_$be t_s$be t_l1$be t_l2$be
	done
	r=0
	while [ $r -lt "$rep" ]; do
		r=$((r + 1))
		# the crypto-only limit (1 and 2 threads; the faster is the
		# reference of the ikescope rows), then ikescope
		for be in $backends; do
			for th in 1 2; do
				set -- $("$work/crypto_limit" "$base.esp_sa" \
				    "$base.pcap" "$be" 1 $th)
				eval "old=\${t_l$th$be:-}"
				eval "t_l$th$be=$(awk -v s="$3" -v o="$old" \
				    'BEGIN { if (o != "" && o < s) s = o;
				    printf "%.4f", s }')"
			done
			once $be "$work/out-$be.pcap" "$ike" -q --crypto="$be" \
			    -k "$base.esp_sa" -w "$work/out-$be.pcap" \
			    "$base.pcap"
			once s$be "$work/out-s$be.pcap" "$ike" sas -q \
			    --crypto="$be" -k "$base.esp_sa" \
			    -w "$work/out-s$be.pcap" "$base.pcap"
			once u$be "$work/out-u$be.pcap" "$ike" -q \
			    --crypto="$be" -k "$base-100.esp_sa" \
			    -w "$work/out-u$be.pcap" "$base-100.pcap"
		done
		# the floor of any tool that reads the capture and writes as
		# many bytes: copying it to a fresh file
		once floor "$work/out.pcap" sh -c 'cat "$1" >"$2"' sh \
		    "$base.pcap" "$work/out.pcap"
		[ $quick = 0 ] && [ $r -le "$rep_ref" ] || continue
		once tshark - env WIRESHARK_CONFIG_DIR="$cfg" \
		    tshark -n -r "$base.pcap"
		[ "$alg" = cbc ] || continue
		once tcpdump - tcpdump -n -r "$base.pcap" \
		    -E "file $base.secrets"
	done
	for be in $backends; do
		best=0
		for th in 1 2; do
			eval "lt=\$t_l$th$be"
			best=$(awk -v s=$lt -v n=$np -v b=$best \
			    'BEGIN { r = n / s; print (r > b ? r : b) }')
			row "limit $be x$th (crypto)" "$np" "$bytes" "$lt" 0 0
		done
		eval "limit_$be=\$best"
	done
	row "floor: cat capture > file" "$np" "$bytes" "$t_floor" 0 0
	for be in $backends; do
		eval "t=\$t_u$be rr=\$rss_u$be"
		rm -f "$work/out-u$be.pcap"
		row "start-up: $be, 100 packets" 100 \
		    "$(stat -c %s "$base-100.pcap")" "$t" "$rr" 0
	done
	for be in $backends; do
		for m in "" s; do
			dec=$(tshark -r "$work/out-$m$be.pcap" -T fields \
			    -e frame.number 2>/dev/null | wc -l)
			rm -f "$work/out-$m$be.pcap"
			eval "t=\$t_$m$be rr=\$rss_$m$be lim=\$limit_$be"
			lab="ikescope $be ($dec out)"
			[ -z "$m" ] || lab="ikescope sas $be ($dec out)"
			row "$lab" "$np" "$bytes" "$t" "$rr" "$lim"
			eval "ipps_$m$be=\$(awk -v n=$np -v t=$t \
			    'BEGIN{print n/t}')"
		done
	done
	tpps=0; dpps=0
	if [ $quick = 0 ]; then
		good=$(WIRESHARK_CONFIG_DIR="$cfg" tshark -n -r "$base.pcap" \
		    -Y esp.icv_good==1 -T fields -e frame.number 2>/dev/null |
		    wc -l)
		tpps=$(awk -v n="$np" -v t="$t_tshark" 'BEGIN{print n/t}')
		row "tshark ($good icv ok)" "$np" "$bytes" "$t_tshark" \
		    "$rss_tshark" 0
		if [ "$alg" = cbc ]; then
			dpps=$(awk -v n="$np" -v t="$t_tcpdump" 'BEGIN{print n/t}')
			row "tcpdump -E" "$np" "$bytes" "$t_tcpdump" \
			    "$rss_tcpdump" 0
		fi
	fi
	echo
	for be in $backends; do
		for m in "" s; do
			eval "i=\$ipps_$m$be lim=\$limit_$be"
			lab="ikescope $be"
			[ -z "$m" ] || lab="ikescope sas $be"
			awk -v i="$i" -v ts="$tpps" -v td="$dpps" -v l="$lim" \
			    -v lab="$lab" -v n="$np" -v f="$t_floor" 'BEGIN {
			    printf "%s: %.0f%% of the limit", lab, 100 * i / l
			    printf ", %.2fx (floor + limit: %.3f s)",
				(n / i) / (f + n / l), f + n / l
			    if (ts > 0) printf ", %.1fx tshark", i / ts
			    if (td > 0) printf ", %.1fx tcpdump -E", i / td
			    printf "\n" }'
		done
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
