/*
 * replay_main.c - runs a libFuzzer target without libFuzzer (for gcc and
 * for make check): each argument is a capture file; every frame in it is
 * fed to LLVMFuzzerTestOneInput with a first byte that selects the
 * capture's link type, then once more under each other link type and
 * with truncated lengths, so the replay also exercises short reads.
 * Files that are not captures are fed whole, as raw fuzz inputs (crash
 * reproducers).  A classic pcap file is also damaged (cut short, record
 * lengths changed) in a few copies that are read back through the capture
 * layer's own reader, every byte of every frame touched.
 */
#include <pcap/pcap.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "capture/capture.h"
#include "linktypes.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

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

#define DAMAGE_MAX	(256 * 1024)	/* of a file, damaged */
#define DAMAGE_COPIES	16

static uint32_t
damage_rand(uint32_t *st)
{
	*st = *st * 1103515245u + 12345u;
	return *st >> 8;
}

/* Read a damaged capture image back; returns a checksum of its frames. */
static unsigned
damage_read(const uint8_t *img, size_t len)
{
	char path[] = "/tmp/replay_damage.XXXXXX", err[512];
	struct cap *cap;
	struct cap_frame f;
	unsigned sum = 0;
	size_t i;
	int fd = mkstemp(path);

	if (fd == -1)
		return 0;
	if (write(fd, img, len) != (ssize_t)len) {
		close(fd);
		unlink(path);
		return 0;
	}
	close(fd);
	cap = cap_open_file(path, err, sizeof(err));
	if (cap != NULL) {
		while (cap_next(cap, &f, err, sizeof(err)) == CAP_FRAME)
			for (i = 0; i < f.caplen; i++)
				sum += f.data[i];
		cap_close(cap);
	}
	unlink(path);
	return sum;
}

/*
 * Damaged copies of a classic pcap file (its first DAMAGE_MAX bytes):
 * cut at a random point, or a record's length replaced.
 */
static unsigned
damage(const char *path, uint32_t seed, uint64_t *n)
{
	static uint8_t img[DAMAGE_MAX], copy[DAMAGE_MAX];
	size_t len, off, recs[256], nrec = 0, r;
	FILE *fp = fopen(path, "rb");
	unsigned sum = 0, k;
	uint32_t v;
	int be;

	if (fp == NULL)
		return 0;
	len = fread(img, 1, sizeof(img), fp);
	fclose(fp);
	if (len < 24 || (memcmp(img, "\xd4\xc3\xb2\xa1", 4) != 0 &&
	    memcmp(img, "\x4d\x3c\xb2\xa1", 4) != 0 &&
	    memcmp(img, "\xa1\xb2\xc3\xd4", 4) != 0 &&
	    memcmp(img, "\xa1\xb2\x3c\x4d", 4) != 0))
		return 0;
	be = img[0] == 0xa1;
	for (off = 24; off + 16 <= len && nrec < 256; nrec++) {
		recs[nrec] = off;
		v = be ? (uint32_t)img[off + 8] << 24 | (uint32_t)img[off + 9]
		    << 16 | (uint32_t)img[off + 10] << 8 | img[off + 11] :
		    (uint32_t)img[off + 11] << 24 | (uint32_t)img[off + 10]
		    << 16 | (uint32_t)img[off + 9] << 8 | img[off + 8];
		if (v > len - off - 16)
			break;
		off += 16 + v;
	}
	for (k = 0; k < DAMAGE_COPIES; k++) {
		memcpy(copy, img, len);
		if (k % 2 == 0 || nrec == 0) {
			sum += damage_read(copy, 24 + damage_rand(&seed) %
			    (len - 23));
		} else {
			r = recs[damage_rand(&seed) % nrec];
			v = damage_rand(&seed);
			v = k % 4 == 1 ? v : v % 64;	/* huge, or near */
			memcpy(copy + r + 8 + (k % 8 == 3 ? 4 : 0), &v, 4);
			sum += damage_read(copy, len);
		}
		(*n)++;
	}
	return sum;
}

int
main(int argc, char **argv)
{
	static uint8_t buf[262144 + 1];
	uint64_t n = 0, ndamaged = 0;
	unsigned sum = 0;
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
		for (k = 0; k < FUZZ_NLINKS; k++)
			if (fuzz_links[k] == cap_linktype(cap))
				own = k;
		while (cap_next(cap, &f, err, sizeof(err)) == CAP_FRAME) {
			size_t len = f.caplen < sizeof(buf) - 1 ? f.caplen :
			    sizeof(buf) - 1;

			replay_one(f.data, len, own, buf);
			replay_one(f.data, len, own | 0x80, buf);
			replay_one(f.data, len / 2, own | 0x40, buf);
			replay_one(f.data, len,
			    (own + 1 + f.frame) % FUZZ_NLINKS, buf);
			n += 4;
		}
		cap_close(cap);
		sum += damage(argv[i], (uint32_t)i, &ndamaged);
	}
	printf("replayed %llu inputs from %d files; %llu damaged copies "
	    "read (%u)\n", (unsigned long long)n, argc - 1,
	    (unsigned long long)ndamaged, sum);
	return rc;
}
