#!/bin/sh
# Link types beyond Ethernet end to end: PPPoE, MPLS (and pseudowires),
# PPP, PPP in HDLC and Cisco HDLC framing, Cisco HDLC, NFLOG, enc, pflog,
# IEEE 802.11 (bare, radiotap, PPI) and PKTAP captures written at test time
# (links.py); ikescope's decode and -w export against what was framed and
# against tshark's decode (skipped without tshark).
. "$(dirname "$0")/lib.sh"
t_need_ikescope
t_have_tshark || TSHARK=""
t_run_python links.py "$IKESCOPE" "$TSHARK"
