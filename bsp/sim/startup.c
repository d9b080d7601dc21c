/* Host entry of rtthread-sim: parse the command line, then boot RT-Thread. */
#include <rthw.h>
#include <rtthread.h>
#include "board.h"
#include "sim.h"
#include <stdio.h>
#include <string.h>
#ifdef RT_USING_UTEST
#include <utest.h>
#endif

struct sim_options sim_opts;

int __real_main(void);

static void sim_usage(FILE *out)
{
    fputs("usage: rtthread-sim [options]\n"
          "Runs RT-Thread on the host; the console (uart1) is stdin/stdout.\n"
          "\n"
          "  --help             show this help and exit\n"
          "  --utest[=PATTERN]  run the utest cases matching PATTERN (all without it), then\n"
          "                     exit with status 0 if all passed, 1 otherwise\n"
          "  --gpio-log FILE    append a line \"<tick> <pin> <level>\" to FILE for every change\n"
          "                     of a pin the firmware drives as an output\n"
          "  --gpio-in FILE     drive input pins from FILE (or a FIFO): lines \"PA0 1\",\n"
          "                     \"PA0 z\" (release), \"sleep MS\", \"# comment\"\n"
          "  --no-eof-exit      keep running after stdin reaches end of file\n"
          "  --fs DIR           host folder mounted as \"/\" (default ./fs)\n"
          "  --no-fs            boot without a root file system\n"
          "\n"
          "When stdin is not a terminal the simulator exits with status 0 once all input has\n"
          "been read and the shell asks for more. `reboot` exits with status 0.\n",
          out);
}

/* Returns 0 to boot, 1 to exit successfully (--help), 2 for a usage error. */
static int sim_parse_args(int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];

        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            sim_usage(stdout);
            return 1;
        } else if (strcmp(a, "--utest") == 0) {
            sim_opts.utest = "";
        } else if (strncmp(a, "--utest=", 8) == 0) {
            sim_opts.utest = a + 8;
        } else if (strcmp(a, "--gpio-log") == 0 && i + 1 < argc) {
            sim_opts.gpio_log = argv[++i];
        } else if (strncmp(a, "--gpio-log=", 11) == 0) {
            sim_opts.gpio_log = a + 11;
        } else if (strcmp(a, "--gpio-in") == 0 && i + 1 < argc) {
            sim_opts.gpio_in = argv[++i];
        } else if (strncmp(a, "--gpio-in=", 10) == 0) {
            sim_opts.gpio_in = a + 10;
        } else if (strcmp(a, "--fs") == 0 && i + 1 < argc) {
            sim_opts.fs = argv[++i];
        } else if (strncmp(a, "--fs=", 5) == 0) {
            sim_opts.fs = a + 5;
        } else if (strcmp(a, "--no-fs") == 0) {
            sim_opts.no_fs = RT_TRUE;
        } else if (strcmp(a, "--no-eof-exit") == 0) {
            sim_opts.no_eof_exit = RT_TRUE;
        } else {
            fprintf(stderr, "rtthread-sim: %s '%s'\n",
                    (strcmp(a, "--gpio-log") == 0 || strcmp(a, "--gpio-in") == 0 ||
                     strcmp(a, "--fs") == 0)
                        ? "missing argument after"
                        : "unknown option",
                    a);
            sim_usage(stderr);
            return 2;
        }
    }
    return 0;
}

/* Run in RT-Thread's main thread, after component init: board duties, then the app. */
static int sim_board_main(void)
{
    if (sim_opts.utest != RT_NULL) {
#ifdef RT_USING_UTEST
        int failed = utest_run_all(sim_opts.utest);

        sim_exit(failed == 0 ? 0 : 1);
#else
        rt_kprintf("rtthread-sim: built without RT_USING_UTEST\n");
        sim_exit(2);
#endif
    }
    return __real_main();
}

const char *sim_fs_root(void)
{
    if (sim_opts.no_fs)
        return RT_NULL;
    return sim_opts.fs != RT_NULL ? sim_opts.fs : "./fs";
}

/* Entry of RT-Thread's main thread when the kernel is configured to call sim_main
 * (RT_USER_MAIN_ENTRY); otherwise it calls main, which lands in __wrap_main below. */
int sim_main(void)
{
    return sim_board_main();
}

/* Both the C runtime and RT-Thread's main thread call "main" (linked with --wrap=main). */
int __wrap_main(int argc, char **argv)
{
    int rc;

    if (rt_thread_self() != RT_NULL)
        return sim_board_main();
    rc = sim_parse_args(argc, argv);
    if (rc != 0)
        return rc == 1 ? 0 : rc;
    if (sim_opts.utest != RT_NULL)
        sim_opts.no_eof_exit = RT_TRUE; /* the tests, not stdin, decide when to stop */
    rtthread_startup();
    return 0; /* not reached: the startup thread becomes the simulator's thread spawner */
}
