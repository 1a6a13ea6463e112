/*
 * test_out_isakmp.c - unit tests for the ISAKMP presenters: string and ID
 * rendering, DN/X.509 names via OpenSSL, the folded payload list, the -V
 * tree (password masking, unknown values shown as numbers) and the JSON
 * payload objects.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/evp.h>
#include <openssl/x509.h>

#include "check.h"
#include "dissectors/isakmp.h"
#include "out/out_isakmp.h"

static void
test_str(void)
{
	static const uint8_t s[] = { 'a', '\\', 0x01, 'b', 0xff };
	char b[64], small[8];

	out_isakmp_str(s, sizeof(s), b, sizeof(b));
	CHECK_STR(b, "a\\\\\\x01b\\xff");
	out_isakmp_str((const uint8_t *)"abcdefghij", 10, small,
	    sizeof(small));
	CHECK(strlen(small) < sizeof(small));
	CHECK(strstr(small, "...") != NULL);
}

static void
test_id(void)
{
	static const uint8_t v4[8] = { 10, 1, 2, 0, 255, 255, 255, 0 };
	static const uint8_t v6[32] = { 0x20, 0x01, 0x0d, 0xb8, [15] = 1,
	    [16] = 0x20, 0x01, 0x0d, 0xb8, [31] = 9 };
	char b[256];

	out_isakmp_id(1, v4, 4, b, sizeof(b));
	CHECK_STR(b, "10.1.2.0");
	out_isakmp_id(4, v4, 8, b, sizeof(b));
	CHECK_STR(b, "10.1.2.0/255.255.255.0");
	out_isakmp_id(7, v4, 8, b, sizeof(b));
	CHECK_STR(b, "10.1.2.0-255.255.255.0");
	out_isakmp_id(5, v6, 16, b, sizeof(b));
	CHECK_STR(b, "2001:db8::1");
	out_isakmp_id(8, v6, 32, b, sizeof(b));
	CHECK_STR(b, "2001:db8::1-2001:db8::9");
	/* Wrong length for the type: hex, never a misread address. */
	out_isakmp_id(1, v4, 3, b, sizeof(b));
	CHECK_STR(b, "0a0102");
	out_isakmp_id(2, (const uint8_t *)"vpn.example", 11, b, sizeof(b));
	CHECK_STR(b, "vpn.example");
	out_isakmp_id(11, (const uint8_t *)"\x01\x02", 2, b, sizeof(b));
	CHECK_STR(b, "0102");
}

/* Printable data shown as hex gets its text (KEY_ID group names). */
static void
test_id_text(void)
{
	static const uint8_t gn[] = "vpnclient", bin[] = { 'v', 0x01, 'p' },
	    abc[] = "abc";
	char b[64];

	CHECK(out_isakmp_id_text(ISAKMP_ID_KEY_ID, gn, 9, b, sizeof(b)));
	CHECK_STR(b, "vpnclient");
	out_isakmp_id_show(ISAKMP_ID_KEY_ID, gn, 9, b, sizeof(b));
	CHECK_STR(b, "76706e636c69656e74 (\"vpnclient\")");
	/* a byte outside printable ASCII: hex only */
	CHECK(!out_isakmp_id_text(ISAKMP_ID_KEY_ID, bin, 3, b, sizeof(b)));
	CHECK_STR(b, "");
	out_isakmp_id_show(ISAKMP_ID_KEY_ID, bin, 3, b, sizeof(b));
	CHECK_STR(b, "760170");
	/* already text, or an address: nothing added */
	CHECK(!out_isakmp_id_text(ISAKMP_ID_FQDN, gn, 9, b, sizeof(b)));
	CHECK(!out_isakmp_id_text(ISAKMP_ID_IPV4_ADDR, abc, 4, b, sizeof(b)));
	/* a wrong length for the type is hex, so its text is shown */
	CHECK(out_isakmp_id_text(ISAKMP_ID_IPV4_ADDR, abc, 3, b, sizeof(b)));
	CHECK_STR(b, "abc");
	/* cut to the buffer */
	CHECK(out_isakmp_id_text(ISAKMP_ID_KEY_ID, gn, 9, b, 4));
	CHECK_STR(b, "vpn");
	CHECK(!out_isakmp_id_text(ISAKMP_ID_KEY_ID, gn, 0, b, sizeof(b)));
}

static void
test_dn_x509(void)
{
	X509_NAME *nm = X509_NAME_new();
	X509 *x = X509_new();
	EVP_PKEY *k = EVP_PKEY_Q_keygen(NULL, NULL, "EC", "P-256");
	unsigned char *der = NULL;
	char s[256], i[256];
	int n;

	CHECK(nm != NULL && x != NULL && k != NULL);
	X509_NAME_add_entry_by_txt(nm, "C", MBSTRING_ASC,
	    (const unsigned char *)"CH", -1, -1, 0);
	X509_NAME_add_entry_by_txt(nm, "O", MBSTRING_ASC,
	    (const unsigned char *)"strongSwan", -1, -1, 0);
	X509_NAME_add_entry_by_txt(nm, "CN", MBSTRING_ASC,
	    (const unsigned char *)"moon", -1, -1, 0);
	n = i2d_X509_NAME(nm, &der);
	CHECK(n > 0);
	CHECK(out_isakmp_dn(der, (size_t)n, s, sizeof(s)));
	CHECK_STR(s, "C=CH, O=strongSwan, CN=moon");
	/* Truncated DER is refused, not half-rendered. */
	CHECK(!out_isakmp_dn(der, (size_t)n - 1, s, sizeof(s)));
	OPENSSL_free(der);
	der = NULL;

	X509_set_version(x, 2);
	X509_set_subject_name(x, nm);
	X509_set_issuer_name(x, nm);
	X509_gmtime_adj(X509_getm_notBefore(x), 0);
	X509_gmtime_adj(X509_getm_notAfter(x), 3600);
	X509_set_pubkey(x, k);
	CHECK(X509_sign(x, k, EVP_sha256()) > 0);
	n = i2d_X509(x, &der);
	CHECK(n > 0);
	CHECK(out_isakmp_x509(der, (size_t)n, s, sizeof(s), i, sizeof(i)));
	CHECK_STR(s, "C=CH, O=strongSwan, CN=moon");
	CHECK_STR(i, "C=CH, O=strongSwan, CN=moon");
	CHECK(!out_isakmp_x509(der, 10, s, sizeof(s), i, sizeof(i)));
	OPENSSL_free(der);
	X509_free(x);
	X509_NAME_free(nm);
	EVP_PKEY_free(k);
}

/* A Transaction message: ATTR with a user name and a password, 3 VIDs. */
static size_t
build_msg(uint8_t *b)
{
	static const uint8_t hdr[28] = {
		1, 2, 3, 4, 5, 6, 7, 8, 0, 0, 0, 0, 0, 0, 0, 0,
		14, 0x10, 6, 0, 0, 0, 0, 1, 0, 0, 0, 0
	};
	static const uint8_t attr[] = {
		13, 0, 0, 25,		/* ATTR, next VID, length 25 */
		2, 0, 0x00, 0x07,	/* REPLY, id 7 */
		0x40, 0x89, 0, 5, 'a', 'l', 'i', 'c', 'e',
		0x40, 0x8a, 0, 4, 'p', 'w', '1', '2',
	};
	static const uint8_t vid[] = { 13, 0, 0, 6, 0xab, 0xcd };
	size_t n = 0, i;

	memcpy(b, hdr, sizeof(hdr));
	n = sizeof(hdr);
	memcpy(b + n, attr, sizeof(attr));
	n += sizeof(attr);
	for (i = 0; i < 3; i++) {
		memcpy(b + n, vid, sizeof(vid));
		if (i == 2)
			b[n] = 0;
		n += sizeof(vid);
	}
	b[27] = (uint8_t)n;
	return n;
}

static char *
capture(const struct isakmp_msg *m, int what, bool secrets)
{
	char *out = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&out, &len);
	struct json j;

	if (fp == NULL)
		return NULL;
	if (what == 0) {
		char b[OUT_ISAKMP_LIST_MAX];

		fwrite(b, 1, out_isakmp_list(b, m), fp);
	} else if (what == 1)
		out_isakmp_tree(fp, m, 1, secrets);
	else {
		json_init(&j, fp);
		json_obj_begin(&j);
		out_isakmp_json_payloads(&j, m, secrets);
		json_obj_end(&j);
		json_end_line(&j);	/* the line reaches fp */
	}
	fclose(fp);
	return out;
}

static void
test_views(void)
{
	static struct isakmp_msg m;
	uint8_t b[256];
	size_t n = build_msg(b);
	char *s;

	memset(&m, 0, sizeof(m));
	CHECK_EQ_U(isakmp_decode(cur_init(b, n), &m), DIS_OK);
	CHECK_EQ_U(m.npayloads, 4);

	s = capture(&m, 0, false);
	CHECK_STR(s, " ATTR VID*3");
	free(s);

	s = capture(&m, 1, false);
	CHECK(s != NULL && strstr(s, "XAUTH-USER-NAME = alice\n") != NULL);
	CHECK(s != NULL && strstr(s, "(masked, 4 bytes)") != NULL);
	CHECK(s != NULL && strstr(s, "pw12") == NULL);
	free(s);
	s = capture(&m, 1, true);
	CHECK(s != NULL && strstr(s, "XAUTH-USER-PASSWORD = pw12") != NULL);
	free(s);

	s = capture(&m, 2, false);
	CHECK(s != NULL && strstr(s, "\"type\":\"attr\"") != NULL);
	CHECK(s != NULL && strstr(s, "\"masked\":true") != NULL);
	CHECK(s != NULL && strstr(s, "7077") == NULL);	/* "pw" in hex */
	CHECK(s != NULL && strstr(s, "\"value_str\":\"alice\"") != NULL);
	CHECK(s != NULL && strstr(s, "\"identifier\":7") != NULL);
	free(s);
	s = capture(&m, 2, true);
	CHECK(s != NULL && strstr(s, "\"value_hex\":\"70773132\"") != NULL);
	free(s);

	/* An unknown payload type is shown with its number. */
	b[28 + 25 + 6] = 99;		/* second VID's next payload */
	memset(&m, 0, sizeof(m));
	isakmp_decode(cur_init(b, n), &m);
	s = capture(&m, 0, false);
	CHECK_STR(s, " ATTR VID*2 PAYLOAD(99)");
	free(s);
	s = capture(&m, 2, false);
	CHECK(s != NULL && strstr(s, "\"type\":\"99\",\"type_id\":99") != NULL);
	free(s);
}

int
main(void)
{
	test_str();
	test_id();
	test_id_text();
	test_dn_x509();
	test_views();
	return check_done("test_out_isakmp");
}
