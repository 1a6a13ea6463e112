/*
 * out_text.c - one line per frame, in the spirit of tcpdump's default
 * output: frame number, UTC time of day, addresses and ports, what the
 * frame carries, and any anomalies in brackets.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "core/fmt.h"
#include "engine/engine.h"
#include "out/out_text.h"
#include "dissectors/isakmp_names.h"
#include "out/out_isakmp.h"

/*
 * Lines are built with these helpers in the caller's buffer (struct
 * out_lines, out_text.h) and written when it fills, or when the caller says
 * (out_lines_flush): the per-frame path of a large capture is dominated by
 * formatting, and fprintf's format parsing, or a stdio call per line,
 * costs more than the decode itself.
 */

void
out_lines_init(struct out_lines *l, out_buf_fn *out, void *arg, char *buf,
    size_t cap)
{
	l->out = out;
	l->out_arg = arg;
	l->n = 0;
	l->b = out != NULL ? buf : l->own;
	l->cap = out != NULL ? cap : sizeof(l->own);
}

static void
lb_flush(FILE *fp, struct out_lines *l)
{
	if (l->n == 0)
		return;
	if (l->out != NULL)
		l->b = l->out(l->out_arg, l->n);
	else
		fwrite(l->b, 1, l->n, fp);
	l->n = 0;
}

void
out_lines_flush(FILE *fp, struct out_lines *l)
{
	lb_flush(fp, l);
}

/* the rare case of lb_mem: no room left */
static void
lb_mem_full(FILE *fp, struct out_lines *l, const char *s, size_t n)
{
	size_t k;

	lb_flush(fp, l);
	if (n > l->cap && l->out == NULL) {
		fwrite(s, 1, n, fp);
		return;
	}
	for (; n > l->cap; s += k, n -= k) {	/* out's: in pieces */
		k = l->cap - l->n;
		memcpy(l->b + l->n, s, k);
		l->n += k;
		lb_flush(fp, l);
	}
	memcpy(l->b + l->n, s, n);
	l->n += n;
}

/* inline, so that a literal's constant length makes the copy a move */
static inline __attribute__((always_inline)) void
lb_mem(FILE *fp, struct out_lines *l, const char *s, size_t n)
{
	if (n > l->cap - l->n) {
		lb_mem_full(fp, l, s, n);
		return;
	}
	memcpy(l->b + l->n, s, n);
	l->n += n;
}

void
out_lines_put(struct out_lines *l, const char *s, size_t n)
{
	lb_mem(NULL, l, s, n);
}

/* a string literal */
#define lb_lit(fp, l, s)	lb_mem((fp), (l), "" s, sizeof(s) - 1)

static void
lb_str(FILE *fp, struct out_lines *l, const char *s)
{
	lb_mem(fp, l, s, strlen(s));
}

static void __attribute__((format(printf, 3, 4)))
lb_printf(FILE *fp, struct out_lines *l, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(l->b + l->n, l->cap - l->n, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if ((size_t)n < l->cap - l->n) {
		l->n += (size_t)n;
		return;
	}
	/*
	 * It did not fit: what vsnprintf wrote past l->n is dropped, and it
	 * is made again in the empty buffer (the callers' lines are short).
	 */
	lb_flush(fp, l);
	if (l->out == NULL) {
		va_start(ap, fmt);
		vfprintf(fp, fmt, ap);
		va_end(ap);
		return;
	}
	va_start(ap, fmt);
	n = vsnprintf(l->b, l->cap, fmt, ap);
	va_end(ap);
	if (n > 0)
		l->n = (size_t)n < l->cap ? (size_t)n : l->cap - 1;
}

/* n bytes of room (n small), writing the buffer out when short */
static inline __attribute__((always_inline)) char *
lb_room(FILE *fp, struct out_lines *l, size_t n)
{
	if (n > l->cap - l->n)
		lb_flush(fp, l);
	return l->b + l->n;
}

static void
lb_u64(FILE *fp, struct out_lines *l, uint64_t v)
{
	char *e = lb_room(fp, l, FMT_U64_MAX);

	l->n += fmt_u64(e, v);
}

static void
lb_hex32(FILE *fp, struct out_lines *l, uint32_t v)
{
	char *e = lb_room(fp, l, 8);

	l->n += fmt_hex32(e, v);
}

/* n bytes as hex; n is small (a cookie) */
static void
lb_hex(FILE *fp, struct out_lines *l, const uint8_t *p, size_t n)
{
	char *e = lb_room(fp, l, 2 * n);

	l->n += fmt_hex(e, p, n);
}

/* An address, written in place by the packet layer's formatter. */
static void
lb_addr(FILE *fp, struct out_lines *l, int af, const uint8_t *a)
{
	char *e = lb_room(fp, l, PKT_ADDR_STRLEN);	/* may write l out */

	l->n += pkt_addr_fmt(af, a, e);
}

/* UTC time of day */
static void
out_text_time(FILE *fp, struct out_lines *l, double ts)
{
	char *e = lb_room(fp, l, FMT_TOD_LEN);

	l->n += fmt_tod(e, ts);
}

/* Names of the IP protocols a capture usually holds besides IKE/ESP. */
static const char *
out_text_proto(uint8_t proto)
{
	switch (proto) {
	case 1:
		return "ICMP";
	case 6:
		return "TCP";
	case 17:
		return "UDP";
	case 47:
		return "GRE";
	case 58:
		return "ICMPv6";
	case 89:
		return "OSPF";
	case 132:
		return "SCTP";
	default:
		return NULL;
	}
}

/* Names of the non-IP ethertypes a capture usually holds. */
static const char *
out_text_ethertype(uint16_t et)
{
	switch (et) {
	case 0x0806:
		return "ARP";
	case 0x8035:
		return "RARP";
	case 0x888e:
		return "EAPOL";
	case 0x88cc:
		return "LLDP";
	case 0x8863:
	case 0x8864:
		return "PPPoE";
	case 0x8847:
	case 0x8848:
		return "MPLS";
	default:
		return "non-IP";
	}
}

static void
out_text_isakmp(FILE *fp, struct out_lines *lb, const struct frame_rec *fr)
{
	const struct isakmp_msg *m = &fr->isakmp;
	const struct isakmp_hdr *h = &m->hdr;
	const char *x;
	char *e;

	if (fr->pkt.kind == PKT_IKEV2)
		lb_lit(fp, lb, " IKEv2");
	else
		lb_lit(fp, lb, " ISAKMP");
	if (m->status == DIS_TRUNCATED && cur_left(&fr->pkt.payload) <
	    ISAKMP_HDR_LEN)
		return;
	if (fr->tracked && trk_label_name(fr->trk.label) != NULL) {
		lb_lit(fp, lb, " ");
		lb_str(fp, lb, trk_label_name(fr->trk.label));
		if (fr->trk.retransmit)
			lb_lit(fp, lb, " (retransmit)");
	} else if (fr->tracked && fr->trk.retransmit)
		lb_lit(fp, lb, " (retransmit)");
	/* The registry knows IKEv1 (1-33) and IKEv2 (34-37, ...) exchanges. */
	lb_lit(fp, lb, " ");
	lb_u64(fp, lb, h->maj);
	lb_lit(fp, lb, ".");
	lb_u64(fp, lb, h->min);
	x = isakmp_short(REG_EXCHANGE, h->exch);
	if (x != NULL) {
		lb_lit(fp, lb, " ");
		lb_str(fp, lb, x);
	} else {
		lb_lit(fp, lb, " exch ");
		lb_u64(fp, lb, h->exch);
	}
	lb_lit(fp, lb, " i=");
	lb_hex(fp, lb, h->icookie, 8);
	lb_lit(fp, lb, " r=");
	lb_hex(fp, lb, h->rcookie, 8);
	lb_lit(fp, lb, " msgid=");
	lb_hex32(fp, lb, h->msgid);
	lb_lit(fp, lb, " len=");
	lb_u64(fp, lb, h->len);
	/* IKEv1 flag letters; any other bit (and IKEv2's) as a number. */
	if (h->maj == 1 && h->flags != 0 && (h->flags & ~0x07) == 0) {
		lb_lit(fp, lb, " flags=");
		if (h->flags & ISAKMP_FLAG_E)
			lb_lit(fp, lb, "E");
		if (h->flags & ISAKMP_FLAG_C)
			lb_lit(fp, lb, "C");
		if (h->flags & ISAKMP_FLAG_A)
			lb_lit(fp, lb, "A");
	} else if (h->maj == 2 && h->flags != 0 && (h->flags & ~0x38) == 0) {
		/* RFC 7296 3.1: Initiator, higher Version, Response */
		lb_lit(fp, lb, " flags=");
		if (h->flags & 0x08)
			lb_lit(fp, lb, "I");
		if (h->flags & 0x10)
			lb_lit(fp, lb, "V");
		if (h->flags & 0x20)
			lb_lit(fp, lb, "R");
	} else if (h->flags != 0) {
		lb_lit(fp, lb, " flags=0x");
		lb_hex(fp, lb, &h->flags, 1);
	}
	if (m->encrypted && fr->ike_tried && fr->ike.st == IKE_DEC_OK) {
		lb_lit(fp, lb, " decrypted (hash ");
		lb_str(fp, lb, ike_hash_status_name(fr->ike.hash));
		lb_lit(fp, lb, ")");
	} else if (m->encrypted) {
		lb_lit(fp, lb, " encrypted (");
		lb_u64(fp, lb, cur_left(&m->body));
		lb_lit(fp, lb, " bytes)");
		if (fr->ike_tried) {
			lb_lit(fp, lb, " [");
			lb_str(fp, lb, ike_dec_status_name(fr->ike.st));
			lb_lit(fp, lb, "]");
		}
		return;
	}
	e = lb_room(fp, lb, OUT_ISAKMP_LIST_MAX);
	lb->n += out_isakmp_list(e, m);
}

/* ---- ESP decryption (espd.h) ---- */

static void
out_text_esp(FILE *fp, struct out_lines *lb, const struct espd_result *r,
    unsigned i)
{
	const struct espd_layer *l = &r->l[i];
	const struct pkt *in = &l->inner;

	if (!l->sa_known)
		return;
	if (!l->decrypted) {
		lb_lit(fp, lb, " [not decrypted: ");
		lb_str(fp, lb, l->error ? l->error : "?");
		if (l->detail) {
			lb_lit(fp, lb, " (");
			lb_str(fp, lb, l->detail);
			lb_lit(fp, lb, ")");
		}
		lb_lit(fp, lb, "]");
		return;
	}
	lb_lit(fp, lb, " decrypted icv=");
	lb_str(fp, lb, cry_icv_name(l->icv));
	lb_lit(fp, lb, " ");
	lb_str(fp, lb, espd_mode_name(l->mode));
	if (l->pad_nonstd)
		lb_lit(fp, lb, " padding=nonstandard");
	if (l->ip == NULL)
		return;
	lb_lit(fp, lb, " {");
	lb_addr(fp, lb, in->af, in->src);
	lb_lit(fp, lb, " > ");
	lb_addr(fp, lb, in->af, in->dst);
	lb_lit(fp, lb, " proto ");
	lb_u64(fp, lb, in->proto);
	if (l->has_l4 && (in->proto == 6 || in->proto == 17)) {
		lb_lit(fp, lb, " ");
		lb_u64(fp, lb, l->sport);
		lb_lit(fp, lb, " > ");
		lb_u64(fp, lb, l->dport);
	} else if (l->has_l4) {
		lb_lit(fp, lb, " type ");
		lb_u64(fp, lb, l->icmp_type);
		lb_lit(fp, lb, " code ");
		lb_u64(fp, lb, l->icmp_code);
	}
	lb_lit(fp, lb, " len ");
	lb_u64(fp, lb, l->ip_len);
	if (in->kind != PKT_OTHER) {
		lb_lit(fp, lb, " ");
		lb_str(fp, lb, pkt_kind_name(in->kind));
	}
	if (in->fragment)
		lb_lit(fp, lb, " fragment");
	if (i + 1 < r->n) {
		lb_lit(fp, lb, " spi=0x");
		lb_hex32(fp, lb, r->l[i + 1].spi);
		lb_lit(fp, lb, " seq=");
		lb_u64(fp, lb, r->l[i + 1].seq);
		out_text_esp(fp, lb, r, i + 1);
	}
	lb_lit(fp, lb, "}");
	if (l->tfc_pad != 0) {
		lb_lit(fp, lb, " tfc=");
		lb_u64(fp, lb, l->tfc_pad);
	}
}

/* ---- end ESP ---- */

void
out_text_frame(FILE *fp, struct out_lines *lb, const struct opts *o,
    const struct frame_rec *fr)
{
	const struct pkt *p = &fr->pkt;
	uint8_t i;

	lb_u64(fp, lb, p->frame);
	lb_lit(fp, lb, " ");
	out_text_time(fp, lb, p->ts);
	if (p->af != 0) {
		lb_lit(fp, lb, " ");
		lb_addr(fp, lb, p->af, p->src);
		if (p->has_ports) {
			lb_lit(fp, lb, ".");
			lb_u64(fp, lb, p->sport);
		}
		lb_lit(fp, lb, " > ");
		lb_addr(fp, lb, p->af, p->dst);
		if (p->has_ports) {
			lb_lit(fp, lb, ".");
			lb_u64(fp, lb, p->dport);
		}
		lb_lit(fp, lb, ":");
	}
	if (p->kind == PKT_ESP) {
		if (p->natt)
			lb_lit(fp, lb, " ESP-in-UDP");
		else
			lb_lit(fp, lb, " ESP");
		if (fr->has_esp) {
			lb_lit(fp, lb, " spi=0x");
			lb_hex32(fp, lb, fr->esp.spi);
			lb_lit(fp, lb, " seq=");
			lb_u64(fp, lb, fr->esp.seq);
			lb_lit(fp, lb, " len=");
			lb_u64(fp, lb, cur_left(&p->payload));
		}
		if (fr->espr.n > 0)
			out_text_esp(fp, lb, &fr->espr, 0);
	}
	switch (p->kind) {
	case PKT_ISAKMP:
	case PKT_IKEV2:
		out_text_isakmp(fp, lb, fr);
		break;
	case PKT_ESP:		/* above */
		break;
	case PKT_NAT_KEEPALIVE:
		lb_lit(fp, lb, " NAT-keepalive");
		break;
	case PKT_OTHER:
		if (p->fragment)
			lb_printf(fp, lb, " IP fragment id=0x%x off=%u%s "
			    "proto %u", p->frag_id, p->frag_off,
			    p->frag_more ? " MF" : "", p->proto);
		else if (p->af != 0 && out_text_proto(p->proto) != NULL)
			lb_printf(fp, lb, " %s", out_text_proto(p->proto));
		else if (p->af != 0)
			lb_printf(fp, lb, " proto %u%s", p->proto,
			    p->has_ports ? " (udp)" : "");
		else if (p->ethertype != 0)
			lb_printf(fp, lb, " %s (ethertype 0x%04x)",
			    out_text_ethertype(p->ethertype), p->ethertype);
		else
			lb_lit(fp, lb, " other");
		break;
	}
	if (p->reassembled)
		lb_printf(fp, lb, " (reassembled from %u fragments, first "
		    "frame %u)", p->nfrags, p->first_frame);
	if (fr->ike_fragment)
		lb_lit(fp, lb, " (IKE fragment, message incomplete)");
	if (fr->ike_nfrags)
		lb_printf(fp, lb, " (IKE message reassembled from %u "
		    "fragments, first frame %u)", fr->ike_nfrags,
		    fr->ike_frag_first);
	for (i = 0; i < p->an.n; i++) {
		char t[160];

		an_format(&p->an.a[i], t, sizeof(t));
		lb_printf(fp, lb, " [%s: %s]",
		    an_severity_name(an_severity(p->an.a[i].id)), t);
	}
	if (p->an.dropped)
		lb_printf(fp, lb, " [+%u more anomalies]", p->an.dropped);
	lb_lit(fp, lb, "\n");
	if (o->verbose && fr->has_isakmp && p->kind == PKT_ISAKMP) {
		lb_flush(fp, lb);
		out_isakmp_tree(fp, &fr->isakmp, 1, o->show_secrets);
	}
}
