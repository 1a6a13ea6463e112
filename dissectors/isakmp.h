/*
 * isakmp.h - ISAKMP header (RFC 2408 section 3.1) and the generic payload
 * chain (section 3.2).  The same 28-byte header layout carries IKEv2
 * (RFC 7296 section 3.1); isakmp_decode_hdr reads either, and the version
 * tells the caller which it has.  IKEv2 is recognised and labelled, never
 * decoded as IKEv1.
 */
#ifndef IKESCOPE_ISAKMP_H
#define IKESCOPE_ISAKMP_H

#include <stdbool.h>
#include <stdint.h>

#include "cursor.h"
#include "dis.h"
#include "isakmp_pl.h"

#define ISAKMP_HDR_LEN		28
#define ISAKMP_GENERIC_LEN	4
#define ISAKMP_MAX_PAYLOADS	64	/* cap per message; more is an anomaly */

/* Header flags (RFC 2408 3.1). */
#define ISAKMP_FLAG_E		0x01	/* encryption */
#define ISAKMP_FLAG_C		0x02	/* commit */
#define ISAKMP_FLAG_A		0x04	/* authentication only */

/* Exchange types (RFC 2408 3.1, RFC 2409 5). */
#define ISAKMP_EXCH_BASE	1
#define ISAKMP_EXCH_MAIN	2
#define ISAKMP_EXCH_AUTH_ONLY	3
#define ISAKMP_EXCH_AGGRESSIVE	4
#define ISAKMP_EXCH_INFO	5
#define ISAKMP_EXCH_TRANSACTION	6
#define ISAKMP_EXCH_QUICK	32
#define ISAKMP_EXCH_NEW_GROUP	33

/* Anomaly bits on struct isakmp_msg. */
#define ISAKMP_AN_LEN_SHORT	0x0001	/* header length < 28 */
#define ISAKMP_AN_LEN_PAST_END	0x0002	/* header length > bytes present */
#define ISAKMP_AN_TRAILING	0x0004	/* bytes after the header length */
#define ISAKMP_AN_PL_SHORT	0x0008	/* a payload length < 4 */
#define ISAKMP_AN_PL_PAST_END	0x0010	/* a payload runs past the message */
#define ISAKMP_AN_PL_TRAILING	0x0020	/* bytes after the last payload */
#define ISAKMP_AN_PL_RESERVED	0x0040	/* payload reserved octet not zero */
#define ISAKMP_AN_TOO_MANY	0x0080	/* more than ISAKMP_MAX_PAYLOADS */
#define ISAKMP_AN_BAD_VERSION	0x0100	/* major version neither 1 nor 2 */
#define ISAKMP_AN_BAD_FLAGS	0x0200	/* undefined flag bits set */

struct isakmp_hdr {
	uint8_t		icookie[8];
	uint8_t		rcookie[8];
	uint8_t		np;		/* first payload */
	uint8_t		maj, min;	/* version nibbles */
	uint8_t		exch;
	uint8_t		flags;
	uint32_t	msgid;
	uint32_t	len;		/* as on the wire */
};

struct isakmp_payload_raw {
	uint8_t		type;		/* from the previous next-payload */
	uint8_t		np;
	uint8_t		reserved;
	uint16_t	len;		/* as on the wire, including 4 */
	uint32_t	off;		/* offset from the start of the message */
	struct cursor	body;		/* len - 4 bytes */
	struct isakmp_pl d;		/* the typed decode of body */
};

struct isakmp_msg {
	struct isakmp_hdr	hdr;
	bool			encrypted;	/* E flag: payloads not walked */
	struct cursor		body;		/* after the header, within len */
	size_t			npayloads;
	struct isakmp_payload_raw pl[ISAKMP_MAX_PAYLOADS];
	size_t			trailing;	/* bytes after header length */
	size_t			pl_trailing;	/* bytes after the last payload */
	uint8_t			bad_res;	/* first non-zero reserved octet */
	unsigned		anomalies;	/* ISAKMP_AN_* */
	uint32_t		bad_off;	/* offset of the payload that broke the chain */
	uint32_t		bad_len;	/* its length field */
	enum dis_status		status;
};

/*
 * Zero a message before isakmp_decode, but for its payload slots (16 kB),
 * which isakmp_walk fills whole as it appends them: slots from npayloads
 * on hold what an earlier message left, and nothing may read them.
 */
void		isakmp_msg_clear(struct isakmp_msg *);
enum dis_status	isakmp_decode_hdr(struct cursor *, struct isakmp_hdr *);
enum dis_status	isakmp_decode(struct cursor, struct isakmp_msg *);
enum dis_status	isakmp_walk(struct cursor, uint8_t, uint32_t,
		    struct isakmp_msg *);

#endif
