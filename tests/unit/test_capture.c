/*
 * test_capture.c - the capture layer's own reader of classic pcap files
 * (capture.c reads them in blocks) against libpcap, which reads the same
 * bytes when they are gzip-compressed: both byte orders, both timestamp precisions,
 * records longer than the snap length, and each kind of damage (record
 * header cut, record data cut, a capture length beyond libpcap's
 * maximum), where the error must name the file and the byte offset of
 * the broken record.
 */
#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#include "capture/capture.h"
#include "check.h"

#define MAXF	16

struct img {
	uint8_t	 b[9 << 20];
	size_t	 n;
	bool	 be;
};

static void
put32(struct img *m, uint32_t v)
{
	int i;

	for (i = 0; i < 4; i++)
		m->b[m->n++] = (uint8_t)(m->be ? v >> (24 - 8 * i) :
		    v >> (8 * i));
}

static void
put16(struct img *m, uint16_t v)
{
	m->b[m->n++] = (uint8_t)(m->be ? v >> 8 : v);
	m->b[m->n++] = (uint8_t)(m->be ? v : v >> 8);
}

/* A file header: magic a1b2c3d4 (micro) or a1b23c4d (nano), version. */
static void
hdr(struct img *m, bool be, bool nsec, uint16_t minor, uint32_t snap)
{
	m->n = 0;
	m->be = be;
	put32(m, nsec ? 0xa1b23c4d : 0xa1b2c3d4);
	put16(m, 2);
	put16(m, minor);
	put32(m, 0);
	put32(m, 0);
	put32(m, snap);
	put32(m, 1);			/* Ethernet */
}

static void
rec(struct img *m, uint32_t sec, uint32_t frac, uint32_t incl, uint32_t orig,
    uint8_t fill)
{
	put32(m, sec);
	put32(m, frac);
	put32(m, incl);
	put32(m, orig);
	if (m->n + incl <= sizeof(m->b)) {
		memset(m->b + m->n, fill, incl);
		m->n += incl;
	}
}

struct got {
	struct cap_frame f[MAXF];
	uint8_t		 first[MAXF];	/* each frame's first byte */
	size_t		 n;
	enum cap_status	 end;
	char		 err[512];
	char		 openerr[256];
};

static char *
write_file(const struct img *m, size_t len, bool gz)
{
	static char path[2][64];
	static int k;
	char *p = path[k++ & 1];
	int fd;

	snprintf(p, sizeof(path[0]), "/tmp/test_capture.XXXXXX");
	fd = mkstemp(p);
	if (fd == -1)
		return NULL;
	if (gz) {
		gzFile z = gzdopen(fd, "wb");

		if (z == NULL || gzwrite(z, m->b, (unsigned)len) != (int)len)
			return NULL;
		gzclose(z);
	} else {
		if (write(fd, m->b, len) != (ssize_t)len)
			return NULL;
		close(fd);
	}
	return p;
}

/* Read the first len bytes of m, plain (mapped) or gzip (libpcap). */
static void
read_img(const struct img *m, size_t len, bool gz, struct got *g)
{
	char *path = write_file(m, len, gz);
	struct cap *c;
	struct cap_frame f;

	memset(g, 0, sizeof(*g));
	CHECK(path != NULL);
	if (path == NULL)
		return;
	c = cap_open_file(path, g->openerr, sizeof(g->openerr));
	if (c == NULL) {
		g->end = CAP_ERROR;
		unlink(path);
		return;
	}
	while ((g->end = cap_next(c, &f, g->err, sizeof(g->err))) ==
	    CAP_FRAME && g->n < MAXF) {
		g->f[g->n] = f;
		g->first[g->n] = f.caplen > 0 ? f.data[0] : 0;
		g->n++;
	}
	cap_close(c);
	unlink(path);
	/* the message names the file; compare what follows it */
	if (g->end == CAP_ERROR) {
		char *s = strstr(g->err, ": ");

		if (s != NULL)
			memmove(g->err, s + 2, strlen(s + 2) + 1);
	}
}

/* The mapped read and libpcap's agree on everything. */
static void
same_as_libpcap(const struct img *m, size_t len, const struct got *a)
{
	struct got b;
	size_t i;

	read_img(m, len, true, &b);
	CHECK_EQ_U(a->n, b.n);
	CHECK_EQ_U(a->end, b.end);
	for (i = 0; i < a->n && i < b.n; i++) {
		CHECK_EQ_U(a->f[i].frame, b.f[i].frame);
		CHECK_EQ_U(a->f[i].caplen, b.f[i].caplen);
		CHECK_EQ_U(a->f[i].wirelen, b.f[i].wirelen);
		CHECK_EQ_U(a->f[i].tv_sec, b.f[i].tv_sec);
		CHECK_EQ_U(a->f[i].tv_nsec, b.f[i].tv_nsec);
		CHECK(a->f[i].ts == b.f[i].ts);
		CHECK_EQ_U(a->first[i], b.first[i]);
	}
	if (a->end == CAP_ERROR && b.end == CAP_ERROR) {
		/* same offset and frame; the reason may be worded apart */
		const char *pa = strstr(a->err, "):");
		const char *pb = strstr(b.err, "):");

		CHECK(pa != NULL && pb != NULL &&
		    pa - a->err == pb - b.err &&
		    strncmp(a->err, b.err, (size_t)(pa - a->err)) == 0);
		if (pa == NULL || pb == NULL ||
		    strncmp(a->err, b.err, (size_t)(pa - a->err)) != 0)
			fprintf(stderr, "mapped: %s\nlibpcap: %s\n", a->err,
			    b.err);
	}
}

static void
test_good(void)
{
	static struct img m;
	struct got g;
	int be, ns;

	for (be = 0; be < 2; be++)
		for (ns = 0; ns < 2; ns++) {
			hdr(&m, be, ns, 4, 65535);
			rec(&m, 1700000000, ns ? 999999999 : 999999, 60, 60,
			    0x11);
			rec(&m, 1700000001, 5, 1514, 1514, 0x22);
			rec(&m, 0x80000001u, 7, 0, 0, 0);  /* 2038 */
			rec(&m, 1700000002, 6, 100, 1500, 0x33);
			read_img(&m, m.n, false, &g);
			CHECK_EQ_U(g.n, 4);
			CHECK_EQ_U(g.end, CAP_EOF);
			CHECK_EQ_U(g.f[0].tv_sec, 1700000000);
			CHECK_EQ_U(g.f[0].tv_nsec, 999999999 - (ns ? 0 : 999));
			CHECK_EQ_U(g.f[1].tv_nsec, ns ? 5 : 5000);
			CHECK_EQ_U(g.f[1].caplen, 1514);
			CHECK_EQ_U(g.first[1], 0x22);
			CHECK_EQ_U(g.f[3].caplen, 100);
			CHECK_EQ_U(g.f[3].wirelen, 1500);
			CHECK_EQ_U(g.f[3].frame, 4);
			same_as_libpcap(&m, m.n, &g);
		}

	/* the file header alone: no frames, no error */
	hdr(&m, false, false, 4, 65535);
	read_img(&m, m.n, false, &g);
	CHECK_EQ_U(g.n, 0);
	CHECK_EQ_U(g.end, CAP_EOF);

	/* records longer than the snap length are cut to it */
	hdr(&m, false, false, 4, 64);
	rec(&m, 1, 1, 200, 200, 0x44);
	rec(&m, 2, 2, 50, 50, 0x55);
	read_img(&m, m.n, false, &g);
	CHECK_EQ_U(g.n, 2);
	CHECK_EQ_U(g.f[0].caplen, 64);
	CHECK_EQ_U(g.f[0].wirelen, 200);
	CHECK_EQ_U(g.first[1], 0x55);
	same_as_libpcap(&m, m.n, &g);

	/* version 2.2 is libpcap's to read (it may swap the lengths) */
	hdr(&m, false, false, 2, 65535);
	rec(&m, 1, 1, 40, 40, 0x66);
	read_img(&m, m.n, false, &g);
	CHECK_EQ_U(g.n, 1);
	CHECK_EQ_U(g.first[0], 0x66);
}

static void
test_damage(void)
{
	static struct img m;
	struct got g;
	size_t cut;
	int be;
	char want[128];

	for (be = 0; be < 2; be++) {
		hdr(&m, be, false, 4, 65535);
		rec(&m, 1, 1, 100, 100, 0x11);
		rec(&m, 2, 2, 100, 100, 0x22);
		/* cut anywhere in the second record: header or data */
		for (cut = 24 + 116 + 1; cut < m.n; cut += 7) {
			read_img(&m, cut, false, &g);
			CHECK_EQ_U(g.n, 1);
			CHECK_EQ_U(g.end, CAP_ERROR);
			snprintf(want, sizeof(want), "truncated or corrupt "
			    "capture at byte offset 140 (after frame 1): ");
			CHECK(strncmp(g.err, want, strlen(want)) == 0);
			same_as_libpcap(&m, cut, &g);
		}
		/* a capture length beyond libpcap's maximum */
		hdr(&m, be, false, 4, 65535);
		rec(&m, 1, 1, 10, 10, 0x11);
		rec(&m, 2, 2, 0x7fffffff, 10, 0x22);
		memset(m.b + m.n, 0, 64);
		m.n += 64;
		read_img(&m, m.n, false, &g);
		CHECK_EQ_U(g.n, 1);
		CHECK_EQ_U(g.end, CAP_ERROR);
		CHECK(strstr(g.err, "byte offset 50 (after frame 1)") != NULL);
		CHECK(strstr(g.err, "invalid packet capture length") != NULL);
		same_as_libpcap(&m, m.n, &g);
	}

	/* a file header cut short is no capture */
	hdr(&m, false, false, 4, 65535);
	read_img(&m, 20, false, &g);
	CHECK(g.openerr[0] != '\0');
	CHECK_EQ_U(g.n, 0);
}

/* Every frame of a file, hashed with its lengths and times (FNV-1a). */
static uint64_t
hash_file(const struct img *m, bool gz, unsigned *n, enum cap_status *end)
{
	char *path = write_file(m, m->n, gz), err[512];
	struct cap *c;
	struct cap_frame f;
	uint64_t h = 0xcbf29ce484222325ULL;
	uint64_t v[4];
	size_t i;

	*n = 0;
	*end = CAP_ERROR;
	if (path == NULL || (c = cap_open_file(path, err, sizeof(err))) ==
	    NULL)
		return 0;
	while ((*end = cap_next(c, &f, err, sizeof(err))) == CAP_FRAME) {
		v[0] = f.caplen;
		v[1] = f.wirelen;
		v[2] = (uint64_t)f.tv_sec;
		v[3] = (uint64_t)f.tv_nsec;
		for (i = 0; i < sizeof(v); i++)
			h = (h ^ ((const uint8_t *)v)[i]) * 0x100000001b3ULL;
		for (i = 0; i < f.caplen; i++)
			h = (h ^ f.data[i]) * 0x100000001b3ULL;
		(*n)++;
	}
	cap_close(c);
	unlink(path);
	return h;
}

/* Records across the reader's 1 MiB blocks, up to the largest size. */
static void
test_blocks(void)
{
	static struct img m;
	unsigned i, na, nb;
	enum cap_status ea, eb;
	uint32_t len;

	hdr(&m, false, true, 4, 262144);
	for (i = 0; m.n + 16 + 262144 < sizeof(m.b) - 70000; i++) {
		len = i % 7 == 6 ? 262144 : (i * 7919) % 1600;
		rec(&m, 1000 + i, i, len, len + i % 3, (uint8_t)i);
	}
	CHECK(hash_file(&m, false, &na, &ea) ==
	    hash_file(&m, true, &nb, &eb));
	CHECK_EQ_U(na, i);
	CHECK_EQ_U(nb, i);
	CHECK_EQ_U(ea, CAP_EOF);
	CHECK_EQ_U(eb, CAP_EOF);
}

/*
 * A capture filter keeps the frames it accepts, numbered as in the file,
 * through both readers (plain: blocks; gzip: libpcap); a bad expression
 * is an error naming the expression.  The frames are filled with one byte
 * value each, so "ether[0] == 2" picks by it; "len > 100" reads the wire
 * length.
 */
static void
test_filter(void)
{
	static struct img m;
	static const struct {
		const char	*expr;
		size_t		 n;
		uint32_t	 frames[4];
	} cases[] = {
		{ "ether[0] == 2", 2, { 2, 4 } },
		{ "len > 100", 3, { 3, 4, 5 } },
		{ "ether[0] == 2 and len > 100", 1, { 4 } },
		{ "ether[0] == 9", 0, { 0 } },
	};
	static const uint8_t fill[5] = { 1, 2, 3, 2, 1 };
	static const uint32_t len[5] = { 60, 80, 120, 200, 150 };
	char err[512];
	size_t i, k, n;
	int gz;

	hdr(&m, false, false, 4, 65535);
	for (i = 0; i < 5; i++)
		rec(&m, 1000 + (uint32_t)i, 0, len[i], len[i], fill[i]);
	for (gz = 0; gz < 2; gz++) {
		char *path = write_file(&m, m.n, gz != 0);
		struct cap *c;
		struct cap_frame f;

		CHECK(path != NULL);
		if (path == NULL)
			return;
		for (k = 0; k < sizeof(cases) / sizeof(cases[0]); k++) {
			c = cap_open_file(path, err, sizeof(err));
			CHECK(c != NULL);
			if (c == NULL)
				break;
			CHECK_EQ_U(cap_set_filter(c, cases[k].expr, err,
			    sizeof(err)), 0);
			n = 0;
			while (cap_next(c, &f, err, sizeof(err)) == CAP_FRAME) {
				if (n < 4)
					CHECK_EQ_U(f.frame, cases[k].frames[n]);
				n++;
			}
			CHECK_EQ_U(n, cases[k].n);
			CHECK_EQ_U(cap_filtered_out(c), 5 - cases[k].n);
			cap_close(c);
		}
		/* removing it again gives every frame */
		c = cap_open_file(path, err, sizeof(err));
		CHECK(c != NULL);
		if (c != NULL) {
			CHECK_EQ_U(cap_set_filter(c, "len > 100", err,
			    sizeof(err)), 0);
			CHECK_EQ_U(cap_set_filter(c, NULL, err, sizeof(err)), 0);
			n = 0;
			while (cap_next(c, &f, err, sizeof(err)) == CAP_FRAME)
				n++;
			CHECK_EQ_U(n, 5);
			/* a bad expression: its text and the link type */
			err[0] = '\0';
			CHECK_EQ_U(cap_set_filter(c, "udp port", err,
			    sizeof(err)), (unsigned long long)-1);
			CHECK(strstr(err, "\"udp port\"") != NULL);
			CHECK(strstr(err, "EN10MB") != NULL ||
			    strstr(err, "Ethernet") != NULL);
			if (strstr(err, "\"udp port\"") == NULL)
				fprintf(stderr, "filter error: %s\n", err);
			cap_close(c);
		}
		unlink(path);
	}
}

/*
 * cap_read_ahead with a work function: every record wholly inside one of
 * the reader's blocks gets its result (made on the reading thread, from
 * the same bytes and lengths the frame has), at most CAP_PRE_MAX kept per
 * block; a record cut by a block's end (header or data) gets none, and
 * the walk goes on after it; a record the function declines gets none.
 */
#define RA_BLOCK	(1u << 20)	/* capture.c's CAP_BLOCK */

struct ra_out {
	uint32_t	 caplen, wirelen;
	uint64_t	 hash;
	pthread_t	 th;
};

static bool
ra_fn(void *arg, int linktype, const uint8_t *d, uint32_t caplen,
    uint32_t wirelen, void *out)
{
	struct ra_out *o = out;
	uint64_t h = 0xcbf29ce484222325ULL;
	uint32_t i;

	if (arg != NULL)
		usleep(20);	/* a slow worker: the caller catches up */
	if (linktype != 1 || (caplen > 0 && d[0] == 0x7f))
		return false;	/* declined */
	for (i = 0; i < caplen; i++)
		h = (h ^ d[i]) * 0x100000001b3ULL;
	o->caplen = caplen;
	o->wirelen = wirelen;
	o->hash = h;
	o->th = pthread_self();
	return true;
}

/* a record of incl bytes at file offset r: wholly in one block? */
static bool
ra_whole(size_t r, uint32_t incl)
{
	return (r - 24) / RA_BLOCK == (r + 16 + incl - 1 - 24) / RA_BLOCK;
}

/*
 * paced: the caller gives the reading thread time for each block (so it
 * is always ahead and works on every record it may); else the work is
 * slow, the caller waits, and the work on a block it waits for goes back
 * to it: fewer results, each still right.
 */
static void
test_read_ahead(bool paced)
{
	static struct img m;
	static size_t ends[40000];
	static uint32_t lens[40000];
	static bool never[40000];	/* cut by a block's end, or declined */
	static uint8_t fills[40000];
	char *path, err[512];
	struct cap *c;
	struct cap_frame f;
	size_t nrec = 0, i, r, want_null = 0, in_blk = 0, blk = 0;
	size_t got_null = 0, bad = 0, other = 0, cut = 0, ncut = 0, nbig = 0;
	size_t bigcut = 0;
	uint64_t skipped;
	enum cap_status st;
	uint32_t len;

	_Static_assert(sizeof(struct ra_out) <= CAP_PRE_SIZE, "room");
	hdr(&m, false, false, 4, 100000);	/* longer ones cut */
	while (m.n < sizeof(m.b) - 300000 && nrec < 40000) {
		size_t edge = 24 + RA_BLOCK * ((m.n - 24) / RA_BLOCK + 1);

		/* the next header cut by the block's end, in the time
		 * stamp, the capture length, the wire length */
		size_t at = (size_t[]){ 7, 10, 13, 2 }[ncut % 4];
		bool odd = (m.n - 24) / RA_BLOCK % 2 == 1;

		if (!odd && edge != cut && edge - m.n >= 16 + at &&
		    edge - m.n <= 16 + at + 1500) {
			len = (uint32_t)(edge - m.n - 16 - at);
			cut = edge;
			ncut++;
		} else if (odd && edge != bigcut && edge - m.n > 30000 &&
		    edge - m.n < 50000) {
			len = 200000;	/* cut by the block's end and the snap */
			bigcut = edge;
		} else if (m.n > 2 * RA_BLOCK && m.n < 3 * RA_BLOCK)
			len = 40;	/* a block of more than CAP_PRE_MAX */
		else
			len = (uint32_t)((nrec * 7919) % 1500);
		lens[nrec] = len;
		nbig += len > 100000;
		fills[nrec] = nrec % 97 == 3 ? 0x7f : (uint8_t)(nrec & 0x3f);
		rec(&m, 1000 + (uint32_t)nrec, 0, len, len + 3,
		    fills[nrec]);
		nrec++;
	}
	/* what to expect: walk the records as the reader does */
	for (i = 0, r = 24; i < nrec; r += 16 + lens[i], i++) {
		uint32_t cl = lens[i] > 100000 ? 100000 : lens[i];

		if ((r - 24) / RA_BLOCK != blk) {
			blk = (r - 24) / RA_BLOCK;
			in_blk = 0;
		}
		ends[i] = r + 16 + lens[i] - 1;	/* its last byte */
		never[i] = !ra_whole(r, lens[i]) ||
		    (cl > 0 && fills[i] == 0x7f);
		if (!ra_whole(r, lens[i]) || in_blk >= CAP_PRE_MAX ||
		    (cl > 0 && fills[i] == 0x7f))
			want_null++;	/* cut, past the cap, or declined */
		else
			in_blk++;
	}
	path = write_file(&m, m.n, false);
	CHECK(path != NULL);
	if (path == NULL ||
	    (c = cap_open_file(path, err, sizeof(err))) == NULL) {
		CHECK(0);
		return;
	}
	cap_read_ahead(c, ra_fn, paced ? NULL : &m);
	if (paced)
		usleep(50000);		/* the first block */
	i = 0;
	blk = 0;
	while ((st = cap_next(c, &f, err, sizeof(err))) == CAP_FRAME) {
		const struct ra_out *o = f.pre;
		uint64_t h = 0xcbf29ce484222325ULL;
		uint32_t k;

		/* a block taken: time for the thread to make the next one */
		if (paced && f.frame <= nrec &&
		    (ends[f.frame - 1] - 24) / RA_BLOCK != blk) {
			blk = (ends[f.frame - 1] - 24) / RA_BLOCK;
			usleep(20000);
		}
		i++;
		if (o == NULL) {
			got_null++;
			continue;
		}
		if (f.frame <= nrec && never[f.frame - 1])
			bad++;
		for (k = 0; k < f.caplen; k++)
			h = (h ^ f.data[k]) * 0x100000001b3ULL;
		if (o->caplen != f.caplen || o->wirelen != f.wirelen ||
		    o->hash != h)
			bad++;
		if (!pthread_equal(o->th, pthread_self()))
			other++;
	}
	skipped = cap_pre_skipped(c);
	cap_close(c);
	unlink(path);
	CHECK_EQ_U(st, CAP_EOF);
	if (st != CAP_EOF)
		fprintf(stderr, "read ahead: %s\n", err);
	CHECK_EQ_U(i, nrec);
	CHECK_EQ_U(bad, 0);
	/*
	 * Paced, the thread was ahead but for a stall of the machine (then
	 * the work on what it skipped went back to the caller: no more);
	 * slow, the caller waited and some work went back to it.
	 */
	if (paced && skipped == 0)
		CHECK_EQ_U(got_null, want_null);
	else
		CHECK(got_null >= want_null &&
		    got_null <= want_null + skipped && got_null < nrec);
	if (!paced)
		CHECK(skipped > 0);
	CHECK_EQ_U(other, nrec - got_null);	/* all on the reading thread */
	CHECK(want_null > 3 && want_null < nrec / 2);
	CHECK(ncut >= 4);
	CHECK(nbig >= 3);
}

int
main(void)
{
	test_read_ahead(true);
	test_read_ahead(false);
	test_filter();
	test_good();
	test_blocks();
	test_damage();
	return check_done("test_capture");
}
