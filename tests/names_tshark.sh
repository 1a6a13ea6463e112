#!/bin/sh
# Cross-check the name registries' numbers against tshark's value strings.
echo "1..1"
if [ -z "${TSHARK:-}" ] || ! command -v python3 >/dev/null 2>&1; then
	echo "ok 1 # SKIP tshark or python3 not installed"
	exit 0
fi
out=$(python3 "$top_srcdir/tests/unit/names_vs_tshark.py" \
    "$top_builddir/tests/unit/test_isakmp_names" 2>&1)
rc=$?
if [ $rc -eq 0 ]; then
	echo "ok 1 - registry numbers agree with tshark -G values"
elif [ $rc -eq 77 ]; then
	echo "ok 1 # SKIP tshark missing"
else
	echo "not ok 1 - registry numbers differ from tshark"
	echo "$out" | sed 's/^/# /'
fi
