#!/bin/sh
# What a key source leaves out or gets wrong (ESN, HMAC-SHA-256's
# truncation), found by the ICV (tests/esp_infer.py, packets made with
# tests/esp_gen.py's independent encapsulator).
. "$(dirname "$0")/lib.sh"
t_need_ikescope
py=$(t_find_python cryptography) ||
    t_skip_all "no python3 with the cryptography package" \
    "(Debian: python3-cryptography)"
"$py" "$top_srcdir/tests/esp_infer.py" "$IKESCOPE" "$t_tmp/infer"
