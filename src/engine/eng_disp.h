/*
 * eng_disp.h - the engine's side of event.h: publishing events to the
 * registered sinks, the tracker's state changes turned into events (held
 * while a frame is tracked, so its own events come first), eng_tick.
 */
#ifndef IKESCOPE_ENG_DISP_H
#define IKESCOPE_ENG_DISP_H

#include "engine/engine.h"

/* The tracker's change and eviction callbacks, set by eng_init. */
void	eng_disp_init(struct ctx *);
/* One event to every sink that wants it (inline: several per frame). */
static inline void
eng_disp(struct ctx *c, const struct eng_event *ev)
{
	uint32_t bit = ENG_EV_BIT(ev->type);
	unsigned i;

	for (i = 0; i < c->nsinks; i++)
		if (c->sinks[i].mask & bit)
			c->sinks[i].ev(c->sinks[i].arg, ev);
}
/* The tracker events held while a frame was tracked, now. */
void	eng_disp_pending(struct ctx *);

/* The events of a frame after its ENG_EV_FRAME (tracker events aside). */
#define ENG_EV_PER_FRAME	(ENG_EV_BIT(ENG_EV_IKE_MSG) | \
	ENG_EV_BIT(ENG_EV_ESP_FLOW) | ENG_EV_BIT(ENG_EV_ICV_FAIL) | \
	ENG_EV_BIT(ENG_EV_ANOMALY))

/* eng_disp_frame's events after ENG_EV_FRAME; ev is the frame's. */
void	eng_disp_frame_rest(struct ctx *, const struct frame_rec *,
	    struct eng_event *);

/*
 * A frame's events (event.h's order), with the tracker's it caused.
 * Inline, and its event zeroed in place: it runs for every frame.
 */
static inline void
eng_disp_frame(struct ctx *c, const struct frame_rec *fr,
    const uint8_t *data)
{
	struct eng_event ev = { .type = ENG_EV_FRAME, .ts = fr->pkt.ts,
	    .fr = fr, .data = data, .trk = c->trk };

	if (c->want & ENG_EV_BIT(ENG_EV_FRAME))
		eng_disp(c, &ev);
	/* read's usual case: nothing else per frame */
	if ((c->want & ENG_EV_PER_FRAME) != 0 || fr->has_isakmp)
		eng_disp_frame_rest(c, fr, &ev);
}
/* The run's sinks hold (true) or release their streams. */
void	eng_disp_hold(struct ctx *, bool);

#endif
