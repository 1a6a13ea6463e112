/*
 * fmt.h - printf-free formatting for the per-frame output paths: decimal
 * integers (plain or zero-filled to a width), lowercase hex of bytes and of
 * a 32-bit word, the text view's UTC time of day, and fixed-point
 * seconds.  Each writes into
 * the caller's buffer, which must have room for the stated maximum, and
 * returns the length written (no terminating NUL).  Each writes what the
 * printf format named beside it would (tests/unit/test_fmt compares them).
 */
#ifndef IKESCOPE_FMT_H
#define IKESCOPE_FMT_H

#include <stddef.h>
#include <stdint.h>

#define FMT_U64_MAX	20	/* digits of UINT64_MAX */
#define FMT_TOD_LEN	15	/* "hh:mm:ss.uuuuuu" */

/* "%0*llu" with w <= FMT_U64_MAX; writes max(digits, w) bytes */
size_t	fmt_u0(char *, uint64_t, int);
/* "%llu": at most FMT_U64_MAX bytes */
size_t	fmt_u64(char *, uint64_t);
/* "%08x": 8 bytes */
size_t	fmt_hex32(char *, uint32_t);
/* each byte as "%02x": 2 * n bytes */
size_t	fmt_hex(char *, const uint8_t *, size_t);
/*
 * The time of day (UTC) of a capture timestamp in seconds, to the
 * microsecond, rounded: "%02d:%02d:%02d.%06ld" of the values gmtime would
 * give: FMT_TOD_LEN bytes.
 */
size_t	fmt_tod(char *, double);
/*
 * "%.*f" with prec 0..3: at most FMT_FIX_LEN bytes.  Integer arithmetic
 * for 0 <= v < 1e7 away from a rounding tie (the fraction of v * 10^prec
 * within 1e-3 of one half); snprintf for the rest (negatives, -0, NaN,
 * large values, near ties), so the result is always printf's.
 */
#define FMT_FIX_LEN	330	/* DBL_MAX's 309 digits, '.', 3 decimals */
size_t	fmt_fix(char *, double, int);

#endif
