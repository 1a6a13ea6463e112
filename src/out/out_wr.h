/*
 * out_wr.h - read's output made and written on a thread of its own.
 *
 * The caller (the frame view's sink) fills batches with records, in frame
 * order: text already made (out_wr_text), or a frame's snapshot to be
 * formatted (out_wr_rec).  A full batch is handed to the writer thread,
 * which gives each record to the render function and writes what it
 * makes with write(2) (out_wr_write), while the caller goes on with the
 * next batch: the formatting of most frames and the kernel's copy of the
 * output run on the second core.  The caller waits only when every batch
 * is in flight.  Nothing else may write to the stream between out_wr_new
 * and out_wr_sync (the stream's stdio buffer is flushed first).  A pipe's
 * capacity is raised to OUT_WR_BUF where the system allows, so that a
 * write seldom waits for the reader.
 */
#ifndef IKESCOPE_OUT_WR_H
#define IKESCOPE_OUT_WR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#define OUT_WR_BUF	(256 * 1024)	/* bytes per batch */
#define OUT_WR_NBUF	6		/* batches in the ring */
#define OUT_WR_REC_MAX	(OUT_WR_BUF / 4)	/* largest out_wr_rec */

/*
 * A consumer of bytes made in its buffer: takes the first n, returns the
 * buffer to go on in (the text and JSON writers' out hook).
 */
typedef char *out_buf_fn(void *, size_t);

enum out_wr_kind {
	OUT_WR_TEXT,		/* bytes to write as they are */
	OUT_WR_REC,		/* a record for render to format */
	OUT_WR_SYNC		/* no data: write out what render holds */
};

/* On the writer thread, for each record in order. */
typedef void out_wr_render_fn(void *, enum out_wr_kind, const void *,
		    size_t);

struct out_wr;

/*
 * A writer for fp's descriptor, or NULL: fp is a terminal (lines are
 * wanted as they come), or no thread or memory could be had; the caller
 * then writes to fp itself.
 */
struct out_wr	*out_wr_new(FILE *, out_wr_render_fn *, void *);
/* Text for the stream, after what was put before. */
void		 out_wr_text(struct out_wr *, const char *, size_t);
/*
 * Room for a record of n bytes (n <= OUT_WR_REC_MAX), 8-byte aligned, to
 * be filled before the next call.
 */
void		*out_wr_rec(struct out_wr *, size_t);
/* Render and write everything put so far; wait until it is done. */
void		 out_wr_sync(struct out_wr *);
/* On the writer thread (render): write n bytes to the stream. */
void		 out_wr_write(struct out_wr *, const char *, size_t);
/* Whether a write failed (what followed was dropped); after a sync. */
bool		 out_wr_failed(struct out_wr *);
/* Sync, stop the thread, free. */
void		 out_wr_free(struct out_wr *);
/* All of p to fd, through short writes and signals; false on an error. */
bool		 out_wr_all(int, const char *, size_t);

#endif
