#!/bin/sh
# --natt-port: a strongSwan capture moved from UDP 4500 to another port
# reads the same with the option (tests/natt_port.py).
. "$(dirname "$0")/lib.sh"
t_need_ikescope
c=$CORPUS/strongswan/a_mm_psk_aes128_sha1_modp2048
[ -f "$c.pcap" ] || t_skip_all "no corpus at $CORPUS (strongswan captures)"
command -v python3 >/dev/null 2>&1 || t_skip_all "python3 not installed"
python3 "$top_srcdir/tests/natt_port.py" "$IKESCOPE" "$c.pcap" \
    "$c.esp_sa" "$c.ikev1_decryption_table" "$t_tmp/natt"
