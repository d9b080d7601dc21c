/* rtlang kernel: system startup, automatic initialisation tables, the main thread. */
#include "kinternal.h"

/* Each INIT_*_EXPORT level is a linker section of init_fn_t; GNU ld (and the ARM linker
 * script) provide its __start_ / __stop_ bounds. Weak so that an empty level links. */
#define COMPONENTS_LEVEL(n)                                            \
    extern const init_fn_t __start_rti_fn_##n[] __attribute__((weak)); \
    extern const init_fn_t __stop_rti_fn_##n[] __attribute__((weak));

COMPONENTS_LEVEL(1)
COMPONENTS_LEVEL(2)
COMPONENTS_LEVEL(3)
COMPONENTS_LEVEL(4)
COMPONENTS_LEVEL(5)
COMPONENTS_LEVEL(6)

static void components_run(const init_fn_t *begin, const init_fn_t *end)
{
    const init_fn_t *fn;

    if (begin == RT_NULL || end == RT_NULL)
        return;
    for (fn = begin; fn < end; fn++)
        (*fn)();
}

void rt_components_board_init(void)
{
    components_run(__start_rti_fn_1, __stop_rti_fn_1);
}

void rt_components_init(void)
{
    components_run(__start_rti_fn_2, __stop_rti_fn_2);
    components_run(__start_rti_fn_3, __stop_rti_fn_3);
    components_run(__start_rti_fn_4, __stop_rti_fn_4);
    components_run(__start_rti_fn_5, __stop_rti_fn_5);
    components_run(__start_rti_fn_6, __stop_rti_fn_6);
}

#ifdef RT_USING_USER_MAIN
extern int RT_USER_MAIN_ENTRY(void);
#endif

static void components_main_entry(void *parameter)
{
    RT_UNUSED(parameter);
    rt_components_init();
#ifdef RT_USING_USER_MAIN
    RT_USER_MAIN_ENTRY();
#endif
}

void rt_application_init(void)
{
#ifdef RT_USING_HEAP
    rt_thread_t tid = rt_thread_create("main", components_main_entry, RT_NULL,
                                       RT_MAIN_THREAD_STACK_SIZE, RT_MAIN_THREAD_PRIORITY, 20);

    RT_ASSERT(tid != RT_NULL);
#else
    static struct rt_thread main_thread;
    static rt_uint8_t main_stack[RT_MAIN_THREAD_STACK_SIZE] __attribute__((aligned(RT_ALIGN_SIZE)));
    rt_thread_t tid = &main_thread;

    rt_thread_init(tid, "main", components_main_entry, RT_NULL, main_stack, sizeof(main_stack),
                   RT_MAIN_THREAD_PRIORITY, 20);
#endif
    rt_thread_startup(tid);
}

/* Default port hook: nothing to release (see rthw.h). */
RT_WEAK void rt_hw_thread_destroy(rt_thread_t thread)
{
    RT_UNUSED(thread);
}

int rtthread_startup(void)
{
    rt_hw_interrupt_disable();
    rt_hw_board_init();
    rt_show_version();
    rt_system_timer_init();
    rt_system_scheduler_init();
    rt_application_init();
    rt_system_timer_thread_init();
    rt_thread_idle_init();
    rt_system_scheduler_start();
    /* not reached */
    return 0;
}
