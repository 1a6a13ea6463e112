/*
 * pkt.h - the packet layer: link header -> IPv4/IPv6 (extension headers,
 * AH, fragment reassembly) -> UDP -> port demultiplexing.  The result says
 * what the frame carries (ISAKMP, IKEv2, ESP, NAT keepalive or other) and
 * hands the upper-layer bytes on as a cursor.
 *
 * Link types: Ethernet (802.1Q, 802.1ad and 0x9100 tags; PPPoE sessions
 * and MPLS label stacks under any ethertype dispatch, with IP or an
 * Ethernet pseudowire after its control word under the stack), Linux
 * cooked SLL
 * and SLL2, raw IP, BSD null and loop, PPP (DLT_PPP, DLT_PPP_SERIAL),
 * Cisco HDLC, Linux NFLOG, OpenBSD enc and pflog, and IEEE 802.11 data
 * frames (LLC/SNAP into the same ethertype dispatch), bare or under a
 * radiotap header (whose flags say whether an FCS trails the frame); a
 * PPI header (802.11 the usual link type under it) or Apple's PKTAP
 * header in front of any of these.
 *
 * Classification rules: UDP port 500 (either side) and any --ike-port is
 * ISAKMP; UDP 4500 is split per RFC 3948 (natt.h); IP protocol 50 is ESP.
 * A message whose ISAKMP major version is 2 is IKEv2.
 */
#ifndef IKESCOPE_PKT_H
#define IKESCOPE_PKT_H

#include <pcap/dlt.h>
#include <stdbool.h>
#include <stdint.h>

#include "core/anomaly.h"
#include "dissectors/cursor.h"
#include "capture/reasm.h"

/* Link types pkt_decode knows that an older pcap/dlt.h may not name. */
#ifndef DLT_LINUX_SLL2
#define DLT_LINUX_SLL2	276
#endif
#ifndef DLT_IPV4
#define DLT_IPV4	228
#endif
#ifndef DLT_IPV6
#define DLT_IPV6	229
#endif
#ifndef DLT_PPP
#define DLT_PPP		9
#endif
#ifndef DLT_PPP_SERIAL
#define DLT_PPP_SERIAL	50
#endif
#ifndef DLT_C_HDLC
#define DLT_C_HDLC	104
#endif
#ifndef DLT_NFLOG
#define DLT_NFLOG	239
#endif
#ifndef DLT_PPP_ETHER
#define DLT_PPP_ETHER	51
#endif
#ifndef DLT_PPP_PPPD
#define DLT_PPP_PPPD	166
#endif
/* OpenBSD's numbers differ; files and libpcap elsewhere use these */
#ifndef DLT_ENC
#define DLT_ENC		109
#endif
#ifndef DLT_PFLOG
#define DLT_PFLOG	117
#endif
#ifndef DLT_IEEE802_11
#define DLT_IEEE802_11	105
#endif
#ifndef DLT_IEEE802_11_RADIO
#define DLT_IEEE802_11_RADIO 127
#endif
#ifndef DLT_PPI
#define DLT_PPI		192
#endif
/* Apple's PKTAP: files say 258, which libpcap reports as DLT_PKTAP (149,
 * DLT_USER2, on Darwin); both are taken */
#define PKT_LINKTYPE_PKTAP 258
#ifndef DLT_PKTAP
#define DLT_PKTAP	PKT_LINKTYPE_PKTAP
#endif

enum pkt_kind {
	PKT_OTHER = 0,
	PKT_ISAKMP,
	PKT_IKEV2,
	PKT_ESP,
	PKT_NAT_KEEPALIVE
};

#define PKT_IKE_PORT		500
#define PKT_MAX_IKE_PORTS	16
#define PKT_MAX_EXT_HDRS	16	/* IPv6 extension headers walked */
#define PKT_MAX_MPLS_LABELS	16	/* MPLS label stack entries walked
					   (all stacks of a frame) */

struct pkt {
	uint32_t	frame;		/* 1-based, across the files read */
	uint32_t	file_frame;	/* 1-based, in its file */
	unsigned	file;		/* capture set: 1-based file in the order
					   read; 0 when not a set */
	double		ts;		/* seconds since the epoch */
	uint32_t	caplen, wirelen;
	int		linktype;

	int		af;		/* 4, 6, or 0 when not IP */
	uint8_t		src[16], dst[16];
	uint8_t		proto;		/* upper-layer protocol */
	uint8_t		ttl;
	uint16_t	ethertype;	/* when the link says */
	uint8_t		mpls_labels;	/* MPLS label stack entries walked */
	uint32_t	ip_len;		/* datagram length (after reassembly) */
	/*
	 * The frame's own IP datagram (af != 0): its offset in the frame
	 * (after the link header), its bytes captured (to the end of the
	 * header's total length, or of the capture when that is shorter)
	 * and its length on the wire by its header.  A fragment's are the
	 * fragment's, also when it completed a reassembly.
	 */
	uint32_t	ip_off, ip_caplen, ip_wirelen;
	bool		snapped;	/* datagram cut short by the snap length */

	bool		has_ports;
	uint16_t	sport, dport;
	bool		natt;		/* carried in UDP 4500 encapsulation */

	bool		fragment;	/* a fragment that completed nothing */
	uint32_t	frag_id;
	uint32_t	frag_off;
	bool		frag_more;
	bool		reassembled;	/* this frame completed a datagram */
	unsigned	nfrags;
	uint32_t	first_frame;

	enum pkt_kind	kind;
	struct cursor	payload;	/* ISAKMP message / ESP header onward */
	struct an_list	an;
};

struct pkt_decoder {
	struct reasm	*ra;		/* NULL: fragments are not reassembled */
	uint16_t	 ike_ports[PKT_MAX_IKE_PORTS];
	size_t		 nike_ports;
	/* ports demultiplexed as RFC 3948 says (4500 and --natt-port) */
	uint16_t	 natt_ports[PKT_MAX_IKE_PORTS];
	size_t		 nnatt_ports;
};

int		pkt_decoder_init(struct pkt_decoder *,
		    const struct reasm_limits *, char *, size_t);
void		pkt_decoder_free(struct pkt_decoder *);
int		pkt_add_ike_port(struct pkt_decoder *, uint16_t);
/* Another UDP port carrying NAT-T (ESP-in-UDP, marked IKE, keepalives);
 * an ISAKMP port (500, --ike-port) stays ISAKMP. */
int		pkt_add_natt_port(struct pkt_decoder *, uint16_t);
void		pkt_decode(struct pkt_decoder *, int, const uint8_t *, size_t,
		    struct pkt *);
const char	*pkt_kind_name(enum pkt_kind);
/*
 * An address (af 6: IPv6, else IPv4) in text as inet_ntop writes it, but
 * without its sprintf per address.  pkt_addr_fmt writes it and its NUL
 * into PKT_ADDR_STRLEN bytes and returns its length; pkt_addr_str into
 * len bytes, "?" when they cannot hold it, and returns buf.
 */
#define PKT_ADDR_STRLEN	46
size_t		pkt_addr_fmt(int, const uint8_t *, char *);
const char	*pkt_addr_str(int, const uint8_t *, char *, size_t);

#endif
