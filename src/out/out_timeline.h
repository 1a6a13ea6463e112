/*
 * out_timeline.h - the per-IKE-SA views: timeline (one SA: its header,
 * its ladder of messages, its exchanges and ESP flows) and sas (the
 * tables of IKE SAs and ESP SAs), as text and as JSON.
 */
#ifndef IKESCOPE_OUT_TIMELINE_H
#define IKESCOPE_OUT_TIMELINE_H

#include <stdbool.h>
#include <stdio.h>

#include "core/json.h"
#include "track/track.h"

void	out_timeline_text(FILE *, const struct trk *,
	    const struct trk_ike_sa *);
void	out_timeline_json(struct json *, const struct trk *,
	    const struct trk_ike_sa *);
/*
 * sas: the rows keep's functions accept (every ESP row asked after every
 * IKE row), or with keep NULL all of them.
 */
struct out_sas_keep {
	bool	(*ike)(const struct trk_ike_sa *, void *);
	bool	(*esp)(const struct trk_esp *, void *);
	void	*arg;
};

void	out_timeline_sas_text(FILE *, const struct trk *,
	    const struct out_sas_keep *);
void	out_timeline_sas_json(struct json *, const struct trk *,
	    const struct out_sas_keep *);

#endif
