/*
 * qmrec.c - the audit's Quick Mode record; see qmrec.h.
 */
#include <stdlib.h>
#include <string.h>

#include "audit/qmrec.h"
#include "core/hash.h"

#define QMREC_BUCKETS	4096
#define QM_RESPONDER_LIFETIME	24576	/* RFC 2407 4.6.3.1 */

/* The Quick Modes of one IKE SA. */
struct qm_sa {
	uint64_t	 sa_id;
	struct qm_rec	*recs;
	size_t		 n, cap;
	struct qm_sa	*next;
};

struct qmrec {
	uint64_t	 seed;
	struct qm_sa	*b[QMREC_BUCKETS];
	size_t		 nsas, nqms;
	uint64_t	 refused;
};

struct qmrec *
qmrec_new(void)
{
	struct qmrec *q = calloc(1, sizeof(*q));

	if (q != NULL)
		q->seed = hash_seed_new();
	return q;
}

static void
qmrec_sa_free(struct qmrec *q, struct qm_sa *s)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		free(s->recs[i].offered);
	q->nqms -= s->n;
	q->nsas--;
	free(s->recs);
	free(s);
}

void
qmrec_free(struct qmrec *q)
{
	size_t i;
	struct qm_sa *s, *nx;

	if (q == NULL)
		return;
	for (i = 0; i < QMREC_BUCKETS; i++)
		for (s = q->b[i]; s != NULL; s = nx) {
			nx = s->next;
			qmrec_sa_free(q, s);
		}
	free(q);
}

static struct qm_sa **
qmrec_slot(const struct qmrec *q, uint64_t sa_id)
{
	size_t i = hash_final(hash_add(q->seed, sa_id)) % QMREC_BUCKETS;
	struct qm_sa *const *pp = &q->b[i];

	while (*pp != NULL && (*pp)->sa_id != sa_id)
		pp = &(*pp)->next;
	return (struct qm_sa **)pp;
}

const struct qm_rec *
qmrec_find(const struct qmrec *q, uint64_t sa_id, uint32_t msgid)
{
	struct qm_sa *s = *qmrec_slot(q, sa_id);
	size_t i;

	for (i = 0; s != NULL && i < s->n; i++)
		if (s->recs[i].msgid == msgid)
			return &s->recs[i];
	return NULL;
}

void
qmrec_drop(struct qmrec *q, uint64_t sa_id)
{
	struct qm_sa **pp = qmrec_slot(q, sa_id), *s = *pp;

	if (s == NULL)
		return;
	*pp = s->next;
	qmrec_sa_free(q, s);
}

uint64_t
qmrec_refused(const struct qmrec *q)
{
	return q->refused;
}

/* The record of (sa_id, msgid), made when new; NULL past a cap. */
static struct qm_rec *
qmrec_get(struct qmrec *q, uint64_t sa_id, uint32_t msgid)
{
	struct qm_sa **pp = qmrec_slot(q, sa_id), *s = *pp;
	struct qm_rec *r;
	size_t i;

	if (s == NULL) {
		if (q->nsas == QMREC_MAX_SAS ||
		    (s = calloc(1, sizeof(*s))) == NULL) {
			q->refused++;
			return NULL;
		}
		s->sa_id = sa_id;
		*pp = s;
		q->nsas++;
	}
	for (i = 0; i < s->n; i++)
		if (s->recs[i].msgid == msgid)
			return &s->recs[i];
	if (s->n == QMREC_MAX_PER_SA || q->nqms == QMREC_MAX_QMS) {
		q->refused++;
		return NULL;
	}
	if (s->n == s->cap) {
		size_t nc = s->cap ? 2 * s->cap : 4;
		struct qm_rec *nr = realloc(s->recs, nc * sizeof(*nr));

		if (nr == NULL) {
			q->refused++;
			return NULL;
		}
		s->recs = nr;
		s->cap = nc;
	}
	r = &s->recs[s->n++];
	q->nqms++;
	memset(r, 0, sizeof(*r));
	r->msgid = msgid;
	return r;
}

void
qmrec_xform(const struct isakmp_prop *p, const struct isakmp_xform *x,
    struct qm_xform *o)
{
	memset(o, 0, sizeof(*o));
	o->prop_num = p->num;
	o->proto = p->proto;
	o->num = x->num;
	o->id = x->id;
	if (p->spi_size == 4 && p->spi != NULL)
		o->spi = (uint32_t)p->spi[0] << 24 | (uint32_t)p->spi[1] << 16 |
		    (uint32_t)p->spi[2] << 8 | p->spi[3];
	isakmp_ipsec_vals(x->attrs, &o->v);
}

/*
 * An SA payload into r: the offer keeps every transform (up to the cap);
 * the choice keeps its first proposal's transforms, one per protocol
 * (RFC 2408 4.2: the responder answers with one proposal, its protocols
 * ANDed, one transform each).
 */
static void
qmrec_sa(struct qm_rec *r, const struct isakmp_pl *d, bool offer)
{
	struct isakmp_iter pit, xit;
	struct isakmp_prop p;
	struct isakmp_xform x;
	struct qm_xform *keep = NULL;
	uint16_t nprops = 0, nx = 0, nkept = 0, ndrop = 0;
	int first = -1;

	if (d->status != DIS_OK && d->status != DIS_TRUNCATED)
		return;
	if (offer && (keep = malloc(QMREC_MAX_XFORMS * sizeof(*keep))) ==
	    NULL)
		return;
	if (!offer)
		r->nchosen = 0;
	isakmp_iter_init(&pit, d->u.sa.props);
	while (pit.n < ISAKMP_MAX_PROPOSALS &&
	    isakmp_prop_next(&pit, &p) == 1) {
		nprops++;
		if (first < 0)
			first = p.num;
		isakmp_iter_init(&xit, p.xforms);
		while (xit.n < ISAKMP_MAX_TRANSFORMS &&
		    isakmp_xform_next(&xit, &x) == 1) {
			nx++;
			if (!offer) {
				/* first transform of each protocol */
				if (p.num == first && xit.n == 1 &&
				    r->nchosen < QMREC_MAX_CHOSEN)
					qmrec_xform(&p, &x,
					    &r->chosen[r->nchosen++]);
				continue;
			}
			if (nkept == QMREC_MAX_XFORMS) {
				ndrop++;
				continue;
			}
			qmrec_xform(&p, &x, &keep[nkept++]);
		}
	}
	if (!offer)
		return;
	free(r->offered);
	r->offered = NULL;
	if (nkept > 0 && (r->offered = realloc(keep, nkept *
	    sizeof(*keep))) == NULL)
		nkept = 0;
	if (r->offered == NULL)
		free(keep);
	r->nkept = nkept;
	r->dropped = ndrop;
	r->proposals = nprops;
	r->transforms = nx;
}

/*
 * A RESPONDER-LIFETIME notify (RFC 2407 4.6.3.1) in the responder's
 * message: the lifetimes it will actually use for the protocol named,
 * as SA Life Type / Duration attributes in the notification data.
 */
static void
qmrec_resp_life(struct qm_rec *r, const struct isakmp_pl *d)
{
	struct isakmp_ipsec_vals v;
	uint8_t i;

	if (d->status != DIS_OK || d->data == NULL)
		return;
	isakmp_ipsec_vals(cur_init(d->data, d->dlen), &v);
	for (i = 0; i < r->nchosen; i++) {
		if (r->chosen[i].proto != d->u.n.proto)
			continue;
		if (v.life_secs != 0)
			r->chosen[i].v.life_secs = v.life_secs;
		if (v.life_kb != 0)
			r->chosen[i].v.life_kb = v.life_kb;
		r->resp_life = true;
	}
}

void
qmrec_observe(struct qmrec *q, uint64_t sa_id, const struct isakmp_msg *m,
    bool offer, uint32_t frame)
{
	struct qm_rec *r;
	bool sa = false, ke = false;
	size_t i;

	for (i = 0; i < m->npayloads; i++) {
		if (m->pl[i].type == ISAKMP_PL_SA && m->pl[i].d.decoded)
			sa = true;
		if (m->pl[i].type == ISAKMP_PL_KE)
			ke = true;
	}
	if (!sa || (r = qmrec_get(q, sa_id, m->hdr.msgid)) == NULL)
		return;
	if (offer) {
		r->offer_frame = frame;
		r->ke_offer = ke;
	} else {
		r->choice_frame = frame;
		r->ke_choice = ke;
	}
	for (i = 0; i < m->npayloads; i++)
		if (m->pl[i].type == ISAKMP_PL_SA && m->pl[i].d.decoded) {
			qmrec_sa(r, &m->pl[i].d, offer);
			break;
		}
	for (i = 0; i < m->npayloads && !offer; i++)
		if (m->pl[i].type == ISAKMP_PL_N && m->pl[i].d.decoded &&
		    m->pl[i].d.u.n.type == QM_RESPONDER_LIFETIME)
			qmrec_resp_life(r, &m->pl[i].d);
}
