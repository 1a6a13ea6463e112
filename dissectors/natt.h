/*
 * natt.h - UDP 4500 demultiplexing (RFC 3948 section 2).
 *
 * A UDP-encapsulated datagram on the NAT-T port is one of: a NAT-keepalive
 * (exactly one octet, 0xFF), an IKE message behind the four-octet non-ESP
 * marker (all zero), or an ESP packet whose first four octets are its
 * (non-zero) SPI.
 */
#ifndef IKESCOPE_NATT_H
#define IKESCOPE_NATT_H

#include "cursor.h"

enum natt_kind {
	NATT_ESP,		/* ESP-in-UDP; the cursor is left at the SPI */
	NATT_IKE,		/* non-ESP marker; cursor left after it */
	NATT_KEEPALIVE,		/* single 0xFF octet */
	NATT_INVALID		/* none of the above (e.g. empty, or 1-3 bytes) */
};

#define NATT_PORT	4500
#define NATT_MARKER_LEN	4

enum natt_kind	natt_classify(struct cursor *);
const char	*natt_kind_name(enum natt_kind);

#endif
