/*
 * keyfile.c - key file formats; see keyfile.h.
 */
#include <arpa/inet.h>
#include <ctype.h>
#include <errno.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/crypto.h>

#include "keys/espalg.h"
#include "keys/keyfile.h"
#include "keys/keyfile_charon.h"
#include "keys/keyfile_int.h"
#include "keys/keyfile_xfrm.h"

#define KF_MAX_FIELDS	12

/* Where the line being parsed came from, for messages. */
struct kf_loc {
	const char	*name;
	unsigned	 line;
};

int
kf_err_at(char *errbuf, size_t errlen, const char *name, unsigned line,
    const char *format, const char *msg, const char *arg)
{
	snprintf(errbuf, errlen, "%s:%u: %s%s%s%s%.60s%s", name, line,
	    format != NULL ? format : "", format != NULL ? ": " : "", msg,
	    arg != NULL ? " \"" : "", arg != NULL ? arg : "",
	    arg != NULL ? "\"" : "");
	return -1;
}

static int
kf_err(const struct kf_loc *l, char *errbuf, size_t errlen, const char *msg,
    const char *arg)
{
	return kf_err_at(errbuf, errlen, l->name, l->line, NULL, msg, arg);
}

/* "name:line", keeping the end of a long name (the line number shows). */
void
kf_origin_str(char *out, size_t n, const char *name, unsigned line)
{
	char num[16];
	size_t nl = strlen(name), room;

	snprintf(num, sizeof(num), ":%u", line);
	room = n > strlen(num) + 4 ? n - strlen(num) - 1 : 0;
	if (nl > room && room > 3)
		snprintf(out, n, "...%s%s", name + nl - (room - 3), num);
	else
		snprintf(out, n, "%s%s", name, num);
}

static void
kf_origin(const struct kf_loc *l, char *out, size_t n)
{
	kf_origin_str(out, n, l->name, l->line);
}

/* ------------------------------------------------------------ algorithms */

/*
 * Algorithms: the table (espalg.h) knows our and Wireshark's spellings;
 * these are Wireshark's that we know and do not support.
 */
static const char *const kf_unsupported[] = {
	"TWOFISH-CBC",
	"AES-GCM with IIV and 16 octet ICV [RFC4106 & RFC8750]",
	"ChaCha20 with Poly1305 and IIV [RFC7634 & RFC8750]",
};

static bool
kf_is_unsupported(const char *s)
{
	size_t i;

	for (i = 0; i < sizeof(kf_unsupported) / sizeof(kf_unsupported[0]);
	    i++)
		if (strcmp(kf_unsupported[i], s) == 0)
			return true;
	return false;
}

/*
 * Check the key lengths an SA needs; fill icv_len.  aead_icv: the AEAD
 * cipher's ICV (0: not AEAD); any_icv: the ICV of "ANY" integrity.
 */
static const char *
kf_check_sa(struct ks_esp_sa *sa, size_t aead_icv, size_t any_icv)
{
	const struct espalg_enc *e = espalg_enc(sa->enc, aead_icv);
	const struct espalg_auth *a;
	size_t k = sa->enc_key_len;

	if (e == NULL)
		return "unsupported encryption algorithm";
	if (k < e->salt || !espalg_key_ok(e, k - e->salt))
		return e->keyhint;
	if (aead_icv != 0) {
		if (sa->auth != KS_AUTH_NONE && sa->auth != KS_AUTH_ANY)
			return "an AEAD cipher takes no separate integrity "
			    "algorithm";
		sa->auth = KS_AUTH_NONE;
		sa->auth_key_len = 0;
		sa->icv_len = aead_icv;
		return NULL;
	}
	a = espalg_auth(sa->auth, any_icv);
	if (a == NULL)
		return "unsupported integrity algorithm";
	if (sa->auth == KS_AUTH_ANY)
		sa->auth_key_len = 0;
	else if (a->key != 0 && sa->auth_key_len != a->key)
		return a->keyhint;
	else if (sa->auth != KS_AUTH_NONE && sa->auth_key_len == 0)
		return "the integrity algorithm needs a key";
	sa->icv_len = a->icv;
	if (sa->enc == KS_ENC_NULL && sa->auth == KS_AUTH_NONE)
		return "NULL encryption without integrity protects nothing; "
		    "give an integrity algorithm (or \"ANY ... [no "
		    "checking]\")";
	return NULL;
}

/* Validate a parsed SA, note where it came from and store it. */
static int
kf_finish_sa(struct ks *k, const struct kf_loc *l, struct ks_esp_sa *sa,
    size_t aead_icv, size_t any_icv, char *errbuf, size_t errlen)
{
	const char *why = kf_check_sa(sa, aead_icv, any_icv);

	if (why != NULL)
		return kf_err(l, errbuf, errlen, why, NULL);
	kf_origin(l, sa->origin, sizeof(sa->origin));
	return ks_add_esp(k, sa, errbuf, errlen);
}

int
kf_store_esp(struct ks *k, const char *name, unsigned line,
    struct ks_esp_sa *sa, size_t aead_icv, char *errbuf, size_t errlen)
{
	struct kf_loc l = { name, line };

	return kf_finish_sa(k, &l, sa, aead_icv, 0, errbuf, errlen);
}

/* ------------------------------------------------------------ values */

int
kf_hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/*
 * A key: "0x" + hex (also bare hex when hex_only), else the text itself.
 * Hex may contain ':' or ' ' separators.  Returns the length or -1.
 */
long
kf_key(const char *s, uint8_t *out, size_t cap, bool hex_only)
{
	size_t n = 0;
	int hi = -1;

	if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
		s += 2;
	else if (!hex_only) {
		n = strlen(s);
		if (n > cap)
			return -1;
		memcpy(out, s, n);
		return (long)n;
	}
	for (; *s != '\0'; s++) {
		int v;

		if (*s == ':' || *s == ' ')
			continue;
		v = kf_hexval((unsigned char)*s);
		if (v < 0)
			return -1;
		if (hi < 0) {
			hi = v;
			continue;
		}
		if (n == cap)
			return -1;
		out[n++] = (uint8_t)(hi << 4 | v);
		hi = -1;
	}
	return hi >= 0 ? -1 : (long)n;
}

/*
 * An address pattern: "*", "a.b.c.d", "a.b.*" / "a.b.*.*" (whole octets),
 * "a.b.c.d/n", IPv6 "x::y" or "x::/n".  af_hint 4 or 6 (or 0) says what
 * "*" matches.
 */
int
kf_addr(const char *s, int af_hint, struct ks_addr *a)
{
	char buf[64], *slash;
	unsigned octets = 0;
	long plen = -1;

	memset(a, 0, sizeof(*a));
	if (strcmp(s, "*") == 0 || strcmp(s, "any") == 0) {
		a->af = af_hint;
		return 0;
	}
	if (strlen(s) >= sizeof(buf))
		return -1;
	strcpy(buf, s);
	slash = strchr(buf, '/');
	if (slash != NULL) {
		char *end;

		*slash++ = '\0';
		errno = 0;
		plen = strtol(slash, &end, 10);
		if (errno != 0 || *slash == '\0' || *end != '\0' || plen < 0)
			return -1;
	}
	if (inet_pton(AF_INET, buf, a->a) == 1) {
		a->af = 4;
		if (plen > 32)
			return -1;
		a->plen = plen < 0 ? 32 : (uint8_t)plen;
	} else if (inet_pton(AF_INET6, buf, a->a) == 1) {
		a->af = 6;
		if (plen > 128)
			return -1;
		a->plen = plen < 0 ? 128 : (uint8_t)plen;
	} else if (plen < 0 && strchr(buf, '*') != NULL &&
	    strchr(buf, ':') == NULL) {
		/* IPv4 with trailing "*" octets, Wireshark style. */
		char *p = buf, *tok;
		bool star = false;

		a->af = 4;
		while ((tok = strsep(&p, ".")) != NULL) {
			char *end;
			long v;

			if (octets == 4)
				return -1;
			if (strcmp(tok, "*") == 0) {
				star = true;
				octets++;
				continue;
			}
			if (star)
				return -1;
			errno = 0;
			v = strtol(tok, &end, 10);
			if (errno != 0 || *tok == '\0' || *end != '\0' ||
			    v < 0 || v > 255)
				return -1;
			a->a[octets++] = (uint8_t)v;
			a->plen = (uint8_t)(a->plen + 8);
		}
	} else
		return -1;
	if (af_hint != 0 && a->af != af_hint)
		return -1;
	return 0;
}

/* A 32-bit hex number, "0x" optional (an ESN high half). */
static int
kf_hex32(const char *s, uint32_t *v)
{
	size_t nd;

	if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
		s += 2;
	nd = strspn(s, "0123456789abcdefABCDEF");
	if (nd == 0 || nd > 8 || s[nd] != '\0')
		return -1;
	*v = (uint32_t)strtoul(s, NULL, 16);
	return 0;
}

/* SPI: "0x1234abcd", decimal, "*", or a hex prefix "0x1234*". */
static int
kf_spi(const char *s, uint32_t *spi, uint32_t *mask)
{
	char *end;
	unsigned long v;
	size_t nd;

	if (strcmp(s, "*") == 0) {
		*spi = 0;
		*mask = 0;
		return 0;
	}
	if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
		const char *h = s + 2;

		nd = strspn(h, "0123456789abcdefABCDEF");
		if (nd == 0 || nd > 8)
			return -1;
		if (h[nd] == '*' && h[nd + 1] == '\0') {
			v = strtoul(h, NULL, 16);
			*spi = (uint32_t)(v << (4 * (8 - nd)));
			*mask = nd == 8 ? 0xffffffffU :
			    ~(0xffffffffU >> (4 * nd));
			return 0;
		}
		if (h[nd] != '\0')
			return -1;
		*spi = (uint32_t)strtoul(h, NULL, 16);
		*mask = 0xffffffffU;
		return 0;
	}
	errno = 0;
	v = strtoul(s, &end, 10);
	if (errno != 0 || *s == '\0' || *end != '\0' || v > 0xffffffffUL ||
	    s[0] == '-')
		return -1;
	*spi = (uint32_t)v;
	*mask = 0xffffffffU;
	return 0;
}

/* ------------------------------------------------------------ Wireshark */

/*
 * Split a UAT line into fields.  Quoted fields end at an unescaped quote
 * (\\, \" and \xHH escapes); unquoted ones at ','.  Fields are written
 * into buf (NUL-separated).  Returns the field count or -1.
 */
static int
kf_uat_split(const char *s, char *buf, size_t cap, char **f, int maxf)
{
	size_t o = 0;
	int n = 0;

	for (;;) {
		if (n == maxf)
			return -1;
		f[n++] = buf + o;
		while (*s == ' ' || *s == '\t')
			s++;
		if (*s == '"') {
			s++;
			while (*s != '"') {
				int c = (unsigned char)*s;

				if (c == '\0')
					return -1;
				if (c == '\\') {
					s++;
					if (*s == 'x' && kf_hexval(s[1]) >= 0 &&
					    kf_hexval(s[2]) >= 0) {
						c = kf_hexval(s[1]) << 4 |
						    kf_hexval(s[2]);
						s += 2;
					} else if (*s == '\0')
						return -1;
					else
						c = (unsigned char)*s;
				}
				if (o + 1 >= cap)
					return -1;
				buf[o++] = (char)c;
				s++;
			}
			s++;
			while (*s == ' ' || *s == '\t')
				s++;
		} else {
			while (*s != ',' && *s != '\0') {
				if (o + 1 >= cap)
					return -1;
				buf[o++] = *s++;
			}
			while (o > 0 && (buf[o - 1] == ' ' ||
			    buf[o - 1] == '\t') && buf + o - 1 >= f[n - 1])
				o--;
		}
		if (o + 1 >= cap)
			return -1;
		buf[o++] = '\0';
		if (*s == '\0')
			return n;
		if (*s != ',')
			return -1;
		s++;
	}
}

/*
 * Newer Wireshark's last two esp_sa fields: "32-bit" or "64-bit" (ESN),
 * and the high half of the sequence number in hex, which Wireshark uses
 * for every packet and we as the starting point of the window (ignored,
 * as there, for a 32-bit SA).
 */
static int
kf_ws_sn(const struct kf_loc *l, const char *len, const char *upper,
    struct ks_esp_sa *sa, char *errbuf, size_t errlen)
{
	if (strcmp(len, "64-bit") == 0)
		sa->esn = true;
	else if (strcmp(len, "32-bit") != 0)
		return kf_err(l, errbuf, errlen, "esp_sa: SN length must be "
		    "\"32-bit\" or \"64-bit\"", len);
	if (kf_hex32(upper, &sa->esn_hi) == -1)
		return kf_err(l, errbuf, errlen, "esp_sa: bad ESN high bits "
		    "(up to 8 hex digits expected)", upper);
	if (!sa->esn)
		sa->esn_hi = 0;
	sa->esn_known = true;
	return 0;
}

static int
kf_esp_sa_line(struct ks *k, const struct kf_loc *l, const char *line,
    char *errbuf, size_t errlen)
{
	char buf[KF_MAX_LINE], *f[KF_MAX_FIELDS];
	struct ks_esp_sa sa;
	const struct espalg_enc *en;
	const struct espalg_auth *an;
	long kl;
	int nf, af, rc = -1;

	nf = kf_uat_split(line, buf, sizeof(buf), f, KF_MAX_FIELDS);
	if (nf != 8 && nf != 10)
		return kf_err(l, errbuf, errlen, "esp_sa: expected 8 quoted "
		    "fields (protocol, src, dst, SPI, encryption, key, "
		    "authentication, key), or 10 (then SN length and ESN high "
		    "bits, as Wireshark versions after 4.0 write)", NULL);
	memset(&sa, 0, sizeof(sa));
	if (strcmp(f[0], "IPv4") == 0)
		af = 4;
	else if (strcmp(f[0], "IPv6") == 0)
		af = 6;
	else if (strcmp(f[0], "Any") == 0 || strcmp(f[0], "*") == 0)
		af = 0;
	else {
		kf_err(l, errbuf, errlen, "esp_sa: unknown protocol", f[0]);
		goto out;
	}
	if (kf_addr(f[1], af, &sa.src) == -1) {
		kf_err(l, errbuf, errlen, "esp_sa: bad source address", f[1]);
		goto out;
	}
	if (kf_addr(f[2], af, &sa.dst) == -1) {
		kf_err(l, errbuf, errlen, "esp_sa: bad destination address",
		    f[2]);
		goto out;
	}
	if (kf_spi(f[3], &sa.spi, &sa.spi_mask) == -1) {
		kf_err(l, errbuf, errlen, "esp_sa: bad SPI", f[3]);
		goto out;
	}
	en = espalg_enc_name(f[4]);
	if (en == NULL) {
		kf_err(l, errbuf, errlen, !kf_is_unsupported(f[4]) ? "esp_sa: "
		    "unknown encryption algorithm" : "esp_sa: unsupported "
		    "encryption algorithm", f[4]);
		goto out;
	}
	an = espalg_auth_name(f[6]);
	if (an == NULL) {
		kf_err(l, errbuf, errlen, !kf_is_unsupported(f[6]) ? "esp_sa: "
		    "unknown authentication algorithm" : "esp_sa: unsupported "
		    "authentication algorithm", f[6]);
		goto out;
	}
	sa.enc = en->id;
	sa.auth = an->id;
	kl = kf_key(f[5], sa.enc_key, sizeof(sa.enc_key), false);
	if (kl < 0) {
		kf_err(l, errbuf, errlen, "esp_sa: bad encryption key", NULL);
		goto out;
	}
	sa.enc_key_len = (size_t)kl;
	kl = kf_key(f[7], sa.auth_key, sizeof(sa.auth_key), false);
	if (kl < 0) {
		kf_err(l, errbuf, errlen, "esp_sa: bad authentication key",
		    NULL);
		goto out;
	}
	sa.auth_key_len = (size_t)kl;
	if (nf == 10 && kf_ws_sn(l, f[8], f[9], &sa, errbuf, errlen) == -1)
		goto out;
	rc = kf_finish_sa(k, l, &sa, en->icv, an->icv, errbuf, errlen);
out:
	OPENSSL_cleanse(buf, sizeof(buf));
	OPENSSL_cleanse(&sa, sizeof(sa));
	return rc;
}

/* "<16 hex>,<hex>": Wireshark's ikev1_decryption_table. */
static bool
kf_is_ikev1_table(const char *s)
{
	return strspn(s, "0123456789abcdefABCDEF") == 16 && s[16] == ',' &&
	    strchr(s + 17, ',') == NULL;
}

static int
kf_ikev1_table_line(struct ks *k, const struct kf_loc *l, const char *s,
    char *errbuf, size_t errlen)
{
	struct ks_ike ik;
	char ck[17];
	long n;
	int rc;

	memset(&ik, 0, sizeof(ik));
	memcpy(ck, s, 16);
	ck[16] = '\0';
	if (kf_key(ck, ik.icookie, 8, true) != 8)
		return kf_err(l, errbuf, errlen, "ikev1_decryption_table: bad "
		    "initiator cookie", ck);
	n = kf_key(s + 17, ik.enc_key.v, sizeof(ik.enc_key.v), true);
	if (n <= 0) {
		OPENSSL_cleanse(&ik, sizeof(ik));
		return kf_err(l, errbuf, errlen, "ikev1_decryption_table: bad "
		    "key (hex expected)", NULL);
	}
	ik.enc_key.len = (size_t)n;
	kf_origin(l, ik.origin, sizeof(ik.origin));
	rc = ks_add_ike(k, &ik, errbuf, errlen);
	OPENSSL_cleanse(&ik, sizeof(ik));
	return rc;
}

/* ------------------------------------------------------------ tcpdump */

/*
 * tcpdump's algorithm names: an OpenSSL cipher name (des-cbc, 3des-cbc /
 * des-ede3-cbc, aes128-cbc, aes-256-cbc, ...) or "none", with an optional
 * "-hmac96" suffix meaning a 12-byte ICV that is not checked.
 */
static int
kf_tcpdump_algo(char *name, struct ks_esp_sa *sa, size_t *want_key)
{
	size_t n = strlen(name);
	static const char sfx[] = "-hmac96";
	const struct espalg_enc *e;

	*want_key = 0;
	if (n > sizeof(sfx) - 1 && strcmp(name + n - (sizeof(sfx) - 1), sfx) ==
	    0) {
		name[n - (sizeof(sfx) - 1)] = '\0';
		sa->auth = KS_AUTH_ANY;
	}
	e = espalg_enc_tcpdump(name, want_key);
	if (e == NULL)
		return -1;
	sa->enc = e->id;
	return 0;
}

static int
kf_tcpdump_line(struct ks *k, const struct kf_loc *l, const char *line,
    char *errbuf, size_t errlen)
{
	char buf[KF_MAX_LINE], *p, *sel = NULL, *dec, *colon;
	struct ks_esp_sa sa;
	size_t want;
	long kl;
	int rc = -1;

	if (strlen(line) >= sizeof(buf))
		return kf_err(l, errbuf, errlen, "line too long", NULL);
	strcpy(buf, line);
	memset(&sa, 0, sizeof(sa));
	p = buf;
	while (*p == ' ' || *p == '\t')
		p++;
	dec = p + strcspn(p, " \t");
	if (*dec != '\0') {
		sel = p;
		*dec++ = '\0';
		while (*dec == ' ' || *dec == '\t')
			dec++;
	} else
		dec = p;
	if (sel != NULL) {
		char *at = strchr(sel, '@');

		if (at == NULL) {
			kf_err(l, errbuf, errlen, "tcpdump secret: expected "
			    "SPI@address before the algorithm", sel);
			goto out;
		}
		*at++ = '\0';
		if (kf_spi(sel, &sa.spi, &sa.spi_mask) == -1 ||
		    sa.spi_mask != 0xffffffffU) {
			kf_err(l, errbuf, errlen, "tcpdump secret: bad SPI",
			    sel);
			goto out;
		}
		if (kf_addr(at, 0, &sa.dst) == -1 || sa.dst.af == 0) {
			kf_err(l, errbuf, errlen, "tcpdump secret: bad "
			    "address", at);
			goto out;
		}
		sa.src.af = sa.dst.af;
	} else {
		sa.spi_mask = 0;	/* applies to every ESP packet */
	}
	colon = strchr(dec, ':');
	if (colon == NULL) {
		kf_err(l, errbuf, errlen, "tcpdump secret: expected "
		    "algorithm:key", dec);
		goto out;
	}
	*colon++ = '\0';
	if (kf_tcpdump_algo(dec, &sa, &want) == -1) {
		kf_err(l, errbuf, errlen, "tcpdump secret: unsupported "
		    "algorithm", dec);
		goto out;
	}
	kl = kf_key(colon, sa.enc_key, sizeof(sa.enc_key), false);
	if (kl < 0) {
		kf_err(l, errbuf, errlen, "tcpdump secret: bad key", NULL);
		goto out;
	}
	sa.enc_key_len = (size_t)kl;
	if (want != 0 && sa.enc_key_len != want) {
		kf_err(l, errbuf, errlen, "tcpdump secret: key length does "
		    "not match the algorithm", dec);
		goto out;
	}
	rc = kf_finish_sa(k, l, &sa, 0, 12, errbuf, errlen);
out:
	OPENSSL_cleanse(buf, sizeof(buf));
	OPENSSL_cleanse(&sa, sizeof(sa));
	return rc;
}

/* ------------------------------------------------------------ ours */

/* Next "key=value" word; NULL at the end. */
static char *
kf_word(char **pp, char **val)
{
	char *p = *pp, *w, *eq;

	while (*p == ' ' || *p == '\t')
		p++;
	if (*p == '\0')
		return NULL;
	w = p;
	p += strcspn(p, " \t");
	if (*p != '\0')
		*p++ = '\0';
	*pp = p;
	eq = strchr(w, '=');
	if (eq == NULL) {
		*val = NULL;
		return w;
	}
	*eq = '\0';
	*val = eq + 1;
	return w;
}

static int
kf_our_esp(struct ks *k, const struct kf_loc *l, char *p, char *errbuf,
    size_t errlen)
{
	struct ks_esp_sa sa;
	const struct espalg_enc *en = NULL;
	const struct espalg_auth *an = NULL;
	char *w, *v;
	bool have_spi = false, have_dst = false, have_src = false;
	bool esn_no = false, have_hi = false;
	long kl;
	int rc = -1;

	memset(&sa, 0, sizeof(sa));
	while ((w = kf_word(&p, &v)) != NULL) {
		if (v == NULL) {
			kf_err(l, errbuf, errlen, "expected key=value", w);
			goto out;
		}
		if (strcmp(w, "spi") == 0) {
			char tmp[16];

			if (strncmp(v, "0x", 2) != 0 && strlen(v) <= 8 &&
			    strcmp(v, "*") != 0) {
				snprintf(tmp, sizeof(tmp), "0x%s", v);
				v = tmp;
			}
			if (kf_spi(v, &sa.spi, &sa.spi_mask) == -1) {
				kf_err(l, errbuf, errlen, "bad spi", v);
				goto out;
			}
			have_spi = true;
		} else if (strcmp(w, "dst") == 0) {
			if (kf_addr(v, 0, &sa.dst) == -1) {
				kf_err(l, errbuf, errlen, "bad dst", v);
				goto out;
			}
			have_dst = true;
		} else if (strcmp(w, "src") == 0) {
			if (kf_addr(v, 0, &sa.src) == -1) {
				kf_err(l, errbuf, errlen, "bad src", v);
				goto out;
			}
			have_src = true;
		} else if (strcmp(w, "enc") == 0) {
			en = espalg_enc_name(v);
			if (en == NULL) {
				kf_err(l, errbuf, errlen, "unknown or "
				    "unsupported enc", v);
				goto out;
			}
		} else if (strcmp(w, "auth") == 0) {
			an = espalg_auth_name(v);
			if (an == NULL) {
				kf_err(l, errbuf, errlen, "unknown or "
				    "unsupported auth", v);
				goto out;
			}
		} else if (strcmp(w, "enc_key") == 0) {
			kl = kf_key(v, sa.enc_key, sizeof(sa.enc_key), true);
			if (kl < 0) {
				kf_err(l, errbuf, errlen, "bad enc_key (hex "
				    "expected)", NULL);
				goto out;
			}
			sa.enc_key_len = (size_t)kl;
		} else if (strcmp(w, "auth_key") == 0) {
			kl = kf_key(v, sa.auth_key, sizeof(sa.auth_key), true);
			if (kl < 0) {
				kf_err(l, errbuf, errlen, "bad auth_key (hex "
				    "expected)", NULL);
				goto out;
			}
			sa.auth_key_len = (size_t)kl;
		} else if (strcmp(w, "esn") == 0) {
			if (strcmp(v, "yes") == 0)
				sa.esn = true;
			else if (strcmp(v, "no") == 0)
				esn_no = true;
			else {
				kf_err(l, errbuf, errlen, "esn: yes or no", v);
				goto out;
			}
		} else if (strcmp(w, "esn_hi") == 0) {
			if (kf_hex32(v, &sa.esn_hi) == -1) {
				kf_err(l, errbuf, errlen, "esn_hi: up to 8 hex "
				    "digits expected", v);
				goto out;
			}
			have_hi = true;
		} else {
			kf_err(l, errbuf, errlen, "unknown esp field", w);
			goto out;
		}
	}
	if (!have_spi || !have_dst || en == NULL) {
		kf_err(l, errbuf, errlen, "esp: spi=, dst= and enc= are "
		    "required", NULL);
		goto out;
	}
	if (esn_no && (sa.esn || have_hi)) {
		kf_err(l, errbuf, errlen, "esn=no contradicts esn=yes or "
		    "esn_hi=", NULL);
		goto out;
	}
	if (have_hi)
		sa.esn = true;	/* a high half means 64-bit numbers */
	sa.esn_known = sa.esn || esn_no;
	if (!have_src)
		sa.src.af = sa.dst.af;
	if (sa.src.af != 0 && sa.dst.af != 0 && sa.src.af != sa.dst.af) {
		kf_err(l, errbuf, errlen, "src and dst differ in family",
		    NULL);
		goto out;
	}
	sa.enc = en->id;
	sa.auth = an != NULL ? an->id : KS_AUTH_NONE;
	rc = kf_finish_sa(k, l, &sa, en->icv, an != NULL ? an->icv : 0,
	    errbuf, errlen);
out:
	OPENSSL_cleanse(&sa, sizeof(sa));
	return rc;
}

static int
kf_our_ike(struct ks *k, const struct kf_loc *l, char *p, char *errbuf,
    size_t errlen)
{
	static const struct {
		const char	*name;
		size_t		 off;
	} keys[] = {
		{ "enc_key", offsetof(struct ks_ike, enc_key) },
		{ "skeyid", offsetof(struct ks_ike, skeyid) },
		{ "skeyid_d", offsetof(struct ks_ike, skeyid_d) },
		{ "skeyid_a", offsetof(struct ks_ike, skeyid_a) },
		{ "skeyid_e", offsetof(struct ks_ike, skeyid_e) },
		{ "gxy", offsetof(struct ks_ike, gxy) },
		{ "psk", offsetof(struct ks_ike, psk) },
		{ "psk_hex", offsetof(struct ks_ike, psk) },
		{ "qm_gxy", offsetof(struct ks_ike, qm_gxy) },
	};
	struct ks_ike ik;
	char *w, *v;
	bool have_ck = false;
	size_t i;
	int rc = -1;

	memset(&ik, 0, sizeof(ik));
	while ((w = kf_word(&p, &v)) != NULL) {
		if (v == NULL) {
			kf_err(l, errbuf, errlen, "expected key=value", w);
			goto out;
		}
		if (strcmp(w, "icookie") == 0 || strcmp(w, "rcookie") == 0) {
			bool r = w[0] == 'r';

			if (kf_key(v, r ? ik.rcookie : ik.icookie, 8, true) !=
			    8) {
				kf_err(l, errbuf, errlen, "cookie: 16 hex "
				    "digits expected", v);
				goto out;
			}
			if (r)
				ik.has_rcookie = true;
			else
				have_ck = true;
			continue;
		}
		for (i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
			if (strcmp(w, keys[i].name) == 0)
				break;
		if (i == sizeof(keys) / sizeof(keys[0])) {
			kf_err(l, errbuf, errlen, "unknown ike field", w);
			goto out;
		}
		{
			struct ks_ike_key *kk = (struct ks_ike_key *)
			    (void *)((char *)&ik + keys[i].off);
			long kl = kf_key(v, kk->v, sizeof(kk->v),
			    strcmp(w, "psk") != 0);

			if (kl <= 0) {
				kf_err(l, errbuf, errlen, "bad value for", w);
				goto out;
			}
			kk->len = (size_t)kl;
		}
	}
	if (!have_ck) {
		kf_err(l, errbuf, errlen, "ike: icookie= is required", NULL);
		goto out;
	}
	kf_origin(l, ik.origin, sizeof(ik.origin));
	rc = ks_add_ike(k, &ik, errbuf, errlen);
out:
	OPENSSL_cleanse(&ik, sizeof(ik));
	return rc;
}

/* "qm icookie=<16 hex> msgid=<8 hex> gxy=<hex>": a Quick Mode's PFS g^xy. */
static int
kf_our_qm(struct ks *k, const struct kf_loc *l, char *p, char *errbuf,
    size_t errlen)
{
	struct ks_ike_key g;
	uint8_t ck[8];
	char *w, *v, org[96];
	bool have_ck = false, have_mid = false;
	uint32_t mid = 0;
	int rc = -1;

	memset(&g, 0, sizeof(g));
	while ((w = kf_word(&p, &v)) != NULL) {
		if (v == NULL) {
			kf_err(l, errbuf, errlen, "expected key=value", w);
			goto out;
		}
		if (strcmp(w, "icookie") == 0) {
			if (kf_key(v, ck, 8, true) != 8) {
				kf_err(l, errbuf, errlen, "cookie: 16 hex "
				    "digits expected", v);
				goto out;
			}
			have_ck = true;
		} else if (strcmp(w, "msgid") == 0) {
			uint8_t m[4];

			if (strlen(v) != 8 && !(strlen(v) == 10 &&
			    v[0] == '0' && v[1] == 'x')) {
				kf_err(l, errbuf, errlen, "msgid: 8 hex digits "
				    "expected", v);
				goto out;
			}
			if (kf_key(v, m, 4, true) != 4) {
				kf_err(l, errbuf, errlen, "msgid: 8 hex digits "
				    "expected", v);
				goto out;
			}
			mid = (uint32_t)m[0] << 24 | (uint32_t)m[1] << 16 |
			    (uint32_t)m[2] << 8 | m[3];
			have_mid = true;
		} else if (strcmp(w, "gxy") == 0) {
			long kl = kf_key(v, g.v, sizeof(g.v), true);

			if (kl <= 0) {
				kf_err(l, errbuf, errlen, "bad value for", w);
				goto out;
			}
			g.len = (size_t)kl;
		} else {
			kf_err(l, errbuf, errlen, "unknown qm field", w);
			goto out;
		}
	}
	if (!have_ck || !have_mid || g.len == 0) {
		kf_err(l, errbuf, errlen, "qm: icookie=, msgid= and gxy= are "
		    "required", NULL);
		goto out;
	}
	kf_origin(l, org, sizeof(org));
	rc = ks_add_qm_gxy(k, ck, mid, g.v, g.len, org, errbuf, errlen);
out:
	OPENSSL_cleanse(&g, sizeof(g));
	return rc;
}

/* ------------------------------------------------------------ dispatch */

/* The multi-line readers: NULL members are not accepted (-E). */
struct kf_readers {
	struct kfc	*cs;	/* charon log, made at its first line */
	struct kfx	*xs;	/* ip xfrm state, made at its first record */
};

/* An `ip xfrm state` line: a record's start, or one of its lines. */
static int
kf_xfrm(struct ks *k, const struct kf_loc *l, const char *s, bool start,
    struct kf_readers *r, char *errbuf, size_t errlen)
{
	if (!start)
		return kfx_line(r->xs, l->line, s, errbuf, errlen);
	if (r->xs == NULL && (r->xs = kfx_new()) == NULL)
		return kf_err(l, errbuf, errlen, "out of memory", NULL);
	return kfx_start(r->xs, k, l->name, l->line, s, errbuf, errlen);
}

/* One line; r NULL: only the one-line formats. */
static int
kf_line(struct ks *k, const struct kf_loc *l, char *s, struct kf_readers *r,
    char *errbuf, size_t errlen)
{
	bool indented = *s == ' ' || *s == '\t';
	size_t n;

	while (*s == ' ' || *s == '\t')
		s++;
	n = strlen(s);
	while (n > 0 && (s[n - 1] == '\r' || s[n - 1] == '\n' ||
	    s[n - 1] == ' ' || s[n - 1] == '\t'))
		s[--n] = '\0';
	if (n == 0 || s[0] == '#')
		return 0;
	if (r != NULL && kfx_is_start(s))
		return kf_xfrm(k, l, s, true, r, errbuf, errlen);
	if (r != NULL && kfx_open(r->xs)) {
		if (indented)
			return kf_xfrm(k, l, s, false, r, errbuf, errlen);
		if (kfx_end(r->xs, k, errbuf, errlen) == -1)
			return -1;
	}
	if (s[0] == '"')
		return kf_esp_sa_line(k, l, s, errbuf, errlen);
	if (strncmp(s, "esp ", 4) == 0)
		return kf_our_esp(k, l, s + 4, errbuf, errlen);
	if (strncmp(s, "ike ", 4) == 0)
		return kf_our_ike(k, l, s + 4, errbuf, errlen);
	if (strncmp(s, "qm ", 3) == 0)
		return kf_our_qm(k, l, s + 3, errbuf, errlen);
	if (kf_is_ikev1_table(s))
		return kf_ikev1_table_line(k, l, s, errbuf, errlen);
	if (strspn(s, "0123456789abcdefABCDEF") == 16 && s[16] == ',')
		return kf_err(l, errbuf, errlen, "this looks like Wireshark's "
		    "ikev2_decryption_table; IKEv2 is recognised but not "
		    "decrypted", NULL);
	if (kfc_is_line(s)) {
		if (r == NULL)
			return kf_err(l, errbuf, errlen, "this looks like a "
			    "strongSwan charon log; give it with -k", NULL);
		if (r->cs == NULL && (r->cs = kfc_new()) == NULL)
			return kf_err(l, errbuf, errlen, "out of memory",
			    NULL);
		return kfc_line(r->cs, k, l->name, l->line, s, errbuf,
		    errlen);
	}
	return kf_tcpdump_line(k, l, s, errbuf, errlen);
}

int
kf_load_text(struct ks *k, const char *text, size_t len, const char *name,
    char *errbuf, size_t errlen)
{
	char line[KF_MAX_LINE];
	struct kf_loc l = { name, 0 };
	struct kf_readers r = { NULL, NULL };
	size_t i = 0;
	int rc = 0;

	while (i < len && rc == 0) {
		size_t j = i;

		while (j < len && text[j] != '\n')
			j++;
		l.line++;
		if (j - i >= sizeof(line)) {
			rc = kf_err(&l, errbuf, errlen, "line too long", NULL);
			break;
		}
		memcpy(line, text + i, j - i);
		line[j - i] = '\0';
		if (memchr(line, '\0', j - i) != NULL)
			rc = kf_err(&l, errbuf, errlen, "NUL byte in a key "
			    "file", NULL);
		else
			rc = kf_line(k, &l, line, &r, errbuf, errlen);
		i = j + 1;
	}
	if (rc == 0)
		rc = kfx_end(r.xs, k, errbuf, errlen);
	if (rc == 0 && r.cs != NULL)
		rc = kfc_finish(r.cs, k, name, l.line, errbuf, errlen);
	kfc_free(r.cs);
	kfx_free(r.xs);
	OPENSSL_cleanse(line, sizeof(line));
	return rc;
}

int
kf_load_file(struct ks *k, const char *path, char *errbuf, size_t errlen)
{
	FILE *fp;
	char *buf;
	size_t n;
	int rc;

	fp = fopen(path, "r");
	if (fp == NULL) {
		snprintf(errbuf, errlen, "%s: %s", path, strerror(errno));
		return -1;
	}
	buf = malloc(KF_MAX_BYTES + 1);
	if (buf == NULL) {
		fclose(fp);
		snprintf(errbuf, errlen, "out of memory (key file)");
		return -1;
	}
	n = fread(buf, 1, KF_MAX_BYTES + 1, fp);
	if (ferror(fp)) {
		snprintf(errbuf, errlen, "%s: read error", path);
		rc = -1;
	} else if (n > KF_MAX_BYTES) {
		snprintf(errbuf, errlen, "%s: larger than %u bytes; not a key "
		    "file?", path, KF_MAX_BYTES);
		rc = -1;
	} else
		rc = kf_load_text(k, buf, n, path, errbuf, errlen);
	fclose(fp);
	OPENSSL_cleanse(buf, n < KF_MAX_BYTES ? n : KF_MAX_BYTES);
	free(buf);
	return rc;
}

int
kf_add_tcpdump_arg(struct ks *k, const char *arg, char *errbuf,
    size_t errlen)
{
	char line[KF_MAX_LINE];
	struct kf_loc l = { "-E", 0 };
	const char *p = arg;
	int rc = 0;

	if (strncmp(arg, "file ", 5) == 0)
		return kf_load_file(k, arg + 5, errbuf, errlen);
	while (rc == 0 && *p != '\0') {
		size_t n = strcspn(p, ",\n");

		l.line++;
		if (n >= sizeof(line))
			return kf_err(&l, errbuf, errlen, "secret too long",
			    NULL);
		memcpy(line, p, n);
		line[n] = '\0';
		rc = kf_line(k, &l, line, NULL, errbuf, errlen);
		p += n;
		if (*p != '\0')
			p++;
	}
	OPENSSL_cleanse(line, sizeof(line));
	return rc;
}
