/*
 * espalg.c - the ESP algorithm table; see espalg.h.
 */
#include <stdio.h>
#include <string.h>

#include "keys/espalg.h"

#define AES_KEYS	{ 16, 24, 32 }

static const struct espalg_enc espalg_encs[] = {
	{ .id = KS_ENC_NULL, .name = "null", .ours = "null", .block = 1,
	  .mode = ESPALG_M_NULL, .keyhint = "NULL encryption takes no key",
	  .wireshark = "NULL", .ws40 = true, .tcpdump = "none",
	  .charon = "NULL", .xfrm = "ecb(cipher_null)",
	  .xfrm_also = "cipher_null", .ike_id = 11 },
	{ .id = KS_ENC_DES_CBC, .name = "des-cbc", .ours = "des-cbc",
	  .keys = { 8 }, .iv = 8, .block = 8, .mode = ESPALG_M_CBC,
	  .evp = "DES-CBC", .legacy = "DES",
	  .keyhint = "DES-CBC needs an 8-byte key",
	  .wireshark = "DES-CBC [RFC2405]", .ws40 = true,
	  .tcpdump = "des-cbc", .charon = "DES_CBC", .xfrm = "cbc(des)",
	  .ike_id = 2 },
	{ .id = KS_ENC_3DES_CBC, .name = "3des-cbc", .ours = "3des-cbc",
	  .keys = { 24 }, .iv = 8, .block = 8, .mode = ESPALG_M_CBC,
	  .evp = "DES-EDE3-CBC", .keyhint = "3DES-CBC needs a 24-byte key",
	  .wireshark = "TripleDES-CBC [RFC2451]", .ws40 = true,
	  .tcpdump = "3des-cbc", .tcpdump_also = "des-ede3-cbc",
	  .charon = "3DES_CBC", .xfrm = "cbc(des3_ede)", .ike_id = 3 },
	{ .id = KS_ENC_AES_CBC, .name = "aes-cbc", .ours = "aes-cbc",
	  .keys = AES_KEYS, .iv = 16, .block = 16, .mode = ESPALG_M_CBC,
	  .evp = "AES-%u-CBC", .mb = ESPALG_MB_AES_CBC,
	  .keyhint = "AES-CBC needs a 16, 24 or 32-byte key",
	  .wireshark = "AES-CBC [RFC3602]", .ws40 = true,
	  .tcpdump = "aes%u-cbc", .tcpdump_also = "aes-%u-cbc",
	  .charon = "AES_CBC", .xfrm = "cbc(aes)", .ike_id = 12 },
	{ .id = KS_ENC_AES_CTR, .name = "aes-ctr", .ours = "aes-ctr",
	  .keys = AES_KEYS, .salt = 4, .iv = 8, .block = 1,
	  .mode = ESPALG_M_CTR, .evp = "AES-%u-CTR", .mb = ESPALG_MB_AES_CTR,
	  .keyhint = "AES-CTR needs a 16, 24 or 32-byte key followed by the "
	  "4-byte nonce (20, 28 or 36 bytes)",
	  .wireshark = "AES-CTR [RFC3686]", .ws40 = true,
	  .charon = "AES_CTR", .xfrm = "rfc3686(ctr(aes))", .ike_id = 13 },
#define GCM(n, id_, ...) \
	{ .id = KS_ENC_AES_GCM, .name = "aes-gcm", .ours = "aes-gcm-" #n, \
	  .icv = n, .keys = AES_KEYS, .salt = 4, .iv = 8, .block = 1, \
	  .mode = ESPALG_M_GCM, .evp = "AES-%u-GCM", \
	  .mb = ESPALG_MB_AES_GCM, .keyhint = "AES-GCM/GMAC needs a 16, " \
	  "24 or 32-byte key followed by the 4-byte salt (20, 28 or 36 " \
	  "bytes)", .wireshark = "AES-GCM with " #n " octet ICV [RFC4106]", \
	  .ws40 = true, .charon = "AES_GCM_" #n, \
	  .xfrm = "rfc4106(gcm(aes))", .ike_id = id_, __VA_ARGS__ }
	GCM(8, 18),
	GCM(12, 19),
	GCM(16, 20, .also = "aes-gcm", .ws_also = "AES-GCM [RFC4106]"),
#undef GCM
	{ .id = KS_ENC_AES_GMAC, .name = "aes-gmac", .ours = "aes-gmac",
	  .also = "null-auth-aes-gmac", .icv = 16, .keys = AES_KEYS,
	  .salt = 4, .iv = 8, .block = 1, .mode = ESPALG_M_GMAC,
	  .evp = "AES-%u-GCM", .keyhint = "AES-GCM/GMAC needs a 16, 24 or "
	  "32-byte key followed by the 4-byte salt (20, 28 or 36 bytes)",
	  .wireshark = "NULL-AUTH-AES-GMAC [RFC4543]",
	  .charon = "NULL_AES_GMAC", .xfrm = "rfc4543(gcm(aes))",
	  .ike_id = 23 },
	{ .id = KS_ENC_CHACHA20_POLY1305, .name = "chacha20-poly1305",
	  .ours = "chacha20-poly1305", .icv = 16, .keys = { 32 }, .salt = 4,
	  .iv = 8, .block = 1, .mode = ESPALG_M_CHACHA,
	  .evp = "ChaCha20-Poly1305", .keyhint = "ChaCha20-Poly1305 needs a "
	  "32-byte key followed by the 4-byte salt (36 bytes)",
	  .wireshark = "ChaCha20 with Poly1305 [RFC7634]",
	  .charon = "CHACHA20_POLY1305",
	  .xfrm = "rfc7539esp(chacha20,poly1305)" },
#define CCM(n, id_, ...) \
	{ .id = KS_ENC_AES_CCM, .name = "aes-ccm", .ours = "aes-ccm-" #n, \
	  .icv = n, .keys = AES_KEYS, .salt = 3, .iv = 8, .block = 1, \
	  .mode = ESPALG_M_CCM, .evp = "AES-%u-CCM", \
	  .mb = ESPALG_MB_AES_CCM, \
	  .keyhint = "AES-CCM needs a 16, 24 or 32-byte key followed by " \
	  "the 3-byte salt (19, 27 or 35 bytes)", .charon = "AES_CCM_" #n, \
	  .xfrm = "rfc4309(ccm(aes))", .ike_id = id_, __VA_ARGS__ }
	CCM(8, 14),
	CCM(12, 15),
	CCM(16, 16, .also = "aes-ccm"),
#undef CCM
	{ .id = KS_ENC_CAMELLIA_CBC, .name = "camellia-cbc",
	  .ours = "camellia-cbc", .keys = AES_KEYS, .iv = 16, .block = 16,
	  .mode = ESPALG_M_CBC, .evp = "CAMELLIA-%u-CBC",
	  .keyhint = "Camellia-CBC needs a 16, 24 or 32-byte key",
	  .tcpdump = "camellia%u-cbc", .charon = "CAMELLIA_CBC",
	  .xfrm = "cbc(camellia)", .ike_id = 22 },
	/* RFC 2451's CAST-128 takes 40 to 128 bits; strongSwan, libreswan
	   and Wireshark use 128 */
	{ .id = KS_ENC_CAST_CBC, .name = "cast128-cbc", .ours = "cast128-cbc",
	  .keys = { 16 }, .iv = 8, .block = 8, .mode = ESPALG_M_CBC,
	  .evp = "CAST5-CBC", .legacy = "CAST-128",
	  .keyhint = "CAST-128-CBC needs a 16-byte key",
	  .wireshark = "CAST5-CBC [RFC2144]", .ws40 = true,
	  .charon = "CAST_CBC", .xfrm = "cbc(cast5)", .ike_id = 6 },
	{ .id = KS_ENC_BLOWFISH_CBC, .name = "blowfish-cbc",
	  .ours = "blowfish-cbc", .keys = AES_KEYS, .iv = 8, .block = 8,
	  .mode = ESPALG_M_CBC, .evp = "BF-CBC", .legacy = "Blowfish",
	  .keyhint = "Blowfish-CBC needs a 16, 24 or 32-byte key",
	  .wireshark = "BLOWFISH-CBC [RFC2451]", .ws40 = true, .ws_key = 16,
	  .charon = "BLOWFISH_CBC", .xfrm = "cbc(blowfish)", .ike_id = 7 },
};

#define HMAC(id_, name_, icv_, dg, mb_, ws, ch, xf, dflt, ike, ikek) \
	{ .id = id_, .name = name_, .ours = name_, .icv = icv_, \
	  .mac = ESPALG_MAC_HMAC, .digest = dg, .mb = mb_, .wireshark = ws, \
	  .ws40 = true, .charon = ch, .xfrm = xf, .xfrm_dflt = dflt, \
	  .ike_id = ike, .ike_key = ikek }

static const struct espalg_auth espalg_auths[] = {
	{ .id = KS_AUTH_NONE, .name = "none", .ours = "none", .also = "null",
	  .wireshark = "NULL", .ws40 = true, .xfrm = "digest_null",
	  .xfrm_dflt = true },
	HMAC(KS_AUTH_HMAC_MD5_96, "hmac-md5-96", 12, "MD5", ESPALG_MB_MD5,
	    "HMAC-MD5-96 [RFC2403]", "HMAC_MD5_96", "hmac(md5)", true, 1,
	    16),
	HMAC(KS_AUTH_HMAC_SHA1_96, "hmac-sha1-96", 12, "SHA1", ESPALG_MB_SHA1,
	    "HMAC-SHA-1-96 [RFC2404]", "HMAC_SHA1_96", "hmac(sha1)", true, 2,
	    20),
	/* draft-ietf-ipsec-ciph-sha-256-00: no IKEv1 value of its own */
	HMAC(KS_AUTH_HMAC_SHA256_96, "hmac-sha256-96", 12, "SHA2-256",
	    ESPALG_MB_NONE,
	    "HMAC-SHA-256-96 [draft-ietf-ipsec-ciph-sha-256-00]",
	    "HMAC_SHA2_256_96", "hmac(sha256)", true, 0, 0),
	HMAC(KS_AUTH_HMAC_SHA256_128, "hmac-sha256-128", 16, "SHA2-256",
	    ESPALG_MB_SHA256, "HMAC-SHA-256-128 [RFC4868]",
	    "HMAC_SHA2_256_128", "hmac(sha256)", false, 5, 32),
	HMAC(KS_AUTH_HMAC_SHA384_192, "hmac-sha384-192", 24, "SHA2-384",
	    ESPALG_MB_SHA384, "HMAC-SHA-384-192 [RFC4868]",
	    "HMAC_SHA2_384_192", "hmac(sha384)", true, 6, 48),
	HMAC(KS_AUTH_HMAC_SHA512_256, "hmac-sha512-256", 32, "SHA2-512",
	    ESPALG_MB_SHA512, "HMAC-SHA-512-256 [RFC4868]",
	    "HMAC_SHA2_512_256", "hmac(sha512)", true, 7, 64),
	{ .id = KS_AUTH_AES_XCBC_96, .name = "aes-xcbc-96",
	  .ours = "aes-xcbc-96", .icv = 12, .key = 16,
	  .keyhint = "AES-XCBC-MAC-96 needs a 16-byte key",
	  .mac = ESPALG_MAC_XCBC, .wireshark = "AES-XCBC-MAC-96 [RFC3566]",
	  .charon = "AES_XCBC_96", .xfrm = "xcbc(aes)", .xfrm_dflt = true,
	  .ike_id = 9, .ike_key = 16 },
#define ANY(bits) \
	{ .id = KS_AUTH_ANY, .name = "any", .ours = "any-" #bits, \
	  .icv = (bits) / 8, \
	  .wireshark = "ANY " #bits " bit authentication [no checking]", \
	  .ws40 = true }
	ANY(64),
	ANY(96),
	ANY(128),
	ANY(192),
	ANY(256),
#undef ANY
	{ .id = KS_AUTH_AES_CMAC_96, .name = "aes-cmac-96",
	  .ours = "aes-cmac-96", .icv = 12, .key = 16,
	  .keyhint = "AES-CMAC-96 needs a 16-byte key",
	  .mac = ESPALG_MAC_CMAC, .digest = "AES-128-CBC",
	  .mb = ESPALG_MB_AES_CMAC,
	  .charon = "AES_CMAC_96", .xfrm = "cmac(aes)", .xfrm_dflt = true },
	HMAC(KS_AUTH_HMAC_RIPEMD160_96, "hmac-ripemd160-96", 12, "RIPEMD160",
	    ESPALG_MB_NONE, "MAC-RIPEMD-160-96 [RFC2857]", NULL,
	    "hmac(rmd160)", true, 8, 20),
};
#undef HMAC

#define ESPALG_N(a)	(sizeof(a) / sizeof((a)[0]))

static bool
espalg_is(const char *a, const char *s)
{
	return a != NULL && strcmp(a, s) == 0;
}

const struct espalg_enc *
espalg_enc_row(size_t i)
{
	return i < ESPALG_N(espalg_encs) ? &espalg_encs[i] : NULL;
}

const struct espalg_auth *
espalg_auth_row(size_t i)
{
	return i < ESPALG_N(espalg_auths) ? &espalg_auths[i] : NULL;
}

const struct espalg_enc *
espalg_enc(enum ks_enc id, size_t icv)
{
	size_t i;

	for (i = 0; i < ESPALG_N(espalg_encs); i++)
		if (espalg_encs[i].id == id && (espalg_encs[i].icv == 0 ||
		    icv == 0 || espalg_encs[i].icv == icv))
			return &espalg_encs[i];
	return NULL;
}

const struct espalg_auth *
espalg_auth(enum ks_auth id, size_t icv)
{
	size_t i;

	for (i = 0; i < ESPALG_N(espalg_auths); i++)
		if (espalg_auths[i].id == id && (id != KS_AUTH_ANY ||
		    icv == 0 || espalg_auths[i].icv == icv))
			return &espalg_auths[i];
	return NULL;
}

const struct espalg_enc *
espalg_enc_name(const char *s)
{
	const struct espalg_enc *e;
	size_t i;

	for (i = 0; i < ESPALG_N(espalg_encs); i++) {
		e = &espalg_encs[i];
		if (espalg_is(e->ours, s) || espalg_is(e->also, s) ||
		    espalg_is(e->wireshark, s) || espalg_is(e->ws_also, s))
			return e;
	}
	return NULL;
}

void
espalg_fmt(const char *pat, size_t key_len, char *out, size_t n)
{
	const char *p = strstr(pat, "%u");

	if (p == NULL)
		snprintf(out, n, "%s", pat);
	else
		snprintf(out, n, "%.*s%zu%s", (int)(p - pat), pat, key_len * 8,
		    p + 2);
}

/* Whether s is pat with key length len (pat may be NULL). */
static bool
espalg_is_fmt(const char *pat, size_t len, const char *s)
{
	char b[64];

	if (pat == NULL)
		return false;
	espalg_fmt(pat, len, b, sizeof(b));
	return strcmp(b, s) == 0;
}

const struct espalg_enc *
espalg_enc_tcpdump(const char *s, size_t *key_len)
{
	const struct espalg_enc *e;
	size_t i, k;

	for (i = 0; i < ESPALG_N(espalg_encs); i++) {
		e = &espalg_encs[i];
		if (e->tcpdump == NULL)
			continue;
		if (strstr(e->tcpdump, "%u") == NULL) {
			*key_len = 0;
			if (espalg_is(e->tcpdump, s) ||
			    espalg_is(e->tcpdump_also, s))
				return e;
			continue;
		}
		for (k = 0; k < ESPALG_KEYS && e->keys[k] != 0; k++)
			if (espalg_is_fmt(e->tcpdump, e->keys[k], s) ||
			    espalg_is_fmt(e->tcpdump_also, e->keys[k], s)) {
				*key_len = e->keys[k];
				return e;
			}
	}
	return NULL;
}

const struct espalg_enc *
espalg_enc_charon(const char *s)
{
	size_t i;

	for (i = 0; i < ESPALG_N(espalg_encs); i++)
		if (espalg_is(espalg_encs[i].charon, s))
			return &espalg_encs[i];
	return NULL;
}

const struct espalg_enc *
espalg_enc_xfrm(const char *s, unsigned bits)
{
	const struct espalg_enc *e;
	size_t i;

	for (i = 0; i < ESPALG_N(espalg_encs); i++) {
		e = &espalg_encs[i];
		if ((espalg_is(e->xfrm, s) || espalg_is(e->xfrm_also, s)) &&
		    e->icv * 8 == bits)
			return e;
	}
	return NULL;
}

const struct espalg_enc *
espalg_enc_ike(uint16_t id)
{
	size_t i;

	for (i = 0; i < ESPALG_N(espalg_encs); i++)
		if (id != 0 && espalg_encs[i].ike_id == id)
			return &espalg_encs[i];
	return NULL;
}

const struct espalg_auth *
espalg_auth_name(const char *s)
{
	const struct espalg_auth *a;
	size_t i;

	for (i = 0; i < ESPALG_N(espalg_auths); i++) {
		a = &espalg_auths[i];
		if (espalg_is(a->ours, s) || espalg_is(a->also, s) ||
		    espalg_is(a->wireshark, s))
			return a;
	}
	return NULL;
}

const struct espalg_auth *
espalg_auth_charon(const char *s)
{
	size_t i;

	for (i = 0; i < ESPALG_N(espalg_auths); i++)
		if (espalg_is(espalg_auths[i].charon, s))
			return &espalg_auths[i];
	return NULL;
}

const struct espalg_auth *
espalg_auth_xfrm(const char *s, bool trunc, unsigned bits)
{
	const struct espalg_auth *a;
	size_t i;

	for (i = 0; i < ESPALG_N(espalg_auths); i++) {
		a = &espalg_auths[i];
		if (espalg_is(a->xfrm, s) &&
		    (trunc ? a->icv * 8 == bits : a->xfrm_dflt))
			return a;
	}
	return NULL;
}

const struct espalg_auth *
espalg_auth_ike(uint16_t id)
{
	size_t i;

	for (i = 0; i < ESPALG_N(espalg_auths); i++)
		if (espalg_auths[i].ike_id == id &&
		    (id != 0 || espalg_auths[i].id == KS_AUTH_NONE))
			return &espalg_auths[i];
	return NULL;
}

bool
espalg_key_ok(const struct espalg_enc *e, size_t n)
{
	size_t k;

	if (e->keys[0] == 0)
		return n == 0;
	for (k = 0; k < ESPALG_KEYS && e->keys[k] != 0; k++)
		if (e->keys[k] == n)
			return true;
	return false;
}
