/*
 * keyfile_xfrm.h - ESP SAs from Linux's `ip xfrm state` output (part of
 * the keyfile module; keyfile.c feeds it the lines it recognises).
 *
 * iproute2 prints one record per SA: a "src ADDR dst ADDR" line, then
 * indented lines, among them "proto esp spi 0x... reqid N mode tunnel",
 * "replay-window N flag af-unspec esn", "auth-trunc hmac(sha1) 0x... 96",
 * "enc cbc(aes) 0x..." or "aead rfc4106(gcm(aes)) 0x... 128".  The kernel
 * names of the algorithms are mapped to ours; AH and IPComp records are
 * skipped (they carry no ESP keys).  A record ends at the next
 * "src ... dst ..." line, at a line that is not indented, or at the end of
 * the text.
 */
#ifndef IKESCOPE_KEYFILE_XFRM_H
#define IKESCOPE_KEYFILE_XFRM_H

#include <stdbool.h>
#include <stddef.h>

#include "keys/keystore.h"

struct kfx;

struct kfx	*kfx_new(void);
void		 kfx_free(struct kfx *);
/* Is the (trimmed) line a record's first ("src ADDR dst ADDR")? */
bool		 kfx_is_start(const char *);
/* Is a record open (indented lines belong to it)? */
bool		 kfx_open(const struct kfx *);
/* A record's first line: stores the open record, opens a new one. */
int		 kfx_start(struct kfx *, struct ks *, const char *, unsigned,
		    const char *, char *, size_t);
/* An indented line of the open record (trimmed). */
int		 kfx_line(struct kfx *, unsigned, const char *, char *,
		    size_t);
/* Store the open record (if ESP) and close it. */
int		 kfx_end(struct kfx *, struct ks *, char *, size_t);

#endif
