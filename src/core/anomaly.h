/*
 * anomaly.h - anomalies as data: a stable id, a severity and a short text,
 * attached to the packet, message or SA they concern.  The table is the
 * single place where ids, severities and texts live (doc/anomalies.md
 * lists them for users).
 */
#ifndef IKESCOPE_ANOMALY_H
#define IKESCOPE_ANOMALY_H

#include <stddef.h>
#include <stdint.h>

enum an_severity { AN_NOTE, AN_WARN, AN_ERROR };

/* X(enum, "stable_id", severity, "text with up to two %u arguments") */
#define ANOMALY_TABLE(X)						\
	X(AN_LINK_TRUNCATED, "link_truncated", AN_ERROR,		\
	    "link-layer header truncated (%u bytes captured)")		\
	X(AN_LINK_UNSUPPORTED, "link_unsupported", AN_NOTE,		\
	    "unsupported link type %u")					\
	X(AN_LINK_MALFORMED, "link_malformed", AN_ERROR,		\
	    "link-layer header field at byte %u has invalid value %u")	\
	X(AN_MPLS_LABEL_LIMIT, "mpls_label_limit", AN_WARN,		\
	    "more than %u MPLS labels: not decoded")			\
	X(AN_MPLS_PAYLOAD_UNKNOWN, "mpls_payload_unknown", AN_NOTE,	\
	    "MPLS payload starting with nibble %u (not IPv4, IPv6 or a "	\
	    "pseudowire control word): not decoded")			\
	X(AN_WLAN_PROTECTED, "wlan_protected", AN_NOTE,		\
	    "protected 802.11 data frame (frame control 0x%04x): "	\
	    "encrypted at the link layer, not decoded")			\
	X(AN_WLAN_BAD_FCS, "wlan_bad_fcs", AN_WARN,			\
	    "802.11 frame marked as failing its FCS check (flags 0x%02x): " \
	    "not decoded")						\
	X(AN_WLAN_FRAGMENT, "wlan_fragment", AN_NOTE,			\
	    "802.11 fragment %u of sequence number %u: not reassembled")	\
	X(AN_WLAN_AMSDU, "wlan_amsdu", AN_NOTE,			\
	    "802.11 A-MSDU of %u bytes (aggregated frames): not decoded")	\
	X(AN_IP_TRUNCATED, "ip_truncated", AN_ERROR,			\
	    "IP header truncated (%u bytes present)")			\
	X(AN_IP_BAD_VERSION, "ip_bad_version", AN_ERROR,		\
	    "IP version %u where %u was expected")			\
	X(AN_IP_BAD_HLEN, "ip_bad_header_length", AN_ERROR,		\
	    "IPv4 header length %u bytes is invalid (total %u)")	\
	X(AN_IP_BAD_LEN, "ip_bad_length", AN_ERROR,			\
	    "IP total length %u is shorter than its header (%u)")	\
	X(AN_IP_SNAPLEN, "ip_snaplen", AN_NOTE,			\
	    "IP datagram of %u bytes captured as %u (snap length)")	\
	X(AN_IP_TRAILER, "ip_trailer", AN_NOTE,			\
	    "%u bytes after the IP datagram (link padding)")		\
	X(AN_IPV6_EXT_TRUNCATED, "ipv6_ext_truncated", AN_ERROR,	\
	    "IPv6 extension header %u truncated")			\
	X(AN_IPV6_EXT_LOOP, "ipv6_ext_limit", AN_ERROR,		\
	    "more than %u IPv6 extension headers")			\
	X(AN_IPV6_FRAG_REPEATED, "ipv6_frag_repeated", AN_ERROR,	\
	    "second IPv6 fragment header (next header %u): not decoded")\
	X(AN_AH_TRUNCATED, "ah_truncated", AN_ERROR,			\
	    "AH header truncated (%u bytes present)")			\
	X(AN_UDP_TRUNCATED, "udp_truncated", AN_ERROR,			\
	    "UDP header truncated (%u bytes present)")			\
	X(AN_UDP_BAD_LEN, "udp_bad_length", AN_ERROR,			\
	    "UDP length %u does not fit the %u bytes of the datagram")	\
	X(AN_FRAG_OVERLAP, "frag_overlap", AN_ERROR,			\
	    "overlapping IP fragment (id 0x%x): datagram dropped")	\
	X(AN_FRAG_OVERSIZE, "frag_oversize", AN_ERROR,			\
	    "IP fragment (id 0x%x) ends past %u bytes: dropped")	\
	X(AN_FRAG_TIMEOUT, "frag_timeout", AN_WARN,			\
	    "%u incomplete IP datagram(s) timed out")			\
	X(AN_FRAG_EVICTED, "frag_evicted", AN_WARN,			\
	    "reassembly memory cap: oldest incomplete datagram dropped")\
	X(AN_FRAG_DUPLICATE, "frag_duplicate", AN_NOTE,		\
	    "duplicate IP fragment (id 0x%x) ignored")			\
	X(AN_FRAG_INCONSISTENT, "frag_inconsistent", AN_ERROR,		\
	    "inconsistent IP fragment (id 0x%x): datagram dropped")	\
	X(AN_IKEFRAG_DUPLICATE, "ike_frag_duplicate", AN_NOTE,		\
	    "duplicate IKE fragment %u of fragment ID %u ignored")	\
	X(AN_IKEFRAG_CONFLICT, "ike_frag_conflict", AN_ERROR,		\
	    "IKE fragment %u of fragment ID %u differs from an earlier copy: message dropped") \
	X(AN_IKEFRAG_LIMIT, "ike_frag_limit", AN_ERROR,			\
	    "IKE fragment %u of fragment ID %u out of bounds (number 1-32, 64 KiB): message dropped") \
	X(AN_IKEFRAG_EVICTED, "ike_frag_evicted", AN_WARN,		\
	    "IKE fragment reassembly full: oldest incomplete message dropped") \
	X(AN_IKEFRAG_TIMEOUT, "ike_frag_timeout", AN_WARN,		\
	    "incomplete fragmented IKE message(s) timed out")		\
	X(AN_NATT_INVALID, "natt_invalid", AN_ERROR,			\
	    "NAT-T payload of %u bytes (UDP port %u) is neither ESP, IKE nor a " \
	    "keepalive") \
	X(AN_ESP_TRUNCATED, "esp_truncated", AN_ERROR,			\
	    "ESP header truncated (%u bytes present)")			\
	X(AN_ESP_SPI_ZERO, "esp_spi_zero", AN_ERROR,			\
	    "ESP SPI 0 is reserved")					\
	X(AN_ISAKMP_TRUNCATED, "isakmp_truncated", AN_ERROR,		\
	    "ISAKMP header truncated (%u of 28 bytes)")		\
	X(AN_ISAKMP_LEN_SHORT, "isakmp_length_short", AN_ERROR,	\
	    "ISAKMP length %u is less than the 28-byte header")	\
	X(AN_ISAKMP_LEN_PAST_END, "isakmp_length_past_end", AN_ERROR,	\
	    "ISAKMP length %u but only %u bytes present")		\
	X(AN_ISAKMP_TRAILING, "isakmp_trailing", AN_WARN,		\
	    "%u bytes after the ISAKMP message")			\
	X(AN_ISAKMP_PL_SHORT, "payload_length_short", AN_ERROR,	\
	    "payload at offset %u has length %u (< 4)")		\
	X(AN_ISAKMP_PL_PAST_END, "payload_past_end", AN_ERROR,		\
	    "payload at offset %u runs past the message end")		\
	X(AN_ISAKMP_PL_TRAILING, "payload_trailing", AN_WARN,		\
	    "%u bytes after the last payload")				\
	X(AN_ISAKMP_PL_RESERVED, "payload_reserved", AN_WARN,		\
	    "payload reserved octet is %u, not 0")			\
	X(AN_ISAKMP_TOO_MANY, "payload_limit", AN_ERROR,		\
	    "more than %u payloads in one message")			\
	X(AN_ISAKMP_BAD_VERSION, "isakmp_bad_version", AN_ERROR,	\
	    "ISAKMP version %u.%u is unknown")				\
	X(AN_ISAKMP_BAD_FLAGS, "isakmp_bad_flags", AN_WARN,		\
	    "undefined ISAKMP flag bits set (0x%02x)")			\
	X(AN_ISAKMP_PL_UNKNOWN, "payload_unknown_type", AN_WARN,	\
	    "payload type %u is unknown or not valid here")		\
	X(AN_ISAKMP_PL_BODY_SHORT, "payload_body_short", AN_ERROR,	\
	    "payload type %u: %u body bytes are too few for its fields") \
	X(AN_ISAKMP_PL_BODY_TRAILING, "payload_body_trailing", AN_WARN, \
	    "payload type %u: %u bytes after its contents")		\
	X(AN_ISAKMP_FIELD_RESERVED, "reserved_not_zero", AN_WARN,	\
	    "payload type %u: reserved field is 0x%x, not 0")		\
	X(AN_ISAKMP_PROP_LEN, "proposal_length", AN_ERROR,		\
	    "proposal or transform length %u does not fit (%u bytes left)") \
	X(AN_ISAKMP_PROP_NP, "proposal_next_payload", AN_WARN,		\
	    "next payload %u inside an SA payload where %u was expected") \
	X(AN_ISAKMP_XFORM_COUNT, "transform_count", AN_WARN,		\
	    "proposal declares %u transforms, %u present")		\
	X(AN_ISAKMP_PROP_LIMIT, "proposal_limit", AN_WARN,		\
	    "more than %u proposals in one SA payload: rest not decoded") \
	X(AN_ISAKMP_XFORM_LIMIT, "transform_limit", AN_WARN,		\
	    "more than %u transforms in one proposal: rest not decoded") \
	X(AN_ISAKMP_ATTR_LIMIT, "attribute_limit", AN_WARN,		\
	    "more than %u attributes in one list: rest not decoded")	\
	X(AN_ISAKMP_ATTR_TRUNC, "attribute_truncated", AN_ERROR,	\
	    "attribute type %u runs past its container (%u bytes left)") \
	X(AN_ISAKMP_ATTR_FORM, "attribute_impossible", AN_WARN,	\
	    "attribute type %u in a form its registry rules out (%u bytes)") \
	X(AN_ISAKMP_ID_LEN, "id_length", AN_WARN,			\
	    "ID type %u with %u data bytes (wrong length for the type)") \
	X(AN_ISAKMP_SPI_COUNT, "spi_count", AN_ERROR,			\
	    "Delete lists %u SPIs but only %u bytes follow")		\
	X(AN_ISAKMP_SITUATION, "situation_unsupported", AN_NOTE,	\
	    "IPsec situation 0x%x (labeled domain) is not decoded")	\
	X(AN_ISAKMP_SPI_SIZE, "spi_size", AN_WARN,			\
	    "protocol %u with SPI size %u")

enum an_id {
#define AN_ENUM(e, id, sev, text) e,
	ANOMALY_TABLE(AN_ENUM)
#undef AN_ENUM
	AN__COUNT
};

#define AN_LIST_MAX	8

struct an_rec {
	uint16_t	id;		/* enum an_id */
	uint32_t	arg[2];
};

/* A bounded list; what does not fit is counted in dropped, never lost. */
struct an_list {
	uint8_t		n;
	uint8_t		dropped;
	struct an_rec	a[AN_LIST_MAX];
};

void		an_add(struct an_list *, enum an_id, uint32_t, uint32_t);
const char	*an_stable_id(enum an_id);
enum an_severity an_severity(enum an_id);
const char	*an_severity_name(enum an_severity);
int		an_format(const struct an_rec *, char *, size_t);
int		an_worst(const struct an_list *);

#endif
