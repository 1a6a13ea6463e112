#!/bin/sh
# Keys from strongSwan charon logs against the manifests (see
# tests/keyfile_charon.py).
if [ ! -d "${CORPUS:-/nonexistent}/strongswan-logs" ]; then
	echo "1..0 # SKIP corpus not found at ${CORPUS:-(unset)}"
	exit 0
fi
if ! command -v python3 >/dev/null 2>&1; then
	echo "1..0 # SKIP python3 not installed"
	exit 0
fi
exec python3 "$top_srcdir/tests/keyfile_charon.py" "$IKESCOPE" "$CORPUS"
