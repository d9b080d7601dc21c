/* Board test cases (utest "testcases.bsp.stm32f405"): pin names, EXTI interrupts, delays, libc. */
#include <rthw.h>
#include <rtthread.h>
#include <rtdevice.h>
#include <utest.h>
#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <stdio.h>
#include <stdlib.h>
#include "board.h"
#include "drv_gpio.h"

static void test_pin_names(void)
{
    uassert_int_equal(GET_PIN(A, 5), 5);
    uassert_int_equal(GET_PIN(C, 13), 45);
    uassert_int_equal(rt_pin_get("PA5"), GET_PIN(A, 5));
    uassert_int_equal(rt_pin_get("PC.13"), GET_PIN(C, 13));
    uassert_int_equal(rt_pin_get("pi15"), GET_PIN(I, 15));
    uassert_int_equal(rt_pin_get("PA0"), 0);
    uassert_true(rt_pin_get("PJ1") < 0);
    uassert_true(rt_pin_get("PA16") < 0);
    uassert_true(rt_pin_get("PA") < 0);
    uassert_true(rt_pin_get("P") < 0);
    uassert_true(rt_pin_get("") < 0);
    uassert_true(rt_pin_get("XA1") < 0);
    uassert_true(rt_pin_get("PA5x") < 0);
    uassert_true(rt_pin_get("PA.") < 0);
}

#define EXTI_IMR         REG32(0x40013C00u)
#define EXTI_RTSR        REG32(0x40013C08u)
#define EXTI_FTSR        REG32(0x40013C0Cu)
#define SYSCFG_EXTICR(i) REG32(0x40013808u + 4u * (i))
#define NVIC_ISER(i)     REG32(0xE000E100u + 4u * (i))

static void pin_irq_handler(void *args)
{
}

/* EXTI line `line` routed from port `port`, edges as given, unmasked in EXTI and NVIC. */
static rt_bool_t exti_routed(rt_uint32_t line, rt_uint32_t port, int rising, int falling,
                             rt_uint32_t irqn)
{
    rt_uint32_t bit = 1u << line;

    return ((SYSCFG_EXTICR(line / 4) >> (4 * (line % 4))) & 0xF) == port &&
           !!(EXTI_RTSR & bit) == rising && !!(EXTI_FTSR & bit) == falling &&
           (EXTI_IMR & bit) != 0 && (NVIC_ISER(irqn / 32) & (1u << (irqn % 32))) != 0;
}

/*
 * QEMU 7.2 models EXTI and SYSCFG but not GPIO (and EXTI_SWIER does not raise anything), so
 * no edge can reach the handler: check the API's answers and the routing registers instead.
 */
static void test_pin_irq(void)
{
    rt_base_t pa3 = GET_PIN(A, 3), pb3 = GET_PIN(B, 3), pc12 = GET_PIN(C, 12);

    uassert_int_equal(rt_pin_irq_enable(pa3, PIN_IRQ_ENABLE), -RT_ENOSYS); /* none attached */
    uassert_int_equal(rt_pin_attach_irq(pa3, PIN_IRQ_MODE_HIGH_LEVEL, pin_irq_handler, RT_NULL),
                      -RT_EINVAL); /* EXTI has no level mode */
    uassert_int_equal(rt_pin_attach_irq(pa3, PIN_IRQ_MODE_RISING, pin_irq_handler, RT_NULL),
                      RT_EOK);
    uassert_int_equal(rt_pin_attach_irq(pb3, PIN_IRQ_MODE_FALLING, pin_irq_handler, RT_NULL),
                      -RT_EBUSY); /* EXTI line 3 is taken by PA3 */
    uassert_int_equal(rt_pin_irq_enable(pa3, PIN_IRQ_ENABLE), RT_EOK);
    uassert_true(exti_routed(3, 0, 1, 0, 9));
    uassert_int_equal(rt_pin_irq_enable(pa3, PIN_IRQ_DISABLE), RT_EOK);
    uassert_true((EXTI_IMR & (1u << 3)) == 0);
    uassert_int_equal(rt_pin_detach_irq(pa3), RT_EOK);
    uassert_int_equal(rt_pin_attach_irq(pb3, PIN_IRQ_MODE_FALLING, pin_irq_handler, RT_NULL),
                      RT_EOK);
    uassert_int_equal(rt_pin_irq_enable(pb3, PIN_IRQ_ENABLE), RT_EOK);
    uassert_true(exti_routed(3, 1, 0, 1, 9));
    uassert_int_equal(rt_pin_detach_irq(pb3), RT_EOK);
    uassert_true((EXTI_IMR & (1u << 3)) == 0);
    uassert_int_equal(
        rt_pin_attach_irq(pc12, PIN_IRQ_MODE_RISING_FALLING, pin_irq_handler, RT_NULL), RT_EOK);
    uassert_int_equal(rt_pin_irq_enable(pc12, PIN_IRQ_ENABLE), RT_EOK);
    uassert_true(exti_routed(12, 2, 1, 1, 40)); /* EXTI15_10 */
    uassert_int_equal(rt_pin_detach_irq(pc12), RT_EOK);
}

static void test_us_delay(void)
{
    rt_tick_t t0;

    rt_thread_mdelay(1); /* start right after a tick */
    t0 = rt_tick_get();
    rt_hw_us_delay(20000);
    /*
     * At least the time asked for; the upper bound only catches a wrong clock constant, as a
     * busy host may stall QEMU's virtual CPU for a few milliseconds now and then.
     */
    uassert_in_range(rt_tick_get() - t0, 19, 60);
}

static void test_libc_heap(void)
{
    rt_size_t total, used0, used1, max;
    char *p;

    rt_memory_info(&total, &used0, &max);
    p = malloc(1000);
    uassert_not_null(p);
    rt_memory_info(&total, &used1, &max);
    uassert_true(used1 >= used0 + 1000); /* newlib's malloc is the kernel heap */
    p = realloc(p, 3000);
    uassert_not_null(p);
    free(p);
    p = calloc(10, 10);
    uassert_not_null(p);
    uassert_int_equal(p != RT_NULL ? p[99] : -1, 0);
    free(p);
    errno = 0;
    uassert_null(malloc(1024 * 1024));
}

static char s_cap[64];
static rt_size_t s_cap_len;
static rt_thread_t s_cap_thread;
static rt_ssize_t (*s_cap_saved)(rt_device_t, rt_off_t, const void *, rt_size_t);

/* Keep what the test thread writes; everybody else still reaches the UART. */
static rt_ssize_t capture_write(rt_device_t dev, rt_off_t pos, const void *buf, rt_size_t size)
{
    if (rt_thread_self() != s_cap_thread || rt_interrupt_get_nest() != 0) {
        return s_cap_saved(dev, pos, buf, size);
    }
    rt_size_t n = size < sizeof(s_cap) - 1 - s_cap_len ? size : sizeof(s_cap) - 1 - s_cap_len;

    rt_memcpy(s_cap + s_cap_len, buf, n);
    s_cap_len += n;
    s_cap[s_cap_len] = '\0';
    return (rt_ssize_t)size;
}

/* Swap the console device's write function (with interrupts off: ISRs may print). */
static void capture_hook(rt_device_t console, rt_bool_t on)
{
    rt_base_t level = rt_hw_interrupt_disable();
#ifdef RT_USING_DEVICE_OPS
    static struct rt_device_ops ops;
    static const struct rt_device_ops *saved_ops;

    if (on) {
        saved_ops = console->ops;
        ops = *saved_ops;
        s_cap_saved = ops.write;
        ops.write = capture_write;
        console->ops = &ops;
    } else {
        console->ops = saved_ops;
    }
#else
    if (on) {
        s_cap_saved = console->write;
        console->write = capture_write;
    } else {
        console->write = s_cap_saved;
    }
#endif
    rt_hw_interrupt_enable(level);
}

/* newlib's printf reaches the console device through _write (captured for a moment here). */
static void test_libc_stdio(void)
{
    rt_device_t console = rt_console_get_device();
    int n;

    uassert_not_null(console);
    if (console == RT_NULL) {
        return;
    }
    s_cap_len = 0;
    s_cap_thread = rt_thread_self();
    fflush(stdout);
    capture_hook(console, RT_TRUE);
    n = printf("newlib %d %s\n", 42, "ok");
    fflush(stdout);
    fprintf(stderr, "err\n");
    capture_hook(console, RT_FALSE);
    uassert_int_equal(n, 13);
    uassert_str_equal(s_cap, "newlib 42 ok\nerr\n");
}

#ifdef RT_USING_DFS
static void files_write_read(void)
{
    char line[32];
    struct stat st;
    FILE *f = fopen("/stdio.txt", "w");

    uassert_not_null(f);
    if (f == RT_NULL) {
        return;
    }
    uassert_int_equal(fprintf(f, "hello %d\nsecond\n", 42), 16);
    uassert_int_equal(fclose(f), 0);
    uassert_int_equal(stat("/stdio.txt", &st), 0);
    uassert_int_equal(st.st_size, 16);
    f = fopen("/stdio.txt", "r");
    uassert_not_null(f);
    if (f == RT_NULL) {
        return;
    }
    uassert_str_equal(fgets(line, sizeof(line), f), "hello 42\n");
    uassert_str_equal(fgets(line, sizeof(line), f), "second\n");
    uassert_null(fgets(line, sizeof(line), f));
    uassert_true(feof(f));
    uassert_int_equal(fclose(f), 0);
}

static void files_append_and_raw(void)
{
    char buf[4] = {0};
    struct stat st;
    FILE *f = fopen("/stdio.txt", "a");
    int fd;

    uassert_not_null(f);
    if (f == RT_NULL) {
        return;
    }
    uassert_true(fputs("third\n", f) >= 0);
    uassert_int_equal(fclose(f), 0);
    fd = open("/stdio.txt", O_RDONLY);
    uassert_true(fd >= 3); /* 0..2 are the console */
    uassert_int_equal(lseek(fd, 6, SEEK_SET), 6);
    uassert_int_equal(read(fd, buf, 2), 2);
    uassert_str_equal(buf, "42");
    uassert_int_equal(fstat(fd, &st), 0);
    uassert_int_equal(st.st_size, 22);
    uassert_int_equal(close(fd), 0);
    errno = 0;
    uassert_int_equal(close(fd), -1);
    uassert_int_equal(errno, EBADF);
}

static void files_rename_unlink_dirs(void)
{
    struct stat st;
    FILE *f;

    uassert_int_equal(rename("/stdio.txt", "/stdio2.txt"), 0);
    errno = 0;
    uassert_null(fopen("/stdio.txt", "r"));
    uassert_int_equal(errno, ENOENT);
    uassert_int_equal(unlink("/stdio2.txt"), 0);
    errno = 0;
    uassert_int_equal(stat("/stdio2.txt", &st), -1);
    uassert_int_equal(errno, ENOENT);
    uassert_int_equal(mkdir("/sdir", 0755), 0);
    errno = 0;
    uassert_int_equal(mkdir("/sdir", 0755), -1);
    uassert_int_equal(errno, EEXIST);
    f = fopen("/sdir/x.txt", "w");
    uassert_not_null(f);
    if (f != RT_NULL) {
        uassert_int_equal(fclose(f), 0);
    }
    uassert_int_equal(unlink("/sdir/x.txt"), 0);
    uassert_int_equal(rmdir("/sdir"), 0);
}

/* newlib's stdio and POSIX calls reach DFS (the RAM disk at "/"). */
static void test_libc_files(void)
{
    files_write_read();
    files_append_and_raw();
    files_rename_unlink_dirs();
}
#endif

static void bsp_testcase(void)
{
    UTEST_UNIT_RUN(test_pin_names);
    UTEST_UNIT_RUN(test_pin_irq);
    UTEST_UNIT_RUN(test_us_delay);
    UTEST_UNIT_RUN(test_libc_heap);
    UTEST_UNIT_RUN(test_libc_stdio);
#ifdef RT_USING_DFS
    UTEST_UNIT_RUN(test_libc_files);
#endif
}
UTEST_TC_EXPORT(bsp_testcase, "testcases.bsp.stm32f405", RT_NULL, RT_NULL, 10);
