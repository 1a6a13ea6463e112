/*
 * mmtgt.c - Main Mode crack targets from captures; see mmtgt.h.
 */
#include <config.h>

#include <arpa/inet.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/crypto.h>
#include <openssl/evp.h>

#include "audit/crack_cap.h"
#include "audit/mmtgt.h"
#include "engine/event.h"
#include "ike/ike_crypto.h"

/* One side's sealed message. */
struct mmt_side {
	struct mmt	*m;
	struct mmt_sa	*sa;
	bool		 have;
	bool		 responder;	/* its sender */
	bool		 from_init;	/* of its exchange */
	struct isakmp_hdr hdr;
	uint8_t		*raw;		/* header room, then the body */
	size_t		 len;
	uint32_t	 frame;
	uint8_t		 iv[CM_MAX_IVS][CM_MAX_BLOCK];
	unsigned	 niv;
	size_t		 block;
	const char	*what;
	struct p1rec	 rec;		/* the SA's record when it was seen */
};

struct mmt_sa {
	uint8_t		 icookie[8], rcookie[8];
	struct cc_sa	 csa;		/* as crack CAPTURE names it */
	char		 iaddr[48], raddr[48];
	struct ks_ike_key gxy;
	bool		 opened[2];	/* a side the keys given open */
	struct mmt_side	 side[2];	/* initiator, responder */
};

struct mmt {
	struct ctx	*c;		/* while the capture is read */
	struct sslctx	*ssl;		/* the run's own, for after it */
	bool		(*keep)(const struct trk_ike_sa *, void *);
	void		*keep_arg;
	struct mmt_sa	*sas;
	size_t		 nsas;
	struct cm_target *tg;
	EVP_CIPHER	**ciph;
	uint8_t		**ninr;
	size_t		 ntg, sas_opened;
	size_t		 bytes;		/* messages and records kept */
	uint64_t	 dropped;
	/* the full check's scratch (calls never overlap) */
	uint8_t		*plain;
	struct isakmp_msg *msg;
};

/* ---- copying a phase-1 record */

static int
mmt_blob(struct p1rec_blob *d, const struct p1rec_blob *s)
{
	*d = *s;
	d->p = NULL;
	if (s->n == 0)
		return 0;
	d->p = malloc(s->n);
	if (d->p == NULL) {
		d->n = 0;
		return -1;
	}
	memcpy(d->p, s->p, s->n);
	return 0;
}

/* what decryption reads: bodies and the choice, not the offer */
static int
mmt_rec_copy(struct p1rec *d, const struct p1rec *s)
{
	*d = *s;
	d->offered = NULL;
	d->nkept = 0;
	return mmt_blob(&d->gxi, &s->gxi) | mmt_blob(&d->gxr, &s->gxr) |
	    mmt_blob(&d->ni, &s->ni) | mmt_blob(&d->nr, &s->nr) |
	    mmt_blob(&d->sai, &s->sai) | mmt_blob(&d->idi, &s->idi) |
	    mmt_blob(&d->idr, &s->idr) | mmt_blob(&d->hash_i, &s->hash_i) |
	    mmt_blob(&d->hash_r, &s->hash_r);
}

/* ---- the PRFs and ciphers a target can have */

static bool
mmt_hash(uint16_t h, enum ck_hash *out)
{
	switch (h) {
	case 1: *out = CK_MD5; return true;
	case 2: *out = CK_SHA1; return true;
	case 4: *out = CK_SHA256; return true;
	case 5: *out = CK_SHA384; return true;
	case 6: *out = CK_SHA512; return true;
	default: return false;
	}
}

/* pre-shared key methods: plain, XAUTH initiator and responder */
static bool
mmt_psk_auth(uint16_t a)
{
	return a == 1 || a == 65001 || a == 65002;
}

/* ---- the sink */

static struct mmt_sa *
mmt_sa_get(struct mmt *m, const struct trk_ike_sa *sa, const struct ks_ike *k)
{
	struct mmt_sa *s;
	size_t i;

	for (i = 0; i < m->nsas; i++)
		if (memcmp(m->sas[i].icookie, sa->icookie, 8) == 0 &&
		    memcmp(m->sas[i].rcookie, sa->rcookie, 8) == 0)
			return &m->sas[i];
	if (m->nsas == MMT_MAX_SAS)
		return NULL;
	if (m->nsas % 64 == 0) {
		s = realloc(m->sas, (m->nsas + 64) * sizeof(*s));
		if (s == NULL)
			return NULL;
		m->sas = s;
	}
	s = &m->sas[m->nsas++];
	memset(s, 0, sizeof(*s));
	memcpy(s->icookie, sa->icookie, 8);
	memcpy(s->rcookie, sa->rcookie, 8);
	inet_ntop(sa->af == 6 ? AF_INET6 : AF_INET, sa->iaddr, s->iaddr,
	    sizeof(s->iaddr));
	inet_ntop(sa->af == 6 ? AF_INET6 : AF_INET, sa->raddr, s->raddr,
	    sizeof(s->raddr));
	s->gxy = k->gxy;
	cc_sa_fill(&s->csa, sa, sa->p1.chosen_alg.hash);
	return s;
}

static const char *
mmt_what(const struct trk_msg *msg)
{
	if (msg->msgid == 0)
		return trk_label_name(msg->label);
	switch (msg->exch) {
	case ISAKMP_EXCH_INFO:
		return "Informational";
	case ISAKMP_EXCH_QUICK:
		return "Quick Mode message";
	default:
		return "message";
	}
}

static void
mmt_ev(void *arg, const struct eng_event *ev)
{
	struct mmt *m = arg;
	const struct frame_rec *fr = ev->fr;
	const struct trk_ike_sa *sa = fr->trk.sa;
	const struct trk_msg *msg = fr->trk.msg;
	const struct p1rec *r;
	const struct ks_ike *k;
	struct mmt_sa *s;
	struct mmt_side *sd;
	enum ck_hash h;
	size_t klen, block, body, n;
	bool resp;

	if (!fr->has_isakmp || !fr->tracked || sa == NULL || msg == NULL ||
	    fr->trk.retransmit || !(fr->isakmp.hdr.flags & ISAKMP_FLAG_E) ||
	    !fr->ike_tried || fr->ike.iv_len == 0 ||
	    fr->ike.iv_len > CM_MAX_BLOCK)
		return;
	if (m->keep != NULL && !m->keep(sa, m->keep_arg))
		return;
	r = &sa->p1;
	k = ks_find_ike(m->c->ks, sa->icookie);
	if (k == NULL || k->gxy.len == 0 || !r->has_chosen ||
	    !mmt_psk_auth(r->chosen_alg.auth) || !r->ni.n || !r->nr.n ||
	    !mmt_hash(r->chosen_alg.hash, &h) ||
	    ike_cipher_name(&r->chosen_alg, &klen, &block) == NULL ||
	    block != fr->ike.iv_len)
		return;
	s = mmt_sa_get(m, sa, k);
	if (s == NULL) {
		m->dropped++;
		return;
	}
	/* a HASH that the message proves alone: not QM2's or QM3's, which
	 * take QM1's nonce */
	if (msg->label == TRK_L_QM2 || msg->label == TRK_L_QM3 ||
	    (msg->exch == ISAKMP_EXCH_QUICK && msg->label != TRK_L_QM1))
		return;
	resp = msg->dir == TRK_R2I;
	if (fr->ike.st == IKE_DEC_OK) {
		s->opened[resp] = true;
		return;
	}
	sd = &s->side[resp];
	/* phase 1 first: its HASH covers the most */
	if (sd->have && (sd->hdr.msgid == 0 || msg->msgid != 0))
		return;
	body = cur_left(&fr->isakmp.body);
	if (body < block || body % block != 0)
		return;
	if (body > MMT_MAX_MSG ||
	    m->bytes + body + r->bytes > MMT_MAX_BYTES) {
		m->dropped++;
		return;
	}
	if (sd->have) {
		m->bytes -= sd->len + sd->rec.bytes;
		free(sd->raw);
		p1rec_free(&sd->rec);
	}
	memset(sd, 0, sizeof(*sd));
	sd->raw = malloc(ISAKMP_HDR_LEN + body);
	if (sd->raw == NULL || mmt_rec_copy(&sd->rec, r) != 0) {
		free(sd->raw);
		p1rec_free(&sd->rec);
		memset(sd, 0, sizeof(*sd));
		return;
	}
	memset(sd->raw, 0, ISAKMP_HDR_LEN);
	memcpy(sd->raw + ISAKMP_HDR_LEN, cur_ptr(&fr->isakmp.body), body);
	sd->have = true;
	sd->responder = resp;
	sd->from_init = msg->msgid == 0 ? !resp :
	    msg->ex < sa->nex && sa->ex[msg->ex].init_dir == msg->dir;
	sd->hdr = fr->isakmp.hdr;
	sd->len = ISAKMP_HDR_LEN + body;
	m->bytes += sd->len + sd->rec.bytes;
	sd->frame = msg->frame;
	sd->what = mmt_what(msg);
	sd->block = block;
	memcpy(sd->iv[0], fr->ike.iv, block);
	sd->niv = 1;
	if (msg->msgid != 0 && sa->ike_state != NULL &&
	    ike_iv_p2_before(sa->ike_state, m->ssl, msg->msgid,
	    sd->iv[1], &n) == 0 && n == block &&
	    memcmp(sd->iv[0], sd->iv[1], block) != 0)
		sd->niv = 2;
}

struct mmt *
mmt_new(struct ctx *c, bool (*keep)(const struct trk_ike_sa *, void *),
    void *keep_arg, char *err, size_t errlen)
{
	struct mmt *m = calloc(1, sizeof(*m));
	struct eng_sink sk;

	if (m == NULL) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	m->c = c;
	m->keep = keep;
	m->keep_arg = keep_arg;
	m->ssl = sslctx_new(err, errlen);
	if (m->ssl == NULL) {
		mmt_free(m);
		return NULL;
	}
	m->plain = malloc(65536);
	m->msg = malloc(sizeof(*m->msg));
	if (m->plain == NULL || m->msg == NULL) {
		snprintf(err, errlen, "out of memory");
		mmt_free(m);
		return NULL;
	}
	memset(&sk, 0, sizeof(sk));
	sk.ev = mmt_ev;
	sk.arg = m;
	sk.mask = ENG_EV_BIT(ENG_EV_IKE_MSG);
	if (eng_sink_add(c, &sk, err, errlen) == -1) {
		mmt_free(m);
		return NULL;
	}
	return m;
}

/* ---- the full check */

static bool
mmt_check(void *arg, const uint8_t *psk, size_t len)
{
	struct mmt_side *sd = arg;
	struct mmt *m = sd->m;
	struct ks_ike *k;
	struct p1rec rec;
	struct ike_state *st;
	struct ike_msg_in in;
	struct ike_plain pt;
	struct ike_dec d;
	bool ok = false;
	unsigned i;

	k = calloc(1, sizeof(*k));
	if (k == NULL || len > sizeof(k->psk.v) ||
	    sd->len - ISAKMP_HDR_LEN > 65536) {
		free(k);
		return false;
	}
	memcpy(k->icookie, sd->sa->icookie, 8);
	memcpy(k->rcookie, sd->sa->rcookie, 8);
	k->has_rcookie = true;
	k->gxy = sd->sa->gxy;
	memcpy(k->psk.v, psk, len);
	k->psk.len = len;
	memset(&in, 0, sizeof(in));
	in.hdr = &sd->hdr;
	in.raw = sd->raw;
	in.len = sd->len;
	in.from_init = sd->from_init;
	pt.buf = m->plain;
	pt.cap = 65536;
	pt.msg = m->msg;
	for (i = 0; i < sd->niv && !ok; i++) {
		/* a fresh record and state: decryption completes them */
		if (mmt_rec_copy(&rec, &sd->rec) != 0) {
			p1rec_free(&rec);
			break;
		}
		st = ike_state_new(&rec);
		in.orig_iv = sd->iv[i];
		ok = st != NULL && ike_decrypt(st, m->ssl, k, &in, &pt,
		    &d) == 0 && d.hash == IKE_HASH_OK;
		ike_state_free(st);
		p1rec_free(&rec);
	}
	OPENSSL_cleanse(k, sizeof(*k));
	free(k);
	return ok;
}

/* ---- the targets */

/* the ECB mode of a CBC cipher (the filter decrypts one block) */
static EVP_CIPHER *
mmt_ecb(struct mmt *m, const char *cbc)
{
	char name[64];
	size_t n = strlen(cbc);

	if (n < 4 || n >= sizeof(name) || strcmp(cbc + n - 4, "-CBC") != 0)
		return NULL;
	memcpy(name, cbc, n - 4);
	strcpy(name + n - 4, "-ECB");
	return EVP_CIPHER_fetch(sslctx_lib(m->ssl), name, NULL);
}

/*
 * Side sd of SA s as target t, its cipher and Ni_b | Nr_b into *ciph and
 * *ninr (the collector's, freed by mmt_free); false when it cannot be.
 */
static bool
mmt_fill(struct mmt *m, struct mmt_sa *s, struct mmt_side *sd,
    struct cm_target *t, EVP_CIPHER **ciph, uint8_t **ninr)
{
	const struct p1rec *r = &sd->rec;
	size_t klen, block;
	const char *cn;

	cn = ike_cipher_name(&r->chosen_alg, &klen, &block);
	*ciph = cn != NULL ? mmt_ecb(m, cn) : NULL;
	*ninr = malloc(r->ni.n + r->nr.n);
	if (*ciph == NULL || *ninr == NULL ||
	    !mmt_hash(r->chosen_alg.hash, &t->hash)) {
		EVP_CIPHER_free(*ciph);
		free(*ninr);
		*ciph = NULL;
		*ninr = NULL;
		return false;
	}
	memcpy(*ninr, r->ni.p, r->ni.n);
	memcpy(*ninr + r->ni.n, r->nr.p, r->nr.n);
	t->cipher = *ciph;
	t->klen = klen;
	t->block = block;
	t->ninr = *ninr;
	t->ninr_len = r->ni.n + r->nr.n;
	t->gxy = s->gxy.v;
	t->gxy_len = s->gxy.len;
	memcpy(t->icookie, s->icookie, 8);
	memcpy(t->rcookie, s->rcookie, 8);
	memcpy(t->ct, sd->raw + ISAKMP_HDR_LEN, block);
	memcpy(t->iv, sd->iv, sizeof(t->iv));
	t->niv = sd->niv;
	t->ctlen = sd->len - ISAKMP_HDR_LEN;
	t->responder = sd->responder;
	t->frame = sd->frame;
	t->what = sd->what;
	t->initiator = s->iaddr;
	t->responder_addr = s->raddr;
	t->check = mmt_check;
	t->arg = sd;
	sd->m = m;		/* the SAs stay put now */
	sd->sa = s;
	return true;
}

struct cm_target *
mmt_targets(struct mmt *m, size_t *n, size_t *nsas, size_t *opened)
{
	size_t i, j;

	*n = 0;
	*nsas = m->nsas;
	if (m->tg == NULL && m->nsas > 0) {
		m->tg = calloc(2 * m->nsas, sizeof(*m->tg));
		m->ciph = calloc(2 * m->nsas, sizeof(*m->ciph));
		m->ninr = calloc(2 * m->nsas, sizeof(*m->ninr));
		if (m->tg == NULL || m->ciph == NULL || m->ninr == NULL)
			return NULL;
		/* an IKE SA's responder's first, as crack CAPTURE pairs
		 * them */
		for (i = 0; i < m->nsas; i++)
			for (j = 2; j-- > 0;) {
				struct mmt_sa *s = &m->sas[i];

				m->sas_opened += s->opened[j];
				if (s->side[j].have && !s->opened[j] &&
				    mmt_fill(m, s, &s->side[j],
				    &m->tg[m->ntg], &m->ciph[m->ntg],
				    &m->ninr[m->ntg]))
					m->ntg++;
			}
	}
	*n = m->ntg;
	*opened = m->sas_opened;
	return m->tg;
}

void
mmt_free(struct mmt *m)
{
	size_t i, j;

	if (m == NULL)
		return;
	for (i = 0; i < m->nsas; i++) {
		for (j = 0; j < 2; j++) {
			free(m->sas[i].side[j].raw);
			p1rec_free(&m->sas[i].side[j].rec);
		}
		OPENSSL_cleanse(&m->sas[i].gxy, sizeof(m->sas[i].gxy));
	}
	for (i = 0; m->tg != NULL && i < 2 * m->nsas; i++) {
		EVP_CIPHER_free(m->ciph[i]);
		free(m->ninr[i]);
	}
	free(m->tg);
	free(m->ciph);
	free(m->ninr);
	free(m->sas);
	free(m->plain);
	free(m->msg);
	sslctx_free(m->ssl);
	free(m);
}

uint64_t
mmt_dropped(const struct mmt *m)
{
	return m->dropped;
}

int
mmt_cc_add(struct mmt *m, struct cc_set *set)
{
	size_t i;

	for (i = 0; i < m->ntg; i++) {
		const struct mmt_side *sd = m->tg[i].arg;

		if (cc_add_gxy(set, &sd->sa->csa, sd->responder, sd->frame,
		    sd->what) == -1)
			return -1;
	}
	return 0;
}
