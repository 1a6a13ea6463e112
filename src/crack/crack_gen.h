/*
 * crack_gen.h - the candidates of a PSK attack, in a fixed order:
 *
 *   word list alone    each word, in file order
 *   mask alone         every expansion of the mask
 *   word list + mask   each word followed by every expansion of the mask
 *                      (hashcat's hybrid attack, -a 6)
 *
 * A mask is hashcat's: ?l a-z, ?u A-Z, ?d 0-9, ?s the 33 printable
 * symbols and space, ?a all 95 of those, ?? a '?', any other character
 * itself.  Expansions are in odometer order: the last position changes
 * fastest, each charset in the order listed above (?a: ?l ?u ?d ?s).
 *
 * Word list lines end with LF (a CR before it is dropped; the last line
 * needs none); empty lines are skipped; a word longer than CG_MAXLEN
 * bytes (or with the mask's length, longer than that) is skipped and
 * counted, however long it is.
 */
#ifndef IKESCOPE_CRACK_GEN_H
#define IKESCOPE_CRACK_GEN_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#define CG_MAXLEN	255		/* bytes per candidate */
#define CG_MAXMASK	64		/* positions per mask */
#define CG_BUF		(1u << 20)	/* word list read buffer */

#define CG_ZERO		64		/* b is zero from len up to here */

struct cg_cand {
	uint8_t		 len;
	uint8_t		 b[CG_MAXLEN];
};

struct cg {
	FILE		*wl;		/* NULL: mask alone */
	uint64_t	 wl_size;	/* bytes, for progress (0: unknown) */
	uint64_t	 wl_pos;	/* bytes read */
	uint8_t		*buf;		/* the list, read in CG_BUF chunks */
	size_t		 bpos, blen;
	bool		 beof;
	bool		 skipping;	/* in a line longer than the buffer */
	unsigned	 npos;		/* mask positions */
	const char	*set[CG_MAXMASK];
	uint8_t		 setlen[CG_MAXMASK];
	uint8_t		 idx[CG_MAXMASK];
	uint64_t	 mask_count;	/* expansions (1 without a mask) */
	uint64_t	 mask_done;	/* of the current word */
	uint8_t		 cur[CG_MAXLEN];
	unsigned	 wlen;		/* the word's length in cur */
	bool		 have;		/* cur holds a word to expand */
	bool		 eof;
	uint64_t	 words;		/* words read */
	uint64_t	 skipped;	/* words too long */
	uint64_t	 emitted;	/* candidates given out */
	int		 err;		/* errno of a read error */
};

/* Open the word list (NULL for none; "-" is standard input) and/or the
 * mask (NULL for none; at least one).  0, or -1 with err set. */
int	cg_open(struct cg *, const char *wordlist, const char *mask, char *err,
	    size_t errlen);
void	cg_close(struct cg *);
/* Up to max next candidates into out: how many (0 at the end). */
size_t	cg_fill(struct cg *, struct cg_cand *out, size_t max);
/* The expansions of a mask (0 if it is invalid or has more than 2^64). */
uint64_t cg_mask_count(const char *mask);

#endif
