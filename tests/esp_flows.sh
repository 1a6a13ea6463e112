#!/bin/sh
# One wildcard key entry matching two ESP flows that differ (one ESN seen
# from the middle, one not): each flow reads its own way, and keys
# --export writes what was learned per flow (tests/esp_flows.py, packets
# made with tests/esp_gen.py's independent encapsulator).
. "$(dirname "$0")/lib.sh"
t_need_ikescope
py=$(t_find_python cryptography) ||
    t_skip_all "no python3 with the cryptography package" \
    "(Debian: python3-cryptography)"
"$py" "$top_srcdir/tests/esp_flows.py" "$IKESCOPE" "$t_tmp/flows"
