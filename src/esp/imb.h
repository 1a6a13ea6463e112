/*
 * imb.h - the Intel multi-buffer backend of the ESP cipher layer, cry.h
 * (private to it).  A lane is one thread's job manager; an SA's key
 * schedules are read-only once made, so every lane shares them.
 * Without the library (no HAVE_IPSEC_MB) imb_built() is false and the
 * rest are stubs.
 *
 * imb_run puts n jobs through the manager (ICV / tag computed over the
 * packet, the ciphertext decrypted into job->out) and sets r[i]: 0 the
 * ICV matched, 1 it did not, -1 the library failed.  Length checks are
 * the caller's (cry_job_start).  A job carries the SA state it needs, so
 * this backend knows nothing of cry's structures.
 */
#ifndef IKESCOPE_IMB_H
#define IKESCOPE_IMB_H

#include <stdbool.h>
#include <stddef.h>

#include <stdint.h>

#include "keys/keystore.h"

struct imb_lane;
struct imb_sa;

/* One packet: the ESP packet from the SPI to the end of the ICV. */
struct imb_job {
	const struct imb_sa	*sa;
	const uint8_t		*esp;
	size_t			 esp_len;
	uint32_t		 seq_hi;	/* ESN: the high half */
	uint8_t			*out;		/* esp_len bytes */
};

bool		 imb_built(void);
struct imb_lane	*imb_lane_new(char *, size_t);
void		 imb_lane_free(struct imb_lane *);
/* NULL when the SA's algorithms are not supported here (EVP does it). */
struct imb_sa	*imb_sa_new(struct imb_lane *, const struct ks_esp_sa *);
void		 imb_sa_free(struct imb_sa *);
void		 imb_run(struct imb_lane *, const struct imb_job *, size_t,
		    int *);

#endif
