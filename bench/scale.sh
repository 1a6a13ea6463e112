#!/bin/sh
# bench/scale.sh - cost of the per-IKE-SA views as the number of IKE SAs
# grows (run by hand; not part of make check).  See bench/RESULTS.md.
#
#   bench/scale.sh [-b BUILD_DIR] [-d WORK_DIR] [-s SAMPLE.pcap] [-r ROUNDS]
#                  [-m MM1S] [N ...]
#
# For each N (default 2500 5000 10000 20000 100000) bench/gen_scale.py
# writes the sample (default samples/a_mm_psk_aes128_sha1_modp2048.pcap:
# Main Mode, Quick Mode, two ESP flows) as N distinct IKE SAs (cookies,
# SPIs and addresses rewritten) into WORK_DIR (default
# $TMPDIR/ikescope-scale; the captures are deleted at the end), then
# times, each ROUNDS times (default 3; the best is kept), with the
# output to a file:
#   floor     tcpdump -r CAP -w /dev/null (reading the capture, no decoding)
#   read      ikescope read CAP
#   json      ikescope read --json CAP
#   timeline  ikescope timeline CAP
#   sas       ikescope sas CAP
#   read|     ikescope read CAP | cat >/dev/null (into a pipe)
#   json|     ikescope read --json CAP | cat >/dev/null
#   tl|       ikescope timeline CAP | cat >/dev/null
#   sas|      ikescope sas CAP | cat >/dev/null
# and prints a table: wall seconds (date's nanoseconds around the run) and
# peak RSS (/usr/bin/time -f %M), CPU seconds (user + system of the run
# with the best wall time, all threads; a pipe's row counts cat's too),
# microseconds per IKE SA, each time as a multiple of the floor (the
# targets of issue 15, to a file and into a pipe: read <= 2.5, json <= 4,
# timeline and sas <= 2),
# and timeline/sas.  With -m M, bench/gen_mm1.py also writes M distinct
# Main Mode first messages (SA + 5 VIDs each) and read is timed on them:
# messages per second and peak RSS (target: >= 800,000/s, memory flat).  The tracker keeps at most
# 16384 IKE SAs and 16384 ESP flows (track.h): past that the least
# recently active are evicted (a timeline prints an evicted IKE SA when it
# is evicted), so memory stays flat; the evicted counts are printed too.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$here")
build=$top/build
work=${TMPDIR:-/tmp}/ikescope-scale
sample=$top/samples/a_mm_psk_aes128_sha1_modp2048.pcap
rounds=3
mm1=0
while [ $# -gt 0 ]; do
	case $1 in
	-b) build=$(cd "$2" && pwd); shift ;;
	-d) work=$2; shift ;;
	-s) sample=$2; shift ;;
	-r) rounds=$2; shift ;;
	-m) mm1=$2; shift ;;
	-*) echo "usage: $0 [-b BUILD] [-d DIR] [-s SAMPLE] [-r ROUNDS]" \
	    "[-m MM1S] [N ...]" >&2; exit 1 ;;
	*) break ;;
	esac
	shift
done
[ $# -gt 0 ] || set -- 2500 5000 10000 20000 100000
ike=$build/ikescope
# as root, tcpdump -w gives the file it writes to its own user (tcpdump):
# /dev/null too, unless it stays root
zroot=
[ "$(id -u)" -eq 0 ] && zroot="-Z root"
[ -x "$ike" ] || { echo "no $ike: build first" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time" >&2; exit 1; }
mkdir -p "$work"
trap 'rm -f "$work"/scale-*.pcap "$work"/mm1.pcap "$work"/out.* \
    "$work"/time.*' EXIT

echo "# $(date -u '+%Y-%m-%d %H:%M UTC'), nproc $(nproc)," \
    "$(sed -n 's/^model name[^:]*: //p' /proc/cpuinfo | head -1)"
echo "# load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# ikescope $("$ike" --version | cut -d' ' -f2)," \
    "$(tcpdump --version 2>&1 | head -1); sample $(basename "$sample")," \
    "best of $rounds"

# best KEY CMD...: run CMD $rounds times, output to $work/out.KEY; keep the
# best wall time in w_KEY, its CPU seconds in c_KEY and the largest peak
# RSS (KiB) in m_KEY.
best() {
	key=$1; shift
	bw= bm=0 r=0
	while [ "$r" -lt "$rounds" ]; do
		rm -f "$work/out.$key"
		t0=$(date +%s%N)
		/usr/bin/time -f '%M %U %S' -o "$work/time.$key" "$@" \
		    >"$work/out.$key" 2>/dev/null || {
			echo "failed: $*" >&2; exit 1; }
		t1=$(date +%s%N)
		w=$(awk "BEGIN { printf \"%.3f\", ($t1 - $t0) / 1e9 }")
		read -r m u sy <"$work/time.$key"
		if [ -z "$bw" ] || awk "BEGIN { exit !($w < $bw) }"; then
			bw=$w
			bc=$(awk "BEGIN { printf \"%.3f\", $u + $sy }")
		fi
		[ "$m" -gt "$bm" ] && bm=$m
		r=$((r + 1))
	done
	eval "w_$key=\$bw m_$key=\$bm c_$key=\$bc"
}

# cols FIGURE EXPR DIGITS: the table's cells of w_ (wall s), c_ (CPU s) or
# m_ (RSS KiB), each as the awk expression EXPR of x
cols() {
	for key in floor read json timeline sas readp jsonp tlp sasp; do
		eval "x=\$${1}_$key"
		printf ' %8s |' "$(awk "BEGIN { x = $x; printf \"%.${3}f\", $2 }")"
	done
}

printf '\n| %7s | %5s | %-8s | %8s | %8s | %8s | %8s | %8s | %8s | %8s' \
    "IKE SAs" "MB" "" floor read json timeline sas "read|" "json|"
printf ' | %8s | %8s | %6s |\n' "tl|" "sas|" "tl/sas"
printf '|---------|-------|----------|----------|----------|----------|'
printf -- '----------|----------|----------|----------|----------|'
printf -- '----------|--------|\n'
for n in "$@"; do
	cap=$work/scale-$n.pcap
	python3 "$here/gen_scale.py" -n "$n" "$sample" "$cap"
	mb=$(awk "BEGIN { printf \"%.0f\", $(wc -c <"$cap") / 1e6 }")
	best floor tcpdump $zroot -r "$cap" -w /dev/null
	best read "$ike" read "$cap"
	best json "$ike" read --json "$cap"
	best timeline "$ike" timeline "$cap"
	best sas "$ike" sas "$cap"
	best readp sh -c '"$1" read "$2" | cat >/dev/null' sh "$ike" "$cap"
	best jsonp sh -c '"$1" read --json "$2" | cat >/dev/null' sh \
	    "$ike" "$cap"
	best tlp sh -c '"$1" timeline "$2" | cat >/dev/null' sh "$ike" "$cap"
	best sasp sh -c '"$1" sas "$2" | cat >/dev/null' sh "$ike" "$cap"
	ratio=$(awk "BEGIN { printf \"%.2f\", $w_timeline / \
	    ($w_sas > 0 ? $w_sas : 0.01) }")
	printf '| %7s | %5s | %-8s |' "$n" "$mb" "wall s"
	cols w x 3
	printf ' %6s |\n| %7s | %5s | %-8s |' "$ratio" "" "" "x floor"
	cols w "x / $w_floor" 2
	printf ' %6s |\n| %7s | %5s | %-8s |' "" "" "" "us/SA"
	cols w "x * 1e6 / $n" 1
	printf ' %6s |\n| %7s | %5s | %-8s |' "" "" "" "CPU s"
	cols c x 3
	printf ' %6s |\n| %7s | %5s | %-8s |' "" "" "" "RSS MiB"
	cols m "x / 1024" 1
	printf ' %6s |\n' ""
	# what the caps did: what timeline printed, what sas lists
	printf '#   %s: timeline printed %s IKE SAs (%s with ESP flows);' \
	    "$n" "$(grep -c '^IKE SA ' "$work/out.timeline")" \
	    "$(grep -c '^  ESP flows:' "$work/out.timeline")"
	printf ' sas lists %s IKE SAs' \
	    "$(sed -n 's/^IKE SAs (\([0-9]*\))$/\1/p' "$work/out.sas")"
	ev=$(grep evicted "$work/out.sas" | tr -d '()')
	printf ' and %s ESP SAs; %s\n' \
	    "$(sed -n 's/^ESP SAs (\([0-9]*\))$/\1/p' "$work/out.sas")" \
	    "${ev:-none evicted}"
	rm -f "$cap"
done
[ "$mm1" -gt 0 ] || exit 0
cap=$work/mm1.pcap
python3 "$here/gen_mm1.py" -n "$mm1" "$cap"
best floor tcpdump $zroot -r "$cap" -w /dev/null
best read "$ike" read "$cap"
printf '\n| %9s | %5s | %8s | %8s | %11s | %7s |\n' "MM1s" "MB" "floor s" \
    "read s" "messages/s" "RSS MiB"
printf '|-----------|-------|----------|----------|-------------|---------|\n'
printf '| %9s | %5s | %8s | %8s | %11s | %7s |\n' "$mm1" \
    "$(awk "BEGIN { printf \"%.0f\", $(wc -c <"$cap") / 1e6 }")" \
    "$w_floor" "$w_read" "$(awk "BEGIN { printf \"%.0f\", $mm1 / $w_read }")" \
    "$(awk "BEGIN { printf \"%.1f\", $m_read / 1024 }")"
