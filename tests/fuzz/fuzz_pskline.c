/*
 * fuzz_pskline.c - libFuzzer target for psk-crack line files (ikescope
 * crack --psk-line): the input is the file's text, read by cl_load_text.
 * Every line it accepts is formatted back (cl_format) and must parse to
 * the same exchange (abort otherwise), so the parser and the formatter are
 * checked against each other.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "crack/crack_line.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

#define FUZZ_PL_MAX	(1u << 20)

static int
fuzz_pl_same(const struct cl_line *a, const struct cl_line *b)
{
	return a->hash == b->hash && a->hash_len == b->hash_len &&
	    memcmp(a->hash_r, b->hash_r, a->hash_len) == 0 &&
	    memcmp(a->icookie, b->icookie, 8) == 0 &&
	    memcmp(a->rcookie, b->rcookie, 8) == 0 &&
	    a->ninr_len == b->ninr_len && a->m2_len == b->m2_len &&
	    memcmp(a->ninr, b->ninr, a->ninr_len) == 0 &&
	    memcmp(a->m2, b->m2, a->m2_len) == 0 &&
	    memcmp(a->flen, b->flen, sizeof(a->flen)) == 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	struct cl_set set;
	struct cl_line back;
	char err[512], *s;
	size_t i;

	if (len > FUZZ_PL_MAX)
		return 0;
	if (cl_load_text(&set, (const char *)data, len, "fuzz", err,
	    sizeof(err)) == -1)
		return 0;
	for (i = 0; i < set.n; i++) {
		s = cl_format(&set.v[i]);
		if (s == NULL)
			continue;
		if (cl_parse(s, strlen(s), &back, err, sizeof(err)) == -1) {
			fprintf(stderr, "format does not read back: %s\n%s\n",
			    err, s);
			abort();
		}
		if (!fuzz_pl_same(&set.v[i], &back)) {
			fprintf(stderr, "format reads back different:\n%s\n",
			    s);
			abort();
		}
		cl_line_free(&back);
		free(s);
	}
	cl_set_free(&set);
	return 0;
}
