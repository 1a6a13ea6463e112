/*
 * vendorid.h - the table of known IKE Vendor IDs.
 *
 * vid_lookup() names the bytes of a Vendor ID payload body: the
 * implementation or capability it announces, where that fact comes from,
 * the capabilities it implies (VID_F_*) and, where the VID embeds one, a
 * version.  Exact entries match a VID of the same length and bytes; prefix
 * entries match a VID that starts with their bytes, and the longest match
 * wins.  Pure: no allocation, no mutable state, no printing.
 */
#ifndef IKESCOPE_VENDORID_H
#define IKESCOPE_VENDORID_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* capabilities a VID announces */
#define VID_F_NATT		0x0001	/* NAT traversal, RFC 3947 or a draft */
#define VID_F_NATT_DRAFT	0x0002	/* a pre-RFC NAT-T draft */
#define VID_F_DPD		0x0004	/* Dead Peer Detection (RFC 3706) */
#define VID_F_XAUTH		0x0008	/* extended authentication */
#define VID_F_FRAG		0x0010	/* IKEv1 fragmentation (Cisco/MS) */
#define VID_F_UNITY		0x0020	/* Cisco Unity client extensions */
#define VID_F_HEARTBEAT		0x0040	/* heartbeat / keepalive notify */
#define VID_F_GSSAPI		0x0080	/* GSS-API (Kerberos) authentication */
#define VID_F_INITIAL_CONTACT	0x0100	/* MS Vid-Initial-Contact */

#define VID_VERSION_MAX	48

struct vid_info {
	const char	*name;		/* "strongSwan", "RFC 3947 NAT-T" */
	const char	*vendor;	/* "strongSwan", "IETF", "Cisco" */
	const char	*source;	/* short provenance of the entry */
	bool		 prefix;	/* the VID carries bytes past the entry */
	char		 version[VID_VERSION_MAX]; /* "5.9.8", "" if none */
	uint16_t	 flags;		/* VID_F_* */
};

bool	vid_lookup(const uint8_t *, size_t, struct vid_info *);
size_t	vid_table_size(void);
/* entry i of the table: its bytes, their length, and whether it is a
 * prefix entry; false when i is out of range (for tests and docs) */
bool	vid_table_entry(size_t, const uint8_t **, size_t *, bool *);

#endif
