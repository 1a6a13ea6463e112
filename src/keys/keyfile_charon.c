/*
 * keyfile_charon.c - keys from strongSwan charon debug logs; see
 * keyfile_charon.h.
 *
 * Line shapes (after "HH:MM:SS.mmm NN[TAG] <name|uid> "):
 *
 *   checkin IKEv1 SA lab[1] with SPIs 6d1a4e28301fa3af_i 09acceb7697313e1_r
 *   SKEYID_d => 20 bytes @ 0x7fe29403b180          (then "   0: 74 70 ...")
 *   parsed QUICK_MODE response 2440393990 [ HASH SA No ID ID ]
 *   selected proposal: ESP:AES_CBC_128/HMAC_SHA1_96/NO_EXT_SEQ
 *     using AES_CBC for encryption                 (CHD)
 *   initiator SA seed => 69 bytes @ ...            ([g^xy |] 03 | SPI | ...)
 *   encryption initiator key => 16 bytes @ ...
 *   adding inbound ESP SA
 *     SPI 0x86d806a8, src 192.0.2.2 dst 192.0.2.1
 */
#include <arpa/inet.h>
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/crypto.h>

#include "keys/espalg.h"
#include "keys/keyfile_charon.h"
#include "keys/keyfile_int.h"

#define KFC_BUCKETS	256
#define KFC_THREADS	256	/* thread -> checked-out IKE SA, by number */
#define KFC_MAX_SAS	(1u << 20)
#define KFC_DUMP_MAX	(KS_MAX_IKE_KEY + 64)	/* a PFS seed's prefix */

enum kfc_what {
	KFC_NONE = 0,
	/* phase 1, into struct ks_ike */
	KFC_GXY, KFC_SKEYID, KFC_SKEYID_D, KFC_SKEYID_A, KFC_SKEYID_E, KFC_KA,
	/* Quick Mode */
	KFC_QM_GXY, KFC_SEED_I, KFC_SEED_R,
	KFC_ENC_I, KFC_ENC_R, KFC_INT_I, KFC_INT_R
};

static const struct {
	const char	*label;
	const char	*tag;
	enum kfc_what	 w;
} kfc_labels[] = {
	{ "shared Diffie Hellman secret", "IKE", KFC_GXY },
	{ "SKEYID", "IKE", KFC_SKEYID },
	{ "SKEYID_d", "IKE", KFC_SKEYID_D },
	{ "SKEYID_a", "IKE", KFC_SKEYID_A },
	{ "SKEYID_e", "IKE", KFC_SKEYID_E },
	{ "encryption key Ka", "IKE", KFC_KA },
	{ "DH secret", "CHD", KFC_QM_GXY },
	{ "initiator SA seed", "CHD", KFC_SEED_I },
	{ "responder SA seed", "CHD", KFC_SEED_R },
	{ "encryption initiator key", "CHD", KFC_ENC_I },
	{ "encryption responder key", "CHD", KFC_ENC_R },
	{ "integrity initiator key", "CHD", KFC_INT_I },
	{ "integrity responder key", "CHD", KFC_INT_R },
};

/* The Quick Mode being installed: from "using ..." to its SAs. */
struct kfc_child {
	char		enc[40], integ[40];	/* strongSwan names; "" unknown */
	uint8_t		key[4][KS_MAX_KEY];	/* ENC_I, ENC_R, INT_I, INT_R */
	size_t		keylen[4];
	bool		have_key[4];
	size_t		dh_len;		/* PFS secret: where seeds' SPI is */
	bool		have_seed[2];	/* initiator's, responder's */
	uint8_t		seed_proto[2];
	uint32_t	seed_spi[2];
	int		dir;		/* 1 "adding inbound", 2 outbound */
};

/* One IKE SA of the log, by charon's unique ID. */
struct kfc_sa {
	unsigned long	 uid;
	bool		 v2;		/* IKEv2: not ours */
	bool		 have_ck, have_rck, keyed;
	uint8_t		 icookie[8], rcookie[8];
	struct ks_ike	*pend;		/* keys seen before the cookies */
	bool		 have_mid;
	uint32_t	 mid;		/* last Quick Mode message ID */
	int		 qm_role;	/* 1 initiator, 2 responder, 0 ? */
	char		 esp_prop[160];	/* last "selected proposal: ESP:" */
	struct kfc_child ch;
	struct kfc_sa	*next;
};

struct kfc {
	struct kfc_sa	*b[KFC_BUCKETS];
	/*
	 * Without "<name|uid>" prefixes (ike_name = no, the default), a
	 * line belongs to the IKE SA its thread has checked out.
	 */
	struct {
		unsigned long	thread, uid;
	}		 th[KFC_THREADS];
	size_t		 nsa;
	size_t		 learned;	/* keys and SAs taken */
	/* the hex dump being read */
	enum kfc_what	 dw;
	unsigned long	 dthread, duid;
	size_t		 dlen, dgot;
	unsigned	 dline;
	char		 dlabel[40];
	uint8_t		 dbuf[KFC_DUMP_MAX];
};

static int
kfc_err(char *errbuf, size_t errlen, const char *name, unsigned line,
    const char *msg, const char *arg)
{
	return kf_err_at(errbuf, errlen, name, line, "charon log", msg, arg);
}

struct kfc *
kfc_new(void)
{
	return calloc(1, sizeof(struct kfc));
}

static void
kfc_sa_free(struct kfc_sa *s)
{
	if (s->pend != NULL) {
		OPENSSL_cleanse(s->pend, sizeof(*s->pend));
		free(s->pend);
	}
	OPENSSL_cleanse(s, sizeof(*s));
	free(s);
}

/* Forget every IKE SA (a new daemon run starts). */
static void
kfc_reset(struct kfc *c)
{
	struct kfc_sa *s, *ns;
	size_t i;

	for (i = 0; i < KFC_BUCKETS; i++) {
		for (s = c->b[i]; s != NULL; s = ns) {
			ns = s->next;
			kfc_sa_free(s);
		}
		c->b[i] = NULL;
	}
	c->nsa = 0;
	c->dw = KFC_NONE;
	memset(c->th, 0, sizeof(c->th));
}

void
kfc_free(struct kfc *c)
{
	if (c == NULL)
		return;
	kfc_reset(c);
	OPENSSL_cleanse(c, sizeof(*c));
	free(c);
}

static struct kfc_sa *
kfc_sa(struct kfc *c, unsigned long uid, bool make)
{
	struct kfc_sa *s;
	size_t h = uid % KFC_BUCKETS;

	for (s = c->b[h]; s != NULL; s = s->next)
		if (s->uid == uid)
			return s;
	if (!make || c->nsa >= KFC_MAX_SAS)
		return NULL;
	s = calloc(1, sizeof(*s));
	if (s == NULL)
		return NULL;
	s->uid = uid;
	s->next = c->b[h];
	c->b[h] = s;
	c->nsa++;
	return s;
}

/* ------------------------------------------------------------ lines */

/*
 * Find "NN[TAG] " (thread number, three capitals) near the start of a
 * line: "04:17:33.724 15[IKE] ...", "Nov 27 04:17:33 host charon: 15[IKE]
 * ...", "15[IKE] ...".  Returns the text after it, or NULL.
 */
static const char *
kfc_hdr(const char *s, unsigned long *thread, char tag[4])
{
	const char *b;

	for (b = s; (b = strchr(b, '[')) != NULL && b - s < 80; b++) {
		const char *d = b;

		while (d > s && isdigit((unsigned char)d[-1]))
			d--;
		if (d == b || (d > s && d[-1] != ' ' && d[-1] != '\t'))
			continue;
		if (!isupper((unsigned char)b[1]) ||
		    !isupper((unsigned char)b[2]) ||
		    !isupper((unsigned char)b[3]) || b[4] != ']' ||
		    (b[5] != ' ' && b[5] != '\0'))
			continue;
		if (b - d > 6)
			continue;
		*thread = strtoul(d, NULL, 10);
		memcpy(tag, b + 1, 3);
		tag[3] = '\0';
		return b[5] == '\0' ? b + 5 : b + 6;
	}
	return NULL;
}

bool
kfc_is_line(const char *s)
{
	unsigned long t;
	char tag[4];

	return kfc_hdr(s, &t, tag) != NULL;
}

/* "<name|uid> " or "<uid> ": the uid (0 if none); *rest after it. */
static unsigned long
kfc_uid(const char *s, const char **rest)
{
	const char *gt, *bar, *d;
	unsigned long uid = 0;

	*rest = s;
	if (*s != '<')
		return 0;
	gt = strchr(s, '>');
	if (gt == NULL || gt[1] != ' ')
		return 0;
	bar = NULL;
	for (d = s + 1; d < gt; d++)
		if (*d == '|')
			bar = d;
	d = bar != NULL ? bar + 1 : s + 1;
	if (d == gt)
		return 0;
	for (; d < gt; d++) {
		if (!isdigit((unsigned char)*d) || uid > 0xffffffffUL)
			return 0;
		uid = uid * 10 + (unsigned long)(*d - '0');
	}
	*rest = gt + 2;
	return uid;
}

/*
 * A hex dump line "  16: 50 F3 07 42      P..B": offset and up to 16
 * bytes.  Returns the byte count, or -1 if the line is not one.
 */
static int
kfc_hexline(const char *s, size_t *off, uint8_t out[16])
{
	unsigned long o = 0;
	int n = 0;

	while (*s == ' ')
		s++;
	if (!isdigit((unsigned char)*s))
		return -1;
	while (isdigit((unsigned char)*s)) {
		if (o > 1000000)
			return -1;
		o = o * 10 + (unsigned long)(*s++ - '0');
	}
	if (s[0] != ':' || s[1] != ' ')
		return -1;
	s += 2;
	while (n < 16) {
		int hi = kf_hexval((unsigned char)s[0]);
		int lo = hi < 0 ? -1 : kf_hexval((unsigned char)s[1]);

		if (lo < 0 || (s[2] != ' ' && s[2] != '\0'))
			break;
		out[n++] = (uint8_t)(hi << 4 | lo);
		if (s[2] == '\0' || s[3] == ' ')
			break;
		s += 3;
	}
	if (n == 0)
		return -1;
	*off = o;
	return n;
}

/* "LABEL => N bytes @ ADDR": the label's kind and N; KFC_NONE if other. */
static enum kfc_what
kfc_dump_hdr(const char *s, const char *tag, size_t *len, char *label,
    size_t lcap)
{
	const char *arrow = strstr(s, " => ");
	char *end;
	unsigned long n;
	size_t i, ll;

	if (arrow == NULL || !isdigit((unsigned char)arrow[4]))
		return KFC_NONE;
	n = strtoul(arrow + 4, &end, 10);
	if (strncmp(end, " bytes @ ", 9) != 0)
		return KFC_NONE;
	ll = (size_t)(arrow - s);
	for (i = 0; i < sizeof(kfc_labels) / sizeof(kfc_labels[0]); i++)
		if (strlen(kfc_labels[i].label) == ll &&
		    memcmp(kfc_labels[i].label, s, ll) == 0 &&
		    strcmp(kfc_labels[i].tag, tag) == 0) {
			*len = n;
			snprintf(label, lcap, "%s", kfc_labels[i].label);
			return kfc_labels[i].w;
		}
	return KFC_NONE;
}

/* ------------------------------------------------------------ keys */

static struct ks_ike_key *
kfc_ike_field(struct ks_ike *ik, enum kfc_what w)
{
	switch (w) {
	case KFC_GXY:
		return &ik->gxy;
	case KFC_SKEYID:
		return &ik->skeyid;
	case KFC_SKEYID_D:
		return &ik->skeyid_d;
	case KFC_SKEYID_A:
		return &ik->skeyid_a;
	case KFC_SKEYID_E:
		return &ik->skeyid_e;
	case KFC_KA:
		return &ik->enc_key;
	default:
		return NULL;
	}
}

/* Add what pend holds (cookies known) to the store. */
static int
kfc_add_ike(struct kfc_sa *s, struct ks *k, struct ks_ike *ik, char *errbuf,
    size_t errlen)
{
	memcpy(ik->icookie, s->icookie, 8);
	if (s->have_rck) {
		memcpy(ik->rcookie, s->rcookie, 8);
		ik->has_rcookie = true;
	}
	s->keyed = true;
	return ks_add_ike(k, ik, errbuf, errlen);
}

static int
kfc_ike_key(struct kfc *c, struct kfc_sa *s, enum kfc_what w, struct ks *k,
    const char *name, char *errbuf, size_t errlen)
{
	struct ks_ike *ik;
	struct ks_ike_key *f;
	int rc = 0;

	if (c->dlen > KS_MAX_IKE_KEY)
		return kfc_err(errbuf, errlen, name, c->dline, "key too long",
		    c->dlabel);
	ik = s->pend;
	if (ik == NULL) {
		ik = calloc(1, sizeof(*ik));
		if (ik == NULL) {
			snprintf(errbuf, errlen, "out of memory (IKE keys)");
			return -1;
		}
		kf_origin_str(ik->origin, sizeof(ik->origin), name, c->dline);
	}
	f = kfc_ike_field(ik, w);
	if (f == NULL) {
		free(ik);
		return 0;
	}
	memcpy(f->v, c->dbuf, c->dlen);
	f->len = c->dlen;
	c->learned++;
	if (s->have_ck) {
		rc = kfc_add_ike(s, k, ik, errbuf, errlen);
		OPENSSL_cleanse(ik, sizeof(*ik));
		free(ik);
		s->pend = NULL;
	} else
		s->pend = ik;
	return rc;
}

/* A complete (or, at_end, a cut) hex dump. */
static int
kfc_dump_done(struct kfc *c, struct ks *k, const char *name, char *errbuf,
    size_t errlen)
{
	struct kfc_sa *s;
	struct kfc_child *ch;
	enum kfc_what w = c->dw;
	int i;

	c->dw = KFC_NONE;
	if (c->dgot != c->dlen)
		return kfc_err(errbuf, errlen, name, c->dline, "hex dump cut "
		    "short (or malformed) for", c->dlabel);
	s = kfc_sa(c, c->duid, true);
	if (s == NULL) {
		snprintf(errbuf, errlen, "%s: too many IKE SAs in a charon "
		    "log", name);
		return -1;
	}
	if (s->v2)
		return 0;
	ch = &s->ch;
	switch (w) {
	case KFC_QM_GXY:
		ch->dh_len = c->dlen;
		if (c->dlen > KS_MAX_IKE_KEY)
			return kfc_err(errbuf, errlen, name, c->dline, "DH "
			    "secret too long", NULL);
		if (s->have_ck && s->have_mid) {
			char org[96];

			kf_origin_str(org, sizeof(org), name, c->dline);
			c->learned++;
			return ks_add_qm_gxy(k, s->icookie, s->mid, c->dbuf,
			    c->dlen, org, errbuf, errlen);
		}
		return 0;
	case KFC_SEED_I:
	case KFC_SEED_R:
		i = w == KFC_SEED_R;
		if (c->dlen < ch->dh_len + 5)
			return kfc_err(errbuf, errlen, name, c->dline, "seed "
			    "too short for protocol and SPI", c->dlabel);
		ch->seed_proto[i] = c->dbuf[ch->dh_len];
		ch->seed_spi[i] = (uint32_t)c->dbuf[ch->dh_len + 1] << 24 |
		    (uint32_t)c->dbuf[ch->dh_len + 2] << 16 |
		    (uint32_t)c->dbuf[ch->dh_len + 3] << 8 |
		    c->dbuf[ch->dh_len + 4];
		ch->have_seed[i] = true;
		return 0;
	case KFC_ENC_I:
	case KFC_ENC_R:
	case KFC_INT_I:
	case KFC_INT_R:
		i = (int)(w - KFC_ENC_I);
		if (c->dlen > KS_MAX_KEY)
			return kfc_err(errbuf, errlen, name, c->dline, "key "
			    "too long", c->dlabel);
		memcpy(ch->key[i], c->dbuf, c->dlen);
		ch->keylen[i] = c->dlen;
		ch->have_key[i] = true;
		return 0;
	default:
		return kfc_ike_key(c, s, w, k, name, errbuf, errlen);
	}
}

/* ------------------------------------------------------------ ESP SAs */

/* strongSwan's algorithm names ("using X for encryption"): espalg.h. */
static bool
kfc_enc(const char *n, enum ks_enc *e, size_t *icv)
{
	const struct espalg_enc *r = espalg_enc_charon(n);

	if (r == NULL)
		return false;
	*e = r->id;
	*icv = r->icv;
	return true;
}

static bool
kfc_auth(const char *n, enum ks_auth *a)
{
	const struct espalg_auth *r = espalg_auth_charon(n);

	if (r == NULL)
		return false;
	*a = r->id;
	return true;
}

/*
 * Fill what the "using" lines left open from the selected proposal
 * ("ESP:AES_GCM_16_256/MODP_2048/NO_EXT_SEQ"): its first algorithm is the
 * cipher (key size dropped), an integrity algorithm may follow, and
 * "EXT_SEQ" means 64-bit sequence numbers.
 */
static void
kfc_from_proposal(struct kfc_sa *s, bool *esn)
{
	char buf[sizeof(s->esp_prop)], *p, *tok;
	struct kfc_child *ch = &s->ch;
	bool first = true;

	*esn = false;
	snprintf(buf, sizeof(buf), "%s", s->esp_prop);
	p = buf;
	while ((tok = strsep(&p, "/")) != NULL) {
		enum ks_auth a;
		char *us;

		if (strcmp(tok, "EXT_SEQ") == 0)
			*esn = true;
		else if (kfc_auth(tok, &a)) {
			if (ch->integ[0] == '\0')
				snprintf(ch->integ, sizeof(ch->integ), "%s",
				    tok);
		} else if (first && ch->enc[0] == '\0') {
			us = strrchr(tok, '_');
			if (us != NULL && us[1] != '\0' &&
			    strspn(us + 1, "0123456789") == strlen(us + 1))
				*us = '\0';
			snprintf(ch->enc, sizeof(ch->enc), "%s", tok);
		}
		first = false;
	}
}

/* "SPI 0x86d806a8, src 192.0.2.2 dst 192.0.2.1" after "adding ... SA". */
static int
kfc_esp_sa(struct kfc *c, struct kfc_sa *s, struct ks *k, const char *name,
    unsigned line, const char *t, char *errbuf, size_t errlen)
{
	struct kfc_child *ch = &s->ch;
	struct ks_esp_sa sa;
	char src[64], dst[64], spis[16];
	unsigned long spi;
	size_t icv = 0;
	int which = -1, dir = ch->dir, rc;
	bool esn;
	uint8_t a6[16];

	ch->dir = 0;
	if (sscanf(t, "SPI 0x%15[0-9a-fA-F], src %63s dst %63s", spis, src,
	    dst) != 3)
		return kfc_err(errbuf, errlen, name, line, "expected \"SPI "
		    "0x..., src ... dst ...\"", t);
	spi = strtoul(spis, NULL, 16);
	if (strlen(spis) > 8)
		return kfc_err(errbuf, errlen, name, line, "bad SPI", spis);
	memset(&sa, 0, sizeof(sa));
	sa.spi = (uint32_t)spi;
	sa.spi_mask = 0xffffffffU;
	if (inet_pton(AF_INET, src, a6) == 1 &&
	    inet_pton(AF_INET, dst, sa.dst.a) == 1) {
		memcpy(sa.src.a, a6, 4);
		sa.src.af = sa.dst.af = 4;
		sa.src.plen = sa.dst.plen = 32;
	} else if (inet_pton(AF_INET6, src, sa.src.a) == 1 &&
	    inet_pton(AF_INET6, dst, sa.dst.a) == 1) {
		sa.src.af = sa.dst.af = 6;
		sa.src.plen = sa.dst.plen = 128;
	} else
		return kfc_err(errbuf, errlen, name, line, "bad addresses",
		    t);

	/* Whose keys: the seed that starts with this SPI, else the role. */
	if (ch->have_seed[0] && ch->seed_proto[0] == 3 &&
	    ch->seed_spi[0] == sa.spi)
		which = 0;
	else if (ch->have_seed[1] && ch->seed_proto[1] == 3 &&
	    ch->seed_spi[1] == sa.spi)
		which = 1;
	else if (!ch->have_seed[0] && !ch->have_seed[1] && s->qm_role != 0)
		/* QM initiator: outbound has the initiator's keys */
		which = (s->qm_role == 1) == (dir == 2) ? 0 : 1;
	if (which < 0)
		return kfc_err(errbuf, errlen, name, line, "cannot tell "
		    "whether the initiator's or the responder's keys belong "
		    "to SPI", spis);

	kfc_from_proposal(s, &esn);
	if (ch->enc[0] == '\0')
		return kfc_err(errbuf, errlen, name, line, "encryption "
		    "algorithm unknown (no \"using ... for encryption\" or "
		    "selected proposal line) for SPI", spis);
	if (!kfc_enc(ch->enc, &sa.enc, &icv))
		return kfc_err(errbuf, errlen, name, line, "unsupported "
		    "encryption algorithm", ch->enc);
	sa.auth = KS_AUTH_NONE;
	if (ch->integ[0] != '\0' && !kfc_auth(ch->integ, &sa.auth))
		return kfc_err(errbuf, errlen, name, line, "unsupported "
		    "integrity algorithm", ch->integ);
	sa.esn = esn;
	sa.esn_known = true;	/* the proposal says EXT_SEQ or NO_EXT_SEQ */
	if (sa.enc != KS_ENC_NULL) {
		if (!ch->have_key[which])
			return kfc_err(errbuf, errlen, name, line, "no "
			    "encryption key dumped (log level chd 4?) for SPI",
			    spis);
		memcpy(sa.enc_key, ch->key[which], ch->keylen[which]);
		sa.enc_key_len = ch->keylen[which];
	}
	if (sa.auth != KS_AUTH_NONE) {
		if (!ch->have_key[2 + which])
			return kfc_err(errbuf, errlen, name, line, "no "
			    "integrity key dumped for SPI", spis);
		memcpy(sa.auth_key, ch->key[2 + which],
		    ch->keylen[2 + which]);
		sa.auth_key_len = ch->keylen[2 + which];
	}
	rc = kf_store_esp(k, name, line, &sa, icv, errbuf, errlen);
	OPENSSL_cleanse(&sa, sizeof(sa));
	if (rc == 0)
		c->learned++;
	return rc;
}

/* ------------------------------------------------------------ messages */

/* "checkin IKEv1 SA lab[1] with SPIs <16 hex>_i <16 hex>_r" */
static int
kfc_checkin(struct kfc *c, unsigned long uid, struct ks *k, const char *name,
    unsigned line, const char *t, char *errbuf, size_t errlen)
{
	const char *w = strstr(t, " with SPIs ");
	uint8_t ck[2][8];
	struct kfc_sa *s;
	int v = t[12] - '0', i, j;
	bool newr;

	if (w == NULL)
		return 0;
	if (uid == 0) {
		const char *br = strchr(t + 15, '[');

		if (br == NULL || br > w)
			return 0;
		uid = strtoul(br + 1, NULL, 10);
	}
	w += 11;
	for (i = 0; i < 2; i++, w += 19) {
		if (strspn(w, "0123456789abcdefABCDEF") != 16 || w[16] != '_' ||
		    w[17] != (i == 0 ? 'i' : 'r'))
			return kfc_err(errbuf, errlen, name, line, "bad "
			    "cookies", t);
		for (j = 0; j < 8; j++)
			ck[i][j] = (uint8_t)(kf_hexval(w[2 * j]) << 4 |
			    kf_hexval(w[2 * j + 1]));
		if (i == 0 && w[18] != ' ')
			return kfc_err(errbuf, errlen, name, line, "bad "
			    "cookies", t);
	}
	s = kfc_sa(c, uid, true);
	if (s == NULL) {
		snprintf(errbuf, errlen, "%s: too many IKE SAs in a charon "
		    "log", name);
		return -1;
	}
	if (v != 1) {
		s->v2 = true;
		return 0;
	}
	memcpy(s->icookie, ck[0], 8);
	s->have_ck = true;
	newr = false;
	if (memcmp(ck[1], "\0\0\0\0\0\0\0\0", 8) != 0 && (!s->have_rck ||
	    memcmp(s->rcookie, ck[1], 8) != 0)) {
		memcpy(s->rcookie, ck[1], 8);
		s->have_rck = newr = true;
	}
	if (s->pend != NULL) {
		int rc = kfc_add_ike(s, k, s->pend, errbuf, errlen);

		OPENSSL_cleanse(s->pend, sizeof(*s->pend));
		free(s->pend);
		s->pend = NULL;
		return rc;
	}
	if (newr && s->keyed) {
		struct ks_ike *ik = calloc(1, sizeof(*ik));
		int rc;

		if (ik == NULL) {
			snprintf(errbuf, errlen, "out of memory (IKE keys)");
			return -1;
		}
		kf_origin_str(ik->origin, sizeof(ik->origin), name, line);
		rc = kfc_add_ike(s, k, ik, errbuf, errlen);
		free(ik);
		return rc;
	}
	return 0;
}

/* "generating QUICK_MODE request 2440393990 [ ... ]" and the like. */
static void
kfc_qm(struct kfc_sa *s, const char *t)
{
	bool gen = strncmp(t, "generating ", 11) == 0;
	bool req;
	char *end;
	unsigned long mid;

	t += gen ? 11 : 7;
	if (strncmp(t, "QUICK_MODE ", 11) != 0)
		return;
	t += 11;
	if (strncmp(t, "request ", 8) == 0) {
		req = true;
		t += 8;
	} else if (strncmp(t, "response ", 9) == 0) {
		req = false;
		t += 9;
	} else
		return;
	mid = strtoul(t, &end, 10);
	if (end == t || mid > 0xffffffffUL)
		return;
	s->mid = (uint32_t)mid;
	s->have_mid = true;
	s->qm_role = gen == req ? 1 : 2;
}

/* "... IKE_SA lab[12] ...": the unique ID in brackets after "IKE_SA ". */
static unsigned long
kfc_bracket_uid(const char *t, const char *from)
{
	const char *b = strstr(t, from), *e;
	unsigned long uid;

	if (b == NULL)
		return 0;
	b = strchr(b + strlen(from), '[');
	if (b == NULL || !isdigit((unsigned char)b[1]))
		return 0;
	uid = strtoul(b + 1, (char **)&e, 10);
	return *e == ']' && uid <= 0xffffffffUL ? uid : 0;
}

/* Track which IKE SA each thread holds (MGR lines); 0: none known. */
static unsigned long
kfc_thread_uid(struct kfc *c, unsigned long thread, const char *tag,
    const char *t)
{
	size_t i = thread % KFC_THREADS;
	unsigned long u;

	if (strcmp(tag, "MGR") == 0) {
		if (strstr(t, " successfully checked out") != NULL ||
		    strncmp(t, "created IKE_SA ", 15) == 0) {
			u = kfc_bracket_uid(t, "IKE_SA ");
			c->th[i].thread = thread;
			c->th[i].uid = u;
			return u;
		}
		if (strncmp(t, "checkin", 7) == 0) {
			u = c->th[i].thread == thread ? c->th[i].uid : 0;
			c->th[i].uid = 0;
			return u;
		}
	}
	return c->th[i].thread == thread ? c->th[i].uid : 0;
}

int
kfc_line(struct kfc *c, struct ks *k, const char *name, unsigned line,
    const char *s, char *errbuf, size_t errlen)
{
	unsigned long thread, uid;
	char tag[4];
	const char *t = kfc_hdr(s, &thread, tag);
	struct kfc_sa *sa;
	enum kfc_what w;
	size_t len;

	if (t == NULL)
		return 0;
	uid = kfc_uid(t, &t);
	if (uid == 0)
		uid = kfc_thread_uid(c, thread, tag, t);
	if (c->dw != KFC_NONE) {
		uint8_t b[16];
		size_t off;
		int n = kfc_hexline(t, &off, b);

		/*
		 * charon writes a dump and its header as one message under
		 * its logger's lock, so any other line ends the dump.
		 */
		if (n > 0 && thread == c->dthread && uid == c->duid) {
			size_t room;

			if (off != c->dgot)
				return kfc_err(errbuf, errlen, name, line,
				    "hex dump offset out of order in",
				    c->dlabel);
			room = c->dgot < KFC_DUMP_MAX ? KFC_DUMP_MAX -
			    c->dgot : 0;
			if (room > 0)
				memcpy(c->dbuf + c->dgot, b, (size_t)n < room ?
				    (size_t)n : room);
			c->dgot += (size_t)n;
			if (c->dgot >= c->dlen)
				return kfc_dump_done(c, k, name, errbuf,
				    errlen);
			return 0;
		}
		if (kfc_dump_done(c, k, name, errbuf, errlen) == -1)
			return -1;
	}
	if (strncmp(t, "Starting IKE charon daemon", 26) == 0) {
		kfc_reset(c);
		return 0;
	}
	if (strncmp(t, "checkin IKEv", 12) == 0)
		return kfc_checkin(c, uid, k, name, line, t, errbuf, errlen);
	if (uid == 0)
		return 0;
	w = kfc_dump_hdr(t, tag, &len, c->dlabel, sizeof(c->dlabel));
	if (w != KFC_NONE) {
		c->dw = w;
		c->dthread = thread;
		c->duid = uid;
		c->dlen = len;
		c->dgot = 0;
		c->dline = line;
		if (len == 0)
			return kfc_dump_done(c, k, name, errbuf, errlen);
		return 0;
	}
	sa = kfc_sa(c, uid, false);
	if (strncmp(t, "generating QUICK_MODE ", 22) == 0 ||
	    strncmp(t, "parsed QUICK_MODE ", 18) == 0 ||
	    strncmp(t, "selected proposal: ESP:", 23) == 0 ||
	    strcmp(tag, "CHD") == 0) {
		if (sa == NULL)
			sa = kfc_sa(c, uid, true);
		if (sa == NULL) {
			snprintf(errbuf, errlen, "%s: too many IKE SAs in a "
			    "charon log", name);
			return -1;
		}
	}
	if (sa == NULL || sa->v2)
		return 0;
	if (strncmp(t, "generating QUICK_MODE ", 22) == 0 ||
	    strncmp(t, "parsed QUICK_MODE ", 18) == 0) {
		kfc_qm(sa, t);
		return 0;
	}
	if (strncmp(t, "selected proposal: ESP:", 23) == 0) {
		snprintf(sa->esp_prop, sizeof(sa->esp_prop), "%s", t + 23);
		return 0;
	}
	if (strcmp(tag, "CHD") != 0)
		return 0;
	while (*t == ' ')
		t++;
	len = strlen(t);
	if (strncmp(t, "using ", 6) == 0 && len > 21 &&
	    strcmp(t + len - 15, " for encryption") == 0) {
		memset(&sa->ch, 0, sizeof(sa->ch));
		snprintf(sa->ch.enc, sizeof(sa->ch.enc), "%.*s",
		    (int)(len - 21), t + 6);
	} else if (strncmp(t, "using ", 6) == 0 && len > 20 &&
	    strcmp(t + len - 14, " for integrity") == 0)
		snprintf(sa->ch.integ, sizeof(sa->ch.integ), "%.*s",
		    (int)(len - 20), t + 6);
	else if (strcmp(t, "adding inbound ESP SA") == 0)
		sa->ch.dir = 1;
	else if (strcmp(t, "adding outbound ESP SA") == 0)
		sa->ch.dir = 2;
	else if (strncmp(t, "adding ", 7) == 0)
		sa->ch.dir = 0;		/* AH, IPComp: not ours */
	else if (strncmp(t, "SPI 0x", 6) == 0 && sa->ch.dir != 0)
		return kfc_esp_sa(c, sa, k, name, line, t, errbuf, errlen);
	return 0;
}

int
kfc_finish(struct kfc *c, struct ks *k, const char *name, unsigned line,
    char *errbuf, size_t errlen)
{
	if (c->dw != KFC_NONE && kfc_dump_done(c, k, name, errbuf, errlen) ==
	    -1)
		return -1;
	if (c->learned == 0)
		return kfc_err(errbuf, errlen, name, line, "no keys found; "
		    "charon logs keys at level 4 (charondebug=\"ike 4, chd "
		    "4\", or ike = 4 and chd = 4 in a filelog section)",
		    NULL);
	return 0;
}
