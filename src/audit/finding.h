/*
 * finding.h - the audit's findings as data: a stable id (a contract:
 * scripts match on it), a default severity and a title.  doc/audit.md
 * explains each id with its source; tests/docs.sh checks the two agree.
 */
#ifndef IKESCOPE_FINDING_H
#define IKESCOPE_FINDING_H

#include <stdbool.h>

enum fi_severity { FI_INFO = 0, FI_LOW, FI_MEDIUM, FI_HIGH, FI_OFF };

/* X(enum, "stable_id", default severity, "title") */
#define FINDING_TABLE(X)						\
	X(FI_IKE_AGGRESSIVE_PSK, "ike_aggressive_psk", FI_HIGH,		\
	    "Aggressive Mode with a pre-shared key: the hash that tests "	\
	    "PSK guesses offline travels in clear")			\
	X(FI_IDENTITY_IN_CLEAR, "identity_in_clear", FI_LOW,		\
	    "identity sent unencrypted")				\
	X(FI_XAUTH_AFTER_AGGRESSIVE, "xauth_after_aggressive", FI_MEDIUM, \
	    "group PSK in Aggressive Mode followed by XAUTH/Mode-Config " \
	    "(the remote-access pattern)")				\
	X(FI_XAUTH_CREDENTIALS_VISIBLE, "xauth_credentials_visible",	\
	    FI_HIGH, "XAUTH user name and password readable")		\
	X(FI_IKE_WEAK_ENCRYPTION, "ike_weak_encryption", FI_MEDIUM,	\
	    "weak IKE (phase 1) encryption")				\
	X(FI_IKE_WEAK_HASH, "ike_weak_hash", FI_MEDIUM,		\
	    "weak IKE (phase 1) hash")					\
	X(FI_IKE_WEAK_DH_GROUP, "ike_weak_dh_group", FI_MEDIUM,	\
	    "weak Diffie-Hellman group")				\
	X(FI_ESP_WEAK_ENCRYPTION, "esp_weak_encryption", FI_MEDIUM,	\
	    "weak or no ESP encryption")				\
	X(FI_ESP_NO_INTEGRITY, "esp_no_integrity", FI_MEDIUM,		\
	    "ESP without integrity protection")			\
	X(FI_ESP_WEAK_INTEGRITY, "esp_weak_integrity", FI_LOW,		\
	    "weak ESP integrity algorithm")				\
	X(FI_QM_NO_PFS, "qm_no_pfs", FI_LOW,				\
	    "Quick Mode without perfect forward secrecy")		\
	X(FI_LONG_LIFETIME, "long_lifetime", FI_LOW,			\
	    "SA lifetime longer than the policy allows")		\
	X(FI_IKEV1_IN_USE, "ikev1_in_use", FI_INFO,			\
	    "IKEv1 in use (deprecated by RFC 9395)")			\
	X(FI_IKEV2_SEEN, "ikev2_seen", FI_INFO,			\
	    "IKEv2 traffic seen")					\
	X(FI_VENDOR_FINGERPRINT, "vendor_fingerprint", FI_INFO,	\
	    "implementation revealed by vendor IDs")			\
	X(FI_AUTH_FAILED, "auth_failed", FI_MEDIUM,			\
	    "authentication failed")					\
	X(FI_NO_PROPOSAL_CHOSEN, "no_proposal_chosen", FI_MEDIUM,	\
	    "no proposal chosen: the peers' offers do not match")	\
	X(FI_PSK_MISMATCH, "psk_mismatch", FI_HIGH,			\
	    "the peers hold different pre-shared keys")

enum fi_id {
#define FI_ENUM(e, id, sev, title)	e,
	FINDING_TABLE(FI_ENUM)
#undef FI_ENUM
	FI__COUNT
};

const char		*fi_id_name(enum fi_id);
const char		*fi_title(enum fi_id);
enum fi_severity	 fi_default_severity(enum fi_id);
/* An id by its name, or -1. */
int			 fi_lookup(const char *);

const char		*fi_severity_name(enum fi_severity);
/* "info", "low", "medium", "high" (and "off" when allow_off): or -1. */
int			 fi_severity_lookup(const char *, bool allow_off);

#endif
