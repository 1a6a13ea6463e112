#!/bin/sh
# IKEv1 decryption over the corpus with every key subset (ike_decrypt_check.py).
if [ ! -d "${CORPUS:-/nonexistent}/strongswan" ]; then
	echo "1..0 # SKIP corpus not found at ${CORPUS:-(unset)}"
	exit 0
fi
if ! command -v python3 >/dev/null 2>&1; then
	echo "1..0 # SKIP python3 not installed"
	exit 0
fi
exec python3 "$top_srcdir/tests/ike_decrypt_check.py" "$IKESCOPE" "$CORPUS" \
    "${TSHARK:-}"
