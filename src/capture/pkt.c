/*
 * pkt.c - link/IP/UDP decoding and demultiplexing; see pkt.h.
 *
 * The caller fills frame, ts, caplen and wirelen; pkt_decode fills the
 * rest.  Every read goes through a cursor.  Problems become anomalies on
 * the packet; decoding stops at the layer that failed and the packet is
 * still reported (kind "other" unless the upper layer was already known).
 */
#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>

#include "dissectors/isakmp.h"
#include "dissectors/natt.h"
#include "capture/pkt.h"

#define ETH_HDR_LEN	14
#define SLL_HDR_LEN	16
#define SLL2_HDR_LEN	20
#define NULL_HDR_LEN	4

#define ETHERTYPE_IPV4	0x0800
#define ETHERTYPE_IPV6	0x86dd
#define ETHERTYPE_VLAN	0x8100
#define ETHERTYPE_QINQ	0x88a8
#define ETHERTYPE_QINQ1	0x9100
#define ETHERTYPE_PPPOE	0x8864		/* session stage (RFC 2516) */
#define ETHERTYPE_MPLS	0x8847
#define ETHERTYPE_MPLS_MC 0x8848

#define PPPOE_VER_TYPE	0x11		/* version 1, type 1 */
#define PPP_IPV4	0x0021
#define PPP_IPV6	0x0057
#define PPP_ADDRESS	0xff		/* RFC 1662 all-stations address */
#define PPP_CONTROL	0x03		/* ... and UI control field */
#define CHDLC_UNICAST	0x0f		/* Cisco HDLC address bytes */
#define CHDLC_BCAST	0x8f
#define MPLS_BOS	0x100		/* bottom of stack, in a label entry */
#define MPLS_PW_CW	0		/* first nibble: a control word, */
#define MPLS_PW_ACH	1		/* ... an associated channel */

#define WLAN_FC_VERSION	0x03		/* frame control, first byte */
#define WLAN_FC_TYPE(b)	((b) >> 2 & 3)
#define WLAN_FC_SUBTYPE(b) ((b) >> 4)
#define WLAN_TYPE_DATA	2
#define WLAN_SUB_NODATA	0x4		/* null data, CF-Ack/Poll alone */
#define WLAN_SUB_QOS	0x8
#define WLAN_FC_TODS	0x01		/* frame control, second byte */
#define WLAN_FC_FROMDS	0x02
#define WLAN_FC_MOREFRAG 0x04
#define WLAN_FC_PROTECTED 0x40
#define WLAN_FC_ORDER	0x80		/* +HTC: an HT control field */
#define WLAN_QOS_AMSDU	0x0080
#define WLAN_FCS_LEN	4
#define RT_HDR_LEN	8		/* version, pad, length, present */
#define RT_TSFT		0x00000001	/* present bits: TSFT, 8 bytes */
#define RT_FLAGS	0x00000002	/* ... Flags, 1 byte */
#define RT_EXT		0x80000000	/* ... another bitmap follows */
#define RT_F_FCS	0x10		/* Flags: an FCS ends the frame */
#define RT_F_DATAPAD	0x20		/* ... MAC header padded to 4 */
#define RT_F_BADFCS	0x40		/* ... that FCS did not check */
#define PPI_HDR_LEN	8		/* version, flags, length, dlt */
#define PPI_F_ALIGNED	0x01		/* fields padded to 4 bytes */
#define PPI_80211_COMMON 2		/* the 802.11-Common field */
#define PPI_C_FCS	0x0001		/* its flags: an FCS ends the frame */
#define PPI_C_BADFCS	0x0004		/* ... which did not check */
#define LINKTYPE_RAW	101		/* pcap files' number for raw IP */
#define PKTAP_HDR_LEN	108		/* the fixed part of Apple's header */
#define PKTAP_REC_NONE	0		/* record types: no packet, */
#define PKTAP_REC_PACKET 1		/* ... a packet of pth_dlt */
#define LLC_SNAP_SAP	0xaa
#define LLC_UI		0x03
#define OUI_RFC1042	0x000000	/* SNAP with an ethertype */
#define OUI_BRIDGE_TUNNEL 0x0000f8	/* 802.1H */

#define NFLOG_HDR_LEN	4		/* family, version, resource id */
#define NFLOG_TLV_HDR	4		/* length, type */
#define NFULA_PACKET_HDR 1		/* hw_protocol (an ethertype), ... */
#define NFULA_PAYLOAD	9		/* the network-layer packet */
#define LINUX_AF_INET	2
#define LINUX_AF_INET6	10

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
	d->natt_ports[d->nnatt_ports++] = NATT_PORT;
	return 0;
}

void
pkt_decoder_free(struct pkt_decoder *d)
{
	reasm_free(d->ra);
	d->ra = NULL;
}

/* Add port to a list of at most PKT_MAX_IKE_PORTS (-1: full). */
static int
pkt_port_add(uint16_t *ports, size_t *n, uint16_t port)
{
	size_t i;

	for (i = 0; i < *n; i++)
		if (ports[i] == port)
			return 0;
	if (*n == PKT_MAX_IKE_PORTS)
		return -1;
	ports[(*n)++] = port;
	return 0;
}

static bool
pkt_port_in(const uint16_t *ports, size_t n, uint16_t port)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (ports[i] == port)
			return true;
	return false;
}

int
pkt_add_ike_port(struct pkt_decoder *d, uint16_t port)
{
	return pkt_port_add(d->ike_ports, &d->nike_ports, port);
}

int
pkt_add_natt_port(struct pkt_decoder *d, uint16_t port)
{
	return pkt_port_add(d->natt_ports, &d->nnatt_ports, port);
}

static bool
pkt_is_ike_port(const struct pkt_decoder *d, uint16_t port)
{
	return pkt_port_in(d->ike_ports, d->nike_ports, port);
}

/*
 * The decoders below pass one cursor down by address (cursor.h says why):
 * each works on its caller's and hands it on, every call being its
 * caller's last act.
 */

/* An ISAKMP-framed message: IKEv2 when its major version says so. */
static enum pkt_kind
pkt_ike_kind(const struct cursor *c)
{
	bool ok;
	uint8_t v = cur_peek_u8(c, 17, &ok);

	return ok && (v >> 4) == 2 ? PKT_IKEV2 : PKT_ISAKMP;
}

static void
pkt_udp(struct pkt_decoder *d, struct cursor *c, struct pkt *p)
{
	size_t have = cur_left(c);
	uint16_t ulen;
	struct cursor body;

	p->sport = cur_be16(c);
	p->dport = cur_be16(c);
	ulen = cur_be16(c);
	cur_skip(c, 2);		/* checksum */
	if (c->err) {
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
		body = cur_rest(c);
	} else {
		body = cur_sub(c, (size_t)ulen - 8);
	}

	if (pkt_is_ike_port(d, p->sport) || pkt_is_ike_port(d, p->dport)) {
		cur_set(&p->payload, &body);
		p->kind = pkt_ike_kind(&body);
		return;
	}
	if (pkt_port_in(d->natt_ports, d->nnatt_ports, p->sport) ||
	    pkt_port_in(d->natt_ports, d->nnatt_ports, p->dport)) {
		enum natt_kind k = natt_classify(&body);

		p->natt = true;
		cur_set(&p->payload, &body);
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
			    (uint32_t)cur_left(&body), pkt_port_in(d->natt_ports,
			    d->nnatt_ports, p->dport) ? p->dport : p->sport);
			p->natt = false;
			break;
		}
	}
}

/* Upper layer of an IP datagram (whole or reassembled). */
static void
pkt_l4(struct pkt_decoder *d, struct cursor *c, struct pkt *p)
{
	switch (p->proto) {
	case IPPROTO_V_UDP:
		pkt_udp(d, c, p);
		break;
	case IPPROTO_V_ESP:
		cur_set(&p->payload, c);
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

	if (d->ra == NULL) {	/* no reassembly: a fragment, left as is */
		p->fragment = true;
		return false;
	}
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
	if (reasm_add(d->ra, &k, &(struct reasm_frag){ .offset = p->frag_off,
	    .more = p->frag_more, .payload = cur_ptr(c), .len = cur_left(c),
	    .now = p->ts, .frame = p->frame }, &r, err, sizeof(err)) == -1) {
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

static void pkt_ipv6_chain(struct pkt_decoder *, struct cursor *, uint8_t,
    struct pkt *);

static void
pkt_ipv4(struct pkt_decoder *d, struct cursor *c, struct pkt *p)
{
	size_t have = cur_left(c);
	uint8_t vhl, hlen;
	uint16_t tot, fo;
	struct cursor dg;

	vhl = cur_u8(c);
	cur_skip(c, 1);		/* TOS */
	tot = cur_be16(c);
	p->frag_id = cur_be16(c);
	fo = cur_be16(c);
	p->ttl = cur_u8(c);
	p->proto = cur_u8(c);
	cur_skip(c, 2);		/* checksum */
	cur_copy(c, p->src, 4);
	cur_copy(c, p->dst, 4);
	if (c->err) {
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
	cur_skip(c, (size_t)hlen - 20);
	dg = cur_sub(c, (size_t)tot - hlen);
	p->frag_off = (uint32_t)(fo & 0x1fff) * 8;
	p->frag_more = (fo & 0x2000) != 0;
	if ((p->frag_off != 0 || p->frag_more) && !pkt_fragment(d, p, &dg))
		return;
	if (p->proto == IPPROTO_V_AH) {
		/* AH may wrap ESP or UDP; walk past it like an extension. */
		pkt_ipv6_chain(d, &dg, IPPROTO_V_AH, p);
		return;
	}
	pkt_l4(d, &dg, p);
}

/*
 * Walk IPv6 extension headers (and AH, in either IP version) starting with
 * next-header nh; a fragment header hands the rest to the reassembler and
 * the walk continues on the reassembled bytes.
 */
static void
pkt_ipv6_chain(struct pkt_decoder *d, struct cursor *c, uint8_t nh,
    struct pkt *p)
{
	unsigned n;
	bool frag_seen = false;
	struct cursor rest;

	for (n = 0; n < PKT_MAX_EXT_HDRS; n++) {
		uint8_t next, hl;
		uint16_t fo;
		size_t have = cur_left(c);

		switch (nh) {
		case IPPROTO_V6_HOP:
		case IPPROTO_V6_RT:
		case IPPROTO_V6_DST:
		case IPPROTO_V6_MOB:
		case IPPROTO_V6_HIP:
		case IPPROTO_V6_SHIM:
			if (p->af != 6)
				goto upper;
			next = cur_u8(c);
			hl = cur_u8(c);
			if (c->err || !cur_skip(c, (size_t)hl * 8 + 6)) {
				an_add(&p->an, AN_IPV6_EXT_TRUNCATED, nh, 0);
				return;
			}
			nh = next;
			break;
		case IPPROTO_V_AH:
			/* RFC 4302: length in 32-bit words minus 2. */
			next = cur_u8(c);
			hl = cur_u8(c);
			if (c->err || !cur_skip(c, ((size_t)hl + 2) * 4 - 2)) {
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
				    cur_peek_u8(c, 0, NULL), 0);
				p->proto = nh;
				return;
			}
			frag_seen = true;
			next = cur_u8(c);
			cur_skip(c, 1);
			fo = cur_be16(c);
			p->frag_id = cur_be32(c);
			if (c->err) {
				an_add(&p->an, AN_IPV6_EXT_TRUNCATED, nh, 0);
				return;
			}
			p->proto = next;
			p->frag_off = (uint32_t)(fo & 0xfff8);
			p->frag_more = (fo & 1) != 0;
			rest = cur_rest(c);
			cur_set(c, &rest);
			/* An atomic fragment (RFC 6946) is whole already. */
			if ((p->frag_off != 0 || p->frag_more) &&
			    !pkt_fragment(d, p, c))
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
pkt_ipv6(struct pkt_decoder *d, struct cursor *c, struct pkt *p)
{
	size_t have = cur_left(c);
	uint32_t vtf;
	uint16_t plen;
	uint8_t nh;
	struct cursor dg;

	vtf = cur_be32(c);
	plen = cur_be16(c);
	nh = cur_u8(c);
	p->ttl = cur_u8(c);
	cur_copy(c, p->src, 16);
	cur_copy(c, p->dst, 16);
	if (c->err) {
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
		dg = cur_rest(c);
	} else if (plen > have) {
		an_add(&p->an, AN_IP_SNAPLEN, plen + 40u, (uint32_t)have + 40);
		p->snapped = true;
		dg = cur_rest(c);
	} else {
		if (plen < have)
			an_add(&p->an, AN_IP_TRAILER, (uint32_t)(have - plen),
			    0);
		dg = cur_sub(c, plen);
	}
	p->ip_len = plen == 0 ? (uint32_t)cur_left(&dg) + 40 : plen + 40u;
	pkt_ipv6_chain(d, &dg, nh, p);
}

/*
 * The link helpers below take a cursor whose window starts at p->ip_off in
 * the frame (so p->ip_off + c.len is the captured length); pkt_link_rest
 * moves p->ip_off to what the cursor has read and returns the rest.
 */
static void
pkt_link_truncated(struct pkt *p, const struct cursor *c)
{
	an_add(&p->an, AN_LINK_TRUNCATED, p->ip_off + (uint32_t)c->len, 0);
}

static struct cursor *
pkt_link_rest(struct cursor *c, struct pkt *p)
{
	struct cursor r;

	p->ip_off += (uint32_t)c->off;
	r = cur_rest(c);
	cur_set(c, &r);
	return c;
}

/* IP by its version nibble alone: 4 and 6 are decoded, others are not. */
static void
pkt_ip_version(struct pkt_decoder *d, struct cursor *c, struct pkt *p)
{
	bool ok;
	uint8_t v = cur_peek_u8(c, 0, &ok);

	if (!ok)
		an_add(&p->an, AN_IP_TRUNCATED, 0, 0);
	else if ((v >> 4) == 4)
		pkt_ipv4(d, c, p);
	else if ((v >> 4) == 6)
		pkt_ipv6(d, c, p);
}

/*
 * The PPP protocol field (RFC 1661): one byte when compressed, which a
 * protocol number's odd first byte tells (its high byte is always even).
 */
static uint16_t
pkt_ppp_proto(struct cursor *c)
{
	uint16_t proto = cur_u8(c);

	if ((proto & 1) == 0)
		proto = (uint16_t)(proto << 8 | cur_u8(c));
	return proto;
}

/* What a PPP protocol carries: IPv4, IPv6 or (not decoded) other. */
static void
pkt_ppp_payload(struct pkt_decoder *d, struct cursor *c, uint16_t proto,
    struct pkt *p)
{
	if (proto == PPP_IPV4)
		pkt_ipv4(d, c, p);
	else if (proto == PPP_IPV6)
		pkt_ipv6(d, c, p);
}

/* The codes of the discovery stage (RFC 2516): PADO, PADI, PADR, PADS,
 * PADT. */
static bool
pkt_pppoe_discovery(uint8_t code)
{
	return code == 0x07 || code == 0x09 || code == 0x19 || code == 0x65 ||
	    code == 0xa7;
}

/*
 * A PPPoE session frame (RFC 2516): version/type, code 0, session id and
 * a length that counts the PPP protocol field and what follows it.  The
 * length bounds the PPP payload when the capture has that much (what
 * follows is Ethernet padding); a longer one (snap length, or a wrong
 * field) leaves the captured bytes to the IP layer, which says which.
 * Without an ethertype to tell the stages apart (any_stage), a discovery
 * packet is not IP; after the session ethertype its code is malformed.
 */
static void
pkt_pppoe(struct pkt_decoder *d, struct cursor *c, bool any_stage,
    struct pkt *p)
{
	uint8_t vt, code;
	uint16_t len, proto;
	size_t at;
	struct cursor body;

	vt = cur_u8(c);
	code = cur_u8(c);
	cur_skip(c, 2);		/* session id */
	len = cur_be16(c);
	if (!c->err && any_stage && vt == PPPOE_VER_TYPE &&
	    pkt_pppoe_discovery(code))
		return;
	at = c->off;
	proto = pkt_ppp_proto(c);
	if (c->err) {
		pkt_link_truncated(p, c);
		return;
	}
	if (vt != PPPOE_VER_TYPE || code != 0) {
		an_add(&p->an, AN_LINK_MALFORMED, p->ip_off +
		    (vt != PPPOE_VER_TYPE ? 0u : 1u),
		    vt != PPPOE_VER_TYPE ? vt : code);
		return;
	}
	if (len < c->off - at) {
		an_add(&p->an, AN_LINK_MALFORMED, p->ip_off + 4, len);
		return;
	}
	len = (uint16_t)(len - (c->off - at));
	p->ip_off += (uint32_t)c->off;
	body = len <= cur_left(c) ? cur_sub(c, len) : cur_rest(c);
	pkt_ppp_payload(d, &body, proto, p);
}

static void pkt_eth(struct pkt_decoder *, struct cursor *, struct pkt *);

/*
 * An MPLS label stack (RFC 3032) down to its bottom entry, then what the
 * first nibble says: IPv4 or IPv6; 0, the control word (RFC 4385) of an
 * Ethernet pseudowire (RFC 4448), then Ethernet, whose own MPLS stacks
 * count towards the same limit (so the nesting is bounded); 1, an
 * associated channel (RFC 5586), not IP; others are said.
 */
static void
pkt_mpls(struct pkt_decoder *d, struct cursor *c, struct pkt *p)
{
	bool ok;
	uint8_t nib;

	while (p->mpls_labels < PKT_MAX_MPLS_LABELS) {
		uint32_t lse = cur_be32(c);

		if (c->err) {
			pkt_link_truncated(p, c);
			return;
		}
		p->mpls_labels++;
		if ((lse & MPLS_BOS) == 0)
			continue;
		c = pkt_link_rest(c, p);
		nib = (uint8_t)(cur_peek_u8(c, 0, &ok) >> 4);
		if (!ok || nib == 4 || nib == 6) {
			pkt_ip_version(d, c, p);
		} else if (nib == MPLS_PW_CW) {
			cur_skip(c, 4);
			if (c->err) {
				pkt_link_truncated(p, c);
				return;
			}
			pkt_eth(d, pkt_link_rest(c, p), p);
		} else if (nib != MPLS_PW_ACH) {
			an_add(&p->an, AN_MPLS_PAYLOAD_UNKNOWN, nib, 0);
		}
		return;
	}
	an_add(&p->an, AN_MPLS_LABEL_LIMIT, PKT_MAX_MPLS_LABELS, 0);
}

static void
pkt_ethertype(struct pkt_decoder *d, struct cursor *c, uint16_t et,
    struct pkt *p)
{
	p->ethertype = et;
	switch (et) {
	case ETHERTYPE_IPV4:
		pkt_ipv4(d, c, p);
		break;
	case ETHERTYPE_IPV6:
		pkt_ipv6(d, c, p);
		break;
	case ETHERTYPE_PPPOE:
		pkt_pppoe(d, c, false, p);
		break;
	case ETHERTYPE_MPLS:
	case ETHERTYPE_MPLS_MC:
		pkt_mpls(d, c, p);
		break;
	default:
		break;
	}
}

/* Raw IP: the version nibble decides. */
static void
pkt_raw_ip(struct pkt_decoder *d, struct cursor *c, struct pkt *p)
{
	bool ok;
	uint8_t v = cur_peek_u8(c, 0, &ok);

	if (!ok) {
		an_add(&p->an, AN_IP_TRUNCATED, 0, 0);
		return;
	}
	if ((v >> 4) == 6)
		pkt_ipv6(d, c, p);
	else
		pkt_ipv4(d, c, p);
}

/* Cisco HDLC: address (0x0f or 0x8f), control (0), an ethertype. */
static void
pkt_chdlc(struct pkt_decoder *d, struct cursor *c, struct pkt *p)
{
	uint16_t et;

	cur_skip(c, 2);
	et = cur_be16(c);
	if (c->err) {
		pkt_link_truncated(p, c);
		return;
	}
	pkt_ethertype(d, pkt_link_rest(c, p), et, p);
}

/* The PPP protocol field at c's position, then what it carries. */
static void
pkt_ppp_from(struct pkt_decoder *d, struct cursor *c, struct pkt *p)
{
	uint16_t proto = pkt_ppp_proto(c);

	if (c->err) {
		pkt_link_truncated(p, c);
		return;
	}
	pkt_ppp_payload(d, pkt_link_rest(c, p), proto, p);
}

/*
 * PPP (DLT_PPP, and DLT_PPP_SERIAL's PPP in HDLC-like framing): the
 * RFC 1662 address and control bytes when there, then the protocol.
 * Cisco HDLC framing is told by its address byte, which no PPP frame
 * starts with: libpcap documents it for DLT_PPP_SERIAL, and Wireshark
 * (which reads both link types as one) takes it in DLT_PPP too.
 */
static void
pkt_ppp(struct pkt_decoder *d, struct cursor *c, struct pkt *p)
{
	bool ok;
	uint8_t a = cur_peek_u8(c, 0, &ok);

	if (ok && (a == CHDLC_UNICAST || a == CHDLC_BCAST)) {
		pkt_chdlc(d, c, p);
		return;
	}
	/* (cut after the address: the skip fails, the link is truncated) */
	if (ok && a == PPP_ADDRESS &&
	    (cur_peek_u8(c, 1, &ok) == PPP_CONTROL || !ok))
		cur_skip(c, 2);
	pkt_ppp_from(d, c, p);
}

/*
 * pppd's captures (DLT_PPP_PPPD): PPP in HDLC-like framing with the
 * address byte replaced by the direction (0 in, 1 out).
 */
static void
pkt_ppp_pppd(struct pkt_decoder *d, struct cursor *c, struct pkt *p)
{
	bool ok;

	cur_skip(c, 1);		/* direction */
	if (cur_peek_u8(c, 0, &ok) == PPP_CONTROL && ok)
		cur_skip(c, 1);
	pkt_ppp_from(d, c, p);
}

static uint16_t
pkt_nflog_u16(struct cursor *c, bool be)
{
	return be ? cur_be16(c) : cur_le16(c);
}

/*
 * NFLOG TLV lengths and types are in the byte order of the host that
 * captured (libpcap swaps them to the reader's order, our own pcap reader
 * leaves them as the file has them).  Types are small numbers (the top
 * bit flags nesting), so the first TLV's type says the order: big-endian
 * only when it is small read that way and not read little-endian.
 */
static bool
pkt_nflog_be(const struct cursor *c)
{
	bool ok2, ok3;
	uint8_t t0 = cur_peek_u8(c, 2, &ok2), t1 = cur_peek_u8(c, 3, &ok3);

	return ok2 && ok3 && (t1 & 0x7f) != 0 && (t0 & 0x7f) == 0;
}

/*
 * Linux NFLOG (what "tcpdump -i nflog:N" writes): address family, version,
 * resource id, then TLVs (length including their 4-byte header, padded to
 * 4 bytes); NFULA_PAYLOAD holds the network-layer packet, decoded by the
 * family (2 IPv4, 10 IPv6, else the IP version nibble).  The packet
 * header attribute's hardware protocol is the payload's ethertype.
 */
static void
pkt_nflog(struct pkt_decoder *d, struct cursor *c, size_t caplen,
    struct pkt *p)
{
	uint8_t family;
	uint16_t hwproto = 0;
	bool be;

	family = cur_u8(c);
	cur_skip(c, NFLOG_HDR_LEN - 1);	/* version, resource id */
	if (c->err) {
		pkt_link_truncated(p, c);
		return;
	}
	be = pkt_nflog_be(c);
	while (cur_left(c) > 0) {
		size_t at = c->off, pad;
		uint16_t len, type;
		struct cursor v;

		len = pkt_nflog_u16(c, be);
		type = pkt_nflog_u16(c, be) & 0x7fff;
		if (c->err) {
			pkt_link_truncated(p, c);
			return;
		}
		if (len < NFLOG_TLV_HDR) {
			an_add(&p->an, AN_LINK_MALFORMED, p->ip_off +
			    (uint32_t)at, len);
			return;
		}
		len -= NFLOG_TLV_HDR;
		if (type == NFULA_PAYLOAD) {
			/* A payload cut by the snap length is decoded as far
			 * as it goes, like any snapped datagram. */
			if (len > cur_left(c) && p->wirelen <= caplen) {
				pkt_link_truncated(p, c);
				return;
			}
			p->ip_off += (uint32_t)c->off;
			p->ethertype = hwproto;
			v = len <= cur_left(c) ? cur_sub(c, len) :
			    cur_rest(c);
			if (family == LINUX_AF_INET)
				pkt_ipv4(d, &v, p);
			else if (family == LINUX_AF_INET6)
				pkt_ipv6(d, &v, p);
			else
				pkt_ip_version(d, &v, p);
			return;
		}
		v = cur_sub(c, len);
		if (c->err) {
			pkt_link_truncated(p, c);
			return;
		}
		if (type == NFULA_PACKET_HDR && cur_left(&v) >= 2)
			hwproto = cur_be16(&v);
		/* the padding, as far as the capture has it */
		pad = (size_t)(4 - len % 4) % 4;
		cur_skip(c, pad <= cur_left(c) ? pad : cur_left(c));
	}
	/* no payload: not IP, unless the snap length cut it off */
	if (p->wirelen > caplen)
		pkt_link_truncated(p, c);
}

/*
 * After a BSD link header with an address family (null, loop, enc,
 * pflog): AF_INET, or AF_INET6 as OpenBSD, FreeBSD, macOS or Linux number
 * it; any other family is not IP.
 */
static void
pkt_bsd_af(struct pkt_decoder *d, struct cursor *c, uint32_t af,
    struct pkt *p)
{
	if (af == 2)
		pkt_ipv4(d, c, p);
	else if (af == 10 || af == 24 || af == 28 || af == 30)
		pkt_ipv6(d, c, p);
}

/*
 * OpenBSD's enc(4) interface (pfSense and OPNsense call it "IPsec"), where
 * IPsec traffic is seen decrypted: address family and flags in the
 * capturing host's byte order (either is taken, as for DLT_NULL), the SPI,
 * then the IP packet.
 */
static void
pkt_enc(struct pkt_decoder *d, struct cursor *c, struct pkt *p)
{
	uint32_t af = cur_le32(c);

	cur_skip(c, 8);		/* SPI, flags */
	if (c->err) {
		pkt_link_truncated(p, c);
		return;
	}
	if ((af & 0xffff) == 0)
		af >>= 24;		/* written big-endian */
	pkt_bsd_af(d, pkt_link_rest(c, p), af, p);
}

/*
 * pf's log (pflog(4)): the header's length (its first byte, the header
 * padded to 4 bytes on the wire) and address family, then the packet.
 */
static void
pkt_pflog(struct pkt_decoder *d, struct cursor *c, struct pkt *p)
{
	bool ok;
	uint8_t len = cur_peek_u8(c, 0, &ok), af = cur_peek_u8(c, 1, &ok);

	if (!ok) {
		pkt_link_truncated(p, c);
		return;
	}
	if (len < 4) {
		an_add(&p->an, AN_LINK_MALFORMED, p->ip_off, len);
		return;
	}
	cur_skip(c, ((size_t)len + 3) & ~(size_t)3);
	if (c->err) {
		pkt_link_truncated(p, c);
		return;
	}
	pkt_bsd_af(d, pkt_link_rest(c, p), af, p);
}

/*
 * LLC (IEEE 802.2) with a SNAP header whose OUI says an ethertype follows
 * (RFC 1042, or 802.1H bridge tunnel): the ethertype dispatch.  Any other
 * LLC is not IP.
 */
static void
pkt_llc(struct pkt_decoder *d, struct cursor *c, struct pkt *p)
{
	uint8_t dsap, ssap, ctl;
	uint32_t oui;
	uint16_t et;

	dsap = cur_u8(c);
	ssap = cur_u8(c);
	ctl = cur_u8(c);
	if (c->err) {
		pkt_link_truncated(p, c);
		return;
	}
	if (dsap != LLC_SNAP_SAP || ssap != LLC_SNAP_SAP || ctl != LLC_UI)
		return;
	oui = cur_be24(c);
	et = cur_be16(c);
	if (c->err) {
		pkt_link_truncated(p, c);
		return;
	}
	if (oui == OUI_RFC1042 || oui == OUI_BRIDGE_TUNNEL)
		pkt_ethertype(d, pkt_link_rest(c, p), et, p);
}

/*
 * An IEEE 802.11 frame (DLT_IEEE802_11, no FCS; radiotap and PPI strip
 * theirs first).  Data frames only: the MAC header (a fourth address when
 * both DS bits are set; QoS control in QoS subtypes, and HT control when
 * such a frame has the order bit), padded to 4 bytes when radiotap says
 * so (pad), then LLC/SNAP.  Management, control and null-data frames are
 * not IP.  A protected (link-encrypted) body, an 802.11 fragment and an
 * A-MSDU cannot be read as one datagram: each is said, not guessed at.
 */
static void
pkt_wlan(struct pkt_decoder *d, struct cursor *c, bool pad, struct pkt *p)
{
	uint8_t fc0, fc1;
	uint16_t seq, qos = 0;

	fc0 = cur_u8(c);
	fc1 = cur_u8(c);
	if (c->err) {
		pkt_link_truncated(p, c);
		return;
	}
	if ((fc0 & WLAN_FC_VERSION) != 0) {
		an_add(&p->an, AN_LINK_MALFORMED, p->ip_off,
		    fc0 & WLAN_FC_VERSION);
		return;
	}
	if (WLAN_FC_TYPE(fc0) != WLAN_TYPE_DATA)
		return;
	cur_skip(c, 2 + 3 * 6);	/* duration, three addresses */
	seq = cur_le16(c);
	if ((fc1 & (WLAN_FC_TODS | WLAN_FC_FROMDS)) ==
	    (WLAN_FC_TODS | WLAN_FC_FROMDS))
		cur_skip(c, 6);	/* the fourth address */
	if (WLAN_FC_SUBTYPE(fc0) & WLAN_SUB_QOS) {
		qos = cur_le16(c);
		if (fc1 & WLAN_FC_ORDER)
			cur_skip(c, 4);
	}
	if (pad)
		cur_skip(c, (4 - c->off % 4) % 4);
	if (c->err) {
		pkt_link_truncated(p, c);
		return;
	}
	if (WLAN_FC_SUBTYPE(fc0) & WLAN_SUB_NODATA)
		return;
	if (fc1 & WLAN_FC_PROTECTED) {
		an_add(&p->an, AN_WLAN_PROTECTED, (uint32_t)fc0 << 8 | fc1, 0);
		return;
	}
	if ((fc1 & WLAN_FC_MOREFRAG) || (seq & 0xf) != 0) {
		an_add(&p->an, AN_WLAN_FRAGMENT, seq & 0xf, seq >> 4);
		return;
	}
	if (qos & WLAN_QOS_AMSDU) {
		an_add(&p->an, AN_WLAN_AMSDU, (uint32_t)cur_left(c), 0);
		return;
	}
	pkt_llc(d, pkt_link_rest(c, p), p);
}

/*
 * An 802.11 frame that a radio header describes.  An FCS (fcs) is the
 * frame's last 4 bytes on the wire, so it is left out of what was
 * captured (all of it, or the part the snap length did not cut off).
 */
static void
pkt_wlan_fcs(struct pkt_decoder *d, struct cursor *c, bool fcs, bool pad,
    struct pkt *p)
{
	size_t wire;

	if (fcs) {
		wire = p->wirelen > p->ip_off ? p->wirelen - p->ip_off : 0;
		if (wire < cur_left(c))
			wire = cur_left(c);
		if (wire < WLAN_FCS_LEN) {
			pkt_link_truncated(p, c);
			return;
		}
		if (wire - WLAN_FCS_LEN < cur_left(c))
			*c = cur_sub(c, wire - WLAN_FCS_LEN);
	}
	pkt_wlan(d, c, pad, p);
}

/*
 * The start of a radiotap or PPI header: version 0, a byte (*second), the
 * header's length (little-endian, at least min, all of it captured).
 * True with h the header, read past those 4 bytes, and c past it; false
 * when the header cannot be decoded, which is said.
 */
static bool
pkt_radio_hdr(struct cursor *c, size_t min, struct cursor *h,
    uint8_t *second, struct pkt *p)
{
	struct cursor t = *c;
	uint8_t ver;
	uint16_t len;

	ver = cur_u8(&t);
	*second = cur_u8(&t);
	len = cur_le16(&t);
	if (t.err) {
		pkt_link_truncated(p, &t);
		return false;
	}
	if (ver != 0) {
		an_add(&p->an, AN_LINK_MALFORMED, p->ip_off, ver);
		return false;
	}
	if (len < min) {
		an_add(&p->an, AN_LINK_MALFORMED, p->ip_off + 2, len);
		return false;
	}
	*h = cur_sub(c, len);
	if (c->err) {
		pkt_link_truncated(p, c);
		return false;
	}
	cur_skip(h, 4);
	return true;
}

/*
 * A radiotap header (DLT_IEEE802_11_RADIO): version 0, pad, its length
 * (little-endian, as every field), present bitmaps chained by bit 31,
 * then the fields, each aligned to its size from the header's start.
 * Only Flags is read (after TSFT when present): whether an FCS ends the
 * frame, whether the MAC header is padded, whether the FCS was bad (the
 * frame is then said and not decoded: its bytes are not what was sent).
 */
static void
pkt_radiotap(struct pkt_decoder *d, struct cursor *c, struct pkt *p)
{
	struct cursor h;
	uint8_t pad, flags = 0;
	uint32_t present, word;

	if (!pkt_radio_hdr(c, RT_HDR_LEN, &h, &pad, p))
		return;
	present = word = cur_le32(&h);
	while (!h.err && (word & RT_EXT))
		word = cur_le32(&h);
	if (!h.err && (present & RT_FLAGS)) {
		if (present & RT_TSFT) {
			cur_skip(&h, (8 - h.off % 8) % 8);
			cur_skip(&h, 8);
		}
		flags = cur_u8(&h);
	}
	if (h.err) {
		/* bitmaps or fields past the header's length */
		an_add(&p->an, AN_LINK_MALFORMED, p->ip_off + 2,
		    (uint32_t)h.len);
		return;
	}
	if (flags & RT_F_BADFCS) {
		an_add(&p->an, AN_WLAN_BAD_FCS, flags, 0);
		return;
	}
	pkt_wlan_fcs(d, pkt_link_rest(c, p), (flags & RT_F_FCS) != 0,
	    (flags & RT_F_DATAPAD) != 0, p);
}

/*
 * A link header of len bytes whose ethertype is at byte at (Linux cooked
 * captures), then the ethertype dispatch.
 */
static void
pkt_link_et(struct pkt_decoder *d, struct cursor *c, size_t at, size_t len,
    struct pkt *p)
{
	uint16_t et;

	cur_skip(c, at);
	et = cur_be16(c);
	cur_skip(c, len - at - 2);
	if (c->err) {
		pkt_link_truncated(p, c);
		return;
	}
	pkt_ethertype(d, pkt_link_rest(c, p), et, p);
}

/* Ethernet: addresses, then the ethertype after any VLAN tags. */
static void
pkt_eth(struct pkt_decoder *d, struct cursor *c, struct pkt *p)
{
	uint16_t et;

	cur_skip(c, 12);
	et = cur_be16(c);
	while (!c->err && (et == ETHERTYPE_VLAN ||
	    et == ETHERTYPE_QINQ || et == ETHERTYPE_QINQ1)) {
		cur_skip(c, 2);	/* TCI */
		et = cur_be16(c);
	}
	if (c->err) {
		pkt_link_truncated(p, c);
		return;
	}
	pkt_ethertype(d, pkt_link_rest(c, p), et, p);
}

static void pkt_ppi(struct pkt_decoder *, struct cursor *, size_t,
    struct pkt *);
static void pkt_pktap(struct pkt_decoder *, struct cursor *, size_t,
    struct pkt *);

/* The link types that carry another: not nested in each other. */
static bool
pkt_link_wraps(int linktype)
{
	return linktype == DLT_PPI || linktype == DLT_PKTAP ||
	    linktype == PKT_LINKTYPE_PKTAP;
}

/*
 * The link header of type linktype at c (p->ip_off bytes into the frame
 * of caplen bytes).  Nested: under a PPI or PKTAP header, which cannot
 * nest another (so the recursion is one deep).
 */
static void
pkt_link(struct pkt_decoder *d, int linktype, struct cursor *c,
    size_t caplen, bool nested, struct pkt *p)
{
	uint32_t af;

	if (nested && pkt_link_wraps(linktype)) {
		an_add(&p->an, AN_LINK_UNSUPPORTED, (uint32_t)linktype, 0);
		return;
	}
	switch (linktype) {
	case DLT_EN10MB:
		pkt_eth(d, c, p);
		break;
	case DLT_LINUX_SLL:	/* the protocol is the header's last field */
		pkt_link_et(d, c, SLL_HDR_LEN - 2, SLL_HDR_LEN, p);
		break;
	case DLT_LINUX_SLL2:	/* ... its first */
		pkt_link_et(d, c, 0, SLL2_HDR_LEN, p);
		break;
	case DLT_RAW:
	case DLT_IPV4:
	case DLT_IPV6:
	case LINKTYPE_RAW:	/* as a PPI header may name it */
		pkt_raw_ip(d, c, p);
		break;
	case DLT_NULL:
	case DLT_LOOP:
		/* Host byte order for NULL (we accept either), network for LOOP. */
		af = linktype == DLT_LOOP ? cur_be32(c) : cur_le32(c);
		if (c->err) {
			pkt_link_truncated(p, c);
			return;
		}
		if (linktype == DLT_NULL && (af & 0xffff) == 0)
			af >>= 24;	/* written big-endian */
		pkt_bsd_af(d, pkt_link_rest(c, p), af, p);
		break;
	case DLT_PPP:
	case DLT_PPP_SERIAL:
		pkt_ppp(d, c, p);
		break;
	case DLT_C_HDLC:
		pkt_chdlc(d, c, p);
		break;
	case DLT_PPP_ETHER:	/* PPPoE without its Ethernet header */
		pkt_pppoe(d, c, true, p);
		break;
	case DLT_PPP_PPPD:
		pkt_ppp_pppd(d, c, p);
		break;
	case DLT_NFLOG:
		pkt_nflog(d, c, caplen, p);
		break;
	case DLT_ENC:
		pkt_enc(d, c, p);
		break;
	case DLT_PFLOG:
		pkt_pflog(d, c, p);
		break;
	case DLT_IEEE802_11:
		pkt_wlan(d, c, false, p);
		break;
	case DLT_IEEE802_11_RADIO:
		pkt_radiotap(d, c, p);
		break;
	case DLT_PPI:
		pkt_ppi(d, c, caplen, p);
		break;
	case PKT_LINKTYPE_PKTAP:
#if DLT_PKTAP != PKT_LINKTYPE_PKTAP
	case DLT_PKTAP:
#endif
		pkt_pktap(d, c, caplen, p);
		break;
	default:
		an_add(&p->an, AN_LINK_UNSUPPORTED, (uint32_t)linktype, 0);
		break;
	}
}

/*
 * A PPI header (DLT_PPI): version 0, flags, its length and the link type
 * of what follows (little-endian), then fields (type, length, data; the
 * data padded to 4 bytes when the flags say aligned).  The 802.11-Common
 * field's flags say whether an 802.11 frame ends with an FCS and whether
 * that FCS was bad; other fields are skipped.
 */
static void
pkt_ppi(struct pkt_decoder *d, struct cursor *c, size_t caplen,
    struct pkt *p)
{
	struct cursor h, f;
	uint8_t flags;
	uint16_t ftype, flen, cflags = 0;
	uint32_t dlt;
	size_t at, pad;

	if (!pkt_radio_hdr(c, PPI_HDR_LEN, &h, &flags, p))
		return;
	dlt = cur_le32(&h);
	while (cur_left(&h) > 0) {
		at = h.off;
		ftype = cur_le16(&h);
		flen = cur_le16(&h);
		f = cur_sub(&h, flen);
		if (ftype == PPI_80211_COMMON) {
			cur_skip(&f, 8);	/* TSF timer */
			cflags = cur_le16(&f);
		}
		if (h.err || f.err) {
			/* a field past the header, or 802.11-Common short */
			an_add(&p->an, AN_LINK_MALFORMED, p->ip_off +
			    (uint32_t)at + 2, flen);
			return;
		}
		pad = flags & PPI_F_ALIGNED ? (size_t)(4 - flen % 4) % 4 : 0;
		cur_skip(&h, pad <= cur_left(&h) ? pad : cur_left(&h));
	}
	c = pkt_link_rest(c, p);
	if (dlt != DLT_IEEE802_11) {
		pkt_link(d, (int)dlt, c, caplen, true, p);
		return;
	}
	if (cflags & PPI_C_BADFCS) {
		an_add(&p->an, AN_WLAN_BAD_FCS, cflags, 0);
		return;
	}
	pkt_wlan_fcs(d, c, (cflags & PPI_C_FCS) != 0, false, p);
}

/*
 * Apple's PKTAP header (what "tcpdump -i pktap" writes on macOS): its
 * length, the record type and the link type of the packet (little-endian,
 * as the rest: interface, process, flags), then the packet when the type
 * says there is one.  A length under the fixed header's is malformed;
 * a longer one (a newer header) is skipped.
 */
static void
pkt_pktap(struct pkt_decoder *d, struct cursor *c, size_t caplen,
    struct pkt *p)
{
	struct cursor h = *c;
	uint32_t len, type, dlt;

	len = cur_le32(&h);
	type = cur_le32(&h);
	dlt = cur_le32(&h);
	if (h.err) {
		pkt_link_truncated(p, &h);
		return;
	}
	if (len < PKTAP_HDR_LEN) {
		an_add(&p->an, AN_LINK_MALFORMED, p->ip_off, len);
		return;
	}
	if (!cur_skip(c, len)) {
		pkt_link_truncated(p, c);
		return;
	}
	if (type == PKTAP_REC_NONE)
		return;
	if (type != PKTAP_REC_PACKET) {
		an_add(&p->an, AN_LINK_MALFORMED, p->ip_off + 4, type);
		return;
	}
	pkt_link(d, (int)dlt, pkt_link_rest(c, p), caplen, true, p);
}

void
pkt_decode(struct pkt_decoder *d, int linktype, const uint8_t *data,
    size_t caplen, struct pkt *p)
{
	struct cursor c = cur_init(data, caplen);

	p->linktype = linktype;
	p->kind = PKT_OTHER;
	p->ip_off = 0;		/* the link header's length, once known */
	p->mpls_labels = 0;
	p->payload = cur_init(NULL, 0);
	pkt_link(d, linktype, &c, caplen, false, p);
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

/*
 * Each byte's decimal digits with a dot after them (an IPv4 octet, copied
 * as 4 bytes and kept as n + 1), a table made once before main.
 */
static struct {
	char	s[4];
	uint8_t	n;		/* digits */
} pkt_oct[256];

static void __attribute__((constructor))
pkt_oct_table(void)
{
	unsigned v, u;
	int n, i;

	for (v = 0; v < 256; v++) {
		n = v >= 100 ? 3 : v >= 10 ? 2 : 1;
		for (i = n - 1, u = v; i >= 0; i--, u /= 10)
			pkt_oct[v].s[i] = (char)('0' + u % 10);
		pkt_oct[v].s[n] = '.';
		pkt_oct[v].n = (uint8_t)n;
	}
}

/* IPv4 dotted quad at e (16 bytes of room), NUL-terminated; the end. */
static char *
pkt_v4_str(char *e, const uint8_t *a)
{
	memcpy(e, pkt_oct[a[0]].s, 4);
	e += pkt_oct[a[0]].n + 1;
	memcpy(e, pkt_oct[a[1]].s, 4);
	e += pkt_oct[a[1]].n + 1;
	memcpy(e, pkt_oct[a[2]].s, 4);
	e += pkt_oct[a[2]].n + 1;
	memcpy(e, pkt_oct[a[3]].s, 4);
	e += pkt_oct[a[3]].n;		/* not its dot */
	*e = '\0';
	return e;
}

/*
 * An IPv6 address as glibc's inet_ntop writes it (RFC 5952): groups in
 * lowercase hex without leading zeros, the first longest run of two or
 * more zero groups as "::", and the last 32 bits as a dotted quad in the
 * IPv4-compatible (::a.b.c.d) and IPv4-mapped (::ffff:a.b.c.d) forms.
 */
static char *
pkt_v6_str(char *e, const uint8_t *a)
{
	static const char hx[] = "0123456789abcdef";
	unsigned w[8];
	int i, base = -1, len = 0, cb = -1, cl = 0;

	for (i = 0; i < 8; i++)
		w[i] = (unsigned)a[2 * i] << 8 | a[2 * i + 1];
	for (i = 0; i <= 8; i++) {
		if (i < 8 && w[i] == 0) {
			if (cb < 0)
				cb = i, cl = 0;
			cl++;
		} else if (cb >= 0) {
			if (cl > len)
				base = cb, len = cl;
			cb = -1;
		}
	}
	if (len < 2)
		base = -1;
	for (i = 0; i < 8; i++) {
		if (base >= 0 && i >= base && i < base + len) {
			if (i == base)
				*e++ = ':';
			continue;
		}
		if (i > 0)
			*e++ = ':';
		if (i == 6 && base == 0 &&
		    (len == 6 || (len == 5 && w[5] == 0xffff)))
			return pkt_v4_str(e, a + 12);
		if (w[i] >= 0x1000)
			*e++ = hx[w[i] >> 12];
		if (w[i] >= 0x100)
			*e++ = hx[w[i] >> 8 & 15];
		if (w[i] >= 0x10)
			*e++ = hx[w[i] >> 4 & 15];
		*e++ = hx[w[i] & 15];
	}
	if (base >= 0 && base + len == 8)
		*e++ = ':';
	*e = '\0';
	return e;
}

size_t
pkt_addr_fmt(int af, const uint8_t *a, char *buf)
{
	return (size_t)((af == 6 ? pkt_v6_str(buf, a) : pkt_v4_str(buf, a)) -
	    buf);
}

const char *
pkt_addr_str(int af, const uint8_t *a, char *buf, size_t len)
{
	if (len >= (af == 6 ? PKT_ADDR_STRLEN : 16))
		pkt_addr_fmt(af, a, buf);
	else
		snprintf(buf, len, "?");
	return buf;
}
