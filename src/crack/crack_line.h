/*
 * crack_line.h - psk-crack's parameter lines (ike-scan --pskcrack), one
 * IKE Aggressive Mode exchange with a pre-shared key per line:
 *
 *   g_xr:g_xi:cky_r:cky_i:sai_b:idir_b:ni_b:nr_b:hash_r
 *
 * hex fields, payload bodies without their generic headers.  The length
 * of hash_r names the PRF: 16 bytes HMAC-MD5 and 20 HMAC-SHA-1 as in
 * psk-crack, and (our extension; the lengths never collide) 32, 48 and
 * 64 bytes HMAC-SHA-256, -384 and -512.  Empty lines and lines starting
 * with '#' are skipped; a trailing CR is ignored.
 */
#ifndef IKESCOPE_CRACK_LINE_H
#define IKESCOPE_CRACK_LINE_H

#include <stddef.h>
#include <stdint.h>

#include "crack/crack_kern.h"

#define CL_MAX_LINES	1024		/* lines per file */
#define CL_MAX_CHARS	16384		/* characters per line */
#define CL_MAX_KE	1024		/* g^x bytes (8192-bit MODP) */
#define CL_MAX_NONCE	256		/* RFC 2409 5: 8..256 bytes */

struct cl_line {
	enum ck_hash	 hash;
	unsigned	 lineno;
	uint8_t		 icookie[8], rcookie[8];
	uint8_t		*ninr;		/* Ni_b | Nr_b: SKEYID's message */
	size_t		 ninr_len;
	uint8_t		*m2;		/* g^xr|g^xi|CKY-R|CKY-I|SAi_b|IDir_b */
	size_t		 m2_len;
	uint8_t		 hash_r[64];
	size_t		 hash_len;
	size_t		 flen[9];	/* each field's bytes, for cl_format */
};

struct cl_set {
	struct cl_line	*v;
	size_t		 n;
};

/*
 * Parse one line (len bytes, no newline) into out, whose buffers the
 * caller frees with cl_line_free.  0, or -1 with err naming the field.
 */
int	cl_parse(const char *s, size_t len, struct cl_line *out, char *err,
	    size_t errlen);
void	cl_line_free(struct cl_line *);

/* Every line of a text / a file; err says name:line: field: problem. */
int	cl_load_text(struct cl_set *, const char *text, size_t len,
	    const char *name, char *err, size_t errlen);
int	cl_load_file(struct cl_set *, const char *path, char *err,
	    size_t errlen);
void	cl_set_free(struct cl_set *);

/* The line again, as psk-crack's format (lowercase hex); malloc'd. */
char	*cl_format(const struct cl_line *);

#endif
