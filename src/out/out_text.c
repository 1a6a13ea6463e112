/*
 * out_text.c - one line per frame, in the spirit of tcpdump's default
 * output: frame number, UTC time of day, addresses and ports, what the
 * frame carries, and any anomalies in brackets.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

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

static void
lb_flush(FILE *fp, struct out_lines *l)
{
	if (l->n > 0)
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
	lb_flush(fp, l);
	if (n > sizeof(l->b)) {
		fwrite(s, 1, n, fp);
		return;
	}
	memcpy(l->b, s, n);
	l->n = n;
}

/* inline, so that a literal's constant length makes the copy a move */
static inline __attribute__((always_inline)) void
lb_mem(FILE *fp, struct out_lines *l, const char *s, size_t n)
{
	if (n > sizeof(l->b) - l->n) {
		lb_mem_full(fp, l, s, n);
		return;
	}
	memcpy(l->b + l->n, s, n);
	l->n += n;
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
	n = vsnprintf(l->b + l->n, sizeof(l->b) - l->n, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if ((size_t)n < sizeof(l->b) - l->n) {
		l->n += (size_t)n;
		return;
	}
	/* it did not fit: what vsnprintf wrote past l->n is dropped */
	lb_flush(fp, l);
	va_start(ap, fmt);
	vfprintf(fp, fmt, ap);
	va_end(ap);
}

static const char lb_d2[] =
    "00010203040506070809101112131415161718192021222324252627282930"
    "31323334353637383940414243444546474849505152535455565758596061"
    "62636465666768697071727374757677787980818283848586878889909192"
    "93949596979899";

/* Each byte's two hex digits, a table made once before main. */
static char lb_hx2[256][2];

static void __attribute__((constructor))
lb_tables(void)
{
	static const char hx[] = "0123456789abcdef";
	unsigned v;

	for (v = 0; v < 256; v++) {
		lb_hx2[v][0] = hx[v >> 4];
		lb_hx2[v][1] = hx[v & 0xf];
	}
}

/* n bytes of room (n small), writing the buffer out when short */
static inline __attribute__((always_inline)) char *
lb_room(FILE *fp, struct out_lines *l, size_t n)
{
	if (n > sizeof(l->b) - l->n)
		lb_flush(fp, l);
	return l->b + l->n;
}

/* decimal digits of v (comparisons for the usual small values) */
static inline int
lb_ndigits(uint64_t v)
{
	int n = 10;

	if (v < 100000)
		return v < 100 ? (v < 10 ? 1 : 2) :
		    v < 1000 ? 3 : v < 10000 ? 4 : 5;
	if (v < 10000000000ULL)
		return v < 10000000 ? (v < 1000000 ? 6 : 7) :
		    v < 100000000 ? 8 : v < 1000000000 ? 9 : 10;
	for (v /= 10000000000ULL; v != 0; v /= 10)
		n++;
	return n;
}

/*
 * v in decimal, at least w (<= 20) digits, zero-filled: written in place
 * from the end, two digits at a time, in 32-bit arithmetic when v fits.
 */
static void
lb_u0(FILE *fp, struct out_lines *l, uint64_t v, int w)
{
	int nd = lb_ndigits(v), n = nd > w ? nd : w;
	char *s = lb_room(fp, l, 20), *e = s + n;
	uint32_t u;

	l->n += (size_t)n;
	for (; v > UINT32_MAX; v /= 10)
		*--e = (char)('0' + v % 10);
	for (u = (uint32_t)v; u >= 100; u /= 100) {
		e -= 2;
		memcpy(e, lb_d2 + 2 * (u % 100), 2);
	}
	if (u >= 10) {
		e -= 2;
		memcpy(e, lb_d2 + 2 * u, 2);
	} else
		*--e = (char)('0' + u);
	while (e > s)
		*--e = '0';
}

static void
lb_u64(FILE *fp, struct out_lines *l, uint64_t v)
{
	lb_u0(fp, l, v, 1);
}

static void
lb_hex32(FILE *fp, struct out_lines *l, uint32_t v)
{
	char *e = lb_room(fp, l, 8);

	memcpy(e, lb_hx2[v >> 24], 2);
	memcpy(e + 2, lb_hx2[(v >> 16) & 0xff], 2);
	memcpy(e + 4, lb_hx2[(v >> 8) & 0xff], 2);
	memcpy(e + 6, lb_hx2[v & 0xff], 2);
	l->n += 8;
}

/* An address, written in place by the packet layer's formatter. */
static void
lb_addr(FILE *fp, struct out_lines *l, int af, const uint8_t *a)
{
	char *e = lb_room(fp, l, PKT_ADDR_STRLEN);	/* may write l out */

	l->n += pkt_addr_fmt(af, a, e);
}

/* UTC time of day: a time_t counts 86400 seconds a day. */
static void
out_text_time(FILE *fp, struct out_lines *l, double ts)
{
	long long t = (long long)ts;
	long usec = (long)((ts - (double)t) * 1e6 + 0.5);
	long d;
	char hms[9] = "00:00:00.";

	if (usec >= 1000000) {
		t++;
		usec -= 1000000;
	}
	d = (long)(((t % 86400) + 86400) % 86400);
	hms[0] = lb_d2[2 * (d / 3600)];
	hms[1] = lb_d2[2 * (d / 3600) + 1];
	hms[3] = lb_d2[2 * (d / 60 % 60)];
	hms[4] = lb_d2[2 * (d / 60 % 60) + 1];
	hms[6] = lb_d2[2 * (d % 60)];
	hms[7] = lb_d2[2 * (d % 60) + 1];
	lb_mem(fp, l, hms, sizeof(hms));
	lb_u0(fp, l, (unsigned long)usec, 6);
}

static void
out_text_hex(FILE *fp, const uint8_t *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		fprintf(fp, "%02x", p[i]);
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
	/* The registry knows IKEv1 (1-33) and IKEv2 (34-37, ...) exchanges. */
	x = isakmp_short(REG_EXCHANGE, h->exch);
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
	else if (h->maj == 2 && h->flags != 0 && (h->flags & ~0x38) == 0)
		/* RFC 7296 3.1: Initiator, higher Version, Response */
		fprintf(fp, " flags=%s%s%s", h->flags & 0x08 ? "I" : "",
		    h->flags & 0x10 ? "V" : "", h->flags & 0x20 ? "R" : "");
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
		lb_str(fp, lb, p->natt ? " ESP-in-UDP" : " ESP");
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
		lb_flush(fp, lb);	/* out_text_isakmp writes to fp */
		out_text_isakmp(fp, fr);
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
