/*
 * crack_gen.c - candidates from a word list and/or a hashcat-style mask.
 */
#include <config.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "crack/crack_gen.h"

static const char cg_lower[] = "abcdefghijklmnopqrstuvwxyz";
static const char cg_upper[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
static const char cg_digit[] = "0123456789";
static const char cg_symbol[] = " !\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
static const char cg_all[] = "abcdefghijklmnopqrstuvwxyz"
    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
    " !\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

/* The positions of mask into g; -1 with err on a bad mask. */
static int
cg_parse_mask(struct cg *g, const char *mask, char *err, size_t errlen)
{
	const char *p;
	uint64_t count = 1;

	g->npos = 0;
	for (p = mask; *p != '\0'; p++) {
		const char *set;
		size_t n;

		if (g->npos == CG_MAXMASK) {
			snprintf(err, errlen, "mask: more than %d positions",
			    CG_MAXMASK);
			return -1;
		}
		if (*p != '?')
			set = p;		/* a literal: one character */
		else {
			switch (*++p) {
			case 'l': set = cg_lower; break;
			case 'u': set = cg_upper; break;
			case 'd': set = cg_digit; break;
			case 's': set = cg_symbol; break;
			case 'a': set = cg_all; break;
			case '?': set = "?"; break;
			case '\0':
				snprintf(err, errlen, "mask: '?' at the end "
				    "(?? is a literal '?')");
				return -1;
			default:
				snprintf(err, errlen, "mask: unknown charset "
				    "'?%c' (?l ?u ?d ?s ?a ?\?)", *p);
				return -1;
			}
		}
		n = set == p ? 1 : strlen(set);
		g->set[g->npos] = set;
		g->setlen[g->npos] = (uint8_t)n;
		if (count > UINT64_MAX / g->setlen[g->npos]) {
			snprintf(err, errlen, "mask: more than 2^64 "
			    "candidates");
			return -1;
		}
		count *= g->setlen[g->npos];
		g->npos++;
	}
	g->mask_count = count;
	return 0;
}

uint64_t
cg_mask_count(const char *mask)
{
	struct cg g;
	char err[128];

	memset(&g, 0, sizeof(g));
	return cg_parse_mask(&g, mask, err, sizeof(err)) == 0 ?
	    g.mask_count : 0;
}

int
cg_open(struct cg *g, const char *wordlist, const char *mask, char *err,
    size_t errlen)
{
	struct stat sb;

	memset(g, 0, sizeof(*g));
	g->mask_count = 1;
	if (wordlist == NULL && mask == NULL) {
		snprintf(err, errlen, "no word list and no mask");
		return -1;
	}
	if (mask != NULL && cg_parse_mask(g, mask, err, errlen) == -1)
		return -1;
	if (mask != NULL && wordlist == NULL && g->npos == 0) {
		snprintf(err, errlen, "mask: empty");
		return -1;
	}
	if (wordlist != NULL) {
		g->wl = strcmp(wordlist, "-") == 0 ? stdin :
		    fopen(wordlist, "rb");
		if (g->wl == NULL) {
			snprintf(err, errlen, "%s: %s", wordlist,
			    strerror(errno));
			return -1;
		}
		if (fstat(fileno(g->wl), &sb) == 0 && S_ISREG(sb.st_mode))
			g->wl_size = (uint64_t)sb.st_size;
		g->buf = malloc(CG_BUF);
		if (g->buf == NULL) {
			snprintf(err, errlen, "out of memory");
			cg_close(g);
			return -1;
		}
	}
	return 0;
}

void
cg_close(struct cg *g)
{
	if (g->wl != NULL && g->wl != stdin)
		fclose(g->wl);
	free(g->buf);
	g->wl = NULL;
	g->buf = NULL;
}

/* More of the list into the buffer; false at its end (or an error). */
static bool
cg_read(struct cg *g)
{
	size_t rem = g->blen - g->bpos, n;

	if (g->beof)
		return false;
	if (rem == CG_BUF) {		/* a line longer than the buffer */
		g->skipping = true;
		rem = 0;
	} else
		memmove(g->buf, g->buf + g->bpos, rem);
	g->bpos = 0;
	g->blen = rem;
	n = fread(g->buf + rem, 1, CG_BUF - rem, g->wl);
	if (n == 0) {
		if (ferror(g->wl))
			g->err = errno != 0 ? errno : EIO;
		g->beof = true;
	}
	g->blen += n;
	g->wl_pos += n;
	return n > 0;
}

/* The next usable word, in the buffer (valid until the next read);
 * false at the end of the list. */
static bool
cg_next_word(struct cg *g, const uint8_t **word, size_t *wlen)
{
	const uint8_t *line, *nl;
	size_t len;

	for (;;) {
		nl = memchr(g->buf + g->bpos, '\n', g->blen - g->bpos);
		if (nl == NULL && cg_read(g))
			continue;
		if (nl == NULL && g->bpos == g->blen)
			return false;
		line = g->buf + g->bpos;
		len = nl != NULL ? (size_t)(nl - line) : g->blen - g->bpos;
		g->bpos += len + (nl != NULL);
		if (g->skipping) {	/* the end of a line too long */
			g->skipping = false;
			g->words++;
			g->skipped++;
			continue;
		}
		if (len > 0 && line[len - 1] == '\r')
			len--;
		if (len == 0)
			continue;
		g->words++;
		if (len + g->npos > CG_MAXLEN) {
			g->skipped++;
			continue;
		}
		*word = line;
		*wlen = len;
		return true;
	}
}

/* A candidate of len bytes, zero after them up to CG_ZERO. */
static void
cg_put(struct cg_cand *c, const uint8_t *b, size_t len)
{
	memset(c->b, 0, CG_ZERO);
	memcpy(c->b, b, len);
	c->len = (uint8_t)len;
}

/* The word list alone: each word straight from the buffer. */
static size_t
cg_fill_words(struct cg *g, struct cg_cand *out, size_t max)
{
	const uint8_t *w;
	size_t n, len;

	for (n = 0; n < max; n++) {
		if (!cg_next_word(g, &w, &len)) {
			g->eof = true;
			break;
		}
		cg_put(&out[n], w, len);
	}
	g->emitted += n;
	return n;
}

size_t
cg_fill(struct cg *g, struct cg_cand *out, size_t max)
{
	const uint8_t *w;
	size_t n = 0, wlen;
	unsigned i, len;

	if (g->wl != NULL && g->npos == 0)
		return g->eof ? 0 : cg_fill_words(g, out, max);
	while (n < max && !g->eof) {
		if (!g->have) {
			/* the mask alone expands the empty word, once */
			if (g->wl == NULL ? g->mask_done > 0 :
			    !cg_next_word(g, &w, &wlen)) {
				g->eof = true;
				break;
			}
			if (g->wl != NULL) {
				memcpy(g->cur, w, wlen);
				g->wlen = (unsigned)wlen;
			}
			g->have = true;
			g->mask_done = 0;
			memset(g->idx, 0, sizeof(g->idx));
			for (i = 0; i < g->npos; i++)
				g->cur[g->wlen + i] = (uint8_t)g->set[i][0];
		}
		len = g->wlen + g->npos;
		cg_put(&out[n], g->cur, len);
		n++;
		if (++g->mask_done == g->mask_count) {
			g->have = false;
			continue;
		}
		/* odometer: the last position first */
		for (i = g->npos; i-- > 0;) {
			if (++g->idx[i] < g->setlen[i]) {
				g->cur[g->wlen + i] =
				    (uint8_t)g->set[i][g->idx[i]];
				break;
			}
			g->idx[i] = 0;
			g->cur[g->wlen + i] = (uint8_t)g->set[i][0];
		}
	}
	g->emitted += n;
	return n;
}
