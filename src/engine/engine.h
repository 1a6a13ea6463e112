/*
 * engine.h - the per-run context and the frame pipeline: capture frame ->
 * packet layer -> dissectors -> tracker and decryption -> events, which
 * the registered sinks (event.h) turn into output.  All mutable state of
 * a run hangs off struct ctx, made in main.
 */
#ifndef IKESCOPE_ENGINE_H
#define IKESCOPE_ENGINE_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "capture/capture.h"
#include "dissectors/esp.h"
#include "esp/espd.h"
#include "ike/ike_crypto.h"
#include "ike/ikefrag.h"
#include "dissectors/isakmp.h"
#include "engine/event.h"
#include "keys/keystore.h"
#include "capture/pkt.h"
#include "track/track.h"

struct eng_q;

struct opts {
	bool		 json;
	bool		 verbose;	/* -V: tree view */
	bool		 quiet;		/* no end-of-run summary */
	bool		 show_secrets;
	uint64_t	 count;		/* -c: stop after N frames (0: all) */
	const char	*filter;	/* -f: capture filter, or NULL */
	bool		 capture_set;	/* several files, one capture: frames
					   say their file (frame_rec) */
	/* ESP decryption (espd.h) */
	enum cry_backend_id crypto;	/* --crypto */
	unsigned	 threads;	/* --threads: decryption (0: auto) */
	/* eng_tick */
	double		 ex_timeout;	/* exchange unanswered (0: 30 s) */
	double		 stats_every;	/* ENG_EV_STATS period (0: none) */
	bool		 keys_grow;	/* keys may be added while running
					   (live --follow-keys): decryption
					   set up with none yet */
};

struct stats {
	uint64_t	frames;
	uint64_t	kinds[PKT_NAT_KEEPALIVE + 1];
	uint64_t	fragments;	/* frames holding a non-final fragment */
	uint64_t	reassembled;
	uint64_t	malformed;	/* frames with an error-level anomaly */
	uint64_t	filtered;	/* frames the capture filter dropped */
	uint64_t	files_failed;
};

/* Everything decoded from one frame; outputs read only this. */
struct frame_rec {
	struct pkt		pkt;
	bool			has_isakmp;
	struct isakmp_msg	isakmp;
	bool			has_esp;
	struct esp_hdr		esp;
	bool			tracked;	/* placed by the tracker */
	struct trk_result	trk;
	const struct trk_esp	*esp_flow;
	long			tv_sec, tv_nsec;	/* as captured */
	bool			ike_fragment;	/* an IKE fragment, message pending */
	unsigned		ike_nfrags;	/* message reassembled from N */
	uint32_t		ike_frag_first;	/* frame of its first fragment */
	bool			ike_tried;	/* decryption attempted */
	struct ike_dec		ike;		/* its result */
	struct espd_result	espr;	/* ESP decryption, when keys given */
};

/*
 * What the reading thread (cap_read_ahead) works out for a frame ahead of
 * eng_frame, so that it runs on the second core: the frame decoded (not a
 * fragment: reassembly stays in frame order), and for an ISAKMP message,
 * where it lies in the frame and the digest the tracker tells
 * retransmissions by (trk_in.digest; used only when eng_track's message
 * is exactly those bytes).
 */
struct eng_pre_out {
	struct pkt		pkt;
	bool			has_digest;
	uint32_t		off, len;
	uint8_t			digest[16];
};

/* Tracker events held until their frame's own are published. */
#define ENG_PEND	8

struct ctx {
	struct opts		 o;
	struct pkt_decoder	 pd;
	struct trk		*trk;
	struct stats		 st;
	struct frame_rec	 fr;	/* the frame being processed */
	/* ... the read-ahead's work on it (eng_pre), or NULL, and its bytes */
	const struct eng_pre_out *fr_pre;
	const uint8_t		*fr_data;
	/*
	 * A sink formats on a thread of its own (read's output thread): the
	 * second core is taken, the read-ahead thread only reads.
	 */
	bool			 out_thread;
	struct ks		*ks;	/* keys (-k, -E); made by main */
	struct espd		*espd;	/* NULL without ESP keys */
	/* the sinks and what they want (eng_disp.c) */
	struct eng_sink		 sinks[ENG_MAX_SINKS];
	unsigned		 nsinks;
	uint32_t		 want;
	bool			 clock;	/* a sink wants eng_tick from files */
	bool			 in_frame;	/* tracker events wait */
	struct eng_event	 pend[ENG_PEND];
	unsigned		 npend;
	uint64_t		 pend_dropped;
	double			 ev_now;	/* eng_tick's time */
	double			 tick_due, stats_due;
	struct ikefrag		*ikefrag;	/* IKE fragment reassembly */
	struct sslctx		*ike_ssl;	/* IKE decryption (NULL:
						   no keys) */
	uint8_t			*ike_plain;	/* plaintext of the last message */
	struct isakmp_msg	*ike_msg;	/* its payloads */
	uint64_t		 ike_decrypted, ike_failed, esp_derived;
	size_t			 ike_states;	/* SAs with decryption state */
	uint64_t		 ike_states_refused;
	bool			 stop;	/* -c reached */
	uint32_t		 frame_base;	/* frames of the files read before
						   (pkt.frame runs across them) */
	unsigned		 files_read;
	struct eng_q		*q;	/* ESP frames waiting for their batch
					   (engine.c) */
};

/*
 * eng_init before any eng_sink_add (event.h); then eng_read_file for each
 * capture (or eng_frame, eng_tick and eng_flush from a live loop),
 * eng_finish once (the verdicts, ENG_EV_END), eng_summary, eng_free.
 */
int	eng_init(struct ctx *, char *, size_t);
void	eng_free(struct ctx *);
void	eng_frame(struct ctx *, int, const struct cap_frame *);
int	eng_read_file(struct ctx *, const char *, char *, size_t);
void	eng_summary(const struct ctx *, FILE *);
void	eng_finish(struct ctx *);

#endif
