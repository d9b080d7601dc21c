/* rtpy: the host command-line interpreter (script, -c, REPL) over POSIX. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdbool.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>
#include <dirent.h>

#include "rtpy.h"

static rtpy_vm *g_vm; /* for the SIGINT handler only */

/* --- HAL ------------------------------------------------------------------------- */

static void hal_write(void *user, int fd, const char *buf, size_t len)
{
    FILE *f = fd == 2 ? stderr : stdout;
    if (fd == 2) {
        fflush(stdout);
    }
    fwrite(buf, 1, len, f);
}

static long hal_read(void *user, char *buf, size_t len)
{
    fflush(stdout);
    ssize_t r;
    do {
        r = read(0, buf, len);
    } while (r < 0 && errno == EINTR);
    return r < 0 ? -errno : (long)r;
}

static uint64_t hal_ticks_us(void *user)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000u + (uint64_t)ts.tv_nsec / 1000u;
}

static double hal_time(void *user)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static void hal_sleep_us(void *user, uint64_t us)
{
    struct timespec ts = {(time_t)(us / 1000000u), (long)(us % 1000000u) * 1000};
    while (nanosleep(&ts, &ts) != 0 && errno == EINTR) {
        if (g_vm != NULL && rtpy_exception(g_vm) == 0) {
            break; /* let the VM see a pending interrupt */
        }
    }
}

static rtpy_file hal_open(void *user, const char *path, const char *mode, int *err)
{
    struct stat st;
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
        *err = EISDIR;
        return NULL;
    }
    char m[8];
    size_t k = 0;
    for (const char *p = mode; *p && k + 2 < sizeof(m); p++) {
        if (*p != 'x') {
            m[k++] = *p;
        } else {
            if (stat(path, &st) == 0) {
                *err = EEXIST;
                return NULL;
            }
            m[k++] = 'w';
        }
    }
    m[k] = 0;
    FILE *f = fopen(path, m);
    if (f == NULL) {
        *err = errno;
    }
    return f;
}

static long hal_file_read(void *user, rtpy_file f, void *buf, size_t len)
{
    size_t r = fread(buf, 1, len, f);
    return ferror((FILE *)f) ? -EIO : (long)r;
}

static long hal_file_write(void *user, rtpy_file f, const void *buf, size_t len)
{
    size_t r = fwrite(buf, 1, len, f);
    return r < len ? -EIO : (long)r;
}

static long hal_file_seek(void *user, rtpy_file f, long off, int whence)
{
    if (fseek(f, off, whence) != 0) {
        return -errno;
    }
    return ftell(f);
}

static int hal_file_close(void *user, rtpy_file f)
{
    return fclose(f);
}

static int hal_stat(void *user, const char *path)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        return 0;
    }
    return S_ISDIR(st.st_mode) ? 2 : 1;
}

static int hal_stat2(void *user, const char *path, rtpy_stat *out)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        return -errno;
    }
    out->mode = (uint32_t)st.st_mode;
    out->size = (uint64_t)st.st_size;
    out->mtime = (double)st.st_mtim.tv_sec + st.st_mtim.tv_nsec * 1e-9;
    out->atime = (double)st.st_atim.tv_sec + st.st_atim.tv_nsec * 1e-9;
    out->ctime = (double)st.st_ctim.tv_sec + st.st_ctim.tv_nsec * 1e-9;
    return 0;
}

static int hal_listdir(void *user, const char *path, int (*cb)(void *, const char *, int),
                       void *arg)
{
    DIR *d = opendir(path);
    if (d == NULL) {
        return -errno;
    }
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) {
            continue;
        }
        if (cb(arg, e->d_name, e->d_type == DT_DIR)) {
            break;
        }
    }
    closedir(d);
    return 0;
}

static int hal_mkdir(void *user, const char *path)
{
    return mkdir(path, 0777) == 0 ? 0 : -errno;
}

static int hal_rmdir(void *user, const char *path)
{
    return rmdir(path) == 0 ? 0 : -errno;
}

static int hal_remove(void *user, const char *path)
{
    return unlink(path) == 0 ? 0 : -errno;
}

static int hal_rename(void *user, const char *from, const char *to)
{
    return rename(from, to) == 0 ? 0 : -errno;
}

static int hal_getcwd(void *user, char *buf, size_t len)
{
    return getcwd(buf, len) != NULL ? 0 : -errno;
}

static int hal_chdir(void *user, const char *path)
{
    return chdir(path) == 0 ? 0 : -errno;
}

static int hal_urandom(void *user, void *buf, size_t len)
{
    int fd = open("/dev/urandom", O_RDONLY);
    if (fd < 0) {
        return -errno;
    }
    ssize_t r = read(fd, buf, len);
    close(fd);
    return r == (ssize_t)len ? 0 : -EIO;
}

static rtpy_hal hal = {
    .write = hal_write,
    .read = hal_read,
    .ticks_us = hal_ticks_us,
    .time = hal_time,
    .sleep_us = hal_sleep_us,
    .file_open = hal_open,
    .file_read = hal_file_read,
    .file_write = hal_file_write,
    .file_seek = hal_file_seek,
    .file_close = hal_file_close,
    .stat = hal_stat,
    .stack_size = 4u << 20,
    .vstack_size = 128u << 10,
    .platform = "linux",
    .stat2 = hal_stat2,
    .listdir = hal_listdir,
    .mkdir = hal_mkdir,
    .rmdir = hal_rmdir,
    .remove = hal_remove,
    .rename = hal_rename,
    .getcwd = hal_getcwd,
    .chdir = hal_chdir,
    .urandom = hal_urandom,
};

static void on_sigint(int sig)
{
    (void)sig;
    if (g_vm != NULL) {
        rtpy_interrupt(g_vm);
    }
}

/* --- line editor (TTY only) ---------------------------------------------------------- */

#define HIST_MAX 100
static char *history[HIST_MAX];
static int hist_n;

static void hist_add(const char *line)
{
    if (line[0] == 0 || (hist_n > 0 && strcmp(history[hist_n - 1], line) == 0)) {
        return;
    }
    if (hist_n == HIST_MAX) {
        free(history[0]);
        memmove(history, history + 1, sizeof(history[0]) * (HIST_MAX - 1));
        hist_n--;
    }
    history[hist_n++] = strdup(line);
}

typedef struct cands {
    char list[64][64];
    int n;
} cands;

static void add_cand(void *data, const char *s, size_t n)
{
    cands *c = data;
    if (c->n < 64 && n < 63) {
        memcpy(c->list[c->n], s, n);
        c->list[c->n][n] = 0;
        c->n++;
    }
}

static void redraw(const char *prompt, const char *buf, size_t len, size_t pos)
{
    printf("\r\x1b[K%s%.*s", prompt, (int)len, buf);
    if (pos < len) {
        printf("\x1b[%zuD", len - pos);
    }
    fflush(stdout);
}

static void complete(char *buf, size_t *len, size_t *pos, size_t cap, const char *prompt)
{
    cands c;
    c.n = 0;
    rtpy_complete(g_vm, buf, *pos, add_cand, &c);
    if (c.n == 0) {
        return;
    }
    size_t st = *pos;
    while (st > 0 && (buf[st - 1] == '_' || buf[st - 1] == '.' ||
                      (buf[st - 1] >= '0' && buf[st - 1] <= '9') ||
                      ((buf[st - 1] | 0x20) >= 'a' && (buf[st - 1] | 0x20) <= 'z'))) {
        st--;
    }
    const char *dot = memrchr(buf + st, '.', *pos - st);
    size_t have = *pos - (dot ? (size_t)(dot + 1 - buf) : st);
    size_t common = strlen(c.list[0]);
    for (int i = 1; i < c.n; i++) {
        size_t k = 0;
        while (k < common && c.list[i][k] == c.list[0][k]) {
            k++;
        }
        common = k;
    }
    if (common > have) {
        size_t add = common - have;
        if (*len + add < cap) {
            memmove(buf + *pos + add, buf + *pos, *len - *pos);
            memcpy(buf + *pos, c.list[0] + have, add);
            *len += add;
            *pos += add;
        }
    } else if (c.n > 1) {
        printf("\n");
        for (int i = 0; i < c.n; i++) {
            printf("%s  ", c.list[i]);
        }
        printf("\n");
    }
    redraw(prompt, buf, *len, *pos);
}

/* Returns the line (without newline) or NULL at EOF; -2 in *status on Ctrl-C. */
static char *edit_line(const char *prompt, int *status)
{
    static char buf[4096];
    size_t len = 0, pos = 0;
    int hist_pos = hist_n;
    struct termios old, raw;
    tcgetattr(0, &old);
    raw = old;
    raw.c_lflag &= ~(ICANON | ECHO | ISIG);
    raw.c_iflag &= ~(IXON | ICRNL);
    tcsetattr(0, TCSANOW, &raw);
    printf("%s", prompt);
    fflush(stdout);
    *status = 0;
    char *result = buf;
    for (;;) {
        char c;
        if (read(0, &c, 1) != 1) {
            result = NULL;
            break;
        }
        if (c == '\r' || c == '\n') {
            printf("\r\n");
            break;
        }
        if (c == 3) { /* Ctrl-C */
            printf("^C\r\n");
            *status = -2;
            len = 0;
            break;
        }
        if (c == 4) { /* Ctrl-D */
            if (len == 0) {
                printf("\r\n");
                result = NULL;
                break;
            }
            continue;
        }
        if (c == 127 || c == 8) {
            if (pos > 0) {
                memmove(buf + pos - 1, buf + pos, len - pos);
                pos--;
                len--;
            }
        } else if (c == '\t') {
            buf[len] = 0;
            bool only_space = true;
            for (size_t i = 0; i < pos; i++) {
                only_space = only_space && buf[i] == ' ';
            }
            if (only_space) {
                const char *ind = "    ";
                if (len + 4 < sizeof(buf)) {
                    memmove(buf + pos + 4, buf + pos, len - pos);
                    memcpy(buf + pos, ind, 4);
                    len += 4;
                    pos += 4;
                }
            } else {
                complete(buf, &len, &pos, sizeof(buf) - 1, prompt);
            }
        } else if (c == 27) {
            char seq[3];
            if (read(0, seq, 1) != 1 || read(0, seq + 1, 1) != 1) {
                continue;
            }
            if (seq[0] != '[') {
                continue;
            }
            switch (seq[1]) {
            case 'A':
            case 'B':
                if (seq[1] == 'A' && hist_pos > 0) {
                    hist_pos--;
                } else if (seq[1] == 'B' && hist_pos < hist_n) {
                    hist_pos++;
                } else {
                    break;
                }
                len = hist_pos < hist_n ? strlen(history[hist_pos]) : 0;
                if (len) {
                    memcpy(buf, history[hist_pos], len);
                }
                pos = len;
                break;
            case 'C': pos += pos < len; break;
            case 'D': pos -= pos > 0; break;
            case 'H': pos = 0; break;
            case 'F': pos = len; break;
            case '3':
                if (read(0, seq + 2, 1) == 1 && pos < len) {
                    memmove(buf + pos, buf + pos + 1, len - pos - 1);
                    len--;
                }
                break;
            }
        } else if (c == 1) {
            pos = 0;
        } else if (c == 5) {
            pos = len;
        } else if ((unsigned char)c >= 32 && len + 1 < sizeof(buf)) {
            memmove(buf + pos + 1, buf + pos, len - pos);
            buf[pos++] = c;
            len++;
        }
        redraw(prompt, buf, len, pos);
    }
    tcsetattr(0, TCSANOW, &old);
    if (result != NULL) {
        buf[len] = 0;
        hist_add(buf);
    }
    return result;
}

static char *plain_line(const char *prompt)
{
    static char buf[4096];
    fputs(prompt, stdout);
    fflush(stdout);
    if (fgets(buf, sizeof(buf), stdin) == NULL) {
        return NULL;
    }
    size_t n = strlen(buf);
    if (n > 0 && buf[n - 1] == '\n') {
        buf[n - 1] = 0;
    }
    return buf;
}

static int repl(rtpy_vm *vm)
{
    bool tty = isatty(0);
    printf("rtpy 1.0 (MicroPython-compatible) on %s\nType \"help()\" for more information.\n",
           hal.platform);
    char *src = NULL;
    size_t src_len = 0;
    for (;;) {
        const char *prompt = src_len == 0 ? ">>> " : "... ";
        int status = 0;
        char *line = tty ? edit_line(prompt, &status) : plain_line(prompt);
        if (status == -2) {
            printf("KeyboardInterrupt\n");
            src_len = 0;
            continue;
        }
        if (line == NULL) {
            if (!tty) {
                printf("\n");
            }
            break;
        }
        size_t ln = strlen(line);
        char *ns = realloc(src, src_len + ln + 2);
        if (ns == NULL) {
            break;
        }
        src = ns;
        memcpy(src + src_len, line, ln);
        src_len += ln;
        src[src_len++] = '\n';
        src[src_len] = 0;
        if (!rtpy_input_complete(src, src_len)) {
            continue;
        }
        int r = rtpy_repl_exec(vm, src, src_len);
        src_len = 0;
        fflush(stdout);
        if (r == RTPY_EXIT) {
            free(src);
            return rtpy_exit_status(vm);
        }
    }
    free(src);
    return 0;
}

/* --- main ----------------------------------------------------------------------------- */

static size_t parse_size(const char *s)
{
    char *end;
    unsigned long long v = strtoull(s, &end, 10);
    if (*end == 'k' || *end == 'K') {
        v <<= 10;
    } else if (*end == 'm' || *end == 'M') {
        v <<= 20;
    } else if (*end != 0) {
        return 0;
    }
    return (size_t)v;
}

static int finish(rtpy_vm *vm, int r)
{
    int status = 0;
    if (r == RTPY_EXC) {
        rtpy_print_exception(vm);
        status = 1;
    } else if (r == RTPY_EXIT) {
        if (rtpy_exception(vm) != 0) {
            rtpy_print_exception(vm);
        }
        status = rtpy_exit_status(vm);
    }
    return status;
}

static void usage(void)
{
    fprintf(stderr, "usage: rtpy [-X heapsize=N[k|m]] [-c cmd | file] [arg ...]\n");
}

int main(int argc, char **argv)
{
    size_t heap = 64u << 20;
    int i = 1;
    const char *cmd = NULL;
    while (i < argc && argv[i][0] == '-' && argv[i][1] != 0) {
        if (strcmp(argv[i], "-X") == 0 && i + 1 < argc) {
            if (strncmp(argv[i + 1], "heapsize=", 9) == 0) {
                heap = parse_size(argv[i + 1] + 9);
                if (heap == 0) {
                    usage();
                    return 2;
                }
            }
            i += 2;
        } else if (strcmp(argv[i], "-c") == 0 && i + 1 < argc) {
            cmd = argv[i + 1];
            i += 2;
            break;
        } else if (strcmp(argv[i], "-u") == 0 || strcmp(argv[i], "-B") == 0 ||
                   strcmp(argv[i], "-S") == 0) {
            i++;
        } else {
            usage();
            return 2;
        }
    }
    /* -X heapsize is what the script gets: rtpy_overhead() covers the VM
     * state and the interpreter's own startup data */
    size_t total = rtpy_overhead(&hal) + heap;
    void *mem = malloc(total);
    if (mem == NULL) {
        fprintf(stderr, "rtpy: cannot allocate %zu bytes\n", total);
        return 1;
    }
    rtpy_vm *vm = rtpy_create(mem, total, &hal);
    if (vm == NULL) {
        fprintf(stderr, "rtpy: heap too small\n");
        free(mem);
        return 1;
    }
    g_vm = vm;
    signal(SIGINT, on_sigint);
    int status;
    if (cmd != NULL) {
        const char *av0 = "-c";
        const char **av = malloc(sizeof(char *) * (size_t)(argc - i + 1));
        av[0] = av0;
        for (int k = i; k < argc; k++) {
            av[k - i + 1] = argv[k];
        }
        rtpy_set_argv(vm, argc - i + 1, av);
        free(av);
        status = finish(vm, rtpy_exec(vm, cmd, strlen(cmd), "<string>", RTPY_MODE_FILE, NULL));
    } else if (i < argc) {
        const char *script = argv[i];
        rtpy_set_argv(vm, argc - i, (const char *const *)(argv + i));
        const char *slash = strrchr(script, '/');
        if (slash != NULL) {
            char dir[4096];
            size_t n = (size_t)(slash - script);
            if (n >= sizeof(dir)) {
                n = sizeof(dir) - 1;
            }
            memcpy(dir, script, n);
            dir[n] = 0;
            rtpy_add_path(vm, n == 0 ? "/" : dir);
        }
        struct stat st;
        if (stat(script, &st) != 0) {
            fprintf(stderr, "rtpy: can't open file '%s': [Errno %d] %s\n", script, errno,
                    strerror(errno));
            status = 2;
        } else {
            status = finish(vm, rtpy_exec_file(vm, script));
        }
    } else {
        const char *av0 = "";
        rtpy_set_argv(vm, 1, &av0);
        if (isatty(0)) {
            status = repl(vm);
        } else {
            status = repl(vm);
        }
    }
    fflush(stdout);
    rtpy_destroy(vm);
    g_vm = NULL;
    free(mem);
    return status;
}
