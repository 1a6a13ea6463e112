/*
 * out_sel.c - selections after decoding; see out_sel.h.
 */
#include <arpa/inet.h>
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "out/out_sel.h"

static const char *const state_names[] = { "incomplete", "established",
    "failed" };

static int
sel_cookie(struct out_sel_cookie *k, const char *arg)
{
	const char *slash = strchr(arg, '/');
	size_t i, n = strlen(arg);

	if (slash != NULL && (slash - arg != 16 || n != 33))
		return -1;
	if (slash == NULL && (n < 4 || n > 16))
		return -1;
	for (i = 0, k->len = 0; i < n; i++) {
		if (arg + i == slash)
			continue;
		if (!isxdigit((unsigned char)arg[i]))
			return -1;
		k->hex[k->len++] = (char)tolower((unsigned char)arg[i]);
	}
	k->hex[k->len] = '\0';
	return 0;
}

static int
sel_net(struct out_sel_net *n, const char *arg)
{
	char a[INET6_ADDRSTRLEN + 8], *slash, *end;
	unsigned long bits;

	if (strlen(arg) >= sizeof(a))
		return -1;
	strcpy(a, arg);
	memset(n, 0, sizeof(*n));
	if ((slash = strchr(a, '/')) != NULL)
		*slash++ = '\0';
	if (inet_pton(AF_INET, a, n->addr) == 1)
		n->af = 4;
	else if (inet_pton(AF_INET6, a, n->addr) == 1)
		n->af = 6;
	else
		return -1;
	n->bits = n->af == 4 ? 32 : 128;
	if (slash != NULL) {
		errno = 0;
		bits = strtoul(slash, &end, 10);
		if (errno != 0 || *slash == '\0' || *end != '\0' ||
		    !isdigit((unsigned char)*slash) || bits > n->bits)
			return -1;
		n->bits = (unsigned)bits;
	}
	return 0;
}

/* Seconds since the epoch, or ISO 8601 (UTC unless a zone is given). */
static int
sel_time(const char *arg, double *t)
{
	struct tm tm;
	const char *p;
	char *end;
	double frac = 0;
	int n = 0, zh, zm, sign;
	time_t s;

	errno = 0;
	*t = strtod(arg, &end);
	if (errno == 0 && end != arg && *end == '\0' && isdigit(
	    (unsigned char)*arg) && isfinite(*t))
		return 0;
	memset(&tm, 0, sizeof(tm));
	if (sscanf(arg, "%4d-%2d-%2d%n", &tm.tm_year, &tm.tm_mon, &tm.tm_mday,
	    &n) != 3 || n != 10)
		return -1;
	p = arg + n;
	if (*p == 'T' || *p == ' ') {
		n = 0;
		if (sscanf(p + 1, "%2d:%2d%n", &tm.tm_hour, &tm.tm_min, &n) !=
		    2 || n != 5)
			return -1;
		p += 1 + n;
		if (*p == ':') {
			n = 0;
			if (sscanf(p + 1, "%2d%n", &tm.tm_sec, &n) != 1 ||
			    n != 2)
				return -1;
			p += 1 + n;
			if (*p == '.' || *p == ',') {
				frac = strtod(p, &end);
				if (end == p + 1)
					return -1;
				p = end;
			}
		}
	}
	if (tm.tm_mon < 1 || tm.tm_mon > 12 || tm.tm_mday < 1 ||
	    tm.tm_mday > 31 || tm.tm_hour > 23 || tm.tm_min > 59 ||
	    tm.tm_sec > 60)
		return -1;
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	if ((s = timegm(&tm)) == (time_t)-1)
		return -1;
	*t = (double)s + frac;
	if (*p == 'Z' && p[1] == '\0')
		return 0;
	if (*p == '\0')
		return 0;
	if (*p != '+' && *p != '-')
		return -1;
	sign = *p == '-' ? -1 : 1;
	n = 0;
	if (sscanf(p + 1, "%2d:%2d%n", &zh, &zm, &n) != 2 || n != 5 ||
	    p[1 + n] != '\0' || zh > 23 || zm > 59)
		return -1;
	*t -= sign * (zh * 3600.0 + zm * 60.0);
	return 0;
}

int
out_sel_add(struct out_sel *s, enum out_sel_kind k, const char *arg,
    char *errbuf, size_t errlen)
{
	static const char *const opt[] = { "--sa", "--peer", "--spi",
	    "--state", "--since", "--until" };
	static const char *const want[] = {
	    ("an initiator cookie prefix of 4-16 hex digits, or "
	    "ICOOKIE/RCOOKIE"),
	    "an IPv4 or IPv6 address, with /PREFIX or not",
	    "an SPI in hex (8 digits at most, 0x or not)",
	    "established, failed or incomplete",
	    "seconds since the epoch or ISO 8601 (2024-05-01T10:00:00Z)",
	    "seconds since the epoch or ISO 8601 (2024-05-01T10:00:00Z)" };
	const char *h;
	char *end;
	unsigned long v;
	size_t i;
	int rc = -1;

	switch (k) {
	case OUT_SEL_SA:
		if (s->nsa < OUT_SEL_MAX &&
		    (rc = sel_cookie(&s->sa[s->nsa], arg)) == 0)
			s->nsa++;
		break;
	case OUT_SEL_PEER:
		if (s->npeer < OUT_SEL_MAX &&
		    (rc = sel_net(&s->peer[s->npeer], arg)) == 0)
			s->npeer++;
		break;
	case OUT_SEL_SPI:
		h = strncmp(arg, "0x", 2) == 0 ? arg + 2 : arg;
		errno = 0;
		v = strtoul(h, &end, 16);
		if (s->nspi < OUT_SEL_MAX && isxdigit((unsigned char)*h) &&
		    *end == '\0' && errno == 0 && end - h <= 8) {
			s->spi[s->nspi++] = (uint32_t)v;
			rc = 0;
		}
		break;
	case OUT_SEL_STATE:
		for (i = 0; i < 3; i++)
			if (strcmp(arg, state_names[i]) == 0) {
				s->states |= 1u << i;
				rc = 0;
			}
		break;
	case OUT_SEL_SINCE:
		s->has_since = (rc = sel_time(arg, &s->since)) == 0;
		break;
	case OUT_SEL_UNTIL:
		s->has_until = (rc = sel_time(arg, &s->until)) == 0;
		break;
	}
	if (rc == -1) {
		if ((k == OUT_SEL_SA && s->nsa == OUT_SEL_MAX) ||
		    (k == OUT_SEL_PEER && s->npeer == OUT_SEL_MAX) ||
		    (k == OUT_SEL_SPI && s->nspi == OUT_SEL_MAX))
			snprintf(errbuf, errlen, "%s: at most %d", opt[k],
			    OUT_SEL_MAX);
		else
			snprintf(errbuf, errlen, "%s: expected %s, got \"%s\"",
			    opt[k], want[k], arg);
	}
	return rc;
}

bool
out_sel_active(const struct out_sel *s)
{
	return s != NULL && (s->nsa > 0 || s->npeer > 0 || s->nspi > 0 ||
	    s->states != 0 || s->has_since || s->has_until);
}

static bool
net_has(const struct out_sel *s, int af, const uint8_t *a)
{
	const struct out_sel_net *n;
	size_t i;
	unsigned full;

	for (i = 0; i < s->npeer; i++) {
		n = &s->peer[i];
		if (n->af != af)
			continue;
		full = n->bits / 8;
		if (memcmp(n->addr, a, full) != 0)
			continue;
		if (n->bits % 8 == 0 || ((n->addr[full] ^ a[full]) &
		    (0xff00u >> (n->bits % 8)) & 0xff) == 0)
			return true;
	}
	return false;
}

static bool
peer_ok(const struct out_sel *s, int af, const uint8_t *a, const uint8_t *b)
{
	return s->npeer == 0 || net_has(s, af, a) || net_has(s, af, b);
}

static bool
spi_has(const struct out_sel *s, uint32_t spi)
{
	size_t i;

	for (i = 0; i < s->nspi; i++)
		if (s->spi[i] == spi)
			return true;
	return false;
}

static bool
time_ok(const struct out_sel *s, double first, double last)
{
	return (!s->has_since || last >= s->since) &&
	    (!s->has_until || first <= s->until);
}

static bool
cookie_ok(const struct out_sel *s, const struct trk_ike_sa *sa)
{
	char h[33];
	size_t i;

	if (s->nsa == 0)
		return true;
	for (i = 0; i < 8; i++)
		snprintf(h + 2 * i, 3, "%02x", sa->icookie[i]);
	for (i = 0; i < 8; i++)
		snprintf(h + 16 + 2 * i, 3, "%02x", sa->rcookie[i]);
	for (i = 0; i < s->nsa; i++)
		if (strncmp(h, s->sa[i].hex, s->sa[i].len) == 0)
			return true;
	return false;
}

struct spi_walk {
	const struct out_sel *s;
	bool		 found;
};

static void
spi_flow(const struct trk_esp *f, void *arg)
{
	struct spi_walk *w = arg;

	if (spi_has(w->s, f->spi))
		w->found = true;
}

static bool
sa_spi_ok(const struct out_sel *s, const struct trk_ike_sa *sa)
{
	struct spi_walk w = { s, false };
	uint32_t i, k;

	if (s->nspi == 0)
		return true;
	for (i = 0; i < sa->nex; i++)
		for (k = 0; k < sa->ex[i].nspis && k < TRK_MAX_SPIS; k++)
			if (spi_has(s, sa->ex[i].spis[k]))
				return true;
	trk_foreach_sa_esp(sa, spi_flow, &w);
	return w.found;
}

/* The index where id is, or would be, in the sorted ids. */
static size_t
id_pos(const struct out_sel *s, uint64_t id)
{
	size_t lo = 0, hi = s->nids, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (s->ids[mid] < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static bool
id_has(const struct out_sel *s, uint64_t id)
{
	size_t i = id_pos(s, id);

	return i < s->nids && s->ids[i] == id;
}

static void
id_add(struct out_sel *s, uint64_t id)
{
	size_t i = id_pos(s, id);

	if (i < s->nids && s->ids[i] == id)
		return;
	if (s->ids == NULL &&
	    (s->ids = calloc(OUT_SEL_MAX_IDS, sizeof(*s->ids))) == NULL) {
		s->ids_dropped++;
		return;
	}
	if (s->nids == OUT_SEL_MAX_IDS) {
		s->ids_dropped++;
		return;
	}
	memmove(s->ids + i + 1, s->ids + i, (s->nids - i) * sizeof(*s->ids));
	s->ids[i] = id;
	s->nids++;
}

/* The SA's own criteria but time (the caller's). */
static bool
sa_ok(const struct out_sel *s, const struct trk_ike_sa *sa)
{
	return cookie_ok(s, sa) && peer_ok(s, sa->af, sa->iaddr, sa->raddr) &&
	    sa_spi_ok(s, sa) && (s->states == 0 ||
	    (s->states & (1u << sa->state)) != 0);
}

bool
out_sel_ike(struct out_sel *s, const struct trk_ike_sa *sa)
{
	if (!sa_ok(s, sa) || !time_ok(s, sa->first_ts, sa->last_ts))
		return false;
	id_add(s, sa->id);
	s->shown++;
	return true;
}

void
out_sel_learn(struct out_sel *s, const struct trk_ike_sa *sa)
{
	if (sa_ok(s, sa) && (!s->sa_time ||
	    time_ok(s, sa->first_ts, sa->last_ts)))
		id_add(s, sa->id);
	s->exact = true;
}

bool
out_sel_keep(struct out_sel *s, const struct trk_ike_sa *sa)
{
	bool ok = s->exact ? id_has(s, sa->id) : sa_ok(s, sa) &&
	    time_ok(s, sa->first_ts, sa->last_ts);

	s->shown += ok;
	return ok;
}

/* A flow by its own addresses and SPI: only without --sa and --state. */
static bool
flow_ok(const struct out_sel *s, int af, const uint8_t *src,
    const uint8_t *dst, uint32_t spi)
{
	return s->nsa == 0 && s->states == 0 && peer_ok(s, af, src, dst) &&
	    (s->nspi == 0 || spi_has(s, spi));
}

bool
out_sel_esp(const struct out_sel *s, const struct trk_esp *f)
{
	if (!time_ok(s, f->first_ts, f->last_ts))
		return false;
	return (f->ike_id != 0 && id_has(s, f->ike_id)) ||
	    flow_ok(s, f->af, f->src, f->dst, f->spi);
}

bool
out_sel_frame(struct out_sel *s, const struct frame_rec *fr)
{
	const struct pkt *p = &fr->pkt;
	const struct trk_esp *f = fr->esp_flow;
	bool ok;

	if (!time_ok(s, p->ts, p->ts))
		return false;
	if (fr->tracked && fr->trk.sa != NULL) {
		ok = id_has(s, fr->trk.sa->id);
		if (!ok && !s->exact && sa_ok(s, fr->trk.sa)) {
			id_add(s, fr->trk.sa->id);
			ok = true;
		}
	} else if (f != NULL)
		ok = (f->ike_id != 0 && id_has(s, f->ike_id)) ||
		    flow_ok(s, f->af, f->src, f->dst, f->spi);
	else if (fr->has_esp)
		ok = flow_ok(s, p->af, p->src, p->dst, fr->esp.spi);
	else
		ok = s->nsa == 0 && s->nspi == 0 && s->states == 0 &&
		    (s->npeer == 0 || (p->af != 0 &&
		    peer_ok(s, p->af, p->src, p->dst)));
	if (ok)
		s->shown++;
	return ok;
}

void
out_sel_free(struct out_sel *s)
{
	if (s == NULL)
		return;
	free(s->ids);
	s->ids = NULL;
	s->nids = 0;
}
