/*
 * keyfile_int.h - what keyfile.c lends its multi-line format readers
 * (keyfile_charon.c: charon logs; keyfile_xfrm.c: `ip xfrm state`).
 * Not part of the key file module's API (keyfile.h).
 */
#ifndef IKESCOPE_KEYFILE_INT_H
#define IKESCOPE_KEYFILE_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "keys/keystore.h"

/*
 * Validate an ESP SA (key lengths, ICV length; aead_icv is the AEAD's ICV
 * or 0), note its origin ("name:line") and store it.
 */
int	kf_store_esp(struct ks *, const char *, unsigned, struct ks_esp_sa *,
	    size_t, char *, size_t);
/*
 * An error "name:line: [format: ]msg[ "arg"]" (arg cut at 60 characters)
 * into errbuf; returns -1.
 */
int	kf_err_at(char *, size_t, const char *, unsigned, const char *,
	    const char *, const char *);
/* A hex digit's value, or -1. */
int	kf_hexval(int);
/* "name:line" into out (the name's end kept). */
void	kf_origin_str(char *, size_t, const char *, unsigned);
/*
 * A key: "0x" + hex (also bare hex when hex_only), else the text itself.
 * Returns its length or -1.
 */
long	kf_key(const char *, uint8_t *, size_t, bool);
/*
 * An address or pattern ("*", "10.1.*", "10.0.0.0/8", "2001:db8::/32");
 * af_hint 4 or 6 (or 0) says what "*" matches.  0 or -1.
 */
int	kf_addr(const char *, int, struct ks_addr *);

#endif
