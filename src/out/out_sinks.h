/*
 * out_sinks.h - the outputs of a run, made from the command line's choice
 * and registered with the engine as sinks (event.h): read's frame view
 * (text, -V, or JSON), timeline, sas, the -w export and keys --export.
 */
#ifndef IKESCOPE_OUT_SINKS_H
#define IKESCOPE_OUT_SINKS_H

#include <stdbool.h>
#include <stdio.h>

#include "engine/engine.h"
#include "keys/kx.h"
#include "out/out_sel.h"

enum out_view {
	OUT_VIEW_NONE = 0,	/* keys --export: no view of the capture */
	OUT_VIEW_FRAMES,	/* read */
	OUT_VIEW_TIMELINE,
	OUT_VIEW_SAS
};

struct out_cfg {
	enum out_view	 view;
	FILE		*out;		/* the view's and the keys' stream */
	const char	*write_path;	/* -w, or NULL */
	bool		 write_all;	/* --write-mode=all */
	bool		 keys;		/* keys --export */
	enum kx_fmt	 keys_fmt;
	struct out_sel	*sel;		/* what the view and -w show, or
					   NULL: everything */
	bool		 thread;	/* the frame view (not -V) may be
					   written by a thread (out_wr.h)
					   when --threads allows */
};

struct out_sinks;

/*
 * The sinks cfg asks for, registered with c (after eng_init; the view
 * reads c->o for --json, -V and --show-secrets).  NULL with errbuf set.
 */
struct out_sinks *out_sinks_new(struct ctx *, const struct out_cfg *, char *,
		    size_t);
/*
 * The first pass of a selection's frames (out_sel.h): a sink that tells
 * sel every IKE SA of the run; -1 with errbuf set.
 */
int		 out_sinks_learn(struct ctx *, struct out_sel *, char *, size_t);
/*
 * After eng_finish: close the -w file; -1 with errbuf set when it or the
 * keys could not be written.
 */
int		 out_sinks_close(struct out_sinks *, char *, size_t);
void		 out_sinks_free(struct out_sinks *);

#endif
