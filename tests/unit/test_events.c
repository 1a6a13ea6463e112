/*
 * test_events.c - the engine's event stream (event.h) on real exchanges:
 * samples/a_mm (Main Mode, Quick Mode, ESP both ways, DELETE of the ESP
 * SA and of the IKE SA) with its keys, and f1 (a wrong pre-shared key:
 * MM5 resent, never answered).  A recording sink writes each event as a
 * text line; the tests compare the lines with what the captures hold, at
 * --threads 1, 2 and 4 (the output thread), with two sinks at once,
 * across eng_flush and eng_tick.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/engine.h"
#include "keys/keyfile.h"

#include "check.h"

#define REC_MAX		4096
#define REC_LINE	96

struct rec {
	char		 l[REC_MAX][REC_LINE];
	unsigned	 n;
	unsigned	 frames;	/* ENG_EV_FRAME seen */
	unsigned	 last_frame;
	unsigned	 order_bad;	/* frame events out of frame order */
	unsigned	 flushes;
};

static const char *
ev_name(enum eng_ev t)
{
	static const char *const n[ENG_EV__COUNT] = { "frame", "ike", "exchange",
	    "qm", "sa", "esp-flow", "icv-fail", "anomaly", "stats", "flush",
	    "end" };

	return n[t];
}

/* The recording sink: one line per event (frames without their line). */
static void
rec_ev(void *arg, const struct eng_event *ev)
{
	struct rec *r = arg;
	char *l, why[64];
	unsigned f = ev->fr != NULL ? ev->fr->pkt.frame : 0;

	if (ev->type == ENG_EV_FRAME) {
		if (f <= r->last_frame)
			r->order_bad++;
		r->last_frame = f;
		r->frames++;
		return;
	}
	/* a frame's other events follow its ENG_EV_FRAME */
	if (ev->fr != NULL && f != r->last_frame)
		r->order_bad++;
	if (ev->type == ENG_EV_FLUSH)
		r->flushes++;
	if (r->n == REC_MAX)
		return;
	l = r->l[r->n++];
	switch (ev->type) {
	case ENG_EV_IKE_MSG:
		snprintf(l, REC_LINE, "%u ike sa=%llu %s%s", f,
		    (unsigned long long)ev->sa->id,
		    trk_label_name(ev->fr->trk.label) != NULL ?
		    trk_label_name(ev->fr->trk.label) : "-",
		    ev->fr->trk.retransmit ? " retransmit" : "");
		break;
	case ENG_EV_EXCHANGE:
	case ENG_EV_QM:
		why[0] = '\0';
		if (ev->reason == TRK_R_TIMEOUT)
			snprintf(why, sizeof(why), " (timeout)");
		else if (ev->ex->state == TRK_FAILED)
			trk_ex_reason_text(ev->ex, why, sizeof(why));
		snprintf(l, REC_LINE, "%s sa=%llu type=%u msgid=%08x %s%s%s",
		    ev_name(ev->type), (unsigned long long)ev->sa->id,
		    ev->ex->type, ev->ex->msgid, trk_state_name(ev->ex->state),
		    why[0] != '\0' && why[0] != ' ' ? ": " : "", why);
		if (ev->type == ENG_EV_QM)
			snprintf(l + strlen(l), REC_LINE - strlen(l),
			    " spis=%08x,%08x enc=%u pfs=%u",
			    ev->ex->nspis > 0 ? ev->ex->spis[0] : 0,
			    ev->ex->nspis > 1 ? ev->ex->spis[1] : 0,
			    ev->ex->chosen.enc, ev->ex->chosen.group);
		break;
	case ENG_EV_SA_STATE:
		snprintf(l, REC_LINE, "sa %llu %s -> %s",
		    (unsigned long long)ev->sa->id, trk_phase_name(ev->from),
		    trk_phase_name(ev->to));
		break;
	case ENG_EV_ESP_FLOW:
	case ENG_EV_ICV_FAIL:
		snprintf(l, REC_LINE, "%u %s spi=%08x", f, ev_name(ev->type),
		    ev->flow->spi);
		break;
	case ENG_EV_ANOMALY:
		snprintf(l, REC_LINE, "%u anomaly %s", f,
		    an_stable_id((enum an_id)ev->an->id));
		break;
	default:
		snprintf(l, REC_LINE, "%s", ev_name(ev->type));
		break;
	}
}

static char *
sample(const char *name)
{
	static char buf[4][512];
	static unsigned i;
	const char *top = getenv("top_srcdir");
	char *b = buf[i++ % 4];

	if (name[0] == '/')
		snprintf(b, 512, "%s", name);
	else
		snprintf(b, 512, "%s/samples/%s", top != NULL ? top : ".",
		    name);
	return b;
}

/* A run's context over keys (NULL: none), threads as --threads says. */
static int
run_init(struct ctx *c, const char *stem, unsigned threads)
{
	char err[256], path[512];
	const char *sfx[] = { ".esp_sa", ".ikev1_decryption_table" };
	size_t i;

	memset(c, 0, sizeof(*c));
	c->o.threads = threads;
	c->ks = ks_new();
	if (c->ks == NULL)
		return -1;
	for (i = 0; stem != NULL && i < 2; i++) {
		snprintf(path, sizeof(path), "%s%s", sample(stem), sfx[i]);
		if (kf_load_file(c->ks, path, err, sizeof(err)) == -1) {
			fprintf(stderr, "%s\n", err);
			return -1;
		}
	}
	if (eng_init(c, err, sizeof(err)) == -1) {
		fprintf(stderr, "%s\n", err);
		return -1;
	}
	return 0;
}

static int
rec_add_clock(struct ctx *c, struct rec *r, uint32_t mask, bool clock)
{
	struct eng_sink k = { rec_ev, NULL, NULL, r, mask, clock };
	char err[64];

	return eng_sink_add(c, &k, err, sizeof(err));
}

static int
rec_add(struct ctx *c, struct rec *r, uint32_t mask)
{
	return rec_add_clock(c, r, mask, false);
}

/*
 * A whole capture through the engine into r (and second); with
 * stats_every, r's sink sets clock: eng_tick with capture time.
 */
static struct rec *
run_file(const char *stem, unsigned threads, struct rec *second,
    double stats_every)
{
	struct ctx c;
	struct rec *r = calloc(1, sizeof(*r));
	char err[256], path[512];

	if (r == NULL || run_init(&c, stem, threads) == -1 ||
	    rec_add_clock(&c, r, ENG_EV_ALL, stats_every > 0) == -1 ||
	    (second != NULL && rec_add(&c, second, ENG_EV_ALL) == -1)) {
		free(r);
		return NULL;
	}
	c.o.stats_every = stats_every;
	snprintf(path, sizeof(path), "%s.pcap", sample(stem));
	if (eng_read_file(&c, path, err, sizeof(err)) == -1)
		fprintf(stderr, "%s\n", err);
	eng_finish(&c);
	eng_free(&c);
	return r;
}

static void
rec_print(const struct rec *r)
{
	unsigned i;

	for (i = 0; i < r->n; i++)
		fprintf(stderr, "  %s\n", r->l[i]);
}

/* r's lines are exactly want's (NULL-terminated); prints r otherwise. */
static void
check_lines(const struct rec *r, const char *const *want)
{
	unsigned i;
	int fails = check_fails;

	for (i = 0; want[i] != NULL && i < r->n; i++)
		CHECK_STR(r->l[i], want[i]);
	while (want[i] != NULL)
		i++;
	CHECK_EQ_U(r->n, i);
	if (check_fails > fails)
		rec_print(r);
}

/*
 * a_mm: the IKE SA negotiates (MM1..MM6), Quick Mode 20146bfb gives
 * SPIs 6052e5d3/7d9ae521 (ESP AES-CBC, no PFS), 20 ESP frames in two
 * flows, then an INFO deletes the ESP SA and one the IKE SA.
 */
static const char *const a_mm_events[] = {
	"3 ike sa=1 MM1",
	"4 ike sa=1 MM2",
	"5 ike sa=1 MM3",
	"6 ike sa=1 MM4",
	"7 ike sa=1 MM5",
	"8 ike sa=1 MM6",
	"exchange sa=1 type=2 msgid=00000000 established",
	"sa 1 negotiating -> established",
	"9 ike sa=1 QM1",
	"10 ike sa=1 QM2",
	"11 ike sa=1 QM3",
	"exchange sa=1 type=32 msgid=20146bfb established",
	"qm sa=1 type=32 msgid=20146bfb established spis=6052e5d3,7d9ae521 "
	    "enc=12 pfs=0",
	"12 esp-flow spi=7d9ae521",
	"13 esp-flow spi=6052e5d3",
	"32 ike sa=1 INFO",
	"exchange sa=1 type=5 msgid=ce4bd5e5 established",
	"33 ike sa=1 INFO",
	"exchange sa=1 type=5 msgid=f00e0ed1 established",
	"sa 1 established -> deleted",
	"flush",
	"flush",
	"end",
	NULL
};

/*
 * f1: MM5 resent three times (frames 9, 11, 15), each answered by an
 * encrypted informational it cannot read (a one-message exchange,
 * complete as such); at the end, Main Mode failed for lack of response.
 */
static const char *const f1_events[] = {
	"3 ike sa=1 MM1",
	"4 ike sa=1 MM2",
	"5 ike sa=1 MM3",
	"6 ike sa=1 MM4",
	"7 ike sa=1 MM5",
	"8 ike sa=1 INFO",
	"exchange sa=1 type=5 msgid=8b628ecc established",
	"9 ike sa=1 MM5 retransmit",
	"10 ike sa=1 INFO",
	"exchange sa=1 type=5 msgid=b1a52483 established",
	"11 ike sa=1 MM5 retransmit",
	"12 ike sa=1 INFO",
	"exchange sa=1 type=5 msgid=b72bbbdf established",
	"15 ike sa=1 MM5 retransmit",
	"16 ike sa=1 INFO",
	"exchange sa=1 type=5 msgid=d0435f35 established",
	"flush",
	"flush",
	"exchange sa=1 type=2 msgid=00000000 failed: no response after 3 "
	    "retransmissions",
	"sa 1 negotiating -> failed",
	"end",
	NULL
};

static void
test_streams(void)
{
	static const unsigned threads[] = { 1, 2, 4 };
	struct rec *r, *f;
	size_t i;

	for (i = 0; i < sizeof(threads) / sizeof(threads[0]); i++) {
		r = run_file("a_mm_psk_aes128_sha1_modp2048", threads[i],
		    NULL, 0);
		CHECK(r != NULL);
		if (r == NULL)
			return;
		check_lines(r, a_mm_events);
		CHECK_EQ_U(r->order_bad, 0);
		CHECK_EQ_U(r->frames, 33);
		free(r);
		f = run_file("f1_mm_wrong_psk", threads[i], NULL, 0);
		CHECK(f != NULL);
		if (f == NULL)
			return;
		check_lines(f, f1_events);
		CHECK_EQ_U(f->order_bad, 0);
		free(f);
	}
}

/* Two sinks attached at once see the same stream. */
static void
test_two_sinks(void)
{
	struct rec *two = calloc(1, sizeof(*two)), *one;
	unsigned i;

	CHECK(two != NULL);
	if (two == NULL)
		return;
	one = run_file("a_mm_psk_aes128_sha1_modp2048", 2, two, 0);
	CHECK(one != NULL);
	if (one != NULL) {
		CHECK_EQ_U(one->n, two->n);
		CHECK_EQ_U(one->frames, two->frames);
		CHECK_EQ_U(one->frames, 33);
		for (i = 0; i < one->n && i < two->n; i++)
			CHECK_STR(one->l[i], two->l[i]);
	}
	free(one);
	free(two);
}

static int
has_line(const struct rec *r, const char *s)
{
	unsigned i;

	for (i = 0; i < r->n; i++)
		if (strcmp(r->l[i], s) == 0)
			return (int)i;
	return -1;
}

/* A capture fed to the engine frame by frame, recorded. */
struct run {
	struct ctx	 c;
	struct rec	 r;
	struct cap	*cap;
	double		 ts;	/* of the last frame fed */
};

static struct run *
run_open(const char *stem, unsigned threads)
{
	struct run *u = calloc(1, sizeof(*u));
	char err[256], path[512];

	if (u == NULL || run_init(&u->c, stem, threads) == -1 ||
	    rec_add(&u->c, &u->r, ENG_EV_ALL) == -1) {
		CHECK(0);
		free(u);
		return NULL;
	}
	snprintf(path, sizeof(path), "%s.pcap", sample(stem));
	u->cap = cap_open_file(path, err, sizeof(err));
	CHECK(u->cap != NULL);
	if (u->cap == NULL) {
		eng_free(&u->c);
		free(u);
		return NULL;
	}
	return u;
}

/* Feed up to n more frames; how many there were. */
static unsigned
run_feed(struct run *u, unsigned n)
{
	struct cap_frame f;
	char err[256];
	unsigned i = 0;

	while (i < n && cap_next(u->cap, &f, err, sizeof(err)) == CAP_FRAME) {
		eng_frame(&u->c, cap_linktype(u->cap), &f);
		u->ts = f.ts;
		i++;
	}
	return i;
}

/* The end of input: every frame published once, in order. */
static void
run_close(struct run *u, unsigned frames)
{
	eng_finish(&u->c);
	CHECK_EQ_U(u->r.frames, frames);
	CHECK_EQ_U(u->r.order_bad, 0);
	cap_close(u->cap);
	eng_free(&u->c);
	free(u);
}

/*
 * eng_flush releases a partial ESP batch: after the Quick Mode, the ESP
 * frames wait for their batch (a_mm has too few to fill one) until
 * eng_flush publishes them.
 */
static void
test_flush(void)
{
	static const unsigned threads[] = { 1, 2, 4 };
	struct run *u;
	size_t i;

	for (i = 0; i < sizeof(threads) / sizeof(threads[0]); i++) {
		if ((u = run_open("a_mm_psk_aes128_sha1_modp2048",
		    threads[i])) == NULL)
			return;
		/* frames 1..11: ARP and the IKE exchanges; 12..31 ESP */
		CHECK_EQ_U(run_feed(u, 20), 20);
		CHECK_EQ_U(u->r.frames, 11);	/* the 9 ESP frames wait */
		eng_flush(&u->c);
		CHECK_EQ_U(u->r.frames, 20);
		CHECK_EQ_U(u->r.flushes, 1);
		/* and the rest goes on in order */
		CHECK_EQ_U(run_feed(u, 100), 13);
		run_close(u, 33);
	}
}

/*
 * eng_tick: an exchange half done times out once its last message is
 * older than the limit (and not before, and once); a late answer still
 * completes it; periodic statistics.
 */
static void
test_tick_timeout(void)
{
	struct run *u = run_open("a_mm_psk_aes128_sha1_modp2048", 1);
	struct rec *r;
	unsigned n;
	const char *to = "exchange sa=1 type=2 msgid=00000000 incomplete "
	    "(timeout)";

	if (u == NULL)
		return;
	r = &u->r;
	u->c.o.ex_timeout = 30;
	u->c.o.stats_every = 60;
	CHECK_EQ_U(run_feed(u, 5), 5);	/* to MM3 */
	eng_tick(&u->c, u->ts + 29);
	n = r->n;
	CHECK(has_line(r, to) < 0);
	CHECK(has_line(r, "stats") < 0);
	eng_tick(&u->c, u->ts + 31);
	CHECK(has_line(r, to) == (int)n);
	CHECK_EQ_U(r->n, n + 1);
	eng_tick(&u->c, u->ts + 40);	/* once only */
	CHECK_EQ_U(r->n, n + 1);
	eng_tick(&u->c, u->ts + 90);	/* 60 s after the first tick */
	CHECK(has_line(r, "stats") == (int)n + 1);
	/* a late answer still completes it */
	CHECK_EQ_U(run_feed(u, 100), 28);
	CHECK(has_line(r, "exchange sa=1 type=2 msgid=00000000 established")
	    > (int)n);
	CHECK(has_line(r, "sa 1 negotiating -> established") > (int)n);
	run_close(u, 33);
}

/*
 * eng_tick: g_mm_rekey_dpd's first IKE SA has a 35 s lifetime: at 34.5 s
 * after it was established it stands, at 35.5 s it has expired; its
 * DELETE then makes it deleted.  (The corpus's; skipped without it.)
 */
static void
test_tick_expiry(void)
{
	struct run *u;
	char stem[512];
	const char *corpus = getenv("CORPUS");
	unsigned f, n;

	if (corpus == NULL) {
		printf("test_tick_expiry: no CORPUS, skipped\n");
		return;
	}
	snprintf(stem, sizeof(stem), "%s/strongswan/g_mm_rekey_dpd", corpus);
	if ((u = run_open(stem, 2)) == NULL)
		return;
	for (f = 0; has_line(&u->r, "sa 1 negotiating -> established") < 0 &&
	    run_feed(u, 1) == 1; f++)
		;
	CHECK_EQ_U(f, 8);	/* MM6 */
	n = u->r.n;
	eng_tick(&u->c, u->ts + 34.5);
	CHECK(has_line(&u->r, "sa 1 established -> expired") < 0);
	eng_tick(&u->c, u->ts + 35.5);
	CHECK(has_line(&u->r, "sa 1 established -> expired") == (int)n);
	CHECK_EQ_U(run_feed(u, 1000), 97);
	CHECK(has_line(&u->r, "sa 1 expired -> deleted") > (int)n);
	CHECK(has_line(&u->r, "sa 1 established -> deleted") < 0);
	run_close(u, 105);
}

/*
 * A sink with clock: eng_read_file ticks with capture time.  f1's frames
 * come at +0, +1.53, +3.63, +5.01 and +6.57 s (and within ms of those):
 * with statistics every 2 s, the first tick starts the period and the
 * frames at +3.63 and +6.57 s each find it over (the next due 2 s after
 * each): two ENG_EV_STATS, and the rest of the stream as without.
 */
static void
test_clock(void)
{
	struct rec *r = run_file("f1_mm_wrong_psk", 2, NULL, 2), *s;
	unsigned i, j, stats = 0;

	s = run_file("f1_mm_wrong_psk", 2, NULL, 0);
	CHECK(r != NULL && s != NULL);
	if (r == NULL || s == NULL) {
		free(r);
		free(s);
		return;
	}
	for (i = j = 0; i < r->n; i++) {
		if (strcmp(r->l[i], "stats") == 0) {
			stats++;
			continue;
		}
		CHECK(j < s->n && strcmp(r->l[i], s->l[j]) == 0);
		j++;
	}
	CHECK_EQ_U(j, s->n);
	CHECK_EQ_U(stats, 2);
	CHECK_EQ_U(r->frames, s->frames);
	CHECK_EQ_U(r->order_bad, 0);
	free(r);
	free(s);
}

/*
 * ICV failures: a_mm with a wrong integrity key for SPI 7d9ae521 (its
 * last byte changed) and the right one for 6052e5d3, no IKE keys (so no
 * Quick Mode KEYMAT to correct it): each of 7d9ae521's 10 frames gives
 * ENG_EV_ICV_FAIL after its flow's first-seen event, the other flow's
 * none, at 1, 2 and 4 threads.
 */
static void
test_icv_fail(void)
{
	static const char keys[] =
	    "\"IPv4\",\"192.0.2.2\",\"192.0.2.1\",\"0x6052e5d3\","
	    "\"AES-CBC [RFC3602]\",\"0xad01f749eae66e9cd6c56682dc8b3576\","
	    "\"HMAC-SHA-1-96 [RFC2404]\","
	    "\"0x2f1d5abb98412a338f9dc320ee30dc4dd1161e83\"\n"
	    "\"IPv4\",\"192.0.2.1\",\"192.0.2.2\",\"0x7d9ae521\","
	    "\"AES-CBC [RFC3602]\",\"0xb2adb91cfb5f04952e5ee20584be9c46\","
	    "\"HMAC-SHA-1-96 [RFC2404]\","
	    "\"0x2ab2a75464a45ec18ff9f8abae765432dba76a91\"\n";
	static const unsigned threads[] = { 1, 2, 4 };
	struct ctx c;
	struct rec *r;
	char err[256];
	size_t i;
	unsigned j, fails, last;

	for (i = 0; i < sizeof(threads) / sizeof(threads[0]); i++) {
		r = calloc(1, sizeof(*r));
		memset(&c, 0, sizeof(c));
		c.o.threads = threads[i];
		c.ks = ks_new();
		if (r == NULL || c.ks == NULL || kf_load_text(c.ks, keys,
		    sizeof(keys) - 1, "test", err, sizeof(err)) == -1 ||
		    eng_init(&c, err, sizeof(err)) == -1 ||
		    rec_add(&c, r, ENG_EV_ALL) == -1) {
			CHECK(0);
			free(r);
			return;
		}
		eng_read_file(&c, sample("a_mm_psk_aes128_sha1_modp2048.pcap"),
		    err, sizeof(err));
		eng_finish(&c);
		eng_free(&c);
		CHECK(has_line(r, "12 esp-flow spi=7d9ae521") >= 0);
		CHECK_EQ_U(has_line(r, "12 icv-fail spi=7d9ae521"),
		    has_line(r, "12 esp-flow spi=7d9ae521") + 1);
		CHECK(has_line(r, "13 esp-flow spi=6052e5d3") >= 0);
		for (j = fails = last = 0; j < r->n; j++) {
			unsigned f;

			if (strstr(r->l[j], " icv-fail ") == NULL)
				continue;
			fails++;
			CHECK(strstr(r->l[j], "spi=7d9ae521") != NULL);
			CHECK(sscanf(r->l[j], "%u", &f) == 1 && f > last);
			last = f;
		}
		CHECK_EQ_U(fails, 10);
		CHECK_EQ_U(r->frames, 33);
		CHECK_EQ_U(r->order_bad, 0);
		free(r);
	}
}

/* A sink gets only what its mask asks for. */
static void
test_mask(void)
{
	struct ctx c;
	struct rec *r = calloc(1, sizeof(*r));
	char err[256];

	CHECK(r != NULL);
	if (r == NULL || run_init(&c, NULL, 1) == -1 ||
	    rec_add(&c, r, ENG_EV_BIT(ENG_EV_SA_STATE)) == -1) {
		CHECK(0);
		free(r);
		return;
	}
	eng_read_file(&c, sample("f1_mm_wrong_psk.pcap"), err, sizeof(err));
	eng_finish(&c);
	CHECK_EQ_U(r->frames, 0);
	CHECK_EQ_U(r->n, 1);
	CHECK_STR(r->l[0], "sa 1 negotiating -> failed");
	eng_free(&c);
	free(r);
}

int
main(void)
{
	test_streams();
	test_two_sinks();
	test_flush();
	test_tick_timeout();
	test_tick_expiry();
	test_clock();
	test_icv_fail();
	test_mask();
	return check_done("test_events");
}
