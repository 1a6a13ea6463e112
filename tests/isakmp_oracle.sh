#!/bin/sh
# Oracle test: every unencrypted IKEv1 message in the corpus decoded by
# ikescope and by tshark; cookies, exchange, flags, message ID, payload
# list, SA attributes, notify types, ID data and vendor IDs must agree
# (or match a pinned answer where tshark is wrong; see isakmp_oracle.py).
if [ -z "${TSHARK:-}" ] || ! command -v "$TSHARK" >/dev/null 2>&1 ||
    ! command -v python3 >/dev/null 2>&1; then
	echo "1..0 # SKIP tshark or python3 not installed"
	exit 0
fi
if [ ! -d "${CORPUS:-}" ]; then
	echo "1..0 # SKIP corpus not found (set CORPUS)"
	exit 0
fi
exec python3 "$top_srcdir/tests/isakmp_oracle.py" "$IKESCOPE" "$TSHARK" \
    "$CORPUS"
