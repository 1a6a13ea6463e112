/*
 * crack_cap.h - ikescope crack CAPTURE: the targets a capture offers the
 * cracker (crack/crack.h), what it finds, and what the PSKs found then
 * decrypt.
 *
 * The targets are collected by a sink of the engine (engine/event.h) from
 * each IKE SA's phase-1 record (track/p1rec.h) when the SA is done
 * (evicted, or at the end of input): so one per exchange however often it
 * was resent, through NAT-T, IKE and IP fragments.  An Aggressive Mode
 * exchange with a pre-shared key gives up to two (RFC 2409 5):
 *
 *   HASH_R = prf(SKEYID, g^xr | g^xi | CKY-R | CKY-I | SAi_b | IDir_b)
 *   HASH_I = prf(SKEYID, g^xi | g^xr | CKY-I | CKY-R | SAi_b | IDii_b)
 *
 * with SKEYID = prf(PSK, Ni_b | Nr_b): HASH_R (AM2, in clear) tests the
 * responder's PSK, HASH_I (AM3, when it travels in clear) the
 * initiator's; when the peers' keys differ each is its own answer.  Each
 * target is a line of a struct cl_set, so the cracker needs no engine.
 * An IKE SA that gives no target is noted with the reason.
 *
 * cc_collect is the one place line targets are made: a new kind of
 * target is a new enum cc_kind and its builder there.  With g^xy among the
 * keys, Main Mode (and any sealed message) gives targets of another kind
 * (audit/mmtgt.h: the message each side sealed, which a candidate must
 * decrypt with its HASH right), added after the lines by cc_add_gxy.
 */
#ifndef IKESCOPE_CRACK_CAP_H
#define IKESCOPE_CRACK_CAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "crack/crack.h"
#include "crack/crack_gen.h"
#include "keys/keystore.h"
#include "track/track.h"

/*
 * Caps on what hostile captures can make the cracker hold: targets, and
 * the bytes of their messages (the cracker prepares about five times as
 * much: every 64-byte block's schedule; a typical target is 1 KB, the
 * largest the phase-1 record allows about 7 KB).
 */
#define CC_MAX_TARGETS	16384
#define CC_MAX_BYTES	(16u << 20)
#define CC_MAX_NOTES	4096	/* IKE SAs not attackable, named */

enum cc_kind {
	CC_AM_HASH_R,		/* the responder's PSK, from AM2 */
	CC_AM_HASH_I,		/* the initiator's PSK, from AM3 in clear */
	CC_GXY_R,		/* the responder's, from a message it sealed */
	CC_GXY_I		/* the initiator's, likewise */
};

/* One IKE SA as the output names it. */
struct cc_sa {
	uint64_t	 id;		/* the tracker's serial */
	uint8_t		 icookie[8], rcookie[8];
	int		 af;
	uint8_t		 iaddr[16], raddr[16];
	uint16_t	 iport, rport;
	uint8_t		 mode;		/* exchange type */
	uint16_t	 prf;		/* Oakley hash (the HMAC's) */
};

struct cc_target {
	enum cc_kind	 kind;
	struct cc_sa	 sa;
	uint32_t	 frame;		/* the message carrying the hash */
	const char	*what;		/* CC_GXY_*: that message, "MM5"... */
	/* what the cracker found */
	bool		 found;
	uint8_t		 psk[CG_MAXLEN];
	size_t		 psk_len;
	uint64_t	 pos;		/* candidate position */
	double		 secs;
};

/* An IKE SA that gives no target, or a hash of one that is missing. */
struct cc_note {
	struct cc_sa	 sa;
	char		 why[160];
};

struct cc_set {
	struct cl_set	 lines;		/* line i is target t[i] */
	size_t		 ngxy;		/* then t[lines.n + j]: CC_GXY_* */
	struct cc_target *t;
	size_t		 cap;
	struct cc_note	*notes;
	size_t		 nnotes;
	uint64_t	 sas;		/* IKE SAs (IKEv1) seen */
	uint64_t	 main_mode;	/* of them Main Mode */
	uint64_t	 dropped;	/* targets or notes over the caps */
	size_t		 bytes;		/* the targets' messages */
	/* a selection (--sa ...): the IKE SAs looked at; NULL: all */
	bool		(*keep)(const struct trk_ike_sa *, void *);
	void		*keep_arg;
	/* output of cc_found and the report */
	FILE		*out;
	bool		 json;
	/* the second pass: IKE SAs with a PSK found, by initiator cookie */
	struct cc_rep	*rep;
	size_t		 nrep;
	const struct ks	*ks;		/* the second pass's key store */
};

struct ctx;
struct cc_rep;

/*
 * The targets (and notes) of one IKE SA into set; the sink calls it for
 * each SA when done.
 */
void	cc_collect(struct cc_set *, const struct trk_ike_sa *);
/* Every target: the lines, then the CC_GXY_* ones. */
size_t	cc_ntargets(const struct cc_set *);
/* An IKE SA as the output names it (prf: the Oakley hash). */
void	cc_sa_fill(struct cc_sa *, const struct trk_ike_sa *, uint16_t prf);
/*
 * A CC_GXY_* target after the lines (after collecting: in the order of
 * the cracker's targets, an IKE SA's responder's before its
 * initiator's); -1 out of memory.
 */
int	cc_add_gxy(struct cc_set *, const struct cc_sa *, bool responder,
	    uint32_t frame, const char *what);
/* The collecting sink on c (set zeroed but for keep, out, json). */
int	cc_sink_add(struct ctx *, struct cc_set *, char *, size_t);
void	cc_set_free(struct cc_set *);

/* The notes, one line each ("ikescope: IKE SA ...: why") on fp. */
void	cc_write_notes(const struct cc_set *, FILE *);

/*
 * crack_opts.found for a run over set->lines: records the PSK in its
 * targets and prints it on set->out (text or JSON: ikescope(1) and
 * doc/json.md).
 */
void	cc_found(void *set, const size_t *idx, size_t n, const uint8_t *psk,
	    size_t len, uint64_t pos, double secs);

/* Targets cracked, and IKE SAs with a PSK found. */
size_t	cc_cracked(const struct cc_set *);

/*
 * Each IKE SA with a PSK found into ks (its cookies and that PSK: the
 * responder's when both sides' were found and differ); -1 with err.
 */
int	cc_add_keys(const struct cc_set *, struct ks *, char *, size_t);

/*
 * The second pass: a sink on c (whose key store holds the PSKs found and
 * the -k lines) that tells, per IKE SA with a PSK found, what decrypted
 * and verified: written at the end of input on set->out.
 */
int	cc_report_sink_add(struct ctx *, struct cc_set *, char *, size_t);

#endif
