/*
 * fuzz_esp.c - libFuzzer target for ESP decryption: the input is an ESP
 * packet (SPI onward) sent from 192.0.2.1 to 192.0.2.2; its first byte
 * picks one of the fixed test SAs below (by rewriting the SPI), so the
 * parser, every cipher's length handling, the trailer checks, the inner
 * decode (tunnel and transport re-wrap, nested ESP) and the ESN window run
 * on arbitrary bytes.  Most SAs carry no checkable ICV, so random input
 * does reach the trailer and inner-packet code.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "esp/espd.h"
#include "keys/keyfile.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static const char fuzz_esp_keys[] =
    "esp spi=1 dst=* enc=null auth=any-96\n"
    "esp spi=2 dst=* enc=aes-cbc enc_key=000102030405060708090a0b0c0d0e0f\n"
    "esp spi=3 dst=* enc=aes-ctr enc_key=000102030405060708090a0b0c0d0e0f"
    "00000001 auth=any-96\n"
    "esp spi=4 dst=* enc=3des-cbc enc_key=0123456789abcdef0123456789abcdef"
    "0123456789abcdef auth=any-96\n"
    "esp spi=5 dst=* enc=aes-gcm-8 enc_key=000102030405060708090a0b0c0d0e0f"
    "01020304\n"
    "esp spi=6 dst=* enc=null auth=hmac-sha1-96 auth_key=0102030405 esn=yes\n"
    "esp spi=7 dst=* enc=chacha20-poly1305 enc_key=000102030405060708090a0b"
    "0c0d0e0f101112131415161718191a1b1c1d1e1f01020304\n"
    "esp spi=8 dst=* enc=null auth=any-64 esn=yes\n";

#define FUZZ_ESP_MAX	65535

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	static struct ks *ks;
	static struct espd *d;
	static uint8_t *buf;
	static uint32_t frame;
	struct pkt p;
	struct esp_hdr h;
	struct espd_result r;
	char err[256];

	if (d == NULL) {
		ks = ks_new();
		buf = malloc(FUZZ_ESP_MAX);
		if (ks == NULL || buf == NULL || kf_load_text(ks, fuzz_esp_keys,
		    sizeof(fuzz_esp_keys) - 1, "fuzz", err, sizeof(err)) == -1)
			abort();
		d = espd_new(ks, CRY_EVP, 1, 0, err, sizeof(err));
		if (d == NULL)
			abort();
	}
	if (len < 1 || len - 1 > FUZZ_ESP_MAX)
		return 0;
	memcpy(buf, data + 1, len - 1);
	if (len - 1 >= 4) {
		buf[0] = buf[1] = buf[2] = 0;
		buf[3] = (uint8_t)(data[0] % 9);	/* 0: no SA */
	}
	memset(&p, 0, sizeof(p));
	p.frame = ++frame;
	p.af = 4;
	p.ttl = 64;
	p.src[0] = p.dst[0] = 192;
	p.src[2] = p.dst[2] = 2;
	p.src[3] = 1;
	p.dst[3] = 2;
	p.kind = PKT_ESP;
	p.payload = cur_init(buf, len - 1);
	if (esp_decode_hdr(&p.payload, &h) == DIS_TRUNCATED)
		return 0;
	espd_packet(d, &p, &h, &r);
	return 0;
}
