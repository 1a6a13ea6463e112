#!/bin/sh
# Timelines of public captures against their suites' expected outputs.
if [ ! -d "${CORPUS:-/nonexistent}/public" ]; then
	echo "1..0 # SKIP corpus not found at ${CORPUS:-(unset)}"
	exit 0
fi
if ! command -v python3 >/dev/null 2>&1; then
	echo "1..0 # SKIP python3 not installed"
	exit 0
fi
exec python3 "$top_srcdir/tests/timeline_public.py" "$IKESCOPE" "$CORPUS"
