#!/bin/sh
# IKEv1 fragmentation end to end (ikefrag_check.py).
if ! command -v python3 >/dev/null 2>&1; then
	echo "1..0 # SKIP python3 not installed"
	exit 0
fi
exec python3 "$top_srcdir/tests/ikefrag_check.py" "$IKESCOPE" \
    "$top_srcdir/samples"
