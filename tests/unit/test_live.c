/*
 * test_live.c - live capture (cap_open_live) on a real interface: the
 * loopback of a network namespace of the test's own (unshare), so nothing
 * else is captured and nothing leaves the machine.  Datagrams sent to UDP
 * ports 500 and 501 through a socket; with the filter "udp port 500"
 * exactly the first arrive, as frames of the loopback's link type, through
 * poll on cap_fd; the counters count them; a missing interface and a bad
 * filter are clear errors; what was read is dumped (-w) and reads back
 * the same; then -Z drops root for good and the open capture still reads.
 *
 * Needs root (a namespace, raw capture): skipped (exit 77) otherwise,
 * saying why.
 */
#define _GNU_SOURCE		/* unshare */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <sched.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "capture/capture.h"
#include "check.h"

static uint32_t last_frame;	/* frames are numbered on from 1 */

static struct cap_frame saved[8];
static uint8_t saved_data[8][2048];
static unsigned nsaved;

/*
 * -w: the frames read so far written as captured, readable at once
 * (flushed per frame), read back through cap_open_file: same bytes.
 */
static void
test_dump(struct cap *c)
{
	char path[] = "/tmp/test_live.XXXXXX", err[256];
	struct cap_dump *w;
	struct cap *r;
	struct cap_frame f;
	unsigned i;
	int fd = mkstemp(path);

	CHECK(fd != -1);
	if (fd == -1)
		return;
	close(fd);
	w = cap_dump_open(c, path, err, sizeof(err));
	CHECK(w != NULL);
	if (w == NULL)
		return;
	for (i = 0; i < nsaved; i++)
		CHECK_EQ_U(cap_dump_write(w, &saved[i], err, sizeof(err)), 0);
	/* before closing: what was written is there */
	r = cap_open_file(path, err, sizeof(err));
	CHECK(r != NULL);
	for (i = 0; r != NULL && cap_next(r, &f, err, sizeof(err)) ==
	    CAP_FRAME; i++) {
		CHECK(i < nsaved);
		if (i >= nsaved)
			break;
		CHECK_EQ_U(f.caplen, saved[i].caplen);
		CHECK(memcmp(f.data, saved_data[i], f.caplen) == 0);
		CHECK_EQ_U(f.tv_sec, saved[i].tv_sec);
		CHECK_EQ_U(f.tv_nsec, saved[i].tv_nsec);
	}
	CHECK_EQ_U(i, nsaved);
	cap_close(r);
	cap_dump_close(w);
	unlink(path);
}

static void
send_udp(uint16_t port, const char *msg)
{
	struct sockaddr_in a;
	int s = socket(AF_INET, SOCK_DGRAM, 0);

	CHECK(s != -1);
	if (s == -1)
		return;
	memset(&a, 0, sizeof(a));
	a.sin_family = AF_INET;
	a.sin_port = htons(port);
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	CHECK(sendto(s, msg, strlen(msg), 0, (struct sockaddr *)&a,
	    sizeof(a)) == (ssize_t)strlen(msg));
	close(s);
}

/* Frames read within about a second; each must carry "ike-" data. */
static unsigned
read_frames(struct cap *c, unsigned want, unsigned *with_tag)
{
	struct cap_frame f;
	struct pollfd pfd;
	char err[256];
	unsigned n = 0, rounds = 0;
	enum cap_status st;

	*with_tag = 0;
	pfd.fd = cap_fd(c);
	pfd.events = POLLIN;
	while (n < want + 1 && rounds++ < 10) {
		if (poll(&pfd, 1, 100) == -1 && errno != EINTR)
			break;
		while ((st = cap_next(c, &f, err, sizeof(err))) == CAP_FRAME) {
			n++;
			if (f.caplen > 4 &&
			    memmem(f.data, f.caplen, "ike-", 4) != NULL)
				(*with_tag)++;
			CHECK_EQ_U(f.frame, last_frame + 1);
			last_frame = f.frame;
			if (nsaved < 8 && f.caplen <= sizeof(saved_data[0])) {
				memcpy(saved_data[nsaved], f.data, f.caplen);
				saved[nsaved] = f;
				saved[nsaved].data = saved_data[nsaved];
				nsaved++;
			}
			CHECK(f.ts > 0);
		}
		CHECK_EQ_U(st, CAP_TIMEOUT);
	}
	return n;
}

int
main(void)
{
	struct cap_live_stats st;
	struct cap *c;
	char err[512];
	unsigned n, tagged;

	if (geteuid() != 0) {
		printf("SKIP: live capture needs root (a network namespace "
		    "and raw capture)\n");
		return 77;
	}
	if (unshare(CLONE_NEWNET) == -1) {
		printf("SKIP: cannot make a network namespace: %s\n",
		    strerror(errno));
		return 77;
	}
	if (system("ip link set lo up") != 0) {
		printf("SKIP: cannot bring up the namespace's loopback "
		    "(ip link)\n");
		return 77;
	}

	/* errors */
	c = cap_open_live("ikescope-nosuch0", NULL, err, sizeof(err));
	CHECK(c == NULL);
	CHECK(strstr(err, "ikescope-nosuch0") != NULL);
	c = cap_open_live("lo", "udp port", err, sizeof(err));
	CHECK(c == NULL);
	CHECK(strstr(err, "\"udp port\"") != NULL);

	c = cap_open_live("lo", "udp port 500", err, sizeof(err));
	CHECK(c != NULL);
	if (c == NULL) {
		fprintf(stderr, "%s\n", err);
		return check_done("test_live");
	}
	CHECK(cap_fd(c) >= 0);
	CHECK_STR(cap_linktype_name(c), "EN10MB");
	/* nothing waiting: a timeout, not a block */
	{
		struct cap_frame f;

		CHECK_EQ_U(cap_next(c, &f, err, sizeof(err)), CAP_TIMEOUT);
	}
	send_udp(500, "ike-one");
	send_udp(501, "not-this");
	send_udp(500, "ike-two");
	send_udp(4500, "not-this");
	send_udp(500, "ike-three");
	n = read_frames(c, 3, &tagged);
	CHECK_EQ_U(n, 3);
	CHECK_EQ_U(tagged, 3);
	test_dump(c);
	CHECK_EQ_U(cap_live_stats(c, &st), 0);
	CHECK(st.received >= 3);
	CHECK_EQ_U(st.dropped, 0);

	/* -Z: root gone for good; the open capture reads on */
	CHECK(cap_drop_privileges("ikescope-no-such-user", err,
	    sizeof(err)) == -1);
	CHECK(strstr(err, "no such user") != NULL);
	CHECK_EQ_U(cap_drop_privileges("nobody", err, sizeof(err)), 0);
	CHECK(geteuid() != 0 && getuid() != 0);
	CHECK(setuid(0) == -1);
	send_udp(500, "ike-four");
	n = read_frames(c, 1, &tagged);
	CHECK_EQ_U(n, 1);
	CHECK_EQ_U(tagged, 1);
	cap_close(c);
	return check_done("test_live");
}
