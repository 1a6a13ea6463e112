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
#include <sys/stat.h>
#include <unistd.h>

#include "crack/crack.h"
#include "crack/crack_gen.h"
#include "engine/engine.h"
#include "keys/keyexport.h"
#include "keys/keyfile.h"

static void	crack_usage(FILE *);

static void
usage(FILE *fp)
{
	fprintf(fp,
"usage: ikescope [read] [options] FILE...\n"
"       ikescope timeline [--json] [-c N] [--ike-port PORT] FILE...\n"
"       ikescope sas [--json] [-c N] [--ike-port PORT] FILE...\n"
"       ikescope keys --export FORMAT [-k KEYFILE]... [-E SECRET]... [FILE...]\n"
"       ikescope crack [-W WORDLIST] [--mask MASK] [options] --psk-line FILE\n"
"\n"
"Decode IKEv1/ISAKMP (UDP 500, 4500, --ike-port and --natt-port) and ESP\n"
"traffic from pcap/pcapng captures (optionally gzip-compressed; '-' reads\n"
"standard input).\n"
"\n"
"commands:\n"
"  read       one line (or JSON record) per frame; the default command\n"
"  timeline   per IKE SA: peers, mode, chosen proposal, outcome, the ladder\n"
"             of messages (MM1..MM6, AM1..AM3, QM1..QM3, INFO, TXN) with\n"
"             timing and retransmissions, its exchanges and ESP flows\n"
"  sas        a table of IKE SAs and a table of ESP SAs\n"
"  keys       read the key files and the captures (keys derived while\n"
"             reading, such as ESP keys from decrypted Quick Modes, count)\n"
"             and print every key known, in --export FORMAT:\n"
"             wireshark-ike (ikev1_decryption_table), wireshark-esp\n"
"             (esp_sa), tcpdump (-E secrets) or ikescope (doc/keyfiles.md)\n"
"\n"
"options:\n"
"  -r FILE          read FILE (same as giving FILE as an argument)\n"
"  -V               verbose tree view of each decoded message\n"
"  --json           one JSON object per frame (NDJSON; see ikescope(1))\n"
"  -c N             stop after N frames\n"
"  --ike-port PORT  also treat UDP PORT as ISAKMP (repeatable)\n"
"  --natt-port PORT also treat UDP PORT as NAT-T, like 4500: ESP-in-UDP,\n"
"                   IKE after the non-ESP marker, keepalives (repeatable)\n"
"  -q               no end-of-run summary on standard error\n"
"  --show-secrets   print keys and other secrets (hidden by default)\n"
"  -k KEYFILE       keys (repeatable): Wireshark esp_sa and\n"
"                   ikev1_decryption_table files, tcpdump -E secrets files,\n"
"                   strongSwan charon logs (ike 4, chd 4) or ikescope's own\n"
"                   format (doc/keyfiles.md)\n"
"  -E SECRET        a tcpdump ESP secret, [0xSPI@dst] algo:key (repeatable;\n"
"                   comma-separated, or \"file NAME\")\n"
"  -w OUT.pcap      write the decrypted inner packets (raw IP, original\n"
"                   timestamps)\n"
"  --write-mode=decrypted|all  -w writes only the decrypted packets (the\n"
"                   default), or every frame: ESP ones decrypted, the\n"
"                   others as their IP datagram (frames not IP are skipped)\n"
"  --crypto=auto|evp|imb  the ESP cipher backend: OpenSSL EVP or Intel's\n"
"                   multi-buffer library (auto: imb when built and the SA's\n"
"                   algorithms allow)\n"
"  --threads N      threads in all (0: one per core, the default; at most\n"
"                   4): the main thread reads, an output thread writes,\n"
"                   N-2 more only decrypt, and all of them decrypt ESP\n"
"                   when they have nothing else to do (1: main only)\n"
"\n"
"  -h, --help       this help\n"
"  --version        print the version\n"
"\n"
"Exit status: 0 success, 1 usage or input error.\n");
	crack_usage(fp);
}

static void
crack_usage(FILE *fp)
{
	fprintf(fp,
"\n"
"ikescope crack [-W WORDLIST] [--mask MASK] [--threads N] [--json]\n"
"               [--kernel NAME] [-q] --psk-line FILE\n"
"  Find the pre-shared key of every psk-crack line of FILE at once (the\n"
"  format ike-scan writes for psk-crack; the hash length names the PRF:\n"
"  MD5, SHA-1, SHA-2).\n"
"  -W, --wordlist WORDLIST  candidates, one a line ('-': standard input)\n"
"  --mask MASK      hashcat mask (?l ?u ?d ?s ?a ??, literals): alone, its\n"
"                   expansions; with -W, each word followed by each one\n"
"  --threads N      threads (0: one per core, the default)\n"
"  --json           one JSON object per PSK found\n"
"  --kernel NAME    avx512, avx2, shani or openssl (default: the best this\n"
"                   CPU runs per PRF; also IKESCOPE_CRACK_KERNEL)\n"
"  -q               no summary on standard error\n"
"  Exit status: 0 every line cracked, 2 some not, 1 usage or input error.\n");
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

/*
 * A port option's argument into ports (at most PKT_MAX_IKE_PORTS - 1
 * beside the default one); -1 after saying what is wrong.
 */
static int
parse_port(const char *opt, const char *arg, uint16_t *ports, size_t *n)
{
	uint64_t v;

	if (parse_u64(arg, 65535, &v) == -1 || v == 0) {
		fprintf(stderr, "ikescope: %s: expected a port 1-65535, got "
		    "\"%s\"\n", opt, arg);
		return -1;
	}
	if (*n == PKT_MAX_IKE_PORTS - 1) {
		fprintf(stderr, "ikescope: %s: at most %d extra ports\n", opt,
		    PKT_MAX_IKE_PORTS - 1);
		return -1;
	}
	ports[(*n)++] = (uint16_t)v;
	return 0;
}

enum {
	OPT_JSON = 256,
	OPT_IKE_PORT,
	OPT_NATT_PORT,
	OPT_VERSION,
	OPT_SHOW_SECRETS,
	OPT_CRYPTO,
	OPT_EXPORT,
	OPT_THREADS,
	OPT_WRITE_MODE
};

struct keyarg {
	bool		 file;		/* -k FILE, else -E SECRET */
	const char	*arg;
};

/* -k and -E, in command-line order, into a new key store. */
static int
load_keys(struct ctx *c, const struct keyarg *k, size_t n, char *err,
    size_t errlen)
{
	size_t i;

	c->ks = ks_new();
	if (c->ks == NULL) {
		snprintf(err, errlen, "out of memory (keys)");
		return -1;
	}
	for (i = 0; i < n; i++)
		if ((k[i].file ? kf_load_file(c->ks, k[i].arg, err, errlen) :
		    kf_add_tcpdump_arg(c->ks, k[i].arg, err, errlen)) == -1)
			return -1;
	return 0;
}

/* keys --export: engine output discarded, the key store printed. */
struct keys_cmd {
	bool		 on;
	bool		 have_fmt;
	enum kx_fmt	 fmt;
};

/*
 * Standard output to a regular file gets a 1 MiB buffer: with stdio's
 * default (the file system's block, 4 kB) a large capture's text costs a
 * write system call every 25 frames.  Terminals and pipes keep theirs.
 * The buffer lives as long as the stream (to the exit).
 */
static void
stdout_buffer(void)
{
	struct stat st;
	char *b;

	if (fstat(fileno(stdout), &st) == -1 || !S_ISREG(st.st_mode))
		return;
	if ((b = malloc(1 << 20)) != NULL &&
	    setvbuf(stdout, b, _IOFBF, 1 << 20) != 0)
		free(b);
}

static int
cmd_run(enum eng_cmd cmd, struct keys_cmd *kc, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "json", no_argument, NULL, OPT_JSON },
		{ "ike-port", required_argument, NULL, OPT_IKE_PORT },
		{ "natt-port", required_argument, NULL, OPT_NATT_PORT },
		{ "show-secrets", no_argument, NULL, OPT_SHOW_SECRETS },
		{ "crypto", required_argument, NULL, OPT_CRYPTO },
		{ "export", required_argument, NULL, OPT_EXPORT },
		{ "threads", required_argument, NULL, OPT_THREADS },
		{ "write-mode", required_argument, NULL, OPT_WRITE_MODE },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, OPT_VERSION },
		{ NULL, 0, NULL, 0 }
	};
	struct ctx c;
	struct kx_hooks kh = { NULL, NULL, NULL, NULL };
	char err[512];
	const char *files[256];
	size_t nfiles = 0, i;
	uint64_t v;
	uint16_t ports[PKT_MAX_IKE_PORTS], natt[PKT_MAX_IKE_PORTS];
	size_t nports = 0, nnatt = 0;
	struct keyarg keys[64];
	size_t nkeys = 0;
	FILE *devnull = NULL;	/* keys: the engine's output */
	int ch, rc = 0;

	memset(&c, 0, sizeof(c));
	c.o.cmd = cmd;
	optind = 1;
	while ((ch = getopt_long(argc, argv, "r:Vc:qhk:E:w:", longopts,
	    NULL)) != -1) {
		switch (ch) {
		case 'k':	/* key file, format auto-detected */
		case 'E':	/* tcpdump-style ESP secret(s) */
			if (nkeys == sizeof(keys) / sizeof(keys[0])) {
				fprintf(stderr, "ikescope: too many -k/-E\n");
				return 1;
			}
			keys[nkeys].file = ch == 'k';
			keys[nkeys++].arg = optarg;
			break;
		case 'w':
			c.o.write_path = optarg;
			break;
		case OPT_WRITE_MODE:
			if (strcmp(optarg, "all") == 0)
				c.o.write_all = true;
			else if (strcmp(optarg, "decrypted") == 0)
				c.o.write_all = false;
			else {
				fprintf(stderr, "ikescope: --write-mode: "
				    "decrypted or all, not \"%s\"\n", optarg);
				return 1;
			}
			break;
		case OPT_EXPORT:	/* keys command only */
			if (!kc->on) {
				fprintf(stderr, "ikescope: --export: only "
				    "with the keys command\n");
				return 1;
			}
			if (kx_parse_format(optarg, &kc->fmt) == -1) {
				fprintf(stderr, "ikescope: --export: unknown "
				    "format \"%s\" (%s)\n", optarg,
				    kx_format_list());
				return 1;
			}
			kc->have_fmt = true;
			break;
		case OPT_CRYPTO:
			if (strcmp(optarg, "auto") == 0)
				c.o.crypto = CRY_AUTO;
			else if (strcmp(optarg, "evp") == 0)
				c.o.crypto = CRY_EVP;
			else if (strcmp(optarg, "imb") == 0)
				c.o.crypto = CRY_IMB;
			else {
				fprintf(stderr, "ikescope: --crypto: auto, evp "
				    "or imb, not \"%s\"\n", optarg);
				return 1;
			}
			break;
		case OPT_THREADS:
			if (parse_u64(optarg, CRY_MAX_LANES, &v) == -1) {
				fprintf(stderr, "ikescope: --threads: expected "
				    "0 (one per core) to %d, got \"%s\"\n",
				    CRY_MAX_LANES, optarg);
				return 1;
			}
			c.o.threads = (unsigned)v;
			break;
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
			if (parse_port("--ike-port", optarg, ports, &nports))
				return 1;
			break;
		case OPT_NATT_PORT:
			if (parse_port("--natt-port", optarg, natt, &nnatt))
				return 1;
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
	if (nfiles == 0 && !kc->on) {
		fprintf(stderr, "ikescope: no capture file given\n");
		usage(stderr);
		return 1;
	}
	if (c.o.write_all && c.o.write_path == NULL) {
		fprintf(stderr, "ikescope: --write-mode=all: only with -w\n");
		return 1;
	}
	if (kc->on && !kc->have_fmt) {
		fprintf(stderr, "ikescope: keys: --export FORMAT is required "
		    "(%s)\n", kx_format_list());
		return 1;
	}
	if (kc->on) {
		/* ---- keys: run the pipeline for what it derives, quietly */
		c.o.quiet = true;
		devnull = fopen("/dev/null", "w");
		if (devnull == NULL) {
			fprintf(stderr, "ikescope: /dev/null: %s\n",
			    strerror(errno));
			return 1;
		}
	}

	if (load_keys(&c, keys, nkeys, err, sizeof(err)) == -1 ||
	    eng_init(&c, devnull != NULL ? devnull : stdout, err,
	    sizeof(err)) == -1) {
		fprintf(stderr, "ikescope: %s\n", err);
		eng_free(&c);
		if (devnull != NULL)
			fclose(devnull);
		return 1;
	}
	for (i = 0; i < nports; i++)
		pkt_add_ike_port(&c.pd, ports[i]);
	for (i = 0; i < nnatt; i++)
		pkt_add_natt_port(&c.pd, natt[i]);
	for (i = 0; i < nfiles && !c.stop; i++) {
		if (eng_read_file(&c, files[i], err, sizeof(err)) == -1) {
			fprintf(stderr, "ikescope: %s\n", err);
			rc = 1;
		}
	}
	eng_finish(&c);
	if (eng_close_outputs(&c, err, sizeof(err)) == -1) {
		fprintf(stderr, "ikescope: %s\n", err);
		rc = 1;
	}
	if (!c.o.quiet)
		eng_summary(&c, stderr);
	/* what the read learned of ESP flows goes out with the store */
	kh.esp = c.espd != NULL ? espd_kx_esp : NULL;
	kh.esp_arg = c.espd;
	if (kc->on && kx_write(stdout, c.ks, kc->fmt, &kh, err,
	    sizeof(err)) == -1) {
		/* ---- keys: the store, with what the read added to it */
		fprintf(stderr, "ikescope: %s\n", err);
		rc = 1;
	}
	eng_free(&c);
	if (devnull != NULL)
		fclose(devnull);
	if (fflush(stdout) == EOF || ferror(stdout)) {
		fprintf(stderr, "ikescope: write error on standard output\n");
		rc = 1;
	}
	return rc;
}

/* ---- crack: its own options; needs no engine */
static int
cmd_crack(int argc, char **argv)
{
	enum { CRK_JSON = 256, CRK_MASK, CRK_THREADS, CRK_PSK_LINE,
	    CRK_KERNEL };
	static const struct option longopts[] = {
		{ "wordlist", required_argument, NULL, 'W' },
		{ "mask", required_argument, NULL, CRK_MASK },
		{ "threads", required_argument, NULL, CRK_THREADS },
		{ "json", no_argument, NULL, CRK_JSON },
		{ "psk-line", required_argument, NULL, CRK_PSK_LINE },
		{ "kernel", required_argument, NULL, CRK_KERNEL },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct crack_opts o = { NULL, NULL, NULL, 0, false, false };
	struct crack_stats st;
	struct cl_set set;
	const char *lines = NULL;
	char err[512];
	bool quiet = false;
	uint64_t v;
	size_t h;
	int ch, rc;

	o.kernel = getenv("IKESCOPE_CRACK_KERNEL");
	if (o.kernel != NULL && *o.kernel == '\0')
		o.kernel = NULL;
	optind = 1;
	while ((ch = getopt_long(argc, argv, "W:qh", longopts, NULL)) != -1) {
		switch (ch) {
		case 'W':
			o.wordlist = optarg;
			break;
		case CRK_MASK:
			o.mask = optarg;
			break;
		case CRK_THREADS:
			if (parse_u64(optarg, CRACK_MAX_THREADS, &v) == -1) {
				fprintf(stderr, "ikescope: --threads: expected "
				    "0-%d, got \"%s\"\n", CRACK_MAX_THREADS,
				    optarg);
				return 1;
			}
			o.threads = (unsigned)v;
			break;
		case CRK_JSON:
			o.json = true;
			break;
		case CRK_PSK_LINE:
			lines = optarg;
			break;
		case CRK_KERNEL:
			o.kernel = optarg;
			break;
		case 'q':
			quiet = true;
			break;
		case 'h':
			crack_usage(stdout);
			return 0;
		default:
			crack_usage(stderr);
			return 1;
		}
	}
	if (optind < argc) {
		fprintf(stderr, "ikescope: crack: captures are not read yet; "
		    "give the exchanges with --psk-line FILE\n");
		return 1;
	}
	if (lines == NULL || (o.wordlist == NULL && o.mask == NULL)) {
		fprintf(stderr, "ikescope: crack: --psk-line FILE and -W "
		    "WORDLIST or --mask MASK are required\n");
		crack_usage(stderr);
		return 1;
	}
	if (o.kernel != NULL && !crack_kernel_known(o.kernel)) {
		fprintf(stderr, "ikescope: crack: unknown kernel \"%s\" "
		    "(avx512, avx2, shani, openssl)\n", o.kernel);
		return 1;
	}
	o.progress = isatty(STDERR_FILENO);
	if (cl_load_file(&set, lines, err, sizeof(err)) == -1) {
		fprintf(stderr, "ikescope: %s\n", err);
		return 1;
	}
	rc = crack_run(&o, &set, stdout, &st, err, sizeof(err));
	cl_set_free(&set);
	if (rc == -1) {
		fprintf(stderr, "ikescope: crack: %s\n", err);
		return 1;
	}
	if (!quiet) {
		fprintf(stderr, "ikescope: %zu of %zu lines cracked; %llu "
		    "candidates in %.2f s (%.2f M/s, %u threads;", st.cracked,
		    st.lines, (unsigned long long)st.candidates, st.seconds,
		    st.seconds > 0 ? (double)st.candidates / st.seconds / 1e6 :
		    0.0, st.threads);
		for (h = 0; h < CK_NHASH; h++)
			if (st.kernel[h] != NULL)
				fprintf(stderr, " %s: %s", ck_hash_name(
				    (enum ck_hash)h), st.kernel[h]);
		fprintf(stderr, ")\n");
		if (st.skipped > 0)
			fprintf(stderr, "ikescope: %llu words longer than %d "
			    "bytes skipped\n", (unsigned long long)st.skipped,
			    CG_MAXLEN);
	}
	if (fflush(stdout) == EOF || ferror(stdout)) {
		fprintf(stderr, "ikescope: write error on standard output\n");
		return 1;
	}
	return st.cracked == st.lines ? 0 : 2;
}

int
main(int argc, char **argv)
{
	struct keys_cmd kc = { false, false, KX_IKESCOPE };

	stdout_buffer();
	if (argc >= 2) {
		if (strcmp(argv[1], "read") == 0)
			return cmd_run(CMD_READ, &kc, argc - 1, argv + 1);
		if (strcmp(argv[1], "timeline") == 0)
			return cmd_run(CMD_TIMELINE, &kc, argc - 1, argv + 1);
		if (strcmp(argv[1], "sas") == 0)
			return cmd_run(CMD_SAS, &kc, argc - 1, argv + 1);
		if (strcmp(argv[1], "keys") == 0) {
			kc.on = true;	/* the sas pipeline, output discarded */
			return cmd_run(CMD_SAS, &kc, argc - 1, argv + 1);
		}
		if (strcmp(argv[1], "crack") == 0)
			return cmd_crack(argc - 1, argv + 1);
		if (strcmp(argv[1], "--version") == 0) {
			printf("ikescope %s\n", PACKAGE_VERSION);
			return 0;
		}
	}
	return cmd_run(CMD_READ, &kc, argc, argv);
}
