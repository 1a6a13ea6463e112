/*
 * vendorid.c - the table of known IKE Vendor IDs and its lookup.
 *
 * The rows between the GENERATED TABLE markers are written by
 * gen-vendorid.py, which recomputes every hash from the string it is made
 * of and refuses duplicate byte strings; edit the script, not the rows.
 * doc/vendor-ids.md describes matching, versions, flags and the sources.
 */
#include <stdio.h>
#include <string.h>

#include "cursor.h"
#include "vendorid.h"

enum vid_kind {
	VK_EXACT,	/* same length, same bytes */
	VK_PREFIX	/* the VID starts with the bytes */
};

/* fills buf from the bytes that follow the matched entry */
typedef void	(*vid_extract_fn)(struct cursor, char *, size_t);

struct vid_entry {
	const char	*bytes;		/* len bytes, \x-escaped literal */
	uint8_t		 len;
	uint8_t		 kind;		/* enum vid_kind */
	uint8_t		 total;		/* prefix: required VID length, or 0 */
	uint16_t	 flags;		/* VID_F_* */
	const char	*name;
	const char	*vendor;
	const char	*version;	/* fixed version, or "" */
	const char	*source;
	vid_extract_fn	 extract;	/* version from the trailing bytes */
};

static void	ext_major_minor(struct cursor, char *, size_t);
static void	ext_hex_tail(struct cursor, char *, size_t);
static void	ext_ascii_tail(struct cursor, char *, size_t);
static void	ext_ms_nt5(struct cursor, char *, size_t);
static void	ext_ms_keymods(struct cursor, char *, size_t);
static void	ext_ms_authip_ke(struct cursor, char *, size_t);
static void	ext_cisco3k(struct cursor, char *, size_t);
static void	ext_checkpoint(struct cursor, char *, size_t);
static void	ext_fortigate(struct cursor, char *, size_t);
static void	ext_safenet(struct cursor, char *, size_t);
static void	ext_be32_tail(struct cursor, char *, size_t);
static void	ext_nibbles(struct cursor, char *, size_t);

/*
 * Row layout: bytes, length, kind, total length (prefix rows), flags,
 * name, vendor, fixed version, source, version extractor.
 */
static const struct vid_entry vid_table[] = {
/* BEGIN GENERATED TABLE (dissectors/gen-vendorid.py) */
	{ "\x4a\x13\x1c\x81\x07\x03\x58\x45\x5c\x57\x28\xf2\x0e\x95\x45\x2f",
	  16, VK_EXACT, 0, VID_F_NATT,
	  "RFC 3947 NAT-T", "IETF", "",
	  "RFC 3947 s.3: MD5(\"RFC 3947\")",
	  NULL },
	{ "\x44\x85\x15\x2d\x18\xb6\xbb\xcd\x0b\xe8\xa8\x46\x95\x79\xdd\xcc",
	  16, VK_EXACT, 0, VID_F_NATT | VID_F_NATT_DRAFT,
	  "NAT-T draft-ietf-ipsec-nat-t-ike-00", "IETF", "00",
	  "MD5(\"draft-ietf-ipsec-nat-t-ike-00\"); ike-scan ike-vendor-ids, "
	  "libreswan vendorid.c",
	  NULL },
	{ "\x16\xf6\xca\x16\xe4\xa4\x06\x6d\x83\x82\x1a\x0f\x0a\xea\xa8\x62",
	  16, VK_EXACT, 0, VID_F_NATT | VID_F_NATT_DRAFT,
	  "NAT-T draft-ietf-ipsec-nat-t-ike-01", "IETF", "01",
	  "MD5(\"draft-ietf-ipsec-nat-t-ike-01\"); ike-scan ike-vendor-ids, "
	  "libreswan vendorid.c",
	  NULL },
	{ "\xcd\x60\x46\x43\x35\xdf\x21\xf8\x7c\xfd\xb2\xfc\x68\xb6\xa4\x48",
	  16, VK_EXACT, 0, VID_F_NATT | VID_F_NATT_DRAFT,
	  "NAT-T draft-ietf-ipsec-nat-t-ike-02", "IETF", "02",
	  "MD5(\"draft-ietf-ipsec-nat-t-ike-02\"); ike-scan ike-vendor-ids, "
	  "libreswan vendorid.c",
	  NULL },
	{ "\x7d\x94\x19\xa6\x53\x10\xca\x6f\x2c\x17\x9d\x92\x15\x52\x9d\x56",
	  16, VK_EXACT, 0, VID_F_NATT | VID_F_NATT_DRAFT,
	  "NAT-T draft-ietf-ipsec-nat-t-ike-03", "IETF", "03",
	  "MD5(\"draft-ietf-ipsec-nat-t-ike-03\"); ike-scan ike-vendor-ids, "
	  "libreswan vendorid.c",
	  NULL },
	{ "\x99\x09\xb6\x4e\xed\x93\x7c\x65\x73\xde\x52\xac\xe9\x52\xfa\x6b",
	  16, VK_EXACT, 0, VID_F_NATT | VID_F_NATT_DRAFT,
	  "NAT-T draft-ietf-ipsec-nat-t-ike-04", "IETF", "04",
	  "MD5(\"draft-ietf-ipsec-nat-t-ike-04\"); ike-scan ike-vendor-ids, "
	  "libreswan vendorid.c",
	  NULL },
	{ "\x80\xd0\xbb\x3d\xef\x54\x56\x5e\xe8\x46\x45\xd4\xc8\x5c\xe3\xee",
	  16, VK_EXACT, 0, VID_F_NATT | VID_F_NATT_DRAFT,
	  "NAT-T draft-ietf-ipsec-nat-t-ike-05", "IETF", "05",
	  "MD5(\"draft-ietf-ipsec-nat-t-ike-05\"); ike-scan ike-vendor-ids, "
	  "libreswan vendorid.c",
	  NULL },
	{ "\x4d\x1e\x0e\x13\x6d\xea\xfa\x34\xc4\xf3\xea\x9f\x02\xec\x72\x85",
	  16, VK_EXACT, 0, VID_F_NATT | VID_F_NATT_DRAFT,
	  "NAT-T draft-ietf-ipsec-nat-t-ike-06", "IETF", "06",
	  "MD5(\"draft-ietf-ipsec-nat-t-ike-06\"); ike-scan ike-vendor-ids, "
	  "libreswan vendorid.c",
	  NULL },
	{ "\x43\x9b\x59\xf8\xba\x67\x6c\x4c\x77\x37\xae\x22\xea\xb8\xf5\x82",
	  16, VK_EXACT, 0, VID_F_NATT | VID_F_NATT_DRAFT,
	  "NAT-T draft-ietf-ipsec-nat-t-ike-07", "IETF", "07",
	  "MD5(\"draft-ietf-ipsec-nat-t-ike-07\"); ike-scan ike-vendor-ids, "
	  "libreswan vendorid.c",
	  NULL },
	{ "\x8f\x8d\x83\x82\x6d\x24\x6b\x6f\xc7\xa8\xa6\xa4\x28\xc1\x1d\xe8",
	  16, VK_EXACT, 0, VID_F_NATT | VID_F_NATT_DRAFT,
	  "NAT-T draft-ietf-ipsec-nat-t-ike-08", "IETF", "08",
	  "MD5(\"draft-ietf-ipsec-nat-t-ike-08\"); ike-scan ike-vendor-ids, "
	  "libreswan vendorid.c",
	  NULL },
	{ "\x42\xea\x5b\x6f\x89\x8d\x97\x73\xa5\x75\xdf\x26\xe7\xdd\x19\xe1",
	  16, VK_EXACT, 0, VID_F_NATT | VID_F_NATT_DRAFT,
	  "NAT-T draft-ietf-ipsec-nat-t-ike-09", "IETF", "09",
	  "MD5(\"draft-ietf-ipsec-nat-t-ike-09\"); ike-scan ike-vendor-ids, "
	  "libreswan vendorid.c",
	  NULL },
	{ "\x90\xcb\x80\x91\x3e\xbb\x69\x6e\x08\x63\x81\xb5\xec\x42\x7b\x1f",
	  16, VK_EXACT, 0, VID_F_NATT | VID_F_NATT_DRAFT,
	  "NAT-T draft-ietf-ipsec-nat-t-ike-02\\n", "IETF", "02",
	  "MD5(\"draft-ietf-ipsec-nat-t-ike-02\\n\"), as printed in draft -02;"
	  " ike-scan ike-vendor-ids",
	  NULL },
	{ "\x4d\xf3\x79\x28\xe9\xfc\x4f\xd1\xb3\x26\x21\x70\xd5\x15\xc6\x62",
	  16, VK_EXACT, 0, VID_F_NATT | VID_F_NATT_DRAFT,
	  "NAT-T draft-ietf-ipsec-nat-t-ike", "IETF", "",
	  "MD5(\"draft-ietf-ipsec-nat-t-ike\") (Mac OS X racoon); ike-scan "
	  "ike-vendor-ids",
	  NULL },
	{ "\x27\xba\xb5\xdc\x01\xea\x07\x60\xea\x4e\x31\x90\xac\x27\xc0\xd0",
	  16, VK_EXACT, 0, VID_F_NATT | VID_F_NATT_DRAFT,
	  "NAT-T draft-stenberg-ipsec-nat-traversal-01", "IETF", "01",
	  "MD5(\"draft-stenberg-ipsec-nat-traversal-01\"); ike-scan "
	  "ike-vendor-ids",
	  NULL },
	{ "\x61\x05\xc4\x22\xe7\x68\x47\xe4\x3f\x96\x84\x80\x12\x92\xae\xcd",
	  16, VK_EXACT, 0, VID_F_NATT | VID_F_NATT_DRAFT,
	  "NAT-T draft-stenberg-ipsec-nat-traversal-02", "IETF", "02",
	  "MD5(\"draft-stenberg-ipsec-nat-traversal-02\"); ike-scan "
	  "ike-vendor-ids",
	  NULL },
	{ "\x6a\x74\x34\xc1\x9d\x7e\x36\x34\x80\x90\xa0\x23\x34\xc9\xc8\x05",
	  16, VK_EXACT, 0, VID_F_NATT | VID_F_NATT_DRAFT,
	  "NAT-T draft-huttunen-ipsec-esp-in-udp-00", "IETF", "00",
	  "MD5(\"draft-huttunen-ipsec-esp-in-udp-00.txt\"); ike-scan "
	  "ike-vendor-ids",
	  NULL },
	{ "\x50\x76\x0f\x62\x4c\x63\xe5\xc5\x3e\xea\x38\x6c\x68\x5c\xa0\x83",
	  16, VK_EXACT, 0, VID_F_NATT | VID_F_NATT_DRAFT,
	  "NAT-T ESPThruNAT (draft-huttunen-...-01)", "IETF", "01",
	  "MD5(\"ESPThruNAT\"); ike-scan ike-vendor-ids",
	  NULL },
	{ "\xc4\x0f\xee\x00\xd5\xd3\x9d\xdb\x1f\xc7\x62\xe0\x9b\x7c\xfe\xa7",
	  16, VK_EXACT, 0, VID_F_NATT,
	  "NAT-T Testing NAT-T RFC", "IETF", "",
	  "MD5(\"Testing NAT-T RFC\"); ike-scan ike-vendor-ids",
	  NULL },
	{ "\x81\x0f\xa5\x65\xf8\xab\x14\x36\x91\x05\xd7\x06\xfb\xd5\x72\x79",
	  16, VK_EXACT, 0, VID_F_NATT,
	  "NAT-T RFC XXXX (Solaris 10)", "Oracle", "",
	  "MD5(\"RFC XXXX\"); ike-scan ike-vendor-ids, libreswan vendorid.c",
	  NULL },
	{ "\xaf\xca\xd7\x13\x68\xa1\xf1\xc9\x6b\x86\x96\xfc\x77\x57\x01\x00",
	  16, VK_EXACT, 0, VID_F_DPD,
	  "Dead Peer Detection", "IETF", "1.0",
	  "RFC 3706 s.4.1 (MD5(\"CISCO-DEAD-PEER-DETECTION\"), last 2 bytes ="
	  " version 1.0)",
	  NULL },
	{ "\xaf\xca\xd7\x13\x68\xa1\xf1\xc9\x6b\x86\x96\xfc\x77\x57",
	  14, VK_PREFIX, 16, VID_F_DPD,
	  "Dead Peer Detection", "IETF", "",
	  "RFC 3706 s.4.1 (14-byte MD5 prefix + major, minor); ike-scan "
	  "ike-vendor-ids",
	  ext_major_minor },
	{ "\x09\x00\x26\x89\xdf\xd6\xb7\x12",
	  8, VK_PREFIX, 0, VID_F_XAUTH,
	  "XAUTH", "IETF", "",
	  "draft-beaulieu-ike-xauth-02: "
	  "MD5(\"draft-ietf-ipsra-isakmp-xauth-06.txt\") first 8 bytes; "
	  "ike-scan ike-vendor-ids",
	  NULL },
	{ "\x40\x48\xb7\xd5\x6e\xbc\xe8\x85\x25\xe7\xde\x7f\x00\xd6\xc2\xd3",
	  16, VK_PREFIX, 0, VID_F_FRAG,
	  "IKE Fragmentation", "Cisco", "",
	  "MD5(\"FRAGMENTATION\"), Cisco/Microsoft IKEv1 fragmentation; "
	  "trailing capability bytes seen (80000000, c0000000); ike-scan "
	  "ike-vendor-ids, libreswan vendorid.c",
	  ext_hex_tail },
	{ "\x48\x65\x61\x72\x74\x42\x65\x61\x74\x5f\x4e\x6f\x74\x69\x66\x79",
	  16, VK_PREFIX, 0, VID_F_HEARTBEAT,
	  "Heartbeat Notify", "Juniper", "",
	  "ASCII \"HeartBeat_Notify\" + version bytes; ike-scan "
	  "ike-vendor-ids, libreswan vendorid.c",
	  ext_hex_tail },
	{ "\x48\x65\x61\x72\x74\x42\x65\x61\x74\x20\x4e\x6f\x74\x69\x66\x79",
	  16, VK_PREFIX, 0, VID_F_HEARTBEAT,
	  "Heartbeat Notify (space)", "Juniper", "",
	  "ASCII \"HeartBeat Notify\"; ike-scan ike-vendor-ids",
	  ext_hex_tail },
	{ "\x32\x5d\xf2\x9a\x23\x19\xf2\xdd",
	  8, VK_EXACT, 0, 0,
	  "draft-krywaniuk-ipsec-antireplay-00", "IETF", "",
	  "VID given in draft-krywaniuk-ipsec-antireplay-00; ike-scan "
	  "ike-vendor-ids",
	  NULL },
	{ "\x8d\xb7\xa4\x18\x11\x22\x16\x60",
	  8, VK_EXACT, 0, VID_F_HEARTBEAT,
	  "draft-ietf-ipsec-heartbeats-00", "IETF", "",
	  "draft-ietf-ipsec-heartbeats-00; ike-scan ike-vendor-ids",
	  NULL },
	{ "\xba\x29\x04\x99\xc2\x4e\x84\xe5\x3a\x1d\x83\xa0\x5e\x5f\x00\xc9",
	  16, VK_EXACT, 0, 0,
	  "IKE Challenge/Response", "IETF", "",
	  "MD5 of the draft title; ike-scan ike-vendor-ids",
	  NULL },
	{ "\x0d\x33\x61\x1a\x5d\x52\x1b\x5e\x3c\x9c\x03\xd2\xfc\x10\x7e\x12",
	  16, VK_EXACT, 0, 0,
	  "IKE Challenge/Response (\\n)", "IETF", "",
	  "MD5 of the draft title + \\n; ike-scan ike-vendor-ids",
	  NULL },
	{ "\xad\x32\x51\x04\x2c\xdc\x46\x52\xc9\xe0\x73\x4c\xe5\xde\x4c\x7d",
	  16, VK_EXACT, 0, 0,
	  "IKE Challenge/Response Revised", "IETF", "",
	  "MD5 of the draft title; ike-scan ike-vendor-ids",
	  NULL },
	{ "\x13\xf1\x18\x23\xf9\x66\xfa\x91\x90\x0f\x02\x4b\xa6\x6a\x86\xba",
	  16, VK_EXACT, 0, 0,
	  "IKE Challenge/Response Revised (\\n)", "IETF", "",
	  "MD5 of the draft title + \\n; ike-scan ike-vendor-ids",
	  NULL },
	{ "\xad\x2c\x0d\xd0\xb9\xc3\x20\x83\xcc\xba\x25\xb8\x86\x1e\xc4\x55",
	  16, VK_EXACT, 0, VID_F_GSSAPI,
	  "GSS-API (draft title)", "IETF", "",
	  "MD5(\"A GSS-API Authentication Method for IKE\"); ike-scan "
	  "ike-vendor-ids, libreswan vendorid.c",
	  NULL },
	{ "\xb4\x6d\x89\x14\xf3\xaa\xa3\xf2\xfe\xde\xb7\xc7\xdb\x29\x43\xca",
	  16, VK_EXACT, 0, VID_F_GSSAPI,
	  "GSS-API (draft title \\n)", "IETF", "",
	  "MD5 of the draft-ietf-ipsec-isakmp-gss-auth-07 title + \\n; "
	  "ike-scan ike-vendor-ids",
	  NULL },
	{ "\x62\x1b\x04\xbb\x09\x88\x2a\xc1\xe1\x59\x35\xfe\xfa\x24\xae\xee",
	  16, VK_EXACT, 0, VID_F_GSSAPI,
	  "GSSAPI", "Microsoft", "",
	  "MD5(\"GSSAPI\"); ike-scan ike-vendor-ids, libreswan vendorid.c",
	  NULL },
	{ "\x4f\x70\x65\x6e\x50\x47\x50",
	  7, VK_PREFIX, 0, 0,
	  "OpenPGP", "IETF", "",
	  "ASCII \"OpenPGP\" + digits (e.g. \"10171\"); ike-scan "
	  "ike-vendor-ids, libreswan vendorid.c",
	  ext_ascii_tail },
	{ "\x4f\x70\x70\x6f\x72\x74\x75\x6e\x69\x73\x74\x69\x63\x20\x49\x50"
	  "\x73\x65\x63",
	  19, VK_EXACT, 0, 0,
	  "Opportunistic IPsec", "Libreswan", "",
	  "ASCII \"Opportunistic IPsec\"; libreswan vendorid.c",
	  NULL },
	{ "\x49\x4b\x45\x76\x32",
	  5, VK_EXACT, 0, 0,
	  "CAN-IKEv2 (obsolete)", "Openswan", "",
	  "ASCII \"IKEv2\", bid-down detection in Openswan/Libreswan; "
	  "libreswan vendorid.c",
	  NULL },
	{ "\x1e\x2b\x51\x69\x05\x99\x1c\x7d\x7c\x96\xfc\xbf\xb5\x87\xe4\x61",
	  16, VK_PREFIX, 0, 0,
	  "MS NT5 ISAKMPOAKLEY", "Microsoft", "",
	  "MD5(\"MS NT5 ISAKMPOAKLEY\") + 32-bit version; MS-AIPS; ike-scan "
	  "ike-vendor-ids, libreswan vendorid.c",
	  ext_ms_nt5 },
	{ "\x26\x24\x4d\x38\xed\xdb\x61\xb3\x17\x2a\x36\xe3\xd0\xcf\xb8\x19",
	  16, VK_EXACT, 0, VID_F_INITIAL_CONTACT,
	  "Microsoft Vid-Initial-Contact", "Microsoft", "",
	  "MD5(\"Vid-Initial-Contact\"); libreswan vendorid.c, Wireshark "
	  "packet-isakmp.c",
	  NULL },
	{ "\x72\x87\x2b\x95\xfc\xda\x2e\xb7\x08\xef\xe3\x22\x11\x9b\x49\x71",
	  16, VK_EXACT, 0, 0,
	  "MS NLBS_PRESENT", "Microsoft", "",
	  "NLB/MSCS fast failover; ike-scan ike-vendor-ids, libreswan "
	  "vendorid.c",
	  NULL },
	{ "\x21\x4c\xa4\xfa\xff\xa7\xf3\x2d\x67\x48\xe5\x30\x33\x95\xae\x83",
	  16, VK_EXACT, 0, 0,
	  "MS-MamieExists (AuthIP)", "Microsoft", "",
	  "AuthIP supported; ike-scan ike-vendor-ids, libreswan vendorid.c",
	  NULL },
	{ "\xfb\x1d\xe3\xcd\xf3\x41\xb7\xea\x16\xb7\xe5\xbe\x08\x55\xf1\x20",
	  16, VK_EXACT, 0, 0,
	  "MS-Negotiation Discovery Capable", "Microsoft", "",
	  "ike-scan ike-vendor-ids, libreswan vendorid.c",
	  NULL },
	{ "\xe3\xa5\x96\x6a\x76\x37\x9f\xe7\x07\x22\x82\x31\xe5\xce\x86\x52",
	  16, VK_EXACT, 0, 0,
	  "IKE CGA version 1", "Microsoft", "",
	  "ike-scan ike-vendor-ids, libreswan vendorid.c",
	  NULL },
	{ "\x01\x52\x8b\xbb\xc0\x06\x96\x12\x18\x49\xab\x9a\x1c\x5b\x2a\x51",
	  16, VK_PREFIX, 20, 0,
	  "Microsoft KEY_MODS", "Microsoft", "",
	  "16 bytes + 32-bit mode (0 IKE, 1 AuthIP, 2 IKEv2); libreswan "
	  "vendorid.c",
	  ext_ms_keymods },
	{ "\x7b\xb9\x38\x67\xd7\x6c\x8d\x80\xdf\x0f\x40\xfa\xe8\xfc\x3b\x19",
	  16, VK_PREFIX, 20, 0,
	  "Microsoft AuthIP INIT KE", "Microsoft", "",
	  "16 bytes + 32-bit DH group index; libreswan vendorid.c",
	  ext_ms_authip_ke },
	{ "\x8a\xa3\x94\xcf\x8a\x55\x77\xdc\x31\x10\xc1\x13\xb0\x27\xa4\xf2",
	  16, VK_EXACT, 0, 0,
	  "Microsoft Xbox One 2013", "Microsoft", "",
	  "libreswan vendorid.c",
	  NULL },
	{ "\x66\x08\x22\xb3\xa7\x3a\x24\x41\x49\x57\x8d\x62\xe0\xeb\x46\xa0",
	  16, VK_EXACT, 0, 0,
	  "Microsoft Xbox IKEv2 negotiation", "Microsoft", "",
	  "libreswan vendorid.c",
	  NULL },
	{ "\x68\x6a\x8c\xbd\xfe\x63\x4b\x40\x51\x46\xfb\x2b\xaf\x33\xe9\xe8",
	  16, VK_EXACT, 0, 0,
	  "MSFT IPsec Security Realm Id", "Microsoft", "",
	  "libreswan vendorid.c",
	  NULL },
	{ "\x12\xf5\xf2\x8c\x45\x71\x68\xa9\x70\x2d\x9f\xe2\x74\xcc",
	  14, VK_PREFIX, 16, VID_F_UNITY,
	  "Cisco Unity", "Cisco", "",
	  "MD5(\"CISCO-UNITY\") first 14 bytes + major, minor; ike-scan "
	  "ike-vendor-ids, libreswan vendorid.c, Wireshark packet-isakmp.c",
	  ext_major_minor },
	{ "\x1f\x07\xf7\x0e\xaa\x65\x14\xd3\xb0\xfa\x96\x54\x2a\x50",
	  14, VK_PREFIX, 16, 0,
	  "Cisco VPN 3000 Concentrator", "Cisco", "",
	  "MD5(\"ALTIGA GATEWAY\") first 14 bytes + version (0306 = 3.0.6); "
	  "ike-scan ike-vendor-ids, libreswan vendorid.c",
	  ext_cisco3k },
	{ "\xf6\xf7\xef\xc7\xf5\xae\xb8\xcb\x15\x8c\xb9\xd0\x94\xba\x69\xe7",
	  16, VK_EXACT, 0, 0,
	  "Cisco VPN 3000 Client", "Cisco", "",
	  "MD5(\"ALTIGA NETWORKS\"); ike-scan ike-vendor-ids",
	  NULL },
	{ "\x43\x49\x53\x43\x4f\x56\x50\x4e\x2d\x52\x45\x56\x2d\x30\x32",
	  15, VK_EXACT, 0, 0,
	  "Cisco CISCOVPN-REV-02", "Cisco", "",
	  "ASCII \"CISCOVPN-REV-02\"; libreswan vendorid.c",
	  NULL },
	{ "\x43\x49\x53\x43\x4f\x2d\x44\x45\x4c\x45\x54\x45\x2d\x52\x45\x41"
	  "\x53\x4f\x4e",
	  19, VK_EXACT, 0, 0,
	  "Cisco CISCO-DELETE-REASON", "Cisco", "",
	  "ASCII \"CISCO-DELETE-REASON\"; libreswan vendorid.c",
	  NULL },
	{ "\x43\x49\x53\x43\x4f\x2d\x44\x59\x4e\x41\x4d\x49\x43\x2d\x52\x4f"
	  "\x55\x54\x45",
	  19, VK_EXACT, 0, 0,
	  "Cisco CISCO-DYNAMIC-ROUTE", "Cisco", "",
	  "ASCII \"CISCO-DYNAMIC-ROUTE\"; libreswan vendorid.c",
	  NULL },
	{ "\x46\x4c\x45\x58\x56\x50\x4e\x2d\x53\x55\x50\x50\x4f\x52\x54\x45"
	  "\x44",
	  17, VK_EXACT, 0, 0,
	  "Cisco FLEXVPN-SUPPORTED", "Cisco", "",
	  "ASCII \"FLEXVPN-SUPPORTED\"; libreswan vendorid.c",
	  NULL },
	{ "\x80\x01\x00\x01\x80\x02\x00\x01\x80\x03\x00\x02",
	  12, VK_EXACT, 0, VID_F_UNITY,
	  "Cisco Unity FW type", "Cisco", "",
	  "libreswan vendorid.c",
	  NULL },
	{ "\x3e\x98\x40\x48",
	  4, VK_PREFIX, 0, 0,
	  "Cisco IOS", "Cisco", "",
	  "4-byte prefix, seen from a Cisco 1800; libreswan vendorid.c",
	  NULL },
	{ "\xbd\xb4\x10\x38\xa7\xec\x5e\x55\x34\xdd\x00\x4d\x0f\x91\xf9\x27",
	  16, VK_EXACT, 0, 0,
	  "Cisco IOS (unconfirmed)", "Cisco", "",
	  "ike-scan ike-vendor-ids (\"Maybe Cisco IOS\")",
	  NULL },
	{ "\xe2\x3a\xe9\xf5\x1a\x46\x87\x6f\xf9\x3d\x89\xba\x72\x5d\x64\x9d",
	  16, VK_EXACT, 0, 0,
	  "Cisco (unclassified)", "Cisco", "",
	  "ike-scan ike-vendor-ids (\"Unknown-cisco\")",
	  NULL },
	{ "\xc3\x23\x64\xb3\xb4\xf4\x47\xeb\x17\xc4\x88\xab\x2a\x48\x0a\x57",
	  16, VK_EXACT, 0, 0,
	  "Cisco (unclassified)", "Cisco", "",
	  "libreswan vendorid.c (comment)",
	  NULL },
	{ "\x6d\x76\x1d\xdc\x26\xac\xec\xa1\xb0\xed\x11\xfa\xbb\xb8\x60\xc4",
	  16, VK_EXACT, 0, 0,
	  "Cisco (unclassified)", "Cisco", "",
	  "libreswan vendorid.c (comment)",
	  NULL },
	{ "\x59\x46\xc2\x58\xf9\x9a\x1a\x57\xb0\x3e\xb9\xd1\x75\x9e\x0f\x24",
	  16, VK_EXACT, 0, 0,
	  "Cisco VPN 3000 (unclassified)", "Cisco", "",
	  "libreswan vendorid.c (comment)",
	  NULL },
	{ "\xeb\xbc\x5b\x00\x14\x1d\x0c\x89\x5e\x11\xbd\x39\x59\x02\xd6\x90",
	  16, VK_EXACT, 0, 0,
	  "Cisco VPN 3000 (unclassified)", "Cisco", "",
	  "libreswan vendorid.c (comment)",
	  NULL },
	{ "\xad\xe1\xe7\x0e\x99\x53\xc1\x32\x83\x73\xeb\xf0\x25\x7b\x85\xed",
	  16, VK_EXACT, 0, 0,
	  "Cisco PIX", "Cisco", "",
	  "libreswan vendorid.c (comment)",
	  NULL },
	{ "\x2d\x79\x22\xc6\xb3\x01\xd9\xb0\xe1\x34\x27\x39\xe9\xcf\xbb\xd5",
	  16, VK_EXACT, 0, 0,
	  "DWR: Delete with reason", "Cisco", "",
	  "Wireshark packet-isakmp.c",
	  NULL },
	{ "\xf4\xed\x19\xe0\xc1\x14\xeb\x51\x6f\xaa\xac\x0e\xe3\x7d\xaf\x28"
	  "\x07\xb4\x38\x1f",
	  20, VK_PREFIX, 0, 0,
	  "Check Point", "Check Point", "",
	  "20 bytes + product, version, timestamp, reserved, features (40 "
	  "bytes); ike-scan ike-vendor-ids, Wireshark packet-isakmp.c",
	  ext_checkpoint },
	{ "\x29\x9e\xe8\x28\x9f\x40\xa8\x97\x3b\xc7\x86\x87\xe2\xe7\x22\x6b"
	  "\x53\x2c\x3b\x76",
	  20, VK_PREFIX, 0, 0,
	  "Juniper NetScreen ScreenOS (01)", "Juniper", "",
	  "20 bytes + two 32-bit fields; ike-scan ike-vendor-ids, libreswan"
	  " vendorid.c, Wireshark packet-isakmp.c",
	  ext_hex_tail },
	{ "\x3a\x15\xe1\xf3\xcf\x2a\x63\x58\x2e\x3a\xc8\x2d\x1c\x64\xcb\xe3"
	  "\xb6\xd7\x79\xe7",
	  20, VK_PREFIX, 0, 0,
	  "Juniper NetScreen ScreenOS (02)", "Juniper", "",
	  "20 bytes + two 32-bit fields; ike-scan ike-vendor-ids, libreswan"
	  " vendorid.c, Wireshark packet-isakmp.c",
	  ext_hex_tail },
	{ "\x47\xd2\xb1\x26\xbf\xcd\x83\x48\x97\x60\xe2\xcf\x8c\x5d\x4d\x5a"
	  "\x03\x49\x7c\x15",
	  20, VK_PREFIX, 0, 0,
	  "Juniper NetScreen ScreenOS (03)", "Juniper", "",
	  "20 bytes + two 32-bit fields; ike-scan ike-vendor-ids, libreswan"
	  " vendorid.c, Wireshark packet-isakmp.c",
	  ext_hex_tail },
	{ "\x4a\x43\x40\xb5\x43\xe0\x2b\x84\xc8\x8a\x8b\x96\xa8\xaf\x9e\xbe"
	  "\x77\xd9\xac\xcc",
	  20, VK_PREFIX, 0, 0,
	  "Juniper NetScreen ScreenOS (04)", "Juniper", "",
	  "20 bytes + two 32-bit fields; ike-scan ike-vendor-ids, libreswan"
	  " vendorid.c, Wireshark packet-isakmp.c",
	  ext_hex_tail },
	{ "\x64\x40\x5f\x46\xf0\x3b\x76\x60\xa2\x3b\xe1\x16\xa1\x97\x50\x58"
	  "\xe6\x9e\x83\x87",
	  20, VK_PREFIX, 0, 0,
	  "Juniper NetScreen ScreenOS (05)", "Juniper", "",
	  "20 bytes + two 32-bit fields; ike-scan ike-vendor-ids, libreswan"
	  " vendorid.c, Wireshark packet-isakmp.c",
	  ext_hex_tail },
	{ "\x69\x93\x69\x22\x87\x41\xc6\xd4\xca\x09\x4c\x93\xe2\x42\xc9\xde"
	  "\x19\xe7\xb7\xc6",
	  20, VK_PREFIX, 0, 0,
	  "Juniper NetScreen ScreenOS (06)", "Juniper", "",
	  "20 bytes + two 32-bit fields; ike-scan ike-vendor-ids, libreswan"
	  " vendorid.c, Wireshark packet-isakmp.c",
	  ext_hex_tail },
	{ "\x8c\x0d\xc6\xcf\x62\xa0\xef\x1b\x5c\x6e\xab\xd1\xb6\x7b\xa6\x98"
	  "\x66\xad\xf1\x6a",
	  20, VK_PREFIX, 0, 0,
	  "Juniper NetScreen ScreenOS (07)", "Juniper", "",
	  "20 bytes + two 32-bit fields; ike-scan ike-vendor-ids, libreswan"
	  " vendorid.c, Wireshark packet-isakmp.c",
	  ext_hex_tail },
	{ "\x92\xd2\x7a\x9e\xcb\x31\xd9\x92\x46\x98\x6d\x34\x53\xd0\xc3\xd5"
	  "\x7a\x22\x2a\x61",
	  20, VK_PREFIX, 0, 0,
	  "Juniper NetScreen ScreenOS (08)", "Juniper", "",
	  "20 bytes + two 32-bit fields; ike-scan ike-vendor-ids, libreswan"
	  " vendorid.c, Wireshark packet-isakmp.c",
	  ext_hex_tail },
	{ "\x9b\x09\x6d\x9a\xc3\x27\x5a\x7d\x6f\xe8\xb9\x1c\x58\x31\x11\xb0"
	  "\x9e\xfe\xd1\xa0",
	  20, VK_PREFIX, 0, 0,
	  "Juniper NetScreen ScreenOS (09)", "Juniper", "",
	  "20 bytes + two 32-bit fields; ike-scan ike-vendor-ids, libreswan"
	  " vendorid.c, Wireshark packet-isakmp.c",
	  ext_hex_tail },
	{ "\xbf\x03\x74\x61\x08\xd7\x46\xc9\x04\xf1\xf3\x54\x7d\xe2\x4f\x78"
	  "\x47\x9f\xed\x12",
	  20, VK_PREFIX, 0, 0,
	  "Juniper NetScreen ScreenOS (10)", "Juniper", "",
	  "20 bytes + two 32-bit fields; ike-scan ike-vendor-ids, libreswan"
	  " vendorid.c, Wireshark packet-isakmp.c",
	  ext_hex_tail },
	{ "\xc2\xe8\x05\x00\xf4\xcc\x5f\xbf\x5d\xaa\xee\xd3\xbb\x59\xab\xae"
	  "\xee\x56\xc6\x52",
	  20, VK_PREFIX, 0, 0,
	  "Juniper NetScreen ScreenOS (11)", "Juniper", "",
	  "20 bytes + two 32-bit fields; ike-scan ike-vendor-ids, libreswan"
	  " vendorid.c, Wireshark packet-isakmp.c",
	  ext_hex_tail },
	{ "\xc8\x66\x0a\x62\xb0\x3b\x1b\x61\x30\xbf\x78\x16\x08\xd3\x2a\x6a"
	  "\x8d\x0f\xb8\x9f",
	  20, VK_PREFIX, 0, 0,
	  "Juniper NetScreen ScreenOS (12)", "Juniper", "",
	  "20 bytes + two 32-bit fields; ike-scan ike-vendor-ids, libreswan"
	  " vendorid.c, Wireshark packet-isakmp.c",
	  ext_hex_tail },
	{ "\xf8\x85\xda\x40\xb1\xe7\xa9\xab\xd1\x76\x55\xec\x5b\xbe\xc0\xf2"
	  "\x1f\x0e\xd5\x2e",
	  20, VK_PREFIX, 0, 0,
	  "Juniper NetScreen ScreenOS (13)", "Juniper", "",
	  "20 bytes + two 32-bit fields; ike-scan ike-vendor-ids, libreswan"
	  " vendorid.c, Wireshark packet-isakmp.c",
	  ext_hex_tail },
	{ "\x2a\x2b\xca\xc1\x9b\x8e\x91\xb4\x26\x10\x78\x07\xe0\x2e\x72\x49"
	  "\x56\x9d\x6f\xd3",
	  20, VK_PREFIX, 0, 0,
	  "Juniper NetScreen ScreenOS (14)", "Juniper", "",
	  "20 bytes + two 32-bit fields; ike-scan ike-vendor-ids, libreswan"
	  " vendorid.c, Wireshark packet-isakmp.c",
	  ext_hex_tail },
	{ "\x16\x6f\x93\x2d\x55\xeb\x64\xd8\xe4\xdf\x4f\xd3\x7e\x23\x13\xf0"
	  "\xd0\xfd\x84\x51",
	  20, VK_PREFIX, 0, 0,
	  "Juniper NetScreen ScreenOS (15)", "Juniper", "",
	  "20 bytes + two 32-bit fields; ike-scan ike-vendor-ids, libreswan"
	  " vendorid.c, Wireshark packet-isakmp.c",
	  ext_hex_tail },
	{ "\xa3\x5b\xfd\x05\xca\x1a\xc0\xb3\xd2\xf2\x4e\x9e\x82\xbf\xcb\xff"
	  "\x9c\x9e\x52\xb5",
	  20, VK_PREFIX, 0, 0,
	  "Juniper NetScreen ScreenOS (16)", "Juniper", "",
	  "20 bytes + two 32-bit fields; ike-scan ike-vendor-ids, libreswan"
	  " vendorid.c, Wireshark packet-isakmp.c",
	  ext_hex_tail },
	{ "\x94\x36\xe8\xd6\x71\x74\xef\x9a\xed\x06\x8d\x5a\xd5\x21\x3f\x18"
	  "\x7a\x3f\x8b\xa6",
	  20, VK_PREFIX, 0, 0,
	  "Juniper NetScreen ScreenOS (17)", "Juniper", "",
	  "ike-scan ike-vendor-ids",
	  ext_hex_tail },
	{ "\xcf\x49\x90\x87\x91\x07\x3f\xb4\x64\x39\x79\x0f\xde\xb6\xae\xed"
	  "\x98\x11\x01\xab",
	  20, VK_PREFIX, 0, 0,
	  "Juniper NetScreen ScreenOS (18)", "Juniper", "",
	  "libreswan vendorid.c (comment)",
	  ext_hex_tail },
	{ "\xd6\xb4\x5f\x82\xf2\x4b\xac\xb2\x88\xaf\x59\xa9\x78\x83\x0a\xb7",
	  16, VK_EXACT, 0, 0,
	  "Juniper NetScreen", "Juniper", "",
	  "libreswan vendorid.c (comment)",
	  NULL },
	{ "\x1d\x6e\x17\x8f\x6c\x2c\x0b\xe2\x84\x98\x54\x65\x45\x0f\xe9\xd4",
	  16, VK_EXACT, 0, 0,
	  "Fortinet FortiGate", "Fortinet", "",
	  "ike-scan ike-vendor-ids",
	  NULL },
	{ "\x82\x99\x03\x17\x57\xa3\x60\x82\xc6\xa6\x21\xde",
	  12, VK_PREFIX, 0, 0,
	  "Fortinet FortiGate", "Fortinet", "",
	  "12 bytes + 16-bit release, 16-bit build; Wireshark "
	  "packet-isakmp.c",
	  ext_fortigate },
	{ "\xb4\xf0\x1c\xa9\x51\xe9\xda\x8d\x0b\xaf\xbb\xd3\x4a\xd3\x04\x4e",
	  16, VK_EXACT, 0, 0,
	  "Fortinet Endpoint Control", "Fortinet", "",
	  "MD5(\"Fortinet Endpoint Control\"); libreswan vendorid.c, "
	  "Wireshark packet-isakmp.c",
	  NULL },
	{ "\x4c\x53\x42\x7b\x6d\x46\x5d\x1b\x33\x7b\xb7\x55\xa3\x7a\x7f\xef",
	  16, VK_EXACT, 0, 0,
	  "FortiClient connect license", "Fortinet", "",
	  "MD5(\"forticlient connect license\"); libreswan vendorid.c, "
	  "Wireshark packet-isakmp.c",
	  NULL },
	{ "\x5b\x36\x2b\xc8\x20\xf6\x00\x01",
	  8, VK_PREFIX, 0, 0,
	  "SonicWall (1)", "SonicWall", "",
	  "ike-scan ike-vendor-ids",
	  NULL },
	{ "\x5b\x36\x2b\xc8\x20\xf6\x00\x02",
	  8, VK_PREFIX, 0, 0,
	  "SonicWall (2)", "SonicWall", "",
	  "ike-scan ike-vendor-ids",
	  NULL },
	{ "\x5b\x36\x2b\xc8\x20\xf6\x00\x03",
	  8, VK_PREFIX, 0, 0,
	  "SonicWall (3)", "SonicWall", "",
	  "ike-scan ike-vendor-ids",
	  NULL },
	{ "\x5b\x36\x2b\xc8\x20\xf6\x00\x05",
	  8, VK_PREFIX, 0, 0,
	  "SonicWall (5)", "SonicWall", "",
	  "ike-scan ike-vendor-ids",
	  NULL },
	{ "\x5b\x36\x2b\xc8\x20\xf6\x00\x06",
	  8, VK_PREFIX, 0, 0,
	  "SonicWall (6)", "SonicWall", "",
	  "ike-scan ike-vendor-ids",
	  NULL },
	{ "\x5b\x36\x2b\xc8\x20\xf6\x00\x07",
	  8, VK_PREFIX, 0, 0,
	  "SonicWall (7)", "SonicWall", "",
	  "ike-scan ike-vendor-ids",
	  NULL },
	{ "\x5b\x36\x2b\xc8\x20\xf6\x00\x08",
	  8, VK_PREFIX, 0, 0,
	  "SonicWall (8)", "SonicWall", "",
	  "ike-scan ike-vendor-ids",
	  NULL },
	{ "\x5b\x36\x2b\xc8\x20\xf7\x00\x01",
	  8, VK_PREFIX, 0, 0,
	  "SonicWall (c)", "SonicWall", "",
	  "ike-scan ike-vendor-ids",
	  NULL },
	{ "\x40\x4b\xf4\x39\x52\x2c\xa3\xf6",
	  8, VK_PREFIX, 0, 0,
	  "SonicWall (a)", "SonicWall", "",
	  "ike-scan ike-vendor-ids, libreswan vendorid.c (also 3Com "
	  "SuperStack)",
	  NULL },
	{ "\xda\x8e\x93\x78\x80\x01\x00\x00",
	  8, VK_PREFIX, 0, 0,
	  "SonicWall/SafeNet/WatchGuard (b)", "SonicWall", "",
	  "ike-scan ike-vendor-ids, libreswan vendorid.c",
	  NULL },
	{ "\xda\x8e\x93\x78",
	  4, VK_PREFIX, 0, 0,
	  "SafeNet or WatchGuard", "SafeNet", "",
	  "ike-scan ike-vendor-ids",
	  ext_hex_tail },
	{ "\x97\x5b\x78\x16\xf6\x97\x89\x60\x0d\xda\x89\x04\x05\x76\xe0\xdb",
	  16, VK_EXACT, 0, 0,
	  "SonicWall Global VPN Client", "SonicWall", "",
	  "ike-scan ike-vendor-ids (\"Unknown 10\", seen from the GVC)",
	  NULL },
	{ "\x47\xbb\xe7\xc9\x93\xf1\xfc\x13\xb4\xe6\xd0\xdb\x56\x5c\x68\xe5",
	  16, VK_PREFIX, 0, 0,
	  "SafeNet SoftRemote", "SafeNet", "",
	  "16 bytes + fields + length-prefixed version text; ike-scan "
	  "ike-vendor-ids, libreswan vendorid.c",
	  ext_safenet },
	{ "\x62\x50\x27\x74\x9d\x5a\xb9\x7f\x56\x16\xc1\x60\x27\x65\xcf\x48"
	  "\x0a\x3b\x7d\x0b",
	  20, VK_EXACT, 0, 0,
	  "Zyxel ZyWALL", "Zyxel", "",
	  "libreswan vendorid.c, Wireshark packet-isakmp.c",
	  NULL },
	{ "\x42\x4e\x45\x53",
	  4, VK_PREFIX, 8, 0,
	  "Nortel Contivity", "Nortel", "",
	  "ASCII \"BNES\" + 32-bit version; ike-scan ike-vendor-ids",
	  ext_be32_tail },
	{ "\xdb\xfb\x81\xeb\x57\x60\xb0\x78\x85\x62\x06\x7d\xa1\x02\xd7\x55",
	  16, VK_EXACT, 0, 0,
	  "Netgear", "Netgear", "",
	  "MD5(\"NETGEAR\"); ike-scan ike-vendor-ids",
	  NULL },
	{ "\x4d\x61\x63\x20\x4f\x53\x58\x20\x31\x30\x2e\x78",
	  12, VK_EXACT, 0, 0,
	  "Mac OS X 10.x", "Apple", "",
	  "ASCII \"Mac OSX 10.x\" (unconfirmed); ike-scan ike-vendor-ids",
	  NULL },
	{ "\x44\x85\x15\x2d\x18\xb6\xbb\xcc\x0b\xe8\xa8\x46\x95\x79\xdd\xcc",
	  16, VK_EXACT, 0, 0,
	  "Avaya VSU", "Avaya", "",
	  "ike-scan ike-vendor-ids",
	  NULL },
	{ "\xc5\x73\xb0\x56\xd7\xfa\xca\x36\xc2\xfb\xa2\x83\x74\x12\x7c\xbf",
	  16, VK_EXACT, 0, 0,
	  "Stonesoft StoneGate (1)", "Stonesoft", "",
	  "ike-scan ike-vendor-ids",
	  NULL },
	{ "\xba\xeb\x23\x90\x37\xe1\x77\x87\xd7\x30\xee\xd9\xd9\x5d\x48\xaa",
	  16, VK_EXACT, 0, 0,
	  "Stonesoft StoneGate (2)", "Stonesoft", "",
	  "ike-scan ike-vendor-ids",
	  NULL },
	{ "\x52\x61\x70\x74\x6f\x72\x20\x50\x6f\x77\x65\x72\x56\x70\x6e\x20"
	  "\x53\x65\x72\x76\x65\x72",
	  22, VK_PREFIX, 0, 0,
	  "Symantec Raptor", "Symantec", "",
	  "ASCII \"Raptor PowerVpn Server [Vx.y]\"; ike-scan ike-vendor-ids",
	  ext_ascii_tail },
	{ "\x54\x49\x4d\x45\x53\x54\x45\x50",
	  8, VK_PREFIX, 0, 0,
	  "Timestep", "Timestep", "",
	  "ASCII \"TIMESTEP\" + version text; ike-scan ike-vendor-ids, "
	  "libreswan vendorid.c",
	  ext_ascii_tail },
	{ "\x84\x04\xad\xf9\xcd\xa0\x57\x60\xb2\xca\x29\x2e\x4b\xff\x53\x7b",
	  16, VK_EXACT, 0, 0,
	  "Secure Computing Sidewinder", "Secure Computing", "",
	  "ike-scan ike-vendor-ids, libreswan vendorid.c, Wireshark "
	  "packet-isakmp.c",
	  NULL },
	{ "\xe7\x20\xcd\xd4\x9d\x2e\xe7\xb8\x3c\xe1\x97\x0a\x6c\x69\xb5\x28",
	  16, VK_EXACT, 0, 0,
	  "Secure Computing Sidewinder G2", "Secure Computing", "",
	  "ike-scan ike-vendor-ids (\"Maybe Sidewinder G2\")",
	  NULL },
	{ "\x10\x1f\xb0\xb3\x5c\x5a\x4f\x4c\x08\xb9\x19\xf1\xcb\x97\x77\xb0",
	  16, VK_EXACT, 0, 0,
	  "NCP client", "NCP", "",
	  "libreswan vendorid.c",
	  NULL },
	{ "\xeb\x4c\x1b\x78\x8a\xfd\x4a\x9c\xb7\x73\x0a\x68\xd5\x6d\x08\x8b",
	  16, VK_EXACT, 0, 0,
	  "NCP client (other)", "NCP", "",
	  "libreswan vendorid.c (comment)",
	  NULL },
	{ "\xc6\x1b\xac\xa1\xf1\xa6\x0c\xc1\x08\x00\x00\x00\x00\x00\x00\x00",
	  16, VK_EXACT, 0, 0,
	  "NCP client (other)", "NCP", "",
	  "libreswan vendorid.c (comment)",
	  NULL },
	{ "\xcb\xe7\x94\x44\xa0\x87\x0d\xe4\x22\x4a\x2c\x15\x1f\xbf\xe0\x99",
	  16, VK_EXACT, 0, 0,
	  "NCP client (other)", "NCP", "",
	  "libreswan vendorid.c (comment)",
	  NULL },
	{ "\xf1\x4b\x94\xb7\xbf\xf1\xfe\xf0\x27\x73\xb8\xc4\x9f\xed\xed\x26",
	  16, VK_EXACT, 0, 0,
	  "Shrew Soft VPN client", "Shrew Soft", "",
	  "libreswan vendorid.c, Wireshark packet-isakmp.c",
	  NULL },
	{ "\x3b\x90\x31\xdc\xe4\xfc\xf8\x8b\x48\x9a\x92\x39\x63\xdd\x0c\x49",
	  16, VK_EXACT, 0, VID_F_DPD,
	  "DPDv1_NG (Shrew Soft)", "Shrew Soft", "",
	  "libreswan vendorid.c (from Shrew Soft source)",
	  NULL },
	{ "\x4c\x56\x47\x39\x2e\x32\x2e\x32\x34\x35\x3a\x42\x52\x49\x43\x4b"
	  "\x3a\x39\x2e\x32\x2e\x32\x34\x35",
	  24, VK_EXACT, 0, 0,
	  "Lucent VPN Gateway 9", "Lucent", "9.2.245",
	  "libreswan vendorid.c",
	  NULL },
	{ "\x4c\x56\x43\x37\x2e\x31\x2e\x32\x3a\x58\x50",
	  11, VK_EXACT, 0, 0,
	  "Lucent VPN Client 7", "Lucent", "7.1.2",
	  "libreswan vendorid.c",
	  NULL },
	{ "\x08\xdb\x45\xe6\xcb\x01\xf8\x0b\xb5\x76\xe9\xa7\x8c\x0f\x54\xe1"
	  "\x30\x0b\x88\x81",
	  20, VK_PREFIX, 0, 0,
	  "ELVIS-PLUS Zastava", "ELVIS-PLUS", "",
	  "20 bytes + major|minor nibbles + reserved; libreswan vendorid.c",
	  ext_nibbles },
	{ "\x4f\x70\x65\x6e\x49\x4b\x45\x44",
	  8, VK_PREFIX, 0, 0,
	  "OpenIKED", "OpenBSD", "",
	  "ASCII \"OpenIKED-<version>\"; libreswan vendorid.c",
	  ext_ascii_tail },
	{ "\x9a\xa1\xf3\xb4\x34\x72\xa4\x5d\x5f\x50\x6a\xeb\x26\xc0\xf2\x14",
	  16, VK_EXACT, 0, 0,
	  "CyberGuard", "CyberGuard", "",
	  "Wireshark packet-isakmp.c",
	  NULL },
	{ "\xca\x3e\x2b\x85\x4b\xa8\x03\x00\x17\xdc\x10\x23\xa4\xfd\xe2\x04"
	  "\x1f\x9f\x74\x63",
	  20, VK_EXACT, 0, 0,
	  "Aruba Remote AP", "Aruba", "",
	  "Wireshark packet-isakmp.c",
	  NULL },
	{ "\x3c\x8e\x70\xbd\xf9\xc7\xd7\x4a\xdd\x53\xe4\x10\x09\x15\xdc\x2e"
	  "\x4b\xb5\x12\x74",
	  20, VK_EXACT, 0, 0,
	  "Aruba Controller", "Aruba", "",
	  "Wireshark packet-isakmp.c",
	  NULL },
	{ "\x88\xf0\xe3\x14\x9b\x3f\xa4\x8b\x05\xaa\x7f\x68\x5f\x0b\x76\x6b"
	  "\xe1\x86\xcc\xb8",
	  20, VK_EXACT, 0, 0,
	  "Aruba VIA Client", "Aruba", "",
	  "Wireshark packet-isakmp.c",
	  NULL },
	{ "\x56\x49\x41\x20\x41\x75\x74\x68\x20\x50\x72\x6f\x66\x69\x6c\x65"
	  "\x20\x3a\x20",
	  19, VK_PREFIX, 0, 0,
	  "Aruba VIA Auth Profile", "Aruba", "",
	  "ASCII \"VIA Auth Profile : \" + profile name; Wireshark "
	  "packet-isakmp.c",
	  ext_ascii_tail },
	{ "\xfb\xf4\x76\x14\x98\x40\x31\xfa\x8e\x3b\xb6\x19\x80\x89\xb2\x23",
	  16, VK_EXACT, 0, 0,
	  "SSH IPSEC Express", "SSH Communications", "1.1.0",
	  "MD5(\"Ssh Communications Security IPSEC Express version 1.1.0\"); "
	  "ike-scan ike-vendor-ids, libreswan vendorid.c",
	  NULL },
	{ "\x19\x52\xdc\x91\xac\x20\xf6\x46\xfb\x01\xcf\x42\xa3\x3a\xee\x30",
	  16, VK_EXACT, 0, 0,
	  "SSH IPSEC Express", "SSH Communications", "1.1.1",
	  "MD5(\"Ssh Communications Security IPSEC Express version 1.1.1\"); "
	  "ike-scan ike-vendor-ids, libreswan vendorid.c",
	  NULL },
	{ "\xe8\xbf\xfa\x64\x3e\x5c\x8f\x2c\xd1\x0f\xda\x73\x70\xb6\xeb\xe5",
	  16, VK_EXACT, 0, 0,
	  "SSH IPSEC Express", "SSH Communications", "1.1.2",
	  "MD5(\"Ssh Communications Security IPSEC Express version 1.1.2\"); "
	  "ike-scan ike-vendor-ids, libreswan vendorid.c",
	  NULL },
	{ "\xc1\x11\x1b\x2d\xee\x8c\xbc\x3d\x62\x05\x73\xec\x57\xaa\xb9\xcb",
	  16, VK_EXACT, 0, 0,
	  "SSH IPSEC Express", "SSH Communications", "1.2.1",
	  "MD5(\"Ssh Communications Security IPSEC Express version 1.2.1\"); "
	  "ike-scan ike-vendor-ids, libreswan vendorid.c",
	  NULL },
	{ "\x09\xec\x27\xbf\xbc\x09\xc7\x58\x23\xcf\xec\xbf\xfe\x56\x5a\x2e",
	  16, VK_EXACT, 0, 0,
	  "SSH IPSEC Express", "SSH Communications", "1.2.2",
	  "MD5(\"Ssh Communications Security IPSEC Express version 1.2.2\"); "
	  "ike-scan ike-vendor-ids, libreswan vendorid.c",
	  NULL },
	{ "\x7f\x21\xa5\x96\xe4\xe3\x18\xf0\xb2\xf4\x94\x4c\x23\x84\xcb\x84",
	  16, VK_EXACT, 0, 0,
	  "SSH IPSEC Express", "SSH Communications", "2.0.0",
	  "MD5(\"SSH Communications Security IPSEC Express version 2.0.0\"); "
	  "ike-scan ike-vendor-ids",
	  NULL },
	{ "\x28\x36\xd1\xfd\x28\x07\xbc\x9e\x5a\xe3\x07\x86\x32\x04\x51\xec",
	  16, VK_EXACT, 0, 0,
	  "SSH IPSEC Express", "SSH Communications", "2.1.0",
	  "MD5(\"SSH Communications Security IPSEC Express version 2.1.0\"); "
	  "ike-scan ike-vendor-ids",
	  NULL },
	{ "\xa6\x8d\xe7\x56\xa9\xc5\x22\x9b\xae\x66\x49\x80\x40\x95\x1a\xd5",
	  16, VK_EXACT, 0, 0,
	  "SSH IPSEC Express", "SSH Communications", "2.1.1",
	  "MD5(\"SSH Communications Security IPSEC Express version 2.1.1\"); "
	  "ike-scan ike-vendor-ids",
	  NULL },
	{ "\x3f\x23\x72\x86\x7e\x23\x7c\x1c\xd8\x25\x0a\x75\x55\x9c\xae\x20",
	  16, VK_EXACT, 0, 0,
	  "SSH IPSEC Express", "SSH Communications", "2.1.2",
	  "MD5(\"SSH Communications Security IPSEC Express version 2.1.2\"); "
	  "ike-scan ike-vendor-ids",
	  NULL },
	{ "\x0e\x58\xd5\x77\x4d\xf6\x02\x00\x7d\x0b\x02\x44\x36\x60\xf7\xeb",
	  16, VK_EXACT, 0, 0,
	  "SSH IPSEC Express", "SSH Communications", "3.0.0",
	  "MD5(\"SSH Communications Security IPSEC Express version 3.0.0\"); "
	  "ike-scan ike-vendor-ids",
	  NULL },
	{ "\xf5\xce\x31\xeb\xc2\x10\xf4\x43\x50\xcf\x71\x26\x5b\x57\x38\x0f",
	  16, VK_EXACT, 0, 0,
	  "SSH IPSEC Express", "SSH Communications", "3.0.1",
	  "MD5(\"SSH Communications Security IPSEC Express version 3.0.1\"); "
	  "ike-scan ike-vendor-ids",
	  NULL },
	{ "\xf6\x42\x60\xaf\x2e\x27\x42\xda\xdd\xd5\x69\x87\x06\x8a\x99\xa0",
	  16, VK_EXACT, 0, 0,
	  "SSH IPSEC Express", "SSH Communications", "4.0.0",
	  "MD5(\"SSH Communications Security IPSEC Express version 4.0.0\"); "
	  "ike-scan ike-vendor-ids",
	  NULL },
	{ "\x7a\x54\xd3\xbd\xb3\xb1\xe6\xd9\x23\x89\x20\x64\xbe\x2d\x98\x1c",
	  16, VK_EXACT, 0, 0,
	  "SSH IPSEC Express", "SSH Communications", "4.0.1",
	  "MD5(\"SSH Communications Security IPSEC Express version 4.0.1\"); "
	  "ike-scan ike-vendor-ids",
	  NULL },
	{ "\x9a\xa1\xf3\xb4\x34\x72\xa4\x5d\x5f\x50\x6a\xeb\x26\x0c\xf2\x14",
	  16, VK_EXACT, 0, 0,
	  "SSH IPSEC Express", "SSH Communications", "4.1.0",
	  "MD5(\"SSH Communications Security IPSEC Express version 4.1.0\"); "
	  "ike-scan ike-vendor-ids",
	  NULL },
	{ "\x89\xf7\xb7\x60\xd8\x6b\x01\x2a\xcf\x26\x33\x82\x39\x4d\x96\x2f",
	  16, VK_EXACT, 0, 0,
	  "SSH IPSEC Express", "SSH Communications", "4.1.1",
	  "MD5(\"SSH Communications Security IPSEC Express version 4.1.1\"); "
	  "ike-scan ike-vendor-ids",
	  NULL },
	{ "\x68\x80\xc7\xd0\x26\x09\x91\x14\xe4\x86\xc5\x54\x30\xe7\xab\xee",
	  16, VK_EXACT, 0, 0,
	  "SSH IPSEC Express", "SSH Communications", "4.2.0",
	  "MD5(\"SSH Communications Security IPSEC Express version 4.2.0\"); "
	  "ike-scan ike-vendor-ids",
	  NULL },
	{ "\xb0\x37\xa2\x1a\xce\xcc\xb5\x57\x0f\x60\x25\x46\xf9\x7b\xde\x8c",
	  16, VK_EXACT, 0, 0,
	  "SSH IPSEC Express", "SSH Communications", "5.0",
	  "MD5(\"SSH Communications Security IPSEC Express version 5.0\"); "
	  "ike-scan ike-vendor-ids",
	  NULL },
	{ "\x2b\x2d\xad\x97\xc4\xd1\x40\x93\x00\x53\x28\x7f\x99\x68\x50\xb0",
	  16, VK_EXACT, 0, 0,
	  "SSH IPSEC Express", "SSH Communications", "5.0.0",
	  "MD5(\"SSH Communications Security IPSEC Express version 5.0.0\"); "
	  "ike-scan ike-vendor-ids",
	  NULL },
	{ "\x45\xe1\x7f\x3a\xbe\x93\x94\x4c\xb2\x02\x91\x0c\x59\xef\x80\x6b",
	  16, VK_EXACT, 0, 0,
	  "SSH IPSEC Express", "SSH Communications", "5.1.0",
	  "MD5(\"SSH Communications Security IPSEC Express version 5.1.0\"); "
	  "ike-scan ike-vendor-ids",
	  NULL },
	{ "\x59\x25\x85\x9f\x73\x77\xed\x78\x16\xd2\xfb\x81\xc0\x1f\xa5\x51",
	  16, VK_EXACT, 0, 0,
	  "SSH IPSEC Express", "SSH Communications", "5.1.1",
	  "MD5(\"SSH Communications Security IPSEC Express version 5.1.1\"); "
	  "ike-scan ike-vendor-ids",
	  NULL },
	{ "\x05\x41\x82\xa0\x7c\x7a\xe2\x06\xf9\xd2\xcf\x9d\x24\x32\xc4\x82",
	  16, VK_EXACT, 0, 0,
	  "SSH Sentinel", "SSH Communications", "",
	  "MD5(\"SSH Sentinel\"); ike-scan ike-vendor-ids, libreswan "
	  "vendorid.c",
	  NULL },
	{ "\xb9\x16\x23\xe6\x93\xca\x18\xa5\x4c\x6a\x27\x78\x55\x23\x05\xe8",
	  16, VK_EXACT, 0, 0,
	  "SSH Sentinel", "SSH Communications", "1.1",
	  "MD5(\"SSH Sentinel 1.1\"); ike-scan ike-vendor-ids, libreswan "
	  "vendorid.c",
	  NULL },
	{ "\x54\x30\x88\x8d\xe0\x1a\x31\xa6\xfa\x8f\x60\x22\x4e\x44\x99\x58",
	  16, VK_EXACT, 0, 0,
	  "SSH Sentinel", "SSH Communications", "1.2",
	  "MD5(\"SSH Sentinel 1.2\"); ike-scan ike-vendor-ids, libreswan "
	  "vendorid.c",
	  NULL },
	{ "\x7e\xe5\xcb\x85\xf7\x1c\xe2\x59\xc9\x4a\x5c\x73\x1e\xe4\xe7\x52",
	  16, VK_EXACT, 0, 0,
	  "SSH Sentinel", "SSH Communications", "1.3",
	  "MD5(\"SSH Sentinel 1.3\"); ike-scan ike-vendor-ids, libreswan "
	  "vendorid.c",
	  NULL },
	{ "\x63\xd9\xa1\xa7\x00\x94\x91\xb5\xa0\xa6\xfd\xeb\x2a\x82\x84\xf0",
	  16, VK_EXACT, 0, 0,
	  "SSH Sentinel", "SSH Communications", "1.4",
	  "MD5(\"SSH Sentinel 1.4\"); ike-scan ike-vendor-ids, libreswan "
	  "vendorid.c",
	  NULL },
	{ "\xeb\x4b\x0d\x96\x27\x6b\x4e\x22\x0a\xd1\x62\x21\xa7\xb2\xa5\xe6",
	  16, VK_EXACT, 0, 0,
	  "SSH Sentinel", "SSH Communications", "1.4.1",
	  "MD5(\"SSH Sentinel 1.4.1\"); ike-scan ike-vendor-ids, libreswan "
	  "vendorid.c",
	  NULL },
	{ "\x37\xeb\xa0\xc4\x13\x61\x84\xe7\xda\xf8\x56\x2a\x77\x06\x0b\x4a",
	  16, VK_EXACT, 0, 0,
	  "SSH QuickSec", "SSH Communications", "0.9.0",
	  "MD5(\"SSH Communications Security QuickSec 0.9.0\"); ike-scan "
	  "ike-vendor-ids",
	  NULL },
	{ "\x5d\x72\x92\x5e\x55\x94\x8a\x96\x61\xa7\xfc\x48\xfd\xec\x7f\xf9",
	  16, VK_EXACT, 0, 0,
	  "SSH QuickSec", "SSH Communications", "1.1.0",
	  "MD5(\"SSH Communications Security QuickSec 1.1.0\"); ike-scan "
	  "ike-vendor-ids",
	  NULL },
	{ "\x77\x7f\xbf\x4c\x5a\xf6\xd1\xcd\xd4\xb8\x95\xa0\x5b\xf8\x25\x94",
	  16, VK_EXACT, 0, 0,
	  "SSH QuickSec", "SSH Communications", "1.1.1",
	  "MD5(\"SSH Communications Security QuickSec 1.1.1\"); ike-scan "
	  "ike-vendor-ids",
	  NULL },
	{ "\x2c\xdf\x08\xe7\x12\xed\xe8\xa5\x97\x87\x61\x26\x7c\xd1\x9b\x91",
	  16, VK_EXACT, 0, 0,
	  "SSH QuickSec", "SSH Communications", "1.1.2",
	  "MD5(\"SSH Communications Security QuickSec 1.1.2\"); ike-scan "
	  "ike-vendor-ids",
	  NULL },
	{ "\x59\xe4\x54\xa8\xc2\xcf\x02\xa3\x49\x59\x12\x1f\x18\x90\xbc\x87",
	  16, VK_EXACT, 0, 0,
	  "SSH QuickSec", "SSH Communications", "1.1.3",
	  "MD5(\"SSH Communications Security QuickSec 1.1.3\"); ike-scan "
	  "ike-vendor-ids",
	  NULL },
	{ "\x8f\x9c\xc9\x4e\x01\x24\x8e\xcd\xf1\x47\x59\x4c\x28\x4b\x21\x3b",
	  16, VK_EXACT, 0, 0,
	  "SSH QuickSec", "SSH Communications", "2.1.0",
	  "MD5(\"SSH Communications Security QuickSec 2.1.0\"); ike-scan "
	  "ike-vendor-ids",
	  NULL },
	{ "\x70\x03\xcb\xc1\x09\x7d\xbe\x9c\x26\x00\xba\x69\x83\xbc\x8b\x35",
	  16, VK_EXACT, 0, 0,
	  "KAME/racoon", "KAME", "",
	  "MD5(\"KAME/racoon\"); ike-scan ike-vendor-ids, libreswan "
	  "vendorid.c",
	  NULL },
	{ "\x20\xa3\x62\x2c\x1c\xea\x7c\xe3\x7b\xee\x3c\xa4\x84\x42\x52\x76",
	  16, VK_EXACT, 0, 0,
	  "IPsec-Tools racoon", "IPsec-Tools", "",
	  "Wireshark packet-isakmp.c",
	  NULL },
	{ "\x88\x2f\xe5\x6d\x6f\xd2\x0d\xbc\x22\x51\x61\x3b\x2e\xbe\x5b\xeb",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "",
	  "MD5(\"strongSwan\"), sent by 4.3.6+ and charon; ike-scan "
	  "ike-vendor-ids, libreswan vendorid.c",
	  NULL },
	{ "\x85\xb6\xcb\xec\x48\x0d\x5c\x8c\xd9\x88\x2c\x82\x5a\xc2\xc2\x44",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "2.2.0",
	  "MD5(\"strongSwan 2.2.0\") (pluto scheme)",
	  NULL },
	{ "\xd9\x11\x8b\x1e\x9d\xe5\xef\xce\xd9\xcc\x9d\x88\x3f\x21\x68\xff",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "2.2.1",
	  "MD5(\"strongSwan 2.2.1\") (pluto scheme)",
	  NULL },
	{ "\x99\xdc\x7c\xc8\x23\x37\x6b\x3b\x33\xd0\x43\x57\x89\x6a\xe0\x7b",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "2.2.2",
	  "MD5(\"strongSwan 2.2.2\") (pluto scheme)",
	  NULL },
	{ "\xb8\xf9\x2b\x2f\xa2\xd3\xfe\x5f\xe1\x58\x34\x4b\xda\x1c\xc6\xae",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "2.3.0",
	  "MD5(\"strongSwan 2.3.0\") (pluto scheme)",
	  NULL },
	{ "\xf6\x97\xc1\xaf\xcc\x2e\xc8\xdd\xcd\xf9\x9d\xc7\xaf\x03\xa6\x7f",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "2.3.1",
	  "MD5(\"strongSwan 2.3.1\") (pluto scheme)",
	  NULL },
	{ "\x42\xa4\x83\x4c\x92\xab\x9a\x77\x77\x06\x3a\xfa\x25\x4b\xcb\x69",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "2.3.2",
	  "MD5(\"strongSwan 2.3.2\") (pluto scheme)",
	  NULL },
	{ "\xe8\x29\xc8\x81\x49\xba\xb3\xc0\xce\xe8\x5d\xa6\x0e\x18\xae\x9b",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "2.4.0",
	  "MD5(\"strongSwan 2.4.0\") (pluto scheme)",
	  NULL },
	{ "\x75\xb0\x65\x3c\xb2\x81\xeb\x26\xd3\x1e\xde\x38\xc8\xe1\xe2\x28",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "2.4.1",
	  "MD5(\"strongSwan 2.4.1\") (pluto scheme)",
	  NULL },
	{ "\xe7\xa3\xfd\x0c\x6d\x77\x1a\x8f\x1b\x8a\x86\xa4\x16\x9c\x9e\xa4",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "2.4.2",
	  "MD5(\"strongSwan 2.4.2\") (pluto scheme)",
	  NULL },
	{ "\x98\x2b\x7a\x06\x3a\x33\xc1\x43\xa8\xea\xdc\x88\x24\x9f\x6b\xcc",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "2.4.3",
	  "MD5(\"strongSwan 2.4.3\") (pluto scheme)",
	  NULL },
	{ "\x48\x5a\x70\x36\x1b\x44\x33\xb3\x1d\xea\x1c\x6b\xe0\xdf\x24\x3e",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "2.4.4",
	  "MD5(\"strongSwan 2.4.4\") (pluto scheme)",
	  NULL },
	{ "\x9e\xb3\xd9\x07\xed\x7a\xda\x4e\x3c\xbc\xac\xb9\x17\xab\xc8\xe4",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "2.5.0",
	  "MD5(\"strongSwan 2.5.0\") (pluto scheme)",
	  NULL },
	{ "\x9a\x4a\x46\x48\xf6\x0f\x8e\xda\x7c\xfc\xbf\xe2\x71\xee\x5b\x7d",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "2.5.1",
	  "MD5(\"strongSwan 2.5.1\") (pluto scheme); ike-scan ike-vendor-ids",
	  NULL },
	{ "\x86\x1c\xe5\xeb\x72\x16\x4b\x19\x0e\x9e\x62\x9a\x31\xcf\x49\x01",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "2.5.2",
	  "MD5(\"strongSwan 2.5.2\") (pluto scheme); ike-scan ike-vendor-ids",
	  NULL },
	{ "\xdf\x5b\x1f\x0f\x1d\x56\x79\xd9\xf8\x51\x2b\x16\xc5\x5a\x60\x65",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "2.5.3",
	  "MD5(\"strongSwan 2.5.3\") (pluto scheme); ike-scan ike-vendor-ids",
	  NULL },
	{ "\x7a\x6b\xf5\xb7\xdf\x89\x64\x2a\x75\xa7\x8e\xf7\xd6\x57\xc1\xc0",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "2.5.4",
	  "MD5(\"strongSwan 2.5.4\") (pluto scheme); ike-scan ike-vendor-ids",
	  NULL },
	{ "\x3f\x26\x7e\xd6\x21\xad\xa7\xee\x6c\x7d\x88\x93\xcc\xb0\xb1\x4b",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "2.5.5",
	  "MD5(\"strongSwan 2.5.5\") (pluto scheme); ike-scan ike-vendor-ids",
	  NULL },
	{ "\x3c\x5e\xba\x3d\x85\x64\x92\x8e\x32\xae\x43\xc3\xd9\x92\x4d\xee",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "2.5.6",
	  "MD5(\"strongSwan 2.5.6\") (pluto scheme); ike-scan ike-vendor-ids",
	  NULL },
	{ "\x1f\x44\x42\x29\x6b\x83\xd7\xe3\x3a\x8b\x45\x20\x9b\xa0\xe5\x90",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "2.5.7",
	  "MD5(\"strongSwan 2.5.7\") (pluto scheme); ike-scan ike-vendor-ids",
	  NULL },
	{ "\x3f\x32\x66\x49\x9f\xfd\xbd\x85\x95\x0e\x70\x22\x98\x06\x28\x44",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "2.6.0",
	  "MD5(\"strongSwan 2.6.0\") (pluto scheme); ike-scan ike-vendor-ids",
	  NULL },
	{ "\x66\xaf\xbc\x12\xbb\xfe\x6c\xe1\x08\xb1\xf6\x9f\x4b\xc9\x17\xb7",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "2.6.1",
	  "MD5(\"strongSwan 2.6.1\") (pluto scheme); ike-scan ike-vendor-ids",
	  NULL },
	{ "\x5b\x1c\xd6\xfe\x7d\x05\x0e\xda\x6c\x93\x87\x1c\x10\x7d\xb3\xd2",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "2.6.2",
	  "MD5(\"strongSwan 2.6.2\") (pluto scheme); ike-scan ike-vendor-ids",
	  NULL },
	{ "\xb2\x86\x0e\x78\x37\xf7\x11\xbe\xf3\xd0\xee\xb1\x06\x87\x2d\xed",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "2.6.3",
	  "MD5(\"strongSwan 2.6.3\") (pluto scheme); ike-scan ike-vendor-ids",
	  NULL },
	{ "\xb9\x27\xf9\x52\x19\xa0\xfe\x36\x00\xdb\xa3\xc1\x18\x2a\xe5\x5f",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "2.6.4",
	  "MD5(\"strongSwan 2.6.4\") (pluto scheme); ike-scan ike-vendor-ids",
	  NULL },
	{ "\x07\xfa\x12\x8e\x47\x54\xf9\x44\x7b\x1d\xd4\x63\x74\xee\xf3\x60",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "2.7.0",
	  "MD5(\"strongSwan 2.7.0\") (pluto scheme); ike-scan ike-vendor-ids",
	  NULL },
	{ "\x81\x34\x87\x85\x82\x12\x17\x85\xba\x65\xea\x34\x5d\x6b\xa7\x24",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "2.7.1",
	  "MD5(\"strongSwan 2.7.1\") (pluto scheme); ike-scan ike-vendor-ids",
	  NULL },
	{ "\xa1\x94\xe2\xaa\xdd\xd0\xba\xfb\x95\x25\x3d\xd9\x6d\xc7\x33\xeb",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "2.7.2",
	  "MD5(\"strongSwan 2.7.2\") (pluto scheme); ike-scan ike-vendor-ids",
	  NULL },
	{ "\x7f\x50\xcc\x4e\xbf\x04\xc2\xd9\xda\x73\xab\xfd\x69\xb7\x7a\xa2",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "2.7.3",
	  "MD5(\"strongSwan 2.7.3\") (pluto scheme); ike-scan ike-vendor-ids",
	  NULL },
	{ "\x32\xf0\xe9\xb9\xc0\x6d\xfe\x8c\x9a\xd5\x59\x9a\x63\x69\x71\xa1",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "2.8.0",
	  "MD5(\"strongSwan 2.8.0\") (pluto scheme); ike-scan ike-vendor-ids",
	  NULL },
	{ "\xe3\x7f\x2d\x5b\xa8\x9a\x62\xcd\x20\x2e\xe2\x7d\xac\x06\xc8\xa8",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "2.8.1",
	  "MD5(\"strongSwan 2.8.1\") (pluto scheme); ike-scan ike-vendor-ids",
	  NULL },
	{ "\x29\x99\x32\x27\x7b\x7d\xfe\x38\x2c\xe2\x34\x65\x33\x3a\x7d\x23",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "2.8.2",
	  "MD5(\"strongSwan 2.8.2\") (pluto scheme); ike-scan ike-vendor-ids",
	  NULL },
	{ "\xfb\x46\x41\xad\x0e\xeb\x2a\x34\x49\x1d\x15\xf4\xef\xf5\x10\x63",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "2.8.3",
	  "MD5(\"strongSwan 2.8.3\") (pluto scheme); ike-scan ike-vendor-ids",
	  NULL },
	{ "\x76\xc7\x2b\xfd\x39\x84\x24\xdd\x00\x1b\x86\xd0\x01\x2f\xe0\x61",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "2.8.4",
	  "MD5(\"strongSwan 2.8.4\") (pluto scheme); ike-scan ike-vendor-ids",
	  NULL },
	{ "\x4c\x7e\xfa\x31\xb3\x9e\x51\x04\x32\xa3\x17\x57\x0d\x97\xbb\xb9",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "2.8.5",
	  "MD5(\"strongSwan 2.8.5\") (pluto scheme); ike-scan ike-vendor-ids",
	  NULL },
	{ "\xfe\x3f\x49\x70\x6e\x26\xa9\xfb\x36\xa8\x7b\xfc\xe9\xea\x36\xce",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "2.8.6",
	  "MD5(\"strongSwan 2.8.6\") (pluto scheme); ike-scan ike-vendor-ids",
	  NULL },
	{ "\x3a\x0d\x4e\x7c\xa4\xe4\x92\xed\x4d\xfe\x47\x6d\x1a\xc6\x01\x8b",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "2.8.7",
	  "MD5(\"strongSwan 2.8.7\") (pluto scheme); ike-scan ike-vendor-ids",
	  NULL },
	{ "\x8c\x4a\x3b\xcb\x72\x9b\x11\xf7\x03\xd2\x2a\x5b\x39\x64\x0c\xa8",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "2.8.8",
	  "MD5(\"strongSwan 2.8.8\") (pluto scheme); ike-scan ike-vendor-ids",
	  NULL },
	{ "\x0e\x9e\x82\x05\x24\x93\x2d\xa1\x99\xa4\x98\x95\x3a\xfa\x8a\x7e",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "2.8.9",
	  "MD5(\"strongSwan 2.8.9\") (pluto scheme); ike-scan ike-vendor-ids",
	  NULL },
	{ "\x35\x7a\x0a\xe9\xf6\x88\x78\xd9\xc3\x62\xe1\xe4\xdc\x71\x43\xa2",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "2.8.10",
	  "MD5(\"strongSwan 2.8.10\") (pluto scheme)",
	  NULL },
	{ "\xa7\x96\xda\xf7\x60\xa3\x07\x60\x05\x8b\xcc\x62\x6d\xdb\x94\xfb",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "2.8.11",
	  "MD5(\"strongSwan 2.8.11\") (pluto scheme)",
	  NULL },
	{ "\x2c\xe9\xc9\x46\xa4\xc8\x79\xbf\x11\xb5\x0b\x76\xcc\x56\x92\xcb",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "4.0.0",
	  "MD5(\"strongSwan 4.0.0\") (pluto scheme); ike-scan ike-vendor-ids",
	  NULL },
	{ "\x9d\xbb\xaf\xcf\x1d\xb0\xdd\x59\x5a\xe0\x65\x29\x40\x03\xad\x3e",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "4.0.1",
	  "MD5(\"strongSwan 4.0.1\") (pluto scheme); ike-scan ike-vendor-ids",
	  NULL },
	{ "\x77\xe8\xee\xa6\xf5\x56\xa4\x99\xde\x3f\xfe\x7f\x7f\x95\x66\x1c",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "4.0.2",
	  "MD5(\"strongSwan 4.0.2\") (pluto scheme); ike-scan ike-vendor-ids",
	  NULL },
	{ "\xb1\x81\xb1\x8e\x11\x4f\xc2\x09\xb3\xc6\xe2\x6c\x3a\x80\x71\x8e",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "4.0.3",
	  "MD5(\"strongSwan 4.0.3\") (pluto scheme); ike-scan ike-vendor-ids",
	  NULL },
	{ "\x1e\xf2\x83\xf8\x35\x49\xb5\xff\x96\x08\xb6\xd6\x34\xf8\x4d\x75",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "4.0.4",
	  "MD5(\"strongSwan 4.0.4\") (pluto scheme); ike-scan ike-vendor-ids",
	  NULL },
	{ "\xdd\x18\x0d\x21\xe5\xce\x65\x5a\x76\x8b\xa3\x22\x11\xdd\x8a\xd9",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "4.0.5",
	  "MD5(\"strongSwan 4.0.5\") (pluto scheme); ike-scan ike-vendor-ids",
	  NULL },
	{ "\x4c\x90\x13\x69\x46\x57\x7b\x51\x91\x9d\x8d\x9a\x6b\x8e\x4a\x9f",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "4.0.6",
	  "MD5(\"strongSwan 4.0.6\") (pluto scheme); ike-scan ike-vendor-ids",
	  NULL },
	{ "\xab\x07\x46\x22\x1c\xc8\xfd\x0d\x52\x38\xf7\x3a\x9b\x3d\xa5\x57",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "4.0.7",
	  "MD5(\"strongSwan 4.0.7\") (pluto scheme); ike-scan ike-vendor-ids",
	  NULL },
	{ "\x47\x94\xce\xf6\x84\x34\x22\x98\x0d\x1a\x3d\x06\xaf\x41\xc5\xcd",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "4.1.0",
	  "MD5(\"strongSwan 4.1.0\") (pluto scheme); ike-scan ike-vendor-ids",
	  NULL },
	{ "\xd3\xf1\xc4\x88\xc3\x68\x17\x5d\x5f\x40\xa8\xf5\xca\x5f\x5e\x12",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "4.1.1",
	  "MD5(\"strongSwan 4.1.1\") (pluto scheme); ike-scan ike-vendor-ids",
	  NULL },
	{ "\x15\xa1\xac\xe7\xee\x52\xfd\xdf\xef\x04\xf9\x28\xdb\x2d\xd1\x34",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "4.1.2",
	  "MD5(\"strongSwan 4.1.2\") (pluto scheme); ike-scan ike-vendor-ids",
	  NULL },
	{ "\x58\x49\xab\x6d\x8b\xea\xbd\x6e\x4d\x09\xe5\xa3\xb8\x8c\x08\x9a",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "4.1.3",
	  "MD5(\"strongSwan 4.1.3\") (pluto scheme); ike-scan ike-vendor-ids",
	  NULL },
	{ "\x31\x2f\x9c\xb1\xa6\xb9\x0e\x19\xde\x75\x28\xc9\x04\xac\x30\x87",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "4.1.4",
	  "MD5(\"strongSwan 4.1.4\") (pluto scheme); ike-scan ike-vendor-ids",
	  NULL },
	{ "\xbf\x0f\xbf\x73\x06\xeb\xb7\x82\x70\x42\xd8\x93\x53\x98\x86\xe2",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "4.1.5",
	  "MD5(\"strongSwan 4.1.5\") (pluto scheme); ike-scan ike-vendor-ids",
	  NULL },
	{ "\xd1\x96\x83\x36\x8a\xf4\xb0\xed\xc2\x1c\xcd\xe9\x82\xb1\xd1\xb0",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "4.1.6",
	  "MD5(\"strongSwan 4.1.6\") (pluto scheme); ike-scan ike-vendor-ids",
	  NULL },
	{ "\xea\x84\x0a\xa4\xdf\xc9\x71\x2d\x6c\x32\xb5\xa1\x6e\xb3\x29\xa3",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "4.1.7",
	  "MD5(\"strongSwan 4.1.7\") (pluto scheme); ike-scan ike-vendor-ids",
	  NULL },
	{ "\x66\xa2\x04\x55\x07\xc1\x19\xda\x78\xa4\x66\x62\x59\xcd\xea\x48",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "4.1.8",
	  "MD5(\"strongSwan 4.1.8\") (pluto scheme); ike-scan ike-vendor-ids",
	  NULL },
	{ "\x78\xfd\xd2\x87\xde\xf0\x1a\x3f\x07\x4b\x53\x69\xea\xb4\xfd\x1c",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "4.1.9",
	  "MD5(\"strongSwan 4.1.9\") (pluto scheme); ike-scan ike-vendor-ids",
	  NULL },
	{ "\xbf\x3a\x89\xae\x5b\xef\x8e\x72\xd4\x4d\xac\x8b\xb8\x8d\x7d\x5f",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "4.1.10",
	  "MD5(\"strongSwan 4.1.10\") (pluto scheme); ike-scan ike-vendor-ids",
	  NULL },
	{ "\xb7\xbd\x9f\x2f\x97\x8e\x32\x59\xa7\xaa\x9f\x7a\x13\x96\xad\x6c",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "4.1.11",
	  "MD5(\"strongSwan 4.1.11\") (pluto scheme); ike-scan ike-vendor-ids",
	  NULL },
	{ "\x9f\x68\x90\x13\x25\xa9\x72\x89\x43\x35\x30\x2a\x95\x31\xab\x9f",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "4.2.0",
	  "MD5(\"strongSwan 4.2.0\") (pluto scheme); ike-scan ike-vendor-ids",
	  NULL },
	{ "\xba\xb2\x53\xf4\xcb\x10\xa8\x10\x8a\x7c\x92\x7c\x56\xc8\x78\x86",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "4.2.1",
	  "MD5(\"strongSwan 4.2.1\") (pluto scheme); ike-scan ike-vendor-ids",
	  NULL },
	{ "\x2a\x51\x7d\x0d\x23\xc3\x7d\x08\xbc\xe7\xc2\x92\xa0\x21\x7b\x39",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "4.2.2",
	  "MD5(\"strongSwan 4.2.2\") (pluto scheme); ike-scan ike-vendor-ids",
	  NULL },
	{ "\x2d\x1f\x40\x61\x18\xfb\xd5\xd2\x84\x74\x79\x1f\xfa\x00\x48\x8a",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "4.2.3",
	  "MD5(\"strongSwan 4.2.3\") (pluto scheme); ike-scan ike-vendor-ids",
	  NULL },
	{ "\xcd\x57\x92\xd4\xb7\x0f\x02\x99\xa6\xa1\x37\x3d\xe2\x36\xd2\xac",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "4.2.4",
	  "MD5(\"strongSwan 4.2.4\") (pluto scheme); ike-scan ike-vendor-ids",
	  NULL },
	{ "\xaf\x0a\x05\xe0\xbd\x37\xb0\xab\xa0\x13\x5a\x19\x4a\xbb\x5b\x89",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "4.2.5",
	  "MD5(\"strongSwan 4.2.5\") (pluto scheme); ike-scan ike-vendor-ids",
	  NULL },
	{ "\xa2\x78\x2d\xd6\x83\xb5\xed\xee\x3b\x77\x7f\x89\x7d\x2b\x86\x7e",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "4.2.6",
	  "MD5(\"strongSwan 4.2.6\") (pluto scheme); ike-scan ike-vendor-ids",
	  NULL },
	{ "\x4d\xdc\x7e\x1f\x6d\x6c\xd1\xae\x9d\x5d\xca\xc5\x8f\xa1\xfe\x9a",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "4.2.7",
	  "MD5(\"strongSwan 4.2.7\") (pluto scheme); ike-scan ike-vendor-ids",
	  NULL },
	{ "\x95\x56\x9e\xe2\x3e\xbb\x62\xed\xde\xde\xa3\x53\xa5\x75\xfa\xf3",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "4.2.8",
	  "MD5(\"strongSwan 4.2.8\") (pluto scheme); ike-scan ike-vendor-ids",
	  NULL },
	{ "\x48\x8c\x08\xf5\x7a\xfc\x38\x21\x12\xf7\xcb\x39\x6f\x2d\x4f\x6c",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "4.2.9",
	  "MD5(\"strongSwan 4.2.9\") (pluto scheme); ike-scan ike-vendor-ids",
	  NULL },
	{ "\x1a\xa1\x58\xae\x7f\x11\xe7\x7d\x75\xec\x80\x1d\xb5\x3f\x7e\xc5",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "4.2.10",
	  "MD5(\"strongSwan 4.2.10\") (pluto scheme)",
	  NULL },
	{ "\x05\xce\xcc\xd8\xe9\x85\xfe\x06\x69\xea\xc2\x82\xf8\x03\x29\x2a",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "4.2.11",
	  "MD5(\"strongSwan 4.2.11\") (pluto scheme)",
	  NULL },
	{ "\xbc\x7d\x89\xb8\xb6\xb7\x60\x39\x1b\x12\x06\xe3\xab\x39\x13\x28",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "4.2.12",
	  "MD5(\"strongSwan 4.2.12\") (pluto scheme)",
	  NULL },
	{ "\x5c\x14\x65\x1f\xfd\x4a\xf6\x38\x3f\x5b\xa2\x91\x77\xc2\x72\x9a",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "4.2.13",
	  "MD5(\"strongSwan 4.2.13\") (pluto scheme)",
	  NULL },
	{ "\xde\x01\x45\x40\xe7\x8d\xd8\x76\x8b\xfb\x6c\x52\x38\xed\xe7\x5f",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "4.2.14",
	  "MD5(\"strongSwan 4.2.14\") (pluto scheme)",
	  NULL },
	{ "\x97\xbe\x0b\x4b\x85\x06\xe4\x09\x43\xac\x2e\x19\x33\xec\x2c\xa2",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "4.2.15",
	  "MD5(\"strongSwan 4.2.15\") (pluto scheme)",
	  NULL },
	{ "\x4d\xa3\x3e\xb5\xf9\x4e\xbf\x6d\x84\x9c\x89\xa7\x58\x03\xc5\x0b",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "4.2.16",
	  "MD5(\"strongSwan 4.2.16\") (pluto scheme)",
	  NULL },
	{ "\x79\xcf\x93\x93\x52\xcd\xee\x20\xc8\xfb\x22\x8e\x26\x48\x26\xad",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "4.2.17",
	  "MD5(\"strongSwan 4.2.17\") (pluto scheme)",
	  NULL },
	{ "\x9d\xeb\x74\xe7\x51\xf4\x4c\x47\x90\x5e\xd2\xfa\xd9\x3f\x92\x71",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "4.3.0",
	  "MD5(\"strongSwan 4.3.0\") (pluto scheme); ike-scan ike-vendor-ids",
	  NULL },
	{ "\x20\xb1\xf6\x2b\x24\x0a\x52\xa8\x49\x30\x91\x83\x96\x0c\xbb\x64",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "4.3.1",
	  "MD5(\"strongSwan 4.3.1\") (pluto scheme); ike-scan ike-vendor-ids",
	  NULL },
	{ "\xd6\x26\x39\x56\xac\x79\x09\x61\xa9\xc8\x40\x9b\x39\x37\x24\xbf",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "4.3.2",
	  "MD5(\"strongSwan 4.3.2\") (pluto scheme); ike-scan ike-vendor-ids",
	  NULL },
	{ "\xf9\xf0\x93\x62\x93\x08\xb2\x43\x88\xd0\x9c\x3f\x02\x6d\xe0\xa8",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "4.3.3",
	  "MD5(\"strongSwan 4.3.3\") (pluto scheme); ike-scan ike-vendor-ids",
	  NULL },
	{ "\xe3\x7e\x5d\x64\xa3\x29\xa5\xcf\x1e\xeb\x85\x46\xc3\xb0\x60\x18",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "4.3.4",
	  "MD5(\"strongSwan 4.3.4\") (pluto scheme); ike-scan ike-vendor-ids",
	  NULL },
	{ "\xde\x5c\x70\x38\x01\x95\x2d\x85\xf6\xb3\xed\x33\xb3\x37\x84\xb4",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "4.3.5",
	  "MD5(\"strongSwan 4.3.5\") (pluto scheme); ike-scan ike-vendor-ids",
	  NULL },
	{ "\x51\x2f\x90\xf2\xf8\xe5\xb0\x4e\x4b\xa2\x93\xc9\xa7\x99\xd9\xa5",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "4.3.6",
	  "MD5(\"strongSwan 4.3.6\") (pluto scheme)",
	  NULL },
	{ "\x02\xd7\xc3\xa0\x69\x8e\xc3\x3b\xb1\x26\xb2\xba\xa7\x0b\x9c\x2c",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "4.3.7",
	  "MD5(\"strongSwan 4.3.7\") (pluto scheme); ike-scan ike-vendor-ids",
	  NULL },
	{ "\xa5\xad\x81\xe1\x5e\x1c\x68\xa1\xbe\x27\x7a\xbf\xee\xe8\x0d\x94",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "4.4.0",
	  "MD5(\"strongSwan 4.4.0\") (pluto scheme); ike-scan ike-vendor-ids",
	  NULL },
	{ "\xaa\xa2\xe2\x72\xc5\x8d\xe8\xf9\x6e\x72\xc4\xc2\x1b\xa7\xdd\x99",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "4.4.1",
	  "MD5(\"strongSwan 4.4.1\") (pluto scheme); ike-scan ike-vendor-ids",
	  NULL },
	{ "\xef\xf8\x9e\x6f\x40\x6f\x55\x29\x28\x07\xc3\xb8\xf9\x25\x88\x4a",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "4.5.0",
	  "MD5(\"strongSwan 4.5.0\") (pluto scheme); ike-scan ike-vendor-ids",
	  NULL },
	{ "\xef\xe1\x2e\x85\x33\xbb\xcf\x4e\x97\x8e\xc8\x74\x93\x5e\x99\x72",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "4.5.1",
	  "MD5(\"strongSwan 4.5.1\") (pluto scheme); ike-scan ike-vendor-ids",
	  NULL },
	{ "\xb1\x49\xd6\x16\x1f\xb4\xc7\xc3\x80\x5b\xee\xff\x04\x2d\x08\xc0",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "4.5.2",
	  "MD5(\"strongSwan 4.5.2\") (pluto scheme); ike-scan ike-vendor-ids",
	  NULL },
	{ "\x75\x24\x4a\xd8\xa5\xa0\xf4\x8e\x7e\x3b\x7a\xd7\x9d\xca\xb1\x53",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "4.5.3",
	  "MD5(\"strongSwan 4.5.3\") (pluto scheme); ike-scan ike-vendor-ids",
	  NULL },
	{ "\x41\xef\x2e\x2f\x7e\xc8\xb9\x23\xc9\x8d\x9f\xa9\xbb\x7a\x04\xa5",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "4.6.0",
	  "MD5(\"strongSwan 4.6.0\") (pluto scheme); ike-scan ike-vendor-ids",
	  NULL },
	{ "\x1d\x6c\xfa\x4d\x69\xd9\xd3\x3c\x0b\x22\x44\xbf\x99\xde\x9b\x8b",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "4.6.1",
	  "MD5(\"strongSwan 4.6.1\") (pluto scheme); ike-scan ike-vendor-ids",
	  NULL },
	{ "\x9c\x73\xb1\x9f\x5f\x41\x81\xaa\x4b\x26\x9d\xd0\x04\x60\x88\x11",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "4.6.2",
	  "MD5(\"strongSwan 4.6.2\") (pluto scheme); ike-scan ike-vendor-ids",
	  NULL },
	{ "\x98\x4a\x7b\xfe\xfb\x46\x48\x9a\x5b\xe7\x4b\x64\x53\x1c\x67\x53",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "4.6.3",
	  "MD5(\"strongSwan 4.6.3\") (pluto scheme); ike-scan ike-vendor-ids",
	  NULL },
	{ "\xa8\x76\x80\xd0\x0c\xbb\x93\x98\x71\xeb\x68\x0d\x18\xd0\x52\xe2",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "4.6.4",
	  "MD5(\"strongSwan 4.6.4\") (pluto scheme); ike-scan ike-vendor-ids",
	  NULL },
	{ "\xe1\x54\xb1\x1a\x96\xee\x2b\x44\xd4\x95\x48\x43\xcd\x3a\x40\xa3",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "5.0.0",
	  "MD5(\"strongSwan 5.0.0\") (pluto scheme); ike-scan ike-vendor-ids",
	  NULL },
	{ "\x75\xaa\x8f\x69\xde\x2e\x44\x50\x0d\xae\x84\x2b\xe2\x1f\x54\x91",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "5.0.1",
	  "MD5(\"strongSwan 5.0.1\") (pluto scheme); ike-scan ike-vendor-ids",
	  NULL },
	{ "\x04\xd5\x2c\xc5\xfd\x04\xaa\x97\x10\x63\xb1\x11\x91\x77\x31\xd2",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "5.0.2",
	  "MD5(\"strongSwan 5.0.2\") (pluto scheme); ike-scan ike-vendor-ids",
	  NULL },
	{ "\xd3\x98\x47\x6a\x43\xb9\xd6\xc5\x6c\x40\x45\xff\xcc\x9f\xff\xb9",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "5.0.3",
	  "MD5(\"strongSwan 5.0.3\") (pluto scheme); ike-scan ike-vendor-ids",
	  NULL },
	{ "\xdc\x3a\xfc\xdd\xa0\x51\x4d\xa3\x94\xb4\xb3\x6f\x4c\xb1\xb9\xa7",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "5.0.4",
	  "MD5(\"strongSwan 5.0.4\") (pluto scheme); ike-scan ike-vendor-ids",
	  NULL },
	{ "\xb7\xd8\xe6\x21\x84\x04\x9f\xb2\x1b\x08\x8d\x42\x32\xd2\x54\x9c",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "5.1.0",
	  "MD5(\"strongSwan 5.1.0\") (pluto scheme); ike-scan ike-vendor-ids",
	  NULL },
	{ "\x9e\x10\xa0\xd4\x20\x5e\xdc\x6c\x90\xbd\x53\x81\xa5\x3c\x2d\x2b",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "5.1.1",
	  "MD5(\"strongSwan 5.1.1\") (pluto scheme); ike-scan ike-vendor-ids",
	  NULL },
	{ "\x47\x32\xf1\x8f\xb0\xe9\xe8\x16\x82\x28\x70\xbc\x60\xde\x11\x9d",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "5.1.2",
	  "MD5(\"strongSwan 5.1.2\") (pluto scheme)",
	  NULL },
	{ "\xfd\x69\xb4\x5e\x75\x54\xbc\x6b\x6f\x3b\xb8\xec\x92\x7a\x6f\xf8",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "5.1.3",
	  "MD5(\"strongSwan 5.1.3\") (pluto scheme)",
	  NULL },
	{ "\x01\xa9\x0e\x23\x15\x20\x66\x18\x1f\x37\x9f\xf7\x90\xad\xed\xd4",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "5.2.0",
	  "MD5(\"strongSwan 5.2.0\") (pluto scheme)",
	  NULL },
	{ "\x49\x14\xaa\xd6\x6e\x3e\xda\xe4\x7d\xcf\xf5\xa6\x6d\x01\xad\x63",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "5.2.1",
	  "MD5(\"strongSwan 5.2.1\") (pluto scheme)",
	  NULL },
	{ "\x6a\xd1\xc1\x5f\x87\x4d\x8a\x5b\xdf\xde\xb4\xdd\x74\x4d\x3c\x9a",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "5.2.2",
	  "MD5(\"strongSwan 5.2.2\") (pluto scheme)",
	  NULL },
	{ "\xdd\xdb\x69\x70\x98\xb6\xc1\x36\xe7\xe9\xb4\xf2\xfa\xd4\x80\x94",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "5.3.0",
	  "MD5(\"strongSwan 5.3.0\") (pluto scheme)",
	  NULL },
	{ "\x11\xc4\x43\x9b\xd2\x13\x15\xcb\x9e\x8a\xc3\x9b\xb1\x81\x43\xb2",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "5.3.1",
	  "MD5(\"strongSwan 5.3.1\") (pluto scheme)",
	  NULL },
	{ "\x7f\xce\x3e\xa5\xfd\xe7\xe3\x65\xa4\x18\x4f\xb6\x50\xb9\xcd\xbe",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "5.3.2",
	  "MD5(\"strongSwan 5.3.2\") (pluto scheme)",
	  NULL },
	{ "\x25\xcd\x31\xc1\x39\x51\x85\x58\x3d\x48\xe5\xfa\x89\xfc\xa0\xa8",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "5.3.3",
	  "MD5(\"strongSwan 5.3.3\") (pluto scheme)",
	  NULL },
	{ "\xaa\x7a\xc1\x9b\x5a\x58\xfe\x76\x1a\x88\xd5\xef\x5b\xb9\xa2\x6d",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "5.3.4",
	  "MD5(\"strongSwan 5.3.4\") (pluto scheme)",
	  NULL },
	{ "\x18\x44\x3d\xb6\x8a\xfe\xbc\x0c\xa0\x18\x51\x7d\x3f\x65\xae\xcd",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "5.3.5",
	  "MD5(\"strongSwan 5.3.5\") (pluto scheme)",
	  NULL },
	{ "\x0e\xda\x06\xd6\x44\xbc\xca\x68\x02\xad\xef\x5c\x97\xea\xb5\x41",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "5.4.0",
	  "MD5(\"strongSwan 5.4.0\") (pluto scheme)",
	  NULL },
	{ "\xdd\x5e\x76\x01\xb3\xa1\x92\x40\xcc\xaa\xbd\x21\x08\x33\xf0\x0f",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "5.5.0",
	  "MD5(\"strongSwan 5.5.0\") (pluto scheme)",
	  NULL },
	{ "\x7c\x39\xab\x5c\xcb\x5f\x28\xcf\x16\xb6\x03\x46\xa5\x1b\xaf\x80",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "5.5.1",
	  "MD5(\"strongSwan 5.5.1\") (pluto scheme)",
	  NULL },
	{ "\xb5\x6a\xf0\x46\x1f\xa0\x4e\xfa\x81\xa8\xe8\xb5\xc2\x75\x74\xdb",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "5.5.2",
	  "MD5(\"strongSwan 5.5.2\") (pluto scheme)",
	  NULL },
	{ "\x67\x24\x59\x52\x1b\xf1\x9e\xe3\xf6\x66\x68\x37\x04\xc1\x13\xfa",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "5.5.3",
	  "MD5(\"strongSwan 5.5.3\") (pluto scheme)",
	  NULL },
	{ "\x55\x8d\x32\x66\x4e\x16\x17\x4e\x90\x0d\x69\x1f\xfe\x2a\x0b\x2b",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "5.6.0",
	  "MD5(\"strongSwan 5.6.0\") (pluto scheme)",
	  NULL },
	{ "\x0b\xfe\x08\xbf\xae\xee\x77\x53\xdb\x67\xdb\x3b\xd5\x67\xa6\xf0",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "5.6.1",
	  "MD5(\"strongSwan 5.6.1\") (pluto scheme)",
	  NULL },
	{ "\xa0\x82\x23\x1f\x7a\x8a\x69\xcd\xaa\x77\xac\x9e\x96\xea\xa3\xcd",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "5.6.2",
	  "MD5(\"strongSwan 5.6.2\") (pluto scheme)",
	  NULL },
	{ "\xfa\x3d\x61\x2f\x72\x1d\xb4\xc4\x62\xfd\x4e\xc3\xa2\xef\x12\x90",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "5.6.3",
	  "MD5(\"strongSwan 5.6.3\") (pluto scheme)",
	  NULL },
	{ "\x78\xa4\x72\x1c\xe2\x45\x41\x91\x32\x9c\xed\x8e\x17\x6a\x09\x3a",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "5.7.0",
	  "MD5(\"strongSwan 5.7.0\") (pluto scheme)",
	  NULL },
	{ "\x29\xa3\xf0\x33\xf9\xb0\xa6\x3b\xdc\xd5\xd7\x2d\xc8\x79\x13\x85",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "5.7.1",
	  "MD5(\"strongSwan 5.7.1\") (pluto scheme)",
	  NULL },
	{ "\x03\x3a\x7f\xd1\x67\x90\xcd\xe5\xc6\x68\x8c\x65\xaa\x49\xec\x21",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "5.7.2",
	  "MD5(\"strongSwan 5.7.2\") (pluto scheme)",
	  NULL },
	{ "\x59\x49\x32\x5b\x42\x08\xfa\xc8\x98\xf5\x7f\x9f\xf1\xc5\xe0\xe4",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "5.8.0",
	  "MD5(\"strongSwan 5.8.0\") (pluto scheme)",
	  NULL },
	{ "\xa4\x57\xb1\x38\x0c\xeb\xeb\xc0\xce\x90\xe9\x7e\xcf\x08\x9f\xc0",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "5.8.1",
	  "MD5(\"strongSwan 5.8.1\") (pluto scheme)",
	  NULL },
	{ "\x11\x9c\x3c\x47\xe7\x37\xdd\x75\xf6\x51\x9e\xaa\x8e\xfa\x2c\xef",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "5.8.2",
	  "MD5(\"strongSwan 5.8.2\") (pluto scheme)",
	  NULL },
	{ "\x4f\xe9\x40\xa9\x0f\xee\x7c\x54\x3a\x20\x3c\xf4\x35\x6a\x45\x43",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "5.8.3",
	  "MD5(\"strongSwan 5.8.3\") (pluto scheme)",
	  NULL },
	{ "\x01\x92\x86\x9c\x2c\x98\xd3\x5b\x23\xbb\xeb\x35\x48\x7b\x2d\x03",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "5.8.4",
	  "MD5(\"strongSwan 5.8.4\") (pluto scheme)",
	  NULL },
	{ "\x94\xda\x8f\xc9\x32\x56\xba\x2a\xea\x0c\xda\x0c\x10\x0a\x6b\x5a",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "5.9.0",
	  "MD5(\"strongSwan 5.9.0\") (pluto scheme)",
	  NULL },
	{ "\x89\xbe\xd8\x3b\xad\x5f\x0d\x92\x83\x3c\xc3\x6f\x1c\x18\xfc\x5e",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "5.9.1",
	  "MD5(\"strongSwan 5.9.1\") (pluto scheme)",
	  NULL },
	{ "\x25\xb3\xdb\x21\x75\xf1\x08\x34\xf3\x16\x42\x75\xaa\x8d\xa4\xa8",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "5.9.2",
	  "MD5(\"strongSwan 5.9.2\") (pluto scheme)",
	  NULL },
	{ "\xd7\x78\x7f\x33\xdc\xaf\x9f\x69\x13\xec\x81\x1b\x93\x5d\xd0\x1d",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "5.9.3",
	  "MD5(\"strongSwan 5.9.3\") (pluto scheme)",
	  NULL },
	{ "\x60\xea\x34\x8d\x9a\xad\xc8\xb3\xf4\x55\x83\x27\x49\xec\xda\x72",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "5.9.4",
	  "MD5(\"strongSwan 5.9.4\") (pluto scheme)",
	  NULL },
	{ "\xa2\x59\x4a\x3c\x6e\x92\x9c\x38\x6b\xd6\xf6\x4e\xa0\xa8\x07\x33",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "5.9.5",
	  "MD5(\"strongSwan 5.9.5\") (pluto scheme)",
	  NULL },
	{ "\x57\x6f\x04\xc6\x68\xf5\x45\x3b\xff\xf4\xcc\x74\x2b\xb6\xee\x4d",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "5.9.6",
	  "MD5(\"strongSwan 5.9.6\") (pluto scheme)",
	  NULL },
	{ "\xde\xfe\xe7\x38\x77\x44\x5d\x90\x2e\xb4\x9c\xc9\xc2\xc7\x3a\x42",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "5.9.7",
	  "MD5(\"strongSwan 5.9.7\") (pluto scheme)",
	  NULL },
	{ "\x5c\xf0\xe6\x0c\x58\x6b\x84\x92\x04\xe1\x49\xb4\xb7\xdd\xca\xdc",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "5.9.8",
	  "MD5(\"strongSwan 5.9.8\") (pluto scheme)",
	  NULL },
	{ "\x62\x57\x70\x6d\xc6\x9d\x92\x9e\x9d\xc9\xde\x6e\xf2\xba\xef\x46",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "5.9.9",
	  "MD5(\"strongSwan 5.9.9\") (pluto scheme)",
	  NULL },
	{ "\x5e\xc9\x58\x30\x6b\xa1\x23\x66\xa4\x11\x29\x4e\xbf\xf7\xbf\xc0",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "5.9.10",
	  "MD5(\"strongSwan 5.9.10\") (pluto scheme)",
	  NULL },
	{ "\x7f\x94\x55\x57\x89\x5d\x8c\x91\x78\x96\xf5\x35\x92\x69\x24\x89",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "5.9.11",
	  "MD5(\"strongSwan 5.9.11\") (pluto scheme)",
	  NULL },
	{ "\x20\xf4\x63\x6e\xc9\x6e\x27\xbd\xb2\x27\x5d\x32\x21\xd4\xc9\xa8",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "5.9.12",
	  "MD5(\"strongSwan 5.9.12\") (pluto scheme)",
	  NULL },
	{ "\xff\x68\x4d\x1b\x86\xab\x89\xb2\x2f\x16\xdd\xd6\x68\xce\xed\x2b",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "5.9.13",
	  "MD5(\"strongSwan 5.9.13\") (pluto scheme)",
	  NULL },
	{ "\x3c\xaf\x85\x87\xcc\x42\x8a\xfc\x52\xe4\x2f\xa5\xf8\x23\x1f\xdf",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "5.9.14",
	  "MD5(\"strongSwan 5.9.14\") (pluto scheme)",
	  NULL },
	{ "\x11\x7c\x40\x6d\x20\xa2\x9f\x56\xf0\xdf\xcb\x03\xd9\xfa\x83\x5b",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "4.3.5rc1",
	  "MD5(\"strongSwan 4.3.5rc1\") (pluto scheme); ike-scan "
	  "ike-vendor-ids",
	  NULL },
	{ "\xa5\xf8\xce\x0d\x67\x51\xc6\x40\xe5\x5b\xc4\x17\x84\xf2\xe0\x81",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "5.0.2dr4",
	  "MD5(\"strongSwan 5.0.2dr4\") (pluto scheme); ike-scan "
	  "ike-vendor-ids",
	  NULL },
	{ "\x80\xb8\xf4\x38\x0b\x18\xf2\x4f\x03\xce\x57\x45\xfc\x3d\xb5\x6b",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "5.0.2rc1",
	  "MD5(\"strongSwan 5.0.2rc1\") (pluto scheme); ike-scan "
	  "ike-vendor-ids",
	  NULL },
	{ "\xca\x7d\x77\xd2\x07\x94\x39\x1d\xf5\xa3\xcb\x90\xfb\xf5\xb7\x2e",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "5.0.3dr1",
	  "MD5(\"strongSwan 5.0.3dr1\") (pluto scheme); ike-scan "
	  "ike-vendor-ids",
	  NULL },
	{ "\x7b\x3f\x3d\x21\xe4\x76\x8e\x01\x0f\xc7\xdd\x04\xae\x36\x9c\x61",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "5.0.3dr2",
	  "MD5(\"strongSwan 5.0.3dr2\") (pluto scheme); ike-scan "
	  "ike-vendor-ids",
	  NULL },
	{ "\xf4\xd6\x8a\x2f\xb6\x3e\x43\x90\xa9\x59\xba\xa5\xc4\xbc\x75\x98",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "5.0.3dr3",
	  "MD5(\"strongSwan 5.0.3dr3\") (pluto scheme); ike-scan "
	  "ike-vendor-ids",
	  NULL },
	{ "\xf2\xd4\xde\x99\x97\x21\xc3\x7f\xea\x51\xd4\xbc\xbc\x06\x01\x20",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "5.0.3rc1",
	  "MD5(\"strongSwan 5.0.3rc1\") (pluto scheme); ike-scan "
	  "ike-vendor-ids",
	  NULL },
	{ "\x22\x98\x2e\xab\x04\x0b\xe7\xa4\xcb\x41\x77\xda\x31\x2f\x2f\x1c",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "5.1.0dr1",
	  "MD5(\"strongSwan 5.1.0dr1\") (pluto scheme); ike-scan "
	  "ike-vendor-ids",
	  NULL },
	{ "\xe0\x69\xa5\x83\xc5\x64\x02\x57\xa8\xde\x2c\xf0\x62\x46\x1a\x4b",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "5.1.0dr2",
	  "MD5(\"strongSwan 5.1.0dr2\") (pluto scheme); ike-scan "
	  "ike-vendor-ids",
	  NULL },
	{ "\x02\xc4\x98\x67\x06\x01\x73\xc6\x65\xeb\xce\x2b\x81\x10\xc7\xf7",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "5.1.0rc1",
	  "MD5(\"strongSwan 5.1.0rc1\") (pluto scheme); ike-scan "
	  "ike-vendor-ids",
	  NULL },
	{ "\x1a\x45\xd3\xbd\xa5\x56\x46\x01\x6e\x99\x8a\xc1\xc5\x59\x0e\x59",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "5.1.1dr1",
	  "MD5(\"strongSwan 5.1.1dr1\") (pluto scheme); ike-scan "
	  "ike-vendor-ids",
	  NULL },
	{ "\x4f\x13\x0d\x31\x2e\xc9\x2f\x50\xc0\x2f\x2b\x0e\xb6\x0d\x6c\xcc",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "5.1.1dr2",
	  "MD5(\"strongSwan 5.1.1dr2\") (pluto scheme); ike-scan "
	  "ike-vendor-ids",
	  NULL },
	{ "\x06\xf2\xf1\xb8\x22\x56\xdc\xe6\x2c\x07\xcb\x4f\x71\x60\x40\x35",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "5.1.1dr3",
	  "MD5(\"strongSwan 5.1.1dr3\") (pluto scheme); ike-scan "
	  "ike-vendor-ids",
	  NULL },
	{ "\xc9\x0b\x02\x0d\x04\x3f\x1f\x05\x0b\xa8\x09\xe1\x3d\xc8\x23\x4e",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "5.1.1dr4",
	  "MD5(\"strongSwan 5.1.1dr4\") (pluto scheme); ike-scan "
	  "ike-vendor-ids",
	  NULL },
	{ "\xa5\x5a\x90\xde\x78\x16\x11\xf7\x0c\xbb\xae\x70\x45\xa2\x25\xfc",
	  16, VK_EXACT, 0, 0,
	  "strongSwan", "strongSwan", "5.1.1rc1",
	  "MD5(\"strongSwan 5.1.1rc1\") (pluto scheme); ike-scan "
	  "ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x4a\x73\x4e\x48\x6b\x4a\x4c\x65\x62\x72",
	  12, VK_EXACT, 0, 0,
	  "Linux FreeS/WAN", "FreeS/WAN", "0.5",
	  "\"OE\" + MD5(\"Linux FreeS/WAN 0.5\") 10 bytes, 0x40|b&0x7f; "
	  "ike-scan ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x6c\x4f\x6b\x62\x51\x69\x5c\x7c\x46\x74",
	  12, VK_EXACT, 0, 0,
	  "Linux FreeS/WAN", "FreeS/WAN", "0.6",
	  "\"OE\" + MD5(\"Linux FreeS/WAN 0.6\") 10 bytes, 0x40|b&0x7f; "
	  "ike-scan ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x48\x60\x4f\x7f\x42\x66\x47\x77\x54\x53",
	  12, VK_EXACT, 0, 0,
	  "Linux FreeS/WAN", "FreeS/WAN", "0.7",
	  "\"OE\" + MD5(\"Linux FreeS/WAN 0.7\") 10 bytes, 0x40|b&0x7f; "
	  "ike-scan ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x64\x62\x59\x5d\x67\x59\x53\x51\x44\x5c",
	  12, VK_EXACT, 0, 0,
	  "Linux FreeS/WAN", "FreeS/WAN", "0.7.1",
	  "\"OE\" + MD5(\"Linux FreeS/WAN 0.7.1\") 10 bytes, 0x40|b&0x7f; "
	  "ike-scan ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x7c\x62\x53\x63\x78\x7f\x51\x7e\x65\x44",
	  12, VK_EXACT, 0, 0,
	  "Linux FreeS/WAN", "FreeS/WAN", "0.7.2",
	  "\"OE\" + MD5(\"Linux FreeS/WAN 0.7.2\") 10 bytes, 0x40|b&0x7f; "
	  "ike-scan ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x69\x51\x7b\x58\x74\x44\x69\x4c\x43\x67",
	  12, VK_EXACT, 0, 0,
	  "Linux FreeS/WAN", "FreeS/WAN", "0.8",
	  "\"OE\" + MD5(\"Linux FreeS/WAN 0.8\") 10 bytes, 0x40|b&0x7f; "
	  "ike-scan ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x77\x6a\x7f\x6d\x5e\x7a\x41\x5d\x6f\x7c",
	  12, VK_EXACT, 0, 0,
	  "Linux FreeS/WAN", "FreeS/WAN", "0.8.1",
	  "\"OE\" + MD5(\"Linux FreeS/WAN 0.8.1\") 10 bytes, 0x40|b&0x7f; "
	  "ike-scan ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x4f\x57\x5c\x59\x5a\x74\x4a\x7d\x4f\x78",
	  12, VK_EXACT, 0, 0,
	  "Linux FreeS/WAN", "FreeS/WAN", "0.8.2",
	  "\"OE\" + MD5(\"Linux FreeS/WAN 0.8.2\") 10 bytes, 0x40|b&0x7f; "
	  "ike-scan ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x67\x6a\x55\x53\x71\x5e\x79\x4f\x4f\x48",
	  12, VK_EXACT, 0, 0,
	  "Linux FreeS/WAN", "FreeS/WAN", "0.8.3",
	  "\"OE\" + MD5(\"Linux FreeS/WAN 0.8.3\") 10 bytes, 0x40|b&0x7f; "
	  "ike-scan ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x66\x42\x50\x75\x4b\x79\x57\x7f\x5d\x55",
	  12, VK_EXACT, 0, 0,
	  "Linux FreeS/WAN", "FreeS/WAN", "0.8.4",
	  "\"OE\" + MD5(\"Linux FreeS/WAN 0.8.4\") 10 bytes, 0x40|b&0x7f; "
	  "ike-scan ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x61\x5f\x4d\x44\x50\x73\x43\x78\x5d\x7b",
	  12, VK_EXACT, 0, 0,
	  "Linux FreeS/WAN", "FreeS/WAN", "0.8.5",
	  "\"OE\" + MD5(\"Linux FreeS/WAN 0.8.5\") 10 bytes, 0x40|b&0x7f; "
	  "ike-scan ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x49\x4f\x5e\x4f\x74\x6c\x57\x66\x41\x57",
	  12, VK_EXACT, 0, 0,
	  "Linux FreeS/WAN", "FreeS/WAN", "0.9",
	  "\"OE\" + MD5(\"Linux FreeS/WAN 0.9\") 10 bytes, 0x40|b&0x7f; "
	  "ike-scan ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x49\x46\x54\x44\x5c\x41\x42\x5d\x6d\x7b",
	  12, VK_EXACT, 0, 0,
	  "Linux FreeS/WAN", "FreeS/WAN", "0.9.1",
	  "\"OE\" + MD5(\"Linux FreeS/WAN 0.9.1\") 10 bytes, 0x40|b&0x7f; "
	  "ike-scan ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x61\x71\x78\x4e\x6b\x59\x4a\x49\x70\x58",
	  12, VK_EXACT, 0, 0,
	  "Linux FreeS/WAN", "FreeS/WAN", "0.9.2",
	  "\"OE\" + MD5(\"Linux FreeS/WAN 0.9.2\") 10 bytes, 0x40|b&0x7f; "
	  "ike-scan ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x48\x5e\x61\x75\x79\x43\x75\x44\x49\x50",
	  12, VK_EXACT, 0, 0,
	  "Linux FreeS/WAN", "FreeS/WAN", "0.9.3",
	  "\"OE\" + MD5(\"Linux FreeS/WAN 0.9.3\") 10 bytes, 0x40|b&0x7f; "
	  "ike-scan ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x51\x60\x47\x48\x44\x53\x56\x72\x7b\x74",
	  12, VK_EXACT, 0, 0,
	  "Linux FreeS/WAN", "FreeS/WAN", "0.9.4",
	  "\"OE\" + MD5(\"Linux FreeS/WAN 0.9.4\") 10 bytes, 0x40|b&0x7f; "
	  "ike-scan ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x49\x55\x79\x64\x64\x7c\x42\x61\x44\x40",
	  12, VK_EXACT, 0, 0,
	  "Linux FreeS/WAN", "FreeS/WAN", "0.9.5",
	  "\"OE\" + MD5(\"Linux FreeS/WAN 0.9.5\") 10 bytes, 0x40|b&0x7f; "
	  "ike-scan ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x70\x69\x55\x78\x77\x72\x66\x79\x6a\x56",
	  12, VK_EXACT, 0, 0,
	  "Linux FreeS/WAN", "FreeS/WAN", "0.9.6",
	  "\"OE\" + MD5(\"Linux FreeS/WAN 0.9.6\") 10 bytes, 0x40|b&0x7f; "
	  "ike-scan ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x7b\x4a\x76\x7a\x6f\x71\x6e\x48\x56\x6c",
	  12, VK_EXACT, 0, 0,
	  "Linux FreeS/WAN", "FreeS/WAN", "0.9.7",
	  "\"OE\" + MD5(\"Linux FreeS/WAN 0.9.7\") 10 bytes, 0x40|b&0x7f; "
	  "ike-scan ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x5b\x71\x45\x7d\x4f\x68\x5c\x47\x5d\x6c",
	  12, VK_EXACT, 0, 0,
	  "Linux FreeS/WAN", "FreeS/WAN", "0.9.8",
	  "\"OE\" + MD5(\"Linux FreeS/WAN 0.9.8\") 10 bytes, 0x40|b&0x7f; "
	  "ike-scan ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x5e\x4f\x4d\x58\x40\x4f\x60\x4d\x59\x5c",
	  12, VK_EXACT, 0, 0,
	  "Linux FreeS/WAN", "FreeS/WAN", "0.9.9",
	  "\"OE\" + MD5(\"Linux FreeS/WAN 0.9.9\") 10 bytes, 0x40|b&0x7f; "
	  "ike-scan ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x49\x7d\x4f\x7e\x6e\x5d\x60\x52\x51\x70",
	  12, VK_EXACT, 0, 0,
	  "Linux FreeS/WAN", "FreeS/WAN", "0.9.10",
	  "\"OE\" + MD5(\"Linux FreeS/WAN 0.9.10\") 10 bytes, 0x40|b&0x7f; "
	  "ike-scan ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x4b\x48\x62\x74\x75\x53\x58\x55\x51\x40",
	  12, VK_EXACT, 0, 0,
	  "Linux FreeS/WAN", "FreeS/WAN", "0.9.11",
	  "\"OE\" + MD5(\"Linux FreeS/WAN 0.9.11\") 10 bytes, 0x40|b&0x7f; "
	  "ike-scan ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x69\x41\x46\x64\x5c\x4d\x43\x62\x72\x7b",
	  12, VK_EXACT, 0, 0,
	  "Linux FreeS/WAN", "FreeS/WAN", "0.9.12",
	  "\"OE\" + MD5(\"Linux FreeS/WAN 0.9.12\") 10 bytes, 0x40|b&0x7f; "
	  "ike-scan ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x55\x6c\x7d\x76\x71\x44\x4b\x47\x4c\x59",
	  12, VK_EXACT, 0, 0,
	  "Linux FreeS/WAN", "FreeS/WAN", "0.9.13",
	  "\"OE\" + MD5(\"Linux FreeS/WAN 0.9.13\") 10 bytes, 0x40|b&0x7f; "
	  "ike-scan ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x66\x40\x62\x53\x76\x58\x7d\x62\x62\x77",
	  12, VK_EXACT, 0, 0,
	  "Linux FreeS/WAN", "FreeS/WAN", "0.9.14",
	  "\"OE\" + MD5(\"Linux FreeS/WAN 0.9.14\") 10 bytes, 0x40|b&0x7f; "
	  "ike-scan ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x4b\x79\x66\x72\x76\x7d\x43\x7d\x5d\x5a",
	  12, VK_EXACT, 0, 0,
	  "Linux FreeS/WAN", "FreeS/WAN", "0.9.15",
	  "\"OE\" + MD5(\"Linux FreeS/WAN 0.9.15\") 10 bytes, 0x40|b&0x7f; "
	  "ike-scan ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x4f\x62\x76\x7d\x78\x79\x7d\x7f\x65\x79",
	  12, VK_EXACT, 0, 0,
	  "Linux FreeS/WAN", "FreeS/WAN", "0.9.16",
	  "\"OE\" + MD5(\"Linux FreeS/WAN 0.9.16\") 10 bytes, 0x40|b&0x7f; "
	  "ike-scan ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x56\x5b\x59\x7d\x55\x6e\x59\x6e\x5e\x60",
	  12, VK_EXACT, 0, 0,
	  "Linux FreeS/WAN", "FreeS/WAN", "0.9.17",
	  "\"OE\" + MD5(\"Linux FreeS/WAN 0.9.17\") 10 bytes, 0x40|b&0x7f; "
	  "ike-scan ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x63\x7e\x47\x54\x4c\x77\x64\x4a\x5b\x76",
	  12, VK_EXACT, 0, 0,
	  "Linux FreeS/WAN", "FreeS/WAN", "0.9.18",
	  "\"OE\" + MD5(\"Linux FreeS/WAN 0.9.18\") 10 bytes, 0x40|b&0x7f; "
	  "ike-scan ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x61\x4d\x48\x73\x42\x5c\x42\x72\x7b\x63",
	  12, VK_EXACT, 0, 0,
	  "Linux FreeS/WAN", "FreeS/WAN", "0.9.19",
	  "\"OE\" + MD5(\"Linux FreeS/WAN 0.9.19\") 10 bytes, 0x40|b&0x7f; "
	  "ike-scan ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x5c\x6d\x6c\x49\x7f\x76\x4f\x44\x47\x7b",
	  12, VK_EXACT, 0, 0,
	  "Linux FreeS/WAN", "FreeS/WAN", "0.9.20",
	  "\"OE\" + MD5(\"Linux FreeS/WAN 0.9.20\") 10 bytes, 0x40|b&0x7f; "
	  "ike-scan ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x60\x62\x40\x76\x52\x77\x67\x78\x7c\x56",
	  12, VK_EXACT, 0, 0,
	  "Linux FreeS/WAN", "FreeS/WAN", "0.9.21",
	  "\"OE\" + MD5(\"Linux FreeS/WAN 0.9.21\") 10 bytes, 0x40|b&0x7f; "
	  "ike-scan ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x41\x68\x7e\x4c\x50\x7a\x40\x5d\x51\x46",
	  12, VK_EXACT, 0, 0,
	  "Linux FreeS/WAN", "FreeS/WAN", "0.9.22",
	  "\"OE\" + MD5(\"Linux FreeS/WAN 0.9.22\") 10 bytes, 0x40|b&0x7f; "
	  "ike-scan ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x78\x41\x59\x71\x42\x73\x7f\x44\x78\x7d",
	  12, VK_EXACT, 0, 0,
	  "Linux FreeS/WAN", "FreeS/WAN", "0.9.23",
	  "\"OE\" + MD5(\"Linux FreeS/WAN 0.9.23\") 10 bytes, 0x40|b&0x7f; "
	  "ike-scan ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x71\x45\x70\x6b\x55\x60\x63\x4e\x72\x5f",
	  12, VK_EXACT, 0, 0,
	  "Linux FreeS/WAN", "FreeS/WAN", "0.9.24",
	  "\"OE\" + MD5(\"Linux FreeS/WAN 0.9.24\") 10 bytes, 0x40|b&0x7f; "
	  "ike-scan ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x4e\x5b\x60\x46\x5a\x5a\x53\x65\x69\x67",
	  12, VK_EXACT, 0, 0,
	  "Linux FreeS/WAN", "FreeS/WAN", "0.9.25",
	  "\"OE\" + MD5(\"Linux FreeS/WAN 0.9.25\") 10 bytes, 0x40|b&0x7f; "
	  "ike-scan ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x67\x7c\x57\x5b\x4c\x7c\x6a\x4a\x71\x73",
	  12, VK_EXACT, 0, 0,
	  "Linux FreeS/WAN", "FreeS/WAN", "0.9.26",
	  "\"OE\" + MD5(\"Linux FreeS/WAN 0.9.26\") 10 bytes, 0x40|b&0x7f; "
	  "ike-scan ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x5f\x7f\x60\x6c\x66\x42\x4e\x61\x6a\x60",
	  12, VK_EXACT, 0, 0,
	  "Linux FreeS/WAN", "FreeS/WAN", "0.9.27",
	  "\"OE\" + MD5(\"Linux FreeS/WAN 0.9.27\") 10 bytes, 0x40|b&0x7f; "
	  "ike-scan ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x4e\x6d\x54\x5e\x53\x4c\x4a\x62\x60\x63",
	  12, VK_EXACT, 0, 0,
	  "Linux FreeS/WAN", "FreeS/WAN", "0.9.28",
	  "\"OE\" + MD5(\"Linux FreeS/WAN 0.9.28\") 10 bytes, 0x40|b&0x7f; "
	  "ike-scan ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x76\x5a\x4a\x6a\x51\x58\x46\x53\x42\x4e",
	  12, VK_EXACT, 0, 0,
	  "Linux FreeS/WAN", "FreeS/WAN", "0.9.29",
	  "\"OE\" + MD5(\"Linux FreeS/WAN 0.9.29\") 10 bytes, 0x40|b&0x7f; "
	  "ike-scan ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x68\x4e\x67\x72\x45\x65\x42\x75\x5d\x69",
	  12, VK_EXACT, 0, 0,
	  "Linux FreeS/WAN", "FreeS/WAN", "0.9.30",
	  "\"OE\" + MD5(\"Linux FreeS/WAN 0.9.30\") 10 bytes, 0x40|b&0x7f; "
	  "ike-scan ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x76\x41\x41\x40\x5f\x57\x77\x50\x56\x7b",
	  12, VK_EXACT, 0, 0,
	  "Linux FreeS/WAN", "FreeS/WAN", "0.9.31",
	  "\"OE\" + MD5(\"Linux FreeS/WAN 0.9.31\") 10 bytes, 0x40|b&0x7f; "
	  "ike-scan ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x54\x6d\x5d\x70\x4f\x49\x78\x5e\x64\x67",
	  12, VK_EXACT, 0, 0,
	  "Linux FreeS/WAN", "FreeS/WAN", "0.9.32",
	  "\"OE\" + MD5(\"Linux FreeS/WAN 0.9.32\") 10 bytes, 0x40|b&0x7f; "
	  "ike-scan ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x65\x5d\x78\x6b\x44\x5b\x75\x48\x46\x68",
	  12, VK_EXACT, 0, 0,
	  "Linux FreeS/WAN", "FreeS/WAN", "0.9.33",
	  "\"OE\" + MD5(\"Linux FreeS/WAN 0.9.33\") 10 bytes, 0x40|b&0x7f; "
	  "ike-scan ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x65\x47\x69\x6d\x46\x65\x7a\x4e\x53\x71",
	  12, VK_EXACT, 0, 0,
	  "Linux FreeS/WAN", "FreeS/WAN", "0.9.34",
	  "\"OE\" + MD5(\"Linux FreeS/WAN 0.9.34\") 10 bytes, 0x40|b&0x7f; "
	  "ike-scan ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x5b\x76\x64\x6a\x64\x6f\x79\x69\x54\x51",
	  12, VK_EXACT, 0, 0,
	  "Linux FreeS/WAN", "FreeS/WAN", "0.9.35",
	  "\"OE\" + MD5(\"Linux FreeS/WAN 0.9.35\") 10 bytes, 0x40|b&0x7f; "
	  "ike-scan ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x4d\x59\x6b\x6a\x6e\x5f\x56\x70\x7e\x49",
	  12, VK_EXACT, 0, 0,
	  "Linux FreeS/WAN", "FreeS/WAN", "0.9.36",
	  "\"OE\" + MD5(\"Linux FreeS/WAN 0.9.36\") 10 bytes, 0x40|b&0x7f; "
	  "ike-scan ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x75\x7b\x6e\x79\x66\x5a\x55\x6c\x65\x46",
	  12, VK_EXACT, 0, 0,
	  "Linux FreeS/WAN", "FreeS/WAN", "0.9.37",
	  "\"OE\" + MD5(\"Linux FreeS/WAN 0.9.37\") 10 bytes, 0x40|b&0x7f; "
	  "ike-scan ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x5b\x6b\x63\x6e\x60\x6f\x5b\x42\x70\x7b",
	  12, VK_EXACT, 0, 0,
	  "Linux FreeS/WAN", "FreeS/WAN", "0.9.38",
	  "\"OE\" + MD5(\"Linux FreeS/WAN 0.9.38\") 10 bytes, 0x40|b&0x7f; "
	  "ike-scan ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x67\x7e\x79\x65\x7a\x56\x65\x4f\x71\x45",
	  12, VK_EXACT, 0, 0,
	  "Linux FreeS/WAN", "FreeS/WAN", "0.9.39",
	  "\"OE\" + MD5(\"Linux FreeS/WAN 0.9.39\") 10 bytes, 0x40|b&0x7f; "
	  "ike-scan ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x6e\x50\x4e\x73\x5f\x4f\x67\x55\x5d\x5f",
	  12, VK_EXACT, 0, 0,
	  "Linux FreeS/WAN", "FreeS/WAN", "0.9.40",
	  "\"OE\" + MD5(\"Linux FreeS/WAN 0.9.40\") 10 bytes, 0x40|b&0x7f; "
	  "ike-scan ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x7f\x68\x5e\x7d\x4c\x56\x45\x78\x56\x69",
	  12, VK_EXACT, 0, 0,
	  "Linux FreeS/WAN", "FreeS/WAN", "1.0.0",
	  "\"OE\" + MD5(\"Linux FreeS/WAN 1.0.0\") 10 bytes, 0x40|b&0x7f; "
	  "ike-scan ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x71\x76\x51\x5f\x51\x5f\x71\x52\x6b\x56",
	  12, VK_EXACT, 0, 0,
	  "Linux FreeS/WAN", "FreeS/WAN", "1.0.1",
	  "\"OE\" + MD5(\"Linux FreeS/WAN 1.0.1\") 10 bytes, 0x40|b&0x7f; "
	  "ike-scan ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x46\x5d\x56\x63\x6a\x51\x49\x72\x55\x58",
	  12, VK_EXACT, 0, 0,
	  "Linux FreeS/WAN", "FreeS/WAN", "1.0.2",
	  "\"OE\" + MD5(\"Linux FreeS/WAN 1.0.2\") 10 bytes, 0x40|b&0x7f; "
	  "ike-scan ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x46\x44\x59\x5a\x4f\x5c\x7a\x53\x54\x45",
	  12, VK_EXACT, 0, 0,
	  "Linux FreeS/WAN", "FreeS/WAN", "1.1.0",
	  "\"OE\" + MD5(\"Linux FreeS/WAN 1.1.0\") 10 bytes, 0x40|b&0x7f; "
	  "ike-scan ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x68\x42\x53\x7e\x5a\x5c\x71\x52\x75\x47",
	  12, VK_EXACT, 0, 0,
	  "Linux FreeS/WAN", "FreeS/WAN", "1.1.1",
	  "\"OE\" + MD5(\"Linux FreeS/WAN 1.1.1\") 10 bytes, 0x40|b&0x7f; "
	  "ike-scan ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x7d\x5b\x4a\x70\x7d\x73\x6e\x7b\x5b\x6f",
	  12, VK_EXACT, 0, 0,
	  "Linux FreeS/WAN", "FreeS/WAN", "1.1.2",
	  "\"OE\" + MD5(\"Linux FreeS/WAN 1.1.2\") 10 bytes, 0x40|b&0x7f; "
	  "ike-scan ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x64\x63\x57\x71\x4a\x75\x5b\x4a\x5b\x72",
	  12, VK_EXACT, 0, 0,
	  "Linux FreeS/WAN", "FreeS/WAN", "1.1.3",
	  "\"OE\" + MD5(\"Linux FreeS/WAN 1.1.3\") 10 bytes, 0x40|b&0x7f; "
	  "ike-scan ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x41\x60\x44\x4e\x74\x51\x50\x60\x4e\x47",
	  12, VK_EXACT, 0, 0,
	  "Linux FreeS/WAN", "FreeS/WAN", "1.1.4",
	  "\"OE\" + MD5(\"Linux FreeS/WAN 1.1.4\") 10 bytes, 0x40|b&0x7f; "
	  "ike-scan ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x44\x54\x74\x76\x64\x77\x54\x79\x51\x57",
	  12, VK_EXACT, 0, 0,
	  "Linux FreeS/WAN", "FreeS/WAN", "1.1.5",
	  "\"OE\" + MD5(\"Linux FreeS/WAN 1.1.5\") 10 bytes, 0x40|b&0x7f; "
	  "ike-scan ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x4b\x48\x65\x7b\x61\x6b\x49\x4a\x4c\x77",
	  12, VK_EXACT, 0, 0,
	  "Linux FreeS/WAN", "FreeS/WAN", "1.1.6",
	  "\"OE\" + MD5(\"Linux FreeS/WAN 1.1.6\") 10 bytes, 0x40|b&0x7f; "
	  "ike-scan ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x54\x4e\x79\x73\x7d\x49\x53\x43\x7b\x43",
	  12, VK_EXACT, 0, 0,
	  "Linux FreeS/WAN", "FreeS/WAN", "1.2.0",
	  "\"OE\" + MD5(\"Linux FreeS/WAN 1.2.0\") 10 bytes, 0x40|b&0x7f; "
	  "ike-scan ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x4d\x52\x41\x73\x69\x51\x57\x51\x53\x75",
	  12, VK_EXACT, 0, 0,
	  "Linux FreeS/WAN", "FreeS/WAN", "1.2.1",
	  "\"OE\" + MD5(\"Linux FreeS/WAN 1.2.1\") 10 bytes, 0x40|b&0x7f; "
	  "ike-scan ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x46\x5e\x5c\x62\x77\x4e\x59\x77\x4c\x4f",
	  12, VK_EXACT, 0, 0,
	  "Linux FreeS/WAN", "FreeS/WAN", "1.2.2",
	  "\"OE\" + MD5(\"Linux FreeS/WAN 1.2.2\") 10 bytes, 0x40|b&0x7f; "
	  "ike-scan ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x5a\x71\x7b\x40\x60\x79\x77\x57\x70\x67",
	  12, VK_EXACT, 0, 0,
	  "Linux FreeS/WAN", "FreeS/WAN", "1.3.0",
	  "\"OE\" + MD5(\"Linux FreeS/WAN 1.3.0\") 10 bytes, 0x40|b&0x7f; "
	  "ike-scan ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x7d\x7c\x69\x65\x69\x67\x6a\x6f\x60\x7c",
	  12, VK_EXACT, 0, 0,
	  "Linux FreeS/WAN", "FreeS/WAN", "1.3.1",
	  "\"OE\" + MD5(\"Linux FreeS/WAN 1.3.1\") 10 bytes, 0x40|b&0x7f; "
	  "ike-scan ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x7c\x6f\x70\x76\x6b\x5a\x61\x54\x6a\x51",
	  12, VK_EXACT, 0, 0,
	  "Linux FreeS/WAN", "FreeS/WAN", "1.3.2",
	  "\"OE\" + MD5(\"Linux FreeS/WAN 1.3.2\") 10 bytes, 0x40|b&0x7f; "
	  "ike-scan ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x7d\x5b\x52\x7b\x6c\x54\x73\x6d\x44\x7d",
	  12, VK_EXACT, 0, 0,
	  "Linux FreeS/WAN", "FreeS/WAN", "1.3.3",
	  "\"OE\" + MD5(\"Linux FreeS/WAN 1.3.3\") 10 bytes, 0x40|b&0x7f; "
	  "ike-scan ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x4e\x74\x6f\x4f\x53\x42\x75\x79\x49\x7d",
	  12, VK_EXACT, 0, 0,
	  "Linux FreeS/WAN", "FreeS/WAN", "1.3.4",
	  "\"OE\" + MD5(\"Linux FreeS/WAN 1.3.4\") 10 bytes, 0x40|b&0x7f; "
	  "ike-scan ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x41\x52\x62\x73\x4d\x59\x6d\x56\x51\x6b",
	  12, VK_EXACT, 0, 0,
	  "Linux FreeS/WAN", "FreeS/WAN", "1.3.5",
	  "\"OE\" + MD5(\"Linux FreeS/WAN 1.3.5\") 10 bytes, 0x40|b&0x7f; "
	  "ike-scan ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x62\x48\x51\x4f\x40\x59\x42\x44\x7c\x4e",
	  12, VK_EXACT, 0, 0,
	  "Linux FreeS/WAN", "FreeS/WAN", "1.3.6",
	  "\"OE\" + MD5(\"Linux FreeS/WAN 1.3.6\") 10 bytes, 0x40|b&0x7f; "
	  "ike-scan ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x40\x40\x63\x75\x6a\x5d\x49\x6a\x58\x4f",
	  12, VK_EXACT, 0, 0,
	  "Linux FreeS/WAN", "FreeS/WAN", "1.4.0",
	  "\"OE\" + MD5(\"Linux FreeS/WAN 1.4.0\") 10 bytes, 0x40|b&0x7f; "
	  "ike-scan ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x5f\x52\x67\x60\x42\x57\x42\x49\x7c\x65",
	  12, VK_EXACT, 0, 0,
	  "Linux FreeS/WAN", "FreeS/WAN", "1.4.1",
	  "\"OE\" + MD5(\"Linux FreeS/WAN 1.4.1\") 10 bytes, 0x40|b&0x7f; "
	  "ike-scan ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x62\x70\x43\x4d\x5b\x6e\x67\x53\x77\x6e",
	  12, VK_EXACT, 0, 0,
	  "Linux FreeS/WAN", "FreeS/WAN", "1.4.2",
	  "\"OE\" + MD5(\"Linux FreeS/WAN 1.4.2\") 10 bytes, 0x40|b&0x7f; "
	  "ike-scan ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x7a\x6d\x5b\x60\x5b\x7d\x42\x40\x5a\x67",
	  12, VK_EXACT, 0, 0,
	  "Linux FreeS/WAN", "FreeS/WAN", "1.4.3",
	  "\"OE\" + MD5(\"Linux FreeS/WAN 1.4.3\") 10 bytes, 0x40|b&0x7f; "
	  "ike-scan ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x71\x77\x67\x4d\x6a\x63\x42\x6e\x4d\x54",
	  12, VK_EXACT, 0, 0,
	  "Linux FreeS/WAN", "FreeS/WAN", "1.4.4",
	  "\"OE\" + MD5(\"Linux FreeS/WAN 1.4.4\") 10 bytes, 0x40|b&0x7f; "
	  "ike-scan ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x7d\x73\x43\x5c\x6d\x5b\x6e\x77\x7d\x59",
	  12, VK_EXACT, 0, 0,
	  "Linux FreeS/WAN", "FreeS/WAN", "1.4.5",
	  "\"OE\" + MD5(\"Linux FreeS/WAN 1.4.5\") 10 bytes, 0x40|b&0x7f; "
	  "ike-scan ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x42\x52\x61\x43\x57\x63\x65\x4e\x52\x69",
	  12, VK_EXACT, 0, 0,
	  "Linux FreeS/WAN", "FreeS/WAN", "1.4.6",
	  "\"OE\" + MD5(\"Linux FreeS/WAN 1.4.6\") 10 bytes, 0x40|b&0x7f; "
	  "ike-scan ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x7a\x6a\x54\x7b\x43\x43\x78\x75\x78\x57",
	  12, VK_EXACT, 0, 0,
	  "Linux FreeS/WAN", "FreeS/WAN", "1.4.7",
	  "\"OE\" + MD5(\"Linux FreeS/WAN 1.4.7\") 10 bytes, 0x40|b&0x7f; "
	  "ike-scan ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x54\x76\x69\x6c\x4e\x50\x67\x5f\x6e\x70",
	  12, VK_EXACT, 0, 0,
	  "Linux FreeS/WAN", "FreeS/WAN", "1.4.8",
	  "\"OE\" + MD5(\"Linux FreeS/WAN 1.4.8\") 10 bytes, 0x40|b&0x7f; "
	  "ike-scan ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x56\x76\x40\x4f\x5b\x55\x45\x7d\x54\x79",
	  12, VK_EXACT, 0, 0,
	  "Linux FreeS/WAN", "FreeS/WAN", "1.5.0",
	  "\"OE\" + MD5(\"Linux FreeS/WAN 1.5.0\") 10 bytes, 0x40|b&0x7f; "
	  "ike-scan ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x61\x70\x72\x51\x7b\x7d\x5c\x60\x73\x44",
	  12, VK_EXACT, 0, 0,
	  "Linux FreeS/WAN", "FreeS/WAN", "1.5.1",
	  "\"OE\" + MD5(\"Linux FreeS/WAN 1.5.1\") 10 bytes, 0x40|b&0x7f; "
	  "ike-scan ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x6f\x40\x72\x72\x74\x40\x71\x41\x48\x46",
	  12, VK_EXACT, 0, 0,
	  "Linux FreeS/WAN", "FreeS/WAN", "1.5.2",
	  "\"OE\" + MD5(\"Linux FreeS/WAN 1.5.2\") 10 bytes, 0x40|b&0x7f; "
	  "ike-scan ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x47\x42\x5f\x74\x44\x71\x79\x61\x44\x45",
	  12, VK_EXACT, 0, 0,
	  "Linux FreeS/WAN", "FreeS/WAN", "1.5.3",
	  "\"OE\" + MD5(\"Linux FreeS/WAN 1.5.3\") 10 bytes, 0x40|b&0x7f; "
	  "ike-scan ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x7d\x66\x7c\x70\x69\x48\x7e\x49\x54\x48",
	  12, VK_EXACT, 0, 0,
	  "Linux FreeS/WAN", "FreeS/WAN", "1.5.4",
	  "\"OE\" + MD5(\"Linux FreeS/WAN 1.5.4\") 10 bytes, 0x40|b&0x7f; "
	  "ike-scan ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x50\x5f\x70\x77\x4e\x73\x43\x5e\x5b\x7a",
	  12, VK_EXACT, 0, 0,
	  "Linux FreeS/WAN", "FreeS/WAN", "1.5.5",
	  "\"OE\" + MD5(\"Linux FreeS/WAN 1.5.5\") 10 bytes, 0x40|b&0x7f; "
	  "ike-scan ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x46\x7c\x4d\x47\x60\x61\x7f\x48\x65\x47",
	  12, VK_EXACT, 0, 0,
	  "Linux FreeS/WAN", "FreeS/WAN", "1.6.0",
	  "\"OE\" + MD5(\"Linux FreeS/WAN 1.6.0\") 10 bytes, 0x40|b&0x7f; "
	  "ike-scan ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x4b\x53\x4c\x58\x42\x71\x5a\x65\x6f\x49",
	  12, VK_EXACT, 0, 0,
	  "Linux FreeS/WAN", "FreeS/WAN", "1.6.1",
	  "\"OE\" + MD5(\"Linux FreeS/WAN 1.6.1\") 10 bytes, 0x40|b&0x7f; "
	  "ike-scan ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x57\x46\x4c\x67\x53\x55\x40\x42\x7a\x72",
	  12, VK_EXACT, 0, 0,
	  "Linux FreeS/WAN", "FreeS/WAN", "1.6.2",
	  "\"OE\" + MD5(\"Linux FreeS/WAN 1.6.2\") 10 bytes, 0x40|b&0x7f; "
	  "ike-scan ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x7d\x60\x72\x71\x52\x59\x66\x53\x68\x6e",
	  12, VK_EXACT, 0, 0,
	  "Linux FreeS/WAN", "FreeS/WAN", "1.6.3",
	  "\"OE\" + MD5(\"Linux FreeS/WAN 1.6.3\") 10 bytes, 0x40|b&0x7f; "
	  "ike-scan ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x48\x6b\x7d\x44\x78\x4d\x42\x67\x6b\x5d",
	  12, VK_EXACT, 0, 0,
	  "Linux FreeS/WAN", "FreeS/WAN", "2.00",
	  "\"OE\" + MD5(\"Linux FreeS/WAN 2.00\") 10 bytes, 0x40|b&0x7f; "
	  "ike-scan ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x7c\x4f\x54\x7e\x6e\x61\x5b\x42\x6e\x56",
	  12, VK_EXACT, 0, 0,
	  "Linux FreeS/WAN", "FreeS/WAN", "2.01",
	  "\"OE\" + MD5(\"Linux FreeS/WAN 2.01\") 10 bytes, 0x40|b&0x7f; "
	  "ike-scan ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x6c\x6b\x44\x69\x6d\x7f\x6b\x4c\x4e\x60",
	  12, VK_EXACT, 0, 0,
	  "Linux FreeS/WAN", "FreeS/WAN", "2.02",
	  "\"OE\" + MD5(\"Linux FreeS/WAN 2.02\") 10 bytes, 0x40|b&0x7f; "
	  "ike-scan ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x56\x66\x71\x47\x49\x62\x73\x4e\x62\x64",
	  12, VK_EXACT, 0, 0,
	  "Linux FreeS/WAN", "FreeS/WAN", "2.03",
	  "\"OE\" + MD5(\"Linux FreeS/WAN 2.03\") 10 bytes, 0x40|b&0x7f; "
	  "ike-scan ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x70\x4f\x73\x65\x79\x50\x5c\x6e\x5f\x6d",
	  12, VK_EXACT, 0, 0,
	  "Linux FreeS/WAN", "FreeS/WAN", "2.04",
	  "\"OE\" + MD5(\"Linux FreeS/WAN 2.04\") 10 bytes, 0x40|b&0x7f; "
	  "ike-scan ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x72\x71\x78\x5f\x4c\x7e\x49\x6f\x4d\x54",
	  12, VK_EXACT, 0, 0,
	  "Linux FreeS/WAN", "FreeS/WAN", "2.05",
	  "\"OE\" + MD5(\"Linux FreeS/WAN 2.05\") 10 bytes, 0x40|b&0x7f; "
	  "ike-scan ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x7e\x4c\x46\x6e\x5d\x42\x7c\x5c\x6b\x52",
	  12, VK_EXACT, 0, 0,
	  "Linux FreeS/WAN", "FreeS/WAN", "2.06",
	  "\"OE\" + MD5(\"Linux FreeS/WAN 2.06\") 10 bytes, 0x40|b&0x7f; "
	  "ike-scan ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x44\x76\x5b\x57\x6b\x40\x45\x41\x74\x47",
	  12, VK_EXACT, 0, 0,
	  "Linux FreeS/WAN", "FreeS/WAN", "2.00",
	  "\"OE\" + MD5(\"Linux FreeS/WAN 2.00 PLUTO_SENDS_VENDORID\") 10 "
	  "bytes, 0x40|b&0x7f; libreswan vendorid.c",
	  NULL },
	{ "\x4f\x45\x77\x4e\x4a\x43\x52\x71\x6e\x45\x48\x6f",
	  12, VK_EXACT, 0, 0,
	  "Linux FreeS/WAN", "FreeS/WAN", "2.00 X.509-1.3.1",
	  "\"OE\" + MD5(\"Linux FreeS/WAN 2.00 X.509-1.3.1 "
	  "PLUTO_SENDS_VENDORID\") 10 bytes, 0x40|b&0x7f; libreswan "
	  "vendorid.c",
	  NULL },
	{ "\x4f\x45\x57\x5d\x6a\x53\x43\x42\x46\x74\x79\x6e",
	  12, VK_EXACT, 0, 0,
	  "Linux FreeS/WAN", "FreeS/WAN", "2.00 X.509-1.3.1 LDAP",
	  "\"OE\" + MD5(\"Linux FreeS/WAN 2.00 X.509-1.3.1 LDAP "
	  "PLUTO_SENDS_VENDORID\") 10 bytes, 0x40|b&0x7f; libreswan "
	  "vendorid.c",
	  NULL },
	{ "\x4f\x45\x5d\x78\x7a\x5b\x69\x48\x78\x7a\x65\x5b",
	  12, VK_EXACT, 0, 0,
	  "Openswan", "Openswan", "2.1.0",
	  "\"OE\" + MD5(\"Openswan 2.1.0\") 10 bytes, 0x40|b&0x7f; ike-scan "
	  "ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x46\x6a\x78\x6e\x57\x48\x4d\x4d\x43\x61",
	  12, VK_EXACT, 0, 0,
	  "Openswan", "Openswan", "2.1.1",
	  "\"OE\" + MD5(\"Openswan 2.1.1\") 10 bytes, 0x40|b&0x7f; ike-scan "
	  "ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x55\x65\x67\x71\x40\x7e\x63\x63\x65\x78",
	  12, VK_EXACT, 0, 0,
	  "Openswan", "Openswan", "2.1.2",
	  "\"OE\" + MD5(\"Openswan 2.1.2\") 10 bytes, 0x40|b&0x7f; ike-scan "
	  "ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x48\x72\x4b\x6e\x5e\x68\x55\x7c\x60\x4f",
	  12, VK_EXACT, 0, 0,
	  "Openswan", "Openswan", "2.2.0",
	  "\"OE\" + MD5(\"Openswan 2.2.0\") 10 bytes, 0x40|b&0x7f; ike-scan "
	  "ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x72\x69\x6f\x5c\x77\x55\x7f\x74\x62\x49",
	  12, VK_EXACT, 0, 0,
	  "Openswan", "Openswan", "2.3.0",
	  "\"OE\" + MD5(\"Openswan 2.3.0\") 10 bytes, 0x40|b&0x7f; ike-scan "
	  "ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x45\x43\x55\x70\x6e\x73\x5d\x62\x5c\x71",
	  12, VK_EXACT, 0, 0,
	  "Openswan", "Openswan", "2.3.1",
	  "\"OE\" + MD5(\"Openswan 2.3.1\") 10 bytes, 0x40|b&0x7f; ike-scan "
	  "ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x78\x5c\x56\x7c\x6f\x61\x50\x7e\x78\x64",
	  12, VK_EXACT, 0, 0,
	  "Openswan", "Openswan", "2.4.0",
	  "\"OE\" + MD5(\"Openswan 2.4.0\") 10 bytes, 0x40|b&0x7f; ike-scan "
	  "ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x6e\x5e\x4c\x73\x7d\x7d\x62\x79\x6c\x51",
	  12, VK_EXACT, 0, 0,
	  "Openswan", "Openswan", "2.4.1",
	  "\"OE\" + MD5(\"Openswan 2.4.1\") 10 bytes, 0x40|b&0x7f; ike-scan "
	  "ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x66\x6a\x63\x43\x55\x4b\x5f\x7a\x40\x62",
	  12, VK_EXACT, 0, 0,
	  "Openswan", "Openswan", "2.4.2",
	  "\"OE\" + MD5(\"Openswan 2.4.2\") 10 bytes, 0x40|b&0x7f; ike-scan "
	  "ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x47\x40\x7c\x76\x73\x77\x54\x49\x54\x6e",
	  12, VK_EXACT, 0, 0,
	  "Openswan", "Openswan", "2.4.3",
	  "\"OE\" + MD5(\"Openswan 2.4.3\") 10 bytes, 0x40|b&0x7f; ike-scan "
	  "ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x56\x5e\x64\x41\x54\x5f\x4a\x66\x46\x42",
	  12, VK_EXACT, 0, 0,
	  "Openswan", "Openswan", "2.4.4",
	  "\"OE\" + MD5(\"Openswan 2.4.4\") 10 bytes, 0x40|b&0x7f; ike-scan "
	  "ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x58\x7d\x5d\x4b\x4b\x7c\x61\x48\x7b\x7c",
	  12, VK_EXACT, 0, 0,
	  "Openswan", "Openswan", "2.4.5",
	  "\"OE\" + MD5(\"Openswan 2.4.5\") 10 bytes, 0x40|b&0x7f; ike-scan "
	  "ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x63\x6e\x65\x42\x78\x5f\x6f\x6b\x72\x57",
	  12, VK_EXACT, 0, 0,
	  "Openswan", "Openswan", "2.4.6",
	  "\"OE\" + MD5(\"Openswan 2.4.6\") 10 bytes, 0x40|b&0x7f; ike-scan "
	  "ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x52\x75\x6a\x41\x4d\x79\x43\x4d\x49\x51",
	  12, VK_EXACT, 0, 0,
	  "Openswan", "Openswan", "2.4.7",
	  "\"OE\" + MD5(\"Openswan 2.4.7\") 10 bytes, 0x40|b&0x7f; ike-scan "
	  "ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x7a\x6d\x73\x4b\x6f\x47\x62\x73\x61\x6c",
	  12, VK_EXACT, 0, 0,
	  "Openswan", "Openswan", "2.4.8",
	  "\"OE\" + MD5(\"Openswan 2.4.8\") 10 bytes, 0x40|b&0x7f; ike-scan "
	  "ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x41\x4c\x5d\x6a\x75\x51\x64\x50\x45\x7a",
	  12, VK_EXACT, 0, 0,
	  "Openswan", "Openswan", "2.4.9",
	  "\"OE\" + MD5(\"Openswan 2.4.9\") 10 bytes, 0x40|b&0x7f; ike-scan "
	  "ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x69\x71\x72\x6d\x54\x72\x6e\x46\x4a\x71",
	  12, VK_EXACT, 0, 0,
	  "Openswan", "Openswan", "2.4.10",
	  "\"OE\" + MD5(\"Openswan 2.4.10\") 10 bytes, 0x40|b&0x7f; ike-scan "
	  "ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x50\x48\x49\x48\x57\x6e\x64\x63\x6f\x6b",
	  12, VK_EXACT, 0, 0,
	  "Openswan", "Openswan", "2.4.11",
	  "\"OE\" + MD5(\"Openswan 2.4.11\") 10 bytes, 0x40|b&0x7f; ike-scan "
	  "ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x6c\x7c\x5b\x79\x72\x5e\x4a\x6a\x56\x58",
	  12, VK_EXACT, 0, 0,
	  "Openswan", "Openswan", "2.4.12",
	  "\"OE\" + MD5(\"Openswan 2.4.12\") 10 bytes, 0x40|b&0x7f; ike-scan "
	  "ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x44\x5e\x59\x7f\x60\x63\x47\x70\x43\x6c",
	  12, VK_EXACT, 0, 0,
	  "Openswan", "Openswan", "2.4.13",
	  "\"OE\" + MD5(\"Openswan 2.4.13\") 10 bytes, 0x40|b&0x7f; ike-scan "
	  "ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x4c\x4e\x76\x7d\x47\x5b\x77\x5e\x6f\x56",
	  12, VK_EXACT, 0, 0,
	  "Openswan", "Openswan", "2.4.14",
	  "\"OE\" + MD5(\"Openswan 2.4.14\") 10 bytes, 0x40|b&0x7f; ike-scan "
	  "ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x67\x5d\x5e\x5d\x7f\x66\x4c\x60\x46\x51",
	  12, VK_EXACT, 0, 0,
	  "Openswan", "Openswan", "2.4.15",
	  "\"OE\" + MD5(\"Openswan 2.4.15\") 10 bytes, 0x40|b&0x7f; ike-scan "
	  "ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x46\x47\x7e\x5e\x4b\x54\x40\x60\x68\x59",
	  12, VK_EXACT, 0, 0,
	  "Openswan", "Openswan", "2.5.0",
	  "\"OE\" + MD5(\"Openswan 2.5.0\") 10 bytes, 0x40|b&0x7f; ike-scan "
	  "ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x49\x5c\x76\x74\x49\x49\x5c\x5a\x73\x50",
	  12, VK_EXACT, 0, 0,
	  "Openswan", "Openswan", "2.5.00",
	  "\"OE\" + MD5(\"Openswan 2.5.00\") 10 bytes, 0x40|b&0x7f; ike-scan "
	  "ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x72\x60\x46\x68\x58\x43\x4c\x7e\x6a\x45",
	  12, VK_EXACT, 0, 0,
	  "Openswan", "Openswan", "2.5.01",
	  "\"OE\" + MD5(\"Openswan 2.5.01\") 10 bytes, 0x40|b&0x7f; ike-scan "
	  "ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x71\x7a\x7c\x71\x5b\x65\x7c\x5c\x51\x56",
	  12, VK_EXACT, 0, 0,
	  "Openswan", "Openswan", "2.5.02",
	  "\"OE\" + MD5(\"Openswan 2.5.02\") 10 bytes, 0x40|b&0x7f; ike-scan "
	  "ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x66\x51\x51\x7b\x4f\x47\x52\x76\x65\x4d",
	  12, VK_EXACT, 0, 0,
	  "Openswan", "Openswan", "2.5.03",
	  "\"OE\" + MD5(\"Openswan 2.5.03\") 10 bytes, 0x40|b&0x7f; ike-scan "
	  "ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x56\x72\x60\x6d\x79\x4f\x69\x7d\x72\x42",
	  12, VK_EXACT, 0, 0,
	  "Openswan", "Openswan", "2.5.04",
	  "\"OE\" + MD5(\"Openswan 2.5.04\") 10 bytes, 0x40|b&0x7f; ike-scan "
	  "ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x4a\x4d\x5e\x5e\x67\x4c\x60\x4e\x41\x68",
	  12, VK_EXACT, 0, 0,
	  "Openswan", "Openswan", "2.5.05",
	  "\"OE\" + MD5(\"Openswan 2.5.05\") 10 bytes, 0x40|b&0x7f; ike-scan "
	  "ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x4a\x61\x76\x62\x4e\x58\x76\x75\x4d\x64",
	  12, VK_EXACT, 0, 0,
	  "Openswan", "Openswan", "2.5.06",
	  "\"OE\" + MD5(\"Openswan 2.5.06\") 10 bytes, 0x40|b&0x7f; ike-scan "
	  "ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x5c\x47\x46\x49\x46\x43\x48\x75\x46\x4e",
	  12, VK_EXACT, 0, 0,
	  "Openswan", "Openswan", "2.5.07",
	  "\"OE\" + MD5(\"Openswan 2.5.07\") 10 bytes, 0x40|b&0x7f; ike-scan "
	  "ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x5a\x6f\x77\x6e\x66\x6c\x49\x49\x7b\x68",
	  12, VK_EXACT, 0, 0,
	  "Openswan", "Openswan", "2.5.08",
	  "\"OE\" + MD5(\"Openswan 2.5.08\") 10 bytes, 0x40|b&0x7f; ike-scan "
	  "ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x4c\x4f\x57\x7c\x5a\x7c\x4c\x66\x52\x48",
	  12, VK_EXACT, 0, 0,
	  "Openswan", "Openswan", "2.5.09",
	  "\"OE\" + MD5(\"Openswan 2.5.09\") 10 bytes, 0x40|b&0x7f; ike-scan "
	  "ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x71\x42\x50\x57\x57\x65\x76\x6a\x6c\x72",
	  12, VK_EXACT, 0, 0,
	  "Openswan", "Openswan", "2.5.10",
	  "\"OE\" + MD5(\"Openswan 2.5.10\") 10 bytes, 0x40|b&0x7f; ike-scan "
	  "ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x7a\x79\x5c\x64\x40\x40\x71\x66\x77\x6c",
	  12, VK_EXACT, 0, 0,
	  "Openswan", "Openswan", "2.5.11",
	  "\"OE\" + MD5(\"Openswan 2.5.11\") 10 bytes, 0x40|b&0x7f; ike-scan "
	  "ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x49\x79\x6c\x52\x4b\x7c\x51\x5b\x54\x50",
	  12, VK_EXACT, 0, 0,
	  "Openswan", "Openswan", "2.5.12",
	  "\"OE\" + MD5(\"Openswan 2.5.12\") 10 bytes, 0x40|b&0x7f; ike-scan "
	  "ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x45\x57\x40\x66\x7a\x5f\x76\x6d\x78\x5d",
	  12, VK_EXACT, 0, 0,
	  "Openswan", "Openswan", "2.5.13",
	  "\"OE\" + MD5(\"Openswan 2.5.13\") 10 bytes, 0x40|b&0x7f; ike-scan "
	  "ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x73\x6b\x7f\x50\x64\x5f\x6c\x41\x63\x41",
	  12, VK_EXACT, 0, 0,
	  "Openswan", "Openswan", "2.5.14",
	  "\"OE\" + MD5(\"Openswan 2.5.14\") 10 bytes, 0x40|b&0x7f; ike-scan "
	  "ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x67\x5e\x40\x7f\x69\x61\x48\x44\x4f\x7c",
	  12, VK_EXACT, 0, 0,
	  "Openswan", "Openswan", "2.5.15",
	  "\"OE\" + MD5(\"Openswan 2.5.15\") 10 bytes, 0x40|b&0x7f; ike-scan "
	  "ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x57\x57\x5d\x58\x47\x4e\x5d\x57\x4e\x58",
	  12, VK_EXACT, 0, 0,
	  "Openswan", "Openswan", "2.5.16",
	  "\"OE\" + MD5(\"Openswan 2.5.16\") 10 bytes, 0x40|b&0x7f; ike-scan "
	  "ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x7a\x74\x43\x7b\x79\x4a\x61\x48\x68\x5b",
	  12, VK_EXACT, 0, 0,
	  "Openswan", "Openswan", "2.5.17",
	  "\"OE\" + MD5(\"Openswan 2.5.17\") 10 bytes, 0x40|b&0x7f; ike-scan "
	  "ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x5e\x74\x65\x4a\x50\x4c\x7a\x61\x49\x67",
	  12, VK_EXACT, 0, 0,
	  "Openswan", "Openswan", "2.5.18",
	  "\"OE\" + MD5(\"Openswan 2.5.18\") 10 bytes, 0x40|b&0x7f; ike-scan "
	  "ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x76\x6b\x71\x77\x6b\x6f\x48\x46\x7a\x69",
	  12, VK_EXACT, 0, 0,
	  "Openswan", "Openswan", "2.6.01",
	  "\"OE\" + MD5(\"Openswan 2.6.01\") 10 bytes, 0x40|b&0x7f; ike-scan "
	  "ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x5f\x52\x57\x58\x67\x4a\x61\x46\x5b\x6b",
	  12, VK_EXACT, 0, 0,
	  "Openswan", "Openswan", "2.6.02",
	  "\"OE\" + MD5(\"Openswan 2.6.02\") 10 bytes, 0x40|b&0x7f; ike-scan "
	  "ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x77\x53\x76\x79\x7c\x60\x51\x6a\x75\x7b",
	  12, VK_EXACT, 0, 0,
	  "Openswan", "Openswan", "2.6.03",
	  "\"OE\" + MD5(\"Openswan 2.6.03\") 10 bytes, 0x40|b&0x7f; ike-scan "
	  "ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x73\x6f\x4c\x65\x69\x47\x5a\x7d\x7f\x4c",
	  12, VK_EXACT, 0, 0,
	  "Openswan", "Openswan", "2.6.04",
	  "\"OE\" + MD5(\"Openswan 2.6.04\") 10 bytes, 0x40|b&0x7f; ike-scan "
	  "ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x7b\x65\x4a\x44\x43\x41\x70\x42\x76\x63",
	  12, VK_EXACT, 0, 0,
	  "Openswan", "Openswan", "2.6.05",
	  "\"OE\" + MD5(\"Openswan 2.6.05\") 10 bytes, 0x40|b&0x7f; ike-scan "
	  "ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x4a\x43\x76\x41\x4f\x73\x7d\x6e\x49\x5f",
	  12, VK_EXACT, 0, 0,
	  "Openswan", "Openswan", "2.6.06",
	  "\"OE\" + MD5(\"Openswan 2.6.06\") 10 bytes, 0x40|b&0x7f; ike-scan "
	  "ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x46\x6b\x5d\x7b\x47\x53\x76\x5c\x68\x6b",
	  12, VK_EXACT, 0, 0,
	  "Openswan", "Openswan", "2.6.07",
	  "\"OE\" + MD5(\"Openswan 2.6.07\") 10 bytes, 0x40|b&0x7f; ike-scan "
	  "ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x7d\x45\x67\x55\x61\x56\x59\x53\x4c\x7b",
	  12, VK_EXACT, 0, 0,
	  "Openswan", "Openswan", "2.6.08",
	  "\"OE\" + MD5(\"Openswan 2.6.08\") 10 bytes, 0x40|b&0x7f; ike-scan "
	  "ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x5a\x44\x7e\x4d\x54\x7d\x6d\x41\x6e\x6c",
	  12, VK_EXACT, 0, 0,
	  "Openswan", "Openswan", "2.6.09",
	  "\"OE\" + MD5(\"Openswan 2.6.09\") 10 bytes, 0x40|b&0x7f; ike-scan "
	  "ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x74\x4a\x61\x53\x7c\x76\x46\x48\x66\x41",
	  12, VK_EXACT, 0, 0,
	  "Openswan", "Openswan", "2.6.10",
	  "\"OE\" + MD5(\"Openswan 2.6.10\") 10 bytes, 0x40|b&0x7f; ike-scan "
	  "ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x5e\x7f\x4c\x79\x57\x4b\x43\x45\x54\x65",
	  12, VK_EXACT, 0, 0,
	  "Openswan", "Openswan", "2.6.11",
	  "\"OE\" + MD5(\"Openswan 2.6.11\") 10 bytes, 0x40|b&0x7f; ike-scan "
	  "ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x77\x5b\x5b\x5e\x5b\x70\x54\x43\x40\x4e",
	  12, VK_EXACT, 0, 0,
	  "Openswan", "Openswan", "2.6.12",
	  "\"OE\" + MD5(\"Openswan 2.6.12\") 10 bytes, 0x40|b&0x7f; ike-scan "
	  "ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x5a\x7f\x4b\x47\x46\x67\x54\x52\x65\x64",
	  12, VK_EXACT, 0, 0,
	  "Openswan", "Openswan", "2.6.13",
	  "\"OE\" + MD5(\"Openswan 2.6.13\") 10 bytes, 0x40|b&0x7f; ike-scan "
	  "ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x6f\x53\x4a\x55\x77\x65\x61\x71\x41\x58",
	  12, VK_EXACT, 0, 0,
	  "Openswan", "Openswan", "2.6.14",
	  "\"OE\" + MD5(\"Openswan 2.6.14\") 10 bytes, 0x40|b&0x7f; ike-scan "
	  "ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x63\x47\x6e\x58\x6e\x5f\x56\x7a\x54\x57",
	  12, VK_EXACT, 0, 0,
	  "Openswan", "Openswan", "2.6.15",
	  "\"OE\" + MD5(\"Openswan 2.6.15\") 10 bytes, 0x40|b&0x7f; ike-scan "
	  "ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x6a\x7d\x63\x73\x57\x76\x5a\x5c\x7b\x63",
	  12, VK_EXACT, 0, 0,
	  "Openswan", "Openswan", "2.6.16",
	  "\"OE\" + MD5(\"Openswan 2.6.16\") 10 bytes, 0x40|b&0x7f; ike-scan "
	  "ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x54\x70\x42\x45\x58\x43\x55\x76\x45\x71",
	  12, VK_EXACT, 0, 0,
	  "Openswan", "Openswan", "2.6.17",
	  "\"OE\" + MD5(\"Openswan 2.6.17\") 10 bytes, 0x40|b&0x7f; ike-scan "
	  "ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x7d\x5a\x76\x5a\x40\x4d\x5b\x4f\x57\x44",
	  12, VK_EXACT, 0, 0,
	  "Openswan", "Openswan", "2.6.18",
	  "\"OE\" + MD5(\"Openswan 2.6.18\") 10 bytes, 0x40|b&0x7f; ike-scan "
	  "ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x6b\x71\x48\x4c\x42\x50\x4f\x66\x4d\x44",
	  12, VK_EXACT, 0, 0,
	  "Openswan", "Openswan", "2.6.19",
	  "\"OE\" + MD5(\"Openswan 2.6.19\") 10 bytes, 0x40|b&0x7f; ike-scan "
	  "ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x43\x71\x42\x71\x57\x4c\x64\x4b\x7a\x41",
	  12, VK_EXACT, 0, 0,
	  "Openswan", "Openswan", "2.6.20",
	  "\"OE\" + MD5(\"Openswan 2.6.20\") 10 bytes, 0x40|b&0x7f; ike-scan "
	  "ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x49\x70\x42\x4c\x6d\x5f\x4e\x5b\x6f\x59",
	  12, VK_EXACT, 0, 0,
	  "Openswan", "Openswan", "2.6.20dr2",
	  "\"OE\" + MD5(\"Openswan 2.6.20dr2\") 10 bytes, 0x40|b&0x7f; ike-scan"
	  " ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x50\x54\x42\x59\x48\x5a\x67\x46\x4e\x66",
	  12, VK_EXACT, 0, 0,
	  "Openswan", "Openswan", "2.6.20rc1",
	  "\"OE\" + MD5(\"Openswan 2.6.20rc1\") 10 bytes, 0x40|b&0x7f; ike-scan"
	  " ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x7e\x71\x7f\x6b\x5a\x4e\x72\x7d\x57\x6b",
	  12, VK_EXACT, 0, 0,
	  "Openswan", "Openswan", "2.6.21",
	  "\"OE\" + MD5(\"Openswan 2.6.21\") 10 bytes, 0x40|b&0x7f; ike-scan "
	  "ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x6c\x6a\x40\x5d\x72\x54\x4d\x42\x75\x4d",
	  12, VK_EXACT, 0, 0,
	  "Openswan", "Openswan", "2.6.22",
	  "\"OE\" + MD5(\"Openswan 2.6.22\") 10 bytes, 0x40|b&0x7f; ike-scan "
	  "ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x6d\x40\x6b\x67\x53\x46\x45\x48\x40\x7f",
	  12, VK_EXACT, 0, 0,
	  "Openswan", "Openswan", "2.6.23",
	  "\"OE\" + MD5(\"Openswan 2.6.23\") 10 bytes, 0x40|b&0x7f; ike-scan "
	  "ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x55\x7d\x60\x68\x41\x6e\x77\x73\x74\x78",
	  12, VK_EXACT, 0, 0,
	  "Openswan", "Openswan", "2.6.24",
	  "\"OE\" + MD5(\"Openswan 2.6.24\") 10 bytes, 0x40|b&0x7f; ike-scan "
	  "ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x69\x4b\x51\x46\x64\x5d\x68\x63\x43\x4c",
	  12, VK_EXACT, 0, 0,
	  "Openswan", "Openswan", "2.6.24rc3",
	  "\"OE\" + MD5(\"Openswan 2.6.24rc3\") 10 bytes, 0x40|b&0x7f; ike-scan"
	  " ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x44\x57\x43\x78\x7f\x6f\x78\x46\x7b\x4d",
	  12, VK_EXACT, 0, 0,
	  "Openswan", "Openswan", "2.6.24rc5",
	  "\"OE\" + MD5(\"Openswan 2.6.24rc5\") 10 bytes, 0x40|b&0x7f; ike-scan"
	  " ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x43\x60\x6e\x54\x7b\x77\x6f\x5e\x58\x48",
	  12, VK_EXACT, 0, 0,
	  "Openswan", "Openswan", "2.6.25",
	  "\"OE\" + MD5(\"Openswan 2.6.25\") 10 bytes, 0x40|b&0x7f; ike-scan "
	  "ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x50\x4b\x7e\x7a\x76\x4d\x4e\x64\x5f\x57",
	  12, VK_EXACT, 0, 0,
	  "Openswan", "Openswan", "2.6.26",
	  "\"OE\" + MD5(\"Openswan 2.6.26\") 10 bytes, 0x40|b&0x7f; ike-scan "
	  "ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x6e\x54\x4e\x77\x49\x4c\x76\x56\x7e\x5c",
	  12, VK_EXACT, 0, 0,
	  "Openswan", "Openswan", "2.6.27",
	  "\"OE\" + MD5(\"Openswan 2.6.27\") 10 bytes, 0x40|b&0x7f; ike-scan "
	  "ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x51\x7b\x4f\x7f\x6e\x65\x7a\x7b\x43\x51",
	  12, VK_EXACT, 0, 0,
	  "Openswan", "Openswan", "2.6.28",
	  "\"OE\" + MD5(\"Openswan 2.6.28\") 10 bytes, 0x40|b&0x7f; ike-scan "
	  "ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x5e\x5a\x65\x72\x5d\x65\x64\x72\x77\x63",
	  12, VK_EXACT, 0, 0,
	  "Openswan", "Openswan", "2.6.29",
	  "\"OE\" + MD5(\"Openswan 2.6.29\") 10 bytes, 0x40|b&0x7f; ike-scan "
	  "ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x76\x56\x73\x6b\x54\x69\x68\x65\x66\x75",
	  12, VK_EXACT, 0, 0,
	  "Openswan", "Openswan", "2.6.30",
	  "\"OE\" + MD5(\"Openswan 2.6.30\") 10 bytes, 0x40|b&0x7f; ike-scan "
	  "ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x7d\x47\x6e\x44\x7f\x5a\x41\x59\x65\x5b",
	  12, VK_EXACT, 0, 0,
	  "Openswan", "Openswan", "2.6.31",
	  "\"OE\" + MD5(\"Openswan 2.6.31\") 10 bytes, 0x40|b&0x7f; ike-scan "
	  "ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x68\x79\x4c\x64\x41\x43\x65\x63\x66\x61",
	  12, VK_EXACT, 0, 0,
	  "Openswan", "Openswan", "2.6.32",
	  "\"OE\" + MD5(\"Openswan 2.6.32\") 10 bytes, 0x40|b&0x7f; ike-scan "
	  "ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x67\x68\x49\x5f\x77\x5c\x41\x4c\x46\x79",
	  12, VK_EXACT, 0, 0,
	  "Openswan", "Openswan", "2.6.33",
	  "\"OE\" + MD5(\"Openswan 2.6.33\") 10 bytes, 0x40|b&0x7f; ike-scan "
	  "ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x7f\x7e\x63\x7f\x76\x79\x51\x7f\x4a\x5a",
	  12, VK_EXACT, 0, 0,
	  "Openswan", "Openswan", "2.6.34",
	  "\"OE\" + MD5(\"Openswan 2.6.34\") 10 bytes, 0x40|b&0x7f; ike-scan "
	  "ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x7e\x48\x7a\x74\x6b\x6f\x69\x70\x58\x42",
	  12, VK_EXACT, 0, 0,
	  "Openswan", "Openswan", "2.6.35",
	  "\"OE\" + MD5(\"Openswan 2.6.35\") 10 bytes, 0x40|b&0x7f; ike-scan "
	  "ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x71\x6c\x74\x72\x5d\x4b\x5a\x6c\x5d\x5f",
	  12, VK_EXACT, 0, 0,
	  "Openswan", "Openswan", "2.6.36",
	  "\"OE\" + MD5(\"Openswan 2.6.36\") 10 bytes, 0x40|b&0x7f; ike-scan "
	  "ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x75\x5c\x64\x5c\x6a\x79\x5c\x5c\x61\x70",
	  12, VK_EXACT, 0, 0,
	  "Openswan", "Openswan", "2.6.37",
	  "\"OE\" + MD5(\"Openswan 2.6.37\") 10 bytes, 0x40|b&0x7f; ike-scan "
	  "ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x76\x79\x5c\x6b\x67\x7a\x57\x71\x5c\x73",
	  12, VK_EXACT, 0, 0,
	  "Openswan", "Openswan", "2.6.38",
	  "\"OE\" + MD5(\"Openswan 2.6.38\") 10 bytes, 0x40|b&0x7f; ike-scan "
	  "ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x4b\x70\x52\x70\x41\x7f\x76\x5b\x6b\x59",
	  12, VK_EXACT, 0, 0,
	  "Openswan", "Openswan", "2.6.38dr2",
	  "\"OE\" + MD5(\"Openswan 2.6.38dr2\") 10 bytes, 0x40|b&0x7f; ike-scan"
	  " ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x41\x4f\x75\x40\x5b\x4e\x6b\x55\x4a\x50",
	  12, VK_EXACT, 0, 0,
	  "Openswan", "Openswan", "2.6.38rc2",
	  "\"OE\" + MD5(\"Openswan 2.6.38rc2\") 10 bytes, 0x40|b&0x7f; ike-scan"
	  " ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x6d\x64\x70\x47\x5f\x6c\x47\x7d\x76\x7d",
	  12, VK_EXACT, 0, 0,
	  "Openswan", "Openswan", "2.6.39",
	  "\"OE\" + MD5(\"Openswan 2.6.39\") 10 bytes, 0x40|b&0x7f; ike-scan "
	  "ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x6c\x4e\x75\x41\x62\x71\x48\x5b\x79\x70",
	  12, VK_EXACT, 0, 0,
	  "Openswan", "Openswan", "2.6.39dr3",
	  "\"OE\" + MD5(\"Openswan 2.6.39dr3\") 10 bytes, 0x40|b&0x7f; ike-scan"
	  " ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x43\x6f\x58\x6c\x54\x4d\x46\x76\x6f\x54",
	  12, VK_EXACT, 0, 0,
	  "Openswan", "Openswan", "2.3.1 X.509-1.5.4 LDAP_V3",
	  "\"OE\" + MD5(\"Openswan 2.3.1 X.509-1.5.4 LDAP_V3 "
	  "PLUTO_SENDS_VENDORID PLUTO_USES_KEYRR\") 10 bytes, 0x40|b&0x7f; "
	  "ike-scan ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x45\x78\x61\x6c\x46\x7b\x5f\x6f\x60\x6d",
	  12, VK_EXACT, 0, 0,
	  "Openswan", "Openswan", "2.3.1 X.509-1.5.4",
	  "\"OE\" + MD5(\"Openswan 2.3.1 X.509-1.5.4 PLUTO_SENDS_VENDORID "
	  "PLUTO_USES_KEYRR\") 10 bytes, 0x40|b&0x7f; ike-scan "
	  "ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x72\x40\x60\x4e\x7f\x58\x5d\x6d\x58\x69",
	  12, VK_EXACT, 0, 0,
	  "Openswan", "Openswan", "2.4.0 X.509-1.5.4",
	  "\"OE\" + MD5(\"Openswan 2.4.0 X.509-1.5.4 PLUTO_SENDS_VENDORID "
	  "PLUTO_USES_KEYRR\") 10 bytes, 0x40|b&0x7f; ike-scan "
	  "ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x5b\x70\x75\x41\x7d\x59\x59\x58\x7e\x46",
	  12, VK_EXACT, 0, 0,
	  "Openswan", "Openswan", "2.4.3 X.509-1.5.4 LDAP_V3",
	  "\"OE\" + MD5(\"Openswan 2.4.3 X.509-1.5.4 LDAP_V3 "
	  "PLUTO_SENDS_VENDORID PLUTO_USES_KEYRR\") 10 bytes, 0x40|b&0x7f; "
	  "ike-scan ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x7a\x7d\x46\x46\x46\x66\x67\x72\x5f\x65",
	  12, VK_EXACT, 0, 0,
	  "Openswan", "Openswan", "2.4.4 X.509-1.5.4",
	  "\"OE\" + MD5(\"Openswan 2.4.4 X.509-1.5.4 PLUTO_SENDS_VENDORID "
	  "PLUTO_USES_KEYRR\") 10 bytes, 0x40|b&0x7f; ike-scan "
	  "ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x47\x66\x75\x4a\x5b\x59\x65\x7b\x41\x68",
	  12, VK_EXACT, 0, 0,
	  "Openswan", "Openswan", "2.4.5 X.509-1.5.4 LDAP_V3",
	  "\"OE\" + MD5(\"Openswan 2.4.5 X.509-1.5.4 LDAP_V3 "
	  "PLUTO_SENDS_VENDORID PLUTO_USES_KEYRR\") 10 bytes, 0x40|b&0x7f; "
	  "ike-scan ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x6e\x4d\x43\x75\x7f\x78\x4f\x70\x40\x63",
	  12, VK_EXACT, 0, 0,
	  "Openswan", "Openswan", "2.4.5 X.509-1.5.4",
	  "\"OE\" + MD5(\"Openswan 2.4.5 X.509-1.5.4 PLUTO_SENDS_VENDORID "
	  "PLUTO_USES_KEYRR\") 10 bytes, 0x40|b&0x7f; ike-scan "
	  "ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x72\x5c\x5b\x75\x40\x61\x66\x6c\x42\x5f",
	  12, VK_EXACT, 0, 0,
	  "Openswan", "Openswan", "2.4.5dr3 X.509-1.5.4",
	  "\"OE\" + MD5(\"Openswan 2.4.5dr3 X.509-1.5.4 PLUTO_SENDS_VENDORID "
	  "PLUTO_USES_KEYRR\") 10 bytes, 0x40|b&0x7f; ike-scan "
	  "ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x6c\x4c\x4f\x5d\x52\x64\x57\x4e\x52\x44",
	  12, VK_EXACT, 0, 0,
	  "Openswan", "Openswan", "2.4.6 X.509-1.5.4 LDAP_V3",
	  "\"OE\" + MD5(\"Openswan 2.4.6 X.509-1.5.4 LDAP_V3 "
	  "PLUTO_SENDS_VENDORID PLUTO_USES_KEYRR\") 10 bytes, 0x40|b&0x7f; "
	  "ike-scan ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x4e\x7c\x45\x4d\x71\x6b\x5f\x4d\x6c\x67",
	  12, VK_EXACT, 0, 0,
	  "Openswan", "Openswan", "2.4.6 X.509-1.5.4",
	  "\"OE\" + MD5(\"Openswan 2.4.6 X.509-1.5.4 PLUTO_SENDS_VENDORID "
	  "PLUTO_USES_KEYRR\") 10 bytes, 0x40|b&0x7f; ike-scan "
	  "ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x7a\x7d\x6d\x6c\x5e\x54\x41\x72\x70\x70",
	  12, VK_EXACT, 0, 0,
	  "Openswan", "Openswan", "2.4.6rc3 X.509-1.5.4",
	  "\"OE\" + MD5(\"Openswan 2.4.6rc3 X.509-1.5.4 PLUTO_SENDS_VENDORID "
	  "PLUTO_USES_KEYRR\") 10 bytes, 0x40|b&0x7f; ike-scan "
	  "ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x5a\x7e\x42\x61\x42\x5d\x72\x5c\x70\x5f",
	  12, VK_EXACT, 0, 0,
	  "Openswan", "Openswan", "2.4.7",
	  "\"OE\" + MD5(\"Openswan 2.4.7 PLUTO_SENDS_VENDORID "
	  "PLUTO_USES_KEYRR\") 10 bytes, 0x40|b&0x7f; ike-scan "
	  "ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x5d\x62\x57\x58\x60\x51\x42\x72\x75\x4c",
	  12, VK_EXACT, 0, 0,
	  "Openswan", "Openswan", "2.4.8 LDAP_V3",
	  "\"OE\" + MD5(\"Openswan 2.4.8 LDAP_V3 PLUTO_SENDS_VENDORID "
	  "PLUTO_USES_KEYRR\") 10 bytes, 0x40|b&0x7f; ike-scan "
	  "ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x74\x51\x40\x70\x78\x4e\x71\x7f\x57\x60",
	  12, VK_EXACT, 0, 0,
	  "Openswan", "Openswan", "2.4.8",
	  "\"OE\" + MD5(\"Openswan 2.4.8 PLUTO_SENDS_VENDORID "
	  "PLUTO_USES_KEYRR\") 10 bytes, 0x40|b&0x7f; ike-scan "
	  "ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x53\x4a\x49\x6f\x60\x72\x6b\x63\x64\x62",
	  12, VK_EXACT, 0, 0,
	  "Openswan", "Openswan", "2.4.9 LDAP_V3",
	  "\"OE\" + MD5(\"Openswan 2.4.9 LDAP_V3 PLUTO_SENDS_VENDORID "
	  "PLUTO_USES_KEYRR\") 10 bytes, 0x40|b&0x7f; ike-scan "
	  "ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x5f\x5d\x7b\x76\x4b\x67\x43\x6f\x4f\x49",
	  12, VK_EXACT, 0, 0,
	  "Openswan", "Openswan", "2.4.9",
	  "\"OE\" + MD5(\"Openswan 2.4.9 PLUTO_SENDS_VENDORID "
	  "PLUTO_USES_KEYRR\") 10 bytes, 0x40|b&0x7f; ike-scan "
	  "ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x74\x71\x5e\x65\x55\x77\x56\x7a\x5f\x41",
	  12, VK_EXACT, 0, 0,
	  "Openswan", "Openswan", "2.4.10",
	  "\"OE\" + MD5(\"Openswan 2.4.10 PLUTO_SENDS_VENDORID "
	  "PLUTO_USES_KEYRR\") 10 bytes, 0x40|b&0x7f; ike-scan "
	  "ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x7b\x64\x44\x5e\x66\x4a\x63\x55\x76\x6b",
	  12, VK_EXACT, 0, 0,
	  "Openswan", "Openswan", "2.4.11",
	  "\"OE\" + MD5(\"Openswan 2.4.11 PLUTO_SENDS_VENDORID "
	  "PLUTO_USES_KEYRR\") 10 bytes, 0x40|b&0x7f; ike-scan "
	  "ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x60\x6c\x50\x48\x7c\x56\x62\x70\x75\x75",
	  12, VK_EXACT, 0, 0,
	  "Openswan", "Openswan", "2.4.12 LDAP_V3",
	  "\"OE\" + MD5(\"Openswan 2.4.12 LDAP_V3 PLUTO_SENDS_VENDORID "
	  "PLUTO_USES_KEYRR\") 10 bytes, 0x40|b&0x7f; ike-scan "
	  "ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x4b\x42\x7a\x64\x59\x7b\x77\x4d\x5d\x40",
	  12, VK_EXACT, 0, 0,
	  "Openswan", "Openswan", "2.4.12",
	  "\"OE\" + MD5(\"Openswan 2.4.12 PLUTO_SENDS_VENDORID "
	  "PLUTO_USES_KEYRR\") 10 bytes, 0x40|b&0x7f; ike-scan "
	  "ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x6b\x5a\x5d\x52\x60\x5d\x7a\x7a\x6f\x4e",
	  12, VK_EXACT, 0, 0,
	  "Openswan", "Openswan", "2.4.13 LDAP_V3",
	  "\"OE\" + MD5(\"Openswan 2.4.13 LDAP_V3 PLUTO_SENDS_VENDORID "
	  "PLUTO_USES_KEYRR\") 10 bytes, 0x40|b&0x7f; ike-scan "
	  "ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x60\x66\x69\x6a\x41\x75\x66\x51\x4d\x44",
	  12, VK_EXACT, 0, 0,
	  "Openswan", "Openswan", "2.4.13",
	  "\"OE\" + MD5(\"Openswan 2.4.13 PLUTO_SENDS_VENDORID "
	  "PLUTO_USES_KEYRR\") 10 bytes, 0x40|b&0x7f; ike-scan "
	  "ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x5a\x52\x6b\x5f\x4c\x68\x6e\x53\x4e\x63",
	  12, VK_EXACT, 0, 0,
	  "Openswan", "Openswan", "2.4.14",
	  "\"OE\" + MD5(\"Openswan 2.4.14 PLUTO_SENDS_VENDORID "
	  "PLUTO_USES_KEYRR\") 10 bytes, 0x40|b&0x7f; ike-scan "
	  "ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x40\x78\x4e\x47\x62\x71\x63\x62\x78\x58",
	  12, VK_EXACT, 0, 0,
	  "Openswan", "Openswan", "2.4.15 LDAP_V3",
	  "\"OE\" + MD5(\"Openswan 2.4.15 LDAP_V3 PLUTO_SENDS_VENDORID "
	  "PLUTO_USES_KEYRR\") 10 bytes, 0x40|b&0x7f; ike-scan "
	  "ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x7d\x78\x54\x60\x50\x75\x7b\x70\x72\x45",
	  12, VK_EXACT, 0, 0,
	  "Openswan", "Openswan", "2.4.15",
	  "\"OE\" + MD5(\"Openswan 2.4.15 PLUTO_SENDS_VENDORID "
	  "PLUTO_USES_KEYRR\") 10 bytes, 0x40|b&0x7f; ike-scan "
	  "ike-vendor-ids",
	  NULL },
	{ "\x4f\x53\x57\x76\x66\x61\x7a\x6f\x63\x55\x50\x5a",
	  12, VK_EXACT, 0, 0,
	  "Openswan", "Openswan", "2.6.40",
	  "\"OSW\" + MD5(\"Openswan 2.6.40\") 9 bytes, 0x40|b&0x7f; ike-scan "
	  "ike-vendor-ids",
	  NULL },
	{ "\x4f\x53\x57\x73\x78\x6c\x6a\x46\x40\x54\x53\x59",
	  12, VK_EXACT, 0, 0,
	  "Openswan", "Openswan", "2.6.41",
	  "\"OSW\" + MD5(\"Openswan 2.6.41\") 9 bytes, 0x40|b&0x7f; ike-scan "
	  "ike-vendor-ids",
	  NULL },
	{ "\x4f\x53\x57\x51\x62\x4a\x50\x49\x7c\x70\x7f\x61",
	  12, VK_EXACT, 0, 0,
	  "Openswan", "Openswan", "2.6.42",
	  "\"OSW\" + MD5(\"Openswan 2.6.42\") 9 bytes, 0x40|b&0x7f; ike-scan "
	  "ike-vendor-ids",
	  NULL },
	{ "\x4f\x53\x57\x7b\x55\x47\x41\x6f\x4c\x67\x4b\x64",
	  12, VK_EXACT, 0, 0,
	  "Openswan", "Openswan", "2.6.43",
	  "\"OSW\" + MD5(\"Openswan 2.6.43\") 9 bytes, 0x40|b&0x7f; ike-scan "
	  "ike-vendor-ids",
	  NULL },
	{ "\x4f\x53\x57\x47\x45\x62\x73\x52\x67\x5b\x5a\x51",
	  12, VK_EXACT, 0, 0,
	  "Openswan", "Openswan", "2.6.44",
	  "\"OSW\" + MD5(\"Linux Openswan 2.6.44\") 9 bytes, 0x40|b&0x7f; "
	  "ike-scan ike-vendor-ids",
	  NULL },
	{ "\x4f\x53\x57\x7e\x7b\x65\x66\x78\x75\x77\x46\x6d",
	  12, VK_EXACT, 0, 0,
	  "Openswan", "Openswan", "2.6.45",
	  "\"OSW\" + MD5(\"Linux Openswan 2.6.45\") 9 bytes, 0x40|b&0x7f; "
	  "ike-scan ike-vendor-ids",
	  NULL },
	{ "\x4f\x53\x57\x71\x77\x50\x64\x40\x5e\x49\x41\x45",
	  12, VK_EXACT, 0, 0,
	  "Openswan", "Openswan", "2.6.46",
	  "\"OSW\" + MD5(\"Linux Openswan 2.6.46\") 9 bytes, 0x40|b&0x7f; "
	  "ike-scan ike-vendor-ids",
	  NULL },
	{ "\x4f\x53\x57\x58\x4f\x7a\x6d\x66\x70\x6e\x70\x52",
	  12, VK_EXACT, 0, 0,
	  "Openswan", "Openswan", "2.6.47",
	  "\"OSW\" + MD5(\"Linux Openswan 2.6.47\") 9 bytes, 0x40|b&0x7f; "
	  "ike-scan ike-vendor-ids",
	  NULL },
	{ "\x4f\x53\x57\x53\x53\x63\x7b\x59\x79\x53\x6b\x4c",
	  12, VK_EXACT, 0, 0,
	  "Openswan", "Openswan", "2.6.47.1",
	  "\"OSW\" + MD5(\"Linux Openswan 2.6.47.1\") 9 bytes, 0x40|b&0x7f; "
	  "ike-scan ike-vendor-ids",
	  NULL },
	{ "\x4f\x53\x57\x6d\x77\x65\x7d\x7c\x49\x7e\x6c\x7c",
	  12, VK_EXACT, 0, 0,
	  "Openswan", "Openswan", "2.6.48",
	  "\"OSW\" + MD5(\"Linux Openswan 2.6.48\") 9 bytes, 0x40|b&0x7f; "
	  "ike-scan ike-vendor-ids",
	  NULL },
	{ "\x4f\x53\x57\x79\x7f\x44\x72\x65\x7a\x65\x47\x53",
	  12, VK_EXACT, 0, 0,
	  "Openswan", "Openswan", "2.6.49",
	  "\"OSW\" + MD5(\"Linux Openswan 2.6.49\") 9 bytes, 0x40|b&0x7f; "
	  "ike-scan ike-vendor-ids",
	  NULL },
	{ "\x4f\x53\x57\x5e\x5f\x45\x46\x4d\x62\x61\x53\x70",
	  12, VK_EXACT, 0, 0,
	  "Openswan", "Openswan", "2.6.50dev1",
	  "\"OSW\" + MD5(\"Linux Openswan 2.6.50dev1\") 9 bytes, 0x40|b&0x7f; "
	  "ike-scan ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x4e\x57\x45\x47\x44\x4b\x68\x65\x68\x4a",
	  12, VK_EXACT, 0, 0,
	  "Libreswan", "Libreswan", "3.3 LDAP_V3",
	  "\"OEN\" + MD5(\"Libreswan 3.3 LDAP_V3\") 9 bytes, 0x40|b&0x7f; "
	  "ike-scan ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x4e\x5f\x52\x68\x50\x50\x48\x7b\x64\x5e",
	  12, VK_EXACT, 0, 0,
	  "Libreswan", "Libreswan", "3.5",
	  "\"OEN\" + MD5(\"Libreswan 3.5\") 9 bytes, 0x40|b&0x7f; ike-scan "
	  "ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x4e\x75\x6f\x6b\x70\x6a\x71\x75\x7d\x5c",
	  12, VK_EXACT, 0, 0,
	  "Libreswan", "Libreswan", "3.5 LDAP_V3",
	  "\"OEN\" + MD5(\"Libreswan 3.5 LDAP_V3\") 9 bytes, 0x40|b&0x7f; "
	  "ike-scan ike-vendor-ids",
	  NULL },
	{ "\x4f\x45\x2d\x4c\x69\x62\x72\x65\x73\x77\x61\x6e\x2d",
	  13, VK_PREFIX, 0, 0,
	  "Libreswan", "Libreswan", "",
	  "ASCII \"OE-Libreswan-<version>\" (3.6+); libreswan vendorid.c",
	  ext_ascii_tail },
	{ "\x4f\x45\x4e",
	  3, VK_PREFIX, 12, 0,
	  "Libreswan 3.0-3.5 (unknown version)", "Libreswan", "",
	  "\"OEN\" + 9 hash bytes; ike-scan ike-vendor-ids, libreswan "
	  "vendorid.c",
	  NULL },
	{ "\x4f\x53\x57",
	  3, VK_PREFIX, 12, 0,
	  "Openswan (unknown version)", "Openswan", "",
	  "\"OSW\" + 9 hash bytes; ike-scan ike-vendor-ids, libreswan "
	  "vendorid.c",
	  NULL },
	{ "\x4f\x45",
	  2, VK_PREFIX, 12, 0,
	  "FreeS/WAN or Openswan (unknown version)", "FreeS/WAN", "",
	  "\"OE\" + 10 hash bytes; ike-scan ike-vendor-ids, libreswan "
	  "vendorid.c",
	  NULL },
/* END GENERATED TABLE */
};

#define VID_NENTRIES	(sizeof(vid_table) / sizeof(vid_table[0]))

/* Major and minor version bytes (Cisco Unity, RFC 3706 DPD). */
static void
ext_major_minor(struct cursor c, char *buf, size_t sz)
{
	uint8_t	maj, min;

	maj = cur_u8(&c);
	min = cur_u8(&c);
	if (!c.err)
		snprintf(buf, sz, "%u.%u", maj, min);
}

/* Unexplained trailing bytes, shown as hex. */
static void
ext_hex_tail(struct cursor c, char *buf, size_t sz)
{
	static const char	 hex[] = "0123456789abcdef";
	size_t			 o = 0;
	uint8_t			 b;

	while (cur_left(&c) > 0 && o + 2 < sz) {
		if (cur_left(&c) > 1 && o + 6 >= sz) {
			memcpy(buf + o, "...", 3);
			o += 3;
			break;
		}
		b = cur_u8(&c);
		buf[o++] = hex[b >> 4];
		buf[o++] = hex[b & 0xf];
	}
	buf[o] = '\0';
}

/* Printable text after an ASCII prefix ("OpenIKED-7.4" -> "7.4"). */
static void
ext_ascii_tail(struct cursor c, char *buf, size_t sz)
{
	size_t	o = 0;
	uint8_t	b;

	while ((b = cur_peek_u8(&c, 0, NULL)) != 0 && strchr(" -:[", b) != NULL)
		cur_u8(&c);
	while (cur_left(&c) > 0 && o + 1 < sz) {
		b = cur_u8(&c);
		if (b < 0x20 || b > 0x7e)
			break;
		buf[o++] = (char)b;
	}
	if (o > 0 && buf[o - 1] == ']')
		o--;
	buf[o] = '\0';
}

/*
 * "MS NT5 ISAKMPOAKLEY" + 32-bit version.  Values as listed by MS-AIPS
 * product notes, ike-scan and libreswan; 9 covers Windows 8 and later.
 */
static void
ext_ms_nt5(struct cursor c, char *buf, size_t sz)
{
	static const char *const win[] = {
		NULL, NULL, "Windows 2000", "Windows XP",
		"Windows Server 2003 or XP SP2", "Windows Vista",
		"Windows Server 2008", "Windows 7", "Windows Server 2008 R2",
		"Windows 8 or later (8.1, 10, Server 2012+)"
	};
	uint32_t	v;

	v = cur_be32(&c);
	if (c.err)
		return;
	if (v < sizeof(win) / sizeof(win[0]) && win[v] != NULL)
		snprintf(buf, sz, "%s", win[v]);
	else if (v == 0x10)
		snprintf(buf, sz, "Windows Server 2012 (ike-scan)");
	else
		snprintf(buf, sz, "version %lu", (unsigned long)v);
}

static void
ext_ms_keymods(struct cursor c, char *buf, size_t sz)
{
	static const char *const mode[] = { "IKE", "AuthIP", "IKEv2" };
	uint32_t	v;

	v = cur_be32(&c);
	if (c.err)
		return;
	if (v < sizeof(mode) / sizeof(mode[0]))
		snprintf(buf, sz, "%s", mode[v]);
	else
		snprintf(buf, sz, "mode %lu", (unsigned long)v);
}

static void
ext_ms_authip_ke(struct cursor c, char *buf, size_t sz)
{
	static const char *const ke[] = {
		"DH none", "DH group 1", "DH group 2", "DH group 14",
		"ECP 256 (group 19)", "ECP 384 (group 20)",
		"ECP 521 (group 21)", "DH max"
	};
	uint32_t	v;

	v = cur_be32(&c);
	if (c.err)
		return;
	if (v < sizeof(ke) / sizeof(ke[0]))
		snprintf(buf, sz, "%s", ke[v]);
	else
		snprintf(buf, sz, "KE %lu", (unsigned long)v);
}

/* Cisco VPN 3000: 0x03 0x06 is 3.0.6. */
static void
ext_cisco3k(struct cursor c, char *buf, size_t sz)
{
	uint8_t	maj, mp;

	maj = cur_u8(&c);
	mp = cur_u8(&c);
	if (!c.err)
		snprintf(buf, sz, "%u.%u.%u", maj, mp >> 4, mp & 0xf);
}

/*
 * Check Point: product, version, timestamp, reserved, features, each
 * 32 bits.  Version codes as in ike-scan and Wireshark (cp_version); a
 * timestamp is only filled in by NGX and later.
 */
static void
ext_checkpoint(struct cursor c, char *buf, size_t sz)
{
	static const struct {
		uint32_t	 code;
		const char	*name;
	} ver[] = {
		{ 2, "4.1" }, { 3, "4.1 SP1" }, { 4002, "4.1 SP2 or later" },
		{ 5000, "NG" }, { 5001, "NG FP1" }, { 5002, "NG FP2" },
		{ 5003, "NG FP3" }, { 5004, "NG AI R54" },
		{ 5005, "NG AI R55" }, { 5006, "NG AI R56" }
	};
	const char	*prod, *vname = NULL;
	uint32_t	 product, code, ts;
	size_t		 i;

	product = cur_be32(&c);
	code = cur_be32(&c);
	if (c.err)
		return;
	ts = cur_be32(&c);
	if (c.err)
		ts = 0;
	prod = product == 1 ? "Firewall-1" :
	    product == 2 ? "SecuRemote/SecureClient" : "product ?";
	for (i = 0; i < sizeof(ver) / sizeof(ver[0]); i++)
		if (ver[i].code == code)
			vname = ver[i].name;
	if (ts != 0 && code == 5005)
		snprintf(buf, sz, "%s NGX or later", prod);
	else if (vname != NULL)
		snprintf(buf, sz, "%s %s", prod, vname);
	else
		snprintf(buf, sz, "%s version %lu", prod, (unsigned long)code);
}

static void
ext_fortigate(struct cursor c, char *buf, size_t sz)
{
	uint16_t	rel, build;

	rel = cur_be16(&c);
	build = cur_be16(&c);
	if (!c.err)
		snprintf(buf, sz, "release %u build %u", rel, build);
}

/* SafeNet: 8 bytes of fields, a length, then "8.0.0 (Build 10)". */
static void
ext_safenet(struct cursor c, char *buf, size_t sz)
{
	struct cursor	t;
	uint8_t		n;

	cur_skip(&c, 8);
	n = cur_u8(&c);
	t = cur_sub(&c, n);
	if (!c.err)
		ext_ascii_tail(t, buf, sz);
}

static void
ext_be32_tail(struct cursor c, char *buf, size_t sz)
{
	uint32_t	v;

	v = cur_be32(&c);
	if (!c.err)
		snprintf(buf, sz, "%lu", (unsigned long)v);
}

/* ELVIS-PLUS: major and minor in the two nibbles of one byte. */
static void
ext_nibbles(struct cursor c, char *buf, size_t sz)
{
	uint8_t	b;

	b = cur_u8(&c);
	if (!c.err)
		snprintf(buf, sz, "%u.%u", b >> 4, b & 0xf);
}

static bool
vid_entry_matches(const struct vid_entry *e, const uint8_t *vid, size_t len)
{
	if (e->kind == VK_EXACT) {
		if (len != e->len)
			return false;
	} else {
		if (len < e->len)
			return false;
		if (e->total != 0 && len != e->total)
			return false;
	}
	return memcmp(vid, e->bytes, e->len) == 0;
}

/*
 * The table by a VID's first byte: vid_by_first[vid_first[b] ..
 * vid_first[b + 1]) are the indexes, in table order, of the entries whose
 * bytes start with b, so that a look-up compares a few entries rather
 * than every one.  Made once before main.  An entry of no bytes (there is
 * none: test_vendorid checks it) would match any VID: the look-up then
 * scans the whole table, as it did before this index.
 */
static uint16_t	vid_first[257];
static uint16_t	vid_by_first[VID_NENTRIES];
static bool	vid_has_empty;

static void __attribute__((constructor))
vid_index(void)
{
	uint16_t	at[256];
	size_t		i;
	unsigned	b;

	for (i = 0; i < VID_NENTRIES; i++) {
		if (vid_table[i].len == 0)
			vid_has_empty = true;
		else
			vid_first[(uint8_t)vid_table[i].bytes[0] + 1]++;
	}
	for (b = 0; b < 256; b++) {
		vid_first[b + 1] += vid_first[b];
		at[b] = vid_first[b];
	}
	for (i = 0; i < VID_NENTRIES; i++)
		if (vid_table[i].len != 0)
			vid_by_first[at[(uint8_t)vid_table[i].bytes[0]]++] =
			    (uint16_t)i;
}

bool
vid_lookup(const uint8_t *vid, size_t len, struct vid_info *out)
{
	const struct vid_entry	*e, *best = NULL;
	size_t			 i, lo, hi;

	memset(out, 0, sizeof(*out));
	if (vid == NULL || len == 0)
		return false;
	lo = vid_has_empty ? 0 : vid_first[vid[0]];
	hi = vid_has_empty ? VID_NENTRIES : vid_first[vid[0] + 1];
	/* the longest match; of equal lengths, the first in the table */
	for (i = lo; i < hi; i++) {
		e = &vid_table[vid_has_empty ? i : vid_by_first[i]];
		if (best != NULL && e->len <= best->len)
			continue;
		if (vid_entry_matches(e, vid, len))
			best = e;
	}
	if (best == NULL)
		return false;
	out->name = best->name;
	out->vendor = best->vendor;
	out->source = best->source;
	out->prefix = len > best->len;
	out->flags = best->flags;
	snprintf(out->version, sizeof(out->version), "%s", best->version);
	if (best->extract != NULL && len > best->len)
		best->extract(cur_init(vid + best->len, len - best->len),
		    out->version, sizeof(out->version));
	return true;
}

size_t
vid_table_size(void)
{
	return VID_NENTRIES;
}

bool
vid_table_entry(size_t i, const uint8_t **bytes, size_t *len, bool *prefix)
{
	if (i >= VID_NENTRIES)
		return false;
	*bytes = (const uint8_t *)vid_table[i].bytes;
	*len = vid_table[i].len;
	*prefix = vid_table[i].kind == VK_PREFIX;
	return true;
}
