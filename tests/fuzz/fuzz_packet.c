/*
 * fuzz_packet.c - libFuzzer target: arbitrary bytes through the whole
 * per-frame pipeline (link -> IP -> UDP -> NAT-T demux -> dissectors ->
 * outputs).  The first byte picks the link type so every link decoder is
 * reached; the rest is the frame.  Output goes to /dev/null so the
 * presenters run too, from a sink that takes every event.  State (reassembly) persists across inputs, as in a
 * real capture, and is bounded by the same caps.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <pcap/dlt.h>

#include "engine/engine.h"
#include "linktypes.h"
#include "keys/keyfile.h"
#include "keys/keystore.h"
#include "out/out_json.h"
#include "out/out_text.h"

/*
 * Keys for cookie 0101010101010101 and for SPI 0x01010101, so inputs that
 * use them reach IKE decryption (every key subset derives something) and
 * ESP decryption; the fuzzer finds the cookie in the seeds' neighbourhood.
 */
static const char fuzz_keys[] =
    "ike icookie=0101010101010101 psk=fuzz gxy=0102030405060708\n"
    "ike icookie=a8c2d82e88abfb04 enc_key=5aff69c19468506d3581d8e46fc4caaa\n"
    "esp spi=01010101 dst=192.0.2.2 enc=aes-cbc "
    "enc_key=000102030405060708090a0b0c0d0e0f auth=hmac-sha1-96 "
    "auth_key=000102030405060708090a0b0c0d0e0f10111213\n";

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static FILE *fuzz_null;
static struct json fuzz_j;
static struct out_lines fuzz_lines;

/* Every event: frames through a presenter, the others' names read. */
static void
fuzz_sink(void *arg, const struct eng_event *ev)
{
	const struct ctx *c = arg;
	char buf[128];

	switch (ev->type) {
	case ENG_EV_FRAME:
		/* text and JSON alternate so both see every shape */
		if (c->o.json)
			out_json_frame(&fuzz_j, &c->o, ev->fr);
		else
			out_text_frame(fuzz_null, &fuzz_lines, &c->o, ev->fr);
		break;
	case ENG_EV_SA_STATE:
		fprintf(fuzz_null, "%s %s\n", trk_phase_name(ev->from),
		    trk_phase_name(ev->to));
		break;
	case ENG_EV_EXCHANGE:
	case ENG_EV_QM:
		trk_ex_reason_text(ev->ex, buf, sizeof(buf));
		fprintf(fuzz_null, "%s %s\n", buf,
		    trk_state_name(ev->ex->state));
		break;
	case ENG_EV_ANOMALY:
		an_format(ev->an, buf, sizeof(buf));
		break;
	default:
		break;
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	static struct ctx c;
	static bool ready;
	static uint32_t frame;
	struct cap_frame f;
	char err[256];

	if (!ready) {
		struct eng_sink k = { fuzz_sink, NULL, NULL, &c, ENG_EV_ALL,
		    false };

		fuzz_null = fopen("/dev/null", "w");
		if (fuzz_null == NULL)
			return 0;
		json_init(&fuzz_j, fuzz_null);
		out_lines_init(&fuzz_lines, NULL, NULL, NULL, 0);
		c.ks = ks_new();
		if (c.ks == NULL || kf_load_text(c.ks, fuzz_keys,
		    sizeof(fuzz_keys) - 1, "fuzz", err, sizeof(err)) == -1)
			return 0;
		/* one thread: the presenter options change per input below,
		 * which an output thread would read while they change */
		c.o.threads = 1;
		if (eng_init(&c, err, sizeof(err)) == -1 ||
		    eng_sink_add(&c, &k, err, sizeof(err)) == -1)
			return 0;
		ready = true;
	}
	if (len == 0)
		return 0;
	memset(&f, 0, sizeof(f));
	f.frame = ++frame;
	f.ts = frame * 0.001;
	f.data = data + 1;
	f.caplen = f.wirelen = (uint32_t)(len - 1);
	c.o.json = (data[0] & 0x80) != 0;
	c.o.verbose = (data[0] & 0x40) != 0;
	eng_frame(&c, fuzz_links[(data[0] & 0x3f) % FUZZ_NLINKS], &f);
	return 0;
}
