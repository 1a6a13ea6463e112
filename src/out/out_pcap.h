/*
 * out_pcap.h - the decrypted-packet export (-w): inner IP packets (and,
 * with --write-mode=all, the other frames' IP datagrams) as LINKTYPE_RAW
 * (libpcap's file header, records laid out as its pcap_dump does,
 * buffered and written here), with the original timestamps (nanosecond
 * pcap, as the capture layer reads them), so tshark, Zeek or Suricata
 * read them directly.
 */
#ifndef IKESCOPE_OUT_PCAP_H
#define IKESCOPE_OUT_PCAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct out_pcap;

struct out_pcap	*out_pcap_open(const char *, char *, size_t);
/*
 * seconds, nanoseconds, the IP packet's captured bytes and its length on
 * the wire (at least the bytes given: a packet cut short by the capture's
 * snap length says how long it was)
 */
int		 out_pcap_write(struct out_pcap *, long, long, const uint8_t *,
		    size_t, size_t);
uint64_t	 out_pcap_count(const struct out_pcap *);
/* Flush and close; -1 with errbuf set when the file could not be written. */
int		 out_pcap_close(struct out_pcap *, char *, size_t);

#endif
