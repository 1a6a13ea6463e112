/*
 * test_vendorid.c - the Vendor ID table: size, uniqueness, exact and
 * prefix matching, version extraction, and VIDs taken from real captures
 * in ../shared/corpus (extracted with tshark -e isakmp.vid_bytes).
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "dissectors/vendorid.h"

static size_t	unhex(const char *, uint8_t *, size_t);
static bool	look(const char *, struct vid_info *);

static size_t
unhex(const char *s, uint8_t *out, size_t max)
{
	size_t		n = 0;
	unsigned int	v;

	while (s[0] != '\0' && s[1] != '\0' && n < max) {
		if (sscanf(s, "%2x", &v) != 1)
			break;
		out[n++] = (uint8_t)v;
		s += 2;
	}
	return n;
}

/* Look up a VID given as hex. */
static bool
look(const char *hex, struct vid_info *vi)
{
	uint8_t	buf[128];
	size_t	n;

	n = unhex(hex, buf, sizeof(buf));
	return vid_lookup(buf, n, vi);
}

static void
test_table(void)
{
	const uint8_t	*a, *b;
	size_t		 i, j, la, lb, n, dups = 0, selfmiss = 0;
	bool		 pa, pb;
	struct vid_info	 vi;

	n = vid_table_size();
	CHECK(n >= 300);
	CHECK(!vid_table_entry(n, &a, &la, &pa));
	for (i = 0; i < n; i++) {
		CHECK(vid_table_entry(i, &a, &la, &pa));
		CHECK(la > 0);
		for (j = i + 1; j < n; j++) {
			vid_table_entry(j, &b, &lb, &pb);
			if (la == lb && memcmp(a, b, la) == 0) {
				dups++;
				fprintf(stderr, "duplicate entries %zu, %zu\n",
				    i, j);
			}
		}
		/* every exact entry finds itself, as an exact match */
		if (!pa && (!vid_lookup(a, la, &vi) || vi.prefix ||
		    vi.name == NULL || vi.source == NULL || vi.vendor == NULL))
			selfmiss++;
		/* every prefix entry matches its bytes padded to the length
		 * it requires (through the first-byte index) */
		if (pa) {
			uint8_t	v[256] = { 0 };
			size_t	k;

			memcpy(v, a, la);
			for (k = la; k <= la + 20; k++)
				if (vid_lookup(v, k, &vi))
					break;
			if (k > la + 20)
				selfmiss++;
		}
	}
	CHECK_EQ_U(dups, 0);
	CHECK_EQ_U(selfmiss, 0);
}

static void
test_exact(void)
{
	struct vid_info	vi;

	/* MD5("strongSwan 5.9.8") */
	CHECK(look("5cf0e60c586b849204e149b4b7ddcadc", &vi));
	CHECK_STR(vi.name, "strongSwan");
	CHECK_STR(vi.version, "5.9.8");
	CHECK(!vi.prefix);
	/* MD5("strongSwan"), seen in zeek-spicy-ipsec traces/ipsec.cap */
	CHECK(look("882fe56d6fd20dbc2251613b2ebe5beb", &vi));
	CHECK_STR(vi.name, "strongSwan");
	CHECK_STR(vi.version, "");

	CHECK(look("4a131c81070358455c5728f20e95452f", &vi));
	CHECK_STR(vi.name, "RFC 3947 NAT-T");
	CHECK_EQ_U(vi.flags, VID_F_NATT);
	CHECK(!vi.prefix);

	CHECK(look("afcad71368a1f1c96b8696fc77570100", &vi));
	CHECK_STR(vi.name, "Dead Peer Detection");
	CHECK_STR(vi.version, "1.0");
	CHECK(vi.flags & VID_F_DPD);
	CHECK(!vi.prefix);
	/* another DPD version: the prefix entry extracts it */
	CHECK(look("afcad71368a1f1c96b8696fc77570101", &vi));
	CHECK_STR(vi.version, "1.1");
	CHECK(vi.prefix);

	CHECK(look("09002689dfd6b712", &vi));
	CHECK_STR(vi.name, "XAUTH");
	CHECK(vi.flags & VID_F_XAUTH);
	CHECK(!vi.prefix);
	/* the full MD5 of the xauth draft name also names XAUTH */
	CHECK(look("09002689dfd6b71280a224dec33b81e5", &vi));
	CHECK_STR(vi.name, "XAUTH");
	CHECK(vi.prefix);

	CHECK(look("4048b7d56ebce88525e7de7f00d6c2d3", &vi));
	CHECK_STR(vi.name, "IKE Fragmentation");
	CHECK(vi.flags & VID_F_FRAG);
	CHECK(!vi.prefix);
	CHECK_STR(vi.version, "");

	CHECK(look("4485152d18b6bbcd0be8a8469579ddcc", &vi));
	CHECK_EQ_U(vi.flags, VID_F_NATT | VID_F_NATT_DRAFT);
	CHECK_STR(vi.version, "00");
	CHECK(look("90cb80913ebb696e086381b5ec427b1f", &vi));
	CHECK(vi.flags & VID_F_NATT_DRAFT);
	CHECK_STR(vi.version, "02");
}

static void
test_ms_nt5(void)
{
	struct vid_info	vi;

	CHECK(look("1e2b516905991c7d7c96fcbfb587e461", &vi));
	CHECK_STR(vi.name, "MS NT5 ISAKMPOAKLEY");
	CHECK_STR(vi.version, "");
	CHECK(!vi.prefix);
	CHECK(look("1e2b516905991c7d7c96fcbfb587e46100000002", &vi));
	CHECK_STR(vi.version, "Windows 2000");
	CHECK(vi.prefix);
	CHECK(look("1e2b516905991c7d7c96fcbfb587e46100000004", &vi));
	CHECK_STR(vi.version, "Windows Server 2003 or XP SP2");
	CHECK(look("1e2b516905991c7d7c96fcbfb587e46100000005", &vi));
	CHECK_STR(vi.version, "Windows Vista");
	CHECK(look("1e2b516905991c7d7c96fcbfb587e46100000007", &vi));
	CHECK_STR(vi.version, "Windows 7");
	CHECK(look("1e2b516905991c7d7c96fcbfb587e46100000008", &vi));
	CHECK_STR(vi.version, "Windows Server 2008 R2");
	CHECK(look("1e2b516905991c7d7c96fcbfb587e46100000020", &vi));
	CHECK_STR(vi.version, "version 32");
	/* fewer than 4 version bytes: named, no version */
	CHECK(look("1e2b516905991c7d7c96fcbfb587e4610000", &vi));
	CHECK_STR(vi.name, "MS NT5 ISAKMPOAKLEY");
	CHECK_STR(vi.version, "");
}

static void
test_versions(void)
{
	struct vid_info	vi;

	/* Cisco Unity 1.0 (tcpdump ISAKMP_sa_setup.pcap) */
	CHECK(look("12f5f28c457168a9702d9fe274cc0100", &vi));
	CHECK_STR(vi.name, "Cisco Unity");
	CHECK_STR(vi.version, "1.0");
	CHECK(vi.flags & VID_F_UNITY);
	CHECK(vi.prefix);

	/* Check Point NGX (ike-scan pkt-main-mode-response.dat) */
	CHECK(look("f4ed19e0c114eb516faaac0ee37daf2807b4381f"
	    "000000010000138d459becd70000000018000000", &vi));
	CHECK_STR(vi.name, "Check Point");
	CHECK_STR(vi.version, "Firewall-1 NGX or later");
	CHECK(look("f4ed19e0c114eb516faaac0ee37daf2807b4381f"
	    "000000010000138d000000000000000018000000", &vi));
	CHECK_STR(vi.version, "Firewall-1 NG AI R55");
	CHECK(look("f4ed19e0c114eb516faaac0ee37daf2807b4381f"
	    "00000002000000030000000000000000", &vi));
	CHECK_STR(vi.version, "SecuRemote/SecureClient 4.1 SP1");
	CHECK(look("f4ed19e0c114eb516faaac0ee37daf2807b4381f", &vi));
	CHECK_STR(vi.version, "");

	CHECK(look("1f07f70eaa6514d3b0fa96542a500306", &vi));
	CHECK_STR(vi.name, "Cisco VPN 3000 Concentrator");
	CHECK_STR(vi.version, "3.0.6");

	CHECK(look("47bbe7c993f1fc13b4e6d0db565c68e5010201010201010310"
	    "382e302e3020284275696c6420313029000000", &vi));
	CHECK_STR(vi.name, "SafeNet SoftRemote");
	CHECK_STR(vi.version, "8.0.0 (Build 10)");

	/* "OpenIKED-7.4" (libreswan issue 1825) */
	CHECK(look("4f70656e494b45442d372e34", &vi));
	CHECK_STR(vi.name, "OpenIKED");
	CHECK_STR(vi.version, "7.4");
	/* "OE-Libreswan-4.12" */
	CHECK(look("4f452d4c69627265737761" "6e2d342e3132", &vi));
	CHECK_STR(vi.name, "Libreswan");
	CHECK_STR(vi.version, "4.12");

	CHECK(look("4f45486b7d44784d42676b5d", &vi));
	CHECK_STR(vi.name, "Linux FreeS/WAN");
	CHECK_STR(vi.version, "2.00");

	CHECK(look("8299031757a36082c6a621de00050002", &vi));
	CHECK_STR(vi.name, "Fortinet FortiGate");
	CHECK_STR(vi.version, "release 5 build 2");

	CHECK(look("01528bbbc00696121849ab9a1c5b2a5100000001", &vi));
	CHECK_STR(vi.version, "AuthIP");

	/* trailing NUL ends the text */
	CHECK(look("4f70656e50475000313233", &vi));
	CHECK_STR(vi.name, "OpenPGP");
	CHECK_STR(vi.version, "");
	/* a long unexplained tail is cut, and stays NUL-terminated */
	CHECK(look("4865617274426561745f4e6f74696679"
	    "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"
	    "2021222324252627", &vi));
	CHECK(strlen(vi.version) < sizeof(vi.version));
	CHECK(strcmp(vi.version + strlen(vi.version) - 3, "...") == 0);
}

static void
test_nomatch(void)
{
	struct vid_info	vi;
	uint8_t		one = 0x12;

	/* random-looking VIDs from the corpus that no source names */
	CHECK(!look("3ac5957214a85b93db6a509869fdb330", &vi));
	CHECK(!look("11bdfe02d056587f2c18125972c32401", &vi));
	CHECK(vi.name == NULL);
	CHECK(!look("deadbeef", &vi));
	/* shorter than the Cisco Unity prefix */
	CHECK(!look("12f5f28c457168a9702d9fe274", &vi));
	/* an exact entry with a byte more or less */
	CHECK(!look("4a131c81070358455c5728f20e95452f00", &vi));
	CHECK(!look("4a131c81070358455c5728f20e9545", &vi));
	/* a fixed-length prefix entry ("OE" + 10) at the wrong length */
	CHECK(!look("4f45486b7d44784d42676b", &vi));
	/* zero length */
	CHECK(!vid_lookup(&one, 0, &vi));
	CHECK(!vid_lookup(NULL, 0, &vi));
	CHECK(vi.name == NULL);
}

static void
test_longest_prefix(void)
{
	struct vid_info	vi;

	CHECK(look("da8e937880010000", &vi));
	CHECK_STR(vi.name, "SonicWall/SafeNet/WatchGuard (b)");
	CHECK(!vi.prefix);
	CHECK(look("da8e93788001000011", &vi));
	CHECK_STR(vi.name, "SonicWall/SafeNet/WatchGuard (b)");
	CHECK(vi.prefix);
	CHECK(look("da8e937812345678", &vi));
	CHECK_STR(vi.name, "SafeNet or WatchGuard");
	CHECK_STR(vi.version, "12345678");
	/* a known Openswan version beats the generic "OE" entry */
	CHECK(look("4f4568794c64414365636661", &vi));
	CHECK_STR(vi.name, "Openswan");
	CHECK_STR(vi.version, "2.6.32");
	CHECK(look("4f456b5262475852766d5045", &vi));
	CHECK_STR(vi.name, "FreeS/WAN or Openswan (unknown version)");
}

/* VIDs seen in ../shared/corpus captures. */
static void
test_corpus(void)
{
	static const struct {
		const char	*hex, *name, *version;
	} v[] = {
		/* strongswan/a_mm_psk_aes128_sha1_modp2048.pcap */
		{ "09002689dfd6b712", "XAUTH", "" },
		{ "4048b7d56ebce88525e7de7f00d6c2d380000000",
		    "IKE Fragmentation", "80000000" },
		{ "4a131c81070358455c5728f20e95452f", "RFC 3947 NAT-T", "" },
		{ "90cb80913ebb696e086381b5ec427b1f",
		    "NAT-T draft-ietf-ipsec-nat-t-ike-02\\n", "02" },
		{ "afcad71368a1f1c96b8696fc77570100", "Dead Peer Detection",
		    "1.0" },
		/* public/ike-scan/pkt-aggr-mode-response.dat.pcap */
		{ "166f932d55eb64d8e4df4fd37e2313f0d0fd84510000000000000000",
		    "Juniper NetScreen ScreenOS (15)", "0000000000000000" },
		{ "4865617274426561745f4e6f74696679386b0100",
		    "Heartbeat Notify", "386b0100" },
		/* public/wireshark/ikev1-certs.pcap */
		{ "699369228741c6d4ca094c93e242c9de19e7b7c60000000500000500",
		    "Juniper NetScreen ScreenOS (06)", "0000000500000500" },
		{ "27bab5dc01ea0760ea4e3190ac27c0d0",
		    "NAT-T draft-stenberg-ipsec-nat-traversal-01", "01" },
		{ "cd60464335df21f87cfdb2fc68b6a448",
		    "NAT-T draft-ietf-ipsec-nat-t-ike-02", "02" },
		/* public/zeek-spicy-ipsec/tests/traces/ipsec_client.pcap */
		{ "1e2b516905991c7d7c96fcbfb587e46100000009",
		    "MS NT5 ISAKMPOAKLEY",
		    "Windows 8 or later (8.1, 10, Server 2012+)" },
		{ "01528bbbc00696121849ab9a1c5b2a5100000002",
		    "Microsoft KEY_MODS", "IKEv2" },
		{ "26244d38eddb61b3172a36e3d0cfb819",
		    "Microsoft Vid-Initial-Contact", "" },
		{ "fb1de3cdf341b7ea16b7e5be0855f120",
		    "MS-Negotiation Discovery Capable", "" },
		/* public/tcpdump/isakmp4500.pcap */
		{ "7d9419a65310ca6f2c179d9215529d56",
		    "NAT-T draft-ietf-ipsec-nat-t-ike-03", "03" },
	};
	struct vid_info	vi;
	size_t		i;

	for (i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		CHECK(look(v[i].hex, &vi));
		CHECK_STR(vi.name, v[i].name);
		CHECK_STR(vi.version, v[i].version);
	}
	CHECK(look("4a131c81070358455c5728f20e95452f", &vi));
	CHECK_STR(vi.vendor, "IETF");
	CHECK(vi.source != NULL && strstr(vi.source, "RFC 3947") != NULL);
}

int
main(void)
{
	test_table();
	test_exact();
	test_ms_nt5();
	test_versions();
	test_nomatch();
	test_longest_prefix();
	test_corpus();
	return check_done("vendorid");
}
