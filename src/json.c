/*
 * json.c - streaming JSON writer; see json.h.
 */
#include <assert.h>
#include <inttypes.h>
#include <string.h>

#include "json.h"

void
json_init(struct json *j, FILE *fp)
{
	j->fp = fp;
	j->depth = 0;
	j->first[0] = true;
}

/* Separator before a value or key at the current depth. */
static void
json_sep(struct json *j)
{
	if (!j->first[j->depth])
		putc(',', j->fp);
	j->first[j->depth] = false;
}

static void
json_open(struct json *j, int ch)
{
	json_sep(j);
	putc(ch, j->fp);
	assert(j->depth + 1 < JSON_MAX_DEPTH);
	j->depth++;
	j->first[j->depth] = true;
}

static void
json_close(struct json *j, int ch)
{
	assert(j->depth > 0);
	j->depth--;
	putc(ch, j->fp);
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

static void
json_raw_str(FILE *fp, const char *s, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	size_t i;

	putc('"', fp);
	for (i = 0; i < n; i++) {
		unsigned char ch = (unsigned char)s[i];

		switch (ch) {
		case '"':
			fputs("\\\"", fp);
			break;
		case '\\':
			fputs("\\\\", fp);
			break;
		case '\n':
			fputs("\\n", fp);
			break;
		case '\r':
			fputs("\\r", fp);
			break;
		case '\t':
			fputs("\\t", fp);
			break;
		default:
			if (ch < 0x20 || ch == 0x7f) {
				fputs("\\u00", fp);
				putc(hex[ch >> 4], fp);
				putc(hex[ch & 15], fp);
			} else
				putc(ch, fp);
		}
	}
	putc('"', fp);
}

void
json_key(struct json *j, const char *k)
{
	json_sep(j);
	json_raw_str(j->fp, k, strlen(k));
	putc(':', j->fp);
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
	json_raw_str(j->fp, s, n);
}

void
json_u64(struct json *j, uint64_t v)
{
	json_sep(j);
	fprintf(j->fp, "%" PRIu64, v);
}

void
json_i64(struct json *j, int64_t v)
{
	json_sep(j);
	fprintf(j->fp, "%" PRId64, v);
}

void
json_double(struct json *j, double v, int prec)
{
	json_sep(j);
	fprintf(j->fp, "%.*f", prec, v);
}

void
json_bool(struct json *j, bool v)
{
	json_sep(j);
	fputs(v ? "true" : "false", j->fp);
}

void
json_null(struct json *j)
{
	json_sep(j);
	fputs("null", j->fp);
}

void
json_hex(struct json *j, const uint8_t *p, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	size_t i;

	json_sep(j);
	putc('"', j->fp);
	for (i = 0; i < n; i++) {
		putc(hex[p[i] >> 4], j->fp);
		putc(hex[p[i] & 15], j->fp);
	}
	putc('"', j->fp);
}

void
json_end_line(struct json *j)
{
	assert(j->depth == 0);
	putc('\n', j->fp);
	j->first[0] = true;
}

void
json_kstr(struct json *j, const char *k, const char *v)
{
	json_key(j, k);
	json_str(j, v);
}

void
json_ku64(struct json *j, const char *k, uint64_t v)
{
	json_key(j, k);
	json_u64(j, v);
}

void
json_kbool(struct json *j, const char *k, bool v)
{
	json_key(j, k);
	json_bool(j, v);
}

void
json_khex(struct json *j, const char *k, const uint8_t *p, size_t n)
{
	json_key(j, k);
	json_hex(j, p, n);
}
