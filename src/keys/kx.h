/*
 * kx.h - key export: write the key store out as key files other tools read
 * (the "keys --export" command).  This is the one place keys are printed,
 * because the user asked for them.
 *
 *   wireshark-ike   ikev1_decryption_table: <icookie>,<Ka>
 *   wireshark-esp   esp_sa: "IPv4","src","dst","0xSPI","enc","0xkey",
 *                   "auth","0xkey" with tshark 4.0's algorithm strings
 *   tcpdump         0xSPI@dst algo:0xkey (tcpdump -E; CBC ciphers only)
 *   ikescope        our own lines (keyfile.h): everything the store holds
 *
 * An SA a format cannot express is written as a "#" comment saying why,
 * so nothing is dropped silently.  Each format reads back through
 * keyfile.h to the same SAs (as far as the format carries them).
 */
#ifndef IKESCOPE_KEYEXPORT_H
#define IKESCOPE_KEYEXPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "keys/keystore.h"

enum kx_fmt {
	KX_WIRESHARK_IKE = 0,
	KX_WIRESHARK_ESP,
	KX_TCPDUMP,
	KX_IKESCOPE
};

/*
 * HOOK for the IKE decryptor: the final (appendix-B expanded) phase-1
 * encryption key Ka of the IKE SA with this initiator cookie, when the
 * key store entry does not hold one but the decryptor derived it.  Writes
 * at most cap bytes to out and returns the length, 0 if unknown.  NULL:
 * only Ka as held in the store is exported.
 */
typedef size_t	(*kx_ka_fn)(void *, const uint8_t icookie[8], uint8_t *out,
		    size_t cap);

/*
 * HOOK for the ESP decryptor: what it learned of the flows ESP SA sa
 * matched (ESN, HMAC-SHA-256 truncation).  It calls put (with put_arg)
 * for each SA to write in sa's place or before it, and returns true when
 * they replace sa, false when sa is to be written too (after them).
 * NULL: SAs as held in the store.
 */
typedef bool	(*kx_esp_fn)(void *, const struct ks_esp_sa *sa,
		    void (*put)(void *, const struct ks_esp_sa *),
		    void *put_arg);

struct kx_hooks {
	kx_ka_fn	 ka;
	void		*arg;
	kx_esp_fn	 esp;
	void		*esp_arg;
};

/* "wireshark-ike", ... into *f; -1 if unknown. */
int		 kx_parse_format(const char *, enum kx_fmt *);
/* The names, for messages: "wireshark-ike, wireshark-esp, ...". */
const char	*kx_format_list(void);
/* Write the store; -1 with errbuf set on a write error. */
int		 kx_write(FILE *, const struct ks *, enum kx_fmt,
		    const struct kx_hooks *, char *, size_t);

#endif
