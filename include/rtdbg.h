/* rtlang kernel: RT-Thread's lightweight debug log macros (LOG_E/W/I/D, LOG_RAW, LOG_HEX).
 *
 * Before including, a file may define DBG_TAG (default "DBG") and DBG_LVL (DBG_ERROR,
 * DBG_WARNING (default), DBG_INFO or DBG_LOG). Lines look like "[E/tag] message"; with
 * DBG_COLOR defined they are coloured with ANSI escapes. Legacy names DBG_SECTION_NAME,
 * DBG_LEVEL and DBG_ENABLE are accepted. */
#ifndef RT_DBG_H__
#define RT_DBG_H__

#include <rtthread.h>

#define DBG_ERROR   0
#define DBG_WARNING 1
#define DBG_INFO    2
#define DBG_LOG     3

#if !defined(DBG_TAG) && defined(DBG_SECTION_NAME)
#define DBG_TAG DBG_SECTION_NAME
#endif
#ifndef DBG_TAG
#define DBG_TAG "DBG"
#endif
#if !defined(DBG_LVL) && defined(DBG_LEVEL)
#define DBG_LVL DBG_LEVEL
#endif
#ifndef DBG_LVL
#define DBG_LVL DBG_WARNING
#endif

#ifdef DBG_COLOR
#define _DBG_COLOR(n) rt_kprintf("\033[" #n "m")
#define _DBG_END()    rt_kprintf("\033[0m\n")
#else
#define _DBG_COLOR(n)
#define _DBG_END() rt_kprintf("\n")
#endif

#define dbg_log_line(lvl, color_n, fmt, ...)  \
    do {                                      \
        _DBG_COLOR(color_n);                  \
        rt_kprintf("[" lvl "/" DBG_TAG "] "); \
        rt_kprintf(fmt, ##__VA_ARGS__);       \
        _DBG_END();                           \
    } while (0)

#define dbg_raw(...) rt_kprintf(__VA_ARGS__)

/* Print `width` bytes per line of buf[size] as hex and ASCII, prefixed with the tag. */
rt_inline void rt_dbg_hexdump(const char *name, rt_size_t width, const void *buf, rt_size_t size)
{
    const rt_uint8_t *p = (const rt_uint8_t *)buf;
    rt_size_t i, j;

    for (i = 0; i < size; i += width) {
        rt_kprintf("[D/HEX] %s: %04lX-%04lX: ", name, (unsigned long)i,
                   (unsigned long)(i + width - 1));
        for (j = 0; j < width; j++) {
            if (i + j < size)
                rt_kprintf("%02X ", p[i + j]);
            else
                rt_kprintf("   ");
        }
        rt_kprintf(" ");
        for (j = 0; j < width && i + j < size; j++)
            rt_kprintf("%c", (p[i + j] >= 0x20 && p[i + j] < 0x7f) ? p[i + j] : '.');
        rt_kprintf("\n");
    }
}

/* utest_log.h defines fallbacks of the same names: ours win. */
#undef LOG_E
#undef LOG_W
#undef LOG_I
#undef LOG_D
#undef LOG_RAW
#undef LOG_HEX

#if DBG_LVL >= DBG_LOG
#define LOG_D(fmt, ...) dbg_log_line("D", 0, fmt, ##__VA_ARGS__)
#else
#define LOG_D(...)
#endif
#if DBG_LVL >= DBG_INFO
#define LOG_I(fmt, ...) dbg_log_line("I", 32, fmt, ##__VA_ARGS__)
#else
#define LOG_I(...)
#endif
#if DBG_LVL >= DBG_WARNING
#define LOG_W(fmt, ...) dbg_log_line("W", 33, fmt, ##__VA_ARGS__)
#else
#define LOG_W(...)
#endif
#if DBG_LVL >= DBG_ERROR
#define LOG_E(fmt, ...) dbg_log_line("E", 31, fmt, ##__VA_ARGS__)
#else
#define LOG_E(...)
#endif
#define LOG_RAW(...)                    dbg_raw(__VA_ARGS__)
#define LOG_HEX(name, width, buf, size) rt_dbg_hexdump(name, width, buf, size)

#define dbg_here                        LOG_D("Here %s:%d", __func__, __LINE__)
#define dbg_enter                       LOG_D("Enter %s", __func__)
#define dbg_exit                        LOG_D("Exit %s:%d", __func__, __LINE__)
#define dbg_log(level, ...)          \
    do {                             \
        if ((level) <= DBG_LVL)      \
            rt_kprintf(__VA_ARGS__); \
    } while (0)

#endif /* RT_DBG_H__ */
