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

#include "capture/capture.h"
#include "dissectors/esp.h"
#include "esp/espd.h"
#include "ike/ike_crypto.h"
#include "ike/ikefrag.h"
#include "dissectors/isakmp.h"
#include "core/json.h"
#include "keys/keystore.h"
#include "out/out_pcap.h"
#include "capture/pkt.h"
#include "track/track.h"

struct eng_q;

enum eng_cmd { CMD_READ = 0, CMD_TIMELINE, CMD_SAS };

struct opts {
	enum eng_cmd	 cmd;
	bool		 json;
	bool		 verbose;	/* -V: tree view */
	bool		 quiet;		/* no end-of-run summary */
	bool		 show_secrets;
	uint64_t	 count;		/* -c: stop after N frames (0: all) */
	/* ESP decryption (espd.h) */
	const char	*write_path;	/* -w: decrypted inner packets */
	bool		 write_all;	/* --write-mode=all: all frames */
	enum cry_backend_id crypto;	/* --crypto */
	unsigned	 threads;	/* --threads: decryption (0: auto) */
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
 * Text lines on their way to a stream: out_text_frame appends a frame's
 * line and writes the buffer when it is full (or before writing to the
 * stream itself); out_lines_flush writes what is left, and must come
 * before anything else writes to the stream.
 */
#define OUT_LINES_BUF	65536
struct out_lines {
	char	b[OUT_LINES_BUF];
	size_t	n;
};

struct ctx {
	struct opts		 o;
	struct pkt_decoder	 pd;
	struct trk		*trk;
	FILE			*out;
	struct json		 j;
	struct stats		 st;
	struct frame_rec	 fr;	/* the frame being processed */
	struct out_lines	*lines;	/* the main thread's pending text */
	struct ks		*ks;	/* keys (-k, -E); made by main */
	struct espd		*espd;	/* NULL without ESP keys */
	struct out_pcap		*wout;	/* -w */
	uint64_t		 w_not_ip;	/* --write-mode=all: skipped */
	struct ikefrag		*ikefrag;	/* IKE fragment reassembly */
	struct sslctx		*ike_ssl;	/* IKE decryption (NULL:
						   no keys) */
	uint8_t			*ike_plain;	/* plaintext of the last message */
	struct isakmp_msg	*ike_msg;	/* its payloads */
	uint64_t		 ike_decrypted, ike_failed, esp_derived;
	size_t			 ike_states;	/* SAs with decryption state */
	uint64_t		 ike_states_refused;
	bool			 stop;	/* -c reached */
	struct eng_q		*q;	/* ESP frames waiting for their batch
					   (engine.c) */
};

int	eng_init(struct ctx *, FILE *, char *, size_t);
void	eng_free(struct ctx *);
void	eng_frame(struct ctx *, int, const struct cap_frame *);
int	eng_read_file(struct ctx *, const char *, char *, size_t);
void	eng_summary(const struct ctx *, FILE *);
void	eng_finish(struct ctx *);
int	eng_close_outputs(struct ctx *, char *, size_t);

/* outputs */
void	out_text_frame(FILE *, struct out_lines *, const struct opts *,
	    const struct frame_rec *);
void	out_lines_flush(FILE *, struct out_lines *);
void	out_json_frame(struct json *, const struct opts *,
	    const struct frame_rec *);
void	out_text_ike_sa(FILE *, const struct trk *, const struct trk_ike_sa *);
void	out_json_ike_sa(struct json *, const struct trk *,
	    const struct trk_ike_sa *);
void	out_text_sas(FILE *, const struct trk *);
void	out_json_sas(struct json *, const struct trk *);

#endif
