/*
 * pkt.c - link/IP/UDP decoding and demultiplexing; see pkt.h.
 *
 * The caller fills frame, ts, caplen and wirelen; pkt_decode fills the
 * rest.  Every read goes through a cursor.  Problems become anomalies on
 * the packet; decoding stops at the layer that failed and the packet is
 * still reported (kind "other" unless the upper layer was already known).
 */
#include <arpa/inet.h>
#include <pcap/dlt.h>
#include <stdio.h>
#include <string.h>

#include "isakmp.h"
#include "natt.h"
#include "pkt.h"

#define ETH_HDR_LEN	14
#define SLL_HDR_LEN	16
#define SLL2_HDR_LEN	20
#define NULL_HDR_LEN	4

#define ETHERTYPE_IPV4	0x0800
#define ETHERTYPE_IPV6	0x86dd
#define ETHERTYPE_VLAN	0x8100
#define ETHERTYPE_QINQ	0x88a8
#define ETHERTYPE_QINQ1	0x9100

#define IPPROTO_V6_HOP	0
#define IPPROTO_V_UDP	17
#define IPPROTO_V6_RT	43
#define IPPROTO_V6_FRAG	44
#define IPPROTO_V_ESP	50
#define IPPROTO_V_AH	51
#define IPPROTO_V6_NONE	59
#define IPPROTO_V6_DST	60
#define IPPROTO_V6_MOB	135
#define IPPROTO_V6_HIP	139
#define IPPROTO_V6_SHIM	140

#ifndef DLT_LINUX_SLL2
#define DLT_LINUX_SLL2	276
#endif
#ifndef DLT_IPV4
#define DLT_IPV4	228
#endif
#ifndef DLT_IPV6
#define DLT_IPV6	229
#endif

int
pkt_decoder_init(struct pkt_decoder *d, const struct reasm_limits *lim,
    char *errbuf, size_t errlen)
{
	memset(d, 0, sizeof(*d));
	d->ra = reasm_new(lim);
	if (d->ra == NULL) {
		snprintf(errbuf, errlen, "out of memory (reassembly)");
		return -1;
	}
	d->ike_ports[d->nike_ports++] = PKT_IKE_PORT;
	return 0;
}

void
pkt_decoder_free(struct pkt_decoder *d)
{
	reasm_free(d->ra);
	d->ra = NULL;
}

int
pkt_add_ike_port(struct pkt_decoder *d, uint16_t port)
{
	size_t i;

	for (i = 0; i < d->nike_ports; i++)
		if (d->ike_ports[i] == port)
			return 0;
	if (d->nike_ports == PKT_MAX_IKE_PORTS)
		return -1;
	d->ike_ports[d->nike_ports++] = port;
	return 0;
}

static bool
pkt_is_ike_port(const struct pkt_decoder *d, uint16_t port)
{
	size_t i;

	for (i = 0; i < d->nike_ports; i++)
		if (d->ike_ports[i] == port)
			return true;
	return false;
}

/* An ISAKMP-framed message: IKEv2 when its major version says so. */
static enum pkt_kind
pkt_ike_kind(const struct cursor *c)
{
	bool ok;
	uint8_t v = cur_peek_u8(c, 17, &ok);

	return ok && (v >> 4) == 2 ? PKT_IKEV2 : PKT_ISAKMP;
}

static void
pkt_udp(struct pkt_decoder *d, struct cursor c, struct pkt *p)
{
	size_t have = cur_left(&c);
	uint16_t ulen;
	struct cursor body;

	p->sport = cur_be16(&c);
	p->dport = cur_be16(&c);
	ulen = cur_be16(&c);
	cur_skip(&c, 2);		/* checksum */
	if (c.err) {
		an_add(&p->an, AN_UDP_TRUNCATED, (uint32_t)have, 0);
		return;
	}
	p->has_ports = true;
	if (ulen < 8 || ulen > have) {
		/*
		 * Snap-length truncation shows as ulen > have too; so does
		 * the first fragment of a datagram that was not reassembled
		 * (its UDP length counts the whole datagram).
		 */
		if (ulen < 8 || (!p->fragment && ulen > p->ip_len))
			an_add(&p->an, AN_UDP_BAD_LEN, ulen, (uint32_t)have);
		body = cur_rest(&c);
	} else {
		body = cur_sub(&c, (size_t)ulen - 8);
	}

	if (pkt_is_ike_port(d, p->sport) || pkt_is_ike_port(d, p->dport)) {
		p->payload = body;
		p->kind = pkt_ike_kind(&body);
		return;
	}
	if (p->sport == NATT_PORT || p->dport == NATT_PORT) {
		enum natt_kind k = natt_classify(&body);

		p->natt = true;
		p->payload = body;
		switch (k) {
		case NATT_IKE:
			p->kind = pkt_ike_kind(&body);
			break;
		case NATT_KEEPALIVE:
			p->kind = PKT_NAT_KEEPALIVE;
			break;
		case NATT_ESP:
			p->kind = PKT_ESP;
			break;
		case NATT_INVALID:
			an_add(&p->an, AN_NATT_INVALID,
			    (uint32_t)cur_left(&body), 0);
			p->natt = false;
			break;
		}
	}
}

/* Upper layer of an IP datagram (whole or reassembled). */
static void
pkt_l4(struct pkt_decoder *d, struct cursor c, struct pkt *p)
{
	switch (p->proto) {
	case IPPROTO_V_UDP:
		pkt_udp(d, c, p);
		break;
	case IPPROTO_V_ESP:
		p->payload = c;
		p->kind = PKT_ESP;
		break;
	default:
		break;
	}
}

static void
pkt_reasm_events(struct pkt *p, const struct reasm_result *r)
{
	if (r->events & REASM_EV_OVERLAP)
		an_add(&p->an, AN_FRAG_OVERLAP, p->frag_id, 0);
	if (r->events & REASM_EV_OVERSIZE)
		an_add(&p->an, AN_FRAG_OVERSIZE, p->frag_id, 65535);
	if (r->events & REASM_EV_TIMEOUT)
		an_add(&p->an, AN_FRAG_TIMEOUT, 1, 0);
	if (r->events & REASM_EV_EVICTED)
		an_add(&p->an, AN_FRAG_EVICTED, 0, 0);
	if (r->events & REASM_EV_DUPLICATE)
		an_add(&p->an, AN_FRAG_DUPLICATE, p->frag_id, 0);
	if (r->events & REASM_EV_INCONSISTENT)
		an_add(&p->an, AN_FRAG_INCONSISTENT, p->frag_id, 0);
}

/*
 * Hand a fragment to the reassembler.  Returns true with c set to the
 * whole datagram's upper-layer bytes when this fragment completed it.
 *
 * A fragment cut short by the snap length is not reassembled (its missing
 * bytes would make a wrong datagram, or a spurious "inconsistent" drop).
 * As tshark does, a first fragment is then decoded as far as it goes and
 * later ones stay "other"; either way the frame is marked as a fragment.
 */
static bool
pkt_fragment(struct pkt_decoder *d, struct pkt *p, struct cursor *c)
{
	struct reasm_key k;
	struct reasm_result r;
	char err[128];

	if (p->snapped) {
		p->fragment = true;
		return p->frag_off == 0;
	}
	memset(&k, 0, sizeof(k));
	k.af = p->af;
	memcpy(k.src, p->src, sizeof(k.src));
	memcpy(k.dst, p->dst, sizeof(k.dst));
	k.id = p->frag_id;
	k.proto = p->proto;
	memset(&r, 0, sizeof(r));
	if (reasm_add(d->ra, &k, p->frag_off, p->frag_more, cur_ptr(c),
	    cur_left(c), p->ts, p->frame, &r, err, sizeof(err)) == -1) {
		an_add(&p->an, AN_FRAG_EVICTED, 0, 0);
		p->fragment = true;
		return false;
	}
	pkt_reasm_events(p, &r);
	if (!r.complete) {
		p->fragment = true;
		return false;
	}
	p->reassembled = true;
	p->nfrags = r.nfrags;
	p->first_frame = r.first_frame;
	p->ip_len = (uint32_t)r.len;
	*c = cur_init(r.data, r.len);
	return true;
}

static void pkt_ipv6_chain(struct pkt_decoder *, struct cursor, uint8_t,
    struct pkt *);

static void
pkt_ipv4(struct pkt_decoder *d, struct cursor c, struct pkt *p)
{
	size_t have = cur_left(&c);
	uint8_t vhl, hlen;
	uint16_t tot, fo;
	struct cursor dg;

	vhl = cur_u8(&c);
	cur_skip(&c, 1);		/* TOS */
	tot = cur_be16(&c);
	p->frag_id = cur_be16(&c);
	fo = cur_be16(&c);
	p->ttl = cur_u8(&c);
	p->proto = cur_u8(&c);
	cur_skip(&c, 2);		/* checksum */
	cur_copy(&c, p->src, 4);
	cur_copy(&c, p->dst, 4);
	if (c.err) {
		an_add(&p->an, AN_IP_TRUNCATED, (uint32_t)have, 0);
		return;
	}
	if ((vhl >> 4) != 4) {
		an_add(&p->an, AN_IP_BAD_VERSION, vhl >> 4, 4);
		return;
	}
	p->af = 4;
	p->ip_wirelen = tot >= 20 ? tot : (uint32_t)have;
	p->ip_caplen = p->ip_wirelen < have ? p->ip_wirelen : (uint32_t)have;
	hlen = (uint8_t)((vhl & 0x0f) * 4);
	if (hlen < 20 || hlen > tot) {
		an_add(&p->an, AN_IP_BAD_HLEN, hlen, tot);
		return;
	}
	p->ip_len = tot;
	if (tot > have) {
		an_add(&p->an, AN_IP_SNAPLEN, tot, (uint32_t)have);
		p->snapped = true;
		tot = (uint16_t)have;
		if (hlen > tot) {
			an_add(&p->an, AN_IP_TRUNCATED, (uint32_t)have, 0);
			return;
		}
	} else if (tot < have) {
		an_add(&p->an, AN_IP_TRAILER, (uint32_t)(have - tot), 0);
	}
	/* Options are skipped: nothing of ours lives there. */
	cur_skip(&c, (size_t)hlen - 20);
	dg = cur_sub(&c, (size_t)tot - hlen);
	p->frag_off = (uint32_t)(fo & 0x1fff) * 8;
	p->frag_more = (fo & 0x2000) != 0;
	if ((p->frag_off != 0 || p->frag_more) && !pkt_fragment(d, p, &dg))
		return;
	if (p->proto == IPPROTO_V_AH) {
		/* AH may wrap ESP or UDP; walk past it like an extension. */
		pkt_ipv6_chain(d, dg, IPPROTO_V_AH, p);
		return;
	}
	pkt_l4(d, dg, p);
}

/*
 * Walk IPv6 extension headers (and AH, in either IP version) starting with
 * next-header nh; a fragment header hands the rest to the reassembler and
 * the walk continues on the reassembled bytes.
 */
static void
pkt_ipv6_chain(struct pkt_decoder *d, struct cursor c, uint8_t nh,
    struct pkt *p)
{
	unsigned n;
	bool frag_seen = false;

	for (n = 0; n < PKT_MAX_EXT_HDRS; n++) {
		uint8_t next, hl;
		uint16_t fo;
		size_t have = cur_left(&c);

		switch (nh) {
		case IPPROTO_V6_HOP:
		case IPPROTO_V6_RT:
		case IPPROTO_V6_DST:
		case IPPROTO_V6_MOB:
		case IPPROTO_V6_HIP:
		case IPPROTO_V6_SHIM:
			if (p->af != 6)
				goto upper;
			next = cur_u8(&c);
			hl = cur_u8(&c);
			if (c.err || !cur_skip(&c, (size_t)hl * 8 + 6)) {
				an_add(&p->an, AN_IPV6_EXT_TRUNCATED, nh, 0);
				return;
			}
			nh = next;
			break;
		case IPPROTO_V_AH:
			/* RFC 4302: length in 32-bit words minus 2. */
			next = cur_u8(&c);
			hl = cur_u8(&c);
			if (c.err || !cur_skip(&c, ((size_t)hl + 2) * 4 - 2)) {
				an_add(&p->an, AN_AH_TRUNCATED, (uint32_t)have,
				    0);
				return;
			}
			nh = next;
			break;
		case IPPROTO_V6_FRAG:
			if (p->af != 6)
				goto upper;
			/*
			 * One fragment header per packet (RFC 8200 4.1).  A
			 * second one would sit in the reassembler's own
			 * buffer, which the next reasm_add frees.
			 */
			if (frag_seen) {
				an_add(&p->an, AN_IPV6_FRAG_REPEATED,
				    cur_peek_u8(&c, 0, NULL), 0);
				p->proto = nh;
				return;
			}
			frag_seen = true;
			next = cur_u8(&c);
			cur_skip(&c, 1);
			fo = cur_be16(&c);
			p->frag_id = cur_be32(&c);
			if (c.err) {
				an_add(&p->an, AN_IPV6_EXT_TRUNCATED, nh, 0);
				return;
			}
			p->proto = next;
			p->frag_off = (uint32_t)(fo & 0xfff8);
			p->frag_more = (fo & 1) != 0;
			c = cur_rest(&c);
			/* An atomic fragment (RFC 6946) is whole already. */
			if ((p->frag_off != 0 || p->frag_more) &&
			    !pkt_fragment(d, p, &c))
				return;
			nh = next;
			break;
		case IPPROTO_V6_NONE:
			p->proto = nh;
			return;
		default:
			goto upper;
		}
	}
	an_add(&p->an, AN_IPV6_EXT_LOOP, PKT_MAX_EXT_HDRS, 0);
	return;
upper:
	p->proto = nh;
	pkt_l4(d, c, p);
}

static void
pkt_ipv6(struct pkt_decoder *d, struct cursor c, struct pkt *p)
{
	size_t have = cur_left(&c);
	uint32_t vtf;
	uint16_t plen;
	uint8_t nh;
	struct cursor dg;

	vtf = cur_be32(&c);
	plen = cur_be16(&c);
	nh = cur_u8(&c);
	p->ttl = cur_u8(&c);
	cur_copy(&c, p->src, 16);
	cur_copy(&c, p->dst, 16);
	if (c.err) {
		an_add(&p->an, AN_IP_TRUNCATED, (uint32_t)have, 0);
		return;
	}
	if ((vtf >> 28) != 6) {
		an_add(&p->an, AN_IP_BAD_VERSION, vtf >> 28, 6);
		return;
	}
	p->af = 6;
	p->ip_wirelen = plen == 0 ? (uint32_t)have : plen + 40u;
	p->ip_caplen = p->ip_wirelen < have ? p->ip_wirelen : (uint32_t)have;
	have -= 40;
	if (plen == 0) {
		/* Jumbogram or unknown: take what was captured. */
		dg = cur_rest(&c);
	} else if (plen > have) {
		an_add(&p->an, AN_IP_SNAPLEN, plen + 40u, (uint32_t)have + 40);
		p->snapped = true;
		dg = cur_rest(&c);
	} else {
		if (plen < have)
			an_add(&p->an, AN_IP_TRAILER, (uint32_t)(have - plen),
			    0);
		dg = cur_sub(&c, plen);
	}
	p->ip_len = plen == 0 ? (uint32_t)cur_left(&dg) + 40 : plen + 40u;
	pkt_ipv6_chain(d, dg, nh, p);
}

static void
pkt_ethertype(struct pkt_decoder *d, struct cursor c, uint16_t et,
    struct pkt *p)
{
	p->ethertype = et;
	if (et == ETHERTYPE_IPV4)
		pkt_ipv4(d, c, p);
	else if (et == ETHERTYPE_IPV6)
		pkt_ipv6(d, c, p);
}

/* Raw IP: the version nibble decides. */
static void
pkt_raw_ip(struct pkt_decoder *d, struct cursor c, struct pkt *p)
{
	bool ok;
	uint8_t v = cur_peek_u8(&c, 0, &ok);

	if (!ok) {
		an_add(&p->an, AN_IP_TRUNCATED, 0, 0);
		return;
	}
	if ((v >> 4) == 6)
		pkt_ipv6(d, c, p);
	else
		pkt_ipv4(d, c, p);
}

void
pkt_decode(struct pkt_decoder *d, int linktype, const uint8_t *data,
    size_t caplen, struct pkt *p)
{
	struct cursor c = cur_init(data, caplen);
	uint16_t et;
	uint32_t af;

	p->linktype = linktype;
	p->kind = PKT_OTHER;
	p->ip_off = 0;		/* the link header's length, once known */
	p->payload = cur_init(NULL, 0);
	switch (linktype) {
	case DLT_EN10MB:
		cur_skip(&c, 12);
		et = cur_be16(&c);
		while (!c.err && (et == ETHERTYPE_VLAN ||
		    et == ETHERTYPE_QINQ || et == ETHERTYPE_QINQ1)) {
			cur_skip(&c, 2);	/* TCI */
			et = cur_be16(&c);
		}
		if (c.err) {
			an_add(&p->an, AN_LINK_TRUNCATED, (uint32_t)caplen, 0);
			return;
		}
		p->ip_off = (uint32_t)c.off;
		pkt_ethertype(d, cur_rest(&c), et, p);
		break;
	case DLT_LINUX_SLL:
		cur_skip(&c, 14);
		et = cur_be16(&c);
		if (c.err) {
			an_add(&p->an, AN_LINK_TRUNCATED, (uint32_t)caplen, 0);
			return;
		}
		p->ip_off = (uint32_t)c.off;
		pkt_ethertype(d, cur_rest(&c), et, p);
		break;
	case DLT_LINUX_SLL2:
		et = cur_be16(&c);
		cur_skip(&c, SLL2_HDR_LEN - 2);
		if (c.err) {
			an_add(&p->an, AN_LINK_TRUNCATED, (uint32_t)caplen, 0);
			return;
		}
		p->ip_off = (uint32_t)c.off;
		pkt_ethertype(d, cur_rest(&c), et, p);
		break;
	case DLT_RAW:
	case DLT_IPV4:
	case DLT_IPV6:
		pkt_raw_ip(d, c, p);
		break;
	case DLT_NULL:
	case DLT_LOOP:
		/* Host byte order for NULL (we accept either), network for LOOP. */
		af = linktype == DLT_LOOP ? cur_be32(&c) : cur_le32(&c);
		if (c.err) {
			an_add(&p->an, AN_LINK_TRUNCATED, (uint32_t)caplen, 0);
			return;
		}
		if (linktype == DLT_NULL && (af & 0xffff) == 0)
			af >>= 24;	/* written big-endian */
		p->ip_off = (uint32_t)c.off;
		if (af == 2)
			pkt_ipv4(d, cur_rest(&c), p);
		else if (af == 10 || af == 24 || af == 28 || af == 30)
			pkt_ipv6(d, cur_rest(&c), p);
		break;
	default:
		an_add(&p->an, AN_LINK_UNSUPPORTED, (uint32_t)linktype, 0);
		break;
	}
}

const char *
pkt_kind_name(enum pkt_kind k)
{
	switch (k) {
	case PKT_ISAKMP:
		return "isakmp";
	case PKT_IKEV2:
		return "ikev2";
	case PKT_ESP:
		return "esp";
	case PKT_NAT_KEEPALIVE:
		return "nat_keepalive";
	case PKT_OTHER:
		break;
	}
	return "other";
}

const char *
pkt_addr_str(int af, const uint8_t *a, char *buf, size_t len)
{
	if (inet_ntop(af == 6 ? AF_INET6 : AF_INET, a, buf,
	    (socklen_t)len) == NULL)
		snprintf(buf, len, "?");
	return buf;
}
