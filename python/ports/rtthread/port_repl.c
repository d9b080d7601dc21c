/* The REPL of the `python` command, as MicroPython's: friendly REPL with line editing,
 * history, auto-indent and tab completion; paste mode (Ctrl-E); raw REPL (Ctrl-A) with
 * raw-paste flow control, as MicroPython's tools (mpremote, pyboard.py, Thonny) drive it. */
#include "port.h"

#define CTRL_A           1
#define CTRL_B           2
#define CTRL_C           3
#define CTRL_D           4
#define CTRL_E           5
#define ESC              27

#define RAW_PASTE_WINDOW 128 /* bytes the host may send before our next \x01 */

/* What reading one line ended with. */
enum repl_event { EV_LINE, EV_CANCEL, EV_EXIT, EV_RAW, EV_PASTE, EV_BANNER };

struct line_editor {
    char buf[PY_PORT_LINE_MAX];
    int len, cur;
    int hist_pos;  /* -1: editing a new line, else index into history */
    int esc_state; /* 0 none, 1 after ESC, 2 after ESC [ or ESC O, 3 after ESC [ digit */
    char esc_digit;
};

static const char *build_date(void)
{
    static char date[11];
    static const char months[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
    const char *d = __DATE__; /* "Nov 21 2026" */
    int m = 0;

    while (m < 12 && rt_strncmp(months + 3 * m, d, 3) != 0) {
        m++;
    }
    rt_snprintf(date, sizeof(date), "%.4s-%02d-%02d", d + 7, m + 1,
                (d[4] == ' ' ? 0 : d[4] - '0') * 10 + d[5] - '0');
    return date;
}

static void repl_banner(struct py_port *port)
{
    char line[128];

    rt_snprintf(line, sizeof(line), "MicroPython-compatible rtlang %s on %s; %s with %s\n",
                PY_PORT_VERSION, build_date(), RTL_BOARD_NAME, RTL_CPU_NAME);
    py_console_puts(port, line);
    py_console_puts(port, "Type \"help()\" for more information.\n");
}

/* ---- line editor ---- */

static void ed_redraw_tail(struct py_port *port, struct line_editor *ed, int erased)
{
    int i;

    py_console_write(port, ed->buf + ed->cur, (rt_size_t)(ed->len - ed->cur));
    for (i = 0; i < erased; i++) {
        py_console_write(port, " ", 1);
    }
    for (i = ed->len + erased; i > ed->cur; i--) {
        py_console_write(port, "\b", 1);
    }
}

static void ed_insert(struct py_port *port, struct line_editor *ed, const char *s, int n)
{
    if (ed->len + n >= PY_PORT_LINE_MAX) {
        return; /* line full: refuse the input rather than overflow */
    }
    rt_memmove(ed->buf + ed->cur + n, ed->buf + ed->cur, (rt_size_t)(ed->len - ed->cur));
    rt_memcpy(ed->buf + ed->cur, s, (rt_size_t)n);
    ed->len += n;
    py_console_write(port, s, (rt_size_t)n);
    ed->cur += n;
    ed_redraw_tail(port, ed, 0);
}

static void ed_delete(struct py_port *port, struct line_editor *ed, int at, int n)
{
    if (at < 0 || at + n > ed->len || n <= 0) {
        return;
    }
    rt_memmove(ed->buf + at, ed->buf + at + n, (rt_size_t)(ed->len - at - n));
    ed->len -= n;
    while (ed->cur > at) {
        py_console_write(port, "\b", 1);
        ed->cur--;
    }
    ed_redraw_tail(port, ed, n);
}

/* Backspace: after auto-indent (only spaces before the cursor) it removes one indent level. */
static void ed_backspace(struct py_port *port, struct line_editor *ed)
{
    int i, n = 1;

    for (i = 0; i < ed->cur && ed->buf[i] == ' '; i++) {
    }
    if (i == ed->cur && ed->cur >= 4) {
        n = ed->cur % 4 ? ed->cur % 4 : 4;
    }
    ed_delete(port, ed, ed->cur - n, ed->cur > 0 ? n : 0);
}

static void ed_move(struct py_port *port, struct line_editor *ed, int to)
{
    while (ed->cur > to) {
        py_console_write(port, "\b", 1);
        ed->cur--;
    }
    if (to > ed->cur) {
        py_console_write(port, ed->buf + ed->cur, (rt_size_t)(to - ed->cur));
        ed->cur = to;
    }
}

static void ed_replace(struct py_port *port, struct line_editor *ed, const char *s)
{
    int old = ed->len;

    ed_move(port, ed, 0);
    ed->len = (int)rt_strlen(s);
    rt_memcpy(ed->buf, s, (rt_size_t)ed->len);
    ed->cur = 0;
    ed_redraw_tail(port, ed, old > ed->len ? old - ed->len : 0);
    ed_move(port, ed, ed->len);
}

static void ed_history(struct py_port *port, struct line_editor *ed, int dir)
{
    int pos = ed->hist_pos + dir;

    if (pos < -1 || pos >= port->history_len) {
        return;
    }
    ed->hist_pos = pos;
    ed_replace(port, ed, pos < 0 ? "" : port->history[pos]);
}

static void history_add(struct py_port *port, const char *line, int len)
{
    if (len == 0 || (port->history_len > 0 && rt_strcmp(port->history[0], line) == 0)) {
        return;
    }
    rt_memmove(port->history[1], port->history[0],
               sizeof(port->history[0]) * (PY_PORT_HISTORY - 1));
    rt_strncpy(port->history[0], line, PY_PORT_LINE_MAX - 1);
    port->history[0][PY_PORT_LINE_MAX - 1] = '\0';
    if (port->history_len < PY_PORT_HISTORY) {
        port->history_len++;
    }
}

#define KEY_DELETE 0x100

/* The key of a VT "ESC [ n ~" sequence, as the letter of its xterm form. */
static int vt_key(char digit)
{
    switch (digit) {
    case '1':
    case '7': return 'H';
    case '4':
    case '8': return 'F';
    case '3': return KEY_DELETE;
    default: return 0;
    }
}

/* Escape sequences: arrows, home/end, delete (VT100, xterm and SS3 forms). */
static void ed_escape(struct py_port *port, struct line_editor *ed, int ch)
{
    if (ed->esc_state == 1) {
        ed->esc_state = (ch == '[' || ch == 'O') ? 2 : 0;
        return;
    }
    if (ed->esc_state == 2 && ch >= '0' && ch <= '9') {
        ed->esc_digit = (char)ch;
        ed->esc_state = 3;
        return;
    }
    if (ed->esc_state == 3) {
        ch = ch == '~' ? vt_key(ed->esc_digit) : 0;
    }
    ed->esc_state = 0;
    switch (ch) {
    case 'A': ed_history(port, ed, 1); break;
    case 'B': ed_history(port, ed, -1); break;
    case 'C': ed_move(port, ed, ed->cur < ed->len ? ed->cur + 1 : ed->cur); break;
    case 'D': ed_move(port, ed, ed->cur > 0 ? ed->cur - 1 : 0); break;
    case 'H': ed_move(port, ed, 0); break;
    case 'F': ed_move(port, ed, ed->len); break;
    case KEY_DELETE: ed_delete(port, ed, ed->cur, 1); break;
    default: break;
    }
}

/* ---- tab completion ---- */

struct completion {
    struct py_port *port;
    int count;
    char first[48]; /* first candidate */
    int common;     /* length of the prefix all candidates share */
    rt_bool_t listing;
};

static void completion_emit(void *data, const char *cand, size_t n)
{
    struct completion *c = data;
    int i = 0;

    if (c->listing) { /* second pass: show them all, four to a line */
        py_console_puts(c->port, c->count++ % 4 == 0 ? "\n" : "  ");
        py_console_write(c->port, cand, n);
        return;
    }
    if (c->count++ == 0) {
        c->common = n < sizeof(c->first) ? (int)n : (int)sizeof(c->first);
        rt_memcpy(c->first, cand, (rt_size_t)c->common);
        return;
    }
    while (i < c->common && (size_t)i < n && c->first[i] == cand[i]) {
        i++;
    }
    c->common = i;
}

static rt_bool_t is_ident_char(char ch)
{
    return ch == '_' || (ch >= '0' && ch <= '9') || ((ch | 0x20) >= 'a' && (ch | 0x20) <= 'z') ||
           (ch & 0x80);
}

/* Length of the name being typed just before the cursor (after its last '.'). */
static int partial_word(struct line_editor *ed)
{
    int i = ed->cur;

    while (i > 0 && is_ident_char(ed->buf[i - 1])) {
        i--;
    }
    return ed->cur - i;
}

/* Tab: complete a unique or common prefix; otherwise list the candidates and redraw. */
static void ed_complete(struct py_port *port, struct line_editor *ed, const char *prompt)
{
    struct completion c = {.port = port};
    int typed = partial_word(ed);

    rtpy_complete(port->vm, ed->buf, (size_t)ed->cur, completion_emit, &c);
    if (c.count == 0) {
        return;
    }
    if (c.common > typed) {
        ed_insert(port, ed, c.first + typed, c.common - typed);
        return;
    }
    if (c.count > 1) {
        c.listing = RT_TRUE;
        c.count = 0;
        rtpy_complete(port->vm, ed->buf, (size_t)ed->cur, completion_emit, &c);
        py_console_puts(port, "\n");
        py_console_puts(port, prompt);
        py_console_write(port, ed->buf, (rt_size_t)ed->len);
        ed->cur = ed->len;
    }
}

/* ---- reading one line ---- */

static rt_bool_t blank(const char *s, int len)
{
    int i;

    for (i = 0; i < len; i++) {
        if (s[i] != ' ') {
            return RT_FALSE;
        }
    }
    return RT_TRUE;
}

/* A control key at an empty line is a command; elsewhere only Ctrl-C means something. */
static int ed_control(struct py_port *port, struct line_editor *ed, int ch)
{
    rt_bool_t empty = blank(ed->buf, ed->len);

    switch (ch) {
    case CTRL_C: py_console_puts(port, "\n"); return EV_CANCEL;
    case CTRL_A: return empty ? EV_RAW : -1;
    case CTRL_B: return empty ? EV_BANNER : -1;
    case CTRL_D: return empty ? (py_console_puts(port, "\n"), EV_EXIT) : -1;
    case CTRL_E: return empty ? EV_PASTE : -1;
    default: return -1;
    }
}

/* Reads one line after `prompt`, starting with `prefill` (auto-indent). */
static int read_line(struct py_port *port, struct line_editor *ed, const char *prompt,
                     const char *prefill)
{
    int ch, last = 0, ev;

    rt_memset(ed, 0, sizeof(*ed));
    ed->hist_pos = -1;
    py_console_puts(port, prompt);
    ed_insert(port, ed, prefill, (int)rt_strlen(prefill));
    for (;; last = ch) {
        ch = py_console_getc(port, RT_WAITING_FOREVER);
        if (ed->esc_state) {
            ed_escape(port, ed, ch);
        } else if (ch == '\r' || (ch == '\n' && last != '\r')) {
            py_console_puts(port, "\n");
            ed->buf[ed->len] = '\0';
            return EV_LINE;
        } else if (ch == 8 || ch == 127) {
            ed_backspace(port, ed);
        } else if (ch == ESC) {
            ed->esc_state = 1;
        } else if (ch == '\t') {
            ed_complete(port, ed, prompt);
        } else if (ch < ' ' && ch != '\n') {
            if ((ev = ed_control(port, ed, ch)) >= 0) {
                return ev;
            }
        } else if (ch != '\n') {
            char c = (char)ch;

            ed_insert(port, ed, &c, 1);
        }
    }
}

/* ---- friendly REPL ---- */

static rt_bool_t soft_reset(struct py_port *port);

struct input {
    char *buf;
    rt_size_t len, cap;
    rt_bool_t overflow; /* PY_PORT_INPUT_MAX exceeded: the input is refused */
};

static void input_add(struct input *in, const char *s, rt_size_t n)
{
    if (in->len + n + 1 > in->cap && !in->overflow) {
        rt_size_t cap = in->cap ? in->cap * 2 : 256;
        char *grown;

        while (cap < in->len + n + 1) {
            cap *= 2;
        }
        grown = cap <= PY_PORT_INPUT_MAX ? rt_realloc(in->buf, cap) : RT_NULL;
        if (grown == RT_NULL) {
            in->overflow = RT_TRUE;
        } else {
            in->buf = grown;
            in->cap = cap;
        }
    }
    if (!in->overflow) {
        rt_memcpy(in->buf + in->len, s, n);
        in->len += n;
        in->buf[in->len] = '\0';
    }
}

static void input_reset(struct input *in)
{
    in->len = 0;
    in->overflow = RT_FALSE;
}

/* Indentation of the next continuation line: the last line's, plus 4 after a ':'. */
static void auto_indent(const struct input *in, char *out, int size)
{
    const char *line = in->buf, *p;
    int n = 0, len;

    for (p = in->buf; p + 1 < in->buf + in->len; p++) {
        if (*p == '\n') {
            line = p + 1;
        }
    }
    while (line[n] == ' ') {
        n++;
    }
    len = (int)(in->buf + in->len - line);
    while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == ' ')) {
        len--;
    }
    if (len > 0 && line[len - 1] == ':') {
        n += 4;
    }
    if (n >= size) {
        n = size - 1;
    }
    rt_memset(out, ' ', (rt_size_t)n);
    out[n] = '\0';
}

static void report_overflow(struct py_port *port)
{
    py_console_puts(port, "MemoryError: input longer than the REPL accepts\n");
}

/* Reads the continuation lines of a statement. Returns EV_LINE when complete. */
static int read_block(struct py_port *port, struct line_editor *ed, struct input *in)
{
    char indent[64];
    int ev;

    while (!in->overflow && !rtpy_input_complete(in->buf, in->len)) {
        auto_indent(in, indent, sizeof(indent));
        ev = read_line(port, ed, "... ", indent);
        if (ev == EV_CANCEL) {
            return ev;
        }
        if (ev != EV_LINE || blank(ed->buf, ed->len)) {
            ed->len = 0; /* an empty line (or Ctrl-D) ends the block */
        }
        input_add(in, ed->buf, (rt_size_t)ed->len);
        input_add(in, "\n", 1);
        if (ev != EV_LINE) {
            break;
        }
    }
    return EV_LINE;
}

static void paste_mode(struct py_port *port, struct input *in)
{
    int ch, last = 0;

    input_reset(in);
    py_console_puts(port, "\npaste mode; Ctrl-C to cancel, Ctrl-D to finish\n=== ");
    for (;; last = ch) {
        ch = py_console_getc(port, RT_WAITING_FOREVER);
        if (ch == CTRL_C) {
            py_console_puts(port, "\n");
            return;
        }
        if (ch == CTRL_D) {
            break;
        }
        if (ch == '\r' || (ch == '\n' && last != '\r')) {
            input_add(in, "\n", 1);
            py_console_puts(port, "\n=== ");
        } else if (ch != '\n') {
            char c = (char)ch;

            input_add(in, &c, 1);
            py_console_write(port, &c, 1);
        }
    }
    py_console_puts(port, "\n");
    if (in->overflow) {
        report_overflow(port);
    } else if (py_port_exec(port, in->buf, in->len, "<stdin>", RTPY_MODE_FILE) == RTPY_EXC) {
        rtpy_print_exception(port->vm);
    }
}

/* Friendly REPL; returns EV_EXIT (leave Python) or EV_RAW (enter the raw REPL). */
static int friendly_repl(struct py_port *port, struct input *in, struct line_editor *ed)
{
    int ev;

    for (;;) {
        input_reset(in);
        ev = read_line(port, ed, ">>> ", "");
        if (ev == EV_EXIT || ev == EV_RAW) {
            return ev;
        }
        if (ev == EV_PASTE) {
            paste_mode(port, in);
        } else if (ev == EV_BANNER) {
            py_console_puts(port, "\n");
            repl_banner(port);
        } else if (ev == EV_LINE && !blank(ed->buf, ed->len)) {
            history_add(port, ed->buf, ed->len);
            input_add(in, ed->buf, (rt_size_t)ed->len);
            input_add(in, "\n", 1);
            if (read_block(port, ed, in) != EV_LINE) {
                continue;
            }
            if (in->overflow) {
                report_overflow(port);
            } else if (py_port_exec(port, in->buf, in->len, "<stdin>", RTPY_MODE_SINGLE) ==
                       RTPY_EXIT) {
                /* machine.soft_reset() restarts the VM; sys.exit() leaves Python */
                if (!port->soft_reset || !soft_reset(port)) {
                    return EV_EXIT;
                }
                repl_banner(port);
            }
        }
    }
}

/* ---- raw REPL ---- */

/* Runs a raw-REPL program: its output, \x04, its exception if any, \x04. */
static void raw_exec(struct py_port *port, struct input *in)
{
    int status = RTPY_OK;

    if (!in->overflow) {
        status = py_port_exec(port, in->buf, in->len, "<stdin>", RTPY_MODE_FILE);
    }
    py_console_write(port, "\x04", 1);
    if (in->overflow) {
        report_overflow(port);
    } else if (status == RTPY_EXC) {
        rtpy_print_exception(port->vm);
    }
    py_console_write(port, "\x04", 1);
    if (status == RTPY_EXIT && port->soft_reset) {
        soft_reset(port); /* machine.soft_reset(): a fresh VM for the next program */
    }
}

/* Raw-paste: "R\x01" + window size; we send \x01 each time a window was consumed; \x04 ends
 * the data, acknowledged with \x04, then the program runs as in the raw REPL. */
static void raw_paste(struct py_port *port, struct input *in)
{
    static const char header[4] = {'R', 1, RAW_PASTE_WINDOW & 0xff, RAW_PASTE_WINDOW >> 8};
    int ch, used = 0;

    py_console_write(port, header, sizeof(header));
    while ((ch = py_console_getc(port, RT_WAITING_FOREVER)) != CTRL_D) {
        char c = (char)ch;

        input_add(in, &c, 1);
        if (++used == RAW_PASTE_WINDOW) {
            used = 0;
            py_console_write(port, "\x01", 1);
        }
    }
    py_console_write(port, "\x04", 1);
    raw_exec(port, in);
}

static rt_bool_t soft_reset(struct py_port *port)
{
    py_console_puts(port, "MPY: soft reboot\n");
    py_port_vm_stop(port);
    if (py_port_vm_start(port) != RT_EOK) {
        py_console_puts(port, "python: not enough memory to restart\n");
        return RT_FALSE;
    }
    return RT_TRUE;
}

/* Ctrl-E in the raw REPL: "\x05A\x01" asks for raw-paste mode. */
static rt_bool_t raw_paste_request(struct py_port *port)
{
    return py_console_getc(port, RT_TICK_PER_SECOND) == 'A' &&
           py_console_getc(port, RT_TICK_PER_SECOND) == CTRL_A;
}

/* Raw REPL; returns EV_BANNER (back to the friendly REPL) or EV_EXIT (VM lost). */
static int raw_repl(struct py_port *port, struct input *in)
{
    int ch;

    py_console_puts(port, "\nraw REPL; CTRL-B to exit\n>");
    for (input_reset(in);;) {
        ch = py_console_getc(port, RT_WAITING_FOREVER);
        if (ch == CTRL_B) {
            py_console_puts(port, "\n");
            return EV_BANNER;
        }
        if (ch == CTRL_C) {
            input_reset(in);
        } else if (ch == CTRL_D && in->len == 0 && !in->overflow) {
            if (!soft_reset(port)) {
                return EV_EXIT;
            }
            py_console_puts(port, "raw REPL; CTRL-B to exit\n>");
        } else if (ch == CTRL_D) {
            py_console_puts(port, "OK");
            raw_exec(port, in);
            py_console_puts(port, ">");
            input_reset(in);
        } else if (ch == CTRL_E && in->len == 0 && raw_paste_request(port)) {
            raw_paste(port, in);
            py_console_puts(port, ">");
            input_reset(in);
        } else if (ch != CTRL_A) {
            char c = (char)ch;

            input_add(in, &c, 1);
        }
    }
}

void py_repl_run(struct py_port *port)
{
    struct input in = {0};
    struct line_editor *ed = rt_malloc(sizeof(*ed));
    int ev = EV_BANNER;

    if (ed == RT_NULL) {
        py_console_puts(port, "python: not enough memory for the REPL\n");
        return;
    }
    while (ev == EV_BANNER) {
        repl_banner(port);
        ev = friendly_repl(port, &in, ed);
        if (ev == EV_RAW) {
            ev = raw_repl(port, &in);
        }
    }
    rt_free(in.buf);
    rt_free(ed);
}
