/*
 * ikefrag.c - IKEv1 fragment reassembly; see ikefrag.h.
 */
#include <stdlib.h>
#include <string.h>

#include "ike/ikefrag.h"

struct ikefrag_piece {
	uint8_t	*p;
	size_t	 n;
};

struct ikefrag_ent {
	bool			 used;
	struct ikefrag_key	 key;
	double			 first_ts;
	uint32_t		 first_frame;
	uint8_t			 last;		/* number of the last, 0 unknown */
	size_t			 bytes;
	struct ikefrag_piece	 piece[IKEFRAG_MAX_FRAGS + 1];
};

struct ikefrag {
	double			 max_age;
	struct ikefrag_ent	 ent[IKEFRAG_MAX_PENDING];
	uint8_t			*out;		/* the last reassembled message */
};

struct ikefrag *
ikefrag_new(double max_age)
{
	struct ikefrag *f = calloc(1, sizeof(*f));

	if (f == NULL)
		return NULL;
	f->max_age = max_age > 0 ? max_age : 30;
	f->out = malloc(IKEFRAG_MAX_MSG);
	if (f->out == NULL) {
		free(f);
		return NULL;
	}
	return f;
}

static void
ikefrag_drop(struct ikefrag_ent *e)
{
	unsigned i;

	for (i = 0; i <= IKEFRAG_MAX_FRAGS; i++)
		free(e->piece[i].p);
	memset(e, 0, sizeof(*e));
}

void
ikefrag_free(struct ikefrag *f)
{
	unsigned i;

	if (f == NULL)
		return;
	for (i = 0; i < IKEFRAG_MAX_PENDING; i++)
		ikefrag_drop(&f->ent[i]);
	free(f->out);
	free(f);
}

static bool
ikefrag_same(const struct ikefrag_key *a, const struct ikefrag_key *b)
{
	return a->id == b->id && a->af == b->af &&
	    memcmp(a->icookie, b->icookie, 8) == 0 &&
	    memcmp(a->rcookie, b->rcookie, 8) == 0 &&
	    memcmp(a->src, b->src, 16) == 0;
}

/*
 * Add fragment number num (1-based) of the message named by k.  Returns 0,
 * or -1 when memory ran out (the fragment is lost, reported as LIMIT).
 */
int
ikefrag_add(struct ikefrag *f, const struct ikefrag_key *k, uint8_t num,
    bool last, const uint8_t *data, size_t len, double now, uint32_t frame,
    struct ikefrag_result *r)
{
	struct ikefrag_ent *e = NULL, *free_e = NULL, *old = NULL;
	unsigned i;
	size_t off;

	memset(r, 0, sizeof(*r));
	for (i = 0; i < IKEFRAG_MAX_PENDING; i++) {
		struct ikefrag_ent *x = &f->ent[i];

		if (x->used && now - x->first_ts > f->max_age) {
			ikefrag_drop(x);
			r->events |= IKEFRAG_EV_TIMEOUT;
		}
		if (!x->used) {
			if (free_e == NULL)
				free_e = x;
			continue;
		}
		if (ikefrag_same(&x->key, k))
			e = x;
		if (old == NULL || x->first_ts < old->first_ts)
			old = x;
	}
	if (num == 0 || num > IKEFRAG_MAX_FRAGS || len == 0) {
		r->events |= IKEFRAG_EV_LIMIT;
		return 0;
	}
	if (e == NULL) {
		if (free_e == NULL) {
			ikefrag_drop(old);
			r->events |= IKEFRAG_EV_EVICTED;
			free_e = old;
		}
		e = free_e;
		e->used = true;
		e->key = *k;
		e->first_ts = now;
		e->first_frame = frame;
	}
	r->first_frame = e->first_frame;
	if (e->piece[num].p != NULL) {
		if (e->piece[num].n == len &&
		    memcmp(e->piece[num].p, data, len) == 0)
			r->events |= IKEFRAG_EV_DUPLICATE;
		else {
			r->events |= IKEFRAG_EV_CONFLICT;
			ikefrag_drop(e);
		}
		return 0;
	}
	if (e->bytes + len > IKEFRAG_MAX_MSG ||
	    (last && e->last != 0 && e->last != num)) {
		r->events |= IKEFRAG_EV_LIMIT;
		ikefrag_drop(e);
		return 0;
	}
	e->piece[num].p = malloc(len);
	if (e->piece[num].p == NULL) {
		r->events |= IKEFRAG_EV_LIMIT;
		return -1;
	}
	memcpy(e->piece[num].p, data, len);
	e->piece[num].n = len;
	e->bytes += len;
	if (last)
		e->last = num;
	if (e->last == 0)
		return 0;
	for (i = 1; i <= e->last; i++)
		if (e->piece[i].p == NULL)
			return 0;
	off = 0;
	for (i = 1; i <= e->last; i++) {
		memcpy(f->out + off, e->piece[i].p, e->piece[i].n);
		off += e->piece[i].n;
	}
	r->complete = true;
	r->msg = f->out;
	r->len = off;
	r->nfrags = e->last;
	ikefrag_drop(e);
	return 0;
}
