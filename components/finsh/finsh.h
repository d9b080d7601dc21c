/* msh: the RT-Thread-compatible command shell (public API and export macros). */
#ifndef __FINSH_H__
#define __FINSH_H__

/* Only what rtthread.h already provides: this header is included from it. */
#include <rtdef.h>

#ifdef __cplusplus
extern "C" {
#endif

#ifndef RT_USED
#define RT_USED __attribute__((used))
#endif
#ifndef RT_SECTION
#define RT_SECTION(x) __attribute__((section(x)))
#endif

#ifndef FINSH_CMD_SIZE
#define FINSH_CMD_SIZE 80
#endif
#ifndef FINSH_HISTORY_LINES
#define FINSH_HISTORY_LINES 5
#endif
#ifndef FINSH_ARG_MAX
#define FINSH_ARG_MAX 10
#endif
#ifndef FINSH_THREAD_NAME
#define FINSH_THREAD_NAME "tshell"
#endif
#ifndef FINSH_THREAD_PRIORITY
#define FINSH_THREAD_PRIORITY 20
#endif
#ifndef FINSH_THREAD_STACK_SIZE
#define FINSH_THREAD_STACK_SIZE 4096
#endif

/* Negative results of msh_exec() and msh_exec_capture() (never a command's own result). */
#define MSH_ERR_NOT_FOUND (-(int)RT_ENOSYS) /* no such command */
#define MSH_ERR_TOO_LONG  (-(int)RT_EFULL)  /* line longer than FINSH_CMD_SIZE */
#define MSH_ERR_ARGS      (-(int)RT_ENOSPC) /* more than FINSH_ARG_MAX arguments */

typedef long (*syscall_func)(void);

/* One entry of the FSymTab linker section. msh commands carry a "__cmd_" name prefix. */
struct finsh_syscall {
    const char *name;
    const char *desc;
    syscall_func func;
};

/* The table stride must be sizeof(struct finsh_syscall): force pointer alignment. */
#define FINSH_FUNCTION_EXPORT_CMD(name, cmd, desc)                                            \
    static const char __fsym_##cmd##_name[] = #cmd;                                           \
    static const char __fsym_##cmd##_desc[] = #desc;                                          \
    RT_USED const struct finsh_syscall __fsym_##cmd RT_SECTION("FSymTab")                     \
        __attribute__((aligned(sizeof(void *)))) = {__fsym_##cmd##_name, __fsym_##cmd##_desc, \
                                                    (syscall_func)(void (*)(void)) & name}

#define FINSH_FUNCTION_EXPORT(name, desc)              FINSH_FUNCTION_EXPORT_CMD(name, name, desc)
#define FINSH_FUNCTION_EXPORT_ALIAS(name, alias, desc) FINSH_FUNCTION_EXPORT_CMD(name, alias, desc)

/*
 * MSH_CMD_EXPORT(command, desc[, options]): register `int command(int argc, char **argv)` as
 * msh command "command". The optional third argument (RT-Thread 5.x option completion) is
 * accepted and ignored.
 */
#define __MSH_EXPORT_PICK(_1, _2, _3, NAME, ...) NAME
#define __MSH_EXPORT2(command, desc)             FINSH_FUNCTION_EXPORT_CMD(command, __cmd_##command, desc)
#define __MSH_EXPORT3(command, desc, opt)        __MSH_EXPORT2(command, desc)
#define MSH_CMD_EXPORT(...) \
    __MSH_EXPORT_PICK(__VA_ARGS__, __MSH_EXPORT3, __MSH_EXPORT2, ~)(__VA_ARGS__)

#define __MSH_EXPORT_ALIAS3(command, alias, desc) \
    FINSH_FUNCTION_EXPORT_ALIAS(command, __cmd_##alias, desc)
#define __MSH_EXPORT_ALIAS4(command, alias, desc, opt) __MSH_EXPORT_ALIAS3(command, alias, desc)
#define __MSH_ALIAS_PICK(_1, _2, _3, _4, NAME, ...)    NAME
#define MSH_CMD_EXPORT_ALIAS(...) \
    __MSH_ALIAS_PICK(__VA_ARGS__, __MSH_EXPORT_ALIAS4, __MSH_EXPORT_ALIAS3, ~, ~)(__VA_ARGS__)

/*
 * Run one command line (split into arguments, quotes honoured) in the calling thread.
 * Only the first length bytes of cmd are used (it need not be NUL-terminated, and it is not
 * modified).
 * Returns the command's own result, or MSH_ERR_NOT_FOUND (after printing
 * "NAME: command not found."), MSH_ERR_TOO_LONG, MSH_ERR_ARGS, or -RT_EINVAL (cmd RT_NULL or
 * an unterminated quote); each error also prints a message. An empty line returns 0.
 * Thread context only (not from an ISR).
 */
int msh_exec(char *cmd, rt_size_t length);

/*
 * Run one command line like msh_exec() and capture everything the calling thread prints
 * through rt_kprintf while it runs into out (always NUL-terminated when out_size > 0; output
 * beyond out_size - 1 bytes is dropped; out may be RT_NULL when out_size is 0). *needed (if
 * not RT_NULL) receives the full output length, so a caller can retry with *needed + 1 bytes.
 * Returns the command's result, or MSH_ERR_NOT_FOUND / MSH_ERR_TOO_LONG / MSH_ERR_ARGS,
 * -RT_EINVAL if cmdline is RT_NULL or has an unterminated quote, -RT_EBUSY if this thread is
 * already capturing. A command that itself returns one of these values cannot be told apart
 * from the error: check msh_find_cmd() first when that matters. Thread context only.
 */
int msh_exec_capture(const char *cmdline, char *out, rt_size_t out_size, rt_size_t *needed);

/* Look up an msh command by name (without the "__cmd_" prefix); RT_NULL if none. Any context. */
const struct finsh_syscall *msh_find_cmd(const char *name);

/* Start the tshell thread (also run automatically as an INIT_APP_EXPORT). Returns 0 or -1. */
int finsh_system_init(void);

/* Console device the shell reads (default RT_CONSOLE_DEVICE_NAME); call before init. */
void finsh_set_device(const char *device_name);
const char *finsh_get_device(void);

/* Echo of typed characters on (1, default) or off (0). */
void finsh_set_echo(rt_uint32_t echo);
rt_uint32_t finsh_get_echo(void);

/*
 * Prompt: "msh " + path + ">". The path comes from the hook (e.g. the file system's current
 * directory) or is "/" when no hook is set; a NULL hook restores the default.
 */
typedef const char *(*finsh_path_hook_t)(void);
void finsh_set_path_hook(finsh_path_hook_t hook);
const char *finsh_get_prompt(void);

/*
 * Tab completion of arguments (the command name is completed by the shell itself), e.g. file
 * names from a file system. word is the partial last word of the line. The hook returns the
 * number of candidates and writes into out (out_size bytes, NUL-terminated) what all of them
 * start with: the whole candidate when there is one (a directory should end with '/', the
 * shell then adds no space). With list set it instead prints the candidates, one per line.
 * Called from the shell thread only. Returns the previous hook (RT_NULL: none).
 */
typedef int (*finsh_complete_hook_t)(const char *word, char *out, rt_size_t out_size,
                                     rt_bool_t list);
finsh_complete_hook_t finsh_set_complete_hook(finsh_complete_hook_t hook);

/*
 * Startup hook: tshell calls it once, in its own thread, after opening the console device and
 * before printing the first prompt (e.g. to run /boot.py and /main.py at boot). The hook may
 * own the console meanwhile: if it changes the device's rx_indicate, the shell installs its
 * own again when the hook returns. Set it before tshell starts (from an INIT_COMPONENT_EXPORT
 * or INIT_ENV_EXPORT function). Returns the previous hook, so hooks can be chained.
 * Thread context.
 */
typedef void (*finsh_startup_hook_t)(void);
finsh_startup_hook_t finsh_set_startup_hook(finsh_startup_hook_t hook);

#ifdef __cplusplus
}
#endif

#endif /* __FINSH_H__ */
