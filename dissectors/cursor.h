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

/*
 * The readers are inline: they run for every field of every frame, and a
 * call per byte read costs more than the check itself.
 */
#include <string.h>

/*
 * Copying a cursor.  A cursor just made field by field (cur_init,
 * cur_sub) and then copied whole, by assignment or as an argument passed
 * by value, is read back with 16-byte loads of its 8-byte stores still in
 * flight, which the processor cannot forward: a stall of about 11 ns per
 * copy (measured on x86-64 with GCC 12; 2 to 4 per ESP frame were 9% of
 * the main thread's time on bench/esp.sh's GCM capture).  The hot paths
 * pass cursors by address and copy them with cur_set, field by field,
 * the length made opaque to the optimiser (which would otherwise read it
 * and the offset with one 16-byte load again).
 */
#if defined(__GNUC__)
#define CUR_OPAQUE(x)	__asm__("" : "+r"(x))
#else
#define CUR_OPAQUE(x)	((void)0)
#endif

static inline void
cur_set(struct cursor *dst, const struct cursor *src)
{
	size_t len = src->len;

	CUR_OPAQUE(len);
	dst->p = src->p;
	dst->len = len;
	dst->off = src->off;
	dst->err = src->err;
}

static inline struct cursor
cur_init(const uint8_t *p, size_t len)
{
	struct cursor c;

	c.p = p;
	c.len = p == NULL ? 0 : len;
	c.off = 0;
	c.err = false;
	return c;
}

static inline size_t
cur_left(const struct cursor *c)
{
	return c->len - c->off;
}

static inline bool
cur_ok(const struct cursor *c)
{
	return !c->err;
}

/* Reserve n bytes; on failure mark err and consume everything. */
static inline const uint8_t *
cur_take(struct cursor *c, size_t n)
{
	const uint8_t *q;

	if (c->err || n > c->len - c->off) {
		c->err = true;
		c->off = c->len;
		return NULL;
	}
	if (c->p == NULL) {
		/* An empty window: zero bytes are there, with no address. */
		static const uint8_t cur_empty[1];

		return cur_empty;
	}
	q = c->p + c->off;
	c->off += n;
	return q;
}

static inline uint8_t
cur_u8(struct cursor *c)
{
	const uint8_t *q = cur_take(c, 1);

	return q == NULL ? 0 : q[0];
}

static inline uint16_t
cur_be16(struct cursor *c)
{
	const uint8_t *q = cur_take(c, 2);

	if (q == NULL)
		return 0;
	return (uint16_t)((unsigned)q[0] << 8 | q[1]);
}

static inline uint32_t
cur_be24(struct cursor *c)
{
	const uint8_t *q = cur_take(c, 3);

	if (q == NULL)
		return 0;
	return (uint32_t)q[0] << 16 | (uint32_t)q[1] << 8 | q[2];
}

static inline uint32_t
cur_be32(struct cursor *c)
{
	const uint8_t *q = cur_take(c, 4);

	if (q == NULL)
		return 0;
	return (uint32_t)q[0] << 24 | (uint32_t)q[1] << 16 |
	    (uint32_t)q[2] << 8 | q[3];
}

static inline uint64_t
cur_be64(struct cursor *c)
{
	uint64_t hi = cur_be32(c);
	uint64_t lo = cur_be32(c);

	return c->err ? 0 : (hi << 32 | lo);
}

static inline uint16_t
cur_le16(struct cursor *c)
{
	const uint8_t *q = cur_take(c, 2);

	if (q == NULL)
		return 0;
	return (uint16_t)((unsigned)q[1] << 8 | q[0]);
}

static inline uint32_t
cur_le32(struct cursor *c)
{
	const uint8_t *q = cur_take(c, 4);

	if (q == NULL)
		return 0;
	return (uint32_t)q[3] << 24 | (uint32_t)q[2] << 16 |
	    (uint32_t)q[1] << 8 | q[0];
}

static inline bool
cur_skip(struct cursor *c, size_t n)
{
	return cur_take(c, n) != NULL;
}

static inline bool
cur_bytes(struct cursor *c, size_t n, const uint8_t **out)
{
	const uint8_t *q = cur_take(c, n);

	*out = q;
	return q != NULL;
}

static inline bool
cur_copy(struct cursor *c, void *dst, size_t n)
{
	const uint8_t *q = cur_take(c, n);

	if (q == NULL) {
		memset(dst, 0, n);
		return false;
	}
	if (n > 0)
		memcpy(dst, q, n);
	return true;
}

/*
 * The next n bytes as a child cursor; the parent skips them.  When fewer than
 * n bytes remain, the parent's err is set and the child gets what remains
 * with its own err set, so a caller that only checks the child still sees it.
 * A child of a parent already in error is in error too (even for n = 0):
 * the error is sticky across sub-cursors.
 */
static inline struct cursor
cur_sub(struct cursor *c, size_t n)
{
	struct cursor s;
	size_t left = c->err ? 0 : c->len - c->off;

	if (!c->err && n <= left) {
		/* No arithmetic on a NULL window (empty cursor). */
		s = cur_init(c->p != NULL ? c->p + c->off : NULL, n);
		c->off += n;
		return s;
	}
	s = cur_init(left > 0 && c->p != NULL ? c->p + c->off : NULL, left);
	s.err = true;
	c->off = c->len;
	c->err = true;
	return s;
}

/* Everything that remains, as a child; the parent is left at its end. */
static inline struct cursor
cur_rest(struct cursor *c)
{
	return cur_sub(c, c->err ? 0 : c->len - c->off);
}

/* Look at the byte at offset off from the read position without reading. */
static inline uint8_t
cur_peek_u8(const struct cursor *c, size_t off, bool *ok)
{
	if (c->err || off >= c->len - c->off) {
		if (ok != NULL)
			*ok = false;
		return 0;
	}
	if (ok != NULL)
		*ok = true;
	return c->p[c->off + off];
}

/* Pointer to the read position (for handing the rest to another reader). */
static inline const uint8_t *
cur_ptr(const struct cursor *c)
{
	return c->p == NULL ? NULL : c->p + c->off;
}

#endif
