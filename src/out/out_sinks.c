/*
 * out_sinks.c - the presenters as sinks; see out_sinks.h.
 */
#include <stdlib.h>
#include <string.h>

#include "out/out_json.h"
#include "out/out_pcap.h"
#include "out/out_sinks.h"
#include "out/out_text.h"
#include "out/out_timeline.h"

struct out_sinks {
	const struct opts *o;
	const struct trk *trk;		/* the event's, for timeline */
	FILE		*out;
	struct json	 j;
	struct out_lines *lines;	/* the text view's */
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

static void
out_sink_text(void *arg, const struct eng_event *ev)
{
	struct out_sinks *s = arg;

	if (ev->type == ENG_EV_FRAME) {
		if (out_sinks_shown(s, ev->fr))
			out_text_frame(s->out, s->lines, s->o, ev->fr);
	} else {	/* FLUSH, END */
		out_lines_flush(s->out, s->lines);
		fflush(s->out);
	}
}

static void
out_sink_json(void *arg, const struct eng_event *ev)
{
	struct out_sinks *s = arg;

	if (ev->type == ENG_EV_FRAME) {
		if (out_sinks_shown(s, ev->fr))
			out_json_frame(&s->j, s->o, ev->fr);
	} else
		fflush(s->out);
}

/*
 * timeline: an SA the state cap evicts is printed then (the output loses
 * nothing), the others at the end.
 */
static void
out_sink_timeline_sa(const struct trk_ike_sa *sa, void *arg)
{
	struct out_sinks *s = arg;

	if (s->sel != NULL && !out_sel_ike(s->sel, sa))
		return;
	if (s->o->json)
		out_timeline_json(&s->j, s->trk, sa);
	else
		out_timeline_text(s->out, s->trk, sa);
}

static void
out_sink_timeline(void *arg, const struct eng_event *ev)
{
	struct out_sinks *s = arg;

	s->trk = ev->trk;
	if (ev->type == ENG_EV_SA_STATE) {
		if (ev->to == TRK_P_EVICTED)
			out_sink_timeline_sa(ev->sa, s);
		return;
	}
	trk_foreach_ike(ev->trk, out_sink_timeline_sa, s);
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
out_sink_pcap_hold(void *arg, bool on)
{
	struct out_sinks *s = arg;

	out_pcap_hold(s->wout, on);
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
		if (c->o.json)
			k.ev = out_sink_json;
		else {
			k.ev = out_sink_text;
			s->lines = calloc(1, sizeof(*s->lines));
			if (s->lines == NULL)
				goto nomem;
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
		k.hold = out_sink_pcap_hold;
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
	free(s->lines);
	free(s);
}
