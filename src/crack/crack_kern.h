/*
 * crack_kern.h - the hash kernels of the PSK cracker: compression
 * functions of MD5, SHA-1 and SHA-256 run over several independent
 * messages at once (one per SIMD lane), chosen at run time for the CPU.
 *
 * State and per-lane blocks are lane-interleaved 32-bit words: word i of
 * lane l is at [i * lanes + l].  Words are in the hash's byte order (little
 * endian for MD5, big endian for SHA), so a digest's state words are the
 * message words of a block that carries it.  A block that is the same in
 * every lane is prepared once (ck_kern.prep_kw: the round constants plus
 * the message schedule, or what the kernel's instructions take) and
 * given to comp_kw.
 *
 * These kernels are the project's one exception to "no crypto primitive
 * of our own"; tests/unit/test_crack_kern.c checks each against OpenSSL.
 * SHA-384/512 (64-bit words) have no kernel: OpenSSL computes them.
 */
#ifndef IKESCOPE_CRACK_KERN_H
#define IKESCOPE_CRACK_KERN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum ck_hash { CK_MD5, CK_SHA1, CK_SHA256, CK_SHA384, CK_SHA512, CK_NHASH };

#define CK_MAXLANES	32
#define CK_MAXROUNDS	80	/* prepared words per block (SHA-1) */
#define CK_MAXWORDS	8	/* state words (SHA-256) */

struct ck_kern {
	const char	*name;		/* avx512, avx2, shani */
	enum ck_hash	 hash;
	unsigned	 lanes;
	bool		(*usable)(void);
	/* st[nwords][lanes] += compression of blk[16][lanes] */
	void		(*comp)(uint32_t *st, const uint32_t *blk);
	/* the same with one block for every lane, prepared by prep_kw */
	void		(*comp_kw)(uint32_t *st, const uint32_t *kw);
	void		(*prep_kw)(const uint32_t blk[16], uint32_t *kw);
	/*
	 * HMAC's two key states at once: kin, kout = the compressions from
	 * the IV of the key block XOR the inner pad (0x36..) and XOR the
	 * outer pad (0x5c..), the key n <= 16 words per lane
	 * (key[n][lanes]), zero after them; NULL when the kernel has none
	 * (then comp, twice).
	 */
	void		(*comp_keys)(uint32_t *kin, uint32_t *kout,
			    const uint32_t *key, unsigned n);
	/*
	 * st += compression of HMAC's outer block: a digest per lane
	 * (dig[state words][lanes]) after the 64-byte key block, padded;
	 * NULL when the kernel has none (then comp on the whole block).
	 */
	void		(*comp_dig)(uint32_t *st, const uint32_t *dig);
};

/* Block size in bytes, digest size, state words, per hash. */
size_t		 ck_block_len(enum ck_hash);
size_t		 ck_digest_len(enum ck_hash);
unsigned	 ck_state_words(enum ck_hash);
const char	*ck_hash_name(enum ck_hash);	/* md5, sha1, sha256, ... */
const uint32_t	*ck_iv(enum ck_hash);		/* initial state words */

/* The kernels built in, best first (NULL-terminated). */
const struct ck_kern *const *ck_kernels(void);
/* The best usable kernel for h, or the one named; NULL when none. */
const struct ck_kern *ck_best(enum ck_hash h);
const struct ck_kern *ck_find(const char *name, enum ck_hash h);
/* Whether name is a kernel name at all (for option checking). */
bool		 ck_known_name(const char *name);

/* 64 bytes -> 16 words in the hash's byte order, and back. */
void		 ck_words(enum ck_hash, const uint8_t *in, uint32_t w[16]);
void		 ck_bytes(enum ck_hash, const uint32_t *w, size_t nbytes,
		    uint8_t *out);
/*
 * The padded blocks of msg (len bytes) hashed after prefix bytes already
 * compressed, as words: returns the number of blocks written to out
 * (room for max), 0 when they do not fit.
 */
size_t		 ck_pad(enum ck_hash, const uint8_t *msg, size_t len,
		    uint64_t prefix, uint32_t *out, size_t max);

/*
 * Hash / HMAC n <= lanes messages of any lengths with kernel k, the
 * simple way (every block per lane); outputs are digest bytes.  Used for
 * keys longer than the block and by the tests.  0, or -1 on n > lanes or
 * out of memory.
 */
int		 ck_hash_lanes(const struct ck_kern *k, const uint8_t **msg,
		    const size_t *len, unsigned n, uint8_t **out);
int		 ck_hmac_lanes(const struct ck_kern *k, const uint8_t **key,
		    const size_t *klen, const uint8_t **msg, const size_t *mlen,
		    unsigned n, uint8_t **out);

#endif
