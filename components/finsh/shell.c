/* tshell: the msh console thread, its line editor, history and Tab completion. */
#include <rtthread.h>
#include "msh_internal.h"

#define SHELL_PROMPT_SIZE 96
#define SHELL_OUT_CHUNK   32

enum shell_esc {
    SHELL_ESC_NONE,
    SHELL_ESC_START, /* got ESC */
    SHELL_ESC_CSI,   /* got ESC [ */
    SHELL_ESC_SS3,   /* got ESC O */
};

/* Editor keys after decoding escape sequences and control characters. */
enum shell_key {
    SHELL_KEY_NONE,
    SHELL_KEY_UP,
    SHELL_KEY_DOWN,
    SHELL_KEY_LEFT,
    SHELL_KEY_RIGHT,
    SHELL_KEY_HOME,
    SHELL_KEY_END,
    SHELL_KEY_DELETE,
};

struct shell_history {
    char lines[FINSH_HISTORY_LINES][FINSH_CMD_SIZE + 1]; /* [0] is the newest */
    int count;
    int pos;                        /* line being shown while browsing; -1: the edited line */
    char saved[FINSH_CMD_SIZE + 1]; /* the edited line, kept while browsing */
};

struct finsh_shell {
    struct rt_semaphore rx_sem;
    rt_device_t device;
    char device_name[RT_NAME_MAX + 1];
    rt_uint32_t echo;
    enum shell_esc esc;
    unsigned esc_num;
    char last_ch;
    rt_bool_t discarding; /* line overflowed: drop input up to the end of the line */
    char line[FINSH_CMD_SIZE + 1];
    rt_uint16_t len;
    rt_uint16_t cur;
    struct shell_history hist;
};

static struct finsh_shell shell = {.echo = 1};
static finsh_path_hook_t shell_path_hook;
static finsh_complete_hook_t shell_complete_hook;
static finsh_startup_hook_t shell_startup_hook;
static char shell_prompt[SHELL_PROMPT_SIZE];

void finsh_set_path_hook(finsh_path_hook_t hook)
{
    shell_path_hook = hook;
}

finsh_complete_hook_t finsh_set_complete_hook(finsh_complete_hook_t hook)
{
    finsh_complete_hook_t old = shell_complete_hook;

    shell_complete_hook = hook;
    return old;
}

finsh_startup_hook_t finsh_set_startup_hook(finsh_startup_hook_t hook)
{
    finsh_startup_hook_t old = shell_startup_hook;

    shell_startup_hook = hook;
    return old;
}

const char *finsh_get_prompt(void)
{
    const char *path = shell_path_hook ? shell_path_hook() : RT_NULL;

    rt_snprintf(shell_prompt, sizeof(shell_prompt), "msh %s>", path ? path : "/");
    return shell_prompt;
}

void finsh_set_echo(rt_uint32_t echo)
{
    shell.echo = echo ? 1 : 0;
}

rt_uint32_t finsh_get_echo(void)
{
    return shell.echo;
}

void finsh_set_device(const char *device_name)
{
    if (device_name != RT_NULL) {
        rt_strncpy(shell.device_name, device_name, RT_NAME_MAX);
        shell.device_name[RT_NAME_MAX] = '\0';
    }
}

const char *finsh_get_device(void)
{
    return shell.device_name;
}

/* Editor output (echo); suppressed when echo is off. */
static void shell_out(const char *s, rt_size_t n)
{
    char chunk[SHELL_OUT_CHUNK + 1];

    while (shell.echo && n > 0) {
        rt_size_t k = n < SHELL_OUT_CHUNK ? n : SHELL_OUT_CHUNK;

        rt_memcpy(chunk, s, k);
        chunk[k] = '\0';
        rt_kputs(chunk);
        s += k;
        n -= k;
    }
}

static void shell_puts(const char *s)
{
    shell_out(s, rt_strlen(s));
}

static void shell_move_left(rt_size_t n)
{
    static const char backs[] = "\b\b\b\b\b\b\b\b\b\b\b\b\b\b\b\b";

    while (n > 0) {
        rt_size_t k = n < sizeof(backs) - 1 ? n : sizeof(backs) - 1;

        shell_out(backs, k);
        n -= k;
    }
}

static void shell_print_prompt(void)
{
    rt_kputs(finsh_get_prompt());
}

static void shell_reset_line(void)
{
    shell.len = 0;
    shell.cur = 0;
    shell.line[0] = '\0';
    shell.hist.pos = -1;
    shell.discarding = RT_FALSE;
}

/* Replace the whole edited line (history recall): redraw prompt and text, cursor at end. */
static void shell_set_line(const char *text)
{
    rt_size_t n = rt_strlen(text);

    if (n > FINSH_CMD_SIZE) {
        n = FINSH_CMD_SIZE;
    }
    rt_memcpy(shell.line, text, n);
    shell.line[n] = '\0';
    shell.len = shell.cur = (rt_uint16_t)n;
    shell_puts("\033[2K\r");
    if (shell.echo) {
        shell_print_prompt();
    }
    shell_out(shell.line, shell.len);
}

static void shell_insert_char(char ch)
{
    rt_size_t tail = shell.len - shell.cur;

    if (shell.len >= FINSH_CMD_SIZE) {
        rt_kprintf("\nmsh: command line too long (more than %d characters), discarded\n",
                   FINSH_CMD_SIZE);
        shell.discarding = RT_TRUE;
        return;
    }
    rt_memmove(&shell.line[shell.cur + 1], &shell.line[shell.cur], tail);
    shell.line[shell.cur] = ch;
    shell.line[++shell.len] = '\0';
    /* Redraw from the new character to the end, then walk back over the tail. */
    shell_out(&shell.line[shell.cur], tail + 1);
    shell.cur++;
    shell_move_left(tail);
}

/* Remove the character at pos (which is the cursor position after any move) and redraw. */
static void shell_erase_at_cursor(void)
{
    rt_size_t tail = shell.len - shell.cur - 1;

    rt_memmove(&shell.line[shell.cur], &shell.line[shell.cur + 1], tail);
    shell.line[--shell.len] = '\0';
    shell_out(&shell.line[shell.cur], tail);
    shell_out(" ", 1);
    shell_move_left(tail + 1);
}

static void shell_backspace(void)
{
    if (shell.cur == 0) {
        return;
    }
    shell.cur--;
    shell_out("\b", 1);
    shell_erase_at_cursor();
}

static void shell_delete(void)
{
    if (shell.cur < shell.len) {
        shell_erase_at_cursor();
    }
}

static void shell_history_add(const char *line)
{
    struct shell_history *h = &shell.hist;

    if (line[0] == '\0' || (h->count > 0 && rt_strcmp(h->lines[0], line) == 0)) {
        return;
    }
    rt_memmove(h->lines[1], h->lines[0], sizeof(h->lines[0]) * (FINSH_HISTORY_LINES - 1));
    rt_strncpy(h->lines[0], line, FINSH_CMD_SIZE);
    h->lines[0][FINSH_CMD_SIZE] = '\0';
    if (h->count < FINSH_HISTORY_LINES) {
        h->count++;
    }
}

static void shell_history_up(void)
{
    struct shell_history *h = &shell.hist;

    if (h->pos + 1 >= h->count) {
        return;
    }
    if (h->pos < 0) {
        rt_memcpy(h->saved, shell.line, sizeof(h->saved));
    }
    h->pos++;
    shell_set_line(h->lines[h->pos]);
}

static void shell_history_down(void)
{
    struct shell_history *h = &shell.hist;

    if (h->pos < 0) {
        return;
    }
    h->pos--;
    shell_set_line(h->pos < 0 ? h->saved : h->lines[h->pos]);
}

/* Length of the common prefix of all commands starting with the first n bytes of prefix. */
static rt_size_t shell_complete_scan(const char *prefix, rt_size_t n, int *matches,
                                     const char **first)
{
    const struct finsh_syscall *cmd;
    rt_size_t common = 0;

    *matches = 0;
    for (cmd = msh_cmd_next(RT_NULL); cmd != RT_NULL; cmd = msh_cmd_next(cmd)) {
        const char *name = msh_cmd_name(cmd);

        if (rt_strncmp(name, prefix, n) != 0) {
            continue;
        }
        if ((*matches)++ == 0) {
            *first = name;
            common = rt_strlen(name);
        }
        while (common > n && rt_strncmp(name, *first, common) != 0) {
            common--;
        }
    }
    return common;
}

static void shell_append(const char *text, rt_size_t n)
{
    if (shell.len + n > FINSH_CMD_SIZE) {
        return;
    }
    rt_memcpy(&shell.line[shell.len], text, n);
    shell.len += n;
    shell.line[shell.len] = '\0';
    shell_out(&shell.line[shell.cur], shell.len - shell.cur);
    shell.cur = shell.len;
}

static void shell_list_matches(void)
{
    const struct finsh_syscall *cmd;

    rt_kprintf("\n");
    for (cmd = msh_cmd_next(RT_NULL); cmd != RT_NULL; cmd = msh_cmd_next(cmd)) {
        if (rt_strncmp(msh_cmd_name(cmd), shell.line, shell.len) == 0) {
            rt_kprintf("%s\n", msh_cmd_name(cmd));
        }
    }
    shell_print_prompt();
    shell_out(shell.line, shell.len);
}

/* Start of the last word of the line, or -1 while the line is still the command name. */
static int shell_last_word(void)
{
    int start = -1;

    for (rt_size_t i = 0; i < shell.len; i++) {
        if (shell.line[i] == ' ') {
            start = (int)i + 1;
        }
    }
    return start;
}

/* Tab after the command name: ask the completion hook (if any) about the last word. */
static void shell_complete_arg(rt_size_t start)
{
    char word[FINSH_CMD_SIZE + 1], out[FINSH_CMD_SIZE + 1];
    rt_size_t n = shell.len - start, k;
    int matches;

    rt_memcpy(word, &shell.line[start], n);
    word[n] = '\0';
    out[0] = '\0';
    matches = shell_complete_hook(word, out, sizeof(out), RT_FALSE);
    out[sizeof(out) - 1] = '\0';
    k = rt_strlen(out);
    if (matches <= 0 || k < n || rt_strncmp(out, word, n) != 0) {
        return;
    }
    shell_append(out + n, k - n);
    if (matches == 1 && (k == 0 || out[k - 1] != '/')) {
        shell_append(" ", 1);
    } else if (matches > 1) {
        rt_kprintf("\n");
        shell_complete_hook(word, out, sizeof(out), RT_TRUE);
        shell_print_prompt();
        shell_out(shell.line, shell.len);
    }
}

/* Tab: complete the command name, or an argument through the completion hook. */
static void shell_complete(void)
{
    const char *first = RT_NULL;
    rt_size_t common;
    int matches, word = shell_last_word();

    if (shell.cur != shell.len) {
        return;
    }
    if (word >= 0) {
        if (shell_complete_hook != RT_NULL) {
            shell_complete_arg((rt_size_t)word);
        }
        return;
    }
    common = shell_complete_scan(shell.line, shell.len, &matches, &first);
    if (matches == 0) {
        return;
    }
    shell_append(first + shell.len, common - shell.len);
    if (matches == 1) {
        shell_append(" ", 1);
    } else {
        shell_list_matches();
    }
}

static void shell_key(enum shell_key key)
{
    switch (key) {
    case SHELL_KEY_UP: shell_history_up(); break;
    case SHELL_KEY_DOWN: shell_history_down(); break;
    case SHELL_KEY_LEFT:
        if (shell.cur > 0) {
            shell.cur--;
            shell_out("\b", 1);
        }
        break;
    case SHELL_KEY_RIGHT:
        if (shell.cur < shell.len) {
            shell_out(&shell.line[shell.cur++], 1);
        }
        break;
    case SHELL_KEY_HOME:
        shell_move_left(shell.cur);
        shell.cur = 0;
        break;
    case SHELL_KEY_END:
        shell_out(&shell.line[shell.cur], shell.len - shell.cur);
        shell.cur = shell.len;
        break;
    case SHELL_KEY_DELETE: shell_delete(); break;
    default: break;
    }
}

static enum shell_key shell_letter_key(char ch)
{
    switch (ch) {
    case 'A': return SHELL_KEY_UP;
    case 'B': return SHELL_KEY_DOWN;
    case 'C': return SHELL_KEY_RIGHT;
    case 'D': return SHELL_KEY_LEFT;
    case 'H': return SHELL_KEY_HOME;
    case 'F': return SHELL_KEY_END;
    default: return SHELL_KEY_NONE;
    }
}

static enum shell_key shell_tilde_key(unsigned num)
{
    switch (num) {
    case 1:
    case 7: return SHELL_KEY_HOME;
    case 4:
    case 8: return SHELL_KEY_END;
    case 3: return SHELL_KEY_DELETE;
    default: return SHELL_KEY_NONE;
    }
}

/* One byte of an escape sequence; unknown sequences are consumed and ignored. */
static void shell_escape(char ch)
{
    enum shell_esc state = shell.esc;

    shell.esc = SHELL_ESC_NONE;
    if (state == SHELL_ESC_START) {
        shell.esc = ch == '[' ? SHELL_ESC_CSI : ch == 'O' ? SHELL_ESC_SS3 : SHELL_ESC_NONE;
        shell.esc_num = 0;
    } else if (state == SHELL_ESC_SS3) {
        shell_key(shell_letter_key(ch));
    } else if (ch >= '0' && ch <= '9') {
        shell.esc_num = shell.esc_num < 1000 ? shell.esc_num * 10 + (unsigned)(ch - '0') : 1000;
        shell.esc = SHELL_ESC_CSI;
    } else if (ch == ';') {
        shell.esc = SHELL_ESC_CSI; /* parameter separator: only the first parameter matters */
    } else if (ch == '~') {
        shell_key(shell_tilde_key(shell.esc_num));
    } else if (shell.esc_num == 0) {
        shell_key(shell_letter_key(ch));
    }
}

static void shell_enter(void)
{
    rt_kprintf("\n");
    if (!shell.discarding && shell.len > 0) {
        shell_history_add(shell.line);
        msh_run(shell.line, shell.len);
    }
    shell_reset_line();
    shell_print_prompt();
}

static void shell_cancel(void)
{
    rt_kprintf("^C\n");
    shell_reset_line();
    shell_print_prompt();
}

static void shell_control(char ch)
{
    switch (ch) {
    case '\t': shell_complete(); break;
    case 0x08:
    case 0x7f: shell_backspace(); break;
    case 0x03: shell_cancel(); break;
    case 0x01: shell_key(SHELL_KEY_HOME); break; /* Ctrl-A */
    case 0x05: shell_key(SHELL_KEY_END); break;  /* Ctrl-E */
    case 0x1b: shell.esc = SHELL_ESC_START; break;
    default: break; /* other control characters are ignored */
    }
}

static void shell_handle_char(char ch)
{
    char last = shell.last_ch;

    shell.last_ch = ch;
    if (shell.esc != SHELL_ESC_NONE) {
        shell_escape(ch);
    } else if (ch == '\r' || ch == '\n') {
        if (!(ch == '\n' && last == '\r')) { /* CR LF is one end of line */
            shell_enter();
        }
    } else if (ch == 0x03) {
        shell_cancel();
    } else if (shell.discarding) {
        return;
    } else if ((unsigned char)ch < 0x20 || ch == 0x7f) {
        shell_control(ch);
    } else {
        shell_insert_char(ch);
    }
}

static rt_err_t shell_rx_ind(rt_device_t dev, rt_size_t size)
{
    rt_sem_release(&shell.rx_sem);
    return RT_EOK;
}

/* Always try to read before blocking: the simulator ends the process on a read at EOF. */
static char shell_getchar(void)
{
    char ch;

    while (rt_device_read(shell.device, -1, &ch, 1) != 1) {
        rt_sem_take(&shell.rx_sem, RT_WAITING_FOREVER);
    }
    return ch;
}

static rt_err_t shell_open_device(void)
{
    rt_device_t dev = rt_device_find(shell.device_name);

    if (dev == RT_NULL) {
        rt_kprintf("finsh: can not find device: %s\n", shell.device_name);
        return -RT_ERROR;
    }
    if (rt_device_open(dev, RT_DEVICE_OFLAG_RDWR | RT_DEVICE_FLAG_INT_RX | RT_DEVICE_FLAG_STREAM) !=
        RT_EOK) {
        rt_kprintf("finsh: can not open device: %s\n", shell.device_name);
        return -RT_ERROR;
    }
    rt_device_set_rx_indicate(dev, shell_rx_ind);
    shell.device = dev;
    return RT_EOK;
}

static void shell_thread_entry(void *parameter)
{
    if (shell_open_device() != RT_EOK) {
        return;
    }
    if (shell_startup_hook != RT_NULL) {
        shell_startup_hook();
        /* the hook may have taken the console's receive callback: take it back */
        rt_device_set_rx_indicate(shell.device, shell_rx_ind);
    }
    shell_reset_line();
    shell_print_prompt();
    for (;;) {
        shell_handle_char(shell_getchar());
    }
}

int finsh_system_init(void)
{
    /* Static thread and stack: the shell also works on boards without a heap. */
    static struct rt_thread thread;
    static rt_uint8_t stack[FINSH_THREAD_STACK_SIZE]
        __attribute__((aligned(RT_ALIGN_SIZE > 8 ? RT_ALIGN_SIZE : 8)));
    static rt_bool_t started;

    if (started) {
        return 0;
    }
    if (shell.device_name[0] == '\0') {
        finsh_set_device(RT_CONSOLE_DEVICE_NAME);
    }
    rt_sem_init(&shell.rx_sem, "shrx", 0, RT_IPC_FLAG_FIFO);
    if (rt_thread_init(&thread, FINSH_THREAD_NAME, shell_thread_entry, RT_NULL, stack,
                       sizeof(stack), FINSH_THREAD_PRIORITY, 10) != RT_EOK) {
        rt_kprintf("finsh: can not create thread %s\n", FINSH_THREAD_NAME);
        rt_sem_detach(&shell.rx_sem);
        return -1;
    }
    started = RT_TRUE;
    rt_thread_startup(&thread);
    return 0;
}
INIT_APP_EXPORT(finsh_system_init);
