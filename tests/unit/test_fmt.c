/*
 * test_fmt.c - the printf-free formatters against snprintf (and gmtime for
 * the time of day) over edge values, ties and near-ties of fixed point,
 * and a million pseudo-random ones
 * (a fixed xorshift seed, so a failure repeats); a guard byte past each
 * result checks that nothing is written beyond the length returned.
 */
#define _POSIX_C_SOURCE 200809L	/* gmtime_r */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "check.h"
#include "core/fmt.h"

#define GUARD	'#'

static uint64_t rs = 0x9e3779b97f4a7c15ULL;

static uint64_t
rnd(void)
{
	rs ^= rs << 13;
	rs ^= rs >> 7;
	rs ^= rs << 17;
	return rs;
}

/* a value of a random number of bits, so that every length comes up */
static uint64_t
rnd_bits(void)
{
	unsigned b = (unsigned)(rnd() % 65);

	return b == 0 ? 0 : rnd() >> (64 - b);
}

static int bad;

/* got[0..n) against want, and the guard after it */
static void
same(const char *got, size_t n, const char *want)
{
	check_count++;
	if (n != strlen(want) || memcmp(got, want, n) != 0 ||
	    got[n] != GUARD) {
		check_fails++;
		if (bad++ < 10)
			fprintf(stderr, "got \"%.*s\" (%zu), want \"%s\"\n",
			    (int)n, got, n, want);
	}
}

static void
one_u(uint64_t v)
{
	char got[64], want[64];
	int w = (int)(rnd() % (FMT_U64_MAX + 1));

	memset(got, GUARD, sizeof(got));
	snprintf(want, sizeof(want), "%llu", (unsigned long long)v);
	same(got, fmt_u64(got, v), want);
	memset(got, GUARD, sizeof(got));
	snprintf(want, sizeof(want), "%0*llu", w, (unsigned long long)v);
	same(got, fmt_u0(got, v, w), want);
}

static void
one_hex(uint64_t v)
{
	char got[64], want[64];
	uint8_t b[8];
	size_t i, n = (size_t)(v % 9);

	memset(got, GUARD, sizeof(got));
	snprintf(want, sizeof(want), "%08x", (uint32_t)v);
	same(got, fmt_hex32(got, (uint32_t)v), want);
	for (i = 0; i < n; i++) {
		b[i] = (uint8_t)(v >> (8 * i));
		snprintf(want + 2 * i, 3, "%02x", b[i]);
	}
	want[2 * n] = '\0';
	memset(got, GUARD, sizeof(got));
	same(got, fmt_hex(got, b, n), want);
}

/* ts to the microsecond as the text view always printed it */
static void
one_tod(double ts)
{
	char got[64], want[64];
	long long t = (long long)floor(ts);
	long usec = (long)((ts - (double)t) * 1e6 + 0.5);
	time_t tt;
	struct tm tm;

	if (usec >= 1000000) {
		t++;
		usec -= 1000000;
	}
	tt = (time_t)t;
	gmtime_r(&tt, &tm);
	snprintf(want, sizeof(want), "%02d:%02d:%02d.%06ld", tm.tm_hour,
	    tm.tm_min, tm.tm_sec, usec);
	memset(got, GUARD, sizeof(got));
	same(got, fmt_tod(got, ts), want);
}

static void
one_fix(double v, int prec)
{
	char got[FMT_FIX_LEN + 16], want[FMT_FIX_LEN + 16];

	memset(got, GUARD, sizeof(got));
	snprintf(want, sizeof(want), "%.*f", prec, v);
	same(got, fmt_fix(got, v, prec), want);
}

/* v and its neighbours one and two ulps away, at every precision */
static void
near_fix(double v)
{
	double x = v;
	int prec, i;

	for (i = 0; i < 3; i++) {
		for (prec = 0; prec <= 3; prec++) {
			one_fix(x, prec);
			one_fix(-x, prec);
		}
		x = nextafter(x, INFINITY);
	}
	x = v;
	for (i = 0; i < 2; i++) {
		x = nextafter(x, -INFINITY);
		for (prec = 0; prec <= 3; prec++)
			one_fix(x, prec);
	}
}

static void
test_fix(void)
{
	static const double v[] = { 0, 0.0005, 0.0015, 0.0025, 0.0045,
	    0.005, 0.05, 0.125, 0.5, 1.5, 2.5, 0.9995, 9.9995, 99.995,
	    999.95, 1234.5675, 9999999.9995, 1e7, 1e7 - 0.0005, 1e15,
	    1e300, 1.7976931348623157e308, 5e-324 };
	size_t i;
	int k, prec;

	for (i = 0; i < sizeof(v) / sizeof(v[0]); i++)
		near_fix(v[i]);
	for (prec = 0; prec <= 3; prec++) {
		one_fix(NAN, prec);
		one_fix(INFINITY, prec);
		one_fix(-INFINITY, prec);
		one_fix(-0.0, prec);
	}
	/* ties and near-ties of every precision, then anything below 10^7:
	 * durations, rates and round-trip times as the timeline prints them */
	for (k = 0; k < 200000; k++) {
		uint64_t q = rnd() % 10000000000ULL;

		near_fix(((double)q + 0.5) / 1000.0);
		near_fix(((double)q + 0.5) / 10.0 / 1000.0);
		one_fix((double)(rnd() % 10000000) +
		    (double)(rnd() % 1000000000) / 1e9, (int)(rnd() % 4));
		one_fix((double)rnd() / 18446744073709551616.0 *
		    1e8, (int)(rnd() % 4));
	}
}

static void
test_edges(void)
{
	static const uint64_t u[] = { 0, 1, 9, 10, 99, 100, 999, 1000,
	    9999, 10000, 99999, 100000, 9999999, 10000000, 99999999,
	    100000000, 100000001, 4294967295ULL, 4294967296ULL, 9999999999ULL,
	    10000000000ULL, 99999999999999999ULL, 1000000000000000000ULL,
	    9999999999999999999ULL, 10000000000000000000ULL, UINT64_MAX };
	static const double ts[] = { 0, 0.0000004, 0.0000005, 0.9999994,
	    0.9999996, 59.9999996, 86399.9999996, 86400, 1700000000.123456,
	    1764979199.9999999, 4102444800.5,
	    /* before 1970 (signed seconds) and negative fractions */
	    -4.5, -0.000001, -0.0000004, -86400.25, -2147483648.0,
	    -2147483648.999999 };
	size_t i;
	int w;

	for (i = 0; i < sizeof(u) / sizeof(u[0]); i++) {
		for (w = 0; w <= FMT_U64_MAX; w++) {
			char got[64], want[64];

			memset(got, GUARD, sizeof(got));
			snprintf(want, sizeof(want), "%0*llu", w,
			    (unsigned long long)u[i]);
			same(got, fmt_u0(got, u[i], w), want);
		}
		one_u(u[i]);
		one_hex(u[i]);
	}
	for (i = 0; i < sizeof(ts) / sizeof(ts[0]); i++)
		one_tod(ts[i]);
}

static void
test_random(void)
{
	int i;

	/* every value of the short paths and past them */
	for (i = 0; i < 100000; i++)
		one_u((uint64_t)i);
	for (i = 0; i < 1000000; i++) {
		one_u(rnd_bits());
		one_hex(rnd());
		/* capture times from 1970 to 2106, to the nanosecond */
		one_tod((double)(rnd() % 4294967296ULL) +
		    (double)(rnd() % 1000000000) / 1e9);
	}
}

int
main(void)
{
	test_edges();
	test_random();
	test_fix();
	return check_done("test_fmt");
}
