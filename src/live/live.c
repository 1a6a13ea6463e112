/*
 * live.c - ikescope live; see live.h.
 *
 * One sink turns the engine's events into the view model's rows (or into
 * streamed lines and JSON records); the audit rates each IKE SA once it
 * leaves negotiation, and its findings become alerts.  Per-packet JSON
 * records in streaming mode come from read's own JSON view (out_sinks),
 * registered before this sink so a frame's record precedes its events.
 */
#define _GNU_SOURCE		/* fmemopen */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "audit/audit.h"
#include "capture/capture.h"
#include "capture/pkt.h"
#include "core/fmt.h"
#include "core/hash.h"
#include "core/json.h"
#include "dissectors/isakmp.h"
#include "dissectors/isakmp_names.h"
#include "engine/event.h"
#include "keys/keyfile.h"
#include "live/live.h"
#include "live/ui_curses.h"
#include "live/ui_model.h"
#include "out/out_sinks.h"
#include "out/out_timeline.h"

#define LIVE_REFRESH	0.1	/* seconds between flush, tick and draw */
#define LIVE_BURST	4096	/* frames read before looking around */
#define LIVE_SEEN	65536	/* IKE SAs remembered as audited */

struct live {
	struct ctx		*c;
	const struct live_opts	*o;
	struct cap		*cap;
	struct cap_dump		*dump;
	struct ui_model		*m;
	struct ui_curses	*u;
	struct audit		*au;
	size_t			 alerted;	/* audit findings shown */
	FILE			*out;		/* streaming */
	struct json		 j;
	uint64_t		 packets;
	double			 now;		/* of the event being handled */
	off_t			 kf_size[LIVE_MAX_KEYFILES];
	uint64_t		 keys_loaded, key_errors;
	uint64_t		 seen[LIVE_SEEN];	/* audited SA ids + 1 */
	uint64_t		 seen_seed;
};

static volatile sig_atomic_t live_stop, live_hup;

static int live_sigpipe[2] = { -1, -1 };

static void
live_signal(int sig)
{
	int e = errno;
	char b = (char)sig;

	if (sig == SIGHUP)
		live_hup = 1;
	else
		live_stop = 1;
	if (live_sigpipe[1] != -1)
		(void)!write(live_sigpipe[1], &b, 1);
	errno = e;
}

static double
live_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Whether sa was audited already (else it is now marked). */
static bool
live_audited(struct live *l, uint64_t id)
{
	size_t i = hash_final(hash_add(l->seen_seed, id)) % LIVE_SEEN, n;

	for (n = 0; n < LIVE_SEEN; n++, i = (i + 1) % LIVE_SEEN) {
		if (l->seen[i] == id + 1)
			return true;
		if (l->seen[i] == 0) {
			l->seen[i] = id + 1;
			return false;
		}
	}
	return true;	/* full: no more audits, never twice */
}

/* ---- what a row says ---- */

/* "initiator > responder", with the ports for streamed lines */
static void
live_peers(const struct trk_ike_sa *sa, bool ports, char *b, size_t n)
{
	char x[PKT_ADDR_STRLEN], y[PKT_ADDR_STRLEN];

	pkt_addr_str(sa->af, sa->iaddr, x, sizeof(x));
	pkt_addr_str(sa->af, sa->raddr, y, sizeof(y));
	if (ports)
		snprintf(b, n, "%s:%u > %s:%u", x, sa->iport, y, sa->rport);
	else
		snprintf(b, n, "%s > %s", x, y);
}

static const char *
live_tok(enum isakmp_reg r, unsigned v, char *b, size_t n)
{
	const char *t = isakmp_token(r, v);

	if (t != NULL)
		return t;
	snprintf(b, n, "%u", v);
	return b;
}

/* "aes128/sha1/g14": short enough for the screen's column */
static void
live_proposal(const struct trk_ike_sa *sa, char *b, size_t n)
{
	const struct trk_proposal *p = &sa->chosen;
	char e[24], h[16];
	const char *t;
	size_t l;

	if (!p->valid) {
		snprintf(b, n, "-");
		return;
	}
	snprintf(e, sizeof(e), "%s", live_tok(REG_OAKLEY_ENC, p->enc, h,
	    sizeof(h)));
	if ((l = strlen(e)) > 4 && strcmp(e + l - 4, "_cbc") == 0)
		e[l - 4] = '\0';
	t = live_tok(REG_OAKLEY_HASH, p->hash, h, sizeof(h));
	if (p->key_len != 0)
		snprintf(b, n, "%s%u/%s/g%u", e, p->key_len, t, p->group);
	else
		snprintf(b, n, "%s/%s/g%u", e, t, p->group);
}

static void
live_ike_row(const struct trk_ike_sa *sa, uint8_t phase, struct ui_ike *x)
{
	uint32_t i;
	unsigned qm = 0;
	char ab[16];

	memset(x, 0, sizeof(*x));
	x->id = sa->id;
	memcpy(x->icookie, sa->icookie, 8);
	memcpy(x->rcookie, sa->rcookie, 8);
	live_peers(sa, false, x->peers, sizeof(x->peers));
	snprintf(x->mode, sizeof(x->mode), "%s",
	    sa->mode == ISAKMP_EXCH_MAIN ? "main" :
	    sa->mode == ISAKMP_EXCH_AGGRESSIVE ? "aggr" : "?");
	snprintf(x->auth, sizeof(x->auth), "%s", sa->chosen.valid ?
	    live_tok(REG_OAKLEY_AUTH, sa->chosen.auth, ab, sizeof(ab)) : "-");
	live_proposal(sa, x->proposal, sizeof(x->proposal));
	x->state = phase < UI_STATE__N ? phase : UI_NEGOTIATING;
	if (phase == TRK_P_FAILED || phase == TRK_P_DELETED)
		trk_reason_text(sa, x->reason, sizeof(x->reason));
	if (sa->nmsgs > 0)
		snprintf(x->last_ex, sizeof(x->last_ex), "%s",
		    trk_label_name(sa->msgs[sa->nmsgs - 1].label));
	x->first_ts = sa->first_ts;
	x->last_ts = sa->last_ts;
	for (i = 0; i < sa->nex; i++) {
		if (sa->ex[i].type == ISAKMP_EXCH_QUICK &&
		    sa->ex[i].state == TRK_ESTABLISHED)
			qm++;
		if (sa->ex[i].dpd)
			x->dpd++;
	}
	x->rekeys = qm > 1 ? qm - 1 : 0;
}

static void
live_esp_row(const struct trk_esp *f, struct ui_esp *e)
{
	memset(e, 0, sizeof(*e));
	e->spi = f->spi;
	pkt_addr_str(f->af, f->dst, e->dst, sizeof(e->dst));
	pkt_addr_str(f->af, f->src, e->src, sizeof(e->src));
	snprintf(e->dir, sizeof(e->dir), "%s", f->owner == NULL ? "?" :
	    memcmp(f->dst, f->owner->raddr, 16) == 0 ? "i2r" : "r2i");
	e->ike_id = f->ike_id;
	e->packets = f->packets;
	e->bytes = f->bytes;
	e->icv_bad = f->icv_bad;
	e->gaps = f->gaps;
	e->replays = f->dups;
	e->last_ts = f->last_ts;
}

/* ---- streaming ---- */

static void
live_stamp(FILE *fp, double ts)
{
	time_t t = (time_t)ts;
	struct tm tm;
	char b[16];

	gmtime_r(&t, &tm);
	strftime(b, sizeof(b), "%H:%M:%S", &tm);
	fprintf(fp, "%s.%03d ", b, (int)((ts - (double)t) * 1000));
}

static void
live_json_sa(struct live *l, const struct eng_event *e)
{
	const struct trk_ike_sa *sa = e->sa;
	struct json *j = &l->j;
	char ab[PKT_ADDR_STRLEN], why[160], t[16];

	json_obj_begin(j);
	json_kstr(j, "event", "ike_sa");
	json_key(j, "ts");
	json_double(j, e->ts, 6);
	json_khex(j, "icookie", sa->icookie, 8);
	json_khex(j, "rcookie", sa->rcookie, 8);
	json_kstr(j, "initiator", pkt_addr_str(sa->af, sa->iaddr, ab,
	    sizeof(ab)));
	json_kstr(j, "responder", pkt_addr_str(sa->af, sa->raddr, ab,
	    sizeof(ab)));
	json_kstr(j, "mode", sa->mode == ISAKMP_EXCH_MAIN ? "main" :
	    sa->mode == ISAKMP_EXCH_AGGRESSIVE ? "aggressive" : NULL);
	json_kstr(j, "state", ui_state_name(e->to));
	json_kstr(j, "from", ui_state_name(e->from));
	why[0] = '\0';
	if (e->to == TRK_P_FAILED || e->to == TRK_P_DELETED)
		trk_reason_text(sa, why, sizeof(why));
	json_kstr(j, "reason", why[0] ? why : NULL);
	json_key(j, "proposal");
	if (!sa->chosen.valid)
		json_null(j);
	else {
		json_obj_begin(j);
		json_kstr(j, "enc", live_tok(REG_OAKLEY_ENC, sa->chosen.enc, t,
		    sizeof(t)));
		json_ku64(j, "key_len", sa->chosen.key_len);
		json_kstr(j, "hash", live_tok(REG_OAKLEY_HASH,
		    sa->chosen.hash, t, sizeof(t)));
		json_kstr(j, "group", live_tok(REG_OAKLEY_GROUP,
		    sa->chosen.group, t, sizeof(t)));
		json_kstr(j, "auth", live_tok(REG_OAKLEY_AUTH,
		    sa->chosen.auth, t, sizeof(t)));
		json_ku64(j, "lifetime", sa->chosen.life_secs);
		json_obj_end(j);
	}
	json_obj_end(j);
	json_end_line(j);
}

static void
live_json_exchange(struct live *l, const struct eng_event *e)
{
	struct json *j = &l->j;
	char b[16];

	json_obj_begin(j);
	json_kstr(j, "event", "exchange");
	json_key(j, "ts");
	json_double(j, e->ts, 6);
	json_khex(j, "icookie", e->sa->icookie, 8);
	snprintf(b, sizeof(b), "%08x", e->ex->msgid);
	json_kstr(j, "msgid", b);
	json_kstr(j, "type", isakmp_token(REG_EXCHANGE, e->ex->type));
	json_kstr(j, "state", e->ex->timed_out && e->ex->state !=
	    TRK_ESTABLISHED ? "timed_out" : trk_state_name(e->ex->state));
	json_obj_end(j);
	json_end_line(j);
}

static void
live_json_flow(const struct trk_esp *f, void *arg)
{
	struct json *j = arg;
	char ab[PKT_ADDR_STRLEN], b[16];

	json_obj_begin(j);
	snprintf(b, sizeof(b), "%08x", f->spi);
	json_kstr(j, "spi", b);
	json_kstr(j, "dst", pkt_addr_str(f->af, f->dst, ab, sizeof(ab)));
	json_ku64(j, "packets", f->packets);
	json_ku64(j, "bytes", f->bytes);
	json_ku64(j, "icv_bad", f->icv_bad);
	json_obj_end(j);
}

static void
live_json_stats(struct live *l, const struct eng_event *e)
{
	struct json *j = &l->j;
	struct cap_live_stats cs;

	cap_live_stats(l->cap, &cs);
	json_obj_begin(j);
	json_kstr(j, "event", "stats");
	json_key(j, "ts");
	json_double(j, e->ts, 6);
	json_ku64(j, "packets", l->packets);
	json_ku64(j, "dropped", cs.dropped + cs.if_dropped);
	json_key(j, "esp_sas");
	json_arr_begin(j);
	trk_foreach_esp(e->trk, live_json_flow, j);
	json_arr_end(j);
	json_obj_end(j);
	json_end_line(j);
}

/* The audit's findings not yet shown, as alerts. */
static void
live_alerts(struct live *l, double ts)
{
	size_t n = audit_nfindings(l->au);
	enum fi_id id;
	enum fi_severity sev;
	const char *text, *json;
	char line[256];

	for (; l->alerted < n; l->alerted++) {
		audit_finding(l->au, l->alerted, &id, &sev, &text, &json);
		if (id == FI_IKEV1_IN_USE)
			continue;	/* said of every SA: not an alert */
		if (l->u != NULL) {
			snprintf(line, sizeof(line), "%s: %s", fi_id_name(id),
			    text);
			ui_model_alert(l->m, ts, (enum ui_severity)sev, line);
		} else if (l->o->json)
			fprintf(l->out, "{\"event\":\"alert\",%s", json + 1);
		else {
			live_stamp(l->out, ts);
			fprintf(l->out, "alert %s %s: %s\n",
			    fi_severity_name(sev), fi_id_name(id), text);
		}
	}
}

static void
live_text_line(struct live *l, const struct eng_event *e)
{
	const struct trk_ike_sa *sa = e->sa;
	char peers[128], why[160], ck[17];

	if (sa == NULL)
		return;
	live_peers(sa, true, peers, sizeof(peers));
	ck[fmt_hex(ck, sa->icookie, 8)] = '\0';
	live_stamp(l->out, e->ts);
	switch (e->type) {
	case ENG_EV_IKE_MSG:
		fprintf(l->out, "ike %s %s %s%s\n", ck, peers,
		    trk_label_name(e->fr->trk.label),
		    e->fr->trk.retransmit ? " (retransmission)" : "");
		break;
	case ENG_EV_SA_STATE:
		why[0] = '\0';
		if (e->to == TRK_P_FAILED || e->to == TRK_P_DELETED)
			trk_reason_text(sa, why, sizeof(why));
		fprintf(l->out, "sa %s %s %s%s%s\n", ck, peers,
		    ui_state_name(e->to), why[0] ? ": " : "", why);
		break;
	case ENG_EV_EXCHANGE:
		fprintf(l->out, "exchange %s %s %08x %s\n", ck,
		    isakmp_token(REG_EXCHANGE, e->ex->type) ?
		    isakmp_token(REG_EXCHANGE, e->ex->type) : "?",
		    e->ex->msgid, e->ex->timed_out && e->ex->state !=
		    TRK_ESTABLISHED ? "timed out" :
		    trk_state_name(e->ex->state));
		break;
	default:
		break;
	}
}

/* ---- the sink ---- */

static void
live_flow_row(const struct trk_esp *f, void *arg)
{
	struct live *l = arg;
	struct ui_esp e;

	live_esp_row(f, &e);
	ui_model_esp(l->m, &e, l->now);
}

static void
live_ev(void *arg, const struct eng_event *e)
{
	struct live *l = arg;
	struct ui_ike x;

	l->now = e->ts;
	if (e->type == ENG_EV_IKE_MSG && e->fr->tracked &&
	    e->fr->trk.sa != NULL && e->fr->trk.msg != NULL)
		audit_message(l->au, e->fr->trk.sa, e->fr->trk.msg,
		    &e->fr->isakmp);
	if (e->type == ENG_EV_SA_STATE && e->to != TRK_P_NEGOTIATING &&
	    !live_audited(l, e->sa->id)) {
		audit_sa(l->au, e->trk, e->sa);
		live_alerts(l, e->ts);
	}
	if (l->u != NULL) {
		switch (e->type) {
		case ENG_EV_IKE_MSG:
		case ENG_EV_EXCHANGE:
		case ENG_EV_QM:
			if (e->fr != NULL && e->type == ENG_EV_IKE_MSG) {
				if (e->fr->trk.sa == NULL)
					break;
				live_ike_row(e->fr->trk.sa,
				    trk_phase(e->fr->trk.sa), &x);
			} else
				live_ike_row(e->sa, trk_phase(e->sa), &x);
			ui_model_ike(l->m, &x);
			break;
		case ENG_EV_SA_STATE:
			live_ike_row(e->sa, e->to, &x);
			ui_model_ike(l->m, &x);
			if (e->to == TRK_P_FAILED)
				ui_model_alert(l->m, e->ts, UI_MEDIUM,
				    x.reason[0] ? x.reason : "IKE SA failed");
			break;
		case ENG_EV_ESP_FLOW:
			live_flow_row(e->flow, l);
			break;
		case ENG_EV_STATS:
			trk_foreach_esp(e->trk, live_flow_row, l);
			break;
		default:
			break;
		}
		return;
	}
	if (l->o->json) {
		if (e->type == ENG_EV_SA_STATE)
			live_json_sa(l, e);
		else if (e->type == ENG_EV_EXCHANGE)
			live_json_exchange(l, e);
		else if (e->type == ENG_EV_STATS)
			live_json_stats(l, e);
	} else if (e->type == ENG_EV_IKE_MSG) {
		if (e->fr->tracked) {
			struct eng_event m = *e;

			m.sa = e->fr->trk.sa;
			live_text_line(l, &m);
		}
	} else
		live_text_line(l, e);
}

/* ---- the ladder of the opened SA ---- */

struct live_find {
	uint64_t		 id;
	const struct trk_ike_sa	*sa;
};

static void
live_find_sa(const struct trk_ike_sa *sa, void *arg)
{
	struct live_find *f = arg;

	if (sa->id == f->id)
		f->sa = sa;
}

static size_t
live_ladder(void *arg, uint64_t id, char *buf, size_t len)
{
	struct live *l = arg;
	struct live_find f = { id, NULL };
	FILE *fp;
	long n;

	trk_foreach_ike(l->c->trk, live_find_sa, &f);
	if (f.sa == NULL || len < 2 || (fp = fmemopen(buf, len - 1, "w")) ==
	    NULL)
		return 0;
	out_timeline_text(fp, l->c->trk, f.sa);
	fflush(fp);
	n = ftell(fp);
	fclose(fp);
	return n > 0 ? (size_t)n : 0;
}

/* ---- keys that follow ---- */

/* Key files that grew (or all, on SIGHUP) read again. */
static void
live_keys(struct live *l, bool all)
{
	struct stat st;
	char err[512];
	size_t i;
	bool flushed = false;

	for (i = 0; i < l->o->nkeyfiles; i++) {
		const char *p = l->o->keyfiles[i];

		if (stat(p, &st) == -1 || (!all && st.st_size ==
		    l->kf_size[i]))
			continue;
		l->kf_size[i] = st.st_size;
		if (!flushed) {
			/* no decryption in flight while keys are added */
			eng_flush(l->c);
			flushed = true;
		}
		if (kf_load_file(l->c->ks, p, err, sizeof(err)) == -1) {
			/* a line being written: the next read takes it */
			if (l->key_errors++ == 0 && l->u == NULL)
				fprintf(stderr, "ikescope: %s\n", err);
			l->kf_size[i] = 0;
		} else
			l->keys_loaded++;
	}
}

/* ---- the loop ---- */

static void
live_status(struct live *l, double now)
{
	struct ui_status s;
	struct cap_live_stats cs;

	memset(&s, 0, sizeof(s));
	cap_live_stats(l->cap, &cs);
	snprintf(s.iface, sizeof(s.iface), "%s", l->o->iface);
	snprintf(s.filter, sizeof(s.filter), "%s", l->o->filter != NULL ?
	    l->o->filter : LIVE_DEFAULT_FILTER);
	s.captured = l->packets;
	s.dropped = cs.dropped;
	s.if_dropped = cs.if_dropped;
	s.keys = l->c->ks != NULL ? (unsigned)(ks_esp_count(l->c->ks) +
	    ks_ike_count(l->c->ks)) : 0;
	s.now = now;
	ui_model_status(l->m, &s);
}

static int
live_open(struct live *l, char *err, size_t errlen)
{
	const struct live_opts *o = l->o;
	struct eng_sink k;
	struct policy pol;

	l->cap = cap_open_live(o->iface, o->filter != NULL ? o->filter :
	    LIVE_DEFAULT_FILTER, err, errlen);
	if (l->cap == NULL)
		return -1;
	if (o->write_path != NULL && (l->dump = cap_dump_open(l->cap,
	    o->write_path, err, errlen)) == NULL)
		return -1;
	if (o->user != NULL && cap_drop_privileges(o->user, err, errlen) == -1)
		return -1;
	pol_default(&pol);
	l->seen_seed = hash_seed_new();
	if ((l->au = audit_new(&pol, NULL)) == NULL ||
	    (l->m = ui_model_new()) == NULL) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	memset(&k, 0, sizeof(k));
	k.ev = live_ev;
	k.arg = l;
	k.mask = ENG_EV_ALL & ~ENG_EV_BIT(ENG_EV_FRAME) &
	    ~ENG_EV_BIT(ENG_EV_ANOMALY);
	return eng_sink_add(l->c, &k, err, errlen);
}

static void
live_signals(void)
{
	struct sigaction sa;

	if (pipe(live_sigpipe) == 0) {
		fcntl(live_sigpipe[0], F_SETFL, O_NONBLOCK);
		fcntl(live_sigpipe[1], F_SETFL, O_NONBLOCK);
		fcntl(live_sigpipe[0], F_SETFD, FD_CLOEXEC);
		fcntl(live_sigpipe[1], F_SETFD, FD_CLOEXEC);
	}
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = live_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
}

/* Frames waiting, at most a burst; -1 on a capture error. */
static int
live_read(struct live *l, char *err, size_t errlen)
{
	struct cap_frame f;
	enum cap_status st;
	int lt = cap_linktype(l->cap), n = 0;

	while (n++ < LIVE_BURST) {
		st = cap_next(l->cap, &f, err, errlen);
		if (st == CAP_TIMEOUT || st == CAP_EOF)
			return 0;
		if (st == CAP_ERROR)
			return -1;
		if (l->dump != NULL &&
		    cap_dump_write(l->dump, &f, err, errlen) == -1)
			return -1;
		l->packets++;
		eng_frame(l->c, lt, &f);
	}
	return 0;
}

int
live_run(struct ctx *c, const struct live_opts *o)
{
	static struct live l;	/* the seen set: 512 kB */
	struct pollfd pfd[3];
	char err[512], b[64];
	double start = live_now(), last = 0, now;
	int rc = 0, np;
	size_t i;

	memset(&l, 0, sizeof(l));
	l.c = c;
	l.o = o;
	l.out = stdout;
	if (live_open(&l, err, sizeof(err)) == -1) {
		fprintf(stderr, "ikescope: live: %s\n", err);
		rc = 1;
		goto out;
	}
	for (i = 0; i < o->nkeyfiles; i++) {
		struct stat st;

		if (stat(o->keyfiles[i], &st) == 0)
			l.kf_size[i] = st.st_size;	/* loaded already */
	}
	if (o->tui && (l.u = ui_curses_open(err, sizeof(err))) == NULL) {
		fprintf(stderr, "ikescope: live: %s\n", err);
		rc = 1;
		goto out;
	}
	if (!o->tui) {
		setvbuf(stdout, NULL, _IOLBF, 0);
		json_init(&l.j, stdout);
	}
	live_signals();
	live_stop = live_hup = 0;
	while (!live_stop) {
		np = 0;
		pfd[np].fd = cap_fd(l.cap);
		pfd[np++].events = POLLIN;
		pfd[np].fd = live_sigpipe[0];
		pfd[np++].events = POLLIN;
		if (l.u != NULL) {
			pfd[np].fd = ui_curses_fd(l.u);
			pfd[np++].events = POLLIN;
		}
		if (poll(pfd, (nfds_t)np, (int)(LIVE_REFRESH * 1000)) == -1 &&
		    errno != EINTR) {
			fprintf(stderr, "ikescope: live: poll: %s\n",
			    strerror(errno));
			rc = 1;
			break;
		}
		while (read(live_sigpipe[0], b, sizeof(b)) > 0)
			;
		if (o->follow_keys || live_hup)
			live_keys(&l, live_hup != 0);
		live_hup = 0;
		if (live_read(&l, err, sizeof(err)) == -1) {
			if (l.u != NULL)
				ui_curses_close(l.u);
			l.u = NULL;
			fprintf(stderr, "ikescope: live: %s\n", err);
			rc = 1;
			break;
		}
		now = live_now();
		if (now - last >= LIVE_REFRESH) {
			last = now;
			eng_flush(c);
			eng_tick(c, now);
			if (l.u != NULL) {
				live_status(&l, now);
				ui_curses_draw(l.u, l.m, live_ladder, &l);
			} else
				fflush(stdout);
		}
		if (l.u != NULL && ui_curses_input(l.u, l.m) == UI_ACT_QUIT)
			break;
		if (o->seconds > 0 && now - start >= o->seconds)
			break;
	}
out:
	if (l.u != NULL)
		ui_curses_close(l.u);	/* the terminal back first */
	if (l.cap != NULL) {
		struct cap_live_stats cs;
		struct trk_stats ts;

		eng_finish(c);
		fflush(stdout);
		cap_live_stats(l.cap, &cs);
		trk_stats(c->trk, &ts);
		if (rc == 0 && !c->o.quiet)
			fprintf(stderr, "ikescope live %s: %llu packets, "
			    "%llu dropped by the kernel, %llu by the "
			    "interface; %llu IKE SAs, %llu ESP SAs; key files "
			    "read again %llu times\n", o->iface,
			    (unsigned long long)l.packets,
			    (unsigned long long)cs.dropped,
			    (unsigned long long)cs.if_dropped,
			    (unsigned long long)ts.ike_sas,
			    (unsigned long long)ts.esp_sas,
			    (unsigned long long)l.keys_loaded);
	}
	cap_dump_close(l.dump);
	cap_close(l.cap);
	audit_free(l.au);
	ui_model_free(l.m);
	if (live_sigpipe[0] != -1) {
		close(live_sigpipe[0]);
		close(live_sigpipe[1]);
		live_sigpipe[0] = live_sigpipe[1] = -1;
	}
	return rc;
}
