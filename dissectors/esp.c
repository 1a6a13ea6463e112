/*
 * esp.c - ESP header; see esp.h.
 */
#include "esp.h"

enum dis_status
esp_decode_hdr(const struct cursor *at, struct esp_hdr *h)
{
	struct cursor c;

	cur_set(&c, at);
	h->spi = cur_be32(&c);
	h->seq = cur_be32(&c);
	if (c.err)
		return DIS_TRUNCATED;
	h->body = cur_ptr(&c);
	h->body_len = cur_left(&c);
	/* SPI 0 is reserved (RFC 4303 2.1); 1-255 are reserved by IANA. */
	if (h->spi == 0)
		return DIS_MALFORMED;
	return DIS_OK;
}
