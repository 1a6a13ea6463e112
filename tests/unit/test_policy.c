/*
 * test_policy.c - the audit's findings table and policy: the defaults
 * (RFC 8247 / RFC 8221 ratings, lifetimes), a policy file's settings by
 * number, token and display name, per-finding overrides, and each kind of
 * error naming the file and line.
 */
#include <stdio.h>
#include <string.h>

#include "audit/finding.h"
#include "audit/policy.h"
#include "check.h"

static int
parse(struct policy *p, const char *text, char *err, size_t errlen)
{
	pol_default(p);
	err[0] = '\0';
	return pol_parse(p, text, strlen(text), "t.policy", err, errlen);
}

static void
test_findings(void)
{
	int i;

	CHECK_STR(fi_id_name(FI_IKE_AGGRESSIVE_PSK), "ike_aggressive_psk");
	CHECK_EQ_U(fi_default_severity(FI_IKE_AGGRESSIVE_PSK), FI_HIGH);
	CHECK_EQ_U(fi_default_severity(FI_IKEV1_IN_USE), FI_INFO);
	CHECK_EQ_U(fi_lookup("psk_mismatch"), FI_PSK_MISMATCH);
	CHECK_EQ_U(fi_lookup("no_such_finding"), -1);
	/* every id found by its name, titles non-empty */
	for (i = 0; i < FI__COUNT; i++) {
		CHECK_EQ_U(fi_lookup(fi_id_name((enum fi_id)i)), i);
		CHECK(strlen(fi_title((enum fi_id)i)) > 10);
	}
	CHECK_EQ_U(fi_severity_lookup("medium", false), FI_MEDIUM);
	CHECK_EQ_U(fi_severity_lookup("off", false), -1);
	CHECK_EQ_U(fi_severity_lookup("off", true), FI_OFF);
	CHECK_EQ_U(fi_severity_lookup("severe", true), -1);
}

static void
test_defaults(void)
{
	struct policy p;

	pol_default(&p);
	CHECK_EQ_U(pol_rate(&p, POL_IKE_ENC, 1), FI_HIGH);	/* DES */
	CHECK_EQ_U(pol_rate(&p, POL_IKE_ENC, 5), FI_MEDIUM);	/* 3DES */
	CHECK_EQ_U(pol_rate(&p, POL_IKE_ENC, 7), FI_OFF);	/* AES */
	CHECK_EQ_U(pol_rate(&p, POL_IKE_HASH, 1), FI_MEDIUM);	/* MD5 */
	CHECK_EQ_U(pol_rate(&p, POL_IKE_HASH, 2), FI_LOW);	/* SHA-1 */
	CHECK_EQ_U(pol_rate(&p, POL_IKE_HASH, 4), FI_OFF);	/* SHA2-256 */
	CHECK_EQ_U(pol_rate(&p, POL_DH_GROUP, 2), FI_MEDIUM);
	CHECK_EQ_U(pol_rate(&p, POL_DH_GROUP, 14), FI_LOW);
	CHECK_EQ_U(pol_rate(&p, POL_DH_GROUP, 24), FI_MEDIUM);
	CHECK_EQ_U(pol_rate(&p, POL_DH_GROUP, 19), FI_OFF);
	CHECK_EQ_U(pol_rate(&p, POL_ESP_ENC, 11), FI_MEDIUM);	/* NULL */
	CHECK_EQ_U(pol_rate(&p, POL_ESP_ENC, 12), FI_OFF);	/* AES-CBC */
	CHECK_EQ_U(pol_rate(&p, POL_ESP_ENC, 20), FI_OFF);	/* GCM-16 */
	CHECK_EQ_U(pol_rate(&p, POL_ESP_AUTH, 1), FI_MEDIUM);	/* MD5 */
	CHECK_EQ_U(pol_rate(&p, POL_ESP_AUTH, 2), FI_OFF);	/* SHA-1 */
	CHECK_EQ_U(pol_rate(&p, POL_ESP_AUTH, 5000), FI_OFF);	/* unrated */
	CHECK_EQ_U(p.max_ike_life, 86400);
	CHECK_EQ_U(p.max_esp_life, 28800);
	CHECK_EQ_U(p.max_esp_life_kb, 0);
	CHECK_STR(pol_class_name(POL_DH_GROUP), "dh_group");
}

static void
test_file(void)
{
	struct policy p;
	char err[512];

	CHECK_EQ_U(parse(&p,
	    "# a stricter gateway\n"
	    "\n"
	    "dh_group modp2048 medium   # by token\n"
	    "dh_group 19 low\n"
	    "ike_hash SHA off\n"		/* display name, any case */
	    "ike_encryption 0x7 info\n"		/* a number in hex */
	    "esp_encryption null high\r\n"	/* CRLF */
	    "esp_integrity hmac_sha1 low\n"
	    "max_ike_lifetime 8h\n"
	    "max_esp_lifetime 3600\n"
	    "max_esp_lifetime_kb 4608000\n"
	    "finding qm_no_pfs medium\n"
	    "finding ikev1_in_use off\n", err, sizeof(err)), 0);
	CHECK_STR(err, "");
	CHECK_EQ_U(pol_rate(&p, POL_DH_GROUP, 14), FI_MEDIUM);
	CHECK_EQ_U(pol_rate(&p, POL_DH_GROUP, 19), FI_LOW);
	CHECK_EQ_U(pol_rate(&p, POL_IKE_HASH, 2), FI_OFF);
	CHECK_EQ_U(pol_rate(&p, POL_IKE_ENC, 7), FI_INFO);
	CHECK_EQ_U(pol_rate(&p, POL_ESP_ENC, 11), FI_HIGH);
	CHECK_EQ_U(pol_rate(&p, POL_ESP_AUTH, 2), FI_LOW);
	CHECK_EQ_U(pol_rate(&p, POL_ESP_AUTH, 1), FI_MEDIUM);	/* kept */
	CHECK_EQ_U(p.max_ike_life, 8 * 3600);
	CHECK_EQ_U(p.max_esp_life, 3600);
	CHECK_EQ_U(p.max_esp_life_kb, 4608000);
	CHECK_EQ_U(p.sev[FI_QM_NO_PFS], FI_MEDIUM);
	CHECK_EQ_U(p.sev[FI_IKEV1_IN_USE], FI_OFF);
	CHECK(p.sev[FI_IKE_AGGRESSIVE_PSK] > FI_OFF);	/* not set */
}

static void
test_errors(void)
{
	static const struct {
		const char *text, *want;
	} c[] = {
		{ "dh_group 14\n", "t.policy:1: dh_group: expected" },
		{ "\n\ndh_group modp9999 low\n",
		    "t.policy:3: dh_group: unknown value \"modp9999\"" },
		{ "dh_group 300 low\n", "unknown value \"300\"" },
		{ "ike_hash md5 severe\n",
		    "t.policy:1: \"severe\": expected a severity" },
		{ "max_ike_lifetime 8w\n",
		    "t.policy:1: max_ike_lifetime: expected a number of "
		    "seconds" },
		{ "max_esp_lifetime_kb 10k\n", "of kilobytes" },
		{ "max_ike_lifetime 99999999999\n", "expected a number" },
		{ "finding no_such low\n", "unknown finding id \"no_such\"" },
		{ "finding qm_no_pfs\n", "expected \"finding ID SEVERITY\"" },
		{ "colour blue\n", "t.policy:1: unknown setting \"colour\"" },
		{ "dh_group 14 low extra words\n", "too many words" },
	};
	struct policy p;
	char err[512], big[700];
	size_t i;

	for (i = 0; i < sizeof(c) / sizeof(c[0]); i++) {
		CHECK_EQ_U(parse(&p, c[i].text, err, sizeof(err)),
		    -1);
		CHECK(strstr(err, c[i].want) != NULL);
		if (strstr(err, c[i].want) == NULL)
			fprintf(stderr, "case %zu: %s\n", i, err);
	}
	memset(big, 'x', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	CHECK_EQ_U(parse(&p, big, err, sizeof(err)), -1);
	CHECK(strstr(err, "longer than") != NULL);
	CHECK_EQ_U(pol_load(&p, "/nonexistent/ikescope.policy", err,
	    sizeof(err)), -1);
	CHECK(strstr(err, "/nonexistent/ikescope.policy: No such file") !=
	    NULL);
}

int
main(void)
{
	test_findings();
	test_defaults();
	test_file();
	test_errors();
	return check_done("test_policy");
}
