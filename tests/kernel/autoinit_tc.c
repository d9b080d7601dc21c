/* Auto-initialisation tests: INIT_*_EXPORT functions ran once, in level order, before main,
 * the application level in the "main" thread. */
#include "ktest.h"

static volatile int s_seq;
static volatile int s_board_at, s_prev_at, s_device_at, s_component_at, s_env_at, s_app_at;
static volatile int s_app_calls;
static char s_app_thread[RT_NAME_MAX];
static volatile rt_uint8_t s_app_nest = 0xff;

static int kt_init_board(void)
{
    s_board_at = ++s_seq;
    return 0;
}
INIT_BOARD_EXPORT(kt_init_board);

static int kt_init_prev(void)
{
    s_prev_at = ++s_seq;
    return 0;
}
INIT_PREV_EXPORT(kt_init_prev);

static int kt_init_device(void)
{
    s_device_at = ++s_seq;
    return 0;
}
INIT_DEVICE_EXPORT(kt_init_device);

static int kt_init_component(void)
{
    s_component_at = ++s_seq;
    return 0;
}
INIT_COMPONENT_EXPORT(kt_init_component);

static int kt_init_env(void)
{
    s_env_at = ++s_seq;
    return 0;
}
INIT_ENV_EXPORT(kt_init_env);

static int kt_init_app(void)
{
    rt_thread_t self = rt_thread_self();

    s_app_at = ++s_seq;
    s_app_calls++;
    s_app_nest = rt_interrupt_get_nest();
    if (self != RT_NULL)
        rt_strncpy(s_app_thread, self->parent.name, RT_NAME_MAX - 1);
    return 0;
}
INIT_APP_EXPORT(kt_init_app);

static void test_autoinit_all_levels_ran_once_in_order(void)
{
    uassert_int_equal(s_seq, 6);
    uassert_int_equal(s_board_at, 1);
    uassert_int_equal(s_prev_at, 2);
    uassert_int_equal(s_device_at, 3);
    uassert_int_equal(s_component_at, 4);
    uassert_int_equal(s_env_at, 5);
    uassert_int_equal(s_app_at, 6);
    uassert_int_equal(s_app_calls, 1);
}

static void test_autoinit_app_in_main_thread(void)
{
    /* levels 2..6 run in the main thread before main() is called */
    uassert_str_equal(s_app_thread, "main");
    uassert_int_equal(s_app_nest, 0);
}

static void testcase(void)
{
    UTEST_UNIT_RUN(test_autoinit_all_levels_ran_once_in_order);
    UTEST_UNIT_RUN(test_autoinit_app_in_main_thread);
}
UTEST_TC_EXPORT(testcase, "testcases.kernel.autoinit_tc", RT_NULL, RT_NULL, 10);
