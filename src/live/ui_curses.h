/*
 * ui_curses.h - the live monitor's screen: the only code that includes
 * curses.  It draws a ui_model (status bar, IKE SAs, ESP SAs, alerts; an
 * opened SA's ladder; help) in whatever size the terminal has, 80x24 and
 * up, re-laid out on resize; colour where the terminal has it, attributes
 * (bold, dim, reverse) where it does not; line drawing as the terminal
 * and locale allow (UTF-8, VT100 or ASCII).  Keys are read without
 * blocking and handed to the model as ui_key values.
 */
#ifndef IKESCOPE_UI_CURSES_H
#define IKESCOPE_UI_CURSES_H

#include <stddef.h>
#include <stdint.h>

#include "live/ui_model.h"

/*
 * Writes the ladder of IKE SA id (the lines `ikescope timeline` prints for
 * it) into buf, lines separated by '\n'; returns its length (0: unknown).
 */
typedef size_t ui_ladder_fn(void *, uint64_t, char *, size_t);

struct ui_curses;

/* NULL (with the reason) when standard input/output is not a terminal. */
struct ui_curses *ui_curses_open(char *, size_t);
void		 ui_curses_close(struct ui_curses *);
int		 ui_curses_fd(const struct ui_curses *);	/* to poll */
/* Every key waiting, into the model; UI_ACT_QUIT when one asked. */
enum ui_action	 ui_curses_input(struct ui_curses *, struct ui_model *);
void		 ui_curses_draw(struct ui_curses *, struct ui_model *,
		    ui_ladder_fn *, void *);

#endif
