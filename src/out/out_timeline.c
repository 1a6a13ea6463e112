/*
 * out_timeline.c - the per-IKE-SA views: `timeline` (a header and a
 * ladder of messages per IKE SA, then its exchanges and ESP flows) and
 * `sas` (a table of IKE SAs and a table of ESP SAs), as text and as JSON.
 */
#include <stdio.h>
#include <string.h>

#include "engine/engine.h"
#include "out/out_timeline.h"
#include "dissectors/isakmp_names.h"
#include "out/out_isakmp.h"

struct out_esp_ctx {
	FILE		*fp;
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
out_pl_list(FILE *fp, const uint8_t *pl, uint8_t n)
{
	uint8_t i = 0;

	while (i < n) {
		uint8_t k = 1;
		const char *s = isakmp_short(REG_PAYLOAD, pl[i]);

		while (i + k < n && pl[i + k] == pl[i])
			k++;
		if (s != NULL)
			fprintf(fp, " %s", s);
		else
			fprintf(fp, " PL%u", pl[i]);
		if (k > 1)
			fprintf(fp, "*%u", k);
		i = (uint8_t)(i + k);
	}
}

static void
out_proposal_text(FILE *fp, const struct trk_proposal *p)
{
	char b1[64], b2[64], b3[64], b4[64];

	fprintf(fp, "%s", isakmp_name_fmt(REG_OAKLEY_ENC, p->enc, b1,
	    sizeof(b1)));
	if (p->key_len)
		fprintf(fp, "-%u", p->key_len);
	fprintf(fp, " %s %s %s",
	    isakmp_name_fmt(REG_OAKLEY_HASH, p->hash, b2, sizeof(b2)),
	    isakmp_name_fmt(REG_OAKLEY_GROUP, p->group, b3, sizeof(b3)),
	    isakmp_name_fmt(REG_OAKLEY_AUTH, p->auth, b4, sizeof(b4)));
	if (p->life_secs)
		fprintf(fp, " lifetime %us", p->life_secs);
	if (p->life_kb)
		fprintf(fp, " lifetime %uKB", p->life_kb);
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
out_qm_proposal_text(FILE *fp, const struct trk_proposal *p)
{
	char b1[64], b2[64], b3[64], b4[64];

	fprintf(fp, "%s %s", out_proto(p->proto, b4, sizeof(b4)),
	    isakmp_name_fmt(p->proto == 2 ? REG_XFORM_AH :
	    REG_XFORM_ESP, p->enc, b1, sizeof(b1)));
	if (p->key_len)
		fprintf(fp, "-%u", p->key_len);
	if (p->hash)
		fprintf(fp, " %s", isakmp_name_fmt(REG_IPSEC_AUTH, p->hash, b2,
		    sizeof(b2)));
	if (p->group)
		fprintf(fp, " PFS %s", isakmp_name_fmt(REG_OAKLEY_GROUP,
		    p->group, b3, sizeof(b3)));
	else
		fprintf(fp, " no PFS");
	if (p->encap)
		fprintf(fp, " %s", isakmp_name_fmt(REG_IPSEC_ENCAP, p->encap,
		    b3, sizeof(b3)));
	if (p->esn)
		fprintf(fp, " ESN");
	if (p->life_secs)
		fprintf(fp, " lifetime %us", p->life_secs);
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

static void
out_esp_row_text(const struct trk_esp *f, void *arg)
{
	struct out_esp_ctx *oc = arg;
	char a[64], b[64];

	if (oc->n++ == 0 && oc->ike_id != 0)
		fprintf(oc->fp, "  ESP flows:\n");
	fprintf(oc->fp, "  %s%08x  %s -> %s  %llu pkts %llu bytes  "
	    "seq %u..%u", oc->ike_id != 0 ? "  " : "", f->spi,
	    out_addr(f->af, f->src, a, sizeof(a)),
	    out_addr(f->af, f->dst, b, sizeof(b)),
	    (unsigned long long)f->packets, (unsigned long long)f->bytes,
	    f->seq_first, f->seq_max);
	if (f->gaps)
		fprintf(oc->fp, " gaps %llu", (unsigned long long)f->gaps);
	if (f->dups)
		fprintf(oc->fp, " dups %llu", (unsigned long long)f->dups);
	if (f->reordered)
		fprintf(oc->fp, " reordered %llu (max %u)",
		    (unsigned long long)f->reordered, f->max_reorder);
	if (f->late)
		fprintf(oc->fp, " late %llu", (unsigned long long)f->late);
	if (f->decrypted)
		fprintf(oc->fp, " decrypted %llu",
		    (unsigned long long)f->decrypted);
	if (f->icv_bad)
		fprintf(oc->fp, " icv_bad %llu",
		    (unsigned long long)f->icv_bad);
	if (f->deleted)
		fprintf(oc->fp, " deleted (%.3fs after its last packet)",
		    f->deleted_ts - f->last_ts);
	if (oc->ike_id != 0 && !f->linked_by_spi)
		fprintf(oc->fp, " (by addresses)");
	fputc('\n', oc->fp);
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

/* "500", or "500->4500" when IKE floated (NAT-T) or a NAT rebound. */
static const char *
out_ports(uint16_t first, uint16_t now, char *buf, size_t len)
{
	if (first == now)
		snprintf(buf, len, "%u", now);
	else
		snprintf(buf, len, "%u->%u", first, now);
	return buf;
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
out_resends(FILE *fp, const struct trk_ike_sa *sa, uint32_t i)
{
	const struct trk_msg *m = &sa->msgs[i];
	double prev = m->ts;
	uint32_t k, n = 0;

	fprintf(fp, "  x%u (resent", m->resent + 1);
	for (k = i + 1; k < sa->nmsgs; k++) {
		const struct trk_msg *o = &sa->msgs[k];

		if (o->retransmit && o->ex == m->ex && o->step == m->step &&
		    o->dir == m->dir && o->msgid == m->msgid)
			fprintf(fp, " +%.3fs", o->ts - sa->first_ts);
	}
	fprintf(fp, "; back-off");
	for (k = i + 1; k < sa->nmsgs; k++) {
		const struct trk_msg *o = &sa->msgs[k];

		if (o->retransmit && o->ex == m->ex && o->step == m->step &&
		    o->dir == m->dir && o->msgid == m->msgid) {
			fprintf(fp, " %.2f", o->ts - prev);
			prev = o->ts;
			n++;
		}
	}
	fprintf(fp, "%s)", n ? " s" : " -");
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

void
out_timeline_text(FILE *fp, const struct trk *t, const struct trk_ike_sa *sa)
{
	char a[64], b[64], r[160], nb[64], pi[16], pr[16];
	struct out_tl_id idi, idr;
	const char *mode = out_mode_token(sa->mode);
	struct out_esp_ctx oc;
	uint32_t i;
	double rtt;

	(void)t;	/* the SA lists its own ESP flows */
	fprintf(fp, "IKE SA %llu  %s:%s (I) <-> %s:%s (R)  %02x%02x%02x%02x"
	    "%02x%02x%02x%02x/%02x%02x%02x%02x%02x%02x%02x%02x\n",
	    (unsigned long long)sa->id,
	    out_addr(sa->af, sa->iaddr, a, sizeof(a)),
	    out_ports(sa->iport0, sa->iport, pi, sizeof(pi)),
	    out_addr(sa->af, sa->raddr, b, sizeof(b)),
	    out_ports(sa->rport0, sa->rport, pr, sizeof(pr)),
	    sa->icookie[0], sa->icookie[1], sa->icookie[2], sa->icookie[3],
	    sa->icookie[4], sa->icookie[5], sa->icookie[6], sa->icookie[7],
	    sa->rcookie[0], sa->rcookie[1], sa->rcookie[2], sa->rcookie[3],
	    sa->rcookie[4], sa->rcookie[5], sa->rcookie[6], sa->rcookie[7]);
	fprintf(fp, "  mode %s", mode != NULL ? mode : "unknown (phase 1 "
	    "not seen)");
	if (sa->chosen.valid)
		fprintf(fp, ", auth %s", isakmp_name_fmt(REG_OAKLEY_AUTH,
		    sa->chosen.auth, nb, sizeof(nb)));
	fprintf(fp, ", %s", trk_state_name(sa->state));
	if (trk_reason_text(sa, r, sizeof(r)) > 0)
		fprintf(fp, " (%s)", r);
	if (sa->state == TRK_ESTABLISHED && sa->established_ts > 0)
		fprintf(fp, ", set-up %.3fs", sa->established_ts -
		    sa->first_ts);
	if (sa->deleted)
		fprintf(fp, ", deleted at +%.3fs", sa->deleted_ts -
		    sa->first_ts);
	if (sa->xauth == 1)
		fprintf(fp, ", XAUTH ok");
	if (sa->initiator_inferred)
		fprintf(fp, ", capture began mid-SA (roles inferred)");
	fputc('\n', fp);
	if (sa->chosen.valid) {
		fprintf(fp, "  proposal: ");
		out_proposal_text(fp, &sa->chosen);
		fprintf(fp, " (offered %u proposal%s, %u transform%s)\n",
		    sa->offered_proposals,
		    sa->offered_proposals == 1 ? "" : "s",
		    sa->offered_transforms,
		    sa->offered_transforms == 1 ? "" : "s");
	}
	out_tl_p1_id(&sa->p1.idi, &idi);
	out_tl_p1_id(&sa->p1.idr, &idr);
	if (idi.v[0] != '\0' || idr.v[0] != '\0')
		fprintf(fp, "  identities: I %s, R %s\n",
		    idi.v[0] ? idi.show : "(not seen)",
		    idr.v[0] ? idr.show : "(not seen)");
	for (i = 0; i < sa->nmsgs; i++) {
		const struct trk_msg *m = &sa->msgs[i];
		const char *l = trk_label_name(m->label);
		char lab[16];

		if (m->retransmit && out_has_original(sa, i))
			continue;	/* folded into its original as xN */
		if (l == NULL)
			snprintf(lab, sizeof(lab), "%s", m->step ? "?" : "-");
		fprintf(fp, "  +%7.3fs  %s  %-4s%s", m->ts - sa->first_ts,
		    m->dir == TRK_I2R ? "I -> R" : "I <- R",
		    l != NULL ? l : lab, m->retransmit ? " (resent)" : "");
		if (l == NULL || m->exch == ISAKMP_EXCH_QUICK ||
		    m->exch == ISAKMP_EXCH_INFO ||
		    m->exch == ISAKMP_EXCH_TRANSACTION)
			fprintf(fp, " %s %08x", out_ex_name(m->exch, nb,
			    sizeof(nb)), m->msgid);
		if (m->encrypted && !m->decrypted)
			fprintf(fp, " encrypted (%u bytes)", m->len);
		else
			out_pl_list(fp, m->pl, m->npl);
		if (m->notify)
			fprintf(fp, "  N(%s)", isakmp_name_fmt(REG_NOTIFY,
			    m->notify, nb, sizeof(nb)));
		if (m->resent)
			out_resends(fp, sa, i);
		if (m->off_script)
			fprintf(fp, "  [off script]");
		if (m->out_of_order)
			fprintf(fp, "  [out of order]");
		rtt = out_step_rtt(sa, i);
		if (rtt >= 0)
			fprintf(fp, "  (+%.1f ms)", rtt * 1000.0);
		fputc('\n', fp);
	}
	if (sa->msgs_dropped)
		fprintf(fp, "  (%u more messages not kept: cap)\n",
		    sa->msgs_dropped);
	for (i = 0; i < sa->nex; i++) {
		const struct trk_exchange *e = &sa->ex[i];
		uint8_t k;

		if (e->type != ISAKMP_EXCH_QUICK &&
		    e->type != ISAKMP_EXCH_TRANSACTION && !e->dpd && !e->del)
			continue;
		fprintf(fp, "  %s %08x: %s", out_ex_name(e->type, nb,
		    sizeof(nb)), e->msgid, trk_state_name(e->state));
		if (trk_ex_reason_text(e, r, sizeof(r)) > 0)
			fprintf(fp, " (%s)", r);
		if (e->dpd)
			fprintf(fp, " DPD seq %u", e->dpd_seq);
		if (e->del)
			fprintf(fp, " DELETE %s", out_proto(e->del_proto, nb,
			    sizeof(nb)));
		for (k = 0; k < e->nspis; k++)
			fprintf(fp, "%s%08x", k ? "," : " spis ", e->spis[k]);
		if (e->chosen.valid && e->type == ISAKMP_EXCH_QUICK) {
			fprintf(fp, "\n    ");
			out_qm_proposal_text(fp, &e->chosen);
		}
		if (out_tl_id(&e->idc[0], &idi) && idi.v[0] != '\0') {
			out_tl_id(&e->idc[1], &idr);
			fprintf(fp, "\n    traffic %s <-> %s", idi.show,
			    idr.show);
		}
		if (e->missing)
			fprintf(fp, " [%u step(s) missing]", e->missing);
		fputc('\n', fp);
	}
	if (sa->ex_dropped)
		fprintf(fp, "  (%u more exchanges not kept: cap)\n",
		    sa->ex_dropped);
	memset(&oc, 0, sizeof(oc));
	oc.fp = fp;
	oc.ike_id = sa->id;
	trk_foreach_sa_esp(sa, out_esp_row_text, &oc);
	fputc('\n', fp);
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
	FILE *fp = w->fp;
	char a[64], b[64], r[160];
	const char *mode = out_mode_token(sa->mode);

	if (w->keep != NULL && !w->keep->ike(sa, w->keep->arg))
		return;
	trk_reason_text(sa, r, sizeof(r));
	fprintf(fp, "%-4llu %02x%02x%02x%02x%02x%02x%02x%02x  %-22s %-22s "
	    "%-10s %-11s %4u  %s\n", (unsigned long long)sa->id,
	    sa->icookie[0], sa->icookie[1], sa->icookie[2], sa->icookie[3],
	    sa->icookie[4], sa->icookie[5], sa->icookie[6], sa->icookie[7],
	    out_addr(sa->af, sa->iaddr, a, sizeof(a)),
	    out_addr(sa->af, sa->raddr, b, sizeof(b)),
	    mode != NULL ? mode : "-", trk_state_name(sa->state), sa->nmsgs,
	    r);
}

static void
out_sas_esp_row(const struct trk_esp *f, void *arg)
{
	struct out_sas_walk *w = arg;
	FILE *fp = w->fp;
	char a[64], b[64], seq[24], ike[24];
	double dur = f->last_ts - f->first_ts;

	if (w->keep != NULL && !w->keep->esp(f, w->keep->arg))
		return;
	snprintf(seq, sizeof(seq), "%u..%u", f->seq_first, f->seq_max);
	if (f->ike_id != 0)
		snprintf(ike, sizeof(ike), "%llu%s",
		    (unsigned long long)f->ike_id, f->linked_by_spi ? "" : "?");
	else
		snprintf(ike, sizeof(ike), "-");
	fprintf(fp, "%08x  %-22s %-22s %4s %8llu %10llu %8.1f %21s %6llu "
	    "%6llu %6llu %6llu %7llu %9llu\n", f->spi,
	    out_addr(f->af, f->src, a, sizeof(a)),
	    out_addr(f->af, f->dst, b, sizeof(b)), ike,
	    (unsigned long long)f->packets, (unsigned long long)f->bytes,
	    dur > 0 ? (double)(f->packets - 1) / dur : 0.0, seq,
	    (unsigned long long)f->gaps, (unsigned long long)f->dups,
	    (unsigned long long)f->reordered, (unsigned long long)f->late,
	    (unsigned long long)f->icv_bad, (unsigned long long)f->decrypted);
}

void
out_timeline_sas_text(FILE *fp, const struct trk *t,
    const struct out_sas_keep *keep)
{
	struct out_sas_walk w = { fp, NULL, keep, 0, 0 };
	struct trk_stats st;

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
	fprintf(fp, "\nESP SAs (%zu)\n", st.esp_now);
	fprintf(fp, "%-8s  %-22s %-22s %4s %8s %10s %8s %21s %6s %6s %6s "
	    "%6s %7s %9s\n", "spi", "src", "dst", "ike", "packets", "bytes",
	    "pkt/s", "seq", "gaps", "dups", "reord", "late", "icv_bad",
	    "decrypted");
	trk_foreach_esp(t, out_sas_esp_row, &w);
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
	struct out_sas_walk w = { NULL, j, keep, 0, 0 };

	trk_foreach_ike(t, out_sas_ike_json, &w);
	trk_foreach_esp(t, out_sas_esp_json, &w);
}
