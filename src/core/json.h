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

struct json {
	FILE		*fp;
	int		 depth;
	bool		 first[JSON_MAX_DEPTH];
	size_t		 n;		/* bytes in buf */
	char		 buf[JSON_BUF];
};

void	json_init(struct json *, FILE *);
void	json_obj_begin(struct json *);
void	json_obj_end(struct json *);
void	json_arr_begin(struct json *);
void	json_arr_end(struct json *);
void	json_keyn(struct json *, const char *, size_t);
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
 * A key, and key + value shorthands (json_kstr with a NULL string: null).
 * Inline, so that a literal key's length is a constant.
 */
static inline void
json_key(struct json *j, const char *k)
{
	json_keyn(j, k, strlen(k));
}

static inline void
json_kstr(struct json *j, const char *k, const char *v)
{
	json_keyn(j, k, strlen(k));
	json_str(j, v);
}

static inline void
json_ku64(struct json *j, const char *k, uint64_t v)
{
	json_keyn(j, k, strlen(k));
	json_u64(j, v);
}

static inline void
json_kbool(struct json *j, const char *k, bool v)
{
	json_keyn(j, k, strlen(k));
	json_bool(j, v);
}

static inline void
json_khex(struct json *j, const char *k, const uint8_t *p, size_t n)
{
	json_keyn(j, k, strlen(k));
	json_hex(j, p, n);
}

#endif
