/*
 * out_json.c - per-frame NDJSON records (the DESIGN contract; every key is
 * documented in doc/json.md).
 */
#include <stdio.h>

#include "core/fmt.h"
#include "engine/engine.h"
#include "out/out_json.h"
#include "dissectors/isakmp_names.h"
#include "out/out_isakmp.h"

/* 32-bit identifiers (SPI, message ID) are hex strings in the contract. */
static const char *
hex32(uint32_t v, char *buf)
{
	static const char hx[] = "0123456789abcdef";
	int i;

	for (i = 7; i >= 0; i--, v >>= 4)
		buf[i] = hx[v & 0xf];
	buf[8] = '\0';
	return buf;
}

/* Exchange tokens of the JSON contract; other values as their number. */
static void
out_json_exchange(struct json *j, uint8_t x)
{
	char buf[8];
	const char *s = NULL;

	switch (x) {
	case ISAKMP_EXCH_BASE:
		s = "base";
		break;
	case ISAKMP_EXCH_MAIN:
		s = "main";
		break;
	case ISAKMP_EXCH_AUTH_ONLY:
		s = "auth_only";
		break;
	case ISAKMP_EXCH_AGGRESSIVE:
		s = "aggressive";
		break;
	case ISAKMP_EXCH_INFO:
		s = "informational";
		break;
	case ISAKMP_EXCH_TRANSACTION:
		s = "transaction";
		break;
	case ISAKMP_EXCH_QUICK:
		s = "quick";
		break;
	case ISAKMP_EXCH_NEW_GROUP:
		s = "new_group";
		break;
	default:
		snprintf(buf, sizeof(buf), "%u", x);
		s = buf;
		break;
	}
	json_kstr(j, "exchange", s);
}

static void
out_json_isakmp(struct json *j, const struct opts *o,
    const struct frame_rec *fr)
{
	const struct isakmp_msg *m = &fr->isakmp;
	const struct isakmp_hdr *h = &m->hdr;
	char ver[2 * FMT_U64_MAX + 2], buf[12];
	size_t n;

	json_key(j, fr->pkt.kind == PKT_IKEV2 ? "ikev2" : "isakmp");
	json_obj_begin(j);
	if (m->status == DIS_TRUNCATED &&
	    cur_left(&fr->pkt.payload) < ISAKMP_HDR_LEN) {
		json_kbool(j, "truncated", true);
		json_obj_end(j);
		return;
	}
	json_khex(j, "icookie", h->icookie, 8);
	json_khex(j, "rcookie", h->rcookie, 8);
	/* "%u.%u" */
	n = fmt_u64(ver, h->maj);
	ver[n++] = '.';
	n += fmt_u64(ver + n, h->min);
	json_key(j, "version");
	json_strn(j, ver, n);
	if (fr->pkt.kind == PKT_IKEV2) {
		/* IKEv2: labelled, not decoded (RFC 7296 exchange names). */
		json_kstr(j, "exchange", isakmp_token(REG_EXCHANGE, h->exch));
		json_ku64(j, "exchange_type", h->exch);
	} else {
		out_json_exchange(j, h->exch);
		json_ku64(j, "exchange_type", h->exch);
	}
	json_ku64(j, "flags", h->flags);
	json_kstr(j, "msgid", hex32(h->msgid, buf));
	json_ku64(j, "length", h->len);
	if (fr->pkt.kind == PKT_ISAKMP) {
		json_kstr(j, "label", fr->tracked ?
		    trk_label_name(fr->trk.label) : NULL);
		json_kbool(j, "retransmit", fr->tracked && fr->trk.retransmit);
		if (fr->tracked) {
			json_kstr(j, "dir", trk_dir_name(fr->trk.dir));
			json_ku64(j, "ike_sa", fr->trk.sa->id);
		}
		json_kbool(j, "encrypted", m->encrypted);
		json_kbool(j, "decrypted", m->encrypted && fr->ike_tried &&
		    fr->ike.st == IKE_DEC_OK);
		if (m->encrypted && !(fr->ike_tried &&
		    fr->ike.st == IKE_DEC_OK))
			json_ku64(j, "encrypted_bytes", cur_left(&m->body));
		if (fr->ike_tried) {
			json_key(j, "decryption");
			json_obj_begin(j);
			json_kstr(j, "status", ike_dec_status_token(fr->ike.st));
			json_kstr(j, "hash", ike_hash_status_name(fr->ike.hash));
			if (fr->ike.key_source != NULL)
				json_kstr(j, "key", fr->ike.key_source);
			if (fr->ike.iv_len != 0)
				json_khex(j, "iv", fr->ike.iv, fr->ike.iv_len);
			json_obj_end(j);
		}
		out_isakmp_json_payloads(j, m, o->show_secrets);
	}
	json_obj_end(j);
}

/* ---- ESP decryption (espd.h); keys in doc/json.md ---- */

static void	out_json_esp_layer(struct json *, const struct espd_result *,
		    unsigned);

static void
out_json_esp_inner(struct json *j, const struct espd_result *r, unsigned i)
{
	const struct espd_layer *l = &r->l[i];
	const struct pkt *in = &l->inner;
	char a[64], buf[12];

	json_key(j, "inner");
	json_obj_begin(j);
	json_ku64(j, "proto", in->proto);
	json_kstr(j, "src", pkt_addr_str(in->af, in->src, a, sizeof(a)));
	json_kstr(j, "dst", pkt_addr_str(in->af, in->dst, a, sizeof(a)));
	if (l->has_l4 && (in->proto == 6 || in->proto == 17)) {
		json_ku64(j, "sport", l->sport);
		json_ku64(j, "dport", l->dport);
	} else if (l->has_l4) {
		json_ku64(j, "icmp_type", l->icmp_type);
		json_ku64(j, "icmp_code", l->icmp_code);
	}
	json_ku64(j, "len", l->ip_len);
	json_kstr(j, "kind", pkt_kind_name(in->kind));
	if (in->fragment)
		json_kbool(j, "fragment", true);
	if (in->reassembled)
		json_kbool(j, "reassembled", true);
	if (i + 1 < r->n) {
		json_key(j, "esp");
		json_obj_begin(j);
		json_kstr(j, "spi", hex32(r->l[i + 1].spi, buf));
		json_ku64(j, "seq", r->l[i + 1].seq);
		out_json_esp_layer(j, r, i + 1);
		json_obj_end(j);
	}
	json_obj_end(j);
}

static void
out_json_esp_layer(struct json *j, const struct espd_result *r, unsigned i)
{
	const struct espd_layer *l = &r->l[i];

	json_kbool(j, "decrypted", l->decrypted);
	json_kstr(j, "icv", cry_icv_name(l->icv));
	json_kbool(j, "sa_known", l->sa_known);
	if (!l->sa_known)
		return;
	json_kstr(j, "enc", ks_enc_name(l->sa->enc));
	json_kstr(j, "auth", ks_auth_name(l->auth));
	if (l->esn)
		json_ku64(j, "seq64", l->seq64);
	if (l->esn_inferred)
		json_kbool(j, "esn_inferred", true);
	if (l->trunc_inferred)
		json_kbool(j, "truncation_inferred", true);
	if (l->error != NULL)
		json_kstr(j, "error", l->error);
	if (l->detail != NULL)
		json_kstr(j, "error_detail", l->detail);
	if (!l->decrypted)
		return;
	json_kstr(j, "mode", espd_mode_name(l->mode));
	json_ku64(j, "next_header", l->next_header);
	json_ku64(j, "pad_len", l->pad_len);
	if (l->pad_nonstd)
		json_kbool(j, "nonstandard_padding", true);
	if (l->tfc_pad != 0)
		json_ku64(j, "tfc_padding", l->tfc_pad);
	if (l->ip != NULL)
		out_json_esp_inner(j, r, i);
}

/* ---- end ESP ---- */

static void
out_json_anomalies(struct json *j, const struct an_list *l)
{
	uint8_t i;
	char t[160];

	if (l->n == 0)
		return;
	json_key(j, "anomalies");
	json_arr_begin(j);
	for (i = 0; i < l->n; i++) {
		json_obj_begin(j);
		json_kstr(j, "id", an_stable_id(l->a[i].id));
		json_kstr(j, "severity",
		    an_severity_name(an_severity(l->a[i].id)));
		an_format(&l->a[i], t, sizeof(t));
		json_kstr(j, "text", t);
		json_obj_end(j);
	}
	json_arr_end(j);
	if (l->dropped)
		json_ku64(j, "anomalies_dropped", l->dropped);
}

void
out_json_frame(struct json *j, const struct opts *o, const struct frame_rec *fr)
{
	const struct pkt *p = &fr->pkt;
	char a[64], buf[12];

	json_obj_begin(j);
	json_ku64(j, "frame", p->frame);
	if (p->file != 0) {	/* a capture set */
		json_ku64(j, "file", p->file);
		json_ku64(j, "file_frame", p->file_frame);
	}
	json_key(j, "ts");
	json_double(j, p->ts, 6);
	json_ku64(j, "caplen", p->caplen);
	json_ku64(j, "len", p->wirelen);
	if (p->af != 0) {
		json_kstr(j, "src", pkt_addr_str(p->af, p->src, a, sizeof(a)));
		json_kstr(j, "dst", pkt_addr_str(p->af, p->dst, a, sizeof(a)));
		json_ku64(j, "ip_proto", p->proto);
	} else {
		json_kstr(j, "src", NULL);
		json_kstr(j, "dst", NULL);
	}
	if (p->has_ports) {
		json_ku64(j, "sport", p->sport);
		json_ku64(j, "dport", p->dport);
	} else {
		json_kstr(j, "sport", NULL);
		json_kstr(j, "dport", NULL);
	}
	json_kstr(j, "kind", pkt_kind_name(p->kind));
	if (p->natt)
		json_kbool(j, "udp_encap", true);
	if (p->fragment) {
		json_kbool(j, "fragment", true);
		json_ku64(j, "frag_id", p->frag_id);
		json_ku64(j, "frag_offset", p->frag_off);
		json_kbool(j, "frag_more", p->frag_more);
	}
	if (p->reassembled) {
		json_kbool(j, "reassembled", true);
		json_ku64(j, "fragments", p->nfrags);
		json_ku64(j, "first_frame", p->first_frame);
	}
	if (fr->ike_fragment)
		json_kbool(j, "ike_fragment", true);
	if (fr->ike_nfrags) {
		json_ku64(j, "ike_fragments", fr->ike_nfrags);
		json_ku64(j, "ike_first_frame", fr->ike_frag_first);
	}
	if (fr->has_isakmp)
		out_json_isakmp(j, o, fr);
	if (fr->has_esp) {
		json_key(j, "esp");
		json_obj_begin(j);
		json_kstr(j, "spi", hex32(fr->esp.spi, buf));
		json_ku64(j, "seq", fr->esp.seq);
		json_ku64(j, "length", cur_left(&p->payload));
		if (fr->espr.n > 0)
			out_json_esp_layer(j, &fr->espr, 0);
		else {
			json_kbool(j, "decrypted", false);
			json_kstr(j, "icv", "unchecked");
		}
		json_obj_end(j);
	}
	out_json_anomalies(j, &p->an);
	json_obj_end(j);
	json_end_line(j);
}
