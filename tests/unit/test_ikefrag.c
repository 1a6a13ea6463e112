/*
 * test_ikefrag.c - IKEv1 fragment reassembly: order, duplicates,
 * conflicts, bounds, timeout and eviction.
 */
#include <string.h>

#include "check.h"
#include "ike/ikefrag.h"

static struct ikefrag_key
key(uint16_t id, uint8_t who)
{
	struct ikefrag_key k;

	memset(&k, 0, sizeof(k));
	memset(k.icookie, 0x11, 8);
	memset(k.rcookie, 0x22, 8);
	k.af = 4;
	k.src[0] = who;
	k.id = id;
	return k;
}

int
main(void)
{
	struct ikefrag *f = ikefrag_new(30);
	struct ikefrag_result r;
	struct ikefrag_key k = key(1, 1), k2 = key(1, 2);
	uint8_t a[100], b[100], c[50];
	unsigned i;

	memset(a, 'a', sizeof(a));
	memset(b, 'b', sizeof(b));
	memset(c, 'c', sizeof(c));

	/* Out of order: 3 (last), 1, 2 -> a|b|c. */
	CHECK(ikefrag_add(f, &k, 3, true, c, sizeof(c), 1.0, 10, &r) == 0);
	CHECK(!r.complete);
	ikefrag_add(f, &k, 1, false, a, sizeof(a), 1.1, 11, &r);
	CHECK(!r.complete);
	/* Same ID from another sender does not mix in. */
	ikefrag_add(f, &k2, 2, false, c, sizeof(c), 1.15, 12, &r);
	CHECK(!r.complete);
	ikefrag_add(f, &k, 2, false, b, sizeof(b), 1.2, 13, &r);
	CHECK(r.complete);
	CHECK_EQ_U(r.len, 250);
	CHECK_EQ_U(r.nfrags, 3);
	CHECK_EQ_U(r.first_frame, 10);
	CHECK(r.msg != NULL && memcmp(r.msg, a, 100) == 0 &&
	    memcmp(r.msg + 100, b, 100) == 0 && memcmp(r.msg + 200, c, 50) == 0);

	/* Duplicate ignored; conflicting copy drops the message. */
	k = key(2, 1);
	ikefrag_add(f, &k, 1, false, a, sizeof(a), 2, 20, &r);
	ikefrag_add(f, &k, 1, false, a, sizeof(a), 2, 21, &r);
	CHECK(r.events & IKEFRAG_EV_DUPLICATE);
	ikefrag_add(f, &k, 1, false, b, sizeof(b), 2, 22, &r);
	CHECK(r.events & IKEFRAG_EV_CONFLICT);
	ikefrag_add(f, &k, 2, true, c, sizeof(c), 2, 23, &r);
	CHECK(!r.complete);	/* fragment 1 is gone */

	/* Bounds: number 0 and 33. */
	ikefrag_add(f, &k, 0, false, a, sizeof(a), 3, 30, &r);
	CHECK(r.events & IKEFRAG_EV_LIMIT);
	ikefrag_add(f, &k, 33, false, a, sizeof(a), 3, 31, &r);
	CHECK(r.events & IKEFRAG_EV_LIMIT);

	/* Timeout: a fragment at t=3, the rest 31 s later. */
	k = key(3, 1);
	ikefrag_add(f, &k, 1, false, a, sizeof(a), 3, 40, &r);
	ikefrag_add(f, &k, 2, true, b, sizeof(b), 34.5, 41, &r);
	CHECK(r.events & IKEFRAG_EV_TIMEOUT);
	CHECK(!r.complete);

	/* Eviction: more incomplete messages than slots. */
	for (i = 0; i < IKEFRAG_MAX_PENDING + 5; i++) {
		k = key((uint16_t)(100 + i), 1);
		ikefrag_add(f, &k, 1, false, a, sizeof(a), 40 + i * 0.01,
		    100 + i, &r);
	}
	CHECK(r.events & IKEFRAG_EV_EVICTED);
	ikefrag_free(f);
	return check_done("ikefrag");
}
