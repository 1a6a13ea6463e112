#!/bin/sh
# ESN SAs seen far into their life: the starting high half from esn_hi=
# and from the 10-field esp_sa table (tests/esn_hint.py, packets made with
# tests/esp_gen.py's independent encapsulator).
. "$(dirname "$0")/lib.sh"
t_need_ikescope
py=$(t_find_python cryptography) ||
    t_skip_all "no python3 with the cryptography package" \
    "(Debian: python3-cryptography)"
"$py" "$top_srcdir/tests/esn_hint.py" "$IKESCOPE" "$t_tmp/esn"
