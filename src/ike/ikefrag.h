/*
 * ikefrag.h - IKEv1 fragmentation (the Cisco/racoon/strongSwan scheme
 * announced by the "IKE Fragmentation" vendor ID): a large ISAKMP message
 * (typically MM5/MM6 with certificates) is cut into pieces, each sent in
 * its own ISAKMP message whose only payload is a FRAG payload (type 132:
 * fragment ID, fragment number from 1, last-fragment flag, then a slice
 * of the original message, header included).  Joining the slices in
 * number order gives the original message, which then goes through the
 * pipeline like any other.
 *
 * Bounded: at most IKEFRAG_MAX_PENDING messages under reassembly, each
 * with at most IKEFRAG_MAX_FRAGS fragments and IKEFRAG_MAX_MSG bytes,
 * for at most max_age seconds of capture time; the oldest is dropped when
 * full.  Fragments are keyed by cookies, sender address and fragment ID.
 */
#ifndef IKESCOPE_IKEFRAG_H
#define IKESCOPE_IKEFRAG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define IKEFRAG_MAX_PENDING	64
#define IKEFRAG_MAX_FRAGS	32
#define IKEFRAG_MAX_MSG		65535

enum ikefrag_event {
	IKEFRAG_EV_DUPLICATE = 1,	/* same number again: ignored */
	IKEFRAG_EV_CONFLICT = 2,	/* same number, other bytes: dropped */
	IKEFRAG_EV_LIMIT = 4,		/* number 0 or > 32, or > 64 KiB */
	IKEFRAG_EV_EVICTED = 8,		/* an older message was dropped */
	IKEFRAG_EV_TIMEOUT = 16		/* an incomplete message expired */
};

struct ikefrag_key {
	uint8_t		icookie[8], rcookie[8];
	int		af;
	uint8_t		src[16];
	uint16_t	id;
};

struct ikefrag_result {
	unsigned	 events;
	bool		 complete;
	const uint8_t	*msg;		/* valid until the next call */
	size_t		 len;
	unsigned	 nfrags;
	uint32_t	 first_frame;
};

struct ikefrag;

struct ikefrag	*ikefrag_new(double);
void		 ikefrag_free(struct ikefrag *);
int		 ikefrag_add(struct ikefrag *, const struct ikefrag_key *,
		    uint8_t, bool, const uint8_t *, size_t, double, uint32_t,
		    struct ikefrag_result *);

#endif
