/*
 * event.h - what the engine publishes, and to whom: the sinks.
 *
 * Every output (read's lines, JSON and -V tree, timeline, sas, -w,
 * keys --export; the audit and the live view later) is a sink: a function
 * registered with eng_sink_add that receives events.  Sinks read: the
 * pointers in an event are const, valid for the call only, and a sink
 * never changes tracker, key or crypto state.
 *
 * The events, in the order the engine publishes them for a frame:
 *
 *   ENG_EV_FRAME	a frame decoded, its ESP decrypted (fr, data)
 *   ENG_EV_IKE_MSG	an IKE message placed by the tracker (fr; fr->trk:
 *			label, retransmission, SA)
 *   ENG_EV_EXCHANGE	an exchange completed or failed (sa, ex, reason:
 *			the exchange's, or TRK_R_TIMEOUT from eng_tick)
 *   ENG_EV_QM		a Quick Mode established (sa, ex: ex->spis, the
 *			chosen transform ex->chosen, PFS group
 *			ex->chosen.group, 0 without PFS); after its
 *			ENG_EV_EXCHANGE
 *   ENG_EV_SA_STATE	an IKE SA changed phase (sa, from, to: enum
 *			trk_phase: negotiating -> established, failed,
 *			deleted, expired, evicted; reason: sa->reason)
 *   ENG_EV_ESP_FLOW	an ESP flow first seen (fr, flow)
 *   ENG_EV_ICV_FAIL	an ESP frame whose ICV did not verify (fr, flow)
 *   ENG_EV_ANOMALY	one per anomaly of the frame (fr, an)
 *
 * and, not tied to a frame:
 *
 *   ENG_EV_STATS	periodic statistics (st, trk), from eng_tick
 *   ENG_EV_FLUSH	everything decoded so far has been published: a
 *			sink writes what it holds (eng_flush, end of each
 *			file)
 *   ENG_EV_END		end of input (st, trk, ks, espd: what ESP
 *			decryption learned of each flow): the verdicts of
 *			trk_finish were published just before
 *
 * Ordering guarantee: events reach the sinks in frame order, and the
 * events of one frame in the order above, however ESP frames are batched
 * and on however many threads they are decrypted.  Sink calls never
 * overlap: they come from the main thread or from the output thread, one
 * at a time, each seeing what the other did before.  Two exceptions, both
 * because the SA is freed right after: an SA evicted by the state cap
 * gets its ENG_EV_SA_STATE (to TRK_P_EVICTED, after any verdicts of its
 * own) before the events of the frame that made room; and eng_tick's
 * events come when it is called (it first publishes every frame read).
 *
 * A sink says in mask which events it wants (ENG_EV_BIT); the engine
 * skips the work of those nobody wants.  hold, when set, brackets a run
 * of calls from the output thread (a batch of ESP frames): the sink may
 * take its stream's lock once for the run.  summary, when set, adds the
 * sink's lines to the end-of-run summary (eng_summary).  clock asks
 * eng_read_file to call eng_tick with each frame's capture time.
 */
#ifndef IKESCOPE_EVENT_H
#define IKESCOPE_EVENT_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "core/anomaly.h"
#include "keys/keystore.h"
#include "track/track.h"

struct ctx;
struct espd;
struct frame_rec;
struct stats;

enum eng_ev {
	ENG_EV_FRAME = 0,
	ENG_EV_IKE_MSG,
	ENG_EV_EXCHANGE,
	ENG_EV_QM,
	ENG_EV_SA_STATE,
	ENG_EV_ESP_FLOW,
	ENG_EV_ICV_FAIL,
	ENG_EV_ANOMALY,
	ENG_EV_STATS,
	ENG_EV_FLUSH,
	ENG_EV_END,
	ENG_EV__COUNT
};

#define ENG_EV_BIT(e)	(1u << (e))
#define ENG_EV_ALL	((1u << ENG_EV__COUNT) - 1)

struct eng_event {
	enum eng_ev		 type;
	double			 ts;	/* of the frame, or eng_tick's now */
	const struct frame_rec	*fr;
	const uint8_t		*data;	/* FRAME: the frame's bytes */
	const struct trk	*trk;	/* always */
	const struct trk_ike_sa	*sa;
	const struct trk_exchange *ex;
	const struct trk_esp	*flow;
	const struct an_rec	*an;
	const struct stats	*st;
	const struct ks		*ks;	/* END; NULL without keys */
	const struct espd	*espd;	/* END; NULL without ESP decryption */
	uint8_t			 from, to;	/* SA_STATE: enum trk_phase */
	uint8_t			 reason;	/* EXCHANGE, SA_STATE */
};

typedef void eng_sink_fn(void *, const struct eng_event *);
typedef void eng_hold_fn(void *, bool);
typedef void eng_summary_fn(void *, FILE *);

struct eng_sink {
	eng_sink_fn	*ev;
	eng_hold_fn	*hold;		/* may be NULL */
	eng_summary_fn	*summary;	/* may be NULL */
	void		*arg;
	uint32_t	 mask;		/* ENG_EV_BIT of the events wanted */
	bool		 clock;		/* files: eng_tick with capture time */
};

#define ENG_MAX_SINKS	8

/* Register a sink (copied); -1 when ENG_MAX_SINKS are registered. */
int	eng_sink_add(struct ctx *, const struct eng_sink *, char *, size_t);

/*
 * Publish everything decoded so far, a partly filled ESP batch included
 * (it is decrypted now), then ENG_EV_FLUSH.  For a live view on a quiet
 * link; eng_read_file does it at the end of each file.
 */
void	eng_flush(struct ctx *);

/*
 * Time-driven state at time now (capture time for files, the clock
 * live): exchanges unanswered for more than ctx's ex_timeout seconds
 * (ENG_EV_EXCHANGE, reason TRK_R_TIMEOUT; the exchange stays incomplete
 * in the tracker, so a late answer completes it), SAs whose negotiated lifetime
 * ran out (ENG_EV_SA_STATE to TRK_P_EXPIRED), and every stats_every
 * seconds ENG_EV_STATS.  Does its work at most once a second of now, and
 * publishes the frames read before it does.  eng_read_file calls it with
 * each frame's time when a registered sink sets clock.
 */
void	eng_tick(struct ctx *, double);

#endif
