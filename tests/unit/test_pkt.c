/*
 * test_pkt.c - the packet layer (src/pkt.c) on frames built by pktgen.h:
 * every link type (PPPoE, MPLS, PPP, Cisco HDLC, NFLOG, IEEE 802.11,
 * radiotap, PPI and PKTAP framings too, each cut at every header
 * boundary), VLAN and QinQ tags, IPv4 options
 * and header errors,
 * IPv6 extension headers, AH, UDP length errors, snap-length truncation,
 * port 500 / 4500 / --ike-port demultiplexing, IKEv2 detection by
 * version, and IPv4/IPv6 fragments through the reassembler (the frame
 * that completes a datagram is classified, earlier ones are fragments),
 * with the anomalies each case must record.  Decoded fields are asserted,
 * not just the absence of a crash.
 */
#include <arpa/inet.h>
#include <pcap/dlt.h>
#include <stdint.h>
#include <string.h>

#include "check.h"
#include "capture/pkt.h"
#include "pktgen.h"

#define DLT_IPV4_	228
#define DLT_IPV6_	229

static struct pkt_decoder dec;
static uint32_t frameno;
static double now = 1000.0;

static void
decode_n(int dlt, const struct pg *g, size_t caplen, struct pkt *p)
{
	memset(p, 0, sizeof(*p));
	p->frame = ++frameno;
	p->ts = now;
	p->caplen = (uint32_t)caplen;
	p->wirelen = (uint32_t)g->n;
	pkt_decode(&dec, dlt, pg_data(g), caplen, p);
}

static void
decode(int dlt, const struct pg *g, struct pkt *p)
{
	decode_n(dlt, g, g->n, p);
}

static int
an_count(const struct pkt *p, enum an_id id)
{
	int i, n = 0;

	for (i = 0; i < p->an.n; i++)
		if (p->an.a[i].id == id)
			n++;
	return n;
}

static uint32_t
an_arg(const struct pkt *p, enum an_id id, int which)
{
	int i;

	for (i = 0; i < p->an.n; i++)
		if (p->an.a[i].id == id)
			return p->an.a[i].arg[which];
	return 0xdeadbeef;
}

/* The ISAKMP message used throughout: header + one 8-byte SA payload. */
static void
ike_msg(struct pg *g, uint8_t ic, uint8_t version)
{
	pg_init(g);
	pg_fill(g, 0xab, 4);
	pg_isakmp_payload(g, 0);
	pg_isakmp(g, ic, version, 2, 0, 0, 1);
}

static void
check_payload_is_ike(const struct pkt *p, uint8_t ic, size_t len)
{
	struct cursor c = p->payload;
	bool ok;

	CHECK_EQ_U(cur_left(&c), len);
	CHECK_EQ_U(cur_peek_u8(&c, 0, &ok), ic);
	CHECK_EQ_U(cur_peek_u8(&c, 16, &ok), 1);	/* next payload SA */
	CHECK(ok);
}

static void
test_basic_v4(void)
{
	struct pg g;
	struct pkt p;

	ike_msg(&g, 0x11, 0x10);
	pg_udp(&g, 500, 500);
	pg_ipv4(&g, pg_v4a, pg_v4b, 17, 0, 0x1234, 0);
	pg_eth(&g, 0x0800);
	decode(DLT_EN10MB, &g, &p);
	CHECK_EQ_U(p.kind, PKT_ISAKMP);
	CHECK_EQ_U(p.af, 4);
	CHECK_MEM(p.src, pg_v4a, 4);
	CHECK_MEM(p.dst, pg_v4b, 4);
	CHECK_EQ_U(p.proto, 17);
	CHECK_EQ_U(p.ttl, 64);
	CHECK_EQ_U(p.ethertype, 0x0800);
	CHECK(p.has_ports);
	CHECK_EQ_U(p.sport, 500);
	CHECK_EQ_U(p.dport, 500);
	CHECK(!p.natt);
	CHECK(!p.fragment);
	CHECK(!p.reassembled);
	CHECK_EQ_U(p.ip_len, 20 + 8 + 36);
	CHECK_EQ_U(p.ip_off, 14);
	CHECK_EQ_U(p.ip_caplen, 20 + 8 + 36);
	CHECK_EQ_U(p.ip_wirelen, 20 + 8 + 36);
	CHECK_EQ_U(p.an.n, 0);
	check_payload_is_ike(&p, 0x11, 36);
	CHECK_STR(pkt_kind_name(p.kind), "isakmp");
}

static void
test_ports(void)
{
	struct pg g;
	struct pkt p;
	size_t i;

	/* IKEv2 is told by the major version, on 500 and behind the marker */
	ike_msg(&g, 0x22, 0x20);
	pg_udp(&g, 500, 500);
	pg_ipv4(&g, pg_v4a, pg_v4b, 17, 0, 1, 0);
	pg_eth(&g, 0x0800);
	decode(DLT_EN10MB, &g, &p);
	CHECK_EQ_U(p.kind, PKT_IKEV2);
	CHECK_STR(pkt_kind_name(p.kind), "ikev2");

	ike_msg(&g, 0x22, 0x20);
	pg_marker(&g);
	pg_udp(&g, 4500, 4500);
	pg_ipv4(&g, pg_v4a, pg_v4b, 17, 0, 1, 0);
	pg_eth(&g, 0x0800);
	decode(DLT_EN10MB, &g, &p);
	CHECK_EQ_U(p.kind, PKT_IKEV2);
	CHECK(p.natt);

	/* IKEv1 behind the marker: payload starts after the marker */
	ike_msg(&g, 0x33, 0x10);
	pg_marker(&g);
	pg_udp(&g, 4500, 4500);
	pg_ipv4(&g, pg_v4a, pg_v4b, 17, 0, 1, 0);
	pg_eth(&g, 0x0800);
	decode(DLT_EN10MB, &g, &p);
	CHECK_EQ_U(p.kind, PKT_ISAKMP);
	CHECK(p.natt);
	check_payload_is_ike(&p, 0x33, 36);

	/* ESP in UDP: payload starts at the SPI */
	pg_init(&g);
	pg_fill(&g, 0x5a, 32);
	pg_esp(&g, 0xc0ffee01, 7);
	pg_udp(&g, 4500, 4500);
	pg_ipv4(&g, pg_v4a, pg_v4b, 17, 0, 1, 0);
	pg_eth(&g, 0x0800);
	decode(DLT_EN10MB, &g, &p);
	CHECK_EQ_U(p.kind, PKT_ESP);
	CHECK(p.natt);
	CHECK_EQ_U(cur_left(&p.payload), 40);
	CHECK_EQ_U(cur_peek_u8(&p.payload, 0, NULL), 0xc0);

	/* keepalive, one side 4500 only */
	pg_init(&g);
	pg_fill(&g, 0xff, 1);
	pg_udp(&g, 4500, 40000);
	pg_ipv4(&g, pg_v4a, pg_v4b, 17, 0, 1, 0);
	pg_eth(&g, 0x0800);
	decode(DLT_EN10MB, &g, &p);
	CHECK_EQ_U(p.kind, PKT_NAT_KEEPALIVE);
	CHECK_STR(pkt_kind_name(p.kind), "nat_keepalive");

	/* 2 bytes on 4500: neither; an anomaly, kind other */
	pg_init(&g);
	pg_fill(&g, 0xff, 2);
	pg_udp(&g, 40000, 4500);
	pg_ipv4(&g, pg_v4a, pg_v4b, 17, 0, 1, 0);
	pg_eth(&g, 0x0800);
	decode(DLT_EN10MB, &g, &p);
	CHECK_EQ_U(p.kind, PKT_OTHER);
	CHECK(!p.natt);
	CHECK_EQ_U(an_count(&p, AN_NATT_INVALID), 1);
	CHECK_EQ_U(an_arg(&p, AN_NATT_INVALID, 0), 2);
	CHECK_EQ_U(an_arg(&p, AN_NATT_INVALID, 1), 4500);

	/* NAT-T on another port (--natt-port): ESP, marked IKE, keepalive,
	 * and not before the port is added */
	pg_init(&g);
	pg_fill(&g, 0x5a, 24);
	pg_esp(&g, 0x11223344, 1);
	pg_udp(&g, 4501, 4501);
	pg_ipv4(&g, pg_v4a, pg_v4b, 17, 0, 1, 0);
	decode(DLT_RAW, &g, &p);
	CHECK_EQ_U(p.kind, PKT_OTHER);
	CHECK(!p.natt);
	CHECK_EQ_U(pkt_add_natt_port(&dec, 4501), 0);
	CHECK_EQ_U(pkt_add_natt_port(&dec, 4501), 0);	/* once */
	decode(DLT_RAW, &g, &p);
	CHECK_EQ_U(p.kind, PKT_ESP);
	CHECK(p.natt);
	ike_msg(&g, 0x45, 0x10);
	pg_fill(&g, 0, 0);
	{
		static const uint8_t marker[4] = { 0 };

		pg_prepend(&g, marker, sizeof(marker));
	}
	pg_udp(&g, 33333, 4501);
	pg_ipv4(&g, pg_v4a, pg_v4b, 17, 0, 1, 0);
	decode(DLT_RAW, &g, &p);
	CHECK_EQ_U(p.kind, PKT_ISAKMP);
	CHECK(p.natt);
	pg_init(&g);
	pg_fill(&g, 0xff, 3);
	pg_udp(&g, 4501, 4501);
	pg_ipv4(&g, pg_v4a, pg_v4b, 17, 0, 1, 0);
	decode(DLT_RAW, &g, &p);
	CHECK_EQ_U(an_arg(&p, AN_NATT_INVALID, 1), 4501);
	/* an ISAKMP port stays ISAKMP */
	CHECK_EQ_U(pkt_add_natt_port(&dec, 500), 0);
	ike_msg(&g, 0x46, 0x10);
	pg_udp(&g, 500, 500);
	pg_ipv4(&g, pg_v4a, pg_v4b, 17, 0, 1, 0);
	decode(DLT_RAW, &g, &p);
	CHECK_EQ_U(p.kind, PKT_ISAKMP);
	CHECK(!p.natt);

	/* ISAKMP on one side only (500 -> ephemeral) */
	ike_msg(&g, 0x44, 0x10);
	pg_udp(&g, 500, 33333);
	pg_ipv4(&g, pg_v4a, pg_v4b, 17, 0, 1, 0);
	pg_eth(&g, 0x0800);
	decode(DLT_EN10MB, &g, &p);
	CHECK_EQ_U(p.kind, PKT_ISAKMP);

	/* port 500 wins over 4500 (no marker expected on 500) */
	ike_msg(&g, 0x45, 0x10);
	pg_udp(&g, 500, 4500);
	pg_ipv4(&g, pg_v4a, pg_v4b, 17, 0, 1, 0);
	pg_eth(&g, 0x0800);
	decode(DLT_EN10MB, &g, &p);
	CHECK_EQ_U(p.kind, PKT_ISAKMP);
	CHECK(!p.natt);
	check_payload_is_ike(&p, 0x45, 36);

	/* other UDP port: other, until --ike-port adds it */
	ike_msg(&g, 0x55, 0x10);
	pg_udp(&g, 7500, 7500);
	pg_ipv4(&g, pg_v4a, pg_v4b, 17, 0, 1, 0);
	pg_eth(&g, 0x0800);
	decode(DLT_EN10MB, &g, &p);
	CHECK_EQ_U(p.kind, PKT_OTHER);
	CHECK(p.has_ports);
	CHECK_EQ_U(p.an.n, 0);
	CHECK_EQ_U(pkt_add_ike_port(&dec, 7500), 0);
	CHECK_EQ_U(pkt_add_ike_port(&dec, 7500), 0);	/* no duplicate */
	decode(DLT_EN10MB, &g, &p);
	CHECK_EQ_U(p.kind, PKT_ISAKMP);
	check_payload_is_ike(&p, 0x55, 36);
	/* the table is bounded: 500 and 7500 are in, 14 more fit */
	for (i = 0; i < PKT_MAX_IKE_PORTS - 2; i++)
		CHECK_EQ_U(pkt_add_ike_port(&dec, (uint16_t)(10000 + i)), 0);
	CHECK(pkt_add_ike_port(&dec, 20000) == -1);
	CHECK_EQ_U(dec.nike_ports, PKT_MAX_IKE_PORTS);

	/* plain ESP, IP protocol 50 */
	pg_init(&g);
	pg_fill(&g, 0x5a, 24);
	pg_esp(&g, 0x01020304, 99);
	pg_ipv4(&g, pg_v4a, pg_v4b, 50, 0, 1, 0);
	pg_eth(&g, 0x0800);
	decode(DLT_EN10MB, &g, &p);
	CHECK_EQ_U(p.kind, PKT_ESP);
	CHECK(!p.natt);
	CHECK(!p.has_ports);
	CHECK_EQ_U(p.proto, 50);
	CHECK_EQ_U(cur_left(&p.payload), 32);
	CHECK_EQ_U(cur_peek_u8(&p.payload, 3, NULL), 0x04);

	/* TCP and ICMP: other, no anomaly */
	pg_init(&g);
	pg_fill(&g, 0, 20);
	pg_ipv4(&g, pg_v4a, pg_v4b, 6, 0, 1, 0);
	pg_eth(&g, 0x0800);
	decode(DLT_EN10MB, &g, &p);
	CHECK_EQ_U(p.kind, PKT_OTHER);
	CHECK_EQ_U(p.proto, 6);
	CHECK(!p.has_ports);
	CHECK_EQ_U(p.an.n, 0);
}

/* The same IKE datagram under every link type. */
static void
v4_ike(struct pg *g, uint8_t ic)
{
	ike_msg(g, ic, 0x10);
	pg_udp(g, 500, 500);
	pg_ipv4(g, pg_v4a, pg_v4b, 17, 0, 1, 0);
}

static void
v6_ike(struct pg *g, uint8_t ic)
{
	ike_msg(g, ic, 0x10);
	pg_udp(g, 500, 500);
	pg_ipv6(g, pg_v6a, pg_v6b, 17);
}

static void
expect_ike(const struct pkt *p, int af, uint8_t ic)
{
	CHECK_EQ_U(p->kind, PKT_ISAKMP);
	CHECK_EQ_U(p->af, af);
	CHECK_EQ_U(p->an.n, 0);
	if (af == 6) {
		CHECK_MEM(p->src, pg_v6a, 16);
		CHECK_MEM(p->dst, pg_v6b, 16);
	} else {
		CHECK_MEM(p->src, pg_v4a, 4);
	}
	check_payload_is_ike(p, ic, 36);
}

static void
test_links(void)
{
	static const uint32_t v6fams[] = { 10, 24, 28, 30 };
	struct pg g;
	struct pkt p;
	size_t i;

	/* VLAN, QinQ (802.1ad outer) and the old 0x9100 outer tag */
	v4_ike(&g, 0x61);
	pg_vlan(&g, 100, 0x0800);
	pg_eth(&g, 0x8100);
	decode(DLT_EN10MB, &g, &p);
	expect_ike(&p, 4, 0x61);
	CHECK_EQ_U(p.ethertype, 0x0800);

	v6_ike(&g, 0x62);
	pg_vlan(&g, 100, 0x86dd);
	pg_vlan(&g, 200, 0x8100);
	pg_eth(&g, 0x88a8);
	decode(DLT_EN10MB, &g, &p);
	expect_ike(&p, 6, 0x62);
	CHECK_EQ_U(p.ethertype, 0x86dd);
	CHECK_EQ_U(p.ip_off, 14 + 4 + 4);
	CHECK_EQ_U(p.ip_caplen, 40 + 8 + 36);

	v4_ike(&g, 0x63);
	pg_vlan(&g, 100, 0x0800);
	pg_vlan(&g, 200, 0x8100);
	pg_eth(&g, 0x9100);
	decode(DLT_EN10MB, &g, &p);
	expect_ike(&p, 4, 0x63);

	/* a tag cut short */
	pg_init(&g);
	pg_fill(&g, 0, 2);
	pg_eth(&g, 0x8100);
	decode(DLT_EN10MB, &g, &p);
	CHECK_EQ_U(p.kind, PKT_OTHER);
	CHECK_EQ_U(an_count(&p, AN_LINK_TRUNCATED), 1);

	/* Ethernet header cut short */
	pg_init(&g);
	pg_fill(&g, 0, 13);
	decode(DLT_EN10MB, &g, &p);
	CHECK_EQ_U(an_count(&p, AN_LINK_TRUNCATED), 1);
	CHECK_EQ_U(an_arg(&p, AN_LINK_TRUNCATED, 0), 13);

	/* ARP: other, the ethertype is kept, nothing is wrong */
	pg_init(&g);
	pg_fill(&g, 0, 28);
	pg_eth(&g, 0x0806);
	decode(DLT_EN10MB, &g, &p);
	CHECK_EQ_U(p.kind, PKT_OTHER);
	CHECK_EQ_U(p.af, 0);
	CHECK_EQ_U(p.ethertype, 0x0806);
	CHECK_EQ_U(p.an.n, 0);

	/* Linux cooked v1 and v2 */
	v4_ike(&g, 0x64);
	pg_sll(&g, 0x0800);
	decode(DLT_LINUX_SLL, &g, &p);
	expect_ike(&p, 4, 0x64);
	v6_ike(&g, 0x65);
	pg_sll(&g, 0x86dd);
	decode(DLT_LINUX_SLL, &g, &p);
	expect_ike(&p, 6, 0x65);
	v4_ike(&g, 0x66);
	pg_sll2(&g, 0x0800);
	decode(DLT_LINUX_SLL2, &g, &p);
	expect_ike(&p, 4, 0x66);
	v6_ike(&g, 0x67);
	pg_sll2(&g, 0x86dd);
	decode(DLT_LINUX_SLL2, &g, &p);
	expect_ike(&p, 6, 0x67);
	pg_init(&g);
	pg_fill(&g, 0, 15);
	decode(DLT_LINUX_SLL, &g, &p);
	CHECK_EQ_U(an_count(&p, AN_LINK_TRUNCATED), 1);
	pg_init(&g);
	pg_fill(&g, 0, 19);
	decode(DLT_LINUX_SLL2, &g, &p);
	CHECK_EQ_U(an_count(&p, AN_LINK_TRUNCATED), 1);

	/* BSD loopback: NULL in either byte order, LOOP in network order */
	v4_ike(&g, 0x68);
	pg_null(&g, 2, 0);
	decode(DLT_NULL, &g, &p);
	expect_ike(&p, 4, 0x68);
	v4_ike(&g, 0x69);
	pg_null(&g, 2, 1);
	decode(DLT_NULL, &g, &p);
	expect_ike(&p, 4, 0x69);
	for (i = 0; i < sizeof(v6fams) / sizeof(v6fams[0]); i++) {
		v6_ike(&g, (uint8_t)(0x70 + i));
		pg_null(&g, v6fams[i], (int)(i & 1));
		decode(DLT_NULL, &g, &p);
		expect_ike(&p, 6, (uint8_t)(0x70 + i));
	}
	v4_ike(&g, 0x6a);
	pg_loop(&g, 2);
	decode(DLT_LOOP, &g, &p);
	expect_ike(&p, 4, 0x6a);
	v6_ike(&g, 0x6b);
	pg_loop(&g, 30);
	decode(DLT_LOOP, &g, &p);
	expect_ike(&p, 6, 0x6b);
	/* unknown family: other, not decoded */
	v4_ike(&g, 0x6c);
	pg_null(&g, 7, 0);
	decode(DLT_NULL, &g, &p);
	CHECK_EQ_U(p.kind, PKT_OTHER);
	CHECK_EQ_U(p.af, 0);
	pg_init(&g);
	pg_fill(&g, 2, 3);
	decode(DLT_NULL, &g, &p);
	CHECK_EQ_U(an_count(&p, AN_LINK_TRUNCATED), 1);

	/* raw IP: the version nibble decides */
	v4_ike(&g, 0x6d);
	decode(DLT_RAW, &g, &p);
	expect_ike(&p, 4, 0x6d);
	v6_ike(&g, 0x6e);
	decode(DLT_RAW, &g, &p);
	expect_ike(&p, 6, 0x6e);
	v4_ike(&g, 0x6f);
	decode(DLT_IPV4_, &g, &p);
	expect_ike(&p, 4, 0x6f);
	v6_ike(&g, 0x7f);
	decode(DLT_IPV6_, &g, &p);
	expect_ike(&p, 6, 0x7f);
	pg_init(&g);
	decode(DLT_RAW, &g, &p);
	CHECK_EQ_U(an_count(&p, AN_IP_TRUNCATED), 1);

	/* unsupported link type */
	v4_ike(&g, 0x6d);
	decode(147, &g, &p);	/* DLT_USER0 */
	CHECK_EQ_U(p.kind, PKT_OTHER);
	CHECK_EQ_U(an_count(&p, AN_LINK_UNSUPPORTED), 1);
	CHECK_EQ_U(an_arg(&p, AN_LINK_UNSUPPORTED, 0), 147);
}

/* ---- PPPoE, MPLS, PPP, Cisco HDLC, NFLOG */

/* The IKE datagram's own length (v4_ike / v6_ike). */
#define V4_IKE_LEN	(20 + 8 + 36)
#define V6_IKE_LEN	(40 + 8 + 36)

static void
expect_ike_at(const struct pkt *p, int af, uint8_t ic, uint32_t ip_off)
{
	expect_ike(p, af, ic);
	CHECK_EQ_U(p->ip_off, ip_off);
	CHECK_EQ_U(p->ip_caplen, af == 6 ? V6_IKE_LEN : V4_IKE_LEN);
}

/* An ESP packet (IP protocol 50): SPI, sequence, 24 bytes. */
static void
v4_esp(struct pg *g, uint32_t spi)
{
	pg_init(g);
	pg_fill(g, 0x5a, 24);
	pg_esp(g, spi, 3);
	pg_ipv4(g, pg_v4a, pg_v4b, 50, 0, 1, 0);
}

static void
expect_esp(const struct pkt *p, uint32_t spi, uint32_t ip_off)
{
	struct cursor c = p->payload;

	CHECK_EQ_U(p->kind, PKT_ESP);
	CHECK_EQ_U(p->af, 4);
	CHECK_EQ_U(p->proto, 50);
	CHECK_EQ_U(p->an.n, 0);
	CHECK_EQ_U(p->ip_off, ip_off);
	CHECK_EQ_U(cur_left(&c), 8 + 24);
	CHECK_EQ_U(cur_be32(&c), spi);
	CHECK_EQ_U(cur_be32(&c), 3);
}

/* ESP in UDP (port 4500): SPI, sequence, 24 bytes. */
static void
v4_espudp(struct pg *g, uint32_t spi)
{
	pg_init(g);
	pg_fill(g, 0x5a, 24);
	pg_esp(g, spi, 3);
	pg_udp(g, 4500, 4500);
	pg_ipv4(g, pg_v4a, pg_v4b, 17, 0, 1, 0);
}

static void
expect_espudp(const struct pkt *p, uint32_t spi, uint32_t ip_off)
{
	struct cursor c = p->payload;

	CHECK_EQ_U(p->kind, PKT_ESP);
	CHECK_EQ_U(p->af, 4);
	CHECK_EQ_U(p->proto, 17);
	CHECK(p->natt);
	CHECK_EQ_U(p->dport, 4500);
	CHECK_EQ_U(p->an.n, 0);
	CHECK_EQ_U(p->ip_off, ip_off);
	CHECK_EQ_U(p->ip_caplen, 20 + 8 + 8 + 24);
	CHECK_EQ_U(cur_left(&c), 8 + 24);
	CHECK_EQ_U(cur_be32(&c), spi);
	CHECK_EQ_U(cur_be32(&c), 3);
}

/* Not IP, kind other, with nan anomalies. */
static void
expect_other(const struct pkt *p, int nan)
{
	CHECK_EQ_U(p->kind, PKT_OTHER);
	CHECK_EQ_U(p->af, 0);
	CHECK_EQ_U(p->an.n, nan);
}

/*
 * Frame g cut to every length in [from, to): kind other, not IP, and
 * one anomaly id (link_truncated with the captured length).
 */
static void
expect_cuts(int dlt, const struct pg *g, size_t from, size_t to,
    enum an_id id)
{
	struct pkt p;
	size_t n;

	for (n = from; n < to; n++) {
		decode_n(dlt, g, n, &p);
		expect_other(&p, 1);
		CHECK_EQ_U(an_count(&p, id), 1);
		if (id == AN_LINK_TRUNCATED)
			CHECK_EQ_U(an_arg(&p, id, 0), n);
		else if (id == AN_IP_TRUNCATED)
			CHECK_EQ_U(an_arg(&p, id, 0), 0);
	}
}

static void
test_pppoe(void)
{
	struct pg g;
	struct pkt p;

	/* IPv4 in a PPPoE session, Ethernet */
	v4_ike(&g, 0x31);
	pg_ppp_proto(&g, 0x0021, 0);
	pg_pppoe(&g, 0x1234);
	pg_eth(&g, 0x8864);
	decode(DLT_EN10MB, &g, &p);
	expect_ike_at(&p, 4, 0x31, 14 + 6 + 2);
	CHECK_EQ_U(p.ethertype, 0x8864);
	/* cut in the PPPoE header or protocol, then with no IP header */
	expect_cuts(DLT_EN10MB, &g, 14, 14 + 8, AN_LINK_TRUNCATED);
	expect_cuts(DLT_EN10MB, &g, 14 + 8, 14 + 9, AN_IP_TRUNCATED);

	/* IPv6, after a VLAN tag */
	v6_ike(&g, 0x32);
	pg_ppp_proto(&g, 0x0057, 0);
	pg_pppoe(&g, 1);
	pg_vlan(&g, 7, 0x8864);
	pg_eth(&g, 0x8100);
	decode(DLT_EN10MB, &g, &p);
	expect_ike_at(&p, 6, 0x32, 14 + 4 + 6 + 2);
	CHECK_EQ_U(p.ethertype, 0x8864);
	expect_cuts(DLT_EN10MB, &g, 14 + 4, 14 + 4 + 8, AN_LINK_TRUNCATED);

	/* a compressed (one-byte) PPP protocol field */
	v4_ike(&g, 0x33);
	pg_ppp_proto(&g, 0x0021, 1);
	pg_pppoe(&g, 1);
	pg_eth(&g, 0x8864);
	decode(DLT_EN10MB, &g, &p);
	expect_ike_at(&p, 4, 0x33, 14 + 6 + 1);

	/* Ethernet padding after the session's bytes is not the
	 * datagram's (the PPPoE length says where it ends) */
	v4_ike(&g, 0x34);
	pg_ppp_proto(&g, 0x0021, 0);
	pg_pppoe(&g, 1);
	pg_append(&g, "\0\0\0\0\0\0\0", 7);
	pg_eth(&g, 0x8864);
	decode(DLT_EN10MB, &g, &p);
	expect_ike_at(&p, 4, 0x34, 14 + 8);
	CHECK_EQ_U(an_count(&p, AN_IP_TRAILER), 0);

	/* a PPPoE length past the capture: the captured bytes are used */
	v4_ike(&g, 0x35);
	pg_ppp_proto(&g, 0x0021, 0);
	pg_pppoe(&g, 1);
	pg_eth(&g, 0x8864);
	pg_w16(pg_at(&g, 14 + 4), 0xfff0);
	decode(DLT_EN10MB, &g, &p);
	expect_ike_at(&p, 4, 0x35, 14 + 8);

	/* a PPPoE length shorter than the protocol field */
	pg_w16(pg_at(&g, 14 + 4), 1);
	decode(DLT_EN10MB, &g, &p);
	expect_other(&p, 1);
	CHECK_EQ_U(an_count(&p, AN_LINK_MALFORMED), 1);
	CHECK_EQ_U(an_arg(&p, AN_LINK_MALFORMED, 0), 14 + 4);
	CHECK_EQ_U(an_arg(&p, AN_LINK_MALFORMED, 1), 1);

	/* a version/type or code that is not a session frame's */
	v4_ike(&g, 0x36);
	pg_ppp_proto(&g, 0x0021, 0);
	pg_pppoe(&g, 1);
	pg_eth(&g, 0x8864);
	*pg_at(&g, 14) = 0x12;
	decode(DLT_EN10MB, &g, &p);
	expect_other(&p, 1);
	CHECK_EQ_U(an_count(&p, AN_LINK_MALFORMED), 1);
	CHECK_EQ_U(an_arg(&p, AN_LINK_MALFORMED, 0), 14);
	CHECK_EQ_U(an_arg(&p, AN_LINK_MALFORMED, 1), 0x12);
	*pg_at(&g, 14) = 0x11;
	*pg_at(&g, 15) = 0x09;		/* PADI */
	decode(DLT_EN10MB, &g, &p);
	expect_other(&p, 1);
	CHECK_EQ_U(an_arg(&p, AN_LINK_MALFORMED, 0), 15);
	CHECK_EQ_U(an_arg(&p, AN_LINK_MALFORMED, 1), 9);

	/* the discovery stage (ethertype 0x8863; a PADI with a host-uniq
	 * tag): not IP, nothing wrong, the ethertype kept */
	pg_init(&g);
	pg_append(&g, "\x01\x01\0\0\x01\x03\0\x04\x12\x34\x56\x78", 12);
	pg_pppoe(&g, 0);
	*pg_at(&g, 1) = 0x09;
	pg_eth(&g, 0x8863);
	decode(DLT_EN10MB, &g, &p);
	expect_other(&p, 0);
	CHECK_EQ_U(p.ethertype, 0x8863);
	CHECK_EQ_U(p.ip_off, 14);

	/* LCP: other, nothing wrong, the ethertype kept */
	pg_init(&g);
	pg_fill(&g, 0x01, 14);
	pg_ppp_proto(&g, 0xc021, 0);
	pg_pppoe(&g, 1);
	pg_eth(&g, 0x8864);
	decode(DLT_EN10MB, &g, &p);
	expect_other(&p, 0);
	CHECK_EQ_U(p.ethertype, 0x8864);

	/* ESP in a PPPoE session */
	v4_esp(&g, 0xc0ffee31);
	pg_ppp_proto(&g, 0x0021, 0);
	pg_pppoe(&g, 1);
	pg_eth(&g, 0x8864);
	decode(DLT_EN10MB, &g, &p);
	expect_esp(&p, 0xc0ffee31, 14 + 8);
}

static void
test_mpls(void)
{
	struct pg g;
	struct pkt p;
	int i;

	/* one label, IPv4 */
	v4_ike(&g, 0x41);
	pg_mpls(&g, 16, 1);
	pg_eth(&g, 0x8847);
	decode(DLT_EN10MB, &g, &p);
	expect_ike_at(&p, 4, 0x41, 14 + 4);
	CHECK_EQ_U(p.ethertype, 0x8847);
	expect_cuts(DLT_EN10MB, &g, 14, 14 + 4, AN_LINK_TRUNCATED);
	expect_cuts(DLT_EN10MB, &g, 14 + 4, 14 + 5, AN_IP_TRUNCATED);

	/* two labels, multicast ethertype, IPv6, after a VLAN tag */
	v6_ike(&g, 0x42);
	pg_mpls(&g, 17, 1);
	pg_mpls(&g, 18, 0);
	pg_vlan(&g, 5, 0x8848);
	pg_eth(&g, 0x8100);
	decode(DLT_EN10MB, &g, &p);
	expect_ike_at(&p, 6, 0x42, 14 + 4 + 8);
	CHECK_EQ_U(p.ethertype, 0x8848);
	/* cut anywhere in the stack (the first entry is not the bottom) */
	expect_cuts(DLT_EN10MB, &g, 14 + 4, 14 + 4 + 8, AN_LINK_TRUNCATED);

	/* the deepest stack walked, and one more */
	v4_ike(&g, 0x43);
	pg_mpls(&g, 100, 1);
	for (i = 1; i < PKT_MAX_MPLS_LABELS; i++)
		pg_mpls(&g, (uint32_t)(100 + i), 0);
	pg_eth(&g, 0x8847);
	decode(DLT_EN10MB, &g, &p);
	expect_ike_at(&p, 4, 0x43, 14 + 4 * PKT_MAX_MPLS_LABELS);
	v4_ike(&g, 0x44);
	pg_mpls(&g, 100, 1);
	for (i = 0; i < PKT_MAX_MPLS_LABELS; i++)
		pg_mpls(&g, (uint32_t)(100 + i), 0);
	pg_eth(&g, 0x8847);
	decode(DLT_EN10MB, &g, &p);
	expect_other(&p, 1);
	CHECK_EQ_U(an_count(&p, AN_MPLS_LABEL_LIMIT), 1);
	CHECK_EQ_U(an_arg(&p, AN_MPLS_LABEL_LIMIT, 0), PKT_MAX_MPLS_LABELS);

	/* an Ethernet pseudowire: control word (first nibble 0, a
	 * sequence number), then Ethernet; the inner ethertype is kept */
	v4_ike(&g, 0x45);
	pg_eth(&g, 0x0800);
	pg_prepend(&g, "\0\0\0\x07", 4);
	pg_mpls(&g, 16, 1);
	pg_eth(&g, 0x8847);
	decode(DLT_EN10MB, &g, &p);
	expect_ike_at(&p, 4, 0x45, 14 + 4 + 4 + 14);
	CHECK_EQ_U(p.ethertype, 0x0800);
	CHECK_EQ_U(p.mpls_labels, 1);
	expect_cuts(DLT_EN10MB, &g, 14, 14 + 4, AN_LINK_TRUNCATED);
	expect_cuts(DLT_EN10MB, &g, 14 + 4, 14 + 5, AN_IP_TRUNCATED);
	expect_cuts(DLT_EN10MB, &g, 14 + 5, 14 + 4 + 4 + 14,
	    AN_LINK_TRUNCATED);
	expect_cuts(DLT_EN10MB, &g, 14 + 4 + 4 + 14, 14 + 4 + 4 + 15,
	    AN_IP_TRUNCATED);
	/* two labels, a VLAN tag inside, IPv6; ESP; ESP in UDP */
	v6_ike(&g, 0x47);
	pg_vlan(&g, 12, 0x86dd);
	pg_eth(&g, 0x8100);
	pg_prepend(&g, "\0\0\0\0", 4);
	pg_mpls(&g, 17, 1);
	pg_mpls(&g, 1000, 0);
	pg_eth(&g, 0x8847);
	decode(DLT_EN10MB, &g, &p);
	expect_ike_at(&p, 6, 0x47, 14 + 8 + 4 + 18);
	CHECK_EQ_U(p.mpls_labels, 2);
	v4_esp(&g, 0x4a4a4a4a);
	pg_eth(&g, 0x0800);
	pg_prepend(&g, "\0\0\0\0", 4);
	pg_mpls(&g, 16, 1);
	pg_eth(&g, 0x8847);
	decode(DLT_EN10MB, &g, &p);
	expect_esp(&p, 0x4a4a4a4a, 14 + 4 + 4 + 14);
	v4_espudp(&g, 0x4b4b4b4b);
	pg_eth(&g, 0x0800);
	pg_prepend(&g, "\0\0\0\0", 4);
	pg_mpls(&g, 16, 1);
	pg_sll(&g, 0x8847);
	decode(DLT_LINUX_SLL, &g, &p);
	expect_espudp(&p, 0x4b4b4b4b, 16 + 4 + 4 + 14);
	/* ARP in the pseudowire: not IP, its ethertype said */
	pg_init(&g);
	pg_fill(&g, 0, 28);
	pg_eth(&g, 0x0806);
	pg_prepend(&g, "\0\0\0\0", 4);
	pg_mpls(&g, 16, 1);
	pg_eth(&g, 0x8847);
	decode(DLT_EN10MB, &g, &p);
	expect_other(&p, 0);
	CHECK_EQ_U(p.ethertype, 0x0806);

	/* MPLS inside the pseudowire: its labels count towards the same
	 * limit, so pseudowires in pseudowires end */
	v4_ike(&g, 0x48);
	pg_mpls(&g, 200, 1);
	for (i = 2; i < PKT_MAX_MPLS_LABELS; i++)
		pg_mpls(&g, (uint32_t)(200 + i), 0);
	pg_eth(&g, 0x8847);
	pg_prepend(&g, "\0\0\0\0", 4);
	pg_mpls(&g, 16, 1);
	pg_eth(&g, 0x8847);
	decode(DLT_EN10MB, &g, &p);
	expect_ike_at(&p, 4, 0x48, 14 + 4 + 4 + 14 + 4 * 15);
	CHECK_EQ_U(p.mpls_labels, PKT_MAX_MPLS_LABELS);
	pg_init(&g);
	pg_fill(&g, 0x45, 20);
	for (i = 0; i <= PKT_MAX_MPLS_LABELS; i++) {
		pg_prepend(&g, "\0\0\0\0", 4);
		pg_mpls(&g, 16, 1);
		pg_eth(&g, 0x8847);
	}
	decode(DLT_EN10MB, &g, &p);
	expect_other(&p, 1);
	CHECK_EQ_U(an_count(&p, AN_MPLS_LABEL_LIMIT), 1);
	CHECK_EQ_U(p.mpls_labels, PKT_MAX_MPLS_LABELS);
	/* ... and the next frame counts again, in the same struct pkt */
	v4_ike(&g, 0x49);
	pg_mpls(&g, 16, 1);
	pg_eth(&g, 0x8847);
	p.an.n = 0;
	pkt_decode(&dec, DLT_EN10MB, pg_data(&g), g.n, &p);
	CHECK_EQ_U(p.kind, PKT_ISAKMP);
	CHECK_EQ_U(p.ip_off, 14 + 4);
	CHECK_EQ_U(p.mpls_labels, 1);

	/* an associated channel (nibble 1): not IP, nothing wrong; any
	 * other nibble is said */
	pg_init(&g);
	pg_fill(&g, 0, 16);
	pg_prepend(&g, "\x10\0\0\x07", 4);	/* ACH, channel type 7 (BFD) */
	pg_mpls(&g, 13, 1);
	pg_eth(&g, 0x8847);
	decode(DLT_EN10MB, &g, &p);
	expect_other(&p, 0);
	*pg_at(&g, 14 + 4) = 0x51;
	decode(DLT_EN10MB, &g, &p);
	expect_other(&p, 1);
	CHECK_EQ_U(an_count(&p, AN_MPLS_PAYLOAD_UNKNOWN), 1);
	CHECK_EQ_U(an_arg(&p, AN_MPLS_PAYLOAD_UNKNOWN, 0), 5);

	/* Linux cooked capture of an MPLS interface */
	v4_ike(&g, 0x46);
	pg_mpls(&g, 16, 1);
	pg_sll(&g, 0x8847);
	decode(DLT_LINUX_SLL, &g, &p);
	expect_ike_at(&p, 4, 0x46, 16 + 4);
}

static void
test_ppp(void)
{
	struct pg g;
	struct pkt p;

	/* address and control, then the protocol */
	v4_ike(&g, 0x51);
	pg_ppp_proto(&g, 0x0021, 0);
	pg_ppp_hdlc(&g);
	decode(DLT_PPP, &g, &p);
	expect_ike_at(&p, 4, 0x51, 4);
	CHECK_EQ_U(p.ethertype, 0);
	expect_cuts(DLT_PPP, &g, 0, 4, AN_LINK_TRUNCATED);
	expect_cuts(DLT_PPP, &g, 4, 5, AN_IP_TRUNCATED);
	decode(DLT_PPP_SERIAL, &g, &p);
	expect_ike_at(&p, 4, 0x51, 4);
	expect_cuts(DLT_PPP_SERIAL, &g, 0, 4, AN_LINK_TRUNCATED);

	/* without them; IPv6 */
	v6_ike(&g, 0x52);
	pg_ppp_proto(&g, 0x0057, 0);
	decode(DLT_PPP, &g, &p);
	expect_ike_at(&p, 6, 0x52, 2);

	/* compressed protocol, with and without address and control */
	v4_ike(&g, 0x53);
	pg_ppp_proto(&g, 0x0021, 1);
	decode(DLT_PPP, &g, &p);
	expect_ike_at(&p, 4, 0x53, 1);
	pg_ppp_hdlc(&g);
	decode(DLT_PPP, &g, &p);
	expect_ike_at(&p, 4, 0x53, 3);
	expect_cuts(DLT_PPP, &g, 0, 3, AN_LINK_TRUNCATED);

	/* LCP: other, nothing wrong */
	pg_init(&g);
	pg_fill(&g, 0x01, 8);
	pg_ppp_proto(&g, 0xc021, 0);
	pg_ppp_hdlc(&g);
	decode(DLT_PPP, &g, &p);
	expect_other(&p, 0);

	/* Cisco HDLC framing in DLT_PPP_SERIAL (and, as Wireshark reads
	 * it, DLT_PPP): told by the address byte */
	v4_ike(&g, 0x54);
	pg_chdlc(&g, 0x0f, 0x0800);
	decode(DLT_PPP_SERIAL, &g, &p);
	expect_ike_at(&p, 4, 0x54, 4);
	CHECK_EQ_U(p.ethertype, 0x0800);
	expect_cuts(DLT_PPP_SERIAL, &g, 0, 4, AN_LINK_TRUNCATED);
	decode(DLT_PPP, &g, &p);
	expect_ike_at(&p, 4, 0x54, 4);
	v6_ike(&g, 0x55);
	pg_chdlc(&g, 0x8f, 0x86dd);
	decode(DLT_PPP_SERIAL, &g, &p);
	expect_ike_at(&p, 6, 0x55, 4);
	CHECK_EQ_U(p.ethertype, 0x86dd);
	/* a frame cut after the Cisco address is Cisco HDLC's, cut */
	decode_n(DLT_PPP, &g, 1, &p);
	expect_other(&p, 1);
	CHECK_EQ_U(an_arg(&p, AN_LINK_TRUNCATED, 0), 1);
	/* an address and control pair that is not PPP's: the first byte
	 * is then a (compressed) protocol, not IP */
	v4_ike(&g, 0x59);
	pg_ppp_proto(&g, 0x0021, 0);
	pg_prepend(&g, "\xff\x05", 2);
	decode(DLT_PPP, &g, &p);
	expect_other(&p, 0);

	/* ESP over PPP */
	v4_esp(&g, 0x0b0b0b0b);
	pg_ppp_proto(&g, 0x0021, 0);
	pg_ppp_hdlc(&g);
	decode(DLT_PPP, &g, &p);
	expect_esp(&p, 0x0b0b0b0b, 4);
}

static void
test_chdlc(void)
{
	struct pg g;
	struct pkt p;

	v4_ike(&g, 0x56);
	pg_chdlc(&g, 0x0f, 0x0800);
	decode(DLT_C_HDLC, &g, &p);
	expect_ike_at(&p, 4, 0x56, 4);
	CHECK_EQ_U(p.ethertype, 0x0800);
	expect_cuts(DLT_C_HDLC, &g, 0, 4, AN_LINK_TRUNCATED);
	expect_cuts(DLT_C_HDLC, &g, 4, 5, AN_IP_TRUNCATED);

	v6_ike(&g, 0x57);
	pg_chdlc(&g, 0x8f, 0x86dd);
	decode(DLT_C_HDLC, &g, &p);
	expect_ike_at(&p, 6, 0x57, 4);
	CHECK_EQ_U(p.ethertype, 0x86dd);

	/* MPLS over Cisco HDLC: the same ethertype dispatch */
	v4_ike(&g, 0x58);
	pg_mpls(&g, 16, 1);
	pg_chdlc(&g, 0x0f, 0x8847);
	decode(DLT_C_HDLC, &g, &p);
	expect_ike_at(&p, 4, 0x58, 4 + 4);

	/* SLARP keepalive: other, the ethertype kept, nothing wrong */
	pg_init(&g);
	pg_fill(&g, 0, 18);
	pg_chdlc(&g, 0x8f, 0x8035);
	decode(DLT_C_HDLC, &g, &p);
	expect_other(&p, 0);
	CHECK_EQ_U(p.ethertype, 0x8035);
}

/* OpenBSD enc(4): family (host order), SPI, flags; then IP. */
static void
pg_enc(struct pg *g, uint32_t af, int be, uint32_t spi)
{
	uint8_t h[12];

	if (be)
		pg_w32(h, af);
	else {
		h[0] = (uint8_t)af;
		h[1] = (uint8_t)(af >> 8);
		h[2] = (uint8_t)(af >> 16);
		h[3] = (uint8_t)(af >> 24);
	}
	pg_w32(h + 4, spi);
	pg_w32(h + 8, 0x00000001);	/* flags: M_CONF */
	pg_prepend(g, h, sizeof(h));
}

/* pflog(4): length, family, action, reason, ..., padded to 4 bytes. */
static void
pg_pflog(struct pg *g, uint8_t len, uint8_t af)
{
	uint8_t h[64] = { 0 };

	h[0] = len;
	h[1] = af;
	memcpy(h + 4, "enc0", 4);	/* the interface name */
	pg_prepend(g, h, ((size_t)len + 3) & ~(size_t)3);
}

/* PPPoE without Ethernet (DLT_PPP_ETHER); pppd's direction byte. */
static void
test_ppp_ether_pppd(void)
{
	static const uint8_t out[1] = { 0x01 };
	struct pg g;
	struct pkt p;

	v4_ike(&g, 0x81);
	pg_ppp_proto(&g, 0x0021, 0);
	pg_pppoe(&g, 0x4242);
	decode(DLT_PPP_ETHER, &g, &p);
	expect_ike_at(&p, 4, 0x81, 8);
	expect_cuts(DLT_PPP_ETHER, &g, 0, 8, AN_LINK_TRUNCATED);
	v6_ike(&g, 0x82);
	pg_ppp_proto(&g, 0x0057, 0);
	pg_pppoe(&g, 0x4242);
	decode(DLT_PPP_ETHER, &g, &p);
	expect_ike_at(&p, 6, 0x82, 8);
	/* without an ethertype, a discovery packet (a PADT, no tags) is
	 * told by its code: not IP, nothing wrong; another code is wrong */
	pg_init(&g);
	pg_pppoe(&g, 0x4242);
	*pg_at(&g, 1) = 0xa7;
	decode(DLT_PPP_ETHER, &g, &p);
	expect_other(&p, 0);
	*pg_at(&g, 1) = 0x42;
	pg_append(&g, "\0\x21", 2);
	decode(DLT_PPP_ETHER, &g, &p);
	expect_other(&p, 1);
	CHECK_EQ_U(an_arg(&p, AN_LINK_MALFORMED, 0), 1);
	CHECK_EQ_U(an_arg(&p, AN_LINK_MALFORMED, 1), 0x42);

	/* direction, control, protocol; the control byte may be absent
	 * and the protocol compressed */
	v4_ike(&g, 0x83);
	pg_ppp_proto(&g, 0x0021, 0);
	pg_ppp_hdlc(&g);
	*pg_at(&g, 0) = 0x00;		/* incoming */
	decode(DLT_PPP_PPPD, &g, &p);
	expect_ike_at(&p, 4, 0x83, 4);
	expect_cuts(DLT_PPP_PPPD, &g, 0, 4, AN_LINK_TRUNCATED);
	v6_ike(&g, 0x84);
	pg_ppp_proto(&g, 0x0057, 1);
	pg_prepend(&g, out, sizeof(out));
	decode(DLT_PPP_PPPD, &g, &p);
	expect_ike_at(&p, 6, 0x84, 2);
	v4_esp(&g, 0xe3e3e3e3);
	pg_ppp_proto(&g, 0x0021, 0);
	pg_ppp_hdlc(&g);
	*pg_at(&g, 0) = 0x01;
	decode(DLT_PPP_PPPD, &g, &p);
	expect_esp(&p, 0xe3e3e3e3, 4);
}

static void
test_enc_pflog(void)
{
	struct pg g;
	struct pkt p;

	/* enc: either byte order, IPv4 and (OpenBSD's AF_INET6 24) IPv6 */
	v4_ike(&g, 0x71);
	pg_enc(&g, 2, 0, 0x1234);
	decode(DLT_ENC, &g, &p);
	expect_ike_at(&p, 4, 0x71, 12);
	v6_ike(&g, 0x72);
	pg_enc(&g, 24, 1, 0x1234);
	decode(DLT_ENC, &g, &p);
	expect_ike_at(&p, 6, 0x72, 12);
	/* an unknown family is not IP (as for DLT_NULL) */
	v6_ike(&g, 0x73);
	pg_enc(&g, 99, 0, 0x1234);
	decode(DLT_ENC, &g, &p);
	expect_other(&p, 0);
	v4_esp(&g, 0xe1e1e1e1);
	pg_enc(&g, 2, 1, 0x1234);
	decode(DLT_ENC, &g, &p);
	expect_esp(&p, 0xe1e1e1e1, 12);
	v4_ike(&g, 0x74);
	pg_enc(&g, 2, 0, 0x1234);
	expect_cuts(DLT_ENC, &g, 0, 12, AN_LINK_TRUNCATED);
	expect_cuts(DLT_ENC, &g, 12, 13, AN_IP_TRUNCATED);

	/* pflog: OpenBSD's 61-byte header padded to 64; FreeBSD's AF_INET6 */
	v4_ike(&g, 0x75);
	pg_pflog(&g, 61, 2);
	decode(DLT_PFLOG, &g, &p);
	expect_ike_at(&p, 4, 0x75, 64);
	v6_ike(&g, 0x76);
	pg_pflog(&g, 48, 28);
	decode(DLT_PFLOG, &g, &p);
	expect_ike_at(&p, 6, 0x76, 48);
	v4_esp(&g, 0xe2e2e2e2);
	pg_pflog(&g, 61, 2);
	decode(DLT_PFLOG, &g, &p);
	expect_esp(&p, 0xe2e2e2e2, 64);
	v4_ike(&g, 0x77);
	pg_pflog(&g, 61, 2);
	expect_cuts(DLT_PFLOG, &g, 0, 64, AN_LINK_TRUNCATED);
	expect_cuts(DLT_PFLOG, &g, 64, 65, AN_IP_TRUNCATED);
	/* a length that cannot hold the header's own fields */
	v4_ike(&g, 0x78);
	pg_pflog(&g, 3, 2);
	decode(DLT_PFLOG, &g, &p);
	expect_other(&p, 1);
	CHECK_EQ_U(an_count(&p, AN_LINK_MALFORMED), 1);
}

/*
 * IEEE 802.11 data frames (3 and 4 addresses, QoS, HT control), LLC/SNAP;
 * frames that are not IP and frames that cannot be decoded.
 */
static void
test_wlan(void)
{
	struct pg g;
	struct pkt p;
	size_t h;

	/* a data frame to the AP: three addresses, IPv4 */
	v4_ike(&g, 0xa1);
	pg_llc_snap(&g, 0, 0x0800);
	h = pg_wlan(&g, 0x08, 0x01, 0x0120, 0);
	CHECK_EQ_U(h, 24);
	decode(DLT_IEEE802_11, &g, &p);
	expect_ike_at(&p, 4, 0xa1, 24 + 8);
	CHECK_EQ_U(p.ethertype, 0x0800);
	/* cut in the MAC header or in LLC/SNAP, then with no IP header */
	expect_cuts(DLT_IEEE802_11, &g, 0, 24 + 8, AN_LINK_TRUNCATED);
	expect_cuts(DLT_IEEE802_11, &g, 24 + 8, 24 + 9, AN_IP_TRUNCATED);

	/* QoS data between two APs (four addresses), IPv6 */
	v6_ike(&g, 0xa2);
	pg_llc_snap(&g, 0, 0x86dd);
	h = pg_wlan(&g, 0x88, 0x03, 0x0010, 0x0005);
	CHECK_EQ_U(h, 24 + 6 + 2);
	decode(DLT_IEEE802_11, &g, &p);
	expect_ike_at(&p, 6, 0xa2, 32 + 8);
	CHECK_EQ_U(p.ethertype, 0x86dd);
	expect_cuts(DLT_IEEE802_11, &g, 0, 32 + 8, AN_LINK_TRUNCATED);

	/* QoS data with the order bit: HT control too; ESP */
	v4_esp(&g, 0xa3a3a3a3);
	pg_llc_snap(&g, 0, 0x0800);
	h = pg_wlan(&g, 0x88, 0x82, 0x0030, 0x0000);
	CHECK_EQ_U(h, 24 + 2 + 4);
	decode(DLT_IEEE802_11, &g, &p);
	expect_esp(&p, 0xa3a3a3a3, 30 + 8);
	expect_cuts(DLT_IEEE802_11, &g, 0, 30 + 8, AN_LINK_TRUNCATED);
	/* the order bit outside a QoS data frame adds nothing */
	v4_esp(&g, 0xa4a4a4a4);
	pg_llc_snap(&g, 0, 0x0800);
	h = pg_wlan(&g, 0x08, 0x82, 0x0030, 0);
	CHECK_EQ_U(h, 24);
	decode(DLT_IEEE802_11, &g, &p);
	expect_esp(&p, 0xa4a4a4a4, 24 + 8);

	/* ESP in UDP, with the 802.1H bridge-tunnel OUI */
	v4_espudp(&g, 0xa5a5a5a5);
	pg_llc_snap(&g, 0x0000f8, 0x0800);
	pg_wlan(&g, 0x08, 0x02, 0x0040, 0);
	decode(DLT_IEEE802_11, &g, &p);
	expect_espudp(&p, 0xa5a5a5a5, 24 + 8);

	/* management (a beacon) and control (an ACK) frames, null data and
	 * QoS null: not IP, nothing wrong, even with the protected bit */
	pg_init(&g);
	pg_fill(&g, 0, 12);
	pg_wlan(&g, 0x80, 0x00, 0x0100, 0);
	decode(DLT_IEEE802_11, &g, &p);
	expect_other(&p, 0);
	pg_init(&g);
	pg_fill(&g, 0x02, 8);
	pg_prepend(&g, "\xd4\x00", 2);
	decode(DLT_IEEE802_11, &g, &p);
	expect_other(&p, 0);
	decode_n(DLT_IEEE802_11, &g, 2, &p);
	expect_other(&p, 0);
	expect_cuts(DLT_IEEE802_11, &g, 0, 2, AN_LINK_TRUNCATED);
	pg_init(&g);
	pg_wlan(&g, 0x48, 0x11, 0x0050, 0);
	decode(DLT_IEEE802_11, &g, &p);
	expect_other(&p, 0);
	pg_init(&g);
	pg_wlan(&g, 0xc8, 0x01, 0x0050, 0x0007);
	decode(DLT_IEEE802_11, &g, &p);
	expect_other(&p, 0);
	/* a null-data header cut short is truncated */
	expect_cuts(DLT_IEEE802_11, &g, 0, 26, AN_LINK_TRUNCATED);

	/* LLC that is not SNAP (spanning tree), SNAP with another OUI
	 * (Cisco's), and EAPOL: not IP, nothing wrong */
	pg_init(&g);
	pg_fill(&g, 0, 35);
	pg_prepend(&g, "\x42\x42\x03", 3);
	pg_wlan(&g, 0x08, 0x01, 0x0060, 0);
	decode(DLT_IEEE802_11, &g, &p);
	expect_other(&p, 0);
	CHECK_EQ_U(p.ethertype, 0);
	v4_ike(&g, 0xa6);
	pg_llc_snap(&g, 0x00000c, 0x0800);
	pg_wlan(&g, 0x08, 0x01, 0x0060, 0);
	decode(DLT_IEEE802_11, &g, &p);
	expect_other(&p, 0);
	CHECK_EQ_U(p.ethertype, 0);
	pg_init(&g);
	pg_fill(&g, 0x01, 20);
	pg_llc_snap(&g, 0, 0x888e);
	pg_wlan(&g, 0x88, 0x02, 0x0060, 0x0006);
	decode(DLT_IEEE802_11, &g, &p);
	expect_other(&p, 0);
	CHECK_EQ_U(p.ethertype, 0x888e);

	/* protected: said, with the frame control, and not decoded */
	v4_ike(&g, 0xa7);
	pg_llc_snap(&g, 0, 0x0800);
	pg_wlan(&g, 0x88, 0x41, 0x0070, 0x0000);
	decode(DLT_IEEE802_11, &g, &p);
	expect_other(&p, 1);
	CHECK_EQ_U(an_count(&p, AN_WLAN_PROTECTED), 1);
	CHECK_EQ_U(an_arg(&p, AN_WLAN_PROTECTED, 0), 0x8841);
	CHECK_EQ_U(p.ethertype, 0);
	/* ... but a protected frame cut in its header is truncated */
	expect_cuts(DLT_IEEE802_11, &g, 0, 26, AN_LINK_TRUNCATED);

	/* 802.11 fragments: a later one, and a first with more to come */
	v4_ike(&g, 0xa8);
	pg_llc_snap(&g, 0, 0x0800);
	pg_wlan(&g, 0x08, 0x01, 0x0123, 0);
	decode(DLT_IEEE802_11, &g, &p);
	expect_other(&p, 1);
	CHECK_EQ_U(an_arg(&p, AN_WLAN_FRAGMENT, 0), 3);
	CHECK_EQ_U(an_arg(&p, AN_WLAN_FRAGMENT, 1), 0x12);
	v4_ike(&g, 0xa8);
	pg_llc_snap(&g, 0, 0x0800);
	pg_wlan(&g, 0x08, 0x05, 0x0120, 0);
	decode(DLT_IEEE802_11, &g, &p);
	expect_other(&p, 1);
	CHECK_EQ_U(an_arg(&p, AN_WLAN_FRAGMENT, 0), 0);
	CHECK_EQ_U(an_arg(&p, AN_WLAN_FRAGMENT, 1), 0x12);

	/* an A-MSDU (QoS control bit 7) */
	v4_ike(&g, 0xa9);
	pg_llc_snap(&g, 0, 0x0800);
	pg_wlan(&g, 0x88, 0x01, 0x0070, 0x0080);
	decode(DLT_IEEE802_11, &g, &p);
	expect_other(&p, 1);
	CHECK_EQ_U(an_count(&p, AN_WLAN_AMSDU), 1);
	CHECK_EQ_U(an_arg(&p, AN_WLAN_AMSDU, 0), 8 + V4_IKE_LEN);

	/* a protocol version other than 0 */
	v4_ike(&g, 0xaa);
	pg_llc_snap(&g, 0, 0x0800);
	pg_wlan(&g, 0x09, 0x01, 0x0070, 0);
	decode(DLT_IEEE802_11, &g, &p);
	expect_other(&p, 1);
	CHECK_EQ_U(an_arg(&p, AN_LINK_MALFORMED, 0), 0);
	CHECK_EQ_U(an_arg(&p, AN_LINK_MALFORMED, 1), 1);
}

/*
 * Radiotap: present bitmaps (chained), TSFT alignment before Flags, the
 * FCS flag (the FCS left out, also when the snap length cut into it),
 * the padding flag, a bad FCS; header lengths that cannot be right.
 */
static void
test_radiotap(void)
{
	static const uint8_t fcs[4] = { 0xde, 0xad, 0xbe, 0xef };
	static const uint32_t full[1] = { 0x2f }, chain[4] = {
	    0x80000003, 0x80000000, 0x80000000, 0x00000020 }, fl[1] = { 0x02 },
	    rate[1] = { 0x04 }, tsft_fl[1] = { 0x03 };
	struct pg g;
	struct pkt p;
	size_t rt, n;

	/* TSFT, Flags (an FCS), rate, channel, signal: IPv4 IKE; no IP
	 * trailer, so the FCS is not taken for the datagram's */
	v4_ike(&g, 0xb1);
	pg_llc_snap(&g, 0, 0x0800);
	pg_wlan(&g, 0x08, 0x01, 0x0010, 0);
	pg_append(&g, fcs, sizeof(fcs));
	rt = pg_radiotap(&g, full, 1, 0x10);
	CHECK_EQ_U(rt, 23);
	decode(DLT_IEEE802_11_RADIO, &g, &p);
	expect_ike_at(&p, 4, 0xb1, 23 + 24 + 8);
	expect_cuts(DLT_IEEE802_11_RADIO, &g, 0, 23 + 24 + 8,
	    AN_LINK_TRUNCATED);
	expect_cuts(DLT_IEEE802_11_RADIO, &g, 23 + 24 + 8, 23 + 24 + 9,
	    AN_IP_TRUNCATED);
	/* the snap length cut into the FCS only, and into the datagram */
	for (n = 1; n <= 4; n++) {
		decode_n(DLT_IEEE802_11_RADIO, &g, g.n - n, &p);
		expect_ike_at(&p, 4, 0xb1, 23 + 24 + 8);
	}
	decode_n(DLT_IEEE802_11_RADIO, &g, g.n - 6, &p);
	CHECK_EQ_U(p.kind, PKT_ISAKMP);
	CHECK_EQ_U(an_count(&p, AN_IP_SNAPLEN), 1);
	CHECK_EQ_U(an_arg(&p, AN_IP_SNAPLEN, 1), V4_IKE_LEN - 2);
	/* without the FCS flag the 4 bytes are the datagram's trailer */
	*pg_at(&g, 16) = 0x00;
	decode(DLT_IEEE802_11_RADIO, &g, &p);
	CHECK_EQ_U(p.kind, PKT_ISAKMP);
	CHECK_EQ_U(an_count(&p, AN_IP_TRAILER), 1);
	CHECK_EQ_U(an_arg(&p, AN_IP_TRAILER, 0), 4);

	/* chained bitmaps: TSFT aligned to 8 (20 -> 24) after four of
	 * them; IPv6 */
	v6_ike(&g, 0xb2);
	pg_llc_snap(&g, 0, 0x86dd);
	pg_wlan(&g, 0x88, 0x01, 0x0020, 0);
	pg_append(&g, fcs, sizeof(fcs));
	rt = pg_radiotap(&g, chain, 4, 0x10);
	CHECK_EQ_U(rt, 33);
	decode(DLT_IEEE802_11_RADIO, &g, &p);
	expect_ike_at(&p, 6, 0xb2, 33 + 26 + 8);
	expect_cuts(DLT_IEEE802_11_RADIO, &g, 0, 33 + 26 + 8,
	    AN_LINK_TRUNCATED);
	/* without TSFT the flags byte is right after the bitmap */
	v4_ike(&g, 0xb3);
	pg_llc_snap(&g, 0, 0x0800);
	pg_wlan(&g, 0x08, 0x01, 0x0020, 0);
	pg_append(&g, fcs, sizeof(fcs));
	rt = pg_radiotap(&g, tsft_fl, 1, 0x10);
	CHECK_EQ_U(rt, 17);
	decode(DLT_IEEE802_11_RADIO, &g, &p);
	expect_ike_at(&p, 4, 0xb3, 17 + 24 + 8);

	/* Flags only, with the MAC header padded to 4 bytes (26 -> 28) */
	v4_esp(&g, 0xb4b4b4b4);
	pg_llc_snap(&g, 0, 0x0800);
	pg_prepend(&g, "\0\0", 2);
	pg_wlan(&g, 0x88, 0x01, 0x0030, 0);
	rt = pg_radiotap(&g, fl, 1, 0x20);
	CHECK_EQ_U(rt, 9);
	decode(DLT_IEEE802_11_RADIO, &g, &p);
	expect_esp(&p, 0xb4b4b4b4, 9 + 28 + 8);
	expect_cuts(DLT_IEEE802_11_RADIO, &g, 0, 9 + 28 + 8,
	    AN_LINK_TRUNCATED);
	/* a header of 28 bytes needs no padding */
	v4_esp(&g, 0xb5b5b5b5);
	pg_llc_snap(&g, 0, 0x0800);
	pg_wlan(&g, 0x88, 0x03, 0x0030, 0);
	pg_radiotap(&g, fl, 1, 0x30);
	pg_append(&g, fcs, sizeof(fcs));
	decode(DLT_IEEE802_11_RADIO, &g, &p);
	expect_esp(&p, 0xb5b5b5b5, 9 + 32 + 8);

	/* no Flags: no FCS; ESP in UDP */
	v4_espudp(&g, 0xb6b6b6b6);
	pg_llc_snap(&g, 0, 0x0800);
	pg_wlan(&g, 0x08, 0x02, 0x0040, 0);
	rt = pg_radiotap(&g, rate, 1, 0);
	CHECK_EQ_U(rt, 9);
	decode(DLT_IEEE802_11_RADIO, &g, &p);
	expect_espudp(&p, 0xb6b6b6b6, 9 + 24 + 8);

	/* a bad FCS: said, with the flags, and not decoded */
	v4_ike(&g, 0xb7);
	pg_llc_snap(&g, 0, 0x0800);
	pg_wlan(&g, 0x08, 0x01, 0x0050, 0);
	pg_append(&g, fcs, sizeof(fcs));
	pg_radiotap(&g, fl, 1, 0x50);
	decode(DLT_IEEE802_11_RADIO, &g, &p);
	expect_other(&p, 1);
	CHECK_EQ_U(an_count(&p, AN_WLAN_BAD_FCS), 1);
	CHECK_EQ_U(an_arg(&p, AN_WLAN_BAD_FCS, 0), 0x50);

	/* a frame too short to hold its FCS */
	pg_init(&g);
	pg_append(&g, fcs, 3);
	pg_radiotap(&g, fl, 1, 0x10);
	decode(DLT_IEEE802_11_RADIO, &g, &p);
	expect_other(&p, 1);
	CHECK_EQ_U(an_arg(&p, AN_LINK_TRUNCATED, 0), 9 + 3);

	/* version 1; a length under 8; a length past the capture; bitmaps
	 * and fields past the length */
	v4_ike(&g, 0xb8);
	pg_llc_snap(&g, 0, 0x0800);
	pg_wlan(&g, 0x08, 0x01, 0x0060, 0);
	pg_radiotap(&g, full, 1, 0);
	*pg_at(&g, 0) = 1;
	decode(DLT_IEEE802_11_RADIO, &g, &p);
	expect_other(&p, 1);
	CHECK_EQ_U(an_arg(&p, AN_LINK_MALFORMED, 0), 0);
	CHECK_EQ_U(an_arg(&p, AN_LINK_MALFORMED, 1), 1);
	*pg_at(&g, 0) = 0;
	*pg_at(&g, 2) = 7;
	decode(DLT_IEEE802_11_RADIO, &g, &p);
	expect_other(&p, 1);
	CHECK_EQ_U(an_arg(&p, AN_LINK_MALFORMED, 0), 2);
	CHECK_EQ_U(an_arg(&p, AN_LINK_MALFORMED, 1), 7);
	pg_w16(pg_at(&g, 2), 0x0001);	/* 256, little-endian */
	decode(DLT_IEEE802_11_RADIO, &g, &p);
	expect_other(&p, 1);
	CHECK_EQ_U(an_arg(&p, AN_LINK_TRUNCATED, 0), g.n);
	*pg_at(&g, 2) = 8;
	*pg_at(&g, 3) = 0;
	*pg_at(&g, 7) = 0x80;		/* another bitmap, past 8 bytes */
	decode(DLT_IEEE802_11_RADIO, &g, &p);
	expect_other(&p, 1);
	CHECK_EQ_U(an_arg(&p, AN_LINK_MALFORMED, 0), 2);
	CHECK_EQ_U(an_arg(&p, AN_LINK_MALFORMED, 1), 8);
	*pg_at(&g, 7) = 0;
	*pg_at(&g, 2) = 16;		/* TSFT, but not Flags, inside */
	decode(DLT_IEEE802_11_RADIO, &g, &p);
	expect_other(&p, 1);
	CHECK_EQ_U(an_arg(&p, AN_LINK_MALFORMED, 1), 16);
	/* Flags inside: the frame starts where the length says (here at
	 * the rate byte, 0x0c: an extension frame, not IP) */
	*pg_at(&g, 2) = 17;
	decode(DLT_IEEE802_11_RADIO, &g, &p);
	expect_other(&p, 0);
	CHECK_EQ_U(p.ip_off, 17);
}

/*
 * PPI: fields (aligned or not), 802.11-Common's FCS flags, other link
 * types inside (not PPI again), header lengths that cannot be right.
 */
static void
test_ppi(void)
{
	static const uint8_t fcs[4] = { 0xde, 0xad, 0xbe, 0xef };
	static const uint32_t fl[1] = { 0x02 };
	struct pg g;
	struct pkt p;
	size_t h, w;

	/* aligned fields (5 -> 8 bytes), an FCS: IPv4 IKE in 802.11 */
	v4_ike(&g, 0xc1);
	pg_llc_snap(&g, 0, 0x0800);
	pg_wlan(&g, 0x08, 0x01, 0x0010, 0);
	pg_append(&g, fcs, sizeof(fcs));
	h = pg_ppi(&g, 0x01, DLT_IEEE802_11, 1, 0x0001);
	CHECK_EQ_U(h, 44);
	decode(DLT_PPI, &g, &p);
	expect_ike_at(&p, 4, 0xc1, 44 + 24 + 8);
	expect_cuts(DLT_PPI, &g, 0, 44 + 24 + 8, AN_LINK_TRUNCATED);
	expect_cuts(DLT_PPI, &g, 44 + 24 + 8, 44 + 24 + 9, AN_IP_TRUNCATED);
	/* without the FCS flag the 4 bytes are the datagram's trailer */
	*pg_at(&g, 20 + 4 + 8) = 0;
	decode(DLT_PPI, &g, &p);
	CHECK_EQ_U(p.kind, PKT_ISAKMP);
	CHECK_EQ_U(an_arg(&p, AN_IP_TRAILER, 0), 4);
	/* a bad FCS */
	*pg_at(&g, 20 + 4 + 8) = 0x05;
	decode(DLT_PPI, &g, &p);
	expect_other(&p, 1);
	CHECK_EQ_U(an_arg(&p, AN_WLAN_BAD_FCS, 0), 0x05);

	/* unaligned fields; QoS data, IPv6 */
	v6_ike(&g, 0xc2);
	pg_llc_snap(&g, 0, 0x86dd);
	w = pg_wlan(&g, 0x88, 0x02, 0x0020, 0);
	h = pg_ppi(&g, 0x00, DLT_IEEE802_11, 1, 0);
	CHECK_EQ_U(h, 41);
	decode(DLT_PPI, &g, &p);
	expect_ike_at(&p, 6, 0xc2, 41 + w + 8);
	expect_cuts(DLT_PPI, &g, 0, 41 + w + 8, AN_LINK_TRUNCATED);

	/* ESP and ESP in UDP in 802.11 */
	v4_esp(&g, 0xc3c3c3c3);
	pg_llc_snap(&g, 0, 0x0800);
	pg_wlan(&g, 0x08, 0x01, 0x0030, 0);
	h = pg_ppi(&g, 0x01, DLT_IEEE802_11, 0, 0);
	decode(DLT_PPI, &g, &p);
	expect_esp(&p, 0xc3c3c3c3, h + 24 + 8);
	v4_espudp(&g, 0xc4c4c4c4);
	pg_llc_snap(&g, 0, 0x0800);
	pg_wlan(&g, 0x08, 0x01, 0x0030, 0);
	h = pg_ppi(&g, 0x01, DLT_IEEE802_11, 1, 0);
	decode(DLT_PPI, &g, &p);
	expect_espudp(&p, 0xc4c4c4c4, h + 24 + 8);

	/* other link types inside: Ethernet, raw IP (as pcap files number
	 * it), radiotap (its own FCS flag); an unknown one, and PPI */
	v4_esp(&g, 0xc5c5c5c5);
	pg_eth(&g, 0x0800);
	h = pg_ppi(&g, 0x01, DLT_EN10MB, 0, 0);
	decode(DLT_PPI, &g, &p);
	expect_esp(&p, 0xc5c5c5c5, h + 14);
	v4_espudp(&g, 0xc6c6c6c6);
	h = pg_ppi(&g, 0x00, 101, 0, 0);
	decode(DLT_PPI, &g, &p);
	expect_espudp(&p, 0xc6c6c6c6, h);
	v4_ike(&g, 0xc7);
	pg_llc_snap(&g, 0, 0x0800);
	pg_wlan(&g, 0x08, 0x01, 0x0030, 0);
	pg_append(&g, fcs, sizeof(fcs));
	pg_radiotap(&g, fl, 1, 0x10);
	h = pg_ppi(&g, 0x00, DLT_IEEE802_11_RADIO, 0, 0);
	decode(DLT_PPI, &g, &p);
	expect_ike_at(&p, 4, 0xc7, h + 9 + 24 + 8);
	v4_ike(&g, 0xc8);
	pg_eth(&g, 0x0800);
	pg_ppi(&g, 0x00, DLT_EN10MB, 0, 0);
	h = pg_ppi(&g, 0x00, DLT_PPI, 0, 0);
	decode(DLT_PPI, &g, &p);
	expect_other(&p, 1);
	CHECK_EQ_U(an_arg(&p, AN_LINK_UNSUPPORTED, 0), DLT_PPI);
	CHECK_EQ_U(p.ip_off, h);
	pg_ppi(&g, 0x00, 147, 0, 0);
	decode(DLT_PPI, &g, &p);
	expect_other(&p, 1);
	CHECK_EQ_U(an_arg(&p, AN_LINK_UNSUPPORTED, 0), 147);

	/* version 1; a length under 8; past the capture; a field past the
	 * length; an 802.11-Common field too short for its flags */
	v4_ike(&g, 0xc9);
	pg_eth(&g, 0x0800);
	h = pg_ppi(&g, 0x00, DLT_EN10MB, 1, 0);
	*pg_at(&g, 0) = 1;
	decode(DLT_PPI, &g, &p);
	expect_other(&p, 1);
	CHECK_EQ_U(an_arg(&p, AN_LINK_MALFORMED, 0), 0);
	CHECK_EQ_U(an_arg(&p, AN_LINK_MALFORMED, 1), 1);
	*pg_at(&g, 0) = 0;
	*pg_at(&g, 2) = 7;
	decode(DLT_PPI, &g, &p);
	expect_other(&p, 1);
	CHECK_EQ_U(an_arg(&p, AN_LINK_MALFORMED, 0), 2);
	CHECK_EQ_U(an_arg(&p, AN_LINK_MALFORMED, 1), 7);
	pg_w16(pg_at(&g, 2), 0x0002);	/* 512, little-endian */
	decode(DLT_PPI, &g, &p);
	expect_other(&p, 1);
	CHECK_EQ_U(an_arg(&p, AN_LINK_TRUNCATED, 0), g.n);
	*pg_at(&g, 2) = (uint8_t)h;
	*pg_at(&g, 3) = 0;
	*pg_at(&g, 10) = 200;		/* the unknown field's length */
	decode(DLT_PPI, &g, &p);
	expect_other(&p, 1);
	CHECK_EQ_U(an_arg(&p, AN_LINK_MALFORMED, 0), 10);
	CHECK_EQ_U(an_arg(&p, AN_LINK_MALFORMED, 1), 200);
	*pg_at(&g, 10) = 5;
	*pg_at(&g, 17 + 2) = 9;		/* 802.11-Common: 9 bytes */
	*pg_at(&g, 2) = 17 + 4 + 9;
	decode(DLT_PPI, &g, &p);
	expect_other(&p, 1);
	CHECK_EQ_U(an_arg(&p, AN_LINK_MALFORMED, 0), 17 + 2);
	CHECK_EQ_U(an_arg(&p, AN_LINK_MALFORMED, 1), 9);
}

/*
 * Apple's PKTAP: the link types under it, a longer header, a record with
 * no packet, lengths and types that cannot be right, no nesting.
 */
static void
test_pktap(void)
{
	struct pg g;
	struct pkt p;

	/* Ethernet, IPv4 IKE; files say 258, libpcap DLT_PKTAP */
	v4_ike(&g, 0xd1);
	pg_eth(&g, 0x0800);
	pg_pktap(&g, 108, 1, DLT_EN10MB);
	decode(PKT_LINKTYPE_PKTAP, &g, &p);
	expect_ike_at(&p, 4, 0xd1, 108 + 14);
	decode(DLT_PKTAP, &g, &p);
	expect_ike_at(&p, 4, 0xd1, 108 + 14);
	expect_cuts(PKT_LINKTYPE_PKTAP, &g, 0, 108 + 14, AN_LINK_TRUNCATED);
	expect_cuts(PKT_LINKTYPE_PKTAP, &g, 108 + 14, 108 + 15,
	    AN_IP_TRUNCATED);

	/* BSD null (macOS's AF_INET6 30), IPv6; raw IP, ESP; a longer
	 * header, ESP in UDP */
	v6_ike(&g, 0xd2);
	pg_null(&g, 30, 0);
	pg_pktap(&g, 108, 1, DLT_NULL);
	decode(PKT_LINKTYPE_PKTAP, &g, &p);
	expect_ike_at(&p, 6, 0xd2, 108 + 4);
	expect_cuts(PKT_LINKTYPE_PKTAP, &g, 0, 108 + 4, AN_LINK_TRUNCATED);
	v4_esp(&g, 0xd3d3d3d3);
	pg_pktap(&g, 108, 1, DLT_RAW);
	decode(PKT_LINKTYPE_PKTAP, &g, &p);
	expect_esp(&p, 0xd3d3d3d3, 108);
	v4_espudp(&g, 0xd4d4d4d4);
	pg_eth(&g, 0x0800);
	pg_pktap(&g, 124, 1, DLT_EN10MB);
	decode(PKT_LINKTYPE_PKTAP, &g, &p);
	expect_espudp(&p, 0xd4d4d4d4, 124 + 14);
	expect_cuts(PKT_LINKTYPE_PKTAP, &g, 0, 124 + 14, AN_LINK_TRUNCATED);

	/* 802.11 under radiotap under PKTAP */
	{
		static const uint32_t fl[1] = { 0x02 };

		v4_ike(&g, 0xd5);
		pg_llc_snap(&g, 0, 0x0800);
		pg_wlan(&g, 0x08, 0x01, 0x0010, 0);
		pg_radiotap(&g, fl, 1, 0);
		pg_pktap(&g, 108, 1, DLT_IEEE802_11_RADIO);
		decode(PKT_LINKTYPE_PKTAP, &g, &p);
		expect_ike_at(&p, 4, 0xd5, 108 + 9 + 24 + 8);
	}

	/* a record without a packet: not IP, nothing wrong; an unknown
	 * record type */
	v4_ike(&g, 0xd6);
	pg_eth(&g, 0x0800);
	pg_pktap(&g, 108, 0, DLT_EN10MB);
	decode(PKT_LINKTYPE_PKTAP, &g, &p);
	expect_other(&p, 0);
	*pg_at(&g, 4) = 7;
	decode(PKT_LINKTYPE_PKTAP, &g, &p);
	expect_other(&p, 1);
	CHECK_EQ_U(an_arg(&p, AN_LINK_MALFORMED, 0), 4);
	CHECK_EQ_U(an_arg(&p, AN_LINK_MALFORMED, 1), 7);

	/* a length under 108, and past the capture */
	*pg_at(&g, 4) = 1;
	*pg_at(&g, 0) = 107;
	decode(PKT_LINKTYPE_PKTAP, &g, &p);
	expect_other(&p, 1);
	CHECK_EQ_U(an_arg(&p, AN_LINK_MALFORMED, 0), 0);
	CHECK_EQ_U(an_arg(&p, AN_LINK_MALFORMED, 1), 107);
	*pg_at(&g, 0) = 0;
	*pg_at(&g, 1) = 1;		/* 256 */
	decode(PKT_LINKTYPE_PKTAP, &g, &p);
	expect_other(&p, 1);
	CHECK_EQ_U(an_arg(&p, AN_LINK_TRUNCATED, 0), g.n);
	*pg_at(&g, 3) = 0x80;		/* 2^31 + 256 */
	decode(PKT_LINKTYPE_PKTAP, &g, &p);
	CHECK_EQ_U(an_arg(&p, AN_LINK_TRUNCATED, 0), g.n);

	/* no PKTAP or PPI inside PKTAP, nor PKTAP inside PPI; an unknown
	 * link type (numbers past INT_MAX too) */
	v4_ike(&g, 0xd7);
	pg_eth(&g, 0x0800);
	pg_pktap(&g, 108, 1, DLT_EN10MB);
	pg_pktap(&g, 108, 1, PKT_LINKTYPE_PKTAP);
	decode(PKT_LINKTYPE_PKTAP, &g, &p);
	expect_other(&p, 1);
	CHECK_EQ_U(an_arg(&p, AN_LINK_UNSUPPORTED, 0), PKT_LINKTYPE_PKTAP);
	CHECK_EQ_U(p.ip_off, 108);
	v4_ike(&g, 0xd8);
	pg_eth(&g, 0x0800);
	pg_pktap(&g, 108, 1, DLT_EN10MB);
	pg_ppi(&g, 0, PKT_LINKTYPE_PKTAP, 0, 0);
	decode(DLT_PPI, &g, &p);
	expect_other(&p, 1);
	CHECK_EQ_U(an_arg(&p, AN_LINK_UNSUPPORTED, 0), PKT_LINKTYPE_PKTAP);
	v4_ike(&g, 0xd9);
	pg_eth(&g, 0x0800);
	pg_ppi(&g, 0, DLT_EN10MB, 0, 0);
	pg_pktap(&g, 108, 1, DLT_PPI);
	decode(PKT_LINKTYPE_PKTAP, &g, &p);
	expect_other(&p, 1);
	CHECK_EQ_U(an_arg(&p, AN_LINK_UNSUPPORTED, 0), DLT_PPI);
	v4_ike(&g, 0xda);
	pg_pktap(&g, 108, 1, 0xfffffff0u);
	decode(PKT_LINKTYPE_PKTAP, &g, &p);
	expect_other(&p, 1);
	CHECK_EQ_U(an_arg(&p, AN_LINK_UNSUPPORTED, 0), 0xfffffff0u);
}

/* The NFLOG attributes tcpdump -i nflog writes before the payload. */
static void
nflog_attrs(struct pg *g, int be)
{
	static const uint8_t hdr[4] = { 0x08, 0x00, 3, 0 };
	static const char prefix[] = "ipsec-in";	/* 9 bytes with NUL */
	static const uint8_t uid[4] = { 0, 0, 0x03, 0xe8 };

	pg_nflog_tlv(g, 11, uid, sizeof(uid), be);
	pg_nflog_tlv(g, 10, prefix, sizeof(prefix), be);
	pg_nflog_tlv(g, 1, hdr, sizeof(hdr), be);
}

#define NFLOG_ATTRS_LEN	(8 + 16 + 8)

static void
test_nflog(void)
{
	struct pg g;
	struct pkt p;
	size_t n;

	/* header, payload TLV */
	v4_ike(&g, 0x91);
	pg_nflog_payload(&g, 0);
	pg_nflog(&g, 2, 5);
	decode(DLT_NFLOG, &g, &p);
	expect_ike_at(&p, 4, 0x91, 8);
	expect_cuts(DLT_NFLOG, &g, 0, 8, AN_LINK_TRUNCATED);
	/* the payload's value cut (a snap length): decoded as far as it
	 * goes, here nothing of it */
	expect_cuts(DLT_NFLOG, &g, 8, 9, AN_IP_TRUNCATED);

	/* as tcpdump writes it: packet header (an ethertype), a prefix
	 * padded from 9 to 12 bytes, a uid, then the payload */
	v4_ike(&g, 0x92);
	pg_nflog_payload(&g, 0);
	nflog_attrs(&g, 0);
	pg_nflog(&g, 2, 5);
	decode(DLT_NFLOG, &g, &p);
	expect_ike_at(&p, 4, 0x92, 4 + NFLOG_ATTRS_LEN + 4);
	CHECK_EQ_U(p.ethertype, 0x0800);
	/* cut anywhere before the payload's value: the link is truncated */
	expect_cuts(DLT_NFLOG, &g, 0, 4 + NFLOG_ATTRS_LEN + 4,
	    AN_LINK_TRUNCATED);

	/* IPv6 by its family, and by the version nibble when the family
	 * is not IP's (0, AF_UNSPEC) */
	v6_ike(&g, 0x93);
	pg_nflog_payload(&g, 0);
	nflog_attrs(&g, 0);
	pg_nflog(&g, 10, 0);
	decode(DLT_NFLOG, &g, &p);
	expect_ike_at(&p, 6, 0x93, 4 + NFLOG_ATTRS_LEN + 4);
	*pg_at(&g, 0) = 0;
	decode(DLT_NFLOG, &g, &p);
	expect_ike_at(&p, 6, 0x93, 4 + NFLOG_ATTRS_LEN + 4);
	/* the family decides over the nibble, as an ethertype does */
	*pg_at(&g, 0) = 2;
	decode(DLT_NFLOG, &g, &p);
	expect_other(&p, 1);
	CHECK_EQ_U(an_count(&p, AN_IP_BAD_VERSION), 1);
	CHECK_EQ_U(an_arg(&p, AN_IP_BAD_VERSION, 1), 4);
	v4_ike(&g, 0x93);
	pg_nflog_payload(&g, 0);
	pg_nflog(&g, 10, 0);
	decode(DLT_NFLOG, &g, &p);
	expect_other(&p, 1);
	CHECK_EQ_U(an_count(&p, AN_IP_BAD_VERSION), 1);
	CHECK_EQ_U(an_arg(&p, AN_IP_BAD_VERSION, 1), 6);
	/* neither family nor nibble says IP: other, nothing wrong */
	pg_init(&g);
	pg_fill(&g, 0x11, 20);
	pg_nflog_payload(&g, 0);
	pg_nflog(&g, 7, 0);
	decode(DLT_NFLOG, &g, &p);
	expect_other(&p, 0);

	/* TLVs written big-endian (a big-endian capturing host) */
	v4_ike(&g, 0x94);
	pg_nflog_payload(&g, 1);
	nflog_attrs(&g, 1);
	pg_nflog(&g, 2, 5);
	decode(DLT_NFLOG, &g, &p);
	expect_ike_at(&p, 4, 0x94, 4 + NFLOG_ATTRS_LEN + 4);
	CHECK_EQ_U(p.ethertype, 0x0800);

	/* a payload of odd length: its padding is not the datagram's */
	pg_init(&g);
	pg_fill(&g, 0xab, 5);
	pg_isakmp_payload(&g, 0);
	pg_isakmp(&g, 0x95, 0x10, 2, 0, 0, 1);
	pg_udp(&g, 500, 500);
	pg_ipv4(&g, pg_v4a, pg_v4b, 17, 0, 1, 0);
	n = g.n;
	pg_nflog_payload(&g, 0);
	pg_nflog(&g, 2, 0);
	CHECK_EQ_U(g.n, 4 + 4 + n + 3);
	decode(DLT_NFLOG, &g, &p);
	CHECK_EQ_U(p.kind, PKT_ISAKMP);
	CHECK_EQ_U(p.an.n, 0);
	CHECK_EQ_U(p.ip_off, 8);
	CHECK_EQ_U(p.ip_caplen, n);
	check_payload_is_ike(&p, 0x95, 37);

	/* an empty TLV (length 4) is skipped */
	v4_ike(&g, 0x96);
	pg_nflog_payload(&g, 0);
	pg_nflog_tlv(&g, 2, "", 0, 0);
	pg_nflog(&g, 2, 0);
	decode(DLT_NFLOG, &g, &p);
	expect_ike_at(&p, 4, 0x96, 4 + 4 + 4);
	/* a TLV length below 4 (0, 3) is malformed: no loop, no read */
	*pg_at(&g, 4) = 0;
	decode(DLT_NFLOG, &g, &p);
	expect_other(&p, 1);
	CHECK_EQ_U(an_count(&p, AN_LINK_MALFORMED), 1);
	CHECK_EQ_U(an_arg(&p, AN_LINK_MALFORMED, 0), 4);
	CHECK_EQ_U(an_arg(&p, AN_LINK_MALFORMED, 1), 0);
	*pg_at(&g, 4) = 3;
	decode(DLT_NFLOG, &g, &p);
	CHECK_EQ_U(an_arg(&p, AN_LINK_MALFORMED, 1), 3);

	/* a TLV running past the frame, before the payload */
	v4_ike(&g, 0x97);
	pg_nflog_payload(&g, 0);
	nflog_attrs(&g, 0);
	pg_nflog(&g, 2, 0);
	pg_at(&g, 4 + 8)[0] = 0x00;	/* the prefix: 1024 bytes */
	pg_at(&g, 4 + 8)[1] = 0x04;
	decode(DLT_NFLOG, &g, &p);
	expect_other(&p, 1);
	CHECK_EQ_U(an_count(&p, AN_LINK_TRUNCATED), 1);
	CHECK_EQ_U(an_arg(&p, AN_LINK_TRUNCATED, 0), g.n);

	/* the payload TLV running past the frame: malformed when the
	 * frame is whole, the snap length's cut when it is not */
	v4_ike(&g, 0x98);
	pg_nflog_payload(&g, 0);
	pg_nflog(&g, 2, 0);
	pg_at(&g, 4)[0] = 0xff;
	decode(DLT_NFLOG, &g, &p);
	expect_other(&p, 1);
	CHECK_EQ_U(an_count(&p, AN_LINK_TRUNCATED), 1);
	CHECK_EQ_U(an_arg(&p, AN_LINK_TRUNCATED, 0), g.n);
	pg_at(&g, 4)[0] = (uint8_t)(4 + V4_IKE_LEN);
	decode_n(DLT_NFLOG, &g, 8 + 20 + 8 + 30, &p);
	CHECK_EQ_U(p.kind, PKT_ISAKMP);
	CHECK(p.snapped);
	CHECK_EQ_U(p.an.n, 1);
	CHECK_EQ_U(an_count(&p, AN_IP_SNAPLEN), 1);
	CHECK_EQ_U(cur_left(&p.payload), 30);

	/* no payload TLV: other, nothing wrong (unless snapped), and no
	 * ethertype (there is no packet to have one) */
	pg_init(&g);
	nflog_attrs(&g, 0);
	pg_nflog(&g, 2, 0);
	decode(DLT_NFLOG, &g, &p);
	expect_other(&p, 0);
	CHECK_EQ_U(p.ethertype, 0);

	/* ESP */
	v4_esp(&g, 0xe5e5e5e5);
	pg_nflog_payload(&g, 0);
	nflog_attrs(&g, 0);
	pg_nflog(&g, 2, 0);
	decode(DLT_NFLOG, &g, &p);
	expect_esp(&p, 0xe5e5e5e5, 4 + NFLOG_ATTRS_LEN + 4);
}

static void
test_ipv4_header(void)
{
	struct pg g;
	struct pkt p;

	/* options: 4 and 40 bytes */
	ike_msg(&g, 0x81, 0x10);
	pg_udp(&g, 500, 500);
	pg_ipv4(&g, pg_v4a, pg_v4b, 17, 4, 1, 0);
	decode(DLT_RAW, &g, &p);
	expect_ike(&p, 4, 0x81);
	CHECK_EQ_U(p.ip_len, 24 + 8 + 36);
	ike_msg(&g, 0x82, 0x10);
	pg_udp(&g, 500, 500);
	pg_ipv4(&g, pg_v4a, pg_v4b, 17, 40, 1, 0);
	decode(DLT_RAW, &g, &p);
	expect_ike(&p, 4, 0x82);

	/* header length 16 (< 20) */
	v4_ike(&g, 0x83);
	*pg_at(&g, 0) = 0x44;
	decode(DLT_RAW, &g, &p);
	CHECK_EQ_U(p.kind, PKT_OTHER);
	CHECK_EQ_U(an_count(&p, AN_IP_BAD_HLEN), 1);
	CHECK_EQ_U(an_arg(&p, AN_IP_BAD_HLEN, 0), 16);

	/* total length shorter than the header */
	v4_ike(&g, 0x84);
	*pg_at(&g, 2) = 0;
	*pg_at(&g, 3) = 19;
	decode(DLT_RAW, &g, &p);
	CHECK_EQ_U(p.kind, PKT_OTHER);
	CHECK_EQ_U(an_count(&p, AN_IP_BAD_HLEN), 1);

	/* Ethernet says IPv4, the header says 6 */
	v6_ike(&g, 0x85);
	pg_eth(&g, 0x0800);
	decode(DLT_EN10MB, &g, &p);
	CHECK_EQ_U(p.kind, PKT_OTHER);
	CHECK_EQ_U(an_count(&p, AN_IP_BAD_VERSION), 1);
	CHECK_EQ_U(an_arg(&p, AN_IP_BAD_VERSION, 0), 6);
	CHECK_EQ_U(an_arg(&p, AN_IP_BAD_VERSION, 1), 4);
	/* and the other way round */
	v4_ike(&g, 0x86);
	pg_eth(&g, 0x86dd);
	decode(DLT_EN10MB, &g, &p);
	CHECK_EQ_U(an_count(&p, AN_IP_BAD_VERSION), 1);
	CHECK_EQ_U(an_arg(&p, AN_IP_BAD_VERSION, 1), 6);

	/* header cut short */
	v4_ike(&g, 0x87);
	pg_eth(&g, 0x0800);
	decode_n(DLT_EN10MB, &g, 14 + 12, &p);
	CHECK_EQ_U(p.kind, PKT_OTHER);
	CHECK_EQ_U(an_count(&p, AN_IP_TRUNCATED), 1);
	CHECK_EQ_U(an_arg(&p, AN_IP_TRUNCATED, 0), 12);

	/* Ethernet padding after a short datagram: noted, still decoded */
	v4_ike(&g, 0x88);
	pg_append(&g, "\0\0\0\0\0\0", 6);
	pg_eth(&g, 0x0800);
	decode(DLT_EN10MB, &g, &p);
	CHECK_EQ_U(p.kind, PKT_ISAKMP);
	CHECK_EQ_U(an_count(&p, AN_IP_TRAILER), 1);
	CHECK_EQ_U(an_arg(&p, AN_IP_TRAILER, 0), 6);
	check_payload_is_ike(&p, 0x88, 36);	/* padding not in the message */
	CHECK_EQ_U(p.ip_caplen, 20 + 8 + 36);	/* nor in the datagram */

	/* Snap length: the datagram is cut, what is there is decoded, and
	 * the UDP length (which is right) is not an error. */
	v4_ike(&g, 0x89);
	pg_eth(&g, 0x0800);
	decode_n(DLT_EN10MB, &g, 14 + 20 + 8 + 30, &p);
	CHECK_EQ_U(p.kind, PKT_ISAKMP);
	CHECK(p.snapped);
	CHECK_EQ_U(p.ip_len, 20 + 8 + 36);
	CHECK_EQ_U(an_count(&p, AN_IP_SNAPLEN), 1);
	CHECK_EQ_U(an_arg(&p, AN_IP_SNAPLEN, 0), 64);
	CHECK_EQ_U(an_arg(&p, AN_IP_SNAPLEN, 1), 58);
	CHECK_EQ_U(an_count(&p, AN_UDP_BAD_LEN), 0);
	CHECK_EQ_U(cur_left(&p.payload), 30);
	CHECK_EQ_U(p.ip_caplen, 20 + 8 + 30);
	CHECK_EQ_U(p.ip_wirelen, 20 + 8 + 36);
}

static void
test_udp(void)
{
	struct pg g;
	struct pkt p;

	/* UDP length 7 */
	v4_ike(&g, 0x91);
	*pg_at(&g, 20 + 4) = 0;
	*pg_at(&g, 20 + 5) = 7;
	decode(DLT_RAW, &g, &p);
	CHECK_EQ_U(an_count(&p, AN_UDP_BAD_LEN), 1);
	CHECK_EQ_U(an_arg(&p, AN_UDP_BAD_LEN, 0), 7);
	CHECK_EQ_U(an_arg(&p, AN_UDP_BAD_LEN, 1), 44);

	/* UDP length past the IP datagram */
	v4_ike(&g, 0x92);
	*pg_at(&g, 20 + 5) = 200;
	decode(DLT_RAW, &g, &p);
	CHECK_EQ_U(an_count(&p, AN_UDP_BAD_LEN), 1);
	CHECK_EQ_U(an_arg(&p, AN_UDP_BAD_LEN, 0), 200);
	CHECK_EQ_U(p.kind, PKT_ISAKMP);		/* still classified */

	/* UDP length shorter than the datagram: the payload ends there */
	v4_ike(&g, 0x93);
	*pg_at(&g, 20 + 5) = 8 + 28;
	decode(DLT_RAW, &g, &p);
	CHECK_EQ_U(p.an.n, 0);
	CHECK_EQ_U(cur_left(&p.payload), 28);

	/* UDP header cut short (IP says 4 bytes of payload) */
	pg_init(&g);
	pg_fill(&g, 0x01, 4);
	pg_ipv4(&g, pg_v4a, pg_v4b, 17, 0, 1, 0);
	decode(DLT_RAW, &g, &p);
	CHECK_EQ_U(p.kind, PKT_OTHER);
	CHECK(!p.has_ports);
	CHECK_EQ_U(an_count(&p, AN_UDP_TRUNCATED), 1);
	CHECK_EQ_U(an_arg(&p, AN_UDP_TRUNCATED, 0), 4);
}

static void
test_ipv6_ext(void)
{
	struct pg g;
	struct pkt p;
	int i;

	/* hop-by-hop, destination options, routing, then UDP */
	ike_msg(&g, 0xa1, 0x10);
	pg_udp(&g, 500, 500);
	pg_v6ext(&g, 17, 0);		/* routing */
	pg_v6ext(&g, 43, 2);		/* dest opts, 24 bytes */
	pg_v6ext(&g, 60, 0);		/* hop-by-hop */
	pg_ipv6(&g, pg_v6a, pg_v6b, 0);
	pg_eth(&g, 0x86dd);
	decode(DLT_EN10MB, &g, &p);
	expect_ike(&p, 6, 0xa1);
	CHECK_EQ_U(p.proto, 17);
	CHECK_EQ_U(p.ip_len, 40 + 8 + 24 + 8 + 8 + 36);

	/* an extension header that runs past the datagram */
	ike_msg(&g, 0xa2, 0x10);
	pg_udp(&g, 500, 500);
	pg_v6ext(&g, 17, 200);		/* claims 1608 bytes */
	pg_ipv6(&g, pg_v6a, pg_v6b, 60);
	/* the builder wrote them all; cut the datagram after 64 bytes */
	pg_at(&g, 4)[0] = 0;
	pg_at(&g, 4)[1] = 64;
	decode_n(DLT_RAW, &g, 40 + 64, &p);
	CHECK_EQ_U(p.kind, PKT_OTHER);
	CHECK_EQ_U(an_count(&p, AN_IPV6_EXT_TRUNCATED), 1);
	CHECK_EQ_U(an_arg(&p, AN_IPV6_EXT_TRUNCATED, 0), 60);

	/* more than PKT_MAX_EXT_HDRS headers */
	ike_msg(&g, 0xa3, 0x10);
	pg_udp(&g, 500, 500);
	pg_v6ext(&g, 17, 0);
	for (i = 0; i < PKT_MAX_EXT_HDRS; i++)
		pg_v6ext(&g, 60, 0);
	pg_ipv6(&g, pg_v6a, pg_v6b, 60);
	decode(DLT_RAW, &g, &p);
	CHECK_EQ_U(p.kind, PKT_OTHER);
	CHECK_EQ_U(an_count(&p, AN_IPV6_EXT_LOOP), 1);
	CHECK_EQ_U(an_arg(&p, AN_IPV6_EXT_LOOP, 0), PKT_MAX_EXT_HDRS);

	/* no next header */
	pg_init(&g);
	pg_ipv6(&g, pg_v6a, pg_v6b, 59);
	decode(DLT_RAW, &g, &p);
	CHECK_EQ_U(p.kind, PKT_OTHER);
	CHECK_EQ_U(p.proto, 59);
	CHECK_EQ_U(p.an.n, 0);

	/* IPv6 header cut short */
	v6_ike(&g, 0xa4);
	decode_n(DLT_RAW, &g, 39, &p);
	CHECK_EQ_U(an_count(&p, AN_IP_TRUNCATED), 1);
	CHECK_EQ_U(p.af, 0);

	/* payload length 0 (jumbogram or unknown): the captured bytes */
	v6_ike(&g, 0xa5);
	*pg_at(&g, 4) = 0;
	*pg_at(&g, 5) = 0;
	decode(DLT_RAW, &g, &p);
	expect_ike(&p, 6, 0xa5);

	/* snap length on IPv6 */
	v6_ike(&g, 0xa6);
	decode_n(DLT_RAW, &g, 40 + 8 + 30, &p);
	CHECK_EQ_U(p.kind, PKT_ISAKMP);
	CHECK(p.snapped);
	CHECK_EQ_U(p.ip_len, 40 + 8 + 36);
	CHECK_EQ_U(p.ip_off, 0);
	CHECK_EQ_U(p.ip_caplen, 40 + 8 + 30);
	CHECK_EQ_U(p.ip_wirelen, 40 + 8 + 36);
	CHECK_EQ_U(an_count(&p, AN_IP_SNAPLEN), 1);
	CHECK_EQ_U(an_count(&p, AN_UDP_BAD_LEN), 0);
}

static void
test_ah(void)
{
	struct pg g;
	struct pkt p;

	/* IPv4, AH (96-bit ICV) then UDP 500 */
	ike_msg(&g, 0xb1, 0x10);
	pg_udp(&g, 500, 500);
	pg_ah(&g, 17, 3, 0x1000);
	pg_ipv4(&g, pg_v4a, pg_v4b, 51, 0, 1, 0);
	decode(DLT_RAW, &g, &p);
	expect_ike(&p, 4, 0xb1);
	CHECK_EQ_U(p.proto, 17);

	/* IPv4, AH then ESP */
	pg_init(&g);
	pg_fill(&g, 0, 16);
	pg_esp(&g, 0xabcdef01, 5);
	pg_ah(&g, 50, 3, 0x1000);
	pg_ipv4(&g, pg_v4a, pg_v4b, 51, 0, 1, 0);
	decode(DLT_RAW, &g, &p);
	CHECK_EQ_U(p.kind, PKT_ESP);
	CHECK_EQ_U(p.proto, 50);
	CHECK_EQ_U(cur_left(&p.payload), 24);
	CHECK_EQ_U(cur_peek_u8(&p.payload, 0, NULL), 0xab);

	/* IPv6, hop-by-hop, AH (128-bit ICV), ESP */
	pg_init(&g);
	pg_fill(&g, 0, 16);
	pg_esp(&g, 0x11223344, 5);
	pg_ah(&g, 50, 4, 0x1000);
	pg_v6ext(&g, 51, 0);
	pg_ipv6(&g, pg_v6a, pg_v6b, 0);
	decode(DLT_RAW, &g, &p);
	CHECK_EQ_U(p.kind, PKT_ESP);
	CHECK_EQ_U(cur_peek_u8(&p.payload, 0, NULL), 0x11);

	/* AH claiming more than there is */
	pg_init(&g);
	pg_fill(&g, 0, 8);
	pg_ah(&g, 17, 3, 0x1000);
	pg_ipv4(&g, pg_v4a, pg_v4b, 51, 0, 1, 0);
	*pg_at(&g, 21) = 40;		/* AH length field */
	decode(DLT_RAW, &g, &p);
	CHECK_EQ_U(p.kind, PKT_OTHER);
	CHECK_EQ_U(an_count(&p, AN_AH_TRUNCATED), 1);
	CHECK_EQ_U(an_arg(&p, AN_AH_TRUNCATED, 0), 24 + 8);
}

/* ---- fragments */

/* The UDP datagram (header + IKE message of 8 + 28 + 4 + 60 bytes). */
static void
frag_dgram(struct pg *dg, uint8_t ic)
{
	pg_init(dg);
	pg_fill(dg, ic, 60);
	pg_isakmp_payload(dg, 0);
	pg_isakmp(dg, ic, 0x10, 2, 0, 0, 1);
	pg_udp(dg, 500, 500);
}

static void
v4_frag(struct pg *g, const struct pg *dg, size_t off, size_t len,
    bool more, uint16_t id)
{
	pg_init(g);
	pg_append(g, pg_data(dg) + off, len);
	pg_ipv4(g, pg_v4a, pg_v4b, 17, 0, id,
	    (uint16_t)(off / 8 | (more ? 0x2000 : 0)));
	pg_eth(g, 0x0800);
}

static void
v6_frag(struct pg *g, const struct pg *dg, size_t off, size_t len,
    bool more, uint32_t id)
{
	pg_init(g);
	pg_append(g, pg_data(dg) + off, len);
	pg_v6frag(g, 17, (uint16_t)off, more, id);
	pg_v6ext(g, 44, 0);		/* hop-by-hop before the fragment */
	pg_ipv6(g, pg_v6a, pg_v6b, 0);
	pg_eth(g, 0x86dd);
}

static void
expect_fragment(const struct pkt *p, uint32_t id, uint32_t off, bool more)
{
	CHECK_EQ_U(p->kind, PKT_OTHER);
	CHECK(p->fragment);
	CHECK(!p->reassembled);
	CHECK_EQ_U(p->frag_id, id);
	CHECK_EQ_U(p->frag_off, off);
	CHECK_EQ_U(p->frag_more, more);
	CHECK(!p->has_ports);
	CHECK_EQ_U(p->an.n, 0);
}

static void
expect_reassembled(const struct pkt *p, uint8_t ic, unsigned nfrags,
    uint32_t first)
{
	CHECK_EQ_U(p->kind, PKT_ISAKMP);
	CHECK(!p->fragment);
	CHECK(p->reassembled);
	CHECK_EQ_U(p->nfrags, nfrags);
	CHECK_EQ_U(p->first_frame, first);
	CHECK(p->has_ports);
	CHECK_EQ_U(p->sport, 500);
	check_payload_is_ike(p, ic, 92);
}

static void
test_frag_v4(void)
{
	struct pg dg, g;
	struct pkt p;
	uint32_t f1;

	/* in order: 3 fragments of 40, 40 and 20 bytes (UDP 100) */
	frag_dgram(&dg, 0xc1);
	CHECK_EQ_U(dg.n, 100);
	v4_frag(&g, &dg, 0, 40, true, 0x100);
	decode(DLT_EN10MB, &g, &p);
	f1 = p.frame;
	expect_fragment(&p, 0x100, 0, true);
	v4_frag(&g, &dg, 40, 40, true, 0x100);
	decode(DLT_EN10MB, &g, &p);
	expect_fragment(&p, 0x100, 40, true);
	v4_frag(&g, &dg, 80, 20, false, 0x100);
	decode(DLT_EN10MB, &g, &p);
	expect_reassembled(&p, 0xc1, 3, f1);

	/* out of order: last, first, middle */
	frag_dgram(&dg, 0xc2);
	v4_frag(&g, &dg, 80, 20, false, 0x101);
	decode(DLT_EN10MB, &g, &p);
	f1 = p.frame;
	expect_fragment(&p, 0x101, 80, false);
	v4_frag(&g, &dg, 0, 40, true, 0x101);
	decode(DLT_EN10MB, &g, &p);
	expect_fragment(&p, 0x101, 0, true);
	v4_frag(&g, &dg, 40, 40, true, 0x101);
	decode(DLT_EN10MB, &g, &p);
	expect_reassembled(&p, 0xc2, 3, f1);

	/* exact duplicate: noted, ignored; the datagram still completes */
	frag_dgram(&dg, 0xc3);
	v4_frag(&g, &dg, 0, 48, true, 0x102);
	decode(DLT_EN10MB, &g, &p);
	f1 = p.frame;
	decode(DLT_EN10MB, &g, &p);
	CHECK(p.fragment);
	CHECK_EQ_U(an_count(&p, AN_FRAG_DUPLICATE), 1);
	CHECK_EQ_U(an_arg(&p, AN_FRAG_DUPLICATE, 0), 0x102);
	v4_frag(&g, &dg, 48, 52, false, 0x102);
	decode(DLT_EN10MB, &g, &p);
	expect_reassembled(&p, 0xc3, 2, f1);

	/* overlap with different bytes: the datagram is dropped, the frame
	 * that would have completed it is a fragment with the anomaly */
	frag_dgram(&dg, 0xc4);
	v4_frag(&g, &dg, 0, 48, true, 0x103);
	decode(DLT_EN10MB, &g, &p);
	v4_frag(&g, &dg, 40, 60, false, 0x103);
	*pg_at(&g, 14 + 20) ^= 0xff;	/* differs in the overlap */
	decode(DLT_EN10MB, &g, &p);
	CHECK(p.fragment);
	CHECK(!p.reassembled);
	CHECK_EQ_U(p.kind, PKT_OTHER);
	CHECK_EQ_U(an_count(&p, AN_FRAG_OVERLAP), 1);
	CHECK_EQ_U(an_arg(&p, AN_FRAG_OVERLAP, 0), 0x103);

	/* oversize: offset 65528 + 16 bytes > 65535 */
	frag_dgram(&dg, 0xc5);
	v4_frag(&g, &dg, 0, 16, false, 0x104);
	*pg_at(&g, 14 + 6) = 0x1f;
	*pg_at(&g, 14 + 7) = 0xff;
	decode(DLT_EN10MB, &g, &p);
	CHECK(p.fragment);
	CHECK_EQ_U(p.frag_off, 65528);
	CHECK_EQ_U(an_count(&p, AN_FRAG_OVERSIZE), 1);

	/* non-last fragment whose length is not a multiple of 8 */
	frag_dgram(&dg, 0xc6);
	v4_frag(&g, &dg, 0, 44, true, 0x105);
	decode(DLT_EN10MB, &g, &p);
	CHECK(p.fragment);
	CHECK_EQ_U(an_count(&p, AN_FRAG_INCONSISTENT), 1);

	/* timeout: a datagram left incomplete expires when capture time
	 * moves on by more than the maximum age */
	frag_dgram(&dg, 0xc7);
	v4_frag(&g, &dg, 0, 48, true, 0x106);
	decode(DLT_EN10MB, &g, &p);
	CHECK_EQ_U(p.an.n, 0);
	now += REASM_DEF_MAX_AGE + 1;
	v4_frag(&g, &dg, 0, 48, true, 0x107);
	decode(DLT_EN10MB, &g, &p);
	CHECK(p.fragment);
	CHECK_EQ_U(an_count(&p, AN_FRAG_TIMEOUT), 1);
	/* the expired datagram's last fragment now completes nothing */
	v4_frag(&g, &dg, 48, 52, false, 0x106);
	decode(DLT_EN10MB, &g, &p);
	CHECK(p.fragment);
	CHECK(!p.reassembled);

	/* a first fragment cut by the snap length: not reassembled (no
	 * "inconsistent" drop), decoded as far as it goes, as tshark does */
	frag_dgram(&dg, 0xc8);
	v4_frag(&g, &dg, 0, 48, true, 0x108);
	decode_n(DLT_EN10MB, &g, 14 + 20 + 41, &p);
	CHECK(p.fragment);
	CHECK(p.snapped);
	CHECK_EQ_U(p.kind, PKT_ISAKMP);
	CHECK_EQ_U(an_count(&p, AN_FRAG_INCONSISTENT), 0);
	CHECK_EQ_U(an_count(&p, AN_UDP_BAD_LEN), 0);
	CHECK_EQ_U(an_count(&p, AN_IP_SNAPLEN), 1);
	/* and a later one cut short is just a fragment */
	v4_frag(&g, &dg, 48, 52, false, 0x108);
	decode_n(DLT_EN10MB, &g, 14 + 20 + 10, &p);
	CHECK(p.fragment);
	CHECK_EQ_U(p.kind, PKT_OTHER);
	CHECK_EQ_U(an_count(&p, AN_FRAG_INCONSISTENT), 0);
}

static void
test_frag_v6(void)
{
	struct pg dg, g;
	struct pkt p;
	uint32_t f1;

	frag_dgram(&dg, 0xd1);
	v6_frag(&g, &dg, 0, 48, true, 0xabcdef01);
	decode(DLT_EN10MB, &g, &p);
	f1 = p.frame;
	expect_fragment(&p, 0xabcdef01, 0, true);
	CHECK_EQ_U(p.af, 6);
	v6_frag(&g, &dg, 48, 52, false, 0xabcdef01);
	decode(DLT_EN10MB, &g, &p);
	expect_reassembled(&p, 0xd1, 2, f1);
	CHECK_EQ_U(p.proto, 17);

	/* out of order */
	frag_dgram(&dg, 0xd2);
	v6_frag(&g, &dg, 48, 52, false, 0x77);
	decode(DLT_EN10MB, &g, &p);
	f1 = p.frame;
	expect_fragment(&p, 0x77, 48, false);
	v6_frag(&g, &dg, 0, 48, true, 0x77);
	decode(DLT_EN10MB, &g, &p);
	expect_reassembled(&p, 0xd2, 2, f1);

	/* atomic fragment (offset 0, no M): whole, never a "fragment" */
	frag_dgram(&dg, 0xd3);
	v6_frag(&g, &dg, 0, 100, false, 0x78);
	decode(DLT_EN10MB, &g, &p);
	CHECK_EQ_U(p.kind, PKT_ISAKMP);
	CHECK(!p.fragment);
	CHECK(!p.reassembled);
	check_payload_is_ike(&p, 0xd3, 92);

	/* a second fragment header inside the reassembled datagram */
	pg_init(&dg);
	pg_fill(&dg, 0xee, 8);
	pg_v6frag(&dg, 17, 0, 1, 0x99);
	v6_frag(&g, &dg, 0, 8, true, 0x79);
	*pg_at(&g, 14 + 40 + 8) = 44;	/* fragment's next header: 44 */
	decode(DLT_EN10MB, &g, &p);
	CHECK(p.fragment);
	v6_frag(&g, &dg, 8, 8, false, 0x79);
	*pg_at(&g, 14 + 40 + 8) = 44;
	decode(DLT_EN10MB, &g, &p);
	CHECK(p.reassembled);
	CHECK_EQ_U(p.kind, PKT_OTHER);
	CHECK_EQ_U(an_count(&p, AN_IPV6_FRAG_REPEATED), 1);
	CHECK_EQ_U(an_arg(&p, AN_IPV6_FRAG_REPEATED, 0), 17);

	/* IPv6 fragment header cut short */
	pg_init(&g);
	pg_fill(&g, 0, 4);
	pg_ipv6(&g, pg_v6a, pg_v6b, 44);
	decode(DLT_RAW, &g, &p);
	CHECK_EQ_U(an_count(&p, AN_IPV6_EXT_TRUNCATED), 1);
	CHECK_EQ_U(an_arg(&p, AN_IPV6_EXT_TRUNCATED, 0), 44);
}

static void
test_names(void)
{
	char buf[64];

	CHECK_STR(pkt_kind_name(PKT_OTHER), "other");
	CHECK_STR(pkt_kind_name(PKT_ESP), "esp");
	CHECK_STR(pkt_kind_name((enum pkt_kind)99), "other");
	CHECK_STR(pkt_addr_str(4, pg_v4a, buf, sizeof(buf)), "192.0.2.1");
	CHECK_STR(pkt_addr_str(6, pg_v6b, buf, sizeof(buf)), "2001:db8::2");
	CHECK_STR(pkt_addr_str(6, pg_v6b, buf, 4), "?");
	/* IPv4 is written without inet_ntop: every octet width, and all
	 * 256 values against inet_ntop */
	{
		static const uint8_t a[4] = { 0, 9, 10, 255 },
		    b[4] = { 100, 99, 1, 200 };
		uint8_t c[4];
		char want[16];
		unsigned v, bad = 0;

		CHECK_STR(pkt_addr_str(4, a, buf, sizeof(buf)),
		    "0.9.10.255");
		CHECK_STR(pkt_addr_str(4, b, buf, 16), "100.99.1.200");
		CHECK_STR(pkt_addr_str(4, b, buf, 8), "?");
		for (v = 0; v < 256; v++) {
			c[0] = (uint8_t)v;
			c[1] = (uint8_t)(255 - v);
			c[2] = (uint8_t)(v * 7);
			c[3] = (uint8_t)(v / 3);
			inet_ntop(AF_INET, c, want, sizeof(want));
			bad += strcmp(pkt_addr_str(4, c, buf, sizeof(buf)),
			    want) != 0;
		}
		CHECK_EQ_U(bad, 0);
	}
	/* IPv6 too: every pattern of zero groups, with values of every
	 * width, the IPv4-compatible and -mapped forms, against inet_ntop */
	{
		static const uint8_t fixed[][16] = {
			{ 0 },
			{ [15] = 1 },
			{ [10] = 0xff, [11] = 0xff },
			{ [10] = 0xff, [11] = 0xff, [12] = 192, [15] = 1 },
			{ [12] = 10, [15] = 1 },
			{ [0] = 0x20, [1] = 0x01, [15] = 0 },
			{ [2] = 0, [3] = 1, [10] = 0xff, [11] = 0xff, [12] = 1 },
		};
		static const unsigned vals[] = { 1, 0xf, 0x10, 0xab, 0x100,
		    0xfff, 0x1000, 0xffff, 0xffff };
		uint8_t c[16];
		char want[64];
		unsigned m, i, k, bad = 0;

		for (k = 0; k < sizeof(fixed) / sizeof(fixed[0]); k++) {
			inet_ntop(AF_INET6, fixed[k], want, sizeof(want));
			bad += strcmp(pkt_addr_str(6, fixed[k], buf,
			    sizeof(buf)), want) != 0;
		}
		for (m = 0; m < 256; m++)
			for (k = 0; k < 9; k++) {
				for (i = 0; i < 8; i++) {
					unsigned v = m >> i & 1 ? 0 :
					    vals[(i + k) % 9];

					/* the mapped form's marker */
					if (k == 8 && i == 5)
						v = 0xffff;
					c[2 * i] = (uint8_t)(v >> 8);
					c[2 * i + 1] = (uint8_t)v;
				}
				inet_ntop(AF_INET6, c, want, sizeof(want));
				if (strcmp(pkt_addr_str(6, c, buf,
				    sizeof(buf)), want) != 0) {
					if (bad++ < 5)
						fprintf(stderr, "%s != %s\n",
						    buf, want);
				}
			}
		CHECK_EQ_U(bad, 0);
		CHECK_STR(pkt_addr_str(6, fixed[3], buf, 45), "?");
	}
}

int
main(void)
{
	char err[128];

	if (pkt_decoder_init(&dec, NULL, err, sizeof(err)) == -1) {
		fprintf(stderr, "%s\n", err);
		return 1;
	}
	test_basic_v4();
	test_links();
	test_pppoe();
	test_mpls();
	test_ppp();
	test_chdlc();
	test_nflog();
	test_enc_pflog();
	test_ppp_ether_pppd();
	test_wlan();
	test_radiotap();
	test_ppi();
	test_pktap();
	test_ipv4_header();
	test_udp();
	test_ipv6_ext();
	test_ah();
	test_frag_v4();
	test_frag_v6();
	test_ports();
	test_names();
	pkt_decoder_free(&dec);
	return check_done("test_pkt");
}
