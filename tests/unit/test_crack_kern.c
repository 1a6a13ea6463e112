/*
 * test_crack_kern.c - every cracker kernel this CPU runs against OpenSSL:
 * digests of messages of every length 0..300 (so 55, 56, 63, 64, 119,
 * 120, 128 and every other block edge), a different message in every
 * lane, lanes of different lengths, batches shorter than the lane count;
 * HMAC with keys shorter and longer than the block; the shared-block
 * path (comp_kw) against the per-lane one.  A kernel the CPU cannot run
 * is skipped with the reason printed.
 */
#include <config.h>

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include "crack/crack_kern.h"
#include "check.h"

static uint64_t rng = 0x9e3779b97f4a7c15ull;

static uint32_t
rnd(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (uint32_t)(rng >> 16);
}

static void
fill(uint8_t *p, size_t n)
{
	while (n-- > 0)
		*p++ = (uint8_t)rnd();
}

static const EVP_MD *
md(enum ck_hash h)
{
	return h == CK_MD5 ? EVP_md5() : h == CK_SHA1 ? EVP_sha1() :
	    EVP_sha256();
}

/* n messages of lengths len[], digests compared with OpenSSL's */
static int
hash_n(const struct ck_kern *k, const size_t *len, unsigned n)
{
	static uint8_t buf[CK_MAXLANES][400];
	uint8_t dig[CK_MAXLANES][64], ref[64], *out[CK_MAXLANES];
	const uint8_t *msg[CK_MAXLANES];
	unsigned l, bad = 0, rl;

	for (l = 0; l < n; l++) {
		fill(buf[l], len[l]);
		msg[l] = buf[l];
		out[l] = dig[l];
	}
	if (ck_hash_lanes(k, msg, len, n, out) == -1)
		return -1;
	for (l = 0; l < n; l++) {
		EVP_Digest(buf[l], len[l], ref, &rl, md(k->hash), NULL);
		if (memcmp(ref, dig[l], rl) != 0)
			bad++;
	}
	return (int)bad;
}

static void
test_hash(const struct ck_kern *k)
{
	size_t len[CK_MAXLANES], m;
	unsigned l, n, bad_same = 0, bad_mixed = 0, bad_short = 0;

	for (m = 0; m <= 300; m++) {
		for (l = 0; l < k->lanes; l++)
			len[l] = m;
		bad_same += (unsigned)hash_n(k, len, k->lanes);
		for (l = 0; l < k->lanes; l++)
			len[l] = (m + 37 * l) % 301;
		bad_mixed += (unsigned)hash_n(k, len, k->lanes);
	}
	for (n = 1; n < k->lanes; n++) {
		for (l = 0; l < n; l++)
			len[l] = rnd() % 200;
		bad_short += (unsigned)hash_n(k, len, n);
	}
	CHECK_EQ_U(bad_same, 0);
	CHECK_EQ_U(bad_mixed, 0);
	CHECK_EQ_U(bad_short, 0);
}

static void
test_hmac(const struct ck_kern *k)
{
	static const size_t klens[] = { 0, 1, 16, 20, 32, 55, 63, 64, 65,
	    100, 128, 200, 255 };
	uint8_t kb[CK_MAXLANES][256], mb[CK_MAXLANES][300];
	uint8_t dig[CK_MAXLANES][64], ref[64], *out[CK_MAXLANES];
	const uint8_t *key[CK_MAXLANES], *msg[CK_MAXLANES];
	size_t kl[CK_MAXLANES], ml[CK_MAXLANES], i;
	unsigned l, rl, bad = 0, runs = 0;

	for (i = 0; i < sizeof(klens) / sizeof(klens[0]); i++) {
		for (l = 0; l < k->lanes; l++) {
			kl[l] = (l & 1) ? klens[(i + l) % 13] : klens[i];
			ml[l] = rnd() % 300;
			fill(kb[l], kl[l]);
			fill(mb[l], ml[l]);
			key[l] = kb[l];
			msg[l] = mb[l];
			out[l] = dig[l];
		}
		if (ck_hmac_lanes(k, key, kl, msg, ml, k->lanes, out) == -1) {
			bad++;
			continue;
		}
		for (l = 0; l < k->lanes; l++) {
			HMAC(md(k->hash), kb[l], (int)kl[l], mb[l], ml[l], ref,
			    &rl);
			runs++;
			if (memcmp(ref, dig[l], rl) != 0)
				bad++;
		}
	}
	CHECK(runs > 0);
	CHECK_EQ_U(bad, 0);
}

/* comp_kw on a prepared block == comp with that block in every lane */
static void
test_kw(const struct ck_kern *k)
{
	uint32_t st1[CK_MAXWORDS * CK_MAXLANES], st2[CK_MAXWORDS * CK_MAXLANES];
	uint32_t blk[16], lanes[16 * CK_MAXLANES], kw[CK_MAXROUNDS];
	unsigned i, l, t, nw = ck_state_words(k->hash), bad = 0;

	for (t = 0; t < 50; t++) {
		for (i = 0; i < 16; i++) {
			blk[i] = rnd() ^ rnd() << 16;
			for (l = 0; l < k->lanes; l++)
				lanes[i * k->lanes + l] = blk[i];
		}
		for (i = 0; i < nw * k->lanes; i++)
			st1[i] = st2[i] = rnd() ^ rnd() << 16;
		k->prep_kw(blk, kw);
		k->comp(st1, lanes);
		k->comp_kw(st2, kw);
		if (memcmp(st1, st2, nw * k->lanes * sizeof(uint32_t)) != 0)
			bad++;
	}
	CHECK_EQ_U(bad, 0);
}

static void
test_pad(void)
{
	uint32_t w[3 * 16];
	uint8_t b[128] = { 0 };

	/* 55 bytes fit one block with their length; 56 need two */
	CHECK_EQ_U(ck_pad(CK_SHA1, b, 55, 0, w, 3), 1);
	CHECK_EQ_U(ck_pad(CK_SHA1, b, 56, 0, w, 3), 2);
	CHECK_EQ_U(ck_pad(CK_SHA1, b, 120, 0, w, 3), 3);
	CHECK_EQ_U(ck_pad(CK_SHA1, b, 120, 0, w, 2), 0);
	/* the length counts the prefix: 64 + 3 bytes = 536 bits */
	memset(b, 'a', 3);
	CHECK_EQ_U(ck_pad(CK_SHA256, b, 3, 64, w, 3), 1);
	CHECK_EQ_U(w[0], 0x61616180);
	CHECK_EQ_U(w[15], 536);
	CHECK_EQ_U(ck_pad(CK_MD5, b, 3, 64, w, 3), 1);
	CHECK_EQ_U(w[0], 0x80616161);
	CHECK_EQ_U(w[14], 536);
}

/* ck_best's documented order (crack_kern.c, the man page): AVX-512
 * first; without it SHA-256 takes SHA-NI before AVX2, SHA-1 AVX2 before
 * SHA-NI */
static void
test_best(void)
{
	const struct ck_kern *a512 = ck_find("avx512", CK_SHA1);
	const struct ck_kern *a2 = ck_find("avx2", CK_SHA1);
	const struct ck_kern *ni = ck_find("shani", CK_SHA1);
	const struct ck_kern *b1 = ck_best(CK_SHA1), *b256 = ck_best(CK_SHA256);
	const char *w1, *w256;

	if (a512 == NULL || a2 == NULL || ni == NULL) {
		printf("# SKIP kernel order: no x86 kernels built\n");
		return;
	}
	if (a512->usable())
		w1 = w256 = "avx512";
	else {
		w1 = a2->usable() ? "avx2" : ni->usable() ? "shani" : NULL;
		w256 = ni->usable() ? "shani" : a2->usable() ? "avx2" : NULL;
	}
	CHECK((b1 == NULL) == (w1 == NULL));
	CHECK((b256 == NULL) == (w256 == NULL));
	if (b1 != NULL && w1 != NULL)
		CHECK_STR(b1->name, w1);
	if (b256 != NULL && w256 != NULL)
		CHECK_STR(b256->name, w256);
}

int
main(void)
{
	const struct ck_kern *const *kp;
	unsigned ran = 0;

	test_pad();
	test_best();
	for (kp = ck_kernels(); *kp != NULL; kp++) {
		const struct ck_kern *k = *kp;

		if (!k->usable()) {
			printf("# SKIP kernel %s/%s: this CPU lacks %s\n",
			    k->name, ck_hash_name(k->hash),
			    strcmp(k->name, "shani") == 0 ? "the SHA "
			    "extensions" : k->name);
			continue;
		}
		printf("# kernel %s/%s, %u lanes\n", k->name,
		    ck_hash_name(k->hash), k->lanes);
		test_hash(k);
		test_hmac(k);
		test_kw(k);
		ran++;
	}
#if (defined(__x86_64__) || defined(__i386__)) && !defined(CK_NO_SIMD)
	/* an AVX2 CPU gets a kernel for MD5 */
	CHECK(ck_best(CK_MD5) != NULL || !__builtin_cpu_supports("avx2"));
	printf("# %u kernels run\n", ran);
#else
	printf("# SKIP every kernel: none on this architecture (or "
	    "CK_NO_SIMD)\n");
#endif
	return check_done("test_crack_kern");
}
