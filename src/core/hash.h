/*
 * hash.h - the hash of the engine's in-memory tables (IKE SAs, ESP flows,
 * keys).  Keys are read 8 bytes at a time and mixed with a multiply; the
 * result goes through the MurmurHash3 64-bit finaliser so that every key
 * bit reaches the low bits a table mask keeps.  Not keyed: the tables cap
 * their entries, so a crafted collision costs time, never memory.
 */
#ifndef IKESCOPE_HASH_H
#define IKESCOPE_HASH_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define HASH_SEED	0x9e3779b97f4a7c15ULL

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
