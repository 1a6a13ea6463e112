/*
 * test_mem.c - core/mem: after mem_heap_init, the part of the heap the
 * tracker's allocations grew is marked for transparent huge pages (the
 * "hg" flag of its mappings in /proc/self/smaps), the heap grows in few
 * large steps, and the 2 MiB past the last allocation were faulted in by
 * mem_heap_used's thread (mincore).  Skipped (77) where there is nothing
 * to check: no THP in the kernel or THP off, or a malloc that does not use
 * the break (AddressSanitizer's).
 */
#include <stdint.h>
#include <sys/mman.h>
#include <unistd.h>

#include "check.h"
#include "core/mem.h"

#define NALLOC	200000
#define ASIZE	256		/* 50 MB in all, like 10,000 IKE SAs */

static void *blk[NALLOC];

/* Whether THP is "always" or "madvise" (the one in brackets). */
static bool
thp_on(void)
{
	char b[128] = "";
	FILE *fp = fopen("/sys/kernel/mm/transparent_hugepage/enabled", "r");

	if (fp == NULL)
		return false;
	if (fgets(b, sizeof(b), fp) == NULL)
		b[0] = '\0';
	fclose(fp);
	return strstr(b, "[always]") != NULL || strstr(b, "[madvise]") != NULL;
}

/*
 * The VmFlags of the mapping holding address a, from /proc/self/smaps,
 * into flags; returns whether it was found.
 */
static bool
vm_flags(uintptr_t a, char *flags, size_t len)
{
	char line[512];
	unsigned long lo, hi;
	bool in = false, found = false;
	FILE *fp = fopen("/proc/self/smaps", "r");

	if (fp == NULL)
		return false;
	while (fgets(line, sizeof(line), fp) != NULL) {
		if (sscanf(line, "%lx-%lx ", &lo, &hi) == 2 &&
		    strchr(line, '-') < strchr(line, ' ')) {
			in = a >= lo && a < hi;
			continue;
		}
		if (in && strncmp(line, "VmFlags:", 8) == 0) {
			snprintf(flags, len, "%s", line + 8);
			found = true;
			break;
		}
	}
	fclose(fp);
	return found;
}

/* Pages of [a, a + n) resident (mincore). */
static size_t
resident(uintptr_t a, size_t n)
{
	static unsigned char v[(2u << 20) / 4096];
	size_t i, k = 0;

	if (n > sizeof(v) * 4096 || mincore((void *)a, n, v) == -1)
		return 0;
	for (i = 0; i < n / 4096; i++)
		k += v[i] & 1;
	return k;
}

/* Whether this kernel knows MADV_POPULATE_WRITE (Linux 5.14 on). */
static bool
populate_works(void)
{
#ifdef MADV_POPULATE_WRITE
	void *p = mmap(NULL, 4096, PROT_READ | PROT_WRITE,
	    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	bool ok;

	if (p == MAP_FAILED)
		return false;
	ok = madvise(p, 4096, MADV_POPULATE_WRITE) == 0;
	munmap(p, 4096);
	return ok;
#else
	return false;
#endif
}

int
main(void)
{
	uintptr_t b0, b1, last = 0;
	unsigned moves = 0, i;
	char flags[512];

	if (!thp_on()) {
		printf("test_mem: skipped: transparent huge pages off or "
		    "absent\n");
		return 77;
	}
	mem_heap_init();
	b0 = (uintptr_t)sbrk(0);
	for (i = 0; i < NALLOC; i++) {
		uintptr_t b;

		blk[i] = malloc(ASIZE);
		mem_heap_advise();
		if (blk[i] == NULL)
			break;
		mem_heap_used(blk[i], ASIZE);
		b = (uintptr_t)sbrk(0);
		if (b != last)
			moves++;
		last = b;
	}
	b1 = (uintptr_t)sbrk(0);
	if (b1 == b0) {
		printf("test_mem: skipped: this malloc does not grow the "
		    "break (a sanitizer's allocator?)\n");
		return 77;
	}
	CHECK_EQ_U(i, NALLOC);
	/* 50 MB in steps of at least 64 MiB: one or two moves */
	CHECK(moves <= 3);
	/* the last allocation, well inside what the heap grew by */
	CHECK(vm_flags((uintptr_t)blk[NALLOC - 1], flags, sizeof(flags)));
	CHECK(strstr(flags, " hg") != NULL);
	CHECK(vm_flags((uintptr_t)blk[NALLOC / 2], flags, sizeof(flags)));
	CHECK(strstr(flags, " hg") != NULL);
	/* what lies past the last allocation was faulted in by the thread */
	if (populate_works()) {
		uintptr_t from = ((uintptr_t)blk[NALLOC - 1] + ASIZE + 4095) &
		    ~(uintptr_t)4095;
		size_t res = 0, k;

		for (k = 0; k < 200 && (res = resident(from, 2u << 20)) <
		    (2u << 20) / 4096; k++)
			usleep(10000);
		CHECK_EQ_U(res, (2u << 20) / 4096);
	} else
		printf("test_mem: MADV_POPULATE_WRITE not supported: "
		    "fault-ahead not checked\n");
	for (i = 0; i < NALLOC; i++)
		free(blk[i]);
	return check_done("test_mem");
}
