/*
 * hash.c - the tables' random seeds; see hash.h.
 */
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

#include "core/hash.h"

static const char hash_here;	/* an address in the program's image */

uint64_t
hash_seed_new(void)
{
	struct timespec rt, mt;
	uint64_t s;

	if (getrandom(&s, sizeof(s), GRND_NONBLOCK) == (ssize_t)sizeof(s))
		return s;
	/*
	 * getrandom(2) failed: a kernel before 3.17 (ENOSYS), a pool not yet
	 * initialised early at boot (EAGAIN), or a seccomp filter.  Fall
	 * back to what differs between runs and is hard to guess from a
	 * capture: the clocks to the nanosecond, the process ID, and a
	 * stack and a static address (randomised by ASLR and PIE).  Weaker
	 * than the kernel's generator, but still no seed known in advance.
	 */
	clock_gettime(CLOCK_REALTIME, &rt);
	clock_gettime(CLOCK_MONOTONIC, &mt);
	s = hash_add(0x9e3779b97f4a7c15ULL, (uint64_t)rt.tv_sec << 30 ^
	    (uint64_t)rt.tv_nsec);
	s = hash_add(s, (uint64_t)mt.tv_sec << 30 ^ (uint64_t)mt.tv_nsec);
	s = hash_add(s, (uint64_t)getpid());
	s = hash_add(s, (uint64_t)(uintptr_t)&s);
	s = hash_add(s, (uint64_t)(uintptr_t)&hash_here);
	return hash_final(s);
}
