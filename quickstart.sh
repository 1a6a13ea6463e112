#!/bin/sh
# quickstart.sh - build ikescope and show it working, or run its whole test
# suite.  Works on a fresh Debian 12 machine as root; when not root, it
# prints the apt-get command for whatever is missing and stops.
#
#   ./quickstart.sh        install build dependencies, build, decode samples/
#   ./quickstart.sh test   also install test dependencies, run `make check`
#                          in a normal and a sanitizer (ASan+UBSan) build, and
#                          fuzz for a bounded time; the last line is
#                          "N passed, N failed, N skipped"
set -eu

top=$(cd "$(dirname "$0")" && pwd)
cd "$top"
mode=${1:-run}
case $mode in
run|test) ;;
*) echo "usage: $0 [test]" >&2; exit 1 ;;
esac

build_pkgs="autoconf automake make gcc pkg-config libpcap-dev libssl-dev libncurses-dev zlib1g-dev"
# The multi-buffer library exists for x86-64 only; it is optional.
if [ "$(dpkg --print-architecture 2>/dev/null)" = amd64 ]; then
	build_pkgs="$build_pkgs libipsec-mb-dev"
fi
test_pkgs="tshark tcpdump ike-scan python3 python3-cryptography clang libclang-rt-14-dev tmux hashcat pocl-opencl-icd strongswan-charon libstrongswan-extra-plugins libcharon-extra-plugins strongswan-swanctl strongswan-pki iputils-ping nftables"

need=""
for p in $build_pkgs; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" ||
	    need="$need $p"
done
if [ "$mode" = test ]; then
	for p in $test_pkgs; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null |
		    grep -q "ok installed" || need="$need $p"
	done
fi
if [ -n "$need" ]; then
	if [ "$(id -u)" -ne 0 ]; then
		echo "Missing packages. Run as root:"
		echo "  apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y$need"
		exit 1
	fi
	echo "== installing:$need"
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $need >/dev/null
fi

jobs=$(nproc 2>/dev/null || echo 2)
[ -x configure ] || autoreconf -fi

build() {	# build DIR [configure args...]
	dir=$1; shift
	mkdir -p "$dir"
	if [ ! -f "$dir/Makefile" ]; then
		(cd "$dir" && "$top/configure" "$@" >configure.out) || {
			cat "$dir/configure.out"; exit 1; }
	fi
	make -C "$dir" -j"$jobs" >/dev/null
}

if [ "$mode" = run ]; then
	echo "== building"
	build build
	for cap in samples/*.pcap; do
		keys=""
		for k in "${cap%.pcap}.ikev1_decryption_table" \
		    "${cap%.pcap}.esp_sa"; do
			[ -f "$k" ] && keys="$keys -k $k"
		done
		echo
		echo "== ikescope timeline$keys $cap"
		# shellcheck disable=SC2086
		./build/ikescope timeline -q $keys "$cap"
		echo "== ikescope read$keys $cap"
		# shellcheck disable=SC2086
		./build/ikescope read $keys "$cap"
	done
	exit 0
fi

# ---- test mode
results=""
status=0
check() {	# check DIR [configure args...]
	dir=$1; shift
	echo "== make check in $dir ($*)"
	build "$dir" --enable-werror "$@"
	if make -C "$dir" -j"$jobs" check >"$dir/check.out" 2>&1; then :; else
		status=1
		grep -E '^(FAIL|ERROR|XPASS)' "$dir/check.out" || true
		for f in $(grep -lE '^(not ok|FAIL|ERROR)' "$dir"/tests/*.log \
		    "$dir"/tests/*/*.log 2>/dev/null); do
			echo "--- $f"; tail -40 "$f"
		done
	fi
	grep -E '^# (TOTAL|PASS|SKIP|FAIL|ERROR|XPASS|XFAIL)' \
	    "$dir/check.out" | sed 's/^/   /'
	results="$results $dir/test-suite.log"
}

check build
check build-san --enable-sanitizers

# Bounded fuzzing with libFuzzer when clang supports it: each target for
# FUZZ_SECONDS (default 60), seeded with the captures' frames (fuzz_packet),
# their ESP packets (fuzz_esp), the key files (fuzz_keyfile) and psk-crack
# lines (fuzz_pskline).
fuzz_pass=0; fuzz_fail=0
fuzz_seconds=${FUZZ_SECONDS:-60}
# Whether clang can link a libFuzzer target at all (else fuzzing is
# skipped, saying so); when it can, the project's targets must build.
fuzz_probe() {
	d=$(mktemp -d)
	printf '%s\n' \
	    'int LLVMFuzzerTestOneInput(const unsigned char *d, unsigned long n)' \
	    '{ (void)d; (void)n; return 0; }' >"$d/p.c"
	clang -fsanitize=fuzzer "$d/p.c" -o "$d/p" >/dev/null 2>&1
	r=$?
	rm -rf "$d"
	return $r
}
if command -v clang >/dev/null 2>&1 && ! fuzz_probe; then
	echo "== fuzzing: clang here cannot link a libFuzzer target; skipped"
elif command -v clang >/dev/null 2>&1; then
	echo "== fuzzing ($fuzz_seconds s per target)"
	mkdir -p build-fuzz
	if build build-fuzz CC=clang --enable-fuzzing --enable-sanitizers \
	    2>build-fuzz/build.err && make -C build-fuzz -j"$jobs" $(cd build-fuzz &&
	    make -s -f Makefile print-fuzzers 2>/dev/null) \
	    >build-fuzz/make.out 2>&1; then
		seeds=build-fuzz/seeds
		rm -rf "$seeds"; mkdir -p "$seeds"
		# with a capture per link type beyond Ethernet (links.py)
		python3 tests/links.py --write "$seeds/links" \
		    >/dev/null 2>&1 || true
		corpus_caps=$(find samples tests/captures tests/regress \
		    ../shared/corpus "$seeds/links" -type f \( -name '*.pcap' \
		    -o -name '*.pcapng' -o -name '*.cap' -o -name '*.pcap.gz' \
		    -o -name '*.pcapng.gz' \) 2>/dev/null)
		# each target its own seeds: frames, ESP packets, key files
		mkdir -p "$seeds/fuzz_packet" "$seeds/fuzz_esp" \
		    "$seeds/fuzz_keyfile" "$seeds/fuzz_pskline"
		cp tests/fuzz/pskline-seeds/* "$seeds/fuzz_pskline/" \
		    2>/dev/null || true
		# shellcheck disable=SC2086
		python3 tests/fuzz/seeds.py "$seeds/fuzz_packet" $corpus_caps \
		    >/dev/null 2>&1 || true
		# shellcheck disable=SC2086
		python3 tests/fuzz/seeds.py --esp "$seeds/fuzz_esp" \
		    $corpus_caps >/dev/null 2>&1 || true
		find tests/fuzz/keyfile-seeds samples ../shared/corpus \
		    -type f \( -name '*.esp_sa' -o -name '*_decryption_table' \
		    -o -name '*.keys' -o -path '*keyfile-seeds/*' \) \
		    -exec cp {} "$seeds/fuzz_keyfile/" \; 2>/dev/null || true
		for t in build-fuzz/tests/fuzz/fuzz_*; do
			case $t in *_replay|*.o) continue ;; esac
			[ -x "$t" ] || continue
			name=$(basename "$t")
			mkdir -p "$seeds/$name"
			if "$t" -max_total_time="$fuzz_seconds" \
			    -print_final_stats=1 -close_fd_mask=3 "$seeds/$name" \
			    >"build-fuzz/$name.out" 2>&1; then
				fuzz_pass=$((fuzz_pass + 1))
				execs=$(sed -n \
				    's/^stat::number_of_executed_units: *//p' \
				    "build-fuzz/$name.out")
				echo "   $name: ${execs:-?} executions, no crash"
			else
				fuzz_fail=$((fuzz_fail + 1))
				echo "   $name: FAILED"
				tail -60 "build-fuzz/$name.out"
			fi
		done
	else
		# clang can fuzz, so the targets not building is a failure
		fuzz_fail=$((fuzz_fail + 1))
		echo "   the libFuzzer targets did not build:"
		cat build-fuzz/build.err build-fuzz/make.out 2>/dev/null |
		    grep -E 'error|Error' | head -20
	fi
fi

pass=$fuzz_pass; fail=$fuzz_fail; skip=0
for log in $results; do
	[ -f "$log" ] || { fail=$((fail + 1)); continue; }
	p=$(sed -n 's/^# PASS: *//p' "$log" | head -1)
	s=$(sed -n 's/^# SKIP: *//p' "$log" | head -1)
	f=$(sed -n 's/^# FAIL: *//p' "$log" | head -1)
	e=$(sed -n 's/^# ERROR: *//p' "$log" | head -1)
	x=$(sed -n 's/^# XPASS: *//p' "$log" | head -1)
	pass=$((pass + ${p:-0})); skip=$((skip + ${s:-0}))
	fail=$((fail + ${f:-0} + ${e:-0} + ${x:-0}))
done
[ "$fail" -eq 0 ] || status=1
if [ "$skip" -gt 0 ]; then
	echo "$pass passed, $fail failed, $skip skipped"
else
	echo "$pass passed, $fail failed"
fi
exit $status
