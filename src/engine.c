/*
 * engine.c - the frame pipeline; see engine.h.
 */
#include <stdio.h>
#include <string.h>

#include "engine.h"

int
eng_init(struct ctx *c, FILE *out, char *errbuf, size_t errlen)
{
	memset(&c->st, 0, sizeof(c->st));
	c->out = out;
	c->stop = false;
	json_init(&c->j, out);
	return pkt_decoder_init(&c->pd, NULL, errbuf, errlen);
}

void
eng_free(struct ctx *c)
{
	pkt_decoder_free(&c->pd);
}

/* Bytes between the end of the last payload and the end of the body. */
static uint32_t
eng_pl_trailing(const struct isakmp_msg *m)
{
	size_t end = ISAKMP_HDR_LEN + m->body.len, last = ISAKMP_HDR_LEN;

	if (m->npayloads > 0)
		last = m->pl[m->npayloads - 1].off + m->pl[m->npayloads - 1].len;
	return end > last ? (uint32_t)(end - last) : 0;
}

/* The first non-zero payload reserved octet. */
static uint32_t
eng_pl_reserved(const struct isakmp_msg *m)
{
	size_t i;

	for (i = 0; i < m->npayloads; i++)
		if (m->pl[i].reserved != 0)
			return m->pl[i].reserved;
	return 0;
}

/* ISAKMP anomaly bits -> anomaly records on the packet. */
static void
eng_isakmp_anomalies(struct frame_rec *fr)
{
	const struct isakmp_msg *m = &fr->isakmp;
	struct an_list *l = &fr->pkt.an;
	size_t have = cur_left(&fr->pkt.payload);
	unsigned a = m->anomalies;

	if (m->status == DIS_TRUNCATED && m->npayloads == 0 &&
	    have < ISAKMP_HDR_LEN) {
		an_add(l, AN_ISAKMP_TRUNCATED, (uint32_t)have, 0);
		return;
	}
	if (a & ISAKMP_AN_BAD_VERSION)
		an_add(l, AN_ISAKMP_BAD_VERSION, m->hdr.maj, m->hdr.min);
	if (a & ISAKMP_AN_BAD_FLAGS)
		an_add(l, AN_ISAKMP_BAD_FLAGS, m->hdr.flags, 0);
	if (a & ISAKMP_AN_LEN_SHORT)
		an_add(l, AN_ISAKMP_LEN_SHORT, m->hdr.len, 0);
	if (a & ISAKMP_AN_LEN_PAST_END)
		an_add(l, AN_ISAKMP_LEN_PAST_END, m->hdr.len, (uint32_t)have);
	if (a & ISAKMP_AN_TRAILING)
		an_add(l, AN_ISAKMP_TRAILING, (uint32_t)m->trailing, 0);
	if (a & ISAKMP_AN_PL_SHORT)
		an_add(l, AN_ISAKMP_PL_SHORT, m->bad_off, m->bad_len);
	if (a & ISAKMP_AN_PL_PAST_END)
		an_add(l, AN_ISAKMP_PL_PAST_END, m->bad_off, 0);
	if (a & ISAKMP_AN_PL_TRAILING)
		an_add(l, AN_ISAKMP_PL_TRAILING, eng_pl_trailing(m), 0);
	if (a & ISAKMP_AN_PL_RESERVED)
		an_add(l, AN_ISAKMP_PL_RESERVED, eng_pl_reserved(m), 0);
	if (a & ISAKMP_AN_TOO_MANY)
		an_add(l, AN_ISAKMP_TOO_MANY, ISAKMP_MAX_PAYLOADS, 0);
}

static void
eng_dissect(struct frame_rec *fr)
{
	struct pkt *p = &fr->pkt;
	enum dis_status s;

	switch (p->kind) {
	case PKT_ISAKMP:
	case PKT_IKEV2:
		fr->has_isakmp = true;
		isakmp_decode(p->payload, &fr->isakmp);
		eng_isakmp_anomalies(fr);
		break;
	case PKT_ESP:
		s = esp_decode_hdr(p->payload, &fr->esp);
		if (s == DIS_TRUNCATED)
			an_add(&p->an, AN_ESP_TRUNCATED,
			    (uint32_t)cur_left(&p->payload), 0);
		else if (s == DIS_MALFORMED)
			an_add(&p->an, AN_ESP_SPI_ZERO, 0, 0);
		fr->has_esp = s != DIS_TRUNCATED;
		break;
	case PKT_NAT_KEEPALIVE:
	case PKT_OTHER:
		break;
	}
}

void
eng_frame(struct ctx *c, int linktype, const struct cap_frame *f)
{
	struct frame_rec *fr = &c->fr;

	memset(fr, 0, sizeof(*fr));
	fr->pkt.frame = f->frame;
	fr->pkt.ts = f->ts;
	fr->pkt.caplen = f->caplen;
	fr->pkt.wirelen = f->wirelen;
	pkt_decode(&c->pd, linktype, f->data, f->caplen, &fr->pkt);
	eng_dissect(fr);

	c->st.frames++;
	c->st.kinds[fr->pkt.kind]++;
	if (fr->pkt.fragment)
		c->st.fragments++;
	if (fr->pkt.reassembled)
		c->st.reassembled++;
	if (an_worst(&fr->pkt.an) == AN_ERROR)
		c->st.malformed++;

	if (c->o.json)
		out_json_frame(&c->j, &c->o, fr);
	else
		out_text_frame(c->out, &c->o, fr);
	if (c->o.count != 0 && c->st.frames >= c->o.count)
		c->stop = true;
}

/*
 * Read one capture file to its end.  Returns 0, or -1 with errbuf set when
 * the file could not be opened or broke part way (frames read before the
 * break have been reported).
 */
int
eng_read_file(struct ctx *c, const char *path, char *errbuf, size_t errlen)
{
	struct cap *cap;
	struct cap_frame f;
	enum cap_status s;
	int linktype, rc = 0;

	cap = cap_open_file(path, errbuf, errlen);
	if (cap == NULL)
		return -1;
	linktype = cap_linktype(cap);
	while (!c->stop) {
		s = cap_next(cap, &f, errbuf, errlen);
		if (s == CAP_FRAME) {
			eng_frame(c, linktype, &f);
			continue;
		}
		if (s == CAP_ERROR)
			rc = -1;
		break;
	}
	fflush(c->out);
	cap_close(cap);
	return rc;
}

void
eng_summary(const struct ctx *c, FILE *fp)
{
	const struct stats *s = &c->st;

	fprintf(fp, "%llu frames: %llu isakmp, %llu ikev2, %llu esp, "
	    "%llu nat_keepalive, %llu other; %llu fragments, "
	    "%llu reassembled; %llu malformed\n",
	    (unsigned long long)s->frames,
	    (unsigned long long)s->kinds[PKT_ISAKMP],
	    (unsigned long long)s->kinds[PKT_IKEV2],
	    (unsigned long long)s->kinds[PKT_ESP],
	    (unsigned long long)s->kinds[PKT_NAT_KEEPALIVE],
	    (unsigned long long)s->kinds[PKT_OTHER],
	    (unsigned long long)s->fragments,
	    (unsigned long long)s->reassembled,
	    (unsigned long long)s->malformed);
}
