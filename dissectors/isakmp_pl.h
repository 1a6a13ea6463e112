/*
 * isakmp_pl.h - typed decoders for the IKEv1 payloads (RFC 2408 section 3,
 * RFC 2407 section 4.6, RFC 3947, RFC 3706, draft-dukes-ike-mode-cfg,
 * draft-ietf-ipsec-isakmp-xauth, the Cisco IKE fragment payload).
 *
 * isakmp_pl_decode() takes one payload body (the bytes after the 4-byte
 * generic header, as a cursor by value) and fills a caller-zeroed struct
 * isakmp_pl that borrows those bytes.  Nested structures (proposals,
 * transforms, data attributes) are not copied out: the decoder validates
 * them once (counting them and recording anomalies) and keeps sub-cursors;
 * consumers walk them again with isakmp_prop_next(), isakmp_xform_next()
 * and isakmp_attr_next(), which apply the same rules and caps, so a walk
 * never sees something the validation did not.
 *
 * Anomalies are bits in isakmp_pl.an with two detail values per bit
 * (an_a[bit], an_b[bit]) for the message that reports them.
 */
#ifndef IKESCOPE_ISAKMP_PL_H
#define IKESCOPE_ISAKMP_PL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cursor.h"
#include "dis.h"
#include "isakmp_names.h"

/* Payload types (RFC 2408 3.1, RFC 3947, draft NAT-T, Cisco fragments). */
#define ISAKMP_PL_NONE		0
#define ISAKMP_PL_SA		1
#define ISAKMP_PL_P		2
#define ISAKMP_PL_T		3
#define ISAKMP_PL_KE		4
#define ISAKMP_PL_ID		5
#define ISAKMP_PL_CERT		6
#define ISAKMP_PL_CR		7
#define ISAKMP_PL_HASH		8
#define ISAKMP_PL_SIG		9
#define ISAKMP_PL_NONCE		10
#define ISAKMP_PL_N		11
#define ISAKMP_PL_D		12
#define ISAKMP_PL_VID		13
#define ISAKMP_PL_ATTR		14
#define ISAKMP_PL_SAK		15	/* GDOI (RFC 6407): raw data */
#define ISAKMP_PL_SAT		16
#define ISAKMP_PL_KD		17
#define ISAKMP_PL_SEQ		18
#define ISAKMP_PL_POP		19
#define ISAKMP_PL_NAT_D		20
#define ISAKMP_PL_NAT_OA	21
#define ISAKMP_PL_NAT_D_DRAFT	130
#define ISAKMP_PL_NAT_OA_DRAFT	131
#define ISAKMP_PL_FRAG		132

/* Protocol ids (RFC 2407 4.4.1). */
#define ISAKMP_PROTO_ISAKMP	1
#define ISAKMP_PROTO_AH		2
#define ISAKMP_PROTO_ESP	3
#define ISAKMP_PROTO_IPCOMP	4

/* DOI and IPsec situation bits (RFC 2407 4.2). */
#define ISAKMP_DOI_IPSEC	1
#define ISAKMP_SIT_IDENTITY_ONLY 0x01
#define ISAKMP_SIT_SECRECY	0x02
#define ISAKMP_SIT_INTEGRITY	0x04

/* ID types (RFC 2407 4.6.2.1, RFC 3554). */
#define ISAKMP_ID_IPV4_ADDR		1
#define ISAKMP_ID_FQDN			2
#define ISAKMP_ID_USER_FQDN		3
#define ISAKMP_ID_IPV4_ADDR_SUBNET	4
#define ISAKMP_ID_IPV6_ADDR		5
#define ISAKMP_ID_IPV6_ADDR_SUBNET	6
#define ISAKMP_ID_IPV4_ADDR_RANGE	7
#define ISAKMP_ID_IPV6_ADDR_RANGE	8
#define ISAKMP_ID_DER_ASN1_DN		9
#define ISAKMP_ID_DER_ASN1_GN		10
#define ISAKMP_ID_KEY_ID		11
#define ISAKMP_ID_LIST			12

/* Notify types with a decoded body (RFC 3706). */
#define ISAKMP_N_R_U_THERE	36136
#define ISAKMP_N_R_U_THERE_ACK	36137

/* Mode-Config / XAUTH attributes whose values are secrets. */
#define ISAKMP_CFG_XAUTH_USER_NAME	16521
#define ISAKMP_CFG_XAUTH_USER_PASSWORD	16522
#define ISAKMP_CFG_XAUTH_PASSCODE	16523
#define ISAKMP_CFG_XAUTH_NEXT_PIN	16528
#define ISAKMP_CFG_XAUTH_ANSWER		16529

/* IKE fragment payload flags. */
#define ISAKMP_FRAG_LAST	0x01

/* Caps on nested counts; more is an anomaly, never a silent drop. */
#define ISAKMP_MAX_PROPOSALS	32	/* per SA payload */
#define ISAKMP_MAX_TRANSFORMS	64	/* per proposal */
#define ISAKMP_MAX_ATTRS	64	/* per transform or attribute payload */
#define ISAKMP_MAX_SPIS		256	/* per Delete payload, for walkers */

/* Payload anomaly bits (index = bit number). */
enum isakmp_pla {
	PLA_UNKNOWN_TYPE,	/* a: type */
	PLA_BODY_SHORT,		/* a: type, b: body bytes */
	PLA_BODY_TRAILING,	/* a: type, b: bytes left over */
	PLA_RESERVED,		/* a: type, b: reserved value */
	PLA_PROP_LEN,		/* a: proposal/transform length, b: bytes left */
	PLA_PROP_NP,		/* a: next payload seen, b: expected */
	PLA_XFORM_COUNT,	/* a: declared, b: present */
	PLA_PROP_LIMIT,		/* a: cap */
	PLA_XFORM_LIMIT,	/* a: cap */
	PLA_ATTR_LIMIT,		/* a: cap */
	PLA_ATTR_TRUNC,		/* a: attribute type, b: bytes left */
	PLA_ATTR_FORM,		/* a: attribute type, b: value length */
	PLA_ID_LEN,		/* a: ID type, b: data length */
	PLA_SPI_COUNT,		/* a: SPIs declared, b: bytes present */
	PLA_SITUATION,		/* a: situation */
	PLA_PROTO,		/* a: protocol id, b: SPI size */
	PLA__COUNT
};

/* One data attribute (RFC 2408 3.3). */
struct isakmp_attr {
	uint16_t	 type;		/* AF bit removed */
	bool		 basic;		/* AF=1: TV form, value in the length */
	uint16_t	 len;		/* value bytes (2 for basic) */
	const uint8_t	*val;		/* the value bytes */
	uint64_t	 num;		/* value as a big-endian integer ... */
	bool		 num_ok;	/* ... when 1 <= len <= 8 (or basic) */
};

struct isakmp_prop {
	uint8_t		 np, reserved;
	uint16_t	 len;
	uint8_t		 num, proto, spi_size, ntrans;
	const uint8_t	*spi;		/* spi_size bytes, NULL when 0 */
	struct cursor	 xforms;	/* the transform chain */
};

struct isakmp_xform {
	uint8_t		 np, reserved;
	uint16_t	 len;
	uint8_t		 num, id;
	uint16_t	 reserved2;
	struct cursor	 attrs;
};

struct isakmp_sa {
	uint32_t	 doi;
	bool		 has_sit;
	uint32_t	 sit;
	struct cursor	 props;		/* proposal chain (empty if unsupported) */
	unsigned	 nprops, nxforms, nattrs;	/* as validated */
};

struct isakmp_id {			/* ID (5); also NAT-OA (21, 131) */
	uint8_t		 type;
	uint8_t		 proto;		/* ID: protocol; NAT-OA: reserved */
	uint16_t	 port;		/* ID: port; NAT-OA: reserved */
	bool		 len_ok;	/* data length fits the type */
};

struct isakmp_cert {			/* CERT (6), CR (7) */
	uint8_t		 enc;
};

struct isakmp_notify {			/* N (11) */
	uint32_t	 doi;
	uint8_t		 proto, spi_size;
	uint16_t	 type;
	const uint8_t	*spi;
	bool		 has_seq;	/* R-U-THERE(-ACK) with a 4-byte body */
	uint32_t	 seq;
};

struct isakmp_delete {			/* D (12) */
	uint32_t	 doi;
	uint8_t		 proto, spi_size;
	uint16_t	 nspis;
	struct cursor	 spis;		/* nspis * spi_size bytes when consistent */
};

struct isakmp_cfg {			/* ATTR (14) */
	uint8_t		 type;		/* REQUEST, REPLY, SET, ACK */
	uint8_t		 reserved;
	uint16_t	 ident;
	struct cursor	 attrs;
	unsigned	 nattrs;
};

struct isakmp_frag {			/* FRAG (132) */
	uint16_t	 id;
	uint8_t		 num;
	uint8_t		 flags;
};

/* One decoded payload. */
struct isakmp_pl {
	enum dis_status	 status;
	bool		 decoded;	/* the type has a typed decoder */
	unsigned	 an;		/* 1 << enum isakmp_pla */
	uint32_t	 an_a[PLA__COUNT], an_b[PLA__COUNT];
	/*
	 * The variable part: KE, HASH, SIG, NONCE, VID, NAT-D and unknown
	 * types: the whole body; ID/NAT-OA: identification data; CERT/CR:
	 * certificate or authority data; N: notification data; FRAG:
	 * fragment data.
	 */
	const uint8_t	*data;
	size_t		 dlen;
	union {
		struct isakmp_sa	sa;
		struct isakmp_id	id;
		struct isakmp_cert	cert;
		struct isakmp_notify	n;
		struct isakmp_delete	d;
		struct isakmp_cfg	cfg;
		struct isakmp_frag	frag;
	} u;
};

enum dis_status	isakmp_pl_decode(uint8_t, struct cursor, struct isakmp_pl *);

/*
 * Walkers over a proposal chain (SA body), a transform chain (proposal) or
 * an attribute list (transform, ATTR payload).  isakmp_*_next returns 1
 * with the next item, 0 at the end (a chain ends at next payload 0, a list
 * when its bytes run out), or -1 when the rest cannot be read; bad_a and
 * bad_b then say why (see PLA_PROP_LEN and PLA_ATTR_TRUNC).  A walker never
 * reads past its cursor.  Callers stop after the ISAKMP_MAX_* caps, as the
 * validation in isakmp_pl_decode() did.
 */
struct isakmp_iter {
	struct cursor	 c;
	bool		 end;
	unsigned	 n;		/* items returned so far */
	uint32_t	 bad_a, bad_b;
};

void		isakmp_iter_init(struct isakmp_iter *, struct cursor);
int		isakmp_prop_next(struct isakmp_iter *, struct isakmp_prop *);
int		isakmp_xform_next(struct isakmp_iter *, struct isakmp_xform *);
int		isakmp_attr_next(struct isakmp_iter *, struct isakmp_attr *);

/*
 * The IPsec DOI values of a transform's attributes (RFC 2407 4.5, RFC
 * 4304; 0: absent): a life duration follows the life type before it
 * (seconds unless kilobytes).  Also reads the attributes of a
 * RESPONDER-LIFETIME notify (RFC 2407 4.6.3.1).
 */
struct isakmp_ipsec_vals {
	uint16_t	 auth;		/* attr 5, the authentication algorithm */
	uint16_t	 group;		/* attr 3, the PFS group */
	uint16_t	 key_len;	/* attr 6 */
	uint8_t		 encap;		/* attr 4 */
	uint8_t		 esn;		/* attr 11 */
	uint32_t	 life_secs, life_kb;	/* attrs 1 and 2 */
};
void		isakmp_ipsec_vals(struct cursor, struct isakmp_ipsec_vals *);

/* The attribute registry for a proposal protocol (names module enum). */
enum isakmp_reg	isakmp_attr_reg_for_proto(uint8_t);
/* Expected fixed data length for an ID type, -1 when variable. */
int		isakmp_id_fixed_len(uint8_t);
/* True for Mode-Config/XAUTH attributes whose value is a secret. */
bool		isakmp_cfg_attr_secret(uint16_t);

#endif
