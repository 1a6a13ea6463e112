/*
 * reasm.h - IPv4 and IPv6 fragment reassembly with bounded memory.
 *
 * The packet layer parses the IP header (and the IPv6 fragment header)
 * itself and hands each fragment's facts to reasm_add.  All state lives in
 * one struct reasm; nothing is global.  Time is the capture time the caller
 * passes in (never the wall clock), so reading a pcap is deterministic; a
 * timestamp earlier than one already seen is treated as "no time passed".
 *
 * Memory is bounded by the limits:
 *   - max_bytes:    payload buffer bytes held across all datagrams
 *                   (each datagram's buffer is exactly its highest
 *                   fragment end, and that is what is charged);
 *   - max_entries:  table entries (datagrams under reassembly plus the
 *                   markers described below);
 *   - max_frags:    fragments held per datagram (bookkeeping is 12 bytes
 *                   a fragment, so at most max_entries * max_frags * 12
 *                   bytes besides max_bytes);
 *   - max_datagram: largest reassembled payload accepted.
 * A zero field in struct reasm_limits means "the default".  When a cap is
 * hit the oldest entries go first (markers before datagrams with data).
 *
 * Policy (RFC 815 hole tracking, RFC 5722, RFC 6946):
 *   - An exact duplicate (same offset, length, MF flag and bytes) is
 *     ignored and reported as REASM_EV_DUPLICATE.
 *   - Any other overlap, an oversize fragment (offset + len > max_datagram),
 *     an inconsistent fragment (zero length, offset not a multiple of 8,
 *     non-last length not a multiple of 8, conflicting end of datagram)
 *     or one fragment too many drops the whole datagram.  Its key is then
 *     remembered ("dropped marker") for max_age: later fragments of that
 *     datagram are discarded (REASM_EV_DISCARDED), so a datagram that saw
 *     an overlap never completes, whatever arrives afterwards.
 *   - After a datagram completes, its key and fragment list (offset,
 *     length, checksum) are remembered ("completed marker") for max_age:
 *     a late copy of one of its fragments is reported as a duplicate
 *     instead of starting a new datagram that could only time out.  A
 *     fragment that does not match replaces the marker (ID reuse).
 *   - A fragment with offset 0 and MF clear (an IPv6 "atomic fragment",
 *     RFC 6946) is returned at once as a complete datagram and never
 *     touches the table.
 *   - A datagram expires when more than max_age seconds passed since its
 *     first fragment (REASM_EV_TIMEOUT); markers expire silently.
 */
#ifndef IKESCOPE_REASM_H
#define IKESCOPE_REASM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define REASM_DEF_MAX_BYTES	((size_t)8 * 1024 * 1024)
#define REASM_DEF_MAX_ENTRIES	((size_t)1024)
#define REASM_DEF_MAX_AGE	30.0
#define REASM_DEF_MAX_DATAGRAM	((size_t)65535)
#define REASM_DEF_MAX_FRAGS	((size_t)128)

struct reasm;

struct reasm_limits {
	size_t	max_bytes;	/* buffered payload bytes, in all */
	size_t	max_entries;	/* datagrams (and markers) at once */
	double	max_age;	/* seconds since the first fragment */
	size_t	max_datagram;	/* largest reassembled payload */
	size_t	max_frags;	/* fragments per datagram */
};

struct reasm_key {
	int		af;		/* 4 or 6 */
	uint8_t		src[16];	/* IPv4 uses the first 4 bytes */
	uint8_t		dst[16];
	uint32_t	id;		/* IPv4 16-bit ID, IPv6 32-bit ID */
	uint8_t		proto;		/* protocol/next header */
};

enum reasm_event {
	REASM_EV_NONE = 0,
	REASM_EV_OVERLAP = 1,		/* overlap: datagram dropped */
	REASM_EV_OVERSIZE = 2,		/* offset + len > max_datagram */
	REASM_EV_TIMEOUT = 4,		/* aged out during this call */
	REASM_EV_EVICTED = 8,		/* evicted for the caps */
	REASM_EV_DUPLICATE = 16,	/* exact duplicate, ignored */
	REASM_EV_INCONSISTENT = 32,	/* bad length / conflicting end */
	REASM_EV_TOO_MANY = 64,		/* over max_frags fragments */
	REASM_EV_DISCARDED = 128	/* datagram was dropped earlier */
};

struct reasm_result {
	unsigned	 events;	/* REASM_EV_* bits */
	bool		 complete;	/* a datagram completed */
	const uint8_t	*data;		/* valid till next reasm_* */
	size_t		 len;
	uint32_t	 first_frame;	/* its first fragment's frame */
	unsigned	 nfrags;	/* fragments held (0 if none) */
};

/* One fragment: where its payload goes in the datagram, and when seen. */
struct reasm_frag {
	size_t		 offset;	/* of payload in the datagram */
	bool		 more;		/* more fragments follow */
	const uint8_t	*payload;
	size_t		 len;
	double		 now;		/* capture time */
	uint32_t	 frame;
};

struct reasm_stats {
	uint64_t	completed, timeouts, overlaps, oversize, evicted,
			duplicates, inconsistent, frags;
	size_t		bytes_now, entries_now, peak_bytes;
	uint64_t	toomany;	/* datagrams dropped for max_frags */
	uint64_t	discarded;	/* fragments of dropped datagrams */
	size_t		markers_now;	/* markers held */
	size_t		peak_entries;
};

void		 reasm_limits_default(struct reasm_limits *);
struct reasm	*reasm_new(const struct reasm_limits *);
void		 reasm_free(struct reasm *);
int		 reasm_add(struct reasm *, const struct reasm_key *,
		    const struct reasm_frag *, struct reasm_result *,
		    char *errbuf, size_t errlen);
void		 reasm_expire(struct reasm *, double now,
		    unsigned *nexpired);
void		 reasm_stats(const struct reasm *, struct reasm_stats *);
size_t		 reasm_pending(const struct reasm *);

#endif
