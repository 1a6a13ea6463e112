/*
 * crack_vec.h - MD5, SHA-1 and SHA-256 compression over LANES = NV * VL
 * lanes, written once for every vector width: crack_kern.c includes it
 * once per instruction set after defining
 *   V, VL          the vector type and its lanes of 32-bit words
 *   NV             vectors processed side by side: the rounds are one
 *                  dependency chain each, so two chains keep the vector
 *                  units busy where one waits on the last result
 *   TGT            the function attribute enabling the instruction set
 *   SFX(name)      the suffix naming this width's functions
 *   LD ST SET1 ADD XOR AND OR SRL ROL   memory, broadcast, arithmetic
 *   F_CH F_MAJ F_PAR F_MD5I             the boolean functions of rounds
 * No include guard: it is meant to be included more than once, and it
 * undefines those parameters at its end for the next width.
 */

#define LANES		(NV * VL)
#define VEC_INLINE	static inline __attribute__((always_inline)) TGT
/* word i of vector j */
#define AT(p, i, j)	((p) + (i) * LANES + (j) * VL)

VEC_INLINE void
SFX(md5_body)(uint32_t *st, const uint32_t *src, bool pre)
{
	V a[NV], b[NV], c[NV], d[NV], a0[NV], b0[NV], c0[NV], d0[NV], f, x;
	unsigned i, g, j;

	for (j = 0; j < NV; j++) {
		a[j] = a0[j] = LD(AT(st, 0, j));
		b[j] = b0[j] = LD(AT(st, 1, j));
		c[j] = c0[j] = LD(AT(st, 2, j));
		d[j] = d0[j] = LD(AT(st, 3, j));
	}
#pragma GCC unroll 64
	for (i = 0; i < 64; i++) {
		g = i < 16 ? i : i < 32 ? (5 * i + 1) & 15 :
		    i < 48 ? (3 * i + 5) & 15 : (7 * i) & 15;
#pragma GCC unroll 4
		for (j = 0; j < NV; j++) {
			if (i < 16)
				f = F_CH(b[j], c[j], d[j]);
			else if (i < 32)
				f = F_CH(d[j], b[j], c[j]);
			else if (i < 48)
				f = F_PAR(b[j], c[j], d[j]);
			else
				f = F_MD5I(b[j], c[j], d[j]);
			if (!pre)
				x = ADD(SET1(ck_md5_k[i]), LD(AT(src, g, j)));
			else
				x = SET1(src[i]);
			f = ADD(ADD(f, a[j]), x);
			a[j] = d[j];
			d[j] = c[j];
			c[j] = b[j];
			b[j] = ADD(b[j], ROL(f, ck_md5_r[i]));
		}
	}
	for (j = 0; j < NV; j++) {
		ST(AT(st, 0, j), ADD(a[j], a0[j]));
		ST(AT(st, 1, j), ADD(b[j], b0[j]));
		ST(AT(st, 2, j), ADD(c[j], c0[j]));
		ST(AT(st, 3, j), ADD(d[j], d0[j]));
	}
}

static TGT void
SFX(md5_comp)(uint32_t *st, const uint32_t *blk)
{
	SFX(md5_body)(st, blk, false);
}

static TGT void
SFX(md5_comp_kw)(uint32_t *st, const uint32_t *kw)
{
	SFX(md5_body)(st, kw, true);
}

/* round i of SHA-1 on state r, x the word plus the constant */
VEC_INLINE void
SFX(sha1_round)(V *r, V x, unsigned i)
{
	V f, t;

	if (i < 20)
		f = F_CH(r[1], r[2], r[3]);
	else if (i < 40 || i >= 60)
		f = F_PAR(r[1], r[2], r[3]);
	else
		f = F_MAJ(r[1], r[2], r[3]);
	t = ADD(ADD(ROL(r[0], 5), f), ADD(r[4], x));
	r[4] = r[3];
	r[3] = r[2];
	r[2] = ROL(r[1], 30);
	r[1] = r[0];
	r[0] = t;
}

/* word i >= 16 of the schedule into m[i & 15] */
#define VEC_SHA1_W(m, i)	((m)[(i) & 15] = ROL(XOR(XOR( \
	    (m)[((i) + 13) & 15], (m)[((i) + 8) & 15]), \
	    XOR((m)[((i) + 2) & 15], (m)[(i) & 15])), 1))

/*
 * src: a block per lane; pre: a prepared block (kw) shared by every lane;
 * dig: a digest per lane (src[5][lanes]) in a block padded as after a
 * 64-byte block (HMAC's outer block), the padding words constants here so
 * that the compiler folds their part of the schedule.
 */
VEC_INLINE void
SFX(sha1_body)(uint32_t *st, const uint32_t *src, bool pre, bool dig)
{
	V s[NV][5], s0[NV][5], w[NV][16], x;
	unsigned i, j, k;

	for (j = 0; j < NV; j++)
		for (k = 0; k < 5; k++)
			s[j][k] = s0[j][k] = LD(AT(st, k, j));
	if (!pre)
#pragma GCC unroll 4
		for (j = 0; j < NV; j++)
#pragma GCC unroll 16
			for (i = 0; i < 16; i++)
				w[j][i] = !dig || i < 5 ? LD(AT(src, i, j)) :
				    SET1(i == 5 ? 0x80000000u :
				    i == 15 ? (64 + 20) * 8 : 0);
#pragma GCC unroll 80
	for (i = 0; i < 80; i++) {
#pragma GCC unroll 4
		for (j = 0; j < NV; j++) {
			V *r = s[j], *m = w[j];

			if (!pre) {
				if (i >= 16)
					VEC_SHA1_W(m, i);
				x = ADD(m[i & 15], SET1(ck_sha1_k[i / 20]));
			} else
				x = SET1(src[i]);
			SFX(sha1_round)(r, x, i);
		}
	}
	for (j = 0; j < NV; j++)
		for (k = 0; k < 5; k++)
			ST(AT(st, k, j), ADD(s[j][k], s0[j][k]));
}

/*
 * HMAC's two key states from one schedule: kin, kout = the compressions
 * from the IV of key XOR 0x36.. and key XOR 0x5c.. (key: n words per
 * lane, zero after them).  The outer block is the inner one XOR
 * 0x6a6a6a6a, so its schedule is the inner one's XOR ck_sha1_padx.  One
 * vector of lanes at a time, the two states as the two chains.
 */
VEC_INLINE void
SFX(sha1_keys_body)(uint32_t *kin, uint32_t *kout, const uint32_t *key,
    unsigned n)
{
	V si[5], so[5], m[16], c, ipad = SET1(0x36363636);
	unsigned i, j, k;

	for (j = 0; j < NV; j++) {
		for (k = 0; k < 5; k++)
			si[k] = so[k] = SET1(ck_iv_sha1[k]);
#pragma GCC unroll 16
		for (i = 0; i < 16; i++)
			m[i] = i < n ? XOR(LD(AT(key, i, j)), ipad) : ipad;
#pragma GCC unroll 80
		for (i = 0; i < 80; i++) {
			if (i >= 16)
				VEC_SHA1_W(m, i);
			c = SET1(ck_sha1_k[i / 20]);
			SFX(sha1_round)(si, ADD(m[i & 15], c), i);
			SFX(sha1_round)(so, ADD(XOR(m[i & 15],
			    SET1(ck_sha1_padx[i])), c), i);
		}
		for (k = 0; k < 5; k++) {
			ST(AT(kin, k, j), ADD(si[k], SET1(ck_iv_sha1[k])));
			ST(AT(kout, k, j), ADD(so[k], SET1(ck_iv_sha1[k])));
		}
	}
}

static TGT void
SFX(sha1_comp)(uint32_t *st, const uint32_t *blk)
{
	SFX(sha1_body)(st, blk, false, false);
}

static TGT void
SFX(sha1_comp_kw)(uint32_t *st, const uint32_t *kw)
{
	SFX(sha1_body)(st, kw, true, false);
}

static TGT void
SFX(sha1_comp_dig)(uint32_t *st, const uint32_t *dig)
{
	SFX(sha1_body)(st, dig, false, true);
}

static TGT void
SFX(sha1_comp_keys)(uint32_t *kin, uint32_t *kout, const uint32_t *key,
    unsigned n)
{
	SFX(sha1_keys_body)(kin, kout, key, n);
}

#define VEC_ROR(x, n)	ROL((x), 32 - (n))

VEC_INLINE void
SFX(sha256_body)(uint32_t *st, const uint32_t *src, bool pre)
{
	V s[NV][8], s0[NV][8], w[NV][16], x, t1, t2;
	unsigned i, j, k;

	for (j = 0; j < NV; j++)
		for (k = 0; k < 8; k++)
			s[j][k] = s0[j][k] = LD(AT(st, k, j));
	if (!pre)
		for (j = 0; j < NV; j++)
			for (i = 0; i < 16; i++)
				w[j][i] = LD(AT(src, i, j));
#pragma GCC unroll 64
	for (i = 0; i < 64; i++) {
#pragma GCC unroll 4
		for (j = 0; j < NV; j++) {
			V *r = s[j], *m = w[j];

			if (!pre) {
				if (i >= 16) {
					V w15 = m[(i + 1) & 15];
					V w2 = m[(i + 14) & 15];
					V sg0 = XOR(XOR(VEC_ROR(w15, 7),
					    VEC_ROR(w15, 18)), SRL(w15, 3));
					V sg1 = XOR(XOR(VEC_ROR(w2, 17),
					    VEC_ROR(w2, 19)), SRL(w2, 10));

					m[i & 15] = ADD(ADD(m[i & 15], sg0),
					    ADD(m[(i + 9) & 15], sg1));
				}
				x = ADD(m[i & 15], SET1(ck_sha256_k[i]));
			} else
				x = SET1(src[i]);
			t1 = ADD(ADD(r[7], XOR(XOR(VEC_ROR(r[4], 6),
			    VEC_ROR(r[4], 11)), VEC_ROR(r[4], 25))),
			    ADD(F_CH(r[4], r[5], r[6]), x));
			t2 = ADD(XOR(XOR(VEC_ROR(r[0], 2), VEC_ROR(r[0], 13)),
			    VEC_ROR(r[0], 22)), F_MAJ(r[0], r[1], r[2]));
			r[7] = r[6];
			r[6] = r[5];
			r[5] = r[4];
			r[4] = ADD(r[3], t1);
			r[3] = r[2];
			r[2] = r[1];
			r[1] = r[0];
			r[0] = ADD(t1, t2);
		}
	}
	for (j = 0; j < NV; j++)
		for (k = 0; k < 8; k++)
			ST(AT(st, k, j), ADD(s[j][k], s0[j][k]));
}

static TGT void
SFX(sha256_comp)(uint32_t *st, const uint32_t *blk)
{
	SFX(sha256_body)(st, blk, false);
}

static TGT void
SFX(sha256_comp_kw)(uint32_t *st, const uint32_t *kw)
{
	SFX(sha256_body)(st, kw, true);
}

#undef VEC_ROR
#undef VEC_SHA1_W
#undef VEC_INLINE
#undef AT
#undef LANES
#undef V
#undef VL
#undef NV
#undef TGT
#undef SFX
#undef LD
#undef ST
#undef SET1
#undef ADD
#undef XOR
#undef AND
#undef OR
#undef SRL
#undef ROL
#undef F_CH
#undef F_MAJ
#undef F_PAR
#undef F_MD5I
