/*
 * keystore.c - ESP SA and IKE key tables; see keystore.h.
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/crypto.h>

#include "core/hash.h"
#include "keys/keystore.h"

#define KS_CACHE_MAX	65536	/* resolved (src, dst, spi) lookups kept */

/* A resolved lookup: (af, src, dst, spi) -> SA or NULL (negative). */
struct ks_cache_ent {
	int			 af;
	uint8_t			 src[16], dst[16];
	uint32_t		 spi;
	struct ks_esp_sa	*sa;
	struct ks_cache_ent	*next;
};

struct ks_tab {
	void		**b;		/* bucket heads */
	size_t		  nb;		/* power of two */
	size_t		  n;
	uint64_t	  seed;		/* of its hash (hash.h) */
};

struct ks {
	struct ks_tab		 esp;	/* exact (dst, spi) */
	struct ks_esp_sa	*wild;	/* wildcard entries, load order */
	struct ks_esp_sa	**wild_tail;
	struct ks_tab		 cache;
	struct ks_esp_sa	*all, **all_tail;
	size_t			 nesp;
	struct ks_tab		 iket;	/* by icookie */
	struct ks_ike		*ike_all, **ike_tail;
};

static size_t
ks_alen(int af)
{
	return af == 6 ? 16 : 4;
}

static uint64_t
ks_hash(uint64_t seed, int af, const uint8_t *a, const uint8_t *b,
    uint32_t spi)
{
	uint64_t h = hash_add(seed, (uint64_t)af << 32 | spi);

	h = hash_bytes(h, a, ks_alen(af));
	if (b != NULL)
		h = hash_bytes(h, b, ks_alen(af));
	return hash_final(h);
}

static int
ks_tab_init(struct ks_tab *t, size_t nb)
{
	t->b = calloc(nb, sizeof(*t->b));
	t->nb = nb;
	t->n = 0;
	t->seed = hash_seed_new();
	return t->b == NULL ? -1 : 0;
}

struct ks *
ks_new(void)
{
	struct ks *k = calloc(1, sizeof(*k));

	if (k == NULL)
		return NULL;
	if (ks_tab_init(&k->esp, 64) == -1 || ks_tab_init(&k->cache, 256) ==
	    -1 || ks_tab_init(&k->iket, 64) == -1) {
		ks_free(k);
		return NULL;
	}
	k->wild_tail = &k->wild;
	k->all_tail = &k->all;
	k->ike_tail = &k->ike_all;
	return k;
}

static void
ks_qm_free(struct ks_qm *q)
{
	struct ks_qm *nq;

	for (; q != NULL; q = nq) {
		nq = q->next;
		OPENSSL_cleanse(q, sizeof(*q));
		free(q);
	}
}

void
ks_free(struct ks *k)
{
	struct ks_esp_sa *sa, *nsa;
	struct ks_ike *ik, *nik;
	struct ks_cache_ent *ce, *nce;
	size_t i;

	if (k == NULL)
		return;
	for (sa = k->all; sa != NULL; sa = nsa) {
		nsa = sa->all_next;
		OPENSSL_cleanse(sa, sizeof(*sa));
		free(sa);
	}
	for (i = 0; k->iket.b != NULL && i < k->iket.nb; i++)
		for (ik = k->iket.b[i]; ik != NULL; ik = nik) {
			nik = ik->next;
			ks_qm_free(ik->qm);
			OPENSSL_cleanse(ik, sizeof(*ik));
			free(ik);
		}
	for (i = 0; k->cache.b != NULL && i < k->cache.nb; i++)
		for (ce = k->cache.b[i]; ce != NULL; ce = nce) {
			nce = ce->next;
			free(ce);
		}
	free(k->esp.b);
	free(k->cache.b);
	free(k->iket.b);
	free(k);
}

bool
ks_addr_match(const struct ks_addr *m, int af, const uint8_t *a)
{
	unsigned full, rem;

	if (m->af == 0 || m->plen == 0)
		return m->af == 0 || m->af == af;
	if (m->af != af)
		return false;
	full = m->plen / 8;
	rem = m->plen % 8;
	if (memcmp(m->a, a, full) != 0)
		return false;
	if (rem != 0) {
		uint8_t mask = (uint8_t)(0xff << (8 - rem));

		if ((m->a[full] & mask) != (a[full] & mask))
			return false;
	}
	return true;
}

static bool
ks_addr_exact(const struct ks_addr *m)
{
	return m->af != 0 && m->plen == ks_alen(m->af) * 8;
}

static bool
ks_sa_matches(const struct ks_esp_sa *sa, int af, const uint8_t *src,
    const uint8_t *dst, uint32_t spi)
{
	return (spi & sa->spi_mask) == (sa->spi & sa->spi_mask) &&
	    ks_addr_match(&sa->dst, af, dst) &&
	    ks_addr_match(&sa->src, af, src);
}

/* Double a chained table; next pointers are at the given offset. */
static void
ks_tab_grow(struct ks_tab *t, size_t next_off,
    uint64_t (*hash)(uint64_t, const void *))
{
	size_t nb = t->nb * 2, i;
	void **nbk = calloc(nb, sizeof(*nbk));
	void *e, *ne;

	if (nbk == NULL)
		return;		/* keep the old table; only slower */
	for (i = 0; i < t->nb; i++)
		for (e = t->b[i]; e != NULL; e = ne) {
			size_t h;

			memcpy(&ne, (char *)e + next_off, sizeof(ne));
			h = (size_t)(hash(t->seed, e) & (nb - 1));
			memcpy((char *)e + next_off, &nbk[h], sizeof(void *));
			nbk[h] = e;
		}
	free(t->b);
	t->b = nbk;
	t->nb = nb;
}

static uint64_t
ks_sa_hash(uint64_t seed, const void *e)
{
	const struct ks_esp_sa *sa = e;

	return ks_hash(seed, sa->dst.af, sa->dst.a, NULL, sa->spi);
}

static uint64_t
ks_ce_hash(uint64_t seed, const void *e)
{
	const struct ks_cache_ent *ce = e;

	return ks_hash(seed, ce->af, ce->dst, ce->src, ce->spi);
}

static uint64_t
ks_ike_hash(uint64_t seed, const void *e)
{
	const struct ks_ike *ik = e;
	uint8_t z[16] = { 0 };

	memcpy(z, ik->icookie, 8);
	return ks_hash(seed, 6, z, NULL, 0);
}

/* Same algorithms and keys (the addresses and SPI already compared). */
static bool
ks_same_keys(const struct ks_esp_sa *a, const struct ks_esp_sa *b)
{
	return a->enc == b->enc && a->auth == b->auth &&
	    a->icv_len == b->icv_len &&
	    a->enc_key_len == b->enc_key_len &&
	    a->auth_key_len == b->auth_key_len &&
	    CRYPTO_memcmp(a->enc_key, b->enc_key, a->enc_key_len) == 0 &&
	    CRYPTO_memcmp(a->auth_key, b->auth_key, a->auth_key_len) == 0;
}

/*
 * The same SA given twice (same keys): whether it uses ESN, and a
 * starting ESN high half, said by one source only are kept.  Returns
 * NULL, or what two sources say differently.
 */
static const char *
ks_esn_merge(struct ks_esp_sa *o, const struct ks_esp_sa *in)
{
	if (o->esn_known && in->esn_known && o->esn != in->esn)
		return "extended sequence numbers said otherwise";
	if (in->esn_hi != 0 && o->esn_hi != 0 && in->esn_hi != o->esn_hi)
		return "another ESN high half";
	if (in->esn_known && !o->esn_known) {
		o->esn = in->esn;
		o->esn_known = true;
	}
	if (in->esn_hi != 0)
		o->esn_hi = in->esn_hi;
	return NULL;
}

int
ks_add_esp(struct ks *k, const struct ks_esp_sa *in, char *errbuf,
    size_t errlen)
{
	struct ks_esp_sa *sa, *o;
	bool exact = ks_esp_exact(in);
	size_t h;

	if (exact) {
		h = (size_t)(ks_sa_hash(k->esp.seed, in) & (k->esp.nb - 1));
		for (o = k->esp.b[h]; o != NULL; o = o->next)
			if (o->spi == in->spi && o->dst.af == in->dst.af &&
			    memcmp(o->dst.a, in->dst.a, 16) == 0 &&
			    o->src.af == in->src.af && o->src.plen ==
			    in->src.plen && memcmp(o->src.a, in->src.a, 16) ==
			    0) {
				const char *why = !ks_same_keys(o, in) ?
				    "other keys" : ks_esn_merge(o, in);

				if (why == NULL)
					return 0;
				snprintf(errbuf, errlen, "%s: SPI 0x%08x to "
				    "this destination is already defined "
				    "with %s at %s", in->origin, in->spi, why,
				    o->origin);
				return -1;
			}
	}
	sa = malloc(sizeof(*sa));
	if (sa == NULL) {
		snprintf(errbuf, errlen, "out of memory (ESP SA)");
		return -1;
	}
	*sa = *in;
	sa->next = NULL;
	sa->all_next = NULL;
	*k->all_tail = sa;
	k->all_tail = &sa->all_next;
	k->nesp++;
	if (exact) {
		h = (size_t)(ks_sa_hash(k->esp.seed, sa) & (k->esp.nb - 1));
		sa->next = k->esp.b[h];
		k->esp.b[h] = sa;
		if (++k->esp.n > k->esp.nb)
			ks_tab_grow(&k->esp, offsetof(struct ks_esp_sa, next),
			    ks_sa_hash);
	} else {
		*k->wild_tail = sa;
		k->wild_tail = &sa->next;
	}
	return 0;
}

const struct ks_esp_sa *
ks_find_esp(struct ks *k, int af, const uint8_t *src, const uint8_t *dst,
    uint32_t spi)
{
	struct ks_esp_sa *sa;
	struct ks_cache_ent *ce;
	size_t n = ks_alen(af), h;

	if (k == NULL || (af != 4 && af != 6))
		return NULL;
	h = (size_t)(ks_hash(k->esp.seed, af, dst, NULL, spi) &
	    (k->esp.nb - 1));
	for (sa = k->esp.b[h]; sa != NULL; sa = sa->next)
		if (sa->spi == spi && sa->dst.af == af &&
		    memcmp(sa->dst.a, dst, n) == 0 &&
		    ks_addr_match(&sa->src, af, src))
			return sa;
	if (k->wild == NULL)
		return NULL;

	h = (size_t)(ks_hash(k->cache.seed, af, dst, src, spi) &
	    (k->cache.nb - 1));
	for (ce = k->cache.b[h]; ce != NULL; ce = ce->next)
		if (ce->spi == spi && ce->af == af &&
		    memcmp(ce->dst, dst, n) == 0 &&
		    memcmp(ce->src, src, n) == 0)
			return ce->sa;

	/* First time for this (src, dst, spi): resolve once, cache. */
	for (sa = k->wild; sa != NULL; sa = sa->next)
		if (ks_sa_matches(sa, af, src, dst, spi))
			break;
	if (k->cache.n >= KS_CACHE_MAX)
		return sa;
	ce = calloc(1, sizeof(*ce));
	if (ce == NULL)
		return sa;
	ce->af = af;
	memcpy(ce->src, src, n);
	memcpy(ce->dst, dst, n);
	ce->spi = spi;
	ce->sa = sa;
	ce->next = k->cache.b[h];
	k->cache.b[h] = ce;
	if (++k->cache.n > k->cache.nb)
		ks_tab_grow(&k->cache, offsetof(struct ks_cache_ent, next),
		    ks_ce_hash);
	return sa;
}

const struct ks_esp_sa *
ks_find_esp_memo(struct ks *k, struct ks_memo *m, int af, const uint8_t *src,
    const uint8_t *dst, uint32_t spi)
{
	if (k == NULL)
		return NULL;
	if (m->gen != k->nesp + 1) {
		const struct ks_esp_sa *sa = ks_find_esp(k, af, src, dst, spi);

		if (sa != m->sa)
			m->user = NULL;
		m->sa = sa;
		m->gen = k->nesp + 1;
	}
	return m->sa;
}

size_t
ks_esp_count(const struct ks *k)
{
	return k->nesp;
}

const struct ks_esp_sa *
ks_esp_next(const struct ks *k, const struct ks_esp_sa *sa)
{
	return sa == NULL ? k->all : sa->all_next;
}

bool
ks_esp_exact(const struct ks_esp_sa *sa)
{
	return ks_addr_exact(&sa->dst) && sa->spi_mask == 0xffffffffU;
}

static void
ks_ike_merge_key(struct ks_ike_key *dst, const struct ks_ike_key *src)
{
	if (src->len != 0)
		*dst = *src;
}

int
ks_add_ike(struct ks *k, const struct ks_ike *in, char *errbuf,
    size_t errlen)
{
	struct ks_ike *ik;
	size_t h;

	h = (size_t)(ks_ike_hash(k->iket.seed, in) & (k->iket.nb - 1));
	for (ik = k->iket.b[h]; ik != NULL; ik = ik->next)
		if (memcmp(ik->icookie, in->icookie, 8) == 0)
			break;
	if (ik != NULL) {
		if (in->has_rcookie) {
			memcpy(ik->rcookie, in->rcookie, 8);
			ik->has_rcookie = true;
		}
		ks_ike_merge_key(&ik->enc_key, &in->enc_key);
		ks_ike_merge_key(&ik->skeyid, &in->skeyid);
		ks_ike_merge_key(&ik->skeyid_d, &in->skeyid_d);
		ks_ike_merge_key(&ik->skeyid_a, &in->skeyid_a);
		ks_ike_merge_key(&ik->skeyid_e, &in->skeyid_e);
		ks_ike_merge_key(&ik->gxy, &in->gxy);
		ks_ike_merge_key(&ik->psk, &in->psk);
		ks_ike_merge_key(&ik->qm_gxy, &in->qm_gxy);
		return 0;
	}
	ik = malloc(sizeof(*ik));
	if (ik == NULL) {
		snprintf(errbuf, errlen, "out of memory (IKE keys)");
		return -1;
	}
	*ik = *in;
	ik->qm = NULL;
	ik->all_next = NULL;
	*k->ike_tail = ik;
	k->ike_tail = &ik->all_next;
	ik->next = k->iket.b[h];
	k->iket.b[h] = ik;
	k->iket.n++;
	if (k->iket.n > k->iket.nb)
		ks_tab_grow(&k->iket, offsetof(struct ks_ike, next),
		    ks_ike_hash);
	return 0;
}

static struct ks_ike *
ks_ike_lookup(const struct ks *k, const uint8_t icookie[8])
{
	struct ks_ike probe, *ik;
	size_t h;

	memcpy(probe.icookie, icookie, 8);
	h = (size_t)(ks_ike_hash(k->iket.seed, &probe) &
	    (k->iket.nb - 1));
	for (ik = k->iket.b[h]; ik != NULL; ik = ik->next)
		if (memcmp(ik->icookie, icookie, 8) == 0)
			return ik;
	return NULL;
}

const struct ks_ike *
ks_find_ike(const struct ks *k, const uint8_t icookie[8])
{
	return ks_ike_lookup(k, icookie);
}

size_t
ks_ike_count(const struct ks *k)
{
	return k->iket.n;
}

const struct ks_ike *
ks_ike_next(const struct ks *k, const struct ks_ike *ik)
{
	return ik == NULL ? k->ike_all : ik->all_next;
}

int
ks_add_qm_gxy(struct ks *k, const uint8_t icookie[8], uint32_t msgid,
    const uint8_t *v, size_t n, const char *origin, char *errbuf,
    size_t errlen)
{
	struct ks_ike *ik;
	struct ks_qm *q, **qp;

	if (n == 0 || n > KS_MAX_IKE_KEY) {
		snprintf(errbuf, errlen, "%s: Quick Mode DH secret of %zu "
		    "bytes", origin, n);
		return -1;
	}
	ik = ks_ike_lookup(k, icookie);
	if (ik == NULL) {
		struct ks_ike *e = calloc(1, sizeof(*e));
		int rc;

		if (e == NULL) {
			snprintf(errbuf, errlen, "out of memory (IKE keys)");
			return -1;
		}
		memcpy(e->icookie, icookie, 8);
		snprintf(e->origin, sizeof(e->origin), "%s", origin);
		rc = ks_add_ike(k, e, errbuf, errlen);
		free(e);
		if (rc == -1)
			return -1;
		ik = ks_ike_lookup(k, icookie);
		if (ik == NULL)
			return -1;
	}
	for (qp = &ik->qm; *qp != NULL; qp = &(*qp)->next)
		if ((*qp)->msgid == msgid)
			break;
	q = *qp;
	if (q == NULL) {	/* appended: lists keep load order */
		q = calloc(1, sizeof(*q));
		if (q == NULL) {
			snprintf(errbuf, errlen, "out of memory (IKE keys)");
			return -1;
		}
		q->msgid = msgid;
		*qp = q;
	}
	memcpy(q->gxy.v, v, n);
	q->gxy.len = n;
	snprintf(q->origin, sizeof(q->origin), "%s", origin);
	return 0;
}

const struct ks_ike_key *
ks_find_qm_gxy(const struct ks_ike *ik, uint32_t msgid)
{
	const struct ks_qm *q;

	for (q = ik->qm; q != NULL; q = q->next)
		if (q->msgid == msgid)
			return &q->gxy;
	return ik->qm_gxy.len != 0 ? &ik->qm_gxy : NULL;
}

const char *
ks_enc_name(enum ks_enc e)
{
	const struct espalg_enc *r = espalg_enc(e, 0);

	return r != NULL ? r->name : "?";
}

const char *
ks_auth_name(enum ks_auth a)
{
	const struct espalg_auth *r = espalg_auth(a, 0);

	return r != NULL ? r->name : "?";
}

size_t
ks_auth_icv_len(enum ks_auth a)
{
	const struct espalg_auth *r = espalg_auth(a, 0);

	return r != NULL && a != KS_AUTH_ANY ? r->icv : 0;
}
