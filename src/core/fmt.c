/*
 * fmt.c - printf-free formatting; see fmt.h.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core/fmt.h"

static const char fmt_d2[] =
    "00010203040506070809101112131415161718192021222324252627282930"
    "31323334353637383940414243444546474849505152535455565758596061"
    "62636465666768697071727374757677787980818283848586878889909192"
    "93949596979899";

/* Each byte's two hex digits, a table made once before main. */
static char fmt_hx2[256][2];

static void __attribute__((constructor))
fmt_tables(void)
{
	static const char hx[] = "0123456789abcdef";
	unsigned v;

	for (v = 0; v < 256; v++) {
		fmt_hx2[v][0] = hx[v >> 4];
		fmt_hx2[v][1] = hx[v & 0xf];
	}
}

/* decimal digits of v (comparisons for the usual small values) */
static int
fmt_ndigits(uint64_t v)
{
	int n = 10;

	if (v < 100000)
		return v < 100 ? (v < 10 ? 1 : 2) :
		    v < 1000 ? 3 : v < 10000 ? 4 : 5;
	if (v < 10000000000ULL)
		return v < 10000000 ? (v < 1000000 ? 6 : 7) :
		    v < 100000000 ? 8 : v < 1000000000 ? 9 : 10;
	for (v /= 10000000000ULL; v != 0; v /= 10)
		n++;
	return n;
}

/*
 * Written in place from the end, two digits at a time, in 32-bit
 * arithmetic once v fits.
 */
size_t
fmt_u0(char *s, uint64_t v, int w)
{
	int nd = fmt_ndigits(v), n = nd > w ? nd : w;
	char *e = s + n;
	uint32_t u;

	for (; v > UINT32_MAX; v /= 10)
		*--e = (char)('0' + v % 10);
	for (u = (uint32_t)v; u >= 100; u /= 100) {
		e -= 2;
		memcpy(e, fmt_d2 + 2 * (u % 100), 2);
	}
	if (u >= 10) {
		e -= 2;
		memcpy(e, fmt_d2 + 2 * u, 2);
	} else
		*--e = (char)('0' + u);
	while (e > s)
		*--e = '0';
	return (size_t)n;
}

/* v < 10000 as exactly four digits */
static inline void
fmt_4(char *s, uint32_t v)
{
	memcpy(s, fmt_d2 + 2 * (v / 100), 2);
	memcpy(s + 2, fmt_d2 + 2 * (v % 100), 2);
}

/* v < 10000 without leading zeros */
static inline size_t
fmt_small(char *s, uint32_t v)
{
	if (v < 10) {
		s[0] = (char)('0' + v);
		return 1;
	}
	if (v < 100) {
		memcpy(s, fmt_d2 + 2 * v, 2);
		return 2;
	}
	if (v < 1000) {
		s[0] = (char)('0' + v / 100);
		memcpy(s + 1, fmt_d2 + 2 * (v % 100), 2);
		return 3;
	}
	fmt_4(s, v);
	return 4;
}

/*
 * The usual values first: below 10^8 (frame numbers, sequence numbers,
 * ports, lengths) in four-digit halves, without fmt_u0's digit count
 * (65 instructions a number in the text view's ESP lines, 30 this way).
 */
size_t
fmt_u64(char *s, uint64_t v)
{
	size_t n;

	if (v < 10000)
		return fmt_small(s, (uint32_t)v);
	if (v < 100000000) {
		n = fmt_small(s, (uint32_t)v / 10000);
		fmt_4(s + n, (uint32_t)v % 10000);
		return n + 4;
	}
	return fmt_u0(s, v, 1);
}

size_t
fmt_hex32(char *s, uint32_t v)
{
	memcpy(s, fmt_hx2[v >> 24], 2);
	memcpy(s + 2, fmt_hx2[(v >> 16) & 0xff], 2);
	memcpy(s + 4, fmt_hx2[(v >> 8) & 0xff], 2);
	memcpy(s + 6, fmt_hx2[v & 0xff], 2);
	return 8;
}

size_t
fmt_hex(char *s, const uint8_t *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		memcpy(s + 2 * i, fmt_hx2[p[i]], 2);
	return 2 * n;
}

/*
 * A time_t counts 86400 seconds a day.  The second is ts's floor, so that
 * the fraction is never negative: a record's timestamp may be before
 * 1970 (a signed 32-bit field) or have a negative fraction, and -4.5 s is
 * 23:59:55.500000 (truncated, it made a negative microsecond count, 20
 * digits where six were meant: a wrong time and bytes past the line's
 * room).
 */
size_t
fmt_tod(char *s, double ts)
{
	long long t = (long long)ts;
	long usec;
	long d;

	if ((double)t > ts)	/* truncated up: the floor is one less */
		t--;
	usec = (long)((ts - (double)t) * 1e6 + 0.5);
	if (usec >= 1000000) {
		t++;
		usec -= 1000000;
	}
	d = (long)(((t % 86400) + 86400) % 86400);
	memcpy(s, fmt_d2 + 2 * (d / 3600), 2);
	s[2] = ':';
	memcpy(s + 3, fmt_d2 + 2 * (d / 60 % 60), 2);
	s[5] = ':';
	memcpy(s + 6, fmt_d2 + 2 * (d % 60), 2);
	s[8] = '.';
	memcpy(s + 9, fmt_d2 + 2 * (usec / 10000), 2);
	fmt_4(s + 11, (uint32_t)(usec % 10000));
	return FMT_TOD_LEN;
}

/*
 * Below 10^7, v * 10^prec (prec <= 3) is within 2e-6 of the exact
 * product, so unless its fraction is within 1e-3 of one half, rounding it
 * to the nearest integer gives printf's digits (which round the exact
 * value of v).
 */
size_t
fmt_fix(char *s, double v, int prec)
{
	static const uint32_t p10[] = { 1, 10, 100, 1000 };
	double x, d;
	uint64_t q;
	char t[FMT_FIX_LEN + 1];
	size_t k;
	int n;

	if (prec < 0 || prec > 3 || !(v >= 0 && v < 1e7) || signbit(v))
		goto slow;
	x = v * p10[prec];
	q = (uint64_t)x;
	d = x - (double)q;
	if (d > 0.499 && d < 0.501)
		goto slow;
	if (d > 0.5)
		q++;
	k = fmt_u64(s, q / p10[prec]);
	if (prec == 0)
		return k;
	s[k++] = '.';
	return k + fmt_u0(s + k, q % p10[prec], prec);
slow:
	n = snprintf(t, sizeof(t), "%.*f", prec, v);
	k = n < 0 ? 0 : (size_t)n > FMT_FIX_LEN ? FMT_FIX_LEN : (size_t)n;
	memcpy(s, t, k);
	return k;
}
