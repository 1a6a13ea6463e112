/*
 * p1rec.h - the phase-1 record of an IKE SA: what its Main or Aggressive
 * Mode negotiation carried, kept with or without keys.
 *
 * It holds the payload bodies (without their 4-byte generic header) that
 * key derivation and the HASH_I/HASH_R checks of RFC 2409 5 read: g^xi,
 * g^xr, Ni, Nr, the initiator's SA, IDii and IDir (ID type, protocol,
 * port, data, as psk-crack takes them), HASH_I and HASH_R; the cookies;
 * every offered proposal and transform with its attributes; and the
 * responder's choice.  Each body says whether it travelled in clear
 * (Main Mode's MM5/MM6 IDs and hashes are recorded once decrypted).
 * IKEv1 decryption (ike/ike_crypto.h) reads its inputs from here: there
 * is one copy.
 *
 * Bounded: each body has a cap (P1REC_*_MAX); a longer one is counted in
 * oversized and not kept (what needs it becomes impossible, never
 * wrong).  At most P1REC_MAX_XFORMS offered transforms and
 * P1REC_MAX_ATTRS attributes per transform are kept; the rest are
 * counted.  bytes is what the record holds on the heap: at most about
 * 28 KB (10.6 KB of bodies, 64 transforms of 264 bytes), about 1 KB for
 * a typical exchange (samples/b_am: 949 bytes); the tracker adds it to
 * its byte count and its SA cap bounds the number of records.
 *
 * A message observed again with the same bytes (a retransmission) gives
 * the same record; the caller skips retransmissions anyway.  A body seen
 * again with other bytes replaces the first (the last exchange counts).
 */
#ifndef IKESCOPE_P1REC_H
#define IKESCOPE_P1REC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "dissectors/isakmp.h"
#include "dissectors/isakmp_pl.h"

#define P1REC_KE_MAX	1024	/* MODP-8192 */
#define P1REC_NONCE_MAX	256	/* RFC 2409: 8 to 256 bytes */
#define P1REC_SA_MAX	4096
#define P1REC_ID_MAX	2048	/* a long DER DN */
#define P1REC_HASH_MAX	64	/* SHA2-512 */
#define P1REC_MAX_XFORMS 64	/* offered transforms kept, all proposals */
#define P1REC_MAX_ATTRS	16	/* attributes kept per transform */

/* A payload body as it travelled (no generic header). */
struct p1rec_blob {
	uint8_t	*p;
	size_t	 n;		/* 0: not seen (or over its cap) */
	bool	 clear;		/* travelled in clear, else decrypted */
};

struct p1rec_attr {
	uint16_t	type;		/* AF bit removed */
	bool		basic;
	uint16_t	len;		/* value bytes */
	bool		num_ok;		/* value fits 8 bytes */
	uint64_t	num;
};

/* One transform of a phase-1 SA payload, with where it came from. */
struct p1rec_xform {
	uint8_t		prop_num;	/* proposal number */
	uint8_t		proto;		/* proposal's protocol (1 ISAKMP) */
	uint8_t		num, id;	/* transform number and ID */
	uint8_t		nattrs;		/* kept */
	uint16_t	attrs_seen;	/* in the transform */
	struct p1rec_attr attrs[P1REC_MAX_ATTRS];
};

/* Oakley values of a transform (RFC 2409 appendix A; 0: absent). */
struct p1rec_alg {
	uint16_t	enc, key_len, hash, auth, group;
	uint32_t	life_secs, life_kb;
};

struct p1rec {
	uint8_t		 icookie[8], rcookie[8];
	bool		 has_rcookie;
	uint8_t		 exch;		/* exchange type that carried it */
	struct p1rec_blob gxi, gxr, ni, nr, sai, idi, idr, hash_i, hash_r;

	/* the initiator's offer: every proposal and transform */
	uint16_t	 offered_proposals, offered_transforms;
	struct p1rec_xform *offered;	/* nkept of offered_transforms */
	uint16_t	 nkept;

	/* the responder's choice (its SA's first transform) */
	bool		 has_chosen;
	struct p1rec_xform chosen;
	struct p1rec_alg chosen_alg;	/* its values; the PRF is hash */

	uint32_t	 oversized;	/* bodies over their cap, not kept */
	uint32_t	 xforms_dropped, attrs_dropped;
	size_t		 bytes;		/* heap bytes held */
};

void	p1rec_observe(struct p1rec *, bool, const struct isakmp_msg *, bool);
void	p1rec_free(struct p1rec *);
void	p1rec_alg(const struct p1rec_xform *, struct p1rec_alg *);
void	p1rec_alg_wire(const struct isakmp_xform *, struct p1rec_alg *);
const struct p1rec_attr *p1rec_attr_find(const struct p1rec_xform *,
	    uint16_t);

#endif
