/*
 * out_sel.h - selections after decoding (--sa, --peer, --spi, --state,
 * --since, --until): which frames, IKE SAs and ESP flows an output shows.
 * Every frame still goes through the tracker and the decryptors; only
 * what the sinks show changes.  Options of one kind combine with OR
 * (--sa A --sa B), kinds with AND.
 *
 * An IKE SA is selected when its initiator cookie starts with a --sa
 * prefix (or both cookies equal an icookie/rcookie), either address is in
 * a --peer network, one of its Quick Modes or ESP flows has a --spi, its
 * state is a --state, and its first to last message overlaps
 * [--since, --until].
 *
 * read and -w show the frames of the selected IKE SAs and ESP flows.
 * When the captures can be read twice (files, not standard input), a
 * first pass tells out_sel_learn every IKE SA as the tracker has it at
 * the end, and the second shows an IKE frame when its SA was selected
 * then: all of the SA's frames, those before its Quick Mode named a --spi
 * or its responder's cookie was known included.  From standard input,
 * the frames are decided in one pass, as they come: an IKE frame by its
 * SA as the tracker knows it then (a --spi selects an SA from the frame
 * of the Quick Mode naming it on), and the SA is remembered.  Either way
 * an ESP frame is shown when its flow's IKE SA was selected, or, without
 * --sa and --state, when the flow itself has a --peer address and a --spi
 * (so ESP frames seen before their Quick Mode are selected by --spi); a
 * frame neither IKE nor ESP by its addresses, without --sa, --spi and
 * --state.  --since and --until apply to the frame's own time.
 */
#ifndef IKESCOPE_OUT_SEL_H
#define IKESCOPE_OUT_SEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "engine/engine.h"
#include "track/track.h"

#define OUT_SEL_MAX	16	/* options of each kind */
#define OUT_SEL_MAX_IDS	65536	/* IKE SAs read remembers as selected */

enum out_sel_kind {
	OUT_SEL_SA, OUT_SEL_PEER, OUT_SEL_SPI, OUT_SEL_STATE, OUT_SEL_SINCE,
	OUT_SEL_UNTIL
};

struct out_sel_cookie {
	char		 hex[33];	/* lower-case icookie prefix [+ rcookie] */
	size_t		 len;		/* hex digits: 4..16, or 32 */
};

struct out_sel_net {
	int		 af;
	uint8_t		 addr[16];
	unsigned	 bits;
};

struct out_sel {
	struct out_sel_cookie sa[OUT_SEL_MAX];
	size_t		 nsa;
	struct out_sel_net peer[OUT_SEL_MAX];
	size_t		 npeer;
	uint32_t	 spi[OUT_SEL_MAX];
	size_t		 nspi;
	unsigned	 states;	/* bit (enum trk_state), 0: any */
	bool		 has_since, has_until;
	double		 since, until;
	/* read, -w: IKE SAs selected so far (sorted ids), capped */
	uint64_t	*ids;
	size_t		 nids;
	uint64_t	 ids_dropped;
	bool		 exact;		/* ids from a first pass */
	bool		 sa_time;	/* out_sel_learn: --since, --until
					   too (audit; read: per frame) */
	uint64_t	 shown;		/* frames or SAs selected */
};

/* One option's argument into sel; -1 with errbuf set. */
int	out_sel_add(struct out_sel *, enum out_sel_kind, const char *, char *,
	    size_t);
bool	out_sel_active(const struct out_sel *);
/* timeline, sas: the SA as the tracker has it at the end (or eviction). */
bool	out_sel_ike(struct out_sel *, const struct trk_ike_sa *);
/*
 * sas: an ESP flow, after out_sel_ike has been asked about every IKE SA
 * (its IKE SA selected, or without --sa and --state, itself matching).
 */
bool	out_sel_esp(const struct out_sel *, const struct trk_esp *);
/* read, -w, a first pass: remember the SA when it is selected. */
void	out_sel_learn(struct out_sel *, const struct trk_ike_sa *);
/*
 * audit: the SA, as learned by a first pass, or as the tracker has it now
 * (from standard input).
 */
bool	out_sel_keep(struct out_sel *, const struct trk_ike_sa *);
/* read, -w: the frame, as it is published (see above). */
bool	out_sel_frame(struct out_sel *, const struct frame_rec *);
void	out_sel_free(struct out_sel *);

#endif
