/*
 * test_espd.c - the ESP decryption step (espd): the ESN high half
 * of an SA seen from the middle (the capture began after the SA passed
 * 2^32 packets), found by trying the next high halves on its first
 * packets, and the bound on that search; ESN inferred for an SA whose
 * key source does not say, and its bound; TFC padding after a UDP
 * datagram in transport mode (RFC 4303 2.4).
 *
 * Packets are built here: IPv4, ESP with NULL encryption and
 * HMAC-SHA1-96 (RFC 2404), transport mode carrying a small UDP datagram;
 * with ESN the ICV covers the high half appended (RFC 4303 3.3.2.1).
 */
#include <pcap/dlt.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include "check.h"
#include "dissectors/esp.h"
#include "esp/espd.h"
#include "keys/keyfile.h"
#include "keys/keystore.h"
#include "capture/pkt.h"
#include "pktgen.h"

static const uint8_t key_a[20] = { 0x11, 0x22, 0x33, 0x44, 5, 6, 7, 8, 9,
	10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20 };
static const uint8_t key_b[20] = { 0xaa, 0xbb, 0xcc, 0xdd, 5, 6, 7, 8, 9,
	10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20 };

static const char keys[] =
    "esp spi=00001001 dst=192.0.2.2 enc=null auth=hmac-sha1-96 "
    "auth_key=1122334405060708090a0b0c0d0e0f1011121314 esn=yes\n"
    "esp spi=00001002 dst=192.0.2.2 enc=null auth=hmac-sha1-96 "
    "auth_key=1122334405060708090a0b0c0d0e0f1011121314 esn=yes\n"
    "esp spi=00001003 dst=192.0.2.2 enc=null auth=hmac-sha1-96 "
    "auth_key=1122334405060708090a0b0c0d0e0f1011121314 esn=no\n"
    /* the next two do not say whether they use ESN */
    "esp spi=00001004 dst=192.0.2.2 enc=null auth=hmac-sha1-96 "
    "auth_key=1122334405060708090a0b0c0d0e0f1011121314\n"
    "esp spi=00001005 dst=192.0.2.2 enc=null auth=hmac-sha1-96 "
    "auth_key=1122334405060708090a0b0c0d0e0f1011121314\n"
    "esp spi=00001006 dst=192.0.2.2 enc=null auth=hmac-sha1-96 "
    "auth_key=1122334405060708090a0b0c0d0e0f1011121314\n"
    /* one wildcard entry (SPIs 0x2000....), ESN not said */
    "\"IPv4\",\"*\",\"*\",\"0x2000*\",\"NULL\",\"\",\"HMAC-SHA-1-96 [RFC2404]\","
    "\"0x1122334405060708090a0b0c0d0e0f1011121314\"\n"
    /* and another, for the flow limit */
    "\"IPv4\",\"*\",\"*\",\"0x3*\",\"NULL\",\"\",\"HMAC-SHA-1-96 [RFC2404]\","
    "\"0x1122334405060708090a0b0c0d0e0f1011121314\"\n";

static struct pkt_decoder pd;
static struct espd *D;
static struct ks *K;

/* UDP 1000 -> 2000, length 12, 4 bytes; pad 1 2, pad length 2, next
 * header 17 */
static const uint8_t udp12[] = { 0x03, 0xe8, 0x07, 0xd0, 0, 12, 0, 0,
	'd', 'a', 't', 'a', 1, 2, 2, 17 };

/*
 * Build an IPv4/ESP packet of SA spi with 64-bit sequence number seq64
 * and ESP payload body (with its trailer), its ICV keyed with key (with
 * the high half appended when esn), and run it through espd_packet.
 */
static struct espd_layer
esp_body(uint32_t spi, uint64_t seq64, const uint8_t *key, bool esn,
    const uint8_t *body, size_t blen)
{
	uint8_t in[128], mac[EVP_MAX_MD_SIZE];
	unsigned ml = 0;
	struct pg g;
	struct pkt p;
	struct esp_hdr h;
	struct espd_result r;

	pg_init(&g);
	pg_append(&g, body, blen);
	pg_esp(&g, spi, (uint32_t)seq64);
	/* the high half is not sent; it follows the packet for the ICV */
	memcpy(in, pg_data(&g), g.n);
	pg_w32(in + g.n, (uint32_t)(seq64 >> 32));
	HMAC(EVP_sha1(), key, 20, in, g.n + (esn ? 4 : 0), mac, &ml);
	pg_append(&g, mac, 12);
	pg_ipv4(&g, pg_v4a, pg_v4b, 50, 0, 1, 0);
	memset(&p, 0, sizeof(p));
	p.caplen = p.wirelen = (uint32_t)g.n;
	pkt_decode(&pd, DLT_RAW, pg_data(&g), g.n, &p);
	CHECK_EQ_U(p.kind, PKT_ESP);
	memset(&r, 0, sizeof(r));
	if (esp_decode_hdr(&p.payload, &h) != DIS_OK)
		CHECK(0);
	else
		espd_packet(D, &p, &h, &r);
	return r.l[0];
}

static struct espd_layer
esp_run(uint32_t spi, uint64_t seq64, const uint8_t *key, bool esn)
{
	return esp_body(spi, seq64, key, esn, udp12, sizeof(udp12));
}

/* The flow to pg_v4b of SA spi (its entry's, exact or wildcard). */
static const struct espd_flow *
sa_of(uint32_t spi)
{
	static const struct espd_flow none;
	const struct ks_esp_sa *sa = ks_find_esp(K, 4, pg_v4a, pg_v4b, spi);
	const struct espd_flow *f = sa == NULL ? NULL :
	    espd_flow_find(D, sa, 4, pg_v4b, spi);

	CHECK(f != NULL);
	return f != NULL ? f : &none;
}

/* An SA seen from high half 5: found on the first packet, kept after. */
static void
test_midway(void)
{
	uint64_t s = (uint64_t)5 << 32 | 0xfffffff0U;
	struct espd_layer l;
	int i;

	for (i = 0; i < 32; i++, s++) {
		l = esp_run(0x1001, s, key_a, true);
		CHECK(l.decrypted);
		CHECK_EQ_U(l.icv, CRY_ICV_OK);
		CHECK_EQ_U(l.seq64, s);
	}
	CHECK_EQ_U(sa_of(0x1001)->esn_probes, 1);
	/* a late packet from before the wrap (inside the window) */
	l = esp_run(0x1001, (uint64_t)5 << 32 | 0xfffffffeU, key_a, true);
	CHECK(l.decrypted);
	CHECK_EQ_U(l.seq64, (uint64_t)5 << 32 | 0xfffffffeU);
}

/*
 * Packets the SA's key does not verify: only the first 8 are tried with
 * other high halves; a right one at high half 0 still decrypts after.
 */
static void
test_wrong_key_bound(void)
{
	struct espd_layer l;
	int i, bad = 0;

	for (i = 0; i < 12; i++) {
		l = esp_run(0x1002, (uint64_t)1 << 32 | (uint32_t)(100 + i),
		    key_b, true);
		CHECK(!l.decrypted);
		bad += l.icv == CRY_ICV_BAD;
	}
	CHECK_EQ_U(sa_of(0x1002)->esn_probes, 8);
	CHECK_EQ_U(bad, 12);
	l = esp_run(0x1002, 200, key_a, true);
	CHECK(l.decrypted);
	CHECK_EQ_U(l.seq64, 200);
}

/*
 * An SA whose key source does not say ESN, its packets ESN from high half
 * 3: the first packet finds it (seq64 and esn_inferred from then on);
 * what verifies with 32-bit numbers is never tried with ESN.
 */
static void
test_esn_inferred(void)
{
	uint64_t s = (uint64_t)3 << 32 | 0xfffffffaU;
	struct espd_layer l;
	int i;

	for (i = 0; i < 12; i++, s++) {
		l = esp_run(0x1004, s, key_a, true);
		CHECK(l.decrypted);
		CHECK_EQ_U(l.icv, CRY_ICV_OK);
		CHECK(l.esn && l.esn_inferred);
		CHECK_EQ_U(l.seq64, s);
	}
	CHECK(sa_of(0x1004)->esn && sa_of(0x1004)->esn_inferred);
	CHECK_EQ_U(sa_of(0x1004)->esn_probes, 1);
	l = esp_run(0x1005, 9, key_a, false);
	CHECK(l.decrypted && !l.esn && !l.esn_inferred);
	CHECK_EQ_U(sa_of(0x1005)->esn_probes, 0);
}

/*
 * ... and with the wrong key: only the first 8 packets are tried with
 * ESN, the SA stays 32-bit and still decrypts with the right one.
 */
static void
test_esn_infer_bound(void)
{
	struct espd_layer l;
	int i;

	for (i = 0; i < 12; i++) {
		l = esp_run(0x1006, (uint64_t)1 << 32 | (uint32_t)(50 + i),
		    key_b, true);
		CHECK(!l.decrypted && !l.esn);
		CHECK_EQ_U(l.icv, CRY_ICV_BAD);
	}
	CHECK_EQ_U(sa_of(0x1006)->esn_probes, 8);
	CHECK(!sa_of(0x1006)->esn && !sa_of(0x1006)->esn_inferred);
	l = esp_run(0x1006, 70, key_a, false);
	CHECK(l.decrypted && !l.esn);
	CHECK_EQ_U(l.seq64, 70);
}

/*
 * One wildcard entry, two flows: 0x20000001 ESN from high half 3, found
 * on its first packet, 0x20000002 32-bit with its counter far below;
 * interleaved, each reads its own way (ESN, high half and window are
 * the flow's, not the entry's).
 */
static void
test_wildcard_flows(void)
{
	uint64_t s = (uint64_t)3 << 32 | 0xfffffff8U;
	const struct espd_flow *f;
	struct espd_layer l;
	int i, n = 0;

	for (i = 0; i < 16; i++, s++) {
		l = esp_run(0x20000001, s, key_a, true);
		CHECK(l.decrypted && l.esn && l.esn_inferred);
		CHECK_EQ_U(l.seq64, s);
		l = esp_run(0x20000002, (uint64_t)(100 + i), key_a, false);
		CHECK(l.decrypted && !l.esn && !l.esn_inferred);
		CHECK_EQ_U(l.icv, CRY_ICV_OK);
		CHECK_EQ_U(l.seq64, 100 + i);
	}
	CHECK(sa_of(0x20000001)->esn && sa_of(0x20000001)->esn_inferred);
	CHECK(!sa_of(0x20000002)->esn && !sa_of(0x20000002)->esn_inferred);
	CHECK(sa_of(0x20000001)->sa == sa_of(0x20000002)->sa);
	CHECK(!sa_of(0x20000001)->sa->esn);	/* the entry as given */
	/* listed as inferred (for the summary and keys --export): one only */
	for (f = espd_inferred_next(D, NULL); f != NULL;
	    f = espd_inferred_next(D, f))
		n += f->sa == sa_of(0x20000001)->sa;
	CHECK_EQ_U(n, 1);
}

/*
 * Flows are capped (each holds cipher state): in a fresh decryptor,
 * ESPD_MAX_FLOWS flows decrypt, the next one's packets are refused and
 * counted, and the flows held still decrypt.
 */
static void
test_flow_limit(void)
{
	struct espd *keep = D;
	struct espd_layer l;
	char err[256];
	uint32_t i, ok = 0;

	D = espd_new(K, CRY_EVP, 1, 0, err, sizeof(err));
	CHECK(D != NULL);
	if (D == NULL) {
		D = keep;
		return;
	}
	for (i = 0; i < ESPD_MAX_FLOWS; i++) {
		l = esp_run(0x30000000 + i, 1, key_a, false);
		ok += l.decrypted;
	}
	CHECK_EQ_U(ok, ESPD_MAX_FLOWS);
	CHECK_EQ_U(espd_flows_refused(D), 0);
	l = esp_run(0x30000000 + i, 1, key_a, false);
	CHECK(!l.decrypted && l.sa_known);
	CHECK_STR(l.error, "flow_limit");
	l = esp_run(0x30000000 + i, 2, key_a, false);
	CHECK_STR(l.error, "flow_limit");
	CHECK_EQ_U(espd_flows_refused(D), 2);
	l = esp_run(0x30000000, 2, key_a, false);
	CHECK(l.decrypted);
	espd_free(D);
	D = keep;
}

/* Without ESN, said so, nothing is tried. */
static void
test_no_esn(void)
{
	struct espd_layer l;

	l = esp_run(0x1003, 7, key_b, false);
	CHECK(!l.decrypted);
	CHECK_EQ_U(sa_of(0x1003)->esn_probes, 0);
	l = esp_run(0x1003, 8, key_a, false);
	CHECK(l.decrypted);
	CHECK_EQ_U(l.seq64, 8);
}

/*
 * Transport mode: TFC padding may follow a UDP datagram (its length field
 * says where it ends); a UDP length past the payload or below 8 is not a
 * datagram.
 */
static void
test_transport_tfc(void)
{
	uint8_t b[24];
	struct espd_layer l;

	memcpy(b, udp12, 12);
	memcpy(b + 12, "TFC padding!", 8);	/* 8 bytes of TFC padding */
	memcpy(b + 20, "\x01\x02\x02\x11", 4);
	l = esp_body(0x1003, 9, key_a, false, b, sizeof(b));
	CHECK(l.decrypted);
	CHECK_EQ_U(l.mode, ESPD_TRANSPORT);
	CHECK_EQ_U(l.tfc_pad, 8);
	CHECK_EQ_U(l.ip_len, 20 + 12);
	CHECK(l.ip != NULL && memcmp(l.ip + 20, udp12, 12) == 0);
	CHECK(l.ip != NULL && l.ip[2] == 0 && l.ip[3] == 32 && l.ip[9] == 17);
	b[5] = 21;		/* past the payload */
	l = esp_body(0x1003, 10, key_a, false, b, sizeof(b));
	CHECK(!l.decrypted);
	CHECK_STR(l.error, "bad_inner");
	b[5] = 7;		/* shorter than its header */
	l = esp_body(0x1003, 11, key_a, false, b, sizeof(b));
	CHECK(!l.decrypted);
	CHECK_STR(l.error, "bad_inner");
	b[5] = 20;		/* all of it: no TFC padding */
	l = esp_body(0x1003, 12, key_a, false, b, sizeof(b));
	CHECK(l.decrypted);
	CHECK_EQ_U(l.tfc_pad, 0);
	CHECK_EQ_U(l.ip_len, 20 + 20);
}

int
main(void)
{
	char err[256];

	K = ks_new();
	CHECK(K != NULL);
	if (kf_load_text(K, keys, strlen(keys), "test", err,
	    sizeof(err)) == -1) {
		fprintf(stderr, "%s\n", err);
		return 1;
	}
	if (pkt_decoder_init(&pd, NULL, err, sizeof(err)) == -1 ||
	    (D = espd_new(K, CRY_EVP, 1, 0, err, sizeof(err))) == NULL) {
		fprintf(stderr, "%s\n", err);
		return 1;
	}
	test_midway();
	test_wrong_key_bound();
	test_esn_inferred();
	test_esn_infer_bound();
	test_no_esn();
	test_wildcard_flows();
	test_flow_limit();
	test_transport_tfc();
	espd_free(D);
	pkt_decoder_free(&pd);
	ks_free(K);
	return check_done("test_espd");
}
