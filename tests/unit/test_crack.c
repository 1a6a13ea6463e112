/*
 * test_crack.c - the cracker below its kernels: psk-crack lines (fields,
 * errors naming file, line and field, formatting back), candidates (mask
 * counts and order, word lists with CRLF, empty and too long lines), and
 * crack_run with every kernel this CPU runs and OpenSSL on exchanges made
 * here with OpenSSL's HMAC: the PSK found at every lane position, in a
 * short last batch, longer than the hash block, on 1 and 2 threads, for
 * every PRF; a list without it finds nothing.
 */
#include <config.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include "crack/crack.h"
#include "crack/crack_gen.h"
#include "crack/crack_line.h"
#include "check.h"

static uint64_t rng = 0x2545f4914f6cdd1dull;

static uint8_t
rnd8(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (uint8_t)(rng >> 24);
}

static char *
hexs(char *p, size_t n)
{
	static const char hx[] = "0123456789abcdef";
	uint8_t b;

	while (n-- > 0) {
		b = rnd8();
		*p++ = hx[b >> 4];
		*p++ = hx[b & 15];
	}
	return p;
}

/*
 * A psk-crack line for psk with PRF h, its KE of ke bytes: random fields,
 * HASH_R from OpenSSL's HMAC (through the parsed line's messages).
 */
static char *
make_line(enum ck_hash h, const char *psk, size_t pskl, size_t ke)
{
	static const EVP_MD *(*const md[])(void) = {
		EVP_md5, EVP_sha1, EVP_sha256, EVP_sha384, EVP_sha512
	};
	static const size_t flen[8] = { 0, 0, 8, 8, 52, 12, 20, 24 };
	char *s = malloc(8192), *p = s, err[256];
	uint8_t skeyid[64], hr[64];
	struct cl_line l;
	unsigned sl, hl, i;

	for (i = 0; i < 8; i++) {
		p = hexs(p, i < 2 ? ke : flen[i]);
		*p++ = ':';
	}
	p = hexs(p, ck_digest_len(h));
	*p = '\0';
	if (cl_parse(s, strlen(s), &l, err, sizeof(err)) == -1) {
		fprintf(stderr, "make_line: %s\n", err);
		abort();
	}
	HMAC(md[h](), psk, (int)pskl, l.ninr, l.ninr_len, skeyid, &sl);
	HMAC(md[h](), skeyid, (int)sl, l.m2, l.m2_len, hr, &hl);
	cl_line_free(&l);
	p -= 2 * hl;
	for (i = 0; i < hl; i++)
		p += sprintf(p, "%02x", hr[i]);
	return s;
}

/* a, b and c in a new string; its length in *n */
static char *
cat3(const char *a, const char *b, const char *c, size_t *n)
{
	char *s;

	*n = strlen(a) + strlen(b) + strlen(c);
	s = malloc(*n + 1);
	if (s == NULL)
		abort();
	snprintf(s, *n + 1, "%s%s%s", a, b, c);
	return s;
}

static void
test_line_errors(void)
{
	struct cl_set set;
	char err[512], *good = make_line(CK_SHA1, "x", 1, 128), *t, *f;
	const char *c;
	size_t n;

	/* a good line, a comment, a blank and CR LF */
	t = cat3("# c\n\n", good, "\r\n", &n);
	CHECK(cl_load_text(&set, t, n, "f.txt", err, sizeof(err)) == 0);
	CHECK_EQ_U(set.n, 1);
	if (set.n == 1) {
		CHECK_EQ_U(set.v[0].lineno, 3);
		CHECK_EQ_U(set.v[0].hash, CK_SHA1);
		f = cl_format(&set.v[0]);
		CHECK_STR(f, good);
		free(f);
		cl_set_free(&set);
	}
	free(t);
	/* cookie field too short: file, line and field named */
	t = strdup(good);
	memmove(strchr(strchr(strchr(t, ':') + 1, ':') + 1, ':') - 2,
	    strchr(strchr(strchr(t, ':') + 1, ':') + 1, ':'),
	    strlen(strchr(strchr(strchr(t, ':') + 1, ':') + 1, ':')) + 1);
	f = cat3("\n", t, "\n", &n);
	CHECK(cl_load_text(&set, f, n, "f.txt", err, sizeof(err)) == -1);
	CHECK_STR(err, "f.txt:2: field 3 (cky_r): 7 bytes, a cookie has 8");
	free(f);
	free(t);
	CHECK(cl_load_text(&set, "a:b", 3, "g", err, sizeof(err)) == -1);
	CHECK(strstr(err, "g:1: 2 fields, expected 9") == err);
	c = "00:00:0000000000000000:0000000000000000:00:00:00:00:0011";
	CHECK(cl_load_text(&set, c, strlen(c), "h", err, sizeof(err)) == -1);
	CHECK(strstr(err, "h:1: field 9 (hash_r): 2 bytes, not a digest") ==
	    err);
	c = "0g:00:0000000000000000:0000000000000000:00:00:00:00:"
	    "00112233445566778899aabbccddeeff";
	CHECK(cl_load_text(&set, c, strlen(c), "i", err, sizeof(err)) == -1);
	CHECK_STR(err, "i:1: field 1 (g_xr): not hex at character 2");
	CHECK(cl_load_text(&set, "\n# only\n", 8, "j", err, sizeof(err)) ==
	    -1);
	CHECK_STR(err, "j: no psk-crack line");
	/* every digest length names its PRF */
	for (n = 0; n < CK_NHASH; n++) {
		struct cl_line l;

		t = make_line((enum ck_hash)n, "k", 1, 96);
		CHECK(cl_parse(t, strlen(t), &l, err, sizeof(err)) == 0);
		CHECK_EQ_U(l.hash, n);
		cl_line_free(&l);
		free(t);
	}
	free(good);
}

static size_t
gen_all(struct cg *g, struct cg_cand *c, size_t max)
{
	size_t n = 0, k;

	while ((k = cg_fill(g, c + n, max - n < 7 ? max - n : 7)) > 0)
		n += k;
	return n;
}

static void
test_mask(void)
{
	static struct cg_cand c[4000];
	struct cg g;
	char err[256];
	size_t n;

	CHECK_EQ_U(cg_mask_count("?l"), 26);
	CHECK_EQ_U(cg_mask_count("?u?d"), 260);
	CHECK_EQ_U(cg_mask_count("?s"), 33);
	CHECK_EQ_U(cg_mask_count("?a?a"), 95 * 95);
	CHECK_EQ_U(cg_mask_count("ab??c"), 1);
	CHECK_EQ_U(cg_mask_count("?x"), 0);
	/* 95^9 fits in 64 bits; 95^10 does not */
	CHECK_EQ_U(cg_mask_count("?a?a?a?a?a?a?a?a?a"), 630249409724609375ull);
	CHECK_EQ_U(cg_mask_count("?a?a?a?a?a?a?a?a?a?a"), 0);
	CHECK(cg_open(&g, NULL, "?d?l?", err, sizeof(err)) == -1);
	CHECK_STR(err, "mask: '?' at the end (?? is a literal '?')");
	/* odometer order, the last position fastest */
	CHECK(cg_open(&g, NULL, "x?d?l", err, sizeof(err)) == 0);
	n = gen_all(&g, c, 4000);
	CHECK_EQ_U(n, 260);
	CHECK(c[0].len == 3 && memcmp(c[0].b, "x0a", 3) == 0);
	CHECK(memcmp(c[1].b, "x0b", 3) == 0);
	CHECK(memcmp(c[26].b, "x1a", 3) == 0);
	CHECK(memcmp(c[259].b, "x9z", 3) == 0);
	cg_close(&g);
	CHECK(cg_open(&g, NULL, "?a", err, sizeof(err)) == 0);
	n = gen_all(&g, c, 4000);
	CHECK_EQ_U(n, 95);
	CHECK(c[0].b[0] == 'a' && c[26].b[0] == 'A' && c[52].b[0] == '0' &&
	    c[62].b[0] == ' ' && c[94].b[0] == '~');
	cg_close(&g);
}

static void
test_wordlist(void)
{
	static struct cg_cand c[100];
	char path[] = "/tmp/test_crack.XXXXXX", err[256], longw[300];
	struct cg g;
	FILE *fp;
	size_t n;
	int fd;

	fd = mkstemp(path);
	CHECK(fd != -1);
	fp = fdopen(fd, "w");
	memset(longw, 'L', sizeof(longw) - 1);
	longw[sizeof(longw) - 1] = '\0';
	/* CRLF, empty lines (LF and CRLF), a line too long, no last LF */
	fprintf(fp, "one\r\n\ntwo\n\r\n%s\nthree\nfo\rur\nlast", longw);
	fclose(fp);
	CHECK(cg_open(&g, path, NULL, err, sizeof(err)) == 0);
	n = gen_all(&g, c, 100);
	CHECK_EQ_U(n, 5);
	CHECK(c[0].len == 3 && memcmp(c[0].b, "one", 3) == 0);
	CHECK(c[1].len == 3 && memcmp(c[1].b, "two", 3) == 0);
	CHECK(c[2].len == 5 && memcmp(c[2].b, "three", 5) == 0);
	CHECK(c[3].len == 5 && memcmp(c[3].b, "fo\rur", 5) == 0);
	CHECK(c[4].len == 4 && memcmp(c[4].b, "last", 4) == 0);
	CHECK_EQ_U(g.words, 6);
	CHECK_EQ_U(g.skipped, 1);
	cg_close(&g);
	/* each word followed by each expansion of the mask */
	CHECK(cg_open(&g, path, "?d", err, sizeof(err)) == 0);
	n = gen_all(&g, c, 100);
	CHECK_EQ_U(n, 50);
	CHECK(c[0].len == 4 && memcmp(c[0].b, "one0", 4) == 0);
	CHECK(memcmp(c[9].b, "one9", 4) == 0);
	CHECK(memcmp(c[10].b, "two0", 4) == 0);
	CHECK(memcmp(c[49].b, "last9", 5) == 0);
	cg_close(&g);
	CHECK(cg_open(&g, "/nonexistent/list", NULL, err, sizeof(err)) == -1);
	/* a line longer than the read buffer, then one ending the file */
	fp = fopen(path, "w");
	fprintf(fp, "a\n");
	for (n = 0; n < 3 * CG_BUF / 2; n++)
		fputc('x', fp);
	fprintf(fp, "\nb\n");
	for (n = 0; n < CG_BUF - 1; n++)
		fputc('y', fp);
	fprintf(fp, "\nc");
	fclose(fp);
	CHECK(cg_open(&g, path, NULL, err, sizeof(err)) == 0);
	n = gen_all(&g, c, 100);
	CHECK_EQ_U(n, 3);
	CHECK(c[0].len == 1 && c[0].b[0] == 'a');
	CHECK(c[1].len == 1 && c[1].b[0] == 'b');
	CHECK(c[2].len == 1 && c[2].b[0] == 'c');
	CHECK_EQ_U(g.skipped, 2);
	cg_close(&g);
	unlink(path);
}

/* crack_run on lines with the PSK at word position pos of n words */
static int
run_one(const char *kernel, unsigned threads, enum ck_hash h,
    const char *psk, size_t pos, size_t nwords, char *out, size_t outlen)
{
	char path[] = "/tmp/test_crack.XXXXXX", err[512], *line;
	struct crack_opts o = { NULL, NULL, kernel, threads, true, false,
	    NULL, NULL };
	struct crack_stats st;
	struct cl_set set;
	FILE *fp, *mo;
	size_t i, on = 0;
	char *obuf = NULL;
	int fd, rc;

	fd = mkstemp(path);
	fp = fdopen(fd, "w");
	for (i = 0; i < nwords; i++)
		if (i == pos)
			fprintf(fp, "%s\n", psk);
		else
			fprintf(fp, "decoy%zu\n", i);
	fclose(fp);
	line = make_line(h, psk, strlen(psk), 128 + 32 * (unsigned)h);
	rc = cl_load_text(&set, line, strlen(line), "t", err, sizeof(err));
	free(line);
	if (rc == -1) {
		unlink(path);
		return -1;
	}
	o.wordlist = path;
	mo = open_memstream(&obuf, &on);
	rc = crack_run(&o, &set, mo, &st, err, sizeof(err));
	fclose(mo);
	if (rc == -1)
		fprintf(stderr, "crack_run: %s\n", err);
	snprintf(out, outlen, "%s", obuf != NULL ? obuf : "");
	free(obuf);
	cl_set_free(&set);
	unlink(path);
	return rc == -1 ? -1 : (int)st.cracked;
}

static void
test_run(const char *kernel, enum ck_hash h, unsigned lanes)
{
	char out[2048], want[300], longpsk[140];
	unsigned pos, bad = 0;
	int rc;

	/* every lane position, then a short last group */
	for (pos = 0; pos < lanes + 3; pos++) {
		rc = run_one(kernel, 1, h, "s3cret", pos, lanes + 5, out,
		    sizeof(out));
		snprintf(want, sizeof(want), "\"psk\":\"s3cret\"");
		if (rc != 1 || strstr(out, want) == NULL)
			bad++;
		snprintf(want, sizeof(want), "\"candidates\":%u,", pos + 1);
		if (strstr(out, want) == NULL)
			bad++;
	}
	CHECK_EQ_U(bad, 0);
	/* the last candidate of a batch and after it, on 2 threads */
	rc = run_one(kernel, 2, h, "batchend", CRACK_BATCH, CRACK_BATCH + 3,
	    out, sizeof(out));
	CHECK_EQ_U(rc, 1);
	CHECK(strstr(out, "\"candidates\":1025,") != NULL);
	/* a PSK longer than the block: HMAC hashes it first */
	memset(longpsk, 'P', sizeof(longpsk) - 1);
	longpsk[sizeof(longpsk) - 1] = '\0';
	longpsk[7] = 'q';
	rc = run_one(kernel, 2, h, longpsk, 3, 40, out, sizeof(out));
	CHECK_EQ_U(rc, 1);
	CHECK(strstr(out, longpsk) != NULL);
	/* not in the list: nothing found, no output */
	rc = run_one(kernel, 2, h, "absent", 1000, 100, out, sizeof(out));
	CHECK_EQ_U(rc, 0);
	CHECK_STR(out, "");
}

int
main(void)
{
	const struct ck_kern *const *kp;
	unsigned h;

	test_line_errors();
	test_mask();
	test_wordlist();
	for (h = 0; h < CK_NHASH; h++) {
		printf("# openssl/%s\n", ck_hash_name((enum ck_hash)h));
		test_run("openssl", (enum ck_hash)h, 1);
	}
	for (kp = ck_kernels(); *kp != NULL; kp++) {
		if (!(*kp)->usable()) {
			printf("# SKIP kernel %s/%s: this CPU cannot run it\n",
			    (*kp)->name, ck_hash_name((*kp)->hash));
			continue;
		}
		printf("# kernel %s/%s\n", (*kp)->name,
		    ck_hash_name((*kp)->hash));
		test_run((*kp)->name, (*kp)->hash, (*kp)->lanes);
	}
	return check_done("test_crack");
}
