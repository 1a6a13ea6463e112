/*
 * linktypes.h - the link types a fuzz input's first byte selects
 * (fuzz_packet.c) and that the replay driver maps a capture's link type
 * to (replay_main.c): every one pkt_decode knows.  New ones go at the end,
 * so that the selector bytes of existing seeds (tests/fuzz/seeds.py,
 * whose LINKS table follows this order) keep their link type.
 */
#ifndef IKESCOPE_FUZZ_LINKTYPES_H
#define IKESCOPE_FUZZ_LINKTYPES_H

#include "capture/pkt.h"

static const int fuzz_links[] = {
	DLT_EN10MB, DLT_LINUX_SLL, DLT_LINUX_SLL2, DLT_RAW, DLT_NULL,
	DLT_LOOP, DLT_IPV4, DLT_IPV6, DLT_PPP, DLT_PPP_SERIAL, DLT_C_HDLC,
	DLT_NFLOG, DLT_ENC, DLT_PFLOG, DLT_PPP_ETHER, DLT_PPP_PPPD,
	DLT_IEEE802_11, DLT_IEEE802_11_RADIO, DLT_PPI, DLT_PKTAP
};
#define FUZZ_NLINKS	(sizeof(fuzz_links) / sizeof(fuzz_links[0]))

#endif
