/*
 * capture.c - capture input; see capture.h.
 *
 * A plain classic pcap file (version 2.4, either byte order, micro- or
 * nanosecond timestamps) is read here in large blocks: libpcap reads the
 * file header (and says the link type and snap length), then every record
 * is handed out in place from the block, its header checked against the
 * bytes the file has and the snap length as libpcap checks it, with the
 * same result (frames, timestamps, errors).  That saves a copy of every
 * frame (stdio's buffer into libpcap's) and libpcap's per-record calls
 * (two freads each).  Anything else (pcapng, gzip, standard input, pipes,
 * older pcap versions) is read by libpcap.
 *
 * (Mapping the file instead, and handing frames out for the batches to
 * keep without a copy, measured slower for GCM: the page faults, and the
 * unmapping that keeps the resident size bounded, cost more than the
 * copies saved; so did 4 MiB windows mapped with MAP_POPULATE in place
 * of the reads, frames copied out of them as out of a block (CPU +5-15%,
 * 11 runs each).  So did a ring of 8 blocks whose frames the batches kept
 * and decrypted in place, with the reader waiting for them before reusing
 * a block: 5% more CPU than copying out of one block (AES-CBC, multi-
 * buffer, one thread, 21 runs each): the one block stays in the cache,
 * eight do not.)
 *
 * cap_read_ahead (for runs that leave the second core idle: no ESP
 * decryption) moves the reads to a thread of their own: it fills two
 * blocks in turn while the caller decodes the other, so the kernel's copy
 * of the file runs beside the decoding instead of before it.  Each block
 * has room before its data for the partial record the previous one ended
 * with, copied there when the caller moves on: no other copy.  The
 * caller may give it work to do on each record of a block before handing
 * it over (the engine decodes the frame there and digests an ISAKMP
 * message: about a sixth of its per-frame work moves to the second core);
 * the results travel beside the block, found by the record's file offset.
 * The work is only worth it while the reading thread is ahead: when the
 * caller waits for a block (the second core is busy with something
 * else), the rest of that block's records are handed over without it,
 * and the caller decodes them itself.
 */
#define _GNU_SOURCE		/* fopencookie */
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <pcap/pcap.h>
#include <pthread.h>
#include <pwd.h>
#include <stdatomic.h>
#include <stdio.h>
#include <sys/stat.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#include "capture/capture.h"
#include "dissectors/cursor.h"

/* stdio buffer of a capture file */
#define CAP_FILE_BUF	(1024 * 1024)
/* ... of one read in blocks, whose file header is all libpcap reads */
#define CAP_HDR_BUF	4096
/* a block: at least one record of the largest size and its header */
#define CAP_BLOCK	(1024 * 1024)

#define CAP_PCAP_HDR	24	/* classic pcap file header */
#define CAP_REC_HDR	16	/* record header */
/* libpcap's largest record (MAXIMUM_SNAPLEN) for the link types read here */
#define CAP_MAX_CAPLEN	262144

/* the read-ahead blocks: room for a partial record, then CAP_BLOCK bytes */
#define CAP_PF_HEAD	(CAP_REC_HDR + CAP_MAX_CAPLEN)

/* read-ahead: the reading thread fills blocks, the caller takes them */
enum cap_pf_state { CAP_PF_EMPTY, CAP_PF_FULL, CAP_PF_TAKEN };

/* the read-ahead work's result for the record at file offset off */
struct cap_pre_ent {
	uint64_t	 off;
	uint64_t	 out[CAP_PRE_SIZE / 8];
};

struct cap_pf {
	pthread_t	 th;
	pthread_mutex_t	 mu;
	pthread_cond_t	 cv;
	int		 fd;
	uint8_t		*buf[2];	/* CAP_PF_HEAD + CAP_BLOCK each */
	size_t		 got[2];	/* bytes read; < CAP_BLOCK: the end */
	uint8_t		 state[2];	/* enum cap_pf_state */
	uint64_t	 off;		/* the thread's next file offset */
	bool		 stop;
	int		 next;		/* the caller's next block */
	int		 cur;		/* the caller's block, -1 none */
	/* the work on each record (cap_read_ahead's fn), on the thread */
	cap_pre_fn	*pre;
	void		*pre_arg;
	int		 linktype;
	bool		 be;
	uint32_t	 snap;
	bool		 pre_stop;	/* a bad record header: no more work */
	/* the caller waits for a block: the work is left to it */
	atomic_bool	 waiting;
	uint64_t	 skipped;	/* records left to it so */
	uint64_t	 roff;		/* file offset of the next record */
	uint8_t		 carry[CAP_REC_HDR];	/* its header's first bytes */
	struct cap_pre_ent *ent[2];	/* per block, in file order */
	size_t		 nent[2];
	size_t		 ient;		/* the caller's next, in its block */
};

/* a classic pcap file read in blocks */
struct cap_blk {
	uint8_t		*mem;		/* CAP_BLOCK bytes, without pf */
	uint8_t		*p;		/* the block (mem or pf's) */
	struct cap_pf	*pf;		/* read-ahead, or NULL */
	size_t		 len;		/* bytes in p */
	size_t		 pos;		/* the next record, in p */
	uint64_t	 base;		/* file offset of p[0] */
	bool		 eof;		/* nothing more to read */
	bool		 be;		/* big-endian fields */
	bool		 nsec;		/* nanosecond timestamps */
	bool		 swapped;	/* not in the host's byte order */
	uint32_t	 snap;		/* libpcap's snap length */
};

struct cap {
	pcap_t		*p;
	FILE		*fp;		/* files: a cookie stream over fd or gz */
	int		 fd;		/* a file that is not gzip, else -1 */
	gzFile		 gz;		/* gzip (or standard input) */
	char		*buf;		/* fp's buffer */
	uint64_t	 pos;		/* uncompressed bytes handed to stdio */
	uint32_t	 frame;
	struct cap_blk	 m;		/* m.p == NULL: libpcap reads */
	bool		 live;		/* an interface (cap_open_live) */
	bool		 filtered;	/* prog holds a capture filter */
	struct bpf_program prog;
	uint64_t	 dropped;	/* records the filter dropped */
	char		 name[256];
};

/*
 * Files are read through a cookie stream so that ftell, which the error
 * report needs before every record, costs no system call (on a plain
 * FILE glibc asks the kernel with lseek each time).
 */
static ssize_t
cap_file_read(void *cookie, char *buf, size_t len)
{
	struct cap *c = cookie;
	ssize_t n;
	int r;

	if (len > (1u << 30))
		len = 1u << 30;
	if (c->gz == NULL) {
		do
			n = read(c->fd, buf, len);
		while (n == -1 && errno == EINTR);
		if (n > 0)
			c->pos += (uint64_t)n;
		return n;
	}
	r = gzread(c->gz, buf, (unsigned)len);
	if (r < 0) {
		errno = EIO;
		return -1;
	}
	c->pos += (uint64_t)r;
	return r;
}

/* Only "where am I" is supported, which is what ftell needs. */
static int
cap_file_seek(void *cookie, off64_t *off, int whence)
{
	struct cap *c = cookie;

	if (whence != SEEK_CUR || *off != 0) {
		errno = ESPIPE;
		return -1;
	}
	*off = (off64_t)c->pos;
	return 0;
}

static int
cap_file_close(void *cookie)
{
	struct cap *c = cookie;
	int r = 0;

	if (c->gz != NULL)
		r = gzclose(c->gz) == Z_OK ? 0 : -1;
	else if (c->fd != -1)
		r = close(c->fd);
	c->gz = NULL;
	c->fd = -1;
	return r;
}

/*
 * A gzip file (or standard input, which cannot be peeked at) goes through
 * zlib's transparent reader, anything else straight from the file.
 */
static FILE *
cap_open_stream(struct cap *c, int fd, bool peek, size_t bufsize)
{
	cookie_io_functions_t io = {
		.read = cap_file_read,
		.write = NULL,
		.seek = cap_file_seek,
		.close = cap_file_close,
	};
	unsigned char magic[2];
	FILE *fp;

	c->fd = fd;
	if (!peek || pread(fd, magic, sizeof(magic), 0) != 2 ||
	    (magic[0] == 0x1f && magic[1] == 0x8b)) {
		c->gz = gzdopen(fd, "rb");
		if (c->gz == NULL)
			return NULL;
		c->fd = -1;	/* the gz owns it */
		gzbuffer(c->gz, 128 * 1024);
	}
	c->buf = malloc(bufsize);
	if (c->buf == NULL)
		return NULL;
	fp = fopencookie(c, "r", io);
	if (fp == NULL)
		return NULL;
	setvbuf(fp, c->buf, _IOFBF, bufsize);
	return fp;
}

/* Stop and join the reading thread (it reads from c's descriptor). */
static void
cap_pf_free(struct cap *c)
{
	struct cap_pf *pf = c->m.pf;

	if (pf == NULL)
		return;
	pthread_mutex_lock(&pf->mu);
	pf->stop = true;
	pthread_cond_broadcast(&pf->cv);
	pthread_mutex_unlock(&pf->mu);
	pthread_join(pf->th, NULL);
	pthread_mutex_destroy(&pf->mu);
	pthread_cond_destroy(&pf->cv);
	free(pf->buf[0]);
	free(pf->buf[1]);
	free(pf->ent[0]);
	free(pf->ent[1]);
	free(pf);
	c->m.pf = NULL;
}

static void
cap_blk_free(struct cap *c)
{
	cap_pf_free(c);
	free(c->m.mem);
	c->m.mem = c->m.p = NULL;
}

static bool
cap_host_be(void)
{
	const uint16_t one = 1;
	uint8_t b[2];

	memcpy(b, &one, 2);
	return b[0] == 0;
}

/*
 * Take fd to read in blocks when it is a regular file holding classic
 * pcap, version 2.4; false otherwise, and libpcap reads it.
 */
static bool
cap_blk_open(struct cap *c, int fd)
{
	struct stat st;
	struct cursor cu;
	uint8_t h[CAP_PCAP_HDR];
	uint32_t magic;
	uint16_t major, minor;

	if (fstat(fd, &st) == -1 || !S_ISREG(st.st_mode) ||
	    pread(fd, h, sizeof(h), 0) != (ssize_t)sizeof(h))
		return false;
	cu = cur_init(h, sizeof(h));
	magic = cur_le32(&cu);
	c->m.be = magic == 0xd4c3b2a1 || magic == 0x4d3cb2a1;
	c->m.nsec = magic == 0xa1b23c4d || magic == 0x4d3cb2a1;
	if (!c->m.be && magic != 0xa1b2c3d4 && magic != 0xa1b23c4d)
		return false;
	c->m.swapped = c->m.be != cap_host_be();
	major = c->m.be ? cur_be16(&cu) : cur_le16(&cu);
	minor = c->m.be ? cur_be16(&cu) : cur_le16(&cu);
	if (major != 2 || minor != 4)
		return false;
	c->m.mem = c->m.p = malloc(CAP_BLOCK);
	if (c->m.p == NULL)
		return false;
	c->m.base = CAP_PCAP_HDR;
	c->m.len = c->m.pos = 0;
	c->m.eof = false;
	return true;
}

/*
 * Whether libpcap may accept records longer than CAP_MAX_CAPLEN for this
 * link type (its max_snaplen_for_dlt): such files are left to it.
 */
static bool
cap_big_records(int dlt)
{
	return dlt == DLT_DBUS || dlt == DLT_USBPCAP || dlt == 279;
}

static void
cap_free(struct cap *c)
{
	cap_blk_free(c);
	if (c->fp != NULL)
		fclose(c->fp);		/* closes the fd or the gz */
	else
		cap_file_close(c);
	free(c->buf);
	free(c);
}

struct cap *
cap_open_file(const char *path, char *errbuf, size_t errlen)
{
	char perr[PCAP_ERRBUF_SIZE];
	struct cap *c;
	struct stat st;
	bool is_stdin = strcmp(path, "-") == 0;
	int fd;

	c = calloc(1, sizeof(*c));
	if (c == NULL) {
		snprintf(errbuf, errlen, "%s: out of memory", path);
		return NULL;
	}
	c->fd = -1;
	snprintf(c->name, sizeof(c->name), "%s", is_stdin ? "(stdin)" : path);
	if (is_stdin)
		fd = dup(STDIN_FILENO);
	else
		fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd == -1) {
		snprintf(errbuf, errlen, "%s: %s", c->name, strerror(errno));
		free(c);
		return NULL;
	}
	if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
		snprintf(errbuf, errlen, "%s: is a directory, expected a pcap "
		    "or pcapng capture file", c->name);
		close(fd);
		free(c);
		return NULL;
	}
	if (!is_stdin)
		cap_blk_open(c, fd);
	c->fp = cap_open_stream(c, fd, !is_stdin,
	    c->m.p != NULL ? CAP_HDR_BUF : CAP_FILE_BUF);
	if (c->fp == NULL) {
		snprintf(errbuf, errlen, "%s: cannot open (%s)", c->name,
		    strerror(errno));
		cap_free(c);	/* closes fd */
		return NULL;
	}
	c->p = pcap_fopen_offline_with_tstamp_precision(c->fp,
	    PCAP_TSTAMP_PRECISION_NANO, perr);
	if (c->p == NULL) {
		/* libpcap closes nothing on failure. */
		snprintf(errbuf, errlen, "%s: not a pcap or pcapng capture "
		    "(%s)", c->name, perr);
		cap_free(c);
		return NULL;
	}
	if (c->m.p != NULL) {
		c->m.snap = (uint32_t)pcap_snapshot(c->p);
		if (cap_big_records(pcap_datalink(c->p)))
			cap_blk_free(c);	/* libpcap reads on */
	}
	return c;
}

/*
 * On the reading thread: the work on the records of block k (got bytes
 * from file offset base) that lie wholly in it.  The record headers are
 * followed from the first one on, as cap_next_blk reads them; a header
 * cut by the block's end is completed from the next block (carry).
 */
static void
cap_pf_pre(struct cap_pf *pf, int k, uint64_t base, size_t got)
{
	const uint8_t *d = pf->buf[k] + CAP_PF_HEAD;
	uint64_t end = base + got, r;
	uint8_t h[CAP_REC_HDR];
	struct cursor cu;
	uint32_t incl, orig;
	size_t n = 0, had, i = 0;
	bool work = true;

	while (pf->pre != NULL && !pf->pre_stop) {
		/* the caller has caught up: it decodes the rest itself */
		if (work && ++i % 64 == 0 &&
		    atomic_load_explicit(&pf->waiting, memory_order_relaxed))
			work = false;
		r = pf->roff;
		if (r >= end)
			break;		/* starts in a later block */
		if (r + CAP_REC_HDR > end) {	/* the header is cut */
			memcpy(pf->carry, d + (r - base), (size_t)(end - r));
			break;
		}
		if (r < base) {		/* ... and was, by the block before */
			had = (size_t)(base - r);
			memcpy(h, pf->carry, had);
			memcpy(h + had, d, CAP_REC_HDR - had);
		} else
			memcpy(h, d + (r - base), CAP_REC_HDR);
		cu = cur_init(h + 8, 8);
		incl = pf->be ? cur_be32(&cu) : cur_le32(&cu);
		orig = pf->be ? cur_be32(&cu) : cur_le32(&cu);
		if (incl > CAP_MAX_CAPLEN) {
			pf->pre_stop = true;	/* cap_next_blk says why */
			break;
		}
		pf->roff = r + CAP_REC_HDR + incl;
		if (r < base || pf->roff > end || n >= CAP_PRE_MAX)
			continue;	/* cut by the block, or past the cap */
		if (!work)
			pf->skipped++;
		else if (pf->pre(pf->pre_arg, pf->linktype,
		    d + (r - base) + CAP_REC_HDR,
		    incl > pf->snap ? pf->snap : incl, orig,
		    pf->ent[k][n].out)) {
			pf->ent[k][n].off = r;
			n++;
		}
	}
	pf->nent[k] = n;
}

/* The reading thread: blocks in turn, each as full as the file allows. */
static void *
cap_pf_main(void *arg)
{
	struct cap_pf *pf = arg;
	int k = 0;
	size_t got;
	ssize_t r;
	bool stop;

	for (;;) {
		pthread_mutex_lock(&pf->mu);
		while (!pf->stop && pf->state[k] != CAP_PF_EMPTY)
			pthread_cond_wait(&pf->cv, &pf->mu);
		stop = pf->stop;
		pthread_mutex_unlock(&pf->mu);
		if (stop)
			return NULL;
		got = 0;
		while (got < CAP_BLOCK) {
			r = pread(pf->fd, pf->buf[k] + CAP_PF_HEAD + got,
			    CAP_BLOCK - got, (off_t)(pf->off + got));
			if (r == -1 && errno == EINTR)
				continue;
			if (r <= 0)
				break;	/* a read error ends it like EOF */
			got += (size_t)r;
		}
		cap_pf_pre(pf, k, pf->off, got);
		pf->off += got;
		pthread_mutex_lock(&pf->mu);
		pf->got[k] = got;
		pf->state[k] = CAP_PF_FULL;
		pthread_cond_broadcast(&pf->cv);
		pthread_mutex_unlock(&pf->mu);
		if (got < CAP_BLOCK)
			return NULL;	/* the end: nothing more to read */
		k ^= 1;
	}
}

void
cap_read_ahead(struct cap *c, cap_pre_fn *fn, void *arg)
{
	struct cap_pf *pf;

	/* files read in blocks, before their first record */
	if (c->m.p == NULL || c->m.pf != NULL || c->frame != 0 ||
	    c->m.len != 0 || (pf = calloc(1, sizeof(*pf))) == NULL)
		return;
	pf->buf[0] = malloc(CAP_PF_HEAD + CAP_BLOCK);
	pf->buf[1] = malloc(CAP_PF_HEAD + CAP_BLOCK);
	pf->fd = c->fd;
	pf->off = pf->roff = c->m.base;
	pf->cur = -1;
	if (fn != NULL) {
		pf->ent[0] = malloc(CAP_PRE_MAX * sizeof(*pf->ent[0]));
		pf->ent[1] = malloc(CAP_PRE_MAX * sizeof(*pf->ent[1]));
		pf->pre = fn;
		pf->pre_arg = arg;
		pf->linktype = cap_linktype(c);
		pf->be = c->m.be;
		pf->snap = c->m.snap;
	}
	if (pf->buf[0] == NULL || pf->buf[1] == NULL ||
	    (fn != NULL && (pf->ent[0] == NULL || pf->ent[1] == NULL)) ||
	    pthread_mutex_init(&pf->mu, NULL) != 0)
		goto fail;
	if (pthread_cond_init(&pf->cv, NULL) != 0)
		goto fail_mu;
	if (pthread_create(&pf->th, NULL, cap_pf_main, pf) != 0)
		goto fail_cv;
	c->m.pf = pf;
	free(c->m.mem);
	c->m.mem = NULL;
	c->m.p = pf->buf[0] + CAP_PF_HEAD;
	return;
fail_cv:
	pthread_cond_destroy(&pf->cv);
fail_mu:
	pthread_mutex_destroy(&pf->mu);
fail:
	free(pf->buf[0]);
	free(pf->buf[1]);
	free(pf->ent[0]);
	free(pf->ent[1]);
	free(pf);
}

/*
 * The next block from the reading thread, the partial record left in the
 * one in use copied before its data (at most CAP_PF_HEAD bytes: the
 * caller wants no more than one record); the one in use goes back to the
 * thread.  Returns the bytes from the next record on: all the caller
 * asked for (a block holds more than a record), or all the file has.
 */
static size_t
cap_pf_take(struct cap_blk *m)
{
	struct cap_pf *pf = m->pf;
	size_t left = m->len - m->pos;
	int k = pf->next;
	uint8_t *p;

	pthread_mutex_lock(&pf->mu);
	if (pf->state[k] != CAP_PF_FULL) {
		atomic_store_explicit(&pf->waiting, true,
		    memory_order_relaxed);
		while (pf->state[k] != CAP_PF_FULL)
			pthread_cond_wait(&pf->cv, &pf->mu);
		atomic_store_explicit(&pf->waiting, false,
		    memory_order_relaxed);
	}
	pf->state[k] = CAP_PF_TAKEN;
	pthread_mutex_unlock(&pf->mu);
	p = pf->buf[k] + CAP_PF_HEAD - left;
	memcpy(p, m->p + m->pos, left);
	if (pf->cur >= 0) {
		pthread_mutex_lock(&pf->mu);
		pf->state[pf->cur] = CAP_PF_EMPTY;
		pthread_cond_broadcast(&pf->cv);
		pthread_mutex_unlock(&pf->mu);
	}
	pf->cur = k;
	pf->next = k ^ 1;
	pf->ient = 0;
	m->base += m->pos;
	m->p = p;
	m->pos = 0;
	m->len = left + pf->got[k];
	if (pf->got[k] < CAP_BLOCK)
		m->eof = true;
	return m->len;
}

/*
 * Have at least n bytes from the next record on in the block (moving what
 * is left to its start and reading on), or all the file has; returns the
 * bytes there are.
 */
static size_t
cap_fill(struct cap *c, size_t n)
{
	struct cap_blk *m = &c->m;
	ssize_t r;

	if (m->len - m->pos >= n || m->eof)
		return m->len - m->pos;
	if (m->pf != NULL)
		return cap_pf_take(m);
	memmove(m->p, m->p + m->pos, m->len - m->pos);
	m->base += m->pos;
	m->len -= m->pos;
	m->pos = 0;
	while (m->len < n && !m->eof) {
		r = pread(c->fd, m->p + m->len, CAP_BLOCK - m->len,
		    (off_t)(m->base + m->len));
		if (r == -1 && errno == EINTR)
			continue;
		if (r <= 0)
			m->eof = true;	/* a read error ends it like EOF */
		else
			m->len += (size_t)r;
	}
	return m->len;
}

uint64_t
cap_pre_skipped(struct cap *c)
{
	struct cap_pf *pf = c->m.pf;
	uint64_t n;

	if (pf == NULL)
		return 0;
	pthread_mutex_lock(&pf->mu);	/* after the blocks handed over */
	n = pf->skipped;
	pthread_mutex_unlock(&pf->mu);
	return n;
}

/* The read-ahead work's result for the record at file offset off. */
static const void *
cap_pf_find(struct cap_pf *pf, uint64_t off)
{
	const struct cap_pre_ent *e;
	size_t n;

	if (pf->cur < 0)
		return NULL;
	e = pf->ent[pf->cur];
	n = pf->nent[pf->cur];
	while (pf->ient < n && e[pf->ient].off < off)
		pf->ient++;
	/* the entries were written on the other core: ask for the next */
	if (pf->ient + 2 < n) {
		const char *q = (const char *)&e[pf->ient + 2];
		size_t i;

		for (i = 0; i < sizeof(*e); i += 64)
			__builtin_prefetch(q + i);
	}
	return pf->ient < n && e[pf->ient].off == off ?
	    e[pf->ient].out : NULL;
}

/*
 * The next record of a file read in blocks; the messages are libpcap's.
 * The frame stays in the block until the next call.
 */
static enum cap_status
cap_next_blk(struct cap *c, struct cap_frame *f, char *errbuf, size_t errlen)
{
	struct cap_blk *m = &c->m;
	size_t left = cap_fill(c, CAP_REC_HDR);
	struct cursor cu;
	uint32_t incl, orig, sec, frac;
	char why[128];

	if (left == 0)
		return CAP_EOF;
	cu = cur_init(m->p + m->pos, left);
	sec = m->be ? cur_be32(&cu) : cur_le32(&cu);
	frac = m->be ? cur_be32(&cu) : cur_le32(&cu);
	incl = m->be ? cur_be32(&cu) : cur_le32(&cu);
	orig = m->be ? cur_be32(&cu) : cur_le32(&cu);
	if (cu.err)
		snprintf(why, sizeof(why), "truncated dump file; tried to read "
		    "%d header bytes, only got %zu", CAP_REC_HDR, left);
	else if (incl > CAP_MAX_CAPLEN)
		snprintf(why, sizeof(why), "invalid packet capture length %u, "
		    "bigger than maximum of %u", incl, CAP_MAX_CAPLEN);
	else {
		/* the block may move: the cursor starts again */
		left = cap_fill(c, CAP_REC_HDR + (size_t)incl);
		cu = cur_init(m->p + m->pos, left);
		why[0] = '\0';
		if (!cur_skip(&cu, CAP_REC_HDR) ||
		    !cur_bytes(&cu, incl, &f->data))
			snprintf(why, sizeof(why), "truncated dump file; tried "
			    "to read %u captured bytes, only got %zu", incl,
			    left - CAP_REC_HDR);
	}
	if (why[0] != '\0') {
		snprintf(errbuf, errlen, "%s: truncated or corrupt capture "
		    "at byte offset %llu (after frame %u): %s", c->name,
		    (unsigned long long)(m->base + m->pos), c->frame, why);
		return CAP_ERROR;
	}
	f->pre = m->pf != NULL ? cap_pf_find(m->pf, m->base + m->pos) : NULL;
	m->pos += CAP_REC_HDR + (size_t)incl;
	c->frame++;
	f->frame = c->frame;
	/*
	 * libpcap reads the timestamp as signed in the host's byte order and
	 * as unsigned when it swaps it (times past 2038 show the difference).
	 */
	f->tv_sec = m->swapped ? (long)sec : (long)(int32_t)sec;
	f->tv_nsec = m->swapped ? (long)frac : (long)(int32_t)frac;
	if (!m->nsec)
		f->tv_nsec *= 1000;
	f->ts = (double)f->tv_sec + (double)f->tv_nsec / 1e9;
	/* Longer than the snap length: libpcap cuts it there. */
	f->caplen = incl > m->snap ? m->snap : incl;
	f->wirelen = orig;
	return CAP_FRAME;
}

static enum cap_status
cap_next_rec(struct cap *c, struct cap_frame *f, char *errbuf, size_t errlen)
{
	struct pcap_pkthdr *h;
	const u_char *data;
	long off = 0;
	int r;

	f->pre = NULL;
	if (c->m.p != NULL)
		return cap_next_blk(c, f, errbuf, errlen);
	if (c->fp != NULL)
		off = ftell(c->fp);
	r = pcap_next_ex(c->p, &h, &data);
	if (r == 1) {
		c->frame++;
		f->frame = c->frame;
		f->tv_sec = (long)h->ts.tv_sec;
		f->tv_nsec = (long)h->ts.tv_usec;	/* nanoseconds */
		f->ts = (double)h->ts.tv_sec + (double)h->ts.tv_usec / 1e9;
		f->caplen = h->caplen;
		f->wirelen = h->len;
		f->data = data;
		return CAP_FRAME;
	}
	if (r == 0)
		return CAP_TIMEOUT;
	if (r == PCAP_ERROR_BREAK)
		return CAP_EOF;
	if (c->live) {
		snprintf(errbuf, errlen, "%s: capture failed after frame %u: "
		    "%s", c->name, c->frame, pcap_geterr(c->p));
		return CAP_ERROR;
	}
	snprintf(errbuf, errlen, "%s: truncated or corrupt capture at byte "
	    "offset %ld (after frame %u): %s", c->name, off, c->frame,
	    pcap_geterr(c->p));
	return CAP_ERROR;
}

/*
 * The next record that passes the capture filter.  A record the filter
 * drops still counts in the frame numbers, so frame N is the file's Nth
 * record with or without a filter (as Wireshark numbers them).
 */
enum cap_status
cap_next(struct cap *c, struct cap_frame *f, char *errbuf, size_t errlen)
{
	struct pcap_pkthdr h;
	enum cap_status s;

	for (;;) {
		s = cap_next_rec(c, f, errbuf, errlen);
		if (s != CAP_FRAME || !c->filtered)
			return s;
		memset(&h, 0, sizeof(h));
		h.caplen = f->caplen;
		h.len = f->wirelen;
		if (pcap_offline_filter(&c->prog, &h, f->data) != 0)
			return CAP_FRAME;
		c->dropped++;
	}
}

int
cap_set_filter(struct cap *c, const char *expr, char *errbuf, size_t errlen)
{
	pcap_t *dead;
	int rc;

	if (c->filtered) {
		pcap_freecode(&c->prog);
		c->filtered = false;
	}
	if (expr == NULL)
		return 0;
	/* compiled for this file's link type, as tcpdump -r does */
	dead = pcap_open_dead(pcap_datalink(c->p), CAP_MAX_CAPLEN);
	if (dead == NULL) {
		snprintf(errbuf, errlen, "filter \"%s\": out of memory", expr);
		return -1;
	}
	rc = pcap_compile(dead, &c->prog, expr, 1, PCAP_NETMASK_UNKNOWN);
	if (rc == -1)
		snprintf(errbuf, errlen, "%s: filter \"%s\" (link type %s): %s",
		    c->name, expr, cap_linktype_name(c), pcap_geterr(dead));
	else
		c->filtered = true;
	pcap_close(dead);
	return rc == -1 ? -1 : 0;
}

uint32_t
cap_frames(const struct cap *c)
{
	return c->frame;
}

uint64_t
cap_filtered_out(const struct cap *c)
{
	return c->dropped;
}

/*
 * Live capture.  Immediate mode, so a frame is handed over as it arrives
 * (no waiting for a full kernel buffer on a quiet link); non-blocking, so
 * the caller polls cap_fd with its other inputs and cap_next answers
 * CAP_TIMEOUT when nothing is waiting.  The filter runs in the kernel.
 */
#define CAP_LIVE_BUFFER	(8 * 1024 * 1024)

static struct cap *
cap_live_fail(struct cap *c, char *errbuf, size_t errlen, const char *what,
    const char *why)
{
	snprintf(errbuf, errlen, "%s: %s: %s", c->name, what, why);
	if (c->p != NULL)
		pcap_close(c->p);
	free(c);
	return NULL;
}

struct cap *
cap_open_live(const char *iface, const char *filter, char *errbuf,
    size_t errlen)
{
	char perr[PCAP_ERRBUF_SIZE];
	struct bpf_program prog;
	struct cap *c;
	int rc;

	c = calloc(1, sizeof(*c));
	if (c == NULL) {
		snprintf(errbuf, errlen, "%s: out of memory", iface);
		return NULL;
	}
	c->fd = -1;
	c->live = true;
	snprintf(c->name, sizeof(c->name), "%s", iface);
	perr[0] = '\0';
	if ((c->p = pcap_create(iface, perr)) == NULL)
		return cap_live_fail(c, errbuf, errlen, "cannot capture", perr);
	if (pcap_set_snaplen(c->p, CAP_MAX_CAPLEN) != 0 ||
	    pcap_set_immediate_mode(c->p, 1) != 0 ||
	    pcap_set_buffer_size(c->p, CAP_LIVE_BUFFER) != 0 ||
	    pcap_set_tstamp_precision(c->p, PCAP_TSTAMP_PRECISION_NANO) != 0)
		return cap_live_fail(c, errbuf, errlen, "cannot set up",
		    pcap_geterr(c->p));
	rc = pcap_activate(c->p);
	if (rc == PCAP_ERROR_PERM_DENIED)
		return cap_live_fail(c, errbuf, errlen, "cannot capture",
		    "permission denied (run as root, or give the program "
		    "CAP_NET_RAW)");
	if (rc == PCAP_ERROR_NO_SUCH_DEVICE)
		return cap_live_fail(c, errbuf, errlen, "cannot capture",
		    "no such interface");
	if (rc < 0)
		return cap_live_fail(c, errbuf, errlen, "cannot capture",
		    pcap_geterr(c->p));
	/* a warning (rc > 0), e.g. no nanosecond timestamps: carry on */
	if (filter != NULL) {
		if (pcap_compile(c->p, &prog, filter, 1,
		    PCAP_NETMASK_UNKNOWN) == -1) {
			snprintf(perr, sizeof(perr), "filter \"%s\": %s",
			    filter, pcap_geterr(c->p));
			return cap_live_fail(c, errbuf, errlen, "bad filter",
			    perr);
		}
		rc = pcap_setfilter(c->p, &prog);
		pcap_freecode(&prog);
		if (rc == -1)
			return cap_live_fail(c, errbuf, errlen, "bad filter",
			    pcap_geterr(c->p));
	}
	if (pcap_setnonblock(c->p, 1, perr) == -1)
		return cap_live_fail(c, errbuf, errlen, "cannot set up", perr);
	return c;
}

/*
 * The frames as captured, to a pcap file of the capture's link type (live
 * -w): flushed after every frame, so the file is readable while it grows
 * and complete however the run ends.
 */
struct cap_dump {
	pcap_dumper_t	*d;
	char		 path[256];
};

struct cap_dump *
cap_dump_open(struct cap *c, const char *path, char *errbuf, size_t errlen)
{
	struct cap_dump *w = calloc(1, sizeof(*w));

	if (w == NULL) {
		snprintf(errbuf, errlen, "%s: out of memory", path);
		return NULL;
	}
	snprintf(w->path, sizeof(w->path), "%s", path);
	if ((w->d = pcap_dump_open(c->p, path)) == NULL) {
		snprintf(errbuf, errlen, "%s: %s", path, pcap_geterr(c->p));
		free(w);
		return NULL;
	}
	return w;
}

int
cap_dump_write(struct cap_dump *w, const struct cap_frame *f, char *errbuf,
    size_t errlen)
{
	struct pcap_pkthdr h;

	memset(&h, 0, sizeof(h));
	h.ts.tv_sec = f->tv_sec;
	/* the capture's precision is nanoseconds, and so is the dump's */
	h.ts.tv_usec = f->tv_nsec;
	h.caplen = f->caplen;
	h.len = f->wirelen;
	pcap_dump((u_char *)w->d, &h, f->data);
	if (pcap_dump_flush(w->d) == -1) {
		snprintf(errbuf, errlen, "%s: write failed: %s", w->path,
		    strerror(errno));
		return -1;
	}
	return 0;
}

void
cap_dump_close(struct cap_dump *w)
{
	if (w == NULL)
		return;
	pcap_dump_close(w->d);
	free(w);
}

int
cap_fd(const struct cap *c)
{
	return c->live ? pcap_get_selectable_fd(c->p) : -1;
}

int
cap_live_stats(const struct cap *c, struct cap_live_stats *st)
{
	struct pcap_stat ps;

	memset(st, 0, sizeof(*st));
	if (!c->live || pcap_stats(c->p, &ps) == -1)
		return -1;
	st->received = ps.ps_recv;
	st->dropped = ps.ps_drop;
	st->if_dropped = ps.ps_ifdrop;
	return 0;
}

int
cap_drop_privileges(const char *user, char *errbuf, size_t errlen)
{
	struct passwd *pw;

	errno = 0;
	if ((pw = getpwnam(user)) == NULL) {
		snprintf(errbuf, errlen, "-Z %s: no such user%s%s", user,
		    errno != 0 ? ": " : "", errno != 0 ? strerror(errno) : "");
		return -1;
	}
	if (initgroups(pw->pw_name, pw->pw_gid) == -1 ||
	    setgid(pw->pw_gid) == -1 || setuid(pw->pw_uid) == -1) {
		snprintf(errbuf, errlen, "-Z %s: cannot become that user: %s",
		    user, strerror(errno));
		return -1;
	}
	/* no way back (a saved set-user-ID of 0 would allow one) */
	if (pw->pw_uid != 0 && (setuid(0) != -1 || seteuid(0) != -1)) {
		snprintf(errbuf, errlen, "-Z %s: root privileges could be "
		    "regained", user);
		return -1;
	}
	return 0;
}

int
cap_linktype(const struct cap *c)
{
	return pcap_datalink(c->p);
}

const char *
cap_linktype_name(const struct cap *c)
{
	const char *n = pcap_datalink_val_to_name(pcap_datalink(c->p));

	return n != NULL ? n : "unknown";
}

const char *
cap_name(const struct cap *c)
{
	return c->name;
}



void
cap_close(struct cap *c)
{
	if (c == NULL)
		return;
	cap_pf_free(c);		/* its thread reads from the fd */
	pcap_close(c->p);	/* closes c->fp: the fd or the gz */
	if (c->filtered)
		pcap_freecode(&c->prog);
	cap_blk_free(c);
	free(c->buf);
	free(c);
}
