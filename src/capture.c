/*
 * capture.c - capture input through libpcap; see capture.h.
 */
#define _GNU_SOURCE		/* fopencookie */
#include <errno.h>
#include <fcntl.h>
#include <pcap/pcap.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#include "capture.h"

/* stdio buffer of an uncompressed capture file */
#define CAP_FILE_BUF	(1024 * 1024)

/* stdio buffer of a capture file */
#define CAP_FILE_BUF	(1024 * 1024)

struct cap {
	pcap_t		*p;
	FILE		*fp;		/* files: a cookie stream over fd or gz */
	int		 fd;		/* a file that is not gzip, else -1 */
	gzFile		 gz;		/* gzip (or standard input) */
	char		*buf;		/* fp's buffer */
	uint64_t	 pos;		/* uncompressed bytes handed to stdio */
	uint32_t	 frame;
	bool		 live;
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
cap_open_stream(struct cap *c, int fd, bool peek)
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
	c->buf = malloc(CAP_FILE_BUF);
	if (c->buf == NULL)
		return NULL;
	fp = fopencookie(c, "r", io);
	if (fp == NULL)
		return NULL;
	setvbuf(fp, c->buf, _IOFBF, CAP_FILE_BUF);
	return fp;
}

static void
cap_free(struct cap *c)
{
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
	c->fp = cap_open_stream(c, fd, !is_stdin);
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

enum cap_status
cap_next(struct cap *c, struct cap_frame *f, char *errbuf, size_t errlen)
{
	struct pcap_pkthdr *h;
	const u_char *data;
	long off = 0;
	int r;

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
	free(c->buf);
	free(c);
}
