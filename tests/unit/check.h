/*
 * check.h - minimal unit-test helpers.  Each tests/unit/test_*.c is one
 * program; CHECK records a failure with file:line and keeps going; the
 * program exits 1 when anything failed.  CHECK_EQ_U/CHECK_MEM print both
 * sides so a failure says what differed.
 */
#ifndef IKESCOPE_CHECK_H
#define IKESCOPE_CHECK_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int check_fails, check_count;

#define CHECK(cond) do {						\
	check_count++;							\
	if (!(cond)) {							\
		check_fails++;						\
		fprintf(stderr, "%s:%d: CHECK failed: %s\n",		\
		    __FILE__, __LINE__, #cond);				\
	}								\
} while (0)

#define CHECK_EQ_U(a, b) do {						\
	unsigned long long check_a_ = (unsigned long long)(a);		\
	unsigned long long check_b_ = (unsigned long long)(b);		\
	check_count++;							\
	if (check_a_ != check_b_) {					\
		check_fails++;						\
		fprintf(stderr, "%s:%d: %s == %s failed: %llu != %llu\n",\
		    __FILE__, __LINE__, #a, #b, check_a_, check_b_);	\
	}								\
} while (0)

#define CHECK_STR(a, b) do {						\
	const char *check_a_ = (a), *check_b_ = (b);			\
	check_count++;							\
	if (check_a_ == NULL || check_b_ == NULL ||			\
	    strcmp(check_a_, check_b_) != 0) {				\
		check_fails++;						\
		fprintf(stderr, "%s:%d: %s == %s failed: \"%s\" != \"%s\"\n",\
		    __FILE__, __LINE__, #a, #b,				\
		    check_a_ ? check_a_ : "(null)",			\
		    check_b_ ? check_b_ : "(null)");			\
	}								\
} while (0)

#define CHECK_MEM(a, b, n) do {						\
	check_count++;							\
	if (memcmp((a), (b), (n)) != 0) {				\
		check_fails++;						\
		fprintf(stderr, "%s:%d: memory %s != %s (%zu bytes)\n",	\
		    __FILE__, __LINE__, #a, #b, (size_t)(n));		\
	}								\
} while (0)

/* Hex digits into at most cap bytes: how many. */
static inline size_t
check_unhex(const char *s, uint8_t *out, size_t cap)
{
	size_t n = 0;
	unsigned v;

	while (s[0] != '\0' && s[1] != '\0' && n < cap &&
	    sscanf(s, "%2x", &v) == 1) {
		out[n++] = (uint8_t)v;
		s += 2;
	}
	return n;
}

/* Whether p (len bytes) is what hex says. */
static inline bool
check_hex_is(const uint8_t *p, size_t len, const char *hex)
{
	uint8_t want[4096];
	size_t n = check_unhex(hex, want, sizeof(want));

	return len == n && (n == 0 || memcmp(p, want, n) == 0);
}

/* A whole file, NUL-terminated; malloc'd, NULL when unreadable. */
static inline char *
check_slurp(const char *path)
{
	FILE *fp = fopen(path, "rb");
	char *b;
	long n;

	if (fp == NULL)
		return NULL;
	if (fseek(fp, 0, SEEK_END) != 0 || (n = ftell(fp)) < 0) {
		fclose(fp);
		return NULL;
	}
	rewind(fp);
	b = malloc((size_t)n + 1);
	if (b != NULL && fread(b, 1, (size_t)n, fp) != (size_t)n) {
		free(b);
		b = NULL;
	}
	if (b != NULL)
		b[n] = '\0';
	fclose(fp);
	return b;
}

static inline int
check_done(const char *name)
{
	printf("%s: %d checks, %d failed\n", name, check_count, check_fails);
	return check_fails == 0 ? 0 : 1;
}

#endif
