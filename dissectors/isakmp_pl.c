/*
 * isakmp_pl.c - typed IKEv1 payload decoders; see isakmp_pl.h.
 *
 * Every read goes through the cursor; nested lengths become sub-cursors
 * before anything inside them is read, so a proposal cannot read into the
 * next one and an attribute cannot read past its transform.
 */
#include <string.h>

#include "isakmp_pl.h"

#define PROP_HDR_LEN	8	/* generic 4 + number, protocol, SPI size, count */
#define XFORM_HDR_LEN	8	/* generic 4 + number, id, reserved2 */
#define ATTR_HDR_LEN	4

/* Record an anomaly; the first occurrence of each kind keeps its details. */
static void
pla_set(struct isakmp_pl *pl, enum isakmp_pla bit, uint32_t a, uint32_t b)
{
	if (pl->an & (1u << bit))
		return;
	pl->an |= 1u << bit;
	pl->an_a[bit] = a;
	pl->an_b[bit] = b;
}

static void
pl_status(struct isakmp_pl *pl, enum dis_status s)
{
	if (pl->status == DIS_OK)
		pl->status = s;
}

void
isakmp_iter_init(struct isakmp_iter *it, struct cursor c)
{
	memset(it, 0, sizeof(*it));
	it->c = c;
}

/*
 * Read one generic-header item of a chain (proposal or transform): the
 * 4-byte header, then the rest of its length as a sub-cursor.  min is the
 * smallest legal length.
 */
static int
chain_item(struct isakmp_iter *it, size_t min, uint8_t *np, uint8_t *res,
    uint16_t *len, struct cursor *sub)
{
	size_t left = cur_left(&it->c);

	if (it->end || (left == 0 && it->n == 0)) {
		/* Ended, or an empty chain (the caller judges emptiness). */
		it->end = true;
		return 0;
	}
	if (left == 0) {
		/* The previous item promised more; nothing is there. */
		it->end = true;
		it->bad_a = 0;
		it->bad_b = 0;
		return -1;
	}
	*np = cur_u8(&it->c);
	*res = cur_u8(&it->c);
	*len = cur_be16(&it->c);
	if (it->c.err || *len < min || (size_t)*len - 4 > cur_left(&it->c)) {
		it->end = true;
		it->bad_a = it->c.err ? 0 : *len;
		it->bad_b = (uint32_t)left;
		return -1;
	}
	*sub = cur_sub(&it->c, (size_t)*len - 4);
	if (*np == 0)
		it->end = true;
	it->n++;
	return 1;
}

int
isakmp_prop_next(struct isakmp_iter *it, struct isakmp_prop *p)
{
	struct cursor sub;
	int r;

	memset(p, 0, sizeof(*p));
	r = chain_item(it, PROP_HDR_LEN, &p->np, &p->reserved, &p->len, &sub);
	if (r != 1)
		return r;
	p->num = cur_u8(&sub);
	p->proto = cur_u8(&sub);
	p->spi_size = cur_u8(&sub);
	p->ntrans = cur_u8(&sub);
	if (p->spi_size > 0 && !cur_bytes(&sub, p->spi_size, &p->spi)) {
		/* SPI runs past the proposal: the proposal is unreadable. */
		it->end = true;
		it->bad_a = p->len;
		it->bad_b = (uint32_t)cur_left(&sub);
		return -1;
	}
	p->xforms = cur_rest(&sub);
	return 1;
}

int
isakmp_xform_next(struct isakmp_iter *it, struct isakmp_xform *t)
{
	struct cursor sub;
	int r;

	memset(t, 0, sizeof(*t));
	r = chain_item(it, XFORM_HDR_LEN, &t->np, &t->reserved, &t->len, &sub);
	if (r != 1)
		return r;
	t->num = cur_u8(&sub);
	t->id = cur_u8(&sub);
	t->reserved2 = cur_be16(&sub);
	t->attrs = cur_rest(&sub);
	return 1;
}

int
isakmp_attr_next(struct isakmp_iter *it, struct isakmp_attr *a)
{
	size_t left = cur_left(&it->c);
	uint16_t t, l;
	size_t i;

	memset(a, 0, sizeof(*a));
	if (it->end || left == 0) {
		it->end = true;
		return 0;
	}
	t = cur_be16(&it->c);
	l = cur_be16(&it->c);
	if (it->c.err) {
		it->end = true;
		it->bad_a = t;
		it->bad_b = (uint32_t)left;
		return -1;
	}
	a->type = t & 0x7fff;
	a->basic = (t & 0x8000) != 0;
	if (a->basic) {
		/* TV: the value is the length field itself. */
		a->len = 2;
		a->val = cur_ptr(&it->c) - 2;
		a->num = l;
		a->num_ok = true;
	} else {
		if (!cur_bytes(&it->c, l, &a->val)) {
			it->end = true;
			it->bad_a = a->type;
			it->bad_b = (uint32_t)(left - ATTR_HDR_LEN);
			return -1;
		}
		a->len = l;
		if (l >= 1 && l <= 8) {
			for (i = 0; i < l; i++)
				a->num = a->num << 8 | a->val[i];
			a->num_ok = true;
		}
	}
	it->n++;
	return 1;
}

enum isakmp_reg
isakmp_attr_reg_for_proto(uint8_t proto)
{
	switch (proto) {
	case ISAKMP_PROTO_ISAKMP:
		return REG_OAKLEY_ATTR;
	case ISAKMP_PROTO_AH:
	case ISAKMP_PROTO_ESP:
	case ISAKMP_PROTO_IPCOMP:
		return REG_IPSEC_ATTR;
	default:
		return REG__COUNT;
	}
}

/* IPsec DOI attributes (RFC 2407 4.5, RFC 4304) */
#define IA_LIFE_TYPE	1
#define IA_LIFE_DUR	2
#define IA_GROUP	3
#define IA_ENCAP	4
#define IA_AUTH		5
#define IA_KEY_LEN	6
#define IA_ESN		11
#define IA_LIFE_KB	2	/* SA Life Type kilobytes */

void
isakmp_ipsec_vals(struct cursor attrs, struct isakmp_ipsec_vals *o)
{
	struct isakmp_iter it;
	struct isakmp_attr a;
	uint32_t life_type = 1;

	memset(o, 0, sizeof(*o));
	isakmp_iter_init(&it, attrs);
	while (it.n < ISAKMP_MAX_ATTRS && isakmp_attr_next(&it, &a) == 1) {
		uint32_t v = a.num_ok && a.num <= UINT32_MAX ?
		    (uint32_t)a.num : 0;

		switch (a.type) {
		case IA_AUTH:
			o->auth = (uint16_t)v;
			break;
		case IA_GROUP:
			o->group = (uint16_t)v;
			break;
		case IA_KEY_LEN:
			o->key_len = (uint16_t)v;
			break;
		case IA_ENCAP:
			o->encap = (uint8_t)v;
			break;
		case IA_ESN:
			o->esn = (uint8_t)v;
			break;
		case IA_LIFE_TYPE:
			life_type = v;
			break;
		case IA_LIFE_DUR:
			if (life_type == IA_LIFE_KB)
				o->life_kb = v;
			else
				o->life_secs = v;
			break;
		default:
			break;
		}
	}
}

int
isakmp_id_fixed_len(uint8_t type)
{
	switch (type) {
	case ISAKMP_ID_IPV4_ADDR:
		return 4;
	case ISAKMP_ID_IPV4_ADDR_SUBNET:
	case ISAKMP_ID_IPV4_ADDR_RANGE:
		return 8;
	case ISAKMP_ID_IPV6_ADDR:
		return 16;
	case ISAKMP_ID_IPV6_ADDR_SUBNET:
	case ISAKMP_ID_IPV6_ADDR_RANGE:
		return 32;
	default:
		return -1;
	}
}

bool
isakmp_cfg_attr_secret(uint16_t type)
{
	return type == ISAKMP_CFG_XAUTH_USER_PASSWORD ||
	    type == ISAKMP_CFG_XAUTH_PASSCODE ||
	    type == ISAKMP_CFG_XAUTH_NEXT_PIN ||
	    type == ISAKMP_CFG_XAUTH_ANSWER;
}

/*
 * An attribute whose form or length its registry rules out: a basic-only
 * attribute sent as variable, or an enumerated value longer than 4 bytes
 * or empty.
 */
static bool
attr_impossible(enum isakmp_reg reg, const struct isakmp_attr *a)
{
	if (reg == REG__COUNT || a->basic)
		return false;
	if (isakmp_attr_form(reg, a->type) == 0)
		return true;
	if (isakmp_attr_value_reg(reg, a->type) != REG__COUNT &&
	    (a->len == 0 || a->len > 4))
		return true;
	return false;
}

/* Validate an attribute list; returns the number of attributes read. */
static unsigned
check_attrs(struct isakmp_pl *pl, struct cursor c, enum isakmp_reg reg)
{
	struct isakmp_iter it;
	struct isakmp_attr a;
	int r;

	isakmp_iter_init(&it, c);
	while (it.n < ISAKMP_MAX_ATTRS && (r = isakmp_attr_next(&it, &a)) != 0) {
		if (r < 0) {
			pla_set(pl, PLA_ATTR_TRUNC, it.bad_a, it.bad_b);
			pl_status(pl, DIS_MALFORMED);
			return it.n;
		}
		if (attr_impossible(reg, &a))
			pla_set(pl, PLA_ATTR_FORM, a.type, a.len);
	}
	if (cur_left(&it.c) > 0)
		pla_set(pl, PLA_ATTR_LIMIT, ISAKMP_MAX_ATTRS, 0);
	return it.n;
}

/* SPI sizes RFC 2407 4.4.1 / RFC 2408 2.4 allow per protocol. */
static bool
spi_size_ok(uint8_t proto, uint8_t size)
{
	switch (proto) {
	case ISAKMP_PROTO_ISAKMP:
		return size == 0 || size == 16;
	case ISAKMP_PROTO_AH:
	case ISAKMP_PROTO_ESP:
		return size == 4;
	case ISAKMP_PROTO_IPCOMP:
		return size == 2 || size == 4;
	default:
		return true;
	}
}

static void
check_prop(struct isakmp_pl *pl, const struct isakmp_prop *p)
{
	struct isakmp_sa *sa = &pl->u.sa;
	enum isakmp_reg reg = isakmp_attr_reg_for_proto(p->proto);
	struct isakmp_iter it;
	struct isakmp_xform t;
	int r;

	if (p->np != ISAKMP_PL_NONE && p->np != ISAKMP_PL_P)
		pla_set(pl, PLA_PROP_NP, p->np, ISAKMP_PL_P);
	if (p->reserved != 0)
		pla_set(pl, PLA_RESERVED, ISAKMP_PL_P, p->reserved);
	if (!spi_size_ok(p->proto, p->spi_size))
		pla_set(pl, PLA_PROTO, p->proto, p->spi_size);
	isakmp_iter_init(&it, p->xforms);
	while (it.n < ISAKMP_MAX_TRANSFORMS &&
	    (r = isakmp_xform_next(&it, &t)) != 0) {
		if (r < 0) {
			pla_set(pl, PLA_PROP_LEN, it.bad_a, it.bad_b);
			pl_status(pl, DIS_MALFORMED);
			break;
		}
		sa->nxforms++;
		if (t.np != ISAKMP_PL_NONE && t.np != ISAKMP_PL_T)
			pla_set(pl, PLA_PROP_NP, t.np, ISAKMP_PL_T);
		if (t.reserved != 0)
			pla_set(pl, PLA_RESERVED, ISAKMP_PL_T, t.reserved);
		if (t.reserved2 != 0)
			pla_set(pl, PLA_RESERVED, ISAKMP_PL_T, t.reserved2);
		sa->nattrs += check_attrs(pl, t.attrs, reg);
	}
	if (!it.end)
		pla_set(pl, PLA_XFORM_LIMIT, ISAKMP_MAX_TRANSFORMS, 0);
	else if (cur_left(&it.c) > 0)
		pla_set(pl, PLA_BODY_TRAILING, ISAKMP_PL_P,
		    (uint32_t)cur_left(&it.c));
	if (it.n != p->ntrans)
		pla_set(pl, PLA_XFORM_COUNT, p->ntrans, it.n);
}

static void
dec_sa(struct cursor c, struct isakmp_pl *pl)
{
	struct isakmp_sa *sa = &pl->u.sa;
	struct isakmp_iter it;
	struct isakmp_prop p;
	int r;

	sa->doi = cur_be32(&c);
	if (c.err) {
		pla_set(pl, PLA_BODY_SHORT, ISAKMP_PL_SA, (uint32_t)c.len);
		pl_status(pl, DIS_TRUNCATED);
		return;
	}
	if (cur_left(&c) < 4) {
		/* No situation: RFC 2408 requires one; nothing more to read. */
		pla_set(pl, PLA_BODY_SHORT, ISAKMP_PL_SA, (uint32_t)c.len);
		pl_status(pl, DIS_TRUNCATED);
		return;
	}
	sa->has_sit = true;
	sa->sit = cur_be32(&c);
	if (sa->doi == ISAKMP_DOI_IPSEC &&
	    (sa->sit & (ISAKMP_SIT_SECRECY | ISAKMP_SIT_INTEGRITY)) != 0) {
		/* Labeled-domain fields precede the proposals; not decoded. */
		pla_set(pl, PLA_SITUATION, sa->sit, 0);
		pl_status(pl, DIS_UNSUPPORTED);
		return;
	}
	sa->props = cur_rest(&c);
	isakmp_iter_init(&it, sa->props);
	while (it.n < ISAKMP_MAX_PROPOSALS &&
	    (r = isakmp_prop_next(&it, &p)) != 0) {
		if (r < 0) {
			pla_set(pl, PLA_PROP_LEN, it.bad_a, it.bad_b);
			pl_status(pl, DIS_MALFORMED);
			break;
		}
		sa->nprops++;
		check_prop(pl, &p);
	}
	if (sa->nprops == 0 && !(pl->an & (1u << PLA_PROP_LEN)))
		/* RFC 2408 3.4: an SA payload carries at least one proposal. */
		pla_set(pl, PLA_BODY_SHORT, ISAKMP_PL_SA, (uint32_t)c.len);
	if (!it.end)
		pla_set(pl, PLA_PROP_LIMIT, ISAKMP_MAX_PROPOSALS, 0);
	else if (cur_left(&it.c) > 0)
		pla_set(pl, PLA_BODY_TRAILING, ISAKMP_PL_SA,
		    (uint32_t)cur_left(&it.c));
}

/* The rest of c as the payload's data. */
static void
rest_data(struct isakmp_pl *pl, struct cursor *c)
{
	struct cursor r = cur_rest(c);

	pl->dlen = cur_left(&r);
	pl->data = pl->dlen > 0 ? cur_ptr(&r) : NULL;
}

static bool
fixed_short(struct isakmp_pl *pl, uint8_t type, const struct cursor *c,
    size_t need)
{
	if (cur_left(c) >= need)
		return false;
	pla_set(pl, PLA_BODY_SHORT, type, (uint32_t)cur_left(c));
	pl_status(pl, DIS_TRUNCATED);
	return true;
}

static void
dec_id(uint8_t type, struct cursor c, struct isakmp_pl *pl)
{
	struct isakmp_id *id = &pl->u.id;
	int want;

	if (fixed_short(pl, type, &c, 4))
		return;
	id->type = cur_u8(&c);
	if (type == ISAKMP_PL_ID) {
		id->proto = cur_u8(&c);
		id->port = cur_be16(&c);
	} else {
		/* NAT-OA: three reserved octets (RFC 3947 5.2). */
		uint8_t r1 = cur_u8(&c);
		uint16_t r2 = cur_be16(&c);

		if (r1 != 0 || r2 != 0)
			pla_set(pl, PLA_RESERVED, type,
			    (uint32_t)r1 << 16 | r2);
	}
	rest_data(pl, &c);
	want = isakmp_id_fixed_len(id->type);
	id->len_ok = want < 0 ? pl->dlen > 0 : pl->dlen == (size_t)want;
	if (!id->len_ok)
		pla_set(pl, PLA_ID_LEN, id->type, (uint32_t)pl->dlen);
}

static void
dec_cert(uint8_t type, struct cursor c, struct isakmp_pl *pl)
{
	if (fixed_short(pl, type, &c, 1))
		return;
	pl->u.cert.enc = cur_u8(&c);
	rest_data(pl, &c);
}

static void
dec_notify(struct cursor c, struct isakmp_pl *pl)
{
	struct isakmp_notify *n = &pl->u.n;

	if (fixed_short(pl, ISAKMP_PL_N, &c, 8))
		return;
	n->doi = cur_be32(&c);
	n->proto = cur_u8(&c);
	n->spi_size = cur_u8(&c);
	n->type = cur_be16(&c);
	if (n->spi_size > 0 && !cur_bytes(&c, n->spi_size, &n->spi)) {
		pla_set(pl, PLA_BODY_SHORT, ISAKMP_PL_N, (uint32_t)c.len);
		pl_status(pl, DIS_TRUNCATED);
		n->spi_size = 0;
		return;
	}
	if (!spi_size_ok(n->proto, n->spi_size) && n->spi_size != 0)
		pla_set(pl, PLA_PROTO, n->proto, n->spi_size);
	rest_data(pl, &c);
	if (n->type == ISAKMP_N_R_U_THERE || n->type == ISAKMP_N_R_U_THERE_ACK) {
		if (pl->dlen >= 4) {
			n->has_seq = true;
			n->seq = (uint32_t)pl->data[0] << 24 |
			    (uint32_t)pl->data[1] << 16 |
			    (uint32_t)pl->data[2] << 8 | pl->data[3];
			if (pl->dlen > 4)
				pla_set(pl, PLA_BODY_TRAILING, ISAKMP_PL_N,
				    (uint32_t)pl->dlen - 4);
		} else {
			pla_set(pl, PLA_BODY_SHORT, ISAKMP_PL_N,
			    (uint32_t)c.len);
		}
	}
}

static void
dec_delete(struct cursor c, struct isakmp_pl *pl)
{
	struct isakmp_delete *d = &pl->u.d;
	size_t need, left;

	if (fixed_short(pl, ISAKMP_PL_D, &c, 8))
		return;
	d->doi = cur_be32(&c);
	d->proto = cur_u8(&c);
	d->spi_size = cur_u8(&c);
	d->nspis = cur_be16(&c);
	left = cur_left(&c);
	need = (size_t)d->nspis * d->spi_size;
	if ((d->spi_size == 0 && d->nspis > 0) ||
	    !spi_size_ok(d->proto, d->spi_size))
		pla_set(pl, PLA_PROTO, d->proto, d->spi_size);
	if (need > left) {
		pla_set(pl, PLA_SPI_COUNT, d->nspis, (uint32_t)left);
		pl_status(pl, DIS_MALFORMED);
		d->spis = cur_rest(&c);
		return;
	}
	d->spis = cur_sub(&c, need);
	if (cur_left(&c) > 0)
		pla_set(pl, PLA_BODY_TRAILING, ISAKMP_PL_D,
		    (uint32_t)cur_left(&c));
}

static void
dec_cfg(struct cursor c, struct isakmp_pl *pl)
{
	struct isakmp_cfg *g = &pl->u.cfg;

	if (fixed_short(pl, ISAKMP_PL_ATTR, &c, 4))
		return;
	g->type = cur_u8(&c);
	g->reserved = cur_u8(&c);
	g->ident = cur_be16(&c);
	if (g->reserved != 0)
		pla_set(pl, PLA_RESERVED, ISAKMP_PL_ATTR, g->reserved);
	g->attrs = cur_rest(&c);
	g->nattrs = check_attrs(pl, g->attrs, REG_CFG_ATTR);
}

static void
dec_frag(struct cursor c, struct isakmp_pl *pl)
{
	struct isakmp_frag *f = &pl->u.frag;

	if (fixed_short(pl, ISAKMP_PL_FRAG, &c, 4))
		return;
	f->id = cur_be16(&c);
	f->num = cur_u8(&c);
	f->flags = cur_u8(&c);
	rest_data(pl, &c);
}

/*
 * Decode one payload body of the given type.  pl must be zeroed by the
 * caller.  Returns pl->status: DIS_OK, DIS_TRUNCATED (fixed fields
 * missing), DIS_MALFORMED (nested lengths contradict themselves) or
 * DIS_UNSUPPORTED (a labeled-domain situation).  pl->an says what was seen.
 */
enum dis_status
isakmp_pl_decode(uint8_t type, struct cursor body, struct isakmp_pl *pl)
{
	pl->status = DIS_OK;
	pl->decoded = true;
	switch (type) {
	case ISAKMP_PL_SA:
		dec_sa(body, pl);
		break;
	case ISAKMP_PL_ID:
	case ISAKMP_PL_NAT_OA:
	case ISAKMP_PL_NAT_OA_DRAFT:
		dec_id(type, body, pl);
		break;
	case ISAKMP_PL_CERT:
	case ISAKMP_PL_CR:
		dec_cert(type, body, pl);
		break;
	case ISAKMP_PL_N:
		dec_notify(body, pl);
		break;
	case ISAKMP_PL_D:
		dec_delete(body, pl);
		break;
	case ISAKMP_PL_ATTR:
		dec_cfg(body, pl);
		break;
	case ISAKMP_PL_FRAG:
		dec_frag(body, pl);
		break;
	case ISAKMP_PL_KE:
	case ISAKMP_PL_HASH:
	case ISAKMP_PL_SIG:
	case ISAKMP_PL_NONCE:
	case ISAKMP_PL_VID:
	case ISAKMP_PL_NAT_D:
	case ISAKMP_PL_NAT_D_DRAFT:
		rest_data(pl, &body);
		if (pl->dlen == 0)
			pla_set(pl, PLA_BODY_SHORT, type, 0);
		break;
	case ISAKMP_PL_SAK:
	case ISAKMP_PL_SAT:
	case ISAKMP_PL_KD:
	case ISAKMP_PL_SEQ:
	case ISAKMP_PL_POP:
		/* GDOI payloads: named, carried as raw data. */
		rest_data(pl, &body);
		break;
	default:
		pl->decoded = false;
		pla_set(pl, PLA_UNKNOWN_TYPE, type, 0);
		rest_data(pl, &body);
		break;
	}
	return pl->status;
}
