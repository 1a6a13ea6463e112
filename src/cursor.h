/*
 * cursor.h - bounds-checked reader over borrowed packet bytes.
 *
 * Every read of network input goes through a struct cursor.  A cursor never
 * owns memory; it is a window [p, p + len) with a read offset.  Any read past
 * the end sets the sticky err flag and yields zeros; nothing clears the flag,
 * so a block of reads can be written straight through and checked once.
 * Nested lengths become sub-cursors (cur_sub), so a payload cannot read past
 * its own end.  Lengths are compared against what remains; no pointer is ever
 * formed from p + (wire value) before that comparison.
 */
#ifndef IKESCOPE_CURSOR_H
#define IKESCOPE_CURSOR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct cursor {
	const uint8_t	*p;
	size_t		 len;	/* window length */
	size_t		 off;	/* 0 <= off <= len */
	bool		 err;	/* sticky overrun flag */
};

struct cursor	cur_init(const uint8_t *, size_t);
size_t		cur_left(const struct cursor *);
bool		cur_ok(const struct cursor *);
uint8_t		cur_u8(struct cursor *);
uint16_t	cur_be16(struct cursor *);
uint32_t	cur_be24(struct cursor *);
uint32_t	cur_be32(struct cursor *);
uint64_t	cur_be64(struct cursor *);
uint16_t	cur_le16(struct cursor *);
uint32_t	cur_le32(struct cursor *);
bool		cur_skip(struct cursor *, size_t);
bool		cur_bytes(struct cursor *, size_t, const uint8_t **);
bool		cur_copy(struct cursor *, void *, size_t);
struct cursor	cur_sub(struct cursor *, size_t);
struct cursor	cur_rest(struct cursor *);
uint8_t		cur_peek_u8(const struct cursor *, size_t, bool *);
const uint8_t	*cur_ptr(const struct cursor *);

#endif
