/*
 * replay_main.c - runs a libFuzzer target without libFuzzer (for gcc and
 * for make check): each argument is a capture file; every frame in it is
 * fed to LLVMFuzzerTestOneInput with a first byte that selects the
 * capture's link type, then once more under each other link type and
 * with truncated lengths, so the replay also exercises short reads.
 * Files that are not captures are fed whole, as raw fuzz inputs (crash
 * reproducers).
 */
#include <pcap/pcap.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "capture.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static const int replay_links[] = {
	DLT_EN10MB, DLT_LINUX_SLL, 276, DLT_RAW, DLT_NULL, DLT_LOOP, 228, 229
};
#define NLINKS	(sizeof(replay_links) / sizeof(replay_links[0]))

static void
replay_one(const uint8_t *data, size_t len, unsigned sel, uint8_t *buf)
{
	buf[0] = (uint8_t)sel;
	memcpy(buf + 1, data, len);
	LLVMFuzzerTestOneInput(buf, len + 1);
}

static int
replay_raw(const char *path, uint64_t *n)
{
	FILE *fp = fopen(path, "rb");
	static uint8_t buf[1 << 20];
	size_t len;

	if (fp == NULL) {
		perror(path);
		return -1;
	}
	len = fread(buf, 1, sizeof(buf), fp);
	fclose(fp);
	LLVMFuzzerTestOneInput(buf, len);
	(*n)++;
	return 0;
}

int
main(int argc, char **argv)
{
	static uint8_t buf[262144 + 1];
	uint64_t n = 0;
	int i, rc = 0;

	for (i = 1; i < argc; i++) {
		struct cap *cap;
		struct cap_frame f;
		char err[512];
		unsigned own = 0, k;

		cap = cap_open_file(argv[i], err, sizeof(err));
		if (cap == NULL) {
			if (replay_raw(argv[i], &n) == -1)
				rc = 1;
			continue;
		}
		for (k = 0; k < NLINKS; k++)
			if (replay_links[k] == cap_linktype(cap))
				own = k;
		while (cap_next(cap, &f, err, sizeof(err)) == CAP_FRAME) {
			size_t len = f.caplen < sizeof(buf) - 1 ? f.caplen :
			    sizeof(buf) - 1;

			replay_one(f.data, len, own, buf);
			replay_one(f.data, len, own | 0x80, buf);
			replay_one(f.data, len / 2, own | 0x40, buf);
			replay_one(f.data, len, (own + 1 + f.frame) % NLINKS,
			    buf);
			n += 4;
		}
		cap_close(cap);
	}
	printf("replayed %llu inputs from %d files\n", (unsigned long long)n,
	    argc - 1);
	return rc;
}
