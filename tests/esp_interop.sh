#!/bin/sh
# ESP decryption against an independent encapsulator: tests/esp_gen.py
# (written from the RFCs with python's cryptography, not from ikescope's
# code) makes captures of every algorithm, mode, ESN, padding and bad-key
# case with a fixed seed; tests/esp_interop.py checks ikescope's verdicts
# and -w bytes with each backend, and tshark's agreement.
. "$(dirname "$0")/lib.sh"
t_need_ikescope
py=$(t_find_python cryptography) ||
    t_skip_all "no python3 with the cryptography package" \
    "(Debian: python3-cryptography)"
if ! "$py" "$top_srcdir/tests/esp_gen.py" --seed 4303 "$t_tmp/interop" \
    >"$t_tmp/gen.out" 2>&1; then
	t_not_ok "esp_gen.py generates the captures"
	t_diag <"$t_tmp/gen.out"
	t_done
fi
"$py" "$top_srcdir/tests/esp_interop.py" "$IKESCOPE" "$t_tmp/interop.json"
