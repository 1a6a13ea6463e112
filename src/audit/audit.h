/*
 * audit.h - the audit: findings (audit/finding.h) about what the tracker
 * learned of each IKE SA, rated by a policy (audit/policy.h).
 *
 * Fed three ways: audit_message for every ISAKMP message as decoded (and
 * decrypted, when keys allowed) — vendor IDs and XAUTH attributes, which
 * the tracker does not keep; audit_ikev2 for IKEv2 traffic; audit_sa when
 * an IKE SA is done (evicted, or at the end of input), which applies the
 * rules to its state, its phase-1 record and its exchanges.  audit_finish
 * adds what spans SAs (vendor fingerprints per host).  Findings are kept
 * (bounded: AUDIT_MAX_FINDINGS, the rest counted) and written at the end,
 * as JSON lines or as text grouped by peer pair.  The audit reads tracker
 * state and never changes it.
 */
#ifndef IKESCOPE_AUDIT_H
#define IKESCOPE_AUDIT_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "audit/finding.h"
#include "audit/policy.h"
#include "dissectors/isakmp.h"
#include "track/track.h"

#define AUDIT_MAX_FINDINGS	200000
#define AUDIT_MAX_PENDING	16384	/* IKE SAs with message facts */
#define AUDIT_MAX_HOSTS		4096	/* hosts with vendor IDs kept */

struct audit;

struct audit_opts {
	bool		show_secrets;	/* XAUTH passwords in clear */
	/*
	 * A selection (--sa ...), or NULL: the IKE SAs audited (their
	 * messages and their rules); with it, IKEv2 frames are left out.
	 */
	bool		(*keep)(const struct trk_ike_sa *, void *);
	void		*keep_arg;
};

struct audit	*audit_new(const struct policy *, const struct audit_opts *);
void		 audit_free(struct audit *);

/* An ISAKMP message of sa (its payloads: decrypted ones when decrypted). */
void	audit_message(struct audit *, const struct trk_ike_sa *,
	    const struct trk_msg *, const struct isakmp_msg *);
/* An IKEv2 message between two addresses. */
void	audit_ikev2(struct audit *, int, const uint8_t *, const uint8_t *,
	    uint32_t);
/* An IKE SA is done: its findings. */
void	audit_sa(struct audit *, const struct trk *, const struct trk_ike_sa *);
void	audit_finish(struct audit *);

/*
 * The phase-1 values in force: the responder's choice (*chosen), else the
 * first offer; false when no SA payload was seen.  Whether an Oakley
 * authentication method uses a pre-shared key (also XAUTH over one).
 */
bool	audit_p1_alg(const struct trk_ike_sa *, struct p1rec_alg *, bool *);
bool	audit_psk_auth(uint16_t);

/* Output: one JSON object per line, or text grouped by peer pair. */
void	audit_write_json(const struct audit *, FILE *);
void	audit_write_text(const struct audit *, FILE *);

/*
 * Each exposed Aggressive Mode exchange (one per IKE SA, however often
 * resent) as psk-crack's 9-field line, g_xr:g_xi:cky_r:cky_i:sai_b:idir_b:
 * ni_b:nr_b:hash_r in hex (payload bodies without generic headers); for
 * hashcat the same lines for its modes 5300 (MD5) and 5400 (SHA-1).  A
 * line a tool cannot take is said on warn (the IKE SA and why): psk-crack
 * has no SHA-2 PRF; hashcat also limits g_xr..idir_b to 512 bytes and the
 * nonces to 64.  Returns the lines written.
 */
/*
 * The audit as a sink of the engine's events (engine/event.h): each IKE
 * message, IKEv2 frames, SAs evicted by the state cap, and at the end
 * every SA still held, then audit_finish.
 */
struct ctx;
int	audit_sink_add(struct ctx *, struct audit *, char *, size_t);

size_t	audit_export_psk_crack(const struct audit *, FILE *, FILE *warn);
size_t	audit_export_hashcat(const struct audit *, FILE *, FILE *warn);
size_t	audit_exposed(const struct audit *);

/* Finding i (in the order made): its id, severity, text and JSON line. */
size_t			 audit_nfindings(const struct audit *);
void			 audit_finding(const struct audit *, size_t,
			    enum fi_id *, enum fi_severity *, const char **,
			    const char **);

size_t			 audit_count(const struct audit *, enum fi_severity);
/* the highest severity found (FI_OFF: none) */
enum fi_severity	 audit_max(const struct audit *);
/* how many findings of an id (tests) */
size_t			 audit_count_id(const struct audit *, enum fi_id);
uint64_t		 audit_dropped(const struct audit *);

#endif
