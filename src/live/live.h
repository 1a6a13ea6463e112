/*
 * live.h - ikescope live: an interface read as it is captured, into the
 * engine, shown on the curses screen (ui_curses over ui_model) or streamed
 * as one line (or JSON record) per event.
 *
 * The loop never blocks on the capture: it polls the capture's descriptor,
 * the terminal and a signal pipe, with a 100 ms timeout that drives
 * eng_flush (nothing decoded waits longer to be shown, even on a quiet
 * link) and eng_tick with the clock.  --follow-keys re-reads key files
 * that grew (a charon log written as tunnels are negotiated) before the
 * frames that may need them, and every key file on SIGHUP.  q, SIGINT or
 * SIGTERM end it cleanly: the terminal restored, -w complete, a summary.
 */
#ifndef IKESCOPE_LIVE_H
#define IKESCOPE_LIVE_H

#include <stdbool.h>
#include <stddef.h>

#include "engine/engine.h"

#define LIVE_DEFAULT_FILTER \
	"udp port 500 or udp port 4500 or ip proto 50 or ip6 proto 50"
#define LIVE_MAX_KEYFILES	64

struct live_opts {
	const char	*iface;
	const char	*filter;	/* NULL: LIVE_DEFAULT_FILTER */
	const char	*write_path;	/* -w: the raw capture */
	const char	*user;		/* -Z: drop to this user */
	bool		 tui;		/* else streaming lines */
	bool		 json;		/* streaming JSON records */
	bool		 follow_keys;
	const char	*keyfiles[LIVE_MAX_KEYFILES];	/* -k, to re-read */
	size_t		 nkeyfiles;
	double		 seconds;	/* stop after (0: never; tests) */
};

/*
 * Run until told to stop; c is initialised (keys loaded, eng_init done)
 * but has no sinks.  The exit status: 0, or 1 with the reason on stderr.
 */
int	live_run(struct ctx *, const struct live_opts *);

#endif
