/*
 * crack_kern.c - the cracker's hash kernels: MD5, SHA-1 and SHA-256 over
 * 32 lanes (AVX-512F) and 16 (AVX2), 8 (SHA-1) or 4 (SHA-256) streams with
 * the SHA extensions (SHA-NI), chosen at run time (the order of ck_all).  Each function enables its
 * instruction set with a target attribute, so the build needs no flags and
 * the program runs anywhere; __builtin_cpu_supports (cpuid, and xgetbv for
 * the OS's saving of the AVX registers) says which ones this CPU runs.
 */
#include <config.h>

#include <endian.h>
#include <stdlib.h>
#include <string.h>

/* The kernels are x86's; elsewhere (or built with -DCK_NO_SIMD, which
 * tests the fallback) there are none and OpenSSL does every PRF. */
#if (defined(__x86_64__) || defined(__i386__)) && !defined(CK_NO_SIMD)
#define CK_X86	1
#include <cpuid.h>
#include <immintrin.h>
#endif

#include "crack/crack_kern.h"

#ifdef CK_X86
static const uint32_t ck_md5_k[64] = {
	0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee, 0xf57c0faf, 0x4787c62a,
	0xa8304613, 0xfd469501, 0x698098d8, 0x8b44f7af, 0xffff5bb1, 0x895cd7be,
	0x6b901122, 0xfd987193, 0xa679438e, 0x49b40821, 0xf61e2562, 0xc040b340,
	0x265e5a51, 0xe9b6c7aa, 0xd62f105d, 0x02441453, 0xd8a1e681, 0xe7d3fbc8,
	0x21e1cde6, 0xc33707d6, 0xf4d50d87, 0x455a14ed, 0xa9e3e905, 0xfcefa3f8,
	0x676f02d9, 0x8d2a4c8a, 0xfffa3942, 0x8771f681, 0x6d9d6122, 0xfde5380c,
	0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70, 0x289b7ec6, 0xeaa127fa,
	0xd4ef3085, 0x04881d05, 0xd9d4d039, 0xe6db99e5, 0x1fa27cf8, 0xc4ac5665,
	0xf4292244, 0x432aff97, 0xab9423a7, 0xfc93a039, 0x655b59c3, 0x8f0ccc92,
	0xffeff47d, 0x85845dd1, 0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1,
	0xf7537e82, 0xbd3af235, 0x2ad7d2bb, 0xeb86d391
};
static const unsigned char ck_md5_r[64] = {
	7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22,
	5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20,
	4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23,
	6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21
};
static const uint32_t ck_sha1_k[4] = {
	0x5a827999, 0x6ed9eba1, 0x8f1bbcdc, 0xca62c1d6
};
/*
 * HMAC's outer key block is its inner one XOR 0x6a6a6a6a (0x36 ^ 0x5c) in
 * every word.  SHA-1's message schedule is linear (XOR and rotate), so the
 * outer block's schedule is the inner one's XOR the schedule of that
 * constant block: these 80 words (comp_keys).
 */
static const uint32_t ck_sha1_padx[80] = {
	0x6a6a6a6a, 0x6a6a6a6a, 0x6a6a6a6a, 0x6a6a6a6a, 0x6a6a6a6a, 0x6a6a6a6a,
	0x6a6a6a6a, 0x6a6a6a6a, 0x6a6a6a6a, 0x6a6a6a6a, 0x6a6a6a6a, 0x6a6a6a6a,
	0x6a6a6a6a, 0x6a6a6a6a, 0x6a6a6a6a, 0x6a6a6a6a, 0x00000000, 0x00000000,
	0x00000000, 0xd4d4d4d4, 0xd4d4d4d4, 0xd4d4d4d4, 0x7d7d7d7d, 0x7d7d7d7d,
	0xa9a9a9a9, 0xfafafafa, 0xfafafafa, 0xfafafafa, 0x5c5c5c5c, 0x5c5c5c5c,
	0xdbdbdbdb, 0x96969696, 0xebebebeb, 0xebebebeb, 0x71717171, 0x22222222,
	0x3c3c3c3c, 0x09090909, 0x5a5a5a5a, 0x5a5a5a5a, 0x63636363, 0x63636363,
	0x1b1b1b1b, 0xcfcfcfcf, 0xb1b1b1b1, 0xb1b1b1b1, 0x4b4b4b4b, 0x2d2d2d2d,
	0x90909090, 0xc3c3c3c3, 0xf6f6f6f6, 0xe8e8e8e8, 0x28282828, 0x28282828,
	0x35353535, 0x78787878, 0x81818181, 0xb4b4b4b4, 0x48484848, 0x2e2e2e2e,
	0xcccccccc, 0xf9f9f9f9, 0x81818181, 0xb4b4b4b4, 0x3c3c3c3c, 0x3c3c3c3c,
	0x44444444, 0xa5a5a5a5, 0xdbdbdbdb, 0xdbdbdbdb, 0x21212121, 0x47474747,
	0x5c5c5c5c, 0x0f0f0f0f, 0x0f0f0f0f, 0x5c5c5c5c, 0x33333333, 0x33333333,
	0x81818181, 0xf9f9f9f9
};
static const uint32_t ck_sha256_k[64] = {
	0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1,
	0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
	0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
	0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
	0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
	0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
	0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
	0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
	0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
	0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
	0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2
};
#endif
static const uint32_t ck_iv_md5[4] = {
	0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476
};
static const uint32_t ck_iv_sha1[5] = {
	0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0
};
static const uint32_t ck_iv_sha256[8] = {
	0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c,
	0x1f83d9ab, 0x5be0cd19
};

/* ---- per hash facts */

size_t
ck_block_len(enum ck_hash h)
{
	return h >= CK_SHA384 ? 128 : 64;
}

size_t
ck_digest_len(enum ck_hash h)
{
	static const size_t len[CK_NHASH] = { 16, 20, 32, 48, 64 };

	return h < CK_NHASH ? len[h] : 0;
}

unsigned
ck_state_words(enum ck_hash h)
{
	return h == CK_MD5 ? 4 : h == CK_SHA1 ? 5 : 8;
}

const char *
ck_hash_name(enum ck_hash h)
{
	static const char *const name[CK_NHASH] = {
		"md5", "sha1", "sha256", "sha384", "sha512"
	};

	return h < CK_NHASH ? name[h] : "?";
}

const uint32_t *
ck_iv(enum ck_hash h)
{
	return h == CK_MD5 ? ck_iv_md5 : h == CK_SHA1 ? ck_iv_sha1 :
	    h == CK_SHA256 ? ck_iv_sha256 : NULL;
}

void
ck_words(enum ck_hash h, const uint8_t *in, uint32_t w[16])
{
	uint32_t v;
	unsigned i;

	if (h == CK_MD5)
		for (i = 0; i < 16; i++) {
			memcpy(&v, in + 4 * i, 4);
			w[i] = le32toh(v);
		}
	else
		for (i = 0; i < 16; i++) {
			memcpy(&v, in + 4 * i, 4);
			w[i] = be32toh(v);
		}
}

void
ck_bytes(enum ck_hash h, const uint32_t *w, size_t n, uint8_t *out)
{
	size_t i;

	for (i = 0; i < n; i++)
		out[i] = (uint8_t)(h == CK_MD5 ? w[i / 4] >> (8 * (i % 4)) :
		    w[i / 4] >> (24 - 8 * (i % 4)));
}

size_t
ck_pad(enum ck_hash h, const uint8_t *msg, size_t len, uint64_t prefix,
    uint32_t *out, size_t max)
{
	uint8_t blk[64];
	uint64_t bits = (prefix + len) * 8;
	size_t nb = (len + 8) / 64 + 1, b, off, i;

	if (nb > max)
		return 0;
	for (b = 0; b < nb; b++) {
		memset(blk, 0, sizeof(blk));
		off = b * 64;
		if (off < len)
			memcpy(blk, msg + off, len - off < 64 ? len - off : 64);
		if (len >= off && len < off + 64)
			blk[len - off] = 0x80;
		if (b == nb - 1)
			for (i = 0; i < 8; i++)
				blk[h == CK_MD5 ? 56 + i : 63 - i] =
				    (uint8_t)(bits >> (8 * i));
		ck_words(h, blk, out + b * 16);
	}
	return nb;
}

#ifdef CK_X86
/* ---- the schedule of a block shared by every lane, with the constants */

static uint32_t
ck_rol(uint32_t x, unsigned n)
{
	return x << n | x >> (32 - n);
}

static void
ck_prep_md5(const uint32_t blk[16], uint32_t *kw)
{
	unsigned i, g;

	for (i = 0; i < 64; i++) {
		g = i < 16 ? i : i < 32 ? (5 * i + 1) & 15 :
		    i < 48 ? (3 * i + 5) & 15 : (7 * i) & 15;
		kw[i] = ck_md5_k[i] + blk[g];
	}
}

static void
ck_sched_sha1(const uint32_t blk[16], uint32_t w[80])
{
	unsigned i;

	memcpy(w, blk, 16 * sizeof(*w));
	for (i = 16; i < 80; i++)
		w[i] = ck_rol(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
}

static void
ck_prep_sha1(const uint32_t blk[16], uint32_t *kw)
{
	unsigned i;

	ck_sched_sha1(blk, kw);
	for (i = 0; i < 80; i++)
		kw[i] += ck_sha1_k[i / 20];
}

static void
ck_prep_sha256(const uint32_t blk[16], uint32_t *kw)
{
	uint32_t s0, s1;
	unsigned i;

	memcpy(kw, blk, 16 * sizeof(*kw));
	for (i = 16; i < 64; i++) {
		s0 = ck_rol(kw[i - 15], 25) ^ ck_rol(kw[i - 15], 14) ^
		    kw[i - 15] >> 3;
		s1 = ck_rol(kw[i - 2], 15) ^ ck_rol(kw[i - 2], 13) ^
		    kw[i - 2] >> 10;
		kw[i] = kw[i - 16] + s0 + kw[i - 7] + s1;
	}
	for (i = 0; i < 64; i++)
		kw[i] += ck_sha256_k[i];
}

/* ---- AVX2: 8 lanes */

#define V		__m256i
#define VL		8
#define NV		2
#define CK_AVX2_LANES	(2 * 8)
#define TGT		__attribute__((target("avx2")))
#define SFX(n)		n##_avx2
#define LD(p)		_mm256_loadu_si256((const __m256i *)(const void *)(p))
#define ST(p, v)	_mm256_storeu_si256((__m256i *)(void *)(p), (v))
#define SET1(x)		_mm256_set1_epi32((int)(x))
#define ADD(a, b)	_mm256_add_epi32((a), (b))
#define XOR(a, b)	_mm256_xor_si256((a), (b))
#define AND(a, b)	_mm256_and_si256((a), (b))
#define OR(a, b)	_mm256_or_si256((a), (b))
#define SRL(a, n)	_mm256_srli_epi32((a), (n))
#define ROL(a, n)	OR(_mm256_slli_epi32((a), (n)), \
			    _mm256_srli_epi32((a), 32 - (n)))
#define F_CH(x, y, z)	XOR((z), AND((x), XOR((y), (z))))
#define F_MAJ(x, y, z)	OR(AND((x), (y)), AND((z), OR((x), (y))))
#define F_PAR(x, y, z)	XOR(XOR((x), (y)), (z))
#define F_MD5I(x, y, z)	XOR((y), OR((x), XOR((z), SET1(0xffffffff))))
#include "crack_vec.h"

/* ---- AVX-512F: 16 lanes, rotates and three-input logic in one step */

#define V		__m512i
#define VL		16
#define NV		2
#define CK_AVX512_LANES	(2 * 16)
#define TGT		__attribute__((target("avx512f")))
#define SFX(n)		n##_avx512
#define LD(p)		_mm512_loadu_si512((const void *)(p))
#define ST(p, v)	_mm512_storeu_si512((void *)(p), (v))
#define SET1(x)		_mm512_set1_epi32((int)(x))
#define ADD(a, b)	_mm512_add_epi32((a), (b))
#define XOR(a, b)	_mm512_xor_si512((a), (b))
#define AND(a, b)	_mm512_and_si512((a), (b))
#define OR(a, b)	_mm512_or_si512((a), (b))
#define SRL(a, n)	_mm512_srli_epi32((a), (n))
#define ROL(a, n)	_mm512_rolv_epi32((a), SET1(n))
#define F_CH(x, y, z)	_mm512_ternarylogic_epi32((x), (y), (z), 0xca)
#define F_MAJ(x, y, z)	_mm512_ternarylogic_epi32((x), (y), (z), 0xe8)
#define F_PAR(x, y, z)	_mm512_ternarylogic_epi32((x), (y), (z), 0x96)
#define F_MD5I(x, y, z)	_mm512_ternarylogic_epi32((x), (y), (z), 0x39)
#include "crack_vec.h"

static bool
ck_have_avx2(void)
{
	__builtin_cpu_init();
	return __builtin_cpu_supports("avx2");
}

static bool
ck_have_avx512(void)
{
	__builtin_cpu_init();
	return __builtin_cpu_supports("avx512f");
}

/*
 * ---- SHA-NI: independent streams, the SHA extensions' round
 * instructions.  One stream waits on each sha1rnds4 / sha256rnds2 (several
 * cycles of latency, one result feeding the next); with four or more
 * streams, each round group issued for all of them in turn, the unit
 * stays busy.  The lanes' words become each stream's vectors through 4x4
 * transposes.
 */

#define SHANI		__attribute__((target("sha,sse4.1")))
#define SHANI_INLINE	static inline __attribute__((always_inline)) SHANI

/* sha1rnds4 with its function number (an immediate) from a variable:
 * the unrolled loops give a constant, so the switch folds away */
SHANI_INLINE __m128i
ck_sha1_rnds4(__m128i abcd, __m128i e, int f)
{
	switch (f) {
	case 0:
		return _mm_sha1rnds4_epu32(abcd, e, 0);
	case 1:
		return _mm_sha1rnds4_epu32(abcd, e, 1);
	case 2:
		return _mm_sha1rnds4_epu32(abcd, e, 2);
	default:
		return _mm_sha1rnds4_epu32(abcd, e, 3);
	}
}

/*
 * SHA-1: a block shared by every lane (comp_kw) runs 8 streams at once, a
 * block per lane (its schedule needs registers too) two groups of 4: 0.48
 * s of CPU for 2,000,001 candidates here, against 0.53 with 4 streams and
 * 0.57 with 8 at once everywhere (spilled).  SHA-256: 4 streams (8 were
 * slower either way: 0.85 and 0.58 s against 0.56).  At most 16 xmm
 * registers without AVX-512.
 */
#define CK_SHANI1_LANES		8
#define CK_SHANI256_LANES	4
#define CK_SHANI_MAX		8
#define CK_LD128(p)	_mm_loadu_si128((const __m128i *)(const void *)(p))
#define CK_ST128(p, v)	_mm_storeu_si128((__m128i *)(void *)(p), (v))

/* rows r0..r3 (one word of four lanes each) <-> each lane's four words */
SHANI_INLINE void
ck_tr4(__m128i *r0, __m128i *r1, __m128i *r2, __m128i *r3)
{
	__m128i t0 = _mm_unpacklo_epi32(*r0, *r1);
	__m128i t1 = _mm_unpacklo_epi32(*r2, *r3);
	__m128i t2 = _mm_unpackhi_epi32(*r0, *r1);
	__m128i t3 = _mm_unpackhi_epi32(*r2, *r3);

	*r0 = _mm_unpacklo_epi64(t0, t1);
	*r1 = _mm_unpackhi_epi64(t0, t1);
	*r2 = _mm_unpacklo_epi64(t2, t3);
	*r3 = _mm_unpackhi_epi64(t2, t3);
}

/* words 4j..4j+3 of each lane s into m[s], the first in the highest
 * dword (sha1rnds4's order): the rows given to the transpose in reverse */
SHANI_INLINE void
ck_sha1_msg4(const uint32_t *src, unsigned j, __m128i *m, unsigned S,
    unsigned R)
{
	unsigned g;

	for (g = 0; g < S; g += 4) {
		m[g] = CK_LD128(src + (4 * j + 3) * R + g);
		m[g + 1] = CK_LD128(src + (4 * j + 2) * R + g);
		m[g + 2] = CK_LD128(src + (4 * j + 1) * R + g);
		m[g + 3] = CK_LD128(src + (4 * j) * R + g);
		ck_tr4(&m[g], &m[g + 1], &m[g + 2], &m[g + 3]);
	}
}

/* S streams, lanes of rows of R words */
SHANI_INLINE void
ck_sha1_shani_body(uint32_t *st, const uint32_t *src, bool pre, unsigned S,
    unsigned R)
{
	__m128i abcd[CK_SHANI_MAX], abcd0[CK_SHANI_MAX];
	__m128i e0[CK_SHANI_MAX], prev[CK_SHANI_MAX];
	__m128i m[CK_SHANI_MAX][4], x[CK_SHANI_MAX], e, t;
	unsigned j, s, g;

	/* state words 0..3 are read as words 0..3 of a block */
	ck_sha1_msg4(st, 0, x, S, R);
	for (s = 0; s < S; s++) {
		abcd[s] = abcd0[s] = prev[s] = x[s];
		e0[s] = _mm_set_epi32((int)st[4 * R + s], 0, 0, 0);
	}
	if (!pre)
		for (j = 0; j < 4; j++) {
			ck_sha1_msg4(src, j, x, S, R);
			for (s = 0; s < S; s++)
				m[s][j] = x[s];
		}
#pragma GCC unroll 20
	for (j = 0; j < 20; j++) {
		const int f = (int)(j / 5);
		__m128i kw = pre ? _mm_shuffle_epi32(CK_LD128(src + 4 * j),
		    0x1b) : _mm_setzero_si128();

#pragma GCC unroll 8
		for (s = 0; s < S; s++) {
			__m128i w = pre ? kw : m[s][j & 3];

			e = j == 0 ? _mm_add_epi32(e0[s], w) :
			    _mm_sha1nexte_epu32(prev[s], w);
			prev[s] = abcd[s];
			abcd[s] = ck_sha1_rnds4(abcd[s], e, f);
			/* words 4j+16..: in the slot just used */
			if (!pre && j + 4 < 20)
				m[s][j & 3] = _mm_sha1msg2_epu32(_mm_xor_si128(
				    _mm_sha1msg1_epu32(m[s][j & 3],
				    m[s][(j + 1) & 3]), m[s][(j + 2) & 3]),
				    m[s][(j + 3) & 3]);
		}
	}
	for (s = 0; s < S; s++) {
		e0[s] = _mm_sha1nexte_epu32(prev[s], e0[s]);
		x[s] = _mm_add_epi32(abcd[s], abcd0[s]);
	}
	for (g = 0; g < S; g += 4) {
		ck_tr4(&x[g], &x[g + 1], &x[g + 2], &x[g + 3]);
		CK_ST128(st + 3 * R + g, x[g]);
		CK_ST128(st + 2 * R + g, x[g + 1]);
		CK_ST128(st + 1 * R + g, x[g + 2]);
		CK_ST128(st + g, x[g + 3]);
		/* the E words: dword 3 of each lane's e0 */
		e = _mm_unpackhi_epi32(e0[g], e0[g + 1]);
		t = _mm_unpackhi_epi32(e0[g + 2], e0[g + 3]);
		CK_ST128(st + 4 * R + g, _mm_unpackhi_epi64(e, t));
	}
}

static SHANI void
sha1_comp_shani(uint32_t *st, const uint32_t *blk)
{
	unsigned g;

	for (g = 0; g < CK_SHANI1_LANES; g += 4)
		ck_sha1_shani_body(st + g, blk + g, false, 4, CK_SHANI1_LANES);
}

/* kw: the message schedule alone (ck_sched_sha1): the rounds add K */
static SHANI void
sha1_comp_kw_shani(uint32_t *st, const uint32_t *kw)
{
	ck_sha1_shani_body(st, kw, true, CK_SHANI1_LANES, CK_SHANI1_LANES);
}

/* S streams, lanes of rows of R words */
SHANI_INLINE void
ck_sha256_shani_body(uint32_t *st, const uint32_t *src, bool pre, unsigned S,
    unsigned R)
{
	enum { N = CK_SHANI_MAX };
	__m128i s0[N], s1[N], s0save[N], s1save[N], m[N][4], r[2][N], x, t;
	unsigned j, s, g, h;

	/* r[0][s]: lane s's abcd, r[1][s] its efgh */
	for (h = 0; h < 2; h++)
		for (g = 0; g < S; g += 4) {
			for (j = 0; j < 4; j++)
				r[h][g + j] = CK_LD128(st + (4 * h + j) * R + g);
			ck_tr4(&r[h][g], &r[h][g + 1], &r[h][g + 2],
			    &r[h][g + 3]);
		}
	for (s = 0; s < S; s++) {
		t = _mm_shuffle_epi32(r[0][s], 0xb1);		/* CDAB */
		x = _mm_shuffle_epi32(r[1][s], 0x1b);		/* EFGH */
		s0[s] = s0save[s] = _mm_alignr_epi8(t, x, 8);	/* ABEF */
		s1[s] = s1save[s] = _mm_blend_epi16(x, t, 0xf0);	/* CDGH */
	}
	if (!pre)
		for (j = 0; j < 4; j++)
			for (g = 0; g < S; g += 4) {
				for (h = 0; h < 4; h++)
					m[g + h][j] = CK_LD128(src +
					    (4 * j + h) * R + g);
				ck_tr4(&m[g][j], &m[g + 1][j], &m[g + 2][j],
				    &m[g + 3][j]);
			}
#pragma GCC unroll 16
	for (j = 0; j < 16; j++) {
		__m128i k = CK_LD128((pre ? src : ck_sha256_k) + 4 * j);

#pragma GCC unroll 8
		for (s = 0; s < S; s++) {
			if (pre)
				x = k;
			else {
				if (j >= 4)
					m[s][j & 3] = _mm_sha256msg2_epu32(
					    _mm_add_epi32(_mm_sha256msg1_epu32(
					    m[s][j & 3], m[s][(j + 1) & 3]),
					    _mm_alignr_epi8(m[s][(j + 3) & 3],
					    m[s][(j + 2) & 3], 4)),
					    m[s][(j + 3) & 3]);
				x = _mm_add_epi32(m[s][j & 3], k);
			}
			s1[s] = _mm_sha256rnds2_epu32(s1[s], s0[s], x);
			s0[s] = _mm_sha256rnds2_epu32(s0[s], s1[s],
			    _mm_shuffle_epi32(x, 0x0e));
		}
	}
	for (s = 0; s < S; s++) {
		s0[s] = _mm_add_epi32(s0[s], s0save[s]);
		s1[s] = _mm_add_epi32(s1[s], s1save[s]);
		t = _mm_shuffle_epi32(s0[s], 0x1b);		/* FEBA */
		x = _mm_shuffle_epi32(s1[s], 0xb1);		/* DCHG */
		r[0][s] = _mm_blend_epi16(t, x, 0xf0);		/* DCBA */
		r[1][s] = _mm_alignr_epi8(x, t, 8);		/* HGFE */
	}
	for (h = 0; h < 2; h++)
		for (g = 0; g < S; g += 4) {
			ck_tr4(&r[h][g], &r[h][g + 1], &r[h][g + 2],
			    &r[h][g + 3]);
			for (j = 0; j < 4; j++)
				CK_ST128(st + (4 * h + j) * R + g,
				    r[h][g + j]);
		}
}

static SHANI void
sha256_comp_shani(uint32_t *st, const uint32_t *blk)
{
	ck_sha256_shani_body(st, blk, false, CK_SHANI256_LANES,
	    CK_SHANI256_LANES);
}

static SHANI void
sha256_comp_kw_shani(uint32_t *st, const uint32_t *kw)
{
	ck_sha256_shani_body(st, kw, true, CK_SHANI256_LANES,
	    CK_SHANI256_LANES);
}

/*
 * The SHA extensions: CPUID leaf 7, EBX bit 29, asked directly (clang 14's
 * __builtin_cpu_supports has no "sha").
 */
static bool
ck_have_shani(void)
{
	unsigned a, b, c, d;

	__builtin_cpu_init();
	if (!__get_cpuid_count(7, 0, &a, &b, &c, &d))
		return false;
	return (b & (1u << 29)) != 0 && __builtin_cpu_supports("sse4.1");
}

#endif /* CK_X86 */

/* name, hash, lanes, usable, then the functions named by their prefix */
#define CK_KERN(n, h, l, u, f, prep) \
	{ #n, h, l, u, f##_comp_##n, f##_comp_kw_##n, prep, NULL, NULL }
/* the same with comp_keys and comp_dig */
#define CK_KERN_P(n, h, l, u, f, prep) \
	{ #n, h, l, u, f##_comp_##n, f##_comp_kw_##n, prep, \
	    f##_comp_keys_##n, f##_comp_dig_##n }

/*
 * Best first, per hash: ck_best takes the first this CPU runs.  AVX-512
 * leads everywhere.  Without it (AMD Zen 3, Intel client cores), SHA-256
 * takes the SHA extensions before AVX2 and SHA-1 AVX2 before them: the
 * SHA-NI streams cost 0.28 s of CPU per million SHA-256 candidates here
 * against AVX2's 0.54, and 0.24 s per million SHA-1 ones against AVX2's
 * 0.20 (this AMD EPYC, Zen 4; bench/RESULTS.md runs 3 and 4, 2026-12-06;
 * not measured on a Zen 3).  MD5 has no SHA-NI.
 */
static const struct ck_kern ck_all[] = {
#ifdef CK_X86
	CK_KERN(avx512, CK_MD5, CK_AVX512_LANES, ck_have_avx512, md5,
	    ck_prep_md5),
	CK_KERN_P(avx512, CK_SHA1, CK_AVX512_LANES, ck_have_avx512, sha1,
	    ck_prep_sha1),
	CK_KERN(avx512, CK_SHA256, CK_AVX512_LANES, ck_have_avx512, sha256,
	    ck_prep_sha256),
	CK_KERN(shani, CK_SHA256, CK_SHANI256_LANES, ck_have_shani, sha256,
	    ck_prep_sha256),
	CK_KERN(avx2, CK_MD5, CK_AVX2_LANES, ck_have_avx2, md5, ck_prep_md5),
	CK_KERN_P(avx2, CK_SHA1, CK_AVX2_LANES, ck_have_avx2, sha1,
	    ck_prep_sha1),
	CK_KERN(avx2, CK_SHA256, CK_AVX2_LANES, ck_have_avx2, sha256,
	    ck_prep_sha256),
	/* SHA-1's instructions add K themselves: the schedule alone */
	CK_KERN(shani, CK_SHA1, CK_SHANI1_LANES, ck_have_shani, sha1,
	    ck_sched_sha1),
#endif
	{ NULL, CK_NHASH, 0, NULL, NULL, NULL, NULL, NULL, NULL }
};
#define CK_NKERN	(sizeof(ck_all) / sizeof(ck_all[0]))	/* with the end */

const struct ck_kern *const *
ck_kernels(void)
{
	static const struct ck_kern *list[CK_NKERN];
	size_t i;

	if (list[0] == NULL)
		for (i = 0; ck_all[i].name != NULL; i++)
			list[i] = &ck_all[i];
	return list;
}

const struct ck_kern *
ck_find(const char *name, enum ck_hash h)
{
	size_t i;

	for (i = 0; ck_all[i].name != NULL; i++)
		if (ck_all[i].hash == h && strcmp(ck_all[i].name, name) == 0)
			return &ck_all[i];
	return NULL;
}

bool
ck_known_name(const char *name)
{
	size_t i;

	for (i = 0; ck_all[i].name != NULL; i++)
		if (strcmp(ck_all[i].name, name) == 0)
			return true;
	return false;
}

const struct ck_kern *
ck_best(enum ck_hash h)
{
	size_t i;

	for (i = 0; ck_all[i].name != NULL; i++)
		if (ck_all[i].hash == h && ck_all[i].usable())
			return &ck_all[i];
	return NULL;
}

/* ---- whole messages, every block per lane (long keys, tests) */

int
ck_hash_lanes(const struct ck_kern *k, const uint8_t **msg,
    const size_t *len, unsigned n, uint8_t **out)
{
	unsigned L = k->lanes, nw = ck_state_words(k->hash), l, i;
	uint32_t st[CK_MAXWORDS * CK_MAXLANES], blk[16 * CK_MAXLANES];
	uint32_t *pad[CK_MAXLANES] = { NULL };
	size_t nb[CK_MAXLANES], maxb = 0, b;
	int rc = -1;

	if (n > L || ck_iv(k->hash) == NULL)
		return -1;
	for (l = 0; l < n; l++) {
		nb[l] = (len[l] + 8) / 64 + 1;
		pad[l] = malloc(nb[l] * 16 * sizeof(uint32_t));
		if (pad[l] == NULL)
			goto out;
		ck_pad(k->hash, msg[l], len[l], 0, pad[l], nb[l]);
		if (nb[l] > maxb)
			maxb = nb[l];
	}
	for (i = 0; i < nw; i++)
		for (l = 0; l < L; l++)
			st[i * L + l] = ck_iv(k->hash)[i];
	for (b = 0; b < maxb; b++) {
		memset(blk, 0, sizeof(blk));
		for (l = 0; l < n; l++)
			if (b < nb[l])
				for (i = 0; i < 16; i++)
					blk[i * L + l] = pad[l][b * 16 + i];
		k->comp(st, blk);
		for (l = 0; l < n; l++) {
			uint32_t w[CK_MAXWORDS];

			if (b != nb[l] - 1)
				continue;
			for (i = 0; i < nw; i++)
				w[i] = st[i * L + l];
			ck_bytes(k->hash, w, ck_digest_len(k->hash), out[l]);
		}
	}
	rc = 0;
out:
	for (l = 0; l < n; l++)
		free(pad[l]);
	return rc;
}

int
ck_hmac_lanes(const struct ck_kern *k, const uint8_t **key,
    const size_t *klen, const uint8_t **msg, const size_t *mlen, unsigned n,
    uint8_t **out)
{
	size_t bl = ck_block_len(k->hash), dl = ck_digest_len(k->hash), i;
	uint8_t kb[CK_MAXLANES][64], dig[CK_MAXLANES][64];
	uint8_t *buf[CK_MAXLANES] = { NULL }, *dp[CK_MAXLANES];
	const uint8_t *bp[CK_MAXLANES];
	size_t blen[CK_MAXLANES];
	unsigned l, pass;
	int rc = -1;

	if (n > k->lanes)
		return -1;
	for (l = 0; l < n; l++) {
		memset(kb[l], 0, sizeof(kb[l]));
		dp[l] = dig[l];
		if (klen[l] <= bl)
			memcpy(kb[l], key[l], klen[l]);
		else if (ck_hash_lanes(k, &key[l], &klen[l], 1, &dp[l]) == 0)
			memcpy(kb[l], dig[l], dl);
		else
			return -1;
		buf[l] = malloc(bl + (mlen[l] > dl ? mlen[l] : dl));
		if (buf[l] == NULL)
			goto out;
	}
	for (pass = 0; pass < 2; pass++) {	/* inner, outer */
		for (l = 0; l < n; l++) {
			for (i = 0; i < bl; i++)
				buf[l][i] = kb[l][i] ^ (pass ? 0x5c : 0x36);
			if (pass == 0)
				memcpy(buf[l] + bl, msg[l], mlen[l]);
			else
				memcpy(buf[l] + bl, dig[l], dl);
			bp[l] = buf[l];
			blen[l] = bl + (pass ? dl : mlen[l]);
		}
		if (ck_hash_lanes(k, bp, blen, n, pass ? out : dp) == -1)
			goto out;
	}
	rc = 0;
out:
	for (l = 0; l < n; l++)
		free(buf[l]);
	return rc;
}
