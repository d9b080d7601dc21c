/* utest case for the msh command table and msh_exec_capture (runs on every board). */
#include <rtthread.h>
#include <utest.h>

#define CAP_SIZE 4096

static char cap[CAP_SIZE];

static rt_bool_t cap_contains(const char *text)
{
    return rt_strstr(cap, text) != RT_NULL;
}

static void test_lookup(void)
{
    const struct finsh_syscall *help = msh_find_cmd("help");

    uassert_not_null(help);
    if (help != RT_NULL) {
        uassert_str_equal(help->name, "__cmd_help");
    }
    uassert_not_null(msh_find_cmd("ps"));
    uassert_not_null(msh_find_cmd("utest_run"));
    uassert_null(msh_find_cmd("no_such_command"));
    uassert_null(msh_find_cmd("__cmd_help")); /* names are looked up without the prefix */
    uassert_null(msh_find_cmd(RT_NULL));
    /* pointers are accepted by the integer asserts too (as in RT-Thread), also on 32 bits */
    uassert_int_equal(msh_find_cmd("ps"), msh_find_cmd("ps"));
    uassert_int_not_equal(msh_find_cmd("ps"), RT_NULL);
}

static void test_capture_output(void)
{
    rt_size_t needed = 0;
    int ret = msh_exec_capture("help", cap, sizeof(cap), &needed);

    uassert_int_equal(ret, 0);
    uassert_true(cap_contains("RT-Thread shell commands:"));
    uassert_true(cap_contains("utest_run"));
    uassert_value_greater(needed, 0);
    uassert_int_equal(rt_strlen(cap), needed < sizeof(cap) ? needed : sizeof(cap) - 1);
}

static void test_capture_truncation(void)
{
    char small[16];
    rt_size_t needed = 0, full = 0;

    uassert_int_equal(msh_exec_capture("list", cap, sizeof(cap), &full), 0);
    uassert_int_equal(msh_exec_capture("list", small, sizeof(small), &needed), 0);
    uassert_int_equal(needed, full);
    uassert_int_equal(rt_strlen(small), sizeof(small) - 1);
    uassert_buf_equal(small, cap, sizeof(small) - 1);
    uassert_int_equal(msh_exec_capture("list", RT_NULL, 0, &needed), 0);
    uassert_int_equal(needed, full);
}

static void test_errors(void)
{
    static const char too_many[] = "help 1 2 3 4 5 6 7 8 9 10";
    char longline[FINSH_CMD_SIZE + 2];

    uassert_int_equal(msh_exec_capture("no_such_command x", cap, sizeof(cap), RT_NULL),
                      MSH_ERR_NOT_FOUND);
    uassert_str_equal(cap, "no_such_command: command not found.\n");
    rt_memset(longline, 'a', sizeof(longline) - 1);
    longline[sizeof(longline) - 1] = '\0';
    uassert_int_equal(msh_exec_capture(longline, cap, sizeof(cap), RT_NULL), MSH_ERR_TOO_LONG);
    uassert_int_equal(msh_exec_capture(too_many, cap, sizeof(cap), RT_NULL), MSH_ERR_ARGS);
    uassert_int_equal(msh_exec_capture("help \"open", cap, sizeof(cap), RT_NULL), -RT_EINVAL);
    uassert_int_equal(msh_exec_capture("   ", cap, sizeof(cap), RT_NULL), 0);
    uassert_str_equal(cap, "");
    uassert_int_equal(msh_exec_capture(RT_NULL, cap, sizeof(cap), RT_NULL), -RT_EINVAL);
    uassert_int_equal(msh_exec_capture("help", RT_NULL, 4, RT_NULL), -RT_EINVAL);
}

static void test_msh_exec(void)
{
    char line[] = "   no_such_command";

    /* Only the first `length` bytes count: here just blanks, an empty command line. */
    uassert_int_equal(msh_exec(line, 3), 0);
    uassert_int_equal(msh_exec(RT_NULL, 0), -RT_EINVAL);
}

static void testcase(void)
{
    UTEST_UNIT_RUN(test_lookup);
    UTEST_UNIT_RUN(test_capture_output);
    UTEST_UNIT_RUN(test_capture_truncation);
    UTEST_UNIT_RUN(test_errors);
    UTEST_UNIT_RUN(test_msh_exec);
}
UTEST_TC_EXPORT(testcase, "components.finsh.msh", RT_NULL, RT_NULL, 10);
