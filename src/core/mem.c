/*
 * mem.c - the process heap on transparent huge pages; see mem.h.
 */
#include <errno.h>
#include <malloc.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <sys/mman.h>
#include <unistd.h>

#include "core/mem.h"

/* the heap grows by at least this much at a time */
#define MEM_PAD		(64u << 20)
/* memory faulted in ahead of the heap's highest allocation */
#define MEM_AHEAD	(4u << 20)

/* the break up to which the heap has been advised; 0: not started */
static uintptr_t mem_done;

/*
 * The fault-ahead thread: populates the heap from done up to want (set
 * by mem_heap_used on the allocating thread), so that the kernel's
 * clearing of fresh pages runs on another core.
 */
static struct {
	pthread_mutex_t	 mu;
	pthread_cond_t	 cv;
	uintptr_t	 want;		/* written under mu; read by the caller */
	uintptr_t	 done;
	bool		 started;	/* the caller's: a thread was started */
	bool		 off;		/* under mu: no thread, or no kernel */
} mem_pf = { PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, 0, 0,
    false, false };

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

#ifdef MADV_POPULATE_WRITE
static void *
mem_pf_main(void *arg)
{
	uintptr_t from, want, to, brk;
	int rc;

	(void)arg;
	pthread_mutex_lock(&mem_pf.mu);
	for (;;) {
		while (mem_pf.want <= mem_pf.done)
			pthread_cond_wait(&mem_pf.cv, &mem_pf.mu);
		from = mem_pf.done;
		want = mem_pf.want;
		pthread_mutex_unlock(&mem_pf.mu);
		/* only what the heap holds now (it grows, or is trimmed) */
		brk = (uintptr_t)sbrk(0) & ~(uintptr_t)4095;
		to = want < brk ? want : brk;
		rc = to > from ?
		    madvise((void *)from, to - from, MADV_POPULATE_WRITE) : 0;
		pthread_mutex_lock(&mem_pf.mu);
		if (rc == -1 && errno == EINVAL) {	/* before Linux 5.14 */
			mem_pf.off = true;
			pthread_mutex_unlock(&mem_pf.mu);
			return NULL;
		}
		mem_pf.done = want;	/* past the break: left to the faults */
	}
}
#endif

void
mem_heap_used(const void *p, size_t n)
{
#ifdef MADV_POPULATE_WRITE
	uintptr_t end = (uintptr_t)p + n;
	pthread_t th;

	/* past the heap (a large block malloc mapped apart): nothing */
	if (mem_done == 0 || end > mem_done ||
	    end + MEM_AHEAD / 2 < mem_pf.want)
		return;
	pthread_mutex_lock(&mem_pf.mu);
	if (mem_pf.off) {
		pthread_mutex_unlock(&mem_pf.mu);
		return;
	}
	if (mem_pf.done == 0)
		mem_pf.done = (end + 4095) & ~(uintptr_t)4095;
	mem_pf.want = ((end + MEM_AHEAD) + 4095) & ~(uintptr_t)4095;
	pthread_cond_signal(&mem_pf.cv);
	pthread_mutex_unlock(&mem_pf.mu);
	if (!mem_pf.started) {
		mem_pf.started = true;
		if (pthread_create(&th, NULL, mem_pf_main, NULL) == 0)
			pthread_detach(th);
		else {
			pthread_mutex_lock(&mem_pf.mu);
			mem_pf.off = true;
			pthread_mutex_unlock(&mem_pf.mu);
		}
	}
#else
	(void)p;
	(void)n;
#endif
}
