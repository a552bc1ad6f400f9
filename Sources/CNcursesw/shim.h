#ifndef FICHE_CNCURSESW_SHIM_H
#define FICHE_CNCURSESW_SHIM_H
/* The wide-character API of ncursesw is only declared with these two defines. */
#define _XOPEN_SOURCE 700
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <wchar.h>
#include <ncursesw/ncurses.h>

/* Swift cannot call ncurses macros; these inline functions stand in for them. */
static inline SCREEN *fiche_newterm(const char *type) { return newterm(type, stdout, stdin); }
static inline WINDOW *fiche_stdscr(void) { return stdscr; }
static inline int fiche_lines(void) { return LINES; }
static inline int fiche_cols(void) { return COLS; }
static inline int fiche_colors(void) { return COLORS; }
/* Colours terminfo reports for this terminal; usable before start_color() sets COLORS. */
static inline int fiche_terminfo_colors(void) { int n = tigetnum("colors"); return n > 0 ? n : 0; }
static inline int fiche_color_pairs(void) { return COLOR_PAIRS; }
static inline attr_t fiche_a_normal(void) { return A_NORMAL; }
static inline attr_t fiche_a_bold(void) { return A_BOLD; }
static inline attr_t fiche_a_underline(void) { return A_UNDERLINE; }
static inline attr_t fiche_a_reverse(void) { return A_REVERSE; }
static inline attr_t fiche_a_dim(void) { return A_DIM; }
static inline int fiche_key_f(int n) { return KEY_F(n); }
static inline int fiche_key_code_yes(void) { return KEY_CODE_YES; }
static inline int fiche_err(void) { return ERR; }
static inline mmask_t fiche_all_mouse_events(void) { return ALL_MOUSE_EVENTS | REPORT_MOUSE_POSITION; }
static inline mmask_t fiche_button1_clicked(void) { return BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON1_RELEASED; }
static inline mmask_t fiche_button1_double_clicked(void) { return BUTTON1_DOUBLE_CLICKED; }
static inline mmask_t fiche_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline mmask_t fiche_button5_pressed(void) { return BUTTON5_PRESSED; }

/* Puts one character (a base and up to four combining marks) with attributes and a pair.
   The pair goes through the `opts` pointer so pair numbers above 32767 work (ext-colors). */
static inline int fiche_put_cell(int y, int x, const wchar_t *chars, attr_t attrs, int pair) {
    cchar_t cell;
    if (setcchar(&cell, chars, attrs, 0, &pair) == ERR) return ERR;
    return mvwadd_wch(stdscr, y, x, &cell);
}

/* Leaves curses mode; used by signal handlers so a crash never leaves the terminal raw. */
static inline void fiche_restore_terminal(void) {
    if (!isendwin()) endwin();
}
#endif
