/*
 * test_isakmp_regress.c - the tcpdump fuzz-regression captures (isakmp-*,
 * ikev1_*, isakmpv1-*: out-of-bounds reads, pointer loops, segfaults)
 * through the ISAKMP decoder and every presenter.
 *
 * Several of them are first fragments of IP datagrams that cannot be
 * reassembled, so the packet layer (rightly) never hands them to the
 * decoder; here the UDP payload of every UDP frame or first fragment is
 * taken directly (Ethernet/raw, IPv4/IPv6 without extension headers) and
 * decoded as ISAKMP, so the decoder sees the bytes tcpdump choked on.
 * Run under the sanitizer build this is the "no sanitizer report" check;
 * each capture must also produce at least one anomaly.  The corpus is
 * found through $CORPUS; without it the test skips (exit 77).
 */
#include <pcap/dlt.h>
#include <sys/stat.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "capture/capture.h"
#include "check.h"
#include "dissectors/isakmp.h"
#include "ike/isakmp_an.h"
#include "core/json.h"
#include "out/out_isakmp.h"

/*
 * Each capture and whether it must yield an anomaly: all but one are
 * malformed; isakmp-identification-segfault is a well-framed MM message
 * carrying one ID (an FQDN of 248 NUL bytes) that crashed tcpdump's
 * printer, not a framing error (the exchange tracker judges MM1 without
 * SA).
 */
static const struct {
	const char	*name;
	bool		 malformed;
} files[] = {
	{ "isakmp-3948-oobr-2.pcap", true },
	{ "isakmp-delete-segfault.pcap", true },
	{ "isakmp-identification-segfault.pcap", false },
	{ "isakmp-ikev1_n_print-oobr.pcap", true },
	{ "isakmp-no-none-np.pcapng", true },
	{ "isakmp-pointer-loop.pcap", true },
	{ "isakmp-rfc3948-oobr.pcap", true },
	{ "isakmp-various-oobr.pcap", true },
	{ "isakmpv1-attr-oobr.pcap", true },
	{ "ikev1_id_ipv6_addr_subnet-oobr.pcap", true },
};

/* The UDP payload of an IPv4/IPv6 frame (first fragments included). */
static bool
udp_payload(int lt, const uint8_t *d, size_t n, struct cursor *out)
{
	struct cursor c = cur_init(d, n);
	uint8_t v, proto;
	uint16_t dport;

	if (lt == DLT_EN10MB) {
		cur_skip(&c, 12);
		if (cur_be16(&c) == 0x8100)
			cur_skip(&c, 4);
	} else if (lt == DLT_NULL || lt == DLT_LOOP) {
		cur_skip(&c, 4);
	} else if (lt != DLT_RAW) {
		return false;
	}
	v = cur_peek_u8(&c, 0, NULL) >> 4;
	if (v == 4) {
		uint8_t ihl = cur_u8(&c) & 0x0f;
		uint16_t frag;

		cur_skip(&c, 5);
		frag = cur_be16(&c);
		cur_skip(&c, 1);
		proto = cur_u8(&c);
		if ((frag & 0x1fff) != 0 || ihl < 5)
			return false;
		cur_skip(&c, (size_t)ihl * 4 - 10);
	} else if (v == 6) {
		cur_skip(&c, 6);
		proto = cur_u8(&c);
		cur_skip(&c, 33);
	} else {
		return false;
	}
	if (proto != 17)
		return false;
	cur_skip(&c, 2);
	dport = cur_be16(&c);
	cur_skip(&c, 4);
	if (c.err)
		return false;
	*out = cur_rest(&c);
	/* NAT-T non-ESP marker. */
	if (dport == 4500 && cur_left(out) >= 4 &&
	    memcmp(cur_ptr(out), "\0\0\0\0", 4) == 0)
		cur_skip(out, 4);
	return true;
}

static int
one_file(const char *dir, const char *name, bool malformed, FILE *null)
{
	static struct isakmp_msg m;
	char path[1024], err[256], list[OUT_ISAKMP_LIST_MAX];
	struct cap *cap;
	struct cap_frame f;
	int lt, anomalies = 0, msgs = 0;

	snprintf(path, sizeof(path), "%s/public/tcpdump/%s", dir, name);
	cap = cap_open_file(path, err, sizeof(err));
	if (cap == NULL) {
		fprintf(stderr, "%s: %s\n", path, err);
		return -1;
	}
	lt = cap_linktype(cap);
	while (cap_next(cap, &f, err, sizeof(err)) == CAP_FRAME) {
		struct cursor pl;
		struct an_list an;
		struct json j;
		bool secrets;

		if (!udp_payload(lt, f.data, f.caplen, &pl))
			continue;
		memset(&m, 0, sizeof(m));
		memset(&an, 0, sizeof(an));
		isakmp_decode(pl, &m);
		isakmp_an_collect(&an, &m, cur_left(&pl));
		msgs++;
		anomalies += an.n + an.dropped;
		for (secrets = false; ; secrets = true) {
			CHECK(out_isakmp_list(list, &m) <= sizeof(list));
			out_isakmp_tree(null, &m, 1, secrets);
			json_init(&j, null);
			json_obj_begin(&j);
			out_isakmp_json_payloads(&j, &m, secrets);
			json_obj_end(&j);
			json_end_line(&j);
			if (secrets)
				break;
		}
	}
	cap_close(cap);
	printf("%s: %d messages, %d anomalies\n", name, msgs, anomalies);
	CHECK(msgs > 0);
	CHECK((anomalies > 0) == malformed);
	return 0;
}

int
main(void)
{
	const char *dir = getenv("CORPUS");
	FILE *null = fopen("/dev/null", "w");
	size_t i;

	char probe[4096];
	struct stat st;

	if (dir == NULL || null == NULL) {
		printf("test_isakmp_regress: CORPUS not set: skipped\n");
		return 77;
	}
	snprintf(probe, sizeof(probe), "%s/public/tcpdump", dir);
	if (stat(probe, &st) != 0) {
		printf("test_isakmp_regress: no corpus at %s: skipped\n", probe);
		fclose(null);
		return 77;
	}
	for (i = 0; i < sizeof(files) / sizeof(files[0]); i++)
		CHECK(one_file(dir, files[i].name, files[i].malformed,
		    null) == 0);
	fclose(null);
	return check_done("test_isakmp_regress");
}
