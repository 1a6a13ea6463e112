/*
 * out_par.c - a list of items rendered in order by two threads; see
 * out_par.h.
 */
#include <pthread.h>
#include <stdlib.h>

#include "out/out_par.h"

/* the worker's chunks in flight: a ring of two */
struct out_par_slot {
	char	*buf;		/* open_memstream's, or NULL: not made */
	size_t	 len;
	bool	 full;
};

struct out_par {
	const void *const *items;
	size_t		 n;
	out_par_fn	*fn;
	void		*arg;
	pthread_mutex_t	 mu;
	pthread_cond_t	 cv;
	struct out_par_slot slot[2];
};

/* Chunk k (items k * OUT_PAR_CHUNK on) to fp. */
static void
out_par_chunk(const struct out_par *p, FILE *fp, size_t k)
{
	size_t i = k * OUT_PAR_CHUNK, e = i + OUT_PAR_CHUNK;

	if (e > p->n)
		e = p->n;
	for (; i < e; i++)
		p->fn(fp, p->items[i], p->arg);
}

static size_t
out_par_nchunks(const struct out_par *p)
{
	return (p->n + OUT_PAR_CHUNK - 1) / OUT_PAR_CHUNK;
}

/* The worker: the odd chunks, each into memory, slots in turn. */
static void *
out_par_main(void *arg)
{
	struct out_par *p = arg;
	size_t k, nk = out_par_nchunks(p);
	int s = 0;

	for (k = 1; k < nk; k += 2, s ^= 1) {
		struct out_par_slot *sl = &p->slot[s];
		char *buf = NULL;
		size_t len = 0;
		FILE *m;

		pthread_mutex_lock(&p->mu);
		while (sl->full)
			pthread_cond_wait(&p->cv, &p->mu);
		pthread_mutex_unlock(&p->mu);
		m = open_memstream(&buf, &len);
		if (m != NULL) {
			out_par_chunk(p, m, k);
			if (fclose(m) != 0) {
				free(buf);
				buf = NULL;
			}
		}
		pthread_mutex_lock(&p->mu);
		sl->buf = buf;	/* NULL: the caller renders it itself */
		sl->len = len;
		sl->full = true;
		pthread_cond_broadcast(&p->cv);
		pthread_mutex_unlock(&p->mu);
	}
	return NULL;
}

/* The chunks in order, the odd ones from the worker. */
static void
out_par_collect(struct out_par *p, FILE *fp)
{
	size_t k, nk = out_par_nchunks(p);
	int s = 0;

	for (k = 0; k < nk; k++) {
		struct out_par_slot *sl = &p->slot[s];

		if (k % 2 == 0) {
			out_par_chunk(p, fp, k);
			continue;
		}
		pthread_mutex_lock(&p->mu);
		while (!sl->full)
			pthread_cond_wait(&p->cv, &p->mu);
		pthread_mutex_unlock(&p->mu);
		if (sl->buf != NULL)
			fwrite(sl->buf, 1, sl->len, fp);
		else
			out_par_chunk(p, fp, k);
		free(sl->buf);
		pthread_mutex_lock(&p->mu);
		sl->buf = NULL;
		sl->full = false;
		pthread_cond_broadcast(&p->cv);
		pthread_mutex_unlock(&p->mu);
		s ^= 1;
	}
}

void
out_par_render(FILE *fp, const void *const *items, size_t n,
    out_par_fn *fn, void *arg, bool thread)
{
	struct out_par p = { .items = items, .n = n, .fn = fn, .arg = arg };
	size_t k, nk = out_par_nchunks(&p);
	bool done = false;
	pthread_t th;

	if (thread && nk >= 2 && pthread_mutex_init(&p.mu, NULL) == 0) {
		if (pthread_cond_init(&p.cv, NULL) == 0) {
			if (pthread_create(&th, NULL, out_par_main, &p) == 0) {
				out_par_collect(&p, fp);
				pthread_join(th, NULL);
				done = true;
			}
			pthread_cond_destroy(&p.cv);
		}
		pthread_mutex_destroy(&p.mu);
	}
	for (k = 0; !done && k < nk; k++)
		out_par_chunk(&p, fp, k);
}
