/*
 * out_isakmp.c - presenters of decoded IKEv1 messages; see out_isakmp.h.
 *
 * Text and JSON share one walk over the SA structure (sa_walk with a small
 * visitor) and one renderer per value kind (ID data, Mode-Config values,
 * X.509 names), so both views always say the same thing.  X.509 and DN
 * rendering is done here with OpenSSL (bounded input, everything freed
 * before returning), not in the dissector.
 */
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include <openssl/asn1.h>
#include <openssl/bio.h>
#include <openssl/x509.h>

#include "capture/pkt.h"
#include "core/fmt.h"
#include "dissectors/isakmp_names.h"
#include "out/out_isakmp.h"
#include "dissectors/vendorid.h"

#define HEX_TEXT_MAX	32	/* bytes of hex in a text line before "..." */
#define STR_MAX		1024	/* rendered strings (sanitised, truncated) */

/* ------------------------------------------------------------ helpers */

/*
 * Wire bytes as printable text: printable ASCII as is, backslash doubled,
 * anything else as \xNN.  Truncated with "..." to fit; returns the length.
 */
size_t
out_isakmp_str(const uint8_t *p, size_t n, char *buf, size_t len)
{
	static const char hx[] = "0123456789abcdef";
	size_t i, o = 0;

	if (len == 0)
		return 0;
	for (i = 0; i < n; i++) {
		uint8_t c = p[i];
		size_t need = (c >= 0x20 && c < 0x7f) ? (c == '\\' ? 2 : 1) : 4;

		if (o + need + 4 > len) {
			if (o + 4 <= len) {
				memcpy(buf + o, "...", 3);
				o += 3;
			}
			break;
		}
		if (need == 1) {
			buf[o++] = (char)c;
		} else if (need == 2) {
			buf[o++] = '\\';
			buf[o++] = '\\';
		} else {
			buf[o++] = '\\';
			buf[o++] = 'x';
			buf[o++] = hx[c >> 4];
			buf[o++] = hx[c & 15];
		}
	}
	buf[o] = '\0';
	return o;
}

/* Lowercase hex of p into buf, "..." when it does not fit. */
static size_t
hex_str(const uint8_t *p, size_t n, char *buf, size_t len)
{
	static const char hx[] = "0123456789abcdef";
	size_t i, o = 0;

	if (len == 0)
		return 0;
	for (i = 0; i < n; i++) {
		if (o + 2 + 4 > len) {
			if (o + 4 <= len) {
				memcpy(buf + o, "...", 3);
				o += 3;
			}
			break;
		}
		buf[o++] = hx[p[i] >> 4];
		buf[o++] = hx[p[i] & 15];
	}
	buf[o] = '\0';
	return o;
}

/* Read a BIO's contents into buf (truncated, NUL-terminated). */
static void
bio_to_buf(BIO *b, char *buf, size_t len)
{
	int n = BIO_read(b, buf, (int)(len - 1));

	buf[n > 0 ? n : 0] = '\0';
}

#define DN_FLAGS	((XN_FLAG_SEP_CPLUS_SPC | XN_FLAG_FN_SN | \
	ASN1_STRFLGS_RFC2253) & ~ASN1_STRFLGS_ESC_MSB)

static bool
name_str(const X509_NAME *nm, char *buf, size_t len)
{
	BIO *b = BIO_new(BIO_s_mem());
	bool ok;

	if (b == NULL)
		return false;
	ok = X509_NAME_print_ex(b, nm, 0, DN_FLAGS) >= 0;
	if (ok)
		bio_to_buf(b, buf, len);
	BIO_free(b);
	return ok;
}

/* A DER-encoded Name (DER_ASN1_DN ID, CR authority) as readable text. */
bool
out_isakmp_dn(const uint8_t *der, size_t n, char *buf, size_t len)
{
	const unsigned char *p = der;
	X509_NAME *nm;
	bool ok;

	if (len == 0 || n == 0 || n > 65535)
		return false;
	nm = d2i_X509_NAME(NULL, &p, (long)n);
	if (nm == NULL)
		return false;
	ok = name_str(nm, buf, len);
	X509_NAME_free(nm);
	return ok;
}

/* An X.509 certificate's subject and issuer. */
bool
out_isakmp_x509(const uint8_t *der, size_t n, char *subj, size_t sl,
    char *iss, size_t il)
{
	const unsigned char *p = der;
	X509 *x;
	bool ok;

	if (sl == 0 || il == 0 || n == 0 || n > 65535)
		return false;
	x = d2i_X509(NULL, &p, (long)n);
	if (x == NULL)
		return false;
	ok = name_str(X509_get_subject_name(x), subj, sl) &&
	    name_str(X509_get_issuer_name(x), iss, il);
	X509_free(x);
	return ok;
}

/*
 * ID data (ID payload, NAT-OA) rendered by type: addresses, subnets,
 * ranges, names, DNs; anything else (or a wrong length) as hex.
 */
static size_t
id_render(uint8_t type, const uint8_t *d, size_t n, char *buf, size_t len,
    bool *as_hex)
{
	char a[PKT_ADDR_STRLEN], b[PKT_ADDR_STRLEN];
	int want = isakmp_id_fixed_len(type);
	int af = (type == ISAKMP_ID_IPV6_ADDR ||
	    type == ISAKMP_ID_IPV6_ADDR_SUBNET ||
	    type == ISAKMP_ID_IPV6_ADDR_RANGE) ? 6 : 4;
	size_t half = af == 6 ? 16 : 4;

	*as_hex = false;
	if (len == 0)
		return 0;
	if (want >= 0 && n == (size_t)want) {
		pkt_addr_str(af, d, a, sizeof(a));
		switch (type) {
		case ISAKMP_ID_IPV4_ADDR:
		case ISAKMP_ID_IPV6_ADDR:
			return (size_t)snprintf(buf, len, "%s", a);
		case ISAKMP_ID_IPV4_ADDR_SUBNET:
		case ISAKMP_ID_IPV6_ADDR_SUBNET:
			pkt_addr_str(af, d + half, b, sizeof(b));
			return (size_t)snprintf(buf, len, "%s/%s", a, b);
		default:
			pkt_addr_str(af, d + half, b, sizeof(b));
			return (size_t)snprintf(buf, len, "%s-%s", a, b);
		}
	}
	switch (type) {
	case ISAKMP_ID_FQDN:
	case ISAKMP_ID_USER_FQDN:
		return out_isakmp_str(d, n, buf, len);
	case ISAKMP_ID_DER_ASN1_DN:
		if (out_isakmp_dn(d, n, buf, len))
			return strlen(buf);
		break;
	default:
		break;
	}
	*as_hex = true;
	return hex_str(d, n, buf, len);
}

size_t
out_isakmp_id(uint8_t type, const uint8_t *d, size_t n, char *buf, size_t len)
{
	bool as_hex;

	return id_render(type, d, n, buf, len, &as_hex);
}

/*
 * ID data that out_isakmp_id shows as hex (a KEY_ID, a DER_ASN1_GN, a
 * value whose length does not fit its type) as text too, when every byte
 * is printable ASCII: group names such as "vpnclient".  Returns false
 * (and "") otherwise; the text is cut to fit len.
 */
bool
out_isakmp_id_text(uint8_t type, const uint8_t *d, size_t n, char *buf,
    size_t len)
{
	char tmp[256];
	bool as_hex;
	size_t i;

	if (len == 0)
		return false;
	buf[0] = '\0';
	(void)id_render(type, d, n, tmp, sizeof(tmp), &as_hex);
	if (!as_hex || n == 0)
		return false;
	for (i = 0; i < n; i++)
		if (d[i] < 0x20 || d[i] >= 0x7f)
			return false;
	snprintf(buf, len, "%.*s", n > INT_MAX ? INT_MAX : (int)n,
	    (const char *)d);
	return true;
}

/* ID data for a text line: rendered, then ("text") when printable. */
size_t
out_isakmp_id_show(uint8_t type, const uint8_t *d, size_t n, char *buf,
    size_t len)
{
	char t[128];
	size_t o = out_isakmp_id(type, d, n, buf, len);

	if (o < len && out_isakmp_id_text(type, d, n, t, sizeof(t)))
		o += (size_t)snprintf(buf + o, len - o, " (\"%s\")", t);
	return o < len ? o : len - 1;
}

/* isakmp_name_fmt, a known name copied without snprintf */
static const char *
name_fmt(enum isakmp_reg r, unsigned v, char *buf, size_t len)
{
	const char *s = isakmp_name(r, v);
	size_t n;

	if (s == NULL || len == 0)
		return isakmp_name_fmt(r, v, buf, len);
	n = strlen(s);
	if (n >= len)
		n = len - 1;
	memcpy(buf, s, n);
	buf[n] = '\0';
	return buf;
}

/* Payload display token: "SA", ..., or the number. */
static const char *
pl_short(uint8_t type, char *buf, size_t len)
{
	const char *s = isakmp_short(REG_PAYLOAD, type);

	if (s != NULL)
		return s;
	snprintf(buf, len, "PAYLOAD(%u)", type);
	return buf;
}

/* -------------------------------------------- Mode-Config values */

enum cfg_kind { CFG_RAW, CFG_IP4, CFG_IP4_SUBNET, CFG_IP6, CFG_IP6_PREFIX,
	CFG_STR, CFG_ATTR_LIST };

static enum cfg_kind
cfg_kind(uint16_t type)
{
	switch (type) {
	case 1: case 2: case 3: case 4: case 6: case 23456:
		return CFG_IP4;
	case 13:
		return CFG_IP4_SUBNET;
	case 10: case 11: case 12: case 23457:
		return CFG_IP6;
	case 8: case 15:
		return CFG_IP6_PREFIX;
	case 7: case 16387: case 16521: case 16522: case 16523: case 16524:
	case 16526: case 16528: case 16529:
	case 28672: case 28674: case 28675: case 28682:
		return CFG_STR;
	case 14:
		return CFG_ATTR_LIST;
	default:
		return CFG_RAW;
	}
}

/*
 * A variable Mode-Config value as text; false when it is best shown as
 * hex (unknown kind or a length that does not fit the kind).
 */
static bool
cfg_value_str(const struct isakmp_attr *a, char *buf, size_t len)
{
	char x[PKT_ADDR_STRLEN], y[PKT_ADDR_STRLEN];
	size_t i, o;

	switch (cfg_kind(a->type)) {
	case CFG_IP4:
		if (a->len != 4)
			return false;
		pkt_addr_str(4, a->val, buf, len);
		return true;
	case CFG_IP4_SUBNET:
		if (a->len != 8)
			return false;
		pkt_addr_str(4, a->val, x, sizeof(x));
		pkt_addr_str(4, a->val + 4, y, sizeof(y));
		snprintf(buf, len, "%s/%s", x, y);
		return true;
	case CFG_IP6:
		if (a->len != 16)
			return false;
		pkt_addr_str(6, a->val, buf, len);
		return true;
	case CFG_IP6_PREFIX:
		if (a->len != 17)
			return false;
		pkt_addr_str(6, a->val, x, sizeof(x));
		snprintf(buf, len, "%s/%u", x, a->val[16]);
		return true;
	case CFG_STR:
		out_isakmp_str(a->val, a->len, buf, len);
		return true;
	case CFG_ATTR_LIST:
		if (a->len % 2 != 0)
			return false;
		o = 0;
		buf[0] = '\0';
		for (i = 0; i + 1 < a->len && o + 1 < len; i += 2) {
			char nb[64];
			unsigned t = (unsigned)(a->val[i] << 8 | a->val[i + 1]);
			int w = snprintf(buf + o, len - o, "%s%s", i ? "," : "",
			    name_fmt(REG_CFG_ATTR, t & 0x7fff, nb,
			    sizeof(nb)));

			if (w < 0 || (size_t)w >= len - o)
				break;
			o += (size_t)w;
		}
		return true;
	case CFG_RAW:
		break;
	}
	return false;
}

/* ---------------------------------------------------- attribute view */

/* Everything a presenter says about one attribute. */
struct attr_view {
	char		 type_name[80];
	const char	*type_tok;	/* NULL if none */
	bool		 has_num;
	uint64_t	 num;
	bool		 has_vname;
	char		 vname[80];
	bool		 masked;	/* secret, not shown */
	bool		 has_str;
	char		 str[STR_MAX];
	bool		 show_hex;	/* variable value shown as hex */
};

static void
attr_view(enum isakmp_reg reg, const struct isakmp_attr *a, bool secrets,
    struct attr_view *v)
{
	enum isakmp_reg vreg = isakmp_attr_value_reg(reg, a->type);

	/* what the flags below leave unread is not cleared (1 kB) */
	v->has_num = v->has_vname = v->masked = v->has_str = false;
	v->show_hex = false;
	v->num = 0;
	v->vname[0] = v->str[0] = '\0';
	name_fmt(reg, a->type, v->type_name, sizeof(v->type_name));
	v->type_tok = isakmp_token(reg, a->type);
	if (reg == REG_CFG_ATTR && !a->basic && a->len > 0 &&
	    isakmp_cfg_attr_secret(a->type) && !secrets) {
		v->masked = true;
		return;
	}
	if (reg == REG_CFG_ATTR && !a->basic && a->len > 0 &&
	    cfg_value_str(a, v->str, sizeof(v->str))) {
		v->has_str = true;
		return;
	}
	if (a->num_ok) {
		v->has_num = true;
		v->num = a->num;
		if (vreg != REG__COUNT && a->num <= 0xffffffffu) {
			v->has_vname = true;
			name_fmt(vreg, (unsigned)a->num, v->vname,
			    sizeof(v->vname));
		}
	}
	if (!a->basic && (!a->num_ok || a->len > 4))
		v->show_hex = true;
}

/* --------------------------------------------------------- SA walk */

struct sa_visit {
	void	(*prop)(void *, const struct isakmp_prop *, bool);
	void	(*xform)(void *, const struct isakmp_prop *,
		    const struct isakmp_xform *, bool);
	void	(*attr)(void *, enum isakmp_reg, const struct isakmp_attr *);
	void	*arg;
};

/* Attributes of one list, within the cap; the validation saw the same. */
static void
attrs_walk(struct cursor c, enum isakmp_reg reg, const struct sa_visit *v)
{
	struct isakmp_iter it;
	struct isakmp_attr a;

	isakmp_iter_init(&it, c);
	while (it.n < ISAKMP_MAX_ATTRS && isakmp_attr_next(&it, &a) == 1)
		v->attr(v->arg, reg, &a);
}

static void
sa_walk(const struct isakmp_sa *sa, const struct sa_visit *v)
{
	struct isakmp_iter pi, ti;
	struct isakmp_prop p;
	struct isakmp_xform t;

	isakmp_iter_init(&pi, sa->props);
	while (pi.n < ISAKMP_MAX_PROPOSALS && isakmp_prop_next(&pi, &p) == 1) {
		v->prop(v->arg, &p, true);
		isakmp_iter_init(&ti, p.xforms);
		while (ti.n < ISAKMP_MAX_TRANSFORMS &&
		    isakmp_xform_next(&ti, &t) == 1) {
			v->xform(v->arg, &p, &t, true);
			attrs_walk(t.attrs, isakmp_attr_reg_for_proto(p.proto),
			    v);
			v->xform(v->arg, &p, &t, false);
		}
		v->prop(v->arg, &p, false);
	}
}

static enum isakmp_reg
xform_reg(uint8_t proto)
{
	switch (proto) {
	case ISAKMP_PROTO_ISAKMP:
		return REG_XFORM_ISAKMP;
	case ISAKMP_PROTO_AH:
		return REG_XFORM_AH;
	case ISAKMP_PROTO_ESP:
		return REG_XFORM_ESP;
	case ISAKMP_PROTO_IPCOMP:
		return REG_XFORM_IPCOMP;
	default:
		return REG__COUNT;
	}
}

/* Situation bits as "SIT_IDENTITY_ONLY|SIT_SECRECY" or the number. */
static void
sit_str(uint32_t doi, uint32_t sit, char *buf, size_t len)
{
	size_t o = 0;
	unsigned b;

	buf[0] = '\0';
	if (doi == ISAKMP_DOI_IPSEC && sit != 0 && (sit & ~7u) == 0) {
		/* the names joined by '|', as snprintf would, truncated */
		for (b = 1; b <= 4; b <<= 1)
			if (sit & b) {
				const char *n = isakmp_name(REG_SITUATION, b);
				size_t k;

				if (n == NULL)
					n = "(null)";	/* printf's %s */
				k = strlen(n);

				if (o > 0 && o + 1 < len)
					buf[o++] = '|';
				if (k > len - 1 - o)
					k = len - 1 - o;
				memcpy(buf + o, n, k);
				o += k;
				buf[o] = '\0';
			}
		return;
	}
	if (len > 10) {		/* "0x%08x" */
		memcpy(buf, "0x", 2);
		fmt_hex32(buf + 2, sit);
		buf[10] = '\0';
	} else
		snprintf(buf, len, "0x%08x", sit);
}

/* ------------------------------------------------------ short list */

size_t
out_isakmp_list(char *s, const struct isakmp_msg *m)
{
	char b[24];
	const char *t;
	size_t i, j, n = 0, len;

	for (i = 0; i < m->npayloads; i = j) {
		for (j = i + 1; j < m->npayloads &&
		    m->pl[j].type == m->pl[i].type; j++)
			;
		t = pl_short(m->pl[i].type, b, sizeof(b));
		len = strlen(t);
		s[n++] = ' ';
		memcpy(s + n, t, len);
		n += len;
		if (j - i > 1) {
			s[n++] = '*';
			n += fmt_u64(s + n, j - i);
		}
	}
	return n;
}

/* ------------------------------------------------------------ text */

struct tctx {
	FILE	*fp;
	int	 ind;
	bool	 secrets;
};

static void
t_ind(const struct tctx *t, int extra)
{
	fprintf(t->fp, "%*s", 2 * (t->ind + extra), "");
}

/* " N bytes <hex>[...]" */
static void
t_data(FILE *fp, const uint8_t *p, size_t n)
{
	char h[2 * HEX_TEXT_MAX + 8];

	fprintf(fp, " %zu bytes", n);
	if (n == 0)
		return;
	hex_str(p, n > HEX_TEXT_MAX ? HEX_TEXT_MAX : n, h, sizeof(h));
	fprintf(fp, " %s%s", h, n > HEX_TEXT_MAX ? "..." : "");
}

static void
t_prop(void *arg, const struct isakmp_prop *p, bool begin)
{
	struct tctx *t = arg;
	char b[64], h[80];

	if (!begin)
		return;
	t_ind(t, 1);
	if (p->spi_size > 0)
		hex_str(p->spi, p->spi_size, h, sizeof(h));
	else
		snprintf(h, sizeof(h), "(none)");
	fprintf(t->fp, "P#%u proto=%s spi=%s transforms=%u\n", p->num,
	    isakmp_short(REG_PROTO, p->proto) ? isakmp_short(REG_PROTO,
	    p->proto) : name_fmt(REG_PROTO, p->proto, b, sizeof(b)), h,
	    p->ntrans);
}

static void
t_xform(void *arg, const struct isakmp_prop *p, const struct isakmp_xform *x,
    bool begin)
{
	struct tctx *t = arg;
	char b[64];

	if (!begin)
		return;
	t_ind(t, 2);
	fprintf(t->fp, "T#%u id=%s\n", x->num,
	    name_fmt(xform_reg(p->proto), x->id, b, sizeof(b)));
}

static void
t_attr_line(struct tctx *t, int lvl, enum isakmp_reg reg,
    const struct isakmp_attr *a)
{
	struct attr_view v;
	char h[2 * HEX_TEXT_MAX + 8];

	attr_view(reg, a, t->secrets, &v);
	t_ind(t, lvl);
	fprintf(t->fp, "%s = ", v.type_name);
	if (v.masked)
		fprintf(t->fp, "(masked, %u bytes)", a->len);
	else if (v.has_str)
		fprintf(t->fp, "%s", v.str);
	else if (v.has_vname)
		fprintf(t->fp, "%s (%llu)", v.vname,
		    (unsigned long long)v.num);
	else if (v.show_hex) {
		hex_str(a->val, a->len > HEX_TEXT_MAX ? HEX_TEXT_MAX : a->len,
		    h, sizeof(h));
		fprintf(t->fp, "%s%s (%u bytes)", a->len ? h : "(empty)",
		    a->len > HEX_TEXT_MAX ? "..." : "", a->len);
	} else if (v.has_num)
		fprintf(t->fp, "%llu", (unsigned long long)v.num);
	putc('\n', t->fp);
}

static void
t_attr(void *arg, enum isakmp_reg reg, const struct isakmp_attr *a)
{
	t_attr_line(arg, 3, reg, a);
}

static void
t_cfg_attr(void *arg, enum isakmp_reg reg, const struct isakmp_attr *a)
{
	t_attr_line(arg, 1, reg, a);
}

static void
t_vid(FILE *fp, const struct isakmp_pl *d)
{
	struct vid_info vi;
	char h[2 * 64 + 8];

	hex_str(d->data, d->dlen > 64 ? 64 : d->dlen, h, sizeof(h));
	fprintf(fp, " %s%s", h, d->dlen > 64 ? "..." : "");
	if (d->dlen > 0 && vid_lookup(d->data, d->dlen, &vi)) {
		fprintf(fp, " %s", vi.name);
		if (vi.version[0] != '\0')
			fprintf(fp, " %s", vi.version);
	}
}

static void
t_cert(struct tctx *t, uint8_t type, const struct isakmp_pl *d)
{
	char b[80], s[STR_MAX], i[STR_MAX];

	fprintf(t->fp, " enc=%s (%u)", name_fmt(REG_CERT, d->u.cert.enc, b,
	    sizeof(b)), d->u.cert.enc);
	t_data(t->fp, d->data, d->dlen);
	putc('\n', t->fp);
	if (type == ISAKMP_PL_CERT &&
	    out_isakmp_x509(d->data, d->dlen, s, sizeof(s), i, sizeof(i))) {
		t_ind(t, 1);
		fprintf(t->fp, "subject: %s\n", s);
		t_ind(t, 1);
		fprintf(t->fp, "issuer: %s\n", i);
	} else if (type == ISAKMP_PL_CR &&
	    out_isakmp_dn(d->data, d->dlen, s, sizeof(s))) {
		t_ind(t, 1);
		fprintf(t->fp, "authority: %s\n", s);
	}
}

static void
t_notify(FILE *fp, const struct isakmp_pl *d)
{
	const struct isakmp_notify *n = &d->u.n;
	char b[80], c[80], h[80], t[80];

	if (n->spi_size > 0)
		hex_str(n->spi, n->spi_size, h, sizeof(h));
	else
		snprintf(h, sizeof(h), "(none)");
	fprintf(fp, " doi=%s proto=%s spi=%s type=%s (%u)",
	    name_fmt(REG_DOI, n->doi, b, sizeof(b)),
	    name_fmt(REG_PROTO, n->proto, c, sizeof(c)), h,
	    name_fmt(REG_NOTIFY, n->type, t, sizeof(t)), n->type);
	if (n->has_seq)
		fprintf(fp, " seq=%u", n->seq);
	else if (d->dlen > 0) {
		fprintf(fp, " data=");
		t_data(fp, d->data, d->dlen);
	}
}

static void
t_delete(FILE *fp, const struct isakmp_pl *d)
{
	const struct isakmp_delete *x = &d->u.d;
	struct cursor c = x->spis;
	char b[80], h[80];
	const uint8_t *s;
	unsigned i;

	fprintf(fp, " doi=%s proto=%s spi_size=%u count=%u",
	    name_fmt(REG_DOI, x->doi, b, sizeof(b)),
	    name_fmt(REG_PROTO, x->proto, h, sizeof(h)), x->spi_size,
	    x->nspis);
	if (x->spi_size == 0)
		return;
	fprintf(fp, " spis=");
	for (i = 0; i < x->nspis && i < ISAKMP_MAX_SPIS &&
	    cur_bytes(&c, x->spi_size, &s); i++) {
		hex_str(s, x->spi_size, h, sizeof(h));
		fprintf(fp, "%s%s", i ? "," : "", h);
	}
	if (i < x->nspis)
		fprintf(fp, "%s(%u more)", i ? "," : "", x->nspis - i);
}

static void
t_payload(struct tctx *t, const struct isakmp_payload_raw *p)
{
	const struct isakmp_pl *d = &p->d;
	FILE *fp = t->fp;
	char b[80], c[STR_MAX];
	struct sa_visit v = { t_prop, t_xform, t_attr, t };
	struct sa_visit cv = { t_prop, t_xform, t_cfg_attr, t };

	t_ind(t, 0);
	fprintf(fp, "%s", pl_short(p->type, b, sizeof(b)));
	switch (p->type) {
	case ISAKMP_PL_SA:
		if (d->u.sa.has_sit) {
			sit_str(d->u.sa.doi, d->u.sa.sit, c, sizeof(c));
			fprintf(fp, " doi=%s sit=%s",
			    name_fmt(REG_DOI, d->u.sa.doi, b, sizeof(b)), c);
		}
		fprintf(fp, "%s\n", d->status == DIS_OK ? "" :
		    d->status == DIS_UNSUPPORTED ? " [not decoded]" :
		    " [malformed]");
		sa_walk(&d->u.sa, &v);
		return;
	case ISAKMP_PL_ID:
	case ISAKMP_PL_NAT_OA:
	case ISAKMP_PL_NAT_OA_DRAFT:
		if (d->status != DIS_OK && d->dlen == 0)
			break;
		fprintf(fp, " type=%s", name_fmt(REG_ID, d->u.id.type, b,
		    sizeof(b)));
		if (p->type == ISAKMP_PL_ID)
			fprintf(fp, " proto=%u port=%u", d->u.id.proto,
			    d->u.id.port);
		out_isakmp_id_show(d->u.id.type, d->data, d->dlen, c,
		    sizeof(c));
		fprintf(fp, " %s", c);
		break;
	case ISAKMP_PL_CERT:
	case ISAKMP_PL_CR:
		if (d->status != DIS_OK)
			break;
		t_cert(t, p->type, d);
		return;
	case ISAKMP_PL_N:
		if (d->status == DIS_OK)
			t_notify(fp, d);
		break;
	case ISAKMP_PL_D:
		if (d->an & (1u << PLA_BODY_SHORT))
			break;
		t_delete(fp, d);
		break;
	case ISAKMP_PL_VID:
		t_vid(fp, d);
		break;
	case ISAKMP_PL_ATTR:
		if (d->status == DIS_TRUNCATED)
			break;
		fprintf(fp, " type=%s id=0x%04x\n", name_fmt(REG_CFG_TYPE,
		    d->u.cfg.type, b, sizeof(b)), d->u.cfg.ident);
		attrs_walk(d->u.cfg.attrs, REG_CFG_ATTR, &cv);
		return;
	case ISAKMP_PL_FRAG:
		if (d->status != DIS_OK)
			break;
		fprintf(fp, " id=%u num=%u%s", d->u.frag.id, d->u.frag.num,
		    d->u.frag.flags & ISAKMP_FRAG_LAST ? " last" : "");
		t_data(fp, d->data, d->dlen);
		break;
	default:
		t_data(fp, d->data, d->dlen);
		break;
	}
	if (d->status == DIS_TRUNCATED)
		fprintf(fp, " [truncated]");
	putc('\n', fp);
}

void
out_isakmp_tree(FILE *fp, const struct isakmp_msg *m, int indent,
    bool secrets)
{
	struct tctx t = { fp, indent, secrets };
	size_t i;

	/* Encrypted and not decrypted: no payloads, nothing to show. */
	for (i = 0; i < m->npayloads; i++)
		t_payload(&t, &m->pl[i]);
}

/* ------------------------------------------------------------ JSON */

struct jctx {
	struct json	*j;
	bool		 secrets;
};

static void
j_name(struct json *j, const char *key, enum isakmp_reg r, unsigned v)
{
	char b[96];

	json_kstr(j, key, name_fmt(r, v, b, sizeof(b)));
}

static void
j_prop(void *arg, const struct isakmp_prop *p, bool begin)
{
	struct json *j = ((struct jctx *)arg)->j;

	if (!begin) {
		json_arr_end(j);
		json_obj_end(j);
		return;
	}
	json_obj_begin(j);
	json_ku64(j, "number", p->num);
	json_ku64(j, "protocol", p->proto);
	j_name(j, "protocol_name", REG_PROTO, p->proto);
	json_khex(j, "spi", p->spi, p->spi_size);
	json_ku64(j, "transform_count", p->ntrans);
	json_key(j, "transforms");
	json_arr_begin(j);
}

static void
j_xform(void *arg, const struct isakmp_prop *p, const struct isakmp_xform *x,
    bool begin)
{
	struct json *j = ((struct jctx *)arg)->j;

	if (!begin) {
		json_arr_end(j);
		json_obj_end(j);
		return;
	}
	json_obj_begin(j);
	json_ku64(j, "number", x->num);
	json_ku64(j, "id", x->id);
	j_name(j, "id_name", xform_reg(p->proto), x->id);
	json_key(j, "attributes");
	json_arr_begin(j);
}

static void
j_attr(void *arg, enum isakmp_reg reg, const struct isakmp_attr *a)
{
	struct jctx *c = arg;
	struct json *j = c->j;
	struct attr_view v;
	char b[16];

	attr_view(reg, a, c->secrets, &v);
	json_obj_begin(j);
	if (v.type_tok == NULL)
		snprintf(b, sizeof(b), "%u", a->type);
	json_kstr(j, "type", v.type_tok != NULL ? v.type_tok : b);
	json_ku64(j, "type_id", a->type);
	json_kstr(j, "type_name", v.type_name);
	json_kstr(j, "form", a->basic ? "basic" : "variable");
	if (!a->basic)
		json_ku64(j, "length", a->len);
	if (v.masked)
		json_kbool(j, "masked", true);
	if (v.has_num)
		json_ku64(j, "value", v.num);
	if (v.has_vname)
		json_kstr(j, "value_name", v.vname);
	if (v.has_str)
		json_kstr(j, "value_str", v.str);
	if (!a->basic && !v.masked)
		json_khex(j, "value_hex", a->val, a->len);
	json_obj_end(j);
}

static void
j_sa(struct jctx *c, const struct isakmp_pl *d)
{
	struct json *j = c->j;
	struct sa_visit v = { j_prop, j_xform, j_attr, c };
	char b[96];

	if (!d->u.sa.has_sit && d->status != DIS_OK)
		return;
	json_ku64(j, "doi", d->u.sa.doi);
	j_name(j, "doi_name", REG_DOI, d->u.sa.doi);
	if (d->u.sa.has_sit) {
		json_ku64(j, "situation", d->u.sa.sit);
		sit_str(d->u.sa.doi, d->u.sa.sit, b, sizeof(b));
		json_kstr(j, "situation_name", b);
	}
	json_key(j, "proposals");
	json_arr_begin(j);
	sa_walk(&d->u.sa, &v);
	json_arr_end(j);
}

static void
j_vid(struct json *j, const struct isakmp_pl *d)
{
	static const struct {
		uint16_t f;
		const char *tok;
	} caps[] = {
		{ VID_F_NATT, "natt" }, { VID_F_NATT_DRAFT, "natt_draft" },
		{ VID_F_DPD, "dpd" }, { VID_F_XAUTH, "xauth" },
		{ VID_F_FRAG, "frag" }, { VID_F_UNITY, "unity" },
		{ VID_F_HEARTBEAT, "heartbeat" }, { VID_F_GSSAPI, "gssapi" },
		{ VID_F_INITIAL_CONTACT, "initial_contact" },
	};
	struct vid_info vi;
	size_t i;

	json_khex(j, "data", d->data, d->dlen);
	if (d->dlen == 0 || !vid_lookup(d->data, d->dlen, &vi)) {
		json_key(j, "vendor");
		json_null(j);
		return;
	}
	json_kstr(j, "vendor", vi.name);
	if (vi.version[0] != '\0')
		json_kstr(j, "vendor_version", vi.version);
	json_key(j, "capabilities");
	json_arr_begin(j);
	for (i = 0; i < sizeof(caps) / sizeof(caps[0]); i++)
		if (vi.flags & caps[i].f)
			json_str(j, caps[i].tok);
	json_arr_end(j);
}

static void
j_cert(struct json *j, uint8_t type, const struct isakmp_pl *d)
{
	char s[STR_MAX], i[STR_MAX];

	json_ku64(j, "encoding", d->u.cert.enc);
	j_name(j, "encoding_name", REG_CERT, d->u.cert.enc);
	json_khex(j, "data", d->data, d->dlen);
	if (type == ISAKMP_PL_CERT &&
	    out_isakmp_x509(d->data, d->dlen, s, sizeof(s), i, sizeof(i))) {
		json_kstr(j, "subject", s);
		json_kstr(j, "issuer", i);
	} else if (type == ISAKMP_PL_CR &&
	    out_isakmp_dn(d->data, d->dlen, s, sizeof(s)))
		json_kstr(j, "authority", s);
}

static void
j_notify(struct json *j, const struct isakmp_pl *d)
{
	const struct isakmp_notify *n = &d->u.n;

	json_ku64(j, "doi", n->doi);
	j_name(j, "doi_name", REG_DOI, n->doi);
	json_ku64(j, "protocol", n->proto);
	j_name(j, "protocol_name", REG_PROTO, n->proto);
	json_ku64(j, "spi_size", n->spi_size);
	json_khex(j, "spi", n->spi, n->spi_size);
	json_ku64(j, "notify_type", n->type);
	j_name(j, "notify_name", REG_NOTIFY, n->type);
	json_kbool(j, "error", isakmp_notify_is_error(n->type));
	json_khex(j, "data", d->data, d->dlen);
	if (n->has_seq)
		json_ku64(j, "seq", n->seq);
}

static void
j_delete(struct json *j, const struct isakmp_pl *d)
{
	const struct isakmp_delete *x = &d->u.d;
	struct cursor c = x->spis;
	const uint8_t *s;
	unsigned i;

	json_ku64(j, "doi", x->doi);
	j_name(j, "doi_name", REG_DOI, x->doi);
	json_ku64(j, "protocol", x->proto);
	j_name(j, "protocol_name", REG_PROTO, x->proto);
	json_ku64(j, "spi_size", x->spi_size);
	json_ku64(j, "spi_count", x->nspis);
	json_key(j, "spis");
	json_arr_begin(j);
	for (i = 0; x->spi_size > 0 && i < x->nspis && i < ISAKMP_MAX_SPIS &&
	    cur_bytes(&c, x->spi_size, &s); i++)
		json_hex(j, s, x->spi_size);
	json_arr_end(j);
}

static void
j_payload(struct jctx *c, const struct isakmp_payload_raw *p)
{
	struct json *j = c->j;
	const struct isakmp_pl *d = &p->d;
	struct sa_visit cv = { NULL, NULL, j_attr, c };
	const char *tok = isakmp_token(REG_PAYLOAD, p->type);
	char b[STR_MAX];

	json_obj_begin(j);
	if (tok == NULL)
		snprintf(b, sizeof(b), "%u", p->type);
	json_kstr(j, "type", tok != NULL ? tok : b);
	json_ku64(j, "type_id", p->type);
	json_ku64(j, "length", p->len);
	json_ku64(j, "next_payload", p->np);
	if (d->status != DIS_OK)
		json_kstr(j, "status", dis_status_name(d->status));
	switch (p->type) {
	case ISAKMP_PL_SA:
		j_sa(c, d);
		break;
	case ISAKMP_PL_ID:
	case ISAKMP_PL_NAT_OA:
	case ISAKMP_PL_NAT_OA_DRAFT:
		if (d->an & (1u << PLA_BODY_SHORT))
			break;
		json_ku64(j, "id_type", d->u.id.type);
		j_name(j, "id_type_name", REG_ID, d->u.id.type);
		if (p->type == ISAKMP_PL_ID) {
			json_ku64(j, "protocol", d->u.id.proto);
			json_ku64(j, "port", d->u.id.port);
		}
		json_khex(j, "data", d->data, d->dlen);
		out_isakmp_id(d->u.id.type, d->data, d->dlen, b, sizeof(b));
		json_kstr(j, "value", b);
		if (out_isakmp_id_text(d->u.id.type, d->data, d->dlen, b,
		    sizeof(b)))
			json_kstr(j, "value_text", b);
		break;
	case ISAKMP_PL_CERT:
	case ISAKMP_PL_CR:
		if (!(d->an & (1u << PLA_BODY_SHORT)))
			j_cert(j, p->type, d);
		break;
	case ISAKMP_PL_N:
		if (!(d->an & (1u << PLA_BODY_SHORT)) || d->u.n.type != 0)
			j_notify(j, d);
		break;
	case ISAKMP_PL_D:
		if (!(d->an & (1u << PLA_BODY_SHORT)))
			j_delete(j, d);
		break;
	case ISAKMP_PL_VID:
		j_vid(j, d);
		break;
	case ISAKMP_PL_ATTR:
		if (d->an & (1u << PLA_BODY_SHORT))
			break;
		json_ku64(j, "cfg_type", d->u.cfg.type);
		j_name(j, "cfg_type_name", REG_CFG_TYPE, d->u.cfg.type);
		json_ku64(j, "identifier", d->u.cfg.ident);
		json_key(j, "attributes");
		json_arr_begin(j);
		attrs_walk(d->u.cfg.attrs, REG_CFG_ATTR, &cv);
		json_arr_end(j);
		break;
	case ISAKMP_PL_FRAG:
		if (d->an & (1u << PLA_BODY_SHORT))
			break;
		json_ku64(j, "fragment_id", d->u.frag.id);
		json_ku64(j, "fragment_number", d->u.frag.num);
		json_kbool(j, "last", (d->u.frag.flags & ISAKMP_FRAG_LAST) != 0);
		json_ku64(j, "flags", d->u.frag.flags);
		json_khex(j, "data", d->data, d->dlen);
		break;
	default:
		json_khex(j, "data", d->data, d->dlen);
		break;
	}
	json_obj_end(j);
}

void
out_isakmp_json_payloads(struct json *j, const struct isakmp_msg *m,
    bool secrets)
{
	struct jctx c = { j, secrets };
	size_t i;

	json_key(j, "payloads");
	json_arr_begin(j);
	for (i = 0; i < m->npayloads; i++)
		j_payload(&c, &m->pl[i]);
	json_arr_end(j);
}
