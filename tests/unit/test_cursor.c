/*
 * test_cursor.c - every cursor function: reads at each width (values and
 * byte order), overrun at each width, the sticky error, sub-cursors (in
 * range, past the end: parent and child err), zero-length windows,
 * cur_rest, cur_peek_u8, cur_copy, cur_bytes and cur_ptr.
 */
#include <stdint.h>
#include <string.h>

#include "check.h"
#include "dissectors/cursor.h"

static const uint8_t buf[] = {
	0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08,
	0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f, 0xf0
};

static void
test_reads(void)
{
	struct cursor c = cur_init(buf, sizeof(buf));

	CHECK_EQ_U(cur_left(&c), 16);
	CHECK(cur_ok(&c));
	CHECK_EQ_U(cur_u8(&c), 0x01);
	CHECK_EQ_U(cur_be16(&c), 0x0203);
	CHECK_EQ_U(cur_be24(&c), 0x040506);
	CHECK_EQ_U(cur_be32(&c), 0x0708090a);
	CHECK_EQ_U(cur_le16(&c), 0x0c0b);
	CHECK_EQ_U(cur_left(&c), 4);
	CHECK_EQ_U(cur_le32(&c), 0xf00f0e0du);
	CHECK_EQ_U(cur_left(&c), 0);
	CHECK(cur_ok(&c));

	c = cur_init(buf, sizeof(buf));
	CHECK_EQ_U(cur_be64(&c), 0x0102030405060708ull);
	CHECK_EQ_U(cur_be64(&c), 0x090a0b0c0d0e0ff0ull);
	CHECK(cur_ok(&c));
	CHECK_EQ_U(c.off, 16);
}

/* Read with reader i of the table in test_overrun_each_width. */
static uint64_t
read_width(struct cursor *c, size_t i)
{
	switch (i) {
	case 0: return cur_u8(c);
	case 1: return cur_be16(c);
	case 2: return cur_be24(c);
	case 3: return cur_be32(c);
	case 4: return cur_be64(c);
	case 5: return cur_le16(c);
	default: return cur_le32(c);
	}
}

/* A read of width w on a window of w - 1 bytes fails, yields 0, sets err,
 * leaves the cursor at its end, and every later read fails too. */
static void
test_overrun_each_width(void)
{
	static const size_t widths[] = { 1, 2, 3, 4, 8, 2, 4 };
	size_t i;

	for (i = 0; i < sizeof(widths) / sizeof(widths[0]); i++) {
		size_t w = widths[i];
		struct cursor c = cur_init(buf, w - 1);

		CHECK_EQ_U(read_width(&c, i), 0);
		CHECK(!cur_ok(&c));
		CHECK(c.err);
		CHECK_EQ_U(cur_left(&c), 0);
		CHECK(c.off <= c.len);

		/* exactly w bytes: succeeds */
		c = cur_init(buf, w);
		CHECK(read_width(&c, i) != 0);
		CHECK(cur_ok(&c));
		CHECK_EQ_U(cur_left(&c), 0);
	}
}

static void
test_sticky(void)
{
	struct cursor c = cur_init(buf, 3);
	const uint8_t *q = buf;
	uint8_t tmp[4];

	CHECK_EQ_U(cur_be32(&c), 0);	/* fails: 3 < 4 */
	CHECK(c.err);
	/* Nothing succeeds afterwards, even what would fit a fresh cursor. */
	CHECK_EQ_U(cur_u8(&c), 0);
	CHECK(!cur_skip(&c, 0));
	CHECK(!cur_bytes(&c, 0, &q));
	CHECK(q == NULL);
	memset(tmp, 0xaa, sizeof(tmp));
	CHECK(!cur_copy(&c, tmp, 1));
	CHECK_EQ_U(tmp[0], 0);		/* zero-filled on failure */
	CHECK(c.err);

	/* A failed read in the middle of a block: later reads give 0. */
	c = cur_init(buf, 5);
	CHECK_EQ_U(cur_be16(&c), 0x0102);
	CHECK_EQ_U(cur_be32(&c), 0);	/* 3 left */
	CHECK_EQ_U(cur_u8(&c), 0);	/* would have been 0x03 */
	CHECK(!cur_ok(&c));
}

static void
test_skip_bytes_copy(void)
{
	struct cursor c = cur_init(buf, sizeof(buf));
	const uint8_t *q = NULL;
	uint8_t tmp[4];

	CHECK(cur_skip(&c, 2));
	CHECK(cur_bytes(&c, 3, &q));
	CHECK(q == buf + 2);
	CHECK(cur_copy(&c, tmp, 4));
	CHECK_MEM(tmp, buf + 5, 4);
	CHECK(cur_ptr(&c) == buf + 9);
	CHECK(cur_skip(&c, 7));
	CHECK_EQ_U(cur_left(&c), 0);
	CHECK(cur_skip(&c, 0));		/* zero bytes at the end is fine */
	CHECK(cur_ok(&c));
	CHECK(!cur_skip(&c, 1));
	CHECK(c.err);

	/* A huge length does not wrap around. */
	c = cur_init(buf, sizeof(buf));
	cur_u8(&c);
	CHECK(!cur_skip(&c, SIZE_MAX));
	CHECK(c.err);
	CHECK_EQ_U(c.off, c.len);
	c = cur_init(buf, sizeof(buf));
	CHECK(!cur_bytes(&c, SIZE_MAX, &q));
	CHECK(q == NULL);
}

static void
test_sub(void)
{
	struct cursor c = cur_init(buf, sizeof(buf)), s, t;

	cur_u8(&c);
	s = cur_sub(&c, 4);
	CHECK(cur_ok(&s));
	CHECK(cur_ok(&c));
	CHECK_EQ_U(cur_left(&s), 4);
	CHECK_EQ_U(cur_left(&c), 11);
	CHECK_EQ_U(cur_be32(&s), 0x02030405);
	/* The child cannot read into its parent's next bytes. */
	CHECK_EQ_U(cur_u8(&s), 0);
	CHECK(s.err);
	CHECK(cur_ok(&c));		/* the child's error stays the child's */
	CHECK_EQ_U(cur_u8(&c), 0x06);

	/* Past the end: both parent and child err; the child has what was
	 * left; the parent is at its end. */
	c = cur_init(buf, sizeof(buf));
	cur_skip(&c, 12);
	s = cur_sub(&c, 5);
	CHECK(c.err);
	CHECK(s.err);
	CHECK_EQ_U(s.len, 4);
	CHECK_EQ_U(cur_left(&c), 0);
	CHECK_EQ_U(cur_u8(&s), 0);	/* sticky in the child too */

	/* Sub of an errored parent: empty and in error. */
	t = cur_sub(&c, 0);
	CHECK(t.err);
	CHECK_EQ_U(t.len, 0);

	/* Zero-length sub at the end of a good cursor is fine and empty. */
	c = cur_init(buf, 2);
	cur_be16(&c);
	s = cur_sub(&c, 0);
	CHECK(cur_ok(&s));
	CHECK(cur_ok(&c));
	CHECK_EQ_U(cur_left(&s), 0);
	CHECK_EQ_U(cur_u8(&s), 0);
	CHECK(s.err);
	CHECK(cur_ok(&c));

	/* Nested subs. */
	c = cur_init(buf, sizeof(buf));
	s = cur_sub(&c, 8);
	t = cur_sub(&s, 2);
	CHECK_EQ_U(cur_be16(&t), 0x0102);
	CHECK_EQ_U(cur_be16(&s), 0x0304);
	CHECK_EQ_U(cur_be16(&c), 0x090a);
}

static void
test_rest(void)
{
	struct cursor c = cur_init(buf, sizeof(buf)), r;

	cur_skip(&c, 10);
	r = cur_rest(&c);
	CHECK(cur_ok(&r));
	CHECK(cur_ok(&c));
	CHECK_EQ_U(cur_left(&r), 6);
	CHECK_EQ_U(cur_left(&c), 0);
	CHECK(cur_ptr(&r) == buf + 10);
	CHECK_EQ_U(cur_u8(&r), 0x0b);

	/* rest of an exhausted cursor: empty, no error */
	r = cur_rest(&c);
	CHECK(cur_ok(&r));
	CHECK_EQ_U(cur_left(&r), 0);

	/* rest of an errored cursor: empty and in error */
	c = cur_init(buf, 1);
	cur_be16(&c);
	r = cur_rest(&c);
	CHECK(r.err);
	CHECK_EQ_U(cur_left(&r), 0);
}

static void
test_peek(void)
{
	struct cursor c = cur_init(buf, 4);
	bool ok = false;

	cur_u8(&c);
	CHECK_EQ_U(cur_peek_u8(&c, 0, &ok), 0x02);
	CHECK(ok);
	CHECK_EQ_U(cur_peek_u8(&c, 2, &ok), 0x04);
	CHECK(ok);
	CHECK_EQ_U(cur_peek_u8(&c, 3, &ok), 0);	/* one past the end */
	CHECK(!ok);
	CHECK_EQ_U(cur_peek_u8(&c, SIZE_MAX, &ok), 0);
	CHECK(!ok);
	CHECK_EQ_U(cur_peek_u8(&c, 1, NULL), 0x03);	/* ok may be NULL */
	/* peeking never moves or breaks the cursor */
	CHECK_EQ_U(c.off, 1);
	CHECK(cur_ok(&c));

	c.err = true;
	CHECK_EQ_U(cur_peek_u8(&c, 0, &ok), 0);
	CHECK(!ok);
}

static void
test_zero_length(void)
{
	struct cursor c = cur_init(buf, 0), n = cur_init(NULL, 16);
	const uint8_t *q = buf;

	CHECK_EQ_U(cur_left(&c), 0);
	CHECK(cur_ok(&c));
	CHECK(cur_bytes(&c, 0, &q));
	CHECK(cur_ok(&c));
	CHECK_EQ_U(cur_u8(&c), 0);
	CHECK(c.err);

	/* A NULL window is empty whatever length it is given. */
	CHECK_EQ_U(cur_left(&n), 0);
	CHECK(cur_ptr(&n) == NULL);
	CHECK_EQ_U(cur_u8(&n), 0);
	CHECK(n.err);
}

/* An empty window with no address (cur_init(NULL, 0)): zero-length reads
 * and sub-cursors succeed without pointer arithmetic on NULL (found by
 * libFuzzer under UBSan); anything longer fails. */
static void
test_null_window(void)
{
	struct cursor c = cur_init(NULL, 0), s;
	const uint8_t *p = NULL;

	CHECK(cur_skip(&c, 0));
	CHECK(cur_bytes(&c, 0, &p) && p != NULL);
	s = cur_sub(&c, 0);
	CHECK(!s.err && cur_left(&s) == 0 && cur_ptr(&s) == NULL);
	s = cur_rest(&c);
	CHECK(!s.err && cur_left(&s) == 0);
	CHECK(cur_ok(&c));
	s = cur_sub(&c, 1);
	CHECK(s.err && c.err);
	c = cur_init(NULL, 0);
	CHECK(!cur_skip(&c, 1) && c.err);
}

/* cur_set copies every field: window, offset and the sticky error. */
static void
test_set(void)
{
	static const uint8_t b[6] = { 1, 2, 3, 4, 5, 6 };
	struct cursor c = cur_init(b, sizeof(b)), d = cur_init(NULL, 0);

	(void)cur_u8(&c);
	cur_set(&d, &c);
	CHECK(d.p == b && d.len == 6 && d.off == 1 && !d.err);
	CHECK_EQ_U(cur_u8(&d), 2);
	CHECK_EQ_U(c.off, 1);		/* the source is not moved */
	CHECK(!cur_skip(&c, 9) && c.err);
	cur_set(&d, &c);
	CHECK(d.err && d.off == c.off && cur_left(&d) == 0);
}

int
main(void)
{
	test_reads();
	test_set();
	test_overrun_each_width();
	test_sticky();
	test_skip_bytes_copy();
	test_sub();
	test_rest();
	test_peek();
	test_zero_length();
	test_null_window();
	return check_done("test_cursor");
}
