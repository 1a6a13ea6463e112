/*
 * capture.c - capture input; see capture.h.
 *
 * A plain classic pcap file (version 2.4, either byte order, micro- or
 * nanosecond timestamps) is mapped and its records are read here: libpcap
 * reads the file header (and says the link type and snap length), then
 * every record is handed out from the mapping, with its header checked
 * against the file size and the snap length as libpcap checks it, and
 * the same result (frames, timestamps, errors).  That saves two copies of
 * every frame (the kernel's into stdio's buffer, stdio's into libpcap's)
 * and libpcap's per-record calls.  Pages already read are dropped from
 * the mapping as the read goes on, so the resident size stays small.
 * Anything else (pcapng, gzip, standard input, pipes, live capture, older
 * pcap versions) is read by libpcap.
 */
#define _GNU_SOURCE		/* fopencookie */
#include <errno.h>
#include <fcntl.h>
#include <pcap/pcap.h>
#include <stdio.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#include "capture.h"
#include "cursor.h"

/* stdio buffer of a capture file */
#define CAP_FILE_BUF	(1024 * 1024)
/* ... of a mapped one, whose file header is all libpcap reads */
#define CAP_HDR_BUF	4096

#define CAP_PCAP_HDR	24	/* classic pcap file header */
#define CAP_REC_HDR	16	/* record header */
/* libpcap's largest record (MAXIMUM_SNAPLEN) for the link types mapped */
#define CAP_MAX_CAPLEN	262144
/*
 * Mapped pages are given back in steps of CAP_DROP once the read is
 * CAP_LAG past them (the frames waiting in the engine's batches are
 * nearer than that), and once more at 4 * CAP_LAG, in case a straggler
 * touched them again: the resident size stays bounded.
 */
#define CAP_DROP	(1024 * 1024)
#define CAP_LAG		(4u * 1024 * 1024)

/* a mapped classic pcap file */
struct cap_map {
	const uint8_t	*p;
	size_t		 len;
	size_t		 off;		/* the next record */
	size_t		 dropped;	/* steps of CAP_DROP passed */
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
	bool		 live;
	struct cap_map	 m;		/* m.p == NULL: libpcap reads */
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

static void
cap_unmap(struct cap *c)
{
	if (c->m.p != NULL)
		munmap((void *)(uintptr_t)c->m.p, c->m.len);
	c->m.p = NULL;
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
 * Map fd when it is a regular file holding classic pcap, version 2.4;
 * false (nothing mapped) otherwise, and libpcap reads it.
 */
static bool
cap_map_file(struct cap *c, int fd)
{
	struct stat st;
	struct cursor cu;
	uint32_t magic;
	uint16_t major, minor;
	void *p;

	if (fstat(fd, &st) == -1 || !S_ISREG(st.st_mode) ||
	    st.st_size < CAP_PCAP_HDR || (uintmax_t)st.st_size > SIZE_MAX)
		return false;
	p = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
	if (p == MAP_FAILED)
		return false;
	c->m.p = p;
	c->m.len = (size_t)st.st_size;
	cu = cur_init(c->m.p, CAP_PCAP_HDR);
	magic = cur_le32(&cu);
	c->m.be = magic == 0xd4c3b2a1 || magic == 0x4d3cb2a1;
	c->m.nsec = magic == 0xa1b23c4d || magic == 0x4d3cb2a1;
	if (!c->m.be && magic != 0xa1b2c3d4 && magic != 0xa1b23c4d) {
		cap_unmap(c);
		return false;
	}
	c->m.swapped = c->m.be != cap_host_be();
	major = c->m.be ? cur_be16(&cu) : cur_le16(&cu);
	minor = c->m.be ? cur_be16(&cu) : cur_le16(&cu);
	if (major != 2 || minor != 4) {
		cap_unmap(c);
		return false;
	}
	c->m.off = CAP_PCAP_HDR;
	(void)madvise(p, c->m.len, MADV_SEQUENTIAL);
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
	cap_unmap(c);
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
	if (!is_stdin)
		cap_map_file(c, fd);
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
			cap_unmap(c);	/* libpcap reads on (at byte 24) */
	}
	return c;
}

struct cap *
cap_open_live(const char *ifname, const char *filter, char *errbuf,
    size_t errlen)
{
	char perr[PCAP_ERRBUF_SIZE];
	struct bpf_program prog;
	struct cap *c;

	c = calloc(1, sizeof(*c));
	if (c == NULL) {
		snprintf(errbuf, errlen, "%s: out of memory", ifname);
		return NULL;
	}
	c->live = true;
	c->fd = -1;
	snprintf(c->name, sizeof(c->name), "%s", ifname);
	c->p = pcap_create(ifname, perr);
	if (c->p == NULL) {
		snprintf(errbuf, errlen, "%s: %s", ifname, perr);
		free(c);
		return NULL;
	}
	pcap_set_snaplen(c->p, 262144);
	pcap_set_promisc(c->p, 1);
	pcap_set_timeout(c->p, 100);
	pcap_set_immediate_mode(c->p, 1);
	pcap_set_buffer_size(c->p, 16 << 20);
	pcap_set_tstamp_precision(c->p, PCAP_TSTAMP_PRECISION_NANO);
	if (pcap_activate(c->p) < 0) {
		snprintf(errbuf, errlen, "%s: %s", ifname, pcap_geterr(c->p));
		pcap_close(c->p);
		free(c);
		return NULL;
	}
	if (filter != NULL) {
		if (pcap_compile(c->p, &prog, filter, 1,
		    PCAP_NETMASK_UNKNOWN) == -1 ||
		    pcap_setfilter(c->p, &prog) == -1) {
			snprintf(errbuf, errlen, "%s: filter \"%s\": %s",
			    ifname, filter, pcap_geterr(c->p));
			pcap_close(c->p);
			free(c);
			return NULL;
		}
		pcap_freecode(&prog);
	}
	return c;
}

/*
 * Give back the pages of [at - lag, at - lag + CAP_DROP): a later read
 * of them faults them in again from the page cache.
 */
static void
cap_drop(const struct cap_map *m, size_t at, size_t lag)
{
	if (at >= lag)
		(void)madvise((void *)(uintptr_t)(m->p + (at - lag)), CAP_DROP,
		    MADV_DONTNEED);
}

/* The next record of a mapped file; the messages are libpcap's. */
static enum cap_status
cap_next_map(struct cap *c, struct cap_frame *f, char *errbuf, size_t errlen)
{
	struct cap_map *m = &c->m;
	size_t left = m->len - m->off;
	struct cursor cu;
	uint32_t incl, orig, sec, frac;
	char why[128];

	if (left == 0)
		return CAP_EOF;
	cu = cur_init(m->p + m->off, left);
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
	else if (!cur_bytes(&cu, incl, &f->data))
		snprintf(why, sizeof(why), "truncated dump file; tried to read "
		    "%u captured bytes, only got %zu", incl,
		    left - CAP_REC_HDR);
	else
		why[0] = '\0';
	if (why[0] != '\0') {
		snprintf(errbuf, errlen, "%s: truncated or corrupt capture "
		    "at byte offset %zu (after frame %u): %s", c->name,
		    m->off, c->frame, why);
		return CAP_ERROR;
	}
	/* Pages of records long handed out go back (the data stays valid). */
	for (; m->dropped + CAP_DROP <= m->off; m->dropped += CAP_DROP) {
		cap_drop(m, m->dropped, CAP_LAG);
		cap_drop(m, m->dropped, 4 * CAP_LAG);
	}
	m->off += CAP_REC_HDR + (size_t)incl;
	c->frame++;
	f->frame = c->frame;
	/*
	 * libpcap reads the timestamp as signed in the host's byte order and
	 * as unsigned when it swaps it (times past 2038 show the difference).
	 */
	f->tv_sec = m->swapped ? (long)sec : (long)(int32_t)sec;
	f->tv_usec = m->swapped ? (long)frac : (long)(int32_t)frac;
	if (!m->nsec)
		f->tv_usec *= 1000;
	f->ts = (double)f->tv_sec + (double)f->tv_usec / 1e9;
	/* Longer than the snap length: libpcap cuts it there. */
	f->caplen = incl > m->snap ? m->snap : incl;
	f->wirelen = orig;
	f->stable = true;
	return CAP_FRAME;
}

enum cap_status
cap_next(struct cap *c, struct cap_frame *f, char *errbuf, size_t errlen)
{
	struct pcap_pkthdr *h;
	const u_char *data;
	long off = 0;
	int r;

	if (c->m.p != NULL)
		return cap_next_map(c, f, errbuf, errlen);
	if (c->fp != NULL)
		off = ftell(c->fp);
	r = pcap_next_ex(c->p, &h, &data);
	if (r == 1) {
		c->frame++;
		f->frame = c->frame;
		f->tv_sec = (long)h->ts.tv_sec;
		f->tv_usec = (long)h->ts.tv_usec;	/* nanoseconds */
		f->ts = (double)h->ts.tv_sec + (double)h->ts.tv_usec / 1e9;
		f->caplen = h->caplen;
		f->wirelen = h->len;
		f->data = data;
		f->stable = false;
		return CAP_FRAME;
	}
	if (r == 0)
		return CAP_TIMEOUT;
	if (r == PCAP_ERROR_BREAK)
		return CAP_EOF;
	if (c->live)
		snprintf(errbuf, errlen, "%s: %s", c->name, pcap_geterr(c->p));
	else
		snprintf(errbuf, errlen, "%s: truncated or corrupt capture "
		    "at byte offset %ld (after frame %u): %s", c->name, off,
		    c->frame, pcap_geterr(c->p));
	return CAP_ERROR;
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

int
cap_fd(const struct cap *c)
{
	return c->live ? pcap_get_selectable_fd(c->p) : -1;
}

void *
cap_pcap(struct cap *c)
{
	return c->p;
}

void
cap_close(struct cap *c)
{
	if (c == NULL)
		return;
	pcap_close(c->p);	/* closes c->fp: the fd or the gz */
	cap_unmap(c);
	free(c->buf);
	free(c);
}
