/*
 * ike_crypto.h - IKEv1 phase-1 key derivation, the IV chains, decryption
 * and HASH verification of encrypted ISAKMP messages, and ESP keys from
 * IKE keys (RFC 2409 sections 5 and 5.5, appendix B).
 *
 * One struct ike_state per IKE SA with keys (hung off the tracker's SA):
 * its keys, IV chains and Quick Mode nonces.  The phase-1 inputs (KE,
 * nonces, the initiator's SA body, IDs, the chosen algorithms) it reads
 * from the SA's phase-1 record (track/p1rec.h), which it completes with
 * what it decrypts; with the key store entry for its initiator cookie it
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
#include "track/p1rec.h"

#define IKE_MAX_BLOCK	16
#define IKE_MAX_HASH	64

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

/* One encrypted message to decrypt. */
struct ike_msg_in {
	const struct isakmp_hdr	*hdr;
	const uint8_t		*raw;		/* the whole ISAKMP message */
	size_t			 len;
	bool			 from_init;	/* sent by its exchange's
						   initiator */
	const uint8_t		*orig_iv;	/* a retransmission: the IV its
						   original used, else NULL */
};

/* Where a plaintext goes: its bytes, and its payload chain over them. */
struct ike_plain {
	uint8_t			*buf;
	size_t			 cap;
	struct isakmp_msg	*msg;
};

/* What KEYMAT for one SPI is made of (RFC 2409 5.5). */
struct ike_keymat_in {
	uint8_t		 proto;		/* 3 ESP */
	uint32_t	 spi;
	const uint8_t	*ni, *nr;	/* the Quick Mode nonces */
	size_t		 ni_len, nr_len;
	const uint8_t	*gxy;		/* the Quick Mode's PFS g^xy, or NULL */
	size_t		 gxy_len;
};

struct ike_state;

struct ike_state *ike_state_new(struct p1rec *);
void		 ike_state_free(struct ike_state *);
void		 ike_observe_p2(struct ike_state *, bool,
		    const struct isakmp_msg *);
int		 ike_decrypt(struct ike_state *, struct sslctx *,
		    const struct ks_ike *, const struct ike_msg_in *,
		    const struct ike_plain *, struct ike_dec *);
bool		 ike_learned(struct ike_state *, struct ks_ike *);
int		 ike_keymat(struct ike_state *, struct sslctx *,
		    const struct ike_keymat_in *, uint8_t *, size_t);
int		 ike_qm_nonces(const struct ike_state *, uint32_t,
		    struct ike_keymat_in *);
/* The negotiated cipher's OpenSSL name (CBC), key and block bytes;
 * NULL when not supported. */
const char	*ike_cipher_name(const struct p1rec_alg *, size_t *, size_t *);
/*
 * The IV message ID msgid starts from when its sender's phase-1 chain
 * stopped before the last phase-1 message (the sender never accepted it:
 * a responder that could not decrypt MM5 starts its Informationals from
 * H(H(g^xi | g^xr) | M-ID)): H(the IV that message used | M-ID).  0 with
 * iv and *len set, -1 when unknown.  Reads the state only.
 */
int		 ike_iv_p2_before(const struct ike_state *, struct sslctx *,
		    uint32_t, uint8_t *, size_t *);
const char	*ike_dec_status_name(enum ike_dec_status);
const char	*ike_dec_status_token(enum ike_dec_status);
const char	*ike_hash_status_name(enum ike_hash_status);

/* Exposed for known-answer tests. */
int		 ike_prf(struct sslctx *, uint16_t, const uint8_t *, size_t,
		    const uint8_t *const *, const size_t *, size_t, uint8_t *,
		    size_t *);
int		 ike_expand(struct sslctx *, uint16_t, const uint8_t *, size_t,
		    size_t, uint8_t *);

#endif
