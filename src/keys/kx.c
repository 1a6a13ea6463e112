/*
 * kx.c - key export: the key store as key files; see kx.h.
 */
#include <arpa/inet.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include <openssl/crypto.h>

#include "keys/espalg.h"
#include "keys/kx.h"

static const struct {
	const char	*name;
	enum kx_fmt	 f;
} kx_formats[] = {
	{ "wireshark-ike", KX_WIRESHARK_IKE },
	{ "wireshark-esp", KX_WIRESHARK_ESP },
	{ "tcpdump", KX_TCPDUMP },
	{ "ikescope", KX_IKESCOPE },
};

int
kx_parse_format(const char *s, enum kx_fmt *f)
{
	size_t i;

	for (i = 0; i < sizeof(kx_formats) / sizeof(kx_formats[0]); i++)
		if (strcmp(s, kx_formats[i].name) == 0) {
			*f = kx_formats[i].f;
			return 0;
		}
	return -1;
}

const char *
kx_format_list(void)
{
	return "wireshark-ike, wireshark-esp, tcpdump or ikescope";
}

static void
kx_hex(FILE *fp, const uint8_t *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		fprintf(fp, "%02x", v[i]);
}

/* ------------------------------------------------------------ addresses */

enum kx_style { KX_WS, KX_OURS };

/*
 * An address pattern as text: "*" for any, the address when exact,
 * "10.1.*.*" for whole-octet IPv4 prefixes in Wireshark's style, else
 * "addr/plen" (ours only).  Returns -1 if the style cannot express it.
 */
static int
kx_addr(const struct ks_addr *a, enum kx_style st, char *out, size_t n)
{
	char buf[INET6_ADDRSTRLEN];
	unsigned full = a->af == 6 ? 128 : 32;

	if (a->af == 0 || a->plen == 0) {
		snprintf(out, n, "*");
		return 0;
	}
	if (inet_ntop(a->af == 6 ? AF_INET6 : AF_INET, a->a, buf,
	    sizeof(buf)) == NULL)
		return -1;
	if (a->plen == full) {
		snprintf(out, n, "%s", buf);
		return 0;
	}
	if (st == KX_WS) {
		unsigned o, k = a->plen / 8;
		size_t used = 0;

		if (a->af != 4 || a->plen % 8 != 0)
			return -1;
		out[0] = '\0';
		for (o = 0; o < 4 && used < n; o++) {
			int w = o < k ? snprintf(out + used, n - used, "%s%u",
			    o ? "." : "", a->a[o]) : snprintf(out + used,
			    n - used, "%s*", o ? "." : "");

			if (w < 0)
				return -1;
			used += (size_t)w;
		}
		return used < n ? 0 : -1;
	}
	snprintf(out, n, "%s/%u", buf, a->plen);
	return 0;
}

/* SPI: "0x%08x", "*" or a hex prefix "0x12ab*". */
static void
kx_spi(const struct ks_esp_sa *sa, bool prefix_0x, char *out, size_t n)
{
	unsigned nd;

	if (sa->spi_mask == 0xffffffffU) {
		snprintf(out, n, "%s%08x", prefix_0x ? "0x" : "", sa->spi);
		return;
	}
	if (sa->spi_mask == 0) {
		snprintf(out, n, "*");
		return;
	}
	for (nd = 0; nd < 8 && (sa->spi_mask >> (28 - 4 * nd) & 0xf) == 0xf;
	    nd++)
		;
	snprintf(out, n, "0x%0*x*", (int)nd, nd == 0 ? 0 :
	    (unsigned)(sa->spi >> (32 - 4 * nd)));
}

static int
kx_sa_af(const struct ks_esp_sa *sa)
{
	return sa->dst.af != 0 ? sa->dst.af : sa->src.af;
}

/* ------------------------------------------------------------ Wireshark */

/* The SA's algorithms as tshark 4.0's esp_sa names them, or NULL. */
static const char *
kx_ws_enc(const struct ks_esp_sa *sa)
{
	const struct espalg_enc *r = espalg_enc(sa->enc, sa->icv_len);

	return r != NULL && r->ws40 && (r->ws_key == 0 ||
	    sa->enc_key_len == r->ws_key) ? r->wireshark : NULL;
}

static const char *
kx_ws_auth(const struct ks_esp_sa *sa)
{
	const struct espalg_auth *r = espalg_auth(sa->auth, sa->icv_len);

	return r != NULL && r->ws40 && (sa->auth != KS_AUTH_ANY ||
	    r->icv == sa->icv_len) ? r->wireshark : NULL;
}

static void
kx_ws_esp_line(FILE *fp, const struct ks_esp_sa *sa, int af,
    const char *src, const char *dst, const char *spi)
{
	fprintf(fp, "\"%s\",\"%s\",\"%s\",\"%s\",\"%s\",\"", af == 6 ? "IPv6" :
	    "IPv4", src, dst, spi, kx_ws_enc(sa));
	if (sa->enc_key_len != 0) {
		fputs("0x", fp);
		kx_hex(fp, sa->enc_key, sa->enc_key_len);
	}
	fprintf(fp, "\",\"%s\",\"", kx_ws_auth(sa));
	if (sa->auth != KS_AUTH_ANY && sa->auth_key_len != 0) {
		fputs("0x", fp);
		kx_hex(fp, sa->auth_key, sa->auth_key_len);
	}
	fputs("\"\n", fp);
}

static void
kx_ws_esp(FILE *fp, const struct ks_esp_sa *sa)
{
	char src[64], dst[64], spi[16];
	int af = kx_sa_af(sa);

	kx_spi(sa, true, spi, sizeof(spi));
	if (kx_ws_enc(sa) == NULL || kx_ws_auth(sa) == NULL) {
		fprintf(fp, "# SPI %s (%s): %s/%s is not in Wireshark 4.0's "
		    "esp_sa table\n", spi, sa->origin, ks_enc_name(sa->enc),
		    ks_auth_name(sa->auth));
		return;
	}
	if (kx_addr(&sa->src, KX_WS, src, sizeof(src)) == -1 ||
	    kx_addr(&sa->dst, KX_WS, dst, sizeof(dst)) == -1) {
		fprintf(fp, "# SPI %s (%s): an address prefix Wireshark "
		    "cannot express\n", spi, sa->origin);
		return;
	}
	if (sa->esn)
		fprintf(fp, "# SPI %s uses extended sequence numbers: "
		    "Wireshark 4.0's esp_sa has no field for them (newer "
		    "versions take \"64-bit\" and the high bits as two more)\n",
		    spi);
	if (af == 0) {		/* any family: one line for each */
		kx_ws_esp_line(fp, sa, 4, src, dst, spi);
		kx_ws_esp_line(fp, sa, 6, src, dst, spi);
	} else
		kx_ws_esp_line(fp, sa, af, src, dst, spi);
}

static void
kx_ws_ike(FILE *fp, const struct ks_ike *ik, const struct kx_hooks *h)
{
	uint8_t ka[KS_MAX_IKE_KEY];
	size_t n = 0;

	if (ik->enc_key.len != 0) {
		kx_hex(fp, ik->icookie, 8);
		fputc(',', fp);
		kx_hex(fp, ik->enc_key.v, ik->enc_key.len);
		fputc('\n', fp);
		return;
	}
	if (h != NULL && h->ka != NULL)
		n = h->ka(h->arg, ik->icookie, ka, sizeof(ka));
	if (n == 0 || n > sizeof(ka)) {
		fputs("# ", fp);
		kx_hex(fp, ik->icookie, 8);
		fprintf(fp, " (%s): encryption key Ka not known\n",
		    ik->origin);
		return;
	}
	kx_hex(fp, ik->icookie, 8);
	fputc(',', fp);
	kx_hex(fp, ka, n);
	fputc('\n', fp);
	OPENSSL_cleanse(ka, n);
}

/* ------------------------------------------------------------ tcpdump */

static void
kx_tcpdump(FILE *fp, const struct ks_esp_sa *sa)
{
	char spi[16], dst[64], alg[32];
	const struct espalg_enc *r = espalg_enc(sa->enc, sa->icv_len);
	bool exact = sa->spi_mask == 0xffffffffU && sa->dst.af != 0 &&
	    sa->dst.plen == (sa->dst.af == 6 ? 128 : 32);
	bool all = sa->spi_mask == 0 && (sa->dst.af == 0 ||
	    sa->dst.plen == 0) && (sa->src.af == 0 || sa->src.plen == 0);

	kx_spi(sa, true, spi, sizeof(spi));
	if (r != NULL && r->tcpdump != NULL)
		espalg_fmt(r->tcpdump, sa->enc_key_len, alg, sizeof(alg));
	if (r == NULL || r->tcpdump == NULL ||
	    (sa->icv_len != 0 && sa->icv_len != 12)) {
		fprintf(fp, "# SPI %s (%s): tcpdump cannot decrypt %s/%s\n",
		    spi, sa->origin, ks_enc_name(sa->enc),
		    ks_auth_name(sa->auth));
		return;
	}
	if (!exact && !all) {
		fprintf(fp, "# SPI %s (%s): tcpdump takes an exact SPI and "
		    "destination, or neither\n", spi, sa->origin);
		return;
	}
	if (exact) {
		if (kx_addr(&sa->dst, KX_OURS, dst, sizeof(dst)) == -1)
			return;
		fprintf(fp, "%s@%s ", spi, dst);
	}
	fprintf(fp, "%s%s:0x", alg, sa->icv_len == 12 ? "-hmac96" : "");
	kx_hex(fp, sa->enc_key, sa->enc_key_len);
	fputc('\n', fp);
}

/* ------------------------------------------------------------ ours */

static void
kx_our_key(FILE *fp, const char *name, const uint8_t *v, size_t n)
{
	if (n == 0)
		return;
	fprintf(fp, " %s=", name);
	kx_hex(fp, v, n);
}

static void
kx_our_ike(FILE *fp, const struct ks_ike *ik)
{
	const struct ks_qm *q;

	fputs("ike icookie=", fp);
	kx_hex(fp, ik->icookie, 8);
	if (ik->has_rcookie)
		kx_our_key(fp, "rcookie", ik->rcookie, 8);
	kx_our_key(fp, "enc_key", ik->enc_key.v, ik->enc_key.len);
	kx_our_key(fp, "skeyid", ik->skeyid.v, ik->skeyid.len);
	kx_our_key(fp, "skeyid_d", ik->skeyid_d.v, ik->skeyid_d.len);
	kx_our_key(fp, "skeyid_a", ik->skeyid_a.v, ik->skeyid_a.len);
	kx_our_key(fp, "skeyid_e", ik->skeyid_e.v, ik->skeyid_e.len);
	kx_our_key(fp, "gxy", ik->gxy.v, ik->gxy.len);
	kx_our_key(fp, "psk_hex", ik->psk.v, ik->psk.len);
	kx_our_key(fp, "qm_gxy", ik->qm_gxy.v, ik->qm_gxy.len);
	fputc('\n', fp);
	for (q = ik->qm; q != NULL; q = q->next) {
		fputs("qm icookie=", fp);
		kx_hex(fp, ik->icookie, 8);
		fprintf(fp, " msgid=%08x", q->msgid);
		kx_our_key(fp, "gxy", q->gxy.v, q->gxy.len);
		fputc('\n', fp);
	}
}

static void
kx_our_esp(FILE *fp, const struct ks_esp_sa *sa)
{
	char spi[16], ad[64];
	const struct espalg_enc *e = espalg_enc(sa->enc, sa->icv_len);
	const struct espalg_auth *a = espalg_auth(sa->auth, sa->icv_len);

	kx_spi(sa, false, spi, sizeof(spi));
	if (kx_addr(&sa->dst, KX_OURS, ad, sizeof(ad)) == -1)
		return;
	fprintf(fp, "esp spi=%s dst=%s", spi, ad);
	if (sa->src.af != 0 && sa->src.plen != 0 &&
	    kx_addr(&sa->src, KX_OURS, ad, sizeof(ad)) == 0)
		fprintf(fp, " src=%s", ad);
	fprintf(fp, " enc=%s", e != NULL ? e->ours : "?");
	kx_our_key(fp, "enc_key", sa->enc_key, sa->enc_key_len);
	if (sa->auth != KS_AUTH_NONE)
		fprintf(fp, " auth=%s", a != NULL ? a->ours : "?");
	if (sa->auth != KS_AUTH_NONE && sa->auth != KS_AUTH_ANY)
		kx_our_key(fp, "auth_key", sa->auth_key, sa->auth_key_len);
	if (sa->esn)
		fputs(" esn=yes", fp);
	if (sa->esn && sa->esn_hi != 0)
		fprintf(fp, " esn_hi=%x", (unsigned)sa->esn_hi);
	fputc('\n', fp);
}

/* ------------------------------------------------------------ */

struct kx_esp_out {
	FILE		*fp;
	enum kx_fmt	 f;
};

static void
kx_esp(void *arg, const struct ks_esp_sa *sa)
{
	const struct kx_esp_out *o = arg;

	if (o->f == KX_WIRESHARK_ESP)
		kx_ws_esp(o->fp, sa);
	else if (o->f == KX_TCPDUMP)
		kx_tcpdump(o->fp, sa);
	else
		kx_our_esp(o->fp, sa);
}

int
kx_write(FILE *fp, const struct ks *k, enum kx_fmt f,
    const struct kx_hooks *h, char *errbuf, size_t errlen)
{
	struct kx_esp_out o = { fp, f };
	const struct ks_ike *ik;
	const struct ks_esp_sa *sa;

	if (f == KX_WIRESHARK_IKE || f == KX_WIRESHARK_ESP)
		fputs("# This file is automatically generated, DO NOT "
		    "MODIFY.\n", fp);
	fprintf(fp, "# ikescope keys --export %s: secret keys follow\n",
	    f == KX_WIRESHARK_IKE ? "wireshark-ike" : f == KX_WIRESHARK_ESP ?
	    "wireshark-esp" : f == KX_TCPDUMP ? "tcpdump" : "ikescope");
	if (f == KX_WIRESHARK_IKE || f == KX_IKESCOPE)
		for (ik = ks_ike_next(k, NULL); ik != NULL;
		    ik = ks_ike_next(k, ik)) {
			if (f == KX_WIRESHARK_IKE)
				kx_ws_ike(fp, ik, h);
			else
				kx_our_ike(fp, ik);
		}
	if (f != KX_WIRESHARK_IKE)
		for (sa = ks_esp_next(k, NULL); sa != NULL;
		    sa = ks_esp_next(k, sa))
			if (h == NULL || h->esp == NULL ||
			    !h->esp(h->esp_arg, sa, kx_esp, &o))
				kx_esp(&o, sa);
	if (fflush(fp) == EOF || ferror(fp)) {
		snprintf(errbuf, errlen, "write error exporting keys");
		return -1;
	}
	return 0;
}
