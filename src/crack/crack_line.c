/*
 * crack_line.c - psk-crack parameter lines: parsing with the field named
 * in every error, bounded (lines, characters, key exchange and nonce
 * sizes), and formatting back.
 */
#include <config.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "crack/crack_line.h"

static const char *const cl_field[9] = {
	"g_xr", "g_xi", "cky_r", "cky_i", "sai_b", "idir_b", "ni_b", "nr_b",
	"hash_r"
};

static int
cl_nibble(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Hex of s[0..len) into out (room for len / 2); problem in err. */
static int
cl_hex(const char *s, size_t len, uint8_t *out, char *err, size_t errlen)
{
	size_t i;
	int hi, lo;

	if (len == 0) {
		snprintf(err, errlen, "empty");
		return -1;
	}
	if (len % 2 != 0) {
		snprintf(err, errlen, "odd number of hex digits (%zu)", len);
		return -1;
	}
	for (i = 0; i < len; i += 2) {
		hi = cl_nibble(s[i]);
		lo = cl_nibble(s[i + 1]);
		if (hi < 0 || lo < 0) {
			snprintf(err, errlen, "not hex at character %zu",
			    i + 1 + (hi >= 0));
			return -1;
		}
		out[i / 2] = (uint8_t)(hi << 4 | lo);
	}
	return 0;
}

void
cl_line_free(struct cl_line *l)
{
	if (l->ninr != NULL)
		memset(l->ninr, 0, l->ninr_len);
	free(l->ninr);
	free(l->m2);
	l->ninr = l->m2 = NULL;
}

int
cl_parse(const char *s, size_t len, struct cl_line *out, char *err,
    size_t errlen)
{
	const char *f[9];
	size_t flen[9], n = 0, i, start = 0, off;
	uint8_t *buf = NULL;
	char why[96];

	memset(out, 0, sizeof(*out));
	for (i = 0; i <= len; i++) {
		if (i < len && s[i] != ':')
			continue;
		if (n == 9) {
			snprintf(err, errlen, "more than 9 fields");
			return -1;
		}
		f[n] = s + start;
		flen[n++] = i - start;
		start = i + 1;
	}
	if (n != 9) {
		snprintf(err, errlen, "%zu fields, expected 9 "
		    "(g_xr:g_xi:cky_r:cky_i:sai_b:idir_b:ni_b:nr_b:hash_r)", n);
		return -1;
	}
	buf = malloc(len / 2 + 1);
	if (buf == NULL) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	for (i = 0; i < 9; i++) {
		size_t bl = flen[i] / 2;

		if (cl_hex(f[i], flen[i], buf, why, sizeof(why)) == -1)
			goto bad;
		if (i <= 1 && bl > CL_MAX_KE) {
			snprintf(why, sizeof(why), "%zu bytes, at most %d",
			    bl, CL_MAX_KE);
			goto bad;
		}
		if ((i == 2 || i == 3) && bl != 8) {
			snprintf(why, sizeof(why), "%zu bytes, a cookie has 8",
			    bl);
			goto bad;
		}
		if ((i == 6 || i == 7) && bl > CL_MAX_NONCE) {
			snprintf(why, sizeof(why), "%zu bytes, at most %d",
			    bl, CL_MAX_NONCE);
			goto bad;
		}
		if (i == 8) {
			switch (bl) {
			case 16: out->hash = CK_MD5; break;
			case 20: out->hash = CK_SHA1; break;
			case 32: out->hash = CK_SHA256; break;
			case 48: out->hash = CK_SHA384; break;
			case 64: out->hash = CK_SHA512; break;
			default:
				snprintf(why, sizeof(why), "%zu bytes, not a "
				    "digest (16 MD5, 20 SHA-1, 32 SHA-256, 48 "
				    "SHA-384, 64 SHA-512)", bl);
				goto bad;
			}
			memcpy(out->hash_r, buf, bl);
			out->hash_len = bl;
		}
		if (i == 2)
			memcpy(out->rcookie, buf, 8);
		if (i == 3)
			memcpy(out->icookie, buf, 8);
		continue;
bad:
		snprintf(err, errlen, "field %zu (%s): %s", i + 1, cl_field[i],
		    why);
		free(buf);
		cl_line_free(out);
		return -1;
	}
	free(buf);
	for (i = 0; i < 9; i++)
		out->flen[i] = flen[i] / 2;
	out->m2_len = (flen[0] + flen[1] + flen[2] + flen[3] + flen[4] +
	    flen[5]) / 2;
	out->ninr_len = (flen[6] + flen[7]) / 2;
	out->m2 = malloc(out->m2_len);
	out->ninr = malloc(out->ninr_len);
	if (out->m2 == NULL || out->ninr == NULL) {
		cl_line_free(out);
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	/* the fields were checked above: these conversions succeed */
	for (i = 0, off = 0; i < 6; off += flen[i] / 2, i++)
		cl_hex(f[i], flen[i], out->m2 + off, why, sizeof(why));
	for (off = 0; i < 8; off += flen[i] / 2, i++)
		cl_hex(f[i], flen[i], out->ninr + off, why, sizeof(why));
	return 0;
}

void
cl_set_free(struct cl_set *set)
{
	size_t i;

	for (i = 0; i < set->n; i++)
		cl_line_free(&set->v[i]);
	free(set->v);
	set->v = NULL;
	set->n = 0;
}

int
cl_load_text(struct cl_set *set, const char *text, size_t len,
    const char *name, char *err, size_t errlen)
{
	size_t pos = 0, end, ll;
	unsigned lineno = 0;
	char why[256];
	struct cl_line *nv;

	memset(set, 0, sizeof(*set));
	while (pos < len) {
		const char *nl = memchr(text + pos, '\n', len - pos);

		end = nl != NULL ? (size_t)(nl - text) : len;
		ll = end - pos;
		lineno++;
		if (ll > 0 && text[pos + ll - 1] == '\r')
			ll--;
		if (ll == 0 || text[pos] == '#') {
			pos = end + 1;
			continue;
		}
		if (ll > CL_MAX_CHARS) {
			snprintf(err, errlen, "%s:%u: line longer than %d "
			    "characters", name, lineno, CL_MAX_CHARS);
			goto fail;
		}
		if (set->n == CL_MAX_LINES) {
			snprintf(err, errlen, "%s:%u: more than %d lines",
			    name, lineno, CL_MAX_LINES);
			goto fail;
		}
		if (set->n % 64 == 0) {
			nv = realloc(set->v, (set->n + 64) * sizeof(*nv));
			if (nv == NULL) {
				snprintf(err, errlen, "%s: out of memory",
				    name);
				goto fail;
			}
			set->v = nv;
		}
		if (cl_parse(text + pos, ll, &set->v[set->n], why,
		    sizeof(why)) == -1) {
			snprintf(err, errlen, "%s:%u: %s", name, lineno, why);
			goto fail;
		}
		set->v[set->n++].lineno = lineno;
		pos = end + 1;
	}
	if (set->n == 0) {
		snprintf(err, errlen, "%s: no psk-crack line", name);
		goto fail;
	}
	return 0;
fail:
	cl_set_free(set);
	return -1;
}

int
cl_load_file(struct cl_set *set, const char *path, char *err, size_t errlen)
{
	/* the largest file the caps allow, with CR LF */
	const size_t max = (size_t)CL_MAX_LINES * (CL_MAX_CHARS + 2);
	FILE *fp;
	char *text;
	size_t n;
	int rc;

	memset(set, 0, sizeof(*set));
	fp = fopen(path, "rb");
	if (fp == NULL) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return -1;
	}
	text = malloc(1u << 20);
	n = 0;
	if (text != NULL) {
		size_t cap = 1u << 20, r;
		char *t;

		while ((r = fread(text + n, 1, cap - n, fp)) > 0) {
			n += r;
			if (n < cap)
				continue;
			if (cap >= max)
				break;
			t = realloc(text, cap * 2);
			if (t == NULL) {
				free(text);
				text = NULL;
				break;
			}
			text = t;
			cap *= 2;
		}
	}
	if (text == NULL || ferror(fp)) {
		snprintf(err, errlen, "%s: %s", path, text == NULL ?
		    "out of memory" : strerror(errno));
		free(text);
		fclose(fp);
		return -1;
	}
	fclose(fp);
	if (n >= max) {
		snprintf(err, errlen, "%s: larger than %zu bytes (%d lines of "
		    "%d characters)", path, max, CL_MAX_LINES, CL_MAX_CHARS);
		free(text);
		return -1;
	}
	rc = cl_load_text(set, text, n, path, err, errlen);
	free(text);
	return rc;
}

static char *
cl_hexout(char *p, const uint8_t *b, size_t n)
{
	static const char hx[] = "0123456789abcdef";
	size_t i;

	for (i = 0; i < n; i++) {
		*p++ = hx[b[i] >> 4];
		*p++ = hx[b[i] & 15];
	}
	return p;
}

char *
cl_format(const struct cl_line *l)
{
	const uint8_t *b[2] = { l->m2, l->ninr };
	char *s, *p;
	size_t i, off = 0;

	s = malloc(2 * (l->m2_len + l->ninr_len + l->hash_len) + 9);
	if (s == NULL)
		return NULL;
	p = s;
	for (i = 0; i < 8; i++) {
		if (i == 6)
			off = 0;
		p = cl_hexout(p, b[i / 6] + off, l->flen[i]);
		off += l->flen[i];
		*p++ = ':';
	}
	p = cl_hexout(p, l->hash_r, l->hash_len);
	*p = '\0';
	return s;
}
