/*
 * json.c - streaming JSON writer; see json.h.
 */
#include <assert.h>
#include <string.h>

#include "core/fmt.h"
#include "core/json.h"

void
json_init(struct json *j, FILE *fp)
{
	j->fp = fp;
	j->depth = 0;
	j->first[0] = true;
	j->n = 0;
	j->buf = j->own;
	j->cap = sizeof(j->own);
	j->out = NULL;
	j->out_arg = NULL;
}

void
json_set_out(struct json *j, json_out_fn *out, void *arg, char *buf,
    size_t cap)
{
	j->out = out;
	j->out_arg = arg;
	j->buf = buf;
	j->cap = cap;
	j->n = 0;
}

/* Write out what the buffer holds. */
static void
json_flush(struct json *j)
{
	if (j->n == 0)
		return;
	if (j->out != NULL)
		j->buf = j->out(j->out_arg, j->n);
	else
		fwrite(j->buf, 1, j->n, j->fp);
	j->n = 0;
}

void
json_out_flush(struct json *j)
{
	json_flush(j);
}

static void
json_put(struct json *j, const char *s, size_t n)
{
	size_t k;

	if (n > j->cap - j->n) {
		json_flush(j);
		if (n > j->cap && j->out == NULL) {
			fwrite(s, 1, n, j->fp);
			return;
		}
		/* larger than a buffer: in pieces */
		while (n > j->cap) {
			k = j->cap - j->n;
			memcpy(j->buf + j->n, s, k);
			j->n += k;
			s += k;
			n -= k;
			json_flush(j);
		}
	}
	memcpy(j->buf + j->n, s, n);
	j->n += n;
}

void
json_raw(struct json *j, const char *s, size_t n)
{
	json_put(j, s, n);
}

static void
json_putc(struct json *j, char ch)
{
	if (j->n == j->cap)
		json_flush(j);
	j->buf[j->n++] = ch;
}

/* Separator before a value or key at the current depth. */
static void
json_sep(struct json *j)
{
	if (!j->first[j->depth])
		json_putc(j, ',');
	j->first[j->depth] = false;
}

static void
json_open(struct json *j, char ch)
{
	json_sep(j);
	json_putc(j, ch);
	assert(j->depth + 1 < JSON_MAX_DEPTH);
	j->depth++;
	j->first[j->depth] = true;
}

static void
json_close(struct json *j, char ch)
{
	assert(j->depth > 0);
	j->depth--;
	json_putc(j, ch);
}

void
json_obj_begin(struct json *j)
{
	json_open(j, '{');
}

void
json_obj_end(struct json *j)
{
	json_close(j, '}');
}

void
json_arr_begin(struct json *j)
{
	json_open(j, '[');
}

void
json_arr_end(struct json *j)
{
	json_close(j, ']');
}

static const char json_hexd[] = "0123456789abcdef";

/*
 * The characters a JSON string must escape (C0 controls, '"', '\\' and,
 * by choice, DEL), as a table made once before main: one load a byte.
 */
static bool json_esc[256];

static void __attribute__((constructor))
json_esc_table(void)
{
	int i;

	for (i = 0; i < 0x20; i++)
		json_esc[i] = true;
	json_esc['"'] = json_esc['\\'] = json_esc[0x7f] = true;
}

/*
 * s quoted, escaped.  The usual string (a key, a name: nothing to escape,
 * room in the buffer) is checked a word at a time and copied in one move;
 * otherwise runs of characters that need no escape go as one.
 */
static void
json_raw_str(struct json *j, const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, run = 0;
	char *d;

	if (n + 2 <= j->cap - j->n && json_clean(s, n)) {
		d = j->buf + j->n;
		d[0] = '"';
		memcpy(d + 1, s, n);
		d[n + 1] = '"';
		j->n += n + 2;
		return;
	}
	json_putc(j, '"');
	for (;;) {
		unsigned char ch;
		char esc[6];
		size_t el = 2;

		while (i < n && !json_esc[u[i]])
			i++;
		json_put(j, s + run, i - run);
		if (i == n)
			break;
		ch = u[i];
		run = ++i;
		esc[0] = '\\';
		switch (ch) {
		case '"':
		case '\\':
			esc[1] = (char)ch;
			break;
		case '\n':
			esc[1] = 'n';
			break;
		case '\r':
			esc[1] = 'r';
			break;
		case '\t':
			esc[1] = 't';
			break;
		default:
			memcpy(esc + 1, "u00", 3);
			esc[4] = json_hexd[ch >> 4];
			esc[5] = json_hexd[ch & 15];
			el = 6;
		}
		json_put(j, esc, el);
	}
	json_putc(j, '"');
}

/* json_keyn's other cases: long keys, keys to escape, a full buffer */
void
json_keyn_slow(struct json *j, const char *k, size_t n)
{
	char *d;

	if (n + 4 <= j->cap - j->n && json_clean(k, n)) {
		d = j->buf + j->n;
		*d = ',';
		d += !j->first[j->depth];
		*d++ = '"';
		memcpy(d, k, n);
		d += n;
		*d++ = '"';
		*d++ = ':';
		j->n = (size_t)(d - j->buf);
	} else {
		json_sep(j);
		json_raw_str(j, k, n);
		json_putc(j, ':');
	}
	/* The value that follows takes no separator. */
	j->first[j->depth] = true;
}

void
json_str(struct json *j, const char *s)
{
	if (s == NULL) {
		json_null(j);
		return;
	}
	json_strn(j, s, strlen(s));
}

/*
 * Strings from the wire may hold any bytes: invalid UTF-8 is not checked
 * here, so callers pass only text they made or sanitised.
 */
void
json_strn(struct json *j, const char *s, size_t n)
{
	json_sep(j);
	json_raw_str(j, s, n);
}

/* v in decimal after an optional minus sign */
static void
json_dec(struct json *j, bool minus, uint64_t v)
{
	char *d;

	if (j->cap - j->n < FMT_U64_MAX + 1)
		json_flush(j);
	d = j->buf + j->n;
	if (minus)
		*d++ = '-';
	d += fmt_u64(d, v);
	j->n = (size_t)(d - j->buf);
}

void
json_u64(struct json *j, uint64_t v)
{
	json_sep(j);
	json_dec(j, false, v);
}

void
json_i64(struct json *j, int64_t v)
{
	json_sep(j);
	/* the magnitude, INT64_MIN included, in unsigned arithmetic */
	json_dec(j, v < 0, v < 0 ? 0 - (uint64_t)v : (uint64_t)v);
}

/*
 * "%.*f" of v as printf writes it (the exact binary value rounded to prec
 * decimals, ties to even, the sign of a negative value kept when it
 * rounds to zero), without printf's multi-precision path: v is m * 2^e
 * with m < 2^53, so m * 10^prec (prec <= 9) fits in 128 bits.  Returns the
 * length, or 0 to leave the value to printf (no 128-bit integers, NaN,
 * infinities, |v| >= 2^63, prec outside 0..9).
 */
static size_t
json_fixed(char *out, double v, int prec)
{
#ifdef __SIZEOF_INT128__
	static const uint32_t p10[10] = { 1, 10, 100, 1000, 10000, 100000,
	    1000000, 10000000, 100000000, 1000000000 };
	uint64_t bits, m, q, ip, fp;
	unsigned __int128 n;
	int ex, sh;
	char *o = out;

	if (prec < 0 || prec > 9)
		return 0;
	memcpy(&bits, &v, sizeof(bits));
	ex = (int)(bits >> 52 & 0x7ff);
	m = bits & ((1ULL << 52) - 1);
	if (ex == 0x7ff)
		return 0;
	if (ex == 0)
		ex = 1;			/* subnormal: m * 2^-1074 */
	else
		m |= 1ULL << 52;
	ex -= 1075;			/* v = m * 2^ex */
	if (ex >= 11)			/* |v| >= 2^63 */
		return 0;
	if (ex >= 0) {
		if ((m << ex) > UINT64_MAX / p10[prec])
			return 0;
		q = (m << ex) * p10[prec];
	} else {
		sh = -ex;
		n = (unsigned __int128)m * p10[prec];
		if (sh >= 128) {
			q = 0;		/* below half a unit: no tie possible */
		} else {
			unsigned __int128 r, half;

			r = n & (((unsigned __int128)1 << sh) - 1);
			half = (unsigned __int128)1 << (sh - 1);
			n >>= sh;
			if (r > half || (r == half && (n & 1) != 0))
				n++;
			if (n >> 64 != 0)
				return 0;
			q = (uint64_t)n;
		}
	}
	ip = q / p10[prec];
	fp = q % p10[prec];
	if (bits >> 63)
		*o++ = '-';
	o += fmt_u64(o, ip);
	if (prec > 0) {
		*o++ = '.';
		o += fmt_u0(o, fp, prec);
	}
	return (size_t)(o - out);
#else
	(void)out;
	(void)v;
	(void)prec;
	return 0;
#endif
}

void
json_double(struct json *j, double v, int prec)
{
	char t[352];		/* DBL_MAX with 9 decimals */
	int n;

	json_sep(j);
	if ((n = (int)json_fixed(t, v, prec)) > 0) {
		json_put(j, t, (size_t)n);
		return;
	}
	n = snprintf(t, sizeof(t), "%.*f", prec, v);
	if (n < 0)
		return;
	if ((size_t)n < sizeof(t)) {
		json_put(j, t, (size_t)n);
		return;
	}
	/* a huge value: straight to the stream, after what is buffered */
	json_flush(j);
	if (j->out == NULL)
		fprintf(j->fp, "%.*f", prec, v);
}

void
json_bool(struct json *j, bool v)
{
	json_sep(j);
	if (v)
		json_put(j, "true", 4);
	else
		json_put(j, "false", 5);
}

void
json_null(struct json *j)
{
	json_sep(j);
	json_put(j, "null", 4);
}

void
json_hex(struct json *j, const uint8_t *p, size_t n)
{
	size_t i;

	json_sep(j);
	json_putc(j, '"');
	if (2 * n <= j->cap - j->n) {	/* the usual: room for all of it */
		j->n += fmt_hex(j->buf + j->n, p, n);
		n = 0;
	}
	for (i = 0; i < n; i++) {
		if (j->cap - j->n < 2)
			json_flush(j);
		j->buf[j->n++] = json_hexd[p[i] >> 4];
		j->buf[j->n++] = json_hexd[p[i] & 15];
	}
	json_putc(j, '"');
}

void
json_end_line(struct json *j)
{
	assert(j->depth == 0);
	json_putc(j, '\n');
	if (j->out == NULL)
		json_flush(j);
	j->first[0] = true;
}
