/*
 * test_par.c - out_par_render: with a second thread the stream gets
 * exactly the bytes one thread writes (items of every size, counts around
 * the chunk size), and the worker did render the odd chunks.
 */
#include <pthread.h>

#include "check.h"
#include "out/out_par.h"

#define NMAX	(OUT_PAR_CHUNK * 9 + 5)

static int ids[NMAX];
static pthread_t who[NMAX];

/* item i: a line whose length varies with i (some past a stdio buffer) */
static void
render(FILE *fp, const void *p, void *arg)
{
	int i = *(const int *)p;
	size_t k, n = (size_t)(i * 7919) % 300 + (i % 50 == 0 ? 70000 : 0);

	who[i] = pthread_self();
	(void)arg;
	fprintf(fp, "item %d:", i);
	for (k = 0; k < n; k++)
		fputc('a' + (int)((k + (size_t)i) % 26), fp);
	fputc('\n', fp);
}

/* The items 0..n-1 rendered to memory, with or without the thread. */
static char *
run(size_t n, bool thread, size_t *len)
{
	const void *v[NMAX];
	char *buf = NULL;
	FILE *fp = open_memstream(&buf, len);
	size_t i;

	for (i = 0; i < n; i++)
		v[i] = &ids[i];
	if (fp == NULL)
		return NULL;
	out_par_render(fp, v, n, render, NULL, thread);
	fclose(fp);
	return buf;
}

int
main(void)
{
	static const size_t counts[] = { 0, 1, OUT_PAR_CHUNK - 1,
	    OUT_PAR_CHUNK, OUT_PAR_CHUNK + 1, 2 * OUT_PAR_CHUNK,
	    2 * OUT_PAR_CHUNK + 1, 3 * OUT_PAR_CHUNK, NMAX };
	size_t c, i;
	pthread_t self = pthread_self();

	for (i = 0; i < NMAX; i++)
		ids[i] = (int)i;
	for (c = 0; c < sizeof(counts) / sizeof(counts[0]); c++) {
		size_t n = counts[c], l1 = 0, l2 = 0;
		char *one = run(n, false, &l1);
		bool odd_elsewhere = true, even_here = true;
		char *two;

		for (i = 0; i < n; i++)
			CHECK(pthread_equal(who[i], self));
		two = run(n, true, &l2);
		CHECK(one != NULL && two != NULL);
		CHECK_EQ_U(l1, l2);
		CHECK(one != NULL && two != NULL && l1 == l2 &&
		    memcmp(one, two, l1) == 0);
		for (i = 0; i < n; i++) {
			bool odd = (i / OUT_PAR_CHUNK) % 2 == 1;

			if (odd && pthread_equal(who[i], self))
				odd_elsewhere = false;
			if (!odd && !pthread_equal(who[i], self))
				even_here = false;
		}
		/* one chunk: no thread; more: the odd chunks on the worker */
		CHECK(odd_elsewhere);
		CHECK(even_here);
		free(one);
		free(two);
	}
	return check_done("test_par");
}
