/*
 * espalg.h - the ESP algorithm table: everything ikescope knows of an
 * ESP encryption or integrity transform, one row each: key, salt, IV,
 * block and ICV sizes, the cipher mode and OpenSSL name the EVP backend
 * uses, the multi-buffer backend's kind (a plain number its code maps),
 * and how each source spells it: our key files and JSON, Wireshark's
 * esp_sa, tcpdump -E, strongSwan's charon log, Linux `ip xfrm state`,
 * and IKEv1 (the ESP transform ID and Authentication Algorithm attribute
 * of a Quick Mode, RFC 2407 4.4.4, 4.5).  An AEAD cipher has a row per
 * ICV length (AES-GCM and AES-CCM 8, 12, 16), the unchecked "ANY"
 * integrity a row per length.  Adding an algorithm is adding a row (and
 * an enum value, and the backend's code for the mode or digest).
 */
#ifndef IKESCOPE_ESPALG_H
#define IKESCOPE_ESPALG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum ks_enc {
	KS_ENC_NULL = 0,
	KS_ENC_DES_CBC,
	KS_ENC_3DES_CBC,
	KS_ENC_AES_CBC,
	KS_ENC_AES_CTR,		/* RFC 3686: key || 4-byte nonce */
	KS_ENC_AES_GCM,		/* RFC 4106: key || 4-byte salt; icv 8/12/16 */
	KS_ENC_AES_GMAC,	/* RFC 4543 NULL-AUTH-AES-GMAC: key || salt */
	KS_ENC_CHACHA20_POLY1305, /* RFC 7634: 32-byte key || 4-byte salt */
	KS_ENC_AES_CCM,		/* RFC 4309: key || 3-byte salt; icv 8/12/16 */
	KS_ENC_CAMELLIA_CBC,	/* RFC 4312 */
	KS_ENC_CAST_CBC,	/* RFC 2144, 2451: CAST-128 (legacy provider) */
	KS_ENC_BLOWFISH_CBC	/* RFC 2451 (legacy provider) */
};

enum ks_auth {
	KS_AUTH_NONE = 0,	/* no integrity (or the AEAD's own) */
	KS_AUTH_HMAC_MD5_96,
	KS_AUTH_HMAC_SHA1_96,
	KS_AUTH_HMAC_SHA256_96,	/* draft-ietf-ipsec-ciph-sha-256-00 */
	KS_AUTH_HMAC_SHA256_128,
	KS_AUTH_HMAC_SHA384_192,
	KS_AUTH_HMAC_SHA512_256,
	KS_AUTH_AES_XCBC_96,
	KS_AUTH_ANY,		/* an ICV of icv_len bytes, not checked */
	KS_AUTH_AES_CMAC_96,	/* RFC 4494 */
	KS_AUTH_HMAC_RIPEMD160_96 /* RFC 2857 */
};

/* How a cipher runs (the backends' switch). */
enum espalg_mode {
	ESPALG_M_NULL = 0,
	ESPALG_M_CBC,
	ESPALG_M_CTR,		/* RFC 3686 counter block */
	ESPALG_M_GCM,		/* RFC 4106 */
	ESPALG_M_GMAC,		/* RFC 4543: all authenticated, nothing
				   encrypted */
	ESPALG_M_CHACHA,	/* RFC 7634 */
	ESPALG_M_CCM		/* RFC 4309 */
};

/* What the multi-buffer backend does with a row (0: leaves it to EVP). */
enum espalg_mb {
	ESPALG_MB_NONE = 0,
	ESPALG_MB_AES_CBC,
	ESPALG_MB_AES_CTR,
	ESPALG_MB_AES_GCM,
	ESPALG_MB_MD5,
	ESPALG_MB_SHA1,
	ESPALG_MB_SHA256,
	ESPALG_MB_SHA384,
	ESPALG_MB_SHA512,
	ESPALG_MB_AES_CCM,	/* 128 and 256-bit keys */
	ESPALG_MB_AES_CMAC
};

/* What computes an integrity algorithm's ICV. */
enum espalg_mac {
	ESPALG_MAC_NONE = 0,	/* none, or not checked (ANY) */
	ESPALG_MAC_HMAC,	/* RFC 2104 with the row's digest */
	ESPALG_MAC_XCBC,	/* RFC 3566 AES-XCBC-MAC */
	ESPALG_MAC_CMAC		/* RFC 4493 AES-CMAC with the row's cipher */
};

#define ESPALG_KEYS	3	/* key lengths a cipher may have */

struct espalg_enc {
	enum ks_enc	 id;
	const char	*name;		/* JSON and text: "aes-gcm" */
	const char	*ours;		/* our key files: "aes-gcm-16" */
	const char	*also;		/* another spelling we read, or NULL */
	size_t		 icv;		/* AEAD: ICV bytes; 0 otherwise */
	uint8_t		 keys[ESPALG_KEYS]; /* key bytes without the salt
					   (0-ended; none: no key) */
	uint8_t		 salt;		/* nonce / salt after the key */
	uint8_t		 iv;		/* explicit IV on the wire */
	uint8_t		 block;		/* ciphertext alignment it needs */
	enum espalg_mode mode;
	const char	*evp;		/* OpenSSL name, "%u" = key bits */
	const char	*legacy;	/* OpenSSL has it in the legacy
					   provider only: what to call it */
	enum espalg_mb	 mb;
	const char	*keyhint;	/* what the key must be (errors) */
	const char	*wireshark;	/* esp_sa string */
	bool		 ws40;		/* ... that tshark 4.0 has */
	const char	*ws_also;	/* another esp_sa string, or NULL */
	uint8_t		 ws_key;	/* the one key length Wireshark
					   takes, 0: each of keys[] */
	const char	*tcpdump;	/* tcpdump -E name ("%u" = key bits),
					   NULL: tcpdump cannot decrypt it */
	const char	*tcpdump_also;
	const char	*charon;	/* strongSwan's name */
	const char	*xfrm;		/* the kernel's ("enc", or "aead" with
					   icv * 8 bits) */
	const char	*xfrm_also;
	uint16_t	 ike_id;	/* IKEv1 ESP transform ID; 0: none */
};

struct espalg_auth {
	enum ks_auth	 id;
	const char	*name;		/* JSON, text and ours: "hmac-sha1-96";
					   ANY: "any" */
	const char	*ours;		/* our key files ("any-96") */
	const char	*also;
	size_t		 icv;		/* ICV bytes on the wire */
	uint8_t		 key;		/* key bytes it needs; 0: any length
					   (HMAC), or no key */
	const char	*keyhint;	/* ... said when it is not so */
	enum espalg_mac	 mac;
	const char	*digest;	/* OpenSSL digest of the HMAC, cipher
					   of the CMAC, or NULL */
	enum espalg_mb	 mb;
	const char	*wireshark;
	bool		 ws40;
	const char	*charon;
	const char	*xfrm;		/* "auth" / "auth-trunc" name */
	bool		 xfrm_dflt;	/* the kernel's truncation for "auth" */
	uint16_t	 ike_id;	/* IKEv1 Authentication Algorithm; 0:
					   none (also NONE's value) */
	uint8_t		 ike_key;	/* its KEYMAT bytes */
};

/*
 * The row of an SA's cipher (AEAD: of its ICV length) and integrity (ANY:
 * of its ICV length); icv 0 takes the first row of the kind.  NULL: none.
 */
const struct espalg_enc *espalg_enc(enum ks_enc, size_t icv);
const struct espalg_auth *espalg_auth(enum ks_auth, size_t icv);

/*
 * Lookups by a source's spelling; NULL when unknown.  _name: our key
 * files' and Wireshark esp_sa's strings (either format takes both);
 * _tcpdump also sets *key_len when the name gives it (aes128-cbc), else
 * 0; _xfrm: bits is the ICV ("aead" lines; 0 for "enc"), and for "auth"
 * (trunc false) the kernel's default truncation is taken; _ike: the
 * Quick Mode's transform ID or Authentication Algorithm value.
 */
const struct espalg_enc *espalg_enc_name(const char *);
const struct espalg_enc *espalg_enc_tcpdump(const char *, size_t *);
const struct espalg_enc *espalg_enc_charon(const char *);
const struct espalg_enc *espalg_enc_xfrm(const char *, unsigned);
const struct espalg_enc *espalg_enc_ike(uint16_t);
const struct espalg_auth *espalg_auth_name(const char *);
const struct espalg_auth *espalg_auth_charon(const char *);
const struct espalg_auth *espalg_auth_xfrm(const char *, bool, unsigned);
const struct espalg_auth *espalg_auth_ike(uint16_t);

/* Row i of a table, in order; NULL past the end. */
const struct espalg_enc *espalg_enc_row(size_t);
const struct espalg_auth *espalg_auth_row(size_t);
/* Whether the cipher takes a key of n bytes (without the salt). */
bool		 espalg_key_ok(const struct espalg_enc *, size_t);
/* pat with "%u" replaced by key_len * 8 into out (n bytes). */
void		 espalg_fmt(const char *pat, size_t key_len, char *out,
		    size_t n);

#endif
