/*
 * policy.h - what the audit calls weak: a severity per algorithm value
 * (IKE encryption, IKE hash, Diffie-Hellman group, ESP transform, ESP
 * integrity), the longest lifetimes allowed, and per-finding severity
 * overrides.  The defaults follow RFC 8247 (IKE) and RFC 8221 (ESP); a
 * policy file (--policy, format in doc/audit.md) changes any of them.
 */
#ifndef IKESCOPE_POLICY_H
#define IKESCOPE_POLICY_H

#include <stddef.h>
#include <stdint.h>

#include "audit/finding.h"

/* The algorithm classes a policy rates, with the registry of their values. */
enum pol_class {
	POL_IKE_ENC = 0,	/* Oakley class 1 (RFC 2409 App. A) */
	POL_IKE_HASH,		/* Oakley class 2 */
	POL_DH_GROUP,		/* Oakley class 4, also the IPsec group */
	POL_ESP_ENC,		/* ESP transform id (RFC 2407 4.4.4) */
	POL_ESP_AUTH,		/* IPsec auth algorithm (RFC 2407 4.5) */
	POL__CLASSES
};

#define POL_MAX_VALUE	256	/* values rated per class (larger: unrated) */

struct policy {
	/* severity of each value, FI_OFF: fine */
	uint8_t		rate[POL__CLASSES][POL_MAX_VALUE];
	uint32_t	max_ike_life;	/* seconds; 0: no limit */
	uint32_t	max_esp_life;	/* seconds; 0: no limit */
	uint32_t	max_esp_life_kb;	/* kilobytes; 0: no limit */
	uint8_t		sev[FI__COUNT];	/* each finding's severity or FI_OFF */
};

void	pol_default(struct policy *);
/* Read a policy file over the defaults; -1 with file:line: why. */
int	pol_load(struct policy *, const char *, char *, size_t);
/* The same from a string (the file's contents), named name in errors. */
int	pol_parse(struct policy *, const char *, size_t, const char *,
	    char *, size_t);
/* The severity of a value, FI_OFF when fine or unrated. */
enum fi_severity pol_rate(const struct policy *, enum pol_class, unsigned);
const char	*pol_class_name(enum pol_class);

#endif
