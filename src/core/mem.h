/*
 * mem.h - the process heap on transparent huge pages.
 *
 * The tracker's records (an IKE SA, its messages and exchanges, ESP flows,
 * the phase-1 record's blobs: a few KiB per IKE SA, tens of MiB in all)
 * are many small allocations from malloc's main heap.  Faulted in a 4 KiB
 * page at a time they cost a fault each (20,000 on a 20,000-SA capture:
 * about a tenth of `sas`).  mem_heap_init asks malloc to grow the heap in
 * large steps (M_TOP_PAD) and mem_heap_advise, called where the tracker
 * allocates, marks what the heap has grown by since the last call
 * MADV_HUGEPAGE, so that the kernel backs it with 2 MiB pages where it
 * allows (transparent_hugepage "madvise" or "always").  This is what
 * glibc's tunable glibc.malloc.hugetlb=1 does inside malloc; a tunable
 * can only be set in the environment before the program starts.
 * Elsewhere (no madvise, no THP) both are harmless no-ops.  The three
 * functions are called from one thread (the one running the tracker).
 */
#ifndef IKESCOPE_CORE_MEM_H
#define IKESCOPE_CORE_MEM_H

#include <stddef.h>

void	mem_heap_init(void);
void	mem_heap_advise(void);
/*
 * After mem_heap_advise: n bytes at p were just allocated.  When they
 * come near the end of what has been faulted in, a thread of this module
 * faults in the next MEM_AHEAD bytes of the heap (MADV_POPULATE_WRITE,
 * Linux 5.14 on), so that the kernel's clearing of fresh pages, 2 MiB at a
 * time under MADV_HUGEPAGE, runs on another core and not in the caller's
 * first write.  The pages' contents are not touched.
 */
void	mem_heap_used(const void *, size_t);

#endif
