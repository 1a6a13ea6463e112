/*
 * crack.h - the PSK cracker: every line of a psk-crack file attacked at
 * once with one stream of candidates (crack_gen.h), on several threads,
 * each PRF with the best kernel this CPU runs (crack_kern.h) or OpenSSL.
 *
 * The check is RFC 2409 5.4 for pre-shared keys:
 *   SKEYID = prf(PSK, Ni_b | Nr_b)
 *   HASH_R = prf(SKEYID, g^xr | g^xi | CKY-R | CKY-I | SAi_b | IDir_b)
 * with prf the HMAC of the line's hash.  What does not depend on the
 * candidate is prepared once per line: both messages padded into blocks
 * and those blocks' schedules; HMAC's key blocks of the candidate are
 * compressed once per candidate for every line of the same PRF.
 *
 * With g^xy known, Main Mode targets (crack_mm.h) share the candidates,
 * their key blocks, the threads, the progress line and the output.
 */
#ifndef IKESCOPE_CRACK_H
#define IKESCOPE_CRACK_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "crack/crack_kern.h"
#include "crack/crack_line.h"
#include "crack/crack_mm.h"

#define CRACK_MAX_THREADS	256
#define CRACK_BATCH		1024	/* candidates a thread takes at once */

/*
 * A candidate opened targets: idx[0..n) their indexes in the set (the
 * one found first, then every other target of the same exchange, by its
 * cookies, not yet cracked that the same candidate also opens, checked at
 * once), pos its 1-based position in the
 * run, secs the time since the start.  Called with the cracker's lock
 * held, so calls never overlap.
 */
typedef void crack_found_fn(void *arg, const size_t *idx, size_t n,
	    const uint8_t *psk, size_t len, uint64_t pos, double secs);

struct crack_opts {
	const char	*wordlist;	/* NULL: the mask alone */
	const char	*mask;		/* NULL: the word list alone */
	const char	*kernel;	/* NULL: the best per PRF; "openssl" */
	unsigned	 threads;	/* 0: every online core */
	bool		 json;		/* one JSON object per PSK found */
	bool		 progress;	/* a progress line on stderr */
	crack_found_fn	*found;		/* NULL: each line printed on out */
	void		*found_arg;
};

struct crack_stats {
	size_t		 lines, targets, cracked;	/* cracked: of both */
	uint64_t	 candidates;	/* tried */
	uint64_t	 words, skipped;/* word list lines; too long */
	double		 seconds;
	unsigned	 threads;
	const char	*kernel[CK_NHASH]; /* per PRF present, else NULL */
};

/*
 * Run the attack on set, printing each PSK found on out as it is found
 * (text or JSON), until every line is cracked or the candidates end.
 * 0 (st filled), or -1 with err (a bad option, a kernel this CPU cannot
 * run, a read error of the word list).
 */
int	crack_run(const struct crack_opts *, const struct cl_set *set,
	    FILE *out, struct crack_stats *st, char *err, size_t errlen);

/*
 * The same with Main Mode targets too (crack_mm.h; ntg of them, prepared
 * here and freed with cm_free before it returns): every line and target
 * against one stream of candidates, each target's survivors given to
 * its check (calls never overlap, nor with found).  found's indexes
 * count the lines first, then the targets (set->n + j for tg[j]).
 */
int	crack_run_tg(const struct crack_opts *, const struct cl_set *set,
	    struct cm_target *tg, size_t ntg, FILE *out,
	    struct crack_stats *st, char *err, size_t errlen);

/*
 * The PSK as printed: itself when every byte is printable ASCII, else
 * hashcat's $HEX[..] with lowercase hex; s has room for 2 * len + 8.
 */
void	crack_psk_text(const uint8_t *psk, size_t len, char *s);

/* Whether the PSK opens line l (OpenSSL's HMAC): the check of a find. */
bool	crack_verify(const struct cl_line *l, const uint8_t *psk, size_t len);

/* Whether name is a kernel --kernel accepts (a SIMD one or "openssl"). */
bool	crack_kernel_known(const char *name);

#endif
