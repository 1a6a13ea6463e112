/*
 * policy.c - the audit's policy; see policy.h, and doc/audit.md for the
 * file format and the defaults' sources.
 */
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "audit/policy.h"
#include "dissectors/isakmp_names.h"

/* Policy files are small: a larger one is an error, not a read. */
#define POL_FILE_MAX	(1024 * 1024)

static const struct {
	const char	*name;		/* the keyword in a policy file */
	enum isakmp_reg	 reg;
} pol_classes[POL__CLASSES] = {
	[POL_IKE_ENC] = { "ike_encryption", REG_OAKLEY_ENC },
	[POL_IKE_HASH] = { "ike_hash", REG_OAKLEY_HASH },
	[POL_DH_GROUP] = { "dh_group", REG_OAKLEY_GROUP },
	[POL_ESP_ENC] = { "esp_encryption", REG_XFORM_ESP },
	[POL_ESP_AUTH] = { "esp_integrity", REG_IPSEC_AUTH },
};

/* The defaults (doc/audit.md gives the RFC 8247 / RFC 8221 reasons). */
static const struct {
	enum pol_class	 cls;
	unsigned	 value;
	enum fi_severity sev;
} pol_defaults[] = {
	/* IKE encryption: DES broken; 3DES and the 64-bit block ciphers */
	{ POL_IKE_ENC, 1, FI_HIGH },		/* DES-CBC */
	{ POL_IKE_ENC, 2, FI_MEDIUM },		/* IDEA-CBC */
	{ POL_IKE_ENC, 3, FI_MEDIUM },		/* Blowfish-CBC */
	{ POL_IKE_ENC, 4, FI_MEDIUM },		/* RC5-R16-B64-CBC */
	{ POL_IKE_ENC, 5, FI_MEDIUM },		/* 3DES-CBC */
	{ POL_IKE_ENC, 6, FI_MEDIUM },		/* CAST-CBC */
	/* IKE hash */
	{ POL_IKE_HASH, 1, FI_MEDIUM },		/* MD5 */
	{ POL_IKE_HASH, 2, FI_LOW },		/* SHA-1 */
	{ POL_IKE_HASH, 3, FI_MEDIUM },		/* Tiger */
	/* Diffie-Hellman groups */
	{ POL_DH_GROUP, 1, FI_HIGH },		/* 768-bit MODP */
	{ POL_DH_GROUP, 2, FI_MEDIUM },		/* 1024-bit MODP */
	{ POL_DH_GROUP, 3, FI_HIGH },		/* EC2N 155 */
	{ POL_DH_GROUP, 4, FI_HIGH },		/* EC2N 185 */
	{ POL_DH_GROUP, 5, FI_MEDIUM },		/* 1536-bit MODP */
	{ POL_DH_GROUP, 14, FI_LOW },		/* 2048-bit MODP */
	{ POL_DH_GROUP, 22, FI_MEDIUM },	/* 1024-bit, 160-bit subgroup */
	{ POL_DH_GROUP, 23, FI_MEDIUM },	/* 2048-bit, 224-bit subgroup */
	{ POL_DH_GROUP, 24, FI_MEDIUM },	/* 2048-bit, 256-bit subgroup */
	{ POL_DH_GROUP, 25, FI_MEDIUM },	/* 192-bit ECP */
	/* ESP encryption */
	{ POL_ESP_ENC, 1, FI_HIGH },		/* DES-IV64 */
	{ POL_ESP_ENC, 2, FI_HIGH },		/* DES */
	{ POL_ESP_ENC, 3, FI_MEDIUM },		/* 3DES */
	{ POL_ESP_ENC, 4, FI_MEDIUM },		/* RC5 */
	{ POL_ESP_ENC, 5, FI_MEDIUM },		/* IDEA */
	{ POL_ESP_ENC, 6, FI_MEDIUM },		/* CAST */
	{ POL_ESP_ENC, 7, FI_MEDIUM },		/* Blowfish */
	{ POL_ESP_ENC, 8, FI_MEDIUM },		/* 3IDEA */
	{ POL_ESP_ENC, 9, FI_HIGH },		/* DES-IV32 */
	{ POL_ESP_ENC, 10, FI_HIGH },		/* RC4 */
	{ POL_ESP_ENC, 11, FI_MEDIUM },		/* NULL: no confidentiality */
	/* ESP integrity */
	{ POL_ESP_AUTH, 1, FI_MEDIUM },		/* HMAC-MD5 */
	{ POL_ESP_AUTH, 3, FI_HIGH },		/* DES-MAC */
	{ POL_ESP_AUTH, 4, FI_HIGH },		/* KPDK */
};

#define POL_UNSET	0xff	/* a finding's severity as the table says */

const char *
pol_class_name(enum pol_class c)
{
	return c < POL__CLASSES ? pol_classes[c].name : "?";
}

void
pol_default(struct policy *p)
{
	size_t i;

	memset(p, 0, sizeof(*p));
	memset(p->rate, FI_OFF, sizeof(p->rate));
	for (i = 0; i < sizeof(pol_defaults) / sizeof(pol_defaults[0]); i++)
		p->rate[pol_defaults[i].cls][pol_defaults[i].value] =
		    (uint8_t)pol_defaults[i].sev;
	p->max_ike_life = 86400;
	p->max_esp_life = 28800;
	p->max_esp_life_kb = 0;
	for (i = 0; i < FI__COUNT; i++)
		p->sev[i] = POL_UNSET;
}

enum fi_severity
pol_rate(const struct policy *p, enum pol_class c, unsigned v)
{
	if (c >= POL__CLASSES || v >= POL_MAX_VALUE)
		return FI_OFF;
	return (enum fi_severity)p->rate[c][v];
}

/* A value of class c by number, JSON token or display name. */
static int
pol_value(enum pol_class c, const char *s, unsigned *out)
{
	enum isakmp_reg reg = pol_classes[c].reg;
	size_t i, n = isakmp_reg_count(reg);
	const char *t;
	char *end;
	unsigned long v;
	unsigned x;

	errno = 0;
	v = strtoul(s, &end, 0);
	if (isdigit((unsigned char)*s) && *end == '\0' && errno == 0) {
		if (v >= POL_MAX_VALUE)
			return -1;
		*out = (unsigned)v;
		return 0;
	}
	for (i = 0; i < n; i++) {
		if (!isakmp_reg_value(reg, i, &x))
			continue;
		if (((t = isakmp_token(reg, x)) != NULL &&
		    strcasecmp(t, s) == 0) || ((t = isakmp_name(reg, x)) !=
		    NULL && strcasecmp(t, s) == 0)) {
			if (x >= POL_MAX_VALUE)
				return -1;
			*out = x;
			return 0;
		}
	}
	return -1;
}

/* A number; with units, seconds with an optional s, m, h or d. */
static int
pol_number(const char *s, bool units, uint32_t *out)
{
	char *end;
	unsigned long long v;
	unsigned long long mul = 1;

	errno = 0;
	if (!isdigit((unsigned char)*s))
		return -1;
	v = strtoull(s, &end, 10);
	if (errno != 0)
		return -1;
	if (*end != '\0') {
		if (!units || end[1] != '\0')
			return -1;
		switch (*end) {
		case 's': mul = 1; break;
		case 'm': mul = 60; break;
		case 'h': mul = 3600; break;
		case 'd': mul = 86400; break;
		default: return -1;
		}
	}
	if (v > UINT32_MAX / mul)
		return -1;
	*out = (uint32_t)(v * mul);
	return 0;
}

static int	pol_err(char *, size_t, const char *, unsigned, const char *,
		    ...) __attribute__((format(printf, 5, 6)));

static int
pol_err(char *errbuf, size_t errlen, const char *name, unsigned line,
    const char *fmt, ...)
{
	char why[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(why, sizeof(why), fmt, ap);
	va_end(ap);
	snprintf(errbuf, errlen, "%s:%u: %s", name, line, why);
	return -1;
}

static int
pol_line(struct policy *p, char *w[4], int nw, const char *name,
    unsigned line, char *errbuf, size_t errlen)
{
	int c, sev, f;
	unsigned v;
	uint32_t *lim = NULL;

	for (c = 0; c < POL__CLASSES; c++)
		if (strcmp(w[0], pol_classes[c].name) == 0)
			break;
	if (c < POL__CLASSES) {
		if (nw != 3)
			return pol_err(errbuf, errlen, name, line,
			    "%s: expected \"%s VALUE SEVERITY\"", w[0], w[0]);
		if (pol_value((enum pol_class)c, w[1], &v) == -1)
			return pol_err(errbuf, errlen, name, line,
			    "%s: unknown value \"%s\" (a number, or a name "
			    "as doc/registries.md gives it)", w[0], w[1]);
		if ((sev = fi_severity_lookup(w[2], true)) == -1)
			return pol_err(errbuf, errlen, name, line,
			    "\"%s\": expected a severity (info, low, medium, "
			    "high or off)", w[2]);
		p->rate[c][v] = (uint8_t)sev;
		return 0;
	}
	if (strcmp(w[0], "max_ike_lifetime") == 0)
		lim = &p->max_ike_life;
	else if (strcmp(w[0], "max_esp_lifetime") == 0)
		lim = &p->max_esp_life;
	else if (strcmp(w[0], "max_esp_lifetime_kb") == 0)
		lim = &p->max_esp_life_kb;
	if (lim != NULL) {
		if (nw != 2 || pol_number(w[1], lim != &p->max_esp_life_kb,
		    lim) == -1)
			return pol_err(errbuf, errlen, name, line,
			    "%s: expected a number%s (0: no limit)", w[0],
			    lim == &p->max_esp_life_kb ? " of kilobytes" :
			    " of seconds, with s, m, h or d");
		return 0;
	}
	if (strcmp(w[0], "finding") == 0) {
		if (nw != 3)
			return pol_err(errbuf, errlen, name, line,
			    "expected \"finding ID SEVERITY\"");
		if ((f = fi_lookup(w[1])) == -1)
			return pol_err(errbuf, errlen, name, line,
			    "unknown finding id \"%s\" (doc/audit.md lists "
			    "them)", w[1]);
		if ((sev = fi_severity_lookup(w[2], true)) == -1)
			return pol_err(errbuf, errlen, name, line,
			    "\"%s\": expected a severity (info, low, medium, "
			    "high or off)", w[2]);
		p->sev[f] = (uint8_t)sev;
		return 0;
	}
	return pol_err(errbuf, errlen, name, line, "unknown setting \"%s\" "
	    "(doc/audit.md lists them)", w[0]);
}

int
pol_parse(struct policy *p, const char *text, size_t len, const char *name,
    char *errbuf, size_t errlen)
{
	char buf[512], *w[4], *s, *save;
	size_t i = 0, n;
	unsigned line = 0;
	int nw;

	while (i < len) {
		const char *nl = memchr(text + i, '\n', len - i);

		n = nl != NULL ? (size_t)(nl - (text + i)) : len - i;
		line++;
		if (n >= sizeof(buf))
			return pol_err(errbuf, errlen, name, line,
			    "line longer than %zu characters", sizeof(buf) - 1);
		memcpy(buf, text + i, n);
		buf[n] = '\0';
		i += n + 1;
		if ((s = strchr(buf, '#')) != NULL)
			*s = '\0';
		nw = 0;
		for (s = strtok_r(buf, " \t\r", &save); s != NULL;
		    s = strtok_r(NULL, " \t\r", &save)) {
			if (nw == 4)
				return pol_err(errbuf, errlen, name, line,
				    "too many words");
			w[nw++] = s;
		}
		if (nw == 0)
			continue;
		if (pol_line(p, w, nw, name, line, errbuf, errlen) == -1)
			return -1;
	}
	return 0;
}

int
pol_load(struct policy *p, const char *path, char *errbuf, size_t errlen)
{
	FILE *fp = fopen(path, "r");
	char *b;
	size_t n;
	int rc;

	if (fp == NULL) {
		snprintf(errbuf, errlen, "%s: %s", path, strerror(errno));
		return -1;
	}
	if ((b = malloc(POL_FILE_MAX + 1)) == NULL) {
		fclose(fp);
		snprintf(errbuf, errlen, "%s: out of memory", path);
		return -1;
	}
	n = fread(b, 1, POL_FILE_MAX + 1, fp);
	if (ferror(fp) || n > POL_FILE_MAX) {
		snprintf(errbuf, errlen, "%s: %s", path, ferror(fp) ?
		    "read error" : "larger than 1 MiB: not a policy file");
		fclose(fp);
		free(b);
		return -1;
	}
	fclose(fp);
	rc = pol_parse(p, b, n, path, errbuf, errlen);
	free(b);
	return rc;
}
