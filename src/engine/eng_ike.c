/*
 * eng_ike.c - IKEv1 in the engine: the tracker's view of decoded payloads
 * and, in the tracker's pre-placement hook, the SA's phase-1 record and
 * decryption; see eng_ike.h.
 *
 * Every phase-1 message in clear that is not a retransmission goes to the
 * SA's record (track/p1rec.h), keys or not; decryption reads from it and
 * adds what it decrypts.  IDs reach the tracker as values (type,
 * protocol, port, bytes); presenters render them.
 *
 * Decryption runs before placement so the tracker labels and judges
 * decrypted content (notify types, DELETEs, Quick Mode SPIs).  A
 * retransmission is decrypted with the IV its original used and never
 * advances an IV chain; one whose original could not be decrypted is left
 * alone (there is no IV to use).  When a Quick Mode responder's message is
 * decrypted and SKEYID_d is known, KEYMAT for both SPIs is derived and the
 * two ESP SAs are added to the key store, so the tunnel's ESP decrypts
 * from one IKE key line.
 */
#include <stdlib.h>
#include <string.h>

#include <openssl/crypto.h>

#include "engine/eng_ike.h"
#include "ike/isakmp_an.h"
#include "dissectors/isakmp_pl.h"
#include "keys/espalg.h"
#include "keys/keystore.h"

#define PLAIN_MAX	65536
/*
 * At most this many IKE SAs hold decryption state at once (each up to
 * ~9 KB: keys, IV chains and the Quick Mode nonces of 16 message IDs;
 * the phase-1 bodies are in the SA's record, counted by the tracker): a
 * flood of SAs reusing a keyed initiator cookie cannot grow it past
 * ~9 MB.
 */
#define IKE_MAX_STATES	1024

#define CFG_SET		3
#define CFG_XAUTH_STATUS	16527

/*
 * The first transform's attributes into the summary: Oakley values as
 * the phase-1 record reads them, IPsec DOI values as the dissector does.
 */
static void
eng_ike_xform(const struct isakmp_xform *x, uint8_t proto, struct trk_in *in)
{
	struct isakmp_ipsec_vals v;

	in->xform = x->id;
	if (proto == ISAKMP_PROTO_ISAKMP) {
		struct p1rec_alg p;

		p1rec_alg_wire(x, &p);
		in->enc = p.enc;
		in->key_len = p.key_len;
		in->hash = p.hash;
		in->auth = p.auth;
		in->group = p.group;
		in->life_secs = p.life_secs;
		in->life_kb = p.life_kb;
		return;
	}
	/* IPsec proposals carry the cipher as the transform ID. */
	in->enc = x->id;
	isakmp_ipsec_vals(x->attrs, &v);
	in->hash = v.auth;
	in->group = v.group;
	in->key_len = v.key_len;
	in->encap = v.encap;
	in->esn = v.esn == 1;
	in->life_secs = v.life_secs;
	in->life_kb = v.life_kb;
}

static void
eng_ike_sa(const struct isakmp_pl *d, struct trk_in *in)
{
	struct isakmp_iter pit, xit;
	struct isakmp_prop p;
	struct isakmp_xform x;
	bool first = true;

	if (d->status != DIS_OK && d->status != DIS_TRUNCATED)
		return;
	in->has_sa = true;
	isakmp_iter_init(&pit, d->u.sa.props);
	while (pit.n < ISAKMP_MAX_PROPOSALS && isakmp_prop_next(&pit, &p) == 1) {
		in->sa_proposals++;
		if (first) {
			in->sa_proto = p.proto;
			if (p.spi_size == 4 && p.spi != NULL &&
			    in->nspis < TRK_MAX_SPIS) {
				in->spis[in->nspis++] = (uint32_t)p.spi[0] << 24 |
				    (uint32_t)p.spi[1] << 16 |
				    (uint32_t)p.spi[2] << 8 | p.spi[3];
				in->spi_proto = p.proto;
			}
		}
		isakmp_iter_init(&xit, p.xforms);
		while (xit.n < ISAKMP_MAX_TRANSFORMS &&
		    isakmp_xform_next(&xit, &x) == 1) {
			in->sa_transforms++;
			if (first)
				eng_ike_xform(&x, p.proto, in);
			first = false;
		}
	}
}

/* An ID payload as a value: type, protocol, port, data (capped). */
static void
eng_ike_id(const struct isakmp_pl *d, struct trk_id *id)
{
	size_t n = d->dlen < TRK_ID_MAX ? d->dlen : TRK_ID_MAX;

	memset(id, 0, sizeof(*id));
	id->type = d->u.id.type;
	id->proto = d->u.id.proto;
	id->port = d->u.id.port;
	id->wire_len = d->dlen > UINT16_MAX ? UINT16_MAX : (uint16_t)d->dlen;
	id->len = (uint8_t)n;
	if (n > 0)
		memcpy(id->data, d->data, n);
}

/*
 * The tracker's summary of a plaintext or decrypted message: payload
 * types, the first error notify (else the first notify), DPD, DELETE
 * with its SPIs, and the first proposal and transform of an SA payload.
 */
void
eng_ike_summary(const struct isakmp_msg *m, struct trk_in *in)
{
	size_t i;

	in->npl = 0;
	in->notify = 0;
	in->has_sa = false;
	in->nspis = 0;
	in->sa_proposals = in->sa_transforms = 0;
	in->nids = 0;
	in->xauth_ok = in->xauth_fail = false;
	for (i = 0; i < m->npayloads; i++) {
		const struct isakmp_payload_raw *p = &m->pl[i];
		const struct isakmp_pl *d = &p->d;

		if (in->npl < TRK_MSG_PL)
			in->pl[in->npl++] = p->type;
		if (!d->decoded)
			continue;
		switch (p->type) {
		case ISAKMP_PL_SA:
			if (!in->has_sa)
				eng_ike_sa(d, in);
			break;
		case ISAKMP_PL_ID:
			if (in->nids < 2 && d->status == DIS_OK)
				eng_ike_id(d, &in->ids[in->nids++]);
			break;
		case ISAKMP_PL_N:
			if (in->notify == 0 ||
			    (!isakmp_notify_is_error(in->notify) &&
			    isakmp_notify_is_error(d->u.n.type)))
				in->notify = d->u.n.type;
			if (d->u.n.has_seq) {
				in->dpd = true;
				in->dpd_seq = d->u.n.seq;
			}
			break;
		case ISAKMP_PL_ATTR: {
			struct isakmp_iter it;
			struct isakmp_attr a;

			/* The status is what the edge device SETs; an ACK
			 * only echoes the attribute. */
			if (d->u.cfg.type != CFG_SET)
				break;
			isakmp_iter_init(&it, d->u.cfg.attrs);
			while (it.n < ISAKMP_MAX_ATTRS &&
			    isakmp_attr_next(&it, &a) == 1)
				if (a.type == CFG_XAUTH_STATUS && a.num_ok) {
					in->xauth_ok = a.num == 1;
					in->xauth_fail = a.num == 0;
				}
			break;
		}
		case ISAKMP_PL_D: {
			struct cursor c = d->u.d.spis;
			uint16_t k;

			in->del = true;
			in->del_proto = d->u.d.proto;
			if (d->u.d.spi_size != 4)
				break;
			in->spi_proto = d->u.d.proto;
			for (k = 0; k < d->u.d.nspis && in->nspis < TRK_MAX_SPIS;
			    k++) {
				uint32_t spi = cur_be32(&c);

				if (c.err)
					break;
				in->spis[in->nspis++] = spi;
			}
			break;
		}
		default:
			break;
		}
	}
}

/* ------------------------------------------------------------ ESP keys */

/*
 * IPsec DOI values (RFC 2407 4.4.4 ESP transform IDs, 4.5 authentication
 * algorithm attribute) -> the key store's algorithms (espalg.h) and the
 * KEYMAT bytes they take: a cipher's key (of its one length, else the
 * Key Length attribute's, default 128 bits) and its nonce/salt (RFC
 * 3686, 4106, 4543), the integrity algorithm's key.
 */
static bool
eng_ike_esp_alg(const struct trk_in *in, struct ks_esp_sa *sa,
    size_t *enc_len, size_t *auth_len)
{
	const struct espalg_enc *e = espalg_enc_ike(in->xform);
	const struct espalg_auth *a = espalg_auth_ike(in->hash);
	size_t kl = in->key_len ? in->key_len / 8u : 16;

	if (e == NULL || a == NULL)
		return false;
	sa->enc = e->id;
	*enc_len = (e->keys[0] == 0 ? 0 : e->keys[1] == 0 ? e->keys[0] : kl) +
	    e->salt;
	sa->icv_len = e->icv;
	sa->auth = a->id;
	*auth_len = a->ike_key;
	if (sa->auth != KS_AUTH_NONE)
		sa->icv_len = a->icv;
	sa->esn = in->esn;
	sa->esn_known = true;	/* the Quick Mode's attributes say */
	return true;
}

/*
 * A decrypted Quick Mode message with the responder's SA (QM2): derive
 * KEYMAT for the initiator's SPI (from QM1, SA towards the initiator) and
 * the responder's (from QM2, SA towards the responder) and add both.
 */
static void
eng_ike_derive_esp(struct ctx *c, struct trk_ike_sa *sa,
    const struct trk_in *in,
    const struct ks_ike *k, uint8_t dir)
{
	const struct trk_exchange *e = NULL;
	const struct ks_ike_key *qg;	/* the Quick Mode's PFS g^xy */
	struct ike_keymat_in kin;
	size_t el = 0, al = 0, i;
	uint32_t spi_i = 0;
	bool have_i = false;
	int pass;

	if (in->sa_proto != ISAKMP_PROTO_ESP || in->nspis == 0)
		return;
	/* With PFS (a KE payload) KEYMAT needs the Quick Mode's g^xy. */
	qg = NULL;
	for (i = 0; i < in->npl; i++)
		if (in->pl[i] == ISAKMP_PL_KE &&
		    (qg = ks_find_qm_gxy(k, in->msgid)) == NULL)
			return;
	for (i = sa->nex; i > 0; i--)
		if (sa->ex[i - 1].type == ISAKMP_EXCH_QUICK &&
		    sa->ex[i - 1].msgid == in->msgid) {
			e = &sa->ex[i - 1];
			break;
		}
	if (e == NULL)
		return;
	for (i = 0; i < e->nspis; i++) {
		/* QM1's SPI was recorded first. */
		spi_i = e->spis[i];
		have_i = true;
		break;
	}
	memset(&kin, 0, sizeof(kin));
	if (!have_i || ike_qm_nonces(sa->ike_state, in->msgid, &kin) == -1)
		return;
	kin.proto = ISAKMP_PROTO_ESP;
	if (qg != NULL) {
		kin.gxy = qg->v;
		kin.gxy_len = qg->len;
	}
	for (pass = 0; pass < 2; pass++) {
		struct ks_esp_sa esa;
		uint8_t km[2 * KS_MAX_KEY];
		uint32_t spi = pass == 0 ? spi_i : in->spis[0];
		/* QM1's SPI is where the QM initiator receives. */
		bool to_qm_init = pass == 0;
		bool qm_init_is_i = in->from_exch_init ? dir == TRK_I2R :
		    dir == TRK_R2I;
		const uint8_t *dst;
		const uint8_t *src;
		char err[128];

		memset(&esa, 0, sizeof(esa));
		if (!eng_ike_esp_alg(in, &esa, &el, &al) || el > KS_MAX_KEY ||
		    al > KS_MAX_KEY)
			return;
		kin.spi = spi;
		if (ike_keymat(sa->ike_state, c->ike_ssl, &kin, km,
		    el + al) == -1)
			return;
		if (to_qm_init == qm_init_is_i) {
			dst = sa->iaddr;
			src = sa->raddr;
		} else {
			dst = sa->raddr;
			src = sa->iaddr;
		}
		esa.spi = spi;
		esa.spi_mask = 0xffffffff;
		esa.dst.af = esa.src.af = sa->af;
		esa.dst.plen = esa.src.plen = sa->af == 6 ? 128 : 32;
		memcpy(esa.dst.a, dst, sa->af == 6 ? 16 : 4);
		memcpy(esa.src.a, src, sa->af == 6 ? 16 : 4);
		memcpy(esa.enc_key, km, el);
		esa.enc_key_len = el;
		memcpy(esa.auth_key, km + el, al);
		esa.auth_key_len = al;
		snprintf(esa.origin, sizeof(esa.origin), "KEYMAT of IKE SA %llu "
		    "Quick Mode %08x", (unsigned long long)sa->id, in->msgid);
		if (ks_find_esp(c->ks, sa->af, src, dst, spi) == NULL &&
		    ks_add_esp(c->ks, &esa, err, sizeof(err)) == 0)
			c->esp_derived++;
		OPENSSL_cleanse(km, sizeof(km));
		OPENSSL_cleanse(&esa, sizeof(esa));
	}
}

/* ------------------------------------------------------------ the hook */

/* Keys derived for an SA go back to the key store (for --export). */
static void
eng_ike_learned(struct ctx *c, const struct trk_ike_sa *sa)
{
	struct ks_ike *k = malloc(sizeof(*k));
	char err[128];

	if (k == NULL)
		return;
	memset(k, 0, sizeof(*k));
	memcpy(k->icookie, sa->icookie, 8);
	memcpy(k->rcookie, sa->rcookie, 8);
	k->has_rcookie = true;
	snprintf(k->origin, sizeof(k->origin), "derived for IKE SA %llu",
	    (unsigned long long)sa->id);
	if (ike_learned(sa->ike_state, k))
		(void)ks_add_ike(c->ks, k, err, sizeof(err));
	OPENSSL_clear_free(k, sizeof(*k));
}


/*
 * The pre-placement hook.  Every phase-1 message that is not a
 * retransmission goes to the SA's phase-1 record, keys or not; with keys
 * for the SA, encrypted messages are decrypted (the record then gets what
 * they carried).
 */
static void
eng_ike_pre(struct trk_ike_sa *sa, const struct trk_msg *orig, uint8_t dir,
    struct trk_in *in, void *arg)
{
	struct ctx *c = arg;
	struct frame_rec *fr = &c->fr;
	const struct ks_ike *k;
	bool from_init = in->msgid == 0 ? dir == TRK_I2R : in->from_exch_init;
	struct ike_msg_in min;
	struct ike_plain pt;
	size_t i;

	if (!in->encrypted && in->msgid == 0 && orig == NULL)
		p1rec_observe(&sa->p1, from_init, &fr->isakmp, true);
	if (c->ike_ssl == NULL)
		return;
	k = ks_find_ike(c->ks, sa->icookie);
	if (k == NULL)
		return;
	if (sa->ike_state == NULL) {
		if (c->ike_states >= IKE_MAX_STATES) {
			c->ike_states_refused++;
			return;
		}
		sa->ike_state = ike_state_new(&sa->p1);
		if (sa->ike_state == NULL)
			return;
		c->ike_states++;
	}
	if (!in->encrypted) {
		ike_observe_p2(sa->ike_state, from_init, &fr->isakmp);
		return;
	}
	if (orig != NULL && orig->iv_len == 0)
		return;
	fr->ike_tried = true;
	min.hdr = &fr->isakmp.hdr;
	min.raw = in->raw;
	min.len = in->raw_len;
	min.from_init = from_init;
	min.orig_iv = orig != NULL ? orig->iv : NULL;
	pt.buf = c->ike_plain;
	pt.cap = PLAIN_MAX;
	pt.msg = c->ike_msg;
	if (ike_decrypt(sa->ike_state, c->ike_ssl, k, &min, &pt,
	    &fr->ike) == -1) {
		if (fr->ike.st == IKE_DEC_FAILED)
			c->ike_failed++;
		if (fr->ike.iv_len != 0 && fr->ike.st != IKE_DEC_OK) {
			/* The chain advanced; remember the IV anyway. */
			memcpy(in->iv, fr->ike.iv, fr->ike.iv_len);
			in->iv_len = (uint8_t)fr->ike.iv_len;
		}
		return;
	}
	c->ike_decrypted++;
	eng_ike_learned(c, sa);
	memcpy(in->iv, fr->ike.iv, fr->ike.iv_len);
	in->iv_len = (uint8_t)fr->ike.iv_len;

	/* The decrypted payloads replace the opaque body everywhere. */
	fr->isakmp.npayloads = c->ike_msg->npayloads;
	for (i = 0; i < c->ike_msg->npayloads; i++)
		fr->isakmp.pl[i] = c->ike_msg->pl[i];
	/* Bytes after the last payload are the cipher's padding. */
	c->ike_msg->anomalies &= ~ISAKMP_AN_PL_TRAILING;
	c->ike_msg->pl_trailing = 0;
	fr->isakmp.anomalies |= c->ike_msg->anomalies;
	isakmp_an_collect(&fr->pkt.an, c->ike_msg, fr->ike.len);
	in->decrypted = true;
	in->plaintext = true;
	eng_ike_summary(c->ike_msg, in);
	if (in->exch == ISAKMP_EXCH_QUICK && in->has_sa && !in->from_exch_init)
		eng_ike_derive_esp(c, sa, in, k, dir);
}

static void
eng_ike_state_free(struct ike_state *st, void *arg)
{
	struct ctx *c = arg;

	ike_state_free(st);
	if (c->ike_states > 0)
		c->ike_states--;
}

int
eng_ike_init(struct ctx *c, char *errbuf, size_t errlen)
{
	trk_set_hooks(c->trk, eng_ike_pre, eng_ike_state_free, c);
	if (c->ks == NULL || (ks_ike_count(c->ks) == 0 && !c->o.keys_grow))
		return 0;
	c->ike_ssl = sslctx_new(errbuf, errlen);
	c->ike_plain = malloc(PLAIN_MAX);
	c->ike_msg = malloc(sizeof(*c->ike_msg));
	if (c->ike_ssl == NULL || c->ike_plain == NULL ||
	    c->ike_msg == NULL) {
		if (c->ike_ssl != NULL)
			snprintf(errbuf, errlen, "out of memory (IKE)");
		eng_ike_free(c);
		return -1;
	}
	return 0;
}

void
eng_ike_free(struct ctx *c)
{
	sslctx_free(c->ike_ssl);
	c->ike_ssl = NULL;
	if (c->ike_plain != NULL)
		OPENSSL_clear_free(c->ike_plain, PLAIN_MAX);
	c->ike_plain = NULL;
	free(c->ike_msg);
	c->ike_msg = NULL;
}
