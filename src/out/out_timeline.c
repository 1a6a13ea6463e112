/*
 * out_timeline.c - the per-IKE-SA views: `timeline` (a header and a
 * ladder of messages per IKE SA, then its exchanges and ESP flows) and
 * `sas` (a table of IKE SAs and a table of ESP SAs), as text and as JSON.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core/fmt.h"
#include "engine/engine.h"
#include "out/out_timeline.h"
#include "dissectors/isakmp_names.h"
#include "out/out_isakmp.h"

/*
 * The text timeline builds its lines in a buffer and writes it with one
 * fwrite when it fills and at the end of an SA: printf's parsing of the
 * formats was most of the cost of a timeline (bench/RESULTS.md).
 */
#define TL_BUF	4096

struct tl_out {
	FILE	*fp;
	size_t	 n;
	char	 b[TL_BUF];
};

static void
tl_flush(struct tl_out *o)
{
	if (o->n > 0)
		fwrite(o->b, 1, o->n, o->fp);
	o->n = 0;
}

/* Room for k <= TL_BUF more bytes at o->b + o->n. */
static char *
tl_room(struct tl_out *o, size_t k)
{
	if (TL_BUF - o->n < k)
		tl_flush(o);
	return o->b + o->n;
}

static void
tl_mem(struct tl_out *o, const char *s, size_t k)
{
	if (k > TL_BUF) {
		tl_flush(o);
		fwrite(s, 1, k, o->fp);
		return;
	}
	memcpy(tl_room(o, k), s, k);
	o->n += k;
}

static void
tl_s(struct tl_out *o, const char *s)
{
	tl_mem(o, s, strlen(s));
}

static void
tl_c(struct tl_out *o, char c)
{
	*tl_room(o, 1) = c;
	o->n++;
}

/* "%llu" */
static void
tl_u(struct tl_out *o, uint64_t v)
{
	o->n += fmt_u64(tl_room(o, FMT_U64_MAX), v);
}

/* "%08x" */
static void
tl_x32(struct tl_out *o, uint32_t v)
{
	o->n += fmt_hex32(tl_room(o, 8), v);
}

/* each byte "%02x", n <= TL_BUF / 2 */
static void
tl_hex(struct tl_out *o, const uint8_t *d, size_t n)
{
	o->n += fmt_hex(tl_room(o, 2 * n), d, n);
}

/* "%-*s" */
static void
tl_left(struct tl_out *o, const char *s, size_t w)
{
	size_t k = strlen(s);

	tl_mem(o, s, k);
	for (; k < w; k++)
		tl_c(o, ' ');
}

/* "%*s" */
static void
tl_right(struct tl_out *o, const char *s, size_t w)
{
	size_t k;

	for (k = strlen(s); k < w; k++)
		tl_c(o, ' ');
	tl_s(o, s);
}

/* "%*llu" (w > 0) or "%-*llu" (w < 0) */
static void
tl_uw(struct tl_out *o, uint64_t v, int w)
{
	char t[FMT_U64_MAX + 1];

	t[fmt_u64(t, v)] = '\0';
	if (w < 0)
		tl_left(o, t, (size_t)-w);
	else
		tl_right(o, t, (size_t)w);
}

/* "%*.*f" with 1 <= prec <= 3, width <= 32 (core/fmt's fmt_fix) */
static void
tl_fix(struct tl_out *o, double v, int prec, int width)
{
	char t[FMT_FIX_LEN + 1], *e;
	size_t k = fmt_fix(t, v, prec), i;

	e = tl_room(o, (size_t)width + k);
	for (i = k; i < (size_t)width; i++)
		*e++ = ' ', o->n++;
	memcpy(e, t, k);
	o->n += k;
}

struct out_esp_ctx {
	FILE		*fp;
	struct tl_out	*o;		/* text */
	struct json	*j;
	const struct trk_ike_sa *sa;	/* the IKE SA being printed */
	uint64_t	 ike_id;	/* 0: all */
	unsigned	 n;
};

static const char *
out_addr(int af, const uint8_t *a, char *buf, size_t len)
{
	return pkt_addr_str(af, a, buf, len);
}

static const char *
out_mode_token(uint8_t mode)
{
	switch (mode) {
	case ISAKMP_EXCH_MAIN:
		return "main";
	case ISAKMP_EXCH_AGGRESSIVE:
		return "aggressive";
	case ISAKMP_EXCH_BASE:
		return "base";
	case ISAKMP_EXCH_AUTH_ONLY:
		return "auth_only";
	default:
		return NULL;
	}
}

/* "SA VID*3": payload types, consecutive repeats folded. */
static void
out_pl_list(struct tl_out *o, const uint8_t *pl, uint8_t n)
{
	uint8_t i = 0;

	while (i < n) {
		uint8_t k = 1;
		const char *s = isakmp_short(REG_PAYLOAD, pl[i]);

		while (i + k < n && pl[i + k] == pl[i])
			k++;
		if (s != NULL) {
			tl_c(o, ' ');
			tl_s(o, s);
		} else {
			tl_s(o, " PL");
			tl_u(o, pl[i]);
		}
		if (k > 1) {
			tl_c(o, '*');
			tl_u(o, k);
		}
		i = (uint8_t)(i + k);
	}
}

/* " " and the registry's name of v */
static void
tl_name(struct tl_out *o, const char *pre, enum isakmp_reg reg, unsigned v)
{
	char b[64];

	tl_s(o, pre);
	tl_s(o, isakmp_name_fmt(reg, v, b, sizeof(b)));
}

/* "-keylen" when there is one */
static void
tl_keylen(struct tl_out *o, unsigned key_len)
{
	if (key_len) {
		tl_c(o, '-');
		tl_u(o, key_len);
	}
}

static void
out_proposal_text(struct tl_out *o, const struct trk_proposal *p)
{
	tl_name(o, "", REG_OAKLEY_ENC, p->enc);
	tl_keylen(o, p->key_len);
	tl_name(o, " ", REG_OAKLEY_HASH, p->hash);
	tl_name(o, " ", REG_OAKLEY_GROUP, p->group);
	tl_name(o, " ", REG_OAKLEY_AUTH, p->auth);
	if (p->life_secs) {
		tl_s(o, " lifetime ");
		tl_u(o, p->life_secs);
		tl_c(o, 's');
	}
	if (p->life_kb) {
		tl_s(o, " lifetime ");
		tl_u(o, p->life_kb);
		tl_s(o, "KB");
	}
}

/* "ESP", "AH", "ISAKMP", or the registry's name / number. */
static const char *
out_proto(uint8_t proto, char *buf, size_t len)
{
	const char *s = isakmp_short(REG_PROTO, proto);

	return s != NULL ? s : isakmp_name_fmt(REG_PROTO, proto, buf, len);
}

/* Quick Mode choice: "ESP AES-CBC-128 HMAC-SHA PFS group 14 tunnel". */
static void
out_qm_proposal_text(struct tl_out *o, const struct trk_proposal *p)
{
	char b[64];

	tl_s(o, out_proto(p->proto, b, sizeof(b)));
	tl_name(o, " ", p->proto == 2 ? REG_XFORM_AH : REG_XFORM_ESP, p->enc);
	tl_keylen(o, p->key_len);
	if (p->hash)
		tl_name(o, " ", REG_IPSEC_AUTH, p->hash);
	if (p->group)
		tl_name(o, " PFS ", REG_OAKLEY_GROUP, p->group);
	else
		tl_s(o, " no PFS");
	if (p->encap)
		tl_name(o, " ", REG_IPSEC_ENCAP, p->encap);
	if (p->esn)
		tl_s(o, " ESN");
	if (p->life_secs) {
		tl_s(o, " lifetime ");
		tl_u(o, p->life_secs);
		tl_c(o, 's');
	}
}

static const char *
out_ex_name(uint8_t type, char *buf, size_t len)
{
	const char *s = isakmp_name(REG_EXCHANGE, type);

	if (s != NULL)
		return s;
	snprintf(buf, len, "exchange %u", type);
	return buf;
}

/* " name value" when value is not 0 */
static void
tl_count(struct tl_out *o, const char *name, uint64_t v)
{
	if (v == 0)
		return;
	tl_s(o, name);
	tl_u(o, v);
}

static void
out_esp_row_text(const struct trk_esp *f, void *arg)
{
	struct out_esp_ctx *oc = arg;
	struct tl_out *o = oc->o;
	char a[64];

	if (oc->n++ == 0 && oc->ike_id != 0)
		tl_s(o, "  ESP flows:\n");
	tl_s(o, oc->ike_id != 0 ? "    " : "  ");
	tl_x32(o, f->spi);
	tl_s(o, "  ");
	tl_s(o, out_addr(f->af, f->src, a, sizeof(a)));
	tl_s(o, " -> ");
	tl_s(o, out_addr(f->af, f->dst, a, sizeof(a)));
	tl_s(o, "  ");
	tl_u(o, f->packets);
	tl_s(o, " pkts ");
	tl_u(o, f->bytes);
	tl_s(o, " bytes  seq ");
	tl_u(o, f->seq_first);
	tl_s(o, "..");
	tl_u(o, f->seq_max);
	tl_count(o, " gaps ", f->gaps);
	tl_count(o, " dups ", f->dups);
	if (f->reordered) {
		tl_count(o, " reordered ", f->reordered);
		tl_s(o, " (max ");
		tl_u(o, f->max_reorder);
		tl_c(o, ')');
	}
	tl_count(o, " late ", f->late);
	tl_count(o, " decrypted ", f->decrypted);
	tl_count(o, " icv_bad ", f->icv_bad);
	if (f->deleted) {
		tl_s(o, " deleted (");
		tl_fix(o, f->deleted_ts - f->last_ts, 3, 0);
		tl_s(o, "s after its last packet)");
	}
	if (oc->ike_id != 0 && !f->linked_by_spi)
		tl_s(o, " (by addresses)");
	tl_c(o, '\n');
}

/* Time since the previous step of the same exchange (the peer's turn). */
static double
out_step_rtt(const struct trk_ike_sa *sa, uint32_t i)
{
	const struct trk_msg *m = &sa->msgs[i];
	uint32_t k;

	if (m->step < 2)
		return -1;
	for (k = i; k > 0; k--) {
		const struct trk_msg *o = &sa->msgs[k - 1];

		if (o->ex == m->ex && o->step == m->step - 1 && !o->retransmit)
			return m->ts - o->ts;
	}
	return -1;
}

/* A retransmission whose original message is in the list. */
static bool
out_has_original(const struct trk_ike_sa *sa, uint32_t i)
{
	const struct trk_msg *m = &sa->msgs[i];
	uint32_t k;

	for (k = 0; k < i; k++) {
		const struct trk_msg *o = &sa->msgs[k];

		if (!o->retransmit && o->ex == m->ex && o->step == m->step &&
		    o->dir == m->dir && o->msgid == m->msgid)
			return true;
	}
	return false;
}

/* " x4 (resent +1.528s +3.630s; back-off 1.50 2.10 2.94 s)" */
static void
out_resends(struct tl_out *o, const struct trk_ike_sa *sa, uint32_t i)
{
	const struct trk_msg *m = &sa->msgs[i];
	double prev = m->ts;
	uint32_t k, n = 0;

	tl_s(o, "  x");
	tl_u(o, (uint64_t)m->resent + 1);
	tl_s(o, " (resent");
	for (k = i + 1; k < sa->nmsgs; k++) {
		const struct trk_msg *r = &sa->msgs[k];

		if (r->retransmit && r->ex == m->ex && r->step == m->step &&
		    r->dir == m->dir && r->msgid == m->msgid) {
			tl_s(o, " +");
			tl_fix(o, r->ts - sa->first_ts, 3, 0);
			tl_c(o, 's');
		}
	}
	tl_s(o, "; back-off");
	for (k = i + 1; k < sa->nmsgs; k++) {
		const struct trk_msg *r = &sa->msgs[k];

		if (r->retransmit && r->ex == m->ex && r->step == m->step &&
		    r->dir == m->dir && r->msgid == m->msgid) {
			tl_c(o, ' ');
			tl_fix(o, r->ts - prev, 2, 0);
			prev = r->ts;
			n++;
		}
	}
	tl_s(o, n ? " s)" : " -)");
}

/*
 * Identities as the timeline shows them: rendered, at most 79 chars, and
 * the text of a printable value shown as hex (out_isakmp_id_text).
 */
#define OUT_TL_ID_LEN	80

struct out_tl_id {
	char	v[OUT_TL_ID_LEN];
	char	text[OUT_TL_ID_LEN];	/* "" unless printable */
	char	show[2 * OUT_TL_ID_LEN + 8];	/* v ("text") */
};

static bool
out_tl_render(uint8_t type, const uint8_t *d, size_t n, bool cut,
    struct out_tl_id *o)
{
	size_t k = out_isakmp_id(type, d, n, o->v, sizeof(o->v));

	/* data kept only in part (trk_id): say so */
	if (cut && k < sizeof(o->v))
		snprintf(o->v + k, sizeof(o->v) - k, "...");
	if (out_isakmp_id_text(type, d, n, o->text, sizeof(o->text)))
		snprintf(o->show, sizeof(o->show), "%s (\"%s\")", o->v,
		    o->text);
	else
		snprintf(o->show, sizeof(o->show), "%s", o->v);
	return true;
}

/* A Quick Mode ID; false (and "") when there is none. */
static bool
out_tl_id(const struct trk_id *id, struct out_tl_id *o)
{
	memset(o, 0, sizeof(*o));
	return id->type != 0 && out_tl_render(id->type, id->data, id->len,
	    id->wire_len > id->len, o);
}

/* A phase-1 ID from its recorded body (type, protocol, port, data). */
static bool
out_tl_p1_id(const struct p1rec_blob *b, struct out_tl_id *o)
{
	memset(o, 0, sizeof(*o));
	return b->n >= 4 && out_tl_render(b->p[0], b->p + 4, b->n - 4, false,
	    o);
}

/* "key": the value, "key_text": its text when printable. */
static void
out_tl_id_json(struct json *j, const char *key, const char *tkey,
    const struct out_tl_id *o)
{
	json_kstr(j, key, o->v[0] ? o->v : NULL);
	if (o->text[0])
		json_kstr(j, tkey, o->text);
}

/* "500", or "500->4500" when IKE floated (NAT-T) or a NAT rebound. */
static void
tl_ports(struct tl_out *o, uint16_t first, uint16_t now)
{
	if (first != now) {
		tl_u(o, first);
		tl_s(o, "->");
	}
	tl_u(o, now);
}

/* "  exchange msgid" */
static void
tl_ex(struct tl_out *o, const char *pre, uint8_t type, uint32_t msgid)
{
	char nb[64];

	tl_s(o, pre);
	tl_s(o, out_ex_name(type, nb, sizeof(nb)));
	tl_c(o, ' ');
	tl_x32(o, msgid);
}

/* "sep state (reason)", the reason when it has n > 0 bytes */
static void
tl_state(struct tl_out *o, const char *sep, const char *state,
    const char *reason, int n)
{
	tl_s(o, sep);
	tl_s(o, state);
	if (n > 0) {
		tl_s(o, " (");
		tl_s(o, reason);
		tl_c(o, ')');
	}
}

static void
out_timeline_head(struct tl_out *o, const struct trk_ike_sa *sa)
{
	char a[64], r[160];
	const char *mode = out_mode_token(sa->mode);

	tl_s(o, "IKE SA ");
	tl_u(o, sa->id);
	tl_s(o, "  ");
	tl_s(o, out_addr(sa->af, sa->iaddr, a, sizeof(a)));
	tl_c(o, ':');
	tl_ports(o, sa->iport0, sa->iport);
	tl_s(o, " (I) <-> ");
	tl_s(o, out_addr(sa->af, sa->raddr, a, sizeof(a)));
	tl_c(o, ':');
	tl_ports(o, sa->rport0, sa->rport);
	tl_s(o, " (R)  ");
	tl_hex(o, sa->icookie, 8);
	tl_c(o, '/');
	tl_hex(o, sa->rcookie, 8);
	tl_s(o, "\n  mode ");
	tl_s(o, mode != NULL ? mode : "unknown (phase 1 not seen)");
	if (sa->chosen.valid)
		tl_name(o, ", auth ", REG_OAKLEY_AUTH, sa->chosen.auth);
	tl_state(o, ", ", trk_state_name(sa->state), r,
	    trk_reason_text(sa, r, sizeof(r)));
	if (sa->state == TRK_ESTABLISHED && sa->established_ts > 0) {
		tl_s(o, ", set-up ");
		tl_fix(o, sa->established_ts - sa->first_ts, 3, 0);
		tl_c(o, 's');
	}
	if (sa->deleted) {
		tl_s(o, ", deleted at +");
		tl_fix(o, sa->deleted_ts - sa->first_ts, 3, 0);
		tl_c(o, 's');
	}
	if (sa->xauth == 1)
		tl_s(o, ", XAUTH ok");
	if (sa->initiator_inferred)
		tl_s(o, ", capture began mid-SA (roles inferred)");
	tl_c(o, '\n');
	if (sa->chosen.valid) {
		tl_s(o, "  proposal: ");
		out_proposal_text(o, &sa->chosen);
		tl_s(o, " (offered ");
		tl_u(o, sa->offered_proposals);
		tl_s(o, sa->offered_proposals == 1 ? " proposal, " :
		    " proposals, ");
		tl_u(o, sa->offered_transforms);
		tl_s(o, sa->offered_transforms == 1 ? " transform)\n" :
		    " transforms)\n");
	}
}

/* A message's line of the ladder. */
static void
out_timeline_msg(struct tl_out *o, const struct trk_ike_sa *sa, uint32_t i)
{
	const struct trk_msg *m = &sa->msgs[i];
	const char *l = trk_label_name(m->label);
	char nb[64];
	double rtt;

	tl_s(o, "  +");
	tl_fix(o, m->ts - sa->first_ts, 3, 7);
	tl_s(o, m->dir == TRK_I2R ? "s  I -> R  " : "s  I <- R  ");
	tl_left(o, l != NULL ? l : m->step ? "?" : "-", 4);
	if (m->retransmit)
		tl_s(o, " (resent)");
	if (l == NULL || m->exch == ISAKMP_EXCH_QUICK ||
	    m->exch == ISAKMP_EXCH_INFO ||
	    m->exch == ISAKMP_EXCH_TRANSACTION)
		tl_ex(o, " ", m->exch, m->msgid);
	if (m->encrypted && !m->decrypted) {
		tl_s(o, " encrypted (");
		tl_u(o, m->len);
		tl_s(o, " bytes)");
	} else
		out_pl_list(o, m->pl, m->npl);
	if (m->notify) {
		tl_s(o, "  N(");
		tl_s(o, isakmp_name_fmt(REG_NOTIFY, m->notify, nb,
		    sizeof(nb)));
		tl_c(o, ')');
	}
	if (m->resent)
		out_resends(o, sa, i);
	if (m->off_script)
		tl_s(o, "  [off script]");
	if (m->out_of_order)
		tl_s(o, "  [out of order]");
	rtt = out_step_rtt(sa, i);
	if (rtt >= 0) {
		tl_s(o, "  (+");
		tl_fix(o, rtt * 1000.0, 1, 0);
		tl_s(o, " ms)");
	}
	tl_c(o, '\n');
}

/* An exchange's line (Quick Mode, Transaction, DPD, DELETE). */
static void
out_timeline_ex(struct tl_out *o, const struct trk_exchange *e)
{
	struct out_tl_id idi, idr;
	char r[160], nb[64];
	uint8_t k;

	tl_ex(o, "  ", e->type, e->msgid);
	tl_state(o, ": ", trk_state_name(e->state), r,
	    trk_ex_reason_text(e, r, sizeof(r)));
	if (e->dpd) {
		tl_s(o, " DPD seq ");
		tl_u(o, e->dpd_seq);
	}
	if (e->del) {
		tl_s(o, " DELETE ");
		tl_s(o, out_proto(e->del_proto, nb, sizeof(nb)));
	}
	for (k = 0; k < e->nspis; k++) {
		tl_s(o, k ? "," : " spis ");
		tl_x32(o, e->spis[k]);
	}
	if (e->chosen.valid && e->type == ISAKMP_EXCH_QUICK) {
		tl_s(o, "\n    ");
		out_qm_proposal_text(o, &e->chosen);
	}
	if (out_tl_id(&e->idc[0], &idi) && idi.v[0] != '\0') {
		out_tl_id(&e->idc[1], &idr);
		tl_s(o, "\n    traffic ");
		tl_s(o, idi.show);
		tl_s(o, " <-> ");
		tl_s(o, idr.show);
	}
	if (e->missing) {
		tl_s(o, " [");
		tl_u(o, e->missing);
		tl_s(o, " step(s) missing]");
	}
	tl_c(o, '\n');
}

void
out_timeline_text(FILE *fp, const struct trk *t, const struct trk_ike_sa *sa)
{
	struct tl_out o;
	struct out_tl_id idi, idr;
	struct out_esp_ctx oc;
	uint32_t i;

	(void)t;	/* the SA lists its own ESP flows */
	o.fp = fp;
	o.n = 0;
	out_timeline_head(&o, sa);
	out_tl_p1_id(&sa->p1.idi, &idi);
	out_tl_p1_id(&sa->p1.idr, &idr);
	if (idi.v[0] != '\0' || idr.v[0] != '\0') {
		tl_s(&o, "  identities: I ");
		tl_s(&o, idi.v[0] ? idi.show : "(not seen)");
		tl_s(&o, ", R ");
		tl_s(&o, idr.v[0] ? idr.show : "(not seen)");
		tl_c(&o, '\n');
	}
	for (i = 0; i < sa->nmsgs; i++) {
		const struct trk_msg *m = &sa->msgs[i];

		if (m->retransmit && out_has_original(sa, i))
			continue;	/* folded into its original as xN */
		out_timeline_msg(&o, sa, i);
	}
	if (sa->msgs_dropped) {
		tl_s(&o, "  (");
		tl_u(&o, sa->msgs_dropped);
		tl_s(&o, " more messages not kept: cap)\n");
	}
	for (i = 0; i < sa->nex; i++) {
		const struct trk_exchange *e = &sa->ex[i];

		if (e->type == ISAKMP_EXCH_QUICK ||
		    e->type == ISAKMP_EXCH_TRANSACTION || e->dpd || e->del)
			out_timeline_ex(&o, e);
	}
	if (sa->ex_dropped) {
		tl_s(&o, "  (");
		tl_u(&o, sa->ex_dropped);
		tl_s(&o, " more exchanges not kept: cap)\n");
	}
	memset(&oc, 0, sizeof(oc));
	oc.fp = fp;
	oc.o = &o;
	oc.ike_id = sa->id;
	trk_foreach_sa_esp(sa, out_esp_row_text, &oc);
	tl_c(&o, '\n');
	tl_flush(&o);
}

static void
out_json_proposal(struct json *j, const struct trk_proposal *p, bool esp)
{
	const char *tok;
	char nb[64];

	json_key(j, "proposal");
	if (!p->valid) {
		json_null(j);
		return;
	}
	json_obj_begin(j);
	tok = isakmp_token(REG_OAKLEY_ENC, p->enc);
	json_kstr(j, "enc", tok != NULL ? tok : isakmp_name_fmt(REG_OAKLEY_ENC,
	    p->enc, nb, sizeof(nb)));
	json_ku64(j, "key_len", p->key_len);
	tok = isakmp_token(REG_OAKLEY_HASH, p->hash);
	json_kstr(j, "hash", tok != NULL ? tok :
	    isakmp_name_fmt(REG_OAKLEY_HASH, p->hash, nb, sizeof(nb)));
	tok = isakmp_token(REG_OAKLEY_GROUP, p->group);
	json_kstr(j, "group", tok != NULL ? tok :
	    isakmp_name_fmt(REG_OAKLEY_GROUP, p->group, nb, sizeof(nb)));
	if (!esp) {
		tok = isakmp_token(REG_OAKLEY_AUTH, p->auth);
		json_kstr(j, "auth", tok != NULL ? tok :
		    isakmp_name_fmt(REG_OAKLEY_AUTH, p->auth, nb, sizeof(nb)));
	}
	json_ku64(j, "lifetime", p->life_secs);
	if (p->life_kb)
		json_ku64(j, "lifetime_kb", p->life_kb);
	json_obj_end(j);
}

static void
out_json_qm_proposal(struct json *j, const struct trk_proposal *p)
{
	char nb[64];
	const char *tok;

	json_key(j, "proposal");
	if (!p->valid) {
		json_null(j);
		return;
	}
	json_obj_begin(j);
	json_kstr(j, "protocol", isakmp_name_fmt(REG_PROTO, p->proto, nb,
	    sizeof(nb)));
	tok = isakmp_token(p->proto == 2 ? REG_XFORM_AH : REG_XFORM_ESP, p->enc);
	json_kstr(j, "enc", tok != NULL ? tok : isakmp_name_fmt(p->proto == 2 ?
	    REG_XFORM_AH : REG_XFORM_ESP, p->enc, nb, sizeof(nb)));
	json_ku64(j, "key_len", p->key_len);
	tok = isakmp_token(REG_IPSEC_AUTH, p->hash);
	if (p->hash == 0)
		json_kstr(j, "auth", NULL);
	else
		json_kstr(j, "auth", tok != NULL ? tok :
		    isakmp_name_fmt(REG_IPSEC_AUTH, p->hash, nb, sizeof(nb)));
	if (p->group == 0)
		json_kstr(j, "pfs_group", NULL);
	else {
		tok = isakmp_token(REG_OAKLEY_GROUP, p->group);
		json_kstr(j, "pfs_group", tok != NULL ? tok :
		    isakmp_name_fmt(REG_OAKLEY_GROUP, p->group, nb, sizeof(nb)));
	}
	json_kstr(j, "encap", p->encap ? isakmp_name_fmt(REG_IPSEC_ENCAP,
	    p->encap, nb, sizeof(nb)) : NULL);
	json_kbool(j, "esn", p->esn);
	json_ku64(j, "lifetime", p->life_secs);
	json_obj_end(j);
}

/* The Quick Mode of sa that negotiated spi, if any. */
static const struct trk_exchange *
out_qm_of(const struct trk_ike_sa *sa, uint32_t spi)
{
	uint32_t i;
	uint8_t k;

	for (i = 0; sa != NULL && i < sa->nex; i++)
		for (k = 0; k < sa->ex[i].nspis; k++)
			if (sa->ex[i].type == ISAKMP_EXCH_QUICK &&
			    sa->ex[i].spis[k] == spi && sa->ex[i].chosen.valid)
				return &sa->ex[i];
	return NULL;
}

static void
out_esp_obj_json(struct json *j, const struct trk_esp *f,
    const struct trk_ike_sa *sa)
{
	const struct trk_exchange *qm = out_qm_of(sa, f->spi);
	const char *tok;
	char a[64], h[12], nb[64];

	json_obj_begin(j);
	snprintf(h, sizeof(h), "%08x", f->spi);
	json_kstr(j, "spi", h);
	json_kstr(j, "src", out_addr(f->af, f->src, a, sizeof(a)));
	json_kstr(j, "dst", out_addr(f->af, f->dst, a, sizeof(a)));
	/* Algorithms from the Quick Mode that made the SA, when decrypted. */
	if (qm != NULL) {
		tok = isakmp_token(REG_XFORM_ESP, qm->chosen.enc);
		json_kstr(j, "enc", tok != NULL ? tok :
		    isakmp_name_fmt(REG_XFORM_ESP, qm->chosen.enc, nb,
		    sizeof(nb)));
		if (qm->chosen.key_len)
			json_ku64(j, "key_len", qm->chosen.key_len);
		tok = isakmp_token(REG_IPSEC_AUTH, qm->chosen.hash);
		if (qm->chosen.hash == 0)
			json_kstr(j, "auth", NULL);
		else
			json_kstr(j, "auth", tok != NULL ? tok :
			    isakmp_name_fmt(REG_IPSEC_AUTH, qm->chosen.hash, nb,
			    sizeof(nb)));
		snprintf(h, sizeof(h), "%08x", qm->msgid);
		json_kstr(j, "quick_mode", h);
	} else {
		json_kstr(j, "enc", NULL);
		json_kstr(j, "auth", NULL);
	}
	json_ku64(j, "packets", f->packets);
	json_ku64(j, "bytes", f->bytes);
	json_key(j, "first_ts");
	json_double(j, f->first_ts, 6);
	json_key(j, "last_ts");
	json_double(j, f->last_ts, 6);
	json_ku64(j, "seq_first", f->seq_first);
	json_ku64(j, "seq_max", f->seq_max);
	json_ku64(j, "gaps", f->gaps);
	json_ku64(j, "dups", f->dups);
	json_ku64(j, "reordered", f->reordered);
	json_ku64(j, "max_reorder", f->max_reorder);
	json_ku64(j, "late", f->late);
	json_ku64(j, "icv_bad", f->icv_bad);
	json_ku64(j, "decrypted", f->decrypted);
	if (f->ike_id != 0)
		json_kstr(j, "linked_by", f->linked_by_spi ? "spi" :
		    "addresses");
	json_obj_end(j);
}

static void
out_esp_row_json(const struct trk_esp *f, void *arg)
{
	struct out_esp_ctx *oc = arg;

	out_esp_obj_json(oc->j, f, oc->sa);
}

void
out_timeline_json(struct json *j, const struct trk *t,
    const struct trk_ike_sa *sa)
{
	char a[64], r[160], nb[64], h[12];
	struct out_tl_id idi, idr;
	const char *tok;
	struct out_esp_ctx oc;
	uint32_t i;

	(void)t;	/* the SA lists its own ESP flows */
	json_obj_begin(j);
	json_ku64(j, "ike_sa", sa->id);
	json_khex(j, "icookie", sa->icookie, 8);
	json_khex(j, "rcookie", sa->rcookie, 8);
	json_kstr(j, "initiator", out_addr(sa->af, sa->iaddr, a, sizeof(a)));
	json_ku64(j, "initiator_port", sa->iport);
	json_ku64(j, "initiator_first_port", sa->iport0);
	json_kstr(j, "responder", out_addr(sa->af, sa->raddr, a, sizeof(a)));
	json_ku64(j, "responder_port", sa->rport);
	json_ku64(j, "responder_first_port", sa->rport0);
	json_kbool(j, "roles_inferred", sa->initiator_inferred);
	json_kstr(j, "mode", out_mode_token(sa->mode));
	tok = sa->chosen.valid ? isakmp_token(REG_OAKLEY_AUTH,
	    sa->chosen.auth) : NULL;
	json_kstr(j, "auth", tok);
	json_kstr(j, "state", trk_state_name(sa->state));
	json_kstr(j, "reason", trk_reason_text(sa, r, sizeof(r)) > 0 ? r :
	    NULL);
	if (sa->reason == TRK_R_NOTIFY)
		json_ku64(j, "reason_notify", sa->notify);
	out_json_proposal(j, &sa->chosen, false);
	out_tl_p1_id(&sa->p1.idi, &idi);
	out_tl_p1_id(&sa->p1.idr, &idr);
	out_tl_id_json(j, "initiator_id", "initiator_id_text", &idi);
	out_tl_id_json(j, "responder_id", "responder_id_text", &idr);
	json_ku64(j, "offered_proposals", sa->offered_proposals);
	json_ku64(j, "offered_transforms", sa->offered_transforms);
	json_key(j, "first_ts");
	json_double(j, sa->first_ts, 6);
	json_key(j, "setup_time");
	if (sa->state == TRK_ESTABLISHED && sa->established_ts > 0)
		json_double(j, sa->established_ts - sa->first_ts, 6);
	else
		json_null(j);
	json_kbool(j, "deleted", sa->deleted);
	json_kstr(j, "xauth", sa->xauth == 1 ? "ok" : sa->xauth == 2 ?
	    "failed" : NULL);
	json_key(j, "messages");
	json_arr_begin(j);
	for (i = 0; i < sa->nmsgs; i++) {
		const struct trk_msg *m = &sa->msgs[i];

		json_obj_begin(j);
		json_ku64(j, "frame", m->frame);
		json_key(j, "ts");
		json_double(j, m->ts, 6);
		json_key(j, "t");
		json_double(j, m->ts - sa->first_ts, 6);
		json_kstr(j, "dir", trk_dir_name(m->dir));
		json_kstr(j, "label", trk_label_name(m->label));
		json_kbool(j, "retransmit", m->retransmit);
		json_ku64(j, "exchange_type", m->exch);
		snprintf(h, sizeof(h), "%08x", m->msgid);
		json_kstr(j, "msgid", h);
		json_ku64(j, "length", m->len);
		json_kbool(j, "encrypted", m->encrypted);
		if (m->step)
			json_ku64(j, "step", m->step);
		if (m->off_script)
			json_kbool(j, "off_script", true);
		if (m->out_of_order)
			json_kbool(j, "out_of_order", true);
		if (m->notify)
			json_ku64(j, "notify", m->notify);
		json_obj_end(j);
	}
	json_arr_end(j);
	json_ku64(j, "messages_dropped", sa->msgs_dropped);
	json_key(j, "exchanges");
	json_arr_begin(j);
	for (i = 0; i < sa->nex; i++) {
		const struct trk_exchange *e = &sa->ex[i];
		const char *et = isakmp_token(REG_EXCHANGE, e->type);
		uint32_t k;
		uint8_t s;

		json_obj_begin(j);
		snprintf(h, sizeof(h), "%08x", e->msgid);
		json_kstr(j, "msgid", h);
		if (et == NULL)
			snprintf(nb, sizeof(nb), "%u", e->type);
		json_kstr(j, "type", et != NULL ? et : nb);
		json_key(j, "labels");
		json_arr_begin(j);
		for (k = 0; k < sa->nmsgs; k++) {
			const struct trk_msg *m = &sa->msgs[k];

			if (m->ex == i && !m->retransmit &&
			    trk_label_name(m->label) != NULL)
				json_str(j, trk_label_name(m->label));
		}
		json_arr_end(j);
		json_kstr(j, "state", trk_state_name(e->state));
		json_kstr(j, "reason", trk_ex_reason_text(e, r, sizeof(r)) > 0 ?
		    r : NULL);
		json_ku64(j, "retransmits", e->rexmits);
		json_ku64(j, "missing_steps", e->missing);
		json_key(j, "spis");
		json_arr_begin(j);
		for (s = 0; s < e->nspis; s++) {
			snprintf(h, sizeof(h), "%08x", e->spis[s]);
			json_str(j, h);
		}
		json_arr_end(j);
		if (e->notify)
			json_ku64(j, "notify", e->notify);
		if (e->type == ISAKMP_EXCH_QUICK) {
			out_json_qm_proposal(j, &e->chosen);
			out_tl_id(&e->idc[0], &idi);
			out_tl_id(&e->idc[1], &idr);
			out_tl_id_json(j, "idci", "idci_text", &idi);
			out_tl_id_json(j, "idcr", "idcr_text", &idr);
		}
		if (e->dpd) {
			json_kbool(j, "dpd", true);
			json_ku64(j, "dpd_seq", e->dpd_seq);
		}
		if (e->del) {
			json_kbool(j, "delete", true);
			json_ku64(j, "delete_proto", e->del_proto);
		}
		json_key(j, "first_ts");
		json_double(j, e->first_ts, 6);
		json_key(j, "duration");
		json_double(j, e->last_ts - e->first_ts, 6);
		json_obj_end(j);
	}
	json_arr_end(j);
	json_key(j, "child_sas");
	json_arr_begin(j);
	memset(&oc, 0, sizeof(oc));
	oc.j = j;
	oc.sa = sa;
	oc.ike_id = sa->id;
	trk_foreach_sa_esp(sa, out_esp_row_json, &oc);
	json_arr_end(j);
	json_obj_end(j);
	json_end_line(j);
}

/* sas: the stream (or JSON writer), the rows kept and their counts. */
struct out_sas_walk {
	FILE		*fp;
	struct tl_out	*o;		/* text */
	struct json	*j;
	const struct out_sas_keep *keep;
	size_t		 nike, nesp;
};

static void
out_sas_ike_count(const struct trk_ike_sa *sa, void *arg)
{
	struct out_sas_walk *w = arg;

	w->nike += w->keep->ike(sa, w->keep->arg);
}

static void
out_sas_esp_count(const struct trk_esp *f, void *arg)
{
	struct out_sas_walk *w = arg;

	w->nesp += w->keep->esp(f, w->keep->arg);
}

static void
out_sas_ike_row(const struct trk_ike_sa *sa, void *arg)
{
	struct out_sas_walk *w = arg;
	struct tl_out *o = w->o;
	char a[64], r[160];
	const char *mode = out_mode_token(sa->mode);

	if (w->keep != NULL && !w->keep->ike(sa, w->keep->arg))
		return;
	trk_reason_text(sa, r, sizeof(r));
	tl_uw(o, sa->id, -4);
	tl_c(o, ' ');
	tl_hex(o, sa->icookie, 8);
	tl_s(o, "  ");
	tl_left(o, out_addr(sa->af, sa->iaddr, a, sizeof(a)), 22);
	tl_c(o, ' ');
	tl_left(o, out_addr(sa->af, sa->raddr, a, sizeof(a)), 22);
	tl_c(o, ' ');
	tl_left(o, mode != NULL ? mode : "-", 10);
	tl_c(o, ' ');
	tl_left(o, trk_state_name(sa->state), 11);
	tl_c(o, ' ');
	tl_uw(o, sa->nmsgs, 4);
	tl_s(o, "  ");
	tl_s(o, r);
	tl_c(o, '\n');
}

static void
out_sas_esp_row(const struct trk_esp *f, void *arg)
{
	struct out_sas_walk *w = arg;
	struct tl_out *o = w->o;
	char a[64], seq[2 * FMT_U64_MAX + 3], ike[FMT_U64_MAX + 2];
	double dur = f->last_ts - f->first_ts;
	const uint64_t cnt[] = { f->gaps, f->dups, f->reordered, f->late,
	    f->icv_bad, f->decrypted };
	static const int wid[] = { 6, 6, 6, 6, 7, 9 };
	size_t k;

	if (w->keep != NULL && !w->keep->esp(f, w->keep->arg))
		return;
	k = fmt_u64(seq, f->seq_first);
	seq[k++] = '.';
	seq[k++] = '.';
	seq[k + fmt_u64(seq + k, f->seq_max)] = '\0';
	if (f->ike_id != 0) {
		k = fmt_u64(ike, f->ike_id);
		if (!f->linked_by_spi)
			ike[k++] = '?';
		ike[k] = '\0';
	} else
		memcpy(ike, "-", 2);
	tl_x32(o, f->spi);
	tl_s(o, "  ");
	tl_left(o, out_addr(f->af, f->src, a, sizeof(a)), 22);
	tl_c(o, ' ');
	tl_left(o, out_addr(f->af, f->dst, a, sizeof(a)), 22);
	tl_c(o, ' ');
	tl_right(o, ike, 4);
	tl_c(o, ' ');
	tl_uw(o, f->packets, 8);
	tl_c(o, ' ');
	tl_uw(o, f->bytes, 10);
	tl_c(o, ' ');
	tl_fix(o, dur > 0 ? (double)(f->packets - 1) / dur : 0.0, 1, 8);
	tl_c(o, ' ');
	tl_right(o, seq, 21);
	for (k = 0; k < sizeof(cnt) / sizeof(cnt[0]); k++) {
		tl_c(o, ' ');
		tl_uw(o, cnt[k], wid[k]);
	}
	tl_c(o, '\n');
}

void
out_timeline_sas_text(FILE *fp, const struct trk *t,
    const struct out_sas_keep *keep)
{
	struct tl_out o;
	struct out_sas_walk w = { fp, &o, NULL, keep, 0, 0 };
	struct trk_stats st;

	o.fp = fp;
	o.n = 0;

	trk_stats(t, &st);
	if (keep != NULL) {	/* the rows kept, counted first */
		trk_foreach_ike(t, out_sas_ike_count, &w);
		trk_foreach_esp(t, out_sas_esp_count, &w);
		st.ike_now = w.nike;
		st.esp_now = w.nesp;
	}
	fprintf(fp, "IKE SAs (%zu)\n", st.ike_now);
	fprintf(fp, "%-4s %-16s  %-22s %-22s %-10s %-11s %4s  %s\n", "id",
	    "icookie", "initiator", "responder", "mode", "state", "msgs",
	    "reason");
	trk_foreach_ike(t, out_sas_ike_row, &w);
	tl_flush(&o);
	fprintf(fp, "\nESP SAs (%zu)\n", st.esp_now);
	fprintf(fp, "%-8s  %-22s %-22s %4s %8s %10s %8s %21s %6s %6s %6s "
	    "%6s %7s %9s\n", "spi", "src", "dst", "ike", "packets", "bytes",
	    "pkt/s", "seq", "gaps", "dups", "reord", "late", "icv_bad",
	    "decrypted");
	trk_foreach_esp(t, out_sas_esp_row, &w);
	tl_flush(&o);
	if (st.ike_evicted || st.esp_evicted)
		fprintf(fp, "\n(%llu IKE SAs and %llu ESP SAs evicted by the "
		    "state caps are not listed)\n",
		    (unsigned long long)st.ike_evicted,
		    (unsigned long long)st.esp_evicted);
}

static void
out_sas_ike_json(const struct trk_ike_sa *sa, void *arg)
{
	struct out_sas_walk *w = arg;
	struct json *j = w->j;
	char a[64], r[160];

	if (w->keep != NULL && !w->keep->ike(sa, w->keep->arg))
		return;
	json_obj_begin(j);
	json_kstr(j, "table", "ike");
	json_ku64(j, "ike_sa", sa->id);
	json_khex(j, "icookie", sa->icookie, 8);
	json_khex(j, "rcookie", sa->rcookie, 8);
	json_kstr(j, "initiator", out_addr(sa->af, sa->iaddr, a, sizeof(a)));
	json_kstr(j, "responder", out_addr(sa->af, sa->raddr, a, sizeof(a)));
	json_kstr(j, "mode", out_mode_token(sa->mode));
	json_kstr(j, "state", trk_state_name(sa->state));
	json_kstr(j, "reason", trk_reason_text(sa, r, sizeof(r)) > 0 ? r :
	    NULL);
	out_json_proposal(j, &sa->chosen, false);
	json_ku64(j, "messages", sa->nmsgs);
	json_obj_end(j);
	json_end_line(j);
}

static void
out_sas_esp_json(const struct trk_esp *f, void *arg)
{
	struct out_sas_walk *w = arg;
	struct json *j = w->j;

	if (w->keep != NULL && !w->keep->esp(f, w->keep->arg))
		return;
	/* One object per line: the ESP object plus its table and link. */
	json_obj_begin(j);
	json_kstr(j, "table", "esp");
	json_ku64(j, "ike_sa", f->ike_id);
	json_key(j, "esp");
	out_esp_obj_json(j, f, NULL);
	json_obj_end(j);
	json_end_line(j);
}

void
out_timeline_sas_json(struct json *j, const struct trk *t,
    const struct out_sas_keep *keep)
{
	struct out_sas_walk w = { NULL, NULL, j, keep, 0, 0 };

	trk_foreach_ike(t, out_sas_ike_json, &w);
	trk_foreach_esp(t, out_sas_esp_json, &w);
}
