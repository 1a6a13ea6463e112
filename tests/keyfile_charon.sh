#!/bin/sh
# Keys from strongSwan charon logs against the manifests (tests/keyfile_charon.py).
. "$(dirname "$0")/lib.sh"
t_need_corpus strongswan-logs
t_run_python keyfile_charon.py "$IKESCOPE" "$CORPUS"
