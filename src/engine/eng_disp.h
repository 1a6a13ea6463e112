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
/* A frame's events (event.h's order), with the tracker's it caused. */
void	eng_disp_frame(struct ctx *, const struct frame_rec *,
	    const uint8_t *);
/* The run's sinks hold (true) or release their streams. */
void	eng_disp_hold(struct ctx *, bool);

#endif
