/*
 * esp.h - ESP header (RFC 4303 section 2): SPI, sequence number and the
 * protected remainder (IV, payload, padding, trailer and ICV, which only a
 * key can separate).
 */
#ifndef IKESCOPE_ESP_H
#define IKESCOPE_ESP_H

#include <stdint.h>

#include "cursor.h"
#include "dis.h"

#define ESP_HDR_LEN	8

struct esp_hdr {
	uint32_t	 spi;
	uint32_t	 seq;
	const uint8_t	*body;		/* after the sequence number */
	size_t		 body_len;
};

/*
 * The header at c.  Taken by address, not by value as DESIGN.md has
 * dissectors take their bodies (cursor.h: the copy of a cursor just made
 * stalls, and this runs for every ESP frame); it reads through its own
 * copy, so c is not moved and nothing past c's window is read.
 */
enum dis_status	esp_decode_hdr(const struct cursor *, struct esp_hdr *);

#endif
