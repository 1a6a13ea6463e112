#!/bin/bash
# bench/crack.sh - PSK cracking speed: ikescope crack against psk-crack and
# hashcat on the same line and word list, in the same run (by hand; not
# part of make check).  See bench/RESULTS.md.
#
#   bench/crack.sh [-b BUILD_DIR] [-n WORDS] [-r REPEAT] [-d WORK_DIR]
#                  [-m MM_WORDS] [-M]
#
# -n  words in the list (default 8000000), the PSK 1000 words before
#     the end, so every tool runs through nearly all of it
# -r  runs of each measurement, the best (shortest wall) kept (default 3)
# -m  words of the Main Mode rows' list (default 1000000)
# -M  the Main Mode rows only
#
# It writes, with tests/crack_gen.py (Python hashlib/hmac), one psk-crack
# line per PRF (MD5, SHA-1, SHA-256; DH group 2, 128-byte g^x, as
# ike-scan's default), and the list (random words of 6-12 characters from
# [a-z0-9]), then times, as whole processes with their start-up, in
# rounds (each tool once per round, so the slow minutes of this shared
# machine fall on every tool alike):
#   psk-crack -d LIST LINE          (MD5 and SHA-1; it has no SHA-2)
#   hashcat -m 5300 / 5400 -a 0     (MD5 / SHA-1; OpenCL on the CPU, pocl;
#                                    skipped with the reason if it has no
#                                    usable device)
#   ikescope crack -W LIST --psk-line LINE --kernel K --threads T
#                                   (each kernel this CPU runs, T = 1, 2;
#                                    openssl once, 2 threads)
# Main Mode rows (no other tool does this): ikescope crack -k GXY CAPTURE
# on samples/f1_mm_wrong_psk with only its manifest's gxy (SHA-1,
# AES-128, MODP-2048; two sealed messages, the responder's PSK second to
# last in the list, the initiator's last) and, when the corpus is there,
# c_mm_psk_3des_md5_modp1024 (MD5, 3DES: appendix B's longer key) and
# e_mm_psk_natt_forced (SHA-256), each kernel, 1 and 2 threads, on the
# first MM_WORDS - 2 words of the list.
# Each must find the PSK, else the run is reported as failed.  Rates are
# candidates (the PSK's position) per second of wall time.  The CPU time
# (user + system, /usr/bin/time; best of the runs too) is printed beside
# the wall time: on a loaded machine it says what the work costs when the
# wall time says mostly how long the process waited for a core.
set -u

here=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$here")
build=$top/build
words=8000000
repeat=3
mmwords=1000000
mmonly=0
work=${TMPDIR:-/tmp}/ikescope-bench-crack
while [ $# -gt 0 ]; do
	case $1 in
	-b) build=$2; shift 2 ;;
	-n) words=$2; shift 2 ;;
	-r) repeat=$2; shift 2 ;;
	-d) work=$2; shift 2 ;;
	-m) mmwords=$2; shift 2 ;;
	-M) mmonly=1; shift ;;
	*) echo "usage: $0 [-b BUILD_DIR] [-n WORDS] [-r REPEAT] [-d WORK_DIR] [-m MM_WORDS] [-M]" >&2
	   exit 1 ;;
	esac
done
IKESCOPE=$build/ikescope
[ -x "$IKESCOPE" ] || { echo "no ikescope at $IKESCOPE" >&2; exit 1; }
mkdir -p "$work"
PSK=zq9launch7
pos=$((words - 1000))

if [ ! -s "$work/words.$words" ]; then
	python3 - "$work/words.$words" "$words" "$PSK" <<'PY'
import random, sys
path, n, psk = sys.argv[1], int(sys.argv[2]), sys.argv[3]
r = random.Random(2026)
alpha = "abcdefghijklmnopqrstuvwxyz0123456789"
with open(path, "w") as f:
    out = []
    for i in range(n):
        if i == n - 1001:
            out.append(psk)
        else:
            out.append("".join(r.choices(alpha, k=r.randint(6, 12))))
        if len(out) == 100000:
            f.write("\n".join(out) + "\n")
            out = []
    if out:
        f.write("\n".join(out) + "\n")
PY
fi
LIST=$work/words.$words
for prf in md5 sha1 sha256; do
	python3 "$top/tests/crack_gen.py" "$PSK" "$prf" --ke 128 --seed 11 \
	    >"$work/$prf.line"
done

now() { date +%s%N; }
# best wall (ns) and CPU time (s) of a named measurement, kept in
# $work/best.NAME and $work/cpu.NAME
measure() {
	name=$1
	shift
	t0=$(now)
	/usr/bin/time -f '%U %S' -o "$work/time.$name" "$@" \
	    >"$work/out.$name" 2>"$work/err.$name"
	t1=$(now)
	c=$(awk 'END { print $1 + $2 }' "$work/time.$name")
	cb=$(cat "$work/cpu.$name" 2>/dev/null || echo "")
	if [ -z "$cb" ] || awk -v a="$c" -v b="$cb" 'BEGIN { exit !(a < b) }'
	then
		echo "$c" >"$work/cpu.$name"
	fi
	if ! grep -q "$PSK" "$work/out.$name"; then
		echo "FAILED: $name did not find the PSK: $*" >&2
		tail -3 "$work/err.$name" >&2
		echo fail >"$work/best.$name"
		return
	fi
	t=$((t1 - t0))
	b=$(cat "$work/best.$name" 2>/dev/null || echo "")
	case $b in fail) return ;; esac
	if [ -z "$b" ] || [ "$t" -lt "$b" ]; then
		echo "$t" >"$work/best.$name"
	fi
}
rm -f "$work"/best.* "$work"/cpu.*

kernels=""
for k in avx512 avx2 shani; do
	if "$IKESCOPE" crack -q --kernel "$k" --mask x \
	    --psk-line "$work/sha1.line" >/dev/null 2>"$work/probe" ||
	    ! grep -q 'cannot run' "$work/probe"; then
		kernels="$kernels $k"
	else
		echo "# kernel $k: skipped, $(cat "$work/probe")"
	fi
done

hashcat_ok=0
if command -v hashcat >/dev/null 2>&1; then
	# a tiny run first: no usable OpenCL device fails here
	head -n 1000 "$LIST" >"$work/small"
	echo "$PSK" >>"$work/small"
	if hashcat -m 5400 -a 0 --potfile-disable --quiet --session "ikescope-bench-$$" \
	    -o "$work/hc.probe" \
	    --outfile-format 2 "$work/sha1.line" "$work/small" \
	    >"$work/hc.log" 2>&1 && grep -q "$PSK" "$work/hc.probe"; then
		hashcat_ok=1
	else
		echo "# hashcat: skipped, it cannot run here:" \
		    "$(grep -m1 -i 'error\|no devices\|exception' "$work/hc.log")"
	fi
else
	echo "# hashcat: skipped, not installed"
fi

hashcat_run() {	# PRF MODE (a script, so that /usr/bin/time can run it)
	rm -f "$work/hc.$1.out"
	hashcat -m "$2" -a 0 --potfile-disable --quiet --session "ikescope-bench-$$" \
	    -o "$work/hc.$1.out" \
	    --outfile-format 2 "$work/$1.line" "$LIST" >/dev/null 2>&1
	cat "$work/hc.$1.out"
}
cat >"$work/hashcat_run" <<EOF2
#!/bin/bash
$(declare -f hashcat_run)
work=$work LIST=$LIST
hashcat_run "\$@"
EOF2
chmod +x "$work/hashcat_run"

echo "# $(date -u '+%Y-%m-%d %H:%M UTC'), nproc $(nproc), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "# load average before: $(cut -d' ' -f1-3 /proc/loadavg) (a shared machine)"
echo "# $("$IKESCOPE" --version); psk-crack $(psk-crack --version 2>&1 | sed -n 's/.*ike-scan \([0-9.]*\).*/\1/p' | head -1); hashcat $(hashcat --version 2>/dev/null || echo -)"
echo "# $words words, PSK at $((pos + 1)); best of $repeat runs"

# the Main Mode rows' captures, key files (gxy only) and list
CORPUS=${CORPUS:-$top/../shared/corpus}
mmcases=""
for c in "$top/samples/f1_mm_wrong_psk" \
    "$CORPUS/strongswan/c_mm_psk_3des_md5_modp1024" \
    "$CORPUS/strongswan/e_mm_psk_natt_forced"; do
	[ -f "$c.pcap" ] && [ -f "$c.json" ] || {
		echo "# Main Mode: $c.pcap not found, skipped"; continue; }
	n=$(basename "$c")
	python3 - "$c.json" "$work/$n.gxy" "$work/$n.psk" <<'PY'
import json, sys
m = json.load(open(sys.argv[1]))
sa = m["ike_sas"][0]
open(sys.argv[2], "w").write("ike icookie=%s gxy=%s\n" % (
    sa["initiator_cookie"], sa["dh_shared_secret"]))
open(sys.argv[3], "w").write(m.get("responder_psk") or m["psk"])
PY
	mmcases="$mmcases $n"
done
head -n $((mmwords - 2)) "$LIST" >"$work/mmwords"
echo "Different-PSK-on-responder" >>"$work/mmwords"
echo "Lab-PSK-8f3a91c2d7e4b605" >>"$work/mmwords"
mmcap() { for d in "$top/samples" "$CORPUS/strongswan"; do
	[ -f "$d/$1.pcap" ] && { echo "$d/$1.pcap"; return; }; done; }

for r in $(seq "$repeat"); do
	for n in $mmcases; do
		for k in $kernels openssl; do
			for t in 1 2; do
				[ "$k" = openssl ] && [ "$t" = 1 ] && continue
				case $k.$n in shani.*md5*) continue ;; esac
				PSK=$(cat "$work/$n.psk") measure \
				    "mm.$n.$k.$t" "$IKESCOPE" crack -q \
				    -W "$work/mmwords" --kernel "$k" \
				    --threads "$t" -k "$work/$n.gxy" \
				    "$(mmcap "$n")"
			done
		done
	done
	[ "$mmonly" -eq 1 ] && continue
	for prf in md5 sha1; do
		measure "psk-crack.$prf" psk-crack -d "$LIST" "$work/$prf.line"
		if [ "$hashcat_ok" -eq 1 ]; then
			m=5300; [ "$prf" = sha1 ] && m=5400
			measure "hashcat.$prf" "$work/hashcat_run" "$prf" "$m"
		fi
	done
	for prf in md5 sha1 sha256; do
		for k in $kernels; do
			[ "$k" = shani ] && [ "$prf" = md5 ] && continue
			for t in 1 2; do
				measure "ikescope.$prf.$k.$t" "$IKESCOPE" crack \
				    -q -W "$LIST" --kernel "$k" --threads "$t" \
				    --psk-line "$work/$prf.line"
			done
		done
		[ "$r" -eq 1 ] && measure "ikescope.$prf.openssl.2" \
		    "$IKESCOPE" crack -q -W "$LIST" --kernel openssl \
		    --threads 2 --psk-line "$work/$prf.line"
	done
done

ns() { cat "$work/best.$1" 2>/dev/null || echo -; }
cpu() { cat "$work/cpu.$1" 2>/dev/null || echo -; }
[ "$mmonly" -eq 1 ] || printf '\n| %-6s | %-9s | %-7s | %7s | %7s | %8s | %12s | %10s | %10s |\n' \
    prf tool threads "wall s" "cpu s" "M cand/s" "vs psk-crack" \
    "(cpu)" "vs hashcat"
[ "$mmonly" -eq 1 ] || echo "|--------|-----------|---------|---------|---------|----------|--------------|------------|------------|"
row() {	# prf tool threads name
	w=$(ns "$4")
	case $w in -|fail) printf '| %-6s | %-9s | %-7s | %7s | %7s | %8s | %12s | %10s | %10s |\n' \
	    "$1" "$2" "$3" "$w" - - - - -; return ;; esac
	awk -v p="$1" -v tool="$2" -v th="$3" -v w="$w" -v c="$(cpu "$4")" \
	    -v pc="$(ns "psk-crack.$1")" -v pcc="$(cpu "psk-crack.$1")" \
	    -v hc="$(ns "hashcat.$1")" -v n="$((pos + 1))" 'BEGIN {
		rpc = (pc ~ /^[0-9]+$/) ? sprintf("%.2fx", pc / w) : "-"
		rpcc = "-"
		if (pcc ~ /^[0-9.]+$/ && c > 0)
			rpcc = sprintf("%.2fx", pcc / c)
		rhc = (hc ~ /^[0-9]+$/) ? sprintf("%.2fx", hc / w) : "-"
		printf "| %-6s | %-9s | %-7s | %7.2f | %7.2f | %8.2f | %12s | %10s | %10s |\n",
		    p, tool, th, w / 1e9, c, n / (w / 1e9) / 1e6, rpc, rpcc, rhc
	}'
}
[ "$mmonly" -eq 1 ] || for prf in md5 sha1 sha256; do
	[ "$prf" != sha256 ] && row "$prf" psk-crack 1 "psk-crack.$prf"
	[ "$prf" != sha256 ] && [ "$hashcat_ok" -eq 1 ] &&
	    row "$prf" hashcat all "hashcat.$prf"
	for k in $kernels openssl; do
		for t in 1 2; do
			[ -f "$work/best.ikescope.$prf.$k.$t" ] || continue
			row "$prf" "$k" "$t" "ikescope.$prf.$k.$t"
		done
	done
done
[ "$mmonly" -eq 1 ] || {
echo
echo "(ratios: the other tool's wall / this row's wall, so above 1 is faster;"
echo " (cpu): psk-crack's CPU time / this row's)"
}

# Main Mode: the rate per second of wall and per CPU second
printf '\n| %-27s | %-7s | %-7s | %7s | %7s | %8s | %12s |\n' \
    "Main Mode, gxy only" kernel threads "wall s" "cpu s" "M cand/s" \
    "M cand/cpu s"
echo "|-----------------------------|---------|---------|---------|---------|----------|--------------|"
for n in $mmcases; do
	for k in $kernels openssl; do
		for t in 1 2; do
			w=$(ns "mm.$n.$k.$t")
			case $w in -) continue ;; fail)
				printf '| %-27s | %-7s | %-7s | %7s |\n' "$n" "$k" \
				    "$t" failed; continue ;; esac
			awk -v n="$n" -v k="$k" -v t="$t" -v w="$w" \
			    -v c="$(cpu "mm.$n.$k.$t")" -v m="$mmwords" 'BEGIN {
				printf "| %-27s | %-7s | %-7s | %7.2f | %7.2f | %8.2f | %12.2f |\n",
				    substr(n, 1, 27), k, t, w / 1e9, c, m / (w / 1e9) / 1e6,
				    (c > 0 ? m / c / 1e6 : 0)
			}'
		done
	done
done
