#!/bin/sh
# IKEv1 fragmentation end to end (tests/ikefrag_check.py).
. "$(dirname "$0")/lib.sh"
t_run_python ikefrag_check.py "$IKESCOPE" "$top_srcdir/samples"
