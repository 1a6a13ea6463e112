#!/bin/sh
# ESP SAs from `ip xfrm state` output: the same verdicts as with our key
# file on tests/esp_gen.py's capture of every algorithm
# (tests/keyfile_xfrm.py).
. "$(dirname "$0")/lib.sh"
t_need_ikescope
py=$(t_find_python cryptography) ||
    t_skip_all "no python3 with the cryptography package" \
    "(Debian: python3-cryptography)"
"$py" "$top_srcdir/tests/keyfile_xfrm.py" "$IKESCOPE" "$t_tmp/xfrm"
