/*
 * out_sinks.c - the presenters as sinks; see out_sinks.h.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "out/out_json.h"
#include "out/out_par.h"
#include "out/out_pcap.h"
#include "out/out_sinks.h"
#include "out/out_text.h"
#include "out/out_timeline.h"
#include "out/out_wr.h"

struct out_sinks {
	const struct opts *o;
	const struct trk *trk;		/* the event's, for timeline */
	FILE		*out;
	struct json	 j;
	struct out_lines *lines;	/* the text view's */
	bool		 direct_failed;	/* out_sink_direct_lines's write */
	/* the frame view's output thread (out_wr.h), or NULL */
	struct out_wr	*wr;
	struct out_lines *wlines;	/* its text */
	struct json	*wj;		/* its JSON */
	struct frame_rec *wfr;		/* the frame it formats */
	struct trk_ike_sa *wsa;		/* ... whose IKE SA's id is this */
	char		*wbuf;		/* its formatter's buffer */
	struct out_pcap	*wout;		/* -w */
	struct out_sel	*sel;		/* NULL: everything shown */
	bool		 write_all;
	uint64_t	 w_not_ip;	/* --write-mode=all: skipped */
	enum kx_fmt	 keys_fmt;
	int		 keys_rc;	/* kx_write's at ENG_EV_END */
	char		 keys_err[256];
};

/* read and -w: the frame selected (out_sel.h), or no selection. */
static bool
out_sinks_shown(struct out_sinks *s, const struct frame_rec *fr)
{
	return s->sel == NULL || out_sel_frame(s->sel, fr);
}

/* One stdio lock for a run of events from the output thread. */
static void
out_sink_hold(void *arg, bool on)
{
	struct out_sinks *s = arg;

	if (on)
		flockfile(s->out);
	else
		funlockfile(s->out);
}

/*
 * With an output thread, a frame the thread can format from a copy goes
 * to it as a snapshot (struct out_snap, with the ISAKMP message's bytes
 * after it, which the thread decodes again: the decoder is a function of
 * the bytes); the others are formatted here and go to it as text.  Left
 * here: decrypted frames (their ESP layers and IKE plaintext live in the
 * engine's buffers) and ISAKMP messages too large for a record.
 */
struct out_snap {
	struct pkt	 pkt;
	struct esp_hdr	 esp;
	uint64_t	 sa_id;		/* fr->trk.sa's */
	uint32_t	 ike_frag_first;
	unsigned	 ike_nfrags;
	uint32_t	 wlen;		/* ISAKMP: bytes of the payload's window */
	bool		 has_esp, has_isakmp, tracked, retransmit;
	bool		 ike_fragment;
	uint8_t		 label, dir;
};

static bool
out_sink_defer(struct out_sinks *s, const struct frame_rec *fr)
{
	const struct cursor *c = &fr->pkt.payload;
	size_t wlen = fr->has_isakmp && c->p != NULL ? c->len : 0;
	struct out_snap *n;

	if (fr->ike_tried || fr->espr.n > 0 ||
	    wlen > OUT_WR_REC_MAX - sizeof(*n))
		return false;
	n = out_wr_rec(s->wr, sizeof(*n) + wlen);
	n->pkt = fr->pkt;
	n->esp = fr->esp;
	n->sa_id = fr->tracked ? fr->trk.sa->id : 0;
	n->ike_frag_first = fr->ike_frag_first;
	n->ike_nfrags = fr->ike_nfrags;
	n->wlen = (uint32_t)wlen;
	n->has_esp = fr->has_esp;
	n->has_isakmp = fr->has_isakmp;
	n->tracked = fr->tracked;
	n->retransmit = fr->trk.retransmit;
	n->ike_fragment = fr->ike_fragment;
	n->label = fr->trk.label;
	n->dir = fr->trk.dir;
	if (wlen > 0)
		memcpy(n + 1, c->p, wlen);
	return true;
}

/*
 * On the output thread: the frame of a snapshot, in the thread's record
 * (zeroed when made: what a snapshot does not set stays zero).
 */
static const struct frame_rec *
out_sink_undefer(struct out_sinks *s, const struct out_snap *n)
{
	struct frame_rec *fr = s->wfr;
	struct cursor *c = &fr->pkt.payload;

	fr->pkt = n->pkt;
	fr->esp = n->esp;
	fr->has_esp = n->has_esp;
	fr->has_isakmp = n->has_isakmp;
	fr->tracked = n->tracked;
	fr->trk.retransmit = n->retransmit;
	fr->trk.label = n->label;
	fr->trk.dir = n->dir;
	s->wsa->id = n->sa_id;
	fr->trk.sa = n->tracked ? s->wsa : NULL;
	fr->ike_fragment = n->ike_fragment;
	fr->ike_nfrags = n->ike_nfrags;
	fr->ike_frag_first = n->ike_frag_first;
	if (n->has_isakmp) {
		/* the same window over the copy: the same message */
		if (n->wlen > 0)
			c->p = (const uint8_t *)(n + 1);
		isakmp_msg_clear(&fr->isakmp);
		isakmp_decode(*c, &fr->isakmp);
	}
	return fr;
}

/* The output thread's records: text to pass on, frames to format. */
static void
out_sink_render(void *arg, enum out_wr_kind k, const void *p, size_t n)
{
	struct out_sinks *s = arg;

	switch (k) {
	case OUT_WR_TEXT:
		if (s->o->json)
			json_raw(s->wj, p, n);
		else
			out_lines_put(s->wlines, p, n);
		break;
	case OUT_WR_REC:
		if (s->o->json)
			out_json_frame(s->wj, s->o, out_sink_undefer(s, p));
		else
			out_text_frame(NULL, s->wlines, s->o,
			    out_sink_undefer(s, p));
		break;
	case OUT_WR_SYNC:
		if (s->o->json)
			json_out_flush(s->wj);
		else
			out_lines_flush(NULL, s->wlines);
		break;
	}
}

/*
 * Without the frame view's output thread (ESP decryption has its own) and
 * on a file or a pipe: the text view's full buffer straight to the
 * stream's descriptor, after what stdio holds, instead of through fwrite,
 * which copies it into stdio's buffer first (1 MiB on a file: every
 * 64 KiB piece of lines is smaller; 160 instructions a frame and a second
 * copy of the text on bench/esp.sh's captures).  A terminal keeps stdio's
 * line buffering.
 */
static char *
out_sink_direct_lines(void *arg, size_t n)
{
	struct out_sinks *s = arg;

	if (!s->direct_failed && (fflush(s->out) == EOF ||
	    !out_wr_all(fileno(s->out), s->lines->b, n)))
		s->direct_failed = true;
	return s->lines->b;
}

static bool
out_sink_direct_ok(FILE *fp)
{
	struct stat st;

	return !isatty(fileno(fp)) && fstat(fileno(fp), &st) == 0 &&
	    (S_ISREG(st.st_mode) || S_ISFIFO(st.st_mode));
}

/* The output thread's full buffers, to the stream. */
static char *
out_sink_wr_lines(void *arg, size_t n)
{
	struct out_sinks *s = arg;

	out_wr_write(s->wr, s->wlines->b, n);
	return s->wlines->b;
}

static char *
out_sink_wr_json(void *arg, size_t n)
{
	struct out_sinks *s = arg;

	out_wr_write(s->wr, s->wj->buf, n);
	return s->wj->buf;
}

/* This thread's text and JSON, made a frame at a time, to the thread. */
static char *
out_sink_to_wr_lines(void *arg, size_t n)
{
	struct out_sinks *s = arg;

	out_wr_text(s->wr, s->lines->b, n);
	return s->lines->b;
}

static char *
out_sink_to_wr_json(void *arg, size_t n)
{
	struct out_sinks *s = arg;

	out_wr_text(s->wr, s->j.buf, n);
	return s->j.buf;
}

static void
out_sink_text(void *arg, const struct eng_event *ev)
{
	struct out_sinks *s = arg;

	if (ev->type == ENG_EV_FRAME) {
		if (!out_sinks_shown(s, ev->fr) ||
		    (s->wr != NULL && out_sink_defer(s, ev->fr)))
			return;
		out_text_frame(s->out, s->lines, s->o, ev->fr);
		if (s->wr != NULL)
			out_lines_flush(s->out, s->lines);
	} else {	/* FLUSH, END */
		out_lines_flush(s->out, s->lines);
		if (s->wr != NULL)
			out_wr_sync(s->wr);
		fflush(s->out);
	}
}

static void
out_sink_json(void *arg, const struct eng_event *ev)
{
	struct out_sinks *s = arg;

	if (ev->type == ENG_EV_FRAME) {
		if (!out_sinks_shown(s, ev->fr) ||
		    (s->wr != NULL && out_sink_defer(s, ev->fr)))
			return;
		out_json_frame(&s->j, s->o, ev->fr);
		if (s->wr != NULL)
			json_out_flush(&s->j);
	} else {	/* FLUSH, END */
		if (s->wr != NULL) {
			json_out_flush(&s->j);
			out_wr_sync(s->wr);
		}
		fflush(s->out);
	}
}

/* Whether the run may use a second thread (--threads, 0: one per core). */
static bool
out_sinks_second_core(const struct opts *o)
{
	return o->threads > 1 ||
	    (o->threads == 0 && sysconf(_SC_NPROCESSORS_ONLN) >= 2);
}

/*
 * The frame view's output thread: asked for, no -V (its tree goes through
 * stdio), a second thread allowed (--threads, 0: one per core), and no
 * ESP decryption (whose batches have an output thread of their own, one
 * of the --threads).  Its formatter writes from a buffer of OUT_WR_BUF.
 */
static int
out_sinks_wr(struct out_sinks *s, const struct ctx *c,
    const struct out_cfg *cfg)
{
	char *buf;

	if (!cfg->thread || c->o.verbose || c->espd != NULL ||
	    !out_sinks_second_core(&c->o))
		return 0;
	s->wfr = calloc(1, sizeof(*s->wfr));
	s->wsa = calloc(1, sizeof(*s->wsa));
	s->wlines = malloc(sizeof(*s->wlines));
	s->wj = malloc(sizeof(*s->wj));
	buf = malloc(OUT_WR_BUF);
	s->wbuf = buf;
	if (s->wfr == NULL || s->wsa == NULL || s->wlines == NULL ||
	    s->wj == NULL || buf == NULL)
		return -1;
	out_lines_init(s->wlines, out_sink_wr_lines, s, buf, OUT_WR_BUF);
	json_init(s->wj, cfg->out);
	json_set_out(s->wj, out_sink_wr_json, s, buf, OUT_WR_BUF);
	/* no thread (a terminal, say): the view writes to the stream */
	s->wr = out_wr_new(cfg->out, out_sink_render, s);
	return 0;
}

/*
 * timeline: an SA the state cap evicts is printed then (the output loses
 * nothing), the others at the end, by two threads where the run allows
 * (out_par.h; they only read the tracker, which no longer changes).
 */
static void
out_sink_timeline_one(FILE *fp, const void *p, void *arg)
{
	struct out_sinks *s = arg;
	struct json j;

	if (s->o->json) {
		json_init(&j, fp);	/* whole lines: each goes to fp */
		out_timeline_json(&j, s->trk, p);
	} else
		out_timeline_text(fp, s->trk, p);
}

static void
out_sink_timeline_sa(const struct trk_ike_sa *sa, void *arg)
{
	struct out_sinks *s = arg;

	if (s->sel == NULL || out_sel_ike(s->sel, sa))
		out_sink_timeline_one(s->out, sa, s);
}

/* The SAs held at the end, in the timeline's order, kept by --sa etc. */
struct out_sink_list {
	const struct out_sinks *s;
	const void	**v;
	size_t		 n, cap;	/* cap: the SAs the tracker holds */
};

static void
out_sink_list_add(const struct trk_ike_sa *sa, void *arg)
{
	struct out_sink_list *l = arg;

	if (l->n < l->cap && (l->s->sel == NULL || out_sel_ike(l->s->sel, sa)))
		l->v[l->n++] = sa;
}

static void
out_sink_timeline(void *arg, const struct eng_event *ev)
{
	struct out_sinks *s = arg;
	struct out_sink_list l = { .s = s };
	struct trk_stats st;

	s->trk = ev->trk;
	if (ev->type == ENG_EV_SA_STATE) {
		if (ev->to == TRK_P_EVICTED)
			out_sink_timeline_sa(ev->sa, s);
		return;
	}
	trk_stats(ev->trk, &st);
	l.cap = st.ike_now;
	l.v = malloc((l.cap + 1) * sizeof(*l.v));
	if (l.v == NULL)	/* no memory for the list: one SA at a time */
		trk_foreach_ike(ev->trk, out_sink_timeline_sa, s);
	else {
		trk_foreach_ike(ev->trk, out_sink_list_add, &l);
		out_par_render(s->out, l.v, l.n, out_sink_timeline_one, s,
		    out_sinks_second_core(s->o));
	}
	free(l.v);
	fflush(s->out);
}

static bool
out_sink_keep_ike(const struct trk_ike_sa *sa, void *arg)
{
	return out_sel_ike(arg, sa);
}

static bool
out_sink_keep_esp(const struct trk_esp *f, void *arg)
{
	return out_sel_esp(arg, f);
}

static void
out_sink_sas(void *arg, const struct eng_event *ev)
{
	struct out_sinks *s = arg;
	struct out_sas_keep keep = { out_sink_keep_ike, out_sink_keep_esp,
	    s->sel };
	const struct out_sas_keep *k = s->sel != NULL ? &keep : NULL;

	if (s->o->json)
		out_timeline_sas_json(&s->j, ev->trk, k);
	else
		out_timeline_sas_text(s->out, ev->trk, k);
	fflush(s->out);
}

/*
 * -w: a frame's innermost decrypted packet, or with --write-mode=all,
 * when nothing was decrypted, its own IP datagram (a frame that is not
 * IP is counted and skipped).
 */
static void
out_sink_pcap(void *arg, const struct eng_event *ev)
{
	struct out_sinks *s = arg;
	const struct frame_rec *fr = ev->fr;
	const struct espd_layer *in;
	const struct pkt *p = &fr->pkt;

	if (!out_sinks_shown(s, fr))
		return;
	if ((in = espd_innermost(&fr->espr)) != NULL)
		out_pcap_write(s->wout, fr->tv_sec, fr->tv_nsec, in->ip,
		    in->ip_len, in->ip_len);
	else if (!s->write_all)
		return;
	else if (p->af == 0)
		s->w_not_ip++;
	else
		out_pcap_write(s->wout, fr->tv_sec, fr->tv_nsec,
		    ev->data + p->ip_off, p->ip_caplen, p->ip_wirelen);
}

static void
out_sink_pcap_summary(void *arg, FILE *fp)
{
	struct out_sinks *s = arg;

	if (s->write_all && s->w_not_ip > 0)
		fprintf(fp, "-w: %llu frame(s) not IP, not written\n",
		    (unsigned long long)s->w_not_ip);
}

/*
 * keys --export: the store, with what the read added to it and what it
 * learned of ESP flows (espd_kx_esp only reads the espd it is given).
 */
static void
out_sink_keys(void *arg, const struct eng_event *ev)
{
	struct out_sinks *s = arg;
	struct kx_hooks kh = { NULL, NULL, NULL, NULL };

	if (ev->espd != NULL) {
		kh.esp = espd_kx_esp;
		kh.esp_arg = (void *)ev->espd;
	}
	if (ev->ks != NULL)
		s->keys_rc = kx_write(s->out, ev->ks, s->keys_fmt, &kh,
		    s->keys_err, sizeof(s->keys_err));
}

/* A first pass for a selection: every IKE SA, evicted or at the end. */
static void
out_sink_learn_sa(const struct trk_ike_sa *sa, void *arg)
{
	out_sel_learn(arg, sa);
}

static void
out_sink_learn(void *arg, const struct eng_event *ev)
{
	if (ev->type == ENG_EV_SA_STATE) {
		if (ev->to == TRK_P_EVICTED)
			out_sel_learn(arg, ev->sa);
		return;
	}
	trk_foreach_ike(ev->trk, out_sink_learn_sa, arg);
}

int
out_sinks_learn(struct ctx *c, struct out_sel *sel, char *errbuf,
    size_t errlen)
{
	struct eng_sink k;

	memset(&k, 0, sizeof(k));
	k.arg = sel;
	k.ev = out_sink_learn;
	k.mask = ENG_EV_BIT(ENG_EV_SA_STATE) | ENG_EV_BIT(ENG_EV_END);
	return eng_sink_add(c, &k, errbuf, errlen);
}

struct out_sinks *
out_sinks_new(struct ctx *c, const struct out_cfg *cfg, char *errbuf,
    size_t errlen)
{
	struct out_sinks *s = calloc(1, sizeof(*s));
	struct eng_sink k;

	if (s == NULL) {
		snprintf(errbuf, errlen, "out of memory (output)");
		return NULL;
	}
	s->o = &c->o;
	s->out = cfg->out;
	s->write_all = cfg->write_all;
	s->keys_fmt = cfg->keys_fmt;
	s->sel = out_sel_active(cfg->sel) ? cfg->sel : NULL;
	json_init(&s->j, cfg->out);
	memset(&k, 0, sizeof(k));
	k.arg = s;
	switch (cfg->view) {
	case OUT_VIEW_FRAMES:
		k.hold = out_sink_hold;
		k.mask = ENG_EV_BIT(ENG_EV_FRAME) | ENG_EV_BIT(ENG_EV_FLUSH) |
		    ENG_EV_BIT(ENG_EV_END);
		s->lines = malloc(sizeof(*s->lines));
		if (s->lines == NULL || out_sinks_wr(s, c, cfg) == -1)
			goto nomem;
		/* the second core formats: the read-ahead only reads */
		c->out_thread = s->wr != NULL;
		if (c->o.json) {
			k.ev = out_sink_json;
			if (s->wr != NULL)
				json_set_out(&s->j, out_sink_to_wr_json, s,
				    s->j.own, sizeof(s->j.own));
		} else {
			k.ev = out_sink_text;
			if (s->wr != NULL)
				out_lines_init(s->lines, out_sink_to_wr_lines,
				    s, s->lines->own, sizeof(s->lines->own));
			else if (out_sink_direct_ok(s->out))
				out_lines_init(s->lines, out_sink_direct_lines,
				    s, s->lines->own, sizeof(s->lines->own));
			else
				out_lines_init(s->lines, NULL, NULL, NULL, 0);
		}
		break;
	case OUT_VIEW_TIMELINE:
		k.ev = out_sink_timeline;
		k.mask = ENG_EV_BIT(ENG_EV_SA_STATE) | ENG_EV_BIT(ENG_EV_END);
		break;
	case OUT_VIEW_SAS:
		k.ev = out_sink_sas;
		k.mask = ENG_EV_BIT(ENG_EV_END);
		break;
	case OUT_VIEW_NONE:
		break;
	}
	if (k.ev != NULL && eng_sink_add(c, &k, errbuf, errlen) == -1)
		goto fail;
	if (cfg->write_path != NULL) {
		if ((s->wout = out_pcap_open(cfg->write_path, errbuf,
		    errlen)) == NULL)
			goto fail;
		memset(&k, 0, sizeof(k));
		k.arg = s;
		k.ev = out_sink_pcap;
		k.summary = out_sink_pcap_summary;
		k.mask = ENG_EV_BIT(ENG_EV_FRAME);
		if (eng_sink_add(c, &k, errbuf, errlen) == -1)
			goto fail;
	}
	if (cfg->keys) {
		memset(&k, 0, sizeof(k));
		k.arg = s;
		k.ev = out_sink_keys;
		k.mask = ENG_EV_BIT(ENG_EV_END);
		if (eng_sink_add(c, &k, errbuf, errlen) == -1)
			goto fail;
	}
	return s;
nomem:
	snprintf(errbuf, errlen, "out of memory (output)");
fail:
	out_sinks_free(s);
	return NULL;
}

int
out_sinks_close(struct out_sinks *s, char *errbuf, size_t errlen)
{
	int rc = out_pcap_close(s->wout, errbuf, errlen);

	s->wout = NULL;
	/* (a failure of stdio's own is the caller's to report) */
	if (rc == 0 && ((s->wr != NULL && out_wr_failed(s->wr)) ||
	    (s->direct_failed && !ferror(s->out)))) {
		snprintf(errbuf, errlen, "write error on standard output");
		rc = -1;
	}
	if (rc == 0 && s->keys_rc == -1) {
		snprintf(errbuf, errlen, "%s", s->keys_err);
		rc = -1;
	}
	return rc;
}

void
out_sinks_free(struct out_sinks *s)
{
	char err[64];

	if (s == NULL)
		return;
	if (s->wout != NULL)
		out_pcap_close(s->wout, err, sizeof(err));
	out_wr_free(s->wr);
	free(s->wfr);
	free(s->wsa);
	free(s->wlines);
	free(s->wj);
	free(s->wbuf);
	free(s->lines);
	free(s);
}
