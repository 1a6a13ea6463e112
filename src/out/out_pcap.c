/*
 * out_pcap.c - decrypted-packet export; see out_pcap.h.
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
 * The file's stdio buffer: libpcap writes each record with two fwrites,
 * which with the default (a page) cost a write system call every few
 * packets.  (Gathering those writes into writev calls that take the
 * packets from where they are, saving the copy into this buffer, measured
 * slower: 10% more CPU, the kernel's cost per segment.)
 */
#define OUT_PCAP_BUF	(1024 * 1024)
#define OUT_PCAP_AHEAD	(64 * 1024 * 1024)

struct out_pcap {
	pcap_t		*dead;
	pcap_dumper_t	*d;
	char		*buf;
	int		 fd;
	uint64_t	 bytes;		/* given to stdio so far */
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
	setvbuf(fp, o->buf, _IOFBF, OUT_PCAP_BUF);
	o->fd = fileno(fp);
	o->ahead = true;
	o->bytes = 24;		/* the file header */
	o->d = pcap_dump_fopen(o->dead, fp);
	if (o->d == NULL) {
		snprintf(errbuf, errlen, "%s: %s", path, pcap_geterr(o->dead));
		fclose(fp);
		goto fail;
	}
	return o;
fail:
	pcap_close(o->dead);
	free(o->buf);
	free(o);
	return NULL;
}

int
out_pcap_write(struct out_pcap *o, long sec, long nsec, const uint8_t *p,
    size_t n, size_t wire)
{
	struct pcap_pkthdr h;

	memset(&h, 0, sizeof(h));
	h.ts.tv_sec = sec;
	h.ts.tv_usec = nsec;	/* nanoseconds with this precision */
	h.caplen = (bpf_u_int32)(n > OUT_PCAP_SNAP ? OUT_PCAP_SNAP : n);
	h.len = (bpf_u_int32)(wire > n ? wire : n);
	o->bytes += 16 + h.caplen;
	/* stdio writes at most a buffer beyond what it was given */
	if (o->ahead && o->bytes + OUT_PCAP_BUF > o->alloc) {
		if (fallocate(o->fd, FALLOC_FL_KEEP_SIZE, (off_t)o->alloc,
		    OUT_PCAP_AHEAD) == 0)
			o->alloc += OUT_PCAP_AHEAD;
		else
			o->ahead = false;
	}
	pcap_dump((u_char *)o->d, &h, p);
	o->n++;
	return 0;
}

void
out_pcap_hold(struct out_pcap *o, bool hold)
{
	if (o == NULL)
		return;
	if (hold)
		flockfile(pcap_dump_file(o->d));
	else
		funlockfile(pcap_dump_file(o->d));
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
	if (pcap_dump_flush(o->d) == -1) {
		snprintf(errbuf, errlen, "%s: write error", o->path);
		rc = -1;
	} else if (o->alloc > 0) {
		/* give back what was allocated beyond the data */
		int64_t end = pcap_dump_ftell64(o->d);

		if (end < 0 || ftruncate(o->fd, (off_t)end) == -1) {
			snprintf(errbuf, errlen, "%s: %s", o->path,
			    strerror(errno));
			rc = -1;
		}
	}
	pcap_dump_close(o->d);		/* fcloses the file */
	pcap_close(o->dead);
	free(o->buf);
	free(o);
	return rc;
}
