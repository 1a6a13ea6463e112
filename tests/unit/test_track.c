/*
 * test_track.c - the exchange tracker: one test per script, with
 * retransmission, out-of-order and missing-message cases, outcomes, ESP
 * sequence analysis, the IKE SA -> ESP flows index (link, order,
 * eviction, against the table), keys chosen to collide under a known hash
 * seed, the tables under churn at small caps, and the memory bound under a
 * flood of cookies.
 */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "core/hash.h"
#include "dissectors/isakmp.h"
#include "track/track.h"

static const uint8_t A[4] = { 192, 0, 2, 1 }, B[4] = { 192, 0, 2, 2 };
static const uint8_t IC[8] = { 1, 2, 3, 4, 5, 6, 7, 8 };
static const uint8_t RC[8] = { 9, 9, 9, 9, 9, 9, 9, 9 };
static const uint8_t ZC[8];

struct msgspec {
	bool		 i2r;
	const uint8_t	*rc;
	uint8_t		 exch;
	uint32_t	 msgid;
	bool		 enc;
	const char	*pls;		/* payload types as chars, e.g. "\1\15" */
	uint8_t		 fill;		/* makes the bytes unique */
	size_t		 len;
	uint16_t	 notify;
};

static uint32_t frameno;

/* The header facts of a message over IPv4, port 500. */
static void
in_fill(struct trk_in *in, const uint8_t *src, const uint8_t *dst,
    const uint8_t *ic, const uint8_t *rc, uint8_t exch, uint32_t msgid,
    const uint8_t *raw, size_t len)
{
	memset(in, 0, sizeof(*in));
	in->af = 4;
	in->src = src;
	in->dst = dst;
	in->sport = in->dport = 500;
	in->icookie = ic;
	in->rcookie = rc;
	in->exch = exch;
	in->msgid = msgid;
	in->raw = raw;
	in->raw_len = len;
}

/* the next feed's trk_in.digest (then NULL again) */
static const uint8_t *feed_digest;

static int
feed(struct trk *t, const struct msgspec *s, double ts, struct trk_result *r)
{
	struct trk_in in;
	uint8_t raw[256];

	memset(raw, s->fill, sizeof(raw));
	in_fill(&in, s->i2r ? A : B, s->i2r ? B : A, IC, s->rc, s->exch,
	    s->msgid, raw, s->len ? s->len : 100);
	in.digest = feed_digest;
	feed_digest = NULL;
	in.frame = ++frameno;
	in.ts = ts;
	in.encrypted = s->enc;
	in.plaintext = !s->enc;
	if (!s->enc && s->pls != NULL) {
		in.npl = (uint8_t)strlen(s->pls);
		memcpy(in.pl, s->pls, in.npl);
	}
	in.notify = s->notify;
	return trk_ike(t, &in, r);
}

#define MM(i2r, rc, pls, fill) { i2r, rc, ISAKMP_EXCH_MAIN, 0, false, pls, fill, 0, 0 }
#define MMENC(i2r, fill, len) { i2r, RC, ISAKMP_EXCH_MAIN, 0, true, NULL, fill, len, 0 }

static const struct msgspec mm[6] = {
	MM(true, ZC, "\1\15", 1),
	MM(false, RC, "\1\15", 2),
	MM(true, RC, "\4\12\24\24", 3),
	MM(false, RC, "\4\12\24\24", 4),
	MMENC(true, 5, 108),
	MMENC(false, 6, 76),
};

static const char *const mm_labels[] = {
	"MM1", "MM2", "MM3", "MM4", "MM5", "MM6"
};
static const char *const am_labels[] = { "AM1", "AM2", "AM3" };

static void
test_main_mode(void)
{
	struct trk *t = trk_new(NULL);
	struct trk_result r;
	int i;

	for (i = 0; i < 6; i++) {
		CHECK(feed(t, &mm[i], i * 0.01, &r) == 0);
		CHECK_STR(trk_label_name(r.label), mm_labels[i]);
		CHECK(!r.retransmit);
		CHECK_EQ_U(r.dir, i % 2 ? TRK_R2I : TRK_I2R);
	}
	trk_finish(t);
	CHECK_EQ_U(r.sa->state, TRK_ESTABLISHED);
	CHECK_EQ_U(r.sa->mode, ISAKMP_EXCH_MAIN);
	CHECK_EQ_U(r.sa->nmsgs, 6);
	CHECK(memcmp(r.sa->rcookie, RC, 8) == 0);	/* joined */
	CHECK(r.sa->established_ts > 0.049 && r.sa->established_ts < 0.051);
	{
		struct trk_stats st;

		trk_stats(t, &st);
		CHECK_EQ_U(st.ike_sas, 1);
	}
	trk_free(t);
}

/*
 * A digest made by a trk_digester (another thread's, in the engine) is
 * the tracker's own: MM5 digested there, then resent without one, is a
 * retransmission; and a digest given is the one used (another MM5 of
 * the same length given MM5's digest is taken for a resend).
 */
static void
test_digester(void)
{
	struct trk *t = trk_new(NULL);
	struct trk_digester *d = trk_digester_new(t);
	struct msgspec other = mm[4];
	struct trk_result r;
	uint8_t raw[256], dg[16];
	int i;

	CHECK(d != NULL);
	if (d == NULL) {
		trk_free(t);
		return;
	}
	memset(raw, mm[4].fill, sizeof(raw));
	CHECK(trk_digester_run(d, raw, mm[4].len, dg));
	for (i = 0; i < 4; i++)
		feed(t, &mm[i], i * 0.01, &r);
	feed_digest = dg;
	CHECK(feed(t, &mm[4], 0.04, &r) == 0);
	CHECK(!r.retransmit);
	CHECK(feed(t, &mm[4], 1.0, &r) == 0);	/* the same bytes */
	CHECK(r.retransmit && r.original != NULL &&
	    r.original->frame == frameno - 1);
	/* other bytes in MM5's place: a resend, but no original */
	other.fill = 9;
	CHECK(feed(t, &other, 2.0, &r) == 0);
	CHECK(r.original == NULL);		/* its own digest */
	feed_digest = dg;
	CHECK(feed(t, &other, 3.0, &r) == 0);
	CHECK(r.original != NULL);		/* the one given */
	trk_digester_free(d);
	trk_free(t);
}

/* MM5 resent three times, never answered: failed, retransmits marked. */
static void
test_main_mode_no_response(void)
{
	struct trk *t = trk_new(NULL);
	struct trk_result r;
	char why[160];
	int i;

	for (i = 0; i < 5; i++)
		feed(t, &mm[i], i * 0.01, &r);
	for (i = 0; i < 3; i++) {
		CHECK(feed(t, &mm[4], 1.0 + i, &r) == 0);
		CHECK(r.retransmit);
		CHECK_STR(trk_label_name(r.label), "MM5");
		CHECK(r.original != NULL && r.original->frame == frameno - 1 -
		    (unsigned)i);
	}
	trk_finish(t);
	CHECK_EQ_U(r.sa->state, TRK_FAILED);
	CHECK_EQ_U(r.sa->reason, TRK_R_NO_RESPONSE);
	CHECK_EQ_U(r.sa->reason_count, 3);
	trk_reason_text(r.sa, why, sizeof(why));
	CHECK_STR(why, "no response after 3 retransmissions");
	CHECK_EQ_U(r.sa->msgs[4].resent, 3);
	trk_free(t);
}

/* MM4 arrives before MM3 (capture reordering); MM2 missing. */
static void
test_main_mode_out_of_order(void)
{
	struct trk *t = trk_new(NULL);
	struct trk_result r;

	feed(t, &mm[0], 0, &r);
	feed(t, &mm[3], 0.1, &r);
	CHECK_STR(trk_label_name(r.label), "MM4");
	feed(t, &mm[2], 0.2, &r);
	CHECK_STR(trk_label_name(r.label), "MM3");
	CHECK(r.msg != NULL && r.msg->out_of_order);
	CHECK(!r.retransmit);
	feed(t, &mm[4], 0.3, &r);
	feed(t, &mm[5], 0.4, &r);
	trk_finish(t);
	CHECK_EQ_U(r.sa->state, TRK_ESTABLISHED);
	CHECK_EQ_U(r.sa->ex[0].missing, 2);	/* MM2, counted at MM4 */
	trk_free(t);
}

/* An error notify in clear after MM1: NO-PROPOSAL-CHOSEN. */
static void
test_notify_failure(void)
{
	struct trk *t = trk_new(NULL);
	struct trk_result r;
	struct msgspec n = { false, RC, ISAKMP_EXCH_INFO, 0x1234, false,
	    "\13", 7, 0, 14 };
	char why[160];

	feed(t, &mm[0], 0, &r);
	feed(t, &n, 0.1, &r);
	CHECK_STR(trk_label_name(r.label), "INFO");
	trk_finish(t);
	CHECK_EQ_U(r.sa->state, TRK_FAILED);
	CHECK_EQ_U(r.sa->reason, TRK_R_NOTIFY);
	trk_reason_text(r.sa, why, sizeof(why));
	CHECK_STR(why, "NO-PROPOSAL-CHOSEN");
	trk_free(t);
}

/* State changes as trk_set_change reports them, one line each. */
struct changes {
	char		 l[8][64];
	unsigned	 n;
};

static void
change_rec(const struct trk_ike_sa *sa, const struct trk_exchange *e,
    uint8_t old, void *arg)
{
	struct changes *c = arg;

	if (c->n == 8)
		return;
	if (e != NULL)
		snprintf(c->l[c->n++], 64, "sa %llu ex %u %s%s",
		    (unsigned long long)sa->id, e->type,
		    trk_state_name(e->state), e->timed_out ? " timed out" : "");
	else
		snprintf(c->l[c->n++], 64, "sa %llu %s -> %s",
		    (unsigned long long)sa->id, trk_phase_name(old),
		    trk_phase_name(trk_phase(sa)));
}

static void
evict_rec(const struct trk_ike_sa *sa, void *arg)
{
	struct changes *c = arg;

	if (c->n < 8)
		snprintf(c->l[c->n++], 64, "sa %llu evicted",
		    (unsigned long long)sa->id);
}

/*
 * The change hook: an error informational fails the pending Main Mode
 * (reported before the informational itself, then the SA); an SA evicted
 * by the cap gets its verdicts before the eviction; trk_tick marks an
 * unanswered exchange once.
 */
static void
test_changes(void)
{
	struct trk_limits lim = { 1, 0, 0, 0 };
	struct trk *t = trk_new(&lim);
	struct trk_result r;
	struct changes c;
	struct msgspec n = { false, RC, ISAKMP_EXCH_INFO, 0x1234, false,
	    "\13", 7, 0, 14 };
	static const uint8_t IC2[8] = { 7, 7, 7, 7, 7, 7, 7, 7 };
	struct trk_in in;
	uint8_t raw[100];
	int i;

	memset(&c, 0, sizeof(c));
	trk_set_change(t, change_rec, &c);
	trk_set_evict(t, evict_rec, NULL, &c);
	feed(t, &mm[0], 0, &r);
	CHECK_EQ_U(c.n, 0);
	feed(t, &n, 0.1, &r);
	CHECK_EQ_U(c.n, 3);
	CHECK_STR(c.l[0], "sa 1 ex 2 failed");	/* Main Mode, the victim */
	CHECK_STR(c.l[1], "sa 1 ex 5 failed");	/* the informational */
	CHECK_STR(c.l[2], "sa 1 negotiating -> failed");
	trk_free(t);

	memset(&c, 0, sizeof(c));
	t = trk_new(&lim);
	trk_set_change(t, change_rec, &c);
	trk_set_evict(t, evict_rec, NULL, &c);
	for (i = 0; i < 5; i++)
		feed(t, &mm[i], i * 0.01, &r);
	trk_tick(t, 30.0, 30.0);
	CHECK_EQ_U(c.n, 0);		/* MM5 is 29.96 s old */
	trk_tick(t, 30.1, 30.0);
	CHECK_EQ_U(c.n, 1);
	CHECK_STR(c.l[0], "sa 1 ex 2 incomplete timed out");
	trk_tick(t, 31, 30.0);
	CHECK_EQ_U(c.n, 1);		/* once */
	feed(t, &mm[4], 40, &r);	/* resent: a no-response verdict */
	/* a second SA: the cap of one evicts the first */
	memset(raw, 0x55, sizeof(raw));
	in_fill(&in, A, B, IC2, ZC, ISAKMP_EXCH_MAIN, 0, raw, sizeof(raw));
	in.frame = ++frameno;
	in.ts = 50;
	CHECK(trk_ike(t, &in, &r) == 0);
	CHECK_EQ_U(c.n, 4);
	CHECK_STR(c.l[1], "sa 1 ex 2 failed timed out");
	CHECK_STR(c.l[2], "sa 1 negotiating -> failed");
	CHECK_STR(c.l[3], "sa 1 evicted");
	trk_free(t);
}

static void
test_aggressive(void)
{
	struct trk *t = trk_new(NULL);
	struct trk_result r;
	const struct msgspec am[3] = {
		{ true, ZC, ISAKMP_EXCH_AGGRESSIVE, 0, false, "\1\4\12\5", 1,
		    0, 0 },
		{ false, RC, ISAKMP_EXCH_AGGRESSIVE, 0, false,
		    "\1\4\12\5\10", 2, 0, 0 },
		{ true, RC, ISAKMP_EXCH_AGGRESSIVE, 0, true, NULL, 3, 0, 0 },
	};
	int i;

	for (i = 0; i < 3; i++) {
		feed(t, &am[i], i, &r);
		CHECK_STR(trk_label_name(r.label), am_labels[i]);
	}
	trk_finish(t);
	CHECK_EQ_U(r.sa->state, TRK_ESTABLISHED);
	CHECK_EQ_U(r.sa->mode, ISAKMP_EXCH_AGGRESSIVE);
	trk_free(t);
}

/*
 * Quick Mode (encrypted, not decrypted): positions from direction; a
 * retransmitted QM1; two concurrent Quick Modes; QM2 missing from the
 * capture (QM3 recognised by being shorter than QM1).
 */
static void
test_quick_mode(void)
{
	struct trk *t = trk_new(NULL);
	struct trk_result r;
	struct msgspec q1 = { true, RC, ISAKMP_EXCH_QUICK, 0x11, true, NULL,
	    21, 188, 0 };
	struct msgspec q2 = { false, RC, ISAKMP_EXCH_QUICK, 0x11, true, NULL,
	    22, 188, 0 };
	struct msgspec q3 = { true, RC, ISAKMP_EXCH_QUICK, 0x11, true, NULL,
	    23, 60, 0 };
	struct msgspec p1 = { false, RC, ISAKMP_EXCH_QUICK, 0x22, true, NULL,
	    31, 188, 0 };
	struct msgspec p3 = { false, RC, ISAKMP_EXCH_QUICK, 0x22, true, NULL,
	    33, 60, 0 };
	int i;

	for (i = 0; i < 6; i++)
		feed(t, &mm[i], i * 0.01, &r);
	feed(t, &q1, 1, &r);
	CHECK_STR(trk_label_name(r.label), "QM1");
	feed(t, &p1, 1.001, &r);	/* responder starts its own QM */
	CHECK_STR(trk_label_name(r.label), "QM1");
	CHECK_EQ_U(r.dir, TRK_R2I);
	feed(t, &q1, 1.5, &r);		/* retransmission */
	CHECK(r.retransmit);
	CHECK_STR(trk_label_name(r.label), "QM1");
	feed(t, &q2, 1.6, &r);
	CHECK_STR(trk_label_name(r.label), "QM2");
	feed(t, &q3, 1.7, &r);
	CHECK_STR(trk_label_name(r.label), "QM3");
	feed(t, &p3, 1.8, &r);		/* its QM2 never captured */
	CHECK_STR(trk_label_name(r.label), "QM3");
	trk_finish(t);
	CHECK_EQ_U(r.sa->nex, 3);
	CHECK_EQ_U(r.sa->ex[1].state, TRK_ESTABLISHED);
	CHECK_EQ_U(r.sa->ex[1].rexmits, 1);
	CHECK_EQ_U(r.sa->ex[2].state, TRK_ESTABLISHED);
	CHECK_EQ_U(r.sa->ex[2].missing, 1);
	trk_free(t);
}

/* Transaction (XAUTH) pairs and informational DPD. */
static void
test_transaction_info(void)
{
	struct trk *t = trk_new(NULL);
	struct trk_result r;
	struct msgspec x1 = { false, RC, ISAKMP_EXCH_TRANSACTION, 0x51, true,
	    NULL, 41, 0, 0 };
	struct msgspec x2 = { true, RC, ISAKMP_EXCH_TRANSACTION, 0x51, true,
	    NULL, 42, 0, 0 };
	struct msgspec d1 = { true, RC, ISAKMP_EXCH_INFO, 0x61, true, NULL,
	    43, 0, 0 };
	struct msgspec d2 = { false, RC, ISAKMP_EXCH_INFO, 0x62, true, NULL,
	    44, 0, 0 };
	int i;

	for (i = 0; i < 6; i++)
		feed(t, &mm[i], i * 0.01, &r);
	feed(t, &x1, 1, &r);
	CHECK_STR(trk_label_name(r.label), "TXN");
	CHECK_EQ_U(r.msg->step, 1);
	feed(t, &x2, 1.1, &r);
	CHECK_STR(trk_label_name(r.label), "TXN");
	CHECK_EQ_U(r.msg->step, 2);
	feed(t, &d1, 2, &r);
	CHECK_STR(trk_label_name(r.label), "INFO");
	feed(t, &d2, 2.1, &r);
	CHECK_STR(trk_label_name(r.label), "INFO");
	trk_finish(t);
	CHECK_EQ_U(r.sa->nex, 4);
	CHECK_EQ_U(r.sa->ex[1].state, TRK_ESTABLISHED);
	CHECK_EQ_U(r.sa->state, TRK_ESTABLISHED);
	trk_free(t);
}

/* XAUTH: phase 1 established, then XAUTH-STATUS FAIL in a SET. */
static void
test_xauth_fail(void)
{
	struct trk *t = trk_new(NULL);
	struct trk_result r;
	struct trk_in in;
	uint8_t raw[64];
	char why[160];
	int i;

	for (i = 0; i < 6; i++)
		feed(t, &mm[i], i * 0.01, &r);
	CHECK_EQ_U(r.sa->state, TRK_ESTABLISHED);
	memset(raw, 0x77, sizeof(raw));
	in_fill(&in, B, A, IC, RC, ISAKMP_EXCH_TRANSACTION, 0x99, raw,
	    sizeof(raw));
	in.frame = ++frameno;
	in.ts = 1;
	in.encrypted = in.decrypted = in.plaintext = true;
	in.npl = 2;
	in.pl[0] = 8;
	in.pl[1] = 14;
	in.xauth_fail = true;
	CHECK(trk_ike(t, &in, &r) == 0);
	CHECK_STR(trk_label_name(r.label), "TXN");
	trk_finish(t);
	CHECK_EQ_U(r.sa->state, TRK_FAILED);
	CHECK_EQ_U(r.sa->xauth, 2);
	trk_reason_text(r.sa, why, sizeof(why));
	CHECK(strstr(why, "XAUTH") != NULL);
	trk_free(t);
}

/* IKE floats 500 -> 4500 and the initiator's NAT rebinds its port. */
static void
test_floating(void)
{
	struct trk *t = trk_new(NULL);
	struct trk_result r;
	struct trk_in in;
	uint8_t raw[64];
	int i;

	for (i = 0; i < 4; i++)
		feed(t, &mm[i], i * 0.01, &r);
	memset(&in, 0, sizeof(in));
	memset(raw, 0x55, sizeof(raw));
	in.frame = ++frameno;
	in.ts = 0.05;
	in.af = 4;
	in.src = A;
	in.dst = B;
	in.sport = 31337;
	in.dport = 4500;
	in.icookie = IC;
	in.rcookie = RC;
	in.exch = ISAKMP_EXCH_MAIN;
	in.raw = raw;
	in.raw_len = sizeof(raw);
	in.encrypted = true;
	CHECK(trk_ike(t, &in, &r) == 0);
	CHECK_STR(trk_label_name(r.label), "MM5");
	CHECK_EQ_U(r.sa->iport, 31337);
	CHECK_EQ_U(r.sa->rport, 4500);
	CHECK_EQ_U(r.sa->id, 1);
	trk_free(t);
}

/* An ESP packet of 100 bytes over IPv4. */
static struct trk_esp *
esp_spi(struct trk *t, const uint8_t *src, const uint8_t *dst, uint32_t spi,
    uint32_t seq, double ts, uint32_t frame)
{
	struct trk_esp_pkt e = { 4, src, dst, spi, seq, 100, ts, frame };

	return trk_esp_packet(t, &e);
}

static struct trk_esp *
esp_pkt(struct trk *t, const uint8_t *src, const uint8_t *dst, uint32_t seq,
    double ts, uint32_t frame)
{
	return esp_spi(t, src, dst, 0xabcd, seq, ts, frame);
}

static void
test_esp_sequence(void)
{
	struct trk *t = trk_new(NULL);
	struct trk_esp *f = NULL;
	uint32_t seqs[] = { 1, 2, 3, 5, 4, 4, 8, 100, 60, 101 };
	size_t i;

	for (i = 0; i < sizeof(seqs) / sizeof(seqs[0]); i++)
		f = esp_pkt(t, A, B, seqs[i], (double)i, 1);
	CHECK(f != NULL);
	CHECK_EQ_U(f->packets, 10);
	CHECK_EQ_U(f->bytes, 1000);
	CHECK_EQ_U(f->seq_first, 1);
	CHECK_EQ_U(f->seq_max, 101);
	CHECK_EQ_U(f->dups, 1);		/* the second 4 */
	CHECK_EQ_U(f->reordered, 2);	/* 4 after 5; 60 after 100 */
	CHECK_EQ_U(f->max_reorder, 40);
	/* missing: 6,7, 9..99 except 60 = 2 + 91 - 1 */
	CHECK_EQ_U(f->gaps, 92);
	f = esp_pkt(t, A, B, 2, 11, 1);
	CHECK_EQ_U(f->late, 1);
	trk_free(t);

	/* A decrypted DELETE from B naming SPI 0xabcd deletes the flow
	 * towards B (B receives on the SPIs it deletes). */
	t = trk_new(NULL);
	{
		struct trk_result r;
		struct msgspec d = { false, RC, ISAKMP_EXCH_INFO, 0x77, false,
		    "\10\14", 9, 0, 0 };
		struct trk_esp *towards_b, *towards_a;
		struct trk_in in;
		uint8_t raw[100];
		int k;

		for (k = 0; k < 6; k++)
			feed(t, &mm[k], k * 0.01, &r);
		towards_b = esp_pkt(t, A, B, 1, 1, 10);
		towards_a = esp_pkt(t, B, A, 1, 1, 11);
		memset(&in, 0, sizeof(in));
		memset(raw, 9, sizeof(raw));
		in.frame = ++frameno;
		in.ts = 5;
		in.af = 4;
		in.src = B;
		in.dst = A;
		in.icookie = IC;
		in.rcookie = RC;
		in.exch = d.exch;
		in.msgid = d.msgid;
		in.raw = raw;
		in.raw_len = sizeof(raw);
		in.plaintext = true;
		in.del = true;
		in.del_proto = 3;
		in.nspis = 1;
		in.spis[0] = 0xabcd;
		CHECK(trk_ike(t, &in, &r) == 0);
		CHECK(towards_b->deleted && towards_b->deleted_ts == 5);
		CHECK(!towards_a->deleted);
	}
	trk_free(t);
}

/* ---------------------------------------------- the IKE SA -> flows index */

static const uint8_t C[4] = { 192, 0, 2, 3 }, D[4] = { 192, 0, 2, 4 };

/* One plaintext message of IKE SA (ic, rc): payload pl, an SPI if any. */
static const struct trk_ike_sa *
ike_msg(struct trk *t, const uint8_t *ic, const uint8_t *rc,
    const uint8_t *src, const uint8_t *dst, uint8_t exch, uint32_t msgid,
    uint8_t pl, uint32_t spi)
{
	struct trk_in in;
	struct trk_result r;
	uint8_t raw[64];

	memset(raw, 0, sizeof(raw));
	in_fill(&in, src, dst, ic, rc, exch, msgid, raw, sizeof(raw));
	in.frame = ++frameno;
	memcpy(raw, &in.frame, sizeof(in.frame));	/* unique bytes */
	in.ts = frameno * 0.001;
	in.plaintext = true;
	in.npl = 1;
	in.pl[0] = pl;
	if (spi != 0) {
		in.nspis = 1;
		in.spis[0] = spi;
	}
	return trk_ike(t, &in, &r) == 0 ? r.sa : NULL;
}

/* Main Mode from a to b, plaintext (SA, KE, ID): an established SA. */
static const struct trk_ike_sa *
est_sa(struct trk *t, const uint8_t *ic, const uint8_t *rc,
    const uint8_t *a, const uint8_t *b)
{
	const struct trk_ike_sa *sa;

	ike_msg(t, ic, ZC, a, b, ISAKMP_EXCH_MAIN, 0, 1, 0);
	ike_msg(t, ic, rc, b, a, ISAKMP_EXCH_MAIN, 0, 1, 0);
	ike_msg(t, ic, rc, a, b, ISAKMP_EXCH_MAIN, 0, 4, 0);
	ike_msg(t, ic, rc, b, a, ISAKMP_EXCH_MAIN, 0, 4, 0);
	ike_msg(t, ic, rc, a, b, ISAKMP_EXCH_MAIN, 0, 5, 0);
	sa = ike_msg(t, ic, rc, b, a, ISAKMP_EXCH_MAIN, 0, 5, 0);
	CHECK(sa != NULL && sa->state == TRK_ESTABLISHED);
	return sa;
}

#define FL_MAX	64

struct flist {
	const struct trk_esp	*v[FL_MAX];
	size_t			 n;
	uint64_t		 id;	/* keep only this ike_id; 0: all */
};

static void
fl_add(const struct trk_esp *f, void *arg)
{
	struct flist *l = arg;

	if ((l->id == 0 || f->ike_id == l->id) && l->n < FL_MAX)
		l->v[l->n++] = f;
}

/*
 * The SA's own list against the definition it replaces: every flow of
 * the table whose ike_id is the SA's, in trk_foreach_esp's order.
 * Returns 0 when they agree; the SA's flows in *own.
 */
static int
index_differs(const struct trk *t, const struct trk_ike_sa *sa,
    struct flist *own)
{
	struct flist all;

	memset(own, 0, sizeof(*own));
	memset(&all, 0, sizeof(all));
	all.id = sa->id;
	trk_foreach_sa_esp(sa, fl_add, own);
	trk_foreach_esp(t, fl_add, &all);
	return own->n != all.n ||
	    memcmp(own->v, all.v, own->n * sizeof(own->v[0])) != 0;
}

/* Linking, and the order: first frame (restarting with a second file),
 * then least recently active first. */
static void
test_flow_index_order(void)
{
	static const uint8_t ic[8] = { 0x10, 1 }, rc[8] = { 0x20, 1 };
	struct trk *t = trk_new(NULL);
	const struct trk_ike_sa *sa = est_sa(t, ic, rc, A, B);
	struct trk_esp *f1, *f2, *f3, *f4, *other;
	struct flist l;

	f1 = esp_spi(t, A, B, 0x101, 1, 1, 10);
	f2 = esp_spi(t, B, A, 0x102, 1, 1, 11);
	CHECK_EQ_U(f1->ike_id, sa->id);
	CHECK(!f1->linked_by_spi);
	CHECK(index_differs(t, sa, &l) == 0);
	CHECK_EQ_U(l.n, 2);
	CHECK(l.v[0] == f1 && l.v[1] == f2);
	/* a second capture file: frame numbers start again */
	f3 = esp_spi(t, A, B, 0x103, 1, 2, 5);
	f4 = esp_spi(t, B, A, 0x104, 1, 2, 10);
	CHECK(index_differs(t, sa, &l) == 0);
	CHECK_EQ_U(l.n, 4);
	CHECK(l.v[0] == f3 && l.v[1] == f1 && l.v[2] == f4 && l.v[3] == f2);
	/* f1 active again: of the two first seen in frame 10, f4 is now
	 * the less recently active */
	esp_spi(t, A, B, 0x101, 2, 3, 12);
	CHECK(index_differs(t, sa, &l) == 0);
	CHECK(l.v[0] == f3 && l.v[1] == f4 && l.v[2] == f1 && l.v[3] == f2);
	/* a flow between other peers is no flow of this SA */
	other = esp_spi(t, C, D, 0x105, 1, 3, 13);
	CHECK_EQ_U(other->ike_id, 0);
	CHECK(index_differs(t, sa, &l) == 0);
	CHECK_EQ_U(l.n, 4);
	trk_free(t);
}

struct evict_log {
	const struct trk	*t;
	unsigned		 n, differ, flows;
};

static void
on_evict(const struct trk_ike_sa *sa, void *arg)
{
	struct evict_log *e = arg;
	struct flist l;

	e->n++;
	if (index_differs(e->t, sa, &l))
		e->differ++;
	e->flows += (unsigned)l.n;
}

/* Flows evicted, an IKE SA evicted before its flows, a flow key linked
 * again (to another SA) after its flow was evicted. */
static void
test_flow_index_evict(void)
{
	static const uint8_t ic1[8] = { 0x11 }, ic2[8] = { 0x12 },
	    ic3[8] = { 0x13 }, rc[8] = { 0x21 };
	struct trk_limits lim = { .max_ike_sas = 2, .max_esp_sas = 3 };
	struct trk *t = trk_new(&lim);
	struct evict_log ev = { t, 0, 0, 0 };
	const struct trk_ike_sa *sa1, *sa2, *sa3;
	struct trk_esp *f1, *f2, *f3, *f4, *f5;
	struct flist l, all;
	uint64_t id1;

	trk_set_evict(t, on_evict, NULL, &ev);
	sa1 = est_sa(t, ic1, rc, A, B);
	id1 = sa1->id;
	f1 = esp_spi(t, A, B, 0x201, 1, 1, 100);
	f2 = esp_spi(t, B, A, 0x202, 1, 1, 101);
	sa2 = est_sa(t, ic2, rc, A, C);
	ike_msg(t, ic2, rc, A, C, ISAKMP_EXCH_QUICK, 7, 1, 0x301);
	f3 = esp_spi(t, A, C, 0x301, 1, 2, 102);
	CHECK_EQ_U(f1->ike_id, id1);
	CHECK(f3->ike_id == sa2->id && f3->linked_by_spi);
	CHECK(index_differs(t, sa1, &l) == 0 && l.n == 2);
	/* the ESP cap evicts f1, the least recently active flow */
	f4 = esp_spi(t, C, A, 0x302, 1, 3, 103);
	CHECK_EQ_U(f4->ike_id, sa2->id);
	CHECK(index_differs(t, sa1, &l) == 0);
	CHECK(l.n == 1 && l.v[0] == f2);
	CHECK(index_differs(t, sa2, &l) == 0 && l.n == 2);
	/* the IKE cap evicts sa1: the callback sees it with its flow */
	sa3 = est_sa(t, ic3, rc, B, D);
	CHECK_EQ_U(ev.n, 1);
	CHECK_EQ_U(ev.differ, 0);
	CHECK_EQ_U(ev.flows, 1);
	/* f2 outlives its SA, still naming it */
	memset(&all, 0, sizeof(all));
	trk_foreach_esp(t, fl_add, &all);
	CHECK(all.n == 3 && all.v[0] == f2);
	CHECK_EQ_U(f2->ike_id, id1);
	/* sa3's Quick Mode names f1's SPI: its flow, made again, is
	 * sa3's (by SPI), where f1 was sa1's (by addresses) */
	ike_msg(t, ic3, rc, B, D, ISAKMP_EXCH_QUICK, 9, 1, 0x201);
	f5 = esp_spi(t, A, B, 0x201, 2, 4, 104);
	CHECK(f5->ike_id == sa3->id && f5->linked_by_spi);
	CHECK(index_differs(t, sa3, &l) == 0);
	CHECK(l.n == 1 && l.v[0] == f5);
	CHECK(index_differs(t, sa2, &l) == 0 && l.n == 2);
	/* f5 evicted f2, the flow of the evicted SA (nothing to unlink) */
	memset(&all, 0, sizeof(all));
	trk_foreach_esp(t, fl_add, &all);
	CHECK(all.n == 3 && all.v[0] == f3);
	trk_free(t);
}

static uint32_t rnd_s = 2463534242u;

static uint32_t
rnd(uint32_t n)
{
	rnd_s ^= rnd_s << 13;
	rnd_s ^= rnd_s >> 17;
	rnd_s ^= rnd_s << 5;
	return rnd_s % n;
}

struct live_ctx {
	const struct trk	*t;
	unsigned		 differ, flows;
};

static void
live_check(const struct trk_ike_sa *sa, void *arg)
{
	struct live_ctx *c = arg;
	struct flist l;

	if (index_differs(c->t, sa, &l))
		c->differ++;
	c->flows += (unsigned)l.n;
}

/*
 * Random traffic under small caps: new SAs, Quick Modes naming SPIs,
 * ESP packets with first frames that repeat (ties) and go back (files);
 * after every step each live SA's list equals its flows in the table,
 * and so at every eviction.
 */
static void
test_flow_index_random(void)
{
	const uint8_t *addr[4] = { A, B, C, D };
	struct trk_limits lim = { .max_ike_sas = 6, .max_esp_sas = 10 };
	struct trk *t = trk_new(&lim);
	struct evict_log ev = { t, 0, 0, 0 };
	struct live_ctx lc = { t, 0, 0 };
	uint8_t ic[16][8], rc[16][8];
	const uint8_t *ia[16], *ra[16];
	struct trk_stats st;
	unsigned i, k, by_spi = 0, by_addr = 0, steps = 20000;

	trk_set_evict(t, on_evict, NULL, &ev);
	memset(ic, 0, sizeof(ic));
	memset(rc, 0, sizeof(rc));
	for (k = 0; k < 16; k++) {
		ia[k] = A;
		ra[k] = B;
	}
	for (i = 0; i < steps; i++) {
		uint32_t a = rnd(100);

		k = rnd(16);
		if (a < 10) {		/* a new IKE SA in slot k */
			uint32_t x = rnd(4), y = (x + 1 + rnd(3)) % 4;

			memcpy(ic[k], &i, sizeof(i));
			ic[k][7] = 1;
			memcpy(rc[k], &i, sizeof(i));
			rc[k][7] = 2;
			ia[k] = addr[x];
			ra[k] = addr[y];
			est_sa(t, ic[k], rc[k], ia[k], ra[k]);
		} else if (a < 20 && ic[k][7] != 0) {	/* its Quick Mode */
			ike_msg(t, ic[k], rc[k], ia[k], ra[k],
			    ISAKMP_EXCH_QUICK, i, 1, 1 + rnd(24));
		} else {
			uint32_t x = rnd(4), y = (x + 1 + rnd(3)) % 4;
			struct trk_esp *f = esp_spi(t, addr[x], addr[y],
			    1 + rnd(24), i, i, rnd(300));

			if (f != NULL && f->packets == 1 && f->ike_id != 0) {
				if (f->linked_by_spi)
					by_spi++;
				else
					by_addr++;
			}
		}
		trk_foreach_ike(t, live_check, &lc);
	}
	trk_stats(t, &st);
	CHECK_EQ_U(lc.differ, 0);
	CHECK_EQ_U(ev.differ, 0);
	/* the walk saw what it should: evictions of both kinds, flows
	 * linked both ways, lists that were not all empty */
	CHECK(st.ike_evicted > 100 && st.esp_evicted > 1000);
	CHECK(ev.flows > 100 && lc.flows > 10000);
	CHECK(by_spi > 100 && by_addr > 100);
	printf("flow index: %u steps, %llu IKE SAs and %llu flows evicted, "
	    "%u flows linked by SPI and %u by addresses, %u list entries "
	    "compared\n", steps, (unsigned long long)st.ike_evicted,
	    (unsigned long long)st.esp_evicted, by_spi, by_addr,
	    lc.flows + ev.flows);
	trk_free(t);
}

/* ------------------------------------------------ keyed hash: collisions */

#define K_MUL	0xbf58476d1ce4e5b9ULL	/* hash_add's multiplier */
#define F_MUL1	0xff51afd7ed558ccdULL	/* hash_final's */
#define F_MUL2	0xc4ceb9fe1a85ec53ULL

/* the inverse of an odd number modulo 2^64 (Newton's iteration) */
static uint64_t
inv64(uint64_t a)
{
	uint64_t x = a;
	int i;

	for (i = 0; i < 5; i++)
		x *= 2 - a * x;
	return x;
}

/* hash_final undone */
static uint64_t
unfinal(uint64_t h)
{
	h ^= h >> 33;
	h *= inv64(F_MUL2);
	h ^= h >> 33;
	h *= inv64(F_MUL1);
	return h ^ h >> 33;
}

/* hash_add(h, 0) undone */
static uint64_t
unadd0(uint64_t h)
{
	h ^= h >> 31 ^ h >> 62;		/* h ^ h >> 31 undone */
	return h * inv64(K_MUL);
}

/*
 * The initiator cookie whose bucket (with a zero responder cookie) under
 * seed is the low bits of y: the attack a fixed seed allows,
 * hash_final(hash_add(hash_add(seed, icookie), 0)) run backwards.
 */
static void
cookie_for(uint64_t seed, uint64_t y, uint8_t out[8])
{
	uint64_t w = unadd0(unadd0(unfinal(y))) ^ seed;

	memcpy(out, &w, 8);		/* as hash_bytes reads it */
}

#define FLOOD_SEED	0x0123456789abcdefULL
#define FLOOD_IKE	2000
#define FLOOD_ESP	500

/*
 * n new IKE SAs of one message each, with the cookies of cookies[], or
 * (cookies NULL) n new ESP flows towards B with the SPIs of spis[];
 * returns the hash chain steps they cost.
 */
static uint64_t
flood(struct trk *t, uint8_t (*cookies)[8], const uint32_t *spis,
    unsigned n)
{
	struct trk_stats st;
	unsigned i;

	for (i = 0; i < n; i++)
		if (cookies != NULL)
			ike_msg(t, cookies[i], ZC, A, B, ISAKMP_EXCH_MAIN, 0,
			    1, 0);
		else
			esp_spi(t, A, B, spis[i], 1, i, i + 1);
	trk_stats(t, &st);
	CHECK_EQ_U(cookies != NULL ? st.ike_now : st.esp_now, n);
	return st.probes;
}

/* The flood with the seed its keys were made for, then a random one. */
static void
flood_both(uint8_t (*cookies)[8], const uint32_t *spis, unsigned n)
{
	struct trk *t = trk_new(NULL);
	uint64_t fixed, rnd_seed;

	CHECK(trk_set_seed(t, FLOOD_SEED) == 0);
	fixed = flood(t, cookies, spis, n);
	CHECK_EQ_U(fixed, (uint64_t)n * (n - 1) / 2);
	CHECK(trk_set_seed(t, 1) == -1);	/* not once in use */
	trk_free(t);
	t = trk_new(NULL);
	rnd_seed = flood(t, cookies, spis, n);
	CHECK(rnd_seed < n);
	trk_free(t);
	printf("hash flood: %u colliding %s, %llu chain steps with the seed "
	    "they were made for, %llu with a random seed\n", n,
	    cookies != NULL ? "cookies" : "SPIs", (unsigned long long)fixed,
	    (unsigned long long)rnd_seed);
}

/*
 * Keys that all fall in one bucket under a known seed: with that seed
 * every insertion walks all those before it (n(n-1)/2 chain steps); with
 * the tracker's own random seed the same keys cost about nothing.
 */
static void
test_hash_flood(void)
{
	static uint8_t cookies[FLOOD_IKE][8];
	static uint32_t spis[FLOOD_ESP];
	uint8_t d16[16] = { 0 };
	uint64_t h0;
	unsigned n;
	uint32_t spi;

	for (n = 0; n < FLOOD_IKE; n++)
		cookie_for(FLOOD_SEED, (uint64_t)(n + 1) << 20 | 0x5a5,
		    cookies[n]);
	flood_both(cookies, NULL, FLOOD_IKE);

	/* ESP flows: SPIs towards one address, found by search (an SPI has
	 * 32 bits, too few to run the hash backwards) */
	memcpy(d16, B, 4);
	h0 = hash_bytes(FLOOD_SEED, d16, 16);
	for (n = 0, spi = 1; n < FLOOD_ESP && spi != 0; spi++)
		if ((hash_final(hash_add(h0, spi)) & 0xfffff) == 0x5a5)
			spis[n++] = spi;
	CHECK_EQ_U(n, FLOOD_ESP);
	flood_both(NULL, spis, FLOOD_ESP);
}

/*
 * One initiator cookie, many responder cookies (ike-scan's fixed cookie
 * answered by many hosts, or a crafted capture): each message looks at
 * about one chain entry, where hashing by the initiator cookie alone put
 * them all in one chain (n(n-1)/2 steps).
 */
static void
test_one_icookie(void)
{
	static const uint8_t ic[8] = { 0x5c, 0xa7 };
	struct trk *t = trk_new(NULL);
	struct trk_stats st;
	uint8_t rc[8] = { 0 };
	uint32_t i;

	for (i = 0; i < FLOOD_IKE; i++) {
		memcpy(rc, &i, sizeof(i));
		rc[7] = 1;
		ike_msg(t, ic, rc, B, A, ISAKMP_EXCH_MAIN, 0, 1, 0);
	}
	/* the initiator's first message joins none of them (a pending SA
	 * of its own), and the answer to it joins that one */
	ike_msg(t, ic, ZC, A, C, ISAKMP_EXCH_MAIN, 0, 1, 0);
	rc[7] = 2;
	CHECK(ike_msg(t, ic, rc, C, A, ISAKMP_EXCH_MAIN, 0, 1, 0)->id ==
	    FLOOD_IKE + 1);
	trk_stats(t, &st);
	CHECK_EQ_U(st.ike_now, FLOOD_IKE + 1);
	/*
	 * Linear, not quadratic: typically 100-150 steps, once seen at 2,348
	 * (a random seed that crowds one bucket); hashing the initiator
	 * cookie alone costs n(n-1)/2 = 2,001,000 and more.
	 */
	CHECK(st.probes < 8 * FLOOD_IKE);
	printf("one initiator cookie: %u IKE SAs, %llu chain steps\n",
	    FLOOD_IKE + 1, (unsigned long long)st.probes);
	trk_free(t);
}

/*
 * Which SA a message joins, against a model of the lookup as it was when
 * SAs were hashed by the initiator cookie alone: one list, newest first;
 * the first SA with both cookies equal, else (a responder cookie) the
 * first with the initiator cookie, a zero responder cookie and the
 * message's two addresses, which then takes the responder cookie.  An SA's
 * addresses are those of its latest message.
 */
struct model_sa {
	uint8_t		ic, rc;		/* cookie numbers; rc 0: zero */
	uint8_t		a, b;		/* address numbers */
	uint64_t	id;
};

static void
test_lookup_model(void)
{
	const uint8_t *addr[4] = { A, B, C, D };
	static struct model_sa m[20000];
	struct trk *t = trk_new(NULL);
	unsigned i, k, n = 0, wrong = 0, joined = 0, made = 0;

	for (i = 0; i < 20000; i++) {
		uint8_t ic[8] = { 0x77 }, rc[8] = { 0 };
		uint8_t c1 = (uint8_t)rnd(3);
		uint8_t c2 = (uint8_t)(rnd(5) < 2 ? 0 : 1 + rnd(250));
		uint8_t x = (uint8_t)rnd(4), y = (uint8_t)((x + 1 + rnd(3)) % 4);
		const struct trk_ike_sa *sa;
		uint64_t want = 0;

		ic[1] = c1;
		rc[0] = c2;	/* 0: a zero responder cookie */
		for (k = n; k > 0 && want == 0; k--)
			if (m[k - 1].ic == c1 && m[k - 1].rc == c2)
				want = m[k - 1].id;
		for (k = n; k > 0 && want == 0 && c2 != 0; k--)
			if (m[k - 1].ic == c1 && m[k - 1].rc == 0 &&
			    ((m[k - 1].a == x && m[k - 1].b == y) ||
			    (m[k - 1].a == y && m[k - 1].b == x))) {
				want = m[k - 1].id;
				m[k - 1].rc = c2;
				joined++;
			}
		if (want == 0) {
			m[n].ic = c1;
			m[n].rc = c2;
			m[n].id = want = n + 1;
			n++;
			made++;
		}
		for (k = 0; k < n; k++)
			if (m[k].id == want) {
				m[k].a = x;
				m[k].b = y;
			}
		sa = ike_msg(t, ic, rc, addr[x], addr[y], ISAKMP_EXCH_INFO,
		    i, 8, 0);
		if (sa == NULL || sa->id != want)
			wrong++;
	}
	CHECK_EQ_U(wrong, 0);
	CHECK(joined > 10 && made > 10);	/* both paths taken */
	printf("lookup model: 20000 messages, %u SAs made, %u joined a "
	    "responder cookie, %u disagreements\n", made, joined, wrong);
	trk_free(t);
}

/* A million distinct cookies: bounded state, evictions counted. */
static void
test_flood(void)
{
	struct trk_limits lim = { 0 };
	struct trk *t = trk_new(&lim);
	struct trk_stats st;
	struct trk_in in;
	struct trk_result r;
	uint8_t ic[8], raw[180];
	uint32_t i;
	unsigned long evicted = 0;
	size_t peak200k = 0;

	memset(raw, 0, sizeof(raw));
	in_fill(&in, A, B, ic, ZC, ISAKMP_EXCH_MAIN, 0, raw, sizeof(raw));
	in.plaintext = true;
	in.npl = 1;
	in.pl[0] = 1;
	for (i = 0; i < 1000000; i++) {
		if (i == 200000) {
			trk_stats(t, &st);
			peak200k = st.peak_bytes;
		}
		memcpy(ic, &i, 4);
		memcpy(ic + 4, "\xfe\xed\xfa\xce", 4);
		memcpy(raw, ic, 8);
		in.frame = i + 1;
		in.ts = i * 1e-5;
		if (trk_ike(t, &in, &r) != 0)
			break;
	}
	trk_stats(t, &st);
	evicted = (unsigned long)st.ike_evicted;
	CHECK_EQ_U(i, 1000000);
	CHECK_EQ_U(st.ike_sas, 1000000);
	CHECK_EQ_U(st.ike_now, 16384);
	CHECK_EQ_U(evicted, 1000000 - 16384);
	/* 16384 SAs of one message each, plus the hash tables ... */
	CHECK(st.peak_bytes < 32u * 1024 * 1024);
	/* ... and memory stops growing once the cap is reached. */
	CHECK_EQ_U(st.peak_bytes, peak200k);
	printf("flood: peak tracker memory %zu bytes after 200000 cookies, "
	    "%zu after 1000000\n", peak200k, st.peak_bytes);
	trk_free(t);
}

/*
 * The tables under churn: small caps (about 64 slots each), keys drawn
 * from a pool four times larger, so that SAs and flows are evicted and
 * their slots reused all the time.  A model of the least-recently-active
 * eviction says which keys are still held: each of those must find its
 * own SA (same id) or flow (same first frame), each other key a new one.
 */
#define CHURN_CAP	30
#define CHURN_KEYS	120
#define CHURN_STEPS	20000

static void
test_table_churn(void)
{
	struct trk_limits lim = { .max_ike_sas = CHURN_CAP,
	    .max_esp_sas = CHURN_CAP };
	struct trk *t = trk_new(&lim);
	static uint32_t last_ike[CHURN_KEYS], last_esp[CHURN_KEYS];
	static uint64_t id[CHURN_KEYS];
	static uint32_t made[CHURN_KEYS];	/* a flow's first frame */
	uint64_t next_id = 0;
	unsigned i, k, wrong_ike = 0, wrong_esp = 0, newer;
	struct trk_stats st;

	for (i = 1; i <= CHURN_STEPS; i++) {
		uint8_t ic[8] = { 0xc7, 0x11 };
		unsigned key = rnd(CHURN_KEYS);
		bool esp = rnd(2) == 0;
		uint32_t *last = esp ? last_esp : last_ike;
		bool held = last[key] != 0;
		const struct trk_ike_sa *sa;
		const struct trk_esp *f;

		/* held: fewer than the cap keys used since it was */
		for (k = 0, newer = 0; held && k < CHURN_KEYS; k++)
			if (last[k] > last[key])
				newer++;
		held = held && newer < CHURN_CAP;
		last[key] = i;
		if (esp) {
			f = esp_spi(t, A, B, 0x1000 + key, i, i * 0.001, i);
			if (!held)
				made[key] = i;
			if (f == NULL || f->first_frame != made[key])
				wrong_esp++;
			continue;
		}
		memcpy(ic + 2, &key, sizeof(key));
		sa = ike_msg(t, ic, ZC, A, B, ISAKMP_EXCH_MAIN, 0, 1, 0);
		if (!held)
			id[key] = ++next_id;
		if (sa == NULL || sa->id != id[key])
			wrong_ike++;
	}
	trk_stats(t, &st);
	CHECK_EQ_U(wrong_ike, 0);
	CHECK_EQ_U(wrong_esp, 0);
	CHECK_EQ_U(st.ike_now, CHURN_CAP);
	CHECK_EQ_U(st.esp_now, CHURN_CAP);
	CHECK(st.ike_evicted > CHURN_STEPS / 4);
	CHECK(st.esp_evicted > CHURN_STEPS / 4);
	printf("churn: %u steps, %llu IKE SAs and %llu flows evicted at caps "
	    "of %u, %u + %u wrong\n", CHURN_STEPS,
	    (unsigned long long)st.ike_evicted,
	    (unsigned long long)st.esp_evicted, CHURN_CAP, wrong_ike,
	    wrong_esp);
	trk_free(t);
}

int
main(void)
{
	test_main_mode();
	test_digester();
	test_main_mode_no_response();
	test_main_mode_out_of_order();
	test_notify_failure();
	test_changes();
	test_aggressive();
	test_quick_mode();
	test_transaction_info();
	test_xauth_fail();
	test_floating();
	test_esp_sequence();
	test_flow_index_order();
	test_flow_index_evict();
	test_flow_index_random();
	test_hash_flood();
	test_one_icookie();
	test_lookup_model();
	test_table_churn();
	test_flood();
	return check_done("track");
}
