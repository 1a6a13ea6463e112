/*
 * engine.h - the per-run context and the frame pipeline: capture frame ->
 * packet layer -> dissectors -> outputs.  All mutable state of a run hangs
 * off struct ctx, made in main.
 */
#ifndef IKESCOPE_ENGINE_H
#define IKESCOPE_ENGINE_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "capture.h"
#include "esp.h"
#include "isakmp.h"
#include "json.h"
#include "pkt.h"

struct opts {
	bool		 json;
	bool		 verbose;	/* -V: tree view */
	bool		 quiet;		/* no end-of-run summary */
	bool		 show_secrets;
	uint64_t	 count;		/* -c: stop after N frames (0: all) */
};

struct stats {
	uint64_t	frames;
	uint64_t	kinds[PKT_NAT_KEEPALIVE + 1];
	uint64_t	fragments;	/* frames holding a non-final fragment */
	uint64_t	reassembled;
	uint64_t	malformed;	/* frames with an error-level anomaly */
	uint64_t	files_failed;
};

/* Everything decoded from one frame; outputs read only this. */
struct frame_rec {
	struct pkt		pkt;
	bool			has_isakmp;
	struct isakmp_msg	isakmp;
	bool			has_esp;
	struct esp_hdr		esp;
};

struct ctx {
	struct opts		 o;
	struct pkt_decoder	 pd;
	FILE			*out;
	struct json		 j;
	struct stats		 st;
	struct frame_rec	 fr;	/* the frame being processed */
	bool			 stop;	/* -c reached */
};

int	eng_init(struct ctx *, FILE *, char *, size_t);
void	eng_free(struct ctx *);
void	eng_frame(struct ctx *, int, const struct cap_frame *);
int	eng_read_file(struct ctx *, const char *, char *, size_t);
void	eng_summary(const struct ctx *, FILE *);

/* outputs */
void	out_text_frame(FILE *, const struct opts *, const struct frame_rec *);
void	out_json_frame(struct json *, const struct opts *,
	    const struct frame_rec *);

#endif
