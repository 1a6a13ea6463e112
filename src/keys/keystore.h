/*
 * keystore.h - the key store: ESP SAs and (for the IKE decryptor) IKEv1
 * key material, as loaded from key files (keyfile.h) or derived later.
 *
 * ESP SAs are looked up as the protocol keys them, by (destination, SPI),
 * in a hash table.  Entries with wildcards (Wireshark's "*", address
 * prefixes, SPI hex prefixes) live on a separate list; the first lookup of
 * a (source, destination, SPI) that misses the exact table scans that list
 * once and caches the answer, positive or negative, so steady-state
 * lookups are hash probes only.
 *
 * IKE entries are keyed by initiator cookie.  The store owns every key
 * byte and wipes them (OPENSSL_cleanse) when it is freed.
 *
 * The store holds keys and algorithms as given, never what is learned
 * while reading a capture: cipher state, an ESN or truncation found by
 * the ICV, sequence windows and counts live per ESP flow with the
 * decryptor (espd.h's struct espd_flow), so one entry can serve
 * flows that differ.  Entries are only ever added, through ks_add_esp
 * (key files while loading; ESP SAs derived from a decrypted Quick
 * Mode's KEYMAT while reading, into the same store so lookups, memos and
 * keys --export see them like any other) and never changed once a
 * lookup can have returned them: the one merge, of the same SA given by
 * two sources while loading (ks_add_esp), is before any packet is read.
 */
#ifndef IKESCOPE_KEYSTORE_H
#define IKESCOPE_KEYSTORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "keys/espalg.h"

#define KS_MAX_KEY	64	/* bytes; largest: AES-256 + salt, HMAC-SHA-512 */
#define KS_MAX_IKE_KEY	1024	/* g^xy of MODP-8192 (group 18) */

/* An address with a prefix length; plen 0 matches anything. */
struct ks_addr {
	int		af;		/* 4, 6, or 0 = any family */
	uint8_t		a[16];
	uint8_t		plen;		/* bits */
};

struct ks_esp_sa {
	struct ks_addr	 src, dst;
	uint32_t	 spi;
	uint32_t	 spi_mask;	/* all ones unless a hex-prefix wildcard */
	enum ks_enc	 enc;
	enum ks_auth	 auth;
	uint8_t		 enc_key[KS_MAX_KEY];	/* includes salt/nonce */
	size_t		 enc_key_len;
	uint8_t		 auth_key[KS_MAX_KEY];
	size_t		 auth_key_len;
	size_t		 icv_len;	/* bytes of ICV on the wire */
	bool		 esn;		/* 64-bit extended sequence numbers */
	uint32_t	 esn_hi;	/* ESN: the high half assumed until a
					   packet authenticates (0 unless the
					   key source gives it) */
	bool		 esn_known;	/* the key source says whether the SA
					   uses ESN; if not, espd may find
					   a flow does (esn_inferred) */
	char		 origin[96];	/* "file:line" it came from */

	/* private to keystore.c */
	struct ks_esp_sa *next;		/* hash chain / wildcard list */
	struct ks_esp_sa *all_next;	/* every SA, in load order */
};

/*
 * IKEv1 key material for one IKE SA, keyed by initiator cookie.  Used by
 * the IKE decryptor (ike/ike_crypto.h); the key store only keeps it.
 */
struct ks_ike_key {
	uint8_t		v[KS_MAX_IKE_KEY];
	size_t		len;		/* 0: not known */
};

struct ks_ike {
	uint8_t		 icookie[8];
	uint8_t		 rcookie[8];
	bool		 has_rcookie;
	struct ks_ike_key enc_key;	/* Ka: the phase-1 encryption key */
	struct ks_ike_key skeyid, skeyid_d, skeyid_a, skeyid_e;
	struct ks_ike_key gxy;		/* DH shared secret */
	struct ks_ike_key psk;
	struct ks_ike_key qm_gxy;	/* PFS: Quick Mode g^xy for every
					   message ID without its own */
	struct ks_qm	*qm;		/* per message ID (store-owned;
					   ks_add_ike ignores it) */
	char		 origin[96];
	struct ks_ike	*next;
	struct ks_ike	*all_next;	/* every entry, in load order */
};

/* A Quick Mode's PFS Diffie-Hellman shared secret, by message ID. */
struct ks_qm {
	uint32_t	 msgid;
	struct ks_ike_key gxy;
	char		 origin[96];
	struct ks_qm	*next;
};

struct ks;

struct ks	*ks_new(void);
void		 ks_free(struct ks *);

/*
 * Add an ESP SA (copied).  Exact (src may be wildcarded) entries go to the
 * hash; entries with a wildcard destination or SPI go to the wildcard
 * list.  An exact entry that repeats one already held (same addresses,
 * SPI, algorithms and keys, as when both peers' logs are loaded) is
 * accepted and not stored twice.  Returns 0, or -1 with errbuf set (the
 * same SPI and addresses with other keys, out of memory).
 */
int		 ks_add_esp(struct ks *, const struct ks_esp_sa *, char *,
		    size_t);
/* The SA for an ESP packet, or NULL.  src/dst are 4 or 16 bytes by af. */
const struct ks_esp_sa *ks_find_esp(struct ks *, int af, const uint8_t *src,
		    const uint8_t *dst, uint32_t spi);
size_t		 ks_esp_count(const struct ks *);
/*
 * A remembered answer of ks_find_esp for one (af, src, dst, spi), such as
 * an ESP flow's (zeroed: none yet).  ks_find_esp_memo gives it back while
 * no SA has been added since (SAs are only ever added), else looks up and
 * remembers; the caller keeps a memo to one key.  user is the caller's,
 * for what it keeps with the answer (espd: its flow state); it is
 * reset to NULL whenever the answer changes.
 */
struct ks_memo {
	size_t			 gen;	/* SAs held + 1 when found; 0: none */
	const struct ks_esp_sa	*sa;
	void			*user;
};
const struct ks_esp_sa *ks_find_esp_memo(struct ks *, struct ks_memo *, int,
		    const uint8_t *, const uint8_t *, uint32_t);
/* Iterate SAs in load order: first with NULL. */
const struct ks_esp_sa *ks_esp_next(const struct ks *,
		    const struct ks_esp_sa *);
/* Whether the SA is for one destination and SPI (else a wildcard). */
bool		 ks_esp_exact(const struct ks_esp_sa *);

/* IKE side: add (merging into an entry with the same icookie) and find. */
int		 ks_add_ike(struct ks *, const struct ks_ike *, char *, size_t);
const struct ks_ike *ks_find_ike(const struct ks *, const uint8_t icookie[8]);
size_t		 ks_ike_count(const struct ks *);
/* Iterate IKE entries in the order they were first added: first with NULL. */
const struct ks_ike *ks_ike_next(const struct ks *, const struct ks_ike *);
/*
 * The PFS secret of Quick Mode msgid of the IKE SA icookie (the entry is
 * made if missing); a second secret for the same message ID replaces the
 * first.  Lookup: the message ID's own secret, else the entry's qm_gxy,
 * else NULL.
 */
int		 ks_add_qm_gxy(struct ks *, const uint8_t icookie[8], uint32_t,
		    const uint8_t *, size_t, const char *, char *, size_t);
const struct ks_ike_key *ks_find_qm_gxy(const struct ks_ike *, uint32_t);

/* Names (short, for text and JSON) and wire properties of algorithms. */
const char	*ks_enc_name(enum ks_enc);
const char	*ks_auth_name(enum ks_auth);
size_t		 ks_auth_icv_len(enum ks_auth);	/* 0 for NONE/ANY */
bool		 ks_addr_match(const struct ks_addr *, int, const uint8_t *);

#endif
