/*
 * cry.h - ESP packet decryption and checks (RFC 4303) behind one
 * backend interface.
 *
 * A struct cry holds the run's crypto setup (an OpenSSL library context
 * with the default and, when present, the legacy provider, and the chosen
 * backend).  Each SA is prepared once (cry_sa_prepare): ciphers keyed,
 * HMAC inner/outer states computed, so a packet costs an IV reset and the
 * work itself, with no allocation.  cry_esp_decrypt verifies the ICV in
 * constant time, decrypts, and validates the trailer (padding 1, 2, 3, ...
 * and the next header); it never hands out plaintext whose ICV failed.
 *
 * Backends: OpenSSL EVP (always) and Intel's multi-buffer library (when
 * built with it: AES-CBC, AES-CTR with HMAC-MD5/SHA1/SHA2, AES-GCM;
 * other SAs stay on EVP).  CRY_AUTO picks the multi-buffer backend per SA
 * when built and the SA's algorithms are supported; CRY_IMB fails when it
 * is not built.  Both give the same bytes.
 *
 * Supported: encryption NULL, DES-CBC (legacy provider), 3DES-CBC,
 * AES-CBC, AES-CTR (RFC 3686), AES-GCM 8/12/16 (RFC 4106), AES-GMAC
 * (RFC 4543), ChaCha20-Poly1305 (RFC 7634), AES-CCM 8/12/16 (RFC 4309),
 * Camellia-CBC (RFC 4312), CAST-128-CBC and Blowfish-CBC (RFC 2451,
 * legacy provider: without it such an SA is refused with that reason);
 * integrity HMAC-MD5-96, HMAC-SHA1-96, HMAC-SHA-256-96/128,
 * HMAC-SHA-384-192, HMAC-SHA-512-256, AES-XCBC-MAC-96, AES-CMAC-96 (RFC
 * 4494), HMAC-RIPEMD-160-96 (RFC 2857) and none; extended sequence
 * numbers (RFC 4303 2.2.1).
 */
#ifndef IKESCOPE_CRY_H
#define IKESCOPE_CRY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "keys/keystore.h"

enum cry_backend_id { CRY_AUTO = 0, CRY_EVP, CRY_IMB };

enum cry_icv { CRY_ICV_UNCHECKED = 0, CRY_ICV_OK, CRY_ICV_BAD };

enum cry_status {
	CRY_OK = 0,
	CRY_TOO_SHORT,		/* shorter than header + IV + trailer + ICV */
	CRY_BAD_LENGTH,		/* ciphertext not a multiple of the block */
	CRY_ICV_FAIL,		/* ICV / AEAD tag mismatch: wrong key or data */
	CRY_BAD_PADDING,	/* pad bytes not 1, 2, 3, ... */
	CRY_BAD_PAD_LENGTH,	/* pad length past the payload */
	CRY_BAD_NEXT_HEADER,	/* next header not a known protocol */
	CRY_UNSUPPORTED,	/* the SA could not be prepared */
	CRY_ERROR		/* the crypto library failed */
};

struct cry_out {
	enum cry_status	 st;
	enum cry_icv	 icv;
	uint8_t		 next_header;
	uint8_t		 pad_len;
	const uint8_t	*payload;	/* in the caller's buffer */
	size_t		 payload_len;	/* before padding */
	/* padding other than 1, 2, 3, ... (RFC 4303 2.4), accepted because
	 * an AEAD tag verified the whole plaintext; with any other SA it is
	 * CRY_BAD_PADDING, the sign of a wrong encryption key */
	bool		 pad_nonstd;
};

struct cry;
struct cry_sa;

/*
 * One packet of a batch: the input (an ESP packet from the SPI to the end
 * of the ICV, the SA state, the ESN high half) and the output buffer
 * (esp_len bytes at least), filled by cry_run with the result o.  The
 * caller keeps esp and out alive until the batch is done.
 */
struct cry_job {
	struct cry_sa	*sa;
	const uint8_t	*esp;
	size_t		 esp_len;
	uint32_t	 seq_hi;
	uint8_t		*out;
	size_t		 outcap;
	struct cry_out	 o;
};

#define CRY_MAX_LANES	4	/* threads that may decrypt at once */

struct cry	*cry_new(enum cry_backend_id, char *, size_t);
void		 cry_free(struct cry *);
const char	*cry_backend_name(const struct cry *);
bool		 cry_has_legacy(const struct cry *);

struct cry_sa	*cry_sa_prepare(struct cry *, const struct ks_esp_sa *, char *,
		    size_t);
void		 cry_sa_free(void *);	/* a struct cry_sa *; NULL is fine */

/*
 * Decrypt one ESP packet (esp: from the SPI to the end of the ICV).  out
 * must hold esp_len bytes.  seq_hi is the high half of the 64-bit
 * sequence number, used when the SA has ESN.  Returns 0 when the packet
 * decrypted and its trailer is valid (o->st == CRY_OK), else -1 with
 * o->st saying why; o->icv is set either way.
 */
int		 cry_esp_decrypt(struct cry_sa *, const uint8_t *, size_t,
		    uint32_t, uint8_t *, size_t, struct cry_out *);

/*
 * Batches.  A lane is one thread's private cipher state (every SA holds a
 * keyed context per lane; the multi-buffer backend a job manager per
 * lane): lane 0 belongs to the caller's thread.  cry_run decrypts n jobs
 * on one lane, multi-buffer SAs together in bursts, others one by one.
 *
 * cry_threads makes lanes 0 .. lanes - 1 and must come before the first
 * cry_sa_prepare: lanes 1 .. helpers are for other threads of the caller
 * (cry_help), the rest get worker threads.  cry_submit hands a batch to
 * them (one batch at a time) and returns; cry_wait works on the batch in
 * the caller's thread too, and returns when every job is done; cry_help,
 * from a helper lane's thread, works on the current batch if it has jobs
 * left and returns whether it took any.  Results do not depend on which
 * thread ran a job.
 */
int		 cry_threads(struct cry *, unsigned, unsigned, char *, size_t);
bool		 cry_help(struct cry *, unsigned);
unsigned	 cry_nthreads(const struct cry *);
void		 cry_run(struct cry *, unsigned, struct cry_job **, size_t);
void		 cry_submit(struct cry *, struct cry_job **, size_t);
void		 cry_wait(struct cry *);
/* The backend an SA uses ("evp" or "imb"). */
const char	*cry_sa_backend(const struct cry_sa *);

const char	*cry_status_name(enum cry_status);
const char	*cry_icv_name(enum cry_icv);
/* Next-header values a decrypted ESP payload may carry. */
bool		 cry_next_header_known(uint8_t);

/* Low-level helpers, exported for the known-answer tests. */
int		 cry_xcbc_mac(struct cry *, const uint8_t key[16],
		    const uint8_t *, size_t, uint8_t mac[16]);

#endif
