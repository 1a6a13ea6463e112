#!/bin/sh
# ESP decryption over the corpus (see tests/esp_check.py).
if [ ! -d "${CORPUS:-/nonexistent}/strongswan" ]; then
	echo "1..0 # SKIP corpus not found at ${CORPUS:-(unset)}"
	exit 0
fi
if ! command -v python3 >/dev/null 2>&1; then
	echo "1..0 # SKIP python3 not installed"
	exit 0
fi
exec python3 "$top_srcdir/tests/esp_check.py" "$IKESCOPE" "$CORPUS"
