/* utest assertions: RT-Thread's uassert_* family, reporting the compared values on failure. */
#ifndef __UTEST_ASSERT_H__
#define __UTEST_ASSERT_H__

#include <rtthread.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Comparison selectors for utest_assert_int(). */
enum utest_cmp {
    UTEST_CMP_EQ,
    UTEST_CMP_NE,
    UTEST_CMP_LT,
    UTEST_CMP_LE,
    UTEST_CMP_GT,
    UTEST_CMP_GE,
};

/*
 * Assertion back ends. Each records a pass or a failure in the running test case; a failure
 * prints "[  ASSERT  ] [ unit     ] at (func); line number: (n); file: (f); msg: (...)".
 * They return RT_TRUE when the assertion held. Thread context only.
 */
rt_bool_t utest_assert(int value, const char *file, int line, const char *func, const char *msg);
rt_bool_t utest_assert_int(long long a, long long b, enum utest_cmp cmp, const char *file, int line,
                           const char *func, const char *expr);
rt_bool_t utest_assert_range(long long v, long long min, long long max, rt_bool_t inside,
                             const char *file, int line, const char *func, const char *expr);
rt_bool_t utest_assert_ptr(const void *p, rt_bool_t want_null, const char *file, int line,
                           const char *func, const char *expr);
rt_bool_t utest_assert_string(const char *a, const char *b, rt_bool_t equal, const char *file,
                              int line, const char *func, const char *msg);
rt_bool_t utest_assert_buf(const char *a, const char *b, rt_size_t sz, rt_bool_t equal,
                           const char *file, int line, const char *func, const char *msg);

/*
 * Any integer, enum, bool or pointer operand as long long, without a pointer-to-integer size
 * warning on 32-bit targets (the pointer branch goes through intptr_t; the other branch is
 * not compiled for pointers).
 */
#define __utest_ll(x) \
    ((long long)__builtin_choose_expr(__builtin_classify_type(x) == 5, (intptr_t)(x), (x)))

#define __utest_assert(value, msg) utest_assert(!!(value), __FILE__, __LINE__, __func__, msg)
#define __uassert_int(a, b, cmp, expr) \
    utest_assert_int(__utest_ll(a), __utest_ll(b), cmp, __FILE__, __LINE__, __func__, expr)

#define uassert_true(value)  __utest_assert(value, "(" #value ") is false")
#define uassert_false(value) __utest_assert(!(value), "(" #value ") is true")
#define uassert_null(value) \
    utest_assert_ptr((const void *)(value), RT_TRUE, __FILE__, __LINE__, __func__, #value)
#define uassert_not_null(value) \
    utest_assert_ptr((const void *)(value), RT_FALSE, __FILE__, __LINE__, __func__, #value)

#define uassert_int_equal(a, b)           __uassert_int(a, b, UTEST_CMP_EQ, #a " == " #b)
#define uassert_int_not_equal(a, b)       __uassert_int(a, b, UTEST_CMP_NE, #a " != " #b)

#define uassert_value_less(a, b)          __uassert_int(a, b, UTEST_CMP_LT, #a " < " #b)
#define uassert_value_less_equal(a, b)    __uassert_int(a, b, UTEST_CMP_LE, #a " <= " #b)
#define uassert_value_greater(a, b)       __uassert_int(a, b, UTEST_CMP_GT, #a " > " #b)
#define uassert_value_greater_equal(a, b) __uassert_int(a, b, UTEST_CMP_GE, #a " >= " #b)

#define uassert_str_equal(a, b)                                                            \
    utest_assert_string((const char *)(a), (const char *)(b), RT_TRUE, __FILE__, __LINE__, \
                        __func__, #a " == " #b)
#define uassert_str_not_equal(a, b)                                                         \
    utest_assert_string((const char *)(a), (const char *)(b), RT_FALSE, __FILE__, __LINE__, \
                        __func__, #a " != " #b)

#define uassert_buf_equal(a, b, sz)                                                           \
    utest_assert_buf((const char *)(a), (const char *)(b), (sz), RT_TRUE, __FILE__, __LINE__, \
                     __func__, #a " == " #b)
#define uassert_buf_not_equal(a, b, sz)                                                        \
    utest_assert_buf((const char *)(a), (const char *)(b), (sz), RT_FALSE, __FILE__, __LINE__, \
                     __func__, #a " != " #b)

#define uassert_in_range(value, min, max)                                                      \
    utest_assert_range(__utest_ll(value), __utest_ll(min), __utest_ll(max), RT_TRUE, __FILE__, \
                       __LINE__, __func__, #value)
#define uassert_not_in_range(value, min, max)                                                   \
    utest_assert_range(__utest_ll(value), __utest_ll(min), __utest_ll(max), RT_FALSE, __FILE__, \
                       __LINE__, __func__, #value)

#ifdef __cplusplus
}
#endif

#endif /* __UTEST_ASSERT_H__ */
