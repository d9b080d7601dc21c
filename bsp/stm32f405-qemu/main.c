/* Board main(): boot banner, and the semihosting command line for unattended runs. */
#include <rtthread.h>
#include "cpuport.h"
#ifdef RT_USING_UTEST
#include <utest.h>
#endif
#ifdef RT_USING_FINSH
#include <finsh.h>
#endif

#define AUTORUN_LINE_MAX 256

/* Ends the word at s (NUL) and returns the start of the next one (or the final NUL). */
static char *autorun_split(char *s)
{
    while (*s != '\0' && *s != ' ') {
        s++;
    }
    while (*s == ' ') {
        *s++ = '\0';
    }
    return s;
}

#ifdef RT_USING_FINSH
static volatile int autorun_status = -1;

/* The command runs in a thread with the shell's stack size (main's is small). */
static void autorun_exec_entry(void *line)
{
    int ret = msh_exec(line, rt_strlen(line));

    autorun_status = ret == 0 ? 0 : 1;
}

static int autorun_exec(char *line)
{
    rt_thread_t t = rt_thread_create("autorun", autorun_exec_entry, line, FINSH_THREAD_STACK_SIZE,
                                     FINSH_THREAD_PRIORITY, 10);

    if (t == RT_NULL || rt_thread_startup(t) != RT_EOK) {
        rt_kprintf("autorun: cannot start a thread for '%s'\n", line);
        return 1;
    }
    while (autorun_status < 0) {
        rt_thread_mdelay(10);
    }
    return autorun_status;
}
#endif

/*
 * The semihosting command line (QEMU: -semihosting-config ...,arg=rtthread.elf,arg=...):
 *   utest [PATTERN]  run the utest cases matching PATTERN (all without it)
 *   exec CMD ARGS    run one msh command line
 * then end QEMU with status 0 on success, 1 on failure.
 */
static void board_autorun(char *line)
{
    char *request = autorun_split(line); /* skip the program name */
    char *args = autorun_split(request);

    if (*request == '\0') {
        return;
    }
#ifdef RT_USING_UTEST
    if (rt_strcmp(request, "utest") == 0) {
        autorun_split(args); /* PATTERN is one word */
        rt_hw_semihost_exit(utest_run_all(*args != '\0' ? args : RT_NULL) == 0 ? 0 : 1);
        return;
    }
#endif
#ifdef RT_USING_FINSH
    if (rt_strcmp(request, "exec") == 0 && *args != '\0') {
        rt_hw_semihost_exit(autorun_exec(args));
        return;
    }
#endif
    rt_kprintf("semihosting command line: unknown request '%s' (known: utest [PATTERN],"
               " exec COMMAND...)\n",
               request);
}

int main(void)
{
    static char line[AUTORUN_LINE_MAX];

    rt_kprintf("STM32F405 on QEMU netduinoplus2: console on USART1 (Ctrl-A X quits QEMU)\n");
    if (rt_hw_semihost_cmdline(line, sizeof(line)) > 0) {
        board_autorun(line);
    }
    return 0;
}
