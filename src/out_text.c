/*
 * out_text.c - one line per frame, in the spirit of tcpdump's default
 * output: frame number, UTC time of day, addresses and ports, what the
 * frame carries, and any anomalies in brackets.
 */
#include <stdio.h>
#include <time.h>

#include "engine.h"
#include "isakmp_names.h"
#include "out_isakmp.h"

static void
out_text_time(FILE *fp, double ts)
{
	time_t t = (time_t)ts;
	long usec = (long)((ts - (double)t) * 1e6 + 0.5);
	struct tm tm;

	if (usec >= 1000000) {
		t++;
		usec -= 1000000;
	}
	gmtime_r(&t, &tm);
	fprintf(fp, "%02d:%02d:%02d.%06ld", tm.tm_hour, tm.tm_min, tm.tm_sec,
	    usec);
}

static void
out_text_hex(FILE *fp, const uint8_t *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		fprintf(fp, "%02x", p[i]);
}

static void
out_text_isakmp(FILE *fp, const struct frame_rec *fr)
{
	const struct isakmp_msg *m = &fr->isakmp;
	const struct isakmp_hdr *h = &m->hdr;
	const char *x;

	if (fr->pkt.kind == PKT_IKEV2)
		fprintf(fp, " IKEv2");
	else
		fprintf(fp, " ISAKMP");
	if (m->status == DIS_TRUNCATED && cur_left(&fr->pkt.payload) <
	    ISAKMP_HDR_LEN)
		return;
	if (fr->tracked && trk_label_name(fr->trk.label) != NULL)
		fprintf(fp, " %s%s", trk_label_name(fr->trk.label),
		    fr->trk.retransmit ? " (retransmit)" : "");
	else if (fr->tracked && fr->trk.retransmit)
		fprintf(fp, " (retransmit)");
	x = fr->pkt.kind == PKT_ISAKMP ? isakmp_short(REG_EXCHANGE, h->exch) :
	    NULL;
	if (x != NULL)
		fprintf(fp, " %u.%u %s", h->maj, h->min, x);
	else
		fprintf(fp, " %u.%u exch %u", h->maj, h->min, h->exch);
	fprintf(fp, " i=");
	out_text_hex(fp, h->icookie, 8);
	fprintf(fp, " r=");
	out_text_hex(fp, h->rcookie, 8);
	fprintf(fp, " msgid=%08x len=%u", h->msgid, h->len);
	/* IKEv1 flag letters; any other bit (and IKEv2's) as a number. */
	if (h->maj == 1 && h->flags != 0 && (h->flags & ~0x07) == 0)
		fprintf(fp, " flags=%s%s%s", h->flags & ISAKMP_FLAG_E ? "E" : "",
		    h->flags & ISAKMP_FLAG_C ? "C" : "",
		    h->flags & ISAKMP_FLAG_A ? "A" : "");
	else if (h->flags != 0)
		fprintf(fp, " flags=0x%02x", h->flags);
	if (m->encrypted && fr->ike_tried && fr->ike.st == IKE_DEC_OK)
		fprintf(fp, " decrypted (hash %s)",
		    ike_hash_status_name(fr->ike.hash));
	else if (m->encrypted) {
		fprintf(fp, " encrypted (%zu bytes)", cur_left(&m->body));
		if (fr->ike_tried)
			fprintf(fp, " [%s]", ike_dec_status_name(fr->ike.st));
		return;
	}
	out_isakmp_list(fp, m);
}

/* ---- ESP decryption (esp_dec.h) ---- */

static void
out_text_esp(FILE *fp, const struct espd_result *r, unsigned i)
{
	const struct espd_layer *l = &r->l[i];
	const struct pkt *in = &l->inner;
	char a[64], b[64];

	if (!l->sa_known)
		return;
	if (!l->decrypted) {
		fprintf(fp, " [not decrypted: %s%s%s%s]", l->error ? l->error :
		    "?", l->detail ? " (" : "", l->detail ? l->detail : "",
		    l->detail ? ")" : "");
		return;
	}
	fprintf(fp, " decrypted icv=%s %s", cry_icv_name(l->icv),
	    espd_mode_name(l->mode));
	if (l->ip == NULL)
		return;
	pkt_addr_str(in->af, in->src, a, sizeof(a));
	pkt_addr_str(in->af, in->dst, b, sizeof(b));
	fprintf(fp, " {%s > %s proto %u", a, b, in->proto);
	if (l->has_l4 && (in->proto == 6 || in->proto == 17))
		fprintf(fp, " %u > %u", l->sport, l->dport);
	else if (l->has_l4)
		fprintf(fp, " type %u code %u", l->icmp_type, l->icmp_code);
	fprintf(fp, " len %zu", l->ip_len);
	if (in->kind != PKT_OTHER)
		fprintf(fp, " %s", pkt_kind_name(in->kind));
	if (in->fragment)
		fprintf(fp, " fragment");
	if (i + 1 < r->n) {
		fprintf(fp, " spi=0x%08x seq=%u", r->l[i + 1].spi,
		    r->l[i + 1].seq);
		out_text_esp(fp, r, i + 1);
	}
	fprintf(fp, "}");
	if (l->tfc_pad != 0)
		fprintf(fp, " tfc=%zu", l->tfc_pad);
}

/* ---- end ESP ---- */

void
out_text_frame(FILE *fp, const struct opts *o, const struct frame_rec *fr)
{
	const struct pkt *p = &fr->pkt;
	char a[64], b[64];
	uint8_t i;

	fprintf(fp, "%u ", p->frame);
	out_text_time(fp, p->ts);
	if (p->af != 0) {
		pkt_addr_str(p->af, p->src, a, sizeof(a));
		pkt_addr_str(p->af, p->dst, b, sizeof(b));
		if (p->has_ports)
			fprintf(fp, " %s.%u > %s.%u:", a, p->sport, b, p->dport);
		else
			fprintf(fp, " %s > %s:", a, b);
	}
	switch (p->kind) {
	case PKT_ISAKMP:
	case PKT_IKEV2:
		out_text_isakmp(fp, fr);
		break;
	case PKT_ESP:
		fprintf(fp, " ESP%s", p->natt ? "-in-UDP" : "");
		if (fr->has_esp)
			fprintf(fp, " spi=0x%08x seq=%u len=%zu", fr->esp.spi,
			    fr->esp.seq, cur_left(&p->payload));
		if (fr->espr.n > 0)
			out_text_esp(fp, &fr->espr, 0);
		break;
	case PKT_NAT_KEEPALIVE:
		fprintf(fp, " NAT-keepalive");
		break;
	case PKT_OTHER:
		if (p->fragment)
			fprintf(fp, " IP fragment id=0x%x off=%u%s proto %u",
			    p->frag_id, p->frag_off, p->frag_more ? " MF" : "",
			    p->proto);
		else if (p->af != 0)
			fprintf(fp, " proto %u%s", p->proto,
			    p->has_ports ? " (udp)" : "");
		else if (p->ethertype != 0)
			fprintf(fp, " ethertype 0x%04x", p->ethertype);
		else
			fprintf(fp, " other");
		break;
	}
	if (p->reassembled)
		fprintf(fp, " (reassembled from %u fragments, first frame %u)",
		    p->nfrags, p->first_frame);
	if (fr->ike_fragment)
		fprintf(fp, " (IKE fragment, message incomplete)");
	if (fr->ike_nfrags)
		fprintf(fp, " (IKE message reassembled from %u fragments, "
		    "first frame %u)", fr->ike_nfrags, fr->ike_frag_first);
	for (i = 0; i < p->an.n; i++) {
		char t[160];

		an_format(&p->an.a[i], t, sizeof(t));
		fprintf(fp, " [%s: %s]",
		    an_severity_name(an_severity(p->an.a[i].id)), t);
	}
	if (p->an.dropped)
		fprintf(fp, " [+%u more anomalies]", p->an.dropped);
	putc('\n', fp);
	if (o->verbose && fr->has_isakmp && p->kind == PKT_ISAKMP)
		out_isakmp_tree(fp, &fr->isakmp, 1, o->show_secrets);
}
