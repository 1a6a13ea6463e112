/*
 * test_isakmp_pl.c - unit tests for the ISAKMP header walk and the typed
 * IKEv1 payload decoders: every malformed-length edge (0, 3, 4, past the
 * end), both attribute forms, the caps, and each payload family.
 */
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "check.h"
#include "dissectors/isakmp.h"
#include "dissectors/isakmp_pl.h"

/* ------------------------------------------------ a tiny byte builder */

struct buf {
	uint8_t	b[4096];
	size_t	n;
};

static void
u8(struct buf *b, unsigned v)
{
	b->b[b->n++] = (uint8_t)v;
}

static void
be16(struct buf *b, unsigned v)
{
	u8(b, v >> 8);
	u8(b, v);
}

static void
be32(struct buf *b, uint32_t v)
{
	be16(b, v >> 16);
	be16(b, v & 0xffff);
}

static void
bytes(struct buf *b, const void *p, size_t n)
{
	memcpy(b->b + b->n, p, n);
	b->n += n;
}

/* Start a generic header; returns its offset for end_len(). */
static size_t
gen_hdr(struct buf *b, unsigned np)
{
	size_t at = b->n;

	u8(b, np);
	u8(b, 0);
	be16(b, 0);
	return at;
}

static void
end_len(struct buf *b, size_t at)
{
	size_t len = b->n - at;

	b->b[at + 2] = (uint8_t)(len >> 8);
	b->b[at + 3] = (uint8_t)len;
}

static void
attr_tv(struct buf *b, unsigned type, unsigned v)
{
	be16(b, 0x8000 | type);
	be16(b, v);
}

static void
attr_tlv(struct buf *b, unsigned type, const void *p, size_t n)
{
	be16(b, type);
	be16(b, (unsigned)n);
	bytes(b, p, n);
}

/* A phase-1 transform: AES-CBC/128, SHA, PSK, MODP1024, 28800 s. */
static void
p1_xform(struct buf *b, unsigned np, unsigned num)
{
	static const uint8_t life[4] = { 0, 0, 0x70, 0x80 };
	size_t t = gen_hdr(b, np);

	u8(b, num);
	u8(b, 1);		/* KEY_IKE */
	be16(b, 0);
	attr_tv(b, 1, 7);
	attr_tv(b, 14, 128);
	attr_tv(b, 2, 2);
	attr_tv(b, 3, 1);
	attr_tv(b, 4, 2);
	attr_tv(b, 11, 1);
	attr_tlv(b, 12, life, sizeof(life));
	end_len(b, t);
}

static struct cursor
cur_of(const struct buf *b)
{
	return cur_init(b->b, b->n);
}

static bool
has(const struct isakmp_pl *pl, enum isakmp_pla bit)
{
	return (pl->an & (1u << bit)) != 0;
}

/* --------------------------------------------------------- SA payload */

static void
test_sa_ok(void)
{
	struct buf b = { .n = 0 };
	struct isakmp_pl pl;
	struct isakmp_iter pi, ti, ai;
	struct isakmp_prop p;
	struct isakmp_xform t;
	struct isakmp_attr a;
	size_t pp;

	be32(&b, 1);		/* DOI IPsec */
	be32(&b, 1);		/* SIT_IDENTITY_ONLY */
	pp = gen_hdr(&b, 0);
	u8(&b, 1);
	u8(&b, ISAKMP_PROTO_ISAKMP);
	u8(&b, 0);
	u8(&b, 2);
	p1_xform(&b, 3, 1);
	p1_xform(&b, 0, 2);
	end_len(&b, pp);

	memset(&pl, 0, sizeof(pl));
	CHECK_EQ_U(isakmp_pl_decode(ISAKMP_PL_SA, cur_of(&b), &pl), DIS_OK);
	CHECK_EQ_U(pl.an, 0);
	CHECK_EQ_U(pl.u.sa.doi, 1);
	CHECK(pl.u.sa.has_sit);
	CHECK_EQ_U(pl.u.sa.sit, 1);
	CHECK_EQ_U(pl.u.sa.nprops, 1);
	CHECK_EQ_U(pl.u.sa.nxforms, 2);
	CHECK_EQ_U(pl.u.sa.nattrs, 14);

	/* The walkers see what the validation saw. */
	isakmp_iter_init(&pi, pl.u.sa.props);
	CHECK_EQ_U(isakmp_prop_next(&pi, &p), 1);
	CHECK_EQ_U(p.num, 1);
	CHECK_EQ_U(p.proto, ISAKMP_PROTO_ISAKMP);
	CHECK_EQ_U(p.ntrans, 2);
	CHECK(p.spi == NULL);
	isakmp_iter_init(&ti, p.xforms);
	CHECK_EQ_U(isakmp_xform_next(&ti, &t), 1);
	CHECK_EQ_U(t.num, 1);
	CHECK_EQ_U(t.id, 1);
	isakmp_iter_init(&ai, t.attrs);
	CHECK_EQ_U(isakmp_attr_next(&ai, &a), 1);
	CHECK(a.basic);
	CHECK_EQ_U(a.type, 1);
	CHECK_EQ_U(a.num, 7);
	CHECK(a.num_ok);
	while (isakmp_attr_next(&ai, &a) == 1 && a.type != 12)
		;
	CHECK_EQ_U(a.type, 12);
	CHECK(!a.basic);
	CHECK_EQ_U(a.len, 4);
	CHECK_EQ_U(a.num, 28800);
	CHECK_EQ_U(isakmp_attr_next(&ai, &a), 0);
	CHECK_EQ_U(isakmp_xform_next(&ti, &t), 1);
	CHECK_EQ_U(t.num, 2);
	CHECK_EQ_U(isakmp_xform_next(&ti, &t), 0);
	CHECK_EQ_U(isakmp_prop_next(&pi, &p), 0);
}

/* An ESP proposal with an SPI and IPsec attributes. */
static void
test_sa_esp(void)
{
	static const uint8_t spi[4] = { 0xde, 0xad, 0xbe, 0xef };
	struct buf b = { .n = 0 };
	struct isakmp_pl pl;
	struct isakmp_iter pi;
	struct isakmp_prop p;
	size_t pp, t;

	be32(&b, 1);
	be32(&b, 1);
	pp = gen_hdr(&b, 0);
	u8(&b, 1);
	u8(&b, ISAKMP_PROTO_ESP);
	u8(&b, 4);
	u8(&b, 1);
	bytes(&b, spi, 4);
	t = gen_hdr(&b, 0);
	u8(&b, 1);
	u8(&b, 20);		/* ESP_AES-GCM-16 */
	be16(&b, 0);
	attr_tv(&b, 4, 61443);	/* UDP-Encapsulated-Tunnel (draft) */
	attr_tv(&b, 6, 256);
	end_len(&b, t);
	end_len(&b, pp);
	memset(&pl, 0, sizeof(pl));
	CHECK_EQ_U(isakmp_pl_decode(ISAKMP_PL_SA, cur_of(&b), &pl), DIS_OK);
	CHECK_EQ_U(pl.an, 0);
	isakmp_iter_init(&pi, pl.u.sa.props);
	CHECK_EQ_U(isakmp_prop_next(&pi, &p), 1);
	CHECK_EQ_U(p.spi_size, 4);
	CHECK(p.spi != NULL && memcmp(p.spi, spi, 4) == 0);
}

static void
test_sa_short(void)
{
	uint8_t z[8] = { 0, 0, 0, 1, 0, 0, 0, 1 };
	struct isakmp_pl pl;
	size_t n;

	/* 0..7 bytes: DOI and situation incomplete. */
	for (n = 0; n < 8; n++) {
		memset(&pl, 0, sizeof(pl));
		CHECK_EQ_U(isakmp_pl_decode(ISAKMP_PL_SA, cur_init(z, n), &pl),
		    DIS_TRUNCATED);
		CHECK(has(&pl, PLA_BODY_SHORT));
		CHECK_EQ_U(pl.an_b[PLA_BODY_SHORT], n);
	}
	/* DOI + situation and no proposal: readable, but noted. */
	memset(&pl, 0, sizeof(pl));
	CHECK_EQ_U(isakmp_pl_decode(ISAKMP_PL_SA, cur_init(z, 8), &pl),
	    DIS_OK);
	CHECK_EQ_U(pl.u.sa.nprops, 0);
	CHECK(has(&pl, PLA_BODY_SHORT));
	/* Labeled-domain situation: recognised, not decoded. */
	z[7] = ISAKMP_SIT_SECRECY;
	memset(&pl, 0, sizeof(pl));
	CHECK_EQ_U(isakmp_pl_decode(ISAKMP_PL_SA, cur_init(z, 8), &pl),
	    DIS_UNSUPPORTED);
	CHECK(has(&pl, PLA_SITUATION));
}

/* A proposal whose length is 0, 3, 4 (below its 8-byte header) or past. */
static void
test_prop_lengths(void)
{
	static const unsigned lens[] = { 0, 3, 4, 7, 200 };
	size_t i;

	for (i = 0; i < sizeof(lens) / sizeof(lens[0]); i++) {
		struct buf b = { .n = 0 };
		struct isakmp_pl pl;
		struct isakmp_iter it;
		struct isakmp_prop p;

		be32(&b, 1);
		be32(&b, 1);
		u8(&b, 0);
		u8(&b, 0);
		be16(&b, lens[i]);
		u8(&b, 1);
		u8(&b, 1);
		u8(&b, 0);
		u8(&b, 0);
		memset(&pl, 0, sizeof(pl));
		CHECK_EQ_U(isakmp_pl_decode(ISAKMP_PL_SA, cur_of(&b), &pl),
		    DIS_MALFORMED);
		CHECK(has(&pl, PLA_PROP_LEN));
		CHECK_EQ_U(pl.an_a[PLA_PROP_LEN], lens[i]);
		CHECK_EQ_U(pl.u.sa.nprops, 0);
		isakmp_iter_init(&it, pl.u.sa.props);
		CHECK_EQ_U(isakmp_prop_next(&it, &p), -1);
	}
}

/* Transform chain edges: length < 8, past the proposal, count mismatch. */
static void
test_xform_edges(void)
{
	static const unsigned lens[] = { 0, 3, 4, 7, 100 };
	struct buf b;
	struct isakmp_pl pl;
	size_t i, pp;

	for (i = 0; i < sizeof(lens) / sizeof(lens[0]); i++) {
		b.n = 0;
		be32(&b, 1);
		be32(&b, 1);
		pp = gen_hdr(&b, 0);
		u8(&b, 1);
		u8(&b, 1);
		u8(&b, 0);
		u8(&b, 1);
		u8(&b, 0);
		u8(&b, 0);
		be16(&b, lens[i]);
		u8(&b, 1);
		u8(&b, 1);
		be16(&b, 0);
		end_len(&b, pp);
		memset(&pl, 0, sizeof(pl));
		CHECK_EQ_U(isakmp_pl_decode(ISAKMP_PL_SA, cur_of(&b), &pl),
		    DIS_MALFORMED);
		CHECK(has(&pl, PLA_PROP_LEN));
		CHECK(has(&pl, PLA_XFORM_COUNT));
		CHECK_EQ_U(pl.an_a[PLA_XFORM_COUNT], 1);
		CHECK_EQ_U(pl.an_b[PLA_XFORM_COUNT], 0);
	}

	/* Declares 3, carries 1; wrong next payload inside; reserved set. */
	b.n = 0;
	be32(&b, 1);
	be32(&b, 1);
	pp = gen_hdr(&b, 0);
	u8(&b, 1);
	u8(&b, 1);
	u8(&b, 0);
	u8(&b, 3);
	p1_xform(&b, 0, 1);
	b.b[pp + 8 + 1] = 0x55;		/* transform reserved octet */
	end_len(&b, pp);
	b.b[pp] = 13;			/* proposal np: VID, not P */
	memset(&pl, 0, sizeof(pl));
	CHECK_EQ_U(isakmp_pl_decode(ISAKMP_PL_SA, cur_of(&b), &pl),
	    DIS_MALFORMED);
	CHECK(has(&pl, PLA_XFORM_COUNT));
	CHECK_EQ_U(pl.an_a[PLA_XFORM_COUNT], 3);
	CHECK_EQ_U(pl.an_b[PLA_XFORM_COUNT], 1);
	CHECK(has(&pl, PLA_PROP_NP));
	CHECK_EQ_U(pl.an_a[PLA_PROP_NP], 13);
	CHECK(has(&pl, PLA_RESERVED));
	CHECK_EQ_U(pl.an_b[PLA_RESERVED], 0x55);
	/* ... and the proposal promised more (np != 0) but the SA ended. */
	CHECK(has(&pl, PLA_PROP_LEN));

	/* Bytes after the last transform inside the proposal. */
	b.n = 0;
	be32(&b, 1);
	be32(&b, 1);
	pp = gen_hdr(&b, 0);
	u8(&b, 1);
	u8(&b, 1);
	u8(&b, 0);
	u8(&b, 1);
	p1_xform(&b, 0, 1);
	be16(&b, 0xabcd);
	end_len(&b, pp);
	be32(&b, 0);			/* and after the last proposal */
	memset(&pl, 0, sizeof(pl));
	CHECK_EQ_U(isakmp_pl_decode(ISAKMP_PL_SA, cur_of(&b), &pl), DIS_OK);
	CHECK(has(&pl, PLA_BODY_TRAILING));
	CHECK_EQ_U(pl.an_a[PLA_BODY_TRAILING], ISAKMP_PL_P);
	CHECK_EQ_U(pl.an_b[PLA_BODY_TRAILING], 2);
}

/* Attributes: every truncation point, both forms, impossible forms. */
static void
test_attrs(void)
{
	static const uint8_t v[6] = { 1, 2, 3, 4, 5, 6 };
	struct buf b = { .n = 0 };
	struct isakmp_iter it;
	struct isakmp_attr a;
	size_t cut;

	attr_tv(&b, 1, 5);
	attr_tlv(&b, 12, v, 6);
	attr_tlv(&b, 12, v, 0);
	for (cut = 0; cut <= b.n; cut++) {
		int r, n = 0, bad = 0;

		isakmp_iter_init(&it, cur_init(b.b, cut));
		while ((r = isakmp_attr_next(&it, &a)) == 1)
			n++;
		if (r < 0)
			bad = 1;
		/* Cut points 4 and 14 fall between attributes. */
		if (cut == 0 || cut == 4 || cut == 14 || cut == b.n)
			CHECK(!bad);
		else
			CHECK(bad);
		CHECK_EQ_U(it.n, (unsigned)n);
	}
	isakmp_iter_init(&it, cur_of(&b));
	CHECK_EQ_U(isakmp_attr_next(&it, &a), 1);
	CHECK(a.basic && a.num == 5 && a.len == 2);
	CHECK_EQ_U(isakmp_attr_next(&it, &a), 1);
	CHECK(!a.basic && a.len == 6 && a.num_ok && a.num == 0x010203040506ULL);
	CHECK_EQ_U(isakmp_attr_next(&it, &a), 1);
	CHECK(!a.basic && a.len == 0 && !a.num_ok);
	CHECK_EQ_U(isakmp_attr_next(&it, &a), 0);

	/* In a transform: truncation and an impossible form are anomalies. */
	{
		struct buf s = { .n = 0 };
		struct isakmp_pl pl;
		size_t pp, t;

		be32(&s, 1);
		be32(&s, 1);
		pp = gen_hdr(&s, 0);
		u8(&s, 1);
		u8(&s, 1);
		u8(&s, 0);
		u8(&s, 1);
		t = gen_hdr(&s, 0);
		u8(&s, 1);
		u8(&s, 1);
		be16(&s, 0);
		attr_tlv(&s, 1, v, 2);	/* Encryption Algorithm as TLV */
		be16(&s, 12);		/* Life Duration, length 9, 2 present */
		be16(&s, 9);
		be16(&s, 0);
		end_len(&s, t);
		end_len(&s, pp);
		memset(&pl, 0, sizeof(pl));
		CHECK_EQ_U(isakmp_pl_decode(ISAKMP_PL_SA, cur_of(&s), &pl),
		    DIS_MALFORMED);
		CHECK(has(&pl, PLA_ATTR_FORM));
		CHECK_EQ_U(pl.an_a[PLA_ATTR_FORM], 1);
		CHECK(has(&pl, PLA_ATTR_TRUNC));
		CHECK_EQ_U(pl.an_a[PLA_ATTR_TRUNC], 12);
		CHECK_EQ_U(pl.an_b[PLA_ATTR_TRUNC], 2);
	}
}

/* More than the caps: recorded, never silently dropped. */
static void
test_caps(void)
{
	struct buf b = { .n = 0 };
	struct isakmp_pl pl;
	size_t pp, t, i;

	be32(&b, 1);
	be32(&b, 1);
	pp = gen_hdr(&b, 0);
	u8(&b, 1);
	u8(&b, 1);
	u8(&b, 0);
	u8(&b, 1);
	t = gen_hdr(&b, 0);
	u8(&b, 1);
	u8(&b, 1);
	be16(&b, 0);
	for (i = 0; i < ISAKMP_MAX_ATTRS + 1; i++)
		attr_tv(&b, 14, 128);
	end_len(&b, t);
	end_len(&b, pp);
	memset(&pl, 0, sizeof(pl));
	isakmp_pl_decode(ISAKMP_PL_SA, cur_of(&b), &pl);
	CHECK(has(&pl, PLA_ATTR_LIMIT));
	CHECK_EQ_U(pl.u.sa.nattrs, ISAKMP_MAX_ATTRS);

	b.n = 0;
	be32(&b, 1);
	be32(&b, 1);
	pp = gen_hdr(&b, 0);
	u8(&b, 1);
	u8(&b, 1);
	u8(&b, 0);
	u8(&b, ISAKMP_MAX_TRANSFORMS + 1);
	for (i = 0; i < ISAKMP_MAX_TRANSFORMS + 1; i++) {
		t = gen_hdr(&b, i == ISAKMP_MAX_TRANSFORMS ? 0 : 3);
		u8(&b, (unsigned)i);
		u8(&b, 1);
		be16(&b, 0);
		end_len(&b, t);
	}
	end_len(&b, pp);
	memset(&pl, 0, sizeof(pl));
	isakmp_pl_decode(ISAKMP_PL_SA, cur_of(&b), &pl);
	CHECK(has(&pl, PLA_XFORM_LIMIT));
	CHECK_EQ_U(pl.u.sa.nxforms, ISAKMP_MAX_TRANSFORMS);

	b.n = 0;
	be32(&b, 1);
	be32(&b, 1);
	for (i = 0; i < ISAKMP_MAX_PROPOSALS + 1; i++) {
		pp = gen_hdr(&b, i == ISAKMP_MAX_PROPOSALS ? 0 : 2);
		u8(&b, (unsigned)i);
		u8(&b, 1);
		u8(&b, 0);
		u8(&b, 0);
		end_len(&b, pp);
	}
	memset(&pl, 0, sizeof(pl));
	isakmp_pl_decode(ISAKMP_PL_SA, cur_of(&b), &pl);
	CHECK(has(&pl, PLA_PROP_LIMIT));
	CHECK_EQ_U(pl.u.sa.nprops, ISAKMP_MAX_PROPOSALS);
}

/* ----------------------------------------------------- other payloads */

static void
test_id(void)
{
	static const struct {
		uint8_t type;
		size_t len;
		bool ok;
	} cases[] = {
		{ ISAKMP_ID_IPV4_ADDR, 4, true },
		{ ISAKMP_ID_IPV4_ADDR, 3, false },
		{ ISAKMP_ID_IPV4_ADDR, 5, false },
		{ ISAKMP_ID_IPV4_ADDR_SUBNET, 8, true },
		{ ISAKMP_ID_IPV4_ADDR_SUBNET, 4, false },
		{ ISAKMP_ID_IPV4_ADDR_RANGE, 8, true },
		{ ISAKMP_ID_IPV6_ADDR, 16, true },
		{ ISAKMP_ID_IPV6_ADDR, 4, false },
		{ ISAKMP_ID_IPV6_ADDR_SUBNET, 32, true },
		{ ISAKMP_ID_IPV6_ADDR_SUBNET, 16, false },
		{ ISAKMP_ID_IPV6_ADDR_RANGE, 32, true },
		{ ISAKMP_ID_FQDN, 11, true },
		{ ISAKMP_ID_FQDN, 0, false },
		{ ISAKMP_ID_USER_FQDN, 5, true },
		{ ISAKMP_ID_DER_ASN1_DN, 20, true },
		{ ISAKMP_ID_KEY_ID, 7, true },
	};
	size_t i, n;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct buf b = { .n = 0 };
		struct isakmp_pl pl;

		u8(&b, cases[i].type);
		u8(&b, 17);
		be16(&b, 500);
		memset(b.b + b.n, 0x41, cases[i].len);
		b.n += cases[i].len;
		memset(&pl, 0, sizeof(pl));
		CHECK_EQ_U(isakmp_pl_decode(ISAKMP_PL_ID, cur_of(&b), &pl),
		    DIS_OK);
		CHECK_EQ_U(pl.u.id.type, cases[i].type);
		CHECK_EQ_U(pl.u.id.proto, 17);
		CHECK_EQ_U(pl.u.id.port, 500);
		CHECK_EQ_U(pl.dlen, cases[i].len);
		CHECK(pl.u.id.len_ok == cases[i].ok);
		CHECK(has(&pl, PLA_ID_LEN) == !cases[i].ok);
	}
	/* Body shorter than type/proto/port: 0..3 bytes. */
	for (n = 0; n < 4; n++) {
		uint8_t z[4] = { 1, 0, 0, 0 };
		struct isakmp_pl pl;

		memset(&pl, 0, sizeof(pl));
		CHECK_EQ_U(isakmp_pl_decode(ISAKMP_PL_ID, cur_init(z, n), &pl),
		    DIS_TRUNCATED);
		CHECK(has(&pl, PLA_BODY_SHORT));
	}
}

static void
test_nat_oa(void)
{
	static const uint8_t body[] = { 1, 0, 0, 1, 10, 0, 0, 1 };
	struct isakmp_pl pl;

	memset(&pl, 0, sizeof(pl));
	CHECK_EQ_U(isakmp_pl_decode(ISAKMP_PL_NAT_OA_DRAFT,
	    cur_init(body, sizeof(body)), &pl), DIS_OK);
	CHECK_EQ_U(pl.u.id.type, ISAKMP_ID_IPV4_ADDR);
	CHECK_EQ_U(pl.dlen, 4);
	CHECK(has(&pl, PLA_RESERVED));
	CHECK_EQ_U(pl.an_b[PLA_RESERVED], 1);
}

static void
test_cert(void)
{
	static const uint8_t body[] = { 4, 0x30, 0x00 };
	struct isakmp_pl pl;

	memset(&pl, 0, sizeof(pl));
	CHECK_EQ_U(isakmp_pl_decode(ISAKMP_PL_CERT, cur_init(body, 3), &pl),
	    DIS_OK);
	CHECK_EQ_U(pl.u.cert.enc, 4);
	CHECK_EQ_U(pl.dlen, 2);
	memset(&pl, 0, sizeof(pl));
	CHECK_EQ_U(isakmp_pl_decode(ISAKMP_PL_CR, cur_init(body, 1), &pl),
	    DIS_OK);
	CHECK_EQ_U(pl.dlen, 0);
	memset(&pl, 0, sizeof(pl));
	CHECK_EQ_U(isakmp_pl_decode(ISAKMP_PL_CR, cur_init(body, 0), &pl),
	    DIS_TRUNCATED);
}

static void
test_notify(void)
{
	struct buf b = { .n = 0 };
	struct isakmp_pl pl;
	size_t n;

	/* R-U-THERE with a 16-byte SPI (the cookies) and sequence 7. */
	be32(&b, 1);
	u8(&b, ISAKMP_PROTO_ISAKMP);
	u8(&b, 16);
	be16(&b, ISAKMP_N_R_U_THERE);
	memset(b.b + b.n, 0xcc, 16);
	b.n += 16;
	be32(&b, 7);
	memset(&pl, 0, sizeof(pl));
	CHECK_EQ_U(isakmp_pl_decode(ISAKMP_PL_N, cur_of(&b), &pl), DIS_OK);
	CHECK_EQ_U(pl.u.n.doi, 1);
	CHECK_EQ_U(pl.u.n.type, ISAKMP_N_R_U_THERE);
	CHECK_EQ_U(pl.u.n.spi_size, 16);
	CHECK(pl.u.n.spi != NULL && pl.u.n.spi[15] == 0xcc);
	CHECK(pl.u.n.has_seq);
	CHECK_EQ_U(pl.u.n.seq, 7);
	CHECK_EQ_U(pl.an, 0);

	/* SPI size past the end. */
	b.b[5] = 40;
	memset(&pl, 0, sizeof(pl));
	CHECK_EQ_U(isakmp_pl_decode(ISAKMP_PL_N, cur_of(&b), &pl),
	    DIS_TRUNCATED);
	CHECK(has(&pl, PLA_BODY_SHORT));

	/* DPD without its sequence number. */
	memset(&pl, 0, sizeof(pl));
	b.b[5] = 16;
	CHECK_EQ_U(isakmp_pl_decode(ISAKMP_PL_N, cur_init(b.b, 8 + 16 + 2),
	    &pl), DIS_OK);
	CHECK(!pl.u.n.has_seq);
	CHECK(has(&pl, PLA_BODY_SHORT));

	/* Fixed part cut short: 0..7 bytes. */
	for (n = 0; n < 8; n++) {
		memset(&pl, 0, sizeof(pl));
		CHECK_EQ_U(isakmp_pl_decode(ISAKMP_PL_N, cur_init(b.b, n),
		    &pl), DIS_TRUNCATED);
	}
}

static void
test_delete(void)
{
	struct buf b = { .n = 0 };
	struct isakmp_pl pl;

	be32(&b, 1);
	u8(&b, ISAKMP_PROTO_ESP);
	u8(&b, 4);
	be16(&b, 2);
	be32(&b, 0x11111111);
	be32(&b, 0x22222222);
	memset(&pl, 0, sizeof(pl));
	CHECK_EQ_U(isakmp_pl_decode(ISAKMP_PL_D, cur_of(&b), &pl), DIS_OK);
	CHECK_EQ_U(pl.u.d.nspis, 2);
	CHECK_EQ_U(cur_left(&pl.u.d.spis), 8);
	CHECK_EQ_U(pl.an, 0);

	/* Three declared, two present. */
	b.b[7] = 3;
	memset(&pl, 0, sizeof(pl));
	CHECK_EQ_U(isakmp_pl_decode(ISAKMP_PL_D, cur_of(&b), &pl),
	    DIS_MALFORMED);
	CHECK(has(&pl, PLA_SPI_COUNT));
	CHECK_EQ_U(pl.an_a[PLA_SPI_COUNT], 3);
	CHECK_EQ_U(pl.an_b[PLA_SPI_COUNT], 8);

	/* One declared, two present: trailing. */
	b.b[7] = 1;
	memset(&pl, 0, sizeof(pl));
	CHECK_EQ_U(isakmp_pl_decode(ISAKMP_PL_D, cur_of(&b), &pl), DIS_OK);
	CHECK(has(&pl, PLA_BODY_TRAILING));
	CHECK_EQ_U(pl.an_b[PLA_BODY_TRAILING], 4);

	/* Huge count * size must not overflow or over-read. */
	b.b[5] = 255;
	b.b[6] = 0xff;
	b.b[7] = 0xff;
	memset(&pl, 0, sizeof(pl));
	CHECK_EQ_U(isakmp_pl_decode(ISAKMP_PL_D, cur_of(&b), &pl),
	    DIS_MALFORMED);
}

static void
test_cfg(void)
{
	static const char user[] = "alice", pass[] = "s3cret";
	struct buf b = { .n = 0 };
	struct isakmp_pl pl;
	struct isakmp_iter it;
	struct isakmp_attr a;

	u8(&b, 2);		/* REPLY */
	u8(&b, 0);
	be16(&b, 0x1234);
	attr_tv(&b, 16520, 0);	/* XAUTH-TYPE generic */
	attr_tlv(&b, ISAKMP_CFG_XAUTH_USER_NAME, user, 5);
	attr_tlv(&b, ISAKMP_CFG_XAUTH_USER_PASSWORD, pass, 6);
	memset(&pl, 0, sizeof(pl));
	CHECK_EQ_U(isakmp_pl_decode(ISAKMP_PL_ATTR, cur_of(&b), &pl), DIS_OK);
	CHECK_EQ_U(pl.u.cfg.type, 2);
	CHECK_EQ_U(pl.u.cfg.ident, 0x1234);
	CHECK_EQ_U(pl.u.cfg.nattrs, 3);
	CHECK_EQ_U(pl.an, 0);
	isakmp_iter_init(&it, pl.u.cfg.attrs);
	CHECK_EQ_U(isakmp_attr_next(&it, &a), 1);
	CHECK_EQ_U(isakmp_attr_next(&it, &a), 1);
	CHECK(a.len == 5 && memcmp(a.val, user, 5) == 0);
	CHECK(!isakmp_cfg_attr_secret(a.type));
	CHECK_EQ_U(isakmp_attr_next(&it, &a), 1);
	CHECK(isakmp_cfg_attr_secret(a.type));
	CHECK(isakmp_cfg_attr_secret(ISAKMP_CFG_XAUTH_PASSCODE));

	/* Reserved octet set; body under 4 bytes. */
	b.b[1] = 9;
	memset(&pl, 0, sizeof(pl));
	isakmp_pl_decode(ISAKMP_PL_ATTR, cur_of(&b), &pl);
	CHECK(has(&pl, PLA_RESERVED));
	memset(&pl, 0, sizeof(pl));
	CHECK_EQ_U(isakmp_pl_decode(ISAKMP_PL_ATTR, cur_init(b.b, 3), &pl),
	    DIS_TRUNCATED);
}

static void
test_frag_and_data(void)
{
	static const uint8_t f[] = { 0, 5, 2, 1, 0xaa, 0xbb };
	struct isakmp_pl pl;

	memset(&pl, 0, sizeof(pl));
	CHECK_EQ_U(isakmp_pl_decode(ISAKMP_PL_FRAG, cur_init(f, 6), &pl),
	    DIS_OK);
	CHECK_EQ_U(pl.u.frag.id, 5);
	CHECK_EQ_U(pl.u.frag.num, 2);
	CHECK(pl.u.frag.flags & ISAKMP_FRAG_LAST);
	CHECK_EQ_U(pl.dlen, 2);
	memset(&pl, 0, sizeof(pl));
	CHECK_EQ_U(isakmp_pl_decode(ISAKMP_PL_FRAG, cur_init(f, 3), &pl),
	    DIS_TRUNCATED);

	memset(&pl, 0, sizeof(pl));
	CHECK_EQ_U(isakmp_pl_decode(ISAKMP_PL_NONCE, cur_init(f, 6), &pl),
	    DIS_OK);
	CHECK(pl.data == f && pl.dlen == 6);
	memset(&pl, 0, sizeof(pl));
	isakmp_pl_decode(ISAKMP_PL_HASH, cur_init(f, 0), &pl);
	CHECK(has(&pl, PLA_BODY_SHORT));

	memset(&pl, 0, sizeof(pl));
	isakmp_pl_decode(77, cur_init(f, 6), &pl);
	CHECK(!pl.decoded);
	CHECK(has(&pl, PLA_UNKNOWN_TYPE));
	CHECK_EQ_U(pl.an_a[PLA_UNKNOWN_TYPE], 77);
	CHECK_EQ_U(pl.dlen, 6);
}

/* ------------------------------------------------- the message walk */

static size_t
msg_hdr(struct buf *b, unsigned np, unsigned flags)
{
	static const uint8_t ck[8] = { 1, 2, 3, 4, 5, 6, 7, 8 };

	bytes(b, ck, 8);
	memset(b->b + b->n, 0, 8);
	b->n += 8;
	u8(b, np);
	u8(b, 0x10);
	u8(b, 2);
	u8(b, flags);
	be32(b, 0);
	be32(b, 0);
	return 0;
}

static void
msg_len(struct buf *b)
{
	b->b[24] = (uint8_t)(b->n >> 24);
	b->b[25] = (uint8_t)(b->n >> 16);
	b->b[26] = (uint8_t)(b->n >> 8);
	b->b[27] = (uint8_t)b->n;
}

static void
test_walk_lengths(void)
{
	static const unsigned lens[] = { 0, 3, 4, 5, 300 };
	size_t i;

	for (i = 0; i < sizeof(lens) / sizeof(lens[0]); i++) {
		static struct isakmp_msg m;
		struct buf b = { .n = 0 };

		msg_hdr(&b, ISAKMP_PL_VID, 0);
		u8(&b, 0);
		u8(&b, 0);
		be16(&b, lens[i]);
		msg_len(&b);
		memset(&m, 0, sizeof(m));
		isakmp_decode(cur_of(&b), &m);
		if (lens[i] < 4) {
			CHECK(m.anomalies & ISAKMP_AN_PL_SHORT);
			CHECK_EQ_U(m.bad_len, lens[i]);
			CHECK_EQ_U(m.npayloads, 0);
			CHECK_EQ_U(m.status, DIS_MALFORMED);
		} else if (lens[i] == 4) {
			/* An empty VID: legal framing, empty body noted. */
			CHECK_EQ_U(m.status, DIS_OK);
			CHECK_EQ_U(m.npayloads, 1);
			CHECK(m.pl[0].d.an & (1u << PLA_BODY_SHORT));
		} else {
			CHECK(m.anomalies & ISAKMP_AN_PL_PAST_END);
			CHECK_EQ_U(m.status, DIS_TRUNCATED);
			CHECK_EQ_U(m.npayloads, 1);
			CHECK_EQ_U(m.pl[0].d.status, DIS_TRUNCATED);
		}
	}
}

static void
test_walk_misc(void)
{
	static struct isakmp_msg m;
	struct buf b = { .n = 0 };
	size_t at, i;

	/* Reserved octet, trailing bytes after the chain. */
	msg_hdr(&b, ISAKMP_PL_VID, 0);
	at = gen_hdr(&b, 0);
	be32(&b, 0x01020304);
	end_len(&b, at);
	b.b[at + 1] = 7;
	be16(&b, 0);
	msg_len(&b);
	memset(&m, 0, sizeof(m));
	isakmp_decode(cur_of(&b), &m);
	CHECK(m.anomalies & ISAKMP_AN_PL_RESERVED);
	CHECK_EQ_U(m.bad_res, 7);
	CHECK(m.anomalies & ISAKMP_AN_PL_TRAILING);
	CHECK_EQ_U(m.pl_trailing, 2);
	CHECK_EQ_U(m.pl[0].d.dlen, 4);

	/* More payloads than the cap. */
	b.n = 0;
	msg_hdr(&b, ISAKMP_PL_VID, 0);
	for (i = 0; i < ISAKMP_MAX_PAYLOADS + 1; i++) {
		at = gen_hdr(&b, i == ISAKMP_MAX_PAYLOADS ? 0 : ISAKMP_PL_VID);
		u8(&b, (unsigned)i);
		end_len(&b, at);
	}
	msg_len(&b);
	memset(&m, 0, sizeof(m));
	isakmp_decode(cur_of(&b), &m);
	CHECK(m.anomalies & ISAKMP_AN_TOO_MANY);
	CHECK_EQ_U(m.npayloads, ISAKMP_MAX_PAYLOADS);

	/* Encrypted: nothing walked. */
	b.n = 0;
	msg_hdr(&b, ISAKMP_PL_HASH, ISAKMP_FLAG_E);
	be32(&b, 0xdeadbeef);
	msg_len(&b);
	memset(&m, 0, sizeof(m));
	isakmp_decode(cur_of(&b), &m);
	CHECK(m.encrypted);
	CHECK_EQ_U(m.npayloads, 0);
	CHECK_EQ_U(cur_left(&m.body), 4);

	/* A decrypted body walks through the same entry point. */
	b.n = 0;
	at = gen_hdr(&b, 0);
	be32(&b, 0xaabbccdd);
	end_len(&b, at);
	memset(&m, 0, sizeof(m));
	CHECK_EQ_U(isakmp_walk(cur_of(&b), ISAKMP_PL_HASH, 28, &m), DIS_OK);
	CHECK_EQ_U(m.npayloads, 1);
	CHECK_EQ_U(m.pl[0].off, 28);
	CHECK_EQ_U(m.pl[0].d.dlen, 4);
}

int
main(void)
{
	test_sa_ok();
	test_sa_esp();
	test_sa_short();
	test_prop_lengths();
	test_xform_edges();
	test_attrs();
	test_caps();
	test_id();
	test_nat_oa();
	test_cert();
	test_notify();
	test_delete();
	test_cfg();
	test_frag_and_data();
	test_walk_lengths();
	test_walk_misc();
	return check_done("test_isakmp_pl");
}
