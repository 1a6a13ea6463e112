/*
 * gen_esp.c - write a capture of tunnel-mode ESP packets with known keys,
 * for bench/esp.sh.  Not part of the build or of make check.
 *
 * gen_esp -n PACKETS -a cbc|gcm [-s SAS] [-S SEED] [-b N] -o OUT.pcap -k KEYBASE
 *
 * -b N: every Nth packet gets a wrong ICV (for the backend tests).
 *
 * Ethernet + IPv4 (protocol 50) + ESP, several SAs (SPI 0x1000+i towards
 * 10.9.1.i), sequence numbers counting up per SA, inner IPv4/UDP datagrams
 * of 64..1400 bytes (uniform), valid inner checksums.  Variants:
 *   cbc  AES-128-CBC + HMAC-SHA1-96 (RFC 3602, 2404)
 *   gcm  AES-128-GCM with a 16-byte ICV (RFC 4106)
 * Writes KEYBASE.esp_sa (Wireshark's esp_sa table, read by tshark and
 * ikescope) and KEYBASE.secrets (tcpdump -E, CBC only).  Keys come from a
 * seeded generator, so a run is reproducible.
 */
#include <pcap/pcap.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <openssl/evp.h>
#include <openssl/hmac.h>

#define MAX_SAS		64
#define INNER_MIN	64
#define INNER_MAX	1400

struct sa {
	uint32_t	spi, seq;
	uint8_t		dst[4];
	uint8_t		ek[20];		/* AES-128 key (+ 4-byte GCM salt) */
	uint8_t		ak[20];		/* HMAC-SHA1 key */
	EVP_CIPHER_CTX	*c;
};

static uint64_t rng_s;

static uint32_t
rng(void)
{
	rng_s ^= rng_s << 13;
	rng_s ^= rng_s >> 7;
	rng_s ^= rng_s << 17;
	return (uint32_t)(rng_s >> 11);
}

static void
rng_bytes(uint8_t *p, size_t n)
{
	while (n-- > 0)
		*p++ = (uint8_t)rng();
}

static void
be16(uint8_t *p, unsigned v)
{
	p[0] = (uint8_t)(v >> 8);
	p[1] = (uint8_t)v;
}

static void
be32(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)(v >> 24);
	p[1] = (uint8_t)(v >> 16);
	p[2] = (uint8_t)(v >> 8);
	p[3] = (uint8_t)v;
}

static void
ip_sum(uint8_t *h)
{
	uint32_t s = 0;
	int i;

	h[10] = h[11] = 0;
	for (i = 0; i < 20; i += 2)
		s += (uint32_t)(h[i] << 8 | h[i + 1]);
	while (s >> 16)
		s = (s & 0xffff) + (s >> 16);
	be16(h + 10, ~s & 0xffff);
}

static void
ipv4(uint8_t *h, size_t total, uint8_t proto, const uint8_t src[4],
    const uint8_t dst[4], uint16_t id)
{
	memset(h, 0, 20);
	h[0] = 0x45;
	be16(h + 2, (unsigned)total);
	be16(h + 4, id);
	h[8] = 64;
	h[9] = proto;
	memcpy(h + 12, src, 4);
	memcpy(h + 16, dst, 4);
	ip_sum(h);
}

static void
hex(FILE *f, const uint8_t *p, size_t n)
{
	fputs("0x", f);
	while (n-- > 0)
		fprintf(f, "%02x", *p++);
}

static void
die(const char *m)
{
	fprintf(stderr, "gen_esp: %s\n", m);
	exit(1);
}

int
main(int argc, char **argv)
{
	static uint8_t frame[2048], pt[1600];
	struct sa sas[MAX_SAS];
	const uint8_t src[4] = { 10, 9, 0, 1 };
	const uint8_t isrc[4] = { 172, 16, 0, 1 }, idst[4] = { 172, 16, 1, 1 };
	unsigned long n = 200000, i;
	unsigned nsa = 8, s;
	unsigned long bad = 0;
	int ch, gcm = 0;
	const char *out = NULL, *kb = NULL, *alg = "cbc";
	char path[4096];
	pcap_t *pd;
	pcap_dumper_t *dp;
	FILE *f;

	rng_s = 0x9e3779b97f4a7c15ULL;
	while ((ch = getopt(argc, argv, "n:a:s:S:o:k:b:")) != -1) {
		switch (ch) {
		case 'n': n = strtoul(optarg, NULL, 10); break;
		case 'a': alg = optarg; break;
		case 's': nsa = (unsigned)strtoul(optarg, NULL, 10); break;
		case 'S': rng_s ^= strtoull(optarg, NULL, 10) * 0x2545f4914f6cdd1dULL; break;
		case 'o': out = optarg; break;
		case 'k': kb = optarg; break;
		case 'b': bad = strtoul(optarg, NULL, 10); break;
		default: die("usage: gen_esp -n N -a cbc|gcm [-s SAS] -o OUT -k KEYBASE");
		}
	}
	if (strcmp(alg, "gcm") == 0)
		gcm = 1;
	else if (strcmp(alg, "cbc") != 0)
		die("-a: cbc or gcm");
	if (out == NULL || kb == NULL || nsa == 0 || nsa > MAX_SAS)
		die("usage: gen_esp -n N -a cbc|gcm [-s SAS] -o OUT -k KEYBASE");

	snprintf(path, sizeof(path), "%s.esp_sa", kb);
	if ((f = fopen(path, "w")) == NULL)
		die("cannot write the esp_sa file");
	for (s = 0; s < nsa; s++) {
		struct sa *a = &sas[s];

		a->spi = 0x1000 + s;
		a->seq = 0;
		a->dst[0] = 10; a->dst[1] = 9; a->dst[2] = 1;
		a->dst[3] = (uint8_t)(s + 1);
		rng_bytes(a->ek, sizeof(a->ek));
		rng_bytes(a->ak, sizeof(a->ak));
		a->c = EVP_CIPHER_CTX_new();
		if (a->c == NULL || EVP_EncryptInit_ex2(a->c, gcm ?
		    EVP_aes_128_gcm() : EVP_aes_128_cbc(), a->ek, NULL,
		    NULL) != 1 || EVP_CIPHER_CTX_set_padding(a->c, 0) != 1)
			die("OpenSSL: cannot key AES");
		fprintf(f, "\"IPv4\",\"%u.%u.%u.%u\",\"%u.%u.%u.%u\",\"0x%08x\",",
		    src[0], src[1], src[2], src[3], a->dst[0], a->dst[1],
		    a->dst[2], a->dst[3], a->spi);
		if (gcm) {
			fputs("\"AES-GCM with 16 octet ICV [RFC4106]\",\"", f);
			hex(f, a->ek, 20);
			fputs("\",\"NULL\",\"\"\n", f);
		} else {
			fputs("\"AES-CBC [RFC3602]\",\"", f);
			hex(f, a->ek, 16);
			fputs("\",\"HMAC-SHA-1-96 [RFC2404]\",\"", f);
			hex(f, a->ak, 20);
			fputs("\"\n", f);
		}
	}
	fclose(f);
	snprintf(path, sizeof(path), "%s.secrets", kb);
	if ((f = fopen(path, "w")) == NULL)
		die("cannot write the secrets file");
	for (s = 0; s < nsa && !gcm; s++) {
		fprintf(f, "0x%x@%u.%u.%u.%u aes128-cbc-hmac96:", sas[s].spi,
		    sas[s].dst[0], sas[s].dst[1], sas[s].dst[2], sas[s].dst[3]);
		hex(f, sas[s].ek, 16);
		fputc('\n', f);
	}
	fclose(f);

	pd = pcap_open_dead_with_tstamp_precision(DLT_EN10MB, 65535,
	    PCAP_TSTAMP_PRECISION_MICRO);
	if (pd == NULL || (dp = pcap_dump_open(pd, out)) == NULL)
		die("cannot write the capture");
	for (i = 0; i < n; i++) {
		struct sa *a = &sas[rng() % nsa];
		struct pcap_pkthdr h;
		size_t il = INNER_MIN + rng() % (INNER_MAX - INNER_MIN + 1);
		size_t ivl = gcm ? 8 : 16, icvl = gcm ? 16 : 12;
		size_t blk = gcm ? 4 : 16, ptl, pad, esp_len, k;
		uint8_t *ip = frame + 14, *esp = ip + 20, *ct;
		uint8_t nonce[12], tag[16], aad[8];
		unsigned int ml = 0;
		uint8_t mac[20];
		int ol;

		/* inner IPv4 / UDP */
		ipv4(pt, il, 17, isrc, idst, (uint16_t)i);
		be16(pt + 20, 40000 + (unsigned)(i % 1000));
		be16(pt + 22, 5001);
		be16(pt + 24, (unsigned)(il - 20));
		be16(pt + 26, 0);
		memset(pt + 28, 0x5a, il - 28);	/* no dissector heuristic bites */
		/* RFC 4303 trailer */
		pad = (blk - (il + 2) % blk) % blk;
		for (k = 0; k < pad; k++)
			pt[il + k] = (uint8_t)(k + 1);
		pt[il + pad] = (uint8_t)pad;
		pt[il + pad + 1] = 4;
		ptl = il + pad + 2;
		esp_len = 8 + ivl + ptl + icvl;

		memset(frame, 0, 12);
		frame[5] = 1;
		frame[11] = 2;
		be16(frame + 12, 0x0800);
		ipv4(ip, 20 + esp_len, 50, src, a->dst, (uint16_t)i);
		be32(esp, a->spi);
		be32(esp + 4, ++a->seq);
		rng_bytes(esp + 8, ivl);
		ct = esp + 8 + ivl;
		if (gcm) {
			memcpy(nonce, a->ek + 16, 4);
			memcpy(nonce + 4, esp + 8, 8);
			memcpy(aad, esp, 8);
			if (EVP_EncryptInit_ex2(a->c, NULL, NULL, nonce,
			    NULL) != 1 ||
			    EVP_EncryptUpdate(a->c, NULL, &ol, aad, 8) != 1 ||
			    EVP_EncryptUpdate(a->c, ct, &ol, pt,
			    (int)ptl) != 1 ||
			    EVP_EncryptFinal_ex(a->c, ct + ptl, &ol) != 1 ||
			    EVP_CIPHER_CTX_ctrl(a->c, EVP_CTRL_AEAD_GET_TAG,
			    16, tag) != 1)
				die("OpenSSL: GCM failed");
			memcpy(ct + ptl, tag, 16);
		} else {
			if (EVP_EncryptInit_ex2(a->c, NULL, NULL, esp + 8,
			    NULL) != 1 ||
			    EVP_EncryptUpdate(a->c, ct, &ol, pt,
			    (int)ptl) != 1)
				die("OpenSSL: CBC failed");
			if (HMAC(EVP_sha1(), a->ak, 20, esp, 8 + ivl + ptl,
			    mac, &ml) == NULL)
				die("OpenSSL: HMAC failed");
			memcpy(ct + ptl, mac, 12);
		}
		if (bad != 0 && i % bad == bad - 1)
			esp[esp_len - 1] ^= 0x01;
		h.ts.tv_sec = 1700000000 + (long)(i / 100000);
		h.ts.tv_usec = (long)(i % 100000) * 10;
		h.caplen = h.len = (bpf_u_int32)(14 + 20 + esp_len);
		pcap_dump((u_char *)dp, &h, frame);
	}
	pcap_dump_close(dp);
	pcap_close(pd);
	for (s = 0; s < nsa; s++)
		EVP_CIPHER_CTX_free(sas[s].c);
	return 0;
}
