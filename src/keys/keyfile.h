/*
 * keyfile.h - key files into the key store.  The format is recognised per
 * line, so files may be concatenated:
 *
 *   Wireshark esp_sa UAT      "IPv4","src","dst","0xSPI","enc","0xkey",
 *                             "auth","0xkey"   (quoted; exact algorithm
 *                             strings of tshark; "*" and prefix wildcards)
 *   Wireshark ikev1_decryption_table   <icookie 16 hex>,<Ka hex>
 *   tcpdump -E secrets        [0xSPI@dst] algo:key   (algo as tcpdump's,
 *                             e.g. 3des-cbc-hmac96, aes256-cbc, none)
 *   ikescope                  esp spi=<hex> dst=<addr> [src=<addr>]
 *                             enc=<alg> [enc_key=<hex>] [auth=<alg>]
 *                             [auth_key=<hex>] [esn=yes] [esn_hi=<hex>]
 *                             ike icookie=<16 hex> [rcookie=<16 hex>]
 *                             [enc_key=] [skeyid=] [skeyid_d=] [skeyid_a=]
 *                             [skeyid_e=] [gxy=] [qm_gxy=]
 *                             [psk=<text or 0xhex> | psk_hex=<hex>]
 *                             qm icookie=<16 hex> msgid=<8 hex> gxy=<hex>
 *   strongSwan charon logs    at level 4 for ike and chd (keyfile_charon.h);
 *                             only through kf_load_text/kf_load_file
 *   Linux `ip xfrm state`     records of a "src A dst B" line and indented
 *                             lines (keyfile_xfrm.h); only through
 *                             kf_load_text/kf_load_file
 *
 * Blank lines and lines starting with '#' are ignored.  doc/keyfiles.md is
 * the full description.  Errors name the file (or "-E") and the line.
 */
#ifndef IKESCOPE_KEYFILE_H
#define IKESCOPE_KEYFILE_H

#include <stddef.h>

#include "keys/keystore.h"

#define KF_MAX_LINE	8192
#define KF_MAX_BYTES	(16u << 20)	/* a key file larger than this is refused */

int	kf_load_file(struct ks *, const char *, char *, size_t);
/* Parse text held in memory; name is used in error messages. */
int	kf_load_text(struct ks *, const char *, size_t, const char *, char *,
	    size_t);
/* One tcpdump -E argument: "file NAME", or secrets separated by ','. */
int	kf_add_tcpdump_arg(struct ks *, const char *, char *, size_t);

#endif
