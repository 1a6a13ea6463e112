/*
 * test_natt.c - RFC 3948 section 2 demultiplexing of UDP 4500 payloads:
 * the one-octet 0xFF NAT-keepalive, the four-zero-octet non-ESP marker in
 * front of IKE, ESP (non-zero SPI), and what is none of them (empty,
 * 1 octet other than 0xFF, 2 or 3 octets, an errored cursor).
 */
#include <stdint.h>

#include "check.h"
#include "dissectors/natt.h"

static enum natt_kind
classify(const uint8_t *p, size_t n, size_t *off_after)
{
	struct cursor c = cur_init(p, n);
	enum natt_kind k = natt_classify(&c);

	*off_after = c.off;
	CHECK(cur_ok(&c));
	return k;
}

int
main(void)
{
	static const uint8_t ka[] = { 0xff };
	static const uint8_t not_ka[] = { 0xfe };
	static const uint8_t zero1[] = { 0x00 };
	static const uint8_t two[] = { 0xff, 0xff };
	static const uint8_t three[] = { 0x00, 0x00, 0x00 };
	static const uint8_t marker_only[] = { 0, 0, 0, 0 };
	static const uint8_t ike[] = {
		0, 0, 0, 0,			/* non-ESP marker */
		1, 2, 3, 4, 5, 6, 7, 8,		/* initiator cookie */
	};
	static const uint8_t esp[] = {
		0x00, 0x00, 0x01, 0x00,		/* SPI 256 */
		0, 0, 0, 1, 0xaa, 0xbb
	};
	static const uint8_t esp4[] = { 0x12, 0x34, 0x56, 0x78 };
	static const uint8_t esp_lowbyte[] = { 0, 0, 0, 1, 0, 0, 0, 1 };
	size_t off;
	struct cursor c;

	CHECK_EQ_U(classify(ka, sizeof(ka), &off), NATT_KEEPALIVE);
	CHECK_EQ_U(off, 0);
	CHECK_EQ_U(classify(not_ka, sizeof(not_ka), &off), NATT_INVALID);
	CHECK_EQ_U(classify(zero1, sizeof(zero1), &off), NATT_INVALID);
	CHECK_EQ_U(classify(two, sizeof(two), &off), NATT_INVALID);
	CHECK_EQ_U(classify(three, sizeof(three), &off), NATT_INVALID);
	CHECK_EQ_U(classify(ka, 0, &off), NATT_INVALID);

	/* The marker is consumed; the cursor is left at the IKE header. */
	CHECK_EQ_U(classify(ike, sizeof(ike), &off), NATT_IKE);
	CHECK_EQ_U(off, 4);
	c = cur_init(ike, sizeof(ike));
	natt_classify(&c);
	CHECK_EQ_U(cur_u8(&c), 1);
	/* A marker with nothing behind it is still "IKE" (truncated). */
	CHECK_EQ_U(classify(marker_only, sizeof(marker_only), &off),
	    NATT_IKE);
	CHECK_EQ_U(off, 4);

	/* ESP: the cursor stays at the SPI. */
	CHECK_EQ_U(classify(esp, sizeof(esp), &off), NATT_ESP);
	CHECK_EQ_U(off, 0);
	CHECK_EQ_U(classify(esp4, sizeof(esp4), &off), NATT_ESP);
	CHECK_EQ_U(classify(esp_lowbyte, sizeof(esp_lowbyte), &off),
	    NATT_ESP);

	/* An errored cursor is never classified. */
	c = cur_init(esp, sizeof(esp));
	c.err = true;
	CHECK_EQ_U(natt_classify(&c), NATT_INVALID);

	/* From the middle of a larger window. */
	c = cur_init(esp, sizeof(esp));
	cur_skip(&c, 9);
	CHECK_EQ_U(natt_classify(&c), NATT_INVALID);	/* 1 byte, 0xbb */

	CHECK_STR(natt_kind_name(NATT_ESP), "esp");
	CHECK_STR(natt_kind_name(NATT_IKE), "ike");
	CHECK_STR(natt_kind_name(NATT_KEEPALIVE), "nat_keepalive");
	CHECK_STR(natt_kind_name(NATT_INVALID), "invalid");
	return check_done("test_natt");
}
