/*
 * crypto_limit.c - the crypto-only limit for bench/esp.sh: load every ESP
 * packet of a capture into memory, then time the ESP backend alone
 * (ICV check + decrypt + trailer check) over them, as ikescope uses it.
 * Links libikescope.a.  Not part of make check.
 *
 * crypto_limit KEYFILE CAPTURE [evp|imb] [REPEAT] [THREADS]
 *
 * Jobs go in batches of 256 through cry_submit/cry_wait, as ikescope's
 * engine hands them over, on THREADS threads (default 1).
 * prints: packets esp_bytes seconds pkts_per_s MB_per_s ok
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "capture/capture.h"
#include "dissectors/esp.h"
#include "esp/cry.h"
#include "keys/keyfile.h"
#include "keys/keystore.h"
#include "capture/pkt.h"

#define MAX_SAS	256

struct item {
	struct cry_sa	*sa;
	uint8_t		*esp;
	size_t		 len;
};

static double
now(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

int
main(int argc, char **argv)
{
	char err[512];
	struct ks *ks;
	struct cry *cry;
	struct cap *cap;
	struct cap_frame f;
	struct pkt_decoder pd;
	struct item *it = NULL;
	const struct ks_esp_sa *sas[MAX_SAS];
	struct cry_sa *css[MAX_SAS];
	size_t nsas = 0;
	size_t n = 0, cap_n = 0, i, okc = 0, bytes = 0;
	enum cry_backend_id b = CRY_AUTO;
	int rep = 1, r, lt;
	unsigned nth = 1;
	uint8_t *out;
	struct cry_job *jobs, **jp;
	double t0, t;

	if (argc < 3) {
		fprintf(stderr, "usage: crypto_limit KEYFILE CAPTURE "
		    "[evp|imb] [REPEAT]\n");
		return 1;
	}
	if (argc > 3)
		b = strcmp(argv[3], "imb") == 0 ? CRY_IMB :
		    strcmp(argv[3], "evp") == 0 ? CRY_EVP : CRY_AUTO;
	if (argc > 4)
		rep = atoi(argv[4]);
	if (argc > 5)
		nth = (unsigned)atoi(argv[5]);
	ks = ks_new();
	if (ks == NULL || kf_load_file(ks, argv[1], err, sizeof(err)) == -1 ||
	    (cry = cry_new(b, err, sizeof(err))) == NULL ||
	    cry_threads(cry, nth, 0, err, sizeof(err)) == -1 ||
	    pkt_decoder_init(&pd, NULL, err, sizeof(err)) == -1 ||
	    (cap = cap_open_file(argv[2], err, sizeof(err))) == NULL) {
		fprintf(stderr, "crypto_limit: %s\n", err);
		return 1;
	}
	lt = cap_linktype(cap);
	while (cap_next(cap, &f, err, sizeof(err)) == CAP_FRAME) {
		struct pkt p;
		struct esp_hdr h;
		const struct ks_esp_sa *sa;
		struct cry_sa *cs;
		size_t k;

		memset(&p, 0, sizeof(p));
		pkt_decode(&pd, lt, f.data, f.caplen, &p);
		if (p.kind != PKT_ESP ||
		    esp_decode_hdr(&p.payload, &h) == DIS_TRUNCATED)
			continue;
		sa = ks_find_esp(ks, p.af, p.src, p.dst, h.spi);
		if (sa == NULL)
			continue;
		/* the store is read-only: cipher states kept here, by SA */
		for (k = 0; k < nsas && sas[k] != sa; k++)
			continue;
		if (k == MAX_SAS) {
			fprintf(stderr, "crypto_limit: over %d SAs\n",
			    MAX_SAS);
			return 1;
		}
		if (k == nsas) {
			sas[k] = sa;
			css[k] = cry_sa_prepare(cry, sa, err, sizeof(err));
			if (css[k] == NULL) {
				fprintf(stderr, "crypto_limit: %s\n", err);
				return 1;
			}
			nsas++;
		}
		cs = css[k];
		if (n == cap_n) {
			cap_n = cap_n ? cap_n * 2 : 4096;
			it = realloc(it, cap_n * sizeof(*it));
			if (it == NULL)
				return 1;
		}
		it[n].sa = cs;
		it[n].len = h.body_len + ESP_HDR_LEN;
		it[n].esp = malloc(it[n].len);
		if (it[n].esp == NULL)
			return 1;
		memcpy(it[n].esp, h.body - ESP_HDR_LEN, it[n].len);
		bytes += it[n].len;
		n++;
	}
	cap_close(cap);
	jobs = calloc(n, sizeof(*jobs));
	jp = calloc(n, sizeof(*jp));
	out = malloc(256 * 1600);	/* one batch's output, reused */
	if (jobs == NULL || jp == NULL || out == NULL)
		return 1;
	for (i = 0; i < n; i++) {
		jobs[i].sa = it[i].sa;
		jobs[i].esp = it[i].esp;
		jobs[i].esp_len = it[i].len;
		jobs[i].out = out + i % 256 * 1600;
		jobs[i].outcap = 1600;
		jp[i] = &jobs[i];
	}
	t0 = now();
	for (r = 0; r < rep; r++)
		for (i = 0; i < n; i += 256) {
			size_t k = n - i < 256 ? n - i : 256, m;

			cry_submit(cry, jp + i, k);
			cry_wait(cry);
			for (m = i; m < i + k; m++)
				okc += jobs[m].o.st == CRY_OK;
		}
	t = now() - t0;
	printf("%zu %zu %.4f %.0f %.1f %zu %s\n", n * (size_t)rep,
	    bytes * (size_t)rep, t, (double)n * rep / t,
	    (double)bytes * rep / t / 1e6, okc, cry_backend_name(cry));
	return okc == n * (size_t)rep ? 0 : 1;
}
