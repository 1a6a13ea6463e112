/*
 * capture.h - capture input: pcap and pcapng files (optionally gzip
 * compressed, as Wireshark writes them), standard input, and live
 * interfaces.
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
	/* what the read-ahead's work function made of it, or NULL */
	const void	*pre;
};

enum cap_status { CAP_FRAME, CAP_EOF, CAP_ERROR, CAP_TIMEOUT };

/* libpcap's counters of a live capture (pcap_stats), as it gives them. */
struct cap_live_stats {
	uint64_t	received;	/* frames the filter accepted */
	uint64_t	dropped;	/* dropped: no room in the buffer */
	uint64_t	if_dropped;	/* dropped by the interface */
};

struct cap	*cap_open_file(const char *, char *, size_t);
/*
 * An interface (libpcap's names; "any" for all), with a kernel capture
 * filter (NULL: none): immediate mode, an 8 MiB buffer, non-blocking:
 * cap_next answers CAP_TIMEOUT when no frame is waiting, and cap_fd is the
 * descriptor to poll.  Open it before dropping privileges.
 */
struct cap	*cap_open_live(const char *, const char *, char *, size_t);
int		 cap_fd(const struct cap *);	/* -1 for files */
/* The frames as captured into a pcap file, flushed per frame (live -w). */
struct cap_dump;
struct cap_dump	*cap_dump_open(struct cap *, const char *, char *, size_t);
int		 cap_dump_write(struct cap_dump *, const struct cap_frame *,
		    char *, size_t);
void		 cap_dump_close(struct cap_dump *);
int		 cap_live_stats(const struct cap *, struct cap_live_stats *);
/*
 * Become USER (its uid, gid and groups) for good, as tcpdump -Z does after
 * opening the device; -1 with the reason when that fails.
 */
int		 cap_drop_privileges(const char *, char *, size_t);
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
uint32_t	 cap_frames(const struct cap *);	/* read, dropped ones too */
/*
 * Read a capture file read in blocks (classic pcap) on a thread of its
 * own, ahead of cap_next, before its first record; no-op otherwise (or
 * when the thread cannot start).  For runs that leave a core idle.
 *
 * With fn, the reading thread also runs fn(arg, linktype, data, caplen,
 * wirelen, out) on the records of each block before handing it over (a record
 * that runs on into the next block is skipped): fn fills out (CAP_PRE_SIZE
 * bytes, 8-byte aligned) and returns true to keep it, and cap_next gives
 * it with the frame as f->pre, valid until the next call.  fn must not
 * touch what the caller's thread uses.  At most CAP_PRE_MAX records of a
 * block are kept; the others have f->pre NULL, as without fn, and so do
 * those of a block the caller came to wait for (within 64 records of it
 * waiting): the work goes back to the caller rather than keep it waiting.
 */
#define CAP_PRE_SIZE	320
#define CAP_PRE_MAX	8192
typedef bool	 cap_pre_fn(void *, int, const uint8_t *, uint32_t, uint32_t,
		    void *);
void		 cap_read_ahead(struct cap *, cap_pre_fn *, void *);
/* Records so handed over without the work, in the blocks taken so far. */
uint64_t	 cap_pre_skipped(struct cap *);
void		 cap_close(struct cap *);

#endif
