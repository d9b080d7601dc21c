/* rtlang kernel: string/memory helpers, assertions, context checks, version banner. */
#include "kinternal.h"

void *rt_memset(void *s, int c, rt_ubase_t count)
{
    rt_uint8_t *p = (rt_uint8_t *)s;

    while (count--)
        *p++ = (rt_uint8_t)c;
    return s;
}

void *rt_memcpy(void *dst, const void *src, rt_ubase_t count)
{
    rt_uint8_t *d = (rt_uint8_t *)dst;
    const rt_uint8_t *s = (const rt_uint8_t *)src;

    while (count--)
        *d++ = *s++;
    return dst;
}

void *rt_memmove(void *dest, const void *src, rt_size_t n)
{
    rt_uint8_t *d = (rt_uint8_t *)dest;
    const rt_uint8_t *s = (const rt_uint8_t *)src;

    if (d <= s || d >= s + n)
        return rt_memcpy(dest, src, n);
    while (n--)
        d[n] = s[n]; /* overlapping with dest above src: copy backwards */
    return dest;
}

rt_int32_t rt_memcmp(const void *cs, const void *ct, rt_size_t count)
{
    const rt_uint8_t *a = (const rt_uint8_t *)cs;
    const rt_uint8_t *b = (const rt_uint8_t *)ct;

    for (; count > 0; count--, a++, b++) {
        if (*a != *b)
            return (rt_int32_t)*a - (rt_int32_t)*b;
    }
    return 0;
}

rt_size_t rt_strlen(const char *s)
{
    const char *p = s;

    while (*p)
        p++;
    return (rt_size_t)(p - s);
}

rt_size_t rt_strnlen(const char *s, rt_ubase_t maxlen)
{
    rt_size_t n = 0;

    while (n < maxlen && s[n])
        n++;
    return n;
}

rt_int32_t rt_strcmp(const char *cs, const char *ct)
{
    while (*cs && *cs == *ct) {
        cs++;
        ct++;
    }
    return (rt_int32_t)(rt_uint8_t)*cs - (rt_int32_t)(rt_uint8_t)*ct;
}

rt_int32_t rt_strncmp(const char *cs, const char *ct, rt_size_t count)
{
    for (; count > 0; count--, cs++, ct++) {
        if (*cs != *ct || *cs == '\0')
            return (rt_int32_t)(rt_uint8_t)*cs - (rt_int32_t)(rt_uint8_t)*ct;
    }
    return 0;
}

static int kservice_lower(int c)
{
    return (c >= 'A' && c <= 'Z') ? c + ('a' - 'A') : c;
}

rt_int32_t rt_strcasecmp(const char *a, const char *b)
{
    int ca, cb;

    do {
        ca = kservice_lower((rt_uint8_t)*a++);
        cb = kservice_lower((rt_uint8_t)*b++);
    } while (ca == cb && ca != '\0');
    return ca - cb;
}

char *rt_strcpy(char *dst, const char *src)
{
    char *d = dst;

    while ((*d++ = *src++) != '\0') {
    }
    return dst;
}

/* As strncpy: copies at most n bytes and pads with NULs (no terminator if src is longer). */
char *rt_strncpy(char *dst, const char *src, rt_size_t n)
{
    rt_size_t i = 0;

    for (; i < n && src[i] != '\0'; i++)
        dst[i] = src[i];
    for (; i < n; i++)
        dst[i] = '\0';
    return dst;
}

char *rt_strstr(const char *s1, const char *s2)
{
    rt_size_t l2 = rt_strlen(s2);

    if (l2 == 0)
        return (char *)s1;
    for (; *s1; s1++) {
        if (*s1 == *s2 && rt_strncmp(s1, s2, l2) == 0)
            return (char *)s1;
    }
    return RT_NULL;
}

#ifdef RT_USING_HEAP
char *rt_strdup(const char *s)
{
    rt_size_t len = rt_strlen(s) + 1;
    char *copy = (char *)rt_malloc(len);

    if (copy != RT_NULL)
        rt_memcpy(copy, s, len);
    return copy;
}
#endif

const char *rt_strerror(rt_err_t error)
{
    static const char *const names[] = {
        "OK",  "ERROR",   "ETIMOUT", "ERSFULL", "ERSEPTY", "ENOMEM", "ENOSYS", "EBUSY",
        "EIO", "EINTRPT", "EINVAL",  "ENOENT",  "ENOSPC",  "EPERM",  "ETRAP",
    };

    if (error < 0)
        error = -error;
    return error < (rt_err_t)RT_ARRAY_SIZE(names) ? names[error] : "EUNKNOW";
}

void rt_show_version(void)
{
    rt_kprintf("\n \\ | /\n");
    rt_kprintf("- RT -     Thread Operating System\n");
    rt_kprintf(" / | \\     %d.%d.%d build %s %s\n", RT_VERSION_MAJOR, RT_VERSION_MINOR,
               RT_VERSION_PATCH, __DATE__, __TIME__);
    rt_kprintf(" rtlang kernel: RT-Thread 5.x compatible API, written from scratch\n");
}

/* Stop everything after a fatal error; the port decides what halting means. */
void rt_kernel_halt(void)
{
    rt_hw_interrupt_disable();
    rt_hw_cpu_shutdown();
    for (;;) {
    }
}

static void (*kservice_assert_hook)(const char *ex, const char *func, rt_size_t line);

void rt_assert_set_hook(void (*hook)(const char *ex, const char *func, rt_size_t line))
{
    kservice_assert_hook = hook;
}

void rt_assert_handler(const char *ex, const char *func, rt_size_t line)
{
    if (kservice_assert_hook != RT_NULL) {
        kservice_assert_hook(ex, func, line);
        return;
    }
    rt_kernel_report("(%s) assertion failed at function:%s, line number:%d \n", ex, func,
                     (int)line);
    rt_kernel_halt();
}

void rt_debug_not_in_interrupt(const char *func)
{
    if (rt_interrupt_get_nest() != 0) {
        rt_kernel_report("Function[%s] shall not be used in ISR\n", func);
        RT_ASSERT(0);
    }
}

void rt_debug_in_thread_context(const char *func)
{
    if (rt_thread_self() == RT_NULL) {
        rt_kernel_report("Function[%s] shall not be used before scheduler start\n", func);
        RT_ASSERT(0);
    }
    rt_debug_not_in_interrupt(func);
}

/* Blocking needs a thread, no ISR, and an unlocked scheduler. */
void rt_debug_scheduler_available(const char *func, rt_bool_t need_check)
{
    if (!need_check)
        return;
    if (rt_critical_level() != 0) {
        rt_kernel_report("Function[%s]: scheduler is not available\n", func);
        RT_ASSERT(0);
    }
    rt_debug_in_thread_context(func);
}
