/*
 * out_pcap.c - decrypted-packet export; see out_pcap.h.
 *
 * libpcap writes the file header (pcap_dump_fopen, flushed at once); the
 * records, a 16-byte header in the host's byte order and the packet, as
 * libpcap's pcap_dump lays them out, are gathered here in a buffer of
 * OUT_PCAP_BUF bytes and written with write(2) when it is full.  (Through
 * pcap_dump each record cost two fwrite calls into stdio's buffer: 424
 * instructions per record of bench/esp.sh's GCM capture, the copy of the
 * packet included, against 153 here; callgrind.)
 *
 * A regular output file is allocated ahead of the writes (fallocate,
 * OUT_PCAP_AHEAD at a time, keeping the size) and cut to what was written
 * at the end: ext4 then maps blocks once per 64 MiB instead of once per
 * page as the data comes (writing 150 MB in 1 MiB pieces: 30 -> 19 ms of
 * CPU).  Where the file system cannot, the file is written as it comes.
 */
#define _GNU_SOURCE		/* fallocate */
#include <errno.h>
#include <fcntl.h>
#include <pcap/pcap.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "out/out_pcap.h"

#define OUT_PCAP_SNAP	262144
/*
 * The records' buffer.  (Gathering the records into writev calls that
 * take the packets from where they are, saving the copy into a buffer,
 * measured slower: 10% more CPU, the kernel's cost per segment.)
 */
#define OUT_PCAP_BUF	(1024 * 1024)
#define OUT_PCAP_REC	16	/* a record's header */
_Static_assert(OUT_PCAP_REC + OUT_PCAP_SNAP <= OUT_PCAP_BUF,
    "a record fits the empty buffer");
#define OUT_PCAP_AHEAD	(64 * 1024 * 1024)

struct out_pcap {
	pcap_t		*dead;
	pcap_dumper_t	*d;
	uint8_t		*buf;		/* records not yet written */
	size_t		 used;
	int		 fd;
	int		 err;		/* errno of a failed write, or 0 */
	uint64_t	 bytes;		/* the file's, with buf's */
	uint64_t	 alloc;		/* allocated ahead up to here */
	bool		 ahead;		/* fallocate works here */
	uint64_t	 n;
	char		 path[256];
};

struct out_pcap *
out_pcap_open(const char *path, char *errbuf, size_t errlen)
{
	struct out_pcap *o = calloc(1, sizeof(*o));
	FILE *fp;

	if (o == NULL) {
		snprintf(errbuf, errlen, "out of memory (-w)");
		return NULL;
	}
	snprintf(o->path, sizeof(o->path), "%s", path);
	o->dead = pcap_open_dead_with_tstamp_precision(DLT_RAW,
	    OUT_PCAP_SNAP, PCAP_TSTAMP_PRECISION_NANO);
	if (o->dead == NULL) {
		snprintf(errbuf, errlen, "%s: cannot make a pcap handle", path);
		free(o);
		return NULL;
	}
	o->buf = malloc(OUT_PCAP_BUF);
	fp = o->buf != NULL ? fopen(path, "wb") : NULL;
	if (fp == NULL) {
		snprintf(errbuf, errlen, "%s: %s", path,
		    o->buf != NULL ? strerror(errno) : "out of memory");
		goto fail;
	}
	o->fd = fileno(fp);
	o->ahead = true;
	o->bytes = 24;		/* the file header */
	o->d = pcap_dump_fopen(o->dead, fp);
	if (o->d == NULL) {
		snprintf(errbuf, errlen, "%s: %s", path, pcap_geterr(o->dead));
		fclose(fp);
		goto fail;
	}
	/* the header out: the records bypass the stream */
	if (pcap_dump_flush(o->d) == -1)
		o->err = errno != 0 ? errno : EIO;
	return o;
fail:
	pcap_close(o->dead);
	free(o->buf);
	free(o);
	return NULL;
}

/* Write the buffered records; a failure is kept for out_pcap_close. */
static void
out_pcap_drain(struct out_pcap *o)
{
	size_t off = 0;
	ssize_t r;

	while (off < o->used && o->err == 0) {
		r = write(o->fd, o->buf + off, o->used - off);
		if (r == -1 && errno == EINTR)
			continue;
		if (r <= 0)
			o->err = r == -1 ? errno : EIO;
		else
			off += (size_t)r;
	}
	o->used = 0;
}

int
out_pcap_write(struct out_pcap *o, long sec, long nsec, const uint8_t *p,
    size_t n, size_t wire)
{
	/* libpcap's record header: 32-bit fields in the host's order, the
	 * second's fraction in nanoseconds with this precision */
	uint32_t h[4];
	size_t cap = n > OUT_PCAP_SNAP ? OUT_PCAP_SNAP : n;

	h[0] = (uint32_t)sec;
	h[1] = (uint32_t)nsec;
	h[2] = (uint32_t)cap;
	h[3] = (uint32_t)(wire > n ? wire : n);
	o->bytes += OUT_PCAP_REC + cap;
	/* the buffer is written when full: at most that beyond the data */
	if (o->ahead && o->bytes + OUT_PCAP_BUF > o->alloc) {
		if (fallocate(o->fd, FALLOC_FL_KEEP_SIZE, (off_t)o->alloc,
		    OUT_PCAP_AHEAD) == 0)
			o->alloc += OUT_PCAP_AHEAD;
		else
			o->ahead = false;
	}
	if (OUT_PCAP_BUF - o->used < OUT_PCAP_REC + cap)
		out_pcap_drain(o);	/* then it fits (the assertion) */
	memcpy(o->buf + o->used, h, OUT_PCAP_REC);
	memcpy(o->buf + o->used + OUT_PCAP_REC, p, cap);
	o->used += OUT_PCAP_REC + cap;
	o->n++;
	return 0;
}

uint64_t
out_pcap_count(const struct out_pcap *o)
{
	return o->n;
}

int
out_pcap_close(struct out_pcap *o, char *errbuf, size_t errlen)
{
	int rc = 0;

	if (o == NULL)
		return 0;
	out_pcap_drain(o);
	if (o->err != 0) {
		snprintf(errbuf, errlen, "%s: write error", o->path);
		rc = -1;
	} else if (o->alloc > 0) {
		/* give back what was allocated beyond the data */
		if (ftruncate(o->fd, (off_t)o->bytes) == -1) {
			snprintf(errbuf, errlen, "%s: %s", o->path,
			    strerror(errno));
			rc = -1;
		}
	}
	pcap_dump_close(o->d);		/* fcloses the file (nothing buffered) */
	pcap_close(o->dead);
	free(o->buf);
	free(o);
	return rc;
}
