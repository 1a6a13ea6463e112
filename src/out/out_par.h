/*
 * out_par.h - a list of items rendered in order by two threads.
 *
 * At the end of a run the per-IKE-SA views print every SA still held
 * (up to the state cap: 16,384 by default); nothing else runs then, so
 * the second core is idle.  out_par_render cuts the list into chunks of
 * OUT_PAR_CHUNK items: this thread renders the even chunks to the stream,
 * a worker the odd ones into memory (at most two ahead), which this
 * thread writes after the chunk before: the stream gets exactly what one
 * thread would have written.  The render function must be safe to call
 * from both threads at once on different items (it only reads them).
 */
#ifndef IKESCOPE_OUT_PAR_H
#define IKESCOPE_OUT_PAR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#define OUT_PAR_CHUNK	64

typedef void out_par_fn(FILE *, const void *, void *);

/*
 * Render items[0..n) with fn (arg) to fp, in order; with thread false,
 * or when no thread or memory can be had, all on this thread.
 */
void	out_par_render(FILE *fp, const void *const *items, size_t n,
	    out_par_fn *fn, void *arg, bool thread);

#endif
