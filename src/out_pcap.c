/*
 * out_pcap.c - decrypted-packet export; see out_pcap.h.
 */
#include <pcap/pcap.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "out_pcap.h"

#define OUT_PCAP_SNAP	262144

struct out_pcap {
	pcap_t		*dead;
	pcap_dumper_t	*d;
	uint64_t	 n;
	char		 path[256];
};

struct out_pcap *
out_pcap_open(const char *path, char *errbuf, size_t errlen)
{
	struct out_pcap *o = calloc(1, sizeof(*o));

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
	o->d = pcap_dump_open(o->dead, path);
	if (o->d == NULL) {
		snprintf(errbuf, errlen, "%s", pcap_geterr(o->dead));
		pcap_close(o->dead);
		free(o);
		return NULL;
	}
	return o;
}

int
out_pcap_write(struct out_pcap *o, long sec, long nsec, const uint8_t *p,
    size_t n)
{
	struct pcap_pkthdr h;

	memset(&h, 0, sizeof(h));
	h.ts.tv_sec = sec;
	h.ts.tv_usec = nsec;	/* nanoseconds with this precision */
	h.caplen = (bpf_u_int32)(n > OUT_PCAP_SNAP ? OUT_PCAP_SNAP : n);
	h.len = (bpf_u_int32)n;
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
	pcap_dump_close(o->d);
	pcap_close(o->dead);
	free(o);
	return rc;
}
