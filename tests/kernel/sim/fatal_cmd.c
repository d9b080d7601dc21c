/* msh command `ktest_fatal overflow|assert`: trigger a fatal kernel error on purpose. The kernel
 * must report it and halt, which the simulator turns into exit status 1; tests/kernel/run.py
 * checks both in separate simulator runs (a halted system cannot report to utest). Sim only. */
#include "ktest.h"
#include <finsh.h>

static struct rt_semaphore s_sem;

static void victim_entry(void *arg)
{
    rt_sem_take(&s_sem, RT_WAITING_FOREVER);
}

/* Corrupt the guard byte of a blocked thread, then wake it: the switch must stop the system. */
static int fatal_overflow(void)
{
    rt_thread_t t;

    rt_sem_init(&s_sem, "kfatal", 0, RT_IPC_FLAG_FIFO);
    t = rt_thread_create("kfatalv", victim_entry, RT_NULL, KT_STACK_SIZE, kt_prio(-1), 10);
    if (t == RT_NULL)
        return -RT_ENOMEM;
    rt_thread_startup(t); /* more urgent: blocks on the semaphore at once */
    *(volatile rt_uint8_t *)t->stack_addr ^= 0xff;
    rt_sem_release(&s_sem);
    rt_kprintf("ktest_fatal: the stack overflow went unnoticed\n");
    return -RT_ERROR;
}

static int fatal_assert(void)
{
    volatile int two = 2;

    RT_ASSERT(two + two == 5);
    rt_kprintf("ktest_fatal: the failed assertion returned\n");
    return -RT_ERROR;
}

static int ktest_fatal(int argc, char **argv)
{
    if (argc == 2 && rt_strcmp(argv[1], "overflow") == 0)
        return fatal_overflow();
    if (argc == 2 && rt_strcmp(argv[1], "assert") == 0)
        return fatal_assert();
    rt_kprintf("Usage: ktest_fatal overflow|assert\n");
    return -RT_EINVAL;
}
MSH_CMD_EXPORT(ktest_fatal, trigger a fatal kernel error on purpose : overflow or assert);
