/*
 * capture.h - capture input: pcap and pcapng files (optionally gzip
 * compressed, as Wireshark writes them) and standard input.  (Live
 * capture comes with the live monitor.)
 *
 * A plain classic pcap file is read by capture.c itself, in large blocks,
 * its frames handed out in place; everything else goes through libpcap.
 * Gzip files (and standard input) are read through zlib's transparent
 * reader, so a .pcap.gz is read like a .pcap; other files directly, with
 * a large stdio buffer.  The byte offset of every record is known: when a
 * file is truncated or corrupt the error names the file, the offset and
 * the last good frame.
 */
#ifndef IKESCOPE_CAPTURE_H
#define IKESCOPE_CAPTURE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct cap;

/* A frame; its data is valid until the next cap_next. */
struct cap_frame {
	uint32_t	 frame;		/* 1-based */
	double		 ts;
	uint32_t	 caplen, wirelen;
	const uint8_t	*data;
	long		 tv_sec, tv_nsec;	/* original: seconds, nanoseconds */
};

enum cap_status { CAP_FRAME, CAP_EOF, CAP_ERROR, CAP_TIMEOUT };

struct cap	*cap_open_file(const char *, char *, size_t);
enum cap_status	 cap_next(struct cap *, struct cap_frame *, char *, size_t);
int		 cap_linktype(const struct cap *);
const char	*cap_linktype_name(const struct cap *);
const char	*cap_name(const struct cap *);
/*
 * A capture filter (libpcap's BPF syntax, compiled for the file's link
 * type, as tcpdump -r applies it): cap_next hands out only the frames it
 * accepts, numbered as in the file.  NULL removes it.  -1 with the
 * expression and libpcap's message in errbuf when it does not compile.
 */
int		 cap_set_filter(struct cap *, const char *, char *, size_t);
uint64_t	 cap_filtered_out(const struct cap *);	/* frames dropped */
void		 cap_close(struct cap *);

#endif
