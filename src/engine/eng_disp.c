/*
 * eng_disp.c - events to sinks; see event.h and eng_disp.h.
 */
#include <string.h>

#include "engine/eng_disp.h"
#include "engine/eng_q.h"

/* Seconds an exchange may wait for its next message (opts.ex_timeout). */
#define ENG_EX_TIMEOUT	30.0

int
eng_sink_add(struct ctx *c, const struct eng_sink *s, char *errbuf,
    size_t errlen)
{
	if (c->nsinks == ENG_MAX_SINKS) {
		snprintf(errbuf, errlen, "too many outputs (at most %d)",
		    ENG_MAX_SINKS);
		return -1;
	}
	c->sinks[c->nsinks++] = *s;
	c->want |= s->mask;
	c->clock |= s->clock;
	return 0;
}

void
eng_disp_hold(struct ctx *c, bool on)
{
	unsigned i;

	for (i = 0; i < c->nsinks; i++)
		if (c->sinks[i].hold != NULL)
			c->sinks[i].hold(c->sinks[i].arg, on);
}

/* The tracker events held for the frame being published. */
void
eng_disp_pending(struct ctx *c)
{
	unsigned i;

	for (i = 0; i < c->npend; i++)
		eng_disp(c, &c->pend[i]);
	c->npend = 0;
}

/* An event now, or held until its frame's own are out. */
static void
eng_disp_change(struct ctx *c, const struct eng_event *ev)
{
	if (!c->in_frame)
		eng_disp(c, ev);
	else if (c->npend < ENG_PEND)
		c->pend[c->npend++] = *ev;
	else
		c->pend_dropped++;
}

/* trk_change_cb: an exchange or an SA changed state. */
static void
eng_changed(const struct trk_ike_sa *sa, const struct trk_exchange *e,
    uint8_t old, void *arg)
{
	struct ctx *c = arg;
	struct eng_event ev;

	memset(&ev, 0, sizeof(ev));
	ev.trk = c->trk;
	ev.sa = sa;
	ev.ts = c->in_frame ? c->fr.pkt.ts : c->ev_now;
	if (e == NULL) {
		if ((c->want & ENG_EV_BIT(ENG_EV_SA_STATE)) == 0)
			return;
		ev.type = ENG_EV_SA_STATE;
		ev.from = old;
		ev.to = trk_phase(sa);
		ev.reason = sa->reason;
		eng_disp_change(c, &ev);
		return;
	}
	ev.ex = e;
	ev.type = ENG_EV_EXCHANGE;
	ev.reason = e->state == TRK_INCOMPLETE && e->timed_out ?
	    TRK_R_TIMEOUT : e->reason;
	if (c->want & ENG_EV_BIT(ENG_EV_EXCHANGE))
		eng_disp_change(c, &ev);
	if (e->type == ISAKMP_EXCH_QUICK && e->state == TRK_ESTABLISHED &&
	    (c->want & ENG_EV_BIT(ENG_EV_QM))) {
		ev.type = ENG_EV_QM;
		eng_disp_change(c, &ev);
	}
}

/*
 * trk_ike_cb: an SA leaves the tracker early (state caps).  Its verdicts
 * (held, if it happened while a frame was tracked) go first, then the
 * eviction, now: the SA is freed on return.
 */
static void
eng_evicted(const struct trk_ike_sa *sa, void *arg)
{
	struct ctx *c = arg;
	struct eng_event ev;

	eng_disp_pending(c);
	if ((c->want & ENG_EV_BIT(ENG_EV_SA_STATE)) == 0)
		return;
	memset(&ev, 0, sizeof(ev));
	ev.type = ENG_EV_SA_STATE;
	ev.ts = c->in_frame ? c->fr.pkt.ts : c->ev_now;
	ev.trk = c->trk;
	ev.sa = sa;
	ev.from = trk_phase(sa);
	ev.to = TRK_P_EVICTED;
	ev.reason = sa->reason;
	eng_disp(c, &ev);
}

void
eng_disp_init(struct ctx *c)
{
	trk_set_change(c->trk, eng_changed, c);
	trk_set_evict(c->trk, eng_evicted, NULL, c);
}

void
eng_disp_frame_rest(struct ctx *c, const struct frame_rec *fr,
    struct eng_event *ev)
{
	uint32_t w = c->want;
	unsigned i;

	ev->data = NULL;
	if (fr->tracked && (w & ENG_EV_BIT(ENG_EV_IKE_MSG))) {
		ev->type = ENG_EV_IKE_MSG;
		ev->sa = fr->trk.sa;
		eng_disp(c, ev);
		ev->sa = NULL;
	}
	/* only the main thread holds tracker events, for ISAKMP frames */
	if (fr->has_isakmp)
		eng_disp_pending(c);
	ev->flow = fr->esp_flow;
	if (ev->flow != NULL && ev->flow->first_frame == fr->pkt.frame &&
	    (w & ENG_EV_BIT(ENG_EV_ESP_FLOW))) {
		ev->type = ENG_EV_ESP_FLOW;
		eng_disp(c, ev);
	}
	if (fr->espr.n > 0 && fr->espr.l[0].icv == CRY_ICV_BAD &&
	    (w & ENG_EV_BIT(ENG_EV_ICV_FAIL))) {
		ev->type = ENG_EV_ICV_FAIL;
		eng_disp(c, ev);
	}
	if (w & ENG_EV_BIT(ENG_EV_ANOMALY)) {
		ev->type = ENG_EV_ANOMALY;
		for (i = 0; i < fr->pkt.an.n; i++) {
			ev->an = &fr->pkt.an.a[i];
			eng_disp(c, ev);
		}
	}
}

void
eng_flush(struct ctx *c)
{
	struct eng_event ev;

	eng_q_drain(c);
	memset(&ev, 0, sizeof(ev));
	ev.type = ENG_EV_FLUSH;
	ev.ts = c->fr.pkt.ts;
	ev.trk = c->trk;
	eng_disp(c, &ev);
}

void
eng_tick(struct ctx *c, double now)
{
	struct eng_event ev;

	if (now < c->tick_due)
		return;
	c->tick_due = now + 1.0;
	eng_q_drain(c);
	c->ev_now = now;
	trk_tick(c->trk, now, c->o.ex_timeout > 0 ? c->o.ex_timeout :
	    ENG_EX_TIMEOUT);
	if (c->o.stats_every <= 0 ||
	    (c->want & ENG_EV_BIT(ENG_EV_STATS)) == 0)
		return;
	if (c->stats_due == 0)
		c->stats_due = now + c->o.stats_every;
	if (now < c->stats_due)
		return;
	c->stats_due = now + c->o.stats_every;
	memset(&ev, 0, sizeof(ev));
	ev.type = ENG_EV_STATS;
	ev.ts = now;
	ev.trk = c->trk;
	ev.st = &c->st;
	eng_disp(c, &ev);
}
