/*
 * track.h - the exchange tracker: IKE SAs keyed by their cookies, the
 * exchanges inside each (Main, Aggressive, Quick, Informational,
 * Transaction, Base, Authentication-only, New Group) walked as scripts, and
 * ESP flows keyed by (destination, SPI).
 *
 * The tracker sees every ISAKMP message as a struct trk_in: header facts,
 * addresses, the raw bytes (for retransmission detection) and a summary of
 * what the decoders found in the payloads (when the message was plaintext
 * or has been decrypted).  It places the message in its exchange's script
 * and returns the label (MM1..MM6, AM1..AM3, QM1..QM3, INFO, TXN) and
 * whether it was a retransmission.  The timeline of an IKE SA is its
 * message list plus its exchanges with their outcome.
 *
 * Script positions come from direction and content, not arrival order:
 * in Main Mode an SA payload means step 1/2, KE step 3/4, an encrypted
 * body step 5/6, and the direction picks which of the pair.  So
 * out-of-order arrival and gaps are seen as such.  A message whose bytes
 * equal an earlier message of the same exchange is a retransmission of
 * it and never advances anything (the crypto layer relies on this).
 *
 * State is bounded: at most max_ike_sas IKE SAs (the least recently
 * active one is evicted, handed first to the eviction callback so file
 * output loses nothing), max_msgs messages and max_exchanges exchanges
 * per SA (more are counted, not stored), max_esp_sas ESP flows; each
 * SA's phase-1 record (track/p1rec.h) has caps of its own.  The tracker
 * counts every byte it and the records allocate (trk_stats).
 *
 * Each IKE SA lists the ESP flows linked to it (their ike_id) while both
 * are in the tables, so that the per-SA views cost O(its flows), not
 * O(all flows): a flow leaves the list when it is evicted, and an evicted
 * IKE SA's flows keep their ike_id but belong to no list.
 *
 * Both tables hash their keys (cookies; destination and SPI) with a random
 * seed of the tracker's own (core/hash.h), so that keys chosen in advance
 * cannot share a bucket.  They are open-addressed (linear probing, at
 * least twice the slots of their cap, each slot the entry and its hash),
 * so a lookup that finds nothing reads a cache line of slots and no
 * entry; trk_stats counts the occupied slots lookups visit.
 */
#ifndef IKESCOPE_TRACK_H
#define IKESCOPE_TRACK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "keys/keystore.h"
#include "track/p1rec.h"

enum trk_dir { TRK_I2R = 0, TRK_R2I = 1 };

enum trk_label {
	TRK_L_NONE = 0,
	TRK_L_MM1, TRK_L_MM2, TRK_L_MM3, TRK_L_MM4, TRK_L_MM5, TRK_L_MM6,
	TRK_L_AM1, TRK_L_AM2, TRK_L_AM3,
	TRK_L_QM1, TRK_L_QM2, TRK_L_QM3,
	TRK_L_INFO,
	TRK_L_TXN,
	TRK_L__COUNT
};

enum trk_state { TRK_INCOMPLETE = 0, TRK_ESTABLISHED, TRK_FAILED };

/* Why an exchange or SA failed. */
enum trk_reason {
	TRK_R_NONE = 0,
	TRK_R_NOTIFY,		/* an error notify was received (type kept) */
	TRK_R_NO_RESPONSE,	/* last step resent N times, never answered */
	TRK_R_XAUTH,		/* XAUTH-STATUS FAIL (extended auth) */
	TRK_R_TIMEOUT		/* unanswered longer than trk_tick's limit */
};

/*
 * An IKE SA's phase, as its state-change events tell it (trk_phase): its
 * state, unless it was deleted (an ISAKMP DELETE) or its lifetime ran
 * out (trk_tick), or the state cap evicted it.
 */
enum trk_phase {
	TRK_P_NEGOTIATING = 0, TRK_P_ESTABLISHED, TRK_P_FAILED,
	TRK_P_DELETED, TRK_P_EXPIRED, TRK_P_EVICTED
};

#define TRK_MSG_PL	16	/* payload types kept per message */
#define TRK_MAX_SPIS	4
#define TRK_ID_MAX	64	/* Quick Mode ID data bytes kept */

/* An ID payload as a value (RFC 2407 4.6.2); presenters render it. */
struct trk_id {
	uint8_t		type;		/* 0: none */
	uint8_t		proto;
	uint16_t	port;
	uint16_t	wire_len;	/* data bytes on the wire */
	uint8_t		len;		/* kept: min(wire_len, TRK_ID_MAX) */
	uint8_t		data[TRK_ID_MAX];
};

/* What the tracker is told about one ISAKMP message. */
struct trk_in {
	uint32_t	 frame;
	double		 ts;
	int		 af;
	const uint8_t	*src, *dst;
	uint16_t	 sport, dport;
	const uint8_t	*icookie, *rcookie;
	uint8_t		 exch;
	uint8_t		 flags;
	uint32_t	 msgid;
	const uint8_t	*raw;		/* whole message, for retransmits */
	size_t		 raw_len;
	/* raw's digest from a trk_digester, or NULL: trk_ike makes it */
	const uint8_t	*digest;
	bool		 encrypted;	/* E flag */
	bool		 plaintext;	/* payload summary below is known */
	bool		 decrypted;

	/* payload summary (valid when plaintext) */
	uint8_t		 npl;
	uint8_t		 pl[TRK_MSG_PL];
	uint16_t	 notify;	/* first notify type, 0 if none */
	bool		 dpd;		/* R-U-THERE or R-U-THERE-ACK */
	uint32_t	 dpd_seq;
	bool		 xauth_fail;	/* XAUTH-STATUS = FAIL (0) */
	bool		 xauth_ok;	/* XAUTH-STATUS = OK (1) */
	bool		 del;		/* a DELETE payload */
	uint8_t		 del_proto;	/* 1 ISAKMP, 2 AH, 3 ESP */
	uint8_t		 nspis;		/* SPIs from SA proposals or DELETE */
	uint32_t	 spis[TRK_MAX_SPIS];
	uint8_t		 spi_proto;
	uint8_t		 spi_from_init;	/* SPIs[0..n) from exchange initiator */

	/* SA payload summary (phase 1 or Quick Mode), when present */
	bool		 has_sa;
	uint16_t	 sa_proposals, sa_transforms;
	uint8_t		 sa_proto;	/* first proposal's protocol */
	uint8_t		 xform;		/* first transform's ID */
	uint8_t		 encap;		/* IPsec encapsulation mode */
	bool		 esn;		/* IPsec ESN attribute */

	/* identities (ID payloads), in order */
	uint8_t		 nids;
	struct trk_id	 ids[2];
	/* first transform's attributes: the choice when from the responder */
	uint16_t	 enc, key_len, hash, group, auth;
	uint32_t	 life_secs, life_kb;

	/* set by the tracker before the pre-placement hook runs */
	bool		 from_exch_init;	/* sender started the exchange */
	/* set by the hook (decryption): the IV this message used */
	uint8_t		 iv[16];
	uint8_t		 iv_len;
};

/*
 * A chosen proposal.  Phase 1: Oakley values (enc, hash, group, auth).
 * Quick Mode: enc is the IPsec transform ID, hash the IPsec
 * authentication algorithm, group the PFS group (0: no PFS), plus the
 * encapsulation mode and ESN.
 */
struct trk_proposal {
	bool		valid;
	uint8_t		proto;		/* 1 ISAKMP, 2 AH, 3 ESP, 4 IPCOMP */
	uint16_t	enc, key_len, hash, group, auth;
	uint32_t	life_secs, life_kb;
	uint8_t		encap;
	bool		esn;
};

struct trk_msg {
	uint32_t	frame;
	double		ts;
	uint8_t		dir;		/* enum trk_dir */
	uint8_t		exch;
	uint8_t		label;		/* enum trk_label */
	uint8_t		step;		/* script position, 0 = not placed */
	uint32_t	msgid;
	uint32_t	len;
	uint16_t	ex;		/* index of its exchange */
	bool		retransmit;
	bool		off_script;	/* does not fit the script */
	bool		out_of_order;	/* placed before a step already seen */
	bool		encrypted, decrypted;
	uint8_t		iv_len;		/* IV it was decrypted with, if any */
	uint8_t		iv[16];
	uint16_t	resent;		/* retransmissions of this message */
	uint16_t	notify;
	uint8_t		npl;
	uint8_t		pl[TRK_MSG_PL];
	uint8_t		digest[16];
};

struct trk_exchange {
	uint32_t	msgid;
	uint8_t		type;		/* exchange type */
	uint8_t		state;		/* enum trk_state */
	uint8_t		reason;		/* enum trk_reason */
	uint8_t		init_dir;	/* direction of its first step */
	uint8_t		nsteps;		/* script length */
	uint8_t		seen;		/* bit (step-1) set when seen */
	uint8_t		last_step;	/* highest step seen */
	uint16_t	notify;		/* error notify (reason), or first */
	uint16_t	rexmits;
	uint16_t	missing;	/* steps skipped (capture gaps) */
	uint16_t	nmsgs;
	bool		dpd;
	uint32_t	dpd_seq;
	bool		del;
	uint8_t		del_proto;
	uint8_t		nspis;
	uint32_t	spis[TRK_MAX_SPIS];
	uint32_t	first_frame;
	double		first_ts, last_ts;
	bool		timed_out;	/* trk_tick: unanswered too long */
	struct trk_proposal chosen;	/* Quick Mode: responder's choice */
	struct trk_id	idc[2];		/* Quick Mode IDci, IDcr */
	uint16_t	offered_proposals, offered_transforms;
};

struct trk_ike_sa {
	uint64_t	 id;		/* serial, 1-based, in order of creation */
	uint8_t		 icookie[8], rcookie[8];
	int		 af;
	uint8_t		 iaddr[16], raddr[16];
	uint16_t	 iport, rport;		/* latest */
	uint16_t	 iport0, rport0;	/* first seen */
	bool		 initiator_inferred;	/* capture began mid-SA */
	uint8_t		 mode;		/* phase-1 exchange type, 0 unknown */
	uint8_t		 state;		/* enum trk_state */
	uint8_t		 reason;	/* enum trk_reason */
	uint16_t	 notify;	/* with TRK_R_NOTIFY */
	uint16_t	 reason_count;	/* with TRK_R_NO_RESPONSE */
	uint16_t	 unread_info;	/* encrypted informationals unread */
	bool		 deleted;
	double		 deleted_ts;
	bool		 expired;	/* trk_tick: lifetime ran out */
	uint8_t		 xauth;		/* 0 none seen, 1 ok, 2 failed */
	struct trk_proposal chosen;
	uint16_t	 offered_proposals, offered_transforms;
	struct p1rec	 p1;		/* the phase-1 record (IDs and all) */
	double		 first_ts, last_ts, established_ts;
	uint32_t	 first_frame;

	struct trk_msg	*msgs;
	uint32_t	 nmsgs, capmsgs, msgs_dropped;
	struct trk_exchange *ex;
	uint32_t	 nex, capex, ex_dropped;

	struct ike_state *ike_state;	/* keys and IV chains when keys
					   were given (ike_crypto.h) */

	/* private to track.c */
	uint64_t	 hash;		/* of its cookies, in the table */
	struct trk_ike_sa *lru_prev, *lru_next;
	struct trk_esp	*esp_head, *esp_tail;	/* its flows (ike_id) */
};

struct trk_esp {
	int		 af;
	uint8_t		 src[16], dst[16];
	uint32_t	 spi;
	uint64_t	 packets, bytes;
	double		 first_ts, last_ts;
	uint32_t	 first_frame;
	uint32_t	 seq_first, seq_max;
	uint64_t	 gaps;		/* sequence numbers never seen */
	uint64_t	 dups;		/* seen twice within the window */
	uint64_t	 reordered;	/* arrived below the highest seen */
	uint32_t	 max_reorder;	/* largest reordering distance */
	uint64_t	 late;		/* older than the 64-packet window */
	uint64_t	 window;	/* bit i: seq_max - i seen */
	uint64_t	 ike_id;	/* IKE SA that made it, 0 unknown */
	bool		 linked_by_spi;	/* else by addresses (a guess) */
	uint64_t	 icv_bad;	/* counted by the ESP decryptor */
	bool		 deleted;	/* an Informational DELETE named it */
	double		 deleted_ts;
	uint64_t	 decrypted;
	struct ks_memo	 key;		/* the decryptor's SA for src */

	/* private to track.c */
	uint64_t	 hash;		/* of (dst, spi), in the table */
	struct trk_esp	*lru_prev, *lru_next;
	uint64_t	 touched;	/* ESP packet count at its last */
	struct trk_ike_sa *owner;	/* the live IKE SA of ike_id */
	struct trk_esp	*sa_prev, *sa_next;	/* owner's flows */
};

struct trk_limits {
	size_t	max_ike_sas;		/* default 16384 */
	size_t	max_msgs;		/* per IKE SA, default 256 */
	size_t	max_exchanges;		/* per IKE SA, default 256 */
	size_t	max_esp_sas;		/* default 16384 */
};

struct trk_stats {
	uint64_t	ike_sas, ike_evicted, esp_sas, esp_evicted;
	uint64_t	probes;		/* occupied table slots looked at */
	uint64_t	msgs, retransmits, msgs_dropped, ex_dropped;
	size_t		bytes_now, peak_bytes;
	size_t		ike_now, esp_now;
};

struct ike_state;

/*
 * Runs for every message once its SA, direction and (for a
 * retransmission) original are known, before it is placed in its script:
 * the engine uses it to fill the SA's phase-1 record (p1) and to
 * decrypt and fill in the payload summary of trk_in, so placement and
 * outcomes see decrypted content.  What the record grows by is counted
 * in trk_stats' bytes.
 */
typedef void trk_pre_cb(struct trk_ike_sa *, const struct trk_msg *,
    uint8_t, struct trk_in *, void *);
/* Frees an SA's decryption state (arg as given to trk_set_hooks). */
typedef void trk_state_free_cb(struct ike_state *, void *);

/* Told about an SA before it is freed by eviction or trk_free. */
typedef void trk_ike_cb(const struct trk_ike_sa *, void *);
typedef void trk_esp_cb(const struct trk_esp *, void *);

/*
 * State changes, as they happen (trk_set_change): with an exchange, that
 * exchange completed or failed (its state), or timed out (timed_out set by
 * trk_tick, state still incomplete); without one, the SA's phase
 * (trk_phase) changed from the one given.  From trk_ike, trk_tick and
 * trk_finish, and before the eviction callback for an SA evicted.
 */
typedef void trk_change_cb(const struct trk_ike_sa *,
    const struct trk_exchange *, uint8_t, void *);

/* What trk_ike returns about the message. */
struct trk_result {
	const struct trk_ike_sa	*sa;
	const struct trk_msg	*msg;	/* NULL when the cap dropped it */
	uint8_t			 label;
	bool			 retransmit;
	uint8_t			 dir;
	const struct trk_msg	*original;	/* for a retransmit */
};

struct trk;

struct trk	*trk_new(const struct trk_limits *);
/* For tests only: hash with this seed, not a random one (empty tracker). */
int		 trk_set_seed(struct trk *, uint64_t);
void		 trk_set_evict(struct trk *, trk_ike_cb *, trk_esp_cb *,
		    void *);
void		 trk_set_hooks(struct trk *, trk_pre_cb *, trk_state_free_cb *,
		    void *);
void		 trk_set_change(struct trk *, trk_change_cb *, void *);
void		 trk_free(struct trk *);
int		 trk_ike(struct trk *, struct trk_in *,
		    struct trk_result *);
/*
 * The digest trk_ike gives a message (trk_in.raw) to tell retransmissions,
 * made on another thread: each thread its own digester (of the tracker's
 * key; made from the tracker's thread, which keys the tracker's own on
 * the first call; NULL when OpenSSL cannot).  trk_digester_run returns
 * false when it could not (trk_ike then makes the digest itself).
 */
struct trk_digester;
struct trk_digester *trk_digester_new(struct trk *);
bool		 trk_digester_run(struct trk_digester *, const uint8_t *,
		    size_t, uint8_t[16]);
void		 trk_digester_free(struct trk_digester *);
/* An ESP packet, as trk_esp_packet counts it in its flow. */
struct trk_esp_pkt {
	int		 af;
	const uint8_t	*src, *dst;	/* 4 or 16 bytes by af */
	uint32_t	 spi, seq;
	size_t		 len;		/* bytes from the SPI on */
	double		 ts;
	uint32_t	 frame;
};
struct trk_esp	*trk_esp_packet(struct trk *, const struct trk_esp_pkt *);
void		 trk_finish(struct trk *);
/*
 * Time-driven state at time now (capture time, or the clock live): an
 * established SA whose negotiated lifetime (seconds) ran out becomes
 * expired; an incomplete exchange whose last message is more than
 * timeout seconds old is marked timed out (its state stays, so a late
 * answer still completes it).  Each is reported to the change callback
 * once.  Walks every SA: call it at most every second or so.
 */
void		 trk_tick(struct trk *, double, double);
uint8_t		 trk_phase(const struct trk_ike_sa *);
const char	*trk_phase_name(uint8_t);
void		 trk_stats(const struct trk *, struct trk_stats *);
/* IKE SAs by id; ESP flows by first frame, then least recently active
 * first; the flows of one IKE SA, in the same order. */
void		 trk_foreach_ike(const struct trk *, trk_ike_cb *, void *);
void		 trk_foreach_esp(const struct trk *, trk_esp_cb *, void *);
void		 trk_foreach_sa_esp(const struct trk_ike_sa *, trk_esp_cb *,
		    void *);

const char	*trk_label_name(uint8_t);
const char	*trk_state_name(uint8_t);
const char	*trk_dir_name(uint8_t);
int		 trk_reason_text(const struct trk_ike_sa *, char *, size_t);
/*
 * Keys were given for one side only: that side's encrypted messages
 * decrypt and the other side's never do (a pre-shared key mismatch when
 * the keys came from one side's PSK).  The direction that decrypts and
 * the counts.
 */
bool		 trk_keys_disagree(const struct trk_ike_sa *, uint8_t *,
		    unsigned *, unsigned *);
int		 trk_ex_reason_text(const struct trk_exchange *, char *,
		    size_t);

#endif
