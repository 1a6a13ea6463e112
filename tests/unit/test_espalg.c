/*
 * test_espalg.c - the ESP algorithm table: every spelling of every row
 * reads back to that row (so no two rows share one), the sizes fit the
 * key store, OpenSSL has every cipher at every key length and every HMAC
 * digest (with a digest long enough for the ICV), and spot values from
 * the RFCs and the sources' own documentation.
 */
#include <stdlib.h>
#include <string.h>

#include <openssl/evp.h>

#include "check.h"
#include "core/sslctx.h"
#include "keys/espalg.h"
#include "keys/keystore.h"

static bool
same_enc(const struct espalg_enc *a, const struct espalg_enc *b)
{
	return a != NULL && b != NULL && a->id == b->id && a->icv == b->icv;
}

static void
test_enc_rows(struct sslctx *ssl)
{
	const struct espalg_enc *e;
	char name[64];
	size_t i, k, kl;

	for (i = 0; (e = espalg_enc_row(i)) != NULL; i++) {
		CHECK(espalg_enc(e->id, e->icv) == e);
		CHECK(same_enc(espalg_enc_name(e->ours), e));
		/* Wireshark has no CCM or Camellia */
		CHECK(e->wireshark != NULL || e->mode == ESPALG_M_CCM ||
		    e->id == KS_ENC_CAMELLIA_CBC);
		if (e->wireshark != NULL)
			CHECK(same_enc(espalg_enc_name(e->wireshark), e));
		if (e->also != NULL)
			CHECK(same_enc(espalg_enc_name(e->also), e));
		if (e->ws_also != NULL)
			CHECK(same_enc(espalg_enc_name(e->ws_also), e));
		CHECK(e->charon != NULL &&
		    same_enc(espalg_enc_charon(e->charon), e));
		CHECK(same_enc(espalg_enc_xfrm(e->xfrm, (unsigned)e->icv * 8),
		    e));
		if (e->xfrm_also != NULL)
			CHECK(same_enc(espalg_enc_xfrm(e->xfrm_also,
			    (unsigned)e->icv * 8), e));
		if (e->ike_id != 0)
			CHECK(same_enc(espalg_enc_ike(e->ike_id), e));
		CHECK(e->salt <= 4 && e->block >= 1 && e->iv <= 16);
		CHECK(e->keyhint != NULL);
		CHECK((e->icv != 0) == (e->mode == ESPALG_M_GCM ||
		    e->mode == ESPALG_M_GMAC || e->mode == ESPALG_M_CHACHA ||
		    e->mode == ESPALG_M_CCM));
		CHECK((e->keys[0] == 0) == (e->mode == ESPALG_M_NULL));
		CHECK(espalg_key_ok(e, e->keys[0]));
		CHECK(!espalg_key_ok(e, 7));
		for (k = 0; k < ESPALG_KEYS && e->keys[k] != 0; k++) {
			CHECK(e->keys[k] + e->salt <= KS_MAX_KEY);
			if (e->tcpdump != NULL) {
				espalg_fmt(e->tcpdump, e->keys[k], name,
				    sizeof(name));
				CHECK(same_enc(espalg_enc_tcpdump(name, &kl),
				    e));
				CHECK(kl == 0 || kl == e->keys[k]);
			}
			if (e->legacy != NULL && !sslctx_has_legacy(ssl))
				continue;
			espalg_fmt(e->evp, e->keys[k], name, sizeof(name));
			{
				EVP_CIPHER *c = EVP_CIPHER_fetch(
				    sslctx_lib(ssl), name, NULL);

				CHECK(c != NULL);
				/* Blowfish's key length is set per SA
				   (test_cry: a 24-byte key's KAT) */
				if (c != NULL && e->id != KS_ENC_BLOWFISH_CBC)
					CHECK_EQ_U(EVP_CIPHER_get_key_length(c),
					    e->keys[k]);
				if (c != NULL) {
					CHECK_EQ_U(EVP_CIPHER_get_block_size(c),
					    e->block);
				}
				EVP_CIPHER_free(c);
			}
		}
	}
	CHECK(i >= 16);
}

static bool
same_auth(const struct espalg_auth *a, const struct espalg_auth *b)
{
	return a != NULL && b != NULL && a->id == b->id && a->icv == b->icv;
}

static void
test_auth_rows(struct sslctx *ssl)
{
	const struct espalg_auth *a;
	size_t i;

	for (i = 0; (a = espalg_auth_row(i)) != NULL; i++) {
		CHECK(same_auth(espalg_auth(a->id, a->icv), a));
		CHECK(same_auth(espalg_auth_name(a->ours), a));
		if (a->wireshark != NULL)
			CHECK(same_auth(espalg_auth_name(a->wireshark), a));
		else
			CHECK(a->id == KS_AUTH_AES_CMAC_96);
		if (a->also != NULL)
			CHECK(same_auth(espalg_auth_name(a->also), a));
		if (a->charon != NULL)
			CHECK(same_auth(espalg_auth_charon(a->charon), a));
		if (a->xfrm != NULL) {
			CHECK(same_auth(espalg_auth_xfrm(a->xfrm, true,
			    (unsigned)a->icv * 8), a));
			if (a->xfrm_dflt)
				CHECK(same_auth(espalg_auth_xfrm(a->xfrm,
				    false, 0), a));
		}
		if (a->ike_id != 0 || a->id == KS_AUTH_NONE)
			CHECK(same_auth(espalg_auth_ike(a->ike_id), a));
		CHECK((a->digest != NULL) == (a->mac == ESPALG_MAC_HMAC ||
		    a->mac == ESPALG_MAC_CMAC));
		CHECK(a->icv <= 32 && a->ike_key <= KS_MAX_KEY);
		if (a->id != KS_AUTH_ANY)
			CHECK_EQ_U(ks_auth_icv_len(a->id), a->icv);
		if (a->mac == ESPALG_MAC_CMAC) {
			EVP_CIPHER *c = EVP_CIPHER_fetch(sslctx_lib(ssl),
			    a->digest, NULL);

			CHECK(c != NULL);
			if (c != NULL) {
				CHECK_EQ_U(EVP_CIPHER_get_key_length(c),
				    a->key);
				CHECK(a->icv <= (size_t)
				    EVP_CIPHER_get_block_size(c));
			}
			EVP_CIPHER_free(c);
		} else if (a->digest != NULL) {
			EVP_MD *md = EVP_MD_fetch(sslctx_lib(ssl), a->digest,
			    NULL);

			CHECK(md != NULL);
			if (md != NULL)
				CHECK(a->icv >= 12 &&
				    a->icv <= (size_t)EVP_MD_get_size(md));
			EVP_MD_free(md);
		}
	}
	CHECK(i >= 15);
}

/* Values from the RFCs and the sources, not from the table. */
static void
test_spot(void)
{
	const struct espalg_enc *e;
	const struct espalg_auth *a;
	char b[32];
	size_t kl = 99;

	/* RFC 2407 4.4.4 and IANA: ESP_AES-CBC 12, ESP_AES-GCM-16 20 */
	e = espalg_enc_ike(12);
	CHECK(e != NULL && e->id == KS_ENC_AES_CBC && e->iv == 16);
	e = espalg_enc_ike(20);
	CHECK(e != NULL && e->id == KS_ENC_AES_GCM && e->icv == 16 &&
	    e->salt == 4);
	CHECK(espalg_enc_ike(1) == NULL);	/* ESP_DES_IV64 */
	/* RFC 2407 4.5: HMAC-SHA 2; RFC 4868 for IKEv1: SHA2-256 5 */
	a = espalg_auth_ike(2);
	CHECK(a != NULL && a->id == KS_AUTH_HMAC_SHA1_96 && a->ike_key == 20);
	a = espalg_auth_ike(5);
	CHECK(a != NULL && a->id == KS_AUTH_HMAC_SHA256_128 && a->icv == 16);
	/* tcpdump -E: aes-192-cbc is OpenSSL's spelling too */
	e = espalg_enc_tcpdump("aes-192-cbc", &kl);
	CHECK(e != NULL && e->id == KS_ENC_AES_CBC && kl == 24);
	CHECK(espalg_enc_tcpdump("aes-ctr", &kl) == NULL);
	/* ip xfrm: "auth hmac(sha256)" is the kernel's 96-bit default */
	a = espalg_auth_xfrm("hmac(sha256)", false, 0);
	CHECK(a != NULL && a->id == KS_AUTH_HMAC_SHA256_96);
	CHECK(espalg_auth_xfrm("hmac(sha256)", true, 100) == NULL);
	e = espalg_enc_xfrm("rfc4106(gcm(aes))", 96);
	CHECK(e != NULL && e->id == KS_ENC_AES_GCM && e->icv == 12);
	CHECK(espalg_enc_xfrm("rfc4106(gcm(aes))", 0) == NULL);
	/* Wireshark 4.0 has no GMAC, ChaCha20 or XCBC row */
	CHECK(!espalg_enc(KS_ENC_AES_GMAC, 16)->ws40);
	CHECK(!espalg_auth(KS_AUTH_AES_XCBC_96, 0)->ws40);
	CHECK(espalg_enc_name("AES-GCM [RFC4106]")->icv == 16);
	CHECK(espalg_enc_name("TWOFISH-CBC") == NULL);
	/* RFC 4309 7.1 / IANA: ESP_AES_CCM_ICV8, 12, 16 = 14, 15, 16, a
	   3-byte salt; RFC 4312: ESP_CAMELLIA 22; RFC 2407: ESP_CAST 6,
	   ESP_BLOWFISH 7, HMAC-RIPEMD 8 (RFC 2857: a 160-bit key) */
	e = espalg_enc_ike(14);
	CHECK(e != NULL && e->id == KS_ENC_AES_CCM && e->icv == 8 &&
	    e->salt == 3 && e->iv == 8);
	e = espalg_enc_ike(15);
	CHECK(e != NULL && e->id == KS_ENC_AES_CCM && e->icv == 12);
	e = espalg_enc_ike(16);
	CHECK(e != NULL && e->id == KS_ENC_AES_CCM && e->icv == 16);
	e = espalg_enc_ike(22);
	CHECK(e != NULL && e->id == KS_ENC_CAMELLIA_CBC && e->iv == 16);
	e = espalg_enc_ike(6);
	CHECK(e != NULL && e->id == KS_ENC_CAST_CBC && e->block == 8);
	e = espalg_enc_ike(7);
	CHECK(e != NULL && e->id == KS_ENC_BLOWFISH_CBC && e->iv == 8);
	a = espalg_auth_ike(8);
	CHECK(a != NULL && a->id == KS_AUTH_HMAC_RIPEMD160_96 &&
	    a->ike_key == 20 && a->icv == 12);
	/* the kernel's names (crypto/, net/xfrm/xfrm_algo.c) */
	e = espalg_enc_xfrm("rfc4309(ccm(aes))", 64);
	CHECK(e != NULL && e->id == KS_ENC_AES_CCM && e->icv == 8);
	CHECK(espalg_enc_xfrm("cbc(camellia)", 0)->id == KS_ENC_CAMELLIA_CBC);
	CHECK(espalg_enc_xfrm("cbc(cast5)", 0)->id == KS_ENC_CAST_CBC);
	CHECK(espalg_enc_xfrm("cbc(blowfish)", 0)->id == KS_ENC_BLOWFISH_CBC);
	a = espalg_auth_xfrm("cmac(aes)", false, 0);
	CHECK(a != NULL && a->id == KS_AUTH_AES_CMAC_96 && a->icv == 12);
	a = espalg_auth_xfrm("hmac(rmd160)", false, 0);
	CHECK(a != NULL && a->id == KS_AUTH_HMAC_RIPEMD160_96);
	/* strongSwan's (crypter.c, signer.c) */
	e = espalg_enc_charon("AES_CCM_12");
	CHECK(e != NULL && e->id == KS_ENC_AES_CCM && e->icv == 12);
	CHECK(espalg_enc_charon("CAST_CBC")->id == KS_ENC_CAST_CBC);
	CHECK(espalg_enc_charon("BLOWFISH_CBC")->id == KS_ENC_BLOWFISH_CBC);
	CHECK(espalg_enc_charon("CAMELLIA_CBC")->id == KS_ENC_CAMELLIA_CBC);
	CHECK(espalg_auth_charon("AES_CMAC_96")->id == KS_AUTH_AES_CMAC_96);
	/* Wireshark's (packet-esp.c): CAST, Blowfish (128 bits), RIPEMD */
	CHECK(espalg_enc_name("CAST5-CBC [RFC2144]")->id == KS_ENC_CAST_CBC);
	e = espalg_enc_name("BLOWFISH-CBC [RFC2451]");
	CHECK(e != NULL && e->id == KS_ENC_BLOWFISH_CBC && e->ws_key == 16);
	CHECK(espalg_auth_name("MAC-RIPEMD-160-96 [RFC2857]")->id ==
	    KS_AUTH_HMAC_RIPEMD160_96);
	/* tcpdump -E takes OpenSSL's camellia128-cbc; not CCM */
	e = espalg_enc_tcpdump("camellia256-cbc", &kl);
	CHECK(e != NULL && e->id == KS_ENC_CAMELLIA_CBC && kl == 32);
	CHECK(espalg_enc(KS_ENC_AES_CCM, 16)->tcpdump == NULL);
	espalg_fmt("AES-%u-CTR", 32, b, sizeof(b));
	CHECK_STR(b, "AES-256-CTR");
	espalg_fmt("3des-cbc", 24, b, sizeof(b));
	CHECK_STR(b, "3des-cbc");
	CHECK_STR(ks_enc_name(KS_ENC_AES_GCM), "aes-gcm");
	CHECK_STR(ks_auth_name(KS_AUTH_ANY), "any");
}

int
main(void)
{
	char err[256];
	struct sslctx *ssl = sslctx_new(err, sizeof(err));

	CHECK(ssl != NULL);
	if (ssl == NULL) {
		fprintf(stderr, "%s\n", err);
		return 1;
	}
	test_enc_rows(ssl);
	test_auth_rows(ssl);
	test_spot();
	sslctx_free(ssl);
	return check_done("test_espalg");
}
