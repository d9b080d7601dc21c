/* Board main(): boot banner, and the semihosting command line for unattended test runs. */
#include <rtthread.h>
#include "cpuport.h"
#ifdef RT_USING_UTEST
#include <utest.h>
#endif

#define AUTORUN_ARGS_MAX 4

/*
 * "-semihosting-config arg=rtthread.elf,arg=utest[,arg=PATTERN]": run the utest cases
 * matching PATTERN (all without it) and end QEMU with status 0 if all passed, 1 otherwise.
 */
static void board_autorun(char *line)
{
    char *argv[AUTORUN_ARGS_MAX] = {RT_NULL};
    int argc = 0;

    for (char *tok = line; *tok != '\0' && argc < AUTORUN_ARGS_MAX;) {
        while (*tok == ' ') {
            *tok++ = '\0';
        }
        if (*tok != '\0') {
            argv[argc++] = tok;
        }
        while (*tok != '\0' && *tok != ' ') {
            tok++;
        }
    }
    if (argc < 2) {
        return; /* just the program name */
    }
#ifdef RT_USING_UTEST
    if (rt_strcmp(argv[1], "utest") == 0) {
        int failed = utest_run_all(argv[2]);

        rt_hw_semihost_exit(failed == 0 ? 0 : 1);
        return;
    }
#endif
    rt_kprintf("semihosting command line: unknown request '%s' (known: utest [PATTERN])\n",
               argv[1]);
}

int main(void)
{
    char line[128];

    rt_kprintf("STM32F405 on QEMU netduinoplus2: console on USART1 (Ctrl-A X quits QEMU)\n");
    if (rt_hw_semihost_cmdline(line, sizeof(line)) > 0) {
        board_autorun(line);
    }
    return 0;
}
