/*
 * isakmp_names.h - every IKEv1/ISAKMP/IPsec-DOI name registry in one place.
 *
 * Each registry is one sorted static table (value -> display name, optional
 * lowercase JSON token, optional short display token) plus a table of
 * reserved/private ranges.  Lookups never allocate and keep no state.
 *
 * isakmp_name() answers NULL for any value that is not specifically named,
 * including values inside reserved or private-use ranges, so callers can
 * tell "unknown" apart.  isakmp_name_fmt() never drops a value: it writes
 * the name, or "unknown (N)", or "unknown (N, <range>)" such as
 * "unknown (40000, private use)".
 */
#ifndef IKESCOPE_ISAKMP_NAMES_H
#define IKESCOPE_ISAKMP_NAMES_H

#include <stdbool.h>
#include <stddef.h>

enum isakmp_reg {
	REG_PAYLOAD,		/* next payload type (RFC 2408 3.1, ...) */
	REG_EXCHANGE,		/* exchange type (RFC 2408 3.1, 2409 App. A) */
	REG_DOI,		/* domain of interpretation */
	REG_PROTO,		/* security protocol id (RFC 2407 4.4.1) */
	REG_XFORM_ISAKMP,	/* ISAKMP transform id (RFC 2407 4.4.2) */
	REG_XFORM_AH,		/* AH transform id (RFC 2407 4.4.3) */
	REG_XFORM_ESP,		/* ESP transform id (RFC 2407 4.4.4) */
	REG_XFORM_IPCOMP,	/* IPCOMP transform id (RFC 2407 4.4.5) */
	REG_OAKLEY_ATTR,	/* phase-1 attribute class (RFC 2409 App. A) */
	REG_OAKLEY_ENC,		/* class 1 values */
	REG_OAKLEY_HASH,	/* class 2 values */
	REG_OAKLEY_AUTH,	/* class 3 values */
	REG_OAKLEY_GROUP,	/* class 4 values (also IPsec attr 3) */
	REG_OAKLEY_GROUP_TYPE,	/* class 5 values */
	REG_OAKLEY_LIFE,	/* class 11 values */
	REG_OAKLEY_PRF,		/* class 13 values (none assigned) */
	REG_IPSEC_ATTR,		/* IPsec DOI SA attribute (RFC 2407 4.5) */
	REG_IPSEC_ENCAP,	/* attr 4 values */
	REG_IPSEC_AUTH,		/* attr 5 values */
	REG_IPSEC_LIFE,		/* attr 1 values */
	REG_IPSEC_ECN,		/* attr 10 values (RFC 3168) */
	REG_ID,			/* identification type (RFC 2407 4.6.2.1) */
	REG_CERT,		/* certificate encoding (RFC 2408 3.9) */
	REG_NOTIFY,		/* notify message type (RFC 2408 3.14.1, ...) */
	REG_CFG_ATTR,		/* Mode-Config / XAUTH / Unity attribute type */
	REG_CFG_TYPE,		/* Mode-Config message type */
	REG_XAUTH_TYPE,		/* XAUTH-TYPE values */
	/* additions */
	REG_XAUTH_STATUS,	/* XAUTH-STATUS values */
	REG_SITUATION,		/* IPsec DOI situation bits (RFC 2407 4.2) */
	REG_OAKLEY_ASYM,	/* class 20 values */
	REG_IPSEC_ESN,		/* attr 11 values (RFC 4304) */
	REG_IPSEC_SIG_ENC,	/* attr 13 values (RFC 4359) */
	REG_IPSEC_ADDR_PRES,	/* attr 14 values (RFC 6407) */
	REG_IPSEC_SA_DIR,	/* attr 15 values (RFC 6407) */
	REG_ISAKMP_FLAGS,	/* header flag bits (RFC 2408 3.1; v2 bits) */
	REG_FRAG_FLAGS,		/* Cisco IKE fragment payload flag bits */
	REG__COUNT
};

/* Display name, NULL if the value is not specifically named. */
const char	*isakmp_name(enum isakmp_reg, unsigned);
/* Lowercase JSON token where the registry defines one, else NULL. */
const char	*isakmp_token(enum isakmp_reg, unsigned);
/* Short display token where defined ("SA", "KE", "Main", ...), else NULL. */
const char	*isakmp_short(enum isakmp_reg, unsigned);
/*
 * Name, or "unknown (N)", or "unknown (N, <range label>)" into buf
 * (always NUL-terminated when buflen > 0, truncated if needed); returns buf.
 */
const char	*isakmp_name_fmt(enum isakmp_reg, unsigned, char *, size_t);
/* Label of the range an unnamed value falls in ("private use"), or NULL. */
const char	*isakmp_range_label(enum isakmp_reg, unsigned);
/* What the registry numbers, e.g. "payload type", "notify type". */
const char	*isakmp_reg_label(enum isakmp_reg);

/*
 * Attribute metadata for REG_OAKLEY_ATTR, REG_IPSEC_ATTR and REG_CFG_ATTR
 * types: the registry naming the attribute's values (REG__COUNT if none)
 * and the form the specification defines: 0 basic (TV), 1 variable (TLV),
 * -1 unknown type or other registry.  A variable attribute MAY arrive in
 * basic form when its value fits in 16 bits (RFC 2409 App. A).
 */
enum isakmp_reg	isakmp_attr_value_reg(enum isakmp_reg, unsigned);
int		isakmp_attr_form(enum isakmp_reg, unsigned);

/* Notify types 1..16383 are errors (incl. private-use errors 8192..16383). */
bool		isakmp_notify_is_error(unsigned);

/*
 * Iteration over a registry's named values in ascending order: count, and
 * the value at index i (false when i is out of range).  Used by tests and
 * by anything that lists a registry.
 */
size_t		isakmp_reg_count(enum isakmp_reg);
bool		isakmp_reg_value(enum isakmp_reg, size_t, unsigned *);

#endif
