/*
 * ike_crypto.h - IKEv1 phase-1 key derivation, the IV chains, decryption
 * and HASH verification of encrypted ISAKMP messages, and ESP keys from
 * IKE keys (RFC 2409 sections 5 and 5.5, appendix B).
 *
 * One struct ike_cry per IKE SA (hung off the tracker's SA).  It learns
 * from every plaintext or decrypted message (KE, nonces, the initiator's
 * SA body, IDs) and from the key store entry for its initiator cookie, and
 * derives whatever the given subset allows:
 *
 *   psk + nonces -> SKEYID (PSK and XAUTH-PSK methods)
 *   g^xy + nonces -> SKEYID (signature methods)
 *   SKEYID + g^xy + cookies -> SKEYID_d, SKEYID_a, SKEYID_e
 *   SKEYID_e -> Ka (appendix B expansion when SKEYID_e is short)
 *
 * IV rules: the first phase-1 encrypted message uses H(g^xi | g^xr);
 * each later phase-1 message the last ciphertext block of the previous
 * one.  A new message ID M starts from H(last phase-1 block | M); within
 * M the IV chains from the previous message of M.  A retransmission is
 * decrypted with the IV its original used and advances nothing.  The
 * chains follow ciphertext, so they stay right even while keys are
 * missing.
 */
#ifndef IKESCOPE_IKE_CRYPTO_H
#define IKESCOPE_IKE_CRYPTO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/sslctx.h"
#include "dissectors/isakmp.h"
#include "keys/keystore.h"

#define IKE_MAX_BLOCK	16
#define IKE_MAX_HASH	64

/* Negotiated phase-1 algorithms (Oakley registry values). */
struct ike_alg {
	uint16_t	enc;		/* 1 DES, 3 Blowfish, 5 3DES, 6 CAST,
					   7 AES, 8 Camellia */
	uint16_t	key_len;	/* bits; 0 = the cipher's default */
	uint16_t	hash;		/* 1 MD5, 2 SHA1, 4/5/6 SHA2 */
	uint16_t	auth;		/* authentication method */
	uint16_t	group;
};

enum ike_dec_status {
	IKE_DEC_OK = 0,
	IKE_DEC_NO_KEYS,	/* no key material for this SA */
	IKE_DEC_NO_ALG,		/* the SA payload with the cipher not seen */
	IKE_DEC_NO_IV,		/* KE payloads or the last phase-1 block
				   not seen, so the IV is unknown */
	IKE_DEC_UNSUPPORTED,	/* cipher/hash not available */
	IKE_DEC_BAD_LENGTH,	/* ciphertext not a multiple of the block */
	IKE_DEC_FAILED		/* plaintext does not parse: wrong key? */
};

enum ike_hash_status { IKE_HASH_UNCHECKED = 0, IKE_HASH_OK, IKE_HASH_BAD };

struct ike_dec {
	enum ike_dec_status	st;
	enum ike_hash_status	hash;
	uint8_t			iv[IKE_MAX_BLOCK];	/* the IV used */
	size_t			iv_len;
	size_t			len;		/* plaintext bytes */
	size_t			chain_len;	/* covered by payloads */
	const char		*key_source;	/* which key material */
};

struct ike_cry;

struct ike_cry	*ike_cry_new(void);
void		 ike_cry_free(struct ike_cry *);
void		 ike_cry_set_alg(struct ike_cry *, const struct ike_alg *);
void		 ike_cry_observe(struct ike_cry *, bool, uint32_t,
		    const uint8_t *, const struct isakmp_msg *);
int		 ike_cry_decrypt(struct ike_cry *, struct sslctx *,
		    const struct ks_ike *, const struct isakmp_hdr *,
		    const uint8_t *, size_t, bool, const uint8_t *,
		    uint8_t *, size_t, struct isakmp_msg *, struct ike_dec *);
enum ike_hash_status ike_cry_verify_p1(struct ike_cry *, struct sslctx *,
		    const struct ks_ike *, const struct isakmp_hdr *, bool,
		    const uint8_t *, const struct isakmp_msg *);
bool		 ike_cry_learned(struct ike_cry *, struct ks_ike *);
int		 ike_cry_keymat(struct ike_cry *, struct sslctx *,
		    const struct ks_ike *, uint8_t, uint32_t,
		    const uint8_t *, size_t, const uint8_t *, size_t,
		    const uint8_t *, size_t, uint8_t *, size_t);
int		 ike_cry_qm_nonces(const struct ike_cry *, uint32_t,
		    const uint8_t **, size_t *, const uint8_t **, size_t *);
const char	*ike_dec_status_name(enum ike_dec_status);
const char	*ike_dec_status_token(enum ike_dec_status);
const char	*ike_hash_status_name(enum ike_hash_status);

/* Exposed for known-answer tests. */
int		 ike_prf(struct sslctx *, uint16_t, const uint8_t *, size_t,
		    const uint8_t *const *, const size_t *, size_t, uint8_t *,
		    size_t *);
int		 ike_expand(struct sslctx *, uint16_t, const uint8_t *,
		    size_t, size_t, uint8_t *);

#endif
