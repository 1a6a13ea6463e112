/*
 * test_ui_model.c - the live monitor's view model without a terminal:
 * upserts, sorting per pane, the selection following its row when the
 * order changes, movement and its bounds, the filter (typed, applied,
 * cleared), pause (a frozen copy while updates go on), opening an SA
 * from either pane, help, quit, ESP rates, the alert ring, and the caps.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "live/ui_model.h"

static struct ui_ike
ike(uint64_t id, const char *peers, uint8_t st, double first, double last)
{
	struct ui_ike x;

	memset(&x, 0, sizeof(x));
	x.id = id;
	x.icookie[0] = (uint8_t)id;
	snprintf(x.peers, sizeof(x.peers), "%s", peers);
	snprintf(x.mode, sizeof(x.mode), "main");
	snprintf(x.auth, sizeof(x.auth), "psk");
	x.state = st;
	x.first_ts = first;
	x.last_ts = last;
	return x;
}

static struct ui_esp
esp(uint32_t spi, const char *dst, uint64_t pkts, uint64_t bytes,
    uint64_t icv, uint64_t ike_id)
{
	struct ui_esp e;

	memset(&e, 0, sizeof(e));
	e.spi = spi;
	snprintf(e.dst, sizeof(e.dst), "%s", dst);
	e.packets = pkts;
	e.bytes = bytes;
	e.icv_bad = icv;
	e.ike_id = ike_id;
	e.last_ts = 1;
	return e;
}

/* The ids of the IKE pane, top to bottom, as "1,3,2". */
static const char *
ike_order(struct ui_model *m)
{
	static char b[256];
	const struct ui_ike **r;
	size_t n = ui_model_ike_rows(m, &r), i, o = 0;

	b[0] = '\0';
	for (i = 0; i < n && o < sizeof(b) - 24; i++)
		o += (size_t)snprintf(b + o, sizeof(b) - o, "%s%llu",
		    i ? "," : "", (unsigned long long)r[i]->id);
	return b;
}

static const char *
esp_order(struct ui_model *m)
{
	static char b[256];
	const struct ui_esp_row **r;
	size_t n = ui_model_esp_rows(m, &r), i, o = 0;

	b[0] = '\0';
	for (i = 0; i < n && o < sizeof(b) - 24; i++)
		o += (size_t)snprintf(b + o, sizeof(b) - o, "%s%x",
		    i ? "," : "", r[i]->e.spi);
	return b;
}

static void
type(struct ui_model *m, const char *s)
{
	for (; *s != '\0'; s++)
		ui_model_key(m, UI_K_CHAR, (unsigned char)*s, 10);
}

static void
test_sort_select(void)
{
	struct ui_model *m = ui_model_new();
	struct ui_ike x;

	CHECK(m != NULL);
	if (m == NULL)
		return;
	ui_model_ike(m, (x = ike(1, "10.0.0.1 > 10.0.0.9", UI_ESTABLISHED,
	    1, 5), &x));
	ui_model_ike(m, (x = ike(2, "10.0.0.2 > 10.0.0.9", UI_NEGOTIATING,
	    2, 9), &x));
	ui_model_ike(m, (x = ike(3, "10.0.0.3 > 10.0.0.9", UI_FAILED, 3, 7),
	    &x));
	/* default: last activity first */
	CHECK_STR(ike_order(m), "2,3,1");
	CHECK_STR(ui_model_sort_name(m, UI_PANE_IKE), "last activity");
	type(m, "s");
	CHECK_STR(ike_order(m), "1,2,3");	/* first seen */
	type(m, "s");
	CHECK_STR(ike_order(m), "2,1,3");	/* state: neg, est, failed */
	type(m, "s");
	CHECK_STR(ike_order(m), "1,2,3");	/* peers */
	type(m, "s");
	CHECK_STR(ui_model_sort_name(m, UI_PANE_IKE), "last activity");
	CHECK_STR(ike_order(m), "2,3,1");

	/* selection: moves, bounds, follows its row */
	CHECK_EQ_U(ui_model_sel(m, UI_PANE_IKE), 0);
	ui_model_key(m, UI_K_DOWN, 0, 10);
	ui_model_key(m, UI_K_DOWN, 0, 10);
	ui_model_key(m, UI_K_DOWN, 0, 10);	/* stays on the last */
	CHECK_EQ_U(ui_model_sel(m, UI_PANE_IKE), 2);	/* id 1 */
	type(m, "k");
	CHECK_EQ_U(ui_model_sel(m, UI_PANE_IKE), 1);	/* id 3 */
	/* id 3 becomes the most recent: it moves to the top, and the
	   selection with it */
	ui_model_ike(m, (x = ike(3, "10.0.0.3 > 10.0.0.9", UI_FAILED, 3,
	    20), &x));
	CHECK_STR(ike_order(m), "3,2,1");
	CHECK_EQ_U(ui_model_sel(m, UI_PANE_IKE), 0);
	ui_model_key(m, UI_K_END, 0, 10);
	CHECK_EQ_U(ui_model_sel(m, UI_PANE_IKE), 2);
	ui_model_key(m, UI_K_HOME, 0, 10);
	CHECK_EQ_U(ui_model_sel(m, UI_PANE_IKE), 0);
	ui_model_key(m, UI_K_PGDN, 0, 10);
	CHECK_EQ_U(ui_model_sel(m, UI_PANE_IKE), 2);
	/* scrolling keeps the selection visible */
	CHECK_EQ_U(ui_model_top(m, UI_PANE_IKE, 2), 1);
	ui_model_key(m, UI_K_PGUP, 0, 10);
	CHECK_EQ_U(ui_model_top(m, UI_PANE_IKE, 2), 0);

	/* Tab cycles the panes; Enter opens the selected SA */
	CHECK_EQ_U(ui_model_pane(m), UI_PANE_IKE);
	ui_model_key(m, UI_K_ENTER, 0, 10);
	CHECK_EQ_U(ui_model_opened(m, NULL), 3);
	ui_model_key(m, UI_K_DOWN, 0, 10);	/* scrolls the ladder */
	{
		size_t top;

		CHECK_EQ_U(ui_model_opened(m, &top), 3);
		CHECK_EQ_U(top, 1);
	}
	CHECK_EQ_U(ui_model_key(m, UI_K_CHAR, 'q', 10), UI_ACT_NONE);
	CHECK_EQ_U(ui_model_opened(m, NULL), 0);	/* q closes it */
	ui_model_key(m, UI_K_TAB, 0, 10);
	CHECK_EQ_U(ui_model_pane(m), UI_PANE_ESP);
	ui_model_key(m, UI_K_TAB, 0, 10);
	ui_model_key(m, UI_K_TAB, 0, 10);
	CHECK_EQ_U(ui_model_pane(m), UI_PANE_IKE);

	/* help, then quit */
	type(m, "?");
	CHECK(ui_model_help(m));
	CHECK_EQ_U(ui_model_key(m, UI_K_CHAR, 'q', 10), UI_ACT_NONE);
	CHECK(!ui_model_help(m));
	CHECK_EQ_U(ui_model_key(m, UI_K_CHAR, 'q', 10), UI_ACT_QUIT);
	ui_model_free(m);
}

static void
test_filter_pause(void)
{
	struct ui_model *m = ui_model_new();
	struct ui_ike x;
	struct ui_esp e;
	bool editing;

	if (m == NULL)
		return;
	ui_model_ike(m, (x = ike(1, "192.0.2.1 > 192.0.2.2", UI_ESTABLISHED,
	    1, 5), &x));
	ui_model_ike(m, (x = ike(2, "198.51.100.7 > 192.0.2.2", UI_FAILED,
	    2, 6), &x));
	ui_model_esp(m, (e = esp(0xc0ffee01, "192.0.2.2", 10, 1000, 0, 1),
	    &e), 1);
	ui_model_esp(m, (e = esp(0x0badf00d, "192.0.2.1", 5, 500, 2, 1), &e),
	    1);
	/* '/' starts the filter; typed keys go to it, not to commands */
	type(m, "/");
	type(m, "198.51");
	CHECK_STR(ui_model_filter(m, &editing), "198.51");
	CHECK(editing);
	CHECK(!ui_model_paused(m));	/* no 'p' was taken as a command */
	CHECK_STR(ike_order(m), "2");
	CHECK_STR(esp_order(m), "");
	ui_model_key(m, UI_K_BACKSPACE, 0, 10);
	CHECK_STR(ui_model_filter(m, NULL), "198.5");
	ui_model_key(m, UI_K_ENTER, 0, 10);
	CHECK_STR(ui_model_filter(m, &editing), "198.5");
	CHECK(!editing);
	/* filter on the state name, then on an SPI in hex */
	ui_model_key(m, UI_K_ESC, 0, 10);
	CHECK_STR(ui_model_filter(m, NULL), "");
	type(m, "/FAILED");
	ui_model_key(m, UI_K_ENTER, 0, 10);
	CHECK_STR(ike_order(m), "2");
	type(m, "/");
	ui_model_key(m, UI_K_ESC, 0, 10);
	type(m, "/f00d");
	ui_model_key(m, UI_K_ENTER, 0, 10);
	CHECK_STR(esp_order(m), "badf00d");
	CHECK_STR(ike_order(m), "");
	ui_model_key(m, UI_K_ESC, 0, 10);	/* clears it */
	CHECK_STR(ike_order(m), "2,1");

	/* pause: the panes keep what they showed; updates go on beneath */
	type(m, "p");
	CHECK(ui_model_paused(m));
	ui_model_ike(m, (x = ike(3, "203.0.113.5 > 192.0.2.2",
	    UI_NEGOTIATING, 7, 8), &x));
	ui_model_ike(m, (x = ike(1, "192.0.2.1 > 192.0.2.2", UI_DELETED,
	    1, 9), &x));
	CHECK_STR(ike_order(m), "2,1");
	{
		const struct ui_ike **r;

		ui_model_ike_rows(m, &r);
		CHECK_EQ_U(r[1]->state, UI_ESTABLISHED);
	}
	CHECK(ui_model_find(m, 3) != NULL);	/* the live table has it */
	type(m, "p");
	CHECK_STR(ike_order(m), "1,3,2");
	{
		const struct ui_ike **r;

		ui_model_ike_rows(m, &r);
		CHECK_EQ_U(r[0]->state, UI_DELETED);
	}

	/* Enter on an ESP row opens the IKE SA that made it */
	ui_model_key(m, UI_K_TAB, 0, 10);
	ui_model_key(m, UI_K_ENTER, 0, 10);
	CHECK_EQ_U(ui_model_opened(m, NULL), 1);
	ui_model_key(m, UI_K_ESC, 0, 10);
	CHECK_EQ_U(ui_model_opened(m, NULL), 0);
	ui_model_free(m);
}

static void
test_esp_rates_alerts_caps(void)
{
	struct ui_model *m = ui_model_new();
	const struct ui_esp_row **r;
	const struct ui_alert *a[4];
	struct ui_esp e;
	struct ui_ike x;
	char t[32];
	size_t n;
	unsigned i;

	if (m == NULL)
		return;
	ui_model_esp(m, (e = esp(1, "192.0.2.2", 0, 0, 0, 0), &e), 100.0);
	ui_model_esp(m, (e = esp(2, "192.0.2.2", 0, 0, 0, 0), &e), 100.0);
	ui_model_esp(m, (e = esp(1, "192.0.2.2", 10, 4000, 0, 0), &e),
	    100.5);	/* under a second: no rate yet */
	n = ui_model_esp_rows(m, &r);
	CHECK_EQ_U(n, 2);
	CHECK(r[0]->rate == 0 && r[1]->rate == 0);
	ui_model_esp(m, (e = esp(1, "192.0.2.2", 20, 8000, 0, 0), &e),
	    102.0);	/* 8000 bytes in 2 s */
	ui_model_esp(m, (e = esp(2, "192.0.2.2", 90, 2000, 3, 0), &e),
	    102.0);
	n = ui_model_esp_rows(m, &r);
	CHECK_EQ_U(r[0]->e.spi, 1);
	CHECK(r[0]->rate > 3999 && r[0]->rate < 4001);
	CHECK(r[1]->rate > 999 && r[1]->rate < 1001);
	/* same SPI, other destination: another SA */
	ui_model_esp(m, (e = esp(1, "192.0.2.1", 1, 1, 0, 0), &e), 102.0);
	CHECK_STR(esp_order(m), "1,2,1");
	ui_model_key(m, UI_K_TAB, 0, 10);
	type(m, "s");		/* packets */
	CHECK_STR(esp_order(m), "2,1,1");
	type(m, "s");		/* spi */
	CHECK_STR(ui_model_sort_name(m, UI_PANE_ESP), "spi");
	type(m, "s");		/* icv failures */
	CHECK_STR(esp_order(m), "2,1,1");

	/* alerts: newest first, a ring of UI_MAX_ALERTS */
	for (i = 0; i < UI_MAX_ALERTS + 3; i++) {
		snprintf(t, sizeof(t), "alert %u", i);
		ui_model_alert(m, i, UI_HIGH, t);
	}
	n = ui_model_alerts(m, a, 4);
	CHECK_EQ_U(n, 4);
	CHECK_STR(a[0]->text, "alert 258");
	CHECK_STR(a[3]->text, "alert 255");
	CHECK_STR(ui_severity_name(a[0]->severity), "high");

	/* caps: past UI_MAX_IKE the oldest ended SA goes first */
	for (i = 1; i <= UI_MAX_IKE; i++)
		ui_model_ike(m, (x = ike(i, "a > b", i == 77 ? UI_FAILED :
		    UI_ESTABLISHED, i, 1000 + i), &x));
	ui_model_ike(m, (x = ike(99999, "c > d", UI_NEGOTIATING, 1, 5000),
	    &x));
	CHECK(ui_model_find(m, 77) == NULL);
	CHECK(ui_model_find(m, 1) != NULL);
	CHECK(ui_model_find(m, 99999) != NULL);
	CHECK(ui_model_find(m, UI_MAX_IKE) != NULL);
	CHECK_EQ_U(ui_model_dropped(m), 1);
	/* then the oldest of all */
	ui_model_ike(m, (x = ike(100000, "c > d", UI_NEGOTIATING, 1, 5001),
	    &x));
	CHECK(ui_model_find(m, 1) == NULL);
	CHECK(ui_model_find(m, 2) != NULL);
	CHECK_EQ_U(ui_model_dropped(m), 2);
	{
		const struct ui_ike **rows;

		CHECK_EQ_U(ui_model_ike_rows(m, &rows), UI_MAX_IKE);
	}
	CHECK_STR(ui_state_name(UI_EXPIRED), "expired");
	ui_model_free(m);
}

static void
test_fmt(void)
{
	static const struct { double v; const char *age, *count; } c[] = {
		{ 0, "0s", "0" }, { 59.9, "59s", "60" },
		{ 60, "1m00", "60" }, { 184, "3m04", "184" },
		{ 999, "16m39", "999" }, { 1000, "16m40", "1.0k" },
		{ 7500, "2h05", "7.5k" }, { 86400 + 3600 * 4, "1d04", "101k" },
		{ 34e6, "393d12", "34M" }, { 5.6e9, "64814d19", "5.6G" },
	};
	char b[32];
	size_t i;

	for (i = 0; i < sizeof(c) / sizeof(c[0]); i++) {
		ui_fmt_age(b, sizeof(b), c[i].v);
		CHECK_STR(b, c[i].age);
		ui_fmt_count(b, sizeof(b), c[i].v);
		CHECK_STR(b, c[i].count);
	}
}

int
main(void)
{
	test_fmt();
	test_sort_select();
	test_filter_pause();
	test_esp_rates_alerts_caps();
	return check_done("test_ui_model");
}
