# tests/lib.sh - shared helpers for the TAP script tests (sourced).
#
# Output is TAP: "ok N - what", "not ok N - what", "ok N # SKIP why",
# diagnostics as "# ..." lines, and the plan "1..N" printed by t_done at
# the end (or "1..0 # SKIP why" by t_skip_all).  Scripts exit 0; failures
# are the "not ok" lines.
#
# Locations come from the environment that "make check" sets
# (top_srcdir, top_builddir, IKESCOPE, TSHARK, CORPUS); when a script is
# run by hand they default to the source tree, ./build, tshark on PATH and
# ../shared/corpus next to the source tree.

t_find_srcdir() {
	d=$(cd "$(dirname "$0")" && pwd)
	while [ "$d" != / ] && [ ! -f "$d/configure.ac" ]; do
		d=$(dirname "$d")
	done
	printf '%s\n' "$d"
}

top_srcdir=${top_srcdir:-$(t_find_srcdir)}
top_builddir=${top_builddir:-$top_srcdir/build}
IKESCOPE=${IKESCOPE:-$top_builddir/ikescope}
CORPUS=${CORPUS:-$top_srcdir/../shared/corpus}
if [ -z "${TSHARK:-}" ]; then
	TSHARK=$(command -v tshark 2>/dev/null || true)
fi
export top_srcdir top_builddir IKESCOPE CORPUS TSHARK
# Deterministic output: UTC, C locale.
TZ=UTC0
LC_ALL=C
export TZ LC_ALL

t_n=0
t_failed=0
t_tmp=$(mktemp -d "${TMPDIR:-/tmp}/ikescope-test.XXXXXX")
trap 'rm -rf "$t_tmp"' EXIT

t_ok() {
	t_n=$((t_n + 1))
	echo "ok $t_n - $*"
}

t_not_ok() {
	t_n=$((t_n + 1))
	t_failed=$((t_failed + 1))
	echo "not ok $t_n - $*"
}

# t_check DESCRIPTION COMMAND...: ok when COMMAND succeeds.
t_check() {
	t_desc=$1
	shift
	if "$@"; then
		t_ok "$t_desc"
	else
		t_not_ok "$t_desc"
	fi
}

t_skip() {
	t_n=$((t_n + 1))
	echo "ok $t_n # SKIP $*"
}

t_skip_all() {
	echo "1..0 # SKIP $*"
	exit 0
}

# Diagnostics: each argument (or each line of standard input) as "# ...".
t_diag() {
	if [ $# -gt 0 ]; then
		printf '%s\n' "$@" | sed 's/^/# /'
	else
		sed 's/^/# /'
	fi
}

t_done() {
	echo "1..$t_n"
	exit 0
}

t_need_ikescope() {
	[ -x "$IKESCOPE" ] || t_skip_all "ikescope not built at $IKESCOPE"
}

t_have_corpus() {
	[ -d "$CORPUS" ]
}

t_have_tshark() {
	[ -n "$TSHARK" ] && [ -x "$TSHARK" ]
}

# Every capture of the shared corpus, one path per line, sorted:
# strongswan/, strongswan-logs/ and public/** (ike-scan/*.dat.pcap
# included), compressed ones too.
t_corpus_captures() {
	find "$CORPUS" -type f \( -name '*.pcap' -o -name '*.pcapng' \
	    -o -name '*.cap' -o -name '*.pcap.gz' -o -name '*.pcapng.gz' \) |
	    LC_ALL=C sort
}

# A capture's path relative to the corpus (for names and tables).
t_corpus_name() {
	printf '%s\n' "${1#"$CORPUS"/}"
}

# The test captures of the source tree (samples/ and tests/captures/).
t_local_captures() {
	for d in "$top_srcdir/samples" "$top_srcdir/tests/captures"; do
		[ -d "$d" ] || continue
		find "$d" -type f \( -name '*.pcap' -o -name '*.pcapng' \
		    -o -name '*.cap' -o -name '*.pcap.gz' \
		    -o -name '*.pcapng.gz' \)
	done | LC_ALL=C sort
}

# A sanitizer report or a crash in a stderr file (ASan, UBSan, LSan).
t_sanitizer_report() {
	grep -E 'ERROR: (AddressSanitizer|LeakSanitizer)|runtime error:|SUMMARY: (Address|Undefined|Leak)' "$1"
}

# t_replay DRIVER LIST DESC [WANT]: run a fuzz target's replay driver
# over the inputs listed in file LIST (one path per line).  ok when it
# exits 0, reports no sanitizer finding and replays more than zero inputs
# (exactly WANT when given).
t_replay() {
	# shellcheck disable=SC2046
	"$1" $(cat "$2") >"$t_tmp/replay.out" 2>"$t_tmp/replay.err"
	rc=$?
	n=$(sed -n 's/^replayed \([0-9]*\) inputs.*/\1/p' "$t_tmp/replay.out")
	if t_sanitizer_report "$t_tmp/replay.err" >/dev/null; then
		t_not_ok "$3: sanitizer report"
		head -n 40 "$t_tmp/replay.err" | t_diag
	elif [ "$rc" -ne 0 ]; then
		t_not_ok "$3: exit status $rc"
		tail -n 20 "$t_tmp/replay.err" | t_diag
	elif [ -z "$n" ] || [ "$n" -eq 0 ] ||
	    { [ -n "${4:-}" ] && [ "$n" -ne "$4" ]; }; then
		t_not_ok "$3: replayed ${n:-none} of ${4:-some} inputs"
	else
		t_ok "$3: $(cat "$t_tmp/replay.out")"
	fi
}

# Skip the whole script unless the corpus (optionally one of its
# subdirectories) is there.
t_need_corpus() {
	[ -d "$CORPUS/${1:-}" ] || t_skip_all "corpus not found at $CORPUS/${1:-}"
}

# Run a python3 TAP test from tests/ (skipping when python3 is missing);
# it prints its own plan.
t_run_python() {
	command -v python3 >/dev/null 2>&1 || t_skip_all "python3 not installed"
	script=$1
	shift
	exec python3 "$top_srcdir/tests/$script" "$@"
}

# A python3 that imports MODULE, printed; fails when none does.  The
# python3 on PATH first, then the system's (/usr/bin/python3: Debian's
# python3-* packages install there).
t_find_python() {
	for py in "$(command -v python3 2>/dev/null)" /usr/bin/python3; do
		[ -n "$py" ] && [ -x "$py" ] &&
		    "$py" -c "import $1" >/dev/null 2>&1 && {
			printf '%s\n' "$py"
			return 0
		}
	done
	return 1
}
