/*
 * crack_cap.c - ikescope crack CAPTURE: the targets of each IKE SA from
 * its phase-1 record, the PSKs found said with the IKE SA they open, and
 * the second pass telling what they decrypt.
 */
#include <config.h>

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/crypto.h>

#include "audit/audit.h"
#include "audit/crack_cap.h"
#include "capture/pkt.h"
#include "core/fmt.h"
#include "core/json.h"
#include "dissectors/isakmp_names.h"
#include "engine/engine.h"
#include "engine/event.h"

#define CC_NONE	((size_t)-1)

/* What the second pass saw of one IKE SA with a PSK found. */
struct cc_rep {
	uint8_t		 icookie[8];
	size_t		 target;	/* its first target with a PSK */
	bool		 done;		/* reported */
	uint32_t	 hash_ok, hash_bad, qm;
	uint32_t	 qm_pfs_unkeyed;	/* PFS without its g^xy given */
};

/* ---- collecting */

static const char *
cc_mode_name(uint8_t mode, char *b, size_t n)
{
	const char *t = isakmp_token(REG_EXCHANGE, mode);

	return t != NULL ? t : isakmp_name_fmt(REG_EXCHANGE, mode, b, n);
}

/* The cracker's PRF for an Oakley hash; -1: none (see cc_collect). */
static int
cc_hash(uint16_t prf)
{
	switch (prf) {
	case 1:
		return CK_MD5;
	case 2:
		return CK_SHA1;
	case 4:
		return CK_SHA256;
	case 5:
		return CK_SHA384;
	case 6:
		return CK_SHA512;
	default:
		return -1;
	}
}

void
cc_sa_fill(struct cc_sa *o, const struct trk_ike_sa *sa, uint16_t prf)
{
	memset(o, 0, sizeof(*o));
	o->id = sa->id;
	memcpy(o->icookie, sa->icookie, 8);
	memcpy(o->rcookie, sa->rcookie, 8);
	o->af = sa->af;
	memcpy(o->iaddr, sa->iaddr, sizeof(o->iaddr));
	memcpy(o->raddr, sa->raddr, sizeof(o->raddr));
	o->iport = sa->iport;
	o->rport = sa->rport;
	o->mode = sa->mode;
	o->prf = prf;
}

static void
cc_note(struct cc_set *s, const struct trk_ike_sa *sa, uint16_t prf,
    const char *fmt, ...)
{
	struct cc_note *n;
	va_list ap;

	if (s->nnotes == CC_MAX_NOTES) {
		s->dropped++;
		return;
	}
	if (s->notes == NULL &&
	    (s->notes = calloc(CC_MAX_NOTES, sizeof(*s->notes))) == NULL) {
		s->dropped++;
		return;
	}
	n = &s->notes[s->nnotes++];
	cc_sa_fill(&n->sa, sa, prf);
	va_start(ap, fmt);
	vsnprintf(n->why, sizeof(n->why), fmt, ap);
	va_end(ap);
}

/* Bytes of the blobs, one after the other, malloc'd; NULL: no memory. */
static uint8_t *
cc_cat(const struct p1rec_blob *const *b, size_t nb, size_t *len)
{
	uint8_t *p, *o;
	size_t i, n = 0;

	for (i = 0; i < nb; i++)
		n += b[i]->n;
	if ((p = malloc(n > 0 ? n : 1)) == NULL)
		return NULL;
	for (o = p, i = 0; i < nb; i++) {
		memcpy(o, b[i]->p, b[i]->n);
		o += b[i]->n;
	}
	*len = n;
	return p;
}

/* Room for one more target (lines and t grow together); -1: none. */
static int
cc_grow(struct cc_set *s)
{
	size_t n = cc_ntargets(s), nc;
	struct cl_line *nl;
	struct cc_target *nt;

	if (n == CC_MAX_TARGETS)
		return -1;
	if (n < s->cap)
		return 0;
	nc = s->cap ? 2 * s->cap : 16;
	if ((nl = realloc(s->lines.v, nc * sizeof(*nl))) == NULL)
		return -1;
	s->lines.v = nl;
	if ((nt = realloc(s->t, nc * sizeof(*nt))) == NULL)
		return -1;
	s->t = nt;
	s->cap = nc;
	return 0;
}

size_t
cc_ntargets(const struct cc_set *s)
{
	return s->lines.n + s->ngxy;
}

int
cc_add_gxy(struct cc_set *s, const struct cc_sa *sa, bool responder,
    uint32_t frame, const char *what)
{
	struct cc_target *t;

	if (cc_grow(s) == -1) {
		s->dropped++;
		return -1;
	}
	t = &s->t[cc_ntargets(s)];
	memset(t, 0, sizeof(*t));
	t->kind = responder ? CC_GXY_R : CC_GXY_I;
	t->sa = *sa;
	t->frame = frame;
	t->what = what;
	s->ngxy++;
	return 0;
}

/*
 * One target: hash over the payload bodies m (the cookies given as the
 * blobs of the SA's record order), its key's message Ni_b | Nr_b.
 */
static void
cc_add(struct cc_set *s, enum cc_kind kind, const struct trk_ike_sa *sa,
    uint16_t prf, const struct p1rec_blob *const *m, size_t nm,
    const struct p1rec_blob *hash, uint32_t frame)
{
	const struct p1rec_blob *ninr[2] = { &sa->p1.ni, &sa->p1.nr };
	struct cl_line *l;
	struct cc_target *t;
	size_t i, len, n = s->lines.n;

	for (i = 0, len = sa->p1.ni.n + sa->p1.nr.n; i < nm; i++)
		len += m[i]->n;
	if (s->bytes + len > CC_MAX_BYTES || cc_grow(s) == -1) {
		s->dropped++;
		return;
	}
	l = &s->lines.v[n];
	t = &s->t[n];
	memset(l, 0, sizeof(*l));
	memset(t, 0, sizeof(*t));
	l->hash = (enum ck_hash)cc_hash(prf);
	l->lineno = (unsigned)n + 1;
	memcpy(l->icookie, sa->icookie, 8);
	memcpy(l->rcookie, sa->rcookie, 8);
	l->ninr = cc_cat(ninr, 2, &l->ninr_len);
	l->m2 = cc_cat(m, nm, &l->m2_len);
	if (l->ninr == NULL || l->m2 == NULL) {
		cl_line_free(l);
		s->dropped++;
		return;
	}
	memcpy(l->hash_r, hash->p, hash->n);
	l->hash_len = hash->n;
	for (i = 0; i < nm && i < 6; i++)
		l->flen[i] = m[i]->n;
	l->flen[6] = sa->p1.ni.n;
	l->flen[7] = sa->p1.nr.n;
	l->flen[8] = hash->n;
	t->kind = kind;
	cc_sa_fill(&t->sa, sa, prf);
	t->frame = frame;
	s->lines.n++;
	s->bytes += len;
}

static uint32_t
cc_frame(const struct trk_ike_sa *sa, uint8_t label)
{
	uint32_t i;

	for (i = 0; i < sa->nmsgs; i++)
		if (sa->msgs[i].label == label && !sa->msgs[i].retransmit)
			return sa->msgs[i].frame;
	return 0;
}

/*
 * One hash of an Aggressive Mode exchange as a target, when the bodies
 * need[0..7) (the hash last) were captured whole; else a note saying what
 * is missing.  m: the hash's message, 6 bodies.
 */
static void
cc_hash_target(struct cc_set *s, const struct trk_ike_sa *sa, uint16_t prf,
    enum cc_kind kind, const struct p1rec_blob *const *need,
    const char *const *name, const struct p1rec_blob *const *m,
    uint8_t label)
{
	const char *hn = kind == CC_AM_HASH_R ? "HASH_R" : "HASH_I";
	size_t dl = ck_digest_len((enum ck_hash)cc_hash(prf)), i, k = 0;
	char miss[160];

	miss[0] = '\0';
	for (i = 0; i < 7; i++)
		if (need[i]->n == 0)
			k += (size_t)snprintf(miss + k, k < sizeof(miss) ?
			    sizeof(miss) - k : 0, "%s%s", k ? ", " : "",
			    name[i]);
	if (k > 0)
		cc_note(s, sa, prf, "%s: not captured whole: %s missing%s",
		    hn, miss, sa->p1.oversized > 0 ? " (a payload over its "
		    "cap was not kept)" : "");
	else if (need[6]->n != dl)
		cc_note(s, sa, prf, "%s: %zu bytes, the PRF gives %zu", hn,
		    need[6]->n, dl);
	else
		cc_add(s, kind, sa, prf, m, 6, need[6], cc_frame(sa, label));
}

/*
 * Aggressive Mode with a pre-shared key: HASH_R, and HASH_I when AM3 was
 * read (in clear, or decrypted with keys given).
 */
static void
cc_aggressive(struct cc_set *s, const struct trk_ike_sa *sa, uint16_t prf)
{
	static const char *const rname[7] = { "g^xr", "g^xi", "SAi",
	    "IDir", "Ni", "Nr", "HASH_R" };
	static const char *const iname[7] = { "g^xi", "g^xr", "SAi",
	    "IDii", "Ni", "Nr", "HASH_I" };
	const struct p1rec *r = &sa->p1;
	struct p1rec_blob ck_i = { (uint8_t *)sa->icookie, 8, true };
	struct p1rec_blob ck_r = { (uint8_t *)sa->rcookie, 8, true };
	const struct p1rec_blob *mr[6] = { &r->gxr, &r->gxi, &ck_r, &ck_i,
	    &r->sai, &r->idr };
	const struct p1rec_blob *mi[6] = { &r->gxi, &r->gxr, &ck_i, &ck_r,
	    &r->sai, &r->idi };
	const struct p1rec_blob *need_r[7] = { &r->gxr, &r->gxi, &r->sai,
	    &r->idr, &r->ni, &r->nr, &r->hash_r };
	const struct p1rec_blob *need_i[7] = { &r->gxi, &r->gxr, &r->sai,
	    &r->idi, &r->ni, &r->nr, &r->hash_i };

	cc_hash_target(s, sa, prf, CC_AM_HASH_R, need_r, rname, mr,
	    TRK_L_AM2);
	if (r->hash_i.n > 0)
		cc_hash_target(s, sa, prf, CC_AM_HASH_I, need_i, iname, mi,
		    TRK_L_AM3);
	else if (cc_frame(sa, TRK_L_AM3) != 0)
		cc_note(s, sa, prf, "HASH_I: AM3 travels encrypted (it "
		    "takes the phase-1 keys to read)");
}

void
cc_collect(struct cc_set *s, const struct trk_ike_sa *sa)
{
	struct p1rec_alg alg;
	const struct p1rec_xform *x;
	bool chosen;
	char b[64];

	if (s->keep != NULL && !s->keep(sa, s->keep_arg))
		return;
	s->sas++;
	if (sa->mode == ISAKMP_EXCH_MAIN)
		s->main_mode++;
	if (sa->mode != ISAKMP_EXCH_AGGRESSIVE)
		return;
	if (!audit_p1_alg(sa, &alg, &chosen)) {
		cc_note(s, sa, 0, "no SA payload seen: the method and PRF "
		    "are unknown");
		return;
	}
	if (!audit_psk_auth(alg.auth)) {
		cc_note(s, sa, alg.hash, "not a pre-shared key (%s): nothing "
		    "to crack", isakmp_name_fmt(REG_OAKLEY_AUTH, alg.auth, b,
		    sizeof(b)));
		return;
	}
	x = chosen ? &sa->p1.chosen : sa->p1.nkept > 0 ? &sa->p1.offered[0] :
	    NULL;
	if (x != NULL && p1rec_attr_find(x, 13) != NULL) {
		cc_note(s, sa, alg.hash, "a PRF attribute (class 13) is "
		    "negotiated: only the HMAC of the hash is attacked");
		return;
	}
	if (cc_hash(alg.hash) < 0) {
		cc_note(s, sa, alg.hash, "PRF HMAC-%s is not one the cracker "
		    "has (MD5, SHA-1, SHA2-256/384/512)",
		    isakmp_name_fmt(REG_OAKLEY_HASH, alg.hash, b, sizeof(b)));
		return;
	}
	cc_aggressive(s, sa, alg.hash);
}

static void
cc_one(const struct trk_ike_sa *sa, void *arg)
{
	cc_collect(arg, sa);
}

static void
cc_ev(void *arg, const struct eng_event *e)
{
	switch (e->type) {
	case ENG_EV_SA_STATE:
		if (e->to == TRK_P_EVICTED)
			cc_collect(arg, e->sa);
		break;
	case ENG_EV_END:
		trk_foreach_ike(e->trk, cc_one, arg);
		break;
	default:
		break;
	}
}

int
cc_sink_add(struct ctx *c, struct cc_set *s, char *err, size_t errlen)
{
	struct eng_sink k;

	memset(&k, 0, sizeof(k));
	k.ev = cc_ev;
	k.arg = s;
	k.mask = ENG_EV_BIT(ENG_EV_SA_STATE) | ENG_EV_BIT(ENG_EV_END);
	return eng_sink_add(c, &k, err, errlen);
}

void
cc_set_free(struct cc_set *s)
{
	if (s->t != NULL)
		OPENSSL_cleanse(s->t, s->cap * sizeof(*s->t));
	cl_set_free(&s->lines);
	free(s->t);
	free(s->notes);
	free(s->rep);
	s->t = NULL;
	s->notes = NULL;
	s->rep = NULL;
	s->cap = s->nnotes = s->nrep = s->ngxy = 0;
}

/* ---- output */

/* "icookie rcookie iaddr <-> raddr mode" */
static void
cc_sa_text(const struct cc_sa *sa, char *o, size_t n)
{
	char ic[17], rc[17], ia[PKT_ADDR_STRLEN], ra[PKT_ADDR_STRLEN], m[48];

	ic[fmt_hex(ic, sa->icookie, 8)] = '\0';
	rc[fmt_hex(rc, sa->rcookie, 8)] = '\0';
	snprintf(o, n, "%s %s %s <-> %s %s", ic, rc,
	    pkt_addr_str(sa->af, sa->iaddr, ia, sizeof(ia)),
	    pkt_addr_str(sa->af, sa->raddr, ra, sizeof(ra)),
	    cc_mode_name(sa->mode, m, sizeof(m)));
}

/* The cookies and peers of an IKE SA as JSON keys. */
static void
cc_sa_json(struct json *j, const struct cc_sa *sa)
{
	char a[PKT_ADDR_STRLEN], m[48];

	json_khex(j, "icookie", sa->icookie, 8);
	json_khex(j, "rcookie", sa->rcookie, 8);
	json_kstr(j, "initiator", pkt_addr_str(sa->af, sa->iaddr, a,
	    sizeof(a)));
	json_ku64(j, "iport", sa->iport);
	json_kstr(j, "responder", pkt_addr_str(sa->af, sa->raddr, a,
	    sizeof(a)));
	json_ku64(j, "rport", sa->rport);
	json_kstr(j, "mode", cc_mode_name(sa->mode, m, sizeof(m)));
}

void
cc_write_notes(const struct cc_set *s, FILE *fp)
{
	char b[160];
	size_t i;

	for (i = 0; i < s->nnotes; i++) {
		cc_sa_text(&s->notes[i].sa, b, sizeof(b));
		fprintf(fp, "ikescope: crack: %s: %s\n", b,
		    s->notes[i].why);
	}
	if (s->dropped > 0)
		fprintf(fp, "ikescope: crack: %llu targets or notes not kept "
		    "(caps: %d targets of %u MiB in all, %d notes)\n",
		    (unsigned long long)s->dropped, CC_MAX_TARGETS,
		    CC_MAX_BYTES >> 20, CC_MAX_NOTES);
}

static bool
cc_is_r(enum cc_kind k)
{
	return k == CC_AM_HASH_R || k == CC_GXY_R;
}

static bool
cc_is_gxy(enum cc_kind k)
{
	return k == CC_GXY_R || k == CC_GXY_I;
}

static const char *
cc_side(enum cc_kind k)
{
	return cc_is_r(k) ? "responder" : "initiator";
}

/* JSON: what proves the PSK */
static const char *
cc_hash_token(enum cc_kind k)
{
	return cc_is_gxy(k) ? "sealed" : k == CC_AM_HASH_R ? "hash_r" :
	    "hash_i";
}

static const char *
cc_hash_label(enum cc_kind k)
{
	return cc_is_gxy(k) ? "a sealed message" : k == CC_AM_HASH_R ?
	    "HASH_R" : "HASH_I";
}

/*
 * The other target of the same IKE SA and kind (adjacent: R then I), or
 * CC_NONE.
 */
static size_t
cc_partner(const struct cc_set *s, size_t i)
{
	if (i > 0 && s->t[i - 1].sa.id == s->t[i].sa.id &&
	    cc_is_gxy(s->t[i - 1].kind) == cc_is_gxy(s->t[i].kind))
		return i - 1;
	if (i + 1 < cc_ntargets(s) && s->t[i + 1].sa.id == s->t[i].sa.id &&
	    cc_is_gxy(s->t[i + 1].kind) == cc_is_gxy(s->t[i].kind))
		return i + 1;
	return CC_NONE;
}

/* How a target's find is said: "HASH_R verifies", "its MM5 (frame 7)
 * decrypts with g^xy and its HASH verifies" */
static void
cc_proof(const struct cc_target *t, char *b, size_t n)
{
	if (cc_is_gxy(t->kind))
		snprintf(b, n, "its %s (frame %u) decrypts with g^xy and its "
		    "HASH verifies", t->what, (unsigned)t->frame);
	else
		snprintf(b, n, "%s verifies", cc_hash_label(t->kind));
}

/* One PSK of one IKE SA: targets t (one or both of its hashes). */
static void
cc_print(struct cc_set *s, const size_t *t, size_t nt, const uint8_t *psk,
    size_t len, uint64_t pos, double secs)
{
	const struct cc_target *a = &s->t[t[0]];
	size_t p = nt == 1 ? cc_partner(s, t[0]) : CC_NONE;
	bool differ = p != CC_NONE && s->t[p].found;
	char ps[2 * CG_MAXLEN + 8], other[2 * CG_MAXLEN + 8], sb[160], pb[48];
	char proof[128];
	const char *side = cc_side(a->kind);
	size_t i;

	for (i = 1; i < nt; i++)
		if (cc_is_r(s->t[t[i]].kind) != cc_is_r(a->kind))
			side = "both";

	crack_psk_text(psk, len, ps);
	if (differ)
		crack_psk_text(s->t[p].psk, s->t[p].psk_len, other);
	snprintf(pb, sizeof(pb), "%s", ck_hash_name((enum ck_hash)
	    cc_hash(a->sa.prf)));
	if (s->json) {
		struct json j;

		json_init(&j, s->out);
		json_obj_begin(&j);
		json_kstr(&j, "kind", "psk");
		cc_sa_json(&j, &a->sa);
		json_kstr(&j, "psk", ps);
		json_khex(&j, "psk_hex", psk, len);
		json_kstr(&j, "prf", pb);
		json_kstr(&j, "side", side);
		json_key(&j, "hash");
		json_arr_begin(&j);
		for (i = 0; i < nt; i++)
			json_str(&j, cc_hash_token(s->t[t[i]].kind));
		json_arr_end(&j);
		json_ku64(&j, "frame", a->frame);
		if (cc_is_gxy(s->t[t[nt - 1]].kind)) {
			json_kstr(&j, "method", "gxy");
			json_key(&j, "message");
			json_arr_begin(&j);
			for (i = 0; i < nt; i++)
				if (cc_is_gxy(s->t[t[i]].kind))
					json_str(&j, s->t[t[i]].what);
			json_arr_end(&j);
		}
		if (p != CC_NONE)
			json_kbool(&j, "keys_differ", differ);
		json_ku64(&j, "candidates", pos);
		json_key(&j, "seconds");
		json_double(&j, secs, 3);
		json_obj_end(&j);
		json_end_line(&j);
		return;
	}
	cc_sa_text(&a->sa, sb, sizeof(sb));
	if (nt == 2 && cc_is_gxy(a->kind) && cc_is_gxy(s->t[t[1]].kind))
		fprintf(s->out, "%s %s: \"%s\" is both peers' PSK (their %s "
		    "and %s decrypt with g^xy and their HASHes verify", sb, pb,
		    ps, a->what, s->t[t[1]].what);
	else if (nt == 2 && !cc_is_gxy(a->kind) &&
	    !cc_is_gxy(s->t[t[1]].kind))
		fprintf(s->out, "%s %s: \"%s\" is both peers' PSK (HASH_R and "
		    "HASH_I verify", sb, pb, ps);
	else {
		fprintf(s->out, "%s %s: \"%s\" is %s%s%s PSK (", sb, pb, ps,
		    strcmp(side, "both") == 0 ? "" : "the ", side,
		    strcmp(side, "both") == 0 ? " peers'" : "'s");
		for (i = 0; i < nt; i++) {
			cc_proof(&s->t[t[i]], proof, sizeof(proof));
			fprintf(s->out, "%s%s", i ? "; " : "", proof);
		}
	}
	fprintf(s->out, "; candidate %llu, %.3f s)\n", (unsigned long long)pos,
	    secs);
	if (differ)
		fprintf(s->out, "%s: the pre-shared keys differ: the %s's is "
		    "\"%s\", the %s's \"%s\"\n", sb, cc_side(a->kind), ps,
		    cc_side(s->t[p].kind), other);
}

void
cc_found(void *arg, const size_t *idx, size_t n, const uint8_t *psk,
    size_t len, uint64_t pos, double secs)
{
	struct cc_set *s = arg;
	size_t i, k, m, x, grp[4];

	for (i = 0; i < n; i++) {
		struct cc_target *t = &s->t[idx[i]];

		t->found = true;
		memcpy(t->psk, psk, len);
		t->psk_len = len;
		t->pos = pos;
		t->secs = secs;
	}
	/*
	 * One report per IKE SA: the targets of it this PSK opened together
	 * (its hashes, its sealed messages), the responder's first, the
	 * lines before the sealed messages.
	 */
	for (i = 0; i < n; i++) {
		bool seen = false;

		for (k = 0; k < i && !seen; k++)
			seen = s->t[idx[k]].sa.id == s->t[idx[i]].sa.id;
		if (seen)
			continue;
		for (k = 0, m = i; m < n && k < 4; m++) {
			if (s->t[idx[m]].sa.id != s->t[idx[i]].sa.id)
				continue;
			/* insertion: responder's kinds, then by index */
			for (x = k++; x > 0 && (cc_is_r(s->t[idx[m]].kind) >
			    cc_is_r(s->t[grp[x - 1]].kind) ||
			    (cc_is_r(s->t[idx[m]].kind) ==
			    cc_is_r(s->t[grp[x - 1]].kind) &&
			    idx[m] < grp[x - 1])); x--)
				grp[x] = grp[x - 1];
			grp[x] = idx[m];
		}
		cc_print(s, grp, k, psk, len, pos, secs);
	}
}

size_t
cc_cracked(const struct cc_set *s)
{
	size_t i, n = 0;

	for (i = 0; i < cc_ntargets(s); i++)
		n += s->t[i].found;
	return n;
}

/* Whether target j, found, of i's IKE SA, gives its keys before i. */
static bool
cc_better(const struct cc_set *s, size_t j, size_t i)
{
	bool rj, ri;

	if (j == i || j == CC_NONE || !s->t[j].found ||
	    s->t[j].sa.id != s->t[i].sa.id)
		return false;
	rj = cc_is_r(s->t[j].kind);
	ri = cc_is_r(s->t[i].kind);
	return rj != ri ? rj : j < i;
}

/*
 * The target whose PSK an IKE SA's keys get: the responder's (HASH_R, or
 * a message it sealed), else the initiator's; the first of equals.  A
 * line's rival is its partner or a sealed-message target; those are
 * compared with every target.
 */
static bool
cc_key_target(const struct cc_set *s, size_t i)
{
	size_t j, from = cc_is_gxy(s->t[i].kind) ? 0 : s->lines.n;

	if (!s->t[i].found || cc_better(s, cc_partner(s, i), i))
		return false;
	for (j = from; j < cc_ntargets(s); j++)
		if (cc_better(s, j, i))
			return false;
	return true;
}

int
cc_add_keys(const struct cc_set *s, struct ks *ks, char *err, size_t errlen)
{
	struct ks_ike k;
	size_t i;
	int rc = 0;

	for (i = 0; i < cc_ntargets(s) && rc == 0; i++) {
		const struct cc_target *t = &s->t[i];
		char ic[17];

		if (!cc_key_target(s, i))
			continue;
		memset(&k, 0, sizeof(k));
		memcpy(k.icookie, t->sa.icookie, 8);
		memcpy(k.rcookie, t->sa.rcookie, 8);
		k.has_rcookie = true;
		memcpy(k.psk.v, t->psk, t->psk_len);
		k.psk.len = t->psk_len;
		ic[fmt_hex(ic, t->sa.icookie, 8)] = '\0';
		snprintf(k.origin, sizeof(k.origin), "crack (%s of %s)",
		    cc_hash_label(t->kind), ic);
		rc = ks_add_ike(ks, &k, err, errlen);
		OPENSSL_cleanse(&k, sizeof(k));
	}
	return rc;
}

/* ---- the second pass */

static int
cc_rep_cmp(const void *a, const void *b)
{
	return memcmp(((const struct cc_rep *)a)->icookie,
	    ((const struct cc_rep *)b)->icookie, 8);
}

static struct cc_rep *
cc_rep_find(const struct cc_set *s, const uint8_t icookie[8])
{
	struct cc_rep k;

	if (s->nrep == 0)
		return NULL;
	memcpy(k.icookie, icookie, 8);
	return bsearch(&k, s->rep, s->nrep, sizeof(k), cc_rep_cmp);
}

struct cc_esp {
	uint64_t	 flows, dec_flows, packets;
};

static void
cc_esp_one(const struct trk_esp *f, void *arg)
{
	struct cc_esp *e = arg;

	e->flows++;
	if (f->decrypted > 0) {
		e->dec_flows++;
		e->packets += f->decrypted;
	}
}

/* What an IKE SA's keys are besides the PSK, for the report. */
static bool
cc_rep_keyed(const struct ks *ks, const uint8_t icookie[8])
{
	const struct ks_ike *k = ks != NULL ? ks_find_ike(ks, icookie) : NULL;

	return k != NULL && (k->gxy.len > 0 || k->skeyid_e.len > 0 ||
	    k->enc_key.len > 0 || k->skeyid.len > 0);
}

static void
cc_rep_sa(struct cc_set *s, const struct trk_ike_sa *sa)
{
	struct cc_rep *r = cc_rep_find(s, sa->icookie);
	const struct cc_target *t;
	struct cc_esp esp = { 0, 0, 0 };
	char sb[160], lab[256];
	uint32_t i, enc = 0, dec = 0;
	size_t k = 0;

	if (r == NULL || r->done)
		return;
	r->done = true;
	t = &s->t[r->target];
	lab[0] = '\0';
	for (i = 0; i < sa->nmsgs; i++) {
		const struct trk_msg *m = &sa->msgs[i];

		if (!m->encrypted || m->retransmit)
			continue;
		enc++;
		if (!m->decrypted)
			continue;
		dec++;
		if (k + 8 < sizeof(lab))
			k += (size_t)snprintf(lab + k, sizeof(lab) - k, "%s%s",
			    k ? " " : "", trk_label_name(m->label));
	}
	trk_foreach_sa_esp(sa, cc_esp_one, &esp);
	if (s->json) {
		struct json j;

		json_init(&j, s->out);
		json_obj_begin(&j);
		json_kstr(&j, "kind", "decrypt");
		cc_sa_json(&j, &t->sa);
		json_kstr(&j, "psk_of", cc_side(t->kind));
		json_kbool(&j, "dh_secret_known", cc_rep_keyed(s->ks,
		    sa->icookie));
		json_ku64(&j, "encrypted", enc);
		json_ku64(&j, "decrypted", dec);
		json_kstr(&j, "labels", lab);
		json_ku64(&j, "hash_ok", r->hash_ok);
		json_ku64(&j, "hash_bad", r->hash_bad);
		json_ku64(&j, "quick_modes", r->qm);
		json_ku64(&j, "quick_modes_pfs_unkeyed", r->qm_pfs_unkeyed);
		json_ku64(&j, "esp_flows", esp.flows);
		json_ku64(&j, "esp_flows_decrypted", esp.dec_flows);
		json_ku64(&j, "esp_packets_decrypted", esp.packets);
		json_obj_end(&j);
		json_end_line(&j);
		return;
	}
	cc_sa_text(&t->sa, sb, sizeof(sb));
	fprintf(s->out, "%s: with the %s's PSK and the keys given: ", sb,
	    cc_side(t->kind));
	if (enc == 0)
		fprintf(s->out, "no encrypted message captured");
	else
		fprintf(s->out, "decrypts %u of %u encrypted messages%s%s%s, "
		    "HASH verified in %u", dec, enc, dec ? " (" : "", lab,
		    dec ? ")" : "", r->hash_ok);
	if (r->hash_bad > 0)
		fprintf(s->out, " (%u did not verify)", r->hash_bad);
	fprintf(s->out, ", %u Quick Mode%s established, ESP: %llu of %llu "
	    "flows decrypted (%llu packets)", r->qm, r->qm == 1 ? "" : "s",
	    (unsigned long long)esp.dec_flows, (unsigned long long)esp.flows,
	    (unsigned long long)esp.packets);
	if (r->qm_pfs_unkeyed > 0)
		fprintf(s->out, "; %u Quick Mode%s with PFS whose g^xy "
		    "(qm_gxy) is not among the keys: no ESP keys from %s",
		    r->qm_pfs_unkeyed, r->qm_pfs_unkeyed == 1 ? "" : "s",
		    r->qm_pfs_unkeyed == 1 ? "it" : "them");
	if (enc > 0 && dec == 0 && !cc_rep_keyed(s->ks, sa->icookie))
		fprintf(s->out, "; no g^xy (or SKEYID_e, Ka) for it among the "
		    "-k keys: the PSK alone gives SKEYID only");
	fprintf(s->out, "\n");
}

static void
cc_rep_one(const struct trk_ike_sa *sa, void *arg)
{
	cc_rep_sa(arg, sa);
}

static void
cc_rep_ev(void *arg, const struct eng_event *e)
{
	struct cc_set *s = arg;
	const struct frame_rec *fr = e->fr;
	const struct ks_ike *ik;
	struct cc_rep *r;

	switch (e->type) {
	case ENG_EV_IKE_MSG:
		if (!fr->tracked || fr->trk.sa == NULL || !fr->ike_tried ||
		    (fr->trk.msg != NULL && fr->trk.msg->retransmit) ||
		    (r = cc_rep_find(s, fr->trk.sa->icookie)) == NULL)
			break;
		if (fr->ike.st == IKE_DEC_OK && fr->ike.hash == IKE_HASH_OK)
			r->hash_ok++;
		else if (fr->ike.st == IKE_DEC_OK &&
		    fr->ike.hash == IKE_HASH_BAD)
			r->hash_bad++;
		break;
	case ENG_EV_QM:
		if ((r = cc_rep_find(s, e->sa->icookie)) == NULL)
			break;
		r->qm++;
		ik = s->ks != NULL ? ks_find_ike(s->ks, e->sa->icookie) : NULL;
		if (e->ex->chosen.group != 0 && (ik == NULL ||
		    ks_find_qm_gxy(ik, e->ex->msgid) == NULL))
			r->qm_pfs_unkeyed++;
		break;
	case ENG_EV_SA_STATE:
		if (e->to == TRK_P_EVICTED)
			cc_rep_sa(s, e->sa);
		break;
	case ENG_EV_END:
		trk_foreach_ike(e->trk, cc_rep_one, s);
		break;
	default:
		break;
	}
}

int
cc_report_sink_add(struct ctx *c, struct cc_set *s, char *err,
    size_t errlen)
{
	struct eng_sink k;
	size_t i, n = 0;

	free(s->rep);
	s->nrep = 0;
	if ((s->rep = calloc(cc_ntargets(s) + 1, sizeof(*s->rep))) == NULL) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	for (i = 0; i < cc_ntargets(s); i++) {
		if (!cc_key_target(s, i))
			continue;
		memcpy(s->rep[n].icookie, s->t[i].sa.icookie, 8);
		s->rep[n++].target = i;
	}
	qsort(s->rep, n, sizeof(*s->rep), cc_rep_cmp);
	s->nrep = n;
	s->ks = c->ks;
	memset(&k, 0, sizeof(k));
	k.ev = cc_rep_ev;
	k.arg = s;
	k.mask = ENG_EV_BIT(ENG_EV_IKE_MSG) | ENG_EV_BIT(ENG_EV_QM) |
	    ENG_EV_BIT(ENG_EV_SA_STATE) | ENG_EV_BIT(ENG_EV_END);
	return eng_sink_add(c, &k, err, errlen);
}
