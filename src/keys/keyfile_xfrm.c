/*
 * keyfile_xfrm.c - ESP SAs from `ip xfrm state`; see keyfile_xfrm.h.
 *
 * The algorithm names are the Linux crypto API's (net/xfrm/xfrm_algo.c).
 * "auth" without "-trunc" (older iproute2, or an SA added that way) means
 * the kernel's default truncation: 96 bits for hmac(md5), hmac(sha1),
 * hmac(sha256) and xcbc(aes), half the digest for hmac(sha384) and
 * hmac(sha512).  The ESN flag is taken; the "seq-hi" of the anti-replay
 * context is not, as it is the state when the dump was taken (usually
 * after the capture), not where the capture begins.
 */
#include "config.h"

#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/crypto.h>

#include "keys/espalg.h"
#include "keys/keyfile_int.h"
#include "keys/keyfile_xfrm.h"

#define KFX_MAX_TOK	16

struct kfx {
	bool		 open;
	unsigned	 line;		/* of the "src ... dst ..." line */
	const char	*name;
	bool		 esp, have_spi, have_enc;
	size_t		 aead_icv;
	struct ks_esp_sa sa;
};

static int
kfx_err(char *errbuf, size_t errlen, const char *name, unsigned line,
    const char *msg, const char *arg)
{
	return kf_err_at(errbuf, errlen, name, line, "ip xfrm state", msg,
	    arg);
}

struct kfx *
kfx_new(void)
{
	return calloc(1, sizeof(struct kfx));
}

void
kfx_free(struct kfx *x)
{
	if (x == NULL)
		return;
	OPENSSL_cleanse(x, sizeof(*x));
	free(x);
}

bool
kfx_open(const struct kfx *x)
{
	return x != NULL && x->open;
}

/* Split s (copied into buf) at blanks; returns the token count. */
static int
kfx_split(const char *s, char *buf, size_t cap, char **t)
{
	char *p, *save = NULL;
	int n = 0;

	if (strlen(s) >= cap)
		return -1;
	strcpy(buf, s);
	for (p = strtok_r(buf, " \t", &save); p != NULL && n < KFX_MAX_TOK;
	    p = strtok_r(NULL, " \t", &save))
		t[n++] = p;
	return n;
}

/* "src A dst B", A and B addresses of one family, into sa. */
static bool
kfx_addrs(const char *s, struct ks_esp_sa *sa)
{
	char buf[128], *t[KFX_MAX_TOK];
	int n = kfx_split(s, buf, sizeof(buf), t);

	if (n != 4 || strcmp(t[0], "src") != 0 || strcmp(t[2], "dst") != 0 ||
	    strchr(t[1], '/') != NULL || strchr(t[3], '/') != NULL ||
	    strchr(t[1], '*') != NULL || strchr(t[3], '*') != NULL)
		return false;
	if (kf_addr(t[1], 0, &sa->src) == -1 ||
	    kf_addr(t[3], 0, &sa->dst) == -1)
		return false;
	return sa->src.af != 0 && sa->src.af == sa->dst.af;
}

bool
kfx_is_start(const char *s)
{
	struct ks_esp_sa sa;

	return strncmp(s, "src ", 4) == 0 && kfx_addrs(s, &sa);
}

int
kfx_end(struct kfx *x, struct ks *k, char *errbuf, size_t errlen)
{
	int rc = 0;

	if (x == NULL || !x->open)
		return 0;
	x->open = false;
	if (!x->esp)
		goto out;	/* AH, IPComp: no ESP keys */
	if (!x->have_spi)
		rc = kfx_err(errbuf, errlen, x->name, x->line, "an ESP SA "
		    "without its \"proto esp spi ...\" line", NULL);
	else if (!x->have_enc)
		rc = kfx_err(errbuf, errlen, x->name, x->line, "an ESP SA "
		    "without an \"enc\" or \"aead\" line", NULL);
	else
		rc = kf_store_esp(k, x->name, x->line, &x->sa, x->aead_icv,
		    errbuf, errlen);
out:
	OPENSSL_cleanse(&x->sa, sizeof(x->sa));
	return rc;
}

int
kfx_start(struct kfx *x, struct ks *k, const char *name, unsigned line,
    const char *s, char *errbuf, size_t errlen)
{
	if (kfx_end(x, k, errbuf, errlen) == -1)
		return -1;
	memset(x, 0, sizeof(*x));
	x->open = true;
	x->name = name;
	x->line = line;
	if (!kfx_addrs(s, &x->sa))
		return kfx_err(errbuf, errlen, name, line, "bad addresses", s);
	x->sa.spi_mask = 0xffffffffU;
	x->sa.esn_known = true;	/* the kernel's flags say */
	return 0;
}

/* ---------------------------------------------------------- algorithms */

/* The kernel's algorithm names are in the table (espalg.h). */

/* An ICV length in bits ("96"), or -1. */
static long
kfx_bits(const char *s)
{
	char *end;
	long v = strtol(s, &end, 10);

	return *s != '\0' && *end == '\0' && v >= 0 && v <= 512 ? v : -1;
}

/* The key after an algorithm ("0x..."; absent or "0x" for none). */
static int
kfx_key(int n, char **t, int i, uint8_t *out, size_t *len)
{
	long kl;

	if (i >= n || strcmp(t[i], "0x") == 0) {
		*len = 0;
		return 0;
	}
	if (strncmp(t[i], "0x", 2) != 0 ||
	    (kl = kf_key(t[i], out, KS_MAX_KEY, true)) < 0)
		return -1;
	*len = (size_t)kl;
	return 0;
}

/* The key after an "enc" or "aead" algorithm (AEAD: with the salt). */
static int
kfx_enc_key(struct kfx *x, unsigned line, int n, char **t, char *errbuf,
    size_t errlen)
{
	if (kfx_key(n, t, 2, x->sa.enc_key, &x->sa.enc_key_len) == -1)
		return kfx_err(errbuf, errlen, x->name, line, "bad "
		    "encryption key (0x + hex expected)", NULL);
	x->have_enc = true;
	return 0;
}

static int
kfx_enc_line(struct kfx *x, unsigned line, int n, char **t, char *errbuf,
    size_t errlen)
{
	const struct espalg_enc *e = n >= 2 ? espalg_enc_xfrm(t[1], 0) :
	    NULL;

	if (e == NULL)
		return kfx_err(errbuf, errlen, x->name, line, "unsupported "
		    "encryption algorithm", n >= 2 ? t[1] : "");
	x->sa.enc = e->id;
	return kfx_enc_key(x, line, n, t, errbuf, errlen);
}

/* "auth NAME KEY" (default truncation) or "auth-trunc NAME KEY BITS". */
static int
kfx_auth_line(struct kfx *x, unsigned line, int n, char **t, bool trunc,
    char *errbuf, size_t errlen)
{
	long bits = -1;
	const struct espalg_auth *a;

	if (trunc && (n < 4 || (bits = kfx_bits(t[n - 1])) < 0))
		return kfx_err(errbuf, errlen, x->name, line, "auth-trunc: "
		    "expected algorithm, key and ICV bits", NULL);
	a = n >= 2 ? espalg_auth_xfrm(t[1], trunc, (unsigned)bits) : NULL;
	if (a == NULL) {
		char what[96];

		if (trunc)
			snprintf(what, sizeof(what), "%s truncated to %ld "
			    "bits", t[1], bits);
		else
			snprintf(what, sizeof(what), "%s", n >= 2 ? t[1] : "");
		return kfx_err(errbuf, errlen, x->name, line, "unsupported "
		    "integrity algorithm", what);
	}
	x->sa.auth = a->id;
	if (kfx_key(n, t, 2, x->sa.auth_key, &x->sa.auth_key_len) == -1)
		return kfx_err(errbuf, errlen, x->name, line, "bad "
		    "integrity key (0x + hex expected)", NULL);
	return 0;
}

/* "aead NAME KEY BITS": the key ends with the 4-byte salt. */
static int
kfx_aead_line(struct kfx *x, unsigned line, int n, char **t, char *errbuf,
    size_t errlen)
{
	long bits = n >= 4 ? kfx_bits(t[n - 1]) : -1;
	const struct espalg_enc *e = n >= 2 && bits > 0 ?
	    espalg_enc_xfrm(t[1], (unsigned)bits) : NULL;

	if (e == NULL)
		return kfx_err(errbuf, errlen, x->name, line, "unsupported "
		    "AEAD algorithm or ICV length", n >= 2 ? t[1] : "");
	x->sa.enc = e->id;
	x->aead_icv = (size_t)bits / 8;
	return kfx_enc_key(x, line, n, t, errbuf, errlen);
}

/* "proto esp spi 0xc0b3b2d7 reqid 1 mode tunnel" */
static int
kfx_proto_line(struct kfx *x, unsigned line, int n, char **t, char *errbuf,
    size_t errlen)
{
	char *end;
	unsigned long v;

	if (n < 2)
		return kfx_err(errbuf, errlen, x->name, line, "proto without "
		    "a protocol", NULL);
	x->esp = strcmp(t[1], "esp") == 0;
	if (!x->esp)
		return 0;
	if (n < 4 || strcmp(t[2], "spi") != 0)
		return kfx_err(errbuf, errlen, x->name, line, "proto esp "
		    "without spi", NULL);
	v = strtoul(t[3], &end, 0);
	if (*end == '(' && end[strlen(end) - 1] == ')')
		end += strlen(end);	/* ip -s: "0x00000101(257)" */
	if (*t[3] == '-' || *end != '\0' || end == t[3] || v > 0xffffffffUL)
		return kfx_err(errbuf, errlen, x->name, line, "bad SPI",
		    t[3]);
	x->sa.spi = (uint32_t)v;
	x->have_spi = true;
	return 0;
}

/*
 * A word after "flag" that says ESN: "esn"; in an iproute2 too old to
 * name it, the state flags it did not name, in hex ("80"); with -s, the
 * whole mask, "(0xa0)".  XFRM_STATE_ESN is 0x80.
 */
static bool
kfx_flag_esn(const char *w)
{
	char *end;
	unsigned long v;
	bool paren = w[0] == '(';

	if (strcmp(w, "esn") == 0)
		return true;
	if (paren)
		w++;
	v = strtoul(w, &end, 16);
	if (end == w || *end != (paren ? ')' : '\0') ||
	    (paren && end[1] != '\0'))
		return false;
	return (v & 0x80) != 0;
}

int
kfx_line(struct kfx *x, unsigned line, const char *s, char *errbuf,
    size_t errlen)
{
	char buf[1024], *t[KFX_MAX_TOK];
	int n, i, rc = 0;

	n = kfx_split(s, buf, sizeof(buf), t);
	if (n <= 0)
		return n == 0 ? 0 : kfx_err(errbuf, errlen, x->name, line,
		    "line too long", NULL);
	if (strcmp(t[0], "proto") == 0)
		rc = kfx_proto_line(x, line, n, t, errbuf, errlen);
	else if (!x->esp)
		;	/* before "proto esp", or AH, IPComp: nothing to take */
	else if (strcmp(t[0], "enc") == 0)
		rc = kfx_enc_line(x, line, n, t, errbuf, errlen);
	else if (strcmp(t[0], "auth") == 0 || strcmp(t[0], "auth-trunc") == 0)
		rc = kfx_auth_line(x, line, n, t, t[0][4] == '-', errbuf,
		    errlen);
	else if (strcmp(t[0], "aead") == 0)
		rc = kfx_aead_line(x, line, n, t, errbuf, errlen);
	else {
		for (i = 0; i < n; i++)
			if (strcmp(t[i], "flag") == 0)
				break;
		for (i++; i < n; i++)
			if (kfx_flag_esn(t[i]))
				x->sa.esn = true;
	}
	OPENSSL_cleanse(buf, sizeof(buf));
	return rc;
}
