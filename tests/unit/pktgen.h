/*
 * pktgen.h - a small frame builder for the packet-layer unit tests.
 *
 * A frame is built from the inside out: start with the payload, then
 * prepend each header; a header that carries a length (UDP, IPv4 total
 * length, IPv6 payload length, ISAKMP length) takes it from what is
 * already in the buffer, so the lengths are right unless a test overrides
 * them afterwards (pg_at gives write access to any byte).
 *
 *	struct pg g;
 *	pg_init(&g);
 *	pg_isakmp(&g, 0x11, 0x10, 2, 0, 0, 0);	   ISAKMP header, no payloads
 *	pg_udp(&g, 500, 500);
 *	pg_ipv4(&g, pg_v4a, pg_v4b, 17, 0, 0x1234, 0);
 *	pg_eth(&g, 0x0800);
 *	pkt_decode(&d, DLT_EN10MB, pg_data(&g), g.n, &p);
 *
 * Checksums are left zero (the decoder does not check them).
 */
#ifndef IKESCOPE_PKTGEN_H
#define IKESCOPE_PKTGEN_H

#include <stdint.h>
#include <string.h>

#define PG_MAX	8192

struct pg {
	uint8_t	b[PG_MAX];
	size_t	s;		/* data is b[s .. PG_MAX) */
	size_t	n;		/* PG_MAX - s */
};

static const uint8_t pg_v4a[4] = { 192, 0, 2, 1 };
static const uint8_t pg_v4b[4] = { 192, 0, 2, 2 };
static const uint8_t pg_v6a[16] = { 0x20, 0x01, 0x0d, 0xb8, [15] = 1 };
static const uint8_t pg_v6b[16] = { 0x20, 0x01, 0x0d, 0xb8, [15] = 2 };

static inline void
pg_init(struct pg *g)
{
	g->s = PG_MAX;
	g->n = 0;
}

static inline const uint8_t *
pg_data(const struct pg *g)
{
	return g->b + g->s;
}

/* Byte i of the frame as it is now (for tests that corrupt a field). */
static inline uint8_t *
pg_at(struct pg *g, size_t i)
{
	return g->b + g->s + i;
}

static inline void
pg_prepend(struct pg *g, const void *p, size_t n)
{
	g->s -= n;
	g->n += n;
	memcpy(g->b + g->s, p, n);
}

/* Append to the end (building a payload before any header). */
static inline void
pg_append(struct pg *g, const void *p, size_t n)
{
	memmove(g->b + g->s - n, g->b + g->s, g->n);
	g->s -= n;
	memcpy(g->b + PG_MAX - n, p, n);
	g->n += n;
}

static inline void
pg_fill(struct pg *g, uint8_t v, size_t n)
{
	uint8_t tmp[PG_MAX];

	memset(tmp, v, n);
	pg_append(g, tmp, n);
}

static inline void
pg_w16(uint8_t *p, uint16_t v)
{
	p[0] = (uint8_t)(v >> 8);
	p[1] = (uint8_t)v;
}

static inline void
pg_w32(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)(v >> 24);
	p[1] = (uint8_t)(v >> 16);
	p[2] = (uint8_t)(v >> 8);
	p[3] = (uint8_t)v;
}

/* ---- upper layers */

/* ISAKMP/IKE header; cookies are filled with ic / ic + 0x80 (rcookie 0
 * when ic is 0).  Length = 28 + what is in the buffer. */
static inline void
pg_isakmp(struct pg *g, uint8_t ic, uint8_t version, uint8_t exch,
    uint8_t flags, uint32_t msgid, uint8_t np)
{
	uint8_t h[28];

	memset(h, ic, 8);
	memset(h + 8, ic == 0 ? 0 : (uint8_t)(ic + 0x80), 8);
	h[16] = np;
	h[17] = version;
	h[18] = exch;
	h[19] = flags;
	pg_w32(h + 20, msgid);
	pg_w32(h + 24, (uint32_t)(28 + g->n));
	pg_prepend(g, h, sizeof(h));
}

/* A generic ISAKMP payload header (np, length = 4 + what follows). */
static inline void
pg_isakmp_payload(struct pg *g, uint8_t np)
{
	uint8_t h[4] = { np, 0, 0, 0 };

	pg_w16(h + 2, (uint16_t)(4 + g->n));
	pg_prepend(g, h, sizeof(h));
}

static inline void
pg_esp(struct pg *g, uint32_t spi, uint32_t seq)
{
	uint8_t h[8];

	pg_w32(h, spi);
	pg_w32(h + 4, seq);
	pg_prepend(g, h, sizeof(h));
}

/* RFC 3948 non-ESP marker. */
static inline void
pg_marker(struct pg *g)
{
	static const uint8_t m[4];

	pg_prepend(g, m, sizeof(m));
}

static inline void
pg_udp(struct pg *g, uint16_t sport, uint16_t dport)
{
	uint8_t h[8] = { 0 };

	pg_w16(h, sport);
	pg_w16(h + 2, dport);
	pg_w16(h + 4, (uint16_t)(8 + g->n));
	pg_prepend(g, h, sizeof(h));
}

/* ---- IP */

/* IPv4 with optlen bytes of options (NOPs, a multiple of 4); fo is the
 * flags/fragment-offset field as on the wire (offset in 8-byte units,
 * 0x2000 = MF). */
static inline void
pg_ipv4(struct pg *g, const uint8_t *src, const uint8_t *dst, uint8_t proto,
    size_t optlen, uint16_t id, uint16_t fo)
{
	uint8_t h[60];
	size_t hl = 20 + optlen;

	memset(h, 0, sizeof(h));
	h[0] = (uint8_t)(0x40 | (hl / 4));
	pg_w16(h + 2, (uint16_t)(hl + g->n));
	pg_w16(h + 4, id);
	pg_w16(h + 6, fo);
	h[8] = 64;
	h[9] = proto;
	memcpy(h + 12, src, 4);
	memcpy(h + 16, dst, 4);
	memset(h + 20, 1, optlen);	/* NOP options */
	pg_prepend(g, h, hl);
}

static inline void
pg_ipv6(struct pg *g, const uint8_t *src, const uint8_t *dst, uint8_t nh)
{
	uint8_t h[40];

	memset(h, 0, sizeof(h));
	h[0] = 0x60;
	pg_w16(h + 4, (uint16_t)g->n);
	h[6] = nh;
	h[7] = 64;
	memcpy(h + 8, src, 16);
	memcpy(h + 24, dst, 16);
	pg_prepend(g, h, sizeof(h));
}

/* Hop-by-hop (0), routing (43) or destination options (60) header of
 * 8 * (units + 1) bytes, padded with PadN. */
static inline void
pg_v6ext(struct pg *g, uint8_t nh, uint8_t units)
{
	uint8_t h[8 * 256];
	size_t n = 8 * ((size_t)units + 1);

	memset(h, 0, n);
	h[0] = nh;
	h[1] = units;
	h[2] = 1;		/* PadN */
	h[3] = (uint8_t)(n - 4);
	pg_prepend(g, h, n);
}

/* IPv6 fragment header: offset in bytes (multiple of 8), more flag. */
static inline void
pg_v6frag(struct pg *g, uint8_t nh, uint16_t off, int more, uint32_t id)
{
	uint8_t h[8] = { 0 };

	h[0] = nh;
	pg_w16(h + 2, (uint16_t)((off & 0xfff8) | (more ? 1 : 0)));
	pg_w32(h + 4, id);
	pg_prepend(g, h, sizeof(h));
}

/* AH (RFC 4302) with an ICV of icv_words 32-bit words. */
static inline void
pg_ah(struct pg *g, uint8_t nh, uint8_t icv_words, uint32_t spi)
{
	uint8_t h[12 + 4 * 255];
	size_t n = 12 + 4 * (size_t)icv_words;

	memset(h, 0xcc, n);
	h[0] = nh;
	h[1] = (uint8_t)(n / 4 - 2);
	h[2] = h[3] = 0;
	pg_w32(h + 4, spi);
	pg_w32(h + 8, 1);
	pg_prepend(g, h, n);
}

/* ---- link layers */

static inline void
pg_eth(struct pg *g, uint16_t ethertype)
{
	uint8_t h[14];

	memset(h, 0x02, 6);
	memset(h + 6, 0x04, 6);
	pg_w16(h + 12, ethertype);
	pg_prepend(g, h, sizeof(h));
}

/* A VLAN tag body (TCI, inner ethertype); the TPID is the ethertype of
 * whatever is prepended next (pg_eth(g, 0x8100) or another tag). */
static inline void
pg_vlan(struct pg *g, uint16_t tci, uint16_t inner)
{
	uint8_t h[4];

	pg_w16(h, tci);
	pg_w16(h + 2, inner);
	pg_prepend(g, h, sizeof(h));
}

static inline void
pg_sll(struct pg *g, uint16_t proto)
{
	uint8_t h[16] = { 0, 0, 0, 1, 0, 6, 2, 2, 2, 2, 2, 2, 0, 0 };

	pg_w16(h + 14, proto);
	pg_prepend(g, h, sizeof(h));
}

static inline void
pg_sll2(struct pg *g, uint16_t proto)
{
	uint8_t h[20] = { 0 };

	pg_w16(h, proto);
	h[7] = 3;		/* ifindex */
	h[9] = 1;		/* ARPHRD_ETHER */
	h[11] = 6;
	memset(h + 12, 2, 6);
	pg_prepend(g, h, sizeof(h));
}

/* DLT_NULL: address family in host byte order; big says which order the
 * writer used (both occur in files). */
static inline void
pg_null(struct pg *g, uint32_t af, int big)
{
	uint8_t h[4], t;

	pg_w32(h, af);
	if (!big) {
		t = h[0], h[0] = h[3], h[3] = t;
		t = h[1], h[1] = h[2], h[2] = t;
	}
	pg_prepend(g, h, sizeof(h));
}

/* DLT_LOOP: address family in network byte order. */
static inline void
pg_loop(struct pg *g, uint32_t af)
{
	uint8_t h[4];

	pg_w32(h, af);
	pg_prepend(g, h, sizeof(h));
}

/* A PPP protocol field: 2 bytes, or 1 when compressed (RFC 1661 PFC). */
static inline void
pg_ppp_proto(struct pg *g, uint16_t proto, int compressed)
{
	uint8_t h[2];

	pg_w16(h, proto);
	if (compressed)
		pg_prepend(g, h + 1, 1);
	else
		pg_prepend(g, h, 2);
}

/* RFC 1662 address and control bytes (0xff 0x03). */
static inline void
pg_ppp_hdlc(struct pg *g)
{
	static const uint8_t h[2] = { 0xff, 0x03 };

	pg_prepend(g, h, sizeof(h));
}

/* A PPPoE session header (RFC 2516) over what is in the buffer (the PPP
 * protocol field included): length = g->n. */
static inline void
pg_pppoe(struct pg *g, uint16_t session)
{
	uint8_t h[6] = { 0x11, 0 };

	pg_w16(h + 2, session);
	pg_w16(h + 4, (uint16_t)g->n);
	pg_prepend(g, h, sizeof(h));
}

/* One MPLS label stack entry (label, bottom-of-stack flag, TTL 64). */
static inline void
pg_mpls(struct pg *g, uint32_t label, int bos)
{
	uint8_t h[4];

	pg_w32(h, label << 12 | (bos ? 0x100u : 0) | 64);
	pg_prepend(g, h, sizeof(h));
}

/* Cisco HDLC: address, control 0, ethertype. */
static inline void
pg_chdlc(struct pg *g, uint8_t addr, uint16_t ethertype)
{
	uint8_t h[4] = { addr, 0 };

	pg_w16(h + 2, ethertype);
	pg_prepend(g, h, sizeof(h));
}

/* An NFLOG TLV header, length and type in little-endian (big when be),
 * in front of value bytes already prepended (len = 4 + vlen). */
static inline void
pg_nflog_tlvhdr(struct pg *g, uint16_t type, size_t vlen, int be)
{
	uint8_t h[4];
	uint16_t len = (uint16_t)(4 + vlen);

	if (be) {
		pg_w16(h, len);
		pg_w16(h + 2, type);
	} else {
		h[0] = (uint8_t)len;
		h[1] = (uint8_t)(len >> 8);
		h[2] = (uint8_t)type;
		h[3] = (uint8_t)(type >> 8);
	}
	pg_prepend(g, h, sizeof(h));
}

/* The NFULA_PAYLOAD TLV around everything in the buffer (the padding to
 * 4 bytes appended after it). */
static inline void
pg_nflog_payload(struct pg *g, int be)
{
	static const uint8_t pad[3];
	size_t n = g->n;

	pg_append(g, pad, (4 - n % 4) % 4);
	pg_nflog_tlvhdr(g, 9, n, be);
}

/* A TLV of type with vlen value bytes (each v), padded to 4, in front. */
static inline void
pg_nflog_tlv(struct pg *g, uint16_t type, const void *v, size_t vlen,
    int be)
{
	static const uint8_t pad[3];

	pg_prepend(g, pad, (4 - vlen % 4) % 4);
	pg_prepend(g, v, vlen);
	pg_nflog_tlvhdr(g, type, vlen, be);
}

/* The NFLOG header: Linux address family, version 0, resource id. */
static inline void
pg_nflog(struct pg *g, uint8_t family, uint16_t resid)
{
	uint8_t h[4] = { family, 0 };

	pg_w16(h + 2, resid);
	pg_prepend(g, h, sizeof(h));
}


/* LLC with a SNAP header: OUI (0 for RFC 1042), ethertype. */
static inline void
pg_llc_snap(struct pg *g, uint32_t oui, uint16_t ethertype)
{
	uint8_t h[8] = { 0xaa, 0xaa, 0x03 };

	h[3] = (uint8_t)(oui >> 16);
	h[4] = (uint8_t)(oui >> 8);
	h[5] = (uint8_t)oui;
	pg_w16(h + 6, ethertype);
	pg_prepend(g, h, sizeof(h));
}

/*
 * An IEEE 802.11 MAC header: frame control fc0 (version, type, subtype)
 * and fc1 (flags), sequence control seq (little-endian, as all of its
 * fields); a fourth address when both DS bits are set, QoS control qos
 * in QoS subtypes, and 4 bytes of HT control when such a frame has the
 * order bit.  Returns the header's length.
 */
static inline size_t
pg_wlan(struct pg *g, uint8_t fc0, uint8_t fc1, uint16_t seq, uint16_t qos)
{
	uint8_t h[36];
	size_t n = 24;

	memset(h, 0, sizeof(h));
	h[0] = fc0;
	h[1] = fc1;
	h[2] = 0x2c;			/* duration */
	memset(h + 4, 0x02, 6);
	memset(h + 10, 0x04, 6);
	memset(h + 16, 0x06, 6);
	h[22] = (uint8_t)seq;
	h[23] = (uint8_t)(seq >> 8);
	if ((fc1 & 3) == 3) {
		memset(h + n, 0x08, 6);
		n += 6;
	}
	if ((fc0 & 0x0c) == 0x08 && (fc0 & 0x80)) {
		h[n] = (uint8_t)qos;
		h[n + 1] = (uint8_t)(qos >> 8);
		n += 2;
		if (fc1 & 0x80) {
			memset(h + n, 0x0c, 4);
			n += 4;
		}
	}
	pg_prepend(g, h, n);
	return n;
}


/*
 * A radiotap header with nwords present bitmaps (the caller sets bit 31
 * in all but the last), then the fields of the first one it knows, each
 * aligned to its size: TSFT (bit 0), Flags (1, the value flags), Rate
 * (2), Channel (3) and antenna signal (5).  Returns the header's length.
 */
static inline size_t
pg_radiotap(struct pg *g, const uint32_t *present, size_t nwords,
    uint8_t flags)
{
	uint8_t h[128];
	size_t i, n = 4;

	memset(h, 0, sizeof(h));
	for (i = 0; i < nwords; i++, n += 4) {
		h[n] = (uint8_t)present[i];
		h[n + 1] = (uint8_t)(present[i] >> 8);
		h[n + 2] = (uint8_t)(present[i] >> 16);
		h[n + 3] = (uint8_t)(present[i] >> 24);
	}
	if (present[0] & 0x01) {
		n = (n + 7) & ~(size_t)7;
		memset(h + n, 0, 8);
		n += 8;
	}
	if (present[0] & 0x02)
		h[n++] = flags;
	if (present[0] & 0x04)
		h[n++] = 0x0c;			/* 6 Mb/s */
	if (present[0] & 0x08) {
		n = (n + 1) & ~(size_t)1;
		h[n] = 0x85;			/* 2437 MHz, 2.4 GHz OFDM */
		h[n + 1] = 0x09;
		h[n + 2] = 0xc0;
		n += 4;
	}
	if (present[0] & 0x20)
		h[n++] = 0xd0;			/* -48 dBm */
	h[2] = (uint8_t)n;
	h[3] = (uint8_t)(n >> 8);
	pg_prepend(g, h, n);
	return n;
}


/*
 * A PPI header (flags, link type dlt) with a 5-byte field of an unknown
 * type (padded to 8 when flags say aligned) and, when common, an
 * 802.11-Common field whose flags are cflags.  Returns its length.
 */
static inline size_t
pg_ppi(struct pg *g, uint8_t flags, uint32_t dlt, int common,
    uint16_t cflags)
{
	uint8_t h[64];
	size_t n = 8;

	memset(h, 0, sizeof(h));
	h[n] = 0x42;			/* type 30018, 5 bytes */
	h[n + 1] = 0x75;
	h[n + 2] = 5;
	memset(h + n + 4, 0x77, 5);
	n += 4 + 5;
	if (flags & 1)
		n = (n + 3) & ~(size_t)3;
	if (common) {
		h[n] = 2;
		h[n + 2] = 20;
		h[n + 4 + 8] = (uint8_t)cflags;
		h[n + 4 + 9] = (uint8_t)(cflags >> 8);
		h[n + 4 + 12] = 0x85;	/* 2437 MHz */
		h[n + 4 + 13] = 0x09;
		n += 4 + 20;
	}
	h[1] = flags;
	h[2] = (uint8_t)n;
	h[3] = (uint8_t)(n >> 8);
	h[4] = (uint8_t)dlt;
	h[5] = (uint8_t)(dlt >> 8);
	h[6] = (uint8_t)(dlt >> 16);
	h[7] = (uint8_t)(dlt >> 24);
	pg_prepend(g, h, n);
	return n;
}


/*
 * Apple's PKTAP header of len bytes (108 the fixed part; more are zero):
 * record type, link type dlt, interface "en0", a process.
 */
static inline void
pg_pktap(struct pg *g, uint32_t len, uint32_t type, uint32_t dlt)
{
	uint8_t h[256];
	uint32_t v[3];
	size_t i, k;

	memset(h, 0, sizeof(h));
	v[0] = len;
	v[1] = type;
	v[2] = dlt;
	for (i = 0; i < 3; i++)
		for (k = 0; k < 4; k++)
			h[4 * i + k] = (uint8_t)(v[i] >> (8 * k));
	memcpy(h + 12, "en0", 3);
	h[40] = 2;			/* protocol family */
	h[52] = 0x39;			/* pid */
	memcpy(h + 56, "charon", 6);
	pg_prepend(g, h, len);
}

#endif
