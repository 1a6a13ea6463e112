/*
 * natt.c - UDP 4500 demultiplexing; see natt.h.
 */
#include "natt.h"

enum natt_kind
natt_classify(struct cursor *c)
{
	size_t left = cur_left(c);
	bool ok;

	if (c->err || left == 0)
		return NATT_INVALID;
	if (left == 1)
		return cur_peek_u8(c, 0, &ok) == 0xff ? NATT_KEEPALIVE :
		    NATT_INVALID;
	if (left < NATT_MARKER_LEN)
		return NATT_INVALID;
	if (cur_peek_u8(c, 0, &ok) == 0 && cur_peek_u8(c, 1, &ok) == 0 &&
	    cur_peek_u8(c, 2, &ok) == 0 && cur_peek_u8(c, 3, &ok) == 0) {
		cur_skip(c, NATT_MARKER_LEN);
		return NATT_IKE;
	}
	return NATT_ESP;
}

const char *
natt_kind_name(enum natt_kind k)
{
	switch (k) {
	case NATT_ESP:
		return "esp";
	case NATT_IKE:
		return "ike";
	case NATT_KEEPALIVE:
		return "nat_keepalive";
	case NATT_INVALID:
		break;
	}
	return "invalid";
}
