#!/bin/sh
# IKEv1 decryption over the corpus with every key subset (tests/ike_decrypt_check.py).
. "$(dirname "$0")/lib.sh"
t_need_corpus strongswan
t_run_python ike_decrypt_check.py "$IKESCOPE" "$CORPUS" "${TSHARK:-}"
