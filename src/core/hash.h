/*
 * hash.h - the hash of the in-memory tables (IKE SAs, ESP flows, keys,
 * fragments).  Keys are read 8 bytes at a time and mixed with a multiply;
 * the result goes through the MurmurHash3 64-bit finaliser so that every
 * key bit reaches the low bits a table mask keeps.
 *
 * Keyed: each table starts from its own random seed (hash_seed_new), the
 * first h given to hash_add/hash_bytes.  The keys are cookies, SPIs and
 * addresses that whoever wrote the capture chose; with a seed known in
 * advance they could pick keys that all fall in one bucket and make every
 * lookup walk them all (quadratic in their number).  The tables cap their
 * entries, so collisions cost time, never memory.  The seed is not a
 * cryptographic key (the mix is no PRF such as SipHash): it defeats keys
 * computed in advance, which is what a capture can carry.
 */
#ifndef IKESCOPE_HASH_H
#define IKESCOPE_HASH_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* A fresh random seed for one table. */
uint64_t	hash_seed_new(void);

/* h with the word v mixed in (a bijection in v for a given h) */
static inline uint64_t
hash_add(uint64_t h, uint64_t v)
{
	h = (h ^ v) * 0xbf58476d1ce4e5b9ULL;
	return h ^ (h >> 31);
}

/* h with n bytes mixed in, 8 at a time (the tail zero-filled) */
static inline uint64_t
hash_bytes(uint64_t h, const void *p, size_t n)
{
	const uint8_t *b = p;
	uint64_t w;

	while (n >= 8) {
		memcpy(&w, b, 8);
		h = hash_add(h, w);
		b += 8;
		n -= 8;
	}
	if (n > 0) {
		w = 0;
		memcpy(&w, b, n);
		h = hash_add(h, w ^ (uint64_t)n << 56);
	}
	return h;
}

/* the value to index a table with */
static inline uint64_t
hash_final(uint64_t h)
{
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdULL;
	h ^= h >> 33;
	h *= 0xc4ceb9fe1a85ec53ULL;
	return h ^ (h >> 33);
}

#endif
