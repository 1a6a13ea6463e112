/*
 * crack_mm.h - PSK candidates against a sealed Main Mode or Informational
 * message when the Diffie-Hellman secret g^xy is known (RFC 2409 5):
 *
 *   SKEYID   = prf(PSK, Ni_b | Nr_b)
 *   SKEYID_d = prf(SKEYID, g^xy | CKY-I | CKY-R | 0)
 *   SKEYID_a = prf(SKEYID, SKEYID_d | g^xy | CKY-I | CKY-R | 1)
 *   SKEYID_e = prf(SKEYID, SKEYID_a | g^xy | CKY-I | CKY-R | 2)
 *   Ka       = SKEYID_e, or appendix B's K1 | K2 | ... when the cipher
 *              key is longer (K1 = prf(SKEYID_e, 0), Kn = prf(SKEYID_e,
 *              K(n-1)))
 *
 * A target is one message of one side: everything that does not depend on
 * the candidate (the PRF, the cipher, Ni|Nr, g^xy, the cookies, the first
 * ciphertext block and the IVs it may have been sealed with) as bytes,
 * prepared once into blocks for a kernel.  Per candidate the keys are
 * derived across the kernel's lanes (or with OpenSSL), the first block is
 * decrypted with OpenSSL and its first payload's generic header checked
 * (next payload known, reserved 0, length within the message): a cheap
 * filter.  A survivor goes to the target's check, supplied by the layer
 * that built it, which decrypts the whole message and verifies its HASH
 * with the one implementation of IKE crypto (ike/ike_crypto.h).
 *
 * Also here: the HMAC building blocks crack.c shares (a key state from a
 * digest held in lanes, the outer hash; OpenSSL's key contexts).
 */
#ifndef IKESCOPE_CRACK_MM_H
#define IKESCOPE_CRACK_MM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <openssl/evp.h>

#include "crack/crack_kern.h"

#define CM_MAX_BLOCK	16
#define CM_MAX_IVS	2
#define CM_MAX_KEY	64		/* cipher key bytes */
#define CM_MAX_DIGEST	64
#define CM_MAX_GROUP	8		/* targets sharing their keys */

/* The full check of a survivor: true when the message decrypts under
 * the PSK and its HASH verifies.  Calls never overlap. */
typedef bool cm_check_fn(void *arg, const uint8_t *psk, size_t len);

struct cm_target {
	/* given by the builder */
	enum ck_hash	 hash;		/* the PRF */
	const EVP_CIPHER *cipher;	/* ECB, the builder's (not freed) */
	size_t		 klen, block;	/* key and block bytes */
	const uint8_t	*ninr;		/* Ni_b | Nr_b */
	size_t		 ninr_len;
	const uint8_t	*gxy;
	size_t		 gxy_len;
	uint8_t		 icookie[8], rcookie[8];
	uint8_t		 ct[CM_MAX_BLOCK];	/* first ciphertext block */
	uint8_t		 iv[CM_MAX_IVS][CM_MAX_BLOCK];
	unsigned	 niv;		/* IVs it may have been sealed with */
	size_t		 ctlen;		/* ciphertext bytes */
	bool		 responder;	/* sealed by the responder */
	uint32_t	 frame;
	const char	*what;		/* "MM5", "Informational", ... */
	const char	*initiator, *responder_addr;	/* peers, as text */
	cm_check_fn	*check;
	void		*arg;

	/* prepared by cm_prep */
	uint8_t		*tail;		/* g^xy | CKY-I | CKY-R | n */
	size_t		 tail_len;
	const struct ck_kern *k;	/* NULL: OpenSSL */
	uint32_t	*kw_ninr, *kw_d, *kw_ae, *kw_x0;
	size_t		 nb_ninr, nb_d, nb_ae;
	uint32_t	 ae0[2][16];	/* SKEYID_a/_e's first block, the
					   digest's words zero */
	EVP_MD		*md;
};

/* Prepare t for kernel k (NULL: OpenSSL only); -1 out of memory or a
 * size out of range.  cm_free undoes it (not the builder's fields). */
int	cm_prep(struct cm_target *t, const struct ck_kern *k);
void	cm_free(struct cm_target *t);

/* What a candidate derives (for the tests and the OpenSSL path). */
struct cm_keys {
	uint8_t	skeyid[CM_MAX_DIGEST], d[CM_MAX_DIGEST];
	uint8_t	a[CM_MAX_DIGEST], e[CM_MAX_DIGEST], ka[CM_MAX_KEY];
	size_t	dl;			/* digest bytes */
};

/* A thread's cipher context for the filter, and what it is set for. */
struct cm_cx {
	EVP_CIPHER_CTX	*cx;
	const EVP_CIPHER *cipher;
	size_t		 klen;
};

/* ---- the kernel path */

/* A kernel's rows shared by every HMAC over its lanes. */
struct cm_rows {
	const struct ck_kern *k;
	uint32_t	 iv[CK_MAXWORDS * CK_MAXLANES];
	/* the tail of a block carrying a digest after a 64-byte block */
	uint32_t	 pad[16 * CK_MAXLANES];
};

void	cm_rows_init(struct cm_rows *, const struct ck_kern *);
/* so (the outer key state) becomes HMAC's result from inner state st */
void	cm_outer(const struct cm_rows *, const uint32_t *st, uint32_t *so);
/* HMAC's inner and outer key states from a digest held in lanes */
void	cm_rekey(const struct cm_rows *, const uint32_t *dig, uint32_t *kin,
	    uint32_t *kout);
/* HMAC's inner and outer key states of m candidates (up to the lanes) */
struct cg_cand;
void	cm_cand_keys(const struct cm_rows *, const struct cg_cand *cand,
	    unsigned m, uint32_t *kin, uint32_t *kout);
/* out = HMAC with key states kin, kout of: blk0 (per lane, or NULL),
 * then nb prepared blocks kw (the same in every lane) */
void	cm_mac_kw(const struct cm_rows *, const uint32_t *kin,
	    const uint32_t *kout, const uint32_t *blk0, const uint32_t *kw,
	    size_t nb, uint32_t *out);
/*
 * msg padded as hashed after HMAC's 64-byte key block and prepared for k
 * (comp_kw); skip 1: its first block is left as words in first instead.
 * The blocks prepared (*nb) are malloc'ed; NULL when out of memory.
 */
uint32_t *cm_prep_msg(const struct ck_kern *k, const uint8_t *msg,
	    size_t len, size_t skip, uint32_t *first, size_t *nb);

/*
 * Whether a and b derive the same keys from a candidate (the two sides
 * of one IKE SA): their keys are derived once for both.
 */
bool	cm_same_keys(const struct cm_target *a, const struct cm_target *b);

/*
 * Candidates' keys in m lanes (kin, kout: the candidates' HMAC key
 * states) for the nt targets tv, which derive the same keys
 * (cm_same_keys): keys (NULL or m entries) receive them; pass[i] the
 * lanes (bit l) whose first block of tv[i] passes the filter.  cx: the
 * thread's cipher context (in its struct cm_evp).
 */
void	cm_lanes(const struct cm_rows *, const struct cm_target *const *tv,
	    unsigned nt, const uint32_t *kin, const uint32_t *kout,
	    unsigned m, struct cm_cx *cx, struct cm_keys *keys,
	    uint32_t *pass);

/* ---- the OpenSSL path */

/* HMAC's key: its inner and outer blocks hashed into ki and ko */
int	cm_evp_key(const EVP_MD *md, const uint8_t *key, size_t klen,
	    EVP_MD_CTX *ki, EVP_MD_CTX *ko);
/* HMAC of msg (parts) with the key in ki and ko; t: scratch */
int	cm_evp_mac(EVP_MD_CTX *ki, EVP_MD_CTX *ko, EVP_MD_CTX *t,
	    const uint8_t *const *msg, const size_t *len, unsigned n,
	    uint8_t *out, unsigned *olen);

/* A thread's digest contexts for the OpenSSL path, and its cipher's. */
struct cm_evp {
	EVP_MD_CTX	*ki, *ko, *si, *so, *t;
	struct cm_cx	 cx;
};
int	cm_evp_new(struct cm_evp *);
void	cm_evp_free(struct cm_evp *);

/*
 * One candidate (its key already in e->ki, e->ko) on the nt targets tv
 * (as cm_lanes) with OpenSSL: pass[i] whether tv[i]'s filter passes; 0,
 * or -1 on an OpenSSL failure.  keys: NULL or where the keys go.
 */
int	cm_evp(const struct cm_target *const *tv, unsigned nt,
	    struct cm_evp *e, struct cm_cx *cx, struct cm_keys *keys,
	    bool *pass);

/* Whether psk opens t (its filter with OpenSSL, then its check): a
 * candidate found on another target tried on this one. */
bool	cm_verify(const struct cm_target *t, const uint8_t *psk, size_t len);

#endif
