/*
 * test_cry.c - known-answer tests for every ESP algorithm, driven
 * through cry_esp_decrypt so that the framing (IV, counter block, nonce,
 * AAD, ESN bits in the ICV) is what is tested:
 *   AES-CBC   RFC 3602 case 1          AES-CTR   RFC 3686 vector 1
 *   DES/3DES  FIPS 81 CBC example      ChaCha20-Poly1305  RFC 8439 2.8.2
 *             (framed as RFC 7634 ESP with ESN)
 *   HMAC      RFC 2202 / RFC 4231 case 2 (the ESP bytes are the message;
 *             truncations as RFC 2403/2404/4868)
 *   AES-XCBC  RFC 3566 test cases
 *   AES-GCM / GMAC: round trips against OpenSSL's one-shot encryption in
 *             this file, tag truncation 8/12/16, ESN AAD, bit flips.
 *   Camellia  RFC 3713 appendix A (128, 192, 256)
 *   CAST-128  RFC 2144 B.1 (128-bit key)
 *   Blowfish  Schneier / Eric Young's set_key vectors (128, 192 bits)
 *             (the block as a CBC ESP payload with a zero IV)
 *   AES-CMAC-96  RFC 4494 4 (the RFC 4493 messages of 40 and 64 bytes)
 *   HMAC-RIPEMD-160-96  RFC 2286 3 case 2, truncated as RFC 2857
 *   AES-CCM   RFC 4309 built here from AES-ECB as RFC 3610 2 defines it
 *             (not OpenSSL's CCM): ICV 8/12/16, ESN AAD, bit flips.
 * The multi-buffer backend (when built) runs the AES-CCM cases and the
 * AES-CMAC-96 answer again, and is checked to take those SAs itself.
 * Plus the trailer checks (padding, pad length, next header).
 */
#include <stdlib.h>
#include <string.h>

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include "check.h"
#include "esp/cry.h"

static struct cry *C;

static size_t
unhex(const char *h, uint8_t *out)
{
	size_t n = 0;

	while (h[0] != '\0' && h[1] != '\0') {
		unsigned v;

		if (h[0] == ' ') {
			h++;
			continue;
		}
		sscanf(h, "%2x", &v);
		out[n++] = (uint8_t)v;
		h += 2;
	}
	return n;
}

static struct cry_sa *
prep(enum ks_enc e, const char *ekey, enum ks_auth a, const char *akey,
    size_t icv, bool esn)
{
	struct ks_esp_sa sa;
	struct cry_sa *s;
	char err[160];

	memset(&sa, 0, sizeof(sa));
	sa.enc = e;
	sa.auth = a;
	sa.enc_key_len = ekey != NULL ? unhex(ekey, sa.enc_key) : 0;
	sa.auth_key_len = akey != NULL ? unhex(akey, sa.auth_key) : 0;
	sa.icv_len = icv;
	sa.esn = esn;
	s = cry_sa_prepare(C, &sa, err, sizeof(err));
	if (s == NULL)
		fprintf(stderr, "prepare: %s\n", err);
	return s;
}

/* ESP = spi || seq || iv || ct || icv */
static size_t
esp_build(uint8_t *p, uint32_t spi, uint32_t seq, const char *iv,
    const uint8_t *ct, size_t ctn, const uint8_t *icv, size_t icvn)
{
	size_t n = 0;

	p[n++] = (uint8_t)(spi >> 24);
	p[n++] = (uint8_t)(spi >> 16);
	p[n++] = (uint8_t)(spi >> 8);
	p[n++] = (uint8_t)spi;
	p[n++] = (uint8_t)(seq >> 24);
	p[n++] = (uint8_t)(seq >> 16);
	p[n++] = (uint8_t)(seq >> 8);
	p[n++] = (uint8_t)seq;
	if (iv != NULL)
		n += unhex(iv, p + n);
	memcpy(p + n, ct, ctn);
	n += ctn;
	if (icvn)
		memcpy(p + n, icv, icvn);
	return n + icvn;
}

static void
test_cbc_ctr_des(void)
{
	uint8_t ct[64], esp[128], out[128], want[64];
	struct cry_out o;
	struct cry_sa *s;
	size_t n, cn;

	/* RFC 3602 case 1 */
	s = prep(KS_ENC_AES_CBC, "06a9214036b8a15b512e03d534120006",
	    KS_AUTH_NONE, NULL, 0, false);
	cn = unhex("e353779c1079aeb82708942dbe77181a", ct);
	n = esp_build(esp, 0x100, 1, "3dafba429d9eb430b422da802c9fac41", ct,
	    cn, NULL, 0);
	CHECK(cry_esp_decrypt(s, esp, n, 0, out, sizeof(out), &o) == -1);
	CHECK_MEM(out, "Single block msg", 16);
	CHECK_EQ_U(o.icv, CRY_ICV_UNCHECKED);
	CHECK_EQ_U(o.st, CRY_BAD_PAD_LENGTH);	/* 'g' as pad length */
	/* not a multiple of the block */
	CHECK(cry_esp_decrypt(s, esp, n - 1, 0, out, sizeof(out), &o) == -1);
	CHECK_EQ_U(o.st, CRY_BAD_LENGTH);
	cry_sa_free(s);

	/* RFC 3686 test vector 1 (nonce 00000030, IV 0) */
	s = prep(KS_ENC_AES_CTR, "ae6852f8121067cc4bf7a5765577f39e00000030",
	    KS_AUTH_NONE, NULL, 0, false);
	cn = unhex("e4095d4fb7a7b3792d6175a3261311b8", ct);
	n = esp_build(esp, 0x100, 1, "0000000000000000", ct, cn, NULL, 0);
	cry_esp_decrypt(s, esp, n, 0, out, sizeof(out), &o);
	CHECK_MEM(out, "Single block msg", 16);
	cry_sa_free(s);

	/* FIPS 81 DES-CBC; 3DES with K1 = K2 = K3 gives the same */
	cn = unhex("e5c7cdde872bf27c43e934008c389c0f683788499a7c05f6", ct);
	n = esp_build(esp, 0x100, 1, "1234567890abcdef", ct, cn, NULL, 0);
	memcpy(want, "Now is the time for all ", 24);
	s = prep(KS_ENC_3DES_CBC, "0123456789abcdef0123456789abcdef"
	    "0123456789abcdef", KS_AUTH_NONE, NULL, 0, false);
	CHECK(s != NULL);
	cry_esp_decrypt(s, esp, n, 0, out, sizeof(out), &o);
	CHECK_MEM(out, want, 24);
	cry_sa_free(s);
	if (cry_has_legacy(C)) {
		s = prep(KS_ENC_DES_CBC, "0123456789abcdef", KS_AUTH_NONE,
		    NULL, 0, false);
		CHECK(s != NULL);
		memset(out, 0, sizeof(out));
		cry_esp_decrypt(s, esp, n, 0, out, sizeof(out), &o);
		CHECK_MEM(out, want, 24);
		cry_sa_free(s);
	} else
		printf("# SKIP DES: no OpenSSL legacy provider\n");
}

/*
 * HMAC case 2 of RFC 2202/4231: key "Jefe", data "what do ya want for
 * nothing?" (28 bytes) = SPI "what", seq " do ", NULL-encrypted payload.
 */
static void
test_hmac(void)
{
	static const struct {
		enum ks_auth	 a;
		const char	*mac;
		size_t		 icv;
	} v[] = {
		{ KS_AUTH_HMAC_MD5_96, "750c783e6ab0b503eaa86e310a5db738", 12 },
		{ KS_AUTH_HMAC_SHA1_96,
		  "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79", 12 },
		{ KS_AUTH_HMAC_SHA256_96, "5bdcc146bf60754e6a042426089575c7"
		  "5a003f089d2739839dec58b964ec3843", 12 },
		{ KS_AUTH_HMAC_SHA256_128, "5bdcc146bf60754e6a042426089575c7"
		  "5a003f089d2739839dec58b964ec3843", 16 },
		{ KS_AUTH_HMAC_SHA384_192, "af45d2e376484031617f78d2b58a6b1b"
		  "9c7ef464f5a01b47e42ec3736322445e8e2240ca5e69e2c78b3239ecfab"
		  "21649", 24 },
		{ KS_AUTH_HMAC_SHA512_256, "164b7a7bfcf819e2e395fbe73b56e0a3"
		  "87bd64222e831fd610270cd7ea2505549758bf75c05a994a6d034f65f8f"
		  "0e6fdcaeab1a34d4a6b4b636e070a38bce737", 32 },
	};
	const char *msg = "what do ya want for nothing?";
	uint8_t esp[128], out[128], mac[64];
	struct cry_out o;
	size_t i, k;

	for (i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		struct cry_sa *s = prep(KS_ENC_NULL, NULL, v[i].a,
		    "4a656665", v[i].icv, false);

		unhex(v[i].mac, mac);
		memcpy(esp, msg, 28);
		memcpy(esp + 28, mac, v[i].icv);
		cry_esp_decrypt(s, esp, 28 + v[i].icv, 0, out, sizeof(out),
		    &o);
		CHECK_EQ_U(o.icv, CRY_ICV_OK);
		/* twice: the precomputed key state is reused correctly */
		cry_esp_decrypt(s, esp, 28 + v[i].icv, 0, out, sizeof(out),
		    &o);
		CHECK_EQ_U(o.icv, CRY_ICV_OK);
		for (k = 0; k < 28 + v[i].icv; k += 9) {
			esp[k] ^= 0x20;
			cry_esp_decrypt(s, esp, 28 + v[i].icv, 0, out,
			    sizeof(out), &o);
			CHECK_EQ_U(o.icv, CRY_ICV_BAD);
			CHECK_EQ_U(o.st, CRY_ICV_FAIL);
			esp[k] ^= 0x20;
		}
		cry_sa_free(s);
	}
}

/* RFC 3566 test cases 1-6 (key 000102..0f, message 00 01 02 ...). */
static void
test_xcbc(void)
{
	static const struct {
		size_t		 n;
		const char	*mac;
	} v[] = {
		{ 0, "75f0251d528ac01c4573dfd584d79f29" },
		{ 3, "5b376580ae2f19afe7219ceef172756f" },
		{ 16, "d2a246fa349b68a79998a4394ff7a263" },
		{ 20, "47f51b4564966215b8985c63055ed308" },
		{ 32, "f54f0ec8d2b9f3d36807734bd5283fd4" },
		{ 34, "becbb3bccdb518a30677d5481fb6b4d8" },
	};
	uint8_t key[16], msg[64], mac[16], want[16];
	size_t i;

	for (i = 0; i < sizeof(msg); i++)
		msg[i] = (uint8_t)i;
	unhex("000102030405060708090a0b0c0d0e0f", key);
	for (i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		unhex(v[i].mac, want);
		CHECK(cry_xcbc_mac(C, key, msg, v[i].n, mac) == 0);
		CHECK_MEM(mac, want, 16);
	}
	/* through ESP: the 20-byte case is SPI, seq and 12 payload bytes */
	{
		struct cry_sa *s = prep(KS_ENC_NULL, NULL, KS_AUTH_AES_XCBC_96,
		    "000102030405060708090a0b0c0d0e0f", 12, false);
		uint8_t esp[64], out[64];
		struct cry_out o;

		memcpy(esp, msg, 20);
		unhex(v[3].mac, esp + 20);
		cry_esp_decrypt(s, esp, 32, 0, out, sizeof(out), &o);
		CHECK_EQ_U(o.icv, CRY_ICV_OK);
		esp[5] ^= 1;
		cry_esp_decrypt(s, esp, 32, 0, out, sizeof(out), &o);
		CHECK_EQ_U(o.icv, CRY_ICV_BAD);
		cry_sa_free(s);
	}
}

/* RFC 8439 2.8.2, framed as RFC 7634 ESP with ESN. */
static void
test_chacha(void)
{
	const char *pt = "Ladies and Gentlemen of the class of '99: If I "
	    "could offer you only one tip for the future, sunscreen would be "
	    "it.";
	uint8_t ct[160], tag[16], esp[256], out[256];
	struct cry_out o;
	struct cry_sa *s;
	size_t cn, n;

	s = prep(KS_ENC_CHACHA20_POLY1305, "808182838485868788898a8b8c8d8e8f"
	    "909192939495969798999a9b9c9d9e9f07000000", KS_AUTH_NONE, NULL,
	    16, true);
	CHECK(s != NULL);
	cn = unhex("d31a8d34648e60db7b86afbc53ef7ec2a4aded51296e08fea9e2b5a7"
	    "36ee62d63dbea45e8ca9671282fafb69da92728b1a71de0a9e060b2905d6a5"
	    "b67ecd3b3692ddbd7f2d778b8c9803aee328091b58fab324e4fad675945585"
	    "808b4831d7bc3ff4def08e4b7a9de576d26586cec64b6116", ct);
	CHECK_EQ_U(cn, strlen(pt));
	unhex("1ae10b594f09e26a7e902ecbd0600691", tag);
	n = esp_build(esp, 0x50515253, 0xc4c5c6c7, "4041424344454647", ct, cn,
	    tag, 16);
	cry_esp_decrypt(s, esp, n, 0xc0c1c2c3, out, sizeof(out), &o);
	CHECK_EQ_U(o.icv, CRY_ICV_OK);
	CHECK_MEM(out, pt, cn);
	/* the wrong ESN high half fails the tag */
	cry_esp_decrypt(s, esp, n, 0xc0c1c2c4, out, sizeof(out), &o);
	CHECK_EQ_U(o.icv, CRY_ICV_BAD);
	cry_sa_free(s);
}

/* Reference ESP-GCM / GMAC encryption with OpenSSL's one-shot calls. */
/* RFC 4106 5 / RFC 4309 5: SPI [|| seq_hi] || seq; its length. */
static size_t
esp_aad(const uint8_t *esp, bool esn, uint32_t seq_hi, uint8_t aad[12])
{
	memcpy(aad, esp, 4);
	if (!esn) {
		memcpy(aad + 4, esp + 4, 4);
		return 8;
	}
	aad[4] = (uint8_t)(seq_hi >> 24);
	aad[5] = (uint8_t)(seq_hi >> 16);
	aad[6] = (uint8_t)(seq_hi >> 8);
	aad[7] = (uint8_t)seq_hi;
	memcpy(aad + 8, esp + 4, 4);
	return 12;
}

static size_t
gcm_encrypt(const uint8_t *key, size_t klen, const uint8_t salt[4],
    bool gmac, bool esn, uint32_t spi, uint32_t seq_hi, uint32_t seq,
    const uint8_t *pt, size_t ptn, size_t icv, uint8_t *esp)
{
	EVP_CIPHER_CTX *x = EVP_CIPHER_CTX_new();
	const EVP_CIPHER *ci = klen == 16 ? EVP_aes_128_gcm() :
	    klen == 24 ? EVP_aes_192_gcm() : EVP_aes_256_gcm();
	uint8_t nonce[12], aad[12], iv[8] = { 1, 2, 3, 4, 5, 6, 7, 8 };
	size_t al, n;
	int l;

	n = esp_build(esp, spi, seq, "0102030405060708", pt, 0, NULL, 0);
	memcpy(nonce, salt, 4);
	memcpy(nonce + 4, iv, 8);
	al = esp_aad(esp, esn, seq_hi, aad);
	EVP_EncryptInit_ex(x, ci, NULL, NULL, NULL);
	EVP_CIPHER_CTX_ctrl(x, EVP_CTRL_GCM_SET_IVLEN, 12, NULL);
	EVP_EncryptInit_ex(x, NULL, NULL, key, nonce);
	EVP_EncryptUpdate(x, NULL, &l, aad, (int)al);
	if (gmac) {
		EVP_EncryptUpdate(x, NULL, &l, iv, 8);
		EVP_EncryptUpdate(x, NULL, &l, pt, (int)ptn);
		memcpy(esp + n, pt, ptn);
	} else
		EVP_EncryptUpdate(x, esp + n, &l, pt, (int)ptn);
	n += ptn;
	EVP_EncryptFinal_ex(x, esp + n, &l);
	EVP_CIPHER_CTX_ctrl(x, EVP_CTRL_GCM_GET_TAG, (int)icv, esp + n);
	EVP_CIPHER_CTX_free(x);
	return n + icv;
}

static void
test_gcm(void)
{
	static const size_t icvs[] = { 8, 12, 16 };
	static const size_t klens[] = { 16, 24, 32 };
	/* payload "ping" + pad 1 2 + pad length 2 + next header 4 */
	static const uint8_t pt[] = { 'p', 'i', 'n', 'g', 'p', 'o', 'n', 'g',
		1, 2, 2, 4 };
	char khex[80];
	uint8_t key[36], esp[128], out[128];
	struct cry_out o;
	size_t i, j, k, n;
	int gm;

	for (i = 0; i < 36; i++)
		key[i] = (uint8_t)(0xa0 + i);
	for (gm = 0; gm < 2; gm++)
		for (i = 0; i < 3; i++)
			for (j = 0; j < 3; j++) {
				bool esn = (i + j) % 2 == 1;
				struct cry_sa *s;
				size_t icv = gm ? 16 : icvs[i];

				for (k = 0; k < klens[j] + 4; k++)
					snprintf(khex + 2 * k, 3, "%02x",
					    key[k]);
				s = prep(gm ? KS_ENC_AES_GMAC : KS_ENC_AES_GCM,
				    khex, KS_AUTH_NONE, NULL, icv, esn);
				CHECK(s != NULL);
				n = gcm_encrypt(key, klens[j], key + klens[j],
				    gm, esn, 0xc84340a5, 7, 0x10, pt,
				    sizeof(pt), icv, esp);
				CHECK(cry_esp_decrypt(s, esp, n, 7, out,
				    sizeof(out), &o) == 0);
				CHECK_EQ_U(o.icv, CRY_ICV_OK);
				CHECK_EQ_U(o.next_header, 4);
				CHECK_EQ_U(o.payload_len, 8);
				CHECK_MEM(o.payload, "pingpong", 8);
				esp[n - 1] ^= 0x80;
				cry_esp_decrypt(s, esp, n, 7, out, sizeof(out),
				    &o);
				CHECK_EQ_U(o.icv, CRY_ICV_BAD);
				esp[n - 1] ^= 0x80;
				esp[20] ^= 0x01;
				cry_esp_decrypt(s, esp, n, 7, out, sizeof(out),
				    &o);
				CHECK_EQ_U(o.icv, CRY_ICV_BAD);
				esp[20] ^= 0x01;
				/* a wrong ESN high half only matters with ESN */
				cry_esp_decrypt(s, esp, n, 8, out, sizeof(out),
				    &o);
				CHECK_EQ_U(o.icv, esn ? CRY_ICV_BAD :
				    CRY_ICV_OK);
				cry_sa_free(s);
			}
}

/* HMAC with ESN: the high half is appended after the trailer. */
static void
test_esn_hmac(void)
{
	static const uint8_t pt[] = { 0x45, 0, 0, 4, 1, 2, 2, 4 };
	uint8_t esp[128], out[128], key[20], hi[4] = { 0, 0, 0, 9 };
	unsigned int ml;
	uint8_t mac[64];
	struct cry_out o;
	struct cry_sa *s;
	size_t n;

	memset(key, 0x0b, sizeof(key));
	s = prep(KS_ENC_NULL, NULL, KS_AUTH_HMAC_SHA1_96,
	    "0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b", 12, true);
	n = esp_build(esp, 0x200, 0xfffffff0, NULL, pt, sizeof(pt), NULL, 0);
	memcpy(esp + n, hi, 4);	/* MAC input = ESP || seq_hi */
	HMAC(EVP_sha1(), key, 20, esp, n + 4, mac, &ml);
	memcpy(esp + n, mac, 12);
	CHECK(cry_esp_decrypt(s, esp, n + 12, 9, out, sizeof(out), &o) == 0);
	CHECK_EQ_U(o.icv, CRY_ICV_OK);
	CHECK_EQ_U(o.next_header, 4);
	CHECK_EQ_U(o.payload_len, 4);
	cry_esp_decrypt(s, esp, n + 12, 8, out, sizeof(out), &o);
	CHECK_EQ_U(o.icv, CRY_ICV_BAD);
	cry_sa_free(s);
}

static void
test_trailer(void)
{
	/* NULL + ANY-96: the trailer checks are all there is */
	struct cry_sa *s = prep(KS_ENC_NULL, NULL, KS_AUTH_ANY, NULL, 12,
	    false);
	uint8_t esp[64], out[64], icv[12] = { 0 };
	struct cry_out o;
	uint8_t good[] = { 9, 9, 9, 9, 1, 2, 3, 3, 4 };
	uint8_t badpad[] = { 9, 9, 9, 9, 1, 7, 3, 3, 4 };
	uint8_t badlen[] = { 9, 9, 9, 9, 1, 2, 3, 9, 4 };
	uint8_t badnh[] = { 9, 9, 9, 9, 1, 2, 3, 3, 200 };
	uint8_t dummy[] = { 1, 2, 0, 59 };
	size_t n;

	n = esp_build(esp, 0x300, 1, NULL, good, sizeof(good), icv, 12);
	CHECK(cry_esp_decrypt(s, esp, n, 0, out, sizeof(out), &o) == 0);
	CHECK_EQ_U(o.payload_len, 4);
	CHECK_EQ_U(o.pad_len, 3);
	CHECK_EQ_U(o.icv, CRY_ICV_UNCHECKED);
	n = esp_build(esp, 0x300, 1, NULL, badpad, sizeof(badpad), icv, 12);
	CHECK(cry_esp_decrypt(s, esp, n, 0, out, sizeof(out), &o) == -1);
	CHECK_EQ_U(o.st, CRY_BAD_PADDING);
	n = esp_build(esp, 0x300, 1, NULL, badlen, sizeof(badlen), icv, 12);
	CHECK(cry_esp_decrypt(s, esp, n, 0, out, sizeof(out), &o) == -1);
	CHECK_EQ_U(o.st, CRY_BAD_PAD_LENGTH);
	n = esp_build(esp, 0x300, 1, NULL, badnh, sizeof(badnh), icv, 12);
	CHECK(cry_esp_decrypt(s, esp, n, 0, out, sizeof(out), &o) == -1);
	CHECK_EQ_U(o.st, CRY_BAD_NEXT_HEADER);
	n = esp_build(esp, 0x300, 1, NULL, dummy, sizeof(dummy), icv, 12);
	CHECK(cry_esp_decrypt(s, esp, n, 0, out, sizeof(out), &o) == 0);
	CHECK_EQ_U(o.next_header, 59);
	CHECK(cry_esp_decrypt(s, esp, 8 + 12 + 1, 0, out, sizeof(out), &o) ==
	    -1);
	CHECK_EQ_U(o.st, CRY_TOO_SHORT);
	cry_sa_free(s);
}

/*
 * Padding other than 1, 2, 3, ...: accepted (and flagged) under a verified
 * AEAD tag, which proves the key and the whole plaintext; a failure under
 * an HMAC that verifies, which proves only the integrity key.
 */
static void
test_nonstd_padding(void)
{
	/* "pingpong" + padding 0x9a 0x00 + pad length 2 + next header 4 */
	static const uint8_t pt[] = { 'p', 'i', 'n', 'g', 'p', 'o', 'n', 'g',
		0x9a, 0x00, 2, 4 };
	static const uint8_t std[] = { 'p', 'i', 'n', 'g', 'p', 'o', 'n', 'g',
		1, 2, 2, 4 };
	uint8_t key[20], esp[128], out[128], mac[64];
	unsigned int ml;
	struct cry_out o;
	struct cry_sa *s;
	size_t n, i;

	for (i = 0; i < 20; i++)
		key[i] = (uint8_t)(0xa0 + i);
	s = prep(KS_ENC_AES_GCM, "a0a1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b2b3",
	    KS_AUTH_NONE, NULL, 16, false);
	CHECK(s != NULL);
	if (s != NULL) {
		n = gcm_encrypt(key, 16, key + 16, false, false, 0x501, 0, 3,
		    pt, sizeof(pt), 16, esp);
		CHECK(cry_esp_decrypt(s, esp, n, 0, out, sizeof(out), &o) ==
		    0);
		CHECK_EQ_U(o.icv, CRY_ICV_OK);
		CHECK(o.pad_nonstd);
		CHECK_EQ_U(o.pad_len, 2);
		CHECK_EQ_U(o.payload_len, 8);
		CHECK_MEM(o.payload, "pingpong", 8);
		n = gcm_encrypt(key, 16, key + 16, false, false, 0x501, 0, 4,
		    std, sizeof(std), 16, esp);
		CHECK(cry_esp_decrypt(s, esp, n, 0, out, sizeof(out), &o) ==
		    0);
		CHECK(!o.pad_nonstd);
		/* a bad tag is still a failure first */
		n = gcm_encrypt(key, 16, key + 16, false, false, 0x501, 0, 5,
		    pt, sizeof(pt), 16, esp);
		esp[n - 1] ^= 1;
		CHECK(cry_esp_decrypt(s, esp, n, 0, out, sizeof(out), &o) ==
		    -1);
		CHECK_EQ_U(o.st, CRY_ICV_FAIL);
		cry_sa_free(s);
	}
	s = prep(KS_ENC_NULL, NULL, KS_AUTH_HMAC_SHA1_96,
	    "a0a1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b2b3", 12, false);
	CHECK(s != NULL);
	if (s != NULL) {
		n = esp_build(esp, 0x502, 1, NULL, pt, sizeof(pt), NULL, 0);
		HMAC(EVP_sha1(), key, 20, esp, n, mac, &ml);
		memcpy(esp + n, mac, 12);
		CHECK(cry_esp_decrypt(s, esp, n + 12, 0, out, sizeof(out),
		    &o) == -1);
		CHECK_EQ_U(o.icv, CRY_ICV_OK);
		CHECK_EQ_U(o.st, CRY_BAD_PADDING);
		CHECK(!o.pad_nonstd);
		cry_sa_free(s);
	}
}

/*
 * One block of a cipher's known answer, as the only block of a CBC ESP
 * payload after a zero IV: the plaintext comes out whole (its last bytes
 * are no valid trailer, so the packet is refused after decryption).
 */
static void
kat_block(enum ks_enc e, const char *key, const char *pt, const char *ct,
    size_t bl)
{
	uint8_t c[16], esp[64], out[64], want[16];
	struct cry_out o;
	struct cry_sa *s = prep(e, key, KS_AUTH_NONE, NULL, 0, false);
	size_t n;

	CHECK(s != NULL);
	if (s == NULL)
		return;
	unhex(ct, c);
	unhex(pt, want);
	n = esp_build(esp, 0x100, 1, bl == 8 ? "0000000000000000" :
	    "00000000000000000000000000000000", c, bl, NULL, 0);
	memset(out, 0, sizeof(out));
	cry_esp_decrypt(s, esp, n, 0, out, sizeof(out), &o);
	CHECK_MEM(out, want, bl);
	CHECK(o.st != CRY_OK && o.st != CRY_UNSUPPORTED &&
	    o.st != CRY_ERROR);
	/* again: the chaining value is the packet's IV, not the last block */
	memset(out, 0, sizeof(out));
	cry_esp_decrypt(s, esp, n, 0, out, sizeof(out), &o);
	CHECK_MEM(out, want, bl);
	cry_sa_free(s);
}

static void
test_new_ciphers(void)
{
	/* RFC 3713 appendix A */
	kat_block(KS_ENC_CAMELLIA_CBC, "0123456789abcdeffedcba9876543210",
	    "0123456789abcdeffedcba9876543210",
	    "67673138549669730857065648eabe43", 16);
	kat_block(KS_ENC_CAMELLIA_CBC, "0123456789abcdeffedcba9876543210"
	    "0011223344556677", "0123456789abcdeffedcba9876543210",
	    "b4993401b3e996f84ee5cee7d79b09b9", 16);
	kat_block(KS_ENC_CAMELLIA_CBC, "0123456789abcdeffedcba9876543210"
	    "00112233445566778899aabbccddeeff",
	    "0123456789abcdeffedcba9876543210",
	    "9acc237dff16d76c20ef7c919e3a7509", 16);
	if (!cry_has_legacy(C)) {
		printf("# SKIP CAST, Blowfish: no OpenSSL legacy provider\n");
		return;
	}
	/* RFC 2144 B.1, 128-bit key */
	kat_block(KS_ENC_CAST_CBC, "0123456712345678234567893456789a",
	    "0123456789abcdef", "238b4fe5847e44b2", 8);
	/* Blowfish set_key vectors: the key's first 16 and 24 bytes */
	kat_block(KS_ENC_BLOWFISH_CBC, "f0e1d2c3b4a5968778695a4b3c2d1e0f",
	    "fedcba9876543210", "93142887ee3be15c", 8);
	kat_block(KS_ENC_BLOWFISH_CBC, "f0e1d2c3b4a5968778695a4b3c2d1e0f"
	    "0011223344556677", "fedcba9876543210", "05044b62fa52d080", 8);
}

/* A MAC's known answer over the ESP bytes msg (NULL encryption). */
static void
kat_mac(enum ks_auth a, const char *key, const uint8_t *msg, size_t n,
    const char *mac)
{
	struct cry_sa *s = prep(KS_ENC_NULL, NULL, a, key, 12, false);
	uint8_t esp[128], out[128];
	struct cry_out o;
	size_t k;

	CHECK(s != NULL);
	if (s == NULL)
		return;
	memcpy(esp, msg, n);
	unhex(mac, esp + n);
	for (k = 0; k < 2; k++) {	/* twice: the key state is reused */
		cry_esp_decrypt(s, esp, n + 12, 0, out, sizeof(out), &o);
		CHECK_EQ_U(o.icv, CRY_ICV_OK);
	}
	for (k = 0; k < n + 12; k += 7) {
		esp[k] ^= 0x40;
		cry_esp_decrypt(s, esp, n + 12, 0, out, sizeof(out), &o);
		CHECK_EQ_U(o.icv, CRY_ICV_BAD);
		CHECK_EQ_U(o.st, CRY_ICV_FAIL);
		esp[k] ^= 0x40;
	}
	cry_sa_free(s);
}

static void
test_new_macs(void)
{
	uint8_t m[64];

	/* RFC 4494 4 (RFC 4493 4 examples 3 and 4, first 96 bits) */
	unhex("6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e51"
	    "30c81c46a35ce411e5fbc1191a0a52eff69f2445df4f9b17ad2b417be66c3710",
	    m);
	kat_mac(KS_AUTH_AES_CMAC_96, "2b7e151628aed2a6abf7158809cf4f3c", m,
	    40, "dfa66747de9ae63030ca3261");
	kat_mac(KS_AUTH_AES_CMAC_96, "2b7e151628aed2a6abf7158809cf4f3c", m,
	    64, "51f0bebf7e3b9d92fc497417");
	/* RFC 2286 3 case 2: key "Jefe" */
	kat_mac(KS_AUTH_HMAC_RIPEMD160_96, "4a656665",
	    (const uint8_t *)"what do ya want for nothing?", 28,
	    "dda6c0213a485a9e24f47420");
}

static void
aes_block(const uint8_t key[16], const uint8_t in[16], uint8_t out[16])
{
	EVP_CIPHER_CTX *x = EVP_CIPHER_CTX_new();
	int l;

	EVP_EncryptInit_ex(x, EVP_aes_128_ecb(), NULL, key, NULL);
	EVP_CIPHER_CTX_set_padding(x, 0);
	EVP_EncryptUpdate(x, out, &l, in, 16);
	EVP_CIPHER_CTX_free(x);
}

/*
 * RFC 4309 ESP with AES-128-CCM, built from AES blocks as RFC 3610 2.2,
 * 2.3 say: L = 4, nonce = salt (3) || IV (8), AAD SPI [|| seq_hi] || seq.
 */
static size_t
ccm_encrypt(const uint8_t key[16], const uint8_t salt[3], bool esn,
    uint32_t seq_hi, const uint8_t *pt, size_t ptn, size_t m,
    uint8_t *esp)
{
	uint8_t b[16], x[16], a[16], s[16], aad[12];
	size_t n = esp_build(esp, 0x4309, 7, "a0a1a2a3a4a5a6a7", pt, 0, NULL,
	    0), al, i, off;

	al = esp_aad(esp, esn, seq_hi, aad);
	/* B_0: flags (Adata, M', L'), nonce, l(m); then l(a) || a */
	b[0] = (uint8_t)(0x40 | ((m - 2) / 2) << 3 | 3);
	memcpy(b + 1, salt, 3);
	memcpy(b + 4, esp + 8, 8);
	b[12] = 0;
	b[13] = 0;
	b[14] = (uint8_t)(ptn >> 8);
	b[15] = (uint8_t)ptn;
	aes_block(key, b, x);
	memset(b, 0, 16);
	b[1] = (uint8_t)al;
	memcpy(b + 2, aad, al);
	for (i = 0; i < 16; i++)
		x[i] ^= b[i];
	aes_block(key, x, x);
	for (off = 0; off < ptn; off += 16) {
		for (i = 0; i < 16 && off + i < ptn; i++)
			x[i] ^= pt[off + i];
		aes_block(key, x, x);
	}
	/* A_i: flags L', nonce, counter i */
	memset(a, 0, 16);
	a[0] = 3;
	memcpy(a + 1, salt, 3);
	memcpy(a + 4, esp + 8, 8);
	for (off = 0; off < ptn; off += 16) {
		a[15] = (uint8_t)(off / 16 + 1);
		aes_block(key, a, s);
		for (i = 0; i < 16 && off + i < ptn; i++)
			esp[n + off + i] = pt[off + i] ^ s[i];
	}
	n += ptn;
	a[15] = 0;
	aes_block(key, a, s);
	for (i = 0; i < m; i++)
		esp[n + i] = x[i] ^ s[i];
	return n + m;
}

static void
test_ccm(void)
{
	static const char key[] = "c0c1c2c3c4c5c6c7c8c9cacbcccdcecf";
	uint8_t k[16], salt[3] = { 0x43, 0x11, 0x09 }, pt[64], esp[128];
	uint8_t out[128];
	char hexkey[64];
	struct cry_out o;
	size_t m, n, i;
	int esn;

	unhex(key, k);
	/* 37 bytes of payload, pad 1 2 3 4 5, pad length 5, next header 59 */
	for (i = 0; i < 37; i++)
		pt[i] = (uint8_t)(0x20 + i);
	for (i = 0; i < 5; i++)
		pt[37 + i] = (uint8_t)(i + 1);
	pt[42] = 5;
	pt[43] = 59;
	snprintf(hexkey, sizeof(hexkey), "%s431109", key);
	for (m = 8; m <= 16; m += 4)
		for (esn = 0; esn < 2; esn++) {
			struct cry_sa *s = prep(KS_ENC_AES_CCM, hexkey,
			    KS_AUTH_NONE, NULL, m, esn);

			CHECK(s != NULL);
			if (s == NULL)
				continue;
			n = ccm_encrypt(k, salt, esn, 0x1234, pt, 44, m, esp);
			CHECK(cry_esp_decrypt(s, esp, n, 0x1234, out,
			    sizeof(out), &o) == 0);
			CHECK_EQ_U(o.icv, CRY_ICV_OK);
			CHECK_EQ_U(o.payload_len, 37);
			CHECK_EQ_U(o.next_header, 59);
			CHECK_MEM(out, pt, 44);
			/* the high half is in the AAD only with ESN */
			cry_esp_decrypt(s, esp, n, 0x1235, out, sizeof(out),
			    &o);
			CHECK_EQ_U(o.icv, esn ? CRY_ICV_BAD : CRY_ICV_OK);
			for (i = 0; i < n; i += 5) {
				esp[i] ^= 0x08;
				cry_esp_decrypt(s, esp, n, 0x1234, out,
				    sizeof(out), &o);
				CHECK_EQ_U(o.st, CRY_ICV_FAIL);
				esp[i] ^= 0x08;
			}
			cry_sa_free(s);
		}
}

/*
 * The multi-buffer backend: it takes AES-CCM-128/256 and AES-CBC with
 * AES-CMAC-96 (and leaves AES-192-CCM and Camellia to EVP); the CCM
 * cases and RFC 4494's 40-byte message (SPI, seq, a 16-byte IV and one
 * AES-CBC block) verify through it.
 */
static void
test_imb(void)
{
	struct cry *evp = C;
	struct cry_sa *s;
	struct cry_out o;
	uint8_t esp[64], out[64];
	char err[160];
	size_t k;

	C = cry_new(CRY_IMB, err, sizeof(err));
	if (C == NULL) {
		printf("# SKIP multi-buffer backend: %s\n", err);
		C = evp;
		return;
	}
	s = prep(KS_ENC_AES_CCM, "000102030405060708090a0b0c0d0e0f0a0b0c",
	    KS_AUTH_NONE, NULL, 12, true);
	CHECK(s != NULL && strcmp(cry_sa_backend(s), "imb") == 0);
	cry_sa_free(s);
	s = prep(KS_ENC_AES_CCM, "000102030405060708090a0b0c0d0e0f"
	    "0001020304050607" "0a0b0c", KS_AUTH_NONE, NULL, 16, false);
	CHECK(s != NULL && strcmp(cry_sa_backend(s), "evp") == 0);
	cry_sa_free(s);
	s = prep(KS_ENC_CAMELLIA_CBC, "000102030405060708090a0b0c0d0e0f",
	    KS_AUTH_AES_CMAC_96, "000102030405060708090a0b0c0d0e0f", 12,
	    false);
	CHECK(s != NULL && strcmp(cry_sa_backend(s), "evp") == 0);
	cry_sa_free(s);
	test_ccm();

	s = prep(KS_ENC_AES_CBC, "000102030405060708090a0b0c0d0e0f",
	    KS_AUTH_AES_CMAC_96, "2b7e151628aed2a6abf7158809cf4f3c", 12,
	    false);
	CHECK(s != NULL && strcmp(cry_sa_backend(s), "imb") == 0);
	unhex("6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e51"
	    "30c81c46a35ce411" "dfa66747de9ae63030ca3261", esp);
	cry_esp_decrypt(s, esp, 52, 0, out, sizeof(out), &o);
	CHECK_EQ_U(o.icv, CRY_ICV_OK);
	for (k = 0; k < 52; k += 5) {
		esp[k] ^= 0x02;
		cry_esp_decrypt(s, esp, 52, 0, out, sizeof(out), &o);
		CHECK_EQ_U(o.st, CRY_ICV_FAIL);
		esp[k] ^= 0x02;
	}
	cry_sa_free(s);
	cry_free(C);
	C = evp;
}

int
main(void)
{
	char err[160];

	C = cry_new(CRY_EVP, err, sizeof(err));
	CHECK(C != NULL);
	if (C == NULL) {
		fprintf(stderr, "%s\n", err);
		return check_done("test_cry");
	}
	test_cbc_ctr_des();
	test_hmac();
	test_xcbc();
	test_chacha();
	test_gcm();
	test_new_ciphers();
	test_new_macs();
	test_ccm();
	test_imb();
	test_nonstd_padding();
	test_esn_hmac();
	test_trailer();
	cry_free(C);
	return check_done("test_cry");
}
