/*
 * test_reasm.c - unit tests for IPv4/IPv6 fragment reassembly.
 */
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "capture/reasm.h"

static char errbuf[256];

static struct reasm_key
key4(uint8_t srclast, uint32_t id)
{
	struct reasm_key k;

	memset(&k, 0, sizeof(k));
	k.af = 4;
	k.src[0] = 10; k.src[3] = srclast;
	k.dst[0] = 10; k.dst[3] = 200;
	k.id = id;
	k.proto = 17;
	return k;
}

static struct reasm_key
key6(uint32_t id)
{
	struct reasm_key k;

	memset(&k, 0, sizeof(k));
	k.af = 6;
	k.src[0] = 0x20; k.src[1] = 0x01; k.src[2] = 0x0d; k.src[3] = 0xb8;
	k.src[15] = 1;
	k.dst[0] = 0x20; k.dst[1] = 0x01; k.dst[2] = 0x0d; k.dst[3] = 0xb8;
	k.dst[15] = 2;
	k.id = id;
	k.proto = 17;
	return k;
}

/* Deterministic, position-dependent content for a whole datagram. */
static uint8_t *
pattern(size_t n, unsigned seed)
{
	uint8_t *p = malloc(n == 0 ? 1 : n);
	size_t i;

	for (i = 0; i < n; i++)
		p[i] = (uint8_t)(i * 7 + i / 251 + seed * 31);
	return p;
}

/* A fragment's facts for reasm_add, in its field order. */
#define FRAG(o_, m_, p_, l_, t_, f_) (&(struct reasm_frag){ \
	.offset = (o_), .more = (m_), .payload = (p_), .len = (l_), \
	.now = (t_), .frame = (f_) })

/* Add [off, off+len) of datagram dg; fails the test on error returns. */
static struct reasm_result
add(struct reasm *r, const struct reasm_key *k, const uint8_t *dg, size_t off,
    size_t len, bool more, double now, uint32_t frame)
{
	struct reasm_result res;
	int rc;

	rc = reasm_add(r, k, FRAG(off, more, dg + off, len, now, frame), &res,
	    errbuf, sizeof(errbuf));
	CHECK(rc == 0);
	return res;
}

static struct reasm_stats
stats(const struct reasm *r)
{
	struct reasm_stats st;

	reasm_stats(r, &st);
	return st;
}

static void
test_in_order(void)
{
	struct reasm *r = reasm_new(NULL);
	struct reasm_key k = key4(1, 0x1234);
	uint8_t *dg = pattern(3460, 1);
	struct reasm_result res;
	struct reasm_stats st;

	res = add(r, &k, dg, 0, 1480, true, 1.0, 10);
	CHECK(!res.complete);
	CHECK_EQ_U(res.events, REASM_EV_NONE);
	CHECK_EQ_U(res.nfrags, 1);
	CHECK_EQ_U(reasm_pending(r), 1);
	CHECK_EQ_U(stats(r).bytes_now, 1480);
	res = add(r, &k, dg, 1480, 1480, true, 1.1, 11);
	CHECK(!res.complete);
	CHECK_EQ_U(stats(r).bytes_now, 2960);
	res = add(r, &k, dg, 2960, 500, false, 1.2, 12);
	CHECK(res.complete);
	CHECK_EQ_U(res.events, REASM_EV_NONE);
	CHECK_EQ_U(res.len, 3460);
	CHECK(res.data != NULL);
	if (res.data != NULL && res.len == 3460)
		CHECK_MEM(res.data, dg, 3460);
	CHECK_EQ_U(res.first_frame, 10);
	CHECK_EQ_U(res.nfrags, 3);
	st = stats(r);
	CHECK_EQ_U(st.completed, 1);
	CHECK_EQ_U(st.frags, 3);
	CHECK_EQ_U(st.bytes_now, 0);
	CHECK_EQ_U(st.peak_bytes, 3460);
	CHECK_EQ_U(reasm_pending(r), 0);
	reasm_free(r);
	free(dg);
}

static void
test_out_of_order(void)
{
	struct reasm *r = reasm_new(NULL);
	struct reasm_key k = key4(1, 7);
	uint8_t *dg = pattern(2000, 2);
	struct reasm_result res;

	/* last first, then middle, then first */
	res = add(r, &k, dg, 1600, 400, false, 0, 1);
	CHECK(!res.complete);
	CHECK_EQ_U(stats(r).bytes_now, 2000);
	res = add(r, &k, dg, 800, 800, true, 0, 2);
	CHECK(!res.complete);
	res = add(r, &k, dg, 0, 800, true, 0, 3);
	CHECK(res.complete);
	CHECK_EQ_U(res.len, 2000);
	if (res.complete && res.len == 2000)
		CHECK_MEM(res.data, dg, 2000);
	CHECK_EQ_U(res.first_frame, 1);
	CHECK_EQ_U(res.nfrags, 3);

	/* middle, first, last */
	k.id = 8;
	res = add(r, &k, dg, 800, 800, true, 0, 4);
	res = add(r, &k, dg, 0, 800, true, 0, 5);
	CHECK(!res.complete);
	res = add(r, &k, dg, 1600, 400, false, 0, 6);
	CHECK(res.complete);
	if (res.complete && res.len == 2000)
		CHECK_MEM(res.data, dg, 2000);
	CHECK_EQ_U(res.first_frame, 4);
	CHECK_EQ_U(stats(r).completed, 2);
	CHECK_EQ_U(stats(r).bytes_now, 0);
	reasm_free(r);
	free(dg);
}

/*
 * Overlap drops the whole datagram and remembers it for max_age: the
 * rest arriving afterwards never completes it (RFC 5722).  After the
 * marker ages out the key can be used again.
 */
static void
test_overlap(void)
{
	struct reasm *r = reasm_new(NULL);
	struct reasm_key k = key4(1, 99);
	uint8_t *dg = pattern(32, 3);
	uint8_t evil[16];
	struct reasm_result res;
	struct reasm_stats st;

	res = add(r, &k, dg, 0, 16, true, 0, 1);
	res = add(r, &k, dg, 8, 16, true, 0, 2);	/* [8,24) over [0,16) */
	CHECK(res.events & REASM_EV_OVERLAP);
	CHECK(!res.complete);
	CHECK_EQ_U(res.first_frame, 1);
	st = stats(r);
	CHECK_EQ_U(st.overlaps, 1);
	CHECK_EQ_U(st.bytes_now, 0);
	CHECK_EQ_U(reasm_pending(r), 0);
	CHECK_EQ_U(st.markers_now, 1);

	/* the rest arrives: discarded, never completes */
	res = add(r, &k, dg, 16, 16, false, 1, 3);
	CHECK(res.events & REASM_EV_DISCARDED);
	CHECK(!res.complete);
	res = add(r, &k, dg, 0, 16, true, 2, 4);
	CHECK(res.events & REASM_EV_DISCARDED);
	CHECK(!res.complete);
	CHECK_EQ_U(stats(r).discarded, 2);
	CHECK_EQ_U(reasm_pending(r), 0);
	CHECK_EQ_U(stats(r).bytes_now, 0);

	/* after max_age (from the drop) the key is usable again */
	res = add(r, &k, dg, 16, 16, false, 40, 5);
	CHECK(!(res.events & REASM_EV_DISCARDED));
	CHECK(!(res.events & REASM_EV_TIMEOUT));	/* markers are silent */
	res = add(r, &k, dg, 0, 16, true, 40, 6);
	CHECK(res.complete);
	if (res.complete && res.len == 32)
		CHECK_MEM(res.data, dg, 32);

	/* same range, different bytes: an overlap, not a duplicate */
	k.id = 100;
	memcpy(evil, dg, 16);
	evil[5] ^= 0xff;
	res = add(r, &k, dg, 0, 16, true, 50, 7);
	CHECK_EQ_U(reasm_add(r, &k, FRAG(0, true, evil, 16, 50, 8), &res, errbuf,
	    sizeof(errbuf)), 0);
	CHECK(res.events & REASM_EV_OVERLAP);
	res = add(r, &k, dg, 16, 16, false, 50, 9);
	CHECK(!res.complete);
	CHECK(res.events & REASM_EV_DISCARDED);

	/* new fragment covering two existing ones */
	k.id = 101;
	res = add(r, &k, dg, 0, 8, true, 50, 10);
	res = add(r, &k, dg, 8, 8, true, 50, 11);
	res = add(r, &k, dg, 0, 16, true, 50, 12);
	CHECK(res.events & REASM_EV_OVERLAP);
	CHECK_EQ_U(stats(r).overlaps, 3);
	CHECK_EQ_U(stats(r).bytes_now, 0);
	reasm_free(r);
	free(dg);
}

static void
test_duplicate(void)
{
	struct reasm *r = reasm_new(NULL);
	struct reasm_key k = key4(1, 5);
	uint8_t *dg = pattern(24, 4);
	struct reasm_result res;

	res = add(r, &k, dg, 0, 16, true, 0, 1);
	res = add(r, &k, dg, 0, 16, true, 0, 2);
	CHECK_EQ_U(res.events, REASM_EV_DUPLICATE);
	CHECK(!res.complete);
	CHECK_EQ_U(res.nfrags, 1);
	CHECK_EQ_U(stats(r).bytes_now, 16);
	res = add(r, &k, dg, 16, 8, false, 0, 3);
	CHECK(res.complete);
	CHECK_EQ_U(res.nfrags, 2);
	if (res.complete && res.len == 24)
		CHECK_MEM(res.data, dg, 24);
	CHECK_EQ_U(stats(r).duplicates, 1);

	/* a late copy after completion is a duplicate, not a new datagram */
	res = add(r, &k, dg, 16, 8, false, 1, 4);
	CHECK_EQ_U(res.events, REASM_EV_DUPLICATE);
	CHECK(!res.complete);
	CHECK_EQ_U(reasm_pending(r), 0);
	CHECK_EQ_U(stats(r).duplicates, 2);

	/* same key, different fragment after completion: ID reuse */
	{
		uint8_t *dg2 = pattern(24, 40);

		res = add(r, &k, dg2, 0, 16, true, 2, 5);
		CHECK_EQ_U(res.events, REASM_EV_NONE);
		CHECK_EQ_U(reasm_pending(r), 1);
		res = add(r, &k, dg2, 16, 8, false, 2, 6);
		CHECK(res.complete);
		if (res.complete && res.len == 24)
			CHECK_MEM(res.data, dg2, 24);
		free(dg2);
	}

	/* a duplicate of the last fragment with MF set is inconsistent */
	k.id = 6;
	res = add(r, &k, dg, 16, 8, false, 3, 7);
	res = add(r, &k, dg, 16, 8, true, 3, 8);
	CHECK(res.events & REASM_EV_INCONSISTENT);
	res = add(r, &k, dg, 0, 16, true, 3, 9);
	CHECK(!res.complete);
	reasm_free(r);
	free(dg);
}

static void
test_oversize(void)
{
	struct reasm_limits lim;
	struct reasm *r = reasm_new(NULL);
	struct reasm_key k = key4(1, 1);
	uint8_t *dg = pattern(65536 + 64, 5);
	struct reasm_result res;

	/* ping of death: a last fragment ending past 65535 */
	res = add(r, &k, dg, 0, 1480, true, 0, 1);
	CHECK_EQ_U(stats(r).bytes_now, 1480);
	res = add(r, &k, dg, 65528, 16, false, 0, 2);
	CHECK(res.events & REASM_EV_OVERSIZE);
	CHECK(!res.complete);
	CHECK_EQ_U(stats(r).oversize, 1);
	CHECK_EQ_U(stats(r).bytes_now, 0);
	CHECK_EQ_U(reasm_pending(r), 0);

	/* a huge offset must not wrap around */
	k.id = 2;
	CHECK_EQ_U(reasm_add(r, &k, FRAG(SIZE_MAX - 7, true, dg, 16, 0, 3), &res,
	    errbuf, sizeof(errbuf)), 0);
	CHECK(res.events & REASM_EV_OVERSIZE);
	CHECK_EQ_U(stats(r).bytes_now, 0);
	/* a huge length (never read: rejected first) */
	k.id = 3;
	CHECK_EQ_U(reasm_add(r, &k, FRAG(8, true, dg, SIZE_MAX, 0, 4), &res,
	    errbuf, sizeof(errbuf)), 0);
	CHECK(res.events & REASM_EV_OVERSIZE);
	/* exactly 65535 is fine */
	k.id = 4;
	res = add(r, &k, dg, 65528, 7, false, 0, 5);
	CHECK_EQ_U(res.events, REASM_EV_NONE);
	CHECK_EQ_U(stats(r).oversize, 3);
	reasm_free(r);

	/* a small max_datagram: end == max is accepted, end > max is not */
	memset(&lim, 0, sizeof(lim));
	lim.max_datagram = 64;
	r = reasm_new(&lim);
	k.id = 5;
	res = add(r, &k, dg, 56, 16, false, 0, 6);
	CHECK(res.events & REASM_EV_OVERSIZE);
	k.id = 6;
	res = add(r, &k, dg, 48, 16, false, 0, 7);
	CHECK_EQ_U(res.events, REASM_EV_NONE);
	res = add(r, &k, dg, 0, 48, true, 0, 8);
	CHECK(res.complete);
	if (res.complete && res.len == 64)
		CHECK_MEM(res.data, dg, 64);
	/* an atomic fragment is checked too */
	k.id = 7;
	res = add(r, &k, dg, 0, 65, false, 0, 9);
	CHECK(res.events & REASM_EV_OVERSIZE);
	CHECK(!res.complete);
	reasm_free(r);
	free(dg);
}

static void
test_timeout(void)
{
	struct reasm *r = reasm_new(NULL);
	struct reasm_key k = key4(1, 11);
	uint8_t *dg = pattern(24, 6);
	struct reasm_result res;
	unsigned n = 99;

	res = add(r, &k, dg, 0, 16, true, 0, 1);
	res = add(r, &k, dg, 16, 8, false, 31, 2);
	CHECK(res.events & REASM_EV_TIMEOUT);
	CHECK(!res.complete);
	CHECK_EQ_U(stats(r).timeouts, 1);
	/* the late fragment started a new (incomplete) datagram */
	CHECK_EQ_U(reasm_pending(r), 1);
	CHECK_EQ_U(res.first_frame, 2);
	reasm_expire(r, 61.5, &n);
	CHECK_EQ_U(n, 1);
	CHECK_EQ_U(reasm_pending(r), 0);
	CHECK_EQ_U(stats(r).timeouts, 2);
	CHECK_EQ_U(stats(r).bytes_now, 0);

	/* exactly max_age later is still in time (expiry is "older than") */
	k.id = 12;
	res = add(r, &k, dg, 0, 16, true, 100, 3);
	res = add(r, &k, dg, 16, 8, false, 130, 4);
	CHECK(res.complete);
	CHECK(!(res.events & REASM_EV_TIMEOUT));
	if (res.complete && res.len == 24)
		CHECK_MEM(res.data, dg, 24);

	/* time going backwards is "no time passed" */
	k.id = 13;
	res = add(r, &k, dg, 0, 16, true, 200, 5);
	res = add(r, &k, dg, 16, 8, false, 150, 6);
	CHECK(res.complete);
	if (res.complete && res.len == 24)
		CHECK_MEM(res.data, dg, 24);
	k.id = 14;
	res = add(r, &k, dg, 0, 16, true, 10, 7);	/* stamped 200 */
	reasm_expire(r, 229, &n);
	CHECK_EQ_U(n, 0);
	reasm_expire(r, 231, &n);
	CHECK_EQ_U(n, 1);
	reasm_expire(r, NAN, &n);		/* NaN ignored */
	CHECK_EQ_U(n, 0);
	reasm_expire(r, 232, NULL);
	reasm_free(r);
	free(dg);
}

/* Oldest-first eviction when the byte cap is hit. */
static void
test_byte_cap(void)
{
	struct reasm_limits lim;
	struct reasm *r;
	struct reasm_key ka = key4(1, 1), kb = key4(1, 2), kc = key4(1, 3),
	    kd = key4(1, 4);
	uint8_t *dg = pattern(4000, 7);
	struct reasm_result res;
	struct reasm_stats st;

	memset(&lim, 0, sizeof(lim));
	lim.max_bytes = 3500;
	r = reasm_new(&lim);
	res = add(r, &ka, dg, 0, 1000, true, 0, 1);
	res = add(r, &kb, dg, 0, 1000, true, 1, 2);
	res = add(r, &kc, dg, 0, 1000, true, 2, 3);
	CHECK_EQ_U(res.events, REASM_EV_NONE);
	CHECK_EQ_U(stats(r).bytes_now, 3000);
	res = add(r, &kd, dg, 0, 1000, true, 3, 4);	/* evicts A */
	CHECK(res.events & REASM_EV_EVICTED);
	st = stats(r);
	CHECK_EQ_U(st.evicted, 1);
	CHECK_EQ_U(st.bytes_now, 3000);
	CHECK_EQ_U(reasm_pending(r), 3);
	/* A's last fragment cannot complete it; it evicts B for room */
	res = add(r, &ka, dg, 1000, 8, false, 4, 5);
	CHECK(!res.complete);
	CHECK(res.events & REASM_EV_EVICTED);
	CHECK_EQ_U(stats(r).evicted, 2);
	CHECK_EQ_U(stats(r).bytes_now, 3008);
	/* C survived; it evicts D (the oldest but itself) and completes */
	res = add(r, &kc, dg, 1000, 1000, false, 5, 6);
	CHECK(res.complete);
	CHECK(res.events & REASM_EV_EVICTED);
	CHECK_EQ_U(res.first_frame, 3);
	if (res.complete && res.len == 2000)
		CHECK_MEM(res.data, dg, 2000);
	st = stats(r);
	CHECK_EQ_U(st.evicted, 3);
	CHECK_EQ_U(st.bytes_now, 1008);		/* A's restart only */
	CHECK_EQ_U(st.peak_bytes, 3008);
	CHECK_EQ_U(reasm_pending(r), 1);
	reasm_free(r);

	/* a single datagram larger than the byte cap is given up */
	r = reasm_new(&lim);
	res = add(r, &ka, dg, 0, 1000, true, 0, 1);
	res = add(r, &kb, dg, 0, 2000, true, 0, 2);
	CHECK_EQ_U(res.events, REASM_EV_NONE);
	res = add(r, &kb, dg, 2000, 1600, false, 0, 3);
	/* A goes, then B itself */
	CHECK(res.events & REASM_EV_EVICTED);
	CHECK(!res.complete);
	st = stats(r);
	CHECK_EQ_U(st.evicted, 2);
	CHECK_EQ_U(st.bytes_now, 0);
	CHECK_EQ_U(reasm_pending(r), 0);
	CHECK(st.peak_bytes <= 3500);
	reasm_free(r);
	free(dg);
}

/* Oldest-first eviction when the entry cap is hit; markers go first. */
static void
test_entry_cap(void)
{
	struct reasm_limits lim;
	struct reasm *r;
	struct reasm_key k[6];
	uint8_t *dg = pattern(24, 8);
	struct reasm_result res;
	struct reasm_stats st;
	int i;

	memset(&lim, 0, sizeof(lim));
	lim.max_entries = 4;
	r = reasm_new(&lim);
	for (i = 0; i < 6; i++)
		k[i] = key4(1, (uint32_t)(100 + i));
	for (i = 0; i < 4; i++) {
		res = add(r, &k[i], dg, 0, 16, true, i, (uint32_t)i);
		CHECK_EQ_U(res.events, REASM_EV_NONE);
	}
	res = add(r, &k[4], dg, 0, 16, true, 4, 4);	/* evicts k[0] */
	CHECK(res.events & REASM_EV_EVICTED);
	st = stats(r);
	CHECK_EQ_U(st.evicted, 1);
	CHECK_EQ_U(st.entries_now, 4);
	CHECK_EQ_U(reasm_pending(r), 4);
	/* k[1] is still there and completes */
	res = add(r, &k[1], dg, 16, 8, false, 5, 5);
	CHECK(res.complete);
	CHECK_EQ_U(res.first_frame, 1);
	if (res.complete && res.len == 24)
		CHECK_MEM(res.data, dg, 24);
	/* its completed marker is evicted before any datagram with data */
	st = stats(r);
	CHECK_EQ_U(st.entries_now, 4);
	CHECK_EQ_U(st.markers_now, 1);
	res = add(r, &k[5], dg, 0, 16, true, 6, 6);
	CHECK_EQ_U(res.events, REASM_EV_NONE);
	st = stats(r);
	CHECK_EQ_U(st.evicted, 1);
	CHECK_EQ_U(st.markers_now, 0);
	CHECK_EQ_U(reasm_pending(r), 4);
	/* k[0] was evicted: its last fragment starts over (evicting k[2]) */
	res = add(r, &k[0], dg, 16, 8, false, 7, 7);
	CHECK(!res.complete);
	CHECK(res.events & REASM_EV_EVICTED);
	CHECK_EQ_U(stats(r).evicted, 2);
	res = add(r, &k[3], dg, 16, 8, false, 8, 8);
	CHECK(res.complete);
	if (res.complete && res.len == 24)
		CHECK_MEM(res.data, dg, 24);
	res = add(r, &k[2], dg, 16, 8, false, 9, 9);
	CHECK(!res.complete);
	CHECK(stats(r).peak_entries <= 4);
	reasm_free(r);
	free(dg);
}

static void
test_ipv6(void)
{
	struct reasm *r = reasm_new(NULL);
	struct reasm_key a = key6(0x12345678), b = key6(0x00005678),
	    c = key6(0x12340000);
	uint8_t *da = pattern(2464, 9), *db = pattern(2464, 10),
	    *dc = pattern(2464, 11);
	struct reasm_result res;

	/* 1232-byte fragments, as at the IPv6 minimum MTU */
	res = add(r, &a, da, 0, 1232, true, 0, 1);
	res = add(r, &b, db, 1232, 1232, false, 0, 2);
	res = add(r, &c, dc, 0, 1232, true, 0, 3);
	CHECK_EQ_U(reasm_pending(r), 3);
	res = add(r, &b, db, 0, 1232, true, 0, 4);
	CHECK(res.complete);
	if (res.complete && res.len == 2464)
		CHECK_MEM(res.data, db, 2464);
	res = add(r, &a, da, 1232, 1232, false, 0, 5);
	CHECK(res.complete);
	CHECK_EQ_U(res.first_frame, 1);
	if (res.complete && res.len == 2464)
		CHECK_MEM(res.data, da, 2464);
	res = add(r, &c, dc, 1232, 1232, false, 0, 6);
	CHECK(res.complete);
	if (res.complete && res.len == 2464)
		CHECK_MEM(res.data, dc, 2464);

	/* an IPv6 and an IPv4 key with the same leading bytes differ */
	{
		struct reasm_key k4 = key4(1, 0x5678);
		struct reasm_key k6 = k4;

		k6.af = 6;
		res = add(r, &k4, da, 0, 8, true, 1, 7);
		res = add(r, &k6, db, 8, 8, false, 1, 8);
		CHECK(!res.complete);
		CHECK_EQ_U(reasm_pending(r), 2);
		/* IPv4 ignores address bytes past the fourth */
		k4.src[10] = 0xee;
		res = add(r, &k4, da, 8, 8, false, 1, 9);
		CHECK(res.complete);
		if (res.complete && res.len == 16)
			CHECK_MEM(res.data, da, 16);
	}
	reasm_free(r);
	free(da);
	free(db);
	free(dc);
}

static void
test_keys_not_mixed(void)
{
	struct reasm *r = reasm_new(NULL);
	struct reasm_key a = key4(1, 42), b = key4(2, 42), c = key4(1, 42),
	    d = key4(1, 42);
	uint8_t *da = pattern(40, 12), *db = pattern(40, 13),
	    *dc = pattern(40, 14), *dd = pattern(40, 15);
	struct reasm_result res;

	c.proto = 50;		/* same addresses and id, other protocol */
	d.dst[3] = 201;		/* other destination */
	res = add(r, &a, da, 0, 24, true, 0, 1);
	res = add(r, &b, db, 24, 16, false, 0, 2);
	res = add(r, &c, dc, 0, 24, true, 0, 3);
	res = add(r, &d, dd, 24, 16, false, 0, 4);
	CHECK_EQ_U(res.events, REASM_EV_NONE);
	CHECK_EQ_U(reasm_pending(r), 4);
	res = add(r, &b, db, 0, 24, true, 0, 5);
	CHECK(res.complete);
	if (res.complete && res.len == 40)
		CHECK_MEM(res.data, db, 40);
	res = add(r, &a, da, 24, 16, false, 0, 6);
	CHECK(res.complete);
	if (res.complete && res.len == 40)
		CHECK_MEM(res.data, da, 40);
	res = add(r, &d, dd, 0, 24, true, 0, 7);
	CHECK(res.complete);
	if (res.complete && res.len == 40)
		CHECK_MEM(res.data, dd, 40);
	res = add(r, &c, dc, 24, 16, false, 0, 8);
	CHECK(res.complete);
	if (res.complete && res.len == 40)
		CHECK_MEM(res.data, dc, 40);
	CHECK_EQ_U(stats(r).overlaps, 0);
	reasm_free(r);
	free(da);
	free(db);
	free(dc);
	free(dd);
}

static void
test_inconsistent(void)
{
	struct reasm *r = reasm_new(NULL);
	struct reasm_key k = key4(1, 300);
	uint8_t *dg = pattern(64, 16);
	struct reasm_result res;

	/* two different last fragments */
	k.id = 301;
	res = add(r, &k, dg, 16, 8, false, 0, 3);
	res = add(r, &k, dg, 32, 8, false, 0, 4);
	CHECK(res.events & REASM_EV_INCONSISTENT);
	CHECK_EQ_U(stats(r).bytes_now, 0);
	res = add(r, &k, dg, 0, 16, true, 0, 5);
	CHECK(!res.complete);
	CHECK(res.events & REASM_EV_DISCARDED);

	/* a non-last fragment past the known end */
	k.id = 302;
	res = add(r, &k, dg, 16, 8, false, 0, 6);
	res = add(r, &k, dg, 24, 8, true, 0, 7);
	CHECK(res.events & REASM_EV_INCONSISTENT);

	/* a last fragment ending before data already held */
	k.id = 303;
	res = add(r, &k, dg, 32, 8, true, 0, 8);
	res = add(r, &k, dg, 16, 8, false, 0, 9);
	CHECK(res.events & REASM_EV_INCONSISTENT);

	/* a non-last fragment whose length is not a multiple of 8 */
	k.id = 304;
	res = add(r, &k, dg, 0, 12, true, 0, 10);
	CHECK(res.events & REASM_EV_INCONSISTENT);
	res = add(r, &k, dg, 16, 8, false, 0, 11);
	CHECK(res.events & REASM_EV_DISCARDED);

	/* an offset that is not a multiple of 8 */
	k.id = 305;
	res = add(r, &k, dg, 4, 8, true, 0, 12);
	CHECK(res.events & REASM_EV_INCONSISTENT);
	CHECK_EQ_U(stats(r).inconsistent, 5);
	CHECK_EQ_U(reasm_pending(r), 0);

	/* a consistent datagram alongside still completes */
	k.id = 306;
	res = add(r, &k, dg, 40, 3, false, 0, 13);
	res = add(r, &k, dg, 0, 40, true, 0, 14);
	CHECK(res.complete);
	if (res.complete && res.len == 43)
		CHECK_MEM(res.data, dg, 43);
	reasm_free(r);
	free(dg);
}

static void
test_zero_length(void)
{
	struct reasm *r = reasm_new(NULL);
	struct reasm_key k = key4(1, 400);
	uint8_t *dg = pattern(24, 17);
	struct reasm_result res;

	res = add(r, &k, dg, 0, 16, true, 0, 1);
	res = add(r, &k, dg, 16, 0, true, 0, 2);
	CHECK(res.events & REASM_EV_INCONSISTENT);
	CHECK(!res.complete);
	res = add(r, &k, dg, 16, 8, false, 0, 3);
	CHECK(!res.complete);
	CHECK(res.events & REASM_EV_DISCARDED);
	/* zero-length last fragment, and zero-length with a NULL pointer */
	k.id = 401;
	res = add(r, &k, dg, 8, 0, false, 0, 4);
	CHECK(res.events & REASM_EV_INCONSISTENT);
	k.id = 402;
	CHECK_EQ_U(reasm_add(r, &k, FRAG(8, true, NULL, 0, 0, 5), &res, errbuf,
	    sizeof(errbuf)), 0);
	CHECK(res.events & REASM_EV_INCONSISTENT);
	/* zero-length atomic fragment */
	k.id = 403;
	res = add(r, &k, dg, 0, 0, false, 0, 6);
	CHECK(res.events & REASM_EV_INCONSISTENT);
	CHECK(!res.complete);
	CHECK_EQ_U(stats(r).inconsistent, 4);
	CHECK_EQ_U(stats(r).bytes_now, 0);
	CHECK_EQ_U(reasm_pending(r), 0);
	reasm_free(r);
	free(dg);
}

static void
test_interleaved(void)
{
	struct reasm *r = reasm_new(NULL);
	struct reasm_key k[3];
	uint8_t *dg[3];
	struct reasm_result res;
	int i, f, done = 0;
	uint32_t frame = 1;

	for (i = 0; i < 3; i++) {
		k[i] = key4((uint8_t)(1 + i), 500);	/* same id! */
		dg[i] = pattern(5 * 576, (unsigned)(20 + i));
	}
	/* fragments of the three datagrams round-robin, each backwards */
	for (f = 4; f >= 0; f--) {
		for (i = 0; i < 3; i++) {
			res = add(r, &k[i], dg[i], (size_t)f * 576, 576, f != 4,
			    0.001 * frame, frame);
			frame++;
			if (f > 0) {
				CHECK(!res.complete);
				continue;
			}
			CHECK(res.complete);
			CHECK_EQ_U(res.nfrags, 5);
			CHECK_EQ_U(res.first_frame, 1 + i);
			if (res.complete && res.len == 5 * 576) {
				CHECK_MEM(res.data, dg[i], 5 * 576);
				done++;
			}
		}
	}
	CHECK_EQ_U(done, 3);
	CHECK_EQ_U(stats(r).peak_bytes, 3 * 5 * 576);
	CHECK_EQ_U(stats(r).bytes_now, 0);
	for (i = 0; i < 3; i++)
		free(dg[i]);
	reasm_free(r);
}

static void
test_atomic(void)
{
	struct reasm *r = reasm_new(NULL);
	struct reasm_key k = key6(77);
	uint8_t *dg = pattern(40, 30), *at = pattern(100, 31);
	struct reasm_result res;

	res = add(r, &k, dg, 0, 16, true, 0, 1);
	/* RFC 6946: processed in isolation, even with the same key */
	res = add(r, &k, at, 0, 100, false, 0, 2);
	CHECK(res.complete);
	CHECK_EQ_U(res.nfrags, 1);
	CHECK_EQ_U(res.first_frame, 2);
	CHECK(res.data != at);	/* a copy */
	if (res.complete && res.len == 100)
		CHECK_MEM(res.data, at, 100);
	CHECK_EQ_U(reasm_pending(r), 1);
	res = add(r, &k, dg, 16, 24, false, 0, 3);
	CHECK(res.complete);
	if (res.complete && res.len == 40)
		CHECK_MEM(res.data, dg, 40);
	reasm_free(r);
	free(dg);
	free(at);
}

static void
test_too_many(void)
{
	struct reasm_limits lim;
	struct reasm *r;
	struct reasm_key k = key4(1, 600);
	uint8_t *dg = pattern(64, 32);
	struct reasm_result res;
	size_t i;

	memset(&lim, 0, sizeof(lim));
	lim.max_frags = 4;
	r = reasm_new(&lim);
	for (i = 0; i < 3; i++)
		res = add(r, &k, dg, i * 8, 8, true, 0, (uint32_t)i);
	res = add(r, &k, dg, 24, 8, false, 0, 3);	/* 4th: fine */
	CHECK(res.complete);
	if (res.complete && res.len == 32)
		CHECK_MEM(res.data, dg, 32);
	k.id = 601;
	for (i = 0; i < 4; i++)
		res = add(r, &k, dg, i * 8, 8, true, 0, (uint32_t)i);
	res = add(r, &k, dg, 32, 8, false, 0, 4);	/* 5th: too many */
	CHECK(res.events & REASM_EV_TOO_MANY);
	CHECK(!res.complete);
	CHECK_EQ_U(stats(r).toomany, 1);
	CHECK_EQ_U(stats(r).bytes_now, 0);
	reasm_free(r);
	free(dg);
}

static void
test_bad_args(void)
{
	struct reasm *r = reasm_new(NULL);
	struct reasm_key k = key4(1, 1);
	struct reasm_result res;
	uint8_t b[8] = { 0 };

	k.af = 5;
	errbuf[0] = '\0';
	CHECK_EQ_U(reasm_add(r, &k, FRAG(0, true, b, 8, 0, 1), &res, errbuf,
	    sizeof(errbuf)), -1);
	CHECK(errbuf[0] != '\0');
	k.af = 4;
	CHECK_EQ_U(reasm_add(r, &k, FRAG(0, true, NULL, 8, 0, 1), &res, errbuf,
	    sizeof(errbuf)), -1);
	CHECK_EQ_U(reasm_add(r, NULL, FRAG(0, true, b, 8, 0, 1), &res, NULL, 0),
	    -1);
	/* a NULL result is allowed */
	CHECK_EQ_U(reasm_add(r, &k, FRAG(0, true, b, 8, 0, 1), NULL, NULL, 0), 0);
	CHECK_EQ_U(reasm_pending(r), 1);
	reasm_free(r);
	reasm_free(NULL);
}

/*
 * 100000 distinct incomplete datagrams with small caps: memory stays
 * within the caps at every step, and a real datagram still gets through.
 */
static void
test_flood(void)
{
	struct reasm_limits lim;
	struct reasm *r;
	struct reasm_key k;
	uint8_t *junk = pattern(1024, 33), *dg = pattern(48, 34);
	struct reasm_result res;
	struct reasm_stats st;
	uint32_t i;
	int bad = 0;

	memset(&lim, 0, sizeof(lim));
	lim.max_bytes = 4096;
	lim.max_entries = 64;
	r = reasm_new(&lim);
	for (i = 0; i < 100000; i++) {
		k = key4((uint8_t)(i >> 16), i & 0xffff);
		k.src[1] = (uint8_t)(i >> 24);
		switch (i % 4) {
		case 0:		/* small first fragment */
			res = add(r, &k, junk, 0, 64, true, i * 1e-4, i);
			break;
		case 1:		/* a far fragment: a large buffer */
			res = add(r, &k, junk, 1000, 8, true, i * 1e-4, i);
			break;
		case 2:		/* a last fragment, total known */
			res = add(r, &k, junk, 512, 7, false, i * 1e-4, i);
			break;
		default:	/* bogus: overlap-free but inconsistent */
			res = add(r, &k, junk, 4, 8, true, i * 1e-4, i);
			break;
		}
		st = stats(r);
		if (st.bytes_now > lim.max_bytes ||
		    st.entries_now > lim.max_entries ||
		    st.peak_bytes > lim.max_bytes || res.complete)
			bad++;
	}
	CHECK_EQ_U(bad, 0);
	st = stats(r);
	CHECK(st.peak_bytes <= 4096);
	CHECK(st.peak_entries <= 64);
	/* markers (case 3) are evicted first and not counted */
	CHECK(st.evicted >= 70000);
	CHECK_EQ_U(st.inconsistent, 25000);
	CHECK(reasm_pending(r) <= 64);
	CHECK_EQ_U(st.frags, 100000);

	k = key4(250, 1);
	res = add(r, &k, dg, 32, 16, false, 20, 200000);
	res = add(r, &k, dg, 0, 32, true, 20, 200001);
	CHECK(res.complete);
	if (res.complete && res.len == 48)
		CHECK_MEM(res.data, dg, 48);
	reasm_free(r);
	free(junk);
	free(dg);
}

int
main(void)
{
	test_in_order();
	test_out_of_order();
	test_overlap();
	test_duplicate();
	test_oversize();
	test_timeout();
	test_byte_cap();
	test_entry_cap();
	test_ipv6();
	test_keys_not_mixed();
	test_inconsistent();
	test_zero_length();
	test_interleaved();
	test_atomic();
	test_too_many();
	test_bad_args();
	test_flood();
	return check_done("reasm");
}
