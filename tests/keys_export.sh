#!/bin/sh
# ikescope keys --export: round trips and tshark (see tests/keys_export.py).
if [ ! -d "${CORPUS:-/nonexistent}/strongswan" ]; then
	echo "1..0 # SKIP corpus not found at ${CORPUS:-(unset)}"
	exit 0
fi
if ! command -v python3 >/dev/null 2>&1; then
	echo "1..0 # SKIP python3 not installed"
	exit 0
fi
exec python3 "$top_srcdir/tests/keys_export.py" "$IKESCOPE" "$CORPUS" \
    "$top_srcdir/samples"
