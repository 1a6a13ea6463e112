/*
 * fuzz_keyfile.c - libFuzzer target for the key file parsers: the input
 * is the text of a key file (every format, charon logs included) read by
 * kf_load_text, and, NUL-terminated, a tcpdump -E argument.  Whatever
 * loads is exported in every format; the ikescope export must read back
 * and export to the same text (abort otherwise), so the parsers and the
 * exporter are checked against each other.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "keys/kx.h"
#include "keys/keyfile.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

#define FUZZ_KF_MAX	(1u << 20)

/* The ikescope export of k, in a malloc'd string (NULL on failure). */
static char *
fuzz_kf_export(const struct ks *k, size_t *n)
{
	char *buf = NULL, err[128];
	FILE *fp = open_memstream(&buf, n);

	if (fp == NULL)
		return NULL;
	if (kx_write(fp, k, KX_IKESCOPE, NULL, err, sizeof(err)) == -1)
		abort();
	fclose(fp);
	return buf;
}

static void
fuzz_kf_round_trip(const struct ks *k)
{
	struct ks *k2;
	char *a, *b, err[512];
	size_t na, nb;

	a = fuzz_kf_export(k, &na);
	if (a == NULL)
		return;
	k2 = ks_new();
	if (k2 == NULL) {
		free(a);
		return;
	}
	if (kf_load_text(k2, a, na, "export", err, sizeof(err)) == -1) {
		fprintf(stderr, "export does not read back: %s\n%s", err, a);
		abort();
	}
	b = fuzz_kf_export(k2, &nb);
	if (b != NULL && (na != nb || memcmp(a, b, na) != 0)) {
		fprintf(stderr, "export changed on reading back:\n%s---\n%s",
		    a, b);
		abort();
	}
	free(a);
	free(b);
	ks_free(k2);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	static FILE *devnull;
	struct ks *k;
	char err[512], *s;
	int f;

	if (len > FUZZ_KF_MAX)
		return 0;
	if (devnull == NULL && (devnull = fopen("/dev/null", "w")) == NULL)
		return 0;
	k = ks_new();
	if (k == NULL)
		return 0;
	if (kf_load_text(k, (const char *)data, len, "fuzz", err,
	    sizeof(err)) == 0) {
		for (f = KX_WIRESHARK_IKE; f <= KX_IKESCOPE; f++)
			kx_write(devnull, k, (enum kx_fmt)f, NULL, err,
			    sizeof(err));
		fuzz_kf_round_trip(k);
	}
	ks_free(k);

	s = malloc(len + 1);
	if (s == NULL)
		return 0;
	memcpy(s, data, len);
	s[len] = '\0';
	k = ks_new();
	if (k != NULL && kf_add_tcpdump_arg(k, s, err, sizeof(err)) == 0)
		fuzz_kf_round_trip(k);
	ks_free(k);
	free(s);
	return 0;
}
