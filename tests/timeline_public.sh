#!/bin/sh
# Timelines of public captures against their suites' expected outputs (tests/timeline_public.py).
. "$(dirname "$0")/lib.sh"
t_need_corpus public
t_run_python timeline_public.py "$IKESCOPE" "$CORPUS"
