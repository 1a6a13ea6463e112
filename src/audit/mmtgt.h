/*
 * mmtgt.h - Main Mode crack targets from captures: for every IKE SA
 * authenticated with a pre-shared key whose key-store entry gives g^xy,
 * one target (crack/crack_mm.h) per side that sealed something the keys
 * given do not already open: that side's first sealed phase-1 message
 * (MM5, MM6, AM3), else its first sealed message with a message ID
 * whose HASH it proves alone (an Informational, a Transaction, QM1; not
 * QM2 or QM3, whose HASH takes QM1's nonce).
 *
 * A sink on the engine's ENG_EV_IKE_MSG (event.h) collects them as the
 * capture is read: the message's bytes, the IVs it may have been sealed
 * with (the engine's chain, and for a message ID the one its sender
 * starts from if it never accepted the last phase-1 message, as a
 * responder that could not decrypt MM5), and a copy of the SA's phase-1
 * record.  A candidate that passes a target's filter is checked here with
 * ike/ike_crypto.h: the whole message decrypts under the PSK and g^xy and
 * its HASH verifies.
 */
#ifndef IKESCOPE_MMTGT_H
#define IKESCOPE_MMTGT_H

#include <stdbool.h>
#include <stddef.h>

#include "crack/crack_mm.h"
#include "engine/engine.h"

#define MMT_MAX_SAS	4096
#define MMT_MAX_MSG	65536		/* a sealed message's bytes */
#define MMT_MAX_BYTES	(16u << 20)	/* messages and records kept */

struct mmt;

/*
 * A collector fed by a sink on c (after eng_init, keys loaded); NULL
 * with err set.  It reads c only while the capture is read: its targets
 * and their checks outlive c.  keep (NULL: all): the IKE SAs looked at
 * (a selection).
 */
struct mmt	*mmt_new(struct ctx *c,
		    bool (*keep)(const struct trk_ike_sa *, void *),
		    void *keep_arg, char *err, size_t errlen);
/*
 * After the run: the targets (owned by the collector, valid until
 * mmt_free; crack_run_tg prepares and frees their prepared parts).
 * *nsas: IKE SAs with g^xy and a pre-shared key seen; *opened: sides
 * whose messages the keys given already open (no target).
 */
struct cm_target *mmt_targets(struct mmt *, size_t *n, size_t *nsas,
		    size_t *opened);
/* Sealed messages not kept: over the caps (SAs, bytes) or too long. */
uint64_t	 mmt_dropped(const struct mmt *);
void		 mmt_free(struct mmt *);
/*
 * crack CAPTURE: the targets (after mmt_targets) into set after its lines
 * (cc_add_gxy), in the same order; -1 out of memory.
 */
struct cc_set;
int		 mmt_cc_add(struct mmt *, struct cc_set *);

#endif
