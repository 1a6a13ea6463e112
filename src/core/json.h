/*
 * json.h - a small streaming JSON writer for NDJSON output: one object per
 * line, keys in the order written, strings escaped per RFC 8259, byte
 * strings as lowercase hex.  Nesting depth is bounded; misuse (a value
 * without a key inside an object) is a programming error caught by assert.
 *
 * A line is built in the writer's buffer and written to the stream when
 * it ends (json_end_line), or in pieces when it outgrows the buffer, so
 * the stream sees one write per line rather than a stdio call per
 * character: nothing else may write to the stream while a line is open.
 * With json_set_out, lines go to the caller's buffers instead: a buffer is
 * handed on only when full (a line may span two), never to the stream.
 */
#ifndef IKESCOPE_JSON_H
#define IKESCOPE_JSON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define JSON_MAX_DEPTH	32
#define JSON_BUF	16384

/*
 * json_set_out's consumer: takes the first n bytes of the buffer it gave
 * last, returns the next one (of the same size).
 */
typedef char *json_out_fn(void *, size_t);

struct json {
	FILE		*fp;
	int		 depth;
	bool		 first[JSON_MAX_DEPTH];
	size_t		 n;		/* bytes in buf */
	char		*buf;		/* own, or json_set_out's */
	size_t		 cap;
	json_out_fn	*out;		/* NULL: buf goes to fp */
	void		*out_arg;
	char		 own[JSON_BUF];
};

void	json_init(struct json *, FILE *);
/*
 * After json_init, before any line: full buffers go to out (arg) instead
 * of the stream, starting with buf (cap bytes); json_out_flush hands on
 * what is buffered.
 */
void	json_set_out(struct json *, json_out_fn *, void *, char *, size_t);
void	json_out_flush(struct json *);
/* n bytes of JSON made elsewhere (whole lines), after what is buffered */
void	json_raw(struct json *, const char *, size_t);
void	json_obj_begin(struct json *);
void	json_obj_end(struct json *);
void	json_arr_begin(struct json *);
void	json_arr_end(struct json *);
void	json_keyn_slow(struct json *, const char *, size_t);
void	json_str(struct json *, const char *);
void	json_strn(struct json *, const char *, size_t);
void	json_u64(struct json *, uint64_t);
void	json_i64(struct json *, int64_t);
void	json_double(struct json *, double, int);
void	json_bool(struct json *, bool);
void	json_null(struct json *);
void	json_hex(struct json *, const uint8_t *, size_t);
void	json_end_line(struct json *);

/*
 * Whether any of a word's 8 bytes must be escaped: below 0x20, '"', '\\'
 * or DEL (bytes from 0x80 pass).  Each test is exact as a whole: a byte
 * that matches sets its high bit (borrows only run upwards from it).
 */
static inline __attribute__((always_inline)) bool
json_word_esc(uint64_t w)
{
	const uint64_t one = 0x0101010101010101ULL;
	const uint64_t hi = 0x8080808080808080ULL;
	uint64_t q = w ^ (one * '"'), b = w ^ (one * '\\'), d = w ^ (one * 0x7f);

	return (((w - one * 0x20) & ~w) | ((q - one) & ~q) | ((b - one) & ~b) |
	    ((d - one) & ~d)) & hi;
}

/*
 * Whether none of s's n bytes needs an escape: a word at a time, the last
 * word overlapping the one before; under 8 bytes, two 4-byte halves that
 * may overlap, under 4 one at a time.  Inline and in arithmetic only, so
 * that for a literal key the compiler settles it.
 */
static inline __attribute__((always_inline)) bool
json_clean(const char *s, size_t n)
{
	uint64_t w;
	uint32_t lo, hi;
	size_t i;

	if (n >= 8) {
		for (i = 0; i + 8 < n; i += 8) {
			memcpy(&w, s + i, 8);
			if (json_word_esc(w))
				return false;
		}
		memcpy(&w, s + n - 8, 8);
		return !json_word_esc(w);
	}
	if (n >= 4) {
		memcpy(&lo, s, 4);
		memcpy(&hi, s + n - 4, 4);
		return !json_word_esc((uint64_t)hi << 32 | lo);
	}
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c < 0x20 || c == '"' || c == '\\' || c == 0x7f)
			return false;
	}
	return true;
}

/*
 * A key (n bytes).  The usual key (short, nothing to escape, room in the
 * buffer) is written here, inline: separator, quoted key and colon, a
 * literal's bytes as constants.
 */
static inline __attribute__((always_inline)) void
json_keyn(struct json *j, const char *k, size_t n)
{
	char *d;

	if (n > 24 || n + 4 > j->cap - j->n || !json_clean(k, n)) {
		json_keyn_slow(j, k, n);
		return;
	}
	d = j->buf + j->n;
	*d = ',';
	d += !j->first[j->depth];
	*d++ = '"';
	memcpy(d, k, n);
	d += n;
	*d++ = '"';
	*d++ = ':';
	j->n = (size_t)(d - j->buf);
	/* The value that follows takes no separator. */
	j->first[j->depth] = true;
}

/*
 * A key, and key + value shorthands (json_kstr with a NULL string: null).
 * Inline, so that a literal key's length is a constant.
 */
static inline __attribute__((always_inline)) void
json_key(struct json *j, const char *k)
{
	json_keyn(j, k, strlen(k));
}

static inline __attribute__((always_inline)) void
json_kstr(struct json *j, const char *k, const char *v)
{
	json_keyn(j, k, strlen(k));
	json_str(j, v);
}

static inline __attribute__((always_inline)) void
json_ku64(struct json *j, const char *k, uint64_t v)
{
	json_keyn(j, k, strlen(k));
	json_u64(j, v);
}

static inline __attribute__((always_inline)) void
json_kbool(struct json *j, const char *k, bool v)
{
	json_keyn(j, k, strlen(k));
	json_bool(j, v);
}

static inline __attribute__((always_inline)) void
json_khex(struct json *j, const char *k, const uint8_t *p, size_t n)
{
	json_keyn(j, k, strlen(k));
	json_hex(j, p, n);
}

#endif
