/*
 * crack.c - the cracker's driver: threads taking batches of candidates,
 * the HMAC pair of RFC 2409 5.4 over a kernel's lanes with everything
 * that does not depend on the candidate prepared per line, OpenSSL for
 * the PRFs without a kernel, found PSKs printed, progress on stderr.
 */
#include <config.h>

#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <openssl/crypto.h>
#include <openssl/evp.h>

#include "core/fmt.h"
#include "core/json.h"
#include "crack/crack.h"
#include "crack/crack_gen.h"

#define CR_IPAD	0x36363636u
#define CR_OPAD	0x5c5c5c5cu

struct cr_line {
	const struct cl_line *l;
	uint32_t	*kw1, *kw2;	/* prepared blocks: ninr, m2 */
	size_t		 nb1, nb2;
	uint32_t	 target[CK_MAXWORDS];
	atomic_bool	 found;
};

struct cr_prf {
	const struct ck_kern *k;	/* NULL: OpenSSL */
	EVP_MD		*md;
	size_t		 nlines;
	struct cr_line	**lines;
	/* rows of lanes: the IV, and the tail of a block carrying a
	 * digest after a block (HMAC's outer message), in every lane */
	uint32_t	 iv[CK_MAXWORDS * CK_MAXLANES];
	uint32_t	 pad[16 * CK_MAXLANES];
};

struct cr {
	const struct crack_opts *o;
	struct cr_line	*lines;
	size_t		 nlines;
	struct cr_prf	 prf[CK_NHASH];
	pthread_mutex_t	 mu;		/* the generator and the output */
	struct cg	 gen;
	FILE		*out;
	struct json	 js;
	struct timespec	 t0;
	atomic_size_t	 left;		/* lines not cracked */
	atomic_uint	 running;	/* workers */
	atomic_uint_fast64_t done;	/* candidates tried */
	atomic_bool	 no_mem;
};

bool
crack_kernel_known(const char *name)
{
	return strcmp(name, "openssl") == 0 || ck_known_name(name);
}

static double
cr_elapsed(const struct cr *c)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)(t.tv_sec - c->t0.tv_sec) +
	    (double)(t.tv_nsec - c->t0.tv_nsec) / 1e9;
}

/* ---- preparation */

static uint32_t *
cr_prep_msg(const struct ck_kern *k, const uint8_t *msg, size_t len,
    size_t *nb)
{
	size_t max = (len + 8) / 64 + 1, b;
	uint32_t *w, *kw;

	w = malloc(max * 16 * sizeof(*w));
	kw = malloc(max * CK_MAXROUNDS * sizeof(*kw));
	if (w == NULL || kw == NULL) {
		free(w);
		free(kw);
		return NULL;
	}
	/* hashed after HMAC's 64-byte key block */
	*nb = ck_pad(k->hash, msg, len, 64, w, max);
	for (b = 0; b < *nb; b++)
		k->prep_kw(w + 16 * b, kw + CK_MAXROUNDS * b);
	free(w);
	return kw;
}

static int
cr_prep(struct cr *c, const struct cl_set *set, char *err, size_t errlen)
{
	static const char *const md[CK_NHASH] = {
		"MD5", "SHA1", "SHA256", "SHA384", "SHA512"
	};
	size_t i, h;
	unsigned l, w;

	for (i = 0; i < set->n; i++)
		c->prf[set->v[i].hash].nlines++;
	for (h = 0; h < CK_NHASH; h++) {
		struct cr_prf *p = &c->prf[h];
		const char *kn = c->o->kernel;

		if (p->nlines == 0)
			continue;
		/* fetched once: a digest by name is looked up per use */
		p->md = EVP_MD_fetch(NULL, md[h], NULL);
		p->lines = calloc(p->nlines, sizeof(*p->lines));
		if (p->md == NULL || p->lines == NULL)
			goto nomem;
		p->nlines = 0;		/* counted again as they are placed */
		if (kn == NULL)
			p->k = ck_best((enum ck_hash)h);
		else if (strcmp(kn, "openssl") != 0) {
			p->k = ck_find(kn, (enum ck_hash)h);
			if (p->k == NULL) {
				snprintf(err, errlen, "kernel %s has no %s "
				    "(--kernel openssl does every PRF)", kn,
				    ck_hash_name((enum ck_hash)h));
				return -1;
			}
			if (!p->k->usable()) {
				snprintf(err, errlen, "kernel %s: this CPU "
				    "cannot run it", kn);
				return -1;
			}
		}
		if (p->k != NULL) {
			unsigned L = p->k->lanes;
			unsigned nw = ck_state_words(p->k->hash);
			const uint8_t zero[CK_MAXWORDS * 4] = { 0 };
			uint32_t words[16];

			for (w = 0; w < nw; w++)
				for (l = 0; l < L; l++)
					p->iv[w * L + l] = ck_iv(p->k->hash)[w];
			/* a digest of nw words after a 64-byte block, padded:
			 * its words are replaced per lane, the rest stays */
			ck_pad(p->k->hash, zero, 4 * nw, 64, words, 1);
			for (w = 0; w < 16; w++)
				for (l = 0; l < L; l++)
					p->pad[w * L + l] = words[w];
		}
	}
	for (i = 0; i < set->n; i++) {
		struct cr_line *cl = &c->lines[i];
		struct cr_prf *p = &c->prf[set->v[i].hash];

		cl->l = &set->v[i];
		atomic_init(&cl->found, false);
		p->lines[p->nlines++] = cl;
		if (p->k == NULL)
			continue;
		cl->kw1 = cr_prep_msg(p->k, cl->l->ninr, cl->l->ninr_len,
		    &cl->nb1);
		cl->kw2 = cr_prep_msg(p->k, cl->l->m2, cl->l->m2_len, &cl->nb2);
		if (cl->kw1 == NULL || cl->kw2 == NULL)
			goto nomem;
		for (w = 0; w < ck_state_words(p->k->hash); w++) {
			uint32_t t[16];
			uint8_t b[64] = { 0 };

			memcpy(b, cl->l->hash_r, cl->l->hash_len);
			ck_words(p->k->hash, b, t);
			cl->target[w] = t[w];
		}
	}
	return 0;
nomem:
	snprintf(err, errlen, "out of memory");
	return -1;
}

/* ---- a PSK found */

void
crack_psk_text(const uint8_t *psk, size_t len, char *s)
{
	static const char hx[] = "0123456789abcdef";
	bool plain = true;
	size_t i;

	for (i = 0; i < len; i++)
		if (psk[i] < 0x20 || psk[i] > 0x7e)
			plain = false;
	if (plain) {
		memcpy(s, psk, len);
		s[len] = '\0';
		return;
	}
	s += sprintf(s, "$HEX[");
	for (i = 0; i < len; i++) {
		*s++ = hx[psk[i] >> 4];
		*s++ = hx[psk[i] & 15];
	}
	strcpy(s, "]");
}

bool
crack_verify(const struct cl_line *l, const uint8_t *psk, size_t len)
{
	static const char *const md[CK_NHASH] = {
		"MD5", "SHA1", "SHA256", "SHA384", "SHA512"
	};
	uint8_t skeyid[EVP_MAX_MD_SIZE], h[EVP_MAX_MD_SIZE];
	size_t sl, hl;
	bool ok;

	/* SKEYID = prf(PSK, Ni_b | Nr_b); the hash = prf(SKEYID, m2) */
	ok = EVP_Q_mac(NULL, "HMAC", NULL, md[l->hash], NULL, psk, len,
	    l->ninr, l->ninr_len, skeyid, sizeof(skeyid), &sl) != NULL &&
	    EVP_Q_mac(NULL, "HMAC", NULL, md[l->hash], NULL, skeyid, sl,
	    l->m2, l->m2_len, h, sizeof(h), &hl) != NULL &&
	    hl == l->hash_len && memcmp(h, l->hash_r, hl) == 0;
	OPENSSL_cleanse(skeyid, sizeof(skeyid));
	return ok;
}

/* The default output: each line opened, as its line of the file. */
static void
cr_print(struct cr *c, const struct cl_line *l, const char *psk,
    const struct cg_cand *cand, uint64_t pos, double secs)
{
	const char *prf = ck_hash_name(l->hash);
	char ic[17], rc[17];

	ic[fmt_hex(ic, l->icookie, 8)] = '\0';
	rc[fmt_hex(rc, l->rcookie, 8)] = '\0';
	if (c->o->json) {
		json_obj_begin(&c->js);
		json_kstr(&c->js, "icookie", ic);
		json_kstr(&c->js, "rcookie", rc);
		json_kstr(&c->js, "psk", psk);
		json_khex(&c->js, "psk_hex", cand->b, cand->len);
		json_kstr(&c->js, "prf", prf);
		json_ku64(&c->js, "line", l->lineno);
		json_ku64(&c->js, "candidates", pos);
		json_key(&c->js, "seconds");
		json_double(&c->js, secs, 3);
		json_obj_end(&c->js);
		json_end_line(&c->js);
	} else
		fprintf(c->out, "%s %s %s \"%s\" (line %u, candidate %llu, "
		    "%.3f s)\n", ic, rc, prf, psk, l->lineno,
		    (unsigned long long)pos, secs);
}

/*
 * cl was opened by cand: it and every other line of the same exchange
 * (the same cookies: both hashes of an Aggressive Mode, a line given
 * twice) not yet cracked that cand also opens are marked and reported
 * together.  Other exchanges are left to the attack (checking each find
 * against every line would cost a find on n lines n HMAC pairs).
 */
static void
cr_found(struct cr *c, struct cr_line *cl, const struct cg_cand *cand,
    uint64_t pos)
{
	char psk[2 * CG_MAXLEN + 8];
	double secs = cr_elapsed(c);
	size_t *idx, n = 0, i;

	pthread_mutex_lock(&c->mu);
	if (atomic_exchange(&cl->found, true)) {
		pthread_mutex_unlock(&c->mu);
		return;
	}
	idx = malloc(c->nlines * sizeof(*idx));
	if (idx == NULL)
		atomic_store(&c->no_mem, true);
	else
		idx[n++] = (size_t)(cl - c->lines);
	for (i = 0; idx != NULL && i < c->nlines; i++) {
		struct cr_line *o = &c->lines[i];

		if (o != cl && !atomic_load(&o->found) &&
		    memcmp(o->l->icookie, cl->l->icookie, 8) == 0 &&
		    memcmp(o->l->rcookie, cl->l->rcookie, 8) == 0 &&
		    crack_verify(o->l, cand->b, cand->len) &&
		    !atomic_exchange(&o->found, true))
			idx[n++] = i;
	}
	atomic_fetch_sub(&c->left, n > 0 ? n : 1);
	crack_psk_text(cand->b, cand->len, psk);
	if (c->o->found != NULL && idx != NULL)
		c->o->found(c->o->found_arg, idx, n, cand->b, cand->len, pos,
		    secs);
	else
		for (i = 0; i < n; i++)
			cr_print(c, c->lines[idx[i]].l, psk, cand, pos, secs);
	fflush(c->out);
	free(idx);
	pthread_mutex_unlock(&c->mu);
}

/* ---- the kernel path */

/* HMAC's inner and outer key states of up to L candidates */
static void
cr_keys(const struct cr_prf *p, const struct cg_cand *cand, unsigned m,
    uint32_t *kin, uint32_t *kout)
{
	const struct ck_kern *k = p->k;
	unsigned L = k->lanes, nw = ck_state_words(k->hash), l, i;
	uint32_t bi[16 * CK_MAXLANES], bo[16 * CK_MAXLANES], w[16];
	uint8_t key[64], dig[CK_MAXWORDS * 4], *dp = dig;

	for (l = 0; l < L; l++) {
		const uint8_t *kp = cand[l].b;

		if (l >= m) {		/* a short group: unused lanes */
			for (i = 0; i < 16; i++)
				bi[i * L + l] = 0;
			continue;
		}
		if (cand[l].len > 64) {	/* HMAC hashes a long key first */
			size_t kl = cand[l].len;

			memset(key, 0, sizeof(key));
			ck_hash_lanes(k, &kp, &kl, 1, &dp);
			memcpy(key, dig, ck_digest_len(k->hash));
			kp = key;
		}
		ck_words(k->hash, kp, w);
		for (i = 0; i < 16; i++)
			bi[i * L + l] = w[i];
	}
	for (i = 0; i < 16 * L; i++) {
		bo[i] = bi[i] ^ CR_OPAD;
		bi[i] ^= CR_IPAD;
	}
	memcpy(kin, p->iv, nw * L * sizeof(*kin));
	memcpy(kout, p->iv, nw * L * sizeof(*kout));
	k->comp(kin, bi);
	k->comp(kout, bo);
}

/* inner state st, outer state so: so becomes HMAC's result */
static void
cr_outer(const struct cr_prf *p, const uint32_t *st, uint32_t *so)
{
	unsigned L = p->k->lanes, nw = ck_state_words(p->k->hash);
	uint32_t blk[16 * CK_MAXLANES];

	memcpy(blk, st, nw * L * sizeof(*blk));
	memcpy(blk + nw * L, p->pad + nw * L, (16 - nw) * L * sizeof(*blk));
	p->k->comp(so, blk);
}

static void
cr_line_lanes(struct cr *c, const struct cr_prf *p, struct cr_line *cl,
    const uint32_t *kin, const uint32_t *kout, const struct cg_cand *cand,
    unsigned m, uint64_t base)
{
	const struct ck_kern *k = p->k;
	unsigned L = k->lanes, nw = ck_state_words(k->hash), l, i;
	uint32_t st[CK_MAXWORDS * CK_MAXLANES], so[CK_MAXWORDS * CK_MAXLANES];
	uint32_t kb[16 * CK_MAXLANES];
	size_t b;

	/* SKEYID = prf(PSK, Ni_b | Nr_b) */
	memcpy(st, kin, nw * L * sizeof(*st));
	for (b = 0; b < cl->nb1; b++)
		k->comp_kw(st, cl->kw1 + b * CK_MAXROUNDS);
	memcpy(so, kout, nw * L * sizeof(*so));
	cr_outer(p, st, so);
	/* HASH_R = prf(SKEYID, g^xr | ... | IDir_b) */
	for (i = 0; i < nw * L; i++)
		kb[i] = so[i] ^ CR_IPAD;
	for (; i < 16 * L; i++)
		kb[i] = CR_IPAD;
	memcpy(st, p->iv, nw * L * sizeof(*st));
	k->comp(st, kb);
	for (i = 0; i < 16 * L; i++)
		kb[i] ^= CR_IPAD ^ CR_OPAD;
	memcpy(so, p->iv, nw * L * sizeof(*so));
	k->comp(so, kb);
	for (b = 0; b < cl->nb2; b++)
		k->comp_kw(st, cl->kw2 + b * CK_MAXROUNDS);
	cr_outer(p, st, so);
	for (l = 0; l < m; l++) {
		if (so[l] != cl->target[0])
			continue;
		for (i = 1; i < nw && so[i * L + l] == cl->target[i]; i++)
			;
		if (i == nw)
			cr_found(c, cl, &cand[l], base + l + 1);
	}
}

/* ---- the OpenSSL path */

/* A thread's digest contexts: the candidate's and SKEYID's HMAC key
 * blocks already hashed (inner, outer), and a scratch one. */
struct cr_evp {
	EVP_MD_CTX	*ki, *ko, *si, *so, *t;
};

static void
cr_evp_free(struct cr_evp *e)
{
	EVP_MD_CTX_free(e->ki);
	EVP_MD_CTX_free(e->ko);
	EVP_MD_CTX_free(e->si);
	EVP_MD_CTX_free(e->so);
	EVP_MD_CTX_free(e->t);
}

static int
cr_evp_new(struct cr_evp *e)
{
	e->ki = EVP_MD_CTX_new();
	e->ko = EVP_MD_CTX_new();
	e->si = EVP_MD_CTX_new();
	e->so = EVP_MD_CTX_new();
	e->t = EVP_MD_CTX_new();
	if (e->ki == NULL || e->ko == NULL || e->si == NULL ||
	    e->so == NULL || e->t == NULL) {
		cr_evp_free(e);
		return -1;
	}
	return 0;
}

/* HMAC's key: its inner and outer blocks hashed into ki and ko */
static int
cr_evp_key(const EVP_MD *md, const uint8_t *key, size_t klen,
    EVP_MD_CTX *ki, EVP_MD_CTX *ko)
{
	uint8_t kb[128] = { 0 }, pad[128];
	size_t bl = (size_t)EVP_MD_get_block_size(md), i;
	unsigned dl;

	if (klen > bl) {
		if (EVP_Digest(key, klen, kb, &dl, md, NULL) != 1)
			return -1;
	} else
		memcpy(kb, key, klen);
	for (i = 0; i < bl; i++)
		pad[i] = kb[i] ^ 0x36;
	if (EVP_DigestInit_ex2(ki, md, NULL) != 1 ||
	    EVP_DigestUpdate(ki, pad, bl) != 1)
		return -1;
	for (i = 0; i < bl; i++)
		pad[i] = kb[i] ^ 0x5c;
	if (EVP_DigestInit_ex2(ko, md, NULL) != 1 ||
	    EVP_DigestUpdate(ko, pad, bl) != 1)
		return -1;
	return 0;
}

/* HMAC of msg with the key in ki and ko (t: scratch) */
static int
cr_evp_mac(EVP_MD_CTX *ki, EVP_MD_CTX *ko, EVP_MD_CTX *t, const uint8_t *msg,
    size_t len, uint8_t *out, unsigned *olen)
{
	uint8_t in[EVP_MAX_MD_SIZE];
	unsigned il;

	if (EVP_MD_CTX_copy_ex(t, ki) != 1 ||
	    EVP_DigestUpdate(t, msg, len) != 1 ||
	    EVP_DigestFinal_ex(t, in, &il) != 1 ||
	    EVP_MD_CTX_copy_ex(t, ko) != 1 ||
	    EVP_DigestUpdate(t, in, il) != 1 ||
	    EVP_DigestFinal_ex(t, out, olen) != 1)
		return -1;
	return 0;
}

/* one candidate, whose key contexts are in e->ki and e->ko, on one line */
static int
cr_line_evp(struct cr *c, const struct cr_prf *p, struct cr_line *cl,
    struct cr_evp *e, const struct cg_cand *cand, uint64_t base)
{
	uint8_t skeyid[EVP_MAX_MD_SIZE], h[EVP_MAX_MD_SIZE];
	unsigned sl, hl;

	if (cr_evp_mac(e->ki, e->ko, e->t, cl->l->ninr, cl->l->ninr_len,
	    skeyid, &sl) == -1 ||
	    cr_evp_key(p->md, skeyid, sl, e->si, e->so) == -1 ||
	    cr_evp_mac(e->si, e->so, e->t, cl->l->m2, cl->l->m2_len, h,
	    &hl) == -1)
		return -1;
	if (hl == cl->l->hash_len && memcmp(h, cl->l->hash_r, hl) == 0)
		cr_found(c, cl, cand, base + 1);
	return 0;
}

static void
cr_batch(struct cr *c, struct cr_prf *p, struct cr_evp *e,
    const struct cg_cand *cand, size_t n, uint64_t base)
{
	uint32_t kin[CK_MAXWORDS * CK_MAXLANES];
	uint32_t kout[CK_MAXWORDS * CK_MAXLANES];
	size_t i, j;
	unsigned m;

	if (p->k == NULL) {
		for (i = 0; i < n; i++) {
			if (cr_evp_key(p->md, cand[i].b, cand[i].len, e->ki,
			    e->ko) == -1)
				goto fail;
			for (j = 0; j < p->nlines; j++)
				if (!atomic_load(&p->lines[j]->found) &&
				    cr_line_evp(c, p, p->lines[j], e, &cand[i],
				    base + i) == -1)
					goto fail;
		}
		return;
fail:
		atomic_store(&c->no_mem, true);
		return;
	}
	for (i = 0; i < n; i += m) {
		m = n - i < p->k->lanes ? (unsigned)(n - i) : p->k->lanes;
		cr_keys(p, cand + i, m, kin, kout);
		for (j = 0; j < p->nlines; j++)
			if (!atomic_load(&p->lines[j]->found))
				cr_line_lanes(c, p, p->lines[j], kin, kout,
				    cand + i, m, base + i);
	}
}

static void *
cr_worker(void *arg)
{
	struct cr *c = arg;
	struct cg_cand *cand;
	struct cr_evp e;
	uint64_t base;
	size_t n, h;

	cand = malloc(CRACK_BATCH * sizeof(*cand));
	if (cand != NULL && cr_evp_new(&e) == -1) {
		free(cand);
		cand = NULL;
	}
	if (cand == NULL)
		atomic_store(&c->no_mem, true);
	while (cand != NULL && atomic_load(&c->left) > 0) {
		pthread_mutex_lock(&c->mu);
		n = c->gen.err == 0 ? cg_fill(&c->gen, cand, CRACK_BATCH) : 0;
		base = c->gen.emitted - n;
		pthread_mutex_unlock(&c->mu);
		if (n == 0)
			break;
		for (h = 0; h < CK_NHASH; h++)
			if (c->prf[h].nlines > 0)
				cr_batch(c, &c->prf[h], &e, cand, n, base);
		atomic_fetch_add(&c->done, n);
	}
	if (cand != NULL)
		cr_evp_free(&e);
	free(cand);
	atomic_fetch_sub(&c->running, 1);
	return NULL;
}

/* ---- progress */

static void
cr_progress(struct cr *c, bool last)
{
	uint64_t done = atomic_load(&c->done);
	double t = cr_elapsed(c), rate = t > 0 ? (double)done / t : 0, frac;
	char eta[32] = "?";

	if (last) {
		fprintf(stderr, "\r%-78s\r", "");
		return;
	}
	pthread_mutex_lock(&c->mu);
	if (c->gen.wl != NULL)
		frac = c->gen.wl_size > 0 ?
		    (double)c->gen.wl_pos / (double)c->gen.wl_size : -1;
	else
		frac = (double)c->gen.emitted / (double)c->gen.mask_count;
	pthread_mutex_unlock(&c->mu);
	if (frac > 0 && frac <= 1) {
		double rest = t / frac - t;

		snprintf(eta, sizeof(eta), "%02u:%02u:%02u",
		    (unsigned)(rest / 3600), (unsigned)(rest / 60) % 60,
		    (unsigned)rest % 60);
	}
	fprintf(stderr, "\r%.2f M/s, candidate %llu", rate / 1e6,
	    (unsigned long long)done);
	if (frac >= 0)
		fprintf(stderr, " (%.1f%%)", frac * 100);
	fprintf(stderr, ", ETA %s, %zu/%zu cracked   ", eta,
	    c->nlines - atomic_load(&c->left), c->nlines);
}

int
crack_run(const struct crack_opts *o, const struct cl_set *set, FILE *out,
    struct crack_stats *st, char *err, size_t errlen)
{
	struct cr c;
	pthread_t tid[CRACK_MAX_THREADS];
	unsigned nt = o->threads, i, started = 0;
	size_t h;
	int rc = -1, tick = 0;
	long ncpu;

	memset(&c, 0, sizeof(c));
	memset(st, 0, sizeof(*st));
	c.o = o;
	c.out = out;
	c.nlines = set->n;
	json_init(&c.js, out);
	if (nt == 0) {
		ncpu = sysconf(_SC_NPROCESSORS_ONLN);
		nt = ncpu > 0 ? (unsigned)ncpu : 1;
	}
	if (nt > CRACK_MAX_THREADS)
		nt = CRACK_MAX_THREADS;
	c.lines = calloc(set->n, sizeof(*c.lines));
	if (c.lines == NULL) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	if (cr_prep(&c, set, err, errlen) == -1)
		goto out;
	if (cg_open(&c.gen, o->wordlist, o->mask, err, errlen) == -1)
		goto out;
	pthread_mutex_init(&c.mu, NULL);
	atomic_init(&c.left, set->n);
	atomic_init(&c.done, 0);
	atomic_init(&c.running, nt);
	atomic_init(&c.no_mem, false);
	clock_gettime(CLOCK_MONOTONIC, &c.t0);
	for (i = 0; i < nt; i++) {
		if (pthread_create(&tid[i], NULL, cr_worker, &c) != 0) {
			atomic_fetch_sub(&c.running, nt - i);
			break;
		}
		started++;
	}
	if (started == 0) {
		snprintf(err, errlen, "cannot start a thread");
		goto close;
	}
	while (o->progress && atomic_load(&c.running) > 0) {
		struct timespec ts = { 0, 100 * 1000 * 1000 };

		nanosleep(&ts, NULL);
		if (++tick % 10 == 0)
			cr_progress(&c, false);
	}
	for (i = 0; i < started; i++)
		pthread_join(tid[i], NULL);
	if (o->progress && tick >= 10)
		cr_progress(&c, true);
	st->seconds = cr_elapsed(&c);
	if (c.gen.err != 0) {
		snprintf(err, errlen, "%s: %s", o->wordlist,
		    strerror(c.gen.err));
		goto close;
	}
	if (atomic_load(&c.no_mem)) {
		snprintf(err, errlen, "out of memory");
		goto close;
	}
	st->lines = set->n;
	st->cracked = set->n - atomic_load(&c.left);
	st->candidates = atomic_load(&c.done);
	st->words = c.gen.words;
	st->skipped = c.gen.skipped;
	st->threads = started;
	for (h = 0; h < CK_NHASH; h++)
		if (c.prf[h].nlines > 0)
			st->kernel[h] = c.prf[h].k != NULL ?
			    c.prf[h].k->name : "openssl";
	rc = 0;
close:
	cg_close(&c.gen);
	pthread_mutex_destroy(&c.mu);
out:
	for (i = 0; i < set->n; i++) {
		free(c.lines[i].kw1);
		free(c.lines[i].kw2);
	}
	for (h = 0; h < CK_NHASH; h++) {
		free(c.prf[h].lines);
		EVP_MD_free(c.prf[h].md);
	}
	free(c.lines);
	return rc;
}
