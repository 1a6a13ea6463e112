/*
 * imb.c - the Intel multi-buffer backend; see imb.h.
 *
 * Supported SAs: AES-CBC and AES-CTR (RFC 3686) with HMAC-MD5-96,
 * HMAC-SHA1-96, HMAC-SHA-256-128, HMAC-SHA-384-192, HMAC-SHA-512-256 or
 * AES-CMAC-96 (no ESN: the library hashes one contiguous span and the ESN
 * high half is not on the wire), AES-GCM with 8/12/16-byte ICVs and
 * AES-CCM (128 and 256-bit keys: the library has no AES-192-CCM) with
 * 8/12/16-byte ICVs (ESN or not).  Others (3DES, DES, XCBC, GMAC,
 * ChaCha20-Poly1305, SHA-256-96, NULL encryption, AES-192-CCM, Camellia,
 * CAST, Blowfish, RIPEMD-160) stay on EVP, per SA.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "esp/imb.h"
#include "keys/espalg.h"

#ifdef HAVE_IPSEC_MB

#include <intel-ipsec-mb.h>
#include <openssl/crypto.h>

#define IMB_CHUNK	64	/* most jobs in one imb_run */

struct imb_lane {
	IMB_MGR		*m;
	/* per job of a run: counter block / nonce, AAD, computed tag */
	uint8_t		 iv[IMB_CHUNK][16];
	uint8_t		 aad[IMB_CHUNK][16];
	uint8_t		 tag[IMB_CHUNK][64];
};

enum imb_mode { IMB_M_CBC, IMB_M_CTR, IMB_M_GCM, IMB_M_CCM };

struct imb_sa {
	struct gcm_key_data gk;		/* first: 64-byte aligned */
	uint32_t	 ek[60] __attribute__((aligned(16)));
	uint32_t	 dk[60] __attribute__((aligned(16)));
	uint8_t		 ipad[64] __attribute__((aligned(16)));
	uint8_t		 opad[64] __attribute__((aligned(16)));
	/* AES-CMAC: the integrity key expanded, and its subkeys */
	uint32_t	 mk[44] __attribute__((aligned(16)));
	uint8_t		 sk1[16] __attribute__((aligned(16)));
	uint8_t		 sk2[16] __attribute__((aligned(16)));
	enum imb_mode	 mode;
	IMB_HASH_ALG	 hash;
	size_t		 klen, iv_len, icv_len;
	uint8_t		 salt[4];
	bool		 esn;
};

bool
imb_built(void)
{
	return true;
}

struct imb_lane *
imb_lane_new(char *errbuf, size_t errlen)
{
	struct imb_lane *l = aligned_alloc(64, (sizeof(*l) + 63) / 64 * 64);

	if (l == NULL) {
		snprintf(errbuf, errlen, "out of memory (multi-buffer)");
		return NULL;
	}
	memset(l, 0, sizeof(*l));
	l->m = alloc_mb_mgr(0);
	if (l->m == NULL) {
		snprintf(errbuf, errlen, "multi-buffer: cannot make a job "
		    "manager");
		free(l);
		return NULL;
	}
	init_mb_mgr_auto(l->m, NULL);
	if (imb_get_errno(l->m) != 0) {
		snprintf(errbuf, errlen, "multi-buffer: %s",
		    imb_get_strerror(imb_get_errno(l->m)));
		imb_lane_free(l);
		return NULL;
	}
	return l;
}

void
imb_lane_free(struct imb_lane *l)
{
	if (l == NULL)
		return;
	free_mb_mgr(l->m);
	OPENSSL_cleanse(l, sizeof(*l));
	free(l);
}

void
imb_sa_free(struct imb_sa *s)
{
	if (s == NULL)
		return;
	OPENSSL_cleanse(s, sizeof(*s));
	free(s);
}

/* HMAC: the hash state after one block of key ^ ipad and key ^ opad. */
static bool
imb_hmac_pads(IMB_MGR *m, struct imb_sa *s, const uint8_t *key, size_t klen)
{
	uint8_t b[128];
	size_t bl = s->hash == IMB_AUTH_HMAC_SHA_384 ||
	    s->hash == IMB_AUTH_HMAC_SHA_512 ? 128 : 64;
	int pass;

	if (klen > bl)
		return false;
	for (pass = 0; pass < 2; pass++) {
		uint8_t x = pass == 0 ? 0x36 : 0x5c, *dst = pass == 0 ?
		    s->ipad : s->opad;
		size_t i;

		memset(b, x, bl);
		for (i = 0; i < klen; i++)
			b[i] = key[i] ^ x;
		switch (s->hash) {
		case IMB_AUTH_MD5:
			IMB_MD5_ONE_BLOCK(m, b, dst);
			break;
		case IMB_AUTH_HMAC_SHA_1:
			IMB_SHA1_ONE_BLOCK(m, b, dst);
			break;
		case IMB_AUTH_HMAC_SHA_256:
			IMB_SHA256_ONE_BLOCK(m, b, dst);
			break;
		case IMB_AUTH_HMAC_SHA_384:
			IMB_SHA384_ONE_BLOCK(m, b, dst);
			break;
		default:
			IMB_SHA512_ONE_BLOCK(m, b, dst);
			break;
		}
	}
	OPENSSL_cleanse(b, sizeof(b));
	return true;
}

/* The table's HMAC kinds (espalg.h) as the library's. */
static bool
imb_auth(struct imb_sa *s, enum espalg_mb mb)
{
	switch (mb) {
	case ESPALG_MB_MD5:
		s->hash = IMB_AUTH_MD5;
		return true;
	case ESPALG_MB_SHA1:
		s->hash = IMB_AUTH_HMAC_SHA_1;
		return true;
	case ESPALG_MB_SHA256:
		s->hash = IMB_AUTH_HMAC_SHA_256;
		return true;
	case ESPALG_MB_SHA384:
		s->hash = IMB_AUTH_HMAC_SHA_384;
		return true;
	case ESPALG_MB_SHA512:
		s->hash = IMB_AUTH_HMAC_SHA_512;
		return true;
	case ESPALG_MB_AES_CMAC:
		s->hash = IMB_AUTH_AES_CMAC;
		return true;
	default:
		return false;	/* none, XCBC, SHA-256-96, RIPEMD, any */
	}
}

/* The integrity key's state: HMAC pads, or CMAC's schedule and subkeys. */
static bool
imb_auth_key(IMB_MGR *m, struct imb_sa *s, const uint8_t *key, size_t klen)
{
	uint32_t dk[44] __attribute__((aligned(16)));

	if (s->hash != IMB_AUTH_AES_CMAC)
		return imb_hmac_pads(m, s, key, klen);
	if (klen != 16)
		return false;
	IMB_AES_KEYEXP_128(m, key, s->mk, dk);
	IMB_AES_CMAC_SUBKEY_GEN_128(m, s->mk, s->sk1, s->sk2);
	OPENSSL_cleanse(dk, sizeof(dk));
	return true;
}

struct imb_sa *
imb_sa_new(struct imb_lane *l, const struct ks_esp_sa *sa)
{
	const struct espalg_enc *e = espalg_enc(sa->enc, sa->icv_len);
	const struct espalg_auth *a = espalg_auth(sa->auth, sa->icv_len);
	struct imb_sa *s;
	size_t klen = sa->enc_key_len;

	if (l == NULL || e == NULL || a == NULL || klen < e->salt ||
	    !espalg_key_ok(e, klen - e->salt))
		return NULL;
	/* CBC and CTR with the library's MACs, 32-bit numbers; GCM; CCM
	   but AES-192's */
	if (e->mb == ESPALG_MB_NONE || (e->mb != ESPALG_MB_AES_GCM &&
	    e->mb != ESPALG_MB_AES_CCM && (sa->esn ||
	    sa->icv_len != a->icv)))
		return NULL;
	klen -= e->salt;
	if (e->mb == ESPALG_MB_AES_CCM && klen == 24)
		return NULL;
	s = aligned_alloc(64, (sizeof(*s) + 63) / 64 * 64);
	if (s == NULL)
		return NULL;
	memset(s, 0, sizeof(*s));
	s->klen = klen;
	s->icv_len = sa->icv_len;
	s->esn = sa->esn;
	s->iv_len = e->iv;
	memcpy(s->salt, sa->enc_key + klen, e->salt);
	if (e->mb == ESPALG_MB_AES_GCM) {
		s->mode = IMB_M_GCM;
		s->hash = IMB_AUTH_AES_GMAC;
		if (klen == 16)
			IMB_AES128_GCM_PRE(l->m, sa->enc_key, &s->gk);
		else if (klen == 24)
			IMB_AES192_GCM_PRE(l->m, sa->enc_key, &s->gk);
		else
			IMB_AES256_GCM_PRE(l->m, sa->enc_key, &s->gk);
		return s;
	}
	s->mode = e->mb == ESPALG_MB_AES_CBC ? IMB_M_CBC :
	    e->mb == ESPALG_MB_AES_CCM ? IMB_M_CCM : IMB_M_CTR;
	if (klen == 16)
		IMB_AES_KEYEXP_128(l->m, sa->enc_key, s->ek, s->dk);
	else if (klen == 24)
		IMB_AES_KEYEXP_192(l->m, sa->enc_key, s->ek, s->dk);
	else
		IMB_AES_KEYEXP_256(l->m, sa->enc_key, s->ek, s->dk);
	if (s->mode == IMB_M_CCM) {
		s->hash = IMB_AUTH_AES_CCM;
		return s;
	}
	if (!imb_auth(s, a->mb) ||
	    !imb_auth_key(l->m, s, sa->auth_key, sa->auth_key_len)) {
		imb_sa_free(s);
		return NULL;
	}
	return s;
}

/* Fill the manager's job for jb (index i of the run). */
static void
imb_fill(struct imb_lane *l, IMB_JOB *j, const struct imb_job *jb,
    size_t i)
{
	const struct imb_sa *s = jb->sa;
	size_t ct_len = jb->esp_len - 8 - s->iv_len - s->icv_len;

	j->src = jb->esp;
	j->dst = jb->out;
	j->cipher_direction = IMB_DIR_DECRYPT;
	j->chain_order = IMB_ORDER_HASH_CIPHER;
	j->key_len_in_bytes = s->klen;
	j->cipher_start_src_offset_in_bytes = 8 + s->iv_len;
	j->msg_len_to_cipher_in_bytes = ct_len;
	j->auth_tag_output = l->tag[i];
	j->auth_tag_output_len_in_bytes = s->icv_len;
	j->hash_alg = s->hash;
	j->user_data2 = (void *)(uintptr_t)i;
	if (s->mode == IMB_M_GCM || s->mode == IMB_M_CCM) {
		uint8_t *a = l->aad[i];
		size_t sl = s->mode == IMB_M_GCM ? 4 : 3;

		memcpy(l->iv[i], s->salt, sl);
		memcpy(l->iv[i] + sl, jb->esp + 8, 8);
		memcpy(a, jb->esp, 4);		/* SPI [|| seq_hi] || seq */
		if (s->esn) {
			a[4] = (uint8_t)(jb->seq_hi >> 24);
			a[5] = (uint8_t)(jb->seq_hi >> 16);
			a[6] = (uint8_t)(jb->seq_hi >> 8);
			a[7] = (uint8_t)jb->seq_hi;
			memcpy(a + 8, jb->esp + 4, 4);
		} else
			memcpy(a + 4, jb->esp + 4, 4);
		j->hash_start_src_offset_in_bytes = 8 + s->iv_len;
		j->msg_len_to_hash_in_bytes = ct_len;
		j->iv = l->iv[i];
		j->iv_len_in_bytes = sl + 8;
		if (s->mode == IMB_M_CCM) {
			/* RFC 3610: the MAC is of the plaintext */
			j->chain_order = IMB_ORDER_CIPHER_HASH;
			j->cipher_mode = IMB_CIPHER_CCM;
			j->enc_keys = j->dec_keys = s->ek;
			j->u.CCM.aad = a;
			j->u.CCM.aad_len_in_bytes = s->esn ? 12 : 8;
			return;
		}
		j->cipher_mode = IMB_CIPHER_GCM;
		j->enc_keys = j->dec_keys = &s->gk;
		j->u.GCM.aad = a;
		j->u.GCM.aad_len_in_bytes = s->esn ? 12 : 8;
		return;
	}
	if (s->mode == IMB_M_CBC) {
		j->cipher_mode = IMB_CIPHER_CBC;
		j->enc_keys = s->ek;
		j->dec_keys = s->dk;
		j->iv = jb->esp + 8;
		j->iv_len_in_bytes = 16;
	} else {
		/* RFC 3686 counter block: nonce || IV || 1 */
		memcpy(l->iv[i], s->salt, 4);
		memcpy(l->iv[i] + 4, jb->esp + 8, 8);
		l->iv[i][12] = l->iv[i][13] = l->iv[i][14] = 0;
		l->iv[i][15] = 1;
		j->cipher_mode = IMB_CIPHER_CNTR;
		j->enc_keys = j->dec_keys = s->ek;
		j->iv = l->iv[i];
		j->iv_len_in_bytes = 16;
	}
	j->hash_start_src_offset_in_bytes = 0;
	j->msg_len_to_hash_in_bytes = jb->esp_len - s->icv_len;
	if (s->hash == IMB_AUTH_AES_CMAC) {
		j->u.CMAC._key_expanded = s->mk;
		j->u.CMAC._skey1 = s->sk1;
		j->u.CMAC._skey2 = s->sk2;
		return;
	}
	j->u.HMAC._hashed_auth_key_xor_ipad = s->ipad;
	j->u.HMAC._hashed_auth_key_xor_opad = s->opad;
}

static void
imb_done(IMB_JOB *j, const struct imb_job *jobs, int *r)
{
	size_t i = (size_t)(uintptr_t)j->user_data2;
	const struct imb_job *jb = &jobs[i];
	const uint8_t *icv = jb->esp + jb->esp_len -
	    j->auth_tag_output_len_in_bytes;

	if (j->status != IMB_STATUS_COMPLETED)
		r[i] = -1;
	else
		r[i] = CRYPTO_memcmp(j->auth_tag_output, icv,
		    j->auth_tag_output_len_in_bytes) == 0 ? 0 : 1;
}

void
imb_run(struct imb_lane *l, const struct imb_job *jobs, size_t n, int *r)
{
	IMB_MGR *m = l->m;
	IMB_JOB *j;
	size_t base, i, k;

	for (base = 0; base < n; base += IMB_CHUNK) {
		k = n - base < IMB_CHUNK ? n - base : IMB_CHUNK;
		for (i = 0; i < k; i++) {
			r[base + i] = -1;
			j = IMB_GET_NEXT_JOB(m);
			imb_fill(l, j, &jobs[base + i], i);
			j = IMB_SUBMIT_JOB(m);
			while (j != NULL) {
				imb_done(j, jobs + base, r + base);
				j = IMB_GET_COMPLETED_JOB(m);
			}
		}
		while ((j = IMB_FLUSH_JOB(m)) != NULL)
			imb_done(j, jobs + base, r + base);
	}
}

#else /* !HAVE_IPSEC_MB */

bool
imb_built(void)
{
	return false;
}

struct imb_lane *
imb_lane_new(char *errbuf, size_t errlen)
{
	snprintf(errbuf, errlen, "the multi-buffer backend is not built");
	return NULL;
}

void
imb_lane_free(struct imb_lane *l)
{
	(void)l;
}

struct imb_sa *
imb_sa_new(struct imb_lane *l, const struct ks_esp_sa *sa)
{
	(void)l;
	(void)sa;
	return NULL;
}

void
imb_sa_free(struct imb_sa *s)
{
	(void)s;
}

void
imb_run(struct imb_lane *l, const struct imb_job *jobs, size_t n, int *r)
{
	size_t i;

	(void)l;
	(void)jobs;
	for (i = 0; i < n; i++)
		r[i] = -1;
}

#endif
