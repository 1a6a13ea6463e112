/*
 * track.c - the exchange tracker; see track.h.
 */
#include <stdlib.h>
#include <string.h>

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/params.h>
#include <openssl/rand.h>

#include "core/hash.h"
#include "core/mem.h"
#include "dissectors/isakmp.h"
#include "dissectors/isakmp_names.h"
#include "dissectors/isakmp_pl.h"
#include "track/track.h"

#define TRK_DEF_IKE_SAS		16384
#define TRK_DEF_MSGS		256
#define TRK_DEF_EXCHANGES	256
#define TRK_DEF_ESP_SAS		16384
#define TRK_ESP_WINDOW		64
#define TRK_SPI_FILTER		4096	/* counters of Quick Mode SPIs */
#define TRK_MAX_CAP		((size_t)1 << 29)	/* table slots / 2 */

/* a cache line wanted soon (a hint; nothing when the compiler has none) */
#if defined(__GNUC__)
#define TRK_PREFETCH(p)		__builtin_prefetch(p)
#else
#define TRK_PREFETCH(p)		((void)(p))
#endif


/* A table slot: an entry (NULL: free) and its hash. */
struct trk_slot {
	void			*e;
	uint64_t		 h;
};

/* An open-addressed table (linear probing), never more than half full. */
struct trk_tab {
	struct trk_slot		*s;
	size_t			 mask;
};

struct trk {
	struct trk_limits	 lim;
	struct trk_stats	 st;
	uint64_t		 next_id;
	uint64_t		 seed;		/* of both tables' hash */

	struct trk_tab		 ike_tab;
	struct trk_ike_sa	*ike_lru_head, *ike_lru_tail;	/* head = oldest */

	struct trk_tab		 esp_tab;
	struct trk_esp		*esp_lru_head, *esp_lru_tail;
	uint64_t		 esp_packets;	/* flows' touched clock */

	trk_pre_cb		*pre;
	trk_state_free_cb	*state_free;
	void			*pre_arg;
	trk_ike_cb		*ike_evict;
	trk_esp_cb		*esp_evict;
	void			*evict_arg;
	trk_change_cb		*change;
	void			*change_arg;

	/*
	 * How many SPIs of live SAs' Quick Modes fall on each counter: a new
	 * ESP flow whose counter is zero matches no Quick Mode SPI, and its
	 * link by SPI needs no walk of the SAs' exchanges (trk_esp_link).
	 */
	uint32_t		 qm_spis[TRK_SPI_FILTER];

	/*
	 * The messages' digest (trk_digest): SipHash-2-4, 128 bits, under a
	 * random key of this run; mac is keyed once, when the first message
	 * needs it (trk_digest_ready: OpenSSL's start on the default library
	 * context and its random generator cost a run without ISAKMP ~1 ms
	 * for nothing), and started again for each message.
	 */
	EVP_MAC			*siphash;
	EVP_MAC_CTX		*mac;
	bool			 mac_failed;	/* OpenSSL could not: none */
};

static bool	trk_digest_ready(struct trk *);

/* One script per exchange type: its length and its first label. */
struct trk_script {
	uint8_t	exch;
	uint8_t	nsteps;
	uint8_t	label;		/* label of step 1; TRK_L_NONE: unlabelled */
	bool	same_label;	/* every step has the same label */
};

static const struct trk_script trk_scripts[] = {
	{ ISAKMP_EXCH_MAIN, 6, TRK_L_MM1, false },
	{ ISAKMP_EXCH_AGGRESSIVE, 3, TRK_L_AM1, false },
	{ ISAKMP_EXCH_QUICK, 3, TRK_L_QM1, false },
	{ ISAKMP_EXCH_INFO, 1, TRK_L_INFO, true },
	{ ISAKMP_EXCH_TRANSACTION, 2, TRK_L_TXN, true },
	{ ISAKMP_EXCH_BASE, 4, TRK_L_NONE, false },
	{ ISAKMP_EXCH_AUTH_ONLY, 3, TRK_L_NONE, false },
	{ ISAKMP_EXCH_NEW_GROUP, 2, TRK_L_NONE, false },
};

static const struct trk_script *
trk_script(uint8_t exch)
{
	size_t i;

	for (i = 0; i < sizeof(trk_scripts) / sizeof(trk_scripts[0]); i++)
		if (trk_scripts[i].exch == exch)
			return &trk_scripts[i];
	return NULL;
}

static bool
trk_is_phase1(uint8_t exch)
{
	return exch == ISAKMP_EXCH_MAIN || exch == ISAKMP_EXCH_AGGRESSIVE ||
	    exch == ISAKMP_EXCH_BASE || exch == ISAKMP_EXCH_AUTH_ONLY;
}

/* ------------------------------------------------------------ memory */

/* n more bytes held (allocated here or by an SA's phase-1 record). */
static void
trk_account(struct trk *t, size_t n)
{
	t->st.bytes_now += n;
	if (t->st.bytes_now > t->st.peak_bytes)
		t->st.peak_bytes = t->st.bytes_now;
}

static void *
trk_alloc(struct trk *t, size_t n)
{
	void *p = calloc(1, n);

	if (p != NULL)
		trk_account(t, n);
	mem_heap_advise();
	mem_heap_used(p, n);
	return p;
}

static void
trk_release(struct trk *t, void *p, size_t n)
{
	if (p == NULL)
		return;
	t->st.bytes_now -= n;
	free(p);
}

/*
 * Grow an array of elements of size sz from *cap to at most max.  The new
 * elements are not zeroed: each is filled when it is taken.
 */
static int
trk_grow(struct trk *t, void **arr, uint32_t *cap, size_t sz, size_t max)
{
	size_t ncap = *cap == 0 ? 2 : (size_t)*cap * 2;
	void *n;

	if (ncap > max)
		ncap = max;
	if (ncap <= *cap)
		return -1;
	n = realloc(*arr, ncap * sz);
	mem_heap_advise();
	if (n == NULL)
		return -1;
	mem_heap_used(n, ncap * sz);
	trk_account(t, (ncap - *cap) * sz);
	*arr = n;
	*cap = (uint32_t)ncap;
	return 0;
}

static size_t
trk_pow2(size_t n)
{
	size_t p = 64;

	while (p < n && p < ((size_t)1 << 30))
		p <<= 1;
	return p;
}

struct trk *
trk_new(const struct trk_limits *lim)
{
	struct trk *t = calloc(1, sizeof(*t));

	if (t == NULL)
		return NULL;
	if (lim != NULL)
		t->lim = *lim;
	if (t->lim.max_ike_sas == 0)
		t->lim.max_ike_sas = TRK_DEF_IKE_SAS;
	if (t->lim.max_msgs == 0)
		t->lim.max_msgs = TRK_DEF_MSGS;
	if (t->lim.max_exchanges == 0)
		t->lim.max_exchanges = TRK_DEF_EXCHANGES;
	if (t->lim.max_esp_sas == 0)
		t->lim.max_esp_sas = TRK_DEF_ESP_SAS;
	if (t->lim.max_msgs > UINT16_MAX)
		t->lim.max_msgs = UINT16_MAX;
	if (t->lim.max_exchanges > UINT16_MAX)
		t->lim.max_exchanges = UINT16_MAX;
	t->seed = hash_seed_new();
	/* at least twice the slots of the cap: never more than half full */
	if (t->lim.max_ike_sas > TRK_MAX_CAP)
		t->lim.max_ike_sas = TRK_MAX_CAP;
	if (t->lim.max_esp_sas > TRK_MAX_CAP)
		t->lim.max_esp_sas = TRK_MAX_CAP;
	t->ike_tab.mask = trk_pow2(t->lim.max_ike_sas * 2) - 1;
	t->esp_tab.mask = trk_pow2(t->lim.max_esp_sas * 2) - 1;
	t->ike_tab.s = trk_alloc(t, (t->ike_tab.mask + 1) * sizeof(struct trk_slot));
	t->esp_tab.s = trk_alloc(t, (t->esp_tab.mask + 1) * sizeof(struct trk_slot));
	if (t->ike_tab.s == NULL || t->esp_tab.s == NULL) {
		free(t->ike_tab.s);
		free(t->esp_tab.s);
		free(t);
		return NULL;
	}
	return t;
}

void
trk_set_hooks(struct trk *t, trk_pre_cb *pre, trk_state_free_cb *state_free,
    void *arg)
{
	t->pre = pre;
	t->state_free = state_free;
	t->pre_arg = arg;
}

int
trk_set_seed(struct trk *t, uint64_t seed)
{
	if (t->st.ike_now != 0 || t->st.esp_now != 0)
		return -1;
	t->seed = seed;
	return 0;
}

void
trk_set_change(struct trk *t, trk_change_cb *cb, void *arg)
{
	t->change = cb;
	t->change_arg = arg;
}

void
trk_set_evict(struct trk *t, trk_ike_cb *ike, trk_esp_cb *esp, void *arg)
{
	t->ike_evict = ike;
	t->esp_evict = esp;
	t->evict_arg = arg;
}

/* ------------------------------------------------------------ hashing */

static size_t
trk_hash_bytes(const struct trk *t, const uint8_t *p, size_t n)
{
	return (size_t)hash_final(hash_bytes(t->seed, p, n));
}

static uint64_t
trk_ike_hash(const struct trk *t, const uint8_t *icookie,
    const uint8_t *rcookie)
{
	return hash_final(hash_bytes(hash_bytes(t->seed, icookie, 8),
	    rcookie, 8));
}

/*
 * A flow's destination as its key: two words of the address zero-filled
 * to 16 bytes, made in registers (built in a buffer on the stack, each
 * 8-byte read of the 4 bytes just stored there waited for the store:
 * most of the hash's time per ESP packet).
 */
struct trk_a16 {
	uint64_t	 w0, w1;
};

static inline struct trk_a16
trk_a16(int af, const uint8_t *a)
{
	struct trk_a16 k = { 0, 0 };

	if (af == 6) {
		memcpy(&k.w0, a, 8);
		memcpy(&k.w1, a + 8, 8);
	} else
		memcpy(&k.w0, a, 4);
	return k;
}

/* The same as hash_bytes over the 16 bytes, then the SPI. */
static uint64_t
trk_esp_hash(const struct trk *t, struct trk_a16 k, uint32_t spi)
{
	return hash_final(hash_add(hash_add(hash_add(t->seed, k.w0), k.w1),
	    spi));
}

/* Put e (hash h) in a free slot of tab (which is less than half full). */
static void
trk_tab_put(struct trk_tab *tab, void *e, uint64_t h)
{
	size_t i = (size_t)h & tab->mask;

	while (tab->s[i].e != NULL)
		i = (i + 1) & tab->mask;
	tab->s[i].e = e;
	tab->s[i].h = h;
}

/*
 * Take e (hash h) out of tab, moving back the entries after it that
 * would no longer be found (no tombstones).
 */
static void
trk_tab_del(struct trk_tab *tab, const void *e, uint64_t h)
{
	size_t i = (size_t)h & tab->mask, j, home;

	while (tab->s[i].e != e) {
		if (tab->s[i].e == NULL)
			return;		/* not there (cannot happen) */
		i = (i + 1) & tab->mask;
	}
	for (j = i;;) {
		j = (j + 1) & tab->mask;
		if (tab->s[j].e == NULL)
			break;
		home = (size_t)tab->s[j].h & tab->mask;
		/* j's entry may move to i when its home is not in (i, j] */
		if (((j - home) & tab->mask) >= ((j - i) & tab->mask)) {
			tab->s[i] = tab->s[j];
			i = j;
		}
	}
	tab->s[i].e = NULL;
}

/* ------------------------------------------------------------ LRU lists */

#define LRU_UNLINK(t, head, tail, e) do {				\
	if ((e)->lru_prev != NULL)					\
		(e)->lru_prev->lru_next = (e)->lru_next;		\
	else								\
		(t)->head = (e)->lru_next;				\
	if ((e)->lru_next != NULL)					\
		(e)->lru_next->lru_prev = (e)->lru_prev;		\
	else								\
		(t)->tail = (e)->lru_prev;				\
	(e)->lru_prev = (e)->lru_next = NULL;				\
} while (0)

#define LRU_APPEND(t, head, tail, e) do {				\
	(e)->lru_prev = (t)->tail;					\
	(e)->lru_next = NULL;						\
	if ((t)->tail != NULL)						\
		(t)->tail->lru_next = (e);				\
	else								\
		(t)->head = (e);					\
	(t)->tail = (e);						\
} while (0)

/* ------------------------------------------------------------ IKE SAs */

/* ------------------------------------------------------------ flow index */

/* Take f off its IKE SA's list (kept in link order). */
static void
trk_esp_detach(struct trk_esp *f)
{
	struct trk_ike_sa *sa = f->owner;

	if (sa == NULL)
		return;
	if (f->sa_prev != NULL)
		f->sa_prev->sa_next = f->sa_next;
	else
		sa->esp_head = f->sa_next;
	if (f->sa_next != NULL)
		f->sa_next->sa_prev = f->sa_prev;
	else
		sa->esp_tail = f->sa_prev;
	f->sa_prev = f->sa_next = NULL;
	f->owner = NULL;
}

/* Link f to sa: its ike_id, and the end of sa's list. */
static void
trk_esp_attach(struct trk_ike_sa *sa, struct trk_esp *f)
{
	trk_esp_detach(f);
	f->ike_id = sa->id;
	f->owner = sa;
	f->sa_prev = sa->esp_tail;
	f->sa_next = NULL;
	if (sa->esp_tail != NULL)
		sa->esp_tail->sa_next = f;
	else
		sa->esp_head = f;
	sa->esp_tail = f;
}

static size_t
trk_spi_slot(uint32_t spi)
{
	return (size_t)((spi * 0x9e3779b1u) >> 20) % TRK_SPI_FILTER;
}

/* An exchange's Quick Mode SPIs from index k on counted (d 1) or not (-1). */
static void
trk_spis_count(struct trk *t, const struct trk_exchange *e, uint8_t k,
    int d)
{
	if (e->type != ISAKMP_EXCH_QUICK)
		return;
	for (; k < e->nspis; k++)
		t->qm_spis[trk_spi_slot(e->spis[k])] += (uint32_t)d;
}

/* What an SA holds besides its record and arrays: flows, keys, phase 1. */
static void
trk_ike_clear(struct trk *t, struct trk_ike_sa *sa)
{
	uint32_t i;

	for (i = 0; i < sa->nex; i++)
		trk_spis_count(t, &sa->ex[i], 0, -1);
	while (sa->esp_head != NULL)
		trk_esp_detach(sa->esp_head);
	if (sa->ike_state != NULL && t->state_free != NULL)
		t->state_free(sa->ike_state, t->pre_arg);
	sa->ike_state = NULL;
	t->st.bytes_now -= sa->p1.bytes;
	p1rec_free(&sa->p1);
}

static void
trk_ike_destroy(struct trk *t, struct trk_ike_sa *sa)
{
	trk_ike_clear(t, sa);
	trk_release(t, sa->msgs, (size_t)sa->capmsgs * sizeof(*sa->msgs));
	trk_release(t, sa->ex, (size_t)sa->capex * sizeof(*sa->ex));
	trk_release(t, sa, sizeof(*sa));
}

static void
trk_ike_remove(struct trk *t, struct trk_ike_sa *sa)
{
	trk_tab_del(&t->ike_tab, sa, sa->hash);
	LRU_UNLINK(t, ike_lru_head, ike_lru_tail, sa);
	t->st.ike_now--;
}

static void trk_ike_conclude(struct trk *, struct trk_ike_sa *);

/*
 * An evicted SA's message and exchange arrays of at most this many
 * entries go to the SA that takes its record; larger ones are freed.
 */
#define TRK_KEEP_ARRAY	8

/*
 * Evict the least recently active SA (at the cap).  Its record, emptied,
 * is returned for the new SA (no free and allocation per SA when a flood
 * keeps the table full); the bytes it holds stay counted.
 */
static struct trk_ike_sa *
trk_ike_evict_oldest(struct trk *t)
{
	struct trk_ike_sa *sa = t->ike_lru_head;
	struct trk_msg *msgs;
	struct trk_exchange *ex;
	uint32_t capmsgs, capex;

	if (sa == NULL)
		return NULL;
	trk_ike_remove(t, sa);
	trk_ike_conclude(t, sa);
	if (t->ike_evict != NULL)
		t->ike_evict(sa, t->evict_arg);
	t->st.ike_evicted++;
	trk_ike_clear(t, sa);
	if (sa->capmsgs > TRK_KEEP_ARRAY) {
		trk_release(t, sa->msgs,
		    (size_t)sa->capmsgs * sizeof(*sa->msgs));
		sa->msgs = NULL;
		sa->capmsgs = 0;
	}
	if (sa->capex > TRK_KEEP_ARRAY) {
		trk_release(t, sa->ex, (size_t)sa->capex * sizeof(*sa->ex));
		sa->ex = NULL;
		sa->capex = 0;
	}
	msgs = sa->msgs;
	capmsgs = sa->capmsgs;
	ex = sa->ex;
	capex = sa->capex;
	if (t->ike_lru_head != NULL) {
		/* the next to go: its record now (trk_ike_prefetch) */
		const char *n = (const char *)t->ike_lru_head;
		size_t off;

		for (off = 0; off < sizeof(*sa); off += 64)
			TRK_PREFETCH(n + off);
	}
	memset(sa, 0, sizeof(*sa));
	sa->msgs = msgs;
	sa->capmsgs = capmsgs;
	sa->ex = ex;
	sa->capex = capex;
	return sa;
}

static struct trk_ike_sa *
trk_ike_create(struct trk *t, const struct trk_in *in)
{
	struct trk_ike_sa *sa = NULL;

	if (t->st.ike_now >= t->lim.max_ike_sas)
		sa = trk_ike_evict_oldest(t);
	if (sa == NULL && (sa = trk_alloc(t, sizeof(*sa))) == NULL)
		return NULL;
	sa->id = ++t->next_id;
	memcpy(sa->icookie, in->icookie, 8);
	memcpy(sa->rcookie, in->rcookie, 8);
	sa->af = in->af;
	memcpy(sa->iaddr, in->src, in->af == 6 ? 16 : 4);
	memcpy(sa->raddr, in->dst, in->af == 6 ? 16 : 4);
	sa->iport = sa->iport0 = in->sport;
	sa->rport = sa->rport0 = in->dport;
	sa->first_ts = sa->last_ts = in->ts;
	sa->first_frame = in->frame;
	/* A first message with a responder cookie: we joined mid-SA. */
	sa->initiator_inferred = memcmp(in->rcookie,
	    "\0\0\0\0\0\0\0\0", 8) != 0;
	sa->hash = trk_ike_hash(t, sa->icookie, sa->rcookie);
	trk_tab_put(&t->ike_tab, sa, sa->hash);
	LRU_APPEND(t, ike_lru_head, ike_lru_tail, sa);
	t->st.ike_now++;
	t->st.ike_sas++;
	return sa;
}

static bool
trk_zero8(const uint8_t *p)
{
	return memcmp(p, "\0\0\0\0\0\0\0\0", 8) == 0;
}

static size_t
trk_alen(int af)
{
	return af == 6 ? 16 : 4;
}

/* The SA of this cookie pair, if any. */
static struct trk_ike_sa *
trk_ike_lookup(struct trk *t, const uint8_t *icookie, const uint8_t *rcookie)
{
	uint64_t h = trk_ike_hash(t, icookie, rcookie);
	size_t i = (size_t)h & t->ike_tab.mask;
	const struct trk_slot *sl;
	struct trk_ike_sa *sa;

	for (; (sl = &t->ike_tab.s[i])->e != NULL;
	    i = (i + 1) & t->ike_tab.mask) {
		t->st.probes++;
		sa = sl->e;
		if (sl->h == h && memcmp(sa->icookie, icookie, 8) == 0 &&
		    memcmp(sa->rcookie, rcookie, 8) == 0)
			return sa;
	}
	return NULL;
}

/*
 * Find the IKE SA of a message.  The responder cookie is zero in the
 * initiator's first message; the SA joins its responder cookie when the
 * responder answers.  Several SAs may share an initiator cookie (ike-scan
 * uses a fixed one), so the responder cookie and addresses decide, and
 * SAs are hashed by both cookies: no two SAs have the same pair (an SA is
 * made only when none has its pair, and joins a responder cookie only
 * when none has the new pair), so a lookup costs the same however many
 * SAs share an initiator cookie.
 */
static struct trk_ike_sa *
trk_ike_find(struct trk *t, const struct trk_in *in)
{
	static const uint8_t zero[8];
	struct trk_ike_sa *sa;
	size_t al = trk_alen(in->af);

	sa = trk_ike_lookup(t, in->icookie, in->rcookie);
	if (sa != NULL || trk_zero8(in->rcookie))
		return sa;
	sa = trk_ike_lookup(t, in->icookie, zero);
	if (sa == NULL || sa->af != in->af ||
	    !((memcmp(sa->iaddr, in->src, al) == 0 &&
	    memcmp(sa->raddr, in->dst, al) == 0) ||
	    (memcmp(sa->iaddr, in->dst, al) == 0 &&
	    memcmp(sa->raddr, in->src, al) == 0)))
		return NULL;
	/* The responder answered: the SA takes its cookie (and slot). */
	trk_tab_del(&t->ike_tab, sa, sa->hash);
	memcpy(sa->rcookie, in->rcookie, 8);
	sa->hash = trk_ike_hash(t, sa->icookie, sa->rcookie);
	trk_tab_put(&t->ike_tab, sa, sa->hash);
	return sa;
}

/*
 * Direction by addresses (ports change when IKE floats to 4500 or a NAT
 * rebinds); ports decide only when both peers share an address.
 * Endpoints follow the latest message.
 */
static uint8_t
trk_direction(struct trk_ike_sa *sa, const struct trk_in *in)
{
	size_t al = trk_alen(in->af);
	bool si = memcmp(sa->iaddr, in->src, al) == 0;
	bool sr = memcmp(sa->raddr, in->src, al) == 0;
	bool di = memcmp(sa->iaddr, in->dst, al) == 0;
	bool dr = memcmp(sa->raddr, in->dst, al) == 0;
	uint8_t dir;

	if (si && dr && !(sr && di))
		dir = TRK_I2R;
	else if (sr && di && !(si && dr))
		dir = TRK_R2I;
	else if (si && dr)		/* same address on both sides */
		dir = in->sport == sa->rport && in->dport == sa->iport ?
		    TRK_R2I : TRK_I2R;
	else if (si || dr)
		dir = TRK_I2R;		/* one side rebound */
	else if (sr || di)
		dir = TRK_R2I;
	else
		dir = TRK_I2R;		/* both rebound: keep the roles */
	if (dir == TRK_I2R) {
		memcpy(sa->iaddr, in->src, al);
		memcpy(sa->raddr, in->dst, al);
		sa->iport = in->sport;
		sa->rport = in->dport;
	} else {
		memcpy(sa->raddr, in->src, al);
		memcpy(sa->iaddr, in->dst, al);
		sa->rport = in->sport;
		sa->iport = in->dport;
	}
	return dir;
}

/* ------------------------------------------------------------ exchanges */

static struct trk_exchange *
trk_ex_find(struct trk_ike_sa *sa, uint8_t exch, uint32_t msgid)
{
	uint32_t i;

	if (exch == ISAKMP_EXCH_INFO)
		return NULL;		/* each informational stands alone */
	for (i = sa->nex; i > 0; i--) {
		struct trk_exchange *e = &sa->ex[i - 1];

		if (e->msgid != msgid)
			continue;
		if (e->type == exch)
			return e;
		/* Phase 1 types share message ID 0. */
		if (msgid == 0 && trk_is_phase1(e->type) &&
		    trk_is_phase1(exch))
			return e;
	}
	return NULL;
}

static struct trk_exchange *
trk_ex_new(struct trk *t, struct trk_ike_sa *sa, const struct trk_in *in,
    uint8_t dir)
{
	const struct trk_script *s = trk_script(in->exch);
	struct trk_exchange *e;

	if (sa->nex == sa->capex &&
	    trk_grow(t, (void **)&sa->ex, &sa->capex, sizeof(*sa->ex),
	    t->lim.max_exchanges) == -1) {
		sa->ex_dropped++;
		t->st.ex_dropped++;
		return NULL;
	}
	e = &sa->ex[sa->nex++];
	memset(e, 0, sizeof(*e));
	e->msgid = in->msgid;
	e->type = in->exch;
	e->nsteps = s != NULL ? s->nsteps : 0;
	/* Phase 1 is started by the SA's initiator, whoever we saw first. */
	e->init_dir = trk_is_phase1(in->exch) ? TRK_I2R : dir;
	e->first_ts = in->ts;
	e->first_frame = in->frame;
	return e;
}

static bool
trk_has_pl(const struct trk_in *in, uint8_t type)
{
	uint8_t i;

	for (i = 0; i < in->npl; i++)
		if (in->pl[i] == type)
			return true;
	return false;
}

/* Step from content where the script allows it; 0 when unknown. */
static uint8_t
trk_content_step(const struct trk_exchange *e, const struct trk_in *in,
    uint8_t dir)
{
	bool ini = dir == e->init_dir;

	switch (e->type) {
	case ISAKMP_EXCH_MAIN:
		if (in->encrypted && !in->decrypted)
			return ini ? 5 : 6;
		if (trk_has_pl(in, ISAKMP_PL_SA))
			return ini ? 1 : 2;
		if (trk_has_pl(in, ISAKMP_PL_KE) ||
		    trk_has_pl(in, ISAKMP_PL_NONCE))
			return ini ? 3 : 4;
		if (trk_has_pl(in, ISAKMP_PL_ID) ||
		    trk_has_pl(in, ISAKMP_PL_HASH) ||
		    trk_has_pl(in, ISAKMP_PL_SIG) || in->encrypted)
			return ini ? 5 : 6;
		return 0;
	case ISAKMP_EXCH_AGGRESSIVE:
		if (!ini)
			return 2;
		if (in->plaintext && trk_has_pl(in, ISAKMP_PL_SA))
			return 1;
		return in->encrypted || trk_has_pl(in, ISAKMP_PL_HASH) ||
		    trk_has_pl(in, ISAKMP_PL_SIG) ? 3 : 0;
	case ISAKMP_EXCH_QUICK:
		if (!ini)
			return 2;
		if (!in->plaintext)
			return 0;
		if (trk_has_pl(in, ISAKMP_PL_SA))
			return 1;
		if (in->npl == 1 && in->pl[0] == ISAKMP_PL_HASH)
			return 3;
		return 0;
	case ISAKMP_EXCH_INFO:
		return 1;
	default:
		return 0;
	}
}

/* Position from order alone: the next step in this direction. */
static uint8_t
trk_position_step(struct trk_ike_sa *sa, const struct trk_exchange *e,
    const struct trk_in *in, uint8_t dir, bool *resent)
{
	bool ini = dir == e->init_dir;
	uint8_t s = e->last_step;

	*resent = false;
	if (s == 0)
		return ini ? 1 : 2;
	if (((s & 1) != 0) == ini) {
		/*
		 * Same side again with other bytes.  In Quick Mode the
		 * initiator's next message is QM3 when QM2 was lost from
		 * the capture; QM3 (HASH only) is shorter than QM1.
		 */
		if (e->type == ISAKMP_EXCH_QUICK && s == 1) {
			uint32_t i;

			for (i = sa->nmsgs; i > 0; i--) {
				const struct trk_msg *m = &sa->msgs[i - 1];

				if (m->msgid == e->msgid && m->step == 1 &&
				    m->exch == e->type && !m->retransmit) {
					if (in->raw_len < m->len)
						return 3;
					break;
				}
			}
		}
		*resent = true;
		return s;
	}
	return (uint8_t)(s + 1);
}

static uint8_t
trk_step_label(const struct trk_exchange *e, uint8_t step)
{
	const struct trk_script *s = trk_script(e->type);

	if (s == NULL || s->label == TRK_L_NONE || step == 0 ||
	    step > s->nsteps)
		return TRK_L_NONE;
	return s->same_label ? s->label : (uint8_t)(s->label + step - 1);
}

/*
 * A message's digest, which tells a retransmission (the same bytes again)
 * from a new message of the same length, exchange and message ID.  The
 * capture's author chooses those bytes, so two different messages must
 * not be made to share a digest.  SipHash-2-4 is a pseudo-random function
 * of its 128-bit key; the key is drawn at random for every run, after the
 * capture was written, so a pair of messages collides with probability
 * about 2^-128 whatever their content (a digest without a key, such as
 * SHA-256 cut to 128 bits, can be collided offline with 2^64 work).  It
 * also costs about two thirds of SHA-256 on messages of a few hundred
 * bytes.  trk_digest_ready keys the MAC on its first call; false when
 * OpenSSL cannot.
 */
static bool
trk_digest_ready(struct trk *t)
{
	uint8_t key[16];
	size_t size = 16;
	OSSL_PARAM par[2];
	bool ok;

	if (t->mac != NULL || t->mac_failed)
		return t->mac != NULL;
	t->siphash = EVP_MAC_fetch(NULL, "SIPHASH", NULL);
	ok = t->siphash != NULL &&
	    (t->mac = EVP_MAC_CTX_new(t->siphash)) != NULL &&
	    RAND_bytes(key, sizeof(key)) == 1;
	if (ok) {
		par[0] = OSSL_PARAM_construct_size_t(OSSL_MAC_PARAM_SIZE,
		    &size);
		par[1] = OSSL_PARAM_construct_end();
		ok = EVP_MAC_init(t->mac, key, sizeof(key), par) == 1;
	}
	OPENSSL_cleanse(key, sizeof(key));
	if (!ok) {
		EVP_MAC_CTX_free(t->mac);
		EVP_MAC_free(t->siphash);
		t->mac = NULL;
		t->siphash = NULL;
		t->mac_failed = true;
	}
	return ok;
}

static bool
trk_digest_mac(EVP_MAC_CTX *mac, const uint8_t *p, size_t n, uint8_t out[16])
{
	size_t len = 0;

	/* a NULL key starts again under the key given before */
	return EVP_MAC_init(mac, NULL, 0, NULL) == 1 &&
	    EVP_MAC_update(mac, p, n) == 1 &&
	    EVP_MAC_final(mac, out, &len, 16) == 1 && len == 16;
}

/* A context of its own for another thread: the tracker's, copied. */
struct trk_digester *
trk_digester_new(struct trk *t)
{
	if (!trk_digest_ready(t))
		return NULL;
	return (struct trk_digester *)EVP_MAC_CTX_dup(t->mac);
}

bool
trk_digester_run(struct trk_digester *d, const uint8_t *p, size_t n,
    uint8_t out[16])
{
	return trk_digest_mac((EVP_MAC_CTX *)d, p, n, out);
}

void
trk_digester_free(struct trk_digester *d)
{
	EVP_MAC_CTX_free((EVP_MAC_CTX *)d);
}

static void
trk_digest(struct trk *t, const uint8_t *p, size_t n, uint8_t out[16])
{
	if (!trk_digest_ready(t) || !trk_digest_mac(t->mac, p, n, out)) {
		/* Cannot happen with the default provider; fall back. */
		size_t h = trk_hash_bytes(t, p, n);

		memset(out, 0, 16);
		memcpy(out, &h, sizeof(h));
	}
}

static struct trk_msg *
trk_find_original(struct trk_ike_sa *sa, const struct trk_in *in,
    const uint8_t digest[16])
{
	uint32_t i;

	for (i = 0; i < sa->nmsgs; i++) {
		struct trk_msg *m = &sa->msgs[i];

		if (!m->retransmit && m->msgid == in->msgid &&
		    m->exch == in->exch && m->len == in->raw_len &&
		    memcmp(m->digest, digest, 16) == 0)
			return m;
	}
	return NULL;
}

static void
trk_proposal_from(struct trk_proposal *p, const struct trk_in *in)
{
	p->valid = true;
	p->proto = in->sa_proto;
	p->encap = in->encap;
	p->esn = in->esn;
	p->enc = in->enc;
	p->key_len = in->key_len;
	p->hash = in->hash;
	p->group = in->group;
	p->auth = in->auth;
	p->life_secs = in->life_secs;
	p->life_kb = in->life_kb;
}

/* Error notifies (RFC 2408 3.14.1: types below 16384 are errors). */
static bool
trk_notify_error(uint16_t n)
{
	return n != 0 && isakmp_notify_is_error(n);
}

/*
 * Apply what a placed message says about outcomes.  Returns the other
 * exchange an error informational failed, if any.
 */
static struct trk_exchange *
trk_outcome(struct trk_ike_sa *sa, struct trk_exchange *e,
    const struct trk_in *in, uint8_t step)
{
	struct trk_exchange *victim = e;
	uint32_t i;

	if (in->has_sa && !in->encrypted) {
		if (step == 1 && trk_is_phase1(e->type)) {
			sa->offered_proposals = in->sa_proposals;
			sa->offered_transforms = in->sa_transforms;
		}
		if (step == 2 && trk_is_phase1(e->type))
			trk_proposal_from(&sa->chosen, in);
	}
	if (in->has_sa && in->plaintext && e->type == ISAKMP_EXCH_QUICK) {
		if (step == 1) {
			e->offered_proposals = in->sa_proposals;
			e->offered_transforms = in->sa_transforms;
		} else if (step == 2)
			trk_proposal_from(&e->chosen, in);
	}
	if (in->nids == 2 && e->type == ISAKMP_EXCH_QUICK &&
	    e->idc[0].type == 0) {
		e->idc[0] = in->ids[0];
		e->idc[1] = in->ids[1];
	}
	if (in->plaintext && in->nspis > 0 && e->nspis < TRK_MAX_SPIS) {
		uint8_t k;

		for (k = 0; k < in->nspis && e->nspis < TRK_MAX_SPIS; k++)
			e->spis[e->nspis++] = in->spis[k];
	}
	if (in->dpd) {
		e->dpd = true;
		e->dpd_seq = in->dpd_seq;
	}
	if (in->del) {
		e->del = true;
		e->del_proto = in->del_proto;
		if (in->del_proto == ISAKMP_PROTO_ISAKMP) {
			sa->deleted = true;
			sa->deleted_ts = in->ts;
		}
	}
	if (in->notify != 0 && e->notify == 0)
		e->notify = in->notify;
	if (in->xauth_ok && sa->xauth == 0)
		sa->xauth = 1;
	if (in->xauth_fail) {
		/* Phase 1 stands, but the user was not authenticated. */
		sa->xauth = 2;
		e->state = TRK_FAILED;
		e->reason = TRK_R_XAUTH;
		sa->state = TRK_FAILED;
		sa->reason = TRK_R_XAUTH;
		return NULL;
	}

	if (trk_notify_error(in->notify)) {
		if (e->type == ISAKMP_EXCH_INFO) {
			/* An error informational ends the pending exchange:
			 * phase 1 if not done, else the newest open one. */
			victim = NULL;
			for (i = sa->nex; i > 0; i--) {
				struct trk_exchange *x = &sa->ex[i - 1];

				if (x != e && x->type != ISAKMP_EXCH_INFO &&
				    x->state == TRK_INCOMPLETE) {
					victim = x;
					break;
				}
			}
			e->state = TRK_FAILED;
			e->reason = TRK_R_NOTIFY;
		}
		if (victim != NULL) {
			victim->state = TRK_FAILED;
			victim->reason = TRK_R_NOTIFY;
			victim->notify = in->notify;
		}
		if ((victim != NULL && trk_is_phase1(victim->type)) ||
		    (victim == NULL && sa->state != TRK_ESTABLISHED)) {
			sa->state = TRK_FAILED;
			sa->reason = TRK_R_NOTIFY;
			sa->notify = in->notify;
		}
		return victim != e ? victim : NULL;
	}
	if (e->state == TRK_INCOMPLETE && e->nsteps != 0 &&
	    step == e->nsteps) {
		e->state = TRK_ESTABLISHED;
		if (trk_is_phase1(e->type) && sa->state != TRK_FAILED) {
			sa->state = TRK_ESTABLISHED;
			sa->established_ts = in->ts;
		}
	}
	return NULL;
}

/* ------------------------------------------------------------ changes */

uint8_t
trk_phase(const struct trk_ike_sa *sa)
{
	if (sa->deleted)
		return TRK_P_DELETED;
	if (sa->expired)
		return TRK_P_EXPIRED;
	if (sa->state == TRK_ESTABLISHED)
		return TRK_P_ESTABLISHED;
	return sa->state == TRK_FAILED ? TRK_P_FAILED : TRK_P_NEGOTIATING;
}

const char *
trk_phase_name(uint8_t p)
{
	static const char *const names[] = { "negotiating", "established",
	    "failed", "deleted", "expired", "evicted" };

	return p < sizeof(names) / sizeof(names[0]) ? names[p] : "?";
}

/* Report an exchange whose state is no longer old. */
static void
trk_ex_changed(struct trk *t, const struct trk_ike_sa *sa,
    const struct trk_exchange *e, uint8_t old)
{
	if (t->change != NULL && e != NULL && e->state != old)
		t->change(sa, e, 0, t->change_arg);
}

/* Report an SA whose phase is no longer old. */
static void
trk_sa_changed(struct trk *t, const struct trk_ike_sa *sa, uint8_t old)
{
	if (t->change != NULL && trk_phase(sa) != old)
		t->change(sa, NULL, old, t->change_arg);
}

/* trk_outcome, and the state changes it made reported. */
static void
trk_outcome_report(struct trk *t, struct trk_ike_sa *sa,
    struct trk_exchange *e, const struct trk_in *in, uint8_t step)
{
	uint8_t ex_old = e->state, sa_old = trk_phase(sa), nspis = e->nspis;
	struct trk_exchange *victim = trk_outcome(sa, e, in, step);

	trk_spis_count(t, e, nspis, 1);

	/* an exchange failed by an error informational was incomplete */
	trk_ex_changed(t, sa, victim, TRK_INCOMPLETE);
	trk_ex_changed(t, sa, e, ex_old);
	trk_sa_changed(t, sa, sa_old);
}

static void
trk_msg_fill(struct trk_msg *m, const struct trk_in *in, uint8_t dir)
{
	memset(m, 0, sizeof(*m));
	m->frame = in->frame;
	m->ts = in->ts;
	m->dir = dir;
	m->exch = in->exch;
	m->msgid = in->msgid;
	m->len = (uint32_t)in->raw_len;
	m->encrypted = in->encrypted;
	m->decrypted = in->decrypted;
	m->notify = in->notify;
	m->iv_len = in->iv_len <= sizeof(m->iv) ? in->iv_len : 0;
	memcpy(m->iv, in->iv, m->iv_len);
	if (in->plaintext) {
		m->npl = in->npl < TRK_MSG_PL ? in->npl : TRK_MSG_PL;
		memcpy(m->pl, in->pl, m->npl);
	}
}

static struct trk_esp *trk_esp_find(struct trk *, int, const uint8_t *,
    uint32_t);

static void
trk_esp_deleted(struct trk *t, int af, const uint8_t *dst, uint32_t spi,
    double ts)
{
	struct trk_esp *f = trk_esp_find(t, af, dst, spi);

	if (f != NULL && !f->deleted) {
		f->deleted = true;
		f->deleted_ts = ts;
	}
}

/*
 * Ask for what the look-up of in's SA and, at the cap, the eviction of
 * the oldest SA will read (its slot, exchanges, messages, phase-1
 * bodies: cache misses when a flood of new SAs keeps the table full),
 * so that they arrive while the message's digest is computed.
 */
static void
trk_ike_prefetch(const struct trk *t, const struct trk_in *in)
{
	const struct trk_ike_sa *old = t->ike_lru_head;

	TRK_PREFETCH(&t->ike_tab.s[trk_ike_hash(t, in->icookie, in->rcookie) &
	    t->ike_tab.mask]);
	if (old == NULL || t->st.ike_now < t->lim.max_ike_sas)
		return;
	TRK_PREFETCH(&t->ike_tab.s[old->hash & t->ike_tab.mask]);
	TRK_PREFETCH(old->ex);
	TRK_PREFETCH(old->msgs);
	TRK_PREFETCH(old->p1.sai.p);
	TRK_PREFETCH(old->p1.offered);
	TRK_PREFETCH(old->lru_next);
}

int
trk_ike(struct trk *t, struct trk_in *in, struct trk_result *r)
{
	struct trk_ike_sa *sa;
	struct trk_exchange *e;
	struct trk_msg *m, *orig, tmp;
	uint8_t digest[16], dir, step;
	bool resent = false;

	memset(r, 0, sizeof(*r));
	t->st.msgs++;
	trk_ike_prefetch(t, in);
	if (in->digest != NULL)
		memcpy(digest, in->digest, 16);
	else
		trk_digest(t, in->raw, in->raw_len, digest);
	sa = trk_ike_find(t, in);
	if (sa == NULL) {
		sa = trk_ike_create(t, in);
		if (sa == NULL)
			return -1;
	}
	if (sa != t->ike_lru_tail) {	/* else already the newest */
		LRU_UNLINK(t, ike_lru_head, ike_lru_tail, sa);
		LRU_APPEND(t, ike_lru_head, ike_lru_tail, sa);
	}
	sa->last_ts = in->ts;
	dir = trk_direction(sa, in);
	if (sa->mode == 0 && trk_is_phase1(in->exch))
		sa->mode = in->exch;
	r->sa = sa;
	r->dir = dir;

	orig = trk_find_original(sa, in, digest);
	e = orig != NULL ? &sa->ex[orig->ex] : trk_ex_find(sa, in->exch,
	    in->msgid);
	if (e == NULL)
		e = trk_ex_new(t, sa, in, dir);
	in->from_exch_init = e != NULL ? dir == e->init_dir : dir == TRK_I2R;
	if (t->pre != NULL) {
		size_t held = sa->p1.bytes;

		t->pre(sa, orig, dir, in, t->pre_arg);
		if (sa->p1.bytes >= held)
			trk_account(t, sa->p1.bytes - held);
		else
			t->st.bytes_now -= held - sa->p1.bytes;
	}

	if (orig != NULL) {
		/* Same bytes again: a retransmission; nothing advances. */
		step = orig->step;
		if (orig->resent < UINT16_MAX)
			orig->resent++;
		e->rexmits++;
		t->st.retransmits++;
	} else if (e != NULL) {
		step = trk_content_step(e, in, dir);
		if (step == 0)
			step = trk_position_step(sa, e, in, dir, &resent);
		if (step > e->nsteps)
			step = 0;
		if (step != 0 && (e->seen & (1u << (step - 1))) != 0 &&
		    !resent)
			resent = true;	/* position already filled */
		if (resent) {
			e->rexmits++;
			t->st.retransmits++;
		}
	} else
		step = 0;

	m = &tmp;
	if (sa->nmsgs < sa->capmsgs ||
	    trk_grow(t, (void **)&sa->msgs, &sa->capmsgs, sizeof(*sa->msgs),
	    t->lim.max_msgs) == 0)
		m = &sa->msgs[sa->nmsgs++];
	else {
		sa->msgs_dropped++;
		t->st.msgs_dropped++;
	}
	trk_msg_fill(m, in, dir);
	memcpy(m->digest, digest, 16);
	m->retransmit = orig != NULL || resent;
	m->step = step;
	if (e != NULL) {
		m->ex = (uint16_t)(e - sa->ex);
		m->label = trk_step_label(e, step);
		if (step == 0)
			m->off_script = true;
		e->last_ts = in->ts;
		e->nmsgs++;
		if (step != 0 && orig == NULL && !resent) {
			if (step < e->last_step)
				m->out_of_order = true;
			if (step > e->last_step + 1)
				e->missing = (uint16_t)(e->missing +
				    step - e->last_step - 1);
			e->seen |= (uint8_t)(1u << (step - 1));
			if (step > e->last_step)
				e->last_step = step;
			trk_outcome_report(t, sa, e, in, step);
		} else if (orig == NULL && step == 0)
			trk_outcome_report(t, sa, e, in, step);
	}
	/*
	 * A DELETE for ESP/AH SPIs: the sender deletes SAs it receives on,
	 * so each named flow is (destination = sender, SPI).
	 */
	if (orig == NULL && in->del && (in->del_proto == ISAKMP_PROTO_AH ||
	    in->del_proto == ISAKMP_PROTO_ESP)) {
		uint8_t k;

		for (k = 0; k < in->nspis; k++)
			trk_esp_deleted(t, in->af, in->src, in->spis[k], in->ts);
	}
	r->msg = m == &tmp ? NULL : m;
	r->label = m->label;
	r->retransmit = m->retransmit;
	r->original = orig;
	return 0;
}

/*
 * End-of-capture verdicts: an exchange whose last step was resent and
 * never answered failed for lack of response; anything else unfinished
 * is incomplete.  An SA whose phase 1 we never saw but which ran a
 * complete Quick Mode must have been established before the capture.
 */
/* Encrypted informationals we could not read (possible error notifies). */
static uint16_t
trk_unread_info(const struct trk_ike_sa *sa)
{
	uint32_t j;
	uint16_t n = 0;

	for (j = 0; j < sa->nmsgs; j++)
		if (sa->msgs[j].exch == ISAKMP_EXCH_INFO &&
		    sa->msgs[j].encrypted && !sa->msgs[j].decrypted &&
		    n < UINT16_MAX)
			n++;
	return n;
}

static void
trk_ike_conclude(struct trk *t, struct trk_ike_sa *sa)
{
	uint32_t i, j;
	bool p1 = false, qm_done = false;
	uint8_t sa_old = trk_phase(sa);

	for (i = 0; i < sa->nex; i++) {
		struct trk_exchange *e = &sa->ex[i];
		uint16_t resends = 0;

		if (trk_is_phase1(e->type))
			p1 = true;
		if (e->type == ISAKMP_EXCH_QUICK &&
		    e->state == TRK_ESTABLISHED)
			qm_done = true;
		if (e->state != TRK_INCOMPLETE || e->last_step == 0)
			continue;
		for (j = 0; j < sa->nmsgs; j++) {
			const struct trk_msg *m = &sa->msgs[j];

			if (m->ex == i && m->step == e->last_step)
				resends = (uint16_t)(resends +
				    (m->retransmit ? 1 : 0));
		}
		if (resends > 0) {
			e->state = TRK_FAILED;
			e->reason = TRK_R_NO_RESPONSE;
			e->rexmits = resends;
			if (trk_is_phase1(e->type) &&
			    sa->state == TRK_INCOMPLETE) {
				sa->state = TRK_FAILED;
				sa->reason = TRK_R_NO_RESPONSE;
				sa->reason_count = resends;
				sa->unread_info = trk_unread_info(sa);
			}
			trk_ex_changed(t, sa, e, TRK_INCOMPLETE);
		}
	}
	if (!p1 && qm_done && sa->state == TRK_INCOMPLETE)
		sa->state = TRK_ESTABLISHED;
	trk_sa_changed(t, sa, sa_old);
}

/* ------------------------------------------------------------ ESP */

/*
 * Evict the least recently active flow (at the cap); its record, zeroed,
 * is returned for the new flow (still counted in the bytes held).
 */
static struct trk_esp *
trk_esp_evict_oldest(struct trk *t)
{
	struct trk_esp *f = t->esp_lru_head;

	if (f == NULL)
		return NULL;
	trk_tab_del(&t->esp_tab, f, f->hash);
	LRU_UNLINK(t, esp_lru_head, esp_lru_tail, f);
	if (t->esp_evict != NULL)
		t->esp_evict(f, t->evict_arg);
	trk_esp_detach(f);
	t->st.esp_now--;
	t->st.esp_evicted++;
	memset(f, 0, sizeof(*f));
	return f;
}

static void
trk_esp_seq(struct trk_esp *f, uint32_t seq)
{
	uint32_t d;

	if (f->packets == 1) {
		f->seq_first = f->seq_max = seq;
		f->window = 1;
		return;
	}
	if (seq > f->seq_max) {
		d = seq - f->seq_max;
		f->gaps += d - 1;
		f->window = d >= TRK_ESP_WINDOW ? 1 : (f->window << d) | 1;
		f->seq_max = seq;
		return;
	}
	d = f->seq_max - seq;
	if (d >= TRK_ESP_WINDOW) {
		f->late++;
		return;
	}
	if (f->window & ((uint64_t)1 << d)) {
		f->dups++;
		return;
	}
	f->window |= (uint64_t)1 << d;
	f->reordered++;
	if (f->gaps > 0)
		f->gaps--;		/* it was counted missing */
	if (d > f->max_reorder)
		f->max_reorder = d;
}

/*
 * Which IKE SA made this ESP SA: the one whose Quick Mode carried its SPI,
 * else the most recent established SA between the same two addresses.
 * Only the TRK_LINK_SCAN most recently active IKE SAs are looked at, so
 * the cost is bounded.
 */
#define TRK_LINK_SCAN	64

static void
trk_esp_link(struct trk *t, struct trk_esp *f)
{
	struct trk_ike_sa *sa, *byaddr = NULL;
	size_t al = trk_alen(f->af), n = 0;
	uint32_t i;
	uint8_t k;
	bool by_spi = t->qm_spis[trk_spi_slot(f->spi)] != 0;

	for (sa = t->ike_lru_tail; sa != NULL && n < TRK_LINK_SCAN;
	    sa = sa->lru_prev, n++) {
		for (i = 0; by_spi && i < sa->nex; i++)
			for (k = 0; k < sa->ex[i].nspis; k++)
				if (sa->ex[i].type == ISAKMP_EXCH_QUICK &&
				    sa->ex[i].spis[k] == f->spi) {
					trk_esp_attach(sa, f);
					f->linked_by_spi = true;
					return;
				}
		if (byaddr == NULL && sa->af == f->af &&
		    sa->state != TRK_FAILED &&
		    ((memcmp(sa->iaddr, f->src, al) == 0 &&
		    memcmp(sa->raddr, f->dst, al) == 0) ||
		    (memcmp(sa->iaddr, f->dst, al) == 0 &&
		    memcmp(sa->raddr, f->src, al) == 0))) {
			byaddr = sa;
			if (!by_spi)
				break;	/* no SA can match by SPI */
		}
	}
	if (byaddr != NULL)
		trk_esp_attach(byaddr, f);
}

/* The flow of (k: the destination, spi) with hash h. */
static struct trk_esp *
trk_esp_lookup(struct trk *t, int af, struct trk_a16 k, uint32_t spi,
    uint64_t h)
{
	size_t i = (size_t)h & t->esp_tab.mask;
	const struct trk_slot *sl;
	struct trk_esp *f;
	struct trk_a16 fk;

	for (; (sl = &t->esp_tab.s[i])->e != NULL;
	    i = (i + 1) & t->esp_tab.mask) {
		t->st.probes++;
		f = sl->e;
		if (sl->h != h || f->spi != spi || f->af != af)
			continue;
		fk = trk_a16(6, f->dst);	/* all 16 bytes, zero-filled */
		if (fk.w0 == k.w0 && fk.w1 == k.w1)
			return f;
	}
	return NULL;
}

static struct trk_esp *
trk_esp_find(struct trk *t, int af, const uint8_t *dst, uint32_t spi)
{
	struct trk_a16 k = trk_a16(af, dst);

	return trk_esp_lookup(t, af, k, spi, trk_esp_hash(t, k, spi));
}

struct trk_esp *
trk_esp_packet(struct trk *t, const struct trk_esp_pkt *e)
{
	int af = e->af;
	const uint8_t *src = e->src, *dst = e->dst;
	uint32_t spi = e->spi, seq = e->seq, frame = e->frame;
	size_t len = e->len;
	double ts = e->ts;
	struct trk_a16 k = trk_a16(af, dst);
	struct trk_esp *f;
	size_t al = trk_alen(af);
	uint64_t h;

	h = trk_esp_hash(t, k, spi);
	f = trk_esp_lookup(t, af, k, spi, h);
	if (f == NULL) {
		if (t->st.esp_now >= t->lim.max_esp_sas)
			f = trk_esp_evict_oldest(t);
		if (f == NULL && (f = trk_alloc(t, sizeof(*f))) == NULL)
			return NULL;
		f->af = af;
		memcpy(f->src, src, al);
		memcpy(f->dst, &k.w0, 8);
		memcpy(f->dst + 8, &k.w1, 8);
		f->spi = spi;
		f->first_ts = ts;
		f->first_frame = frame;
		trk_esp_link(t, f);
		f->hash = h;
		trk_tab_put(&t->esp_tab, f, h);
		t->st.esp_now++;
		t->st.esp_sas++;
		LRU_APPEND(t, esp_lru_head, esp_lru_tail, f);
	} else if (f != t->esp_lru_tail) {	/* else already the newest */
		LRU_UNLINK(t, esp_lru_head, esp_lru_tail, f);
		LRU_APPEND(t, esp_lru_head, esp_lru_tail, f);
	}
	f->touched = ++t->esp_packets;
	f->packets++;
	f->bytes += len;
	f->last_ts = ts;
	trk_esp_seq(f, seq);
	return f;
}

/* ------------------------------------------------------------ queries */

void
trk_finish(struct trk *t)
{
	struct trk_ike_sa *sa;

	for (sa = t->ike_lru_head; sa != NULL; sa = sa->lru_next)
		trk_ike_conclude(t, sa);
}

void
trk_tick(struct trk *t, double now, double timeout)
{
	struct trk_ike_sa *sa;
	uint32_t i;

	for (sa = t->ike_lru_head; sa != NULL; sa = sa->lru_next) {
		for (i = 0; i < sa->nex; i++) {
			struct trk_exchange *e = &sa->ex[i];

			if (e->state != TRK_INCOMPLETE || e->timed_out ||
			    e->nsteps == 0 || e->last_step == 0 ||
			    now - e->last_ts <= timeout)
				continue;
			e->timed_out = true;
			if (t->change != NULL)
				t->change(sa, e, 0, t->change_arg);
		}
		if (sa->state == TRK_ESTABLISHED && !sa->deleted &&
		    !sa->expired && sa->chosen.life_secs != 0 &&
		    now - sa->established_ts >= sa->chosen.life_secs) {
			sa->expired = true;
			if (t->change != NULL)
				t->change(sa, NULL, TRK_P_ESTABLISHED,
				    t->change_arg);
		}
	}
}

void
trk_stats(const struct trk *t, struct trk_stats *s)
{
	*s = t->st;
}

/* In order of creation (ids ascending). */
static int
trk_cmp_ike(const void *a, const void *b)
{
	const struct trk_ike_sa *x = *(const struct trk_ike_sa *const *)a;
	const struct trk_ike_sa *y = *(const struct trk_ike_sa *const *)b;

	return x->id < y->id ? -1 : x->id > y->id;
}

void
trk_foreach_ike(const struct trk *t, trk_ike_cb *cb, void *arg)
{
	const struct trk_ike_sa **v;
	const struct trk_ike_sa *sa;
	size_t n = 0, i;

	v = malloc((t->st.ike_now + 1) * sizeof(*v));
	if (v == NULL)
		return;
	for (sa = t->ike_lru_head; sa != NULL; sa = sa->lru_next)
		v[n++] = sa;
	qsort(v, n, sizeof(*v), trk_cmp_ike);
	for (i = 0; i < n; i++)
		cb(v[i], arg);
	free(v);
}

/*
 * By first frame (frame numbers restart with each capture file), then
 * least recently active first (the LRU order, which the sort kept when
 * it was the only key).
 */
static int
trk_cmp_esp(const void *a, const void *b)
{
	const struct trk_esp *x = *(const struct trk_esp *const *)a;
	const struct trk_esp *y = *(const struct trk_esp *const *)b;

	if (x->first_frame != y->first_frame)
		return x->first_frame < y->first_frame ? -1 : 1;
	return x->touched < y->touched ? -1 : x->touched > y->touched;
}

void
trk_foreach_esp(const struct trk *t, trk_esp_cb *cb, void *arg)
{
	const struct trk_esp **v;
	const struct trk_esp *f;
	size_t n = 0, i;

	v = malloc((t->st.esp_now + 1) * sizeof(*v));
	if (v == NULL)
		return;
	for (f = t->esp_lru_head; f != NULL; f = f->lru_next)
		v[n++] = f;
	qsort(v, n, sizeof(*v), trk_cmp_esp);
	for (i = 0; i < n; i++)
		cb(v[i], arg);
	free(v);
}

#define TRK_SA_ESP_STACK	16

void
trk_foreach_sa_esp(const struct trk_ike_sa *sa, trk_esp_cb *cb, void *arg)
{
	const struct trk_esp *stk[TRK_SA_ESP_STACK], **v = stk;
	const struct trk_esp *f;
	size_t n = 0, i;

	for (f = sa->esp_head; f != NULL; f = f->sa_next)
		n++;
	if (n > TRK_SA_ESP_STACK && (v = malloc(n * sizeof(*v))) == NULL)
		return;
	n = 0;
	for (f = sa->esp_head; f != NULL; f = f->sa_next)
		v[n++] = f;
	qsort(v, n, sizeof(*v), trk_cmp_esp);
	for (i = 0; i < n; i++)
		cb(v[i], arg);
	if (v != stk)
		free(v);
}

void
trk_free(struct trk *t)
{
	if (t == NULL)
		return;
	while (t->ike_lru_head != NULL) {
		struct trk_ike_sa *sa = t->ike_lru_head;

		trk_ike_remove(t, sa);
		trk_ike_destroy(t, sa);
	}
	while (t->esp_lru_head != NULL) {
		struct trk_esp *f = t->esp_lru_head;

		LRU_UNLINK(t, esp_lru_head, esp_lru_tail, f);
		trk_release(t, f, sizeof(*f));
	}
	EVP_MAC_CTX_free(t->mac);
	EVP_MAC_free(t->siphash);
	free(t->ike_tab.s);
	free(t->esp_tab.s);
	free(t);
}

/* ------------------------------------------------------------ names */

const char *
trk_label_name(uint8_t l)
{
	static const char *const names[TRK_L__COUNT] = {
		[TRK_L_NONE] = NULL,
		[TRK_L_MM1] = "MM1", [TRK_L_MM2] = "MM2", [TRK_L_MM3] = "MM3",
		[TRK_L_MM4] = "MM4", [TRK_L_MM5] = "MM5", [TRK_L_MM6] = "MM6",
		[TRK_L_AM1] = "AM1", [TRK_L_AM2] = "AM2", [TRK_L_AM3] = "AM3",
		[TRK_L_QM1] = "QM1", [TRK_L_QM2] = "QM2", [TRK_L_QM3] = "QM3",
		[TRK_L_INFO] = "INFO", [TRK_L_TXN] = "TXN",
	};

	return l < TRK_L__COUNT ? names[l] : NULL;
}

const char *
trk_state_name(uint8_t s)
{
	switch (s) {
	case TRK_ESTABLISHED:
		return "established";
	case TRK_FAILED:
		return "failed";
	default:
		return "incomplete";
	}
}

const char *
trk_dir_name(uint8_t d)
{
	return d == TRK_R2I ? "r2i" : "i2r";
}

static int
trk_reason_fmt(uint8_t reason, uint16_t notify, uint16_t count, char *buf,
    size_t len)
{
	char nb[64];

	switch (reason) {
	case TRK_R_NOTIFY:
		return snprintf(buf, len, "%s",
		    isakmp_name_fmt(REG_NOTIFY, notify, nb, sizeof(nb)));
	case TRK_R_NO_RESPONSE:
		return snprintf(buf, len, "no response after %u "
		    "retransmission%s", count, count == 1 ? "" : "s");
	case TRK_R_XAUTH:
		return snprintf(buf, len, "XAUTH authentication failed "
		    "(XAUTH-STATUS FAIL)");
	case TRK_R_TIMEOUT:
		return snprintf(buf, len, "no answer in time");
	default:
		if (len > 0)
			buf[0] = '\0';
		return 0;
	}
}

bool
trk_keys_disagree(const struct trk_ike_sa *sa, uint8_t *ok_dir,
    unsigned *nok, unsigned *nbad)
{
	unsigned ok[2] = { 0, 0 }, bad[2] = { 0, 0 };
	uint32_t i;
	int d;

	for (i = 0; i < sa->nmsgs; i++) {
		const struct trk_msg *m = &sa->msgs[i];

		if (!m->encrypted || m->retransmit || m->dir > TRK_R2I)
			continue;
		if (m->decrypted)
			ok[m->dir]++;
		else
			bad[m->dir]++;
	}
	for (d = 0; d < 2; d++)
		if (ok[d] > 0 && bad[!d] > 0 && ok[!d] == 0) {
			*ok_dir = (uint8_t)d;
			*nok = ok[d];
			*nbad = bad[!d];
			return true;
		}
	return false;
}

int
trk_reason_text(const struct trk_ike_sa *sa, char *buf, size_t len)
{
	uint8_t okd;
	unsigned nok, nbad;
	int n = 0, r;

	if (sa->state != TRK_ESTABLISHED &&
	    trk_keys_disagree(sa, &okd, &nok, &nbad)) {
		n = snprintf(buf, len, "pre-shared keys differ: the %s's %u "
		    "encrypted message%s do%s not decrypt with the keys that "
		    "decrypt the %s's%s", okd == TRK_I2R ? "responder" :
		    "initiator", nbad, nbad == 1 ? "" : "s",
		    nbad == 1 ? "es" : "", okd == TRK_I2R ? "initiator" :
		    "responder", sa->reason != TRK_R_NONE ? "; " : "");
		if (n < 0 || (size_t)n >= len || sa->reason == TRK_R_NONE)
			return n;
		r = trk_reason_fmt(sa->reason, sa->notify, sa->reason_count,
		    buf + n, len - (size_t)n);
		return r < 0 ? r : n + r;
	}
	n = trk_reason_fmt(sa->reason, sa->notify, sa->reason_count, buf, len);
	if (sa->reason == TRK_R_NO_RESPONSE && sa->unread_info > 0 && n > 0 &&
	    (size_t)n < len)
		n += snprintf(buf + n, len - (size_t)n, "; %u encrypted "
		    "informational message%s not decrypted", sa->unread_info,
		    sa->unread_info == 1 ? "" : "s");
	return n;
}

int
trk_ex_reason_text(const struct trk_exchange *e, char *buf, size_t len)
{
	return trk_reason_fmt(e->reason, e->notify, e->rexmits, buf, len);
}
