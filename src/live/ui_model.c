/*
 * ui_model.c - the live monitor's view model; see ui_model.h.
 *
 * Rows live in fixed arrays (at most UI_MAX_* each), found through a small
 * open-addressing index that is rebuilt when a row leaves (rare: only
 * past a cap).  A pane's view is built on demand: the rows that match the
 * filter, sorted by the pane's key; the selection follows its row (by
 * key) when the order changes.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/hash.h"
#include "live/ui_model.h"

#define UI_IDX	(2 * (UI_MAX_IKE > UI_MAX_ESP ? UI_MAX_IKE : UI_MAX_ESP))
#define UI_NONE	UINT32_MAX

struct ui_tables {
	struct ui_ike	 ike[UI_MAX_IKE];
	size_t		 nike;
	struct ui_esp_row esp[UI_MAX_ESP];
	size_t		 nesp;
};

struct ui_model {
	struct ui_tables live;		/* what the loop updates */
	struct ui_tables frozen;	/* the paused copy */
	uint32_t	 ike_idx[UI_IDX], esp_idx[UI_IDX];	/* row + 1 */
	uint64_t	 seed;		/* the index's, random (core/hash.h) */

	struct ui_alert	 alerts[UI_MAX_ALERTS];
	size_t		 nalerts, alert_head;	/* ring: next slot */
	struct ui_status status;
	uint64_t	 dropped;

	enum ui_pane	 pane;
	size_t		 sel[UI_PANE__N], top[UI_PANE__N];
	uint64_t	 sel_ike;		/* the selected rows' keys */
	uint32_t	 sel_spi;
	char		 sel_dst[48];
	unsigned	 sort[UI_PANE__N];
	bool		 paused, help, editing;
	char		 filter[UI_FILTER_LEN];
	uint64_t	 opened;
	size_t		 ladder_top;

	const struct ui_ike *view_ike[UI_MAX_IKE];
	const struct ui_esp_row *view_esp[UI_MAX_ESP];
	size_t		 nview_ike, nview_esp;
};

static const char *const ui_states[UI_STATE__N] = {
	"negotiating", "established", "failed", "deleted", "expired",
	"evicted"
};
static const char *const ui_sevs[] = { "info", "low", "medium", "high" };
static const char *const ui_sort_ike_names[UI_SI__N] = {
	"last activity", "first seen", "state", "peers"
};
static const char *const ui_sort_esp_names[UI_SE__N] = {
	"rate", "packets", "spi", "icv failures"
};

const char *
ui_state_name(uint8_t s)
{
	return s < UI_STATE__N ? ui_states[s] : "?";
}

const char *
ui_severity_name(uint8_t s)
{
	return s <= UI_HIGH ? ui_sevs[s] : "?";
}

void
ui_fmt_age(char *b, size_t n, double secs)
{
	unsigned long s = secs > 0 ? (unsigned long)secs : 0;

	if (s < 60)
		snprintf(b, n, "%lus", s);
	else if (s < 3600)
		snprintf(b, n, "%lum%02lu", s / 60, s % 60);
	else if (s < 86400)
		snprintf(b, n, "%luh%02lu", s / 3600, s % 3600 / 60);
	else
		snprintf(b, n, "%lud%02lu", s / 86400, s % 86400 / 3600);
}

void
ui_fmt_count(char *b, size_t n, double v)
{
	static const char units[] = "kMGTP";
	size_t u = 0;

	if (v < 1000) {
		snprintf(b, n, "%.0f", v < 0 ? 0 : v);
		return;
	}
	v /= 1000;
	while (v >= 1000 && u + 1 < sizeof(units) - 1) {
		v /= 1000;
		u++;
	}
	if (v < 10)
		snprintf(b, n, "%.1f%c", v, units[u]);
	else
		snprintf(b, n, "%.0f%c", v, units[u]);
}

struct ui_model *
ui_model_new(void)
{
	struct ui_model *m = calloc(1, sizeof(struct ui_model));

	if (m != NULL)
		m->seed = hash_seed_new();
	return m;
}

void
ui_model_free(struct ui_model *m)
{
	free(m);
}

/* ---- the index: key -> row + 1, linear probing ---- */

/* Keys hashed with the model's random seed: SPIs and addresses come off
   the wire, so a capture must not choose their slots. */
static uint64_t
ui_ike_key(const struct ui_model *m, uint64_t id)
{
	return hash_final(hash_add(m->seed, id));
}

static uint64_t
ui_esp_key(const struct ui_model *m, uint32_t spi, const char *dst)
{
	return hash_final(hash_bytes(hash_add(m->seed, spi), dst,
	    strlen(dst)));
}

static bool
ui_esp_same(const struct ui_esp *e, uint32_t spi, const char *dst)
{
	return e->spi == spi && strcmp(e->dst, dst) == 0;
}

static uint32_t
ui_find_ike(const struct ui_model *m, uint64_t id)
{
	size_t i = ui_ike_key(m, id) % UI_IDX;
	uint32_t r;

	while ((r = m->ike_idx[i]) != 0) {
		if (m->live.ike[r - 1].id == id)
			return r - 1;
		i = (i + 1) % UI_IDX;
	}
	return UI_NONE;
}

static uint32_t
ui_find_esp(const struct ui_model *m, uint32_t spi, const char *dst)
{
	size_t i = ui_esp_key(m, spi, dst) % UI_IDX;
	uint32_t r;

	while ((r = m->esp_idx[i]) != 0) {
		if (ui_esp_same(&m->live.esp[r - 1].e, spi, dst))
			return r - 1;
		i = (i + 1) % UI_IDX;
	}
	return UI_NONE;
}

/* The tables hold at most half as many rows as the index has slots. */
static void
ui_index_add(uint32_t *idx, uint64_t h, size_t row)
{
	size_t i = h % UI_IDX;

	while (idx[i] != 0)
		i = (i + 1) % UI_IDX;
	idx[i] = (uint32_t)row + 1;
}

/* Rebuilt after a row left (past a cap), as rows moved. */
static void
ui_index(struct ui_model *m)
{
	size_t r;

	memset(m->ike_idx, 0, sizeof(m->ike_idx));
	memset(m->esp_idx, 0, sizeof(m->esp_idx));
	for (r = 0; r < m->live.nike; r++)
		ui_index_add(m->ike_idx, ui_ike_key(m, m->live.ike[r].id), r);
	for (r = 0; r < m->live.nesp; r++)
		ui_index_add(m->esp_idx, ui_esp_key(m, m->live.esp[r].e.spi,
		    m->live.esp[r].e.dst), r);
}

static bool
ui_ended(uint8_t st)
{
	return st != UI_NEGOTIATING && st != UI_ESTABLISHED;
}

/* Make room in a full IKE table: the oldest ended SA, else the oldest. */
static void
ui_evict_ike(struct ui_model *m)
{
	size_t r, best = 0;
	bool best_ended = false;

	for (r = 0; r < m->live.nike; r++) {
		const struct ui_ike *x = &m->live.ike[r];
		bool e = ui_ended(x->state);

		if ((e && !best_ended) || (e == best_ended &&
		    x->last_ts < m->live.ike[best].last_ts)) {
			best = r;
			best_ended = e;
		}
	}
	m->live.ike[best] = m->live.ike[--m->live.nike];
	m->dropped++;
}

/* ... and in a full ESP table: the one quiet the longest. */
static void
ui_evict_esp(struct ui_model *m)
{
	size_t r, best = 0;

	for (r = 1; r < m->live.nesp; r++)
		if (m->live.esp[r].e.last_ts < m->live.esp[best].e.last_ts)
			best = r;
	m->live.esp[best] = m->live.esp[--m->live.nesp];
	m->dropped++;
}

void
ui_model_ike(struct ui_model *m, const struct ui_ike *x)
{
	uint32_t r = ui_find_ike(m, x->id);

	if (r == UI_NONE) {
		if (m->live.nike == UI_MAX_IKE) {
			ui_evict_ike(m);
			ui_index(m);
		}
		r = (uint32_t)m->live.nike++;
		m->live.ike[r] = *x;
		ui_index_add(m->ike_idx, ui_ike_key(m, x->id), r);
		return;
	}
	m->live.ike[r] = *x;
}

void
ui_model_esp(struct ui_model *m, const struct ui_esp *e, double now)
{
	uint32_t r = ui_find_esp(m, e->spi, e->dst);
	struct ui_esp_row *w;

	if (r == UI_NONE) {
		if (m->live.nesp == UI_MAX_ESP) {
			ui_evict_esp(m);
			ui_index(m);
		}
		r = (uint32_t)m->live.nesp++;
		w = &m->live.esp[r];
		memset(w, 0, sizeof(*w));
		w->e = *e;
		w->rate_ts = now;
		w->rate_bytes = e->bytes;
		ui_index_add(m->esp_idx, ui_esp_key(m, e->spi, e->dst), r);
		return;
	}
	w = &m->live.esp[r];
	w->e = *e;
	/* the rate over at least a second, so it does not flicker */
	if (now - w->rate_ts >= 1.0) {
		w->rate = e->bytes >= w->rate_bytes ?
		    (double)(e->bytes - w->rate_bytes) / (now - w->rate_ts) :
		    0;
		w->rate_ts = now;
		w->rate_bytes = e->bytes;
	}
}

void
ui_model_alert(struct ui_model *m, double ts, enum ui_severity sev,
    const char *text)
{
	struct ui_alert *a = &m->alerts[m->alert_head];

	a->ts = ts;
	a->severity = (uint8_t)sev;
	snprintf(a->text, sizeof(a->text), "%s", text);
	m->alert_head = (m->alert_head + 1) % UI_MAX_ALERTS;
	if (m->nalerts < UI_MAX_ALERTS)
		m->nalerts++;
}

void
ui_model_status(struct ui_model *m, const struct ui_status *s)
{
	m->status = *s;
}

/* ---- views ---- */

static bool
ui_has(const char *hay, const char *needle)
{
	size_t n = strlen(needle), i, k;

	for (i = 0; hay[i] != '\0'; i++) {
		for (k = 0; k < n && hay[i + k] != '\0' &&
		    tolower((unsigned char)hay[i + k]) ==
		    tolower((unsigned char)needle[k]); k++)
			;
		if (k == n)
			return true;
	}
	return n == 0;
}

static bool
ui_ike_match(const struct ui_ike *x, const char *f)
{
	char ck[17];
	int i;

	if (f[0] == '\0')
		return true;
	for (i = 0; i < 8; i++)
		snprintf(ck + 2 * i, 3, "%02x", x->icookie[i]);
	return ui_has(x->peers, f) || ui_has(x->mode, f) ||
	    ui_has(x->auth, f) || ui_has(x->proposal, f) ||
	    ui_has(ui_state_name(x->state), f) || ui_has(ck, f) ||
	    ui_has(x->reason, f);
}

static bool
ui_esp_match(const struct ui_esp *e, const char *f)
{
	char spi[9];

	if (f[0] == '\0')
		return true;
	snprintf(spi, sizeof(spi), "%08x", e->spi);
	return ui_has(spi, f) || ui_has(e->dst, f) || ui_has(e->src, f);
}

static int
ui_cmp_d(double a, double b)
{
	return a < b ? -1 : a > b;
}

static int
ui_cmp_u(uint64_t a, uint64_t b)
{
	return a < b ? -1 : a > b;
}

/* qsort has no argument: the key in force while sorting a view */
static _Thread_local unsigned ui_sorting;

static int
ui_cmp_ike(const void *pa, const void *pb)
{
	const struct ui_ike *a = *(const struct ui_ike *const *)pa;
	const struct ui_ike *b = *(const struct ui_ike *const *)pb;
	int c = 0;

	switch (ui_sorting) {
	case UI_SI_LAST:
		c = -ui_cmp_d(a->last_ts, b->last_ts);
		break;
	case UI_SI_FIRST:
		c = ui_cmp_d(a->first_ts, b->first_ts);
		break;
	case UI_SI_STATE:
		c = ui_cmp_u(a->state, b->state);
		break;
	case UI_SI_PEERS:
		c = strcmp(a->peers, b->peers);
		break;
	}
	return c != 0 ? c : ui_cmp_u(a->id, b->id);
}

static int
ui_cmp_esp(const void *pa, const void *pb)
{
	const struct ui_esp_row *a = *(const struct ui_esp_row *const *)pa;
	const struct ui_esp_row *b = *(const struct ui_esp_row *const *)pb;
	int c = 0;

	switch (ui_sorting) {
	case UI_SE_RATE:
		c = -ui_cmp_d(a->rate, b->rate);
		break;
	case UI_SE_PACKETS:
		c = -ui_cmp_u(a->e.packets, b->e.packets);
		break;
	case UI_SE_SPI:
		c = ui_cmp_u(a->e.spi, b->e.spi);
		break;
	case UI_SE_ICV:
		c = -ui_cmp_u(a->e.icv_bad, b->e.icv_bad);
		break;
	}
	if (c == 0)
		c = ui_cmp_u(a->e.spi, b->e.spi);
	return c != 0 ? c : strcmp(a->e.dst, b->e.dst);
}

static const struct ui_tables *
ui_shown(const struct ui_model *m)
{
	return m->paused ? &m->frozen : &m->live;
}

/* Put the selection back on its row after the view changed. */
static void
ui_follow(struct ui_model *m, enum ui_pane p, size_t n, size_t found)
{
	if (found != SIZE_MAX)
		m->sel[p] = found;
	else if (n == 0)
		m->sel[p] = 0;
	else if (m->sel[p] >= n)
		m->sel[p] = n - 1;
}

static void
ui_view_ike(struct ui_model *m)
{
	const struct ui_tables *t = ui_shown(m);
	size_t i, n = 0, found = SIZE_MAX;

	for (i = 0; i < t->nike; i++)
		if (ui_ike_match(&t->ike[i], m->filter))
			m->view_ike[n++] = &t->ike[i];
	ui_sorting = m->sort[UI_PANE_IKE];
	qsort(m->view_ike, n, sizeof(m->view_ike[0]), ui_cmp_ike);
	for (i = 0; i < n; i++)
		if (m->view_ike[i]->id == m->sel_ike)
			found = i;
	m->nview_ike = n;
	ui_follow(m, UI_PANE_IKE, n, found);
}

static void
ui_view_esp(struct ui_model *m)
{
	const struct ui_tables *t = ui_shown(m);
	size_t i, n = 0, found = SIZE_MAX;

	for (i = 0; i < t->nesp; i++)
		if (ui_esp_match(&t->esp[i].e, m->filter))
			m->view_esp[n++] = &t->esp[i];
	ui_sorting = m->sort[UI_PANE_ESP];
	qsort(m->view_esp, n, sizeof(m->view_esp[0]), ui_cmp_esp);
	for (i = 0; i < n; i++)
		if (ui_esp_same(&m->view_esp[i]->e, m->sel_spi, m->sel_dst))
			found = i;
	m->nview_esp = n;
	ui_follow(m, UI_PANE_ESP, n, found);
}

/* Remember which rows are selected, by key, for ui_follow. */
static void
ui_remember(struct ui_model *m)
{
	if (m->sel[UI_PANE_IKE] < m->nview_ike)
		m->sel_ike = m->view_ike[m->sel[UI_PANE_IKE]]->id;
	if (m->sel[UI_PANE_ESP] < m->nview_esp) {
		const struct ui_esp *e = &m->view_esp[m->sel[UI_PANE_ESP]]->e;

		m->sel_spi = e->spi;
		snprintf(m->sel_dst, sizeof(m->sel_dst), "%s", e->dst);
	}
}

size_t
ui_model_ike_rows(struct ui_model *m, const struct ui_ike ***rows)
{
	ui_view_ike(m);
	*rows = m->view_ike;
	return m->nview_ike;
}

size_t
ui_model_esp_rows(struct ui_model *m, const struct ui_esp_row ***rows)
{
	ui_view_esp(m);
	*rows = m->view_esp;
	return m->nview_esp;
}

size_t
ui_model_alerts(const struct ui_model *m, const struct ui_alert **out,
    size_t n)
{
	size_t i;

	for (i = 0; i < n && i < m->nalerts; i++)
		out[i] = &m->alerts[(m->alert_head + UI_MAX_ALERTS - 1 - i) %
		    UI_MAX_ALERTS];
	return i;
}

/* ---- keys ---- */

static size_t
ui_pane_len(const struct ui_model *m, enum ui_pane p)
{
	switch (p) {
	case UI_PANE_IKE:
		return m->nview_ike;
	case UI_PANE_ESP:
		return m->nview_esp;
	default:
		return m->nalerts;
	}
}

static void
ui_move(struct ui_model *m, long delta)
{
	size_t n = ui_pane_len(m, m->pane), *s = &m->sel[m->pane];

	if (n == 0) {
		*s = 0;
		return;
	}
	if (delta < 0)
		*s = (size_t)-delta > *s ? 0 : *s - (size_t)-delta;
	else
		*s = *s + (size_t)delta >= n ? n - 1 : *s + (size_t)delta;
}

static void
ui_open(struct ui_model *m)
{
	if (m->pane == UI_PANE_IKE && m->sel[UI_PANE_IKE] < m->nview_ike)
		m->opened = m->view_ike[m->sel[UI_PANE_IKE]]->id;
	else if (m->pane == UI_PANE_ESP &&
	    m->sel[UI_PANE_ESP] < m->nview_esp)
		m->opened = m->view_esp[m->sel[UI_PANE_ESP]]->e.ike_id;
	m->ladder_top = 0;
}

static void
ui_filter_key(struct ui_model *m, enum ui_key k, int ch)
{
	size_t n = strlen(m->filter);

	switch (k) {
	case UI_K_ENTER:
		m->editing = false;
		break;
	case UI_K_ESC:
		m->editing = false;
		m->filter[0] = '\0';
		break;
	case UI_K_BACKSPACE:
		if (n > 0)
			m->filter[n - 1] = '\0';
		break;
	case UI_K_CHAR:
		if (ch >= 0x20 && ch < 0x7f && n + 1 < sizeof(m->filter)) {
			m->filter[n] = (char)ch;
			m->filter[n + 1] = '\0';
		}
		break;
	default:
		break;
	}
	m->sel[UI_PANE_IKE] = m->sel[UI_PANE_ESP] = 0;
}

enum ui_action
ui_model_key(struct ui_model *m, enum ui_key k, int ch, unsigned page)
{
	long pg = page > 1 ? (long)page - 1 : 1;

	/* the views as shown, so moves land on what the user sees */
	ui_view_ike(m);
	ui_view_esp(m);
	if (m->editing) {
		ui_filter_key(m, k, ch);
		return UI_ACT_NONE;
	}
	if (k == UI_K_CHAR) {
		switch (ch) {
		case 'j': k = UI_K_DOWN; break;
		case 'k': k = UI_K_UP; break;
		case 'g': k = UI_K_HOME; break;
		case 'G': k = UI_K_END; break;
		case ' ': k = UI_K_PGDN; break;
		default: break;
		}
	}
	if (m->help) {
		if (k == UI_K_ESC || (k == UI_K_CHAR && (ch == '?' ||
		    ch == 'q')) || k == UI_K_ENTER)
			m->help = false;
		return UI_ACT_NONE;
	}
	if (m->opened != 0) {
		switch (k) {
		case UI_K_ESC:
		case UI_K_ENTER:
			m->opened = 0;
			return UI_ACT_NONE;
		case UI_K_UP:
			if (m->ladder_top > 0)
				m->ladder_top--;
			return UI_ACT_NONE;
		case UI_K_DOWN:
			m->ladder_top++;	/* the drawer clamps it */
			return UI_ACT_NONE;
		case UI_K_PGUP:
			m->ladder_top = m->ladder_top > (size_t)pg ?
			    m->ladder_top - (size_t)pg : 0;
			return UI_ACT_NONE;
		case UI_K_PGDN:
			m->ladder_top += (size_t)pg;
			return UI_ACT_NONE;
		case UI_K_HOME:
			m->ladder_top = 0;
			return UI_ACT_NONE;
		case UI_K_CHAR:
			if (ch == 'q') {
				m->opened = 0;
				return UI_ACT_NONE;
			}
			break;
		default:
			return UI_ACT_NONE;
		}
	}
	switch (k) {
	case UI_K_UP:
		ui_move(m, -1);
		break;
	case UI_K_DOWN:
		ui_move(m, 1);
		break;
	case UI_K_PGUP:
		ui_move(m, -pg);
		break;
	case UI_K_PGDN:
		ui_move(m, pg);
		break;
	case UI_K_HOME:
		m->sel[m->pane] = 0;
		break;
	case UI_K_END:
		ui_move(m, (long)ui_pane_len(m, m->pane));
		break;
	case UI_K_TAB:
		m->pane = (enum ui_pane)((m->pane + 1) % UI_PANE__N);
		break;
	case UI_K_ENTER:
		ui_open(m);
		break;
	case UI_K_ESC:
		m->filter[0] = '\0';
		break;
	case UI_K_CHAR:
		switch (ch) {
		case 'q':
			return UI_ACT_QUIT;
		case '?':
			m->help = true;
			break;
		case '/':
			m->editing = true;
			break;
		case 'p':
			m->paused = !m->paused;
			if (m->paused)
				m->frozen = m->live;
			break;
		case 's':
			if (m->pane == UI_PANE_IKE)
				m->sort[m->pane] = (m->sort[m->pane] + 1) %
				    UI_SI__N;
			else if (m->pane == UI_PANE_ESP)
				m->sort[m->pane] = (m->sort[m->pane] + 1) %
				    UI_SE__N;
			break;
		default:
			break;
		}
		break;
	default:
		break;
	}
	ui_remember(m);
	return UI_ACT_NONE;
}

/* ---- state for the drawer ---- */

enum ui_pane
ui_model_pane(const struct ui_model *m)
{
	return m->pane;
}

size_t
ui_model_sel(const struct ui_model *m, enum ui_pane p)
{
	return m->sel[p];
}

size_t
ui_model_top(struct ui_model *m, enum ui_pane p, unsigned visible)
{
	size_t *t = &m->top[p], s = m->sel[p];

	if (visible == 0)
		return *t = s;
	if (s < *t)
		*t = s;
	else if (s >= *t + visible)
		*t = s - visible + 1;
	return *t;
}

unsigned
ui_model_sort(const struct ui_model *m, enum ui_pane p)
{
	return m->sort[p];
}

const char *
ui_model_sort_name(const struct ui_model *m, enum ui_pane p)
{
	if (p == UI_PANE_IKE)
		return ui_sort_ike_names[m->sort[p] % UI_SI__N];
	if (p == UI_PANE_ESP)
		return ui_sort_esp_names[m->sort[p] % UI_SE__N];
	return "newest";
}

bool
ui_model_paused(const struct ui_model *m)
{
	return m->paused;
}

bool
ui_model_help(const struct ui_model *m)
{
	return m->help;
}

const char *
ui_model_filter(const struct ui_model *m, bool *editing)
{
	if (editing != NULL)
		*editing = m->editing;
	return m->filter;
}

uint64_t
ui_model_opened(const struct ui_model *m, size_t *ladder_top)
{
	if (ladder_top != NULL)
		*ladder_top = m->ladder_top;
	return m->opened;
}

const struct ui_ike *
ui_model_find(const struct ui_model *m, uint64_t id)
{
	uint32_t r = ui_find_ike(m, id);

	return r == UI_NONE ? NULL : &m->live.ike[r];
}

const struct ui_status *
ui_model_get_status(const struct ui_model *m)
{
	return &m->status;
}

uint64_t
ui_model_dropped(const struct ui_model *m)
{
	return m->dropped;
}
