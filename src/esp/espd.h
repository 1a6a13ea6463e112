/*
 * espd.h - the ESP decryption step of the pipeline: find the SA by
 * (destination, SPI), infer the ESN high half from the SA's window (on an
 * SA's first packets, also by trying the next high halves: a capture may
 * begin after the SA passed 2^32 packets),
 * decrypt and check (cry), tell tunnel from transport mode by the
 * next header, and decode the inner packet through the same packet layer
 * (so nested ESP, and IKE inside a tunnel, go through the same code).
 *
 * A packet counts as decrypted only when its ICV verified (or cannot be
 * checked: no integrity, or "ANY ... [no checking]") and it passes the
 * trailer checks and an inner-header plausibility check (IPv4 header
 * checksum and lengths, IPv6 length, UDP length, TCP offset).  A verified
 * ICV proves only the integrity key, so the checks apply to it too: a
 * wrong key shows up as a failure, never as a decoded inner packet.
 */
#ifndef IKESCOPE_ESPD_H
#define IKESCOPE_ESPD_H

#include <stdbool.h>
#include <stdint.h>

#include "dissectors/esp.h"
#include "esp/cry.h"
#include "keys/keystore.h"
#include "capture/pkt.h"

#define ESPD_MAX_DEPTH	3	/* ESP in ESP in ESP */
#define ESPD_BUF	65600	/* an IP datagram and some */

enum espd_mode { ESPD_NONE = 0, ESPD_TUNNEL, ESPD_TRANSPORT, ESPD_DUMMY };

/* One ESP layer of a frame. */
struct espd_layer {
	uint32_t	 spi, seq;
	uint64_t	 seq64;		/* with the inferred ESN high half */
	bool		 esn;		/* the SA's, when the layer ended */
	bool		 esn_inferred;	/* ... found by the ICV (espd.c) */
	enum ks_auth	 auth;		/* the SA's integrity, then */
	bool		 trunc_inferred; /* ... its truncation found so */
	bool		 sa_known;
	const struct ks_esp_sa *sa;
	bool		 decrypted;	/* ICV ok or unchecked and all checks */
	enum cry_icv	 icv;
	const char	*error;		/* why not decrypted (NULL: decrypted
					   or no SA) */
	const char	*detail;	/* e.g. "DES needs the legacy provider" */
	uint8_t		 next_header;
	uint8_t		 pad_len;
	bool		 pad_nonstd;	/* padding not 1, 2, 3, ..., accepted
					   under a verified AEAD tag */
	size_t		 tfc_pad;	/* bytes after the inner datagram (or
					   UDP datagram): TFC padding */
	enum espd_mode	 mode;
	/* the inner packet (tunnel: as sent; transport: re-wrapped in the
	 * outer IP header) and its decode */
	const uint8_t	*ip;
	size_t		 ip_len;
	struct pkt	 inner;
	bool		 has_l4;
	uint8_t		 icmp_type, icmp_code;	/* proto 1 / 58 */
	uint16_t	 sport, dport;		/* TCP / UDP */
};

struct espd_result {
	unsigned		n;	/* layers filled */
	struct espd_layer	l[ESPD_MAX_DEPTH];
};

struct espd;

/*
 * One ESP flow, (destination, SPI), as the key store entry it matched
 * reads it.  The key store is read-only while reading; what is learned
 * of a flow lives here: its cipher state, ESN or truncation found by the
 * ICV, the ESN high half and the window it comes from.  So a wildcard
 * entry matching several flows reads each on its own.  (Two sources to
 * one destination with the same SPI that match different entries are
 * two flows.)  Flows are made on a flow's first packet with a known SA,
 * at most ESPD_MAX_FLOWS of them (each holds cipher contexts per lane);
 * a packet past that is not decrypted (error "flow_limit", counted by
 * espd_flows_refused).  They live until espd_free.  Outside espd.c
 * read-only; packets are counted by the caller (the tracker's flows).
 */
#define ESPD_MAX_FLOWS	16384

struct espd_flow {
	int			 af;
	uint8_t			 dst[16];
	uint32_t		 spi;
	const struct ks_esp_sa	*sa;		/* the entry, as given */
	/* the reading: the entry's, or what authenticated instead */
	bool			 esn;
	enum ks_auth		 auth;
	size_t			 icv_len;
	bool			 esn_inferred;	/* esn, though the key source
						   did not say */
	bool			 trunc_inferred; /* HMAC-SHA-256 truncated
						   otherwise than given */

	/* private to espd.c */
	struct cry_sa		*cs;		/* prepared for the reading */
	struct cry_sa		*cs_prev[2];	/* replaced by an inference,
						   kept for queued jobs */
	bool			 cs_failed;	/* preparing failed: no retry */
	char			 cs_err[128];
	uint64_t		 seq_top;	/* highest authenticated seq */
	bool			 seq_seen;
	uint64_t		 seq_top_q;	/* the same, counting queued
						   packets (batches) */
	bool			 seq_seen_q;
	unsigned		 esn_probes;	/* packets tried with other
						   readings before one
						   authenticated */
	struct espd_flow	*hnext, *all_next, *inf_next;
};

/*
 * A frame's first ESP layer between espd_prepare and espd_complete (the
 * caller's storage; the fields are private to espd.c).
 */
struct espd_req {
	bool			 queued;	/* job to run */
	struct espd_flow	*f;
	struct cry_job		 job;
};

/*
 * threads: how many may decrypt at once (0 or 1: the caller's only);
 * helpers: how many of them are other threads of the caller's (lanes
 * 1 .. helpers, through espd_help), the rest being worker threads.
 */
struct espd	*espd_new(struct ks *, enum cry_backend_id, unsigned, unsigned,
		    char *, size_t);
void		 espd_free(struct espd *);
const char	*espd_backend_name(const struct espd *);
unsigned	 espd_threads(const struct espd *);
/*
 * Decrypt the ESP packet of an outer packet (p->kind == PKT_ESP, h
 * decoded from p->payload).  Results borrow buffers owned by the espd and
 * stay valid until the next call.
 */
void		 espd_packet(struct espd *, const struct pkt *,
		    const struct esp_hdr *, struct espd_result *);
/*
 * The same in batches.  espd_prepare does the in-order part of a frame's
 * first layer l (SA and flow lookup, through memo when not NULL: the
 * caller's memo for the frame's (source, destination, SPI), see
 * ks_find_esp_memo, whose user slot keeps the flow; the ESN guess) and
 * sets up q->job in
 * buf (ESPD_HDR_ROOM + the ESP length at least; it and the frame bytes
 * stay alive until espd_complete); it returns true when &q->job must run
 * (espd_submit + espd_wait, or cry_run).  espd_complete, called in frame
 * order, finishes l as espd_packet would its first layer (l borrows buf)
 * and returns true when l's inner packet is ESP again: then, with l as
 * r->l[0] and r->n = 1, espd_nested decrypts the layers below it
 * (synchronously, in frame order; they borrow the espd's buffers until
 * the next such call).  Keeping one layer per waiting frame keeps a
 * batch's records small.
 */
bool		 espd_prepare(struct espd *, const struct pkt *,
		    const struct esp_hdr *, struct espd_req *,
		    struct espd_layer *, uint8_t *, size_t, struct ks_memo *);
bool		 espd_complete(struct espd *, const struct pkt *,
		    const struct esp_hdr *, struct espd_req *,
		    struct espd_layer *);
void		 espd_nested(struct espd *, struct espd_result *);
void		 espd_submit(struct espd *, struct cry_job **, size_t);
void		 espd_wait(struct espd *);
/* From helper lane lane's thread: work on the submitted batch, if any. */
bool		 espd_help(struct espd *, unsigned);
#define ESPD_HDR_ROOM	40	/* room before a job's output (re-wrap) */

/*
 * The flows whose reading was inferred (esn_inferred, trunc_inferred), in
 * the order they were found: first with NULL.
 */
const struct espd_flow *espd_inferred_next(const struct espd *,
		    const struct espd_flow *);
/* The flow (af, dst, spi) of entry sa, or NULL (none yet). */
const struct espd_flow *espd_flow_find(const struct espd *,
		    const struct ks_esp_sa *, int, const uint8_t *, uint32_t);
/* Packets not decrypted because ESPD_MAX_FLOWS flows were held. */
uint64_t	 espd_flows_refused(const struct espd *);
/*
 * For keys --export (kx.h's kx_esp_fn, arg an espd): how sa's
 * flows were read, where it differs from sa as given.  When every flow
 * of sa reads it alike (always so for an exact entry: one flow), sa is
 * put as they read it and true returned (sa itself is not written);
 * when a wildcard entry's flows differ, an exact entry (the flow's
 * destination and SPI) is put for each flow read otherwise than given,
 * to be written before sa, which is written as given (false).  A
 * lookup prefers exact entries, so the export reads each flow back as
 * it was read.
 */
bool		 espd_kx_esp(void *, const struct ks_esp_sa *,
		    void (*)(void *, const struct ks_esp_sa *), void *);

/* The innermost decrypted IP packet of a result, or NULL. */
const struct espd_layer *espd_innermost(const struct espd_result *);
const char	*espd_mode_name(enum espd_mode);

#endif
