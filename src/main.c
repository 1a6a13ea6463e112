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
#include <unistd.h>

#include "core/mem.h"
#include "crack/crack.h"
#include "crack/crack_gen.h"
#include "audit/audit.h"
#include "audit/crack_cap.h"
#include "audit/mmtgt.h"
#include "audit/policy.h"
#include "engine/engine.h"
#include "keys/kx.h"
#include "keys/keyfile.h"
#include "live/live.h"
#include "out/out_sinks.h"

static void	crack_usage(FILE *);

static void
usage(FILE *fp)
{
	fprintf(fp,
"usage: ikescope [read] [options] FILE...\n"
"       ikescope timeline [--json] [-c N] [-f EXPR] [SELECTION] [-k KEYFILE]...\n"
"                FILE...\n"
"       ikescope sas [--json] [-c N] [-f EXPR] [SELECTION] [-k KEYFILE]... FILE...\n"
"       ikescope keys --export FORMAT [-k KEYFILE]... [-E SECRET]... [FILE...]\n"
"       ikescope audit [--json] [SELECTION] [-k KEYFILE]... [--policy FILE]\n"
"                [--psk-crack OUT] [--hashcat OUT] [--fail-on SEVERITY] FILE...\n"
"       ikescope live -i IFACE [-f EXPR] [-k KEYFILE]... [--follow-keys]\n"
"                [--no-tui] [--json] [-w OUT.pcap] [-Z USER]\n"
"       ikescope crack [-W WORDLIST] [--mask MASK] [options] --psk-line FILE\n"
"       ikescope crack [-W WORDLIST] [--mask MASK] [options] [-k KEYFILE]...\n"
"                [--keys-out FILE] CAPTURE...\n"
"\n"
"Decode IKEv1/ISAKMP (UDP 500, 4500, --ike-port and --natt-port) and ESP\n"
"traffic from pcap/pcapng captures (optionally gzip-compressed; '-' reads\n"
"standard input).  Several files are one capture: read in the order of\n"
"their first timestamps, frames numbered across them.\n"
"\n"
"commands:\n"
"  read       one line (or JSON record) per frame; the default command\n"
"  timeline   per IKE SA: peers, mode, chosen proposal, outcome, the ladder\n"
"             of messages (MM1..MM6, AM1..AM3, QM1..QM3, INFO, TXN) with\n"
"             timing and retransmissions, its exchanges and ESP flows\n"
"  sas        a table of IKE SAs and a table of ESP SAs\n"
"  live       an interface as it is captured: IKE SAs, their ladders, ESP\n"
"             SAs and alerts on a screen (keys: arrows or j/k, Enter, Tab,\n"
"             / filter, p pause, s sort, ? help, q quit), or with --no-tui\n"
"             (or stdout not a terminal) a line per event, with --json\n"
"             read's records plus ike_sa, exchange, alert and stats events;\n"
"             -i IFACE (any: all), -f EXPR (default: IKE and ESP),\n"
"             --follow-keys re-reads -k files as they grow (a charon log),\n"
"             also on SIGHUP; -w writes the capture as taken; -Z USER\n"
"             drops root after opening the interface; --seconds N stops\n"
"  audit      findings per peer pair: Aggressive Mode with a pre-shared\n"
"             key, identities in clear, weak algorithms offered and\n"
"             chosen, no PFS, failures, pre-shared keys that differ\n"
"             (doc/audit.md); --policy FILE sets what is weak,\n"
"             --psk-crack/--hashcat OUT write the exposed exchanges for\n"
"             those tools (and ikescope crack), --fail-on SEVERITY exits 2\n"
"             when a finding reaches it (info, low, medium, high)\n"
"  keys       read the key files and the captures (keys derived while\n"
"             reading, such as ESP keys from decrypted Quick Modes, count)\n"
"             and print every key known, in --export FORMAT:\n"
"             wireshark-ike (ikev1_decryption_table), wireshark-esp\n"
"             (esp_sa), tcpdump (-E secrets) or ikescope (doc/keyfiles.md)\n"
"\n"
"options:\n"
"  -r FILE          read FILE (same as giving FILE as an argument)\n"
"  -V               verbose tree view of each decoded message (read)\n"
"  --json           one JSON object per frame, IKE SA or table row\n"
"                   (NDJSON; see ikescope(1); not with keys)\n"
"  -c N             stop after N frames\n"
"  -f EXPR          read only the frames a libpcap filter accepts (as\n"
"                   tcpdump -r; numbered as in the file); the tracker\n"
"                   never sees the others: prefer a selection\n"
"\n"
"selections (read, timeline, sas, audit, crack, -w; after decoding: every\n"
"frame is still tracked and decrypted; one kind ORed, kinds ANDed):\n"
"  --sa COOKIE      the IKE SA whose initiator cookie starts with COOKIE\n"
"                   (4-16 hex digits), or ICOOKIE/RCOOKIE\n"
"  --peer ADDR[/PREFIX]  IKE SAs and ESP flows with either side in it\n"
"  --spi SPI        the ESP flow and the IKE SA that negotiated it\n"
"  --state established|failed|incomplete  IKE SAs so at the end\n"
"  --since TIME, --until TIME  capture time: seconds or ISO 8601 (UTC\n"
"                   unless given); read: frames, others: SAs active then\n"
"  read and -w show the frames of the selected SAs and of their ESP flows\n"
"  (files are read twice for it)\n"
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
"examples:\n"
"  ikescope -f 'udp port 500 or udp port 4500' gateway.pcap\n"
"  ikescope timeline --state failed --peer 192.0.2.0/24 day.pcap0 day.pcap1\n"
"  ikescope -k tunnel.keys --sa ea09f4bb -w tunnel.pcap gateway.pcap\n"
"\n"
"Exit status: 0 success, 1 usage or input error, 2 audit findings at or\n"
"above --fail-on (crack: some line not cracked).\n");
	crack_usage(fp);
}

static void
crack_usage(FILE *fp)
{
	fprintf(fp,
"\n"
"ikescope crack [-W WORDLIST] [--mask MASK] [--threads N] [--json]\n"
"               [--kernel NAME] [-q] (--psk-line FILE | [-f EXPR] [SELECTION]\n"
"               [-k KEYFILE]... [--keys-out FILE] CAPTURE...)\n"
"  Find the pre-shared keys of every exposed Aggressive Mode exchange at\n"
"  once (PRF HMAC-MD5, SHA-1, SHA-2): the psk-crack lines of FILE (the\n"
"  format ike-scan writes for psk-crack; the hash length names the PRF),\n"
"  or the captures' exchanges: HASH_R (the responder's PSK) and HASH_I when\n"
"  AM3 is in clear (the initiator's), each found PSK printed with the IKE\n"
"  SA it opens; IKE SAs that cannot be attacked are named with the reason.\n"
"  With -k giving gxy (the DH secret) also Main Mode: the PSK each side\n"
"  used, from a message it sealed (MM5, MM6, an Informational) that must\n"
"  decrypt with its HASH right: which key is wrong when the peers differ.\n"
"  -W, --wordlist WORDLIST  candidates, one a line ('-': standard input)\n"
"  --mask MASK      hashcat mask (?l ?u ?d ?s ?a ??, literals): alone, its\n"
"                   expansions; with -W, each word followed by each one\n"
"  --threads N      threads (0: one per core, the default)\n"
"  --json           one JSON object per PSK found\n"
"  --kernel NAME    avx512, avx2, shani or openssl (default: the best this\n"
"                   CPU runs per PRF; also IKESCOPE_CRACK_KERNEL)\n"
"  -q               no summary on standard error\n"
"  captures only: -f EXPR, the selections, --ike-port, --natt-port as read;\n"
"  -k KEYFILE       keys (gxy: Main Mode targets); with a PSK found, the\n"
"                   captures are read again with them and the PSKs found,\n"
"                   and what decrypts is said per IKE SA (the PSK needs\n"
"                   the DH secret, gxy, to decrypt)\n"
"  --keys-out FILE  the PSKs found as key-file lines (ike icookie=...\n"
"                   psk_hex=...) for read -k\n"
"  Exit status: 0 every line or target cracked, 2 some not (or no target\n"
"  in the captures), 1 usage or input error.\n");
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
	OPT_WRITE_MODE,
	OPT_POLICY,
	OPT_PSK_CRACK,
	OPT_HASHCAT,
	OPT_FAIL_ON,
	OPT_FOLLOW_KEYS,
	OPT_NO_TUI,
	OPT_SECONDS,
	OPT_SEL		/* + enum out_sel_kind: --sa ... --until */
};

/*
 * One option table per command.  The options of every command that runs
 * the pipeline (ports, decryption, -w) are shared; a command adds its own.
 */
#define OPTS_PIPELINE \
	{ "ike-port", required_argument, NULL, OPT_IKE_PORT }, \
	{ "natt-port", required_argument, NULL, OPT_NATT_PORT }, \
	{ "show-secrets", no_argument, NULL, OPT_SHOW_SECRETS }, \
	{ "crypto", required_argument, NULL, OPT_CRYPTO }, \
	{ "threads", required_argument, NULL, OPT_THREADS }, \
	{ "write-mode", required_argument, NULL, OPT_WRITE_MODE }, \
	{ "help", no_argument, NULL, 'h' }, \
	{ "version", no_argument, NULL, OPT_VERSION }, \
	{ NULL, 0, NULL, 0 }

/* The selections after decoding (out_sel.h). */
#define OPTS_SELECT \
	{ "sa", required_argument, NULL, OPT_SEL + OUT_SEL_SA }, \
	{ "peer", required_argument, NULL, OPT_SEL + OUT_SEL_PEER }, \
	{ "spi", required_argument, NULL, OPT_SEL + OUT_SEL_SPI }, \
	{ "state", required_argument, NULL, OPT_SEL + OUT_SEL_STATE }, \
	{ "since", required_argument, NULL, OPT_SEL + OUT_SEL_SINCE }, \
	{ "until", required_argument, NULL, OPT_SEL + OUT_SEL_UNTIL }

/* read, timeline and sas */
static const struct option view_opts[] = {
	{ "json", no_argument, NULL, OPT_JSON },
	OPTS_SELECT,
	OPTS_PIPELINE
};

static const struct option audit_opts[] = {
	{ "json", no_argument, NULL, OPT_JSON },
	{ "policy", required_argument, NULL, OPT_POLICY },
	{ "psk-crack", required_argument, NULL, OPT_PSK_CRACK },
	{ "hashcat", required_argument, NULL, OPT_HASHCAT },
	{ "fail-on", required_argument, NULL, OPT_FAIL_ON },
	OPTS_SELECT,
	OPTS_PIPELINE
};

static const struct option live_opts[] = {
	{ "json", no_argument, NULL, OPT_JSON },
	{ "follow-keys", no_argument, NULL, OPT_FOLLOW_KEYS },
	{ "no-tui", no_argument, NULL, OPT_NO_TUI },
	{ "seconds", required_argument, NULL, OPT_SECONDS },
	OPTS_PIPELINE
};

static const struct option keys_opts[] = {
	{ "export", required_argument, NULL, OPT_EXPORT },
	OPTS_PIPELINE
};

/*
 * crack: its own options; with captures also -k, -f, the selections and
 * the ports (apply_opt's).  Numbered past OPT_SEL's range.
 */
enum { CRK_JSON = OPT_SEL + 64, CRK_MASK, CRK_THREADS, CRK_PSK_LINE,
	CRK_KERNEL, CRK_KEYS_OUT };
static const struct option crack_opts[] = {
	{ "wordlist", required_argument, NULL, 'W' },
	{ "mask", required_argument, NULL, CRK_MASK },
	{ "threads", required_argument, NULL, CRK_THREADS },
	{ "json", no_argument, NULL, CRK_JSON },
	{ "psk-line", required_argument, NULL, CRK_PSK_LINE },
	{ "kernel", required_argument, NULL, CRK_KERNEL },
	{ "keys-out", required_argument, NULL, CRK_KEYS_OUT },
	{ "ike-port", required_argument, NULL, OPT_IKE_PORT },
	{ "natt-port", required_argument, NULL, OPT_NATT_PORT },
	OPTS_SELECT,
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 }
};

enum cmd_id { CMD_READ = 0, CMD_TIMELINE, CMD_SAS, CMD_KEYS, CMD_CRACK,
	CMD_AUDIT, CMD_LIVE };

struct cmd;
typedef int cmd_fn(const struct cmd *, int, char **);
static cmd_fn cmd_run, cmd_crack, cmd_live;

struct cmd {
	enum cmd_id		 id;
	const char		*name;
	const char		*shortopts;
	const struct option	*longopts;
	enum out_view		 view;
	cmd_fn			*run;
};

/* In enum cmd_id's order; -V is read's only (the frames' tree). */
static const struct cmd cmds[] = {
	{ CMD_READ, "read", "r:Vc:f:qhk:E:w:", view_opts, OUT_VIEW_FRAMES,
	    cmd_run },
	{ CMD_TIMELINE, "timeline", "r:c:f:qhk:E:w:", view_opts,
	    OUT_VIEW_TIMELINE, cmd_run },
	{ CMD_SAS, "sas", "r:c:f:qhk:E:w:", view_opts, OUT_VIEW_SAS,
	    cmd_run },
	{ CMD_KEYS, "keys", "r:c:f:qhk:E:w:", keys_opts, OUT_VIEW_NONE,
	    cmd_run },
	{ CMD_CRACK, "crack", "W:qhk:f:", crack_opts, OUT_VIEW_NONE,
	    cmd_crack },
	{ CMD_AUDIT, "audit", "r:c:f:qhk:E:", audit_opts, OUT_VIEW_NONE,
	    cmd_run },
	{ CMD_LIVE, "live", "i:f:qhk:E:w:Z:", live_opts, OUT_VIEW_NONE,
	    cmd_live },
};

/* Option values named by strings: --crypto, --write-mode. */
struct named {
	int		 val;
	const char	*name;
};

static const struct named crypto_names[] = {
	{ CRY_AUTO, "auto" }, { CRY_EVP, "evp" }, { CRY_IMB, "imb" },
	{ 0, NULL }
};

static const struct named write_modes[] = {
	{ 0, "decrypted" }, { 1, "all" }, { 0, NULL }
};

/* arg's value in t, or -1 after saying what opt takes ("a, b or c"). */
static int
parse_named(const char *opt, const char *arg, const struct named *t,
    int *val)
{
	size_t i;

	for (i = 0; t[i].name != NULL; i++)
		if (strcmp(arg, t[i].name) == 0) {
			*val = t[i].val;
			return 0;
		}
	fprintf(stderr, "ikescope: %s: ", opt);
	for (i = 0; t[i].name != NULL; i++)
		fprintf(stderr, "%s%s", i == 0 ? "" : t[i + 1].name == NULL ?
		    " or " : ", ", t[i].name);
	fprintf(stderr, ", not \"%s\"\n", arg);
	return -1;
}

struct keyarg {
	bool		 file;		/* -k FILE, else -E SECRET */
	const char	*arg;
};

/* What the command line says. */
struct args {
	const struct cmd *cmd;
	struct opts	 o;
	const char	*files[256];
	size_t		 nfiles;
	uint16_t	 ports[PKT_MAX_IKE_PORTS], natt[PKT_MAX_IKE_PORTS];
	size_t		 nports, nnatt;
	struct keyarg	 keys[64];
	size_t		 nkeys;
	const char	*write_path;	/* -w */
	struct out_sel	 sel;		/* --sa, --peer, ... */
	bool		 write_all;	/* --write-mode=all */
	bool		 have_fmt;	/* keys --export */
	enum kx_fmt	 fmt;
	/* audit */
	const char	*policy, *psk_crack, *hashcat;
	int		 fail_on;	/* enum fi_severity, -1: none */
	/* live */
	const char	*iface, *user;
	bool		 follow_keys, no_tui;
	double		 seconds;
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
add_file(struct args *a, const char *path)
{
	if (a->nfiles == sizeof(a->files) / sizeof(a->files[0])) {
		fprintf(stderr, "ikescope: too many files\n");
		return -1;
	}
	a->files[a->nfiles++] = path;
	return 0;
}

/* One option (getopt_long's ch and optarg); -1 after saying what is wrong. */
static int
apply_opt(struct args *a, int ch, const char *arg)
{
	char err[256];
	uint64_t v;
	int n;

	if (ch >= OPT_SEL && ch <= OPT_SEL + OUT_SEL_UNTIL) {
		if (out_sel_add(&a->sel, (enum out_sel_kind)(ch - OPT_SEL),
		    arg, err, sizeof(err)) == -1) {
			fprintf(stderr, "ikescope: %s\n", err);
			return -1;
		}
		return 0;
	}
	switch (ch) {
	case 'k':	/* key file, format auto-detected */
	case 'E':	/* tcpdump-style ESP secret(s) */
		if (a->nkeys == sizeof(a->keys) / sizeof(a->keys[0])) {
			fprintf(stderr, "ikescope: too many -k/-E\n");
			return -1;
		}
		a->keys[a->nkeys].file = ch == 'k';
		a->keys[a->nkeys++].arg = arg;
		return 0;
	case 'w':
		a->write_path = arg;
		return 0;
	case OPT_WRITE_MODE:
		if (parse_named("--write-mode", arg, write_modes, &n) == -1)
			return -1;
		a->write_all = n == 1;
		return 0;
	case OPT_EXPORT:
		if (kx_parse_format(arg, &a->fmt) == -1) {
			fprintf(stderr, "ikescope: --export: unknown format "
			    "\"%s\" (%s)\n", arg, kx_format_list());
			return -1;
		}
		a->have_fmt = true;
		return 0;
	case OPT_CRYPTO:
		if (parse_named("--crypto", arg, crypto_names, &n) == -1)
			return -1;
		a->o.crypto = (enum cry_backend_id)n;
		return 0;
	case OPT_THREADS:
		if (parse_u64(arg, CRY_MAX_LANES, &v) == -1) {
			fprintf(stderr, "ikescope: --threads: expected 0 (one "
			    "per core) to %d, got \"%s\"\n", CRY_MAX_LANES,
			    arg);
			return -1;
		}
		a->o.threads = (unsigned)v;
		return 0;
	case 'r':
		return add_file(a, arg);
	case 'V':
		a->o.verbose = true;
		return 0;
	case 'c':
		if (parse_u64(arg, UINT64_MAX, &v) == -1 || v == 0) {
			fprintf(stderr, "ikescope: -c: expected a positive "
			    "number, got \"%s\"\n", arg);
			return -1;
		}
		a->o.count = v;
		return 0;
	case 'f':
		a->o.filter = arg;
		return 0;
	case 'q':
		a->o.quiet = true;
		return 0;
	case OPT_JSON:
		a->o.json = true;
		return 0;
	case OPT_SHOW_SECRETS:
		a->o.show_secrets = true;
		return 0;
	case OPT_POLICY:
		a->policy = arg;
		return 0;
	case OPT_PSK_CRACK:
		a->psk_crack = arg;
		return 0;
	case OPT_HASHCAT:
		a->hashcat = arg;
		return 0;
	case OPT_FAIL_ON:
		if ((a->fail_on = fi_severity_lookup(arg, false)) == -1) {
			fprintf(stderr, "ikescope: --fail-on: info, low, "
			    "medium or high, not \"%s\"\n", arg);
			return -1;
		}
		return 0;
	case 'i':
		a->iface = arg;
		return 0;
	case 'Z':
		a->user = arg;
		return 0;
	case OPT_FOLLOW_KEYS:
		a->follow_keys = true;
		return 0;
	case OPT_NO_TUI:
		a->no_tui = true;
		return 0;
	case OPT_SECONDS:
		if (parse_u64(arg, 86400 * 365, &v) == -1 || v == 0) {
			fprintf(stderr, "ikescope: --seconds: expected a "
			    "positive number, got \"%s\"\n", arg);
			return -1;
		}
		a->seconds = (double)v;
		return 0;
	case OPT_IKE_PORT:
		return parse_port("--ike-port", arg, a->ports, &a->nports);
	case OPT_NATT_PORT:
		return parse_port("--natt-port", arg, a->natt, &a->nnatt);
	default:
		usage(stderr);
		return -1;
	}
}

/* --ike-port and --natt-port into the context's decoder. */
static void
add_ports(struct ctx *c, const struct args *a)
{
	size_t i;

	for (i = 0; i < a->nports; i++)
		pkt_add_ike_port(&c->pd, a->ports[i]);
	for (i = 0; i < a->nnatt; i++)
		pkt_add_natt_port(&c->pd, a->natt[i]);
}

/* Every capture can be read again (none is standard input). */
static bool
files_twice(const struct args *a)
{
	size_t i;

	for (i = 0; i < a->nfiles; i++)
		if (strcmp(a->files[i], "-") == 0)
			return false;
	return true;
}

/*
 * A capture's first timestamp, or 0 when it has no frame or cannot be
 * read (its error comes when it is read).
 */
static double
first_ts(const char *path)
{
	char err[256];
	struct cap *cap = cap_open_file(path, err, sizeof(err));
	struct cap_frame f;
	double ts = 0;

	if (cap == NULL)
		return 0;
	if (cap_next(cap, &f, err, sizeof(err)) == CAP_FRAME)
		ts = f.ts;
	cap_close(cap);
	return ts;
}

/*
 * Several files are one capture: read in time order (of their first
 * frames; a stable sort, so rotated files with equal times keep theirs),
 * with a note when that is not the order given.  Standard input cannot be
 * looked at first: a set with it is read as given.
 */
static void
order_set(struct args *a)
{
	static double ts[sizeof(a->files) / sizeof(a->files[0])];
	const char *f;
	double t;
	size_t i, k;
	bool moved = false;

	a->o.capture_set = a->nfiles > 1;
	if (a->nfiles < 2 || !files_twice(a))
		return;
	for (i = 0; i < a->nfiles; i++)
		ts[i] = first_ts(a->files[i]);
	for (i = 1; i < a->nfiles; i++) {
		f = a->files[i];
		t = ts[i];
		for (k = i; k > 0 && ts[k - 1] > t; k--) {
			ts[k] = ts[k - 1];
			a->files[k] = a->files[k - 1];
			moved = true;
		}
		ts[k] = t;
		a->files[k] = f;
	}
	if (!moved)
		return;
	fprintf(stderr, "ikescope: note: the files read in time order (of "
	    "their first frames):");
	for (i = 0; i < a->nfiles; i++)
		fprintf(stderr, " %s", a->files[i]);
	fprintf(stderr, "\n");
}

/*
 * A selection's first pass for read and -w (out_sel.h): the whole run
 * without outputs, every IKE SA told to the selection; -1 with err set.
 */
static int
select_pass(struct args *a, char *err, size_t errlen)
{
	struct ctx c;
	char ignored[512];
	size_t i;

	memset(&c, 0, sizeof(c));
	c.o = a->o;
	if (load_keys(&c, a->keys, a->nkeys, err, errlen) == -1 ||
	    eng_init(&c, err, errlen) == -1 ||
	    out_sinks_learn(&c, &a->sel, err, errlen) == -1) {
		eng_free(&c);
		return -1;
	}
	add_ports(&c, a);
	/* a file that fails is reported by the second pass */
	for (i = 0; i < a->nfiles && !c.stop; i++)
		(void)eng_read_file(&c, a->files[i], ignored, sizeof(ignored));
	eng_finish(&c);
	eng_free(&c);
	return 0;
}

/*
 * The command line into a: 0, 1 when it has been answered (--help,
 * --version), -1 after saying what is wrong.
 */
static int
parse_args(struct args *a, int argc, char **argv)
{
	const struct cmd *cmd = a->cmd;
	int ch;

	optind = 1;
	while ((ch = getopt_long(argc, argv, cmd->shortopts, cmd->longopts,
	    NULL)) != -1) {
		if (ch == 'h') {
			usage(stdout);
			return 1;
		}
		if (ch == OPT_VERSION) {
			printf("ikescope %s\n", PACKAGE_VERSION);
			return 1;
		}
		if (apply_opt(a, ch, optarg) == -1)
			return -1;
	}
	for (; optind < argc; optind++)
		if (add_file(a, argv[optind]) == -1)
			return -1;
	if (cmd->id == CMD_LIVE) {
		if (a->iface == NULL || a->nfiles > 0) {
			fprintf(stderr, "ikescope: live: -i IFACE is required, "
			    "and no capture file is read\n");
			usage(stderr);
			return -1;
		}
		if (a->follow_keys && a->nkeys == 0) {
			fprintf(stderr, "ikescope: live: --follow-keys needs "
			    "-k KEYFILE\n");
			return -1;
		}
		return 0;
	}
	if (a->nfiles == 0 && cmd->id != CMD_KEYS) {
		fprintf(stderr, "ikescope: no capture file given\n");
		usage(stderr);
		return -1;
	}
	if (a->write_all && a->write_path == NULL) {
		fprintf(stderr, "ikescope: --write-mode=all: only with -w\n");
		return -1;
	}
	if (a->sel.states != 0 && (cmd->id == CMD_READ ||
	    cmd->id == CMD_AUDIT || a->write_path != NULL) &&
	    !files_twice(a)) {
		fprintf(stderr, "ikescope: --state: read, audit and -w need the "
		    "captures as files, not standard input\n");
		return -1;
	}
	if (cmd->id == CMD_KEYS && !a->have_fmt) {
		fprintf(stderr, "ikescope: keys: --export FORMAT is required "
		    "(%s)\n", kx_format_list());
		return -1;
	}
	if (cmd->id == CMD_KEYS)
		a->o.quiet = true;	/* the pipeline for what it derives */
	order_set(a);
	return 0;
}

/* The context, its keys and its sinks; -1 with err set. */
static int
setup(struct ctx *c, struct out_sinks **sinks, struct args *a,
    char *err, size_t errlen)
{
	struct out_cfg cfg;

	memset(&cfg, 0, sizeof(cfg));
	cfg.view = a->cmd->view;
	cfg.out = stdout;
	cfg.write_path = a->write_path;
	cfg.write_all = a->write_all;
	cfg.keys = a->cmd->id == CMD_KEYS;
	cfg.keys_fmt = a->fmt;
	cfg.sel = &a->sel;
	cfg.thread = true;
	c->o = a->o;
	if (load_keys(c, a->keys, a->nkeys, err, errlen) == -1 ||
	    eng_init(c, err, errlen) == -1 ||
	    (*sinks = out_sinks_new(c, &cfg, err, errlen)) == NULL)
		return -1;
	add_ports(c, a);
	return 0;
}

static bool
audit_keep(const struct trk_ike_sa *sa, void *arg)
{
	return out_sel_keep(arg, sa);
}

/* audit: the policy, the audit and its sink; -1 with err set. */
static int
audit_setup(struct ctx *c, struct args *a, struct audit **au,
    char *err, size_t errlen)
{
	struct policy pol;
	struct audit_opts ao;

	pol_default(&pol);
	if (a->policy != NULL && pol_load(&pol, a->policy, err, errlen) == -1)
		return -1;
	memset(&ao, 0, sizeof(ao));
	ao.show_secrets = a->o.show_secrets;
	if (out_sel_active(&a->sel)) {
		ao.keep = audit_keep;
		ao.keep_arg = &a->sel;
	}
	if ((*au = audit_new(&pol, &ao)) == NULL) {
		snprintf(err, errlen, "out of memory (audit)");
		return -1;
	}
	return audit_sink_add(c, *au, err, errlen);
}

/* One export file (--psk-crack, --hashcat); -1 after saying why. */
static int
audit_export(const struct audit *au, const char *path, bool hashcat)
{
	FILE *fp = fopen(path, "w");
	size_t n;

	if (fp == NULL) {
		fprintf(stderr, "ikescope: %s: %s\n", path, strerror(errno));
		return -1;
	}
	n = hashcat ? audit_export_hashcat(au, fp, stderr) :
	    audit_export_psk_crack(au, fp, stderr);
	if (fclose(fp) == EOF) {
		fprintf(stderr, "ikescope: %s: write error\n", path);
		return -1;
	}
	fprintf(stderr, "ikescope: %s: %zu exposed Aggressive Mode "
	    "exchange%s\n", path, n, n == 1 ? "" : "s");
	return 0;
}

/* The findings and exports; the exit status (2: --fail-on reached). */
static int
audit_report(const struct audit *au, const struct args *a, int rc)
{
	enum fi_severity max = audit_max(au);

	if (a->o.json)
		audit_write_json(au, stdout);
	else
		audit_write_text(au, stdout);
	if (a->psk_crack != NULL && audit_export(au, a->psk_crack, false))
		rc = 1;
	if (a->hashcat != NULL && audit_export(au, a->hashcat, true))
		rc = 1;
	if (audit_dropped(au) > 0)
		fprintf(stderr, "ikescope: audit: %llu findings or facts not "
		    "kept (caps reached)\n",
		    (unsigned long long)audit_dropped(au));
	if (rc == 0 && a->fail_on >= 0 && max != FI_OFF &&
	    (int)max >= a->fail_on)
		rc = 2;
	return rc;
}

static int
cmd_run(const struct cmd *cmd, int argc, char **argv)
{
	static struct args a;	/* file names and keys: 5 kB */
	struct ctx c;
	struct out_sinks *sinks = NULL;
	struct audit *au = NULL;
	char err[512];
	size_t i;
	int rc;

	memset(&a, 0, sizeof(a));
	a.cmd = cmd;
	a.fmt = KX_IKESCOPE;
	a.fail_on = -1;
	if ((rc = parse_args(&a, argc, argv)) != 0)
		return rc == 1 ? 0 : 1;
	a.sel.sa_time = cmd->id == CMD_AUDIT;
	if (out_sel_active(&a.sel) && (cmd->id == CMD_READ ||
	    cmd->id == CMD_AUDIT || a.write_path != NULL) &&
	    files_twice(&a) && select_pass(&a, err, sizeof(err)) == -1) {
		fprintf(stderr, "ikescope: %s\n", err);
		out_sel_free(&a.sel);
		return 1;
	}
	memset(&c, 0, sizeof(c));
	if (setup(&c, &sinks, &a, err, sizeof(err)) == -1 ||
	    (cmd->id == CMD_AUDIT && audit_setup(&c, &a, &au, err,
	    sizeof(err)) == -1)) {
		fprintf(stderr, "ikescope: %s\n", err);
		out_sinks_free(sinks);
		audit_free(au);
		eng_free(&c);
		return 1;
	}
	for (i = 0; i < a.nfiles && !c.stop; i++) {
		if (eng_read_file(&c, a.files[i], err, sizeof(err)) == -1) {
			fprintf(stderr, "ikescope: %s\n", err);
			rc = 1;
		}
	}
	eng_finish(&c);
	if (out_sinks_close(sinks, err, sizeof(err)) == -1) {
		fprintf(stderr, "ikescope: %s\n", err);
		rc = 1;
	}
	if (au != NULL)
		rc = audit_report(au, &a, rc);
	if (out_sel_active(&a.sel) && a.sel.shown == 0)
		fprintf(stderr, "ikescope: the selection matched nothing\n");
	if (a.sel.ids_dropped > 0)
		fprintf(stderr, "ikescope: %llu selected IKE SAs not "
		    "remembered (cap %d): their later frames not shown\n",
		    (unsigned long long)a.sel.ids_dropped, OUT_SEL_MAX_IDS);
	out_sel_free(&a.sel);
	if (!c.o.quiet)
		eng_summary(&c, stderr);
	eng_free(&c);
	out_sinks_free(sinks);
	audit_free(au);
	if (fflush(stdout) == EOF || ferror(stdout)) {
		fprintf(stderr, "ikescope: write error on standard output\n");
		rc = 1;
	}
	return rc;
}

/*
 * live: the context and its keys as the other commands make them; the
 * loop is live_run's.  The screen when standard output is a terminal and
 * --no-tui is not given, else a line (or with --json a record) per event,
 * per-packet JSON records from read's own view.
 */
static int
cmd_live(const struct cmd *cmd, int argc, char **argv)
{
	static struct args a;
	static struct live_opts lo;
	struct ctx c;
	struct out_sinks *sinks = NULL;
	struct out_cfg cfg;
	char err[512];
	size_t i;
	int rc;

	memset(&a, 0, sizeof(a));
	a.cmd = cmd;
	a.fail_on = -1;
	if ((rc = parse_args(&a, argc, argv)) != 0)
		return rc == 1 ? 0 : 1;
	memset(&lo, 0, sizeof(lo));
	lo.iface = a.iface;
	lo.filter = a.o.filter;
	lo.write_path = a.write_path;
	lo.user = a.user;
	lo.json = a.o.json;
	lo.tui = !a.no_tui && !a.o.json && isatty(STDOUT_FILENO);
	lo.follow_keys = a.follow_keys;
	lo.seconds = a.seconds;
	for (i = 0; i < a.nkeys && i < LIVE_MAX_KEYFILES; i++)
		if (a.keys[i].file)
			lo.keyfiles[lo.nkeyfiles++] = a.keys[i].arg;
	memset(&c, 0, sizeof(c));
	c.o = a.o;
	c.o.filter = NULL;	/* the kernel's, in live_run */
	c.o.keys_grow = a.follow_keys;
	c.o.stats_every = lo.tui ? 1 : 5;
	memset(&cfg, 0, sizeof(cfg));
	cfg.view = lo.json ? OUT_VIEW_FRAMES : OUT_VIEW_NONE;
	cfg.out = stdout;
	if (load_keys(&c, a.keys, a.nkeys, err, sizeof(err)) == -1 ||
	    eng_init(&c, err, sizeof(err)) == -1 ||
	    (lo.json && (sinks = out_sinks_new(&c, &cfg, err,
	    sizeof(err))) == NULL)) {
		fprintf(stderr, "ikescope: %s\n", err);
		out_sinks_free(sinks);
		eng_free(&c);
		return 1;
	}
	add_ports(&c, &a);
	rc = live_run(&c, &lo);
	if (sinks != NULL && out_sinks_close(sinks, err, sizeof(err)) == -1) {
		fprintf(stderr, "ikescope: %s\n", err);
		rc = 1;
	}
	eng_free(&c);
	out_sinks_free(sinks);
	return rc;
}

/* ---- crack: psk-crack lines (no engine), or captures read first */

/* The end-of-run summary on stderr; what: "lines" or "targets". */
static void
crack_summary(const struct crack_stats *st, const char *what)
{
	size_t h;

	fprintf(stderr, "ikescope: %zu of %zu %s cracked; %llu "
	    "candidates in %.2f s (%.2f M/s, %u threads;", st->cracked,
	    st->lines + st->targets, what, (unsigned long long)st->candidates, st->seconds,
	    st->seconds > 0 ? (double)st->candidates / st->seconds / 1e6 :
	    0.0, st->threads);
	for (h = 0; h < CK_NHASH; h++)
		if (st->kernel[h] != NULL)
			fprintf(stderr, " %s: %s", ck_hash_name(
			    (enum ck_hash)h), st->kernel[h]);
	fprintf(stderr, ")\n");
	if (st->skipped > 0)
		fprintf(stderr, "ikescope: %llu words longer than %d "
		    "bytes skipped\n", (unsigned long long)st->skipped,
		    CG_MAXLEN);
}

/*
 * One pass over the captures with the keys of a: the first collects the
 * targets into set, and with keys the sealed messages into *mm
 * (audit/mmtgt.h); the second adds the PSKs found to the keys and
 * reports what they decrypt.  -1 when a capture could not be read (said
 * on stderr).
 */
static int
crack_pass(struct args *a, struct cc_set *set, struct mmt **mm, char *err,
    size_t errlen)
{
	bool second = mm == NULL;
	struct ctx c;
	size_t i;
	int rc = 0;

	memset(&c, 0, sizeof(c));
	c.o = a->o;
	c.o.quiet = true;
	if (load_keys(&c, a->keys, a->nkeys, err, errlen) == -1 ||
	    (second && cc_add_keys(set, c.ks, err, errlen) == -1) ||
	    eng_init(&c, err, errlen) == -1 ||
	    (second ? cc_report_sink_add(&c, set, err, errlen) :
	    cc_sink_add(&c, set, err, errlen)) == -1 ||
	    (!second && a->nkeys > 0 &&
	    (*mm = mmt_new(&c, set->keep, set->keep_arg, err,
	    errlen)) == NULL)) {
		fprintf(stderr, "ikescope: %s\n", err);
		eng_free(&c);
		return -1;
	}
	add_ports(&c, a);
	for (i = 0; i < a->nfiles && !c.stop; i++)
		if (eng_read_file(&c, a->files[i], err, errlen) == -1) {
			fprintf(stderr, "ikescope: %s\n", err);
			rc = -1;
		}
	eng_finish(&c);
	eng_free(&c);
	return rc;
}

/* --keys-out: the PSKs found as our key-file lines; -1 after saying why. */
static int
crack_keys_out(const struct cc_set *set, const char *path)
{
	struct ks *ks = ks_new();
	char err[256];
	FILE *fp;
	int rc = -1;

	if (ks == NULL) {
		fprintf(stderr, "ikescope: out of memory (keys)\n");
		return -1;
	}
	if (cc_add_keys(set, ks, err, sizeof(err)) == -1)
		fprintf(stderr, "ikescope: %s\n", err);
	else if ((fp = fopen(path, "w")) == NULL)
		fprintf(stderr, "ikescope: %s: %s\n", path, strerror(errno));
	else {
		rc = kx_write(fp, ks, KX_IKESCOPE, NULL, err, sizeof(err));
		if (fclose(fp) == EOF && rc == 0) {
			snprintf(err, sizeof(err), "write error");
			rc = -1;
		}
		if (rc == -1)
			fprintf(stderr, "ikescope: %s: %s\n", path, err);
		else
			fprintf(stderr, "ikescope: %s: the pre-shared keys of "
			    "%zu IKE SA%s\n", path, ks_ike_count(ks),
			    ks_ike_count(ks) == 1 ? "" : "s");
	}
	ks_free(ks);
	return rc;
}

/*
 * crack CAPTURE...: the targets of the captures (audit/crack_cap.h), the
 * attack on all of them, --keys-out, and with -k a second pass telling
 * what the PSKs found decrypt.  The exit status as with --psk-line.
 */
static int
crack_captures(struct args *a, struct crack_opts *o, const char *keys_out,
    bool quiet)
{
	struct cc_set set;
	struct crack_stats st;
	struct mmt *mm = NULL;
	struct cm_target *tg = NULL;
	char err[512];
	size_t nr = 0, ni = 0, i, ntg = 0, nsas = 0, opened = 0;
	int rc;

	memset(&set, 0, sizeof(set));
	set.out = stdout;
	set.json = o->json;
	if (out_sel_active(&a->sel)) {
		set.keep = audit_keep;
		set.keep_arg = &a->sel;
		a->sel.sa_time = true;
		if (files_twice(a) && select_pass(a, err, sizeof(err)) == -1) {
			fprintf(stderr, "ikescope: %s\n", err);
			return 1;
		}
	}
	rc = crack_pass(a, &set, &mm, err, sizeof(err));
	if (rc == 0 && mm != NULL) {
		tg = mmt_targets(mm, &ntg, &nsas, &opened);
		if (mmt_cc_add(mm, &set) == -1) {
			fprintf(stderr, "ikescope: crack: out of memory\n");
			rc = -1;
		}
	}
	if (rc == -1) {
		mmt_free(mm);
		cc_set_free(&set);
		return 1;
	}
	cc_write_notes(&set, stderr);
	for (i = 0; i < set.lines.n; i++)
		set.t[i].kind == CC_AM_HASH_R ? nr++ : ni++;
	if (cc_ntargets(&set) == 0) {
		fprintf(stderr, "ikescope: crack: no exposed exchange to "
		    "attack in %llu IKEv1 SA%s", (unsigned long long)set.sas,
		    set.sas == 1 ? "" : "s");
		if (set.main_mode > 0)
			fprintf(stderr, " (%llu in Main Mode, whose hashes "
			    "travel encrypted: -k with their gxy opens them)",
			    (unsigned long long)set.main_mode);
		if (opened > 0)
			fprintf(stderr, "; %zu side%s opened by the keys given",
			    opened, opened == 1 ? "" : "s");
		fprintf(stderr, "\n");
		mmt_free(mm);
		cc_set_free(&set);
		return 2;
	}
	if (!quiet) {
		fprintf(stderr, "ikescope: crack: %zu target%s (%zu HASH_R, "
		    "%zu HASH_I", cc_ntargets(&set), cc_ntargets(&set) == 1 ?
		    "" : "s", nr, ni);
		if (ntg > 0)
			fprintf(stderr, ", %zu sealed message%s with g^xy",
			    ntg, ntg == 1 ? "" : "s");
		fprintf(stderr, ") of %llu IKE SA%s\n",
		    (unsigned long long)set.sas, set.sas == 1 ? "" : "s");
	}
	if (mm != NULL && mmt_dropped(mm) > 0)
		fprintf(stderr, "ikescope: crack: %llu sealed messages not "
		    "kept (caps: %d IKE SAs, %u MiB, %d bytes a message)\n",
		    (unsigned long long)mmt_dropped(mm), MMT_MAX_SAS,
		    MMT_MAX_BYTES >> 20, MMT_MAX_MSG);
	if (!quiet && opened > 0)
		fprintf(stderr, "ikescope: crack: %zu side%s of IKE SAs with "
		    "g^xy opened by the keys given already\n", opened,
		    opened == 1 ? "" : "s");
	o->found = cc_found;
	o->found_arg = &set;
	if (crack_run_tg(o, &set.lines, tg, ntg, stdout, &st, err,
	    sizeof(err)) == -1) {
		fprintf(stderr, "ikescope: crack: %s\n", err);
		mmt_free(mm);
		cc_set_free(&set);
		return 1;
	}
	mmt_free(mm);
	if (!quiet)
		crack_summary(&st, "targets");
	rc = st.cracked == st.lines + st.targets ? 0 : 2;
	if (keys_out != NULL && crack_keys_out(&set, keys_out) == -1)
		rc = 1;
	if (cc_cracked(&set) > 0 && a->nkeys > 0) {
		fflush(stdout);
		if (!files_twice(a))
			fprintf(stderr, "ikescope: crack: standard input "
			    "cannot be read again to decrypt with the PSKs "
			    "found\n");
		else if (crack_pass(a, &set, NULL, err, sizeof(err)) == -1)
			rc = 1;
	}
	cc_set_free(&set);
	return rc;
}

static int
cmd_crack(const struct cmd *cmd, int argc, char **argv)
{
	static struct args a;
	struct crack_opts o;
	struct crack_stats st;
	struct cl_set set;
	const char *lines = NULL, *keys_out = NULL;
	char err[512];
	bool quiet = false;
	uint64_t v;
	int ch, rc;

	memset(&a, 0, sizeof(a));
	memset(&o, 0, sizeof(o));
	a.cmd = cmd;
	a.fail_on = -1;
	o.kernel = getenv("IKESCOPE_CRACK_KERNEL");
	if (o.kernel != NULL && *o.kernel == '\0')
		o.kernel = NULL;
	optind = 1;
	while ((ch = getopt_long(argc, argv, cmd->shortopts, cmd->longopts,
	    NULL)) != -1) {
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
		case CRK_KEYS_OUT:
			keys_out = optarg;
			break;
		case 'q':
			quiet = true;
			break;
		case 'h':
			crack_usage(stdout);
			return 0;
		case 'k':
		case 'f':
		case OPT_IKE_PORT:
		case OPT_NATT_PORT:
			if (apply_opt(&a, ch, optarg) == -1)
				return 1;
			break;
		default:
			if (ch >= OPT_SEL && ch <= OPT_SEL + OUT_SEL_UNTIL) {
				if (apply_opt(&a, ch, optarg) == -1)
					return 1;
				break;
			}
			crack_usage(stderr);
			return 1;
		}
	}
	for (; optind < argc; optind++)
		if (add_file(&a, argv[optind]) == -1)
			return 1;
	if ((lines == NULL) == (a.nfiles == 0) ||
	    (o.wordlist == NULL && o.mask == NULL)) {
		fprintf(stderr, "ikescope: crack: CAPTURE... or --psk-line "
		    "FILE (one of them), and -W WORDLIST or --mask MASK, are "
		    "required\n");
		crack_usage(stderr);
		return 1;
	}
	if (lines != NULL && (a.nkeys > 0 || a.o.filter != NULL ||
	    keys_out != NULL || out_sel_active(&a.sel) || a.nports > 0 ||
	    a.nnatt > 0)) {
		fprintf(stderr, "ikescope: crack: -k, -f, --keys-out, the "
		    "selections and the ports are for captures, not "
		    "--psk-line\n");
		return 1;
	}
	if (o.kernel != NULL && !crack_kernel_known(o.kernel)) {
		fprintf(stderr, "ikescope: crack: unknown kernel \"%s\" "
		    "(avx512, avx2, shani, openssl)\n", o.kernel);
		return 1;
	}
	o.progress = isatty(STDERR_FILENO);
	if (a.nfiles > 0) {
		order_set(&a);
		rc = crack_captures(&a, &o, keys_out, quiet);
		out_sel_free(&a.sel);
	} else {
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
		if (!quiet)
			crack_summary(&st, "lines");
		rc = st.cracked == st.lines ? 0 : 2;
	}
	if (fflush(stdout) == EOF || ferror(stdout)) {
		fprintf(stderr, "ikescope: write error on standard output\n");
		return 1;
	}
	return rc;
}

int
main(int argc, char **argv)
{
	size_t i;

	mem_heap_init();
	stdout_buffer();
	if (argc >= 2) {
		for (i = 0; i < sizeof(cmds) / sizeof(cmds[0]); i++)
			if (strcmp(argv[1], cmds[i].name) == 0)
				return cmds[i].run(&cmds[i], argc - 1,
				    argv + 1);
		if (strcmp(argv[1], "--version") == 0) {
			printf("ikescope %s\n", PACKAGE_VERSION);
			return 0;
		}
	}
	return cmd_run(&cmds[CMD_READ], argc, argv);
}
