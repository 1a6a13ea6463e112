/*
 * test_p1rec.c - the phase-1 record, read from real captures through the
 * engine (samples/ and ../shared/corpus/strongswan), with and without
 * keys, checked against the captures' manifests:
 *
 *   b_am (Aggressive Mode, PSK, SHA-256 PRF), no keys: cookies, IDs as
 *   psk-crack takes them, KE lengths, the choice; H(g^xi | g^xr) equals
 *   the manifest's initial IV, prf(PSK, Ni | Nr) its SKEYID, and HASH_R
 *   computed from the record alone with the PSK equals the one recorded
 *   (RFC 2409 5.4); with keys HASH_I from the decrypted AM3 as well;
 *   b_am resent, fragmented (FRAG payloads), over UDP 4500 and both: the
 *   same record, field for field, as the clean capture;
 *   a_mm, f1_mm_wrong_psk, c_mm_psk_3des_md5_modp1024 (Main Mode): IDs
 *   and hashes absent without keys, recorded as decrypted with the key
 *   table (f1: IDii only, MM5 resent), the rest identical; SKEYID from the
 *   record's nonces and the initial IV from its KEs match the manifests;
 *   ikescan_am_psk_probe (AM2 resent twice): every field equals the
 *   psk-crack line ike-scan's psk-crack was given;
 *   tcpdump-isakmp4500: all 4 offered transforms with their attributes;
 *   a Quick Mode ID longer than TRK_ID_MAX: kept in part, shown so;
 *   caps: an oversized KE and SA, 70 transforms, 20 attributes, counted
 *   and not kept; the tracker's byte count follows the record.
 */
#include <stdlib.h>
#include <string.h>

#include <openssl/evp.h>

#include "check.h"
#include "engine/engine.h"
#include "out/out_timeline.h"
#include "ike/ike_crypto.h"
#include "keys/keyfile.h"
#include "track/p1rec.h"

static const char *samples, *corpus;
static struct sslctx *be;

/* ------------------------------------------------------------ helpers */

#define unhex		check_unhex
#define bytes_is	check_hex_is

static bool
blob_is(const struct p1rec_blob *b, const char *hex)
{
	return bytes_is(b->p, b->n, hex);
}

struct run {
	struct ctx	c;
	const struct trk_ike_sa *sa;	/* the first IKE SA */
};

static void
first_sa(const struct trk_ike_sa *sa, void *arg)
{
	struct run *r = arg;

	if (r->sa == NULL)
		r->sa = sa;
}

/* An engine for a timeline run, with a key file (in dir) or not. */
static bool
run_begin(struct run *r, const char *dir, const char *keys)
{
	char path[1024], err[256];

	memset(r, 0, sizeof(*r));
	r->c.o.quiet = true;
	r->c.ks = ks_new();
	if (r->c.ks == NULL)
		return false;
	if (keys != NULL) {
		snprintf(path, sizeof(path), "%s/%s", dir, keys);
		if (kf_load_file(r->c.ks, path, err, sizeof(err)) == -1) {
			fprintf(stderr, "%s\n", err);
			return false;
		}
	}
	return eng_init(&r->c, err, sizeof(err)) == 0;
}

static bool
run_end(struct run *r)
{
	eng_finish(&r->c);
	trk_foreach_ike(r->c.trk, first_sa, r);
	return r->sa != NULL;
}

/* Run a capture through the engine, with a key file or not. */
static bool
run_open(struct run *r, const char *dir, const char *name, const char *keys)
{
	char path[1024], err[256];

	if (!run_begin(r, dir, keys))
		return false;
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	if (eng_read_file(&r->c, path, err, sizeof(err)) == -1) {
		fprintf(stderr, "%s\n", err);
		return false;
	}
	return run_end(r);
}

static void
run_close(struct run *r)
{
	eng_free(&r->c);
}

static int
prf(uint16_t hash, const uint8_t *key, size_t klen, const uint8_t *const *p,
    const size_t *l, size_t n, uint8_t *out, size_t *outlen)
{
	return ike_prf(be, hash, key, klen, p, l, n, out, outlen);
}

/* ------------------------------------------------------------ b_am */

#define B_AM	"b_am_psk_aes256_sha256_modp2048_pfs_gcm"

/* keyed: AM3 (HASH_I) is encrypted, so recorded only with keys. */
static void
check_b_am(const struct p1rec *r, bool keyed)
{
	static const char psk[] = "letmein123";
	uint8_t skeyid[64], h[64], want[64];
	size_t sn = 0, hn = 0;
	const uint8_t *p[6];
	size_t l[6];

	CHECK(r->has_rcookie);
	CHECK(bytes_is(r->icookie, 8, "4f8491cf06c9e3a4"));
	CHECK(bytes_is(r->rcookie, 8, "cee400341979783b"));
	CHECK_EQ_U(r->exch, ISAKMP_EXCH_AGGRESSIVE);
	/* IDs as psk-crack takes them: type, protocol, port, data */
	CHECK(blob_is(&r->idi, "0b00000076706e636c69656e74"));
	CHECK(blob_is(&r->idr, "0b00000076706e67726f7570"));
	CHECK(r->idi.clear && r->idr.clear);
	CHECK_EQ_U(r->gxi.n, 256);
	CHECK_EQ_U(r->gxr.n, 256);
	CHECK_EQ_U(r->ni.n, 32);
	CHECK_EQ_U(r->nr.n, 32);
	CHECK(r->gxi.clear && r->gxr.clear && r->ni.clear && r->nr.clear);
	CHECK(blob_is(&r->hash_r, "2dee2a06e428ad5b7823a4dc3390d9ad"
	    "8c530f6b8cb7894c0a7356f8c8dde68a"));
	CHECK(r->hash_r.clear);
	CHECK_EQ_U(r->hash_i.n, keyed ? 32 : 0);
	CHECK(!r->hash_i.clear);
	/* the offer: one proposal, one transform; the choice */
	CHECK_EQ_U(r->offered_proposals, 1);
	CHECK_EQ_U(r->offered_transforms, 1);
	CHECK_EQ_U(r->nkept, 1);
	CHECK_EQ_U(r->sai.n, 52);	/* SA payload 56 bytes less 4 */
	CHECK(r->has_chosen);
	CHECK_EQ_U(r->chosen_alg.enc, 7);
	CHECK_EQ_U(r->chosen_alg.key_len, 256);
	CHECK_EQ_U(r->chosen_alg.hash, 4);	/* SHA2-256: the PRF */
	CHECK_EQ_U(r->chosen_alg.auth, 1);	/* PSK */
	CHECK_EQ_U(r->chosen_alg.group, 14);
	CHECK_EQ_U(r->oversized + r->xforms_dropped + r->attrs_dropped, 0);
	/* what it holds is what it counts (949 bytes without keys) */
	CHECK_EQ_U(r->bytes, r->gxi.n + r->gxr.n + r->ni.n + r->nr.n +
	    r->sai.n + r->idi.n + r->idr.n + r->hash_i.n + r->hash_r.n +
	    r->nkept * sizeof(struct p1rec_xform));
	CHECK_EQ_U(r->bytes, keyed ? 981 : 949);
	if (r->gxi.n == 0 || r->ni.n == 0 || r->sai.n == 0 || r->idr.n == 0 ||
	    r->hash_r.n == 0)
		return;

	/* the KEs: SHA-256(g^xi | g^xr) starts with the manifest's IV */
	{
		EVP_MD_CTX *x = EVP_MD_CTX_new();
		uint8_t d[64];
		unsigned dn = 0;

		CHECK(x != NULL && EVP_DigestInit_ex(x, EVP_sha256(),
		    NULL) == 1 &&
		    EVP_DigestUpdate(x, r->gxi.p, r->gxi.n) == 1 &&
		    EVP_DigestUpdate(x, r->gxr.p, r->gxr.n) == 1 &&
		    EVP_DigestFinal_ex(x, d, &dn) == 1);
		EVP_MD_CTX_free(x);
		unhex("ecd53ce8a8feb7bae5734805cd9628d3", want, 16);
		CHECK_MEM(d, want, 16);
	}
	/* SKEYID = prf(PSK, Ni_b | Nr_b): the nonces, against the manifest */
	p[0] = r->ni.p;
	l[0] = r->ni.n;
	p[1] = r->nr.p;
	l[1] = r->nr.n;
	CHECK(prf(r->chosen_alg.hash, (const uint8_t *)psk, strlen(psk), p, l,
	    2, skeyid, &sn) == 0);
	CHECK_EQ_U(sn, 32);
	unhex("b75c0bee5bd83757b459e7fe5b13fdd6"
	    "39902eb45f68239cdaec596de553e0a8", want, 32);
	CHECK_MEM(skeyid, want, 32);
	/* HASH_R = prf(SKEYID, g^xr | g^xi | CKY-R | CKY-I | SAi_b | IDir_b) */
	p[0] = r->gxr.p;
	l[0] = r->gxr.n;
	p[1] = r->gxi.p;
	l[1] = r->gxi.n;
	p[2] = r->rcookie;
	l[2] = 8;
	p[3] = r->icookie;
	l[3] = 8;
	p[4] = r->sai.p;
	l[4] = r->sai.n;
	p[5] = r->idr.p;
	l[5] = r->idr.n;
	CHECK(prf(r->chosen_alg.hash, skeyid, sn, p, l, 6, h, &hn) == 0);
	CHECK_EQ_U(hn, r->hash_r.n);
	CHECK_MEM(h, r->hash_r.p, r->hash_r.n);
	/* HASH_I = prf(SKEYID, g^xi | g^xr | CKY-I | CKY-R | SAi_b | IDii_b),
	 * from AM3, which came encrypted over UDP 4500 (NAT-T) */
	if (!keyed)
		return;
	p[0] = r->gxi.p;
	l[0] = r->gxi.n;
	p[1] = r->gxr.p;
	l[1] = r->gxr.n;
	p[2] = r->icookie;
	p[3] = r->rcookie;
	p[5] = r->idi.p;
	l[5] = r->idi.n;
	CHECK(prf(r->chosen_alg.hash, skeyid, sn, p, l, 6, h, &hn) == 0);
	CHECK_EQ_U(hn, r->hash_i.n);
	CHECK_MEM(h, r->hash_i.p, r->hash_i.n);
}

static void
test_b_am(void)
{
	struct run r;

	printf("-- b_am without keys\n");
	if (!run_open(&r, samples, B_AM ".pcap", NULL)) {
		CHECK(!"b_am runs");
		run_close(&r);
		return;
	}
	CHECK(r.sa->ike_state == NULL);	/* no keys: no decryption state */
	check_b_am(&r.sa->p1, false);

	run_close(&r);
	printf("-- b_am with keys\n");
	CHECK(run_open(&r, samples, B_AM ".pcap",
	    B_AM ".ikev1_decryption_table"));
	if (r.sa != NULL) {
		CHECK(r.sa->ike_state != NULL);
		check_b_am(&r.sa->p1, true);
	}
	run_close(&r);
}

/* ------------------------------------------------------------ Main Mode */

static bool
blob_eq(const struct p1rec_blob *a, const struct p1rec_blob *b)
{
	return a->n == b->n && a->clear == b->clear &&
	    (a->n == 0 || memcmp(a->p, b->p, a->n) == 0);
}

/* A Main Mode capture and what its manifest (.json) says. */
struct mm_case {
	bool		 corpus;	/* in the corpus, else samples/ */
	const char	*name;
	const char	*icookie, *psk, *skeyid, *iv;
	uint16_t	 enc, key_len, hash, group;
	bool		 idr_decrypts;	/* MM6 decrypts with the key table */
	unsigned	 mm5_resent;
};

static const struct mm_case mm_cases[] = {
	{ false, "a_mm_psk_aes128_sha1_modp2048", "a8c2d82e88abfb04",
	  "Lab-PSK-8f3a91c2d7e4b605", "2584d589269fffb815e254cc8c6b7ef3ea7485cd",
	  NULL, 7, 128, 2, 14, true, 0 },
	/* the responder has another PSK: MM6 never comes, MM5 is resent */
	{ false, "f1_mm_wrong_psk", "26c10c2ed5ecbd5b",
	  "Lab-PSK-8f3a91c2d7e4b605", "345ee5d577325108864bec1dce42a00e605a7d8d",
	  "6f4285ea182751c3288cb0a6d474c13f", 7, 128, 2, 14, false, 3 },
	{ true, "c_mm_psk_3des_md5_modp1024", "3e553ecec0db376c",
	  "Lab-PSK-8f3a91c2d7e4b605", "575ac023eba26ef4c8fac6181abf2fb1",
	  "cd3a96a2c280fa09", 5, 0, 1, 2, true, 0 },
};

static void
test_mm(const struct mm_case *t)
{
	struct run plain, keyed;
	const struct p1rec *a, *b;
	char dir[1024], pcap[256], keys[256];
	size_t hl = t->hash == 1 ? 16 : 20;

	printf("-- %s with and without keys\n", t->name);
	if (t->corpus)
		snprintf(dir, sizeof(dir), "%s/strongswan", corpus);
	else
		snprintf(dir, sizeof(dir), "%s", samples);
	snprintf(pcap, sizeof(pcap), "%s.pcap", t->name);
	snprintf(keys, sizeof(keys), "%s.ikev1_decryption_table", t->name);
	if (t->corpus) {
		char path[1300];
		FILE *fp;

		snprintf(path, sizeof(path), "%s/%s", dir, pcap);
		if ((fp = fopen(path, "rb")) == NULL) {
			printf("(corpus not found, skipped)\n");
			return;
		}
		fclose(fp);
	}
	if (!run_open(&plain, dir, pcap, NULL) ||
	    !run_open(&keyed, dir, pcap, keys)) {
		CHECK(!"Main Mode runs");
		run_close(&plain);
		return;
	}
	a = &plain.sa->p1;
	b = &keyed.sa->p1;
	CHECK_EQ_U(a->exch, ISAKMP_EXCH_MAIN);
	CHECK(bytes_is(a->icookie, 8, t->icookie));
	/* MM5/MM6 are encrypted: no IDs or hashes without keys ... */
	CHECK_EQ_U(a->idi.n + a->idr.n + a->hash_i.n + a->hash_r.n, 0);
	/* ... recorded once decrypted, and said so (the outer addresses) */
	CHECK(blob_is(&b->idi, "01000000c0000201") && !b->idi.clear);
	CHECK(b->hash_i.n == hl && !b->hash_i.clear);
	if (t->idr_decrypts) {
		CHECK(blob_is(&b->idr, "01000000c0000202") && !b->idr.clear);
		CHECK(b->hash_r.n == hl && !b->hash_r.clear);
	} else
		CHECK_EQ_U(b->idr.n + b->hash_r.n, 0);
	CHECK_EQ_U(keyed.sa->ex[0].rexmits, t->mm5_resent);
	/* the rest is the same with or without keys */
	CHECK(blob_eq(&a->gxi, &b->gxi) && a->gxi.n > 0);
	CHECK(blob_eq(&a->gxr, &b->gxr) && a->gxr.n == a->gxi.n);
	CHECK(blob_eq(&a->ni, &b->ni) && a->ni.n > 0);
	CHECK(blob_eq(&a->nr, &b->nr) && a->nr.n > 0);
	CHECK(blob_eq(&a->sai, &b->sai) && a->sai.n > 0);
	CHECK(memcmp(&a->chosen_alg, &b->chosen_alg,
	    sizeof(a->chosen_alg)) == 0);
	CHECK_EQ_U(a->chosen_alg.enc, t->enc);
	CHECK_EQ_U(a->chosen_alg.key_len, t->key_len);
	CHECK_EQ_U(a->chosen_alg.hash, t->hash);
	CHECK_EQ_U(a->chosen_alg.auth, 1);
	CHECK_EQ_U(a->chosen_alg.group, t->group);
	/* SKEYID = prf(PSK, Ni_b | Nr_b) from the record's nonces */
	if (a->ni.n > 0 && a->nr.n > 0) {
		const uint8_t *p[2] = { a->ni.p, a->nr.p };
		size_t l[2] = { a->ni.n, a->nr.n }, n = 0;
		uint8_t s[64], want[64];

		CHECK(prf(t->hash, (const uint8_t *)t->psk, strlen(t->psk), p,
		    l, 2, s, &n) == 0);
		CHECK_EQ_U(n, hl);
		unhex(t->skeyid, want, sizeof(want));
		CHECK_MEM(s, want, hl);
	}
	/* H(g^xi | g^xr) begins with the manifest's initial IV */
	if (t->iv != NULL && a->gxi.n > 0) {
		EVP_MD_CTX *x = EVP_MD_CTX_new();
		uint8_t d[64], want[16];
		unsigned dn = 0;
		size_t wn = unhex(t->iv, want, sizeof(want));

		CHECK(x != NULL && EVP_DigestInit_ex(x, t->hash == 1 ?
		    EVP_md5() : EVP_sha1(), NULL) == 1 &&
		    EVP_DigestUpdate(x, a->gxi.p, a->gxi.n) == 1 &&
		    EVP_DigestUpdate(x, a->gxr.p, a->gxr.n) == 1 &&
		    EVP_DigestFinal_ex(x, d, &dn) == 1);
		EVP_MD_CTX_free(x);
		CHECK_MEM(d, want, wn);
	}
	run_close(&plain);
	run_close(&keyed);
}

/* ------------------------------------------------------------ ike-scan */

static void
test_ikescan(void)
{
	char path[1024], line[8192], *f[9], *s;
	FILE *fp;
	struct run r;
	int n = 0;

	printf("-- ikescan_am_psk_probe against its psk-crack line\n");
	snprintf(path, sizeof(path), "%s/strongswan/ikescan_am_psk_probe"
	    ".psk-crack", corpus);
	fp = fopen(path, "r");
	if (fp == NULL) {
		printf("(corpus not found, skipped)\n");
		return;
	}
	if (fgets(line, sizeof(line), fp) == NULL)
		line[0] = '\0';
	fclose(fp);
	line[strcspn(line, "\n")] = '\0';
	for (s = strtok(line, ":"); s != NULL && n < 9; s = strtok(NULL, ":"))
		f[n++] = s;
	CHECK_EQ_U(n, 9);
	snprintf(path, sizeof(path), "%s/strongswan", corpus);
	if (n != 9 || !run_open(&r, path, "ikescan_am_psk_probe.pcap", NULL)) {
		CHECK(!"ikescan runs");
		return;
	}
	/* g_xr:g_xi:cky_r:cky_i:sai_b:idir_b:ni_b:nr_b:hash_r */
	CHECK(blob_is(&r.sa->p1.gxr, f[0]));
	CHECK(blob_is(&r.sa->p1.gxi, f[1]));
	CHECK(bytes_is(r.sa->p1.rcookie, 8, f[2]));
	CHECK(bytes_is(r.sa->p1.icookie, 8, f[3]));
	CHECK(blob_is(&r.sa->p1.sai, f[4]));
	CHECK(blob_is(&r.sa->p1.idr, f[5]));
	CHECK(blob_is(&r.sa->p1.ni, f[6]));
	CHECK(blob_is(&r.sa->p1.nr, f[7]));
	CHECK(blob_is(&r.sa->p1.hash_r, f[8]));
	/* AM2 was resent twice: one SA, the record as from the first */
	CHECK(r.sa->ex[0].rexmits >= 2);
	run_close(&r);
}

/* ------------------------------------------------ resent, fragmented, NAT-T */

#define MAX_PK		64
#define ETH_IP_UDP	42	/* Ethernet, IPv4 without options, UDP */

struct pk {
	uint8_t	 d[2048];
	size_t	 n;
	double	 ts;
};

/* A classic little-endian pcap of Ethernet frames. */
static size_t
load_pcap(const char *path, struct pk *pk, size_t max)
{
	FILE *fp = fopen(path, "rb");
	uint8_t h[24], rh[16];
	size_t n = 0;

	if (fp == NULL || fread(h, 1, 24, fp) != 24) {
		if (fp != NULL)
			fclose(fp);
		return 0;
	}
	while (n < max && fread(rh, 1, 16, fp) == 16) {
		uint32_t sec = rh[0] | rh[1] << 8 | rh[2] << 16 |
		    (uint32_t)rh[3] << 24;
		uint32_t len = rh[8] | rh[9] << 8 | rh[10] << 16 |
		    (uint32_t)rh[11] << 24;

		if (len > sizeof(pk[n].d) || fread(pk[n].d, 1, len, fp) != len)
			break;
		pk[n].n = len;
		pk[n].ts = sec;
		n++;
	}
	fclose(fp);
	return n;
}

/* The ISAKMP message of a UDP 500 frame in clear, phase 1; else NULL. */
static const uint8_t *
clear_p1(const struct pk *p, size_t *len)
{
	const uint8_t *m = p->d + ETH_IP_UDP;

	if (p->n < ETH_IP_UDP + 28 || p->d[12] != 0x08 || p->d[13] != 0 ||
	    p->d[14] != 0x45 || p->d[23] != 17 || p->d[36] != 0x01 ||
	    p->d[37] != 0xf4)
		return NULL;
	if ((m[19] & 1) || memcmp(m + 20, "\0\0\0\0", 4) != 0)
		return NULL;
	*len = p->n - ETH_IP_UDP;
	return m;
}

/* A frame like tmpl's carrying msg, on UDP 500 or 4500 (non-ESP marker). */
static void
rewrap(struct pk *out, const struct pk *tmpl, uint16_t port,
    const uint8_t *msg, size_t len)
{
	size_t marker = port == 4500 ? 4 : 0;
	size_t udp = 8 + marker + len;

	memcpy(out->d, tmpl->d, ETH_IP_UDP);
	out->ts = tmpl->ts;
	out->d[16] = (uint8_t)((20 + udp) >> 8);
	out->d[17] = (uint8_t)(20 + udp);
	out->d[24] = out->d[25] = 0;		/* checksums: not checked */
	out->d[34] = out->d[36] = (uint8_t)(port >> 8);
	out->d[35] = out->d[37] = (uint8_t)port;
	out->d[38] = (uint8_t)(udp >> 8);
	out->d[39] = (uint8_t)udp;
	out->d[40] = out->d[41] = 0;
	memset(out->d + ETH_IP_UDP, 0, marker);
	memcpy(out->d + ETH_IP_UDP + marker, msg, len);
	out->n = ETH_IP_UDP + marker + len;
}

/*
 * msg cut into FRAG payloads (type 132) of 100 bytes, each in an ISAKMP
 * message of its own; the first two swapped.  Returns how many.
 */
static size_t
fragment(struct pk *out, size_t max, const struct pk *tmpl, uint16_t port,
    const uint8_t *msg, size_t len, uint16_t id)
{
	uint8_t f[28 + 8 + 100];
	size_t off, n = 0;

	for (off = 0; off < len && n < max; off += 100) {
		size_t k = len - off < 100 ? len - off : 100, fl = 28 + 8 + k;
		size_t at = n == 0 && len > 100 ? 1 : n == 1 ? 0 : n;

		memcpy(f, msg, 28);
		f[16] = ISAKMP_PL_FRAG;
		f[19] &= (uint8_t)~1;
		f[24] = f[25] = 0;
		f[26] = (uint8_t)(fl >> 8);
		f[27] = (uint8_t)fl;
		f[28] = f[29] = 0;
		f[30] = (uint8_t)((8 + k) >> 8);
		f[31] = (uint8_t)(8 + k);
		f[32] = (uint8_t)(id >> 8);
		f[33] = (uint8_t)id;
		f[34] = (uint8_t)(n + 1);
		f[35] = off + k >= len;		/* last */
		memcpy(f + 36, msg + off, k);
		rewrap(&out[at], tmpl, port, f, fl);
		n++;
	}
	return n;
}

enum variant { V_CLEAN, V_RESENT, V_FRAG, V_NATT, V_FRAG_NATT };

/* Feed pk through an engine, phase-1 clear messages changed by v. */
static bool
run_variant(struct run *r, const struct pk *pk, size_t n, enum variant v,
    const char *keys)
{
	static struct pk out[MAX_PK];
	struct cap_frame cf;
	size_t i, k, no;
	uint32_t frame = 0;

	if (!run_begin(r, samples, keys))
		return false;
	for (i = 0; i < n; i++) {
		const uint8_t *m;
		size_t len;

		no = 0;
		m = clear_p1(&pk[i], &len);
		if (m == NULL || v == V_CLEAN) {
			out[no++] = pk[i];
		} else if (v == V_RESENT) {
			out[no++] = pk[i];
			out[no++] = pk[i];
		} else if (v == V_NATT) {
			rewrap(&out[no++], &pk[i], 4500, m, len);
		} else
			no = fragment(out, MAX_PK, &pk[i], v == V_FRAG ? 500 :
			    4500, m, len, (uint16_t)(i + 1));
		for (k = 0; k < no; k++) {
			memset(&cf, 0, sizeof(cf));
			cf.frame = ++frame;
			cf.ts = out[k].ts;
			cf.caplen = cf.wirelen = (uint32_t)out[k].n;
			cf.data = out[k].d;
			eng_frame(&r->c, 1, &cf);	/* DLT_EN10MB */
		}
	}
	return run_end(r);
}

/* Every field of two records. */
static bool
rec_eq(const struct p1rec *a, const struct p1rec *b)
{
	return memcmp(a->icookie, b->icookie, 8) == 0 &&
	    memcmp(a->rcookie, b->rcookie, 8) == 0 &&
	    a->has_rcookie == b->has_rcookie && a->exch == b->exch &&
	    blob_eq(&a->gxi, &b->gxi) && blob_eq(&a->gxr, &b->gxr) &&
	    blob_eq(&a->ni, &b->ni) && blob_eq(&a->nr, &b->nr) &&
	    blob_eq(&a->sai, &b->sai) && blob_eq(&a->idi, &b->idi) &&
	    blob_eq(&a->idr, &b->idr) &&
	    blob_eq(&a->hash_i, &b->hash_i) &&
	    blob_eq(&a->hash_r, &b->hash_r) &&
	    a->offered_proposals == b->offered_proposals &&
	    a->offered_transforms == b->offered_transforms &&
	    a->nkept == b->nkept && (a->nkept == 0 || memcmp(a->offered,
	    b->offered, a->nkept * sizeof(*a->offered)) == 0) &&
	    a->has_chosen == b->has_chosen &&
	    memcmp(&a->chosen, &b->chosen, sizeof(a->chosen)) == 0 &&
	    memcmp(&a->chosen_alg, &b->chosen_alg,
	    sizeof(a->chosen_alg)) == 0 &&
	    a->oversized == b->oversized &&
	    a->xforms_dropped == b->xforms_dropped &&
	    a->attrs_dropped == b->attrs_dropped && a->bytes == b->bytes;
}

static void
test_variants(void)
{
	static struct pk pk[MAX_PK];
	static const char *const vname[] = { "clean", "resent", "fragmented",
	    "NAT-T", "fragmented over NAT-T" };
	char path[1024];
	size_t n;
	int keyed, v;

	snprintf(path, sizeof(path), "%s/" B_AM ".pcap", samples);
	n = load_pcap(path, pk, MAX_PK);
	CHECK(n > 8);
	for (keyed = 0; keyed < 2; keyed++) {
		const char *keys = keyed ? B_AM ".ikev1_decryption_table" :
		    NULL;
		struct run clean;

		if (!run_variant(&clean, pk, n, V_CLEAN, keys)) {
			CHECK(!"b_am clean run");
			run_close(&clean);
			continue;
		}
		check_b_am(&clean.sa->p1, keyed);
		for (v = V_RESENT; v <= V_FRAG_NATT; v++) {
			struct run r;
			bool ok;

			printf("-- b_am %s, %s keys\n", vname[v],
			    keyed ? "with" : "without");
			ok = run_variant(&r, pk, n, (enum variant)v, keys);
			CHECK(ok);
			if (ok) {
				CHECK(rec_eq(&r.sa->p1, &clean.sa->p1));
				/* the variant took effect */
				if (v == V_RESENT)
					CHECK(r.sa->ex[0].rexmits == 2);
				if (v == V_NATT || v == V_FRAG_NATT)
					CHECK_EQ_U(r.sa->iport0, 4500);
				if (v == V_FRAG || v == V_FRAG_NATT)
					CHECK(r.c.ikefrag != NULL &&
					    r.sa->msgs[0].frame > 3);
			}
			run_close(&r);
		}
		run_close(&clean);
	}
}

/* ------------------------------------------------- Quick Mode IDs as values */

/*
 * A Quick Mode in clear after b_am's exchange, its IDci an FQDN of 100
 * bytes: the tracker keeps TRK_ID_MAX of them, and the timeline says the
 * rest was cut.
 */
static void
test_qm_ids(void)
{
	static struct pk pk[MAX_PK], qm;
	static uint8_t m[512];
	char path[1024], want[128], *out = NULL;
	size_t n, i, o = 28, olen = 0;
	struct cap_frame cf;
	struct run r;
	FILE *fp;

	printf("-- Quick Mode IDs\n");
	snprintf(path, sizeof(path), "%s/" B_AM ".pcap", samples);
	n = load_pcap(path, pk, MAX_PK);
	if (n < 4 || !run_begin(&r, samples, NULL)) {
		CHECK(!"b_am loads");
		return;
	}
	memset(m, 0, sizeof(m));
	unhex("4f8491cf06c9e3a4cee400341979783b", m, 16);
	m[16] = ISAKMP_PL_SA;
	m[17] = 0x10;
	m[18] = ISAKMP_EXCH_QUICK;
	m[20] = 0x11;				/* message ID */
	/* SA: DOI IPsec, one ESP proposal, SPI, one transform (AES-CBC) */
	m[o] = ISAKMP_PL_ID;
	m[o + 3] = 4 + 8 + 12 + 8;
	m[o + 7] = 1;
	m[o + 11] = 1;
	m[o + 12 + 3] = 12 + 8;
	m[o + 12 + 4] = 1;
	m[o + 12 + 5] = ISAKMP_PROTO_ESP;
	m[o + 12 + 6] = 4;
	m[o + 12 + 7] = 1;
	memcpy(m + o + 12 + 8, "\x01\x02\x03\x04", 4);
	m[o + 24 + 3] = 8;
	m[o + 24 + 5] = 12;
	o += m[o + 3];
	/* IDci: FQDN of 100 bytes; IDcr: 10.2.0.1 */
	m[o] = ISAKMP_PL_ID;
	m[o + 3] = 8 + 100;
	m[o + 4] = ISAKMP_ID_FQDN;
	memset(m + o + 8, 'a', 100);
	o += 8 + 100;
	m[o + 3] = 12;
	m[o + 4] = ISAKMP_ID_IPV4_ADDR;
	memcpy(m + o + 8, "\x0a\x02\x00\x01", 4);
	o += 12;
	m[27] = (uint8_t)o;
	m[26] = (uint8_t)(o >> 8);
	rewrap(&qm, &pk[2], 500, m, o);		/* AM1's frame, I -> R */
	for (i = 0; i <= n; i++) {
		const struct pk *p = i < n ? &pk[i] : &qm;

		memset(&cf, 0, sizeof(cf));
		cf.frame = (uint32_t)i + 1;
		cf.ts = p->ts;
		cf.caplen = cf.wirelen = (uint32_t)p->n;
		cf.data = p->d;
		eng_frame(&r.c, 1, &cf);
	}
	if (!run_end(&r)) {
		CHECK(!"b_am runs");
		run_close(&r);
		return;
	}
	for (i = 0; i < r.sa->nex; i++)
		if (r.sa->ex[i].msgid == 0x11000000)
			break;
	CHECK(i < r.sa->nex);
	if (i < r.sa->nex) {
		const struct trk_exchange *e = &r.sa->ex[i];

		CHECK_EQ_U(e->idc[0].type, ISAKMP_ID_FQDN);
		CHECK_EQ_U(e->idc[0].wire_len, 100);
		CHECK_EQ_U(e->idc[0].len, TRK_ID_MAX);
		CHECK_EQ_U(e->idc[1].type, ISAKMP_ID_IPV4_ADDR);
		CHECK_EQ_U(e->idc[1].len, 4);
	}
	fp = open_memstream(&out, &olen);
	if (fp != NULL) {
		out_timeline_text(fp, r.c.trk, r.sa);
		fclose(fp);
	}
	memset(want, 'a', TRK_ID_MAX);
	snprintf(want + TRK_ID_MAX, sizeof(want) - TRK_ID_MAX,
	    "... <-> 10.2.0.1");
	memmove(want + 8, want, strlen(want) + 1);
	memcpy(want, "traffic ", 8);
	CHECK(out != NULL && strstr(out, want) != NULL);
	if (out != NULL && strstr(out, want) == NULL)
		fprintf(stderr, "%s", out);
	free(out);
	run_close(&r);
}

/* ------------------------------------------------------------ offers */

static void
test_offer(const char *top)
{
	char path[1024];
	struct run r;
	const struct p1rec *p;
	/* hash, group of the four transforms */
	static const uint16_t want[4][2] = { { 1, 5 }, { 2, 5 }, { 2, 2 },
	    { 1, 2 } };
	uint16_t i;

	printf("-- tcpdump-isakmp4500: a four-transform offer\n");
	snprintf(path, sizeof(path), "%s/tests/captures", top);
	if (!run_open(&r, path, "tcpdump-isakmp4500.pcap", NULL)) {
		CHECK(!"tcpdump-isakmp4500 runs");
		run_close(&r);
		return;
	}
	p = &r.sa->p1;
	CHECK_EQ_U(p->offered_proposals, 1);
	CHECK_EQ_U(p->offered_transforms, 4);
	CHECK_EQ_U(p->nkept, 4);
	for (i = 0; i < p->nkept && i < 4; i++) {
		struct p1rec_alg a;
		const struct p1rec_attr *t;

		p1rec_alg(&p->offered[i], &a);
		CHECK_EQ_U(p->offered[i].num, i);
		CHECK_EQ_U(p->offered[i].proto, 1);
		CHECK_EQ_U(p->offered[i].nattrs, 6);
		CHECK_EQ_U(a.enc, 5);
		CHECK_EQ_U(a.auth, 3);
		CHECK_EQ_U(a.life_secs, 3600);
		CHECK_EQ_U(a.hash, want[i][0]);
		CHECK_EQ_U(a.group, want[i][1]);
		/* Life Duration */
		t = p1rec_attr_find(&p->offered[i], 12);
		CHECK(t != NULL && t->num_ok && t->num == 3600);
	}
	CHECK(p->has_chosen);
	CHECK_EQ_U(p->chosen_alg.hash, 1);
	CHECK_EQ_U(p->chosen_alg.group, 5);
	run_close(&r);
}

/* ------------------------------------------------------------ caps */

static size_t
put_attr(uint8_t *b, uint16_t type, uint16_t v)
{
	b[0] = (uint8_t)(0x80 | type >> 8);
	b[1] = (uint8_t)type;
	b[2] = (uint8_t)(v >> 8);
	b[3] = (uint8_t)v;
	return 4;
}

/*
 * An AM1 with an SA of nx transforms in proposals of at most 40 (the
 * dissector walks 64 a proposal), the first with nattrs attributes, and
 * a KE of ke bytes.
 */
static size_t
build_am1(uint8_t *m, size_t nx, size_t nattrs, size_t ke)
{
	size_t o = 28, sa = o, prop, i = 0, k, pn = 0;

	memset(m, 0, 28);
	memcpy(m, "ICOOKIE!", 8);
	m[16] = 1;			/* next payload: SA */
	m[17] = 0x10;
	m[18] = ISAKMP_EXCH_AGGRESSIVE;
	m[o] = 4;			/* SA, next KE */
	o += 4;
	m[o + 3] = 1;			/* DOI IPsec */
	m[o + 7] = 1;			/* SIT_IDENTITY_ONLY */
	o += 8;
	while (i < nx) {
		size_t np = nx - i < 40 ? nx - i : 40, j;

		prop = o;
		memset(m + o, 0, 8);
		m[o] = i + np < nx ? 2 : 0;	/* next: a proposal */
		m[o + 4] = (uint8_t)++pn;
		m[o + 5] = 1;		/* ISAKMP */
		m[o + 7] = (uint8_t)np;
		o += 8;
		for (j = 0; j < np; j++, i++) {
			size_t x = o;

			memset(m + x, 0, 8);
			m[x] = j + 1 < np ? 3 : 0;
			m[x + 4] = (uint8_t)i;
			m[x + 5] = 1;	/* KEY_IKE */
			o += 8;
			o += put_attr(m + o, 1, 7);
			for (k = 1; i == 0 && k < nattrs; k++)
				o += put_attr(m + o, 2, 2);
			m[x + 2] = (uint8_t)((o - x) >> 8);
			m[x + 3] = (uint8_t)(o - x);
		}
		m[prop + 2] = (uint8_t)((o - prop) >> 8);
		m[prop + 3] = (uint8_t)(o - prop);
	}
	m[sa + 2] = (uint8_t)((o - sa) >> 8);
	m[sa + 3] = (uint8_t)(o - sa);
	memset(m + o, 0, 4);		/* KE, last */
	m[o + 2] = (uint8_t)((ke + 4) >> 8);
	m[o + 3] = (uint8_t)(ke + 4);
	memset(m + o + 4, 0xab, ke);
	o += 4 + ke;
	m[24] = (uint8_t)(o >> 24);
	m[25] = (uint8_t)(o >> 16);
	m[26] = (uint8_t)(o >> 8);
	m[27] = (uint8_t)o;
	return o;
}

static void
test_caps(void)
{
	static uint8_t buf[16384];
	struct isakmp_msg m;
	struct p1rec r;
	size_t n;

	printf("-- caps\n");
	memset(&r, 0, sizeof(r));
	/* within the caps: all kept */
	n = build_am1(buf, 3, 2, 128);
	memset(&m, 0, sizeof(m));
	CHECK(isakmp_decode(cur_init(buf, n), &m) == DIS_OK);
	p1rec_observe(&r, true, &m, true);
	CHECK_EQ_U(r.gxi.n, 128);
	CHECK_EQ_U(r.offered_transforms, 3);
	CHECK_EQ_U(r.nkept, 3);
	CHECK_EQ_U(r.offered[0].nattrs, 2);
	CHECK_EQ_U(r.oversized, 0);
	CHECK(r.bytes >= 128 + r.sai.n + 3 * sizeof(struct p1rec_xform));

	/* a KE over its cap: counted, and the earlier one is not kept */
	n = build_am1(buf, 1, 1, P1REC_KE_MAX + 4);
	memset(&m, 0, sizeof(m));
	CHECK(isakmp_decode(cur_init(buf, n), &m) == DIS_OK);
	p1rec_observe(&r, true, &m, true);
	CHECK_EQ_U(r.gxi.n, 0);
	CHECK(r.gxi.p == NULL);
	CHECK_EQ_U(r.oversized, 1);
	CHECK_EQ_U(r.nkept, 1);

	/* 70 transforms, 20 attributes in the first: 64 and 16 kept */
	n = build_am1(buf, 70, 20, 16);
	memset(&m, 0, sizeof(m));
	CHECK(isakmp_decode(cur_init(buf, n), &m) == DIS_OK);
	p1rec_observe(&r, true, &m, true);
	CHECK_EQ_U(r.offered_transforms, 70);
	CHECK_EQ_U(r.nkept, P1REC_MAX_XFORMS);
	CHECK_EQ_U(r.xforms_dropped, 70 - P1REC_MAX_XFORMS);
	CHECK_EQ_U(r.offered[0].nattrs, P1REC_MAX_ATTRS);
	CHECK_EQ_U(r.offered[0].attrs_seen, 20);
	CHECK_EQ_U(r.attrs_dropped, 20 - P1REC_MAX_ATTRS);
	CHECK_EQ_U(r.offered_proposals, 2);
	CHECK_EQ_U(r.offered[63].num, 63);
	CHECK_EQ_U(r.offered[63].prop_num, 2);

	/* an SA body over its cap: counted, not kept */
	n = build_am1(buf, 400, 1, 16);		/* 400 * 12 bytes */
	memset(&m, 0, sizeof(m));
	isakmp_decode(cur_init(buf, n), &m);
	CHECK(m.npayloads >= 1 && cur_left(&m.pl[0].body) > P1REC_SA_MAX);
	p1rec_observe(&r, true, &m, true);
	CHECK_EQ_U(r.sai.n, 0);
	CHECK_EQ_U(r.oversized, 2);
	CHECK(r.nkept <= P1REC_MAX_XFORMS);
	p1rec_free(&r);
	CHECK_EQ_U(r.bytes, 0);
}

/* ------------------------------------------------------------ accounting */

/* A pre-placement hook that records the message, as the engine's does. */
static void
acct_pre(struct trk_ike_sa *sa, const struct trk_msg *orig, uint8_t dir,
    struct trk_in *in, void *arg)
{
	(void)orig;
	(void)in;
	p1rec_observe(&sa->p1, dir == TRK_I2R, arg, true);
}

/* The tracker's byte count follows the record, up and down. */
static void
test_accounting(void)
{
	static uint8_t buf[4096];
	static const uint8_t src[4] = { 192, 0, 2, 1 },
	    dst[4] = { 192, 0, 2, 2 };
	struct trk *with = trk_new(NULL), *without = trk_new(NULL);
	struct trk_stats sw, so;
	struct trk_result res;
	struct isakmp_msg m;
	struct trk_in in;
	size_t n, rec = 0;
	int k;

	printf("-- accounting\n");
	if (with == NULL || without == NULL) {
		CHECK(!"trk_new");
		return;
	}
	trk_set_hooks(with, acct_pre, NULL, &m);
	for (k = 0; k < 2; k++) {
		/* a bigger KE, then a smaller one (a new AM1) */
		n = build_am1(buf, k == 0 ? 5 : 1, 3, k == 0 ? 512 : 64);
		memset(&m, 0, sizeof(m));
		CHECK(isakmp_decode(cur_init(buf, n), &m) == DIS_OK);
		memset(&in, 0, sizeof(in));
		in.frame = (uint32_t)k + 1;
		in.af = 4;
		in.src = src;
		in.dst = dst;
		in.sport = in.dport = 500;
		in.icookie = m.hdr.icookie;
		in.rcookie = m.hdr.rcookie;
		in.exch = m.hdr.exch;
		in.raw = buf;
		in.raw_len = n;
		in.plaintext = true;
		CHECK(trk_ike(with, &in, &res) == 0);
		if (res.sa != NULL)
			rec = res.sa->p1.bytes;
		CHECK(trk_ike(without, &in, &res) == 0);
		trk_stats(with, &sw);
		trk_stats(without, &so);
		CHECK(rec > 0);
		CHECK_EQ_U(sw.bytes_now - so.bytes_now, rec);
	}
	CHECK(rec < 512);	/* the second, smaller record replaced it */
	trk_free(with);
	trk_free(without);
}

int
main(void)
{
	const char *top = getenv("top_srcdir");
	char sdir[1024], cdir[1024], err[256];
	size_t i;

	if (top == NULL)
		top = ".";
	snprintf(sdir, sizeof(sdir), "%s/samples", top);
	snprintf(cdir, sizeof(cdir), "%s/../shared/corpus", top);
	samples = sdir;
	corpus = getenv("CORPUS") != NULL ? getenv("CORPUS") : cdir;
	be = sslctx_new(err, sizeof(err));
	if (be == NULL) {
		fprintf(stderr, "%s\n", err);
		return 1;
	}
	test_b_am();
	test_variants();
	test_qm_ids();
	for (i = 0; i < sizeof(mm_cases) / sizeof(mm_cases[0]); i++)
		test_mm(&mm_cases[i]);
	test_ikescan();
	test_offer(top);
	test_caps();
	test_accounting();
	sslctx_free(be);
	return check_done("p1rec");
}
