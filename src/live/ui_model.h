/*
 * ui_model.h - the live monitor's view model: what the screen shows, with
 * no curses in it.  Rows of IKE SAs and ESP SAs (upserted by the live
 * loop from the engine's events), a ring of alerts, the status line, and
 * the navigation state: the focused pane, each pane's selection, sort
 * key and scroll position, a substring filter, pause, help and the
 * opened SA.  ui_curses.c draws it and turns key presses into ui_key
 * values; the unit tests drive it without a terminal.
 *
 * While paused the panes show the rows as they were when 'p' was pressed
 * (a copy); updates go on arriving underneath and show on resume.  Every
 * table is bounded (UI_MAX_*): past a cap the oldest ended row makes
 * room, and what could not be kept is counted (ui_model_dropped).
 */
#ifndef IKESCOPE_UI_MODEL_H
#define IKESCOPE_UI_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define UI_MAX_IKE	4096
#define UI_MAX_ESP	4096
#define UI_MAX_ALERTS	256
#define UI_FILTER_LEN	64

enum ui_state {
	UI_NEGOTIATING = 0, UI_ESTABLISHED, UI_FAILED, UI_DELETED,
	UI_EXPIRED, UI_EVICTED, UI_STATE__N
};

enum ui_pane { UI_PANE_IKE = 0, UI_PANE_ESP, UI_PANE_ALERTS, UI_PANE__N };

/* Sort keys, cycled with 's' in the focused pane. */
enum ui_sort_ike { UI_SI_LAST = 0, UI_SI_FIRST, UI_SI_STATE, UI_SI_PEERS,
	UI_SI__N };
enum ui_sort_esp { UI_SE_RATE = 0, UI_SE_PACKETS, UI_SE_SPI, UI_SE_ICV,
	UI_SE__N };

enum ui_severity { UI_INFO = 0, UI_LOW, UI_MEDIUM, UI_HIGH };

/* One IKE SA, as the live loop renders it (texts are short and final). */
struct ui_ike {
	uint64_t	 id;		/* the tracker's serial: the key */
	uint8_t		 icookie[8], rcookie[8];
	char		 peers[96];	/* "192.0.2.1 > 192.0.2.2" */
	char		 mode[12];	/* "main", "aggressive" */
	char		 auth[16];	/* "psk", "rsa_sig" */
	char		 proposal[64];	/* "aes128/sha1/modp2048" */
	uint8_t		 state;		/* enum ui_state */
	char		 reason[96];	/* why failed/deleted, or "" */
	char		 last_ex[16];	/* last message's label: "QM3" */
	double		 first_ts, last_ts;
	unsigned	 rekeys;	/* Quick Modes after the first */
	unsigned	 dpd;		/* R-U-THERE exchanges */
};

/* One ESP SA (flow); packets and bytes are totals, the model the rate. */
struct ui_esp {
	uint32_t	 spi;
	char		 dst[48], src[48];
	char		 dir[4];	/* "i2r", "r2i", "?" */
	uint64_t	 ike_id;	/* 0: not linked */
	uint64_t	 packets, bytes;
	uint64_t	 icv_bad;
	uint64_t	 gaps, replays;
	double		 last_ts;
};

struct ui_esp_row {
	struct ui_esp	 e;
	double		 rate;		/* bytes/s over the last second or more */
	double		 rate_ts;	/* when rate_bytes was taken */
	uint64_t	 rate_bytes;
};

struct ui_alert {
	double		 ts;
	uint8_t		 severity;	/* enum ui_severity */
	char		 text[160];
};

struct ui_status {
	char		 iface[32];
	char		 filter[128];
	uint64_t	 captured, dropped, if_dropped;
	unsigned	 keys;		/* key entries loaded */
	double		 now;
};

/* Key presses, as ui_curses.c maps them (no curses constants here). */
enum ui_key {
	UI_K_NONE = 0, UI_K_UP, UI_K_DOWN, UI_K_PGUP, UI_K_PGDN, UI_K_HOME,
	UI_K_END, UI_K_ENTER, UI_K_TAB, UI_K_ESC, UI_K_BACKSPACE,
	UI_K_CHAR		/* with the character */
};

/* What a key asks of the loop beyond redrawing. */
enum ui_action { UI_ACT_NONE = 0, UI_ACT_QUIT };

struct ui_model;

struct ui_model	*ui_model_new(void);
void		 ui_model_free(struct ui_model *);

void	ui_model_ike(struct ui_model *, const struct ui_ike *);
void	ui_model_esp(struct ui_model *, const struct ui_esp *, double now);
void	ui_model_alert(struct ui_model *, double, enum ui_severity,
	    const char *);
void	ui_model_status(struct ui_model *, const struct ui_status *);

enum ui_action	ui_model_key(struct ui_model *, enum ui_key, int ch,
		    unsigned page);

/*
 * The rows a pane shows now: filtered, sorted, from the paused copy while
 * paused.  Valid until the next call that changes the model.
 */
size_t	ui_model_ike_rows(struct ui_model *, const struct ui_ike ***);
size_t	ui_model_esp_rows(struct ui_model *, const struct ui_esp_row ***);
size_t	ui_model_alerts(const struct ui_model *, const struct ui_alert **,
	    size_t);	/* newest first, at most n */

/* navigation state */
enum ui_pane	ui_model_pane(const struct ui_model *);
size_t		ui_model_sel(const struct ui_model *, enum ui_pane);
size_t		ui_model_top(struct ui_model *, enum ui_pane, unsigned);
unsigned	ui_model_sort(const struct ui_model *, enum ui_pane);
const char	*ui_model_sort_name(const struct ui_model *, enum ui_pane);
bool		ui_model_paused(const struct ui_model *);
bool		ui_model_help(const struct ui_model *);
/* the filter text, and whether it is being typed */
const char	*ui_model_filter(const struct ui_model *, bool *);
/* the opened IKE SA (Enter), or 0; and the scroll of its ladder */
uint64_t	ui_model_opened(const struct ui_model *, size_t *);
const struct ui_ike *ui_model_find(const struct ui_model *, uint64_t);
const struct ui_status *ui_model_get_status(const struct ui_model *);
uint64_t	ui_model_dropped(const struct ui_model *);

/* Short forms for narrow columns: ages "42s" "3m04" "2h05" "3d04",
   counts "999" "1.2k" "34M" "5.6G" */
void		ui_fmt_age(char *, size_t, double);
void		ui_fmt_count(char *, size_t, double);

const char	*ui_state_name(uint8_t);
const char	*ui_severity_name(uint8_t);

#endif
