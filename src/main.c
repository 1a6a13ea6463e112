/*
 * main.c - command line.  The only file outside the library: it parses
 * arguments, makes the context, runs the chosen command and turns results
 * into exit status (0 success, 1 usage or input error, 2 audit findings at
 * or above --fail-on).
 */
#include <config.h>

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine.h"

static void
usage(FILE *fp)
{
	fprintf(fp,
"usage: ikescope [read] [options] FILE...\n"
"\n"
"Decode IKEv1/ISAKMP (UDP 500, 4500 and --ike-port) and ESP traffic from\n"
"pcap/pcapng captures (optionally gzip-compressed; '-' reads standard input).\n"
"\n"
"commands:\n"
"  read       one line (or JSON record) per frame; the default command\n"
"\n"
"read options:\n"
"  -r FILE          read FILE (same as giving FILE as an argument)\n"
"  -V               verbose tree view of each decoded message\n"
"  --json           one JSON object per frame (NDJSON; see ikescope(1))\n"
"  -c N             stop after N frames\n"
"  --ike-port PORT  also treat UDP PORT as ISAKMP (repeatable)\n"
"  -q               no end-of-run summary on standard error\n"
"  --show-secrets   print keys and other secrets (hidden by default)\n"
"\n"
"  -h, --help       this help\n"
"  --version        print the version\n"
"\n"
"Exit status: 0 success, 1 usage or input error.\n");
}

static int
parse_u64(const char *s, uint64_t max, uint64_t *out)
{
	char *end;
	unsigned long long v;

	errno = 0;
	v = strtoull(s, &end, 10);
	if (errno != 0 || *s == '\0' || *end != '\0' || *s == '-' || v > max)
		return -1;
	*out = v;
	return 0;
}

enum {
	OPT_JSON = 256,
	OPT_IKE_PORT,
	OPT_VERSION,
	OPT_SHOW_SECRETS
};

static int
cmd_read(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "json", no_argument, NULL, OPT_JSON },
		{ "ike-port", required_argument, NULL, OPT_IKE_PORT },
		{ "show-secrets", no_argument, NULL, OPT_SHOW_SECRETS },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, OPT_VERSION },
		{ NULL, 0, NULL, 0 }
	};
	struct ctx c;
	char err[512];
	const char *files[256];
	size_t nfiles = 0, i;
	uint64_t v;
	uint16_t ports[PKT_MAX_IKE_PORTS];
	size_t nports = 0;
	int ch, rc = 0;

	memset(&c, 0, sizeof(c));
	optind = 1;
	while ((ch = getopt_long(argc, argv, "r:Vc:qh", longopts, NULL)) != -1) {
		switch (ch) {
		case 'r':
			if (nfiles == sizeof(files) / sizeof(files[0])) {
				fprintf(stderr, "ikescope: too many files\n");
				return 1;
			}
			files[nfiles++] = optarg;
			break;
		case 'V':
			c.o.verbose = true;
			break;
		case 'c':
			if (parse_u64(optarg, UINT64_MAX, &v) == -1 || v == 0) {
				fprintf(stderr, "ikescope: -c: expected a positive "
				    "number, got \"%s\"\n", optarg);
				return 1;
			}
			c.o.count = v;
			break;
		case 'q':
			c.o.quiet = true;
			break;
		case OPT_JSON:
			c.o.json = true;
			break;
		case OPT_SHOW_SECRETS:
			c.o.show_secrets = true;
			break;
		case OPT_IKE_PORT:
			if (parse_u64(optarg, 65535, &v) == -1 || v == 0) {
				fprintf(stderr, "ikescope: --ike-port: expected a "
				    "port 1-65535, got \"%s\"\n", optarg);
				return 1;
			}
			if (nports == PKT_MAX_IKE_PORTS - 1) {
				fprintf(stderr, "ikescope: --ike-port: at most %d "
				    "extra ports\n", PKT_MAX_IKE_PORTS - 1);
				return 1;
			}
			ports[nports++] = (uint16_t)v;
			break;
		case 'h':
			usage(stdout);
			return 0;
		case OPT_VERSION:
			printf("ikescope %s\n", PACKAGE_VERSION);
			return 0;
		default:
			usage(stderr);
			return 1;
		}
	}
	for (; optind < argc; optind++) {
		if (nfiles == sizeof(files) / sizeof(files[0])) {
			fprintf(stderr, "ikescope: too many files\n");
			return 1;
		}
		files[nfiles++] = argv[optind];
	}
	if (nfiles == 0) {
		fprintf(stderr, "ikescope: no capture file given\n");
		usage(stderr);
		return 1;
	}

	if (eng_init(&c, stdout, err, sizeof(err)) == -1) {
		fprintf(stderr, "ikescope: %s\n", err);
		return 1;
	}
	for (i = 0; i < nports; i++)
		pkt_add_ike_port(&c.pd, ports[i]);
	for (i = 0; i < nfiles && !c.stop; i++) {
		if (eng_read_file(&c, files[i], err, sizeof(err)) == -1) {
			fprintf(stderr, "ikescope: %s\n", err);
			rc = 1;
		}
	}
	if (!c.o.quiet)
		eng_summary(&c, stderr);
	eng_free(&c);
	if (fflush(stdout) == EOF || ferror(stdout)) {
		fprintf(stderr, "ikescope: write error on standard output\n");
		rc = 1;
	}
	return rc;
}

int
main(int argc, char **argv)
{
	if (argc >= 2) {
		if (strcmp(argv[1], "read") == 0)
			return cmd_read(argc - 1, argv + 1);
		if (strcmp(argv[1], "--version") == 0) {
			printf("ikescope %s\n", PACKAGE_VERSION);
			return 0;
		}
	}
	return cmd_read(argc, argv);
}
