#!/bin/sh
# ESP padding other than 1, 2, 3, ...: decrypted and flagged under an AEAD
# tag, bad_padding under an HMAC (tests/esp_padding.py, packets made with
# tests/esp_gen.py's independent encapsulator).
. "$(dirname "$0")/lib.sh"
t_need_ikescope
py=$(t_find_python cryptography) ||
    t_skip_all "no python3 with the cryptography package" \
    "(Debian: python3-cryptography)"
"$py" "$top_srcdir/tests/esp_padding.py" "$IKESCOPE" "$t_tmp/padding"
