/*
 * out_pcap.c - decrypted-packet export; see out_pcap.h.
 */
#include <errno.h>
#include <pcap/pcap.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "out_pcap.h"

#define OUT_PCAP_SNAP	262144
/*
 * The file's stdio buffer: libpcap writes each record with two fwrites,
 * which with the default (a page) cost a write system call every few
 * packets.  (Gathering those writes into writev calls that take the
 * packets from where they are, saving the copy into this buffer, measured
 * slower: 10% more CPU, the kernel's cost per segment.)
 */
#define OUT_PCAP_BUF	(1024 * 1024)

struct out_pcap {
	pcap_t		*dead;
	pcap_dumper_t	*d;
	char		*buf;
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
	pcap_dump((u_char *)o->d, &h, p);
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
	if (pcap_dump_flush(o->d) == -1) {
		snprintf(errbuf, errlen, "%s: write error", o->path);
		rc = -1;
	}
	pcap_dump_close(o->d);		/* fcloses the file */
	pcap_close(o->dead);
	free(o->buf);
	free(o);
	return rc;
}
