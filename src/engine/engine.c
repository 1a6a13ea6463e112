/*
 * engine.c - the frame pipeline; see engine.h.
 */
#include <pthread.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "engine/eng_ike.h"
#include "engine/engine.h"
#include "ike/isakmp_an.h"
#include "dissectors/isakmp_pl.h"

/*
 * An IKE SA leaves the tracker early (state caps): in timeline mode it is
 * printed now, so the output loses nothing.
 */
static void
eng_evicted(const struct trk_ike_sa *sa, void *arg)
{
	struct ctx *c = arg;

	if (c->o.cmd != CMD_TIMELINE)
		return;
	if (c->o.json)
		out_json_ike_sa(&c->j, c->trk, sa);
	else
		out_text_ike_sa(c->out, c->trk, sa);
}

/* ---- ESP decryption (espd.h) and the -w export ---- */

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
 * output thread, so output order is capture order, and the main thread
 * writes only when the output thread is idle.  (The tracker cannot evict
 * an ESP flow a waiting frame points to: ESP flows are evicted least
 * recently used first, and the batches hold far fewer frames than the
 * flow limit.)
 *
 * What the output thread reads of a batch (its slots, the arena) belongs
 * to it until it frees the batch; what else it touches (c->out, c->j,
 * c->wout) the main thread leaves alone while it is busy.  A frame whose
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
	struct out_lines *olines;	/* and its pending text */
	struct ctx	*c;
};

static unsigned
eng_threads(const struct ctx *c)
{
	long n;

	if (c->o.threads != 0)
		return c->o.threads;
	n = sysconf(_SC_NPROCESSORS_ONLN);
	return n < 1 ? 1 : n > CRY_MAX_LANES ? CRY_MAX_LANES : (unsigned)n;
}

static void	eng_frame_out(struct ctx *, struct out_lines *,
		    const struct frame_rec *);

/*
 * The -w export of a frame whose bytes are data: its innermost decrypted
 * packet, or with --write-mode=all, when nothing was decrypted, its own
 * IP datagram (a frame that is not IP is counted and skipped).
 */
static void
eng_export(struct ctx *c, const struct frame_rec *fr, const uint8_t *data)
{
	const struct espd_layer *in;
	const struct pkt *p = &fr->pkt;

	if (c->wout == NULL)
		return;
	if ((in = espd_innermost(&fr->espr)) != NULL)
		out_pcap_write(c->wout, fr->tv_sec, fr->tv_nsec, in->ip,
		    in->ip_len, in->ip_len);
	else if (!c->o.write_all)
		return;
	else if (p->af == 0)
		c->w_not_ip++;
	else
		out_pcap_write(c->wout, fr->tv_sec, fr->tv_nsec,
		    data + p->ip_off, p->ip_caplen, p->ip_wirelen);
}

/*
 * Output a completed frame of a batch.  fr is the caller's record, zeroed
 * when made and only ever written here: the fields set below are all a
 * batched frame has (the rest stays zero), and of its ESP layers only
 * the filled ones are read.
 */
static void
eng_slot_out(struct ctx *c, struct frame_rec *fr, struct out_lines *lines,
    const struct eng_slot *s)
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
	eng_export(c, fr, s->data);
	eng_frame_out(c, lines, fr);
}

/*
 * The output thread's run over a batch.  The output streams are held for
 * the run (one stdio lock instead of one per write: a few per frame), and
 * the text is written before the batch is given back.
 */
static void
eng_slots_out(struct eng_q *q, const struct eng_batch *b)
{
	struct ctx *c = q->c;
	size_t i;

	flockfile(c->out);
	out_pcap_hold(c->wout, true);
	for (i = 0; i < b->n; i++)
		eng_slot_out(c, q->ofr, q->olines, &b->s[i]);
	out_lines_flush(c->out, q->olines);
	out_pcap_hold(c->wout, false);
	funlockfile(c->out);
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

static void
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
	free(q->olines);
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

static int
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
	q->olines = calloc(1, sizeof(*q->olines));
	if (q->fr == NULL || q->ofr == NULL || q->olines == NULL)
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

static int
eng_esp_init(struct ctx *c, char *errbuf, size_t errlen)
{
	/* IKE keys may yield ESP SAs (KEYMAT) during the read. */
	if (c->ks != NULL && (ks_esp_count(c->ks) > 0 ||
	    ks_ike_count(c->ks) > 0)) {
		unsigned n = eng_threads(c);

		/* the output thread (lane 1) decrypts too */
		c->espd = espd_new(c->ks, c->o.crypto, n, n > 1 ? 1 : 0,
		    errbuf, errlen);
		if (c->espd == NULL || eng_q_new(c, errbuf, errlen) == -1)
			return -1;
	}
	if (c->o.write_path != NULL) {
		c->wout = out_pcap_open(c->o.write_path, errbuf, errlen);
		if (c->wout == NULL)
			return -1;
	}
	return 0;
}

/* An ESP frame into the tracker's flow of it (NULL: none). */
static struct trk_esp *
eng_esp_flow(struct ctx *c, const struct pkt *p, const struct esp_hdr *h)
{
	struct trk_esp_pkt e = { p->af, p->src, p->dst, h->spi, h->seq,
	    cur_left(&p->payload), p->ts, p->frame };

	return trk_esp_packet(c->trk, &e);
}

/* Count a decrypted (or failed) ESP frame, by its first layer, in its flow. */
static void
eng_esp_count(const struct espd_layer *l, struct trk_esp *flow)
{
	if (flow != NULL) {
		if (l->decrypted)
			flow->decrypted++;
		else if (l->icv == CRY_ICV_BAD)
			flow->icv_bad++;
	}
}

/* Decrypt an ESP frame with a known SA and count the result. */
static void
eng_esp(struct ctx *c, struct frame_rec *fr, struct trk_esp *flow)
{
	if (c->espd == NULL)
		return;
	espd_packet(c->espd, &fr->pkt, &fr->esp, &fr->espr);
	if (fr->espr.n > 0)
		eng_esp_count(&fr->espr.l[0], flow);
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

	for (i = 0; i < b->n; i++) {
		struct eng_slot *s = &b->s[i];

		s->nested = false;
		if (eng_slot_esp(s)) {
			s->nested = espd_complete(c->espd, &s->pkt, &s->esp,
			    &s->req, &s->l0);
			eng_esp_count(&s->l0, s->flow);
		}
		if (!here && s->nested) {
			eng_out_idle(q);
			for (j = 0; j < i; j++)
				eng_slot_out(c, q->fr, c->lines, &b->s[j]);
			here = true;
		}
		if (here)
			eng_slot_out(c, q->fr, c->lines, s);
	}
	if (!q->threaded) {
		eng_batch_reset(b);
		return;
	}
	/* text the main thread output goes first (the output thread is idle
	 * when there is any: see eng_frame_out) */
	if (!here)
		out_lines_flush(c->out, c->lines);
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

/* Output everything waiting. */
static void
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

/* A decoded frame (bytes copied to b's arena, caplen) joins batch b. */
static void
eng_defer(struct ctx *c, struct eng_batch *b, const struct frame_rec *fr,
    size_t caplen)
{
	struct eng_slot *s = &b->s[b->n++];
	const struct pkt *p = &fr->pkt;

	s->data = b->arena + b->used;
	b->used += caplen;
	s->pkt = fr->pkt;
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

int
eng_close_outputs(struct ctx *c, char *errbuf, size_t errlen)
{
	int rc = out_pcap_close(c->wout, errbuf, errlen);

	c->wout = NULL;
	return rc;
}

/* ---- end ESP ---- */

int
eng_init(struct ctx *c, FILE *out, char *errbuf, size_t errlen)
{
	memset(&c->st, 0, sizeof(c->st));
	c->out = out;
	c->lines = calloc(1, sizeof(*c->lines));
	if (c->lines == NULL) {
		snprintf(errbuf, errlen, "out of memory (output)");
		return -1;
	}
	c->stop = false;
	json_init(&c->j, out);
	c->trk = trk_new(NULL);
	if (c->trk == NULL) {
		snprintf(errbuf, errlen, "out of memory (tracker)");
		return -1;
	}
	c->ikefrag = ikefrag_new(30);
	if (c->ikefrag == NULL) {
		snprintf(errbuf, errlen, "out of memory (IKE fragments)");
		trk_free(c->trk);
		c->trk = NULL;
		return -1;
	}
	if (pkt_decoder_init(&c->pd, NULL, errbuf, errlen) == -1) {
		trk_free(c->trk);
		c->trk = NULL;
		return -1;
	}
	trk_set_evict(c->trk, eng_evicted, NULL, c);
	if (eng_ike_init(c, errbuf, errlen) == -1)
		return -1;
	return eng_esp_init(c, errbuf, errlen);
}

void
eng_free(struct ctx *c)
{
	eng_q_free(c->q);
	c->q = NULL;
	free(c->lines);
	c->lines = NULL;
	pkt_decoder_free(&c->pd);
	trk_free(c->trk);
	c->trk = NULL;
	ikefrag_free(c->ikefrag);
	c->ikefrag = NULL;
	eng_ike_free(c);
	espd_free(c->espd);
	c->espd = NULL;
	ks_free(c->ks);
	c->ks = NULL;
	if (c->wout != NULL) {
		char err[64];

		out_pcap_close(c->wout, err, sizeof(err));
		c->wout = NULL;
	}
}

static void
eng_dissect(struct frame_rec *fr)
{
	struct pkt *p = &fr->pkt;
	enum dis_status s;

	switch (p->kind) {
	case PKT_ISAKMP:
	case PKT_IKEV2:
		fr->has_isakmp = true;
		memset(&fr->isakmp, 0, sizeof(fr->isakmp));
		isakmp_decode(p->payload, &fr->isakmp);
		isakmp_an_collect(&p->an, &fr->isakmp,
		    cur_left(&p->payload));
		break;
	case PKT_ESP:
		s = esp_decode_hdr(p->payload, &fr->esp);
		if (s == DIS_TRUNCATED)
			an_add(&p->an, AN_ESP_TRUNCATED,
			    (uint32_t)cur_left(&p->payload), 0);
		else if (s == DIS_MALFORMED)
			an_add(&p->an, AN_ESP_SPI_ZERO, 0, 0);
		fr->has_esp = s != DIS_TRUNCATED;
		break;
	case PKT_NAT_KEEPALIVE:
	case PKT_OTHER:
		break;
	}
}

/*
 * An IKEv1 message whose only payload is a FRAG payload carries a slice
 * of a larger message.  Returns false while the message is incomplete;
 * when this fragment completes it, the frame's ISAKMP view becomes the
 * reassembled message.
 */
static bool
eng_ike_fragment(struct ctx *c, struct frame_rec *fr)
{
	struct isakmp_msg *m = &fr->isakmp;
	const struct isakmp_pl *d;
	struct ikefrag_key k;
	struct ikefrag_result r;

	if (m->npayloads != 1 || m->pl[0].type != ISAKMP_PL_FRAG ||
	    m->encrypted)
		return true;
	d = &m->pl[0].d;
	if (!d->decoded || d->status != DIS_OK)
		return true;
	memset(&k, 0, sizeof(k));
	memcpy(k.icookie, m->hdr.icookie, 8);
	memcpy(k.rcookie, m->hdr.rcookie, 8);
	k.af = fr->pkt.af;
	memcpy(k.src, fr->pkt.src, 16);
	k.id = d->u.frag.id;
	ikefrag_add(c->ikefrag, &k, d->u.frag.num, (d->u.frag.flags & 1) != 0,
	    d->data, d->dlen, fr->pkt.ts, fr->pkt.frame, &r);
	if (r.events & IKEFRAG_EV_DUPLICATE)
		an_add(&fr->pkt.an, AN_IKEFRAG_DUPLICATE, d->u.frag.num, k.id);
	if (r.events & IKEFRAG_EV_CONFLICT)
		an_add(&fr->pkt.an, AN_IKEFRAG_CONFLICT, d->u.frag.num, k.id);
	if (r.events & IKEFRAG_EV_LIMIT)
		an_add(&fr->pkt.an, AN_IKEFRAG_LIMIT, d->u.frag.num, k.id);
	if (r.events & IKEFRAG_EV_EVICTED)
		an_add(&fr->pkt.an, AN_IKEFRAG_EVICTED, 0, 0);
	if (r.events & IKEFRAG_EV_TIMEOUT)
		an_add(&fr->pkt.an, AN_IKEFRAG_TIMEOUT, 0, 0);
	if (!r.complete) {
		fr->ike_fragment = true;
		return false;
	}
	fr->ike_nfrags = r.nfrags;
	fr->ike_frag_first = r.first_frame;
	fr->pkt.payload = cur_init(r.msg, r.len);
	memset(m, 0, sizeof(*m));
	isakmp_decode(fr->pkt.payload, m);
	isakmp_an_collect(&fr->pkt.an, m, r.len);
	return true;
}

static void
eng_track(struct ctx *c, struct frame_rec *fr)
{
	const struct pkt *p = &fr->pkt;
	const struct isakmp_msg *m = &fr->isakmp;
	struct trk_in in;
	size_t rawlen;

	if (fr->has_isakmp && p->kind == PKT_ISAKMP && p->af != 0 &&
	    m->status != DIS_TRUNCATED && eng_ike_fragment(c, fr)) {
		memset(&in, 0, sizeof(in));
		in.frame = p->frame;
		in.ts = p->ts;
		in.af = p->af;
		in.src = p->src;
		in.dst = p->dst;
		in.sport = p->sport;
		in.dport = p->dport;
		in.icookie = m->hdr.icookie;
		in.rcookie = m->hdr.rcookie;
		in.exch = m->hdr.exch;
		in.flags = m->hdr.flags;
		in.msgid = m->hdr.msgid;
		rawlen = cur_left(&p->payload);
		if (m->hdr.len >= ISAKMP_HDR_LEN && m->hdr.len < rawlen)
			rawlen = m->hdr.len;
		in.raw = cur_ptr(&p->payload);
		in.raw_len = rawlen;
		in.encrypted = m->encrypted;
		in.plaintext = !m->encrypted;
		eng_ike_summary(m, &in);
		fr->tracked = trk_ike(c->trk, &in, &fr->trk) == 0;
	} else if (fr->has_esp && p->af != 0) {
		struct trk_esp *flow = eng_esp_flow(c, p, &fr->esp);

		fr->esp_flow = flow;
		eng_esp(c, fr, flow);
	}
}

/*
 * Zero a frame record but its ISAKMP message (17 kB, most of the record),
 * which eng_dissect zeroes when the frame is ISAKMP, and its ESP layers
 * (1 kB), of which only the first espr.n are read: a capture of ESP
 * would otherwise spend its time clearing them.  has_isakmp says whether
 * the message is valid.
 */
static void
eng_frame_clear(struct frame_rec *fr)
{
	size_t a = offsetof(struct frame_rec, isakmp);
	size_t b = a + sizeof(fr->isakmp);
	size_t e = offsetof(struct frame_rec, espr);

	memset(fr, 0, a);
	memset((char *)fr + b, 0, e - b);
	fr->espr.n = 0;
	memset((char *)fr + e + sizeof(fr->espr), 0,
	    sizeof(*fr) - e - sizeof(fr->espr));
}

/*
 * A frame's output, once its ESP layers are decrypted, into the text
 * lines of the calling thread: the output thread's, written at the end of
 * each batch, or the main thread's, which outputs only while the output
 * thread has nothing to output and writes its lines before it hands the
 * next batch over and at the end of each file.
 */
static void
eng_frame_out(struct ctx *c, struct out_lines *lines,
    const struct frame_rec *fr)
{
	if (c->o.cmd == CMD_READ) {
		if (c->o.json)
			out_json_frame(&c->j, &c->o, fr);
		else
			out_text_frame(c->out, lines, &c->o, fr);
	}
}

/* The batch a frame of caplen bytes may wait in, or NULL. */
static struct eng_batch *
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
	return b;
}

void
eng_frame(struct ctx *c, int linktype, const struct cap_frame *f)
{
	struct frame_rec *fr = &c->fr;
	struct eng_batch *b = eng_q_room(c, f->caplen);
	const uint8_t *data = f->data;

	if (b != NULL) {
		memcpy(b->arena + b->used, f->data, f->caplen);
		data = b->arena + b->used;
	}
	eng_frame_clear(fr);
	fr->pkt.frame = f->frame;
	fr->pkt.ts = f->ts;
	fr->pkt.caplen = f->caplen;
	fr->pkt.wirelen = f->wirelen;
	fr->tv_sec = f->tv_sec;
	fr->tv_nsec = f->tv_nsec;
	pkt_decode(&c->pd, linktype, data, f->caplen, &fr->pkt);
	eng_dissect(fr);
	if (b != NULL && fr->pkt.kind != PKT_ISAKMP &&
	    fr->pkt.kind != PKT_IKEV2 && !fr->pkt.reassembled)
		eng_defer(c, b, fr, f->caplen);
	else {
		eng_q_drain(c);
		eng_track(c, fr);
		b = NULL;
	}

	c->st.frames++;
	c->st.kinds[fr->pkt.kind]++;
	if (fr->pkt.fragment)
		c->st.fragments++;
	if (fr->pkt.reassembled)
		c->st.reassembled++;
	if (an_worst(&fr->pkt.an) == AN_ERROR)
		c->st.malformed++;
	if (b == NULL) {
		eng_export(c, fr, data);
		eng_frame_out(c, c->lines, fr);
	}
	if (c->o.count != 0 && c->st.frames >= c->o.count)
		c->stop = true;
}

/*
 * Read one capture file to its end.  Returns 0, or -1 with errbuf set when
 * the file could not be opened or broke part way (frames read before the
 * break have been reported).
 */
int
eng_read_file(struct ctx *c, const char *path, char *errbuf, size_t errlen)
{
	struct cap *cap;
	struct cap_frame f;
	enum cap_status s;
	int linktype, rc = 0;

	cap = cap_open_file(path, errbuf, errlen);
	if (cap == NULL)
		return -1;
	linktype = cap_linktype(cap);
	while (!c->stop) {
		s = cap_next(cap, &f, errbuf, errlen);
		if (s == CAP_FRAME) {
			eng_frame(c, linktype, &f);
			continue;
		}
		if (s == CAP_ERROR)
			rc = -1;
		break;
	}
	eng_q_drain(c);
	out_lines_flush(c->out, c->lines);
	fflush(c->out);
	cap_close(cap);
	return rc;
}

static void
eng_print_ike(const struct trk_ike_sa *sa, void *arg)
{
	struct ctx *c = arg;

	if (c->o.json)
		out_json_ike_sa(&c->j, c->trk, sa);
	else
		out_text_ike_sa(c->out, c->trk, sa);
}

/* End of input: verdicts, then the per-SA views. */
void
eng_finish(struct ctx *c)
{
	eng_q_drain(c);
	out_lines_flush(c->out, c->lines);
	trk_finish(c->trk);
	if (c->o.cmd == CMD_TIMELINE)
		trk_foreach_ike(c->trk, eng_print_ike, c);
	else if (c->o.cmd == CMD_SAS) {
		if (c->o.json)
			out_json_sas(&c->j, c->trk);
		else
			out_text_sas(c->out, c->trk);
	}
	fflush(c->out);
}

/*
 * ESP flows read otherwise than their key source says, because only that
 * reading authenticated (espd.c), by key entry in load order.
 */
static void
eng_summary_inferred(const struct ctx *c, FILE *fp)
{
	const struct ks_esp_sa *sa = NULL;
	const struct espd_flow *f;

	if (c->espd == NULL)
		return;
	while ((sa = ks_esp_next(c->ks, sa)) != NULL)
		for (f = espd_inferred_next(c->espd, NULL); f != NULL;
		    f = espd_inferred_next(c->espd, f)) {
			if (f->sa != sa)
				continue;
			if (f->esn_inferred)
				fprintf(fp, "ESP: SPI 0x%08x (%s): extended "
				    "sequence numbers inferred (the key source "
				    "does not say; the ICV verifies with them "
				    "only)\n", f->spi, sa->origin);
			if (f->trunc_inferred)
				fprintf(fp, "ESP: SPI 0x%08x (%s): the ICV "
				    "verifies as %s, not as the key source "
				    "says\n", f->spi, sa->origin,
				    ks_auth_name(f->auth));
		}
	if (espd_flows_refused(c->espd) > 0)
		fprintf(fp, "ESP: flow limit (%u) reached, %llu packet(s) "
		    "not decrypted\n", ESPD_MAX_FLOWS,
		    (unsigned long long)espd_flows_refused(c->espd));
}

void
eng_summary(const struct ctx *c, FILE *fp)
{
	const struct stats *s = &c->st;

	fprintf(fp, "%llu frames: %llu isakmp, %llu ikev2, %llu esp, "
	    "%llu nat_keepalive, %llu other; %llu fragments, "
	    "%llu reassembled; %llu malformed\n",
	    (unsigned long long)s->frames,
	    (unsigned long long)s->kinds[PKT_ISAKMP],
	    (unsigned long long)s->kinds[PKT_IKEV2],
	    (unsigned long long)s->kinds[PKT_ESP],
	    (unsigned long long)s->kinds[PKT_NAT_KEEPALIVE],
	    (unsigned long long)s->kinds[PKT_OTHER],
	    (unsigned long long)s->fragments,
	    (unsigned long long)s->reassembled,
	    (unsigned long long)s->malformed);
	if (c->ike_ssl != NULL)
		fprintf(fp, "IKE decryption: %llu messages decrypted, %llu failed "
		    "(wrong key?); %llu ESP SAs derived from IKE keys\n",
		    (unsigned long long)c->ike_decrypted,
		    (unsigned long long)c->ike_failed,
		    (unsigned long long)c->esp_derived);
	if (c->o.write_all && c->w_not_ip > 0)
		fprintf(fp, "-w: %llu frame(s) not IP, not written\n",
		    (unsigned long long)c->w_not_ip);
	if (c->ike_states_refused > 0)
		fprintf(fp, "IKE decryption: state limit reached, %llu IKE SA(s) "
		    "not decrypted\n",
		    (unsigned long long)c->ike_states_refused);
	eng_summary_inferred(c, fp);
}
