/*
 * ike_crypto.c - IKEv1 keys, IV chains, decryption, HASH checks and
 * KEYMAT; see ike_crypto.h.
 */
#include <stdlib.h>
#include <string.h>

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/params.h>

#include "dissectors/isakmp_pl.h"
#include "ike/ike_crypto.h"

#define IKE_P2_SLOTS	16	/* message IDs with IV state at once */

/* A Quick Mode nonce, copied (phase-1 bodies are in the record). */
struct ike_blob {
	uint8_t	*p;
	size_t	 n;
};

struct ike_key {
	uint8_t	v[IKE_MAX_HASH];
	size_t	n;			/* 0: unknown */
};

struct ike_p2 {
	bool		used;
	uint32_t	msgid;
	uint8_t		iv[IKE_MAX_BLOCK];	/* for its next message */
	struct ike_blob	ni, nr;			/* Quick Mode nonces */
	uint64_t	age;
};

struct ike_state {
	struct p1rec	*rec;		/* the SA's phase-1 record */

	struct ike_key	 skeyid, skeyid_d, skeyid_a, skeyid_e;
	uint8_t		 ka[64];
	size_t		 ka_len;
	const char	*key_source;

	uint8_t		 p1_iv[IKE_MAX_BLOCK];
	bool		 p1_iv_set;
	uint8_t		 last_p1[IKE_MAX_BLOCK];
	bool		 have_last_p1;
	uint8_t		 prev_p1[IKE_MAX_BLOCK];	/* the IV the last
						   phase-1 message used */
	bool		 have_prev_p1;
	struct ike_p2	 p2[IKE_P2_SLOTS];
	uint64_t	 clock;
	bool		 reported;	/* ike_learned gave its keys */
};

/* ------------------------------------------------------------ basics */

static void
ike_blob_set(struct ike_blob *b, const uint8_t *p, size_t n, size_t cap)
{
	if (n > cap)
		n = 0;		/* implausible: keep nothing */
	if (b->p != NULL) {
		OPENSSL_clear_free(b->p, b->n);
		b->p = NULL;
		b->n = 0;
	}
	if (n == 0)
		return;
	b->p = malloc(n);
	if (b->p == NULL)
		return;
	memcpy(b->p, p, n);
	b->n = n;
}

static void
ike_blob_free(struct ike_blob *b)
{
	if (b->p != NULL)
		OPENSSL_clear_free(b->p, b->n);
	b->p = NULL;
	b->n = 0;
}

/* rec: the SA's phase-1 record, which outlives the state. */
struct ike_state *
ike_state_new(struct p1rec *rec)
{
	struct ike_state *c = calloc(1, sizeof(struct ike_state));

	if (c != NULL)
		c->rec = rec;
	return c;
}

void
ike_state_free(struct ike_state *c)
{
	size_t i;

	if (c == NULL)
		return;
	for (i = 0; i < IKE_P2_SLOTS; i++) {
		ike_blob_free(&c->p2[i].ni);
		ike_blob_free(&c->p2[i].nr);
	}
	OPENSSL_cleanse(c, sizeof(*c));
	free(c);
}

static const char *
ike_md_name(uint16_t hash)
{
	switch (hash) {
	case 1:
		return "MD5";
	case 2:
		return "SHA1";
	case 4:
		return "SHA2-256";
	case 5:
		return "SHA2-384";
	case 6:
		return "SHA2-512";
	default:
		return NULL;
	}
}

/* Cipher name and key length in bytes for the negotiated algorithm. */
static const char *
ike_cipher(const struct p1rec_alg *a, size_t *klen, size_t *block)
{
	size_t bits = a->key_len;

	*block = 8;
	switch (a->enc) {
	case 1:
		*klen = 8;
		return "DES-CBC";
	case 3:
		*klen = (bits ? bits : 128) / 8;
		return "BF-CBC";
	case 5:
		*klen = 24;
		return "DES-EDE3-CBC";
	case 6:
		*klen = (bits ? bits : 128) / 8;
		return "CAST5-CBC";
	case 7:
		*block = 16;
		*klen = (bits ? bits : 128) / 8;
		return bits == 256 ? "AES-256-CBC" : bits == 192 ?
		    "AES-192-CBC" : bits == 128 || bits == 0 ? "AES-128-CBC" :
		    NULL;
	case 8:
		*block = 16;
		*klen = (bits ? bits : 128) / 8;
		return bits == 256 ? "CAMELLIA-256-CBC" : bits == 192 ?
		    "CAMELLIA-192-CBC" : bits == 128 || bits == 0 ?
		    "CAMELLIA-128-CBC" : NULL;
	default:
		return NULL;
	}
}

/*
 * prf(key, part0 | part1 | ...) = HMAC with the negotiated hash.  Returns
 * 0 with out/outlen set, -1 when the hash is unavailable.
 */
int
ike_prf(struct sslctx *ssl, uint16_t hash, const uint8_t *key, size_t klen,
    const uint8_t *const *parts, const size_t *lens, size_t nparts,
    uint8_t *out, size_t *outlen)
{
	const char *md = ike_md_name(hash);
	EVP_MAC *mac;
	EVP_MAC_CTX *ctx = NULL;
	OSSL_PARAM params[2];
	size_t i;
	int rc = -1;

	if (md == NULL)
		return -1;
	mac = EVP_MAC_fetch(sslctx_lib(ssl), "HMAC", NULL);
	if (mac == NULL)
		return -1;
	ctx = EVP_MAC_CTX_new(mac);
	params[0] = OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST,
	    (char *)md, 0);
	params[1] = OSSL_PARAM_construct_end();
	/* HMAC with an empty key is legal (RFC 2104); OpenSSL wants one. */
	if (ctx != NULL && EVP_MAC_init(ctx, klen ? key : (const uint8_t *)"",
	    klen, params) == 1) {
		for (i = 0; i < nparts; i++)
			if (lens[i] > 0 &&
			    EVP_MAC_update(ctx, parts[i], lens[i]) != 1)
				goto out;
		if (EVP_MAC_final(ctx, out, outlen, IKE_MAX_HASH) == 1)
			rc = 0;
	}
out:
	EVP_MAC_CTX_free(ctx);
	EVP_MAC_free(mac);
	return rc;
}

static int
ike_digest(struct sslctx *ssl, uint16_t hash, const uint8_t *a, size_t an,
    const uint8_t *b, size_t bn, uint8_t *out, size_t *outlen)
{
	const char *name = ike_md_name(hash);
	EVP_MD *md;
	EVP_MD_CTX *ctx;
	unsigned int n = 0;
	int rc = -1;

	if (name == NULL)
		return -1;
	md = EVP_MD_fetch(sslctx_lib(ssl), name, NULL);
	ctx = EVP_MD_CTX_new();
	if (md != NULL && ctx != NULL && EVP_DigestInit_ex(ctx, md, NULL) == 1 &&
	    EVP_DigestUpdate(ctx, a, an) == 1 &&
	    EVP_DigestUpdate(ctx, b, bn) == 1 &&
	    EVP_DigestFinal_ex(ctx, out, &n) == 1) {
		*outlen = n;
		rc = 0;
	}
	EVP_MD_CTX_free(ctx);
	EVP_MD_free(md);
	return rc;
}

/*
 * RFC 2409 appendix B: when SKEYID_e is shorter than the cipher key,
 * K1 = prf(SKEYID_e, 0), K2 = prf(SKEYID_e, K1), ... Ka = K1 | K2 | ...
 */
int
ike_expand(struct sslctx *ssl, uint16_t hash, const uint8_t *e, size_t elen,
    size_t need, uint8_t *out)
{
	uint8_t k[IKE_MAX_HASH];
	size_t klen = 0, have = 0;
	static const uint8_t zero = 0;

	if (elen >= need) {
		memcpy(out, e, need);
		return 0;
	}
	while (have < need) {
		const uint8_t *part = have == 0 ? &zero : k;
		size_t plen = have == 0 ? 1 : klen;
		size_t n;

		if (ike_prf(ssl, hash, e, elen, &part, &plen, 1, k,
		    &klen) == -1)
			return -1;
		n = need - have < klen ? need - have : klen;
		memcpy(out + have, k, n);
		have += n;
	}
	OPENSSL_cleanse(k, sizeof(k));
	return 0;
}

static void
ike_key_set(struct ike_key *k, const uint8_t *v, size_t n)
{
	if (n > sizeof(k->v))
		n = sizeof(k->v);
	memcpy(k->v, v, n);
	k->n = n;
}

/* Signature-like methods: SKEYID = prf(Ni_b | Nr_b, g^xy). */
static bool
ike_auth_is_sig(uint16_t auth)
{
	switch (auth) {
	case 2: case 3: case 9: case 10: case 11:	/* DSS, RSA, ECDSA */
	case 64221: case 64222: case 64223: case 64224:	/* hybrid */
	case 65003: case 65004: case 65005: case 65006:	/* XAUTH sig */
		return true;
	default:
		return false;
	}
}

/*
 * SKEYID from the PSK (PSK methods) or g^xy (signature methods) and the
 * recorded nonces (RFC 2409 5).
 */
static void
ike_skeyid(struct ike_state *c, struct sslctx *ssl, const struct ks_ike *ks)
{
	const struct p1rec *r = c->rec;
	uint16_t hash = r->chosen_alg.hash;
	bool sig = ike_auth_is_sig(r->chosen_alg.auth);
	uint8_t out[IKE_MAX_HASH];
	size_t n = 0;

	if (!r->ni.n || !r->nr.n)
		return;
	if (ks->psk.len && !sig) {
		const uint8_t *p[2] = { r->ni.p, r->nr.p };
		size_t l[2] = { r->ni.n, r->nr.n };

		if (ike_prf(ssl, hash, ks->psk.v, ks->psk.len, p, l, 2,
		    out, &n) == 0)
			ike_key_set(&c->skeyid, out, n);
	} else if (ks->gxy.len && sig) {
		uint8_t nn[2 * P1REC_NONCE_MAX];
		const uint8_t *p = ks->gxy.v;
		size_t l = ks->gxy.len;

		memcpy(nn, r->ni.p, r->ni.n);
		memcpy(nn + r->ni.n, r->nr.p, r->nr.n);
		if (ike_prf(ssl, hash, nn, r->ni.n + r->nr.n, &p, &l, 1,
		    out, &n) == 0)
			ike_key_set(&c->skeyid, out, n);
	}
	OPENSSL_cleanse(out, sizeof(out));
}

/*
 * Derive what the key-store entry and what we saw allow.  Idempotent and
 * cheap once Ka is known.
 */
static void
ike_derive(struct ike_state *c, struct sslctx *ssl, const struct ks_ike *ks,
    const struct isakmp_hdr *h)
{
	uint16_t hash = c->rec->chosen_alg.hash;
	size_t klen = 0, block, n = 0;
	uint8_t out[IKE_MAX_HASH];
	static const uint8_t b0 = 0, b1 = 1, b2 = 2;

	if (ks == NULL)
		return;
	if (ks->skeyid.len && !c->skeyid.n)
		ike_key_set(&c->skeyid, ks->skeyid.v, ks->skeyid.len);
	if (ks->skeyid_d.len && !c->skeyid_d.n)
		ike_key_set(&c->skeyid_d, ks->skeyid_d.v, ks->skeyid_d.len);
	if (ks->skeyid_a.len && !c->skeyid_a.n)
		ike_key_set(&c->skeyid_a, ks->skeyid_a.v, ks->skeyid_a.len);
	if (ks->skeyid_e.len && !c->skeyid_e.n)
		ike_key_set(&c->skeyid_e, ks->skeyid_e.v, ks->skeyid_e.len);
	if (!c->rec->has_chosen)
		goto enc_key;

	if (!c->skeyid.n)
		ike_skeyid(c, ssl, ks);
	if (c->skeyid.n && ks->gxy.len) {
		const uint8_t *p[5];
		size_t l[5];

		p[1] = ks->gxy.v;
		l[1] = ks->gxy.len;
		p[2] = h->icookie;
		l[2] = 8;
		p[3] = h->rcookie;
		l[3] = 8;
		if (!c->skeyid_d.n) {
			p[0] = &b0;	/* unused slot, zero length */
			l[0] = 0;
			p[4] = &b0;
			l[4] = 1;
			if (ike_prf(ssl, hash, c->skeyid.v, c->skeyid.n,
			    p, l, 5, out, &n) == 0)
				ike_key_set(&c->skeyid_d, out, n);
		}
		if (c->skeyid_d.n && !c->skeyid_a.n) {
			p[0] = c->skeyid_d.v;
			l[0] = c->skeyid_d.n;
			p[4] = &b1;
			l[4] = 1;
			if (ike_prf(ssl, hash, c->skeyid.v, c->skeyid.n,
			    p, l, 5, out, &n) == 0)
				ike_key_set(&c->skeyid_a, out, n);
		}
		if (c->skeyid_a.n && !c->skeyid_e.n) {
			p[0] = c->skeyid_a.v;
			l[0] = c->skeyid_a.n;
			p[4] = &b2;
			l[4] = 1;
			if (ike_prf(ssl, hash, c->skeyid.v, c->skeyid.n,
			    p, l, 5, out, &n) == 0)
				ike_key_set(&c->skeyid_e, out, n);
		}
	}
	OPENSSL_cleanse(out, sizeof(out));
enc_key:
	if (c->ka_len)
		return;
	if (ks->enc_key.len && ks->enc_key.len <= sizeof(c->ka)) {
		memcpy(c->ka, ks->enc_key.v, ks->enc_key.len);
		c->ka_len = ks->enc_key.len;
		c->key_source = "enc_key";
		return;
	}
	if (c->skeyid_e.n && c->rec->has_chosen &&
	    ike_cipher(&c->rec->chosen_alg, &klen, &block) != NULL &&
	    klen <= sizeof(c->ka) &&
	    ike_expand(ssl, hash, c->skeyid_e.v, c->skeyid_e.n, klen,
	    c->ka) == 0) {
		c->ka_len = klen;
		c->key_source = ks->skeyid_e.len ? "skeyid_e" : ks->skeyid.len ?
		    "skeyid+gxy" : ks->psk.len ? "psk+gxy" : "gxy";
	}
}

/*
 * Once, after the keys proved right (a message decrypted): the derived
 * key material (Ka, SKEYID, SKEYID_d/a/e) for the key store, so
 * `ikescope keys --export` can hand it to other tools.  Returns false when
 * already reported or nothing is known.
 */
bool
ike_learned(struct ike_state *c, struct ks_ike *k)
{
	if (c->reported || c->ka_len == 0 || c->ka_len > sizeof(k->enc_key.v))
		return false;
	c->reported = true;
	memcpy(k->enc_key.v, c->ka, c->ka_len);
	k->enc_key.len = c->ka_len;
	memcpy(k->skeyid.v, c->skeyid.v, c->skeyid.n);
	k->skeyid.len = c->skeyid.n;
	memcpy(k->skeyid_d.v, c->skeyid_d.v, c->skeyid_d.n);
	k->skeyid_d.len = c->skeyid_d.n;
	memcpy(k->skeyid_a.v, c->skeyid_a.v, c->skeyid_a.n);
	k->skeyid_a.len = c->skeyid_a.n;
	memcpy(k->skeyid_e.v, c->skeyid_e.v, c->skeyid_e.n);
	k->skeyid_e.len = c->skeyid_e.n;
	return true;
}

/* ------------------------------------------------------------ learning */

/* The nonces of a Quick Mode message into its message ID's slot. */
static void
ike_p2_nonces(struct ike_p2 *slot, bool from_init, const struct isakmp_msg *m)
{
	size_t i;

	for (i = 0; i < m->npayloads; i++) {
		const struct cursor *b = &m->pl[i].body;

		if (m->pl[i].type == ISAKMP_PL_NONCE && cur_ptr(b) != NULL)
			ike_blob_set(from_init ? &slot->ni : &slot->nr,
			    cur_ptr(b), cur_left(b), P1REC_NONCE_MAX);
	}
}

/*
 * A plaintext message with a message ID (phase 2): its nonces, when the
 * message ID already has IV state.  Phase-1 messages go to the record.
 * from_init: sent by the initiator of its exchange.
 */
void
ike_observe_p2(struct ike_state *c, bool from_init, const struct isakmp_msg *m)
{
	size_t i;

	if (m->hdr.msgid == 0)
		return;
	for (i = 0; i < IKE_P2_SLOTS; i++)
		if (c->p2[i].used && c->p2[i].msgid == m->hdr.msgid) {
			ike_p2_nonces(&c->p2[i], from_init, m);
			return;
		}
}

/* ------------------------------------------------------------ IVs */

const char *
ike_cipher_name(const struct p1rec_alg *a, size_t *klen, size_t *block)
{
	return ike_cipher(a, klen, block);
}

/* H(p | M-ID), the first IV of message ID msgid after phase-1 block p */
static int
ike_iv_msgid(struct sslctx *ssl, uint16_t hash, const uint8_t *p,
    size_t block, uint32_t msgid, uint8_t *iv)
{
	uint8_t mid[4], d[IKE_MAX_HASH];
	size_t dn = 0;

	mid[0] = (uint8_t)(msgid >> 24);
	mid[1] = (uint8_t)(msgid >> 16);
	mid[2] = (uint8_t)(msgid >> 8);
	mid[3] = (uint8_t)msgid;
	if (ike_digest(ssl, hash, p, block, mid, 4, d, &dn) == -1 ||
	    dn < block)
		return -1;
	memcpy(iv, d, block);
	return 0;
}

int
ike_iv_p2_before(const struct ike_state *c, struct sslctx *ssl,
    uint32_t msgid, uint8_t *iv, size_t *len)
{
	size_t klen, block;

	if (!c->have_prev_p1 || !c->rec->has_chosen ||
	    ike_cipher(&c->rec->chosen_alg, &klen, &block) == NULL ||
	    ike_iv_msgid(ssl, c->rec->chosen_alg.hash, c->prev_p1, block,
	    msgid, iv) == -1)
		return -1;
	*len = block;
	return 0;
}

static struct ike_p2 *
ike_p2_slot(struct ike_state *c, struct sslctx *ssl, uint32_t msgid,
    size_t block)
{
	struct ike_p2 *s = NULL, *old = &c->p2[0];
	uint8_t d[IKE_MAX_HASH], iv[IKE_MAX_BLOCK];
	size_t i, dn = 0;

	for (i = 0; i < IKE_P2_SLOTS; i++) {
		if (c->p2[i].used && c->p2[i].msgid == msgid)
			return &c->p2[i];
		if (!c->p2[i].used && s == NULL)
			s = &c->p2[i];
		if (c->p2[i].age < old->age)
			old = &c->p2[i];
	}
	if (!c->rec->has_chosen)
		return NULL;
	if (!c->have_last_p1) {
		/*
		 * No phase-1 message was encrypted (Aggressive Mode with AM3
		 * in clear): the "last phase-1 CBC block" is the phase-1 IV
		 * itself, H(g^xi | g^xr).
		 */
		const struct p1rec *r = c->rec;

		if (!r->gxi.n || !r->gxr.n ||
		    ike_digest(ssl, r->chosen_alg.hash, r->gxi.p, r->gxi.n,
		    r->gxr.p, r->gxr.n, d, &dn) == -1 || dn < block)
			return NULL;
		memcpy(c->last_p1, d, block);
		c->have_last_p1 = true;
	}
	if (ike_iv_msgid(ssl, c->rec->chosen_alg.hash, c->last_p1, block,
	    msgid, iv) == -1)
		return NULL;
	if (s == NULL) {
		s = old;
		ike_blob_free(&s->ni);
		ike_blob_free(&s->nr);
	}
	memset(s, 0, sizeof(*s));
	s->used = true;
	s->msgid = msgid;
	memcpy(s->iv, iv, block);
	s->age = ++c->clock;
	return s;
}

/* ------------------------------------------------------------ decrypt */

static bool
ike_pl_known(uint8_t t)
{
	/* RFC 2408 and later assignments up to 22; the NAT-T drafts, FRAG */
	return (t >= ISAKMP_PL_SA && t <= 22) ||
	    (t >= ISAKMP_PL_NAT_D_DRAFT && t <= ISAKMP_PL_FRAG);
}

/* Every payload of a known type, no reserved misuse, padding < 256. */
static bool
ike_plain_sane(const struct isakmp_msg *m, size_t len, size_t *chain)
{
	size_t i, end = 0;

	if (m->status != DIS_OK || m->npayloads == 0)
		return false;
	for (i = 0; i < m->npayloads; i++) {
		if (!ike_pl_known(m->pl[i].type) || m->pl[i].reserved != 0)
			return false;
		end = m->pl[i].off + m->pl[i].len;
	}
	*chain = end;
	return end <= len && len - end < 256;
}

/* Bytes of the plaintext after payload i, up to the end of the chain. */
static void
ike_after(const struct isakmp_msg *m, size_t i, const uint8_t *plain,
    size_t chain, const uint8_t **p, size_t *n)
{
	size_t from = m->pl[i].off + m->pl[i].len;

	*p = plain + from;
	*n = chain > from ? chain - from : 0;
}

/*
 * HASH(1), HASH(2), HASH(3) of Quick Mode and HASH(1) of Informational
 * and Transaction exchanges (RFC 2409 5.5, 5.7; Mode-Config draft).
 */
static enum ike_hash_status
ike_verify_p2(struct ike_state *c, struct sslctx *ssl,
    const struct isakmp_hdr *h,
    const uint8_t *plain, size_t chain, const struct isakmp_msg *m,
    struct ike_p2 *slot, bool from_init)
{
	uint8_t mid[5], out[IKE_MAX_HASH];
	const uint8_t *p[5];
	size_t l[5], n = 0, np = 0, hl;
	const uint8_t *hv;
	bool has_sa = false;
	size_t i;

	if (!c->skeyid_a.n || m->npayloads == 0 ||
	    m->pl[0].type != ISAKMP_PL_HASH)
		return IKE_HASH_UNCHECKED;
	hv = cur_ptr(&m->pl[0].body);
	hl = cur_left(&m->pl[0].body);
	for (i = 0; i < m->npayloads; i++)
		if (m->pl[i].type == ISAKMP_PL_SA)
			has_sa = true;
	mid[0] = 0;
	mid[1] = (uint8_t)(h->msgid >> 24);
	mid[2] = (uint8_t)(h->msgid >> 16);
	mid[3] = (uint8_t)(h->msgid >> 8);
	mid[4] = (uint8_t)h->msgid;
	if (h->exch == ISAKMP_EXCH_QUICK && !has_sa && m->npayloads == 1) {
		/* HASH(3) = prf(SKEYID_a, 0 | M-ID | Ni_b | Nr_b) */
		if (slot == NULL || !slot->ni.n || !slot->nr.n)
			return IKE_HASH_UNCHECKED;
		p[np] = mid; l[np++] = 5;
		p[np] = slot->ni.p; l[np++] = slot->ni.n;
		p[np] = slot->nr.p; l[np++] = slot->nr.n;
	} else {
		p[np] = mid + 1; l[np++] = 4;
		if (h->exch == ISAKMP_EXCH_QUICK && !from_init) {
			/* HASH(2) = prf(SKEYID_a, M-ID | Ni_b | rest) */
			if (slot == NULL || !slot->ni.n)
				return IKE_HASH_UNCHECKED;
			p[np] = slot->ni.p; l[np++] = slot->ni.n;
		}
		ike_after(m, 0, plain, chain, &p[np], &l[np]);
		np++;
	}
	if (ike_prf(ssl, c->rec->chosen_alg.hash, c->skeyid_a.v,
	    c->skeyid_a.n, p, l, np, out, &n) == -1)
		return IKE_HASH_UNCHECKED;
	return n == hl && CRYPTO_memcmp(out, hv, n) == 0 ? IKE_HASH_OK :
	    IKE_HASH_BAD;
}

/*
 * HASH_I = prf(SKEYID, g^xi | g^xr | CKY-I | CKY-R | SAi_b | IDii_b)
 * HASH_R = prf(SKEYID, g^xr | g^xi | CKY-R | CKY-I | SAi_b | IDir_b)
 * m is the message holding the HASH (MM5/MM6, AM2/AM3); its ID payload,
 * if any, is in the record already.
 */
static enum ike_hash_status
ike_verify_p1(struct ike_state *c, struct sslctx *ssl, const struct ks_ike *ks,
    const struct isakmp_hdr *h, bool from_init, const struct isakmp_msg *m)
{
	const struct p1rec *r = c->rec;
	const struct p1rec_blob *id = from_init ? &r->idi : &r->idr;
	const struct p1rec_blob *mine = from_init ? &r->gxi : &r->gxr;
	const struct p1rec_blob *peer = from_init ? &r->gxr : &r->gxi;
	const uint8_t *p[6], *hv = NULL;
	size_t l[6], n = 0, hl = 0, i;
	uint8_t out[IKE_MAX_HASH];

	ike_derive(c, ssl, ks, h);
	for (i = 0; i < m->npayloads; i++)
		if (m->pl[i].type == ISAKMP_PL_HASH) {
			hv = cur_ptr(&m->pl[i].body);
			hl = cur_left(&m->pl[i].body);
		}
	if (hv == NULL || !c->skeyid.n || !r->gxi.n || !r->gxr.n ||
	    !r->sai.n || !id->n)
		return IKE_HASH_UNCHECKED;
	p[0] = mine->p;
	l[0] = mine->n;
	p[1] = peer->p;
	l[1] = peer->n;
	p[2] = from_init ? h->icookie : h->rcookie;
	l[2] = 8;
	p[3] = from_init ? h->rcookie : h->icookie;
	l[3] = 8;
	p[4] = r->sai.p;
	l[4] = r->sai.n;
	p[5] = id->p;
	l[5] = id->n;
	if (ike_prf(ssl, r->chosen_alg.hash, c->skeyid.v, c->skeyid.n, p,
	    l, 6, out, &n) == -1)
		return IKE_HASH_UNCHECKED;
	return n == hl && CRYPTO_memcmp(out, hv, n) == 0 ? IKE_HASH_OK :
	    IKE_HASH_BAD;
}

/*
 * The IV of one message, and the chain's next state from its ciphertext
 * ct (ctlen bytes, a multiple of block).  A retransmission takes the IV
 * its original used and advances nothing.  *slot: the message ID's
 * phase-2 state (NULL in phase 1).  Returns -1 when the IV is unknown.
 */
static int
ike_iv_choose(struct ike_state *c, struct sslctx *ssl,
    const struct ike_msg_in *in, const uint8_t *ct, size_t ctlen,
    size_t block, uint8_t *iv, struct ike_p2 **slot)
{
	const struct p1rec *r = c->rec;
	uint32_t msgid = in->hdr->msgid;
	uint8_t dig[IKE_MAX_HASH];
	size_t dn = 0, i;
	bool iv_ok = false;

	*slot = NULL;
	if (in->orig_iv != NULL) {
		memcpy(iv, in->orig_iv, block);
		if (msgid != 0)
			for (i = 0; i < IKE_P2_SLOTS; i++)
				if (c->p2[i].used && c->p2[i].msgid == msgid)
					*slot = &c->p2[i];
		return 0;
	}
	if (msgid != 0) {
		*slot = ike_p2_slot(c, ssl, msgid, block);
		if (*slot == NULL)
			return -1;
		memcpy(iv, (*slot)->iv, block);
		memcpy((*slot)->iv, ct + ctlen - block, block);
		(*slot)->age = ++c->clock;
		return 0;
	}
	if (!c->p1_iv_set && r->gxi.n && r->gxr.n &&
	    ike_digest(ssl, r->chosen_alg.hash, r->gxi.p, r->gxi.n,
	    r->gxr.p, r->gxr.n, dig, &dn) == 0 && dn >= block) {
		memcpy(c->p1_iv, dig, block);
		c->p1_iv_set = true;
	}
	if (c->p1_iv_set) {
		memcpy(iv, c->p1_iv, block);
		memcpy(c->prev_p1, iv, block);
		c->have_prev_p1 = iv_ok = true;
	}
	memcpy(c->p1_iv, ct + ctlen - block, block);
	memcpy(c->last_p1, ct + ctlen - block, block);
	c->have_last_p1 = true;
	/* Later messages chain from this one regardless. */
	c->p1_iv_set = true;
	return iv_ok ? 0 : -1;
}

/* CBC decryption of ct with Ka (no padding); -1 when the cipher fails. */
static int
ike_cbc(struct ike_state *c, struct sslctx *ssl, const char *cname,
    size_t klen, const uint8_t *iv, const uint8_t *ct, size_t ctlen,
    uint8_t *out)
{
	EVP_CIPHER *ciph = EVP_CIPHER_fetch(sslctx_lib(ssl), cname, NULL);
	EVP_CIPHER_CTX *ctx = EVP_CIPHER_CTX_new();
	int outl = 0, rc = -1;

	if (ciph != NULL && ctx != NULL && c->ka_len >= klen &&
	    EVP_DecryptInit_ex2(ctx, ciph, NULL, NULL, NULL) == 1 &&
	    EVP_CIPHER_CTX_set_key_length(ctx, (int)klen) == 1 &&
	    EVP_DecryptInit_ex2(ctx, NULL, c->ka, iv, NULL) == 1 &&
	    EVP_CIPHER_CTX_set_padding(ctx, 0) == 1 &&
	    EVP_DecryptUpdate(ctx, out, &outl, ct, (int)ctlen) == 1 &&
	    (size_t)outl == ctlen)
		rc = 0;
	EVP_CIPHER_CTX_free(ctx);
	EVP_CIPHER_free(ciph);
	return rc;
}

/*
 * After a plaintext parsed: learn from it (the record in phase 1, the
 * Quick Mode nonces before HASH(2)/(3) need them) and check its HASH.
 */
static enum ike_hash_status
ike_verify(struct ike_state *c, struct sslctx *ssl, const struct ks_ike *ks,
    const struct ike_msg_in *in, const struct ike_plain *pt,
    size_t chain_len, struct ike_p2 *slot)
{
	const struct isakmp_hdr *h = in->hdr;
	const struct isakmp_msg *m = pt->msg;
	size_t i;

	if (h->msgid == 0) {
		p1rec_observe(c->rec, in->from_init, m, false);
		return ike_verify_p1(c, ssl, ks, h, in->from_init, m);
	}
	if (slot != NULL && h->exch == ISAKMP_EXCH_QUICK)
		for (i = 0; i < m->npayloads; i++)
			if (m->pl[i].type == ISAKMP_PL_SA) {
				ike_p2_nonces(slot, in->from_init, m);
				break;
			}
	return ike_verify_p2(c, ssl, h, pt->buf, chain_len, m, slot,
	    in->from_init);
}

/*
 * The ciphertext of in decrypted with iv into pt, its payloads walked and
 * its HASH checked: 0, or -1 with d->st set.
 */
static int
ike_open(struct ike_state *c, struct sslctx *ssl, const struct ks_ike *ks,
    const struct ike_msg_in *in, const struct ike_plain *pt,
    struct ike_dec *d, const char *cname, size_t klen, const uint8_t *iv,
    size_t ctlen, struct ike_p2 *slot)
{
	const struct isakmp_hdr *h = in->hdr;
	struct isakmp_msg *m = pt->msg;

	memset(m, 0, sizeof(*m));
	d->hash = IKE_HASH_UNCHECKED;
	if (ike_cbc(c, ssl, cname, klen, iv, in->raw + ISAKMP_HDR_LEN, ctlen,
	    pt->buf) == -1) {
		d->st = IKE_DEC_UNSUPPORTED;
		return -1;
	}
	d->len = ctlen;
	isakmp_walk(cur_init(pt->buf, ctlen), h->np, 0, m);
	if (!ike_plain_sane(m, ctlen, &d->chain_len)) {
		memset(m, 0, sizeof(*m));
		d->st = IKE_DEC_FAILED;
		return -1;
	}
	m->hdr = *h;
	m->encrypted = true;
	m->body = cur_init(pt->buf, d->chain_len);
	d->hash = ike_verify(c, ssl, ks, in, pt, d->chain_len, slot);
	d->st = d->hash == IKE_HASH_BAD ? IKE_DEC_FAILED : IKE_DEC_OK;
	return d->st == IKE_DEC_OK ? 0 : -1;
}

/*
 * Decrypt one encrypted message (in).  On IKE_DEC_OK, pt->buf holds the
 * plaintext body and pt->msg its payload chain (offsets relative to
 * pt->buf).  The IV chains advance for every message that is not a
 * retransmission, whatever the outcome, since they follow the
 * ciphertext.
 */
int
ike_decrypt(struct ike_state *c, struct sslctx *ssl, const struct ks_ike *ks,
    const struct ike_msg_in *in, const struct ike_plain *pt, struct ike_dec *d)
{
	const struct isakmp_hdr *h = in->hdr;
	const uint8_t *ct = in->raw + ISAKMP_HDR_LEN;
	struct isakmp_msg *m = pt->msg;
	size_t ctlen, klen = 0, block = 8;
	const char *cname;
	uint8_t iv[IKE_MAX_BLOCK], alt[IKE_MAX_BLOCK];
	size_t altlen = 0;
	struct ike_p2 *slot;

	memset(d, 0, sizeof(*d));
	memset(m, 0, sizeof(*m));
	if (in->len < ISAKMP_HDR_LEN) {
		d->st = IKE_DEC_BAD_LENGTH;
		return -1;
	}
	ctlen = in->len - ISAKMP_HDR_LEN;
	if (h->len >= ISAKMP_HDR_LEN && h->len - ISAKMP_HDR_LEN < ctlen)
		ctlen = h->len - ISAKMP_HDR_LEN;
	if (!c->rec->has_chosen) {
		d->st = IKE_DEC_NO_ALG;
		return -1;
	}
	cname = ike_cipher(&c->rec->chosen_alg, &klen, &block);
	if (ctlen == 0 || ctlen % block != 0) {
		d->st = IKE_DEC_BAD_LENGTH;
		return -1;
	}
	if (ike_iv_choose(c, ssl, in, ct, ctlen, block, iv, &slot) == -1) {
		d->st = IKE_DEC_NO_IV;
		return -1;
	}
	memcpy(d->iv, iv, block);
	d->iv_len = block;

	ike_derive(c, ssl, ks, h);
	if (c->ka_len == 0) {
		d->st = IKE_DEC_NO_KEYS;
		return -1;
	}
	d->key_source = c->key_source;
	if (cname == NULL || pt->cap < ctlen) {
		d->st = IKE_DEC_UNSUPPORTED;
		return -1;
	}
	if (ike_open(c, ssl, ks, in, pt, d, cname, klen, iv, ctlen,
	    slot) == 0)
		return 0;
	/*
	 * The first message of a message ID from a sender that never
	 * accepted the last phase-1 message (a responder that could not
	 * decrypt MM5 sends its Informationals from H(H(g^xi | g^xr) |
	 * M-ID)): the IV before the chain's.
	 */
	if (d->st == IKE_DEC_FAILED && h->msgid != 0 && in->orig_iv == NULL &&
	    ike_iv_p2_before(c, ssl, h->msgid, alt, &altlen) == 0 &&
	    altlen == block && memcmp(alt, iv, block) != 0 &&
	    ike_open(c, ssl, ks, in, pt, d, cname, klen, alt, ctlen,
	    slot) == 0) {
		memcpy(d->iv, alt, block);
		return 0;
	}
	return -1;
}

/*
 * KEYMAT (RFC 2409 5.5) for one SPI: K1 = prf(SKEYID_d, [g(qm)^xy |]
 * protocol | SPI | Ni_b | Nr_b), K(n) = prf(SKEYID_d, K(n-1) | ...),
 * concatenated to need bytes.
 */
int
ike_keymat(struct ike_state *c, struct sslctx *ssl,
    const struct ike_keymat_in *in, uint8_t *out, size_t need)
{
	uint8_t spib[4], k[IKE_MAX_HASH];
	const uint8_t *p[6];
	size_t l[6], kn = 0, have = 0;

	if (!c->skeyid_d.n || !c->rec->has_chosen)
		return -1;
	spib[0] = (uint8_t)(in->spi >> 24);
	spib[1] = (uint8_t)(in->spi >> 16);
	spib[2] = (uint8_t)(in->spi >> 8);
	spib[3] = (uint8_t)in->spi;
	while (have < need) {
		size_t n;

		p[0] = k;
		l[0] = have == 0 ? 0 : kn;
		p[1] = in->gxy;
		l[1] = in->gxy != NULL ? in->gxy_len : 0;
		p[2] = &in->proto;
		l[2] = 1;
		p[3] = spib;
		l[3] = 4;
		p[4] = in->ni;
		l[4] = in->ni_len;
		p[5] = in->nr;
		l[5] = in->nr_len;
		if (ike_prf(ssl, c->rec->chosen_alg.hash, c->skeyid_d.v,
		    c->skeyid_d.n, p, l, 6, k, &kn) == -1)
			return -1;
		n = need - have < kn ? need - have : kn;
		memcpy(out + have, k, n);
		have += n;
	}
	OPENSSL_cleanse(k, sizeof(k));
	return 0;
}

/* The Quick Mode nonces of message ID msgid, once both were decrypted. */
int
ike_qm_nonces(const struct ike_state *c, uint32_t msgid,
    struct ike_keymat_in *k)
{
	size_t i;

	for (i = 0; i < IKE_P2_SLOTS; i++) {
		const struct ike_p2 *s = &c->p2[i];

		if (s->used && s->msgid == msgid && s->ni.n && s->nr.n) {
			k->ni = s->ni.p;
			k->ni_len = s->ni.n;
			k->nr = s->nr.p;
			k->nr_len = s->nr.n;
			return 0;
		}
	}
	return -1;
}

const char *
ike_dec_status_name(enum ike_dec_status s)
{
	switch (s) {
	case IKE_DEC_OK:
		return "ok";
	case IKE_DEC_NO_KEYS:
		return "no keys";
	case IKE_DEC_NO_ALG:
		return "cipher unknown (SA payload not seen)";
	case IKE_DEC_NO_IV:
		return "IV unknown (KE payloads or earlier messages not seen)";
	case IKE_DEC_UNSUPPORTED:
		return "cipher not supported";
	case IKE_DEC_BAD_LENGTH:
		return "ciphertext not a multiple of the block size";
	case IKE_DEC_FAILED:
		break;
	}
	return "decryption failed (wrong key?)";
}

/* Stable tokens for JSON. */
const char *
ike_dec_status_token(enum ike_dec_status s)
{
	switch (s) {
	case IKE_DEC_OK:
		return "ok";
	case IKE_DEC_NO_KEYS:
		return "no_keys";
	case IKE_DEC_NO_ALG:
		return "no_cipher";
	case IKE_DEC_NO_IV:
		return "no_iv";
	case IKE_DEC_UNSUPPORTED:
		return "unsupported";
	case IKE_DEC_BAD_LENGTH:
		return "bad_length";
	case IKE_DEC_FAILED:
		break;
	}
	return "failed";
}

const char *
ike_hash_status_name(enum ike_hash_status s)
{
	switch (s) {
	case IKE_HASH_OK:
		return "ok";
	case IKE_HASH_BAD:
		return "bad";
	default:
		return "unchecked";
	}
}
