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


struct cr_line {
	const struct cl_line *l;
	uint32_t	*kw1, *kw2;	/* prepared blocks: ninr, m2 */
	size_t		 nb1, nb2;
	uint32_t	 target[CK_MAXWORDS];
	atomic_bool	 found;
};

/* a Main Mode target (crack_mm.h) */
struct cr_tgt {
	struct cm_target *t;
	atomic_bool	 found;
};

/* targets whose keys are derived once (cm_same_keys) */
struct cr_grp {
	struct cr_tgt	*v[CM_MAX_GROUP];
	unsigned	 n;
};

struct cr_prf {
	const struct ck_kern *k;	/* NULL: OpenSSL */
	EVP_MD		*md;
	size_t		 nlines, ntgts, ngrps;
	struct cr_line	**lines;
	struct cr_grp	*grps;
	struct cm_rows	 rows;		/* with k */
};

struct cr {
	const struct crack_opts *o;
	struct cr_line	*lines;
	size_t		 nlines;
	struct cr_tgt	*tgts;
	size_t		 ntgts;
	struct cr_prf	 prf[CK_NHASH];
	pthread_mutex_t	 mu;		/* the generator, the output, the
					   targets' checks */
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

static int
cr_prep(struct cr *c, const struct cl_set *set, struct cm_target *tg,
    char *err, size_t errlen)
{
	static const char *const md[CK_NHASH] = {
		"MD5", "SHA1", "SHA256", "SHA384", "SHA512"
	};
	size_t i, h;
	unsigned w;

	for (i = 0; i < set->n; i++)
		c->prf[set->v[i].hash].nlines++;
	for (i = 0; i < c->ntgts; i++)
		c->prf[tg[i].hash].ntgts++;
	for (h = 0; h < CK_NHASH; h++) {
		struct cr_prf *p = &c->prf[h];
		const char *kn = c->o->kernel;

		if (p->nlines == 0 && p->ntgts == 0)
			continue;
		/* fetched once: a digest by name is looked up per use */
		p->md = EVP_MD_fetch(NULL, md[h], NULL);
		p->lines = calloc(p->nlines + 1, sizeof(*p->lines));
		p->grps = calloc(p->ntgts + 1, sizeof(*p->grps));
		if (p->md == NULL || p->lines == NULL || p->grps == NULL)
			goto nomem;
		p->nlines = 0;		/* counted again as they are placed */
		p->ntgts = 0;
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
		if (p->k != NULL)
			cm_rows_init(&p->rows, p->k);
	}
	for (i = 0; i < c->ntgts; i++) {
		struct cr_prf *p = &c->prf[tg[i].hash];
		struct cr_grp *g;
		size_t j;

		c->tgts[i].t = &tg[i];
		atomic_init(&c->tgts[i].found, false);
		p->ntgts++;
		for (j = 0; j < p->ngrps; j++)
			if (p->grps[j].n < CM_MAX_GROUP &&
			    cm_same_keys(p->grps[j].v[0]->t, &tg[i]))
				break;
		g = &p->grps[j];
		if (j == p->ngrps)
			p->ngrps++;
		g->v[g->n++] = &c->tgts[i];
		if (cm_prep(&tg[i], p->k) == -1) {
			snprintf(err, errlen, "frame %u: cannot prepare its "
			    "target (out of memory or sizes out of range)",
			    (unsigned)tg[i].frame);
			return -1;
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
		cl->kw1 = cm_prep_msg(p->k, cl->l->ninr, cl->l->ninr_len, 0,
		    NULL, &cl->nb1);
		cl->kw2 = cm_prep_msg(p->k, cl->l->m2, cl->l->m2_len, 0, NULL,
		    &cl->nb2);
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

/*
 * The default output of a line (as its line of the file) or a target (the
 * side whose sealed message it opens); the other NULL.
 */
static void
cr_print(struct cr *c, const struct cl_line *l, const struct cm_target *t,
    const char *psk, const struct cg_cand *cand, uint64_t pos, double secs)
{
	const char *prf = ck_hash_name(l != NULL ? l->hash : t->hash);
	const char *side = t != NULL && t->responder ? "responder" :
	    "initiator";
	char ic[17], rc[17];

	ic[fmt_hex(ic, l != NULL ? l->icookie : t->icookie, 8)] = '\0';
	rc[fmt_hex(rc, l != NULL ? l->rcookie : t->rcookie, 8)] = '\0';
	if (c->o->json) {
		json_obj_begin(&c->js);
		json_kstr(&c->js, "icookie", ic);
		json_kstr(&c->js, "rcookie", rc);
		json_kstr(&c->js, "psk", psk);
		json_khex(&c->js, "psk_hex", cand->b, cand->len);
		json_kstr(&c->js, "prf", prf);
		if (l != NULL)
			json_ku64(&c->js, "line", l->lineno);
		else {
			json_kstr(&c->js, "side", side);
			json_kstr(&c->js, "method", "gxy");
			json_kstr(&c->js, "initiator", t->initiator);
			json_kstr(&c->js, "responder", t->responder_addr);
			json_kstr(&c->js, "message", t->what);
			json_ku64(&c->js, "frame", t->frame);
		}
		json_ku64(&c->js, "candidates", pos);
		json_key(&c->js, "seconds");
		json_double(&c->js, secs, 3);
		json_obj_end(&c->js);
		json_end_line(&c->js);
	} else if (l != NULL)
		fprintf(c->out, "%s %s %s \"%s\" (line %u, candidate %llu, "
		    "%.3f s)\n", ic, rc, prf, psk, l->lineno,
		    (unsigned long long)pos, secs);
	else
		fprintf(c->out, "%s %s %s \"%s\" (the %s's PSK, %s <-> %s: "
		    "opens its %s in frame %u; candidate %llu, %.3f s)\n", ic,
		    rc, prf, psk, side, t->initiator, t->responder_addr,
		    t->what, (unsigned)t->frame, (unsigned long long)pos,
		    secs);
}

/* whether lines or targets i and j are of one exchange (its cookies) */
static bool
cr_same_sa(const struct cr *c, size_t i, size_t j)
{
	const uint8_t *ci[2], *cj[2];
	size_t k, x;

	for (k = 0; k < 2; k++) {
		x = k == 0 ? i : j;
		(k == 0 ? ci : cj)[0] = x < c->nlines ?
		    c->lines[x].l->icookie : c->tgts[x - c->nlines].t->icookie;
		(k == 0 ? ci : cj)[1] = x < c->nlines ?
		    c->lines[x].l->rcookie : c->tgts[x - c->nlines].t->rcookie;
	}
	return memcmp(ci[0], cj[0], 8) == 0 && memcmp(ci[1], cj[1], 8) == 0;
}

/* line or target i (the lines first, then the targets): its flag */
static atomic_bool *
cr_flag(struct cr *c, size_t i)
{
	return i < c->nlines ? &c->lines[i].found :
	    &c->tgts[i - c->nlines].found;
}

/*
 * Line or target first, marked found, was opened by cand: it and every
 * other line and target of the same exchange (the same cookies: both
 * hashes of an Aggressive Mode, both sides' sealed messages, a line given
 * twice) not yet cracked that cand also opens are marked and reported
 * together.  Other exchanges are left to the attack (checking each find
 * against every line would cost a find on n lines n HMAC pairs).  With
 * c->mu held.
 */
static void
cr_found_locked(struct cr *c, size_t first, const struct cg_cand *cand,
    uint64_t pos)
{
	char psk[2 * CG_MAXLEN + 8];
	double secs = cr_elapsed(c);
	size_t *idx, n = 0, i, all = c->nlines + c->ntgts;

	idx = malloc(all * sizeof(*idx));
	if (idx == NULL)
		atomic_store(&c->no_mem, true);
	else
		idx[n++] = first;
	for (i = 0; idx != NULL && i < all; i++)
		if (i != first && !atomic_load(cr_flag(c, i)) &&
		    cr_same_sa(c, i, first) &&
		    (i < c->nlines ? crack_verify(c->lines[i].l, cand->b,
		    cand->len) : cm_verify(c->tgts[i - c->nlines].t, cand->b,
		    cand->len)) && !atomic_exchange(cr_flag(c, i), true))
			idx[n++] = i;
	atomic_fetch_sub(&c->left, n > 0 ? n : 1);
	crack_psk_text(cand->b, cand->len, psk);
	if (c->o->found != NULL && idx != NULL)
		c->o->found(c->o->found_arg, idx, n, cand->b, cand->len, pos,
		    secs);
	else
		for (i = 0; i < n; i++)
			cr_print(c, idx[i] < c->nlines ? c->lines[idx[i]].l :
			    NULL, idx[i] < c->nlines ? NULL :
			    c->tgts[idx[i] - c->nlines].t, psk, cand, pos, secs);
	fflush(c->out);
	free(idx);
}

/* line i opened by cand (its hash matched) */
static void
cr_found(struct cr *c, size_t i, const struct cg_cand *cand, uint64_t pos)
{
	pthread_mutex_lock(&c->mu);
	if (!atomic_exchange(cr_flag(c, i), true))
		cr_found_locked(c, i, cand, pos);
	pthread_mutex_unlock(&c->mu);
}

/*
 * A survivor of target g's filter: the builder's full check, under the
 * lock so that checks never overlap.
 */
static void
cr_tgt_check(struct cr *c, struct cr_tgt *g, const struct cg_cand *cand,
    uint64_t pos)
{
	pthread_mutex_lock(&c->mu);
	if (!atomic_load(&g->found) && g->t->check(g->t->arg, cand->b,
	    cand->len)) {
		atomic_store(&g->found, true);
		cr_found_locked(c, c->nlines + (size_t)(g - c->tgts), cand,
		    pos);
	}
	pthread_mutex_unlock(&c->mu);
}

/* ---- the kernel path */

static void
cr_line_lanes(struct cr *c, const struct cr_prf *p, struct cr_line *cl,
    const uint32_t *kin, const uint32_t *kout, const struct cg_cand *cand,
    unsigned m, uint64_t base)
{
	unsigned L = p->k->lanes, nw = ck_state_words(p->k->hash), l, i;
	uint32_t so[CK_MAXWORDS * CK_MAXLANES];
	uint32_t sin[CK_MAXWORDS * CK_MAXLANES], sout[CK_MAXWORDS * CK_MAXLANES];

	/* SKEYID = prf(PSK, Ni_b | Nr_b) */
	cm_mac_kw(&p->rows, kin, kout, NULL, cl->kw1, cl->nb1, so);
	/* HASH_R = prf(SKEYID, g^xr | ... | IDir_b) */
	cm_rekey(&p->rows, so, sin, sout);
	cm_mac_kw(&p->rows, sin, sout, NULL, cl->kw2, cl->nb2, so);
	for (l = 0; l < m; l++) {
		if (so[l] != cl->target[0])
			continue;
		for (i = 1; i < nw && so[i * L + l] == cl->target[i]; i++)
			;
		if (i == nw)
			cr_found(c, (size_t)(cl - c->lines), &cand[l],
			    base + l + 1);
	}
}

/* ---- the OpenSSL path */

/* one candidate, whose key contexts are in e->ki and e->ko, on one line */
static int
cr_line_evp(struct cr *c, const struct cr_prf *p, struct cr_line *cl,
    struct cm_evp *e, const struct cg_cand *cand, uint64_t base)
{
	uint8_t skeyid[EVP_MAX_MD_SIZE], h[EVP_MAX_MD_SIZE];
	const uint8_t *m1 = cl->l->ninr, *m2 = cl->l->m2;
	unsigned sl, hl;

	if (cm_evp_mac(e->ki, e->ko, e->t, &m1, &cl->l->ninr_len, 1,
	    skeyid, &sl) == -1 ||
	    cm_evp_key(p->md, skeyid, sl, e->si, e->so) == -1 ||
	    cm_evp_mac(e->si, e->so, e->t, &m2, &cl->l->m2_len, 1, h,
	    &hl) == -1)
		return -1;
	if (hl == cl->l->hash_len && memcmp(h, cl->l->hash_r, hl) == 0)
		cr_found(c, (size_t)(cl - c->lines), cand, base + 1);
	return 0;
}

/* group g's targets not found yet: their count */
static unsigned
cr_grp_open(const struct cr_grp *g, struct cr_tgt **gv,
    const struct cm_target **tv)
{
	unsigned i, n = 0;

	for (i = 0; i < g->n; i++)
		if (!atomic_load(&g->v[i]->found)) {
			gv[n] = g->v[i];
			tv[n++] = g->v[i]->t;
		}
	return n;
}

static void
cr_batch(struct cr *c, struct cr_prf *p, struct cm_evp *e,
    const struct cg_cand *cand, size_t n, uint64_t base)
{
	uint32_t kin[CK_MAXWORDS * CK_MAXLANES];
	uint32_t kout[CK_MAXWORDS * CK_MAXLANES];
	struct cr_tgt *gv[CM_MAX_GROUP];
	const struct cm_target *tv[CM_MAX_GROUP];
	uint32_t pass[CM_MAX_GROUP];
	bool ok[CM_MAX_GROUP];
	size_t i, j;
	unsigned m, l, nt, t;

	if (p->k == NULL) {
		for (i = 0; i < n; i++) {
			if (cm_evp_key(p->md, cand[i].b, cand[i].len, e->ki,
			    e->ko) == -1)
				goto fail;
			for (j = 0; j < p->nlines; j++)
				if (!atomic_load(&p->lines[j]->found) &&
				    cr_line_evp(c, p, p->lines[j], e, &cand[i],
				    base + i) == -1)
					goto fail;
			for (j = 0; j < p->ngrps; j++) {
				nt = cr_grp_open(&p->grps[j], gv, tv);
				if (nt == 0)
					continue;
				if (cm_evp(tv, nt, e, &e->cx, NULL, ok) == -1)
					goto fail;
				for (t = 0; t < nt; t++)
					if (ok[t])
						cr_tgt_check(c, gv[t], &cand[i],
						    base + i + 1);
			}
		}
		return;
fail:
		atomic_store(&c->no_mem, true);
		return;
	}
	for (i = 0; i < n; i += m) {
		m = n - i < p->k->lanes ? (unsigned)(n - i) : p->k->lanes;
		cm_cand_keys(&p->rows, cand + i, m, kin, kout);
		for (j = 0; j < p->nlines; j++)
			if (!atomic_load(&p->lines[j]->found))
				cr_line_lanes(c, p, p->lines[j], kin, kout,
				    cand + i, m, base + i);
		for (j = 0; j < p->ngrps; j++) {
			nt = cr_grp_open(&p->grps[j], gv, tv);
			if (nt == 0)
				continue;
			cm_lanes(&p->rows, tv, nt, kin, kout, m, &e->cx, NULL,
			    pass);
			for (t = 0; t < nt; t++)
				for (l = 0; pass[t] != 0 && l < m; l++)
					if (pass[t] & (1u << l))
						cr_tgt_check(c, gv[t],
						    &cand[i + l],
						    base + i + l + 1);
		}
	}
}

static void *
cr_worker(void *arg)
{
	struct cr *c = arg;
	struct cg_cand *cand;
	struct cm_evp e;
	uint64_t base;
	size_t n, h;

	cand = malloc(CRACK_BATCH * sizeof(*cand));
	if (cand != NULL && cm_evp_new(&e) == -1) {
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
			if (c->prf[h].nlines > 0 || c->prf[h].ntgts > 0)
				cr_batch(c, &c->prf[h], &e, cand, n, base);
		atomic_fetch_add(&c->done, n);
	}
	if (cand != NULL)
		cm_evp_free(&e);
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
	    c->nlines + c->ntgts - atomic_load(&c->left),
	    c->nlines + c->ntgts);
}

int
crack_run(const struct crack_opts *o, const struct cl_set *set, FILE *out,
    struct crack_stats *st, char *err, size_t errlen)
{
	return crack_run_tg(o, set, NULL, 0, out, st, err, errlen);
}

int
crack_run_tg(const struct crack_opts *o, const struct cl_set *set,
    struct cm_target *tg, size_t ntg, FILE *out, struct crack_stats *st,
    char *err, size_t errlen)
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
	c.ntgts = ntg;
	json_init(&c.js, out);
	if (nt == 0) {
		ncpu = sysconf(_SC_NPROCESSORS_ONLN);
		nt = ncpu > 0 ? (unsigned)ncpu : 1;
	}
	if (nt > CRACK_MAX_THREADS)
		nt = CRACK_MAX_THREADS;
	c.lines = calloc(set->n + 1, sizeof(*c.lines));
	c.tgts = calloc(ntg + 1, sizeof(*c.tgts));
	if (c.lines == NULL || c.tgts == NULL) {
		free(c.lines);
		free(c.tgts);
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	if (cr_prep(&c, set, tg, err, errlen) == -1)
		goto out;
	if (cg_open(&c.gen, o->wordlist, o->mask, err, errlen) == -1)
		goto out;
	pthread_mutex_init(&c.mu, NULL);
	atomic_init(&c.left, set->n + ntg);
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
	st->targets = ntg;
	st->cracked = set->n + ntg - atomic_load(&c.left);
	st->candidates = atomic_load(&c.done);
	st->words = c.gen.words;
	st->skipped = c.gen.skipped;
	st->threads = started;
	for (h = 0; h < CK_NHASH; h++)
		if (c.prf[h].nlines > 0 || c.prf[h].ntgts > 0)
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
	for (i = 0; i < ntg; i++)
		cm_free(&tg[i]);
	for (h = 0; h < CK_NHASH; h++) {
		free(c.prf[h].lines);
		free(c.prf[h].grps);
		EVP_MD_free(c.prf[h].md);
	}
	free(c.lines);
	free(c.tgts);
	return rc;
}
