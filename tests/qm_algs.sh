#!/bin/sh
# Quick Mode transform IDs -> KEYMAT-derived SAs of Camellia, CAST-128,
# Blowfish, AES-CCM and HMAC-RIPEMD-160: a real Quick Mode rewritten to
# them (tests/qm_algs.py).
. "$(dirname "$0")/lib.sh"
t_need_ikescope
t_need_corpus strongswan-logs
py=$(t_find_python cryptography) ||
    t_skip_all "no python3 with the cryptography package" \
    "(Debian: python3-cryptography)"
exec "$py" "$top_srcdir/tests/qm_algs.py" "$IKESCOPE" "$CORPUS"
