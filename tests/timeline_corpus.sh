#!/bin/sh
# Timelines of the strongSwan corpus against charon's own exchange log (tests/timeline_check.py).
. "$(dirname "$0")/lib.sh"
t_need_corpus strongswan
t_run_python timeline_check.py "$IKESCOPE" "$CORPUS"
