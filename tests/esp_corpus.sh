#!/bin/sh
# ESP decryption over the corpus (tests/esp_check.py).
. "$(dirname "$0")/lib.sh"
t_need_corpus strongswan
t_run_python esp_check.py "$IKESCOPE" "$CORPUS"
