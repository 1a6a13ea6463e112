/*
 * espd.c - the ESP decryption step; see espd.h.
 */
#include <pcap/dlt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/crypto.h>

#include "core/hash.h"
#include "esp/espd.h"

#define ESPD_WINDOW	64	/* for the ESN inference (RFC 4303 A2) */
/*
 * An ESN SA seen from the middle (the capture began after it passed 2^32
 * packets) has a high half nothing on the wire tells: until a packet
 * authenticates, the first few packets whose ICV fails with the guess are
 * tried with the next high halves too.
 */
#define ESPD_ESN_PROBE_HI	64	/* high halves tried after the guess */
#define ESPD_ESN_PROBE_PKTS	8	/* packets per SA tried so */
#define ESPD_ENC_KEY_HINT "the ICV verified, so the integrity key is right; " \
	"the encryption key (or algorithm) is probably wrong"

struct espd {
	struct ks		*ks;
	struct cry		*cry;
	struct pkt_decoder	 pd;	/* inner packets (own reassembly) */
	uint8_t			*buf[ESPD_MAX_DEPTH];
	struct espd_flow	**ftab;	/* by (af, dst, spi), chained */
	size_t			 fnb;	/* buckets: a power of two */
	uint64_t		 fseed;	/* of their hash (core/hash.h) */
	size_t			 nflows;
	uint64_t		 flows_refused;	/* past ESPD_MAX_FLOWS */
	struct espd_flow	*fall, **fall_tail; /* in creation order */
	struct espd_flow	*finf, **finf_tail; /* those with an inference */
};

struct espd *
espd_new(struct ks *ks, enum cry_backend_id b, unsigned threads,
    unsigned helpers, char *errbuf, size_t errlen)
{
	struct espd *d = calloc(1, sizeof(*d));
	int i;

	if (d == NULL) {
		snprintf(errbuf, errlen, "out of memory (ESP)");
		return NULL;
	}
	d->ks = ks;
	d->fall_tail = &d->fall;
	d->finf_tail = &d->finf;
	d->fnb = 64;
	d->fseed = hash_seed_new();
	d->ftab = calloc(d->fnb, sizeof(*d->ftab));
	if (d->ftab == NULL) {
		snprintf(errbuf, errlen, "out of memory (ESP)");
		free(d);
		return NULL;
	}
	for (i = 0; i < ESPD_MAX_DEPTH; i++) {
		d->buf[i] = malloc(ESPD_HDR_ROOM + ESPD_BUF);
		if (d->buf[i] == NULL) {
			snprintf(errbuf, errlen, "out of memory (ESP)");
			espd_free(d);
			return NULL;
		}
	}
	if (pkt_decoder_init(&d->pd, NULL, errbuf, errlen) == -1) {
		espd_free(d);
		return NULL;
	}
	d->cry = cry_new(b, errbuf, errlen);
	if (d->cry == NULL || cry_threads(d->cry, threads, helpers, errbuf,
	    errlen) == -1) {
		espd_free(d);
		return NULL;
	}
	return d;
}

void
espd_free(struct espd *d)
{
	struct espd_flow *f, *nf;
	int i;

	if (d == NULL)
		return;
	if (d->pd.ra != NULL)
		pkt_decoder_free(&d->pd);
	for (i = 0; i < ESPD_MAX_DEPTH; i++)
		free(d->buf[i]);
	/* flow states hold the library context: release them first */
	for (f = d->fall; f != NULL; f = nf) {
		nf = f->all_next;
		cry_sa_free(f->cs);
		cry_sa_free(f->cs_prev[0]);
		cry_sa_free(f->cs_prev[1]);
		free(f);
	}
	free(d->ftab);
	cry_free(d->cry);
	free(d);
}

const char *
espd_backend_name(const struct espd *d)
{
	return cry_backend_name(d->cry);
}

unsigned
espd_threads(const struct espd *d)
{
	return cry_nthreads(d->cry);
}

const char *
espd_mode_name(enum espd_mode m)
{
	switch (m) {
	case ESPD_TUNNEL:
		return "tunnel";
	case ESPD_TRANSPORT:
		return "transport";
	case ESPD_DUMMY:
		return "dummy";
	case ESPD_NONE:
		break;
	}
	return "none";
}

/*
 * RFC 4303 appendix A2.2: the high half of the sequence number, from the
 * highest authenticated one (T) and the window; before any, the SA's
 * starting guess.
 */
static uint32_t
espd_seq_hi(const struct espd_flow *f, bool seen, uint64_t top,
    uint32_t seq)
{
	uint32_t tl, th;

	if (!f->esn)
		return 0;
	if (!seen)
		return f->sa->esn_hi;
	tl = (uint32_t)top;
	th = (uint32_t)(top >> 32);
	if (tl >= ESPD_WINDOW - 1)
		return seq >= tl - (ESPD_WINDOW - 1) ? th : th + 1;
	return seq >= tl - (ESPD_WINDOW - 1) ? th - 1 : th;
}

static uint16_t
espd_be16(const uint8_t *p)
{
	return (uint16_t)(p[0] << 8 | p[1]);
}

static bool
espd_ipv4_sum_ok(const uint8_t *p, size_t hl)
{
	uint32_t s = 0;
	size_t i;

	for (i = 0; i < hl; i += 2)
		s += espd_be16(p + i);
	while (s >> 16)
		s = (s & 0xffff) + (s >> 16);
	return s == 0xffff;
}

/*
 * Tunnel mode: is this a plausible IP datagram?  Sets *dlen to its length
 * (the rest is TFC padding).
 */
static bool
espd_inner_ip_ok(const uint8_t *p, size_t n, uint8_t nh, size_t *dlen)
{
	size_t hl, tl;

	if (nh == 4) {
		if (n < 20 || (p[0] >> 4) != 4)
			return false;
		hl = (size_t)(p[0] & 0x0f) * 4;
		tl = espd_be16(p + 2);
		if (hl < 20 || hl > n || tl < hl || tl > n ||
		    !espd_ipv4_sum_ok(p, hl))
			return false;
		*dlen = tl;
		return true;
	}
	if (n < 40 || (p[0] >> 4) != 6)
		return false;
	tl = 40 + (size_t)espd_be16(p + 4);
	if (tl > n)
		return false;
	*dlen = tl;
	return true;
}

/*
 * Transport mode: does the upper-layer header fit the payload?  Sets
 * *dlen to the upper-layer length: UDP's own length field, which TFC
 * padding may follow (RFC 4303 2.4: the next layer gives its length);
 * else all of it.
 */
static bool
espd_transport_ok(const uint8_t *p, size_t n, uint8_t nh, size_t *dlen)
{
	*dlen = n;
	switch (nh) {
	case 17:
		if (n < 8 || espd_be16(p + 4) < 8 || espd_be16(p + 4) > n)
			return false;
		*dlen = espd_be16(p + 4);
		return true;
	case 6:
		return n >= 20 && (p[12] >> 4) >= 5 &&
		    (size_t)(p[12] >> 4) * 4 <= n;
	case 1:
	case 58:
		return n >= 4;
	default:
		return true;
	}
}

/* Re-wrap a transport-mode payload in the outer IP header, fixed up. */
static size_t
espd_rewrap(const struct pkt *outer, uint8_t nh, uint8_t *pl, size_t n,
    const uint8_t **ip)
{
	uint8_t *h;
	size_t hl = outer->af == 6 ? 40 : 20;
	uint32_t s = 0;
	size_t i;

	h = pl - hl;
	memset(h, 0, hl);
	if (outer->af == 6) {
		h[0] = 0x60;
		h[4] = (uint8_t)(n >> 8);
		h[5] = (uint8_t)n;
		h[6] = nh;
		h[7] = outer->ttl;
		memcpy(h + 8, outer->src, 16);
		memcpy(h + 24, outer->dst, 16);
	} else {
		h[0] = 0x45;
		h[2] = (uint8_t)((n + 20) >> 8);
		h[3] = (uint8_t)(n + 20);
		h[8] = outer->ttl;
		h[9] = nh;
		memcpy(h + 12, outer->src, 4);
		memcpy(h + 16, outer->dst, 4);
		for (i = 0; i < 20; i += 2)
			s += espd_be16(h + i);
		while (s >> 16)
			s = (s & 0xffff) + (s >> 16);
		h[10] = (uint8_t)(~s >> 8);
		h[11] = (uint8_t)~s;
	}
	*ip = h;
	return hl + n;
}

/* Ports and ICMP type of the inner datagram (first fragment only). */
static void
espd_l4(struct espd_layer *l)
{
	const uint8_t *p = l->ip;
	size_t n = l->ip_len, off;
	uint8_t proto;

	if (n < 1)
		return;
	if ((p[0] >> 4) == 4 && n >= 20) {
		off = (size_t)(p[0] & 0x0f) * 4;
		proto = p[9];
		if ((espd_be16(p + 6) & 0x1fff) != 0)
			return;		/* not the first fragment */
	} else if ((p[0] >> 4) == 6 && n >= 40) {
		off = 40;
		proto = p[6];	/* extension headers: no ports shown */
	} else
		return;
	if (off > n)
		return;
	p += off;
	n -= off;
	if ((proto == 6 || proto == 17) && n >= 4) {
		l->sport = espd_be16(p);
		l->dport = espd_be16(p + 2);
		l->has_l4 = true;
	} else if ((proto == 1 || proto == 58) && n >= 2) {
		l->icmp_type = p[0];
		l->icmp_code = p[1];
		l->has_l4 = true;
	}
}

static uint64_t
espd_flow_hash(const struct espd *d, int af, const uint8_t *dst,
    uint32_t spi)
{
	return hash_final(hash_bytes(hash_add(d->fseed,
	    (uint64_t)af << 32 | spi), dst, af == 6 ? 16 : 4));
}

/* Double the flow table (a failure keeps it: only slower). */
static void
espd_flow_grow(struct espd *d)
{
	size_t nb = d->fnb * 2, i, h;
	struct espd_flow **t = calloc(nb, sizeof(*t)), *f, *nf;

	if (t == NULL)
		return;
	for (i = 0; i < d->fnb; i++)
		for (f = d->ftab[i]; f != NULL; f = nf) {
			nf = f->hnext;
			h = (size_t)(espd_flow_hash(d, f->af, f->dst, f->spi) &
			    (nb - 1));
			f->hnext = t[h];
			t[h] = f;
		}
	free(d->ftab);
	d->ftab = t;
	d->fnb = nb;
}

/* The flow (af, dst, spi) of entry sa, in bucket h, or NULL. */
static struct espd_flow *
espd_flow_lookup(const struct espd *d, size_t h, const struct ks_esp_sa *sa,
    int af, const uint8_t *dst, uint32_t spi)
{
	struct espd_flow *f;

	for (f = d->ftab[h]; f != NULL; f = f->hnext)
		if (f->spi == spi && f->sa == sa && f->af == af &&
		    memcmp(f->dst, dst, af == 6 ? 16 : 4) == 0)
			return f;
	return NULL;
}

/*
 * The flow (af, dst, spi) as SA sa reads it: found, or made with the SA's
 * reading as given.  NULL when ESPD_MAX_FLOWS are held (counted) or out
 * of memory.
 */
static struct espd_flow *
espd_flow_get(struct espd *d, const struct ks_esp_sa *sa, int af,
    const uint8_t *dst, uint32_t spi)
{
	size_t al = af == 6 ? 16 : 4;
	size_t h = (size_t)(espd_flow_hash(d, af, dst, spi) & (d->fnb - 1));
	struct espd_flow *f = espd_flow_lookup(d, h, sa, af, dst, spi);

	if (f != NULL)
		return f;
	if (d->nflows >= ESPD_MAX_FLOWS ||
	    (f = calloc(1, sizeof(*f))) == NULL) {
		d->flows_refused++;
		return NULL;
	}
	f->af = af;
	memcpy(f->dst, dst, al);
	f->spi = spi;
	f->sa = sa;
	f->esn = sa->esn;
	f->auth = sa->auth;
	f->icv_len = sa->icv_len;
	f->hnext = d->ftab[h];
	d->ftab[h] = f;
	*d->fall_tail = f;
	d->fall_tail = &f->all_next;
	if (++d->nflows > d->fnb)
		espd_flow_grow(d);
	return f;
}

/*
 * The flow's SA with reading v (ESN, truncation) into *out, to prepare
 * cipher state with; the caller wipes it.
 */
static void
espd_flow_sa(const struct espd_flow *f, bool esn, enum ks_auth auth,
    size_t icv_len, struct ks_esp_sa *out)
{
	*out = *f->sa;
	out->esn = esn;
	out->auth = auth;
	out->icv_len = icv_len;
}

/* The flow's cipher state for its reading, prepared once. */
static bool
espd_flow_prepare(struct espd *d, struct espd_flow *f)
{
	struct ks_esp_sa v;

	if (f->cs == NULL && !f->cs_failed) {
		espd_flow_sa(f, f->esn, f->auth, f->icv_len, &v);
		f->cs = cry_sa_prepare(d->cry, &v, f->cs_err,
		    sizeof(f->cs_err));
		OPENSSL_cleanse(&v, sizeof(v));
		f->cs_failed = f->cs == NULL;
	}
	return !f->cs_failed;
}

/*
 * First half of a layer: find and prepare the SA, count the packet, infer
 * the ESN high half and set up the cipher job (out: ESPD_HDR_ROOM bytes of
 * room, then esp_len).  Returns true when the job must run; else the layer
 * is final (no SA, unsupported, too long).
 */
static bool
espd_layer_start(struct espd *d, const struct pkt *outer,
    const struct esp_hdr *h, struct espd_layer *l, struct espd_req *q,
    uint8_t *buf, size_t bufcap, struct ks_memo *memo)
{
	const struct ks_esp_sa *sa;
	struct espd_flow *f;
	const uint8_t *esp = h->body - ESP_HDR_LEN;
	size_t esp_len = h->body_len + ESP_HDR_LEN;
	uint32_t hi;

	memset(l, 0, sizeof(*l));
	q->f = NULL;
	l->spi = h->spi;
	l->seq = h->seq;
	l->seq64 = h->seq;
	l->icv = CRY_ICV_UNCHECKED;
	if (outer->af == 0)
		return false;
	sa = memo != NULL ? ks_find_esp_memo(d->ks, memo, outer->af,
	    outer->src, outer->dst, h->spi) : ks_find_esp(d->ks, outer->af,
	    outer->src, outer->dst, h->spi);
	if (sa == NULL)
		return false;
	l->sa_known = true;
	l->sa = sa;
	l->esn = sa->esn;
	l->auth = sa->auth;
	/* the memo keeps the flow with the SA (one key: one flow) */
	f = memo != NULL ? memo->user : NULL;
	if (f == NULL)
		f = espd_flow_get(d, sa, outer->af, outer->dst, h->spi);
	if (memo != NULL)
		memo->user = f;
	if (f == NULL) {
		l->error = "flow_limit";
		return false;
	}
	l->esn = f->esn;
	l->esn_inferred = f->esn_inferred;
	l->auth = f->auth;
	l->trunc_inferred = f->trunc_inferred;
	if (!espd_flow_prepare(d, f)) {
		l->error = "unsupported";
		l->detail = f->cs_err;
		return false;
	}
	if (esp_len > ESPD_BUF || bufcap < ESPD_HDR_ROOM + esp_len) {
		l->error = "too_long";
		return false;
	}
	/* ESN: from the highest sequence number queued so far (as if every
	 * queued packet authenticates); espd_layer_end checks it */
	hi = espd_seq_hi(f, f->seq_seen_q, f->seq_top_q, h->seq);
	l->seq64 = (uint64_t)hi << 32 | h->seq;
	if (f->esn && (!f->seq_seen_q || l->seq64 > f->seq_top_q)) {
		f->seq_top_q = l->seq64;
		f->seq_seen_q = true;
	}
	q->f = f;
	q->job.sa = f->cs;
	q->job.esp = esp;
	q->job.esp_len = esp_len;
	q->job.seq_hi = hi;
	q->job.out = buf + ESPD_HDR_ROOM;
	q->job.outcap = bufcap - ESPD_HDR_ROOM;
	return true;
}

/*
 * Run the job with high halves from .. from + n; true, with the job's
 * seq_hi left at it, when one makes its ICV verify.
 */
static bool
espd_run_his(struct espd *d, struct espd_req *q, uint32_t from, uint32_t n)
{
	struct cry_job *jp = &q->job;
	uint32_t h;

	for (h = 0; h <= n; h++) {
		q->job.seq_hi = from + h;
		cry_run(d->cry, 0, &jp, 1);
		if (q->job.o.icv == CRY_ICV_OK)
			return true;
	}
	return false;
}

/*
 * The job failed its ICV with high half hi on an ESN SA where nothing has
 * authenticated yet: try hi + 1 .. hi + ESPD_ESN_PROBE_HI.  Returns the
 * high half that verified, or hi (the job's result stays a failure).
 */
static uint32_t
espd_esn_probe(struct espd *d, struct espd_req *q, uint32_t hi)
{
	if (espd_run_his(d, q, hi + 1, ESPD_ESN_PROBE_HI - 1))
		return q->job.seq_hi;
	q->job.seq_hi = hi;
	return hi;
}

/*
 * Try the job with the flow read otherwise (ESN, or the other truncation
 * of HMAC-SHA-256), high halves from the SA's esn_hi to
 * + ESPD_ESN_PROBE_HI when esn.  A verified ICV proves that reading: the
 * flow takes it from here on (jobs still holding the replaced state are
 * redone in espd_layer_end).  Returns whether it did.
 */
static bool
espd_try(struct espd *d, struct espd_req *q, bool esn, enum ks_auth auth,
    uint32_t *hi)
{
	struct espd_flow *f = q->f;
	struct cry_sa *prev = q->job.sa;
	struct ks_esp_sa v;
	size_t icv_len = auth == f->auth ? f->icv_len : ks_auth_icv_len(auth);
	char err[128];

	espd_flow_sa(f, esn, auth, icv_len, &v);
	q->job.sa = cry_sa_prepare(d->cry, &v, err, sizeof(err));
	OPENSSL_cleanse(&v, sizeof(v));
	if (q->job.sa == NULL) {
		q->job.sa = prev;
		return false;
	}
	if (!espd_run_his(d, q, esn ? f->sa->esn_hi : 0,
	    esn ? ESPD_ESN_PROBE_HI : 0)) {
		cry_sa_free(q->job.sa);
		q->job.sa = prev;
		return false;
	}
	if (!f->esn_inferred && !f->trunc_inferred) {
		*d->finf_tail = f;
		d->finf_tail = &f->inf_next;
	}
	f->esn_inferred |= esn && !f->esn;
	f->trunc_inferred |= auth != f->auth;
	f->esn = esn;
	f->auth = auth;
	f->icv_len = icv_len;
	f->cs_prev[f->cs_prev[0] != NULL] = f->cs;
	f->cs = q->job.sa;
	*hi = q->job.seq_hi;
	return true;
}

/* Whether the flow may be ESN though nothing says so. */
static bool
espd_esn_unsure(const struct espd_flow *f)
{
	return !f->esn && !f->sa->esn_known;
}

/* Whether the flow's HMAC-SHA-256 truncation may be the other one. */
static bool
espd_trunc_unsure(const struct espd_flow *f)
{
	return !f->trunc_inferred && (f->auth == KS_AUTH_HMAC_SHA256_96 ||
	    f->auth == KS_AUTH_HMAC_SHA256_128);
}

/*
 * Whether a failed job is worth other readings of its SA: before anything
 * of the SA authenticated, on its first ESPD_ESN_PROBE_PKTS failures; an
 * ICV that fails, or, for HMAC-SHA-256, lengths that do not fit (the
 * other truncation moves where the ciphertext ends).
 */
static bool
espd_may_infer(const struct espd_flow *f, const struct cry_out *o)
{
	bool len = o->st == CRY_BAD_LENGTH || o->st == CRY_TOO_SHORT;

	if (f->seq_seen || f->esn_probes >= ESPD_ESN_PROBE_PKTS)
		return false;
	if (o->icv == CRY_ICV_BAD)
		return f->esn || espd_esn_unsure(f) || espd_trunc_unsure(f);
	return len && espd_trunc_unsure(f);
}

/*
 * The job failed before anything of the SA authenticated.  What
 * the key source did not say, or may have got wrong, is tried: ESN where
 * it did not say (Wireshark 4.0's esp_sa table and tcpdump's secrets
 * cannot), and for HMAC-SHA-256 the other truncation (96 bits, as peers
 * before RFC 4868 send, or 128).  Each inference is made once.  If none
 * verifies, the job's 32-bit result is restored.
 */
static void
espd_infer(struct espd *d, struct espd_req *q, uint32_t *hi)
{
	struct espd_flow *f = q->f;
	struct cry_sa *js = q->job.sa;
	uint32_t jhi = q->job.seq_hi;
	bool esn = espd_esn_unsure(f), trunc = espd_trunc_unsure(f);
	bool icv_bad = q->job.o.icv == CRY_ICV_BAD, ok = false;
	struct cry_job *jp = &q->job;
	enum ks_auth other;

	if (!esn && !trunc)
		return;
	if (esn && icv_bad)	/* ESN leaves the lengths alone */
		ok = espd_try(d, q, true, f->auth, hi);
	if (!ok && trunc) {
		other = f->auth == KS_AUTH_HMAC_SHA256_96 ?
		    KS_AUTH_HMAC_SHA256_128 : KS_AUTH_HMAC_SHA256_96;
		ok = espd_try(d, q, false, other, hi);
		if (!ok && esn)
			ok = espd_try(d, q, true, other, hi);
	}
	if (!ok) {
		q->job.sa = js;
		q->job.seq_hi = jhi;
		cry_run(d->cry, 0, &jp, 1);
	}
}

/*
 * The layer is not decrypted, for why.  A verified ICV proves only the
 * integrity key: the trailer and inner checks still decide about the
 * encryption key, hence the hint.  A bad ICV is counted as such, anything
 * else as a bad trailer.  Returns false.
 */
static bool
espd_reject(struct espd_layer *l, const struct cry_out *o, const char *why)
{
	l->error = why;
	if (o->icv == CRY_ICV_OK)
		l->detail = ESPD_ENC_KEY_HINT;
	return false;
}

/* Second half, in frame order: the job's result into the layer. */
static bool
espd_layer_end(struct espd *d, const struct pkt *outer,
    const struct esp_hdr *h, struct espd_layer *l, struct espd_req *q)
{
	struct espd_flow *f = q->f;
	const struct cry_out *o = &q->job.o;
	uint8_t *out = q->job.out;
	uint32_t hi;
	size_t dlen;

	/* the ESN guess assumed queued packets authenticate: redo the
	 * (rare) packets where the exact inference differs, and those
	 * queued before ESN was inferred */
	hi = espd_seq_hi(f, f->seq_seen, f->seq_top, h->seq);
	if (hi != q->job.seq_hi || q->job.sa != f->cs) {
		struct cry_job *jp = &q->job;

		q->job.seq_hi = hi;
		q->job.sa = f->cs;
		cry_run(d->cry, 0, &jp, 1);
	}
	if (espd_may_infer(f, o)) {
		f->esn_probes++;
		if (f->esn && o->icv == CRY_ICV_BAD)
			hi = espd_esn_probe(d, q, hi);
		if (o->icv != CRY_ICV_OK)
			espd_infer(d, q, &hi);
	}
	l->seq64 = (uint64_t)hi << 32 | h->seq;
	l->esn = f->esn;
	l->esn_inferred = f->esn_inferred;
	l->auth = f->auth;
	l->trunc_inferred = f->trunc_inferred;
	l->icv = o->icv;
	l->next_header = o->next_header;
	l->pad_len = o->pad_len;
	l->pad_nonstd = o->pad_nonstd;
	if (o->st != CRY_OK)
		return espd_reject(l, o, cry_status_name(o->st));
	if (o->next_header == 59) {
		l->mode = ESPD_DUMMY;
	} else {
		bool tunnel = o->next_header == 4 || o->next_header == 41;
		bool ok = tunnel ?
		    espd_inner_ip_ok(o->payload, o->payload_len,
		    o->next_header, &dlen) :
		    espd_transport_ok(o->payload, o->payload_len,
		    o->next_header, &dlen);

		l->mode = tunnel ? ESPD_TUNNEL : ESPD_TRANSPORT;
		if (!ok)
			return espd_reject(l, o, "bad_inner");
		if (tunnel) {
			l->ip = o->payload;
			l->ip_len = dlen;
		} else
			l->ip_len = espd_rewrap(outer, o->next_header, out,
			    dlen, &l->ip);
		l->tfc_pad = o->payload_len - dlen;
	}
	l->decrypted = true;
	if (!f->seq_seen || l->seq64 > f->seq_top)
		f->seq_top = l->seq64;
	f->seq_seen = true;
	if (!f->seq_seen_q || f->seq_top > f->seq_top_q) {
		f->seq_top_q = f->seq_top;
		f->seq_seen_q = true;
	}
	if (l->ip == NULL)
		return false;
	l->inner.frame = outer->frame;
	l->inner.ts = outer->ts;
	l->inner.caplen = l->inner.wirelen = (uint32_t)l->ip_len;
	pkt_decode(&d->pd, DLT_RAW, l->ip, l->ip_len, &l->inner);
	espd_l4(l);
	return true;
}

/* One layer, synchronously. */
static bool
espd_layer(struct espd *d, int depth, const struct pkt *outer,
    const struct esp_hdr *h, struct espd_layer *l)
{
	struct espd_req q;
	struct cry_job *jp = &q.job;

	if (!espd_layer_start(d, outer, h, l, &q, d->buf[depth],
	    ESPD_HDR_ROOM + ESPD_BUF, NULL))
		return false;
	cry_run(d->cry, 0, &jp, 1);
	return espd_layer_end(d, outer, h, l, &q);
}

/* Layers below the first, synchronously (nested ESP is rare). */
void
espd_nested(struct espd *d, struct espd_result *r)
{
	const struct pkt *outer;
	struct esp_hdr nh;
	unsigned depth;

	for (depth = 1; depth < ESPD_MAX_DEPTH; depth++) {
		struct espd_layer *prev = &r->l[depth - 1];

		if (!prev->decrypted || prev->ip == NULL ||
		    prev->inner.kind != PKT_ESP)
			return;
		if (esp_decode_hdr(&prev->inner.payload, &nh) == DIS_TRUNCATED)
			return;
		outer = &prev->inner;
		r->n++;
		if (!espd_layer(d, (int)depth, outer, &nh, &r->l[depth]))
			return;
	}
}

void
espd_packet(struct espd *d, const struct pkt *p, const struct esp_hdr *h,
    struct espd_result *r)
{
	r->n = 1;
	if (espd_layer(d, 0, p, h, &r->l[0]))
		espd_nested(d, r);
}

bool
espd_prepare(struct espd *d, const struct pkt *p, const struct esp_hdr *h,
    struct espd_req *q, struct espd_layer *l, uint8_t *buf, size_t bufcap,
    struct ks_memo *memo)
{
	q->queued = espd_layer_start(d, p, h, l, q, buf, bufcap, memo);
	return q->queued;
}

bool
espd_complete(struct espd *d, const struct pkt *p, const struct esp_hdr *h,
    struct espd_req *q, struct espd_layer *l)
{
	return q->queued && espd_layer_end(d, p, h, l, q) &&
	    l->inner.kind == PKT_ESP;
}

void
espd_submit(struct espd *d, struct cry_job **jobs, size_t n)
{
	cry_submit(d->cry, jobs, n);
}

void
espd_wait(struct espd *d)
{
	cry_wait(d->cry);
}

bool
espd_help(struct espd *d, unsigned lane)
{
	return cry_help(d->cry, lane);
}

const struct espd_flow *
espd_inferred_next(const struct espd *d, const struct espd_flow *f)
{
	return f == NULL ? d->finf : f->inf_next;
}

const struct espd_flow *
espd_flow_find(const struct espd *d, const struct ks_esp_sa *sa, int af,
    const uint8_t *dst, uint32_t spi)
{
	return espd_flow_lookup(d, (size_t)(espd_flow_hash(d, af, dst, spi) &
	    (d->fnb - 1)), sa, af, dst, spi);
}

uint64_t
espd_flows_refused(const struct espd *d)
{
	return d->flows_refused;
}

/* Whether two flows read their entry the same way. */
static bool
espd_same_reading(const struct espd_flow *a, const struct espd_flow *b)
{
	return a->esn == b->esn && a->auth == b->auth &&
	    a->icv_len == b->icv_len;
}

bool
espd_kx_esp(void *arg, const struct ks_esp_sa *sa,
    void (*put)(void *, const struct ks_esp_sa *), void *put_arg)
{
	const struct espd *d = arg;
	const struct espd_flow *f, *inf = NULL;
	bool same = true;
	struct ks_esp_sa v;

	for (f = d->finf; f != NULL && inf == NULL; f = f->inf_next)
		if (f->sa == sa)
			inf = f;
	if (inf == NULL)
		return false;		/* as given */
	/* every flow read alike (always so for an exact entry): the entry
	 * as they read it */
	for (f = d->fall; f != NULL && same; f = f->all_next)
		same = f->sa != sa || espd_same_reading(f, inf);
	if (same) {
		espd_flow_sa(inf, inf->esn, inf->auth, inf->icv_len, &v);
		put(put_arg, &v);
		OPENSSL_cleanse(&v, sizeof(v));
		return true;
	}
	/* else an exact entry for each flow read otherwise, first */
	for (f = inf; f != NULL; f = f->inf_next) {
		if (f->sa != sa)
			continue;
		espd_flow_sa(f, f->esn, f->auth, f->icv_len, &v);
		v.dst.af = f->af;
		memcpy(v.dst.a, f->dst, 16);
		v.dst.plen = f->af == 6 ? 128 : 32;
		v.spi = f->spi;
		v.spi_mask = 0xffffffffU;
		put(put_arg, &v);
		OPENSSL_cleanse(&v, sizeof(v));
	}
	return false;
}

const struct espd_layer *
espd_innermost(const struct espd_result *r)
{
	unsigned i;

	for (i = r->n; i > 0; i--)
		if (r->l[i - 1].decrypted && r->l[i - 1].ip != NULL)
			return &r->l[i - 1];
	return NULL;
}
