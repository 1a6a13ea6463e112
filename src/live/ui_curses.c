/*
 * ui_curses.c - the live monitor's screen; see ui_curses.h.  The only file
 * that includes curses (as tmux keeps curses behind its screen model).
 *
 * Layout, top to bottom: a status bar; the IKE SAs (half of what is left);
 * the ESP SAs; the alerts (at least 3 lines); a key hint or the filter
 * being typed.  Each pane has a title line with its row count and sort
 * key; the focused pane's title is highlighted and its selected row shown
 * in reverse.  An opened SA replaces the panes with its summary and its
 * ladder; '?' shows the keys.
 */
#define _XOPEN_SOURCE_EXTENDED 1
#include <curses.h>
#include <locale.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "live/ui_curses.h"

enum { UI_C_EST = 1, UI_C_NEG, UI_C_FAIL, UI_C_GONE, UI_C_BAR, UI_C_HIGH };

struct ui_curses {
	bool	 colour;
	char	*ladder;		/* the opened SA's ladder text */
	size_t	 ladder_cap;
};

#define UI_LADDER_MAX	(256 * 1024)

struct ui_curses *
ui_curses_open(char *errbuf, size_t errlen)
{
	struct ui_curses *u;

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		snprintf(errbuf, errlen, "the screen needs a terminal (use "
		    "--no-tui for a line per event)");
		return NULL;
	}
	if ((u = calloc(1, sizeof(*u))) == NULL ||
	    (u->ladder = malloc(UI_LADDER_MAX)) == NULL) {
		free(u);
		snprintf(errbuf, errlen, "out of memory");
		return NULL;
	}
	u->ladder_cap = UI_LADDER_MAX;
	setlocale(LC_CTYPE, "");	/* UTF-8 line drawing where the locale is */
	if (newterm(NULL, stdout, stdin) == NULL) {
		snprintf(errbuf, errlen, "cannot start the screen: unknown "
		    "terminal \"%s\"", getenv("TERM") ? getenv("TERM") : "");
		free(u->ladder);
		free(u);
		return NULL;
	}
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	nodelay(stdscr, TRUE);
	curs_set(0);
	set_escdelay(25);
	if (has_colors()) {
		u->colour = true;
		start_color();
		use_default_colors();
		init_pair(UI_C_EST, COLOR_GREEN, -1);
		init_pair(UI_C_NEG, COLOR_YELLOW, -1);
		init_pair(UI_C_FAIL, COLOR_RED, -1);
		init_pair(UI_C_GONE, COLOR_BLUE, -1);
		init_pair(UI_C_BAR, COLOR_BLACK, COLOR_CYAN);
		init_pair(UI_C_HIGH, COLOR_RED, -1);
	}
	return u;
}

void
ui_curses_close(struct ui_curses *u)
{
	if (u == NULL)
		return;
	endwin();
	free(u->ladder);
	free(u);
}

int
ui_curses_fd(const struct ui_curses *u)
{
	(void)u;
	return STDIN_FILENO;
}

static enum ui_key
ui_map(int ch)
{
	switch (ch) {
	case KEY_UP: return UI_K_UP;
	case KEY_DOWN: return UI_K_DOWN;
	case KEY_PPAGE: return UI_K_PGUP;
	case KEY_NPAGE: return UI_K_PGDN;
	case KEY_HOME: return UI_K_HOME;
	case KEY_END: return UI_K_END;
	case KEY_ENTER: case '\r': case '\n': return UI_K_ENTER;
	case '\t': return UI_K_TAB;
	case 27: return UI_K_ESC;
	case KEY_BACKSPACE: case 127: case 8: return UI_K_BACKSPACE;
	default: return ch >= 0x20 && ch < 0x7f ? UI_K_CHAR : UI_K_NONE;
	}
}

enum ui_action
ui_curses_input(struct ui_curses *u, struct ui_model *m)
{
	int ch;
	unsigned page = LINES > 8 ? (unsigned)(LINES - 8) / 2 : 1;
	enum ui_key k;

	(void)u;
	while ((ch = getch()) != ERR) {
		if (ch == KEY_RESIZE)
			continue;	/* the next draw lays out anew */
		k = ui_map(ch);
		if (k == UI_K_NONE)
			continue;
		if (ui_model_key(m, k, ch, page) == UI_ACT_QUIT)
			return UI_ACT_QUIT;
	}
	return UI_ACT_NONE;
}

/* ---- drawing ---- */

static attr_t
ui_state_attr(const struct ui_curses *u, uint8_t st, short *pair)
{
	*pair = 0;
	switch (st) {
	case UI_ESTABLISHED:
		*pair = UI_C_EST;
		return u->colour ? A_NORMAL : A_BOLD;
	case UI_NEGOTIATING:
		*pair = UI_C_NEG;
		return A_NORMAL;
	case UI_FAILED:
		*pair = UI_C_FAIL;
		return A_BOLD;
	default:
		*pair = UI_C_GONE;
		return A_DIM;
	}
}

static void
ui_put(int y, int x, int w, const char *s)
{
	if (w > 0)
		mvaddnstr(y, x, s, w);
}

/* A line at y in attributes a and, where the terminal has colour, pair. */
static void
ui_line(const struct ui_curses *u, int y, int x, const char *s, attr_t a,
    short pair)
{
	attr_t all = a | (u->colour && pair != 0 ? COLOR_PAIR(pair) : 0);

	attron(all);
	ui_put(y, x, COLS - x, s);
	attroff(all);
}

/* A pane's title line: "─ IKE SAs (3) ─── sort: rate ───" */
static void
ui_title(const struct ui_curses *u, int y, const char *name, size_t n,
    const char *sort, bool focused)
{
	char t[96];

	move(y, 0);
	hline(ACS_HLINE, COLS);
	if (n == SIZE_MAX)
		snprintf(t, sizeof(t), " %s ", name);
	else
		snprintf(t, sizeof(t), " %s (%zu) ", name, n);
	if (focused)
		ui_line(u, y, 1, t, A_REVERSE, UI_C_BAR);
	else
		ui_put(y, 1, COLS - 2, t);
	if (sort != NULL) {
		snprintf(t, sizeof(t), " sort: %s ", sort);
		if ((int)strlen(t) + (int)strlen(name) + 16 < COLS)
			ui_put(y, COLS - 2 - (int)strlen(t), (int)strlen(t), t);
	}
}

static const char *
ui_state_short(uint8_t st)
{
	static const char *const s[UI_STATE__N] = {
		"neg", "EST", "FAIL", "del", "exp", "evic"
	};
	return st < UI_STATE__N ? s[st] : "?";
}

static void
ui_draw_ike(struct ui_curses *u, struct ui_model *m, int y, int h)
{
	const struct ui_ike **rows;
	size_t n = ui_model_ike_rows(m, &rows), top, i, sel;
	int peers_w = COLS - 56, prop_w = 15, r;
	char line[512], age[16];
	bool focus = ui_model_pane(m) == UI_PANE_IKE;
	double now = ui_model_get_status(m)->now;

	if (peers_w < 12)
		peers_w = 12;
	if (peers_w > 47) {
		prop_w += peers_w - 47;
		peers_w = 47;
	}
	ui_title(u, y, "IKE SAs", n, ui_model_sort_name(m, UI_PANE_IKE),
	    focus);
	if (h < 2)
		return;
	snprintf(line, sizeof(line), " %-4s %-*s %-4s %-5s %-*s %5s %5s %2s "
	    "%3s", "ST", peers_w, "PEERS", "MODE", "AUTH", prop_w, "PROPOSAL",
	    "AGE", "LAST", "RK", "DPD");
	ui_line(u, y + 1, 0, line, A_BOLD, 0);
	top = ui_model_top(m, UI_PANE_IKE, (unsigned)(h - 2));
	sel = ui_model_sel(m, UI_PANE_IKE);
	for (r = 0, i = top; r < h - 2 && i < n; r++, i++) {
		const struct ui_ike *x = rows[i];
		short pair;
		attr_t a = ui_state_attr(u, x->state, &pair);

		ui_fmt_age(age, sizeof(age), now - x->first_ts);
		snprintf(line, sizeof(line), " %-4s %-*.*s %-4.4s %-5.5s "
		    "%-*.*s %5s %5.5s %2u %3u", ui_state_short(x->state),
		    peers_w, peers_w, x->peers, x->mode, x->auth, prop_w,
		    prop_w, x->proposal, age, x->last_ex,
		    x->rekeys > 99 ? 99 : x->rekeys,
		    x->dpd > 999 ? 999 : x->dpd);
		if (focus && i == sel)
			a |= A_REVERSE;
		ui_line(u, y + 2 + r, 0, line, a, pair);
	}
}

static void
ui_draw_esp(struct ui_curses *u, struct ui_model *m, int y, int h)
{
	const struct ui_esp_row **rows;
	size_t n = ui_model_esp_rows(m, &rows), top, i, sel;
	int dst_w = COLS - 62, r;
	char line[512], p[16], b[16], rt[16];
	bool focus = ui_model_pane(m) == UI_PANE_ESP;

	if (dst_w < 9)
		dst_w = 9;
	if (dst_w > 39)
		dst_w = 39;
	ui_title(u, y, "ESP SAs", n, ui_model_sort_name(m, UI_PANE_ESP),
	    focus);
	if (h < 2)
		return;
	snprintf(line, sizeof(line), " %-8s %-*s %-3s %8s %8s %8s %6s %6s "
	    "%6s", "SPI", dst_w, "DST", "DIR", "PACKETS", "BYTES", "RATE/s",
	    "ICVBAD", "GAPS", "REPLAY");
	ui_line(u, y + 1, 0, line, A_BOLD, 0);
	top = ui_model_top(m, UI_PANE_ESP, (unsigned)(h - 2));
	sel = ui_model_sel(m, UI_PANE_ESP);
	for (r = 0, i = top; r < h - 2 && i < n; r++, i++) {
		const struct ui_esp_row *w = rows[i];
		attr_t a = A_NORMAL;
		short pair = 0;

		ui_fmt_count(p, sizeof(p), (double)w->e.packets);
		ui_fmt_count(b, sizeof(b), (double)w->e.bytes);
		ui_fmt_count(rt, sizeof(rt), w->rate);
		snprintf(line, sizeof(line), " %08x %-*.*s %-3.3s %8s %8s %8s "
		    "%6llu %6llu %6llu", w->e.spi, dst_w, dst_w, w->e.dst,
		    w->e.dir, p, b, rt, (unsigned long long)w->e.icv_bad,
		    (unsigned long long)w->e.gaps,
		    (unsigned long long)w->e.replays);
		if (w->e.icv_bad > 0) {
			pair = UI_C_FAIL;
			a = u->colour ? A_NORMAL : A_BOLD;
		}
		if (focus && i == sel)
			a |= A_REVERSE;
		ui_line(u, y + 2 + r, 0, line, a, pair);
	}
}

static void
ui_draw_alerts(struct ui_curses *u, struct ui_model *m, int y, int h)
{
	const struct ui_alert *a[64];
	size_t n, i, top, sel;
	int r;
	char line[256], ts[16];
	bool focus = ui_model_pane(m) == UI_PANE_ALERTS;

	n = ui_model_alerts(m, a, sizeof(a) / sizeof(a[0]));
	ui_title(u, y, "Alerts", n, NULL, focus);
	top = ui_model_top(m, UI_PANE_ALERTS, (unsigned)(h - 1));
	sel = ui_model_sel(m, UI_PANE_ALERTS);
	for (r = 0, i = top; r < h - 1 && i < n; r++, i++) {
		time_t t = (time_t)a[i]->ts;
		struct tm tm;
		attr_t at = a[i]->severity >= UI_MEDIUM ? A_BOLD : A_NORMAL;
		short pair = a[i]->severity == UI_HIGH ? UI_C_HIGH : 0;

		gmtime_r(&t, &tm);
		strftime(ts, sizeof(ts), "%H:%M:%S", &tm);
		snprintf(line, sizeof(line), " %s %-6s %s", ts,
		    ui_severity_name(a[i]->severity), a[i]->text);
		if (focus && i == sel)
			at |= A_REVERSE;
		ui_line(u, y + 1 + r, 0, line, at, pair);
	}
}

static void
ui_draw_status(struct ui_curses *u, struct ui_model *m)
{
	const struct ui_status *s = ui_model_get_status(m);
	char line[512], cap[16], drop[16];

	ui_fmt_count(cap, sizeof(cap), (double)s->captured);
	ui_fmt_count(drop, sizeof(drop), (double)(s->dropped +
	    s->if_dropped));
	snprintf(line, sizeof(line), " ikescope live | %s | packets %s "
	    "dropped %s | keys %u%s | %s", s->iface[0] ? s->iface : "-", cap,
	    drop, s->keys, ui_model_paused(m) ? " | PAUSED" : "",
	    s->filter[0] ? s->filter : "no filter");
	attron(A_REVERSE | (u->colour ? COLOR_PAIR(UI_C_BAR) : 0));
	move(0, 0);
	hline(' ', COLS);
	ui_put(0, 0, COLS, line);
	attroff(A_REVERSE | (u->colour ? COLOR_PAIR(UI_C_BAR) : 0));
}

static void
ui_draw_hint(struct ui_model *m)
{
	bool editing;
	const char *f = ui_model_filter(m, &editing);
	char line[256];

	if (editing)
		snprintf(line, sizeof(line), "filter: %s_  (Enter keeps, Esc "
		    "clears)", f);
	else if (f[0] != '\0')
		snprintf(line, sizeof(line), "filter \"%s\" (Esc clears)  "
		    "q quit  ? help  Tab pane  Enter open  / filter  p pause  "
		    "s sort", f);
	else
		snprintf(line, sizeof(line), "q quit  ? help  Tab pane  "
		    "Enter open  / filter  p pause  s sort  j/k move");
	ui_put(LINES - 1, 0, COLS, line);
}

static void
ui_draw_help(void)
{
	static const char *const lines[] = {
		"Keys",
		"",
		"  Up/Down, j/k   move the selection",
		"  PgUp/PgDn      a page; Home/End (g/G) first/last",
		"  Tab            next pane: IKE SAs, ESP SAs, alerts",
		"  Enter          open the selected SA (from an ESP SA: the",
		"                 IKE SA that negotiated it); again to close",
		"  /              filter rows by text (peers, SPI, state...)",
		"  Esc            clear the filter, close a view",
		"  p              pause the display (capture goes on)",
		"  s              sort the focused pane by the next key",
		"  ?              this help; q quit",
		"",
		"States: EST established, neg negotiating, FAIL failed,",
		"        del deleted, exp lifetime expired, evic evicted",
	};
	size_t i;

	for (i = 0; i < sizeof(lines) / sizeof(lines[0]) &&
	    (int)i + 2 < LINES - 1; i++)
		ui_put((int)i + 2, 2, COLS - 4, lines[i]);
}

static void
ui_draw_opened(struct ui_curses *u, struct ui_model *m, uint64_t id,
    size_t top, ui_ladder_fn *ladder, void *arg)
{
	const struct ui_ike *x = ui_model_find(m, id);
	char line[512], title[64];
	size_t len = 0, ln = 0;
	const char *p, *e;
	int y = 2, h = LINES - 3;

	if (x == NULL) {
		ui_put(2, 1, COLS - 2, "(this SA is no longer kept)");
		return;
	}
	snprintf(line, sizeof(line), " %s  %s %s  %s  %s%s%s",
	    x->peers, x->mode, x->auth, x->proposal,
	    ui_state_name(x->state), x->reason[0] ? ": " : "", x->reason);
	snprintf(title, sizeof(title), "IKE SA #%llu  (Esc or Enter: back)",
	    (unsigned long long)id);
	ui_title(u, 1, title, SIZE_MAX, NULL, true);
	ui_line(u, y++, 0, line, A_BOLD, 0);
	if (ladder != NULL)
		len = ladder(arg, id, u->ladder, u->ladder_cap);
	if (len == 0) {
		ui_put(y, 1, COLS - 2, "(no ladder)");
		return;
	}
	/* the ladder's lines from top on */
	for (p = u->ladder; p < u->ladder + len && y < 2 + h; p = e + 1) {
		e = memchr(p, '\n', (size_t)(u->ladder + len - p));
		if (e == NULL)
			e = u->ladder + len;
		if (ln++ >= top)
			mvaddnstr(y++, 0, p, (int)(e - p) < COLS ?
			    (int)(e - p) : COLS);
	}
}

void
ui_curses_draw(struct ui_curses *u, struct ui_model *m, ui_ladder_fn *ladder,
    void *arg)
{
	int body, ike_h, esp_h, al_h;
	size_t top;
	uint64_t opened;

	erase();
	ui_draw_status(u, m);
	body = LINES - 2;		/* between the bar and the hint */
	if (ui_model_help(m))
		ui_draw_help();
	else if ((opened = ui_model_opened(m, &top)) != 0)
		ui_draw_opened(u, m, opened, top, ladder, arg);
	else if (body >= 6) {
		al_h = body / 5 < 3 ? 3 : body / 5;
		ike_h = (body - al_h) / 2 + (body - al_h) % 2;
		esp_h = body - al_h - ike_h;
		ui_draw_ike(u, m, 1, ike_h);
		ui_draw_esp(u, m, 1 + ike_h, esp_h);
		ui_draw_alerts(u, m, 1 + ike_h + esp_h, al_h);
	} else
		ui_put(1, 0, COLS, "(the terminal is too small)");
	ui_draw_hint(m);
	refresh();
}
