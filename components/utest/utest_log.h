/* utest logging: RT-Thread's LOG_x macros and the utest log level. */
#ifndef __UTEST_LOG_H__
#define __UTEST_LOG_H__

#include <rtthread.h>

#ifdef __cplusplus
extern "C" {
#endif

/* utest_log_lv_set() levels: UTEST_LOG_ALL also prints one line per passed assert. */
#define UTEST_LOG_ALL    (1u)
#define UTEST_LOG_ASSERT (2u)

void utest_log_lv_set(rt_uint8_t lv);

/*
 * Test code may also include rtdbg.h; only define what is still missing so that both
 * orders of inclusion work. Lines look like RT-Thread's: "[I/utest] message".
 */
#ifndef UTEST_LOG_TAG
#define UTEST_LOG_TAG "utest"
#endif
#define UTEST_LOG_LINE(lvl, fmt, ...) \
    rt_kprintf("[" lvl "/" UTEST_LOG_TAG "] " fmt "\n", ##__VA_ARGS__)

#ifndef LOG_E
#define LOG_E(fmt, ...) UTEST_LOG_LINE("E", fmt, ##__VA_ARGS__)
#endif
#ifndef LOG_W
#define LOG_W(fmt, ...) UTEST_LOG_LINE("W", fmt, ##__VA_ARGS__)
#endif
#ifndef LOG_I
#define LOG_I(fmt, ...) UTEST_LOG_LINE("I", fmt, ##__VA_ARGS__)
#endif
#ifndef LOG_D
#define LOG_D(fmt, ...) UTEST_LOG_LINE("D", fmt, ##__VA_ARGS__)
#endif
#ifndef LOG_RAW
#define LOG_RAW(...) rt_kprintf(__VA_ARGS__)
#endif

#ifdef __cplusplus
}
#endif

#endif /* __UTEST_LOG_H__ */
