/*
 * eng_q.c - the ESP batch ring, its decryption and its output thread; see
 * eng_q.h.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/eng_disp.h"
#include "engine/eng_q.h"

/*
 * ESP frames are decrypted in batches.  A frame that may wait (anything
 * but ISAKMP and frames that completed a reassembly, whose bytes live in
 * the reassembler) is copied into the current batch's arena, decoded from
 * the copy, placed by the tracker, and its cipher job prepared; its
 * output waits.  A full batch goes to decryption while the next one
 * fills: the main thread decrypts in it when the next one is full, the
 * output thread whenever it has nothing to output, and any further
 * threads (--threads 3 and 4) only decrypt; with two threads on two cores
 * no thread waits for a core (a third, decrypt-only thread here cost 5-7%
 * of wall time: wakeups and cores taken from the other two).  When the
 * batch after it is full, the main thread
 * completes it in frame order (espd_complete: the in-order checks, the
 * inner decode, the counters) and, with decryption threads, hands it to
 * the output thread, which formats its frames and writes them (text or
 * JSON, and -w) while the main thread reads on; without threads it
 * outputs the batch itself.  Batches are output in the order they were
 * filled.  Any other frame first drains every batch and waits for the
 * output thread, so events reach the sinks in capture order, and the
 * main thread publishes only when the output thread is idle.  (The
 * tracker cannot evict an ESP flow a waiting frame points to: ESP flows
 * are evicted least recently used first, and the batches hold far fewer
 * frames than the flow limit.)
 *
 * What the output thread reads of a batch (its slots, the arena) belongs
 * to it until it frees the batch; what else it touches (the sinks) the
 * main thread leaves alone while it is busy.  A frame whose
 * ESP holds ESP (nested layers live in the espd's buffers, reused by the
 * next such frame) is output by the main thread, after the output thread
 * is idle, and so is the rest of its batch.
 */
#define ENG_Q_SLOTS	512
#define ENG_Q_ARENA	(2048 * 1024)
#define ENG_Q_BATCHES	4

enum eng_bstate { ENG_B_FREE = 0, ENG_B_FILL, ENG_B_CRYPTO, ENG_B_OUT };

struct eng_slot {
	struct pkt	 pkt;
	struct esp_hdr	 esp;
	bool		 has_esp;
	struct trk_esp	*flow;
	const uint8_t	*data;		/* the frame, in the arena */
	long		 tv_sec, tv_nsec;
	struct espd_req	 req;
	bool		 nested;	/* l0 holds ESP: more layers */
	struct espd_layer l0;		/* the first, once completed */
};

/* Whether the slot's frame has an ESP layer (l0 prepared, then completed). */
static bool
eng_slot_esp(const struct eng_slot *s)
{
	return s->has_esp && s->pkt.af != 0;
}

struct eng_batch {
	struct eng_slot	*s;
	size_t		 n;
	uint8_t		*arena;
	size_t		 used;
	struct cry_job	**jobs;
	size_t		 njobs;
	enum eng_bstate	 st;		/* under mu with the output thread */
};

struct eng_q {
	struct eng_batch b[ENG_Q_BATCHES];
	unsigned	 fill;		/* the batch being filled */
	int		 crypto;	/* the batch being decrypted, or -1 */
	struct frame_rec *fr;		/* the main thread's output record */

	/* the output thread (threaded) and its queue of batches */
	bool		 threaded;
	pthread_t	 th;
	pthread_mutex_t	 mu;
	pthread_cond_t	 cv_out, cv_free;
	unsigned	 outq[ENG_Q_BATCHES];
	unsigned	 out_head, out_n;
	unsigned long	 submitted;	/* crypto batches handed over */
	bool		 quit;
	struct frame_rec *ofr;		/* the output thread's record */
	struct ctx	*c;
};

/*
 * Output a completed frame of a batch.  fr is the caller's record, zeroed
 * when made and only ever written here: the fields set below are all a
 * batched frame has (the rest stays zero), and of its ESP layers only
 * the filled ones are read.
 */
static void
eng_slot_out(struct ctx *c, struct frame_rec *fr, const struct eng_slot *s)
{
	fr->pkt = s->pkt;
	fr->esp = s->esp;
	fr->has_esp = s->has_esp;
	fr->esp_flow = s->flow;
	fr->tv_sec = s->tv_sec;
	fr->tv_nsec = s->tv_nsec;
	fr->espr.n = eng_slot_esp(s) ? 1 : 0;
	if (fr->espr.n > 0)
		fr->espr.l[0] = s->l0;
	if (s->nested)	/* the main thread's, in frame order */
		espd_nested(c->espd, &fr->espr);
	eng_disp_frame(c, fr, s->data);
}

/*
 * The output thread's run over a batch.  The sinks hold their streams for
 * the run (one stdio lock instead of one per write: a few per frame).
 */
static void
eng_slots_out(struct eng_q *q, const struct eng_batch *b)
{
	struct ctx *c = q->c;
	size_t i;

	eng_disp_hold(c, true);
	for (i = 0; i < b->n; i++)
		eng_slot_out(c, q->ofr, &b->s[i]);
	eng_disp_hold(c, false);
}

static void
eng_batch_reset(struct eng_batch *b)
{
	b->n = b->used = b->njobs = 0;
	b->st = ENG_B_FREE;
}

/*
 * The output thread outputs the batches handed to it, in order, and when
 * it has none, decrypts (lane 1) in the batch being decrypted, if any.
 */
static void *
eng_out_thread(void *arg)
{
	struct eng_q *q = arg;
	struct eng_batch *b;
	unsigned long seen;

	for (;;) {
		pthread_mutex_lock(&q->mu);
		while (!q->quit && q->out_n == 0) {
			seen = q->submitted;
			pthread_mutex_unlock(&q->mu);
			espd_help(q->c->espd, 1);
			pthread_mutex_lock(&q->mu);
			if (q->quit || q->out_n > 0 || q->submitted != seen)
				continue;
			pthread_cond_wait(&q->cv_out, &q->mu);
		}
		if (q->out_n == 0) {
			pthread_mutex_unlock(&q->mu);
			return NULL;
		}
		b = &q->b[q->outq[q->out_head]];
		pthread_mutex_unlock(&q->mu);
		eng_slots_out(q, b);
		pthread_mutex_lock(&q->mu);
		eng_batch_reset(b);
		q->out_head = (q->out_head + 1) % ENG_Q_BATCHES;
		q->out_n--;
		pthread_cond_broadcast(&q->cv_free);
		pthread_mutex_unlock(&q->mu);
	}
}

/* Wait until the output thread has written every batch handed to it. */
static void
eng_out_idle(struct eng_q *q)
{
	if (!q->threaded)
		return;
	pthread_mutex_lock(&q->mu);
	while (q->out_n > 0)
		pthread_cond_wait(&q->cv_free, &q->mu);
	pthread_mutex_unlock(&q->mu);
}

void
eng_q_free(struct eng_q *q)
{
	int i;

	if (q == NULL)
		return;
	if (q->threaded) {
		pthread_mutex_lock(&q->mu);
		q->quit = true;
		pthread_cond_broadcast(&q->cv_out);
		pthread_mutex_unlock(&q->mu);
		pthread_join(q->th, NULL);
		pthread_cond_destroy(&q->cv_free);
		pthread_cond_destroy(&q->cv_out);
		pthread_mutex_destroy(&q->mu);
	}
	for (i = 0; i < ENG_Q_BATCHES; i++) {
		free(q->b[i].s);
		free(q->b[i].jobs);
		free(q->b[i].arena);
	}
	free(q->fr);
	free(q->ofr);
	free(q);
}

static int
eng_q_thread(struct eng_q *q)
{
	if (pthread_mutex_init(&q->mu, NULL) != 0)
		return -1;
	if (pthread_cond_init(&q->cv_out, NULL) != 0) {
		pthread_mutex_destroy(&q->mu);
		return -1;
	}
	if (pthread_cond_init(&q->cv_free, NULL) != 0) {
		pthread_cond_destroy(&q->cv_out);
		pthread_mutex_destroy(&q->mu);
		return -1;
	}
	if (pthread_create(&q->th, NULL, eng_out_thread, q) != 0) {
		pthread_cond_destroy(&q->cv_free);
		pthread_cond_destroy(&q->cv_out);
		pthread_mutex_destroy(&q->mu);
		return -1;
	}
	q->threaded = true;
	return 0;
}

int
eng_q_new(struct ctx *c, char *errbuf, size_t errlen)
{
	struct eng_q *q = calloc(1, sizeof(*q));
	int i;

	c->q = q;
	if (q == NULL)
		goto fail;
	q->c = c;
	q->crypto = -1;
	q->fr = calloc(1, sizeof(*q->fr));
	q->ofr = calloc(1, sizeof(*q->ofr));
	if (q->fr == NULL || q->ofr == NULL)
		goto fail;
	for (i = 0; i < ENG_Q_BATCHES; i++) {
		q->b[i].s = calloc(ENG_Q_SLOTS, sizeof(*q->b[i].s));
		q->b[i].jobs = calloc(ENG_Q_SLOTS, sizeof(*q->b[i].jobs));
		q->b[i].arena = malloc(ENG_Q_ARENA);
		if (q->b[i].s == NULL || q->b[i].jobs == NULL ||
		    q->b[i].arena == NULL)
			goto fail;
	}
	q->b[0].st = ENG_B_FILL;
	/* decryption threads: the output gets one too */
	if (espd_threads(c->espd) > 1 && eng_q_thread(q) == -1) {
		snprintf(errbuf, errlen, "cannot start the output thread");
		return -1;
	}
	return 0;
fail:
	snprintf(errbuf, errlen, "out of memory (ESP batches)");
	return -1;
}

/* Count a decrypted (or failed) ESP frame, by its first layer, in its flow. */
void
eng_esp_count(const struct espd_layer *l, struct trk_esp *flow)
{
	if (flow != NULL) {
		if (l->decrypted)
			flow->decrypted++;
		else if (l->icv == CRY_ICV_BAD)
			flow->icv_bad++;
	}
}

/*
 * Ask for what completing slot s reads that another core may have just
 * written: its job's result and the start of the plaintext (the inner
 * header checked first).  Without it each frame's completion waited for
 * those lines from the decrypting core (half of espd_layer_end's time).
 */
#define ENG_Q_AHEAD	4

static inline void
eng_slot_prefetch(const struct eng_slot *s)
{
	if (s->req.queued) {
		__builtin_prefetch(&s->req.job.o);
		__builtin_prefetch(s->req.job.out);
		if (s->req.job.outcap > 63)	/* its second line, if any */
			__builtin_prefetch(s->req.job.out + 63);
	}
}

/*
 * Complete a batch (its jobs are done) in frame order, then hand it to
 * the output thread, or output it here (no thread; or nested ESP, from
 * that frame on, once the output thread is idle).
 */
static void
eng_batch_complete(struct ctx *c, struct eng_batch *b)
{
	struct eng_q *q = c->q;
	bool here = !q->threaded;
	size_t i, j;

	for (i = 0; i < ENG_Q_AHEAD && i < b->n; i++)
		eng_slot_prefetch(&b->s[i]);
	for (i = 0; i < b->n; i++) {
		struct eng_slot *s = &b->s[i];

		if (i + ENG_Q_AHEAD < b->n)
			eng_slot_prefetch(&b->s[i + ENG_Q_AHEAD]);
		s->nested = false;
		if (eng_slot_esp(s)) {
			s->nested = espd_complete(c->espd, &s->pkt, &s->esp,
			    &s->req, &s->l0);
			eng_esp_count(&s->l0, s->flow);
		}
		if (!here && s->nested) {
			eng_out_idle(q);
			for (j = 0; j < i; j++)
				eng_slot_out(c, q->fr, &b->s[j]);
			here = true;
		}
		if (here)
			eng_slot_out(c, q->fr, s);
	}
	if (!q->threaded) {
		eng_batch_reset(b);
		return;
	}
	pthread_mutex_lock(&q->mu);
	if (here)
		eng_batch_reset(b);
	else {
		b->st = ENG_B_OUT;
		q->outq[(q->out_head + q->out_n) % ENG_Q_BATCHES] =
		    (unsigned)(b - q->b);
		q->out_n++;
		pthread_cond_signal(&q->cv_out);
	}
	pthread_mutex_unlock(&q->mu);
}

/* Wait for the batch being decrypted and complete it. */
static void
eng_q_finish_crypto(struct ctx *c)
{
	struct eng_q *q = c->q;
	struct eng_batch *b;

	if (q->crypto < 0)
		return;
	b = &q->b[q->crypto];
	if (b->njobs > 0)
		espd_wait(c->espd);
	q->crypto = -1;
	eng_batch_complete(c, b);
}

/*
 * The batch being filled (b) goes to decryption: the crypto threads, and
 * the output thread when it has nothing to output.
 */
static void
eng_q_submit(struct ctx *c, struct eng_batch *b)
{
	struct eng_q *q = c->q;

	if (b->njobs > 0) {
		espd_submit(c->espd, b->jobs, b->njobs);
		if (q->threaded) {
			pthread_mutex_lock(&q->mu);
			q->submitted++;
			pthread_cond_signal(&q->cv_out);
			pthread_mutex_unlock(&q->mu);
		}
	}
	b->st = ENG_B_CRYPTO;		/* only the main thread reads it */
	q->crypto = (int)(b - q->b);
}

/* The next batch in the ring becomes the one filled (once it is free). */
static void
eng_q_next_fill(struct eng_q *q)
{
	struct eng_batch *b;

	q->fill = (q->fill + 1) % ENG_Q_BATCHES;
	b = &q->b[q->fill];
	if (q->threaded) {
		pthread_mutex_lock(&q->mu);
		while (b->st != ENG_B_FREE)
			pthread_cond_wait(&q->cv_free, &q->mu);
		b->st = ENG_B_FILL;
		pthread_mutex_unlock(&q->mu);
	} else
		b->st = ENG_B_FILL;
}

/*
 * The current batch is full: wait for the one before it, hand this one
 * to the decryption threads, complete the one before, and fill the next.
 */
static void
eng_q_rotate(struct ctx *c)
{
	struct eng_q *q = c->q;
	struct eng_batch *cur = &q->b[q->fill], *old = NULL;

	if (q->crypto >= 0) {
		old = &q->b[q->crypto];
		if (old->njobs > 0)
			espd_wait(c->espd);
	}
	eng_q_submit(c, cur);
	if (old != NULL)
		eng_batch_complete(c, old);
	eng_q_next_fill(q);
}

void
eng_q_drain(struct ctx *c)
{
	struct eng_q *q = c->q;
	struct eng_batch *cur;

	if (q == NULL)
		return;
	eng_q_finish_crypto(c);
	cur = &q->b[q->fill];
	if (cur->n > 0) {
		eng_q_submit(c, cur);
		eng_q_finish_crypto(c);
		eng_q_next_fill(q);
	}
	eng_out_idle(q);
}

void
eng_q_defer(struct ctx *c, const struct frame_rec *fr, size_t caplen)
{
	struct eng_batch *b = &c->q->b[c->q->fill];
	struct eng_slot *s = &b->s[b->n++];
	const struct pkt *p = &fr->pkt;

	s->data = b->arena + b->used;
	b->used += caplen;
	s->pkt = fr->pkt;
	/*
	 * The header decoded again rather than copied: fr's was just written
	 * field by field, and a copy reads it back 16 bytes at a time (the
	 * stall cursor.h describes).
	 */
	if (fr->has_esp)
		(void)esp_decode_hdr(&fr->pkt.payload, &s->esp);
	else
		s->esp = fr->esp;
	s->has_esp = fr->has_esp;
	s->tv_sec = fr->tv_sec;
	s->tv_nsec = fr->tv_nsec;
	s->flow = NULL;
	s->req.queued = false;
	if (!eng_slot_esp(s))
		return;
	s->flow = eng_esp_flow(c, p, &fr->esp);
	/* the flow remembers its SA for the source it was made with */
	if (espd_prepare(c->espd, &s->pkt, &s->esp, &s->req, &s->l0,
	    b->arena + b->used, ENG_Q_ARENA - b->used,
	    s->flow != NULL && memcmp(s->flow->src, p->src, 16) == 0 ?
	    &s->flow->key : NULL)) {
		b->used += ESPD_HDR_ROOM + s->req.job.esp_len;
		b->jobs[b->njobs++] = &s->req.job;
	}
}

uint8_t *
eng_q_room(struct ctx *c, size_t caplen)
{
	struct eng_q *q = c->q;
	struct eng_batch *b;
	size_t need = 2 * caplen + ESPD_HDR_ROOM;

	if (q == NULL || need > ENG_Q_ARENA)
		return NULL;
	b = &q->b[q->fill];
	if (b->n == ENG_Q_SLOTS || ENG_Q_ARENA - b->used < need) {
		eng_q_rotate(c);
		b = &q->b[q->fill];
	}
	return b->arena + b->used;
}
