/*
 * out_text.h - read's one line per frame (and, with -V, its tree).
 */
#ifndef IKESCOPE_OUT_TEXT_H
#define IKESCOPE_OUT_TEXT_H

#include <stdio.h>

#include "engine/engine.h"

/*
 * Text lines on their way to a stream: out_text_frame appends a frame's
 * line and writes the buffer when it is full (or before writing to the
 * stream itself); out_lines_flush writes what is left, and must come
 * before anything else writes to the stream.
 */
#define OUT_LINES_BUF	65536
struct out_lines {
	char	b[OUT_LINES_BUF];
	size_t	n;
};

void	out_text_frame(FILE *, struct out_lines *, const struct opts *,
	    const struct frame_rec *);
void	out_lines_flush(FILE *, struct out_lines *);

#endif
