/*
 * engine.c - the frame pipeline: decode, reassemble IKE fragments, track,
 * decrypt, and publish each frame's events (eng_disp.c), ESP frames
 * through the batch ring (eng_q.c); see engine.h.
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "engine/eng_disp.h"
#include "engine/eng_ike.h"
#include "engine/eng_q.h"
#include "engine/engine.h"
#include "ike/isakmp_an.h"
#include "dissectors/isakmp_pl.h"

static unsigned
eng_threads(const struct ctx *c)
{
	long n;

	if (c->o.threads != 0)
		return c->o.threads;
	n = sysconf(_SC_NPROCESSORS_ONLN);
	return n < 1 ? 1 : n > CRY_MAX_LANES ? CRY_MAX_LANES : (unsigned)n;
}

static int
eng_esp_init(struct ctx *c, char *errbuf, size_t errlen)
{
	/* IKE keys may yield ESP SAs (KEYMAT) during the read. */
	if (c->ks != NULL && (ks_esp_count(c->ks) > 0 ||
	    ks_ike_count(c->ks) > 0 || c->o.keys_grow)) {
		unsigned n = eng_threads(c);

		/* the output thread (lane 1) decrypts too */
		c->espd = espd_new(c->ks, c->o.crypto, n, n > 1 ? 1 : 0,
		    errbuf, errlen);
		if (c->espd == NULL || eng_q_new(c, errbuf, errlen) == -1)
			return -1;
	}
	return 0;
}

/* Decrypt an ESP frame with a known SA and count the result. */
static void
eng_esp(struct ctx *c, struct frame_rec *fr, struct trk_esp *flow)
{
	if (c->espd == NULL)
		return;
	espd_packet(c->espd, &fr->pkt, &fr->esp, &fr->espr);
	if (fr->espr.n > 0)
		eng_esp_count(&fr->espr.l[0], flow);
}

int
eng_init(struct ctx *c, char *errbuf, size_t errlen)
{
	memset(&c->st, 0, sizeof(c->st));
	c->stop = false;
	c->trk = trk_new(NULL);
	if (c->trk == NULL) {
		snprintf(errbuf, errlen, "out of memory (tracker)");
		return -1;
	}
	c->ikefrag = ikefrag_new(30);
	if (c->ikefrag == NULL) {
		snprintf(errbuf, errlen, "out of memory (IKE fragments)");
		trk_free(c->trk);
		c->trk = NULL;
		return -1;
	}
	if (pkt_decoder_init(&c->pd, NULL, errbuf, errlen) == -1) {
		trk_free(c->trk);
		c->trk = NULL;
		return -1;
	}
	eng_disp_init(c);
	if (eng_ike_init(c, errbuf, errlen) == -1)
		return -1;
	return eng_esp_init(c, errbuf, errlen);
}

void
eng_free(struct ctx *c)
{
	eng_q_free(c->q);
	c->q = NULL;
	pkt_decoder_free(&c->pd);
	trk_free(c->trk);
	c->trk = NULL;
	ikefrag_free(c->ikefrag);
	c->ikefrag = NULL;
	eng_ike_free(c);
	espd_free(c->espd);
	c->espd = NULL;
	ks_free(c->ks);
	c->ks = NULL;
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
		isakmp_msg_clear(&fr->isakmp);
		isakmp_decode(p->payload, &fr->isakmp);
		isakmp_an_collect(&p->an, &fr->isakmp,
		    cur_left(&p->payload));
		break;
	case PKT_ESP:
		s = esp_decode_hdr(&p->payload, &fr->esp);
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

/*
 * An IKEv1 message whose only payload is a FRAG payload carries a slice
 * of a larger message.  Returns false while the message is incomplete;
 * when this fragment completes it, the frame's ISAKMP view becomes the
 * reassembled message.
 */
static bool
eng_ike_fragment(struct ctx *c, struct frame_rec *fr)
{
	struct isakmp_msg *m = &fr->isakmp;
	const struct isakmp_pl *d;
	struct ikefrag_key k;
	struct ikefrag_result r;

	if (m->npayloads != 1 || m->pl[0].type != ISAKMP_PL_FRAG ||
	    m->encrypted)
		return true;
	d = &m->pl[0].d;
	if (!d->decoded || d->status != DIS_OK)
		return true;
	memset(&k, 0, sizeof(k));
	memcpy(k.icookie, m->hdr.icookie, 8);
	memcpy(k.rcookie, m->hdr.rcookie, 8);
	k.af = fr->pkt.af;
	memcpy(k.src, fr->pkt.src, 16);
	k.id = d->u.frag.id;
	ikefrag_add(c->ikefrag, &k, d->u.frag.num, (d->u.frag.flags & 1) != 0,
	    d->data, d->dlen, fr->pkt.ts, fr->pkt.frame, &r);
	if (r.events & IKEFRAG_EV_DUPLICATE)
		an_add(&fr->pkt.an, AN_IKEFRAG_DUPLICATE, d->u.frag.num, k.id);
	if (r.events & IKEFRAG_EV_CONFLICT)
		an_add(&fr->pkt.an, AN_IKEFRAG_CONFLICT, d->u.frag.num, k.id);
	if (r.events & IKEFRAG_EV_LIMIT)
		an_add(&fr->pkt.an, AN_IKEFRAG_LIMIT, d->u.frag.num, k.id);
	if (r.events & IKEFRAG_EV_EVICTED)
		an_add(&fr->pkt.an, AN_IKEFRAG_EVICTED, 0, 0);
	if (r.events & IKEFRAG_EV_TIMEOUT)
		an_add(&fr->pkt.an, AN_IKEFRAG_TIMEOUT, 0, 0);
	if (!r.complete) {
		fr->ike_fragment = true;
		return false;
	}
	fr->ike_nfrags = r.nfrags;
	fr->ike_frag_first = r.first_frame;
	fr->pkt.payload = cur_init(r.msg, r.len);
	isakmp_msg_clear(m);
	isakmp_decode(fr->pkt.payload, m);
	isakmp_an_collect(&fr->pkt.an, m, r.len);
	return true;
}

/*
 * The bytes of an ISAKMP message the tracker keeps apart (its digest):
 * the UDP payload, or as much of it as the header's length says.
 */
static size_t
eng_ike_rawlen(struct cursor payload)
{
	struct cursor c = payload;
	size_t n = cur_left(&payload);
	uint32_t len;

	if (!cur_skip(&c, 24))
		return n;
	len = cur_be32(&c);
	return !c.err && len >= ISAKMP_HDR_LEN && len < n ? len : n;
}

static void
eng_track(struct ctx *c, struct frame_rec *fr)
{
	const struct pkt *p = &fr->pkt;
	const struct isakmp_msg *m = &fr->isakmp;
	struct trk_in in;
	size_t rawlen;

	if (fr->has_isakmp && p->kind == PKT_ISAKMP && p->af != 0 &&
	    m->status != DIS_TRUNCATED && eng_ike_fragment(c, fr)) {
		memset(&in, 0, sizeof(in));
		in.frame = p->frame;
		in.ts = p->ts;
		in.af = p->af;
		in.src = p->src;
		in.dst = p->dst;
		in.sport = p->sport;
		in.dport = p->dport;
		in.icookie = m->hdr.icookie;
		in.rcookie = m->hdr.rcookie;
		in.exch = m->hdr.exch;
		in.flags = m->hdr.flags;
		in.msgid = m->hdr.msgid;
		rawlen = eng_ike_rawlen(p->payload);
		in.raw = cur_ptr(&p->payload);
		in.raw_len = rawlen;
		if (c->fr_pre != NULL && c->fr_pre->has_digest &&
		    in.raw == c->fr_data + c->fr_pre->off &&
		    rawlen == c->fr_pre->len)
			in.digest = c->fr_pre->digest;
		in.encrypted = m->encrypted;
		in.plaintext = !m->encrypted;
		eng_ike_summary(m, &in);
		c->in_frame = true;	/* its state changes wait for it */
		fr->tracked = trk_ike(c->trk, &in, &fr->trk) == 0;
		c->in_frame = false;
	} else if (fr->has_esp && p->af != 0) {
		struct trk_esp *flow = eng_esp_flow(c, p, &fr->esp);

		fr->esp_flow = flow;
		eng_esp(c, fr, flow);
	}
}

/*
 * Zero a frame record but its ISAKMP message (17 kB, most of the record),
 * which eng_dissect clears (isakmp_msg_clear) when the frame is ISAKMP, and its ESP layers
 * (1 kB), of which only the first espr.n are read: a capture of ESP
 * would otherwise spend its time clearing them.  has_isakmp says whether
 * the message is valid.
 */
static void
eng_frame_clear(struct frame_rec *fr, const struct pkt *pre)
{
	size_t p = sizeof(fr->pkt);
	size_t a = offsetof(struct frame_rec, isakmp);
	size_t b = a + sizeof(fr->isakmp);
	size_t e = offsetof(struct frame_rec, espr);

	_Static_assert(offsetof(struct frame_rec, pkt) == 0, "pkt first");
	if (pre != NULL)	/* decoded on the reading thread */
		fr->pkt = *pre;
	else
		memset(&fr->pkt, 0, p);
	memset((char *)fr + p, 0, a - p);
	memset((char *)fr + b, 0, e - b);
	fr->espr.n = 0;
	memset((char *)fr + e + sizeof(fr->espr), 0,
	    sizeof(*fr) - e - sizeof(fr->espr));
}

void
eng_frame(struct ctx *c, int linktype, const struct cap_frame *f)
{
	struct frame_rec *fr = &c->fr;
	/* no batches without keys: no call */
	uint8_t *room = c->q != NULL ? eng_q_room(c, f->caplen) : NULL;
	const uint8_t *data = f->data;
	bool deferred = false;

	if (room != NULL) {
		memcpy(room, f->data, f->caplen);
		data = room;
	}
	/* decoded on the reading thread, its cursors in data (not a copy) */
	c->fr_pre = room == NULL ? f->pre : NULL;
	c->fr_data = data;
	eng_frame_clear(fr, c->fr_pre != NULL ? &c->fr_pre->pkt : NULL);
	fr->pkt.frame = f->frame + c->frame_base;
	fr->pkt.file = c->o.capture_set ? c->files_read : 0;
	fr->pkt.file_frame = f->frame;
	fr->pkt.ts = f->ts;
	fr->pkt.caplen = f->caplen;
	fr->pkt.wirelen = f->wirelen;
	fr->tv_sec = f->tv_sec;
	fr->tv_nsec = f->tv_nsec;
	if (c->fr_pre == NULL)
		pkt_decode(&c->pd, linktype, data, f->caplen, &fr->pkt);
	eng_dissect(fr);
	if (room != NULL && fr->pkt.kind != PKT_ISAKMP &&
	    fr->pkt.kind != PKT_IKEV2 && !fr->pkt.reassembled) {
		eng_q_defer(c, fr, f->caplen);
		deferred = true;
	} else {
		eng_q_drain(c);
		eng_track(c, fr);
	}

	c->st.frames++;
	c->st.kinds[fr->pkt.kind]++;
	if (fr->pkt.fragment)
		c->st.fragments++;
	if (fr->pkt.reassembled)
		c->st.reassembled++;
	if (an_worst(&fr->pkt.an) == AN_ERROR)
		c->st.malformed++;
	if (!deferred)
		eng_disp_frame(c, fr, data);
	if (c->o.count != 0 && c->st.frames >= c->o.count)
		c->stop = true;
}

/* The reading thread's context: a decoder without reassembly, a digester. */
_Static_assert(sizeof(struct eng_pre_out) <= CAP_PRE_SIZE,
    "the read-ahead's room for a frame");
struct eng_pre {
	struct pkt_decoder	 pd;
	struct trk_digester	*dg;
};

/*
 * On the reading thread (cap_pre_fn): a frame decoded as eng_frame will
 * decode it (a fragment is left to eng_frame); for an ISAKMP message, its
 * place and digest (struct eng_pre_out).
 */
static bool
eng_pre(void *arg, int linktype, const uint8_t *data, uint32_t caplen,
    uint32_t wirelen, void *out)
{
	struct eng_pre *e = arg;
	struct eng_pre_out *o = out;
	struct pkt *p = &o->pkt;
	size_t len;

	memset(p, 0, sizeof(*p));
	p->caplen = caplen;
	p->wirelen = wirelen;
	pkt_decode(&e->pd, linktype, data, caplen, p);
	if (p->fragment)
		return false;
	o->has_digest = false;
	if (p->kind == PKT_ISAKMP && p->af != 0 &&
	    cur_ptr(&p->payload) != NULL) {
		len = eng_ike_rawlen(p->payload);
		o->off = (uint32_t)(cur_ptr(&p->payload) - data);
		o->len = (uint32_t)len;
		o->has_digest = trk_digester_run(e->dg, cur_ptr(&p->payload),
		    len, o->digest);
	}
	return true;
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
	struct eng_pre pre = { .dg = NULL };
	enum cap_status s;
	int linktype, rc = 0;

	cap = cap_open_file(path, errbuf, errlen);
	if (cap == NULL)
		return -1;
	if (c->o.filter != NULL &&
	    cap_set_filter(cap, c->o.filter, errbuf, errlen) == -1) {
		cap_close(cap);
		return -1;
	}
	/*
	 * Without ESP batches the second core is free to read ahead, and to
	 * decode there too unless a sink's output thread works on it.
	 */
	if (c->q == NULL && eng_threads(c) > 1) {
		pre.pd = c->pd;
		pre.pd.ra = NULL;
		pre.dg = c->out_thread ? NULL : trk_digester_new(c->trk);
		if (pre.dg != NULL)
			cap_read_ahead(cap, eng_pre, &pre);
		else
			cap_read_ahead(cap, NULL, NULL);
	}
	linktype = cap_linktype(cap);
	c->files_read++;
	while (!c->stop) {
		s = cap_next(cap, &f, errbuf, errlen);
		if (s == CAP_FRAME) {
			if (c->clock)
				eng_tick(c, f.ts);
			eng_frame(c, linktype, &f);
			continue;
		}
		if (s == CAP_ERROR)
			rc = -1;
		break;
	}
	eng_flush(c);
	c->st.filtered += cap_filtered_out(cap);
	/* the next file's frames follow (numbers saturate at 2^32 - 1) */
	c->frame_base = cap_frames(cap) > UINT32_MAX - c->frame_base ?
	    UINT32_MAX : c->frame_base + cap_frames(cap);
	cap_close(cap);		/* joins the reading thread */
	trk_digester_free(pre.dg);
	return rc;
}

/* End of input: the verdicts, then ENG_EV_END. */
void
eng_finish(struct ctx *c)
{
	struct eng_event ev;

	eng_flush(c);
	c->ev_now = c->fr.pkt.ts;
	trk_finish(c->trk);
	memset(&ev, 0, sizeof(ev));
	ev.type = ENG_EV_END;
	ev.ts = c->fr.pkt.ts;
	ev.trk = c->trk;
	ev.st = &c->st;
	ev.ks = c->ks;
	ev.espd = c->espd;
	eng_disp(c, &ev);
}

/*
 * ESP flows read otherwise than their key source says, because only that
 * reading authenticated (espd.c), by key entry in load order.
 */
static void
eng_summary_inferred(const struct ctx *c, FILE *fp)
{
	const struct ks_esp_sa *sa = NULL;
	const struct espd_flow *f;

	if (c->espd == NULL)
		return;
	while ((sa = ks_esp_next(c->ks, sa)) != NULL)
		for (f = espd_inferred_next(c->espd, NULL); f != NULL;
		    f = espd_inferred_next(c->espd, f)) {
			if (f->sa != sa)
				continue;
			if (f->esn_inferred)
				fprintf(fp, "ESP: SPI 0x%08x (%s): extended "
				    "sequence numbers inferred (the key source "
				    "does not say; the ICV verifies with them "
				    "only)\n", f->spi, sa->origin);
			if (f->trunc_inferred)
				fprintf(fp, "ESP: SPI 0x%08x (%s): the ICV "
				    "verifies as %s, not as the key source "
				    "says\n", f->spi, sa->origin,
				    ks_auth_name(f->auth));
		}
	if (espd_flows_refused(c->espd) > 0)
		fprintf(fp, "ESP: flow limit (%u) reached, %llu packet(s) "
		    "not decrypted\n", ESPD_MAX_FLOWS,
		    (unsigned long long)espd_flows_refused(c->espd));
}

void
eng_summary(const struct ctx *c, FILE *fp)
{
	const struct stats *s = &c->st;
	unsigned i;

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
	if (c->o.filter != NULL)
		fprintf(fp, "-f: %llu frame(s) not accepted by the filter\n",
		    (unsigned long long)s->filtered);
	if (c->ike_ssl != NULL)
		fprintf(fp, "IKE decryption: %llu messages decrypted, %llu failed "
		    "(wrong key?); %llu ESP SAs derived from IKE keys\n",
		    (unsigned long long)c->ike_decrypted,
		    (unsigned long long)c->ike_failed,
		    (unsigned long long)c->esp_derived);
	for (i = 0; i < c->nsinks; i++)
		if (c->sinks[i].summary != NULL)
			c->sinks[i].summary(c->sinks[i].arg, fp);
	if (c->pend_dropped > 0)
		fprintf(fp, "events: %llu tracker event(s) not published (more "
		    "than %d for one frame)\n",
		    (unsigned long long)c->pend_dropped, ENG_PEND);
	if (c->ike_states_refused > 0)
		fprintf(fp, "IKE decryption: state limit reached, %llu IKE SA(s) "
		    "not decrypted\n",
		    (unsigned long long)c->ike_states_refused);
	eng_summary_inferred(c, fp);
}
