/* msh: command table lookup, argument splitting and command execution. */
#include <rtthread.h>
#include "msh_internal.h"

#define MSH_CMD_PREFIX     "__cmd_"
#define MSH_CMD_PREFIX_LEN (sizeof(MSH_CMD_PREFIX) - 1)

/* Bounds of the FSymTab section, defined by the linker. */
extern const struct finsh_syscall __start_FSymTab[];
extern const struct finsh_syscall __stop_FSymTab[];

typedef int (*msh_cmd_t)(int argc, char **argv);

static rt_bool_t msh_is_cmd(const struct finsh_syscall *entry)
{
    return entry->name != RT_NULL &&
           rt_strncmp(entry->name, MSH_CMD_PREFIX, MSH_CMD_PREFIX_LEN) == 0 &&
           entry->name[MSH_CMD_PREFIX_LEN] != '\0';
}

const struct finsh_syscall *msh_cmd_next(const struct finsh_syscall *prev)
{
    const struct finsh_syscall *entry = prev ? prev + 1 : __start_FSymTab;

    for (; entry < __stop_FSymTab; entry++) {
        if (msh_is_cmd(entry)) {
            return entry;
        }
    }
    return RT_NULL;
}

const char *msh_cmd_name(const struct finsh_syscall *cmd)
{
    return cmd->name + MSH_CMD_PREFIX_LEN;
}

const struct finsh_syscall *msh_find_cmd(const char *name)
{
    const struct finsh_syscall *cmd;

    if (name == RT_NULL) {
        return RT_NULL;
    }
    for (cmd = msh_cmd_next(RT_NULL); cmd != RT_NULL; cmd = msh_cmd_next(cmd)) {
        if (rt_strcmp(msh_cmd_name(cmd), name) == 0) {
            return cmd;
        }
    }
    return RT_NULL;
}

static rt_bool_t msh_is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/*
 * Copy one argument starting at *src into *dst (in place: dst never overtakes src), removing
 * quotes. Inside double quotes \" and \\ are escapes. Returns -RT_EINVAL on a missing quote.
 */
static int msh_split_arg(char **src, char **dst)
{
    char *s = *src, *d = *dst;
    char quote = 0;

    for (; *s != '\0' && (quote || !msh_is_space(*s)); s++) {
        if (quote == 0 && (*s == '"' || *s == '\'')) {
            quote = *s;
        } else if (quote != 0 && *s == quote) {
            quote = 0;
        } else if (quote == '"' && *s == '\\' && (s[1] == '"' || s[1] == '\\')) {
            *d++ = *++s;
        } else {
            *d++ = *s;
        }
    }
    if (quote != 0) {
        return -RT_EINVAL;
    }
    *src = s;
    *dst = d;
    return RT_EOK;
}

/* Split line in place into argv; returns argc, or a negative error (message printed). */
static int msh_split(char *line, char *argv[FINSH_ARG_MAX])
{
    char *src = line, *dst = line;
    int argc = 0;

    for (;;) {
        while (msh_is_space(*src)) {
            src++;
        }
        if (*src == '\0') {
            return argc;
        }
        if (argc == FINSH_ARG_MAX) {
            rt_kprintf("msh: too many arguments (at most %d)\n", FINSH_ARG_MAX);
            return MSH_ERR_ARGS;
        }
        argv[argc++] = dst;
        if (msh_split_arg(&src, &dst) != RT_EOK) {
            rt_kprintf("msh: missing closing quote\n");
            return -RT_EINVAL;
        }
        /* src is at a separator or the end; terminate the argument over it. */
        if (*src != '\0') {
            src++;
        }
        *dst++ = '\0';
    }
}

int msh_run(const char *line, rt_size_t length)
{
    char buf[FINSH_CMD_SIZE + 1];
    char *argv[FINSH_ARG_MAX];
    const struct finsh_syscall *cmd;
    int argc;

    if (length > FINSH_CMD_SIZE) {
        rt_kprintf("msh: command line too long (more than %d characters)\n", FINSH_CMD_SIZE);
        return MSH_ERR_TOO_LONG;
    }
    rt_memcpy(buf, line, length);
    buf[length] = '\0';
    argc = msh_split(buf, argv);
    if (argc <= 0) {
        return argc;
    }
    cmd = msh_find_cmd(argv[0]);
    if (cmd == RT_NULL) {
        rt_kprintf("%s: command not found.\n", argv[0]);
        return MSH_ERR_NOT_FOUND;
    }
    return ((msh_cmd_t)(void (*)(void))cmd->func)(argc, argv);
}

int msh_exec(char *cmd, rt_size_t length)
{
    if (cmd == RT_NULL) {
        return -RT_EINVAL;
    }
    return msh_run(cmd, length);
}

int msh_exec_capture(const char *cmdline, char *out, rt_size_t out_size, rt_size_t *needed)
{
    char none[1]; /* the kernel needs a buffer even when the caller only wants *needed */
    rt_size_t total;
    rt_err_t err;
    int ret;

    if (cmdline == RT_NULL || (out == RT_NULL && out_size != 0)) {
        return -RT_EINVAL;
    }
    if (out_size == 0) {
        out = none;
        out_size = sizeof(none);
    }
    err = rt_console_capture_start(out, out_size);
    if (err != RT_EOK) {
        return (int)err;
    }
    ret = msh_run(cmdline, rt_strlen(cmdline));
    total = rt_console_capture_stop();
    if (needed != RT_NULL) {
        *needed = total;
    }
    return ret;
}

static int help(int argc, char **argv)
{
    const struct finsh_syscall *cmd;

    rt_kprintf("RT-Thread shell commands:\n");
    for (cmd = msh_cmd_next(RT_NULL); cmd != RT_NULL; cmd = msh_cmd_next(cmd)) {
        rt_kprintf("%-16s - %s\n", msh_cmd_name(cmd), cmd->desc ? cmd->desc : "");
    }
    rt_kprintf("\n");
    return 0;
}
/* clang-format off */
MSH_CMD_EXPORT(help, RT-Thread shell help.);
/* clang-format on */
