/*
 * test_isakmp_names.c - registry tables: ordering, agreement between the
 * binary-search lookup and a linear scan, spot checks against the RFC and
 * IANA numbers, unknown-value formatting and buffer truncation.
 *
 * "test_isakmp_names --dump" prints every named value as
 * "registry-index<TAB>value<TAB>name" for tests/unit/names_vs_tshark.sh.
 */
#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "dissectors/isakmp_names.h"

#define SCAN_MAX	70000u

static bool
in_iterated(enum isakmp_reg r, unsigned v)
{
	size_t		i;
	unsigned	x;

	for (i = 0; isakmp_reg_value(r, i, &x); i++)
		if (x == v)
			return true;
	return false;
}

static bool
is_token(const char *s)
{
	if (*s == '\0')
		return false;
	for (; *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;

		if (!(islower(c) || isdigit(c) || c == '_'))
			return false;
	}
	return true;
}

static void
check_tables(void)
{
	enum isakmp_reg	 r;
	size_t		 i, n, named;
	unsigned	 v, prev;
	const char	*s;

	for (r = 0; r < REG__COUNT; r++) {
		n = isakmp_reg_count(r);
		CHECK(isakmp_reg_label(r) != NULL &&
		    strcmp(isakmp_reg_label(r), "value") != 0);
		/* strictly ascending, so no duplicates */
		for (i = 0; isakmp_reg_value(r, i, &v); i++) {
			if (i > 0 && v <= prev) {
				fprintf(stderr, "registry %d (%s): %u after "
				    "%u\n", (int)r, isakmp_reg_label(r), v,
				    prev);
				CHECK(v > prev);
			}
			prev = v;
			s = isakmp_name(r, v);
			CHECK(s != NULL && *s != '\0');
			if (s == NULL)
				fprintf(stderr, "registry %d: %u not found by "
				    "lookup\n", (int)r, v);
			if ((s = isakmp_token(r, v)) != NULL && !is_token(s)) {
				fprintf(stderr, "bad token \"%s\"\n", s);
				CHECK(is_token(s));
			}
			if ((s = isakmp_short(r, v)) != NULL)
				CHECK(*s != '\0' && strchr(s, ' ') == NULL);
			CHECK(isakmp_range_label(r, v) == NULL);
		}
		CHECK_EQ_U(i, n);
		CHECK(!isakmp_reg_value(r, n, &v));
		/* the lookup path names exactly the iterated values */
		named = 0;
		for (v = 0; v < SCAN_MAX; v++) {
			bool got = isakmp_name(r, v) != NULL;

			if (got)
				named++;
			if (got != in_iterated(r, v)) {
				fprintf(stderr, "registry %d: value %u lookup "
				    "%d iterator %d\n", (int)r, v, got, !got);
				CHECK(got == in_iterated(r, v));
			}
			if (!got && (isakmp_token(r, v) != NULL ||
			    isakmp_short(r, v) != NULL)) {
				fprintf(stderr, "registry %d: value %u has a "
				    "token but no name\n", (int)r, v);
				CHECK(got);
			}
		}
		CHECK_EQ_U(named, n);
	}
	/* every registry but PRF names something */
	for (r = 0; r < REG__COUNT; r++)
		if (r != REG_OAKLEY_PRF)
			CHECK(isakmp_reg_count(r) > 0);
	CHECK_EQ_U(isakmp_reg_count(REG_OAKLEY_PRF), 0);
}

static void
check_values(void)
{
	/* payload types */
	CHECK_STR(isakmp_name(REG_PAYLOAD, 1), "Security Association");
	CHECK_STR(isakmp_token(REG_PAYLOAD, 1), "sa");
	CHECK_STR(isakmp_short(REG_PAYLOAD, 1), "SA");
	CHECK_STR(isakmp_token(REG_PAYLOAD, 2), "p");
	CHECK_STR(isakmp_token(REG_PAYLOAD, 3), "t");
	CHECK_STR(isakmp_token(REG_PAYLOAD, 4), "ke");
	CHECK_STR(isakmp_short(REG_PAYLOAD, 4), "KE");
	CHECK_STR(isakmp_token(REG_PAYLOAD, 5), "id");
	CHECK_STR(isakmp_token(REG_PAYLOAD, 6), "cert");
	CHECK_STR(isakmp_token(REG_PAYLOAD, 7), "cr");
	CHECK_STR(isakmp_token(REG_PAYLOAD, 8), "hash");
	CHECK_STR(isakmp_token(REG_PAYLOAD, 9), "sig");
	CHECK_STR(isakmp_token(REG_PAYLOAD, 10), "nonce");
	CHECK_STR(isakmp_short(REG_PAYLOAD, 10), "NONCE");
	CHECK_STR(isakmp_token(REG_PAYLOAD, 11), "n");
	CHECK_STR(isakmp_token(REG_PAYLOAD, 12), "d");
	CHECK_STR(isakmp_token(REG_PAYLOAD, 13), "vid");
	CHECK_STR(isakmp_short(REG_PAYLOAD, 13), "VID");
	CHECK_STR(isakmp_token(REG_PAYLOAD, 14), "attr");
	CHECK_STR(isakmp_token(REG_PAYLOAD, 20), "nat_d");
	CHECK_STR(isakmp_short(REG_PAYLOAD, 20), "NAT-D");
	CHECK_STR(isakmp_token(REG_PAYLOAD, 21), "nat_oa");
	CHECK_STR(isakmp_name(REG_PAYLOAD, 22), "Group Associated Policy");
	CHECK_STR(isakmp_token(REG_PAYLOAD, 130), "nat_d");
	CHECK_STR(isakmp_name(REG_PAYLOAD, 130), "NAT Discovery (draft)");
	CHECK_STR(isakmp_token(REG_PAYLOAD, 131), "nat_oa");
	CHECK_STR(isakmp_token(REG_PAYLOAD, 132), "frag");
	CHECK_STR(isakmp_short(REG_PAYLOAD, 132), "FRAG");
	CHECK_STR(isakmp_name(REG_PAYLOAD, 33), "IKEv2 Security Association");
	CHECK_STR(isakmp_name(REG_PAYLOAD, 46),
	    "IKEv2 Encrypted and Authenticated");
	CHECK(isakmp_name(REG_PAYLOAD, 53) != NULL);
	CHECK(isakmp_name(REG_PAYLOAD, 23) == NULL);
	CHECK(isakmp_name(REG_PAYLOAD, 54) == NULL);
	CHECK(isakmp_name(REG_PAYLOAD, 128) == NULL);

	/* exchange types */
	CHECK_STR(isakmp_name(REG_EXCHANGE, 2),
	    "Identity Protection (Main Mode)");
	CHECK_STR(isakmp_token(REG_EXCHANGE, 1), "base");
	CHECK_STR(isakmp_token(REG_EXCHANGE, 2), "main");
	CHECK_STR(isakmp_token(REG_EXCHANGE, 3), "auth_only");
	CHECK_STR(isakmp_token(REG_EXCHANGE, 4), "aggressive");
	CHECK_STR(isakmp_token(REG_EXCHANGE, 5), "informational");
	CHECK_STR(isakmp_token(REG_EXCHANGE, 6), "transaction");
	CHECK_STR(isakmp_token(REG_EXCHANGE, 32), "quick");
	CHECK_STR(isakmp_token(REG_EXCHANGE, 33), "new_group");
	CHECK_STR(isakmp_short(REG_EXCHANGE, 2), "Main");
	CHECK_STR(isakmp_short(REG_EXCHANGE, 4), "Aggr");
	CHECK_STR(isakmp_short(REG_EXCHANGE, 5), "Info");
	CHECK_STR(isakmp_short(REG_EXCHANGE, 6), "Txn");
	CHECK_STR(isakmp_short(REG_EXCHANGE, 32), "Quick");
	CHECK_STR(isakmp_name(REG_EXCHANGE, 34), "IKE_SA_INIT");
	CHECK_STR(isakmp_name(REG_EXCHANGE, 37), "INFORMATIONAL");
	CHECK(isakmp_token(REG_EXCHANGE, 0) == NULL);
	CHECK(isakmp_name(REG_EXCHANGE, 7) == NULL);
	CHECK(isakmp_token(REG_EXCHANGE, 240) == NULL);

	/* DOI, situation, protocols, transforms */
	CHECK_STR(isakmp_name(REG_DOI, 0), "ISAKMP");
	CHECK_STR(isakmp_name(REG_DOI, 1), "IPsec");
	CHECK_STR(isakmp_name(REG_DOI, 2), "GDOI");
	CHECK_STR(isakmp_name(REG_SITUATION, 1), "SIT_IDENTITY_ONLY");
	CHECK_STR(isakmp_name(REG_SITUATION, 4), "SIT_INTEGRITY");
	CHECK(isakmp_name(REG_SITUATION, 3) == NULL);
	CHECK_STR(isakmp_token(REG_PROTO, 1), "isakmp");
	CHECK_STR(isakmp_token(REG_PROTO, 2), "ah");
	CHECK_STR(isakmp_token(REG_PROTO, 3), "esp");
	CHECK_STR(isakmp_token(REG_PROTO, 4), "ipcomp");
	CHECK_STR(isakmp_name(REG_PROTO, 5), "PROTO_GIGABEAM_RADIO");
	CHECK(isakmp_name(REG_PROTO, 0) == NULL);
	CHECK_STR(isakmp_name(REG_XFORM_ISAKMP, 1), "KEY_IKE");
	CHECK(isakmp_name(REG_XFORM_AH, 1) == NULL);
	CHECK_STR(isakmp_name(REG_XFORM_AH, 2), "MD5");
	CHECK_STR(isakmp_name(REG_XFORM_AH, 3), "SHA");
	CHECK_STR(isakmp_name(REG_XFORM_AH, 5), "SHA2-256");
	CHECK_STR(isakmp_name(REG_XFORM_AH, 13), "AES-256-GMAC");
	CHECK_STR(isakmp_name(REG_XFORM_ESP, 1), "DES-IV64");
	CHECK_STR(isakmp_name(REG_XFORM_ESP, 3), "3DES");
	CHECK_STR(isakmp_name(REG_XFORM_ESP, 11), "NULL");
	CHECK_STR(isakmp_name(REG_XFORM_ESP, 12), "AES-CBC");
	CHECK_STR(isakmp_token(REG_XFORM_ESP, 12), "aes_cbc");
	CHECK_STR(isakmp_name(REG_XFORM_ESP, 13), "AES-CTR");
	CHECK_STR(isakmp_name(REG_XFORM_ESP, 14), "AES-CCM-8");
	CHECK_STR(isakmp_name(REG_XFORM_ESP, 16), "AES-CCM-16");
	CHECK(isakmp_name(REG_XFORM_ESP, 17) == NULL);
	CHECK_STR(isakmp_name(REG_XFORM_ESP, 18), "AES-GCM-8");
	CHECK_STR(isakmp_name(REG_XFORM_ESP, 19), "AES-GCM-12");
	CHECK_STR(isakmp_name(REG_XFORM_ESP, 20), "AES-GCM-16");
	CHECK_STR(isakmp_token(REG_XFORM_ESP, 20), "aes_gcm_16");
	CHECK_STR(isakmp_name(REG_XFORM_ESP, 21), "SEED-CBC");
	CHECK_STR(isakmp_name(REG_XFORM_ESP, 22), "CAMELLIA");
	CHECK_STR(isakmp_name(REG_XFORM_ESP, 23), "NULL-AUTH-AES-GMAC");
	CHECK(isakmp_name(REG_XFORM_ESP, 24) == NULL);
	CHECK(isakmp_name(REG_XFORM_ESP, 28) == NULL);
	CHECK_STR(isakmp_name(REG_XFORM_IPCOMP, 2), "DEFLATE");
	CHECK_STR(isakmp_name(REG_XFORM_IPCOMP, 3), "LZS");
	CHECK_STR(isakmp_name(REG_XFORM_IPCOMP, 4), "LZJH");

	/* phase-1 attributes and values */
	CHECK_STR(isakmp_name(REG_OAKLEY_ATTR, 1), "Encryption Algorithm");
	CHECK_STR(isakmp_name(REG_OAKLEY_ATTR, 4), "Group Description");
	CHECK_STR(isakmp_name(REG_OAKLEY_ATTR, 12), "Life Duration");
	CHECK_STR(isakmp_name(REG_OAKLEY_ATTR, 14), "Key Length");
	CHECK_STR(isakmp_name(REG_OAKLEY_ATTR, 16), "Group Order");
	CHECK(isakmp_name(REG_OAKLEY_ATTR, 18) == NULL);
	CHECK_STR(isakmp_name(REG_OAKLEY_ENC, 1), "DES-CBC");
	CHECK_STR(isakmp_name(REG_OAKLEY_ENC, 5), "3DES-CBC");
	CHECK_STR(isakmp_name(REG_OAKLEY_ENC, 7), "AES-CBC");
	CHECK_STR(isakmp_token(REG_OAKLEY_ENC, 7), "aes_cbc");
	CHECK_STR(isakmp_name(REG_OAKLEY_ENC, 8), "CAMELLIA-CBC");
	CHECK_STR(isakmp_name(REG_OAKLEY_HASH, 1), "MD5");
	CHECK_STR(isakmp_name(REG_OAKLEY_HASH, 2), "SHA");
	CHECK_STR(isakmp_name(REG_OAKLEY_HASH, 3), "Tiger");
	CHECK_STR(isakmp_name(REG_OAKLEY_HASH, 4), "SHA2-256");
	CHECK_STR(isakmp_name(REG_OAKLEY_HASH, 6), "SHA2-512");
	CHECK_STR(isakmp_token(REG_OAKLEY_AUTH, 1), "psk");
	CHECK_STR(isakmp_token(REG_OAKLEY_AUTH, 2), "dss_sig");
	CHECK_STR(isakmp_token(REG_OAKLEY_AUTH, 3), "rsa_sig");
	CHECK_STR(isakmp_token(REG_OAKLEY_AUTH, 4), "rsa_enc");
	CHECK_STR(isakmp_token(REG_OAKLEY_AUTH, 5), "rsa_enc_rev");
	CHECK_STR(isakmp_token(REG_OAKLEY_AUTH, 9), "ecdsa_sig");
	CHECK_STR(isakmp_name(REG_OAKLEY_AUTH, 10),
	    "ECDSA with SHA-384 on the P-384 curve");
	CHECK_STR(isakmp_name(REG_OAKLEY_AUTH, 64221), "HybridInitRSA");
	CHECK_STR(isakmp_token(REG_OAKLEY_AUTH, 64221), "hybrid_rsa");
	CHECK_STR(isakmp_name(REG_OAKLEY_AUTH, 65001), "XAUTHInitPreShared");
	CHECK_STR(isakmp_token(REG_OAKLEY_AUTH, 65001), "xauth_psk");
	CHECK_STR(isakmp_name(REG_OAKLEY_AUTH, 65005), "XAUTHInitRSA");
	CHECK_STR(isakmp_token(REG_OAKLEY_AUTH, 65005), "xauth_rsa_sig");
	CHECK_STR(isakmp_name(REG_OAKLEY_AUTH, 65010),
	    "XAUTHRespRSARevisedEncryption");
	CHECK(isakmp_name(REG_OAKLEY_AUTH, 65011) == NULL);
	CHECK(isakmp_name(REG_OAKLEY_AUTH, 12) == NULL);
	CHECK_STR(isakmp_name(REG_OAKLEY_GROUP, 1),
	    "Default 768-bit MODP group");
	CHECK_STR(isakmp_name(REG_OAKLEY_GROUP, 2),
	    "Alternate 1024-bit MODP group");
	CHECK_STR(isakmp_name(REG_OAKLEY_GROUP, 5), "1536-bit MODP group");
	CHECK_STR(isakmp_name(REG_OAKLEY_GROUP, 14), "2048-bit MODP group");
	CHECK_STR(isakmp_token(REG_OAKLEY_GROUP, 14), "modp2048");
	CHECK_STR(isakmp_name(REG_OAKLEY_GROUP, 18), "8192-bit MODP group");
	CHECK_STR(isakmp_name(REG_OAKLEY_GROUP, 19),
	    "256-bit random ECP group");
	CHECK_STR(isakmp_name(REG_OAKLEY_GROUP, 21),
	    "521-bit random ECP group");
	CHECK_STR(isakmp_name(REG_OAKLEY_GROUP, 24),
	    "2048-bit MODP Group with 256-bit Prime Order Subgroup");
	CHECK_STR(isakmp_name(REG_OAKLEY_GROUP, 28),
	    "256-bit Brainpool ECP group");
	CHECK_STR(isakmp_name(REG_OAKLEY_GROUP, 31), "Curve25519");
	CHECK_STR(isakmp_name(REG_OAKLEY_GROUP, 32), "Curve448");
	CHECK_STR(isakmp_name(REG_OAKLEY_GROUP_TYPE, 2), "ECP");
	CHECK_STR(isakmp_name(REG_OAKLEY_LIFE, 1), "Seconds");
	CHECK_STR(isakmp_name(REG_OAKLEY_LIFE, 2), "Kilobytes");
	CHECK(isakmp_name(REG_OAKLEY_PRF, 1) == NULL);

	/* IPsec DOI attributes and values */
	CHECK_STR(isakmp_name(REG_IPSEC_ATTR, 1), "SA Life Type");
	CHECK_STR(isakmp_name(REG_IPSEC_ATTR, 4), "Encapsulation Mode");
	CHECK_STR(isakmp_name(REG_IPSEC_ATTR, 5), "Authentication Algorithm");
	CHECK_STR(isakmp_name(REG_IPSEC_ATTR, 10), "ECN Tunnel");
	CHECK_STR(isakmp_name(REG_IPSEC_ATTR, 11),
	    "Extended (64-bit) Sequence Number");
	CHECK_STR(isakmp_name(REG_IPSEC_ENCAP, 1), "Tunnel");
	CHECK_STR(isakmp_name(REG_IPSEC_ENCAP, 2), "Transport");
	CHECK_STR(isakmp_name(REG_IPSEC_ENCAP, 3), "UDP-Encapsulated-Tunnel");
	CHECK_STR(isakmp_name(REG_IPSEC_ENCAP, 61443),
	    "UDP-Encapsulated-Tunnel (draft)");
	CHECK_STR(isakmp_name(REG_IPSEC_ENCAP, 61444),
	    "UDP-Encapsulated-Transport (draft)");
	CHECK_STR(isakmp_name(REG_IPSEC_AUTH, 1), "HMAC-MD5");
	CHECK_STR(isakmp_name(REG_IPSEC_AUTH, 2), "HMAC-SHA");
	CHECK_STR(isakmp_name(REG_IPSEC_AUTH, 5), "HMAC-SHA2-256");
	CHECK_STR(isakmp_name(REG_IPSEC_AUTH, 9), "AES-XCBC-MAC");
	CHECK_STR(isakmp_name(REG_IPSEC_AUTH, 13), "AES-256-GMAC");
	CHECK_STR(isakmp_name(REG_IPSEC_ECN, 1), "Allowed");
	CHECK_STR(isakmp_name(REG_IPSEC_ECN, 2), "Forbidden");
	CHECK_STR(isakmp_name(REG_IPSEC_LIFE, 2), "Kilobytes");

	/* IDs, certificates */
	CHECK_STR(isakmp_name(REG_ID, 1), "IPV4_ADDR");
	CHECK_STR(isakmp_name(REG_ID, 3), "USER_FQDN");
	CHECK_STR(isakmp_name(REG_ID, 4), "IPV4_ADDR_SUBNET");
	CHECK_STR(isakmp_name(REG_ID, 9), "DER_ASN1_DN");
	CHECK_STR(isakmp_name(REG_ID, 11), "KEY_ID");
	CHECK(isakmp_name(REG_ID, 0) == NULL);
	CHECK(isakmp_name(REG_ID, 13) == NULL);
	CHECK_STR(isakmp_name(REG_CERT, 1),
	    "PKCS #7 wrapped X.509 certificate");
	CHECK_STR(isakmp_name(REG_CERT, 4), "X.509 Certificate - Signature");
	CHECK_STR(isakmp_name(REG_CERT, 7),
	    "Certificate Revocation List (CRL)");

	/* notify */
	CHECK_STR(isakmp_name(REG_NOTIFY, 1), "INVALID-PAYLOAD-TYPE");
	CHECK_STR(isakmp_name(REG_NOTIFY, 4), "INVALID-COOKIE");
	CHECK_STR(isakmp_name(REG_NOTIFY, 14), "NO-PROPOSAL-CHOSEN");
	CHECK_STR(isakmp_name(REG_NOTIFY, 16), "PAYLOAD-MALFORMED");
	CHECK_STR(isakmp_name(REG_NOTIFY, 18), "INVALID-ID-INFORMATION");
	CHECK_STR(isakmp_name(REG_NOTIFY, 23), "INVALID-HASH-INFORMATION");
	CHECK_STR(isakmp_name(REG_NOTIFY, 24), "AUTHENTICATION-FAILED");
	CHECK_STR(isakmp_name(REG_NOTIFY, 30), "UNEQUAL-PAYLOAD-LENGTHS");
	CHECK_STR(isakmp_name(REG_NOTIFY, 16384), "CONNECTED");
	CHECK_STR(isakmp_name(REG_NOTIFY, 24576), "RESPONDER-LIFETIME");
	CHECK_STR(isakmp_name(REG_NOTIFY, 24577), "REPLAY-STATUS");
	CHECK_STR(isakmp_name(REG_NOTIFY, 24578), "INITIAL-CONTACT");
	CHECK_STR(isakmp_name(REG_NOTIFY, 36136), "R-U-THERE");
	CHECK_STR(isakmp_name(REG_NOTIFY, 36137), "R-U-THERE-ACK");
	CHECK_STR(isakmp_name(REG_NOTIFY, 40501), "UNITY-LOAD-BALANCE");
	CHECK(isakmp_name(REG_NOTIFY, 0) == NULL);
	CHECK(isakmp_name(REG_NOTIFY, 31) == NULL);
	CHECK(isakmp_notify_is_error(14));
	CHECK(isakmp_notify_is_error(1));
	CHECK(isakmp_notify_is_error(8191));
	CHECK(isakmp_notify_is_error(9000));
	CHECK(!isakmp_notify_is_error(0));
	CHECK(!isakmp_notify_is_error(16384));
	CHECK(!isakmp_notify_is_error(24578));
	CHECK(!isakmp_notify_is_error(36136));

	/* Mode-Config, XAUTH, Unity */
	CHECK_STR(isakmp_name(REG_CFG_ATTR, 1), "INTERNAL_IP4_ADDRESS");
	CHECK_STR(isakmp_name(REG_CFG_ATTR, 3), "INTERNAL_IP4_DNS");
	CHECK_STR(isakmp_name(REG_CFG_ATTR, 7), "APPLICATION_VERSION");
	CHECK_STR(isakmp_name(REG_CFG_ATTR, 14), "SUPPORTED_ATTRIBUTES");
	CHECK_STR(isakmp_name(REG_CFG_ATTR, 16520), "XAUTH-TYPE");
	CHECK_STR(isakmp_name(REG_CFG_ATTR, 16521), "XAUTH-USER-NAME");
	CHECK_STR(isakmp_name(REG_CFG_ATTR, 16522), "XAUTH-USER-PASSWORD");
	CHECK_STR(isakmp_name(REG_CFG_ATTR, 16527), "XAUTH-STATUS");
	CHECK_STR(isakmp_name(REG_CFG_ATTR, 16529), "XAUTH-ANSWER");
	CHECK_STR(isakmp_name(REG_CFG_ATTR, 28672), "UNITY_BANNER");
	CHECK_STR(isakmp_name(REG_CFG_ATTR, 28675), "UNITY_SPLITDNS_NAME");
	CHECK_STR(isakmp_name(REG_CFG_ATTR, 28676), "UNITY_SPLIT_INCLUDE");
	CHECK_STR(isakmp_name(REG_CFG_ATTR, 28678), "UNITY_LOCAL_LAN");
	CHECK_STR(isakmp_name(REG_CFG_ATTR, 28682), "UNITY_DDNS_HOSTNAME");
	CHECK(isakmp_name(REG_CFG_ATTR, 28683) == NULL);
	CHECK_STR(isakmp_name(REG_CFG_TYPE, 1), "ISAKMP_CFG_REQUEST");
	CHECK_STR(isakmp_short(REG_CFG_TYPE, 4), "ACK");
	CHECK_STR(isakmp_name(REG_XAUTH_TYPE, 0), "Generic");
	CHECK_STR(isakmp_name(REG_XAUTH_TYPE, 1), "RADIUS-CHAP");
	CHECK_STR(isakmp_name(REG_XAUTH_TYPE, 3), "S/KEY");
	CHECK_STR(isakmp_name(REG_XAUTH_STATUS, 1), "OK");
	CHECK_STR(isakmp_name(REG_FRAG_FLAGS, 1), "Last Fragment");
	CHECK_STR(isakmp_short(REG_ISAKMP_FLAGS, 1), "E");
	CHECK_STR(isakmp_short(REG_ISAKMP_FLAGS, 2), "C");
}

static void
check_attr_meta(void)
{
	CHECK_EQ_U(isakmp_attr_value_reg(REG_OAKLEY_ATTR, 1), REG_OAKLEY_ENC);
	CHECK_EQ_U(isakmp_attr_value_reg(REG_OAKLEY_ATTR, 2),
	    REG_OAKLEY_HASH);
	CHECK_EQ_U(isakmp_attr_value_reg(REG_OAKLEY_ATTR, 3),
	    REG_OAKLEY_AUTH);
	CHECK_EQ_U(isakmp_attr_value_reg(REG_OAKLEY_ATTR, 4),
	    REG_OAKLEY_GROUP);
	CHECK_EQ_U(isakmp_attr_value_reg(REG_OAKLEY_ATTR, 11),
	    REG_OAKLEY_LIFE);
	CHECK_EQ_U(isakmp_attr_value_reg(REG_OAKLEY_ATTR, 12), REG__COUNT);
	CHECK_EQ_U(isakmp_attr_value_reg(REG_OAKLEY_ATTR, 14), REG__COUNT);
	CHECK_EQ_U(isakmp_attr_value_reg(REG_OAKLEY_ATTR, 999), REG__COUNT);
	CHECK_EQ_U(isakmp_attr_form(REG_OAKLEY_ATTR, 1), 0);
	CHECK_EQ_U(isakmp_attr_form(REG_OAKLEY_ATTR, 6), 1);
	CHECK_EQ_U(isakmp_attr_form(REG_OAKLEY_ATTR, 11), 0);
	CHECK_EQ_U(isakmp_attr_form(REG_OAKLEY_ATTR, 12), 1);
	CHECK_EQ_U(isakmp_attr_form(REG_OAKLEY_ATTR, 14), 0);
	CHECK_EQ_U(isakmp_attr_form(REG_OAKLEY_ATTR, 16), 1);
	CHECK(isakmp_attr_form(REG_OAKLEY_ATTR, 999) == -1);

	CHECK_EQ_U(isakmp_attr_value_reg(REG_IPSEC_ATTR, 1), REG_IPSEC_LIFE);
	CHECK_EQ_U(isakmp_attr_value_reg(REG_IPSEC_ATTR, 3),
	    REG_OAKLEY_GROUP);
	CHECK_EQ_U(isakmp_attr_value_reg(REG_IPSEC_ATTR, 4),
	    REG_IPSEC_ENCAP);
	CHECK_EQ_U(isakmp_attr_value_reg(REG_IPSEC_ATTR, 5), REG_IPSEC_AUTH);
	CHECK_EQ_U(isakmp_attr_value_reg(REG_IPSEC_ATTR, 10), REG_IPSEC_ECN);
	CHECK_EQ_U(isakmp_attr_value_reg(REG_IPSEC_ATTR, 6), REG__COUNT);
	CHECK_EQ_U(isakmp_attr_form(REG_IPSEC_ATTR, 1), 0);
	CHECK_EQ_U(isakmp_attr_form(REG_IPSEC_ATTR, 2), 1);
	CHECK_EQ_U(isakmp_attr_form(REG_IPSEC_ATTR, 5), 0);
	CHECK_EQ_U(isakmp_attr_form(REG_IPSEC_ATTR, 9), 1);

	CHECK_EQ_U(isakmp_attr_value_reg(REG_CFG_ATTR, 16520),
	    REG_XAUTH_TYPE);
	CHECK_EQ_U(isakmp_attr_value_reg(REG_CFG_ATTR, 16527),
	    REG_XAUTH_STATUS);
	CHECK_EQ_U(isakmp_attr_form(REG_CFG_ATTR, 16520), 0);
	CHECK_EQ_U(isakmp_attr_form(REG_CFG_ATTR, 16521), 1);
	CHECK_EQ_U(isakmp_attr_form(REG_CFG_ATTR, 1), 1);

	/* non-attribute registries have no attribute metadata */
	CHECK(isakmp_attr_form(REG_NOTIFY, 14) == -1);
	CHECK_EQ_U(isakmp_attr_value_reg(REG_PAYLOAD, 1), REG__COUNT);

	/* every value registry an attribute points at names something */
	{
		static const enum isakmp_reg ar[] = {
			REG_OAKLEY_ATTR, REG_IPSEC_ATTR, REG_CFG_ATTR
		};
		size_t		i, j;
		unsigned	v;

		for (i = 0; i < sizeof(ar) / sizeof(ar[0]); i++)
			for (j = 0; isakmp_reg_value(ar[i], j, &v); j++) {
				enum isakmp_reg vr;

				vr = isakmp_attr_value_reg(ar[i], v);
				CHECK(vr <= REG__COUNT);
				CHECK(vr != ar[i]);
				if (vr != REG__COUNT && vr != REG_OAKLEY_PRF)
					CHECK(isakmp_reg_count(vr) > 0);
				CHECK(isakmp_attr_form(ar[i], v) >= -1 &&
				    isakmp_attr_form(ar[i], v) <= 1);
			}
	}
}

static void
check_fmt(void)
{
	char	buf[64], small[8];

	CHECK_STR(isakmp_name_fmt(REG_NOTIFY, 14, buf, sizeof(buf)),
	    "NO-PROPOSAL-CHOSEN");
	CHECK(isakmp_name_fmt(REG_NOTIFY, 14, buf, sizeof(buf)) == buf);
	CHECK_STR(isakmp_name_fmt(REG_XFORM_ESP, 20, buf, sizeof(buf)),
	    "AES-GCM-16");
	CHECK_STR(isakmp_name_fmt(REG_EXCHANGE, 7, buf, sizeof(buf)),
	    "unknown (7, ISAKMP future use)");
	CHECK_STR(isakmp_name_fmt(REG_NOTIFY, 40000, buf, sizeof(buf)),
	    "unknown (40000, private use status)");
	CHECK_STR(isakmp_name_fmt(REG_PAYLOAD, 200, buf, sizeof(buf)),
	    "unknown (200, private use)");
	CHECK_STR(isakmp_name_fmt(REG_PAYLOAD, 300, buf, sizeof(buf)),
	    "unknown (300)");
	CHECK_STR(isakmp_name_fmt(REG_DOI, 12345, buf, sizeof(buf)),
	    "unknown (12345)");
	CHECK_STR(isakmp_name_fmt(REG_OAKLEY_PRF, 1, buf, sizeof(buf)),
	    "unknown (1, unassigned)");
	CHECK_STR(isakmp_name_fmt(REG_OAKLEY_AUTH, 4294967295u, buf,
	    sizeof(buf)), "unknown (4294967295)");
	CHECK_STR(isakmp_range_label(REG_PAYLOAD, 128), "private use");
	CHECK(isakmp_range_label(REG_PAYLOAD, 1) == NULL);
	CHECK(isakmp_range_label(REG_NOTIFY, 40501) == NULL);

	/* truncation: always terminated, never past buflen */
	memset(small, 'X', sizeof(small));
	isakmp_name_fmt(REG_NOTIFY, 14, small, 5);
	CHECK_STR(small, "NO-P");
	CHECK(small[5] == 'X');
	isakmp_name_fmt(REG_NOTIFY, 31, small, 1);
	CHECK(small[0] == '\0');
	small[0] = 'Y';
	CHECK(isakmp_name_fmt(REG_NOTIFY, 31, small, 0) == small);
	CHECK(small[0] == 'Y');
	CHECK(isakmp_name_fmt(REG_NOTIFY, 31, NULL, 0) == NULL);

	/* out-of-range registry ids are harmless */
	CHECK(isakmp_name(REG__COUNT, 1) == NULL);
	CHECK(isakmp_name((enum isakmp_reg)999, 1) == NULL);
	CHECK(isakmp_token((enum isakmp_reg)-1, 1) == NULL);
	CHECK_STR(isakmp_reg_label(REG__COUNT), "value");
	CHECK_STR(isakmp_reg_label(REG_NOTIFY), "notify type");
	CHECK_STR(isakmp_reg_label(REG_PAYLOAD), "payload type");
	CHECK_EQ_U(isakmp_reg_count(REG__COUNT), 0);
	CHECK_STR(isakmp_name_fmt(REG__COUNT, 5, buf, sizeof(buf)),
	    "unknown (5)");
}

static void
dump(void)
{
	enum isakmp_reg	r;
	size_t		i;
	unsigned	v;

	for (r = 0; r < REG__COUNT; r++)
		for (i = 0; isakmp_reg_value(r, i, &v); i++)
			printf("%d\t%u\t%s\n", (int)r, v, isakmp_name(r, v));
}

int
main(int argc, char **argv)
{
	if (argc > 1 && strcmp(argv[1], "--dump") == 0) {
		dump();
		return 0;
	}
	check_tables();
	check_values();
	check_attr_meta();
	check_fmt();
	return check_done("isakmp_names");
}
