/*
 * test_crack_mm.c - Main Mode targets with a known g^xy (crack/crack_mm.h,
 * audit/mmtgt.h), from the samples and their manifests:
 *
 *   f1_mm_wrong_psk (the responder holds another PSK): the targets built
 *   from the capture with only g^xy are the initiator's MM5 and the
 *   responder's Informational; with every kernel this CPU runs (the
 *   others said skipped) and OpenSSL, the candidates in every lane
 *   position: the initiator's PSK opens MM5 and not the Informational,
 *   responder_psk the Informational and not MM5, other words nothing;
 *   the derived SKEYID, SKEYID_d/a/e and Ka equal the manifest's;
 *
 *   a_mm_psk_aes128_sha1_modp2048 (both agree), only g^xy: crack_run_tg
 *   finds the PSK from a list for both sides, and the capture then
 *   decrypts with it.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "audit/mmtgt.h"
#include "crack/crack.h"
#include "crack/crack_gen.h"
#include "engine/engine.h"
#include "keys/keyfile.h"
#include "check.h"

static const char *samples;

/* CHECK that says whether it held, for what depends on it */
#define CHECK_RET(cond) check_ret((cond), __FILE__, __LINE__, #cond)

static bool
check_ret(bool ok, const char *file, int line, const char *what)
{
	check_count++;
	if (!ok) {
		check_fails++;
		fprintf(stderr, "%s:%d: CHECK failed: %s\n", file, line, what);
	}
	return ok;
}

/* ---- the manifest: "key": "value" of its first occurrence */

static bool
mf_str(const char *json, const char *key, char *out, size_t cap)
{
	char pat[64];
	const char *p, *e;

	snprintf(pat, sizeof(pat), "\"%s\": \"", key);
	p = strstr(json, pat);
	if (p == NULL)
		return false;
	p += strlen(pat);
	e = strchr(p, '"');
	if (e == NULL || (size_t)(e - p) >= cap)
		return false;
	memcpy(out, p, (size_t)(e - p));
	out[e - p] = '\0';
	return true;
}

/* a key as the manifest gives it (and not empty) */
static bool
hex_is(const uint8_t *p, size_t len, const char *hex)
{
	return hex[0] != '\0' && check_hex_is(p, len, hex);
}

struct mf {
	char	*json;
	char	 ic[17], psk[128], rpsk[128];
	char	 gxy[2100], skeyid[129], d[129], a[129], e[129];
	char	 ka[129], rka[129];
};

static bool
mf_load(struct mf *m, const char *name)
{
	char path[1024];

	memset(m, 0, sizeof(*m));
	snprintf(path, sizeof(path), "%s/%s.json", samples, name);
	m->json = check_slurp(path);
	if (m->json == NULL)
		return false;
	mf_str(m->json, "responder_psk", m->rpsk, sizeof(m->rpsk));
	mf_str(m->json, "responder_encryption_key", m->rka, sizeof(m->rka));
	return mf_str(m->json, "initiator_cookie", m->ic, sizeof(m->ic)) &&
	    mf_str(m->json, "psk", m->psk, sizeof(m->psk)) &&
	    mf_str(m->json, "dh_shared_secret", m->gxy, sizeof(m->gxy)) &&
	    mf_str(m->json, "skeyid", m->skeyid, sizeof(m->skeyid)) &&
	    mf_str(m->json, "skeyid_d", m->d, sizeof(m->d)) &&
	    mf_str(m->json, "skeyid_a", m->a, sizeof(m->a)) &&
	    mf_str(m->json, "skeyid_e", m->e, sizeof(m->e)) &&
	    mf_str(m->json, "encryption_key", m->ka, sizeof(m->ka));
}

/* ---- a capture through the engine with a key file of lines */

struct run {
	struct ctx	 c;
	struct mmt	*m;
	struct cm_target *tg;
	size_t		 ntg;
};

static bool
run(struct run *r, const char *name, const char *keyline, bool collect)
{
	char path[1024], kpath[] = "/tmp/test_crack_mm.XXXXXX", err[256];
	size_t nsas, opened;
	FILE *fp;
	int fd;

	memset(r, 0, sizeof(*r));
	r->c.o.quiet = true;
	r->c.ks = ks_new();
	fd = mkstemp(kpath);
	if (r->c.ks == NULL || fd == -1 || (fp = fdopen(fd, "w")) == NULL)
		return false;
	fprintf(fp, "%s\n", keyline);
	fclose(fp);
	if (kf_load_file(r->c.ks, kpath, err, sizeof(err)) == -1 ||
	    eng_init(&r->c, err, sizeof(err)) == -1 ||
	    (collect && (r->m = mmt_new(&r->c, NULL, NULL, err,
	    sizeof(err))) == NULL)) {
		fprintf(stderr, "%s\n", err);
		unlink(kpath);
		return false;
	}
	unlink(kpath);
	snprintf(path, sizeof(path), "%s/%s.pcap", samples, name);
	if (eng_read_file(&r->c, path, err, sizeof(err)) == -1) {
		fprintf(stderr, "%s\n", err);
		return false;
	}
	eng_finish(&r->c);
	if (collect)
		r->tg = mmt_targets(r->m, &r->ntg, &nsas, &opened);
	return true;
}

static void
run_free(struct run *r)
{
	mmt_free(r->m);
	eng_free(&r->c);
}

/* ---- f1: every kernel, every lane position */

struct f1 {
	struct mf		 mf;
	struct cm_target	*ti, *tr;	/* initiator's, responder's */
	const struct cm_target	*tv[2];
	unsigned		 lanes_ok, keys_ok, wrong_ok;
};

static void
cand_set(struct cg_cand *c, const char *w)
{
	memset(c, 0, sizeof(*c));
	c->len = (uint8_t)strlen(w);
	memcpy(c->b, w, c->len);
}

/* the word of lane l when the PSKs sit at lanes pi and pr */
static const char *
lane_word(const struct f1 *f, unsigned l, unsigned pi, unsigned pr,
    char *buf, size_t cap)
{
	if (l == pi)
		return f->mf.psk;
	if (l == pr)
		return f->mf.rpsk;
	snprintf(buf, cap, "wrong-%u-%s", l, l % 3 ? "word" : "x");
	return buf;
}

/*
 * One candidate's results: passes of the filter on (MM5, Info), what
 * each target's check says, and its keys: which PSK it is decides what
 * must hold.
 */
static void
f1_judge(struct f1 *f, const char *w, bool pass_i, bool pass_r,
    const struct cm_keys *k)
{
	bool is_i = strcmp(w, f->mf.psk) == 0;
	bool is_r = strcmp(w, f->mf.rpsk) == 0;
	bool acc_i = pass_i && f->ti->check(f->ti->arg, (const uint8_t *)w,
	    strlen(w));
	bool acc_r = pass_r && f->tr->check(f->tr->arg, (const uint8_t *)w,
	    strlen(w));

	CHECK(acc_i == is_i);
	CHECK(acc_r == is_r);
	if (is_i) {
		CHECK(hex_is(k->skeyid, k->dl, f->mf.skeyid));
		CHECK(hex_is(k->d, k->dl, f->mf.d));
		CHECK(hex_is(k->a, k->dl, f->mf.a));
		CHECK(hex_is(k->e, k->dl, f->mf.e));
		CHECK(hex_is(k->ka, f->ti->klen, f->mf.ka));
		f->keys_ok++;
	} else if (is_r)
		CHECK(hex_is(k->ka, f->tr->klen, f->mf.rka));
	else
		f->wrong_ok += !acc_i && !acc_r;
}

static void
f1_kernel(struct f1 *f, const struct ck_kern *k)
{
	struct cm_rows rows;
	struct cm_evp e;
	struct cg_cand cand[CK_MAXLANES];
	struct cm_keys keys[CK_MAXLANES];
	uint32_t kin[CK_MAXWORDS * CK_MAXLANES];
	uint32_t kout[CK_MAXWORDS * CK_MAXLANES], pass[2];
	char buf[64];
	unsigned L = k->lanes, pi, pr, l, rd, before = f->keys_ok;

	if (!CHECK_RET(cm_prep(f->ti, k) == 0 && cm_prep(f->tr, k) == 0) ||
	    !CHECK_RET(cm_evp_new(&e) == 0)) {
		cm_free(f->ti);
		cm_free(f->tr);
		return;
	}
	cm_rows_init(&rows, k);
	/* the PSKs side by side in every position; one lane: in turn (a
	 * position L is none) */
	for (rd = 0; rd < (L > 1 ? L : 2); rd++) {
		pi = rd;
		pr = L > 1 ? (rd + 1) % L : 1 - rd;
		for (l = 0; l < L; l++)
			cand_set(&cand[l], lane_word(f, l, pi, pr, buf,
			    sizeof(buf)));
		cm_cand_keys(&rows, cand, L, kin, kout);
		cm_lanes(&rows, f->tv, 2, kin, kout, L, &e.cx, keys, pass);
		CHECK(pi >= L || (pass[0] & (1u << pi)));
		CHECK(pr >= L || (pass[1] & (1u << pr)));
		for (l = 0; l < L; l++)
			f1_judge(f, lane_word(f, l, pi, pr, buf, sizeof(buf)),
			    pass[0] & (1u << l), pass[1] & (1u << l),
			    &keys[l]);
	}
	/* a short group: the PSKs in its last lanes, the rest unused */
	if (L > 2) {
		cand_set(&cand[0], "short-group");
		cand_set(&cand[1], f->mf.rpsk);
		cand_set(&cand[2], f->mf.psk);
		cm_cand_keys(&rows, cand, 3, kin, kout);
		cm_lanes(&rows, f->tv, 2, kin, kout, 3, &e.cx, keys, pass);
		CHECK_EQ_U(pass[0] & 4, 4);
		CHECK_EQ_U(pass[1] & 2, 2);
		CHECK(hex_is(keys[2].skeyid, keys[2].dl, f->mf.skeyid));
	}
	CHECK_EQ_U(f->keys_ok - before, L);
	printf("%s: %u lanes, the PSKs in every position, keys as the "
	    "manifest's\n", k->name, L);
	f->lanes_ok++;
	cm_evp_free(&e);
	cm_free(f->ti);
	cm_free(f->tr);
}

static void
f1_openssl(struct f1 *f)
{
	static const char *const words[] = { "a", "Lab-PSK", "x", NULL };
	struct cm_evp e;
	struct cm_keys k;
	bool ok[2];
	const char *w;
	unsigned i;

	if (!CHECK_RET(cm_prep(f->ti, NULL) == 0 &&
	    cm_prep(f->tr, NULL) == 0 && cm_evp_new(&e) == 0))
		return;
	for (i = 0; i < 5; i++) {
		w = i == 3 ? f->mf.psk : i == 4 ? f->mf.rpsk : words[i];
		CHECK(cm_evp_key(f->ti->md, (const uint8_t *)w, strlen(w),
		    e.ki, e.ko) == 0);
		CHECK(cm_evp(f->tv, 2, &e, &e.cx, &k, ok) == 0);
		f1_judge(f, w, ok[0], ok[1], &k);
		if (i >= 3)
			CHECK(ok[i - 3]);
	}
	printf("openssl: keys as the manifest's\n");
	cm_evp_free(&e);
	cm_free(f->ti);
	cm_free(f->tr);
}

static void
test_f1(void)
{
	const struct ck_kern *const *kv;
	struct f1 f;
	struct run r;
	char line[2200];
	size_t i;

	printf("-- f1_mm_wrong_psk: the targets from the capture, g^xy only\n");
	memset(&f, 0, sizeof(f));
	if (!CHECK_RET(mf_load(&f.mf, "f1_mm_wrong_psk")) ||
	    !CHECK_RET(f.mf.rpsk[0] != '\0' && f.mf.rka[0] != '\0')) {
		free(f.mf.json);
		return;
	}
	snprintf(line, sizeof(line), "ike icookie=%s gxy=%s", f.mf.ic,
	    f.mf.gxy);
	if (!CHECK_RET(run(&r, "f1_mm_wrong_psk", line, true))) {
		run_free(&r);
		free(f.mf.json);
		return;
	}
	CHECK_EQ_U(r.ntg, 2);
	for (i = 0; i < r.ntg; i++) {
		if (r.tg[i].responder)
			f.tr = &r.tg[i];
		else
			f.ti = &r.tg[i];
	}
	if (!CHECK_RET(f.ti != NULL && f.tr != NULL)) {
		run_free(&r);
		free(f.mf.json);
		return;
	}
	CHECK_STR(f.ti->what, "MM5");
	CHECK_STR(f.tr->what, "Informational");
	CHECK_EQ_U(f.ti->hash, CK_SHA1);
	CHECK_EQ_U(f.ti->klen, 16);
	CHECK(cm_same_keys(f.ti, f.tr));
	/* the responder never accepted MM5: its chain's IV and the one
	 * before it */
	CHECK_EQ_U(f.tr->niv, 2);
	f.tv[0] = f.ti;
	f.tv[1] = f.tr;
	for (kv = ck_kernels(); *kv != NULL; kv++) {
		if ((*kv)->hash != CK_SHA1)
			continue;
		if (!(*kv)->usable()) {
			printf("%s: skipped: this CPU cannot run it\n",
			    (*kv)->name);
			continue;
		}
		f1_kernel(&f, *kv);
	}
	f1_openssl(&f);
	CHECK(f.wrong_ok > 0);
	/* the full checks alone: each PSK opens its side's message only */
	CHECK(f.ti->check(f.ti->arg, (const uint8_t *)f.mf.psk,
	    strlen(f.mf.psk)));
	CHECK(!f.ti->check(f.ti->arg, (const uint8_t *)f.mf.rpsk,
	    strlen(f.mf.rpsk)));
	CHECK(f.tr->check(f.tr->arg, (const uint8_t *)f.mf.rpsk,
	    strlen(f.mf.rpsk)));
	CHECK(!f.tr->check(f.tr->arg, (const uint8_t *)f.mf.psk,
	    strlen(f.mf.psk)));
	CHECK(!f.ti->check(f.ti->arg, (const uint8_t *)"wrong", 5));
	CHECK(!f.tr->check(f.tr->arg, (const uint8_t *)"wrong", 5));
	run_free(&r);
	free(f.mf.json);
}

/* ---- a_mm: found from a list, then the capture decrypts */

static void
test_a_mm(void)
{
	static const char *const name = "a_mm_psk_aes128_sha1_modp2048";
	struct crack_opts o = { .threads = 1 };
	struct crack_stats st;
	struct cl_set set;
	struct mf m;
	struct run r, d;
	char line[2300], wl[] = "/tmp/test_crack_mm_wl.XXXXXX", err[256];
	char *out = NULL;
	size_t outlen = 0;
	FILE *fp, *mem;
	int fd, i;

	printf("-- %s: g^xy only, the PSK from a list\n", name);
	if (!CHECK_RET(mf_load(&m, name)))
		return;
	snprintf(line, sizeof(line), "ike icookie=%s gxy=%s", m.ic, m.gxy);
	fd = mkstemp(wl);
	if (!CHECK_RET(fd != -1 && (fp = fdopen(fd, "w")) != NULL)) {
		free(m.json);
		return;
	}
	for (i = 0; i < 5000; i++)
		fprintf(fp, "guess%d\n", i);
	fprintf(fp, "%s\nafter\n", m.psk);
	fclose(fp);
	o.wordlist = wl;
	memset(&set, 0, sizeof(set));
	mem = open_memstream(&out, &outlen);
	if (CHECK_RET(mem != NULL && run(&r, name, line, true))) {
		CHECK_EQ_U(r.ntg, 2);
		CHECK(crack_run_tg(&o, &set, r.tg, r.ntg, mem, &st, err,
		    sizeof(err)) == 0);
		fclose(mem);
		mem = NULL;
		CHECK_EQ_U(st.cracked, 2);
		CHECK(st.candidates >= 5001);
		CHECK(out != NULL && strstr(out, m.psk) != NULL &&
		    strstr(out, "candidate 5001,") != NULL &&
		    strstr(out, "the initiator's PSK") != NULL &&
		    strstr(out, "the responder's PSK") != NULL);
	}
	if (mem != NULL)
		fclose(mem);
	run_free(&r);
	unlink(wl);
	/* the PSK found, with g^xy: the capture decrypts */
	snprintf(line, sizeof(line), "ike icookie=%s gxy=%s psk=%s", m.ic,
	    m.gxy, m.psk);
	if (CHECK_RET(run(&d, name, line, false))) {
		CHECK(d.c.ike_decrypted >= 2);
		CHECK_EQ_U(d.c.ike_failed, 0);
	}
	run_free(&d);
	free(out);
	free(m.json);
}

int
main(void)
{
	const char *top = getenv("top_srcdir");
	char sdir[1024];

	if (top == NULL)
		top = ".";
	snprintf(sdir, sizeof(sdir), "%s/samples", top);
	samples = sdir;
	test_f1();
	test_a_mm();
	return check_done("crack_mm");
}
