/*
 * test_ike_crypto.c - IKEv1 key derivation, IV chains, decryption, HASH
 * checks and KEYMAT against a real exchange (tests/unit/ike_vectors.h:
 * strongSwan's Main Mode + Quick Mode with the keys charon logged).
 *
 * Each key subset a user may hold is tried: the PSK and g^xy, SKEYID_e
 * alone, the encryption key alone; plus a wrong PSK and a flipped key
 * byte (must fail, never produce payloads), a retransmission (decrypted
 * with its original IV, chain unchanged), and the appendix-B expansion.
 *
 * The other phase-1 ciphers (Camellia-CBC 128/192/256, CAST-128,
 * Blowfish 128/192), which no capture of ours negotiates: MM5 and MM6's
 * real plaintext encrypted here under that cipher (this file's own CBC,
 * first checked against the cipher's known answer: RFC 3713, RFC 2144,
 * the Blowfish set_key vectors) with the key RFC 2409 appendix B gives,
 * the first IV H(g^xi | g^xr) cut to the block and MM6 chained from
 * MM5's last block; the record says the cipher was chosen.  Both must
 * decrypt with their HASHes verified; a flipped key bit must not.
 */
#include <stdio.h>
#include <string.h>

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include "check.h"
#include "ike/ike_crypto.h"
#include "ike_vectors.h"

static struct sslctx *cr;

struct nonce {
	uint8_t	b[256];
	size_t	n;
};

static void
key_set(struct ks_ike_key *k, const void *v, size_t n)
{
	memcpy(k->v, v, n);
	k->len = n;
}

/* A phase-1 message in clear, into the record as the engine does it. */
static void
observe(struct p1rec *rec, const uint8_t *raw, size_t len, bool from_init)
{
	struct isakmp_msg m;

	memset(&m, 0, sizeof(m));
	CHECK(isakmp_decode(cur_init(raw, len), &m) == DIS_OK);
	p1rec_observe(rec, from_init, &m, true);
}

/* Decrypt raw (a retransmission when orig_iv is set) into out/pm. */
static int
decrypt(struct ike_state *c, const struct ks_ike *k, const uint8_t *raw,
    size_t len, bool from_init, const uint8_t *orig_iv, uint8_t *out,
    size_t outlen, struct isakmp_msg *pm, struct ike_dec *d)
{
	struct isakmp_msg m;
	struct ike_msg_in in;
	struct ike_plain pt;

	memset(&m, 0, sizeof(m));
	isakmp_decode(cur_init(raw, len), &m);
	in.hdr = &m.hdr;
	in.raw = raw;
	in.len = len;
	in.from_init = from_init;
	in.orig_iv = orig_iv;
	pt.buf = out;
	pt.cap = outlen;
	pt.msg = pm;
	return ike_decrypt(c, cr, k, &in, &pt, d);
}

static int
keymat(struct ike_state *c, uint32_t spi, const struct nonce *ni,
    const struct nonce *nr, uint8_t *km, size_t n)
{
	struct ike_keymat_in in;

	memset(&in, 0, sizeof(in));
	in.proto = 3;
	in.spi = spi;
	in.ni = ni->b;
	in.ni_len = ni->n;
	in.nr = nr->b;
	in.nr_len = nr->n;
	return ike_keymat(c, cr, &in, km, n);
}

static bool
payloads_are(const struct isakmp_msg *m, const uint8_t *want, size_t n)
{
	size_t i;

	if (m->npayloads != n)
		return false;
	for (i = 0; i < n; i++)
		if (m->pl[i].type != want[i])
			return false;
	return true;
}

static void
find_nonce(const struct isakmp_msg *m, struct nonce *nc)
{
	size_t i;

	for (i = 0; i < m->npayloads; i++)
		if (m->pl[i].type == 10) {
			nc->n = cur_left(&m->pl[i].body);
			memcpy(nc->b, cur_ptr(&m->pl[i].body), nc->n);
		}
}

/*
 * Run the whole exchange with the given keys.  want_hash: HASH checks are
 * possible with this key subset.
 */
static void
run(const char *what, const struct ks_ike *k, bool want_ok, bool want_hash)
{
	static const uint8_t pl_mm5[] = { 5, 8, 11 }, pl_mm6[] = { 5, 8 },
	    pl_qm1[] = { 8, 1, 10, 5, 5 }, pl_qm3[] = { 8 };
	struct p1rec rec;
	struct ike_state *c;
	struct isakmp_msg pm;
	struct ike_dec d;
	struct nonce ni = { { 0 }, 0 }, nr = { { 0 }, 0 };
	uint8_t out[512], iv5[16], km[36];
	enum ike_hash_status hs = want_hash ? IKE_HASH_OK : IKE_HASH_UNCHECKED;
	int rc;

	printf("-- %s\n", what);
	memset(&rec, 0, sizeof(rec));
	c = ike_state_new(&rec);
	observe(&rec, v_mm1, sizeof(v_mm1), true);
	observe(&rec, v_mm2, sizeof(v_mm2), false);
	observe(&rec, v_mm3, sizeof(v_mm3), true);
	observe(&rec, v_mm4, sizeof(v_mm4), false);
	/* MM2's choice: AES-128, SHA1, PSK, MODP-2048 */
	CHECK(rec.has_chosen);
	CHECK_EQ_U(rec.chosen_alg.enc, 7);
	CHECK_EQ_U(rec.chosen_alg.key_len, 128);
	CHECK_EQ_U(rec.chosen_alg.hash, 2);
	CHECK_EQ_U(rec.chosen_alg.auth, 1);
	CHECK_EQ_U(rec.chosen_alg.group, 14);

	rc = decrypt(c, k, v_mm5, sizeof(v_mm5), true, NULL, out, sizeof(out),
	    &pm, &d);
	CHECK_EQ_U(d.iv_len, 16);
	CHECK_MEM(d.iv, v_initial_iv, 16);	/* H(g^xi | g^xr) */
	memcpy(iv5, d.iv, 16);
	if (!want_ok) {
		CHECK(rc == -1);
		CHECK_EQ_U(d.st, IKE_DEC_FAILED);
		CHECK_EQ_U(pm.npayloads, 0);	/* no garbage shown */
		ike_state_free(c);
		p1rec_free(&rec);
		return;
	}
	CHECK(rc == 0);
	CHECK_EQ_U(d.st, IKE_DEC_OK);
	CHECK(payloads_are(&pm, pl_mm5, sizeof(pl_mm5)));
	CHECK_EQ_U(d.hash, hs);
	/* MM5's IDii went to the record, marked as decrypted. */
	CHECK(rec.idi.n > 0 && !rec.idi.clear);

	/* A retransmission of MM5: same IV, and MM6 still chains from it. */
	rc = decrypt(c, k, v_mm5, sizeof(v_mm5), true, iv5, out, sizeof(out),
	    &pm, &d);
	CHECK(rc == 0);
	CHECK(payloads_are(&pm, pl_mm5, sizeof(pl_mm5)));

	rc = decrypt(c, k, v_mm6, sizeof(v_mm6), false, NULL, out, sizeof(out),
	    &pm, &d);
	CHECK(rc == 0);
	CHECK_MEM(d.iv, v_mm5 + sizeof(v_mm5) - 16, 16);
	CHECK(payloads_are(&pm, pl_mm6, sizeof(pl_mm6)));
	CHECK_EQ_U(d.hash, hs);

	rc = decrypt(c, k, v_qm1, sizeof(v_qm1), true, NULL, out, sizeof(out),
	    &pm, &d);
	CHECK(rc == 0);
	CHECK(payloads_are(&pm, pl_qm1, sizeof(pl_qm1)));
	CHECK_EQ_U(d.hash, hs);
	find_nonce(&pm, &ni);
	rc = decrypt(c, k, v_qm2, sizeof(v_qm2), false, NULL, out, sizeof(out),
	    &pm, &d);
	CHECK(rc == 0);
	CHECK(payloads_are(&pm, pl_qm1, sizeof(pl_qm1)));
	CHECK_MEM(d.iv, v_qm1 + sizeof(v_qm1) - 16, 16);
	CHECK_EQ_U(d.hash, hs);
	find_nonce(&pm, &nr);
	rc = decrypt(c, k, v_qm3, sizeof(v_qm3), true, NULL, out, sizeof(out),
	    &pm, &d);
	CHECK(rc == 0);
	CHECK(payloads_are(&pm, pl_qm3, sizeof(pl_qm3)));
	CHECK_EQ_U(d.hash, hs);

	/* KEYMAT for both SPIs needs SKEYID_d. */
	CHECK(ni.n > 0 && nr.n > 0);
	rc = keymat(c, 0x7d9ae521, &ni, &nr, km, sizeof(km));
	if (want_hash) {
		CHECK(rc == 0);
		CHECK_MEM(km, v_esp_7d9ae521_enc, 16);
		CHECK_MEM(km + 16, v_esp_7d9ae521_auth, 20);
		rc = keymat(c, 0x6052e5d3, &ni, &nr, km, sizeof(km));
		CHECK(rc == 0);
		CHECK_MEM(km, v_esp_6052e5d3_enc, 16);
		CHECK_MEM(km + 16, v_esp_6052e5d3_auth, 20);
	} else
		CHECK(rc == -1);
	ike_state_free(c);
	p1rec_free(&rec);
}

/* HMAC-SHA1 appendix-B expansion, vector computed with Python's hmac. */
static void
test_expand(void)
{
	static const uint8_t e[20] = {
		0x5a, 0xff, 0x69, 0xc1, 0x94, 0x68, 0x50, 0x6d, 0x35, 0x81,
		0xd8, 0xe4, 0x6f, 0xc4, 0xca, 0xaa, 0x6c, 0xad, 0xa4, 0x24
	};
	uint8_t k1[20], k2[20], out[32];
	size_t n = 0;
	static const uint8_t zero = 0;
	const uint8_t *p = &zero;
	size_t l = 1;

	/* K1 = prf(e, 0), K2 = prf(e, K1) computed step by step ... */
	CHECK(ike_prf(cr, 2, e, 20, &p, &l, 1, k1, &n) == 0 && n == 20);
	p = k1;
	l = 20;
	CHECK(ike_prf(cr, 2, e, 20, &p, &l, 1, k2, &n) == 0 && n == 20);
	/* ... must equal the expansion to 32 bytes: K1 | K2[0..11]. */
	CHECK(ike_expand(cr, 2, e, 20, 32, out) == 0);
	CHECK_MEM(out, k1, 20);
	CHECK_MEM(out + 20, k2, 12);
	/* Short enough: truncation only. */
	CHECK(ike_expand(cr, 2, e, 20, 16, out) == 0);
	CHECK_MEM(out, e, 16);
	/* An unknown hash fails cleanly. */
	CHECK(ike_prf(cr, 3, e, 20, &p, &l, 1, k1, &n) == -1);
}

static size_t
unhex(const char *h, uint8_t *out)
{
	size_t n = 0;
	unsigned v;

	for (; h[0] != '\0' && h[1] != '\0'; h += 2) {
		sscanf(h, "%2x", &v);
		out[n++] = (uint8_t)v;
	}
	return n;
}

/* CBC encryption with OpenSSL's block cipher (the key length set). */
static void
cbc_encrypt(const char *name, const uint8_t *key, size_t klen,
    const uint8_t *iv, const uint8_t *in, size_t n, uint8_t *out)
{
	EVP_CIPHER *ci = EVP_CIPHER_fetch(sslctx_lib(cr), name, NULL);
	EVP_CIPHER_CTX *x = EVP_CIPHER_CTX_new();
	int l = 0, ok;

	ok = ci != NULL && x != NULL &&
	    EVP_EncryptInit_ex2(x, ci, NULL, NULL, NULL) == 1 &&
	    EVP_CIPHER_CTX_set_key_length(x, (int)klen) == 1 &&
	    EVP_EncryptInit_ex2(x, NULL, key, iv, NULL) == 1 &&
	    EVP_CIPHER_CTX_set_padding(x, 0) == 1 &&
	    EVP_EncryptUpdate(x, out, &l, in, (int)n) == 1;
	CHECK(ok && (size_t)l == n);
	EVP_CIPHER_CTX_free(x);
	EVP_CIPHER_free(ci);
}

/* MM5 and MM6 in clear (their bodies), as the AES-128 exchange has them. */
static uint8_t pt5[sizeof(v_mm5) - 28], pt6[sizeof(v_mm6) - 28];

/* MM1 to MM4 in clear into a fresh record and decryption state. */
static struct ike_state *
p1_start(struct p1rec *rec)
{
	memset(rec, 0, sizeof(*rec));
	observe(rec, v_mm1, sizeof(v_mm1), true);
	observe(rec, v_mm2, sizeof(v_mm2), false);
	observe(rec, v_mm3, sizeof(v_mm3), true);
	observe(rec, v_mm4, sizeof(v_mm4), false);
	return ike_state_new(rec);
}

static void
plaintexts(const struct ks_ike *k)
{
	struct p1rec rec;
	struct ike_state *c = p1_start(&rec);
	struct isakmp_msg pm;
	struct ike_dec d;
	uint8_t out[512];

	CHECK(decrypt(c, k, v_mm5, sizeof(v_mm5), true, NULL, out,
	    sizeof(out), &pm, &d) == 0 && d.hash == IKE_HASH_OK &&
	    d.len == sizeof(pt5));
	memcpy(pt5, out, sizeof(pt5));
	CHECK(decrypt(c, k, v_mm6, sizeof(v_mm6), false, NULL, out,
	    sizeof(out), &pm, &d) == 0 && d.hash == IKE_HASH_OK &&
	    d.len == sizeof(pt6));
	memcpy(pt6, out, sizeof(pt6));
	ike_state_free(c);
	p1rec_free(&rec);
}

/*
 * Main Mode under another phase-1 cipher (RFC 2409 appendix A value enc,
 * Key Length bits); name/block: OpenSSL's CBC cipher; kat_*: its known
 * answer (one block).
 */
static void
p1_cipher(const struct ks_ike *k, uint16_t enc, uint16_t bits,
    const char *name, size_t block, const char *kat_key, const char *kat_pt,
    const char *kat_ct)
{
	static const uint8_t pl_mm5[] = { 5, 8, 11 }, pl_mm6[] = { 5, 8 };
	uint8_t kk[32], kp[16], kc[16], got[16], zero[16] = { 0 };
	uint8_t ka[40], k1[20], m5[sizeof(v_mm5)], m6[sizeof(v_mm6)];
	uint8_t out[512];
	unsigned int hl = 0;
	size_t kl = bits / 8u, n;
	struct p1rec rec;
	struct ike_state *c;
	struct isakmp_msg pm;
	struct ike_dec d;
	struct ks_ike bad;

	printf("-- phase 1 with %s, %u bits\n", name, bits);
	/* the encryptor against the cipher's answer */
	n = unhex(kat_key, kk);
	unhex(kat_pt, kp);
	unhex(kat_ct, kc);
	cbc_encrypt(name, kk, n, zero, kp, block, got);
	CHECK_MEM(got, kc, block);
	/* Ka: SKEYID_e cut, or K1 | K2 ... (RFC 2409 appendix B) */
	memcpy(ka, v_skeyid_e, 20);
	if (kl > 20) {
		HMAC(EVP_sha1(), v_skeyid_e, 20, zero, 1, k1, &hl);
		memcpy(ka, k1, 20);
		HMAC(EVP_sha1(), v_skeyid_e, 20, k1, 20, ka + 20, &hl);
	}
	memcpy(m5, v_mm5, 28);
	cbc_encrypt(name, ka, kl, v_initial_iv, pt5, sizeof(pt5), m5 + 28);
	memcpy(m6, v_mm6, 28);
	cbc_encrypt(name, ka, kl, m5 + sizeof(m5) - block, pt6, sizeof(pt6),
	    m6 + 28);

	c = p1_start(&rec);
	rec.chosen_alg.enc = enc;
	rec.chosen_alg.key_len = bits;
	CHECK(decrypt(c, k, m5, sizeof(m5), true, NULL, out, sizeof(out),
	    &pm, &d) == 0);
	CHECK_EQ_U(d.st, IKE_DEC_OK);
	CHECK_EQ_U(d.iv_len, block);
	CHECK_MEM(d.iv, v_initial_iv, block);
	CHECK(payloads_are(&pm, pl_mm5, sizeof(pl_mm5)));
	CHECK_EQ_U(d.hash, IKE_HASH_OK);
	CHECK_MEM(out, pt5, sizeof(pt5));
	CHECK(decrypt(c, k, m6, sizeof(m6), false, NULL, out, sizeof(out),
	    &pm, &d) == 0);
	CHECK_MEM(d.iv, m5 + sizeof(m5) - block, block);
	CHECK(payloads_are(&pm, pl_mm6, sizeof(pl_mm6)));
	CHECK_EQ_U(d.hash, IKE_HASH_OK);
	ike_state_free(c);
	p1rec_free(&rec);

	/* Ka itself, one bit off: nothing comes out */
	c = p1_start(&rec);
	rec.chosen_alg.enc = enc;
	rec.chosen_alg.key_len = bits;
	memset(&bad, 0, sizeof(bad));
	key_set(&bad.enc_key, ka, kl);
	bad.enc_key.v[kl - 1] ^= 0x10;
	CHECK(decrypt(c, &bad, m5, sizeof(m5), true, NULL, out, sizeof(out),
	    &pm, &d) == -1);
	CHECK_EQ_U(d.st, IKE_DEC_FAILED);
	CHECK_EQ_U(pm.npayloads, 0);
	ike_state_free(c);
	p1rec_free(&rec);
}

static void
test_p1_ciphers(const struct ks_ike *k)
{
	static const char cam_k[] = "0123456789abcdeffedcba9876543210"
	    "00112233445566778899aabbccddeeff";
	static const char cam_p[] = "0123456789abcdeffedcba9876543210";
	char kb[80];

	plaintexts(k);
	/* RFC 3713 appendix A: 128, 192 and 256-bit keys */
	snprintf(kb, sizeof(kb), "%.32s", cam_k);
	p1_cipher(k, 8, 128, "CAMELLIA-128-CBC", 16, kb, cam_p,
	    "67673138549669730857065648eabe43");
	snprintf(kb, sizeof(kb), "%.48s", cam_k);
	p1_cipher(k, 8, 192, "CAMELLIA-192-CBC", 16, kb, cam_p,
	    "b4993401b3e996f84ee5cee7d79b09b9");
	p1_cipher(k, 8, 256, "CAMELLIA-256-CBC", 16, cam_k, cam_p,
	    "9acc237dff16d76c20ef7c919e3a7509");
	if (!sslctx_has_legacy(cr)) {
		printf("# SKIP CAST, Blowfish: no OpenSSL legacy provider\n");
		return;
	}
	/* RFC 2144 B.1; Blowfish set_key vectors (16 and 24 bytes) */
	p1_cipher(k, 6, 128, "CAST5-CBC", 8,
	    "0123456712345678234567893456789a", "0123456789abcdef",
	    "238b4fe5847e44b2");
	p1_cipher(k, 3, 128, "BF-CBC", 8, "f0e1d2c3b4a5968778695a4b3c2d1e0f",
	    "fedcba9876543210", "93142887ee3be15c");
	p1_cipher(k, 3, 192, "BF-CBC", 8, "f0e1d2c3b4a5968778695a4b3c2d1e0f"
	    "0011223344556677", "fedcba9876543210", "05044b62fa52d080");
}

int
main(void)
{
	char err[256];
	struct ks_ike k;

	cr = sslctx_new(err, sizeof(err));
	CHECK(cr != NULL);
	if (cr == NULL)
		return check_done("ike_crypto");

	test_expand();

	memset(&k, 0, sizeof(k));
	key_set(&k.psk, v_psk, strlen(v_psk));
	key_set(&k.gxy, v_dh_shared_secret, sizeof(v_dh_shared_secret));
	run("psk + gxy", &k, true, true);
	test_p1_ciphers(&k);

	memset(&k, 0, sizeof(k));
	key_set(&k.skeyid, v_skeyid, sizeof(v_skeyid));
	key_set(&k.gxy, v_dh_shared_secret, sizeof(v_dh_shared_secret));
	run("skeyid + gxy", &k, true, true);

	memset(&k, 0, sizeof(k));
	key_set(&k.skeyid_e, v_skeyid_e, sizeof(v_skeyid_e));
	run("skeyid_e only", &k, true, false);

	memset(&k, 0, sizeof(k));
	key_set(&k.enc_key, v_encryption_key, sizeof(v_encryption_key));
	run("enc_key only", &k, true, false);

	memset(&k, 0, sizeof(k));
	key_set(&k.enc_key, v_encryption_key, sizeof(v_encryption_key));
	k.enc_key.v[3] ^= 0x01;
	run("flipped enc_key byte", &k, false, false);

	memset(&k, 0, sizeof(k));
	key_set(&k.psk, "wrong", 5);
	key_set(&k.gxy, v_dh_shared_secret, sizeof(v_dh_shared_secret));
	run("wrong psk", &k, false, false);

	sslctx_free(cr);
	return check_done("ike_crypto");
}
