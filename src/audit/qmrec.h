/*
 * qmrec.h - the Quick Mode record the audit keeps: per IKE SA and message
 * ID, what the initiator offered (every proposal and transform of QM1's SA
 * payload with its IPsec DOI attributes, RFC 2407 4.5), what the responder
 * chose (QM2's SA payload: one transform per protocol of its proposal,
 * its lifetimes as a RESPONDER-LIFETIME notify there corrects them),
 * whether each side sent a KE payload (PFS, RFC 2409 5.5), and the frames
 * and SPIs.  Quick Mode is encrypted: the record fills only from messages
 * that were decrypted (or, off the standard, sent in clear).
 *
 * The tracker keeps one chosen transform per exchange and no offers; the
 * audit needs both to say "offered" and "chosen" apart, so it records
 * them itself from the decoded messages it is given (audit_message), and
 * drops an IKE SA's records once its rules have run (audit_sa).
 *
 * Bounded: QMREC_MAX_XFORMS offered transforms per Quick Mode (the rest
 * counted), QMREC_MAX_PER_SA Quick Modes per IKE SA, QMREC_MAX_SAS IKE
 * SAs and QMREC_MAX_QMS Quick Modes held at once (more are refused and
 * counted).  A Quick Mode costs 136 bytes plus 24 per offered transform
 * kept: at most 1.7 KB, about 160 bytes for a typical one-transform
 * offer; so at most about 27 MB in all, and only while their IKE SAs
 * are held (the audit drops an IKE SA's records when its rules ran).
 * The table is keyed by the IKE SA's serial through the keyed hash of
 * core/hash.h.
 */
#ifndef IKESCOPE_QMREC_H
#define IKESCOPE_QMREC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "dissectors/isakmp.h"
#include "dissectors/isakmp_pl.h"

#define QMREC_MAX_XFORMS	64	/* offered transforms per Quick Mode */
#define QMREC_MAX_CHOSEN	4	/* protocols of the chosen proposal */
#define QMREC_MAX_PER_SA	256	/* Quick Modes per IKE SA */
#define QMREC_MAX_SAS		16384	/* IKE SAs with records */
#define QMREC_MAX_QMS		16384	/* Quick Modes held at once */

/* One transform of a Quick Mode SA payload, its IPsec DOI values. */
struct qm_xform {
	uint8_t		prop_num;	/* proposal number */
	uint8_t		proto;		/* 2 AH, 3 ESP, 4 IPCOMP */
	uint8_t		num, id;	/* transform number and ID */
	uint32_t	spi;		/* the proposal's SPI (4 bytes), or 0 */
	struct isakmp_ipsec_vals v;	/* its attributes (0: absent) */
};

struct qm_rec {
	uint32_t	 msgid;
	uint32_t	 offer_frame, choice_frame;	/* 0: not seen */
	bool		 ke_offer, ke_choice;	/* KE payload in QM1 / QM2 */
	uint16_t	 proposals, transforms;	/* offered, as counted */
	uint16_t	 nkept;			/* offered transforms kept */
	uint16_t	 dropped;		/* offered, not kept */
	struct qm_xform	*offered;
	uint8_t		 nchosen;
	struct qm_xform	 chosen[QMREC_MAX_CHOSEN];
	bool		 resp_life;	/* RESPONDER-LIFETIME set its lives */
};

struct qmrec;

struct qmrec	*qmrec_new(void);
void		 qmrec_free(struct qmrec *);
/*
 * A Quick Mode message of IKE SA sa_id, plaintext or decrypted: offer
 * says it is the exchange initiator's (QM1), else the responder's (QM2).
 */
void		 qmrec_observe(struct qmrec *, uint64_t, const struct isakmp_msg *,
		    bool, uint32_t);
/* The record of (sa_id, msgid), or NULL. */
const struct qm_rec *qmrec_find(const struct qmrec *, uint64_t, uint32_t);
/* Forget IKE SA sa_id's records. */
void		 qmrec_drop(struct qmrec *, uint64_t);
/* Quick Modes refused by the caps, since the start. */
uint64_t	 qmrec_refused(const struct qmrec *);

/* A transform's values from the wire (IPsec DOI attributes). */
void		 qmrec_xform(const struct isakmp_prop *,
		    const struct isakmp_xform *, struct qm_xform *);

#endif
