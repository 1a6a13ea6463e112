/*
 * out_wr.c - read's output thread; see out_wr.h.
 */
#define _GNU_SOURCE		/* F_SETPIPE_SZ (Linux) */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "out/out_wr.h"

/*
 * The ring: the caller fills b[fill] (pos bytes so far); the nq batches
 * from head on are waiting or being rendered (fill is always head + nq),
 * so the caller waits only when all OUT_WR_NBUF are.  len[] and nq are
 * read under mu.  A batch is a run of records: a header, then its bytes,
 * padded to 8.
 */
struct out_wr_hdr {
	uint32_t	kind;		/* enum out_wr_kind */
	uint32_t	len;
};

#define OUT_WR_PAD(n)	(((n) + 7) & ~(size_t)7)

struct out_wr {
	int		 fd;
	char		*b[OUT_WR_NBUF];
	size_t		 len[OUT_WR_NBUF];
	size_t		 pos;
	unsigned	 fill, head, nq;
	bool		 quit, failed;
	out_wr_render_fn *render;
	void		*arg;
	pthread_t	 th;
	pthread_mutex_t	 mu;
	pthread_cond_t	 cv_work, cv_done;
};

bool
out_wr_all(int fd, const char *p, size_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, p, n);

		if (w < 0) {
			if (errno == EINTR)
				continue;
			return false;
		}
		p += w;
		n -= (size_t)w;
	}
	return true;
}

void
out_wr_write(struct out_wr *w, const char *p, size_t n)
{
	bool failed;

	pthread_mutex_lock(&w->mu);
	failed = w->failed;
	pthread_mutex_unlock(&w->mu);
	/* after a failure the rest is dropped, as stdio would */
	if (failed || out_wr_all(w->fd, p, n))
		return;
	pthread_mutex_lock(&w->mu);
	w->failed = true;
	pthread_mutex_unlock(&w->mu);
}

/* A batch's records to render, in order. */
static void
out_wr_batch(struct out_wr *w, const char *b, size_t n)
{
	struct out_wr_hdr h;
	size_t off = 0;

	while (off + sizeof(h) <= n) {
		memcpy(&h, b + off, sizeof(h));
		off += sizeof(h);
		w->render(w->arg, (enum out_wr_kind)h.kind, b + off, h.len);
		off += OUT_WR_PAD(h.len);
	}
}

static void *
out_wr_thread(void *arg)
{
	struct out_wr *w = arg;
	unsigned i;

	pthread_mutex_lock(&w->mu);
	for (;;) {
		while (w->nq == 0 && !w->quit)
			pthread_cond_wait(&w->cv_work, &w->mu);
		if (w->nq == 0)
			break;
		i = w->head;
		pthread_mutex_unlock(&w->mu);
		out_wr_batch(w, w->b[i], w->len[i]);
		pthread_mutex_lock(&w->mu);
		w->head = (w->head + 1) % OUT_WR_NBUF;
		w->nq--;
		pthread_cond_broadcast(&w->cv_done);
	}
	pthread_mutex_unlock(&w->mu);
	return NULL;
}

/* A pipe as large as a buffer, where the system allows (best effort). */
static void
out_wr_pipe(int fd)
{
#ifdef F_SETPIPE_SZ
	int sz = fcntl(fd, F_GETPIPE_SZ);

	if (sz >= 0 && sz < OUT_WR_BUF)
		(void)fcntl(fd, F_SETPIPE_SZ, OUT_WR_BUF);
#else
	(void)fd;
#endif
}

static void
out_wr_release(struct out_wr *w)
{
	unsigned i;

	for (i = 0; i < OUT_WR_NBUF; i++)
		free(w->b[i]);
	free(w);
}

struct out_wr *
out_wr_new(FILE *fp, out_wr_render_fn *render, void *arg)
{
	struct out_wr *w;
	struct stat st;
	unsigned i;

	if (fflush(fp) == EOF || isatty(fileno(fp)) ||
	    fstat(fileno(fp), &st) == -1)
		return NULL;
	if ((w = calloc(1, sizeof(*w))) == NULL)
		return NULL;
	w->fd = fileno(fp);
	w->render = render;
	w->arg = arg;
	for (i = 0; i < OUT_WR_NBUF; i++)
		if ((w->b[i] = malloc(OUT_WR_BUF)) == NULL) {
			out_wr_release(w);
			return NULL;
		}
	if (pthread_mutex_init(&w->mu, NULL) != 0) {
		out_wr_release(w);
		return NULL;
	}
	if (pthread_cond_init(&w->cv_work, NULL) != 0)
		goto fail_mu;
	if (pthread_cond_init(&w->cv_done, NULL) != 0)
		goto fail_work;
	if (pthread_create(&w->th, NULL, out_wr_thread, w) != 0)
		goto fail_done;
	if (S_ISFIFO(st.st_mode))
		out_wr_pipe(w->fd);
	return w;
fail_done:
	pthread_cond_destroy(&w->cv_done);
fail_work:
	pthread_cond_destroy(&w->cv_work);
fail_mu:
	pthread_mutex_destroy(&w->mu);
	out_wr_release(w);
	return NULL;
}

/* The batch being filled goes to the writer thread; the next is empty. */
static void
out_wr_put(struct out_wr *w)
{
	if (w->pos == 0)
		return;
	pthread_mutex_lock(&w->mu);
	w->len[w->fill] = w->pos;
	w->nq++;
	w->fill = (w->fill + 1) % OUT_WR_NBUF;
	pthread_cond_signal(&w->cv_work);
	while (w->nq == OUT_WR_NBUF)
		pthread_cond_wait(&w->cv_done, &w->mu);
	pthread_mutex_unlock(&w->mu);
	w->pos = 0;
}

/* A record's header and room for its n bytes (there is room). */
static char *
out_wr_hdr(struct out_wr *w, enum out_wr_kind kind, size_t n)
{
	struct out_wr_hdr h = { (uint32_t)kind, (uint32_t)n };
	char *d = w->b[w->fill] + w->pos;

	memcpy(d, &h, sizeof(h));
	w->pos += sizeof(h) + OUT_WR_PAD(n);
	return d + sizeof(h);
}

void
out_wr_text(struct out_wr *w, const char *p, size_t n)
{
	size_t k;

	while (n > 0) {
		if (OUT_WR_BUF - w->pos < sizeof(struct out_wr_hdr) + 64)
			out_wr_put(w);
		k = OUT_WR_BUF - w->pos - sizeof(struct out_wr_hdr);
		if (k > n)
			k = n;
		memcpy(out_wr_hdr(w, OUT_WR_TEXT, k), p, k);
		p += k;
		n -= k;
	}
}

void *
out_wr_rec(struct out_wr *w, size_t n)
{
	if (OUT_WR_BUF - w->pos < sizeof(struct out_wr_hdr) + OUT_WR_PAD(n))
		out_wr_put(w);
	return out_wr_hdr(w, OUT_WR_REC, n);
}

void
out_wr_sync(struct out_wr *w)
{
	if (OUT_WR_BUF - w->pos < sizeof(struct out_wr_hdr))
		out_wr_put(w);
	out_wr_hdr(w, OUT_WR_SYNC, 0);
	out_wr_put(w);
	pthread_mutex_lock(&w->mu);
	while (w->nq > 0)
		pthread_cond_wait(&w->cv_done, &w->mu);
	pthread_mutex_unlock(&w->mu);
}

bool
out_wr_failed(struct out_wr *w)
{
	bool f;

	pthread_mutex_lock(&w->mu);
	f = w->failed;
	pthread_mutex_unlock(&w->mu);
	return f;
}

void
out_wr_free(struct out_wr *w)
{
	if (w == NULL)
		return;
	pthread_mutex_lock(&w->mu);
	w->quit = true;
	pthread_cond_signal(&w->cv_work);
	pthread_mutex_unlock(&w->mu);
	pthread_join(w->th, NULL);
	pthread_cond_destroy(&w->cv_done);
	pthread_cond_destroy(&w->cv_work);
	pthread_mutex_destroy(&w->mu);
	out_wr_release(w);
}
