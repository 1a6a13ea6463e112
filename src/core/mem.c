/*
 * mem.c - the process heap on transparent huge pages; see mem.h.
 */
#include <malloc.h>
#include <stdint.h>
#include <sys/mman.h>
#include <unistd.h>

#include "core/mem.h"

/* the heap grows by at least this much at a time */
#define MEM_PAD		(64u << 20)

/* the break up to which the heap has been advised; 0: not started */
static uintptr_t mem_done;

void
mem_heap_init(void)
{
#if defined(MADV_HUGEPAGE) && defined(M_TOP_PAD)
	void *b = sbrk(0);

	if (b == (void *)-1)
		return;
	mem_done = (uintptr_t)b;
	mallopt(M_TOP_PAD, (int)MEM_PAD);
	mem_heap_advise();
#endif
}

void
mem_heap_advise(void)
{
#ifdef MADV_HUGEPAGE
	uintptr_t b, from;

	if (mem_done == 0)
		return;
	b = (uintptr_t)sbrk(0);
	if (b == (uintptr_t)-1 || b == mem_done)
		return;
	if (b < mem_done) {	/* trimmed: what was above is unmapped */
		mem_done = b;
		return;
	}
	/* the kernel backs the 2 MiB-aligned parts with huge pages */
	from = (mem_done + 4095) & ~(uintptr_t)4095;
	(void)madvise((void *)from, b - from, MADV_HUGEPAGE);
	mem_done = b;
#endif
}
