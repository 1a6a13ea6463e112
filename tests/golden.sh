#!/bin/sh
# golden.sh - ikescope's text and --json output for every capture in
# samples/ and tests/captures/ against the expected files in tests/golden/
# (NAME.out for text, NAME.json for --json; NAME is the capture's file
# name, prefixed with "samples-" for samples/).  The expected files were
# produced by the program and then checked by hand against tshark's view
# of the same frames; when a change in the output is intended, regenerate
# them with
#	UPDATE=1 sh tests/golden.sh      (or: make check TESTS=tests/golden.sh UPDATE=1)
# and read the diff before committing it.
. "$(dirname "$0")/lib.sh"

t_need_ikescope
G=$top_srcdir/tests/golden
t_local_captures >"$t_tmp/list"
[ -s "$t_tmp/list" ] || t_skip_all "no captures in samples/ or tests/captures/"

while read -r f; do
	base=$(basename "$f")
	case $f in
	"$top_srcdir"/samples/*) name=samples-$base ;;
	*) name=$base ;;
	esac
	for mode in out json; do
		case $mode in
		out) set -- -q ;;
		json) set -- -q --json ;;
		esac
		"$IKESCOPE" "$@" "$f" >"$t_tmp/got" 2>"$t_tmp/err"
		rc=$?
		if [ "$rc" -ne 0 ] || [ -s "$t_tmp/err" ]; then
			t_not_ok "$name.$mode: exit status $rc"
			t_diag <"$t_tmp/err"
			continue
		fi
		if [ "${UPDATE:-0}" = 1 ]; then
			mkdir -p "$G"
			cp "$t_tmp/got" "$G/$name.$mode"
			t_ok "$name.$mode: updated"
			continue
		fi
		if [ ! -f "$G/$name.$mode" ]; then
			t_not_ok "$name.$mode: no expected output (UPDATE=1 makes it)"
		elif cmp -s "$t_tmp/got" "$G/$name.$mode"; then
			t_ok "$name.$mode"
		else
			t_not_ok "$name.$mode differs"
			diff -u "$G/$name.$mode" "$t_tmp/got" | head -n 40 | t_diag
		fi
	done
done <"$t_tmp/list"

# Every expected file belongs to a capture (none left over).
for e in "$G"/*.out "$G"/*.json; do
	[ -f "$e" ] || continue
	b=$(basename "$e")
	b=${b%.*}
	case $b in
	samples-*) c=$top_srcdir/samples/${b#samples-} ;;
	*) c=$top_srcdir/tests/captures/$b ;;
	esac
	[ -f "$c" ] || t_not_ok "$b: expected output without a capture"
done
t_done
