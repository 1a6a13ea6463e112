/*
 * crack_mm.c - PSK candidates against a sealed message with g^xy known;
 * see crack_mm.h.
 */
#include <config.h>

#include <endian.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "crack/crack_gen.h"
#include "crack/crack_mm.h"
#include "dissectors/isakmp.h"

#define CM_IPAD	0x36363636u
#define CM_OPAD	0x5c5c5c5cu

/* ---- HMAC over lanes */

void
cm_rows_init(struct cm_rows *r, const struct ck_kern *k)
{
	unsigned L = k->lanes, nw = ck_state_words(k->hash), w, l;
	const uint8_t zero[CK_MAXWORDS * 4] = { 0 };
	uint32_t words[16];

	r->k = k;
	for (w = 0; w < nw; w++)
		for (l = 0; l < L; l++)
			r->iv[w * L + l] = ck_iv(k->hash)[w];
	/* a digest of nw words after a 64-byte block, padded: its words
	 * are replaced per lane, the rest stays */
	ck_pad(k->hash, zero, 4 * nw, 64, words, 1);
	for (w = 0; w < 16; w++)
		for (l = 0; l < L; l++)
			r->pad[w * L + l] = words[w];
}

void
cm_outer(const struct cm_rows *r, const uint32_t *st, uint32_t *so)
{
	unsigned L = r->k->lanes, nw = ck_state_words(r->k->hash);
	uint32_t blk[16 * CK_MAXLANES];

	memcpy(blk, st, nw * L * sizeof(*blk));
	memcpy(blk + nw * L, r->pad + nw * L, (16 - nw) * L * sizeof(*blk));
	r->k->comp(so, blk);
}

void
cm_rekey(const struct cm_rows *r, const uint32_t *dig, uint32_t *kin,
    uint32_t *kout)
{
	unsigned L = r->k->lanes, nw = ck_state_words(r->k->hash), i;
	uint32_t kb[16 * CK_MAXLANES];

	for (i = 0; i < nw * L; i++)
		kb[i] = dig[i] ^ CM_IPAD;
	for (; i < 16 * L; i++)
		kb[i] = CM_IPAD;
	memcpy(kin, r->iv, nw * L * sizeof(*kin));
	r->k->comp(kin, kb);
	for (i = 0; i < 16 * L; i++)
		kb[i] ^= CM_IPAD ^ CM_OPAD;
	memcpy(kout, r->iv, nw * L * sizeof(*kout));
	r->k->comp(kout, kb);
}

/* HMAC's inner and outer key states of up to L candidates.  A key's
 * block is zero after the key (crack_gen.h): the words after the longest
 * key of the group are the pads alone, in every lane. */
void
cm_cand_keys(const struct cm_rows *r, const struct cg_cand *cand, unsigned m,
    uint32_t *kin, uint32_t *kout)
{
	static const uint8_t zero[64];
	const struct ck_kern *k = r->k;
	unsigned L = k->lanes, nw = ck_state_words(k->hash), l, i;
	uint32_t bi[16 * CK_MAXLANES], bo[16 * CK_MAXLANES], v;
	uint8_t key[CK_MAXLANES][64], dig[CK_MAXWORDS * 4], *dp = dig;
	const uint8_t *kp[CK_MAXLANES];
	size_t used = 0;
	bool le = k->hash == CK_MD5;

	for (l = 0; l < L; l++) {
		kp[l] = l < m ? cand[l].b : zero;
		if (l < m && cand[l].len > 64) {	/* HMAC hashes a long
							 * key first */
			size_t kl = cand[l].len;

			memset(key[l], 0, sizeof(key[l]));
			ck_hash_lanes(k, &kp[l], &kl, 1, &dp);
			memcpy(key[l], dig, ck_digest_len(k->hash));
			kp[l] = key[l];
		}
		if (l < m && cand[l].len > used)
			used = cand[l].len;
	}
	used = used > 64 ? 16 : (used + 3) / 4;
	for (i = 0; i < used; i++)
		for (l = 0; l < L; l++) {
			memcpy(&v, kp[l] + 4 * i, 4);
			v = le ? le32toh(v) : be32toh(v);
			bi[i * L + l] = v ^ CM_IPAD;
			bo[i * L + l] = v ^ CM_OPAD;
		}
	for (i *= L; i < 16 * L; i++) {
		bi[i] = CM_IPAD;
		bo[i] = CM_OPAD;
	}
	memcpy(kin, r->iv, nw * L * sizeof(*kin));
	memcpy(kout, r->iv, nw * L * sizeof(*kout));
	k->comp(kin, bi);
	k->comp(kout, bo);
}

void
cm_mac_kw(const struct cm_rows *r, const uint32_t *kin, const uint32_t *kout,
    const uint32_t *blk0, const uint32_t *kw, size_t nb, uint32_t *out)
{
	unsigned L = r->k->lanes, nw = ck_state_words(r->k->hash);
	uint32_t st[CK_MAXWORDS * CK_MAXLANES];
	size_t b;

	memcpy(st, kin, nw * L * sizeof(*st));
	if (blk0 != NULL)
		r->k->comp(st, blk0);
	for (b = 0; b < nb; b++)
		r->k->comp_kw(st, kw + b * CK_MAXROUNDS);
	memcpy(out, kout, nw * L * sizeof(*out));
	cm_outer(r, st, out);
}

uint32_t *
cm_prep_msg(const struct ck_kern *k, const uint8_t *msg, size_t len,
    size_t skip, uint32_t *first, size_t *nb)
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
	if (skip > 0 && *nb > 0) {	/* the first block stays words */
		memcpy(first, w, 16 * sizeof(*w));
		memmove(w, w + 16, (*nb - 1) * 16 * sizeof(*w));
		(*nb)--;
	}
	for (b = 0; b < *nb; b++)
		k->prep_kw(w + 16 * b, kw + CK_MAXROUNDS * b);
	free(w);
	return kw;
}

/* ---- preparation */

void
cm_free(struct cm_target *t)
{
	free(t->tail);
	free(t->kw_ninr);
	free(t->kw_d);
	free(t->kw_ae);
	free(t->kw_x0);
	EVP_MD_free(t->md);
	t->tail = NULL;
	t->kw_ninr = t->kw_d = t->kw_ae = t->kw_x0 = NULL;
	t->md = NULL;
}

int
cm_prep(struct cm_target *t, const struct ck_kern *k)
{
	static const char *const md[CK_NHASH] = {
		"MD5", "SHA1", "SHA256", "SHA384", "SHA512"
	};
	size_t dl = ck_digest_len(t->hash), nb;
	uint8_t *m = NULL;
	uint32_t *kw;
	unsigned i;

	t->tail = NULL;
	t->kw_ninr = t->kw_d = t->kw_ae = t->kw_x0 = NULL;
	t->k = k;
	t->md = EVP_MD_fetch(NULL, md[t->hash], NULL);
	if (t->md == NULL || t->block == 0 || t->block > CM_MAX_BLOCK ||
	    t->klen == 0 || t->klen > CM_MAX_KEY || t->niv == 0 ||
	    t->niv > CM_MAX_IVS || t->gxy_len == 0)
		goto fail;
	t->tail_len = t->gxy_len + 16;
	t->tail = malloc(t->tail_len);
	m = malloc(CM_MAX_DIGEST + t->tail_len + 1);
	if (t->tail == NULL || m == NULL)
		goto fail;
	memcpy(t->tail, t->gxy, t->gxy_len);
	memcpy(t->tail + t->gxy_len, t->icookie, 8);
	memcpy(t->tail + t->gxy_len + 8, t->rcookie, 8);
	if (k == NULL) {
		free(m);
		return 0;
	}
	t->kw_ninr = cm_prep_msg(k, t->ninr, t->ninr_len, 0, NULL,
	    &t->nb_ninr);
	/* SKEYID_d: g^xy | CKY-I | CKY-R | 0, every block shared */
	memcpy(m, t->tail, t->tail_len);
	m[t->tail_len] = 0;
	t->kw_d = cm_prep_msg(k, m, t->tail_len + 1, 0, NULL, &t->nb_d);
	/* SKEYID_a, _e: a digest | g^xy | CKY-I | CKY-R | 1 or 2, the first
	 * block per lane, the rest shared */
	t->kw_ae = malloc(2 * ((dl + t->tail_len + 9) / 64 + 1) *
	    CK_MAXROUNDS * sizeof(*t->kw_ae));
	if (t->kw_ninr == NULL || t->kw_d == NULL || t->kw_ae == NULL)
		goto fail;
	memset(m, 0, dl);
	memcpy(m + dl, t->tail, t->tail_len);
	for (i = 0; i < 2; i++) {
		m[dl + t->tail_len] = (uint8_t)(i + 1);
		kw = cm_prep_msg(k, m, dl + t->tail_len + 1, 1, t->ae0[i],
		    &nb);
		if (kw == NULL)
			goto fail;
		t->nb_ae = nb;
		memcpy(t->kw_ae + i * nb * CK_MAXROUNDS, kw,
		    nb * CK_MAXROUNDS * sizeof(*kw));
		free(kw);
	}
	/* appendix B's K1 = prf(SKEYID_e, 0) */
	m[0] = 0;
	t->kw_x0 = cm_prep_msg(k, m, 1, 0, NULL, &nb);
	if (t->kw_x0 == NULL)
		goto fail;
	free(m);
	return 0;
fail:
	free(m);
	cm_free(t);
	return -1;
}

/* ---- the filter */

static bool
cm_pl_known(uint8_t t)
{
	return t <= 22 || (t >= ISAKMP_PL_NAT_D_DRAFT && t <= ISAKMP_PL_FRAG);
}

/*
 * The first block decrypted with key ka: does it start with a generic
 * payload header under one of the IVs?
 */
static bool
cm_filter(const struct cm_target *t, struct cm_cx *x, const uint8_t *ka)
{
	uint8_t pt[CM_MAX_BLOCK];
	unsigned i;
	int outl = 0;

	if (x->cipher != t->cipher || x->klen != t->klen) {
		x->cipher = NULL;
		if (EVP_DecryptInit_ex2(x->cx, t->cipher, NULL, NULL,
		    NULL) != 1 ||
		    EVP_CIPHER_CTX_set_key_length(x->cx, (int)t->klen) != 1 ||
		    EVP_CIPHER_CTX_set_padding(x->cx, 0) != 1)
			return false;
		x->cipher = t->cipher;
		x->klen = t->klen;
	}
	/* ECB: D(C1); each IV is XORed afterwards */
	if (EVP_DecryptInit_ex2(x->cx, NULL, ka, NULL, NULL) != 1 ||
	    EVP_DecryptUpdate(x->cx, pt, &outl, t->ct, (int)t->block) != 1 ||
	    (size_t)outl != t->block)
		return false;
	for (i = 0; i < t->niv; i++) {
		uint8_t np = pt[0] ^ t->iv[i][0], res = pt[1] ^ t->iv[i][1];
		size_t len = (size_t)(pt[2] ^ t->iv[i][2]) << 8 |
		    (pt[3] ^ t->iv[i][3]);

		if (res == 0 && cm_pl_known(np) && len >= 4 &&
		    len <= t->ctlen)
			return true;
	}
	return false;
}

/* ---- the kernel path */

/* lane l's first nbytes of a digest held in rows */
static void
cm_lane_bytes(const struct ck_kern *k, const uint32_t *rows, unsigned l,
    size_t nbytes, uint8_t *out)
{
	unsigned L = k->lanes, nw = ck_state_words(k->hash), i;
	uint32_t w[16];

	for (i = 0; i < nw; i++)
		w[i] = rows[i * L + l];
	ck_bytes(k->hash, w, nbytes, out);
}

bool
cm_same_keys(const struct cm_target *a, const struct cm_target *b)
{
	return a->hash == b->hash && a->klen == b->klen &&
	    a->ninr_len == b->ninr_len && a->gxy_len == b->gxy_len &&
	    memcmp(a->icookie, b->icookie, 8) == 0 &&
	    memcmp(a->rcookie, b->rcookie, 8) == 0 &&
	    memcmp(a->ninr, b->ninr, a->ninr_len) == 0 &&
	    memcmp(a->gxy, b->gxy, a->gxy_len) == 0;
}

void
cm_lanes(const struct cm_rows *r, const struct cm_target *const *tv,
    unsigned nt, const uint32_t *kin, const uint32_t *kout, unsigned m,
    struct cm_cx *cx, struct cm_keys *keys, uint32_t *pass)
{
	const struct cm_target *t = tv[0];
	const struct ck_kern *k = r->k;
	unsigned L = k->lanes, nw = ck_state_words(k->hash), l, i, j, nk;
	size_t dl = 4 * nw;
	uint32_t sk[CK_MAXWORDS * CK_MAXLANES], sin[CK_MAXWORDS * CK_MAXLANES];
	uint32_t sout[CK_MAXWORDS * CK_MAXLANES];
	uint32_t d[CK_MAXWORDS * CK_MAXLANES], a[CK_MAXWORDS * CK_MAXLANES];
	uint32_t e[CK_MAXWORDS * CK_MAXLANES];
	uint32_t kx[CM_MAX_KEY / 16 + 1][CK_MAXWORDS * CK_MAXLANES];
	uint32_t blk[16 * CK_MAXLANES];
	uint8_t ka[CM_MAX_KEY + CM_MAX_DIGEST];

	/* SKEYID = prf(PSK, Ni_b | Nr_b) */
	cm_mac_kw(r, kin, kout, NULL, t->kw_ninr, t->nb_ninr, sk);
	cm_rekey(r, sk, sin, sout);
	/* SKEYID_d, then _a and _e with the previous one in front */
	cm_mac_kw(r, sin, sout, NULL, t->kw_d, t->nb_d, d);
	for (j = 0; j < 2; j++) {
		const uint32_t *prev = j == 0 ? d : a;

		memcpy(blk, prev, nw * L * sizeof(*blk));
		for (i = nw; i < 16; i++)
			for (l = 0; l < L; l++)
				blk[i * L + l] = t->ae0[j][i];
		cm_mac_kw(r, sin, sout, blk, t->kw_ae + j * t->nb_ae *
		    CK_MAXROUNDS, t->nb_ae, j == 0 ? a : e);
	}
	/* Ka: SKEYID_e, or K1 | K2 | ... */
	nk = 0;
	if (t->klen > dl) {
		cm_rekey(r, e, sin, sout);
		cm_mac_kw(r, sin, sout, NULL, t->kw_x0, 1, kx[0]);
		for (nk = 1; nk * dl < t->klen; nk++) {
			uint32_t st[CK_MAXWORDS * CK_MAXLANES];

			memcpy(st, sin, nw * L * sizeof(*st));
			cm_outer(r, kx[nk - 1], st);
			memcpy(kx[nk], sout, nw * L * sizeof(*st));
			cm_outer(r, st, kx[nk]);
		}
	}
	for (j = 0; j < nt; j++)
		pass[j] = 0;
	for (l = 0; l < m; l++) {
		if (nk == 0)
			cm_lane_bytes(k, e, l, t->klen, ka);
		else
			for (i = 0; i < nk; i++)
				cm_lane_bytes(k, kx[i], l, dl, ka + i * dl);
		for (j = 0; j < nt; j++)
			if (cm_filter(tv[j], cx, ka))
				pass[j] |= 1u << l;
		if (keys == NULL)
			continue;
		cm_lane_bytes(k, sk, l, dl, keys[l].skeyid);
		cm_lane_bytes(k, d, l, dl, keys[l].d);
		cm_lane_bytes(k, a, l, dl, keys[l].a);
		cm_lane_bytes(k, e, l, dl, keys[l].e);
		memcpy(keys[l].ka, ka, t->klen);
		keys[l].dl = dl;
	}
}

/* ---- the OpenSSL path */

void
cm_evp_free(struct cm_evp *e)
{
	EVP_MD_CTX_free(e->ki);
	EVP_MD_CTX_free(e->ko);
	EVP_MD_CTX_free(e->si);
	EVP_MD_CTX_free(e->so);
	EVP_MD_CTX_free(e->t);
	EVP_CIPHER_CTX_free(e->cx.cx);
}

int
cm_evp_new(struct cm_evp *e)
{
	e->ki = EVP_MD_CTX_new();
	e->ko = EVP_MD_CTX_new();
	e->si = EVP_MD_CTX_new();
	e->so = EVP_MD_CTX_new();
	e->t = EVP_MD_CTX_new();
	e->cx.cx = EVP_CIPHER_CTX_new();
	e->cx.cipher = NULL;
	if (e->ki == NULL || e->ko == NULL || e->si == NULL ||
	    e->so == NULL || e->t == NULL || e->cx.cx == NULL) {
		cm_evp_free(e);
		return -1;
	}
	return 0;
}

int
cm_evp_key(const EVP_MD *md, const uint8_t *key, size_t klen,
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

int
cm_evp_mac(EVP_MD_CTX *ki, EVP_MD_CTX *ko, EVP_MD_CTX *t,
    const uint8_t *const *msg, const size_t *len, unsigned n, uint8_t *out,
    unsigned *olen)
{
	uint8_t in[EVP_MAX_MD_SIZE];
	unsigned il, i;

	if (EVP_MD_CTX_copy_ex(t, ki) != 1)
		return -1;
	for (i = 0; i < n; i++)
		if (EVP_DigestUpdate(t, msg[i], len[i]) != 1)
			return -1;
	if (EVP_DigestFinal_ex(t, in, &il) != 1 ||
	    EVP_MD_CTX_copy_ex(t, ko) != 1 ||
	    EVP_DigestUpdate(t, in, il) != 1 ||
	    EVP_DigestFinal_ex(t, out, olen) != 1)
		return -1;
	return 0;
}

int
cm_evp(const struct cm_target *const *tv, unsigned nt, struct cm_evp *e,
    struct cm_cx *cx, struct cm_keys *keys, bool *pass)
{
	const struct cm_target *t = tv[0];
	static const uint8_t n0 = 0, n1 = 1, n2 = 2;
	struct cm_keys kk, *k = keys != NULL ? keys : &kk;
	uint8_t x[CM_MAX_KEY + CM_MAX_DIGEST];
	const uint8_t *p[3];
	size_t l[3], have;
	unsigned dl, xl, j;
	int rc = -1;

	p[0] = t->ninr;
	l[0] = t->ninr_len;
	if (cm_evp_mac(e->ki, e->ko, e->t, p, l, 1, k->skeyid, &dl) == -1 ||
	    cm_evp_key(t->md, k->skeyid, dl, e->si, e->so) == -1)
		goto out;
	p[0] = t->tail;
	l[0] = t->tail_len;
	p[1] = &n0;
	l[1] = 1;
	if (cm_evp_mac(e->si, e->so, e->t, p, l, 2, k->d, &dl) == -1)
		goto out;
	p[0] = k->d;
	l[0] = dl;
	p[1] = t->tail;
	l[1] = t->tail_len;
	p[2] = &n1;
	l[2] = 1;
	if (cm_evp_mac(e->si, e->so, e->t, p, l, 3, k->a, &dl) == -1)
		goto out;
	p[0] = k->a;
	p[2] = &n2;
	if (cm_evp_mac(e->si, e->so, e->t, p, l, 3, k->e, &dl) == -1)
		goto out;
	k->dl = dl;
	if (t->klen <= dl)
		memcpy(k->ka, k->e, t->klen);
	else {
		/* appendix B, SKEYID's contexts reused for SKEYID_e */
		if (cm_evp_key(t->md, k->e, dl, e->si, e->so) == -1)
			goto out;
		p[0] = &n0;
		l[0] = 1;
		for (have = 0; have < t->klen; have += xl) {
			if (cm_evp_mac(e->si, e->so, e->t, p, l, 1, x + have,
			    &xl) == -1)
				goto out;
			p[0] = x + have;
			l[0] = xl;
		}
		memcpy(k->ka, x, t->klen);
	}
	for (j = 0; j < nt; j++)
		pass[j] = cm_filter(tv[j], cx, k->ka);
	rc = 0;
out:
	if (keys == NULL)
		OPENSSL_cleanse(&kk, sizeof(kk));
	return rc;
}

bool
cm_verify(const struct cm_target *t, const uint8_t *psk, size_t len)
{
	struct cm_evp e;
	bool pass = false;

	if (cm_evp_new(&e) == -1)
		return false;
	if (cm_evp_key(t->md, psk, len, e.ki, e.ko) == -1 ||
	    cm_evp(&t, 1, &e, &e.cx, NULL, &pass) == -1)
		pass = false;
	cm_evp_free(&e);
	return pass && t->check(t->arg, psk, len);
}
