/* utest: RT-Thread-compatible unit-test framework (test-case table, runner, assertions). */
#ifndef __UTEST_H__
#define __UTEST_H__

#include <rtthread.h>
#include "utest_log.h"
#include "utest_assert.h"

#ifdef __cplusplus
extern "C" {
#endif

#ifndef UTEST_THR_STACK_SIZE
#define UTEST_THR_STACK_SIZE 4096
#endif
#ifndef UTEST_THR_PRIORITY
#define UTEST_THR_PRIORITY 20
#endif

enum utest_error {
    UTEST_PASSED = 0,
    UTEST_FAILED = 1,
    UTEST_PASSED_WITH_WARNINGS = 2, /* kept for RT-Thread source compatibility */
};
typedef enum utest_error utest_err_e;

/* State of the running test case (counts are asserts, reset for every test case). */
struct utest {
    utest_err_e error;
    rt_uint32_t passed_num;
    rt_uint32_t failed_num;
};
typedef struct utest *utest_t;

/*
 * One entry of the UtestTcTab section. run_timeout is in seconds (0: no limit); a test case
 * still running after it is reported failed and its thread deleted.
 */
struct utest_tc_export {
    const char *name;
    rt_uint32_t run_timeout;
    rt_err_t (*init)(void);
    void (*tc)(void);
    rt_err_t (*cleanup)(void);
};
typedef struct utest_tc_export *utest_tc_export_t;

typedef void (*test_unit_func)(void);

/*
 * UTEST_TC_EXPORT(testcase, name, init, cleanup, timeout): register testcase (void (*)(void))
 * under the dotted name (a string, e.g. "testcases.kernel.sem_tc"); init and cleanup
 * (rt_err_t (*)(void)) may be RT_NULL. One per source file, as in RT-Thread.
 */
#define UTEST_TC_EXPORT(testcase, name, init, cleanup, timeout)                          \
    RT_USED static const struct utest_tc_export _utest_testcase RT_SECTION("UtestTcTab") \
        __attribute__((aligned(sizeof(void *)))) = {name, timeout, init, testcase, cleanup}

/* Run one unit of a test case; stop the test case once any assert has failed. */
#define UTEST_UNIT_RUN(test_unit_func)               \
    utest_unit_run(test_unit_func, #test_unit_func); \
    if (utest_handle_get()->failed_num != 0)         \
        return;

void utest_unit_run(test_unit_func func, const char *unit_func_name);

/* State of the running test case. Thread context only. */
utest_t utest_handle_get(void);

/*
 * Run every test case whose name matches pattern (RT_NULL or "" = all; a prefix, or a prefix
 * followed by '*'), print RT-Thread's utest log and, last, "utest: N passed, N failed".
 * Usable without the shell (e.g. at boot). Returns the number of failed test cases, or
 * -RT_EBUSY if a run is already in progress. Thread context only.
 */
int utest_run_all(const char *pattern);

/*
 * rtlang extension: run one test case (it need not be in UtestTcTab) with the usual log lines.
 * Returns RT_TRUE if it passed. Thread context only; not while utest_run_all() runs.
 */
rt_bool_t utest_testcase_run_one(const struct utest_tc_export *tc);

/* Number of registered test cases. Any context. */
rt_size_t utest_tc_count(void);

#ifdef __cplusplus
}
#endif

#endif /* __UTEST_H__ */
