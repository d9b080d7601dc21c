/* Kernel C library tests: rt_snprintf formats, truncation and return values; rt_str* and
 * rt_mem* helpers. */
#include "ktest.h"

/* Format into a large buffer and check both the text and the returned length. */
#define CHECK_FMT(expect_str, ...)                               \
    do {                                                         \
        char buf_[96];                                           \
        int ret_ = rt_snprintf(buf_, sizeof(buf_), __VA_ARGS__); \
        uassert_str_equal(buf_, expect_str);                     \
        uassert_int_equal(ret_, (int)rt_strlen(expect_str));     \
    } while (0)

static void test_fmt_integers(void)
{
    CHECK_FMT("0", "%d", 0);
    CHECK_FMT("42 -42", "%d %i", 42, -42);
    CHECK_FMT("2147483647", "%d", 2147483647);
    CHECK_FMT("-2147483648", "%d", (int)(-2147483647 - 1));
    CHECK_FMT("4294967295", "%u", 4294967295u);
    CHECK_FMT("4294967295", "%u", -1);
    CHECK_FMT("deadbeef", "%x", 0xdeadbeefu);
    CHECK_FMT("DEADBEEF", "%X", 0xdeadbeefu);
    CHECK_FMT("ffffffd6", "%x", -42);
    CHECK_FMT("0 0 0", "%x %o %u", 0, 0, 0u);
    CHECK_FMT("17 777", "%o %o", 15, 511);
    CHECK_FMT("%", "%%");
    CHECK_FMT("a%b", "a%%b");
    CHECK_FMT("A", "%c", 'A');
    CHECK_FMT("x=1,y=-2,z=ff", "x=%d,y=%d,z=%x", 1, -2, 255);
}

static void test_fmt_flags_width(void)
{
    CHECK_FMT("   42", "%5d", 42);
    CHECK_FMT("42   |", "%-5d|", 42);
    CHECK_FMT("00042", "%05d", 42);
    CHECK_FMT("-0042", "%05d", -42);
    CHECK_FMT("+42", "%+d", 42);
    CHECK_FMT("-42", "%+d", -42);
    CHECK_FMT(" 42", "% d", 42);
    CHECK_FMT("+42", "%+ d", 42); /* '+' wins over ' ' */
    CHECK_FMT("  +42", "%+5d", 42);
    CHECK_FMT("+42  |", "%-+5d|", 42);
    CHECK_FMT("42   |", "%-05d|", 42); /* '-' wins over '0' */
    CHECK_FMT("0x1f", "%#x", 31);
    CHECK_FMT("0X1F", "%#X", 31);
    CHECK_FMT("017", "%#o", 15);
    CHECK_FMT("0x001f", "%#06x", 31);
    CHECK_FMT("    0x1f", "%#8x", 31);
    CHECK_FMT("12345", "%3d", 12345); /* width is a minimum */
    CHECK_FMT("   42", "%*d", 5, 42);
    CHECK_FMT("42   |", "%*d|", -5, 42); /* negative '*' width = left-justify */
    CHECK_FMT("    A|A    |", "%5c|%-5c|", 'A', 'A');
}

static void test_fmt_precision(void)
{
    CHECK_FMT("042", "%.3d", 42);
    CHECK_FMT("-042", "%.3d", -42);
    CHECK_FMT("  042", "%5.3d", 42);
    CHECK_FMT("00ff", "%.4x", 255);
    CHECK_FMT("12345", "%.2d", 12345);
    CHECK_FMT("abc", "%.3s", "abcdef");
    CHECK_FMT("  abc|", "%5.3s|", "abcdef");
    CHECK_FMT("ab", "%.*s", 2, "abcdef");
    CHECK_FMT("hello", "%.10s", "hello");
    CHECK_FMT("  hi", "%4s", "hi");
    CHECK_FMT("hi  |", "%-4s|", "hi");
    CHECK_FMT("", "%s", "");
}

static void test_fmt_lengths(void)
{
    CHECK_FMT("-123456789", "%ld", -123456789L);
    CHECK_FMT("4294967295", "%lu", 4294967295UL);
    CHECK_FMT("7fffffff", "%lx", 0x7fffffffUL);
    CHECK_FMT("1099511627776", "%lld", 1LL << 40);
    CHECK_FMT("-9223372036854775808", "%lld", (long long)(-9223372036854775807LL - 1));
    CHECK_FMT("18446744073709551615", "%llu", 18446744073709551615ULL);
    CHECK_FMT("ffffffffffffffff", "%llx", 18446744073709551615ULL);
    CHECK_FMT("1", "%hd", 65537);
    CHECK_FMT("-1", "%hd", 0xffff);
    CHECK_FMT("65535", "%hu", 0xffff);
    CHECK_FMT("44", "%hhd", 300);
    CHECK_FMT("255", "%hhu", -1);
    CHECK_FMT("12", "%zu", (rt_size_t)12);
}

static void test_fmt_strings_pointers(void)
{
    char expect[40];
    char got[40];
    const char *digits;
    int i;

    CHECK_FMT("(NULL)", "%s", (char *)RT_NULL); /* RT-Thread prints (NULL) */
    /* %p: the pointer in hexadecimal (an optional 0x and zero padding aside) */
    rt_snprintf(expect, sizeof(expect), "%lx", (unsigned long)(rt_ubase_t)&got);
    rt_snprintf(got, sizeof(got), "%p", (void *)&got);
    digits = got;
    if (digits[0] == '0' && (digits[1] == 'x' || digits[1] == 'X'))
        digits += 2;
    while (digits[0] == '0' && digits[1] != '\0')
        digits++;
    uassert_str_equal(digits, expect);
    for (i = 0; got[i]; i++)
        if (got[i] >= 'A' && got[i] <= 'F')
            break;
    uassert_int_equal(got[i], '\0'); /* lower case */
}

static void test_fmt_truncation(void)
{
    char buf[16];

    rt_memset(buf, '#', sizeof(buf));
    uassert_int_equal(rt_snprintf(buf, 6, "%s", "hello world"), 11);
    uassert_str_equal(buf, "hello");
    uassert_int_equal(buf[6], '#'); /* nothing written past size */
    rt_memset(buf, '#', sizeof(buf));
    uassert_int_equal(rt_snprintf(buf, 1, "%d", 12345), 5);
    uassert_int_equal(buf[0], '\0');
    uassert_int_equal(buf[1], '#');
    rt_memset(buf, '#', sizeof(buf));
    uassert_int_equal(rt_snprintf(buf, 0, "abc%d", 7), 4);
    uassert_int_equal(buf[0], '#'); /* size 0 writes nothing */
    uassert_int_equal(rt_snprintf(RT_NULL, 0, "%05d", 1), 5);
    rt_memset(buf, '#', sizeof(buf));
    uassert_int_equal(rt_snprintf(buf, 4, "%5d", 42), 5);
    uassert_str_equal(buf, "   ");
    uassert_int_equal(rt_sprintf(buf, "%s-%d", "ab", 9), 4);
    uassert_str_equal(buf, "ab-9");
}

static int call_vsnprintf(char *buf, rt_size_t size, const char *fmt, ...)
{
    va_list ap;
    int n;

    va_start(ap, fmt);
    n = rt_vsnprintf(buf, size, fmt, ap);
    va_end(ap);
    return n;
}

static void test_fmt_vsnprintf(void)
{
    char buf[32];

    uassert_int_equal(call_vsnprintf(buf, sizeof(buf), "%s=%04x", "reg", 0xbeef), 8);
    uassert_str_equal(buf, "reg=beef");
    uassert_int_equal(call_vsnprintf(buf, 5, "%s=%04x", "reg", 0xbeef), 8);
    uassert_str_equal(buf, "reg=");
}

static int sign(int v)
{
    return (v > 0) - (v < 0);
}

static void test_string_helpers(void)
{
    char buf[16];
    char *dup;

    uassert_int_equal(rt_strlen(""), 0);
    uassert_int_equal(rt_strlen("kernel"), 6);
    uassert_int_equal(rt_strnlen("kernel", 3), 3);
    uassert_int_equal(rt_strnlen("ab", 10), 2);
    uassert_int_equal(rt_strcmp("abc", "abc"), 0);
    uassert_int_equal(sign(rt_strcmp("abc", "abd")), -1);
    uassert_int_equal(sign(rt_strcmp("abd", "abc")), 1);
    uassert_int_equal(sign(rt_strcmp("ab", "abc")), -1);
    uassert_int_equal(rt_strncmp("abcX", "abcY", 3), 0);
    uassert_int_equal(sign(rt_strncmp("abcX", "abcY", 4)), -1);
    uassert_int_equal(rt_strncmp("a", "b", 0), 0);
    uassert_int_equal(rt_strcasecmp("HeLLo", "hello"), 0);
    uassert_int_equal(sign(rt_strcasecmp("apple", "BANANA")), -1);
    uassert_true(rt_strcpy(buf, "copy") == buf);
    uassert_str_equal(buf, "copy");
    rt_memset(buf, 'x', sizeof(buf));
    uassert_true(rt_strncpy(buf, "ab", 5) == buf);
    uassert_buf_equal(buf, "ab\0\0\0x", 6); /* padded with NULs up to n */
    rt_memset(buf, 'x', sizeof(buf));
    rt_strncpy(buf, "abcdef", 3);
    uassert_buf_equal(buf, "abcx", 4); /* not terminated when src is longer */
    uassert_str_equal(rt_strstr("find the needle here", "needle"), "needle here");
    uassert_null(rt_strstr("haystack", "needle"));
    uassert_true(rt_strstr("abc", "") != RT_NULL);
    dup = rt_strdup("duplicate");
    uassert_not_null(dup);
    if (dup != RT_NULL) {
        uassert_str_equal(dup, "duplicate");
        rt_free(dup);
    }
}

static void test_memory_helpers(void)
{
    char buf[16];
    char ov[12] = "0123456789";

    uassert_true(rt_memset(buf, 'z', 8) == buf);
    uassert_buf_equal(buf, "zzzzzzzz", 8);
    uassert_true(rt_memcpy(buf, "abcdefgh", 8) == buf);
    uassert_buf_equal(buf, "abcdefgh", 8);
    uassert_int_equal(rt_memcmp("abc", "abc", 3), 0);
    uassert_int_equal(sign(rt_memcmp("abc", "abd", 3)), -1);
    uassert_int_equal(sign(rt_memcmp("\xff", "\x01", 1)), 1); /* bytes compare unsigned */
    uassert_int_equal(rt_memcmp("abc", "xyz", 0), 0);
    /* overlapping moves in both directions */
    rt_memmove(ov + 2, ov, 6);
    uassert_str_equal(ov, "0101234589");
    rt_memmove(ov, ov + 4, 6);
    uassert_str_equal(ov, "2345894589");
    uassert_int_equal(__rt_ffs(0), 0);
    uassert_int_equal(__rt_ffs(1), 1);
    uassert_int_equal(__rt_ffs(0x80), 8);
    uassert_int_equal(__rt_ffs(0x18), 4);
    uassert_int_equal(__rt_ffs((int)0x80000000u), 32);
}

static void testcase(void)
{
    UTEST_UNIT_RUN(test_fmt_integers);
    UTEST_UNIT_RUN(test_fmt_flags_width);
    UTEST_UNIT_RUN(test_fmt_precision);
    UTEST_UNIT_RUN(test_fmt_lengths);
    UTEST_UNIT_RUN(test_fmt_strings_pointers);
    UTEST_UNIT_RUN(test_fmt_truncation);
    UTEST_UNIT_RUN(test_fmt_vsnprintf);
    UTEST_UNIT_RUN(test_string_helpers);
    UTEST_UNIT_RUN(test_memory_helpers);
}
UTEST_TC_EXPORT(testcase, "testcases.kernel.klibc_tc", RT_NULL, RT_NULL, 30);
