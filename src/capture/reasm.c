/*
 * reasm.c - IPv4 and IPv6 fragment reassembly with bounded memory; see
 * reasm.h for the policy.
 *
 * Each datagram under reassembly is a struct dgram found through a hash
 * table keyed by struct reasm_key.  It owns a buffer exactly as long as the
 * highest fragment end seen (charged against max_bytes) and a sorted array
 * of the fragments received (offset, length, checksum).  Since overlapping
 * fragments are never accepted, the fragments are disjoint, and the
 * datagram is complete once the last fragment is known and the received
 * byte count equals the total length (no holes, offset 0 present).
 *
 * Entries are on one of two age lists, both ordered by the (monotonic)
 * time they were put there: "live" for datagrams holding data, "marks" for
 * dropped and completed markers.  Expiry and eviction take list heads, so
 * no call scans all datagrams.
 *
 * Lengths from the wire are compared, never added to pointers: a fragment
 * is accepted only when len <= max_datagram and offset <= max_datagram -
 * len, and max_datagram is at most UINT32_MAX.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "capture/reasm.h"
#include "core/hash.h"

#define REASM_MIN_BUCKETS	16
#define REASM_MAX_BUCKETS	((size_t)1 << 20)

enum dg_state {
	DG_LIVE,		/* collecting fragments */
	DG_DROPPED,		/* marker: discard further fragments */
	DG_DONE			/* marker: completed, absorbs copies */
};

struct frag {
	uint32_t	off;
	uint32_t	len;
	uint32_t	sum;	/* FNV-1a of the fragment bytes */
};

struct dgram {
	struct reasm_key key;		/* normalised */
	uint32_t	 hash;
	struct dgram	*hnext;		/* hash chain */
	struct dgram   **hpprev;
	struct dgram	*prev, *next;	/* age list */
	enum dg_state	 state;
	double		 t0;		/* when put on its age list */
	uint8_t		*buf;		/* DG_LIVE only */
	size_t		 cap;		/* = highest end */
	struct frag	*frags;		/* sorted, disjoint */
	size_t		 nfrags, fcap;
	size_t		 received;	/* sum of fragment lengths */
	size_t		 total;		/* valid when has_last */
	bool		 has_last;
	uint32_t	 first_frame;
};

struct dglist {
	struct dgram	*head, *tail;
	size_t		 n;
};

struct reasm {
	struct reasm_limits	 lim;
	struct dgram		**tab;
	size_t			 mask;
	uint64_t		 seed;		/* of the hash (hash.h) */
	struct dglist		 live;
	struct dglist		 marks;
	double			 clock;
	bool			 have_clock;
	uint8_t			*done;	/* last completed */
	struct reasm_stats	 st;
};

static void
seterr(char *errbuf, size_t errlen, const char *msg)
{
	if (errbuf != NULL && errlen > 0)
		snprintf(errbuf, errlen, "%s", msg);
}

void
reasm_limits_default(struct reasm_limits *l)
{
	l->max_bytes = REASM_DEF_MAX_BYTES;
	l->max_entries = REASM_DEF_MAX_ENTRIES;
	l->max_age = REASM_DEF_MAX_AGE;
	l->max_datagram = REASM_DEF_MAX_DATAGRAM;
	l->max_frags = REASM_DEF_MAX_FRAGS;
}

static uint32_t
fnv1a(uint32_t h, const uint8_t *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		h ^= p[i];
		h *= 16777619u;
	}
	return h;
}

static void
key_norm(const struct reasm_key *in, struct reasm_key *out)
{
	size_t n = in->af == 4 ? 4 : 16;

	memset(out, 0, sizeof(*out));
	out->af = in->af;
	memcpy(out->src, in->src, n);
	memcpy(out->dst, in->dst, n);
	out->id = in->id;
	out->proto = in->proto;
}

static bool
key_eq(const struct reasm_key *a, const struct reasm_key *b)
{
	return a->af == b->af && a->id == b->id && a->proto == b->proto &&
	    memcmp(a->src, b->src, sizeof(a->src)) == 0 &&
	    memcmp(a->dst, b->dst, sizeof(a->dst)) == 0;
}

static uint32_t
key_hash(const struct reasm *r, const struct reasm_key *k)
{
	uint64_t h;

	h = hash_add(r->seed, (uint64_t)(uint8_t)k->af << 40 |
	    (uint64_t)k->proto << 32 | k->id);
	h = hash_bytes(h, k->src, sizeof(k->src));
	h = hash_bytes(h, k->dst, sizeof(k->dst));
	return (uint32_t)hash_final(h);
}

static struct dgram *
lookup(const struct reasm *r, const struct reasm_key *k, uint32_t h)
{
	struct dgram *d;

	for (d = r->tab[h & r->mask]; d != NULL; d = d->hnext)
		if (d->hash == h && key_eq(&d->key, k))
			return d;
	return NULL;
}

static void
list_append(struct dglist *l, struct dgram *d)
{
	d->next = NULL;
	d->prev = l->tail;
	if (l->tail != NULL)
		l->tail->next = d;
	else
		l->head = d;
	l->tail = d;
	l->n++;
}

static void
list_remove(struct dglist *l, struct dgram *d)
{
	if (d->prev != NULL)
		d->prev->next = d->next;
	else
		l->head = d->next;
	if (d->next != NULL)
		d->next->prev = d->prev;
	else
		l->tail = d->prev;
	d->prev = d->next = NULL;
	l->n--;
}

static struct dglist *
list_of(struct reasm *r, const struct dgram *d)
{
	return d->state == DG_LIVE ? &r->live : &r->marks;
}

static void
update_peaks(struct reasm *r)
{
	size_t n = r->live.n + r->marks.n;

	if (r->st.bytes_now > r->st.peak_bytes)
		r->st.peak_bytes = r->st.bytes_now;
	if (n > r->st.peak_entries)
		r->st.peak_entries = n;
}

/* Release the payload buffer and its charge. */
static void
dg_release_buf(struct reasm *r, struct dgram *d)
{
	free(d->buf);
	d->buf = NULL;
	r->st.bytes_now -= d->cap;
	d->cap = 0;
}

/* Unlink from everything and free. */
static void
dg_destroy(struct reasm *r, struct dgram *d)
{
	list_remove(list_of(r, d), d);
	*d->hpprev = d->hnext;
	if (d->hnext != NULL)
		d->hnext->hpprev = d->hpprev;
	dg_release_buf(r, d);
	free(d->frags);
	free(d);
}

/* Turn a datagram into a marker of the given state, timed from now. */
static void
dg_mark(struct reasm *r, struct dgram *d, enum dg_state state)
{
	list_remove(list_of(r, d), d);
	dg_release_buf(r, d);
	if (state == DG_DROPPED) {
		free(d->frags);
		d->frags = NULL;
		d->nfrags = d->fcap = 0;
	}
	d->state = state;
	d->t0 = r->clock;
	list_append(&r->marks, d);
}

static struct dgram *
dg_create(struct reasm *r, const struct reasm_key *k, uint32_t h,
    uint32_t frame)
{
	struct dgram *d;
	size_t b;

	if ((d = calloc(1, sizeof(*d))) == NULL)
		return NULL;
	d->key = *k;
	d->hash = h;
	d->state = DG_LIVE;
	d->t0 = r->clock;
	d->first_frame = frame;
	b = h & r->mask;
	d->hnext = r->tab[b];
	if (d->hnext != NULL)
		d->hnext->hpprev = &d->hnext;
	r->tab[b] = d;
	d->hpprev = &r->tab[b];
	list_append(&r->live, d);
	update_peaks(r);
	return d;
}

static void
tick(struct reasm *r, double now)
{
	if (!isfinite(now))
		return;
	if (!r->have_clock || now > r->clock) {
		r->clock = now;
		r->have_clock = true;
	}
}

static unsigned
expire(struct reasm *r)
{
	double age = r->lim.max_age;
	unsigned n = 0;

	while (r->live.head != NULL && r->clock - r->live.head->t0 > age) {
		dg_destroy(r, r->live.head);
		r->st.timeouts++;
		n++;
	}
	while (r->marks.head != NULL && r->clock - r->marks.head->t0 > age)
		dg_destroy(r, r->marks.head);
	return n;
}

static void
release_done(struct reasm *r)
{
	free(r->done);
	r->done = NULL;
}

/* Make room for one more entry; markers go before datagrams with data. */
static unsigned
room_entry(struct reasm *r)
{
	unsigned ev = 0;

	while (r->live.n + r->marks.n >= r->lim.max_entries) {
		if (r->marks.head != NULL)
			dg_destroy(r, r->marks.head);
		else if (r->live.head != NULL) {
			dg_destroy(r, r->live.head);
			r->st.evicted++;
			ev |= REASM_EV_EVICTED;
		} else
			break;
	}
	return ev;
}

/*
 * Make room for delta more buffer bytes by evicting the oldest datagrams
 * other than cur.  Returns false when even that is not enough.
 */
static bool
room_bytes(struct reasm *r, struct dgram *cur, size_t delta, unsigned *ev)
{
	struct dgram *v;

	while (delta > r->lim.max_bytes - r->st.bytes_now) {
		v = r->live.head;
		if (v == cur)
			v = v->next;
		if (v == NULL)
			return false;
		dg_destroy(r, v);
		r->st.evicted++;
		*ev |= REASM_EV_EVICTED;
	}
	return true;
}

/* First index whose offset is >= off. */
static size_t
frag_search(const struct dgram *d, size_t off)
{
	size_t lo = 0, hi = d->nfrags, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (d->frags[mid].off < off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* MF flag the fragment at index i was received with. */
static bool
frag_more(const struct dgram *d, size_t i)
{
	return !(d->has_last &&
	    (size_t)d->frags[i].off + d->frags[i].len == d->total);
}

static void
fill(struct reasm_result *out, const struct dgram *d)
{
	out->first_frame = d->first_frame;
	out->nfrags = (unsigned)d->nfrags;
}

/* Count and report a reason for dropping a datagram. */
static void
count_drop(struct reasm *r, unsigned bad)
{
	if (bad & REASM_EV_OVERLAP)
		r->st.overlaps++;
	if (bad & REASM_EV_OVERSIZE)
		r->st.oversize++;
	if (bad & REASM_EV_INCONSISTENT)
		r->st.inconsistent++;
	if (bad & REASM_EV_TOO_MANY)
		r->st.toomany++;
}

/* Offset 0, MF clear: a whole datagram, handled in isolation (RFC 6946). */
static int
add_atomic(struct reasm *r, const uint8_t *payload, size_t len,
    uint32_t frame, unsigned bad, struct reasm_result *out, char *errbuf,
    size_t errlen)
{
	if (bad != 0) {
		count_drop(r, bad);
		out->events |= bad;
		return 0;
	}
	if ((r->done = malloc(len)) == NULL) {
		seterr(errbuf, errlen, "reasm: out of memory");
		return -1;
	}
	memcpy(r->done, payload, len);
	r->st.completed++;
	out->complete = true;
	out->data = r->done;
	out->len = len;
	out->first_frame = frame;
	out->nfrags = 1;
	return 0;
}

/*
 * A fragment for a completed marker: true when it is a late copy of one of
 * the marker's fragments (same offset, length, MF flag and checksum).
 */
static bool
done_matches(const struct dgram *d, size_t offset, bool more,
    const uint8_t *payload, size_t len)
{
	size_t i = frag_search(d, offset);

	return i < d->nfrags && d->frags[i].off == offset &&
	    d->frags[i].len == len && frag_more(d, i) == more &&
	    d->frags[i].sum == fnv1a(2166136261u, payload, len);
}

/* Check a fragment against a live datagram; 0 or the REASM_EV_* reason. */
static unsigned
judge(const struct reasm *r, const struct dgram *d, size_t offset,
    size_t end, bool more, const uint8_t *payload, size_t len, size_t pos)
{
	const struct frag *f;

	if (pos < d->nfrags && d->frags[pos].off == offset &&
	    d->frags[pos].len == len) {
		if (memcmp(d->buf + offset, payload, len) != 0)
			return REASM_EV_OVERLAP;
		if (frag_more(d, pos) != more)
			return REASM_EV_INCONSISTENT;
		return REASM_EV_DUPLICATE;
	}
	if (pos > 0) {
		f = &d->frags[pos - 1];
		if ((size_t)f->off + f->len > offset)
			return REASM_EV_OVERLAP;
	}
	if (pos < d->nfrags && d->frags[pos].off < end)
		return REASM_EV_OVERLAP;
	if (!more && d->has_last && d->total != end)
		return REASM_EV_INCONSISTENT;
	if (!more && !d->has_last && d->cap > end)
		return REASM_EV_INCONSISTENT;
	if (more && d->has_last && end >= d->total)
		return REASM_EV_INCONSISTENT;
	if (d->nfrags >= r->lim.max_frags)
		return REASM_EV_TOO_MANY;
	return 0;
}

/* Make sure d->frags has room for one more. */
static bool
frags_grow(const struct reasm *r, struct dgram *d)
{
	struct frag *nf;
	size_t ncap;

	if (d->nfrags < d->fcap)
		return true;
	ncap = d->fcap == 0 ? 4 : d->fcap * 2;
	if (ncap > r->lim.max_frags)
		ncap = r->lim.max_frags;
	if (ncap <= d->nfrags)
		return false;
	if ((nf = realloc(d->frags, ncap * sizeof(*nf))) == NULL)
		return false;
	d->frags = nf;
	d->fcap = ncap;
	return true;
}

int
reasm_add(struct reasm *r, const struct reasm_key *key,
    const struct reasm_frag *f, struct reasm_result *out, char *errbuf,
    size_t errlen)
{
	size_t offset = f->offset, len = f->len;
	bool more = f->more;
	const uint8_t *payload = f->payload;
	double now = f->now;
	uint32_t frame = f->frame;
	struct reasm_result dummy;
	struct reasm_key k;
	struct dgram *d;
	uint8_t *nb;
	size_t end, pos, delta, max = r->lim.max_datagram;
	unsigned bad = 0;
	uint32_t h;

	if (out == NULL)
		out = &dummy;
	memset(out, 0, sizeof(*out));
	release_done(r);
	if (key == NULL || (key->af != 4 && key->af != 6) ||
	    (payload == NULL && len > 0)) {
		seterr(errbuf, errlen, "reasm: invalid fragment arguments");
		return -1;
	}
	tick(r, now);
	if (expire(r) > 0)
		out->events |= REASM_EV_TIMEOUT;
	r->st.frags++;

	/* Facts about the fragment alone; no sum is formed before this. */
	if (len > max || offset > max - len)
		bad = REASM_EV_OVERSIZE;
	else if (len == 0 || offset % 8 != 0 || (more && len % 8 != 0))
		bad = REASM_EV_INCONSISTENT;
	if (offset == 0 && !more)
		return add_atomic(r, payload, len, frame, bad, out, errbuf,
		    errlen);
	end = bad == REASM_EV_OVERSIZE ? 0 : offset + len;

	key_norm(key, &k);
	h = key_hash(r, &k);
	d = lookup(r, &k, h);
	if (d != NULL && d->state == DG_DROPPED) {
		r->st.discarded++;
		out->events |= REASM_EV_DISCARDED;
		fill(out, d);
		return 0;
	}
	if (d != NULL && d->state == DG_DONE) {
		if (bad == 0 && done_matches(d, offset, more, payload, len)) {
			r->st.duplicates++;
			out->events |= REASM_EV_DUPLICATE;
			fill(out, d);
			return 0;
		}
		/* the key was reused by a new datagram */
		dg_destroy(r, d);
		d = NULL;
	}
	if (d == NULL) {
		out->events |= room_entry(r);
		if ((d = dg_create(r, &k, h, frame)) == NULL) {
			seterr(errbuf, errlen, "reasm: out of memory");
			return -1;
		}
	}
	pos = 0;
	if (bad == 0) {
		pos = frag_search(d, offset);
		bad = judge(r, d, offset, end, more, payload, len, pos);
	}
	if (bad == REASM_EV_DUPLICATE) {
		r->st.duplicates++;
		out->events |= bad;
		fill(out, d);
		return 0;
	}
	if (bad != 0) {
		count_drop(r, bad);
		out->events |= bad;
		fill(out, d);
		dg_mark(r, d, DG_DROPPED);
		return 0;
	}

	if (!frags_grow(r, d))
		goto nomem;
	if (end > d->cap) {
		delta = end - d->cap;
		if (!room_bytes(r, d, delta, &out->events)) {
			/* cannot fit even alone: give it up */
			fill(out, d);
			dg_destroy(r, d);
			r->st.evicted++;
			out->events |= REASM_EV_EVICTED;
			return 0;
		}
		if ((nb = realloc(d->buf, end)) == NULL)
			goto nomem;
		memset(nb + d->cap, 0, delta);
		d->buf = nb;
		d->cap = end;
		r->st.bytes_now += delta;
		update_peaks(r);
	}
	memcpy(d->buf + offset, payload, len);
	memmove(&d->frags[pos + 1], &d->frags[pos],
	    (d->nfrags - pos) * sizeof(d->frags[0]));
	d->frags[pos].off = (uint32_t)offset;
	d->frags[pos].len = (uint32_t)len;
	d->frags[pos].sum = fnv1a(2166136261u, payload, len);
	d->nfrags++;
	d->received += len;
	if (!more) {
		d->has_last = true;
		d->total = end;
	}
	fill(out, d);
	if (d->has_last && d->received == d->total) {
		/* disjoint fragments covering [0, total): complete */
		r->done = d->buf;
		d->buf = NULL;
		r->st.bytes_now -= d->cap;
		d->cap = 0;
		r->st.completed++;
		out->complete = true;
		out->data = r->done;
		out->len = d->total;
		dg_mark(r, d, DG_DONE);
	}
	return 0;

nomem:
	if (d->nfrags == 0)
		dg_destroy(r, d);
	seterr(errbuf, errlen, "reasm: out of memory");
	return -1;
}

void
reasm_expire(struct reasm *r, double now, unsigned *nexpired)
{
	unsigned n;

	release_done(r);
	tick(r, now);
	n = expire(r);
	if (nexpired != NULL)
		*nexpired = n;
}

struct reasm *
reasm_new(const struct reasm_limits *lim)
{
	struct reasm *r;
	size_t nb;

	if ((r = calloc(1, sizeof(*r))) == NULL)
		return NULL;
	reasm_limits_default(&r->lim);
	if (lim != NULL) {
		if (lim->max_bytes != 0)
			r->lim.max_bytes = lim->max_bytes;
		if (lim->max_entries != 0)
			r->lim.max_entries = lim->max_entries;
		if (lim->max_age > 0)	/* false for NaN too */
			r->lim.max_age = lim->max_age;
		if (lim->max_datagram != 0)
			r->lim.max_datagram = lim->max_datagram;
		if (lim->max_frags != 0)
			r->lim.max_frags = lim->max_frags;
	}
	if (r->lim.max_datagram > UINT32_MAX)
		r->lim.max_datagram = UINT32_MAX;
	if (r->lim.max_frags > SIZE_MAX / sizeof(struct frag))
		r->lim.max_frags = SIZE_MAX / sizeof(struct frag);
	for (nb = REASM_MIN_BUCKETS; nb < r->lim.max_entries &&
	    nb < REASM_MAX_BUCKETS; nb *= 2)
		;
	if ((r->tab = calloc(nb, sizeof(*r->tab))) == NULL) {
		free(r);
		return NULL;
	}
	r->mask = nb - 1;
	/* Random (hash.h); results never depend on it. */
	r->seed = hash_seed_new();
	return r;
}

void
reasm_free(struct reasm *r)
{
	if (r == NULL)
		return;
	while (r->live.head != NULL)
		dg_destroy(r, r->live.head);
	while (r->marks.head != NULL)
		dg_destroy(r, r->marks.head);
	release_done(r);
	free(r->tab);
	free(r);
}

void
reasm_stats(const struct reasm *r, struct reasm_stats *st)
{
	*st = r->st;
	st->entries_now = r->live.n + r->marks.n;
	st->markers_now = r->marks.n;
}

size_t
reasm_pending(const struct reasm *r)
{
	return r->live.n;
}
