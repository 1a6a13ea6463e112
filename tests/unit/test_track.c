/*
 * test_track.c - the exchange tracker: one test per script, with
 * retransmission, out-of-order and missing-message cases, outcomes, ESP
 * sequence analysis, and the memory bound under a flood of cookies.
 */
#include <stdlib.h>
#include <string.h>

#include "check.h"
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

static int
feed(struct trk *t, const struct msgspec *s, double ts, struct trk_result *r)
{
	struct trk_in in;
	uint8_t raw[256];

	memset(&in, 0, sizeof(in));
	memset(raw, s->fill, sizeof(raw));
	in.frame = ++frameno;
	in.ts = ts;
	in.af = 4;
	in.src = s->i2r ? A : B;
	in.dst = s->i2r ? B : A;
	in.sport = in.dport = 500;
	in.icookie = IC;
	in.rcookie = s->rc;
	in.exch = s->exch;
	in.msgid = s->msgid;
	in.raw = raw;
	in.raw_len = s->len ? s->len : 100;
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
	memset(&in, 0, sizeof(in));
	memset(raw, 0x77, sizeof(raw));
	in.frame = ++frameno;
	in.ts = 1;
	in.af = 4;
	in.src = B;
	in.dst = A;
	in.sport = in.dport = 500;
	in.icookie = IC;
	in.rcookie = RC;
	in.exch = ISAKMP_EXCH_TRANSACTION;
	in.msgid = 0x99;
	in.raw = raw;
	in.raw_len = sizeof(raw);
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

static struct trk_esp *
esp_pkt(struct trk *t, const uint8_t *src, const uint8_t *dst, uint32_t seq,
    double ts, uint32_t frame)
{
	struct trk_esp_pkt e = { 4, src, dst, 0xabcd, seq, 100, ts, frame };

	return trk_esp_packet(t, &e);
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
	memset(&in, 0, sizeof(in));
	in.af = 4;
	in.src = A;
	in.dst = B;
	in.sport = in.dport = 500;
	in.icookie = ic;
	in.rcookie = ZC;
	in.exch = ISAKMP_EXCH_MAIN;
	in.raw = raw;
	in.raw_len = sizeof(raw);
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

int
main(void)
{
	test_main_mode();
	test_main_mode_no_response();
	test_main_mode_out_of_order();
	test_notify_failure();
	test_aggressive();
	test_quick_mode();
	test_transaction_info();
	test_xauth_fail();
	test_floating();
	test_esp_sequence();
	test_flood();
	return check_done("track");
}
