/*
 * isakmp.c - ISAKMP header and generic payload chain; see isakmp.h.
 */
#include <string.h>

#include "isakmp.h"

void
isakmp_msg_clear(struct isakmp_msg *m)
{
	size_t a = offsetof(struct isakmp_msg, pl);
	size_t b = offsetof(struct isakmp_msg, trailing);

	memset(m, 0, a);
	memset((char *)m + b, 0, sizeof(*m) - b);
}

enum dis_status
isakmp_decode_hdr(struct cursor *c, struct isakmp_hdr *h)
{
	uint8_t v;

	cur_copy(c, h->icookie, sizeof(h->icookie));
	cur_copy(c, h->rcookie, sizeof(h->rcookie));
	h->np = cur_u8(c);
	v = cur_u8(c);
	h->maj = v >> 4;
	h->min = v & 0x0f;
	h->exch = cur_u8(c);
	h->flags = cur_u8(c);
	h->msgid = cur_be32(c);
	h->len = cur_be32(c);
	return c->err ? DIS_TRUNCATED : DIS_OK;
}

/*
 * Zero a payload's decoded view but its anomaly arguments (an_a, an_b:
 * 128 of its 224 bytes), which are read only under their bit in an.
 */
_Static_assert(offsetof(struct isakmp_pl, an_b) >
    offsetof(struct isakmp_pl, an_a) && offsetof(struct isakmp_pl, data) >=
    offsetof(struct isakmp_pl, an_b) + sizeof(((struct isakmp_pl *)0)->an_b),
    "isakmp_pl: an_a and an_b lie between an and data");

static void
isakmp_pl_clear(struct isakmp_pl *d)
{
	size_t a = offsetof(struct isakmp_pl, an_a);
	size_t b = offsetof(struct isakmp_pl, data);

	memset(d, 0, a);
	memset((char *)d + b, 0, sizeof(*d) - b);
}

/*
 * Walk a generic payload chain starting with payload type np over the bytes
 * in c; off is the offset of c's first byte in the message (for reporting).
 * Appends to m->pl.  Used for plaintext messages and for decrypted bodies.
 */
enum dis_status
isakmp_walk(struct cursor c, uint8_t np, uint32_t off, struct isakmp_msg *m)
{
	while (np != 0) {
		struct isakmp_payload_raw *p;
		uint8_t next, res;
		uint16_t len;

		m->bad_off = off + (uint32_t)c.off;
		m->bad_len = 0;
		if (cur_left(&c) == 0) {
			/* Chain says more, bytes say no. */
			m->anomalies |= ISAKMP_AN_PL_PAST_END;
			return DIS_TRUNCATED;
		}
		next = cur_u8(&c);
		res = cur_u8(&c);
		len = cur_be16(&c);
		if (c.err) {
			m->anomalies |= ISAKMP_AN_PL_PAST_END;
			return DIS_TRUNCATED;
		}
		m->bad_len = len;
		if (len < ISAKMP_GENERIC_LEN) {
			m->anomalies |= ISAKMP_AN_PL_SHORT;
			return DIS_MALFORMED;
		}
		if (m->npayloads == ISAKMP_MAX_PAYLOADS) {
			m->anomalies |= ISAKMP_AN_TOO_MANY;
			return DIS_MALFORMED;
		}
		p = &m->pl[m->npayloads];
		p->type = np;
		p->np = next;
		p->reserved = res;
		p->len = len;
		p->off = off + (uint32_t)c.off - ISAKMP_GENERIC_LEN;
		p->body = cur_sub(&c, (size_t)len - ISAKMP_GENERIC_LEN);
		m->npayloads++;
		if (res != 0 && !(m->anomalies & ISAKMP_AN_PL_RESERVED)) {
			m->anomalies |= ISAKMP_AN_PL_RESERVED;
			m->bad_res = res;
		}
		isakmp_pl_clear(&p->d);
		if (p->body.err) {
			/*
			 * Decode what is there (a fresh cursor over the bytes
			 * present, so reads stop at the message end).
			 */
			isakmp_pl_decode(np, cur_init(p->body.p, p->body.len),
			    &p->d);
			if (p->d.status == DIS_OK)
				p->d.status = DIS_TRUNCATED;
			m->anomalies |= ISAKMP_AN_PL_PAST_END;
			return DIS_TRUNCATED;
		}
		isakmp_pl_decode(np, p->body, &p->d);
		np = next;
	}
	if (cur_left(&c) > 0) {
		m->anomalies |= ISAKMP_AN_PL_TRAILING;
		m->pl_trailing = cur_left(&c);
	}
	return DIS_OK;
}

/*
 * Decode a whole message: header, then (unless encrypted) the payload chain
 * within the header's length.  Status is the worst seen; m is filled as far
 * as the bytes allow.
 */
enum dis_status
isakmp_decode(struct cursor c, struct isakmp_msg *m)
{
	size_t avail, blen;

	m->status = isakmp_decode_hdr(&c, &m->hdr);
	if (m->status != DIS_OK)
		return m->status;
	if (m->hdr.maj != 1 && m->hdr.maj != 2)
		m->anomalies |= ISAKMP_AN_BAD_VERSION;
	if (m->hdr.maj == 1 && (m->hdr.flags & ~0x07) != 0)
		m->anomalies |= ISAKMP_AN_BAD_FLAGS;
	m->encrypted = m->hdr.maj == 1 && (m->hdr.flags & ISAKMP_FLAG_E);

	avail = cur_left(&c);
	if (m->hdr.len < ISAKMP_HDR_LEN) {
		m->anomalies |= ISAKMP_AN_LEN_SHORT;
		m->status = DIS_MALFORMED;
		blen = avail;
	} else if (m->hdr.len - ISAKMP_HDR_LEN > avail) {
		m->anomalies |= ISAKMP_AN_LEN_PAST_END;
		m->status = DIS_TRUNCATED;
		blen = avail;
	} else {
		blen = m->hdr.len - ISAKMP_HDR_LEN;
		m->trailing = avail - blen;
		if (m->trailing > 0)
			m->anomalies |= ISAKMP_AN_TRAILING;
	}
	m->body = cur_sub(&c, blen);
	if (m->hdr.maj != 1 || m->encrypted)
		return m->status;
	{
		enum dis_status s = isakmp_walk(m->body, m->hdr.np,
		    ISAKMP_HDR_LEN, m);

		if (m->status == DIS_OK)
			m->status = s;
	}
	return m->status;
}
