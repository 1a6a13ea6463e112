/*
 * out_text.h - read's one line per frame (and, with -V, its tree).
 */
#ifndef IKESCOPE_OUT_TEXT_H
#define IKESCOPE_OUT_TEXT_H

#include <stdio.h>

#include "engine/engine.h"
#include "out/out_wr.h"

/*
 * Text lines on their way to a stream: out_text_frame appends a frame's
 * line and writes the buffer when it is full (or before writing to the
 * stream itself); out_lines_flush writes what is left, and must come
 * before anything else writes to the stream.  With an out function
 * (out_wr.h) the full buffer goes to it instead of the stream (no -V).
 */
#define OUT_LINES_BUF	65536
struct out_lines {
	char		*b;		/* where lines are built */
	size_t		 cap;
	size_t		 n;
	out_buf_fn	*out;		/* NULL: fwrite to the stream */
	void		*out_arg;
	char		 own[OUT_LINES_BUF];
};

/*
 * Empty lines in the own buffer, written to the stream, or, with out, in
 * buf (cap bytes) handed to out (arg).
 */
void	out_lines_init(struct out_lines *, out_buf_fn *, void *, char *,
	    size_t);
void	out_text_frame(FILE *, struct out_lines *, const struct opts *,
	    const struct frame_rec *);
/* n bytes of text made elsewhere, after the lines before */
void	out_lines_put(struct out_lines *, const char *, size_t);
void	out_lines_flush(FILE *, struct out_lines *);

#endif
