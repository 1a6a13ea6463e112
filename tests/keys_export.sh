#!/bin/sh
# ikescope keys --export: round trips and tshark (tests/keys_export.py).
. "$(dirname "$0")/lib.sh"
t_need_corpus strongswan
t_run_python keys_export.py "$IKESCOPE" "$CORPUS" "$top_srcdir/samples"
