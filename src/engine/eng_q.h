/*
 * eng_q.h - ESP frames in batches: a frame that may wait is copied into
 * the batch being filled (eng_q_room, then eng_q_defer once decoded), its
 * cipher job prepared; full batches are decrypted on the decryption
 * threads and completed in frame order, and their events published by
 * the output thread (or the main thread without one).  eng_q_drain
 * publishes every frame waiting and returns with the output thread idle:
 * the main thread publishes only then.  The long comment in eng_q.c says
 * how the threads share the work.
 */
#ifndef IKESCOPE_ENG_Q_H
#define IKESCOPE_ENG_Q_H

#include "engine/engine.h"

/* The ring (c->q), with an output thread when espd has decryption lanes. */
int	 eng_q_new(struct ctx *, char *, size_t);
void	 eng_q_free(struct eng_q *);
/*
 * Where a frame of caplen bytes goes to wait (the batch filled, rotated
 * first when full), or NULL: no batches (no keys), or too large.
 */
uint8_t	*eng_q_room(struct ctx *, size_t);
/* The frame decoded from eng_q_room's bytes joins the batch. */
void	 eng_q_defer(struct ctx *, const struct frame_rec *, size_t);
/* Publish every frame waiting (a partial batch too); no-op without. */
void	 eng_q_drain(struct ctx *);
/* An ESP frame into the tracker's flow of it (NULL: none); per frame. */
static inline struct trk_esp *
eng_esp_flow(struct ctx *c, const struct pkt *p, const struct esp_hdr *h)
{
	struct trk_esp_pkt e = { p->af, p->src, p->dst, h->spi, h->seq,
	    cur_left(&p->payload), p->ts, p->frame };

	return trk_esp_packet(c->trk, &e);
}
/* Count a decrypted (or failed) ESP frame, by its first layer, in flow. */
void	 eng_esp_count(const struct espd_layer *, struct trk_esp *);

#endif
