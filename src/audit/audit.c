/*
 * audit.c - the audit's rules; see audit.h, and doc/audit.md for what each
 * finding means and where its rating comes from.
 *
 * Each finding is rendered when it is made, as its JSON line and its text
 * line, and kept until the end (text groups them by peer pair, so nothing
 * can be written before the input ends).  Side tables, bounded and keyed
 * by value: peer pairs (to say ikev1_in_use, ikev2_seen once per pair and
 * to count repeated no_proposal_chosen), hosts (their vendor IDs), and IKE
 * SAs whose messages carried facts the tracker does not keep (XAUTH
 * credentials).
 */
#define _GNU_SOURCE		/* open_memstream */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit/audit.h"
#include "audit/qmrec.h"
#include "capture/pkt.h"
#include "core/fmt.h"
#include "core/hash.h"
#include "engine/engine.h"
#include "engine/event.h"
#include "core/json.h"
#include "dissectors/isakmp_names.h"
#include "dissectors/isakmp_pl.h"
#include "dissectors/vendorid.h"
#include "keys/espalg.h"

#define AUDIT_KEY_MAX	40
#define AUDIT_VIDS	16	/* vendor IDs kept per host */
#define AUDIT_NAME_MAX	96
#define AUDIT_MAX_COVERED 65536	/* ESP SPIs whose Quick Mode was read */
#define AUDIT_KS_ITEMS	32	/* weak ESP values from the key store */

struct audit_item {
	uint8_t		 id, sev;
	char		 pair[112];	/* "A <-> B", for grouping */
	char		*json;		/* the whole line, with its newline */
	char		*text;
	uint64_t	 order;
};

/* A small table of keyed records: open addressing over row indexes. */
struct audit_tab {
	size_t		 cap, n, rowsize;
	uint8_t		*rows;		/* each: key, then the record */
	uint32_t	*idx;		/* 2 * cap slots, row + 1 */
	uint64_t	 refused;
	uint64_t	 seed;		/* random: keys come off the wire */
};

struct audit_pair {			/* per peer pair */
	bool		 v1, v2;	/* ikev1_in_use / ikev2_seen said */
	unsigned	 no_proposal;	/* no_proposal_chosen so far */
	uint32_t	 offers_frame;	/* the last one's frame and offers */
	char		 offers[320];
};

struct audit_host {			/* per address */
	int		 af;
	uint8_t		 addr[16];
	unsigned	 nvids;
	char		 vids[AUDIT_VIDS][AUDIT_NAME_MAX];
	bool		 impl[AUDIT_VIDS];	/* names an implementation */
	uint32_t	 frame;		/* first VID's */
};

struct audit_pend {			/* per IKE SA, message facts */
	bool		 user, pass, user_clear, pass_clear;
	char		 user_val[64];
	char		 pass_val[64];
	uint16_t	 pass_len;
	uint32_t	 frame;
};

/* An exposed Aggressive Mode exchange, ready to export. */
struct audit_exp {
	char		*line;		/* the 9 fields, no newline */
	uint16_t	 prf;		/* Oakley hash */
	size_t		 msg_len;	/* g_xr..idir_b bytes */
	size_t		 nonce_len;	/* ni_b + nr_b bytes */
	bool		 hashcat_fits;
	uint8_t		 icookie[8];
};

struct audit {
	struct policy	 pol;
	struct audit_exp *exp;
	size_t		 nexp, capexp;
	struct audit_opts o;
	struct audit_item *items;
	size_t		 n, cap;
	uint64_t	 dropped, order;
	struct audit_tab pairs, hosts, pend;
	struct qmrec	*qm;		/* Quick Mode offers and choices */
	struct audit_tab covered;	/* (IKE SA, SPI) rated from a QM */
};

/* ---- keyed tables ---- */

static size_t
audit_slot(const struct audit_tab *t, const uint8_t k[AUDIT_KEY_MAX])
{
	return hash_final(hash_bytes(t->seed, k, AUDIT_KEY_MAX)) %
	    (2 * t->cap);
}

static int
audit_tab_init(struct audit_tab *t, size_t cap, size_t recsize)
{
	t->cap = cap;
	t->seed = hash_seed_new();
	t->rowsize = AUDIT_KEY_MAX + recsize;
	t->rows = calloc(cap, t->rowsize);
	t->idx = calloc(2 * cap, sizeof(*t->idx));
	return t->rows != NULL && t->idx != NULL ? 0 : -1;
}

static void
audit_tab_free(struct audit_tab *t)
{
	free(t->rows);
	free(t->idx);
}

/*
 * Key k's slot in the index: the one holding its row, or the empty one
 * where it would go.
 */
static size_t
audit_probe(const struct audit_tab *t, const uint8_t k[AUDIT_KEY_MAX])
{
	size_t i = audit_slot(t, k);
	uint32_t r;

	while ((r = t->idx[i]) != 0 && memcmp(t->rows + (size_t)(r - 1) *
	    t->rowsize, k, AUDIT_KEY_MAX) != 0)
		i = (i + 1) % (2 * t->cap);
	return i;
}

/* The record of key k (zeroed when new), or NULL past the cap. */
static void *
audit_tab_get(struct audit_tab *t, const uint8_t k[AUDIT_KEY_MAX])
{
	size_t i = audit_probe(t, k);
	uint8_t *row;

	if (t->idx[i] != 0)
		return t->rows + (size_t)(t->idx[i] - 1) * t->rowsize +
		    AUDIT_KEY_MAX;
	if (t->n == t->cap) {
		t->refused++;
		return NULL;
	}
	row = t->rows + t->n * t->rowsize;
	memcpy(row, k, AUDIT_KEY_MAX);
	t->idx[i] = (uint32_t)++t->n;
	return row + AUDIT_KEY_MAX;
}

/* Without creating it. */
static void *
audit_tab_find(const struct audit_tab *t, const uint8_t k[AUDIT_KEY_MAX])
{
	size_t i = audit_probe(t, k);

	return t->idx[i] == 0 ? NULL : t->rows + (size_t)(t->idx[i] - 1) *
	    t->rowsize + AUDIT_KEY_MAX;
}

static void
audit_key_pair(uint8_t k[AUDIT_KEY_MAX], const struct trk_ike_sa *sa)
{
	bool swap = memcmp(sa->iaddr, sa->raddr, 16) > 0;

	memset(k, 0, AUDIT_KEY_MAX);
	k[0] = (uint8_t)sa->af;
	memcpy(k + 1, swap ? sa->raddr : sa->iaddr, 16);
	memcpy(k + 17, swap ? sa->iaddr : sa->raddr, 16);
}

static void
audit_key_host(uint8_t k[AUDIT_KEY_MAX], int af, const uint8_t *addr)
{
	memset(k, 0, AUDIT_KEY_MAX);
	k[0] = (uint8_t)af;
	memcpy(k + 1, addr, 16);
}

static void
audit_key_sa(uint8_t k[AUDIT_KEY_MAX], uint64_t id)
{
	memset(k, 0, AUDIT_KEY_MAX);
	memcpy(k, &id, sizeof(id));
}

static void
audit_key_spi(uint8_t k[AUDIT_KEY_MAX], uint64_t id, uint32_t spi)
{
	audit_key_sa(k, id);
	memcpy(k + sizeof(id), &spi, sizeof(spi));
}

/* ---- life ---- */

struct audit *
audit_new(const struct policy *p, const struct audit_opts *o)
{
	struct audit *a = calloc(1, sizeof(*a));

	if (a == NULL)
		return NULL;
	a->pol = *p;
	if (o != NULL)
		a->o = *o;
	if (audit_tab_init(&a->pairs, 32768, sizeof(struct audit_pair)) ||
	    audit_tab_init(&a->hosts, AUDIT_MAX_HOSTS,
	    sizeof(struct audit_host)) ||
	    audit_tab_init(&a->pend, AUDIT_MAX_PENDING,
	    sizeof(struct audit_pend)) ||
	    audit_tab_init(&a->covered, AUDIT_MAX_COVERED, sizeof(bool)) ||
	    (a->qm = qmrec_new()) == NULL) {
		audit_free(a);
		return NULL;
	}
	return a;
}

void
audit_free(struct audit *a)
{
	size_t i;

	if (a == NULL)
		return;
	for (i = 0; i < a->n; i++) {
		free(a->items[i].json);
		free(a->items[i].text);
	}
	free(a->items);
	for (i = 0; i < a->nexp; i++)
		free(a->exp[i].line);
	free(a->exp);
	audit_tab_free(&a->pairs);
	audit_tab_free(&a->hosts);
	audit_tab_free(&a->pend);
	audit_tab_free(&a->covered);
	qmrec_free(a->qm);
	free(a);
}

/* ---- making a finding ---- */

struct afind {
	struct audit		*a;
	const struct trk_ike_sa	*sa;
	enum fi_id		 id;
	enum fi_severity	 sev;
	FILE			*mf;
	char			*mbuf;
	size_t			 mlen;
	struct json		 j;
	char			 text[1024];
	size_t			 tn;
	char			 pair[112];
};

/* The severity a finding gets: the policy's override, else as rated. */
static enum fi_severity
audit_sev(const struct audit *a, enum fi_id id, enum fi_severity rated)
{
	if (a->pol.sev[id] <= FI_OFF)
		return (enum fi_severity)a->pol.sev[id];
	return rated;
}

static void
af_text(struct afind *f, const char *fmt, ...)
{
	va_list ap;
	int r;

	if (f->tn >= sizeof(f->text) - 1)
		return;
	va_start(ap, fmt);
	r = vsnprintf(f->text + f->tn, sizeof(f->text) - f->tn, fmt, ap);
	va_end(ap);
	if (r > 0)
		f->tn += (size_t)r < sizeof(f->text) - f->tn ? (size_t)r :
		    sizeof(f->text) - f->tn - 1;
}

static void
audit_pair_name(const struct trk_ike_sa *sa, char *b, size_t n)
{
	char x[PKT_ADDR_STRLEN], y[PKT_ADDR_STRLEN];
	bool swap = memcmp(sa->iaddr, sa->raddr, 16) > 0;

	pkt_addr_str(sa->af, swap ? sa->raddr : sa->iaddr, x, sizeof(x));
	pkt_addr_str(sa->af, swap ? sa->iaddr : sa->raddr, y, sizeof(y));
	snprintf(b, n, "%s <-> %s", x, y);
}

/*
 * Begin a finding about sa (NULL: about a host, pair given); false when
 * the policy turns it off or it cannot be kept.  The evidence object is
 * open: the caller adds its keys, then af_end.
 */
static bool
af_begin(struct afind *f, struct audit *a, const struct trk_ike_sa *sa,
    enum fi_id id, enum fi_severity rated, const uint32_t *frames,
    size_t nframes)
{
	char ab[PKT_ADDR_STRLEN], ck[17];
	size_t i;

	/* field by field: the writer's 16 KB buffer needs no clearing */
	f->sev = audit_sev(a, id, rated);
	if (f->sev == FI_OFF)
		return false;
	if (a->n == AUDIT_MAX_FINDINGS) {
		a->dropped++;
		return false;
	}
	f->a = a;
	f->sa = sa;
	f->id = id;
	f->mbuf = NULL;
	f->mlen = 0;
	f->text[0] = '\0';
	f->tn = 0;
	f->pair[0] = '\0';
	if ((f->mf = open_memstream(&f->mbuf, &f->mlen)) == NULL) {
		a->dropped++;
		return false;
	}
	json_init(&f->j, f->mf);
	json_obj_begin(&f->j);
	json_kstr(&f->j, "id", fi_id_name(id));
	json_kstr(&f->j, "severity", fi_severity_name(f->sev));
	json_kstr(&f->j, "title", fi_title(id));
	json_key(&f->j, "evidence");
	json_obj_begin(&f->j);
	if (sa != NULL) {
		audit_pair_name(sa, f->pair, sizeof(f->pair));
		json_khex(&f->j, "icookie", sa->icookie, 8);
		json_khex(&f->j, "rcookie", sa->rcookie, 8);
		json_kstr(&f->j, "initiator", pkt_addr_str(sa->af, sa->iaddr,
		    ab, sizeof(ab)));
		json_kstr(&f->j, "responder", pkt_addr_str(sa->af, sa->raddr,
		    ab, sizeof(ab)));
		ck[fmt_hex(ck, sa->icookie, 8)] = '\0';
		af_text(f, "IKE SA %s", ck);
	}
	json_key(&f->j, "frames");
	json_arr_begin(&f->j);
	for (i = 0; i < nframes; i++)
		if (frames[i] != 0)
			json_u64(&f->j, frames[i]);
	json_arr_end(&f->j);
	for (i = 0; i < nframes && frames[i] != 0; i++) {
		if (i == 0)
			af_text(f, "%sframe%s ", sa != NULL ? ", " : "",
			    nframes > 1 && frames[1] != 0 ? "s" : "");
		af_text(f, "%s%u", i == 0 ? "" : ", ", frames[i]);
	}
	return true;
}

static void
af_end(struct afind *f)
{
	struct audit *a = f->a;
	struct audit_item *it;

	json_obj_end(&f->j);		/* evidence */
	json_obj_end(&f->j);
	json_end_line(&f->j);
	fclose(f->mf);
	if (a->n == a->cap) {
		size_t nc = a->cap ? 2 * a->cap : 64;
		struct audit_item *ni = realloc(a->items, nc * sizeof(*ni));

		if (ni == NULL) {
			free(f->mbuf);
			a->dropped++;
			return;
		}
		a->items = ni;
		a->cap = nc;
	}
	it = &a->items[a->n];
	it->id = (uint8_t)f->id;
	it->sev = (uint8_t)f->sev;
	snprintf(it->pair, sizeof(it->pair), "%s", f->pair);
	it->json = f->mbuf;
	it->text = strdup(f->text);
	it->order = a->order++;
	if (it->text == NULL) {
		free(it->json);
		a->dropped++;
		return;
	}
	a->n++;
}

/* ---- facts from messages ---- */

static void
audit_host_vid(struct audit *a, int af, const uint8_t *addr,
    const struct vid_info *vi, uint32_t frame)
{
	uint8_t k[AUDIT_KEY_MAX];
	struct audit_host *h;
	char name[AUDIT_NAME_MAX];
	unsigned i;

	audit_key_host(k, af, addr);
	if ((h = audit_tab_get(&a->hosts, k)) == NULL)
		return;
	if (h->nvids == 0) {
		h->af = af;
		memcpy(h->addr, addr, 16);
		h->frame = frame;
	}
	/* the version, where the name does not hold it already */
	snprintf(name, sizeof(name), "%s%s%s", vi->name,
	    vi->version[0] && strstr(vi->name, vi->version) == NULL ? " " :
	    "", strstr(vi->name, vi->version) == NULL ? vi->version : "");
	for (i = 0; i < h->nvids; i++)
		if (strcmp(h->vids[i], name) == 0)
			return;
	if (h->nvids < AUDIT_VIDS) {
		/* a VID that announces no capability names its sender */
		h->impl[h->nvids] = vi->flags == 0;
		snprintf(h->vids[h->nvids++], AUDIT_NAME_MAX, "%s", name);
	}
}

/* Printable bytes as text, else hex; at most n - 1 characters. */
static void
audit_value(const uint8_t *p, size_t len, char *b, size_t n)
{
	size_t i, o = 0;
	bool print;

	/* a C string's terminator, as some clients send XAUTH values */
	while (len > 1 && p[len - 1] == 0)
		len--;
	print = len > 0;
	for (i = 0; i < len; i++)
		if (p[i] < 0x20 || p[i] > 0x7e)
			print = false;
	for (i = 0; i < len && o + 3 < n; i++) {
		if (print)
			b[o++] = (char)p[i];
		else
			o += (size_t)snprintf(b + o, n - o, "%02x", p[i]);
	}
	b[o] = '\0';
}

void
audit_message(struct audit *a, const struct trk_ike_sa *sa,
    const struct trk_msg *m, const struct isakmp_msg *msg)
{
	const uint8_t *src = m->dir == TRK_I2R ? sa->iaddr : sa->raddr;
	bool clear = !m->encrypted;
	uint8_t k[AUDIT_KEY_MAX];
	struct audit_pend *p;
	size_t i;

	if (m->retransmit)
		return;
	/* Quick Mode offers (QM1) and choices (QM2), when readable */
	if (m->exch == ISAKMP_EXCH_QUICK && (clear || m->decrypted))
		qmrec_observe(a->qm, sa->id, msg, m->label == TRK_L_QM1 ||
		    (m->label != TRK_L_QM2 && m->ex < sa->nex &&
		    m->dir == sa->ex[m->ex].init_dir), m->frame);
	for (i = 0; i < msg->npayloads; i++) {
		const struct isakmp_payload_raw *pl = &msg->pl[i];

		if (pl->type == ISAKMP_PL_VID && pl->d.data != NULL) {
			struct vid_info vi;

			if (vid_lookup(pl->d.data, pl->d.dlen, &vi))
				audit_host_vid(a, sa->af, src, &vi, m->frame);
		}
		if (pl->type == ISAKMP_PL_ATTR && pl->d.decoded &&
		    pl->d.status == DIS_OK) {
			struct isakmp_iter it;
			struct isakmp_attr at;

			isakmp_iter_init(&it, pl->d.u.cfg.attrs);
			while (it.n < ISAKMP_MAX_ATTRS &&
			    isakmp_attr_next(&it, &at) == 1) {
				bool user = at.type ==
				    ISAKMP_CFG_XAUTH_USER_NAME;

				if ((!user && at.type !=
				    ISAKMP_CFG_XAUTH_USER_PASSWORD) ||
				    at.basic || at.len == 0)
					continue;
				audit_key_sa(k, sa->id);
				if ((p = audit_tab_get(&a->pend, k)) == NULL)
					return;
				if (p->frame == 0)
					p->frame = m->frame;
				if (user) {
					p->user = true;
					p->user_clear |= clear;
					audit_value(at.val, at.len,
					    p->user_val, sizeof(p->user_val));
				} else {
					p->pass = true;
					p->pass_clear |= clear;
					p->pass_len = at.len;
					audit_value(at.val, at.len,
					    p->pass_val, sizeof(p->pass_val));
				}
			}
		}
	}
}

void
audit_ikev2(struct audit *a, int af, const uint8_t *src, const uint8_t *dst,
    uint32_t frame)
{
	struct trk_ike_sa fake;
	uint8_t k[AUDIT_KEY_MAX];
	struct audit_pair *pr;
	struct afind f;

	memset(&fake, 0, sizeof(fake));
	fake.af = af;
	memcpy(fake.iaddr, src, 16);
	memcpy(fake.raddr, dst, 16);
	audit_key_pair(k, &fake);
	if ((pr = audit_tab_get(&a->pairs, k)) == NULL || pr->v2)
		return;
	pr->v2 = true;
	if (!af_begin(&f, a, NULL, FI_IKEV2_SEEN, FI_INFO, &frame, 1))
		return;
	audit_pair_name(&fake, f.pair, sizeof(f.pair));
	json_kstr(&f.j, "peers", f.pair);
	af_text(&f, ": IKEv2 between %s", f.pair);
	af_end(&f);
}

/* ---- rules ---- */

static const char *
audit_name(enum isakmp_reg r, unsigned v, char *b, size_t n)
{
	return isakmp_name_fmt(r, v, b, n);
}

/* The first frame of sa's label (0: any) carrying notify (0: any). */
static uint32_t
audit_frame_of(const struct trk_ike_sa *sa, uint8_t label, uint16_t notify)
{
	uint32_t i;

	for (i = 0; i < sa->nmsgs; i++)
		if ((label == 0 || sa->msgs[i].label == label) &&
		    (notify == 0 || sa->msgs[i].notify == notify) &&
		    !sa->msgs[i].retransmit)
			return sa->msgs[i].frame;
	return 0;
}

static uint32_t
audit_label_frame(const struct trk_ike_sa *sa, uint8_t label)
{
	return audit_frame_of(sa, label, 0);
}

bool
audit_psk_auth(uint16_t auth)
{
	/* pre-shared key, and XAUTH over a pre-shared key */
	return auth == 1 || auth == 65001 || auth == 65002;
}

bool
audit_p1_alg(const struct trk_ike_sa *sa, struct p1rec_alg *alg,
    bool *chosen)
{
	*chosen = sa->p1.has_chosen;
	if (sa->p1.has_chosen) {
		*alg = sa->p1.chosen_alg;
		return true;
	}
	if (sa->p1.nkept > 0) {
		p1rec_alg(&sa->p1.offered[0], alg);
		return true;
	}
	return false;
}

static char *
audit_hexcat(char *o, const uint8_t *p, size_t n, char sep)
{
	o += fmt_hex(o, p, n);
	if (sep != '\0')
		*o++ = sep;
	return o;
}

/* hashcat's limits (modes 5300/5400): g_xr..idir_b 512 bytes, nonces 64 */
static bool
audit_hashcat_fits(const struct trk_ike_sa *sa)
{
	const struct p1rec *r = &sa->p1;

	return r->gxr.n + r->gxi.n + 16 + r->sai.n + r->idr.n <= 512 &&
	    r->ni.n + r->nr.n <= 64;
}

/* The psk-crack line of an exposed exchange, from its phase-1 record. */
static void
audit_keep_export(struct audit *a, const struct trk_ike_sa *sa, uint16_t prf)
{
	const struct p1rec *r = &sa->p1;
	size_t n = 2 * (r->gxr.n + r->gxi.n + 16 + r->sai.n + r->idr.n +
	    r->ni.n + r->nr.n + r->hash_r.n) + 9;
	struct audit_exp *e;
	char *o;

	if (a->nexp == a->capexp) {
		size_t nc = a->capexp ? 2 * a->capexp : 16;
		struct audit_exp *ne = realloc(a->exp, nc * sizeof(*ne));

		if (ne == NULL) {
			a->dropped++;
			return;
		}
		a->exp = ne;
		a->capexp = nc;
	}
	e = &a->exp[a->nexp];
	if ((e->line = malloc(n)) == NULL) {
		a->dropped++;
		return;
	}
	o = audit_hexcat(e->line, r->gxr.p, r->gxr.n, ':');
	o = audit_hexcat(o, r->gxi.p, r->gxi.n, ':');
	o = audit_hexcat(o, sa->rcookie, 8, ':');
	o = audit_hexcat(o, sa->icookie, 8, ':');
	o = audit_hexcat(o, r->sai.p, r->sai.n, ':');
	o = audit_hexcat(o, r->idr.p, r->idr.n, ':');
	o = audit_hexcat(o, r->ni.p, r->ni.n, ':');
	o = audit_hexcat(o, r->nr.p, r->nr.n, ':');
	o = audit_hexcat(o, r->hash_r.p, r->hash_r.n, '\0');
	*o = '\0';
	e->prf = prf;
	e->msg_len = r->gxr.n + r->gxi.n + 16 + r->sai.n + r->idr.n;
	e->nonce_len = r->ni.n + r->nr.n;
	e->hashcat_fits = audit_hashcat_fits(sa);
	memcpy(e->icookie, sa->icookie, 8);
	a->nexp++;
}

static void
audit_aggressive(struct audit *a, const struct trk_ike_sa *sa,
    const struct p1rec_alg *alg)
{
	uint32_t fr[2] = { audit_label_frame(sa, TRK_L_AM1),
	    audit_label_frame(sa, TRK_L_AM2) };
	bool hash_clear = sa->p1.hash_r.n > 0 && sa->p1.hash_r.clear;
	bool complete = hash_clear && sa->p1.gxi.n && sa->p1.gxr.n &&
	    sa->p1.ni.n && sa->p1.nr.n && sa->p1.sai.n && sa->p1.idr.n;
	bool pskcrack = complete && (alg->hash == 1 || alg->hash == 2);
	const char *hc = alg->hash == 1 ? "5300" : alg->hash == 2 ? "5400" :
	    NULL;
	char hb[64];
	struct afind f;

	if (complete)
		audit_keep_export(a, sa, alg->hash);
	if (!af_begin(&f, a, sa, FI_IKE_AGGRESSIVE_PSK,
	    fi_default_severity(FI_IKE_AGGRESSIVE_PSK), fr, 2))
		return;
	audit_name(REG_OAKLEY_HASH, alg->hash, hb, sizeof(hb));
	json_kstr(&f.j, "prf", isakmp_token(REG_OAKLEY_HASH, alg->hash) ?
	    isakmp_token(REG_OAKLEY_HASH, alg->hash) : hb);
	json_kbool(&f.j, "hash_r_in_clear", hash_clear);
	json_kbool(&f.j, "exportable_psk_crack", pskcrack);
	json_kbool(&f.j, "exportable_hashcat", complete && hc != NULL &&
	    audit_hashcat_fits(sa));
	if (hc != NULL)
		json_kstr(&f.j, "hashcat_mode", hc);
	af_text(&f, ": PRF HMAC-%s; ", hb);
	if (!hash_clear)
		af_text(&f, "HASH_R not seen in clear (AM2 missing)");
	else if (!complete)
		af_text(&f, "HASH_R in clear, but a field the export needs "
		    "was not captured");
	else
		af_text(&f, "crackable offline (ikescope crack -W "
		    "WORDLIST on this capture, or --psk-crack OUT); "
		    "psk-crack: %s; hashcat: %s",
		    pskcrack ? "yes" : "no (MD5 and SHA-1 only)",
		    hc == NULL ? "no (no mode for this PRF)" : !(complete &&
		    audit_hashcat_fits(sa)) ? "no (fields over its limits)" :
		    hc);
	af_end(&f);
}

static void
audit_id(struct audit *a, const struct trk_ike_sa *sa,
    const struct p1rec_blob *b, bool initiator)
{
	uint8_t type;
	uint32_t fr = audit_label_frame(sa, initiator ? TRK_L_AM1 : TRK_L_AM2);
	char val[160], tb[64];
	struct afind f;
	enum fi_severity sev;
	bool own = false;

	if (b->n < 4 || !b->clear)
		return;
	type = b->p[0];
	if (fr == 0)
		fr = audit_label_frame(sa, initiator ? TRK_L_MM5 : TRK_L_MM6);
	sev = type == ISAKMP_ID_USER_FQDN || type == ISAKMP_ID_KEY_ID ?
	    FI_MEDIUM : FI_LOW;
	if (type == ISAKMP_ID_IPV4_ADDR || type == ISAKMP_ID_IPV6_ADDR) {
		int af = type == ISAKMP_ID_IPV4_ADDR ? 4 : 6;
		uint8_t ad[16] = { 0 };
		size_t l = af == 4 ? 4 : 16;

		if (b->n - 4 < l)
			return;
		memcpy(ad, b->p + 4, l);
		pkt_addr_str(af, ad, val, sizeof(val));
		/* the sender's own address tells nothing the IP header
		   does not (behind NAT it differs, and that tells) */
		own = af == sa->af && memcmp(ad, initiator ? sa->iaddr :
		    sa->raddr, l) == 0;
		if (own)
			sev = FI_INFO;
	} else
		audit_value(b->p + 4, b->n - 4, val, sizeof(val));
	if (!af_begin(&f, a, sa, FI_IDENTITY_IN_CLEAR, sev, &fr, 1))
		return;
	json_kstr(&f.j, "side", initiator ? "initiator" : "responder");
	json_kstr(&f.j, "id_type", isakmp_token(REG_ID, type) ?
	    isakmp_token(REG_ID, type) : audit_name(REG_ID, type, tb,
	    sizeof(tb)));
	json_khex(&f.j, "value", b->p + 4, b->n - 4);
	json_kstr(&f.j, "value_text", val);
	if (type == ISAKMP_ID_IPV4_ADDR || type == ISAKMP_ID_IPV6_ADDR)
		json_kbool(&f.j, "sender_address", own);
	af_text(&f, ": %s identity %s \"%s\" in clear%s",
	    initiator ? "initiator" : "responder",
	    audit_name(REG_ID, type, tb, sizeof(tb)), val, own ?
	    " (its own address)" : "");
	af_end(&f);
}

/* What an offer that was not chosen rates: one step below the choice. */
static enum fi_severity
audit_offered_sev(enum fi_severity sev)
{
	return sev > FI_INFO ? sev - 1 : FI_INFO;
}

/* A value's short name ("3DES", "SHA1", "MODP1024"), else its name. */
static const char *
audit_short(enum isakmp_reg r, unsigned v, char *b, size_t n)
{
	const char *s = isakmp_short(r, v);

	if (s == NULL)
		return audit_name(r, v, b, n);
	snprintf(b, n, "%s", s);
	return b;
}

/* A phase-1 transform: "AES-256/SHA1/MODP2048/PSK" */
static void
audit_p1_text(const struct p1rec_alg *x, char *b, size_t n)
{
	char eb[48], hb[48], gb[48], ab[48];

	audit_short(REG_OAKLEY_ENC, x->enc, eb, sizeof(eb));
	if (x->key_len != 0)
		snprintf(eb + strlen(eb), sizeof(eb) - strlen(eb), "-%u",
		    x->key_len);
	snprintf(b, n, "%s/%s/%s/%s", eb, audit_short(REG_OAKLEY_HASH,
	    x->hash, hb, sizeof(hb)), audit_short(REG_OAKLEY_GROUP, x->group,
	    gb, sizeof(gb)), audit_short(REG_OAKLEY_AUTH, x->auth, ab,
	    sizeof(ab)));
}

#define AUDIT_P1_REFS	8	/* offered transforms named per value */

/* A phase-1 value and the offered transforms that carry it. */
struct p1_val {
	uint16_t	 v;
	unsigned	 n;		/* transforms (counted) */
	uint16_t	 xi[AUDIT_P1_REFS];	/* their index in p1.offered */
};

/*
 * One algorithm finding, chosen or offered (v: the transforms that offer
 * it; NULL for the choice).  The transforms are named with their
 * proposal and transform numbers, and the choice beside them.
 */
static void
audit_alg(struct audit *a, const struct trk_ike_sa *sa, enum fi_id id,
    enum pol_class cls, enum isakmp_reg reg, unsigned val,
    const struct p1_val *v, uint32_t frame, const char *what)
{
	enum fi_severity sev = pol_rate(&a->pol, cls, val);
	const struct p1rec_alg *c = sa->p1.has_chosen ? &sa->p1.chosen_alg :
	    NULL;
	bool chosen = v == NULL;
	char nb[96], xb[256];
	struct afind f;
	unsigned i;

	if (sev == FI_OFF || val == 0)
		return;
	if (!chosen)
		sev = audit_offered_sev(sev);
	if (!af_begin(&f, a, sa, id, sev, &frame, 1))
		return;
	json_kstr(&f.j, "role", chosen ? "chosen" : "offered");
	json_kstr(&f.j, "what", what);
	json_kstr(&f.j, "value", audit_name(reg, val, nb, sizeof(nb)));
	json_ku64(&f.j, "value_id", val);
	af_text(&f, ": %s %s %s", what, nb, chosen ? "chosen" : c != NULL ?
	    "offered (not chosen)" : "offered");
	if (!chosen) {
		json_key(&f.j, "transforms");
		json_arr_begin(&f.j);
		af_text(&f, ": ");
		for (i = 0; i < v->n && i < AUDIT_P1_REFS; i++) {
			const struct p1rec_xform *x =
			    &sa->p1.offered[v->xi[i]];
			struct p1rec_alg o;

			p1rec_alg(x, &o);
			audit_p1_text(&o, xb, sizeof(xb));
			json_obj_begin(&f.j);
			json_ku64(&f.j, "proposal", x->prop_num);
			json_ku64(&f.j, "transform", x->num);
			json_kstr(&f.j, "text", xb);
			json_obj_end(&f.j);
			af_text(&f, "%sproposal %u transform %u %s", i ? ", " :
			    "", x->prop_num, x->num, xb);
		}
		json_arr_end(&f.j);
		json_ku64(&f.j, "transforms_count", v->n);
		if (v->n > AUDIT_P1_REFS)
			af_text(&f, " (%u transforms in all)", v->n);
	}
	if (c != NULL)
		audit_p1_text(c, xb, sizeof(xb));
	json_kstr(&f.j, "chosen", c != NULL ? xb : NULL);
	if (c != NULL)
		af_text(&f, "%s %s", chosen ? ":" : "; chosen", xb);
	else
		af_text(&f, "; no choice seen");
	af_end(&f);
}

/*
 * long_lifetime of the IKE SA: the chosen lifetime over the policy's, or
 * else the longest offer over it (not chosen: a step lower).
 */
static void
audit_p1_life(struct audit *a, const struct trk_ike_sa *sa,
    const struct p1rec_alg *c, uint32_t f1, uint32_t f2)
{
	uint32_t max = a->pol.max_ike_life, life = 0, fr = f2;
	bool chosen = c != NULL && c->life_secs > max;
	struct p1rec_alg o;
	struct afind f;
	size_t i;

	if (max == 0)
		return;
	if (chosen)
		life = c->life_secs;
	for (i = 0; !chosen && i < sa->p1.nkept; i++) {
		p1rec_alg(&sa->p1.offered[i], &o);
		if (o.life_secs > max && o.life_secs > life) {
			life = o.life_secs;
			fr = f1;
		}
	}
	if (life == 0 || !af_begin(&f, a, sa, FI_LONG_LIFETIME, chosen ?
	    fi_default_severity(FI_LONG_LIFETIME) :
	    audit_offered_sev(fi_default_severity(FI_LONG_LIFETIME)), &fr, 1))
		return;
	json_kstr(&f.j, "sa", "ike");
	json_kstr(&f.j, "role", chosen ? "chosen" : "offered");
	json_ku64(&f.j, "lifetime_seconds", life);
	json_ku64(&f.j, "max_seconds", max);
	af_text(&f, ": IKE SA lifetime %u s %s (policy: at most %u s)", life,
	    chosen ? "chosen" : c != NULL ? "offered (not chosen)" :
	    "offered (no choice seen)", max);
	af_end(&f);
}

static void
audit_p1_algs(struct audit *a, const struct trk_ike_sa *sa)
{
	static const struct {
		enum fi_id	 id;
		enum pol_class	 cls;
		enum isakmp_reg	 reg;
		const char	*what;
	} k3[3] = {
		{ FI_IKE_WEAK_ENCRYPTION, POL_IKE_ENC, REG_OAKLEY_ENC,
		    "IKE encryption" },
		{ FI_IKE_WEAK_HASH, POL_IKE_HASH, REG_OAKLEY_HASH,
		    "IKE hash" },
		{ FI_IKE_WEAK_DH_GROUP, POL_DH_GROUP, REG_OAKLEY_GROUP,
		    "DH group" },
	};
	bool am = sa->mode == ISAKMP_EXCH_AGGRESSIVE;
	uint32_t f1 = audit_label_frame(sa, am ? TRK_L_AM1 : TRK_L_MM1);
	uint32_t f2 = audit_label_frame(sa, am ? TRK_L_AM2 : TRK_L_MM2);
	const struct p1rec_alg *c = sa->p1.has_chosen ? &sa->p1.chosen_alg :
	    NULL;
	struct p1rec_alg o;
	struct p1_val seen[3][8];
	size_t nseen[3] = { 0 }, i, k, s;

	for (k = 0; c != NULL && k < 3; k++)
		audit_alg(a, sa, k3[k].id, k3[k].cls, k3[k].reg, k == 0 ?
		    c->enc : k == 1 ? c->hash : c->group, NULL, f2,
		    k3[k].what);
	/* weak values offered and not chosen, each once, with the offers */
	for (i = 0; i < sa->p1.nkept; i++) {
		uint16_t vals[3];

		p1rec_alg(&sa->p1.offered[i], &o);
		vals[0] = o.enc;
		vals[1] = o.hash;
		vals[2] = o.group;
		for (k = 0; k < 3; k++) {
			uint16_t cv = c == NULL ? 0 : k == 0 ? c->enc :
			    k == 1 ? c->hash : c->group;
			struct p1_val *pv;

			if (vals[k] == 0 || vals[k] == cv ||
			    pol_rate(&a->pol, k3[k].cls, vals[k]) == FI_OFF)
				continue;
			for (s = 0; s < nseen[k]; s++)
				if (seen[k][s].v == vals[k])
					break;
			if (s == 8)
				continue;
			pv = &seen[k][s];
			if (s == nseen[k]) {
				nseen[k]++;
				pv->v = vals[k];
				pv->n = 0;
			}
			if (pv->n < AUDIT_P1_REFS)
				pv->xi[pv->n] = (uint16_t)i;
			pv->n++;
		}
	}
	for (k = 0; k < 3; k++)
		for (s = 0; s < nseen[k]; s++)
			audit_alg(a, sa, k3[k].id, k3[k].cls, k3[k].reg,
			    seen[k][s].v, &seen[k][s], f1, k3[k].what);
	audit_p1_life(a, sa, c, f1, f2);
}

/* ---- Quick Mode: the ESP offered and chosen ---- */

#define AUDIT_QM_ITEMS	32	/* weak values kept per IKE SA */
#define AUDIT_QM_REFS	8	/* Quick Modes and transforms named per value */
#define AUDIT_QM_NOPFS	64	/* Quick Modes without PFS named */

/* A weak value of an IKE SA's Quick Modes, chosen or offered (not chosen). */
struct qm_item {
	uint8_t		 id;		/* enum fi_id */
	bool		 chosen;
	uint16_t	 value;		/* transform ID or auth algorithm;
					   long_lifetime: 0 seconds, 1 KB */
	uint8_t		 rated;		/* enum fi_severity */
	uint8_t		 reg;		/* enum isakmp_reg of value */
	const char	*what;
	uint32_t	 life;		/* long_lifetime: the longest */
	unsigned	 nqm, nx;	/* Quick Modes, transforms (counted) */
	uint32_t	 last;		/* the Quick Mode noted last */
	uint32_t	 msgids[AUDIT_QM_REFS], frames[AUDIT_QM_REFS];
	uint32_t	 xmsgid[AUDIT_QM_REFS];
	struct qm_xform	 xf[AUDIT_QM_REFS];
	char		 choice[128];	/* its first Quick Mode's choice */
};

struct qm_items {
	struct qm_item	 v[AUDIT_QM_ITEMS];
	size_t		 n;
	unsigned	 dropped;
	uint32_t	 nopfs[AUDIT_QM_NOPFS], nopfs_frame;
	size_t		 nnopfs;
	unsigned	 nopfs_more;
};

static bool
audit_esp_aead(unsigned xform)
{
	/* AES-CCM 14-16, AES-GCM 18-20, NULL_AUTH_AES_GMAC 23 */
	return (xform >= 14 && xform <= 16) || (xform >= 18 &&
	    xform <= 20) || xform == 23;
}

/* "ESP 3DES/HMAC-MD5", "ESP AES-CBC-128/HMAC-SHA", "AH SHA/HMAC-SHA" */
static void
audit_xf_text(const struct qm_xform *x, char *b, size_t n)
{
	char nb[48], ab[48];
	bool esp = x->proto == ISAKMP_PROTO_ESP, ah = x->proto ==
	    ISAKMP_PROTO_AH;
	size_t o;

	audit_name(esp ? REG_XFORM_ESP : ah ? REG_XFORM_AH :
	    REG_XFORM_IPCOMP, x->id, nb, sizeof(nb));
	o = (size_t)snprintf(b, n, "%s %s", esp ? "ESP" : ah ? "AH" :
	    x->proto == ISAKMP_PROTO_IPCOMP ? "IPCOMP" : "?", nb);
	if (x->v.key_len != 0 && o < n)
		o += (size_t)snprintf(b + o, n - o, "-%u", x->v.key_len);
	if (x->v.auth != 0 && o < n)
		o += (size_t)snprintf(b + o, n - o, "/%s",
		    audit_name(REG_IPSEC_AUTH, x->v.auth, ab, sizeof(ab)));
	if (x->v.group != 0 && o < n)
		snprintf(b + o, n - o, " PFS %s", isakmp_short(REG_OAKLEY_GROUP,
		    x->v.group) ? isakmp_short(REG_OAKLEY_GROUP, x->v.group) :
		    audit_name(REG_OAKLEY_GROUP, x->v.group, ab, sizeof(ab)));
}

static void
qm_note(struct qm_items *s, enum fi_id id, bool chosen, uint16_t value,
    enum isakmp_reg reg, enum fi_severity rated, const char *what,
    uint32_t msgid, uint32_t frame, const struct qm_xform *x,
    const char *choice)
{
	struct qm_item *it = NULL;
	size_t i;

	for (i = 0; i < s->n && it == NULL; i++)
		if (s->v[i].id == id && s->v[i].chosen == chosen &&
		    s->v[i].value == value)
			it = &s->v[i];
	if (it == NULL) {
		if (s->n == AUDIT_QM_ITEMS) {
			s->dropped++;
			return;
		}
		it = &s->v[s->n++];
		memset(it, 0, sizeof(*it));
		it->id = (uint8_t)id;
		it->chosen = chosen;
		it->value = value;
		it->reg = (uint8_t)reg;
		it->what = what;
		snprintf(it->choice, sizeof(it->choice), "%s", choice);
	}
	if (rated > it->rated)
		it->rated = (uint8_t)rated;
	if (it->nqm == 0 || it->last != msgid) {
		it->last = msgid;
		if (it->nqm < AUDIT_QM_REFS) {
			it->msgids[it->nqm] = msgid;
			it->frames[it->nqm] = frame;
		}
		it->nqm++;
	}
	if (x != NULL) {
		if (it->nx < AUDIT_QM_REFS) {
			it->xmsgid[it->nx] = msgid;
			it->xf[it->nx] = *x;
		}
		it->nx++;
		if (id == FI_LONG_LIFETIME) {
			uint32_t l = value == 0 ? x->v.life_secs : x->v.life_kb;

			if (l > it->life)
				it->life = l;
		}
	}
}

/* Whether the choice has a transform of proto with this ID, auth, group. */
static bool
qm_chose(const struct qm_xform *ch, size_t nch, uint8_t proto, int id,
    int auth, int group)
{
	size_t i;

	for (i = 0; i < nch; i++)
		if (ch[i].proto == proto && (id < 0 || ch[i].id == id) &&
		    (auth < 0 || ch[i].v.auth == auth) && (group < 0 ||
		    ch[i].v.group == group))
			return true;
	return false;
}

/*
 * The weak values of one transform: its cipher, its integrity (or its
 * lack of one, unless an AH of the same proposal gives it), its
 * lifetimes.  chosen: the responder's choice; else an offer, which is
 * noted only for what the choice does not have.
 */
static void
qm_rate(struct audit *a, struct qm_items *s, const struct qm_xform *x,
    bool chosen, bool with_ah, const struct qm_xform *ch, size_t nch,
    uint32_t msgid, uint32_t frame, const char *choice)
{
	bool esp = x->proto == ISAKMP_PROTO_ESP;
	enum fi_severity sev;

#define QM_NOTE(id, v, reg, what)					\
	qm_note(s, id, chosen, v, reg, chosen ? sev :			\
	    audit_offered_sev(sev), what, msgid, frame, x, choice)
	if (!esp && x->proto != ISAKMP_PROTO_AH)
		return;
	if (esp && (sev = pol_rate(&a->pol, POL_ESP_ENC, x->id)) != FI_OFF &&
	    (chosen || !qm_chose(ch, nch, ISAKMP_PROTO_ESP, x->id, -1, -1)))
		QM_NOTE(FI_ESP_WEAK_ENCRYPTION, x->id, REG_XFORM_ESP,
		    "ESP encryption");
	if (x->v.auth != 0 && (sev = pol_rate(&a->pol, POL_ESP_AUTH,
	    x->v.auth)) != FI_OFF && (chosen || !qm_chose(ch, nch, x->proto,
	    -1, x->v.auth, -1)))
		QM_NOTE(FI_ESP_WEAK_INTEGRITY, x->v.auth, REG_IPSEC_AUTH,
		    esp ? "ESP integrity" : "AH integrity");
	if (esp && x->v.auth == 0 && !audit_esp_aead(x->id) && !with_ah &&
	    (chosen || !qm_chose(ch, nch, ISAKMP_PROTO_ESP, x->id, 0, -1))) {
		sev = fi_default_severity(FI_ESP_NO_INTEGRITY);
		QM_NOTE(FI_ESP_NO_INTEGRITY, x->id, REG_XFORM_ESP,
		    "ESP without integrity, encryption");
	}
	if (x->v.group != 0 && (sev = pol_rate(&a->pol, POL_DH_GROUP,
	    x->v.group)) != FI_OFF && (chosen || !qm_chose(ch, nch, x->proto,
	    -1, -1, x->v.group)))
		QM_NOTE(FI_IKE_WEAK_DH_GROUP, x->v.group, REG_OAKLEY_GROUP,
		    "Quick Mode PFS group");
	sev = fi_default_severity(FI_LONG_LIFETIME);
	if (a->pol.max_esp_life != 0 && x->v.life_secs > a->pol.max_esp_life)
		QM_NOTE(FI_LONG_LIFETIME, 0, REG__COUNT, "ESP lifetime");
	if (a->pol.max_esp_life_kb != 0 &&
	    x->v.life_kb > a->pol.max_esp_life_kb)
		QM_NOTE(FI_LONG_LIFETIME, 1, REG__COUNT, "ESP lifetime");
#undef QM_NOTE
}

/* Whether proposal prop_num of an offer also holds an AH transform. */
static bool
qm_prop_ah(const struct qm_rec *r, uint8_t prop_num)
{
	uint16_t i;

	for (i = 0; i < r->nkept; i++)
		if (r->offered[i].prop_num == prop_num &&
		    r->offered[i].proto == ISAKMP_PROTO_AH)
			return true;
	return false;
}

/*
 * One Quick Mode: its choice (the audit's record of QM2, else the
 * tracker's) and its offers (the record of QM1), into s.
 */
static void
audit_qm(struct audit *a, const struct trk_ike_sa *sa,
    const struct trk_exchange *e, struct qm_items *s)
{
	const struct qm_rec *r = qmrec_find(a->qm, sa->id, e->msgid);
	struct qm_xform ch[QMREC_MAX_CHOSEN];
	size_t nch = 0, i, o;
	uint32_t f1 = 0, f2 = 0;
	bool ke = false, ah = false, group = false;
	char choice[128] = "", xb[64];

	for (i = 0; i < sa->nmsgs; i++) {
		const struct trk_msg *m = &sa->msgs[i];
		uint8_t k;

		if (m->msgid != e->msgid || m->retransmit)
			continue;
		if (m->label == TRK_L_QM1 && f1 == 0)
			f1 = m->frame;
		if (m->label == TRK_L_QM2 && f2 == 0)
			f2 = m->frame;
		for (k = 0; k < m->npl && k < TRK_MSG_PL; k++)
			if (m->pl[k] == ISAKMP_PL_KE)
				ke = true;
	}
	if (r != NULL) {
		f1 = r->offer_frame ? r->offer_frame : f1;
		f2 = r->choice_frame ? r->choice_frame : f2;
		ke |= r->ke_offer || r->ke_choice;
		nch = r->nchosen;
		memcpy(ch, r->chosen, nch * sizeof(ch[0]));
	}
	if (nch == 0 && e->chosen.valid) {
		/* the tracker's choice: its first transform */
		memset(&ch[0], 0, sizeof(ch[0]));
		ch[0].proto = e->chosen.proto;
		ch[0].id = (uint8_t)e->chosen.enc;
		ch[0].v.key_len = e->chosen.key_len;
		ch[0].v.auth = e->chosen.hash;
		ch[0].v.group = e->chosen.group;
		ch[0].v.life_secs = e->chosen.life_secs;
		ch[0].v.life_kb = e->chosen.life_kb;
		ch[0].v.encap = e->chosen.encap;
		nch = 1;
	}
	if (nch == 0 && (r == NULL || r->nkept == 0))
		return;			/* nothing of it readable */
	for (i = 0, o = 0; i < nch; i++) {
		ah |= ch[i].proto == ISAKMP_PROTO_AH;
		group |= ch[i].v.group != 0;
		audit_xf_text(&ch[i], xb, sizeof(xb));
		o += (size_t)snprintf(choice + o, sizeof(choice) - o, "%s%s",
		    i ? " + " : "", xb);
		if (o >= sizeof(choice))
			o = sizeof(choice) - 1;
	}
	for (i = 0; i < nch; i++)
		qm_rate(a, s, &ch[i], true, ah, ch, nch, e->msgid, f2, choice);
	/* its ESP SAs are rated here, not again from the key store */
	for (i = 0; nch > 0 && i < e->nspis; i++) {
		uint8_t k[AUDIT_KEY_MAX];
		bool *cv;

		audit_key_spi(k, sa->id, e->spis[i]);
		if ((cv = audit_tab_get(&a->covered, k)) != NULL)
			*cv = true;
	}
	for (i = 0; r != NULL && i < r->nkept; i++) {
		qm_rate(a, s, &r->offered[i], false, qm_prop_ah(r,
		    r->offered[i].prop_num), ch, nch, e->msgid, f1, choice);
		group |= nch == 0 && r->offered[i].v.group != 0;
	}
	/* PFS: a KE payload (RFC 2409 5.5), or the group it names */
	if (!ke && !group) {
		if (s->nnopfs == 0)
			s->nopfs_frame = f1 ? f1 : f2;
		if (s->nnopfs < AUDIT_QM_NOPFS)
			s->nopfs[s->nnopfs++] = e->msgid;
		else
			s->nopfs_more++;
	}
}

/* An IKE SA's Quick Mode findings, one per weak value and role. */
static void
audit_qm_findings(struct audit *a, const struct trk_ike_sa *sa,
    const struct qm_items *s)
{
	size_t i, k, nq;
	struct afind f;
	char nb[64], xb[64], m[9];
	const char *role;

	for (i = 0; i < s->n; i++) {
		const struct qm_item *it = &s->v[i];
		bool life = it->id == FI_LONG_LIFETIME;
		size_t nx = it->nx < AUDIT_QM_REFS ? it->nx : AUDIT_QM_REFS;

		nq = it->nqm < AUDIT_QM_REFS ? it->nqm : AUDIT_QM_REFS;
		if (!af_begin(&f, a, sa, (enum fi_id)it->id,
		    (enum fi_severity)it->rated, it->frames, nq))
			continue;
		json_kstr(&f.j, "role", it->chosen ? "chosen" : "offered");
		json_kstr(&f.j, "what", it->what);
		if (life) {
			json_kstr(&f.j, "sa", "esp");
			json_ku64(&f.j, it->value == 0 ? "lifetime_seconds" :
			    "lifetime_kb", it->life);
			json_ku64(&f.j, it->value == 0 ? "max_seconds" :
			    "max_kb", it->value == 0 ? a->pol.max_esp_life :
			    a->pol.max_esp_life_kb);
		} else {
			audit_name((enum isakmp_reg)it->reg, it->value, nb,
			    sizeof(nb));
			json_kstr(&f.j, "value", nb);
			json_ku64(&f.j, "value_id", it->value);
			if (it->id == FI_ESP_NO_INTEGRITY)
				json_kstr(&f.j, "encryption", nb);
		}
		json_ku64(&f.j, "quick_mode_msgid", it->msgids[0]);
		json_key(&f.j, "quick_mode_msgids");
		json_arr_begin(&f.j);
		for (k = 0; k < nq; k++) {
			snprintf(m, sizeof(m), "%08x", it->msgids[k]);
			json_str(&f.j, m);
		}
		json_arr_end(&f.j);
		json_ku64(&f.j, "quick_modes", it->nqm);
		json_key(&f.j, "transforms");
		json_arr_begin(&f.j);
		for (k = 0; k < nx; k++) {
			const struct qm_xform *x = &it->xf[k];

			json_obj_begin(&f.j);
			snprintf(m, sizeof(m), "%08x", it->xmsgid[k]);
			json_kstr(&f.j, "msgid", m);
			json_ku64(&f.j, "proposal", x->prop_num);
			json_ku64(&f.j, "transform", x->num);
			json_kstr(&f.j, "protocol", isakmp_token(REG_PROTO,
			    x->proto));
			audit_xf_text(x, xb, sizeof(xb));
			json_kstr(&f.j, "text", xb);
			snprintf(m, sizeof(m), "%08x", x->spi);
			json_kstr(&f.j, "spi", m);
			if (x->v.life_secs != 0)
				json_ku64(&f.j, "lifetime_seconds",
				    x->v.life_secs);
			if (x->v.life_kb != 0)
				json_ku64(&f.j, "lifetime_kb", x->v.life_kb);
			json_obj_end(&f.j);
		}
		json_arr_end(&f.j);
		json_ku64(&f.j, "transforms_count", it->nx);
		json_kstr(&f.j, "chosen", it->choice[0] ? it->choice : NULL);
		role = it->chosen ? "chosen" : it->choice[0] ?
		    "offered (not chosen)" : "offered";
		if (life)
			af_text(&f, ": %s %u %s %s", it->what, it->life,
			    it->value == 0 ? "s" : "KB", role);
		else
			af_text(&f, ": %s %s %s", it->what, nb, role);
		if (it->nqm == 1)
			af_text(&f, " in Quick Mode");
		else
			af_text(&f, " in %u Quick Modes", it->nqm);
		for (k = 0; k < nq; k++)
			af_text(&f, "%s%08x", k ? ", " : " ", it->msgids[k]);
		if (it->nqm > nq)
			af_text(&f, ", ...");
		if (it->chosen)
			af_text(&f, ": %s", it->choice);
		else {
			af_text(&f, ": ");
			for (k = 0; k < nx; k++) {
				audit_xf_text(&it->xf[k], xb, sizeof(xb));
				af_text(&f, "%sproposal %u transform %u %s",
				    k ? ", " : "", it->xf[k].prop_num,
				    it->xf[k].num, xb);
			}
			if (it->nx > nx)
				af_text(&f, " (%u transforms in all)", it->nx);
			if (it->choice[0])
				af_text(&f, "; chosen %s", it->choice);
			else
				af_text(&f, "; no choice seen (QM2 not "
				    "readable)");
		}
		if (life)
			af_text(&f, " (policy: at most %u %s)", it->value == 0 ?
			    a->pol.max_esp_life : a->pol.max_esp_life_kb,
			    it->value == 0 ? "s" : "KB");
		af_end(&f);
	}
	/* one finding per IKE SA, naming its Quick Modes without PFS */
	if (s->nnopfs > 0 && af_begin(&f, a, sa, FI_QM_NO_PFS,
	    fi_default_severity(FI_QM_NO_PFS), &s->nopfs_frame, 1)) {
		json_key(&f.j, "quick_mode_msgids");
		json_arr_begin(&f.j);
		af_text(&f, ": %zu Quick Mode%s without a KE payload or a "
		    "group:", s->nnopfs + s->nopfs_more, s->nnopfs +
		    s->nopfs_more == 1 ? "" : "s");
		for (i = 0; i < s->nnopfs; i++) {
			snprintf(m, sizeof(m), "%08x", s->nopfs[i]);
			json_str(&f.j, m);
			af_text(&f, " %s", m);
		}
		json_arr_end(&f.j);
		if (s->nopfs_more)
			af_text(&f, " ...");
		af_end(&f);
	}
}

static bool
audit_auth_notify(uint16_t n)
{
	/*
	 * RFC 2408 3.14.1: INVALID-ID-INFORMATION (18), the certificate
	 * errors (19-22), INVALID-HASH-INFORMATION, AUTHENTICATION-FAILED,
	 * INVALID-SIGNATURE (23-25): the peer did not accept the other's
	 * identity or proof of it.
	 */
	return n >= 18 && n <= 25;
}

/*
 * Main Mode that stops at its authentication step without an error
 * anyone can read: MM5 sent (and resent, or answered only by encrypted
 * Informationals), no MM6.  With pre-shared keys, the typical sign of
 * peers holding different keys: the responder's SKEYID_e differs, so it
 * cannot decrypt MM5 (RFC 2409 5: the keys derive from the PSK).
 */
static bool
audit_mm5_stall(const struct trk_ike_sa *sa, uint32_t *fr, unsigned *resent,
    unsigned *infos)
{
	uint32_t i;
	bool mm5 = false;

	*resent = *infos = 0;
	if (sa->mode != ISAKMP_EXCH_MAIN || sa->state == TRK_ESTABLISHED)
		return false;
	for (i = 0; i < sa->nmsgs; i++) {
		const struct trk_msg *m = &sa->msgs[i];

		if (m->label == TRK_L_MM6)
			return false;
		if (m->label == TRK_L_MM5 && !m->retransmit) {
			mm5 = true;
			*fr = m->frame;
			*resent += m->resent;
		}
		if (mm5 && m->label == TRK_L_INFO && m->dir == TRK_R2I &&
		    m->encrypted && !m->decrypted && !m->retransmit)
			(*infos)++;
	}
	return mm5 && (*resent > 0 || *infos > 0);
}

/* Which exchange a NO-PROPOSAL-CHOSEN answered. */
enum audit_ex { AX_PHASE1, AX_QUICK, AX_NONE };

/*
 * The offers as text, and as JSON objects when j: phase 1's (Oakley), a
 * Quick Mode's (IPsec; qm NULL when not readable), or none (the notify
 * answered no exchange that was open).
 */
static void
audit_offers(struct json *j, const struct trk_ike_sa *sa, enum audit_ex ax,
    const struct qm_rec *qm, char *txt, size_t n)
{
	char xb[160], eb[40], hb[40], gb[48];
	bool quick = ax == AX_QUICK;
	size_t i, o = 0, nx = ax == AX_NONE ? 0 : quick ? (qm != NULL ?
	    qm->nkept : 0) : sa->p1.nkept;

	snprintf(txt, n, "%s", ax == AX_NONE ? "none (no exchange was open)" :
	    !quick ? "not seen" : qm == NULL ?
	    "not readable (the Quick Mode is encrypted: -k)" : "none kept");
	if (j != NULL) {
		json_key(j, "offered");
		json_arr_begin(j);
	}
	for (i = 0; i < nx; i++) {
		const struct qm_xform *x = quick ? &qm->offered[i] : NULL;
		const struct p1rec_xform *px = quick ? NULL :
		    &sa->p1.offered[i];
		struct p1rec_alg al;

		if (quick)
			audit_xf_text(x, xb, sizeof(xb));
		else {
			p1rec_alg(px, &al);
			audit_p1_text(&al, xb, sizeof(xb));
		}
		if (o < n)
			o += (size_t)snprintf(txt + o, n - o, "%s%s", i ? "; " :
			    "", xb);
		if (j == NULL)
			continue;
		json_obj_begin(j);
		if (quick)
			json_kstr(j, "protocol", isakmp_token(REG_PROTO,
			    x->proto));
		else {
			json_kstr(j, "encryption", audit_name(REG_OAKLEY_ENC,
			    al.enc, eb, sizeof(eb)));
			json_ku64(j, "key_len", al.key_len);
			json_kstr(j, "hash", audit_name(REG_OAKLEY_HASH,
			    al.hash, hb, sizeof(hb)));
			json_kstr(j, "group", audit_name(REG_OAKLEY_GROUP,
			    al.group, gb, sizeof(gb)));
		}
		json_ku64(j, "proposal", quick ? x->prop_num : px->prop_num);
		json_ku64(j, "transform", quick ? x->num : px->num);
		json_kstr(j, "text", xb);
		json_obj_end(j);
	}
	if (j != NULL)
		json_arr_end(j);
}

static void
audit_failures(struct audit *a, const struct trk_ike_sa *sa)
{
	uint8_t k[AUDIT_KEY_MAX];
	struct audit_pair *pr;
	struct afind f;
	const struct trk_exchange *fx = NULL;	/* the exchange that failed */
	const struct qm_rec *qm = NULL;
	uint32_t fr = sa->first_frame, i, frs[2];
	unsigned resent, infos, dok, dbad;
	char why[160], nb[64], offers[sizeof(pr->offers)];
	bool no_prop = false, auth = false;
	enum audit_ex ax;
	uint16_t notify = 0;
	uint8_t d;

	if (sa->reason == TRK_R_NOTIFY) {
		notify = sa->notify;
		no_prop = notify == 14;
		auth = audit_auth_notify(notify);
	}
	if (sa->reason == TRK_R_XAUTH)
		auth = true;
	for (i = 0; i < sa->nex && !no_prop && !auth; i++)
		if (sa->ex[i].state == TRK_FAILED &&
		    sa->ex[i].reason == TRK_R_NOTIFY) {
			notify = sa->ex[i].notify;
			no_prop = notify == 14;
			auth = audit_auth_notify(notify);
			fr = sa->ex[i].first_frame;
			fx = &sa->ex[i];
		}
	trk_reason_text(sa, why, sizeof(why));
	/* the exchange's first frame and the answer that ended it */
	frs[0] = fr;
	frs[1] = notify != 0 ? audit_frame_of(sa, 0, notify) : 0;
	if (auth && af_begin(&f, a, sa, FI_AUTH_FAILED,
	    fi_default_severity(FI_AUTH_FAILED), frs, 2)) {
		json_kstr(&f.j, "reason", why);
		if (notify != 0)
			json_kstr(&f.j, "notify", audit_name(REG_NOTIFY,
			    notify, nb, sizeof(nb)));
		af_text(&f, ": %s", why);
		af_end(&f);
	}
	/* no error to read: Main Mode stalled at MM5 (not when the keys
	   given already tell: psk_mismatch) */
	if (!auth && !no_prop && !trk_keys_disagree(sa, &d, &dok, &dbad) &&
	    audit_mm5_stall(sa, &fr, &resent, &infos) &&
	    af_begin(&f, a, sa, FI_AUTH_FAILED,
	    fi_default_severity(FI_AUTH_FAILED), &fr, 1)) {
		json_kstr(&f.j, "reason", why);
		json_kbool(&f.j, "inferred", true);
		json_ku64(&f.j, "mm5_resent", resent);
		json_ku64(&f.j, "encrypted_replies", infos);
		af_text(&f, ": Main Mode stopped at its authentication step: "
		    "MM5 resent %u time%s, %u encrypted Informational%s from "
		    "the responder, no MM6 (%s)%s", resent, resent == 1 ? "" :
		    "s", infos, infos == 1 ? "" : "s", why,
		    audit_psk_auth(sa->p1.has_chosen ? sa->p1.chosen_alg.auth :
		    0) ? "; with pre-shared keys the sign of peers holding "
		    "different keys (-k with one side's keys tells: "
		    "psk_mismatch)" : "");
		af_end(&f);
	}
	if (!no_prop)
		return;
	ax = fx == NULL || fx->type == sa->mode ? AX_PHASE1 : fx->type ==
	    ISAKMP_EXCH_QUICK ? AX_QUICK : AX_NONE;
	if (ax == AX_QUICK)
		qm = qmrec_find(a->qm, sa->id, fx->msgid);
	audit_key_pair(k, sa);
	pr = audit_tab_get(&a->pairs, k);
	if (pr != NULL)
		pr->no_proposal++;
	if (af_begin(&f, a, sa, FI_NO_PROPOSAL_CHOSEN,
	    fi_default_severity(FI_NO_PROPOSAL_CHOSEN), frs, 2)) {
		json_ku64(&f.j, "times_between_peers",
		    pr != NULL ? pr->no_proposal : 1);
		json_kstr(&f.j, "exchange", ax == AX_PHASE1 ? "phase1" :
		    ax == AX_QUICK ? "quick" : "none");
		if (ax == AX_QUICK)
			json_ku64(&f.j, "quick_mode_msgid", fx->msgid);
		audit_offers(&f.j, sa, ax, qm, offers, sizeof(offers));
		af_text(&f, ": no proposal chosen (%u time%s between these "
		    "peers)%s; offered: %s", pr != NULL ? pr->no_proposal : 1,
		    pr != NULL && pr->no_proposal > 1 ? "s" : "",
		    ax == AX_QUICK ? " in a Quick Mode" : "", offers);
		/* a repeat: the previous attempt's offers beside these */
		if (pr != NULL && pr->no_proposal > 1) {
			json_kstr(&f.j, "previous_offered", pr->offers);
			json_ku64(&f.j, "previous_frame", pr->offers_frame);
			json_kbool(&f.j, "same_offers",
			    strcmp(pr->offers, offers) == 0);
			af_text(&f, "; previous attempt (frame %u) offered %s",
			    pr->offers_frame, strcmp(pr->offers, offers) == 0 ?
			    "the same" : pr->offers);
		}
		af_end(&f);
	} else
		audit_offers(NULL, sa, ax, qm, offers, sizeof(offers));
	if (pr != NULL) {
		snprintf(pr->offers, sizeof(pr->offers), "%s", offers);
		pr->offers_frame = fr;
	}
}

/* Keys given for one side: the other side's messages never decrypt. */
static void
audit_mismatch(struct audit *a, const struct trk_ike_sa *sa)
{
	uint8_t d;
	unsigned ok, bad;
	uint32_t fr = 0, i;
	struct afind f;

	if (!trk_keys_disagree(sa, &d, &ok, &bad))
		return;
	for (i = 0; i < sa->nmsgs && fr == 0; i++)
		if (sa->msgs[i].encrypted && !sa->msgs[i].decrypted &&
		    sa->msgs[i].dir != d)
			fr = sa->msgs[i].frame;
	if (!af_begin(&f, a, sa, FI_PSK_MISMATCH,
	    fi_default_severity(FI_PSK_MISMATCH), &fr, 1))
		return;
	json_kstr(&f.j, "failing_side", d == TRK_I2R ? "responder" :
	    "initiator");
	json_ku64(&f.j, "decrypted", ok);
	json_ku64(&f.j, "not_decrypted", bad);
	af_text(&f, ": the %s's %u encrypted message%s decrypt%s with the "
	    "keys given, the %s's %u do%s not: the pre-shared keys differ",
	    d == TRK_I2R ? "initiator" : "responder", ok, ok == 1 ? "" : "s",
	    ok == 1 ? "s" : "", d == TRK_I2R ? "responder" : "initiator", bad,
	    bad == 1 ? "es" : "");
	af_end(&f);
}

static void
audit_xauth(struct audit *a, const struct trk_ike_sa *sa, bool aggr_psk)
{
	uint8_t k[AUDIT_KEY_MAX];
	const struct audit_pend *p;
	bool txn = false;
	uint32_t i, fr = 0;
	struct afind f;

	for (i = 0; i < sa->nex; i++)
		if (sa->ex[i].type == ISAKMP_EXCH_TRANSACTION) {
			txn = true;
			if (fr == 0)
				fr = sa->ex[i].first_frame;
		}
	if (aggr_psk && (txn || sa->xauth != 0) &&
	    af_begin(&f, a, sa, FI_XAUTH_AFTER_AGGRESSIVE,
	    fi_default_severity(FI_XAUTH_AFTER_AGGRESSIVE), &fr, 1)) {
		af_text(&f, ": Aggressive Mode with a group pre-shared key, "
		    "then XAUTH/Mode-Config");
		af_end(&f);
	}
	audit_key_sa(k, sa->id);
	if ((p = audit_tab_find(&a->pend, k)) == NULL || (!p->user &&
	    !p->pass))
		return;
	fr = p->frame;
	if (!af_begin(&f, a, sa, FI_XAUTH_CREDENTIALS_VISIBLE,
	    fi_default_severity(FI_XAUTH_CREDENTIALS_VISIBLE), &fr, 1))
		return;
	json_kstr(&f.j, "user", p->user ? p->user_val : NULL);
	json_kbool(&f.j, "in_clear", p->user_clear || p->pass_clear);
	if (p->pass) {
		json_kstr(&f.j, "password", a->o.show_secrets ? p->pass_val :
		    "********");
		json_ku64(&f.j, "password_length", p->pass_len);
	}
	af_text(&f, ": XAUTH user \"%s\"%s, %s%s", p->user ? p->user_val :
	    "?", p->pass ? " and password" : "", p->user_clear ||
	    p->pass_clear ? "in clear" : "decrypted with the keys given",
	    p->pass && a->o.show_secrets ? "" : " (password masked: "
	    "--show-secrets shows it)");
	if (p->pass && a->o.show_secrets)
		af_text(&f, "; password \"%s\"", p->pass_val);
	af_end(&f);
}

void
audit_sa(struct audit *a, const struct trk *t, const struct trk_ike_sa *sa)
{
	uint8_t k[AUDIT_KEY_MAX];
	struct audit_pair *pr;
	struct p1rec_alg alg;
	bool chosen, aggr_psk = false;
	uint32_t i, fr = 0;
	struct qm_items *qs;
	struct afind f;

	(void)t;
	audit_key_pair(k, sa);
	if ((pr = audit_tab_get(&a->pairs, k)) != NULL && !pr->v1) {
		fr = sa->first_frame;
		pr->v1 = true;
		if (af_begin(&f, a, sa, FI_IKEV1_IN_USE,
		    fi_default_severity(FI_IKEV1_IN_USE), &fr, 1)) {
			af_text(&f, ": IKEv1 between %s", f.pair);
			af_end(&f);
		}
	}
	if (audit_p1_alg(sa, &alg, &chosen) &&
	    sa->mode == ISAKMP_EXCH_AGGRESSIVE && audit_psk_auth(alg.auth)) {
		aggr_psk = true;
		audit_aggressive(a, sa, &alg);
	}
	audit_id(a, sa, &sa->p1.idi, true);
	audit_id(a, sa, &sa->p1.idr, false);
	audit_xauth(a, sa, aggr_psk);
	audit_p1_algs(a, sa);
	/* its Quick Modes, if any (the record is ~15 KB: made only then) */
	for (i = 0; i < sa->nex && sa->ex[i].type != ISAKMP_EXCH_QUICK; i++)
		;
	if (i < sa->nex && (qs = calloc(1, sizeof(*qs))) != NULL) {
		for (; i < sa->nex; i++)
			if (sa->ex[i].type == ISAKMP_EXCH_QUICK)
				audit_qm(a, sa, &sa->ex[i], qs);
		audit_qm_findings(a, sa, qs);
		free(qs);
	} else if (i < sa->nex)
		a->dropped++;
	qmrec_drop(a->qm, sa->id);
	audit_failures(a, sa);
	audit_mismatch(a, sa);
}

/* ---- ESP SAs known from the key store only ---- */

/* A weak value of ESP SAs whose Quick Mode was not read: their keys say. */
struct ks_item {
	uint8_t		 id;		/* enum fi_id */
	uint8_t		 rated;		/* enum fi_severity */
	uint16_t	 value;
	uint8_t		 reg;		/* enum isakmp_reg of value */
	const char	*what;
	char		 pair[112];
	char		 text[64];	/* the SA's algorithms */
	char		 origin[96];	/* the first SA's key line */
	unsigned	 n;		/* ESP SAs */
	uint32_t	 spis[AUDIT_QM_REFS], frames[AUDIT_QM_REFS];
	uint64_t	 packets;
};

struct ks_items {
	struct audit	*a;
	struct ks_item	 v[AUDIT_KS_ITEMS];
	size_t		 n;
	unsigned	 dropped;
};

static void
audit_ks_note(struct ks_items *s, enum fi_id id, uint16_t value,
    enum isakmp_reg reg, enum fi_severity sev, const char *what,
    const struct trk_esp *f, const char *text, const char *origin)
{
	struct trk_ike_sa fake;
	struct ks_item *it = NULL;
	char pair[112];
	size_t i;

	if (sev == FI_OFF)
		return;
	memset(&fake, 0, sizeof(fake));
	fake.af = f->af;
	memcpy(fake.iaddr, f->src, 16);
	memcpy(fake.raddr, f->dst, 16);
	audit_pair_name(&fake, pair, sizeof(pair));
	for (i = 0; i < s->n && it == NULL; i++)
		if (s->v[i].id == id && s->v[i].value == value &&
		    strcmp(s->v[i].pair, pair) == 0)
			it = &s->v[i];
	if (it == NULL) {
		if (s->n == AUDIT_KS_ITEMS) {
			s->dropped++;
			return;
		}
		it = &s->v[s->n++];
		memset(it, 0, sizeof(*it));
		it->id = (uint8_t)id;
		it->rated = (uint8_t)sev;
		it->value = value;
		it->reg = (uint8_t)reg;
		it->what = what;
		snprintf(it->pair, sizeof(it->pair), "%s", pair);
		snprintf(it->text, sizeof(it->text), "%s", text);
		snprintf(it->origin, sizeof(it->origin), "%s", origin);
	}
	if (it->n < AUDIT_QM_REFS) {
		it->spis[it->n] = f->spi;
		it->frames[it->n] = f->first_frame;
	}
	it->n++;
	it->packets += f->packets;
}

/*
 * An ESP flow whose packets the key store's SA decrypted, unless a Quick
 * Mode read said what it uses.
 */
static void
audit_ks_flow(const struct trk_esp *f, void *arg)
{
	struct ks_items *s = arg;
	struct audit *a = s->a;
	const struct ks_esp_sa *k = f->key.gen != 0 ? f->key.sa : NULL;
	const struct espalg_enc *ee;
	const struct espalg_auth *ea;
	uint8_t key[AUDIT_KEY_MAX];
	uint16_t enc, auth;
	char text[64];

	/* the keys decrypted its packets: they are the SA's, not a guess */
	if (k == NULL || f->decrypted == 0)
		return;
	audit_key_spi(key, f->ike_id, f->spi);
	if (f->ike_id != 0 && audit_tab_find(&a->covered, key) != NULL)
		return;
	ee = espalg_enc(k->enc, k->icv_len);
	ea = espalg_auth(k->auth, k->icv_len);
	enc = ee != NULL ? ee->ike_id : 0;
	auth = ea != NULL ? ea->ike_id : 0;
	snprintf(text, sizeof(text), "ESP %s%s%s", ee != NULL ? ee->name :
	    "?", ea != NULL && ea->ike_id != 0 ? "/" : "", ea != NULL &&
	    ea->ike_id != 0 ? ea->name : "");
	if (enc != 0)
		audit_ks_note(s, FI_ESP_WEAK_ENCRYPTION, enc, REG_XFORM_ESP,
		    pol_rate(&a->pol, POL_ESP_ENC, enc), "ESP encryption", f,
		    text, k->origin);
	/*
	 * Not esp_no_integrity: key files often leave the integrity out
	 * (to decrypt only), so its absence there proves nothing.
	 */
	if (auth != 0)
		audit_ks_note(s, FI_ESP_WEAK_INTEGRITY, auth, REG_IPSEC_AUTH,
		    pol_rate(&a->pol, POL_ESP_AUTH, auth), "ESP integrity", f,
		    text, k->origin);
}

/*
 * The ESP SAs seen whose Quick Mode was not read (not captured, or not
 * decrypted) but whose keys were given: their algorithms are the ones in
 * use, rated as chosen, one finding per weak value and peer pair.
 */
static void
audit_ks_esp(struct audit *a, const struct trk *t)
{
	struct ks_items *s = calloc(1, sizeof(*s));
	struct afind f;
	size_t i, k, nq;
	char nb[64], m[9];

	if (s == NULL) {
		a->dropped++;
		return;
	}
	s->a = a;
	trk_foreach_esp(t, audit_ks_flow, s);
	a->dropped += s->dropped;
	for (i = 0; i < s->n; i++) {
		const struct ks_item *it = &s->v[i];

		nq = it->n < AUDIT_QM_REFS ? it->n : AUDIT_QM_REFS;
		if (!af_begin(&f, a, NULL, (enum fi_id)it->id,
		    (enum fi_severity)it->rated, it->frames, nq))
			continue;
		snprintf(f.pair, sizeof(f.pair), "%s", it->pair);
		audit_name((enum isakmp_reg)it->reg, it->value, nb,
		    sizeof(nb));
		json_kstr(&f.j, "peers", it->pair);
		json_kstr(&f.j, "role", "chosen");
		json_kstr(&f.j, "source", "keys");
		json_kstr(&f.j, "what", it->what);
		json_kstr(&f.j, "value", nb);
		json_ku64(&f.j, "value_id", it->value);
		if (it->id == FI_ESP_NO_INTEGRITY)
			json_kstr(&f.j, "encryption", nb);
		json_kstr(&f.j, "transform", it->text);
		json_key(&f.j, "spis");
		json_arr_begin(&f.j);
		for (k = 0; k < nq; k++) {
			snprintf(m, sizeof(m), "%08x", it->spis[k]);
			json_str(&f.j, m);
		}
		json_arr_end(&f.j);
		json_ku64(&f.j, "esp_sas", it->n);
		json_ku64(&f.j, "packets", it->packets);
		json_kstr(&f.j, "key_origin", it->origin);
		af_text(&f, ": %s %s in use on %u ESP SA%s (SPI", it->what, nb,
		    it->n, it->n == 1 ? "" : "s");
		for (k = 0; k < nq; k++)
			af_text(&f, "%s%08x", k ? ", " : " ", it->spis[k]);
		af_text(&f, "%s; %s, from the keys given at %s: the Quick "
		    "Mode that chose it was not read)", it->n > nq ? ", ..." :
		    "", it->text, it->origin);
		af_end(&f);
	}
	free(s);
}

void
audit_finish(struct audit *a)
{
	size_t r;

	for (r = 0; r < a->hosts.n; r++) {
		const struct audit_host *h = (const struct audit_host *)
		    (a->hosts.rows + r * a->hosts.rowsize + AUDIT_KEY_MAX);
		char ab[PKT_ADDR_STRLEN];
		struct afind f;
		unsigned i, k, nimpl = 0;

		if (h->nvids == 0)
			continue;
		for (i = 0; i < h->nvids; i++)
			nimpl += h->impl[i];
		if (!af_begin(&f, a, NULL, FI_VENDOR_FINGERPRINT,
		    fi_default_severity(FI_VENDOR_FINGERPRINT), &h->frame, 1))
			continue;
		pkt_addr_str(h->af, h->addr, ab, sizeof(ab));
		snprintf(f.pair, sizeof(f.pair), "%s", ab);
		json_kstr(&f.j, "host", ab);
		json_key(&f.j, "vendor_ids");
		json_arr_begin(&f.j);
		for (i = 0; i < h->nvids; i++)
			json_str(&f.j, h->vids[i]);
		json_arr_end(&f.j);
		af_text(&f, ": %s sent vendor IDs", ab);
		for (k = 0; k < 2; k++) {
			const char *sep = k == 0 ? " naming the implementation: " :
			    nimpl ? "; capabilities: " :
			    " of capabilities only (no implementation named): ";
			bool any = false;

			json_key(&f.j, k == 0 ? "implementations" :
			    "capabilities");
			json_arr_begin(&f.j);
			for (i = 0; i < h->nvids; i++)
				if (h->impl[i] == (k == 0)) {
					json_str(&f.j, h->vids[i]);
					af_text(&f, "%s%s", any ? ", " : sep,
					    h->vids[i]);
					any = true;
				}
			json_arr_end(&f.j);
		}
		af_end(&f);
	}
}

/* ---- the sink ---- */

static bool
audit_keep(const struct audit *a, const struct trk_ike_sa *sa)
{
	return a->o.keep == NULL || a->o.keep(sa, a->o.keep_arg);
}

static void
audit_one(const struct trk_ike_sa *sa, void *arg)
{
	struct audit *a = arg;

	if (audit_keep(a, sa))
		audit_sa(a, NULL, sa);
}

static void
audit_ev(void *arg, const struct eng_event *e)
{
	struct audit *a = arg;
	const struct frame_rec *fr = e->fr;

	switch (e->type) {
	case ENG_EV_IKE_MSG:
		if (fr->tracked && fr->trk.sa != NULL && fr->trk.msg != NULL &&
		    audit_keep(a, fr->trk.sa))
			audit_message(a, fr->trk.sa, fr->trk.msg,
			    &fr->isakmp);
		break;
	case ENG_EV_FRAME:
		if (fr->pkt.kind == PKT_IKEV2 && a->o.keep == NULL)
			audit_ikev2(a, fr->pkt.af, fr->pkt.src, fr->pkt.dst,
			    fr->pkt.frame);
		break;
	case ENG_EV_SA_STATE:
		if (e->to == TRK_P_EVICTED && audit_keep(a, e->sa))
			audit_sa(a, e->trk, e->sa);
		break;
	case ENG_EV_END:
		trk_foreach_ike(e->trk, audit_one, a);
		if (a->o.keep == NULL)
			audit_ks_esp(a, e->trk);
		audit_finish(a);
		break;
	default:
		break;
	}
}

int
audit_sink_add(struct ctx *c, struct audit *a, char *errbuf, size_t errlen)
{
	struct eng_sink k;

	memset(&k, 0, sizeof(k));
	k.ev = audit_ev;
	k.arg = a;
	k.mask = ENG_EV_BIT(ENG_EV_IKE_MSG) | ENG_EV_BIT(ENG_EV_FRAME) |
	    ENG_EV_BIT(ENG_EV_SA_STATE) | ENG_EV_BIT(ENG_EV_END);
	return eng_sink_add(c, &k, errbuf, errlen);
}

/* ---- output ---- */

void
audit_write_json(const struct audit *a, FILE *fp)
{
	size_t i;

	for (i = 0; i < a->n; i++)
		fputs(a->items[i].json, fp);
}

static int
audit_cmp(const void *pa, const void *pb)
{
	const struct audit_item *x = *(const struct audit_item *const *)pa;
	const struct audit_item *y = *(const struct audit_item *const *)pb;
	int c = strcmp(x->pair, y->pair);

	if (c != 0)
		return c;
	if (x->sev != y->sev)
		return x->sev > y->sev ? -1 : 1;
	return x->order < y->order ? -1 : x->order > y->order;
}

void
audit_write_text(const struct audit *a, FILE *fp)
{
	const struct audit_item **v;
	size_t i;
	const char *pair = NULL;

	if (a->n == 0) {
		fprintf(fp, "no findings\n");
		return;
	}
	if ((v = malloc(a->n * sizeof(*v))) == NULL) {
		fprintf(fp, "out of memory sorting %zu findings\n", a->n);
		return;
	}
	for (i = 0; i < a->n; i++)
		v[i] = &a->items[i];
	qsort(v, a->n, sizeof(*v), audit_cmp);
	for (i = 0; i < a->n; i++) {
		if (pair == NULL || strcmp(pair, v[i]->pair) != 0) {
			pair = v[i]->pair;
			fprintf(fp, "%s%s\n", i ? "\n" : "", pair);
		}
		fprintf(fp, "  %-6s %s: %s\n         %s\n",
		    fi_severity_name(v[i]->sev), fi_id_name(v[i]->id),
		    fi_title(v[i]->id), v[i]->text);
	}
	free(v);
	fprintf(fp, "\n%zu findings: %zu high, %zu medium, %zu low, %zu info"
	    "%s\n", a->n, audit_count(a, FI_HIGH), audit_count(a, FI_MEDIUM),
	    audit_count(a, FI_LOW), audit_count(a, FI_INFO),
	    a->dropped ? " (more not kept: the cap was reached)" : "");
}

static void
audit_warn(FILE *warn, const struct audit_exp *e, const char *tool,
    const char *why)
{
	char ck[17];

	if (warn == NULL)
		return;
	ck[fmt_hex(ck, e->icookie, 8)] = '\0';
	fprintf(warn, "ikescope: %s will not take the line of IKE SA %s: %s\n",
	    tool, ck, why);
}

size_t
audit_export_psk_crack(const struct audit *a, FILE *fp, FILE *warn)
{
	size_t i;

	for (i = 0; i < a->nexp; i++) {
		fprintf(fp, "%s\n", a->exp[i].line);
		if (a->exp[i].prf != 1 && a->exp[i].prf != 2)
			audit_warn(warn, &a->exp[i], "psk-crack",
			    "its PRF is not MD5 or SHA-1 (ikescope crack "
			    "takes it)");
	}
	return a->nexp;
}

size_t
audit_export_hashcat(const struct audit *a, FILE *fp, FILE *warn)
{
	char why[160];
	size_t i;

	for (i = 0; i < a->nexp; i++) {
		const struct audit_exp *e = &a->exp[i];

		fprintf(fp, "%s\n", e->line);
		if (e->prf != 1 && e->prf != 2)
			audit_warn(warn, e, "hashcat", "it has modes for MD5 "
			    "(5300) and SHA-1 (5400) only (ikescope crack "
			    "takes it)");
		else if (!e->hashcat_fits) {
			snprintf(why, sizeof(why), "g_xr..idir_b hold %zu "
			    "bytes and the nonces %zu; its limits are 512 "
			    "and 64 (ikescope crack takes it)", e->msg_len,
			    e->nonce_len);
			audit_warn(warn, e, "hashcat", why);
		}
	}
	return a->nexp;
}

size_t
audit_exposed(const struct audit *a)
{
	return a->nexp;
}

size_t
audit_nfindings(const struct audit *a)
{
	return a->n;
}

void
audit_finding(const struct audit *a, size_t i, enum fi_id *id,
    enum fi_severity *sev, const char **text, const char **json)
{
	*id = (enum fi_id)a->items[i].id;
	*sev = (enum fi_severity)a->items[i].sev;
	*text = a->items[i].text;
	*json = a->items[i].json;
}

size_t
audit_count(const struct audit *a, enum fi_severity s)
{
	size_t i, n = 0;

	for (i = 0; i < a->n; i++)
		if (a->items[i].sev == s)
			n++;
	return n;
}

size_t
audit_count_id(const struct audit *a, enum fi_id id)
{
	size_t i, n = 0;

	for (i = 0; i < a->n; i++)
		if (a->items[i].id == id)
			n++;
	return n;
}

enum fi_severity
audit_max(const struct audit *a)
{
	size_t i;
	int m = -1;

	for (i = 0; i < a->n; i++)
		if ((int)a->items[i].sev > m)
			m = a->items[i].sev;
	return m < 0 ? FI_OFF : (enum fi_severity)m;
}

uint64_t
audit_dropped(const struct audit *a)
{
	return a->dropped + a->pairs.refused + a->hosts.refused +
	    a->pend.refused + a->covered.refused + qmrec_refused(a->qm);
}
