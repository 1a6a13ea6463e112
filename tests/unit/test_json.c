/*
 * test_json.c - the NDJSON writer: separators and nesting, RFC 8259
 * string escapes, numbers at their limits, hex, and lines longer than the
 * writer's buffer (written in pieces, or a string straight through).
 */
#define _GNU_SOURCE		/* open_memstream */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "core/json.h"

static FILE *out;
static char *mem;
static size_t memlen;
static struct json J;

static void
start(void)
{
	out = open_memstream(&mem, &memlen);
	json_init(&J, out);
}

/* what the stream received, NUL-terminated; the caller frees it */
static char *
stop(void)
{
	fclose(out);
	return mem;
}

static void
test_shapes(void)
{
	char *s;

	start();
	json_obj_begin(&J);
	json_ku64(&J, "a", 1);
	json_key(&J, "b");
	json_arr_begin(&J);
	json_u64(&J, 2);
	json_bool(&J, true);
	json_null(&J);
	json_obj_begin(&J);
	json_obj_end(&J);
	json_arr_end(&J);
	json_kstr(&J, "c", NULL);
	json_kbool(&J, "d", false);
	json_obj_end(&J);
	/* nothing reaches the stream before the line ends */
	fflush(out);
	CHECK_EQ_U(memlen, 0);
	json_end_line(&J);
	json_obj_begin(&J);
	json_obj_end(&J);
	json_end_line(&J);
	s = stop();
	CHECK_STR(s, "{\"a\":1,\"b\":[2,true,null,{}],\"c\":null,\"d\":false}\n"
	    "{}\n");
	free(s);
}

static void
test_escapes(void)
{
	static const char in[] = "q\"b\\n\nr\rt\t\x01\x1f\x7f\xc3\xa9 end";
	char *s;

	start();
	json_obj_begin(&J);
	json_key(&J, "k\"ey");
	json_strn(&J, in, sizeof(in) - 1);
	json_key(&J, "empty");
	json_str(&J, "");
	json_obj_end(&J);
	json_end_line(&J);
	s = stop();
	/* UTF-8 passes as it is; DEL and C0 controls as \u00XX */
	CHECK_STR(s, "{\"k\\\"ey\":\"q\\\"b\\\\n\\nr\\rt\\t\\u0001\\u001f"
	    "\\u007f\xc3\xa9 end\",\"empty\":\"\"}\n");
	free(s);
}

static void
test_numbers(void)
{
	static const uint8_t b[] = { 0x00, 0x0f, 0xa0, 0xff };
	char *s;

	start();
	json_arr_begin(&J);
	json_u64(&J, 0);
	json_u64(&J, UINT64_MAX);
	json_i64(&J, -1);
	json_i64(&J, INT64_MIN);
	json_i64(&J, INT64_MAX);
	json_double(&J, 1700000000.0000005, 6);
	json_double(&J, -0.25, 1);
	json_double(&J, 1e300, 2);
	json_hex(&J, b, sizeof(b));
	json_hex(&J, b, 0);
	json_arr_end(&J);
	json_end_line(&J);
	s = stop();
	{
		char want[1024];

		/* the doubles as printf writes them */
		snprintf(want, sizeof(want), "[0,18446744073709551615,-1,"
		    "-9223372036854775808,9223372036854775807,%.6f,%.1f,"
		    "%.2f,\"000fa0ff\",\"\"]\n", 1700000000.0000005, -0.25,
		    1e300);
		CHECK_STR(s, want);
	}
	free(s);
}

/* One double through the writer, against printf. */
static int
double_same(double v, int prec)
{
	char want[512], *s;
	int same;

	start();
	json_double(&J, v, prec);
	json_end_line(&J);
	s = stop();
	snprintf(want, sizeof(want), "%.*f\n", prec, v);
	same = s != NULL && strcmp(s, want) == 0;
	if (!same)
		fprintf(stderr, "json_double(%a, %d): %s, printf: %s", v, prec,
		    s != NULL ? s : "(null)", want);
	free(s);
	return same;
}

/*
 * Doubles are formatted without printf; they must come out exactly as
 * printf writes them: ties to even (x/128 has an exact half at 6
 * decimals), negative values that round to zero, zeros, subnormals,
 * values too large for the fast path, timestamps of every kind.
 */
static void
test_doubles(void)
{
	static const double fixed[] = { 0.0, -0.0, 0.0078125, 0.0234375,
	    1700000000.0078125, 1700000000.0000005, 2.5, 3.5, -2.5, 0.5,
	    -1e-9, 1e-300, 4.9e-324, -4.9e-324, 9.2e18, 9.3e18, 1.8e19,
	    1e300, 123456789.123456789, 1.0 / 3.0, 0.1, 0.7, 1e15 + 0.3 };
	unsigned long long x = 0x9e3779b97f4a7c15ULL;
	size_t i, bad = 0;
	int p;

	for (i = 0; i < sizeof(fixed) / sizeof(fixed[0]); i++)
		for (p = 0; p <= 9; p++)
			bad += !double_same(fixed[i], p);
	for (i = 0; i < 200000; i++) {
		double v;
		uint64_t bits;

		/* xorshift: every exponent and mantissa, and timestamps
		 * with nanoseconds, and halves at 6 decimals */
		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
		switch (i % 4) {
		case 0:
			bits = x;
			memcpy(&v, &bits, sizeof(v));
			if (v != v)
				continue;	/* NaN: printf's spelling */
			break;
		case 1:
			v = (double)(1600000000 + x % 200000000) +
			    (double)((x >> 34) % 1000000000) / 1e9;
			break;
		case 2:
			v = (double)(x % 1000000000000ULL) / 128.0;
			break;
		default:
			v = ((double)(int64_t)(x % 2000001) - 1000000) / 1e6;
			break;
		}
		bad += !double_same(v, (int)(x >> 60) % 10);
		if (bad > 20)
			break;
	}
	CHECK_EQ_U(bad, 0);
}

/* A line longer than the buffer, and a string longer than the buffer. */
static void
test_long(void)
{
	size_t big = 3 * JSON_BUF + 17, i, n = 0;
	char *str = malloc(big), *want, *s;
	uint8_t *hx = malloc(big);

	CHECK(str != NULL && hx != NULL);
	if (str == NULL || hx == NULL)
		return;
	for (i = 0; i < big; i++) {
		str[i] = (char)('a' + i % 26);
		hx[i] = (uint8_t)i;
	}
	str[big / 2] = '"';		/* an escape in the middle */
	start();
	json_obj_begin(&J);
	for (i = 0; i < 3000; i++)
		json_ku64(&J, "n", i);
	json_key(&J, "s");
	json_strn(&J, str, big);
	json_key(&J, "h");
	json_hex(&J, hx, big);
	json_obj_end(&J);
	json_end_line(&J);
	s = stop();
	want = malloc(3000 * 12 + 3 * big + 64);
	CHECK(want != NULL);
	if (want != NULL && s != NULL) {
		n += (size_t)sprintf(want + n, "{");
		for (i = 0; i < 3000; i++)
			n += (size_t)sprintf(want + n, "%s\"n\":%zu",
			    i ? "," : "", i);
		n += (size_t)sprintf(want + n, ",\"s\":\"");
		memcpy(want + n, str, big / 2);
		n += big / 2;
		n += (size_t)sprintf(want + n, "\\\"");
		memcpy(want + n, str + big / 2 + 1, big - big / 2 - 1);
		n += big - big / 2 - 1;
		n += (size_t)sprintf(want + n, "\",\"h\":\"");
		for (i = 0; i < big; i++)
			n += (size_t)sprintf(want + n, "%02x", hx[i]);
		n += (size_t)sprintf(want + n, "\"}\n");
		CHECK_EQ_U(strlen(s), n);
		CHECK(memcmp(s, want, n) == 0);
	}
	free(want);
	free(s);
	free(str);
	free(hx);
}

/* RFC 8259's escape of one byte, as the writer promises it, one at a time */
static size_t
ref_escape(char *o, const unsigned char *u, size_t n)
{
	size_t i, k = 0;

	o[k++] = '"';
	for (i = 0; i < n; i++) {
		unsigned char ch = u[i];

		if (ch == '"' || ch == '\\')
			k += (size_t)sprintf(o + k, "\\%c", ch);
		else if (ch == '\n')
			k += (size_t)sprintf(o + k, "\\n");
		else if (ch == '\r')
			k += (size_t)sprintf(o + k, "\\r");
		else if (ch == '\t')
			k += (size_t)sprintf(o + k, "\\t");
		else if (ch < 0x20 || ch == 0x7f)
			k += (size_t)sprintf(o + k, "\\u%04x", ch);
		else
			o[k++] = (char)ch;
	}
	o[k++] = '"';
	return k;
}

/*
 * Strings are checked a word at a time: every byte value at every
 * position of strings of 1 to 19 bytes (either side of a word), as a key
 * and as a value, against the byte-at-a-time escape.
 */
static void
test_every_byte(void)
{
	unsigned char str[19];
	char want[4 * 160], *s;
	size_t len, pos, bad = 0, k;
	unsigned v;

	for (len = 1; len <= sizeof(str); len++)
		for (pos = 0; pos < len; pos++)
			for (v = 0; v < 256; v++) {
				memset(str, 'a' + (int)(len % 26), len);
				str[pos] = (unsigned char)v;
				start();
				json_obj_begin(&J);
				json_keyn(&J, (const char *)str, len);
				json_strn(&J, (const char *)str, len);
				json_obj_end(&J);
				json_end_line(&J);
				s = stop();
				k = 0;
				want[k++] = '{';
				k += ref_escape(want + k, str, len);
				want[k++] = ':';
				k += ref_escape(want + k, str, len);
				want[k++] = '}';
				want[k++] = '\n';
				if (s == NULL || strlen(s) != k ||
				    memcmp(s, want, k) != 0)
					bad++;
				free(s);
			}
	CHECK_EQ_U(bad, 0);
}

/* json_set_out's consumer: appends to the memory stream, a small buffer */
static char out_buf[2][64];
static unsigned out_cur, out_calls;

static char *
take(void *arg, size_t n)
{
	fwrite(out_buf[out_cur], 1, n, arg);
	out_calls++;
	out_cur ^= 1;
	memset(out_buf[out_cur], 0, sizeof(out_buf[out_cur]));
	return out_buf[out_cur];
}

/*
 * With json_set_out the same bytes come out, in buffers handed on when
 * full (lines span them; nothing before a buffer fills), and the rest
 * with json_out_flush.
 */
static void
test_set_out(void)
{
	static const uint8_t h[40] = { 1, 2, 3 };
	char *a = NULL, *b = NULL;
	int round;

	for (round = 0; round < 2; round++) {
		start();
		if (round == 1) {
			out_cur = 0;
			out_calls = 0;
			json_set_out(&J, take, out, out_buf[0],
			    sizeof(out_buf[0]));
		}
		json_obj_begin(&J);
		json_kstr(&J, "name", "a \"quoted\" value long enough to "
		    "need two buffers of sixty-four bytes");
		json_ku64(&J, "n", UINT64_MAX);
		json_key(&J, "h");
		json_hex(&J, h, sizeof(h));
		json_key(&J, "t");
		json_double(&J, 1700000000.25, 6);
		json_obj_end(&J);
		json_end_line(&J);
		json_obj_begin(&J);
		json_obj_end(&J);
		json_end_line(&J);
		if (round == 1) {
			CHECK(out_calls >= 3);
			fflush(out);
			/* the last buffer holds the end: not handed on yet */
			CHECK(memlen < 220);
			json_out_flush(&J);
			b = stop();
		} else
			a = stop();
	}
	CHECK(a != NULL && b != NULL && strcmp(a, b) == 0);
	free(a);
	free(b);
}

int
main(void)
{
	test_shapes();
	test_escapes();
	test_numbers();
	test_doubles();
	test_long();
	test_every_byte();
	test_set_out();
	return check_done("test_json");
}
