/*
 * p1rec.c - the phase-1 record of an IKE SA; see p1rec.h.
 */
#include <stdlib.h>
#include <string.h>

#include "dissectors/isakmp_pl.h"
#include "track/p1rec.h"

/* Oakley attributes (RFC 2409 appendix A) */
#define OA_ENC		1
#define OA_HASH		2
#define OA_AUTH		3
#define OA_GROUP	4
#define OA_LIFE_TYPE	11
#define OA_LIFE_DUR	12
#define OA_KEY_LEN	14
#define OA_LIFE_KB	2	/* Life Type kilobytes */


static void
p1rec_blob_clear(struct p1rec *r, struct p1rec_blob *b)
{
	if (b->p != NULL) {
		r->bytes -= b->n;
		free(b->p);
	}
	b->p = NULL;
	b->n = 0;
	b->clear = false;
}

/* Keep a body; one over its cap replaces what was kept with nothing. */
static void
p1rec_blob_set(struct p1rec *r, struct p1rec_blob *b,
    const struct cursor *body, size_t cap, bool clear)
{
	const uint8_t *p = cur_ptr(body);
	size_t n = cur_left(body);

	if (p == NULL)
		return;
	if (b->p != NULL && b->n == n && memcmp(b->p, p, n) == 0) {
		b->clear = b->clear || clear;
		return;
	}
	p1rec_blob_clear(r, b);
	if (n > cap) {
		r->oversized++;
		return;
	}
	if (n == 0 || (b->p = malloc(n)) == NULL)
		return;
	memcpy(b->p, p, n);
	b->n = n;
	b->clear = clear;
	r->bytes += n;
}

static void
p1rec_xform_fill(struct p1rec *r, struct p1rec_xform *x,
    const struct isakmp_prop *p, const struct isakmp_xform *ix)
{
	struct isakmp_iter it;
	struct isakmp_attr a;

	memset(x, 0, sizeof(*x));
	x->prop_num = p->num;
	x->proto = p->proto;
	x->num = ix->num;
	x->id = ix->id;
	isakmp_iter_init(&it, ix->attrs);
	while (it.n < ISAKMP_MAX_ATTRS && isakmp_attr_next(&it, &a) == 1) {
		struct p1rec_attr *d;

		if (x->attrs_seen < UINT16_MAX)
			x->attrs_seen++;
		if (x->nattrs == P1REC_MAX_ATTRS) {
			r->attrs_dropped++;
			continue;
		}
		d = &x->attrs[x->nattrs++];
		d->type = a.type;
		d->basic = a.basic;
		d->len = a.len;
		d->num_ok = a.num_ok;
		d->num = a.num_ok ? a.num : 0;
	}
}

/*
 * The initiator's SA: every proposal and transform, counted, the first
 * P1REC_MAX_XFORMS kept (gathered on the stack, then one allocation of
 * the size kept).  The responder's: its first transform.
 */
static void
p1rec_sa(struct p1rec *r, bool from_init, const struct isakmp_pl *d)
{
	struct isakmp_iter pit, xit;
	struct isakmp_prop p;
	struct isakmp_xform x;
	struct p1rec_xform keep[P1REC_MAX_XFORMS];
	uint16_t nprops = 0, nx = 0, nkept = 0;

	if (d->status != DIS_OK && d->status != DIS_TRUNCATED)
		return;
	isakmp_iter_init(&pit, d->u.sa.props);
	while (pit.n < ISAKMP_MAX_PROPOSALS &&
	    isakmp_prop_next(&pit, &p) == 1) {
		nprops++;
		isakmp_iter_init(&xit, p.xforms);
		while (xit.n < ISAKMP_MAX_TRANSFORMS &&
		    isakmp_xform_next(&xit, &x) == 1) {
			nx++;
			if (!from_init) {
				if (nx == 1 && p.proto == ISAKMP_PROTO_ISAKMP) {
					p1rec_xform_fill(r, &r->chosen, &p, &x);
					p1rec_alg(&r->chosen, &r->chosen_alg);
					r->has_chosen = true;
				}
				continue;
			}
			if (nkept == P1REC_MAX_XFORMS) {
				r->xforms_dropped++;
				continue;
			}
			p1rec_xform_fill(r, &keep[nkept++], &p, &x);
		}
	}
	if (!from_init)
		return;
	if (r->offered != NULL)
		r->bytes -= r->nkept * sizeof(*r->offered);
	free(r->offered);
	r->offered = NULL;
	r->nkept = 0;
	if (nkept > 0 &&
	    (r->offered = malloc(nkept * sizeof(*keep))) != NULL)
		memcpy(r->offered, keep, nkept * sizeof(*keep));
	else
		nkept = 0;
	r->nkept = nkept;
	r->bytes += nkept * sizeof(*r->offered);
	r->offered_proposals = nprops;
	r->offered_transforms = nx;
}

/*
 * Learn from a phase-1 message (message ID 0), plaintext or decrypted:
 * from_init says it came from the IKE SA's initiator, clear that it
 * travelled in clear.  Bodies are taken from m's payload cursors.
 */
void
p1rec_observe(struct p1rec *r, bool from_init, const struct isakmp_msg *m,
    bool clear)
{
	size_t i;

	memcpy(r->icookie, m->hdr.icookie, 8);
	if (memcmp(m->hdr.rcookie, "\0\0\0\0\0\0\0\0", 8) != 0) {
		memcpy(r->rcookie, m->hdr.rcookie, 8);
		r->has_rcookie = true;
	}
	if (r->exch == 0)
		r->exch = m->hdr.exch;
	for (i = 0; i < m->npayloads; i++) {
		const struct isakmp_payload_raw *p = &m->pl[i];

		switch (p->type) {
		case ISAKMP_PL_KE:
			p1rec_blob_set(r, from_init ? &r->gxi : &r->gxr,
			    &p->body, P1REC_KE_MAX, clear);
			break;
		case ISAKMP_PL_NONCE:
			p1rec_blob_set(r, from_init ? &r->ni : &r->nr,
			    &p->body, P1REC_NONCE_MAX, clear);
			break;
		case ISAKMP_PL_SA:
			if (from_init)
				p1rec_blob_set(r, &r->sai, &p->body,
				    P1REC_SA_MAX, clear);
			if (p->d.decoded)
				p1rec_sa(r, from_init, &p->d);
			break;
		case ISAKMP_PL_ID:
			p1rec_blob_set(r, from_init ? &r->idi : &r->idr,
			    &p->body, P1REC_ID_MAX, clear);
			break;
		case ISAKMP_PL_HASH:
			p1rec_blob_set(r, from_init ? &r->hash_i : &r->hash_r,
			    &p->body, P1REC_HASH_MAX, clear);
			break;
		default:
			break;
		}
	}
}

void
p1rec_free(struct p1rec *r)
{
	p1rec_blob_clear(r, &r->gxi);
	p1rec_blob_clear(r, &r->gxr);
	p1rec_blob_clear(r, &r->ni);
	p1rec_blob_clear(r, &r->nr);
	p1rec_blob_clear(r, &r->sai);
	p1rec_blob_clear(r, &r->idi);
	p1rec_blob_clear(r, &r->idr);
	p1rec_blob_clear(r, &r->hash_i);
	p1rec_blob_clear(r, &r->hash_r);
	free(r->offered);
	memset(r, 0, sizeof(*r));
}

const struct p1rec_attr *
p1rec_attr_find(const struct p1rec_xform *x, uint16_t type)
{
	uint8_t i;

	for (i = 0; i < x->nattrs; i++)
		if (x->attrs[i].type == type)
			return &x->attrs[i];
	return NULL;
}

/* One Oakley attribute into a; a life duration follows its life type. */
static void
p1rec_alg_attr(struct p1rec_alg *a, uint32_t *life_type, uint16_t type,
    bool num_ok, uint64_t num)
{
	uint32_t v = num_ok && num <= UINT32_MAX ? (uint32_t)num : 0;

	switch (type) {
	case OA_ENC:
		a->enc = (uint16_t)v;
		break;
	case OA_HASH:
		a->hash = (uint16_t)v;
		break;
	case OA_AUTH:
		a->auth = (uint16_t)v;
		break;
	case OA_GROUP:
		a->group = (uint16_t)v;
		break;
	case OA_KEY_LEN:
		a->key_len = (uint16_t)v;
		break;
	case OA_LIFE_TYPE:
		*life_type = v;
		break;
	case OA_LIFE_DUR:
		if (*life_type == OA_LIFE_KB)
			a->life_kb = v;
		else
			a->life_secs = v;
		break;
	default:
		break;
	}
}

/* A kept transform's Oakley values. */
void
p1rec_alg(const struct p1rec_xform *x, struct p1rec_alg *a)
{
	uint32_t life_type = 1;
	uint8_t i;

	memset(a, 0, sizeof(*a));
	for (i = 0; i < x->nattrs; i++)
		p1rec_alg_attr(a, &life_type, x->attrs[i].type,
		    x->attrs[i].num_ok, x->attrs[i].num);
}

/* A transform's Oakley values straight from the wire (every attribute). */
void
p1rec_alg_wire(const struct isakmp_xform *x, struct p1rec_alg *a)
{
	struct isakmp_iter it;
	struct isakmp_attr t;
	uint32_t life_type = 1;

	memset(a, 0, sizeof(*a));
	isakmp_iter_init(&it, x->attrs);
	while (it.n < ISAKMP_MAX_ATTRS && isakmp_attr_next(&it, &t) == 1)
		p1rec_alg_attr(a, &life_type, t.type, t.num_ok, t.num);
}
