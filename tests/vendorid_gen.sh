#!/bin/sh
# The vendor-ID table in vendorid.c must equal what its generator computes
# (hashes recomputed, duplicates refused, ike-scan citations checked).
echo "1..1"
if ! command -v python3 >/dev/null 2>&1; then
	echo "ok 1 # SKIP python3 not installed"
	exit 0
fi
if out=$(cd "$top_srcdir" && python3 dissectors/gen-vendorid.py --check 2>&1); then
	echo "ok 1 - vendorid.c table matches dissectors/gen-vendorid.py"
else
	echo "not ok 1 - vendorid.c table differs from its generator"
	echo "$out" | sed 's/^/# /'
fi
