/*
 * test_audit.c - the audit's rules on real captures read through the
 * engine: the exact findings (id, severity) of the strongSwan samples and
 * corpus captures, with and without keys; the evidence of the aggressive
 * mode one; psk_mismatch with one side's keys; policy overrides; the
 * JSON and text writers.  Captures of the corpus are skipped, saying so,
 * when it is absent.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "audit/audit.h"
#include "check.h"
#include "engine/engine.h"
#include "keys/keyfile.h"

struct run {
	struct ctx	 c;
	struct audit	*a;
};

static int
cmpstr(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The findings of a capture as "id:severity" lines, sorted. */
static char *
findings(const char *path, const char *keys, const struct policy *pol,
    struct audit **keep)
{
	static char out[8192];
	struct run r;
	char err[256], *buf = NULL, line[4096];
	size_t blen = 0;
	FILE *mf;
	char *lines[256];
	size_t n = 0, i, o = 0;
	struct policy def;

	out[0] = '\0';
	memset(&r, 0, sizeof(r));
	if (pol == NULL) {
		pol_default(&def);
		pol = &def;
	}
	r.c.o.quiet = true;
	r.c.ks = ks_new();
	if (r.c.ks == NULL)
		return out;
	if (keys != NULL && kf_load_file(r.c.ks, keys, err, sizeof(err))) {
		fprintf(stderr, "%s\n", err);
		return out;
	}
	r.a = audit_new(pol, NULL);
	CHECK(r.a != NULL);
	if (r.a == NULL)
		return out;
	/* the audit as the command runs it: a sink of the engine */
	if (eng_init(&r.c, err, sizeof(err)) == -1 ||
	    audit_sink_add(&r.c, r.a, err, sizeof(err)) == -1 ||
	    eng_read_file(&r.c, path, err, sizeof(err)) == -1) {
		fprintf(stderr, "%s: %s\n", path, err);
		return out;
	}
	eng_finish(&r.c);
	/* "id":"X","severity":"Y" of each JSON line */
	if ((mf = open_memstream(&buf, &blen)) != NULL) {
		audit_write_json(r.a, mf);
		fclose(mf);
	}
	for (char *p = buf, *e; p != NULL && *p != '\0' && n < 256;
	    p = e + 1) {
		char id[64], sev[16];

		if ((e = strchr(p, '\n')) == NULL)
			break;
		*e = '\0';
		if (sscanf(p, "{\"id\":\"%63[a-z0-9_]\",\"severity\":\"%15[a-z]",
		    id, sev) == 2) {
			snprintf(line, sizeof(line), "%s:%s", id, sev);
			lines[n++] = strdup(line);
		} else
			CHECK(!"a finding line without id and severity");
	}
	free(buf);
	qsort(lines, n, sizeof(lines[0]), cmpstr);
	for (i = 0; i < n; i++) {
		o += (size_t)snprintf(out + o, sizeof(out) - o, "%s%s",
		    i ? " " : "", lines[i]);
		free(lines[i]);
	}
	if (keep != NULL)
		*keep = r.a;
	else
		audit_free(r.a);
	eng_free(&r.c);
	return out;
}


static void
expect(const char *what, const char *got, const char *want)
{
	CHECK_STR(got, want);
	if (strcmp(got, want) != 0)
		fprintf(stderr, "%s\n  got:  %s\n  want: %s\n", what, got,
		    want);
}

static const char *srcdir, *corpus;

static char *
path(const char *dir, const char *name)
{
	static char b[4][2048];
	static int k;
	char *p = b[k++ & 3];

	snprintf(p, sizeof(b[0]), "%s/%s", dir, name);
	return p;
}

static bool
have(const char *p)
{
	struct stat st;

	return stat(p, &st) == 0;
}

/*
 * Each capture's findings, with no keys and with its key table, and how
 * many hosts sent vendor IDs (each adds a vendor_fingerprint:info, last
 * in sorted order).
 */
static const struct {
	const char	*name;
	const char	*nokeys, *keys;
	unsigned	 vids;
} expected[] = {
	/* AES-128, SHA-1, group 14, Main Mode: nothing above low */
	{ "a_mm_psk_aes128_sha1_modp2048",
	    "ike_weak_dh_group:low ike_weak_hash:low ikev1_in_use:info",
	    "ike_weak_dh_group:low ike_weak_hash:low ikev1_in_use:info "
	    "qm_no_pfs:low", 2 },
	/* Aggressive Mode, PSK: the exposure and both KEY_IDs; its Quick
	   Mode has PFS (known only with keys), group 14 (low) as phase 1 */
	{ "b_am_psk_aes256_sha256_modp2048_pfs_gcm",
	    "identity_in_clear:medium identity_in_clear:medium "
	    "ike_aggressive_psk:high ike_weak_dh_group:low ikev1_in_use:info",
	    "identity_in_clear:medium identity_in_clear:medium "
	    "ike_aggressive_psk:high ike_weak_dh_group:low "
	    "ike_weak_dh_group:low ikev1_in_use:info", 2 },
	/* 3DES, MD5, group 2, and the same in ESP once decrypted */
	{ "c_mm_psk_3des_md5_modp1024",
	    "ike_weak_dh_group:medium ike_weak_encryption:medium "
	    "ike_weak_hash:medium ikev1_in_use:info",
	    "esp_weak_encryption:medium esp_weak_integrity:medium "
	    "ike_weak_dh_group:medium ike_weak_encryption:medium "
	    "ike_weak_hash:medium ikev1_in_use:info qm_no_pfs:low", 2 },
	/* without keys: Main Mode stalled at MM5 (auth_failed, inferred);
	   the initiator's keys: the responder's messages never decrypt */
	{ "f1_mm_wrong_psk",
	    "auth_failed:medium ike_weak_dh_group:low ike_weak_hash:low "
	    "ikev1_in_use:info",
	    "ike_weak_dh_group:low ike_weak_hash:low ikev1_in_use:info "
	    "psk_mismatch:high", 2 },
	/* three IKE SAs (rekeyed): the pair is said once */
	{ "g_mm_rekey_dpd",
	    "ike_weak_dh_group:low ike_weak_dh_group:low "
	    "ike_weak_dh_group:low ike_weak_hash:low ike_weak_hash:low "
	    "ike_weak_hash:low ikev1_in_use:info",
	    "ike_weak_dh_group:low ike_weak_dh_group:low "
	    "ike_weak_dh_group:low ike_weak_hash:low ike_weak_hash:low "
	    "ike_weak_hash:low ikev1_in_use:info qm_no_pfs:low "
	    "qm_no_pfs:low", 2 },
	{ "h5_esp_null",
	    "ike_weak_dh_group:low ike_weak_hash:low ikev1_in_use:info",
	    "esp_weak_encryption:medium ike_weak_dh_group:low "
	    "ike_weak_hash:low ikev1_in_use:info qm_no_pfs:low", 2 },
	/* AES-GCM in ESP: no integrity finding (AEAD) */
	{ "h7_esp_aesgcm128", "ike_weak_dh_group:low ikev1_in_use:info",
	    "ike_weak_dh_group:low ikev1_in_use:info qm_no_pfs:low", 2 },
	/* ike-scan's probe: Aggressive Mode with its group name */
	{ "ikescan_am_psk_probe",
	    "identity_in_clear:medium identity_in_clear:medium "
	    "ike_aggressive_psk:high ike_weak_dh_group:low ike_weak_hash:low "
	    "ikev1_in_use:info", NULL, 1 },
};

static const char *
with_vids(const char *want, unsigned n)
{
	static char b[2048];
	size_t o = (size_t)snprintf(b, sizeof(b), "%s", want);

	while (n-- > 0 && o < sizeof(b))
		o += (size_t)snprintf(b + o, sizeof(b) - o,
		    " vendor_fingerprint:info");
	return b;
}

static void
test_corpus(void)
{
	char d[512], p[1024], k[1024], what[1200];
	size_t i;

	snprintf(d, sizeof(d), "%s/strongswan", corpus);
	if (!have(d)) {
		printf("corpus captures skipped: no corpus at %s\n", d);
		return;
	}
	for (i = 0; i < sizeof(expected) / sizeof(expected[0]); i++) {
		snprintf(p, sizeof(p), "%s/%s.pcap", d, expected[i].name);
		snprintf(k, sizeof(k), "%s/%s.ikev1_decryption_table", d,
		    expected[i].name);
		snprintf(what, sizeof(what), "%s without keys",
		    expected[i].name);
		expect(what, findings(p, NULL, NULL, NULL),
		    with_vids(expected[i].nokeys, expected[i].vids));
		if (expected[i].keys == NULL)
			continue;
		snprintf(what, sizeof(what), "%s with keys", expected[i].name);
		expect(what, findings(p, k, NULL, NULL),
		    with_vids(expected[i].keys, expected[i].vids));
	}
}

static char *
json_of(struct audit *a)
{
	char *buf = NULL;
	size_t blen = 0;
	FILE *mf = open_memstream(&buf, &blen);

	if (mf != NULL) {
		audit_write_json(a, mf);
		fclose(mf);
	}
	return buf;
}

static char *
text_of(struct audit *a)
{
	char *buf = NULL;
	size_t blen = 0;
	FILE *mf = open_memstream(&buf, &blen);

	if (mf != NULL) {
		audit_write_text(a, mf);
		fclose(mf);
	}
	return buf;
}

/* a's JSON and text (checked: an audit, both written) */
static bool
outputs(struct audit *a, char **j, char **t)
{
	CHECK(a != NULL);
	if (a == NULL)
		return false;
	*j = json_of(a);
	*t = text_of(a);
	CHECK(*j != NULL && *t != NULL);
	return *j != NULL && *t != NULL;
}

/* The evidence, the writers, the counters, on the samples/ copies. */
static void
test_evidence(void)
{
	char s[512], *j, *t;
	struct audit *a = NULL;

	snprintf(s, sizeof(s), "%s/samples", srcdir);
	findings(path(s, "b_am_psk_aes256_sha256_modp2048_pfs_gcm.pcap"),
	    NULL, NULL, &a);
	if (!outputs(a, &j, &t))
		return;
	CHECK(strstr(j, "{\"id\":\"ike_aggressive_psk\",\"severity\":\"high\","
	    "\"title\":\"Aggressive Mode with a pre-shared key") != NULL);
	CHECK(strstr(j, "\"icookie\":\"4f8491cf06c9e3a4\",\"rcookie\":"
	    "\"cee400341979783b\",\"initiator\":\"192.0.2.1\","
	    "\"responder\":\"192.0.2.2\",\"frames\":[3,4],\"prf\":"
	    "\"sha2_256\",\"hash_r_in_clear\":true,"
	    "\"exportable_psk_crack\":false,\"exportable_hashcat\":false")
	    != NULL);
	CHECK(strstr(j, "\"side\":\"initiator\",\"id_type\":\"key_id\","
	    "\"value\":\"76706e636c69656e74\",\"value_text\":\"vpnclient\"")
	    != NULL);
	CHECK(strstr(j, "\"value_text\":\"vpngroup\"") != NULL);
	/* text: grouped under the pair, highest first, a summary */
	/* the pair's findings, highest first; each host's vendor IDs */
	CHECK(strstr(t, "\n192.0.2.1 <-> 192.0.2.2\n  high   "
	    "ike_aggressive_psk: ") != NULL);
	CHECK(strncmp(t, "192.0.2.1\n  info   vendor_fingerprint: ", 38) == 0);
	CHECK(strstr(t, "psk-crack: no (MD5 and SHA-1 only); hashcat: no (no mode for this PRF)")
	    != NULL);
	CHECK(strstr(t, "initiator identity KEY_ID \"vpnclient\" in clear")
	    != NULL);
	CHECK(strstr(t, "\n7 findings: 1 high, 2 medium, 1 low, 3 info\n") !=
	    NULL);
	CHECK_EQ_U(audit_max(a), FI_HIGH);
	CHECK_EQ_U(audit_count(a, FI_MEDIUM), 2);
	CHECK_EQ_U(audit_count_id(a, FI_IDENTITY_IN_CLEAR), 2);
	CHECK_EQ_U(audit_dropped(a), 0);
	free(j);
	free(t);
	audit_free(a);
}

static char *
export_of(struct audit *a, bool hashcat, char **warn)
{
	char *buf = NULL, *wbuf = NULL;
	size_t blen = 0, wlen = 0;
	FILE *mf = open_memstream(&buf, &blen);
	FILE *wf = open_memstream(&wbuf, &wlen);

	if (mf != NULL && wf != NULL) {
		if (hashcat)
			audit_export_hashcat(a, mf, wf);
		else
			audit_export_psk_crack(a, mf, wf);
	}
	if (mf != NULL)
		fclose(mf);
	if (wf != NULL)
		fclose(wf);
	*warn = wbuf;
	return buf;
}

/*
 * The psk-crack export equals the line ike-scan itself wrote for the same
 * exchange (which the real psk-crack cracked: the corpus manifest), once
 * although AM2 was resent twice; hashcat is warned about the group 14
 * KEs; b_am's SHA-256 line is warned about for both tools.
 */
static void
test_export(void)
{
	char d[512], p[1024], *want, *got, *warn;
	struct audit *a = NULL;

	snprintf(d, sizeof(d), "%s/strongswan", corpus);
	if (!have(d)) {
		printf("export test skipped: no corpus at %s\n", d);
		return;
	}
	snprintf(p, sizeof(p), "%s/ikescan_am_psk_probe.psk-crack", d);
	want = check_slurp(p);
	CHECK(want != NULL);
	snprintf(p, sizeof(p), "%s/ikescan_am_psk_probe.pcap", d);
	findings(p, NULL, NULL, &a);
	CHECK(a != NULL);
	if (a == NULL || want == NULL)
		return;
	CHECK_EQ_U(audit_exposed(a), 1);
	got = export_of(a, false, &warn);
	CHECK(got != NULL && strcmp(got, want) == 0);
	if (got != NULL && strcmp(got, want) != 0)
		fprintf(stderr, "export:\n%s\nike-scan:\n%s\n", got, want);
	CHECK(warn != NULL && warn[0] == '\0');	/* SHA-1: psk-crack takes it */
	free(got);
	free(warn);
	got = export_of(a, true, &warn);
	CHECK(got != NULL && strcmp(got, want) == 0);
	CHECK(warn != NULL && strstr(warn, "hashcat will not take the line of "
	    "IKE SA ") != NULL && strstr(warn, "its limits are 512 and 64") !=
	    NULL);
	free(got);
	free(warn);
	free(want);
	audit_free(a);

	snprintf(d, sizeof(d), "%s/samples", srcdir);
	findings(path(d, "b_am_psk_aes256_sha256_modp2048_pfs_gcm.pcap"),
	    NULL, NULL, &a);
	if (a == NULL)
		return;
	got = export_of(a, false, &warn);
	CHECK(got != NULL && strlen(got) > 1000 && strchr(got, '\n') ==
	    got + strlen(got) - 1);
	CHECK(warn != NULL && strstr(warn, "psk-crack will not take the line "
	    "of IKE SA 4f8491cf06c9e3a4: its PRF is not MD5 or SHA-1") != NULL);
	free(got);
	free(warn);
	audit_free(a);
}

/* A policy changes ratings and turns findings off. */
static void
test_policy_applied(void)
{
	char s[512], err[256];
	struct policy p;
	static const char pol[] =
	    "dh_group modp2048 high\n"
	    "ike_hash sha1 off\n"
	    "finding ikev1_in_use off\n"
	    "finding identity_in_clear low\n";

	snprintf(s, sizeof(s), "%s/samples", srcdir);
	pol_default(&p);
	CHECK_EQ_U(pol_parse(&p, pol, strlen(pol), "t", err, sizeof(err)), 0);
	expect("b_am with a policy", findings(path(s,
	    "b_am_psk_aes256_sha256_modp2048_pfs_gcm.pcap"), NULL, &p, NULL),
	    "identity_in_clear:low identity_in_clear:low "
	    "ike_aggressive_psk:high ike_weak_dh_group:high "
	    "vendor_fingerprint:info vendor_fingerprint:info");
	expect("a_mm with a policy", findings(path(s,
	    "a_mm_psk_aes128_sha1_modp2048.pcap"), NULL, &p, NULL),
	    "ike_weak_dh_group:high vendor_fingerprint:info "
	    "vendor_fingerprint:info");
}

/*
 * Quick Mode offers and choices, from Wireshark's captures with their key
 * table: 12610's QM1 offers twelve ESP transforms (AES, 3DES, DES with
 * SHA2-256, SHA-1, MD5) and QM2 chooses AES-128/HMAC-SHA1, so DES, 3DES
 * and HMAC-MD5 are offered-not-chosen findings a step below their
 * rating (DES high -> medium), naming the transforms and the choice;
 * ikev1-certs chooses 3DES/HMAC-MD5 with PFS group 2 (chosen findings).
 * Without keys no ESP finding can be made.  Policy overrides apply to
 * the new instances as to the others.
 */
static void
test_qm_offers(void)
{
	char d[512], p[1024], k[1024], err[256], *j, *t;
	struct audit *a = NULL;
	struct policy pol;
	static const char over[] =
	    "finding esp_weak_encryption high\n"
	    "esp_integrity hmac_md5 high\n";
	static const char nodes[] = "esp_encryption des off\n";

	snprintf(d, sizeof(d), "%s/public/wireshark", corpus);
	if (!have(d)) {
		printf("Quick Mode offer test skipped: no corpus at %s\n", d);
		return;
	}
	snprintf(p, sizeof(p), "%s/ikev1-bug-12610.pcapng.gz", d);
	snprintf(k, sizeof(k), "%s/ikev1_decryption_table.tmpl", d);
	expect("12610 with keys", findings(p, k, NULL, &a),
	    "esp_weak_encryption:low esp_weak_encryption:medium "
	    "esp_weak_integrity:low ike_weak_dh_group:medium "
	    "ike_weak_encryption:low ike_weak_encryption:medium "
	    "ike_weak_hash:info ike_weak_hash:low ikev1_in_use:info "
	    "qm_no_pfs:low vendor_fingerprint:info vendor_fingerprint:info "
	    "xauth_credentials_visible:high");
	if (!outputs(a, &j, &t))
		return;
	CHECK(strstr(j, "{\"id\":\"esp_weak_encryption\",\"severity\":"
	    "\"medium\",") != NULL);
	CHECK(strstr(j, "\"frames\":[14],\"role\":\"offered\",\"what\":"
	    "\"ESP encryption\",\"value\":\"DES\",\"value_id\":2,"
	    "\"quick_mode_msgid\":2971040675,\"quick_mode_msgids\":"
	    "[\"b1167ba3\"],\"quick_modes\":1,\"transforms\":[{\"msgid\":"
	    "\"b1167ba3\",\"proposal\":1,\"transform\":10,\"protocol\":"
	    "\"esp\",\"text\":\"ESP DES/HMAC-SHA2-256\",\"spi\":\"070883c2\","
	    "\"lifetime_seconds\":28800},") != NULL);
	CHECK(strstr(j, "\"transforms_count\":3,\"chosen\":"
	    "\"ESP AES-CBC-128/HMAC-SHA\"}}") != NULL);
	CHECK(strstr(t, "ESP encryption DES offered (not chosen) in Quick "
	    "Mode b1167ba3: proposal 1 transform 10 ESP DES/HMAC-SHA2-256, "
	    "proposal 1 transform 11 ESP DES/HMAC-SHA, proposal 1 transform "
	    "12 ESP DES/HMAC-MD5; chosen ESP AES-CBC-128/HMAC-SHA") != NULL);
	CHECK(strstr(t, "ESP integrity HMAC-MD5 offered (not chosen) in Quick "
	    "Mode b1167ba3: proposal 1 transform 3 ESP AES-CBC-256/HMAC-MD5")
	    != NULL);
	/* no chosen ESP finding: AES-128 with HMAC-SHA1 is fine */
	CHECK(strstr(j, "\"role\":\"chosen\",\"what\":\"ESP") == NULL);
	/* IKE offers name their transforms and the choice too */
	CHECK(strstr(t, "IKE encryption DES-CBC offered (not chosen): proposal "
	    "1 transform 10 DES/SHA256/MODP1024/XAUTH-PSK") != NULL);
	CHECK(strstr(t, "; chosen AES-256/SHA256/MODP1024/XAUTH-PSK") != NULL);
	free(j);
	free(t);
	audit_free(a);

	expect("12610 without keys: no Quick Mode read", findings(p, NULL,
	    NULL, NULL), "ike_weak_dh_group:medium ike_weak_encryption:low "
	    "ike_weak_encryption:medium ike_weak_hash:info ike_weak_hash:low "
	    "ikev1_in_use:info vendor_fingerprint:info "
	    "vendor_fingerprint:info");

	pol_default(&pol);
	CHECK_EQ_U(pol_parse(&pol, over, strlen(over), "t", err,
	    sizeof(err)), 0);
	expect("12610: esp_weak_encryption forced high, HMAC-MD5 rated high "
	    "(offered: medium)", findings(p, k, &pol, NULL),
	    "esp_weak_encryption:high esp_weak_encryption:high "
	    "esp_weak_integrity:medium ike_weak_dh_group:medium "
	    "ike_weak_encryption:low ike_weak_encryption:medium "
	    "ike_weak_hash:info ike_weak_hash:low ikev1_in_use:info "
	    "qm_no_pfs:low vendor_fingerprint:info vendor_fingerprint:info "
	    "xauth_credentials_visible:high");
	pol_default(&pol);
	CHECK_EQ_U(pol_parse(&pol, nodes, strlen(nodes), "t", err,
	    sizeof(err)), 0);
	expect("12610: ESP DES not rated", findings(p, k, &pol, NULL),
	    "esp_weak_encryption:low esp_weak_integrity:low "
	    "ike_weak_dh_group:medium ike_weak_encryption:low "
	    "ike_weak_encryption:medium ike_weak_hash:info ike_weak_hash:low "
	    "ikev1_in_use:info qm_no_pfs:low vendor_fingerprint:info "
	    "vendor_fingerprint:info xauth_credentials_visible:high");

	snprintf(p, sizeof(p), "%s/ikev1-certs.pcap", d);
	expect("ikev1-certs with keys", findings(p, k, NULL, &a),
	    "esp_weak_encryption:medium esp_weak_integrity:medium "
	    "ike_weak_dh_group:medium ike_weak_dh_group:medium "
	    "ike_weak_encryption:medium ike_weak_hash:medium "
	    "ikev1_in_use:info vendor_fingerprint:info "
	    "vendor_fingerprint:info");
	if (a == NULL)
		return;
	j = json_of(a);
	CHECK(j != NULL && strstr(j, "\"role\":\"chosen\",\"what\":"
	    "\"Quick Mode PFS group\",\"value\":\"Alternate 1024-bit MODP "
	    "group\",\"value_id\":2,") != NULL);
	CHECK(j != NULL && strstr(j, "\"role\":\"chosen\",\"what\":"
	    "\"ESP encryption\",\"value\":\"3DES\",\"value_id\":3,") != NULL);
	CHECK(j != NULL && strstr(j, "\"chosen\":\"ESP 3DES/HMAC-MD5 PFS "
	    "MODP1024\"") != NULL);
	/* Openswan names itself; the other host only capabilities */
	CHECK(j != NULL && strstr(j, "\"implementations\":[\"Openswan "
	    "2.6.32\"],\"capabilities\":[\"Dead Peer Detection 1.0\"]") !=
	    NULL);
	free(j);
	audit_free(a);
}

/*
 * ESP SAs known only from the key store: ipdecap's DES/HMAC-MD5 capture
 * has no IKE; with its esp_sa keys (which decrypt it) the algorithms in
 * use are rated as chosen, per peer pair.
 */
static void
test_ks_esp(void)
{
	char d[512], p[1024], k[1024], *j;
	struct audit *a = NULL;

	snprintf(d, sizeof(d), "%s/public/ipdecap/unit_tests/esp/"
	    "des-cbc_hmac-md5", corpus);
	if (!have(d)) {
		printf("key store ESP test skipped: no corpus at %s\n", d);
		return;
	}
	snprintf(p, sizeof(p), "%s/des-cbc_hmac-md5.cap", d);
	snprintf(k, sizeof(k), "%s/des-cbc_hmac-md5.cap.esp_sa", d);
	expect("ipdecap DES without keys", findings(p, NULL, NULL, NULL), "");
	expect("ipdecap DES with its keys", findings(p, k, NULL, &a),
	    "esp_weak_encryption:high esp_weak_integrity:medium");
	if (a == NULL)
		return;
	j = json_of(a);
	CHECK(j != NULL && strstr(j, "\"peers\":\"192.168.2.100 <-> "
	    "192.168.2.101\",\"role\":\"chosen\",\"source\":\"keys\","
	    "\"what\":\"ESP encryption\",\"value\":\"DES\",\"value_id\":2,"
	    "\"transform\":\"ESP des-cbc/hmac-md5-96\",\"spis\":[\"0dadca8d\","
	    "\"0a3da653\"],\"esp_sas\":2,") != NULL);
	free(j);
	audit_free(a);
}

int
main(void)
{
	srcdir = getenv("top_srcdir");
	corpus = getenv("CORPUS");
	if (srcdir == NULL)
		srcdir = ".";
	if (corpus == NULL)
		corpus = "../shared/corpus";
	test_corpus();
	test_evidence();
	test_policy_applied();
	test_export();
	test_qm_offers();
	test_ks_esp();
	return check_done("test_audit");
}
