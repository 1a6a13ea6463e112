/*
 * eng_ike.h - the engine side of IKEv1: what the decoders found, summed
 * up for the tracker (eng_ike_summary), and inside the tracker's
 * pre-placement hook the SA's phase-1 record and decryption of encrypted
 * messages, with ESP keys derived
 * from decrypted Quick Modes added to the key store.
 */
#ifndef IKESCOPE_ENG_IKE_H
#define IKESCOPE_ENG_IKE_H

#include "engine/engine.h"

int	eng_ike_init(struct ctx *, char *, size_t);
void	eng_ike_free(struct ctx *);
void	eng_ike_summary(const struct isakmp_msg *, struct trk_in *);

#endif
