/*
 * out_isakmp.h - presenters of decoded IKEv1 messages: the short payload
 * list of the one-line view ("SA KE NONCE VID*3"), the -V tree (one line
 * per payload, proposal, transform and attribute) and the JSON payload
 * objects (doc/json.md, "isakmp.payloads").  They read decoded values only.
 */
#ifndef IKESCOPE_OUT_ISAKMP_H
#define IKESCOPE_OUT_ISAKMP_H

#include <stdbool.h>
#include <stdio.h>

#include "dissectors/isakmp.h"
#include "core/json.h"

/*
 * " SA KE NONCE VID*3" (leading space; nothing when there are no payloads)
 * written into a buffer of OUT_ISAKMP_LIST_MAX bytes (a group is at most
 * " PAYLOAD(255)*64"); returns its length, no NUL.
 */
#define OUT_ISAKMP_LIST_MAX	(ISAKMP_MAX_PAYLOADS * 16)
size_t	out_isakmp_list(char *, const struct isakmp_msg *);
/* The tree, each line indented by two spaces per level from indent. */
void	out_isakmp_tree(FILE *, const struct isakmp_msg *, int, bool);
/* The "payloads" array of the isakmp object (key included). */
void	out_isakmp_json_payloads(struct json *, const struct isakmp_msg *,
	    bool);

/* Helpers shared by the presenters, exported for tests. */
size_t	out_isakmp_str(const uint8_t *, size_t, char *, size_t);
size_t	out_isakmp_id(uint8_t, const uint8_t *, size_t, char *, size_t);
bool	out_isakmp_id_text(uint8_t, const uint8_t *, size_t, char *, size_t);
size_t	out_isakmp_id_show(uint8_t, const uint8_t *, size_t, char *,
	    size_t);
bool	out_isakmp_x509(const uint8_t *, size_t, char *, size_t, char *,
	    size_t);
bool	out_isakmp_dn(const uint8_t *, size_t, char *, size_t);

#endif
