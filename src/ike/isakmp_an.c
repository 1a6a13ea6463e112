/*
 * isakmp_an.c - ISAKMP anomaly bits -> anomaly records; see isakmp_an.h.
 */
#include "ike/isakmp_an.h"

/* Payload anomaly bit -> anomaly id, in enum isakmp_pla order. */
static const enum an_id pla_map[PLA__COUNT] = {
	[PLA_UNKNOWN_TYPE] = AN_ISAKMP_PL_UNKNOWN,
	[PLA_BODY_SHORT] = AN_ISAKMP_PL_BODY_SHORT,
	[PLA_BODY_TRAILING] = AN_ISAKMP_PL_BODY_TRAILING,
	[PLA_RESERVED] = AN_ISAKMP_FIELD_RESERVED,
	[PLA_PROP_LEN] = AN_ISAKMP_PROP_LEN,
	[PLA_PROP_NP] = AN_ISAKMP_PROP_NP,
	[PLA_XFORM_COUNT] = AN_ISAKMP_XFORM_COUNT,
	[PLA_PROP_LIMIT] = AN_ISAKMP_PROP_LIMIT,
	[PLA_XFORM_LIMIT] = AN_ISAKMP_XFORM_LIMIT,
	[PLA_ATTR_LIMIT] = AN_ISAKMP_ATTR_LIMIT,
	[PLA_ATTR_TRUNC] = AN_ISAKMP_ATTR_TRUNC,
	[PLA_ATTR_FORM] = AN_ISAKMP_ATTR_FORM,
	[PLA_ID_LEN] = AN_ISAKMP_ID_LEN,
	[PLA_SPI_COUNT] = AN_ISAKMP_SPI_COUNT,
	[PLA_SITUATION] = AN_ISAKMP_SITUATION,
	[PLA_PROTO] = AN_ISAKMP_SPI_SIZE,
};

static void
isakmp_an_payloads(struct an_list *l, const struct isakmp_msg *m)
{
	size_t i;
	unsigned b;

	for (i = 0; i < m->npayloads; i++) {
		const struct isakmp_pl *d = &m->pl[i].d;

		if (d->an == 0)
			continue;
		for (b = 0; b < PLA__COUNT; b++)
			if (d->an & (1u << b))
				an_add(l, pla_map[b], d->an_a[b], d->an_b[b]);
	}
}

/*
 * Add the anomalies of message m to l; have is the number of bytes the
 * message was decoded from.
 */
void
isakmp_an_collect(struct an_list *l, const struct isakmp_msg *m, size_t have)
{
	unsigned a = m->anomalies;

	if (m->status == DIS_TRUNCATED && m->npayloads == 0 &&
	    have < ISAKMP_HDR_LEN) {
		an_add(l, AN_ISAKMP_TRUNCATED, (uint32_t)have, 0);
		return;
	}
	if (a & ISAKMP_AN_BAD_VERSION)
		an_add(l, AN_ISAKMP_BAD_VERSION, m->hdr.maj, m->hdr.min);
	if (a & ISAKMP_AN_BAD_FLAGS)
		an_add(l, AN_ISAKMP_BAD_FLAGS, m->hdr.flags, 0);
	if (a & ISAKMP_AN_LEN_SHORT)
		an_add(l, AN_ISAKMP_LEN_SHORT, m->hdr.len, 0);
	if (a & ISAKMP_AN_LEN_PAST_END)
		an_add(l, AN_ISAKMP_LEN_PAST_END, m->hdr.len, (uint32_t)have);
	if (a & ISAKMP_AN_TRAILING)
		an_add(l, AN_ISAKMP_TRAILING, (uint32_t)m->trailing, 0);
	if (a & ISAKMP_AN_PL_SHORT)
		an_add(l, AN_ISAKMP_PL_SHORT, m->bad_off, m->bad_len);
	if (a & ISAKMP_AN_PL_PAST_END)
		an_add(l, AN_ISAKMP_PL_PAST_END, m->bad_off, 0);
	if (a & ISAKMP_AN_PL_TRAILING)
		an_add(l, AN_ISAKMP_PL_TRAILING, (uint32_t)m->pl_trailing, 0);
	if (a & ISAKMP_AN_PL_RESERVED)
		an_add(l, AN_ISAKMP_PL_RESERVED, m->bad_res, 0);
	if (a & ISAKMP_AN_TOO_MANY)
		an_add(l, AN_ISAKMP_TOO_MANY, ISAKMP_MAX_PAYLOADS, 0);
	isakmp_an_payloads(l, m);
}
