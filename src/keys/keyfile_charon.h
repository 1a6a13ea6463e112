/*
 * keyfile_charon.h - keys from strongSwan charon debug logs (part of the
 * keyfile module; keyfile.c feeds it the lines it recognises).
 *
 * A charon log at level 4 for "ike" and "chd" dumps every key it derives:
 * the phase-1 DH secret, SKEYID, SKEYID_d/_a/_e and Ka per IKE SA, and per
 * Quick Mode the PFS DH secret, the two KEYMAT seeds and the initiator's
 * and responder's encryption and integrity keys, followed by the inbound
 * and outbound ESP SAs with their SPIs and addresses.  Lines are tied to
 * an IKE SA by the "<name|uid>" prefix (ike_name = yes) or else by the
 * thread that has it checked out; the cookies come from its "checkin
 * IKEv1 SA ... with SPIs" lines.  Keys of an ESP SA are the
 * initiator's when its SPI opens the initiator's seed (the responder's
 * otherwise); without seeds, by the log's Quick Mode role.
 */
#ifndef IKESCOPE_KEYFILE_CHARON_H
#define IKESCOPE_KEYFILE_CHARON_H

#include <stdbool.h>
#include <stddef.h>

#include "keys/keystore.h"

struct kfc;

struct kfc	*kfc_new(void);
void		 kfc_free(struct kfc *);
/* Does the line look like a charon log line ("... 15[IKE] ...")? */
bool		 kfc_is_line(const char *);
/* One line (without its newline); errors as "name:line: ...". */
int		 kfc_line(struct kfc *, struct ks *, const char *, unsigned,
		    const char *, char *, size_t);
/* End of the text: checks that something was learned. */
int		 kfc_finish(struct kfc *, struct ks *, const char *, unsigned,
		    char *, size_t);

#endif
