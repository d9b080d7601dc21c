/* rtlang kernel: RT-Thread 5's atomic operations on rt_atomic_t (GCC __atomic builtins,
 * sequentially consistent). Read-modify-write operations return the previous value. All of
 * them may be called from any context, ISRs included. */
#ifndef RT_ATOMIC_H__
#define RT_ATOMIC_H__

#include <rtdef.h>

rt_inline rt_atomic_t rt_atomic_load(volatile rt_atomic_t *ptr)
{
    return __atomic_load_n(ptr, __ATOMIC_SEQ_CST);
}

rt_inline void rt_atomic_store(volatile rt_atomic_t *ptr, rt_atomic_t val)
{
    __atomic_store_n(ptr, val, __ATOMIC_SEQ_CST);
}

rt_inline rt_atomic_t rt_atomic_add(volatile rt_atomic_t *ptr, rt_atomic_t val)
{
    return __atomic_fetch_add(ptr, val, __ATOMIC_SEQ_CST);
}

rt_inline rt_atomic_t rt_atomic_sub(volatile rt_atomic_t *ptr, rt_atomic_t val)
{
    return __atomic_fetch_sub(ptr, val, __ATOMIC_SEQ_CST);
}

rt_inline rt_atomic_t rt_atomic_and(volatile rt_atomic_t *ptr, rt_atomic_t val)
{
    return __atomic_fetch_and(ptr, val, __ATOMIC_SEQ_CST);
}

rt_inline rt_atomic_t rt_atomic_or(volatile rt_atomic_t *ptr, rt_atomic_t val)
{
    return __atomic_fetch_or(ptr, val, __ATOMIC_SEQ_CST);
}

rt_inline rt_atomic_t rt_atomic_xor(volatile rt_atomic_t *ptr, rt_atomic_t val)
{
    return __atomic_fetch_xor(ptr, val, __ATOMIC_SEQ_CST);
}

rt_inline rt_atomic_t rt_atomic_exchange(volatile rt_atomic_t *ptr, rt_atomic_t val)
{
    return __atomic_exchange_n(ptr, val, __ATOMIC_SEQ_CST);
}

/* Set *ptr to 1; returns its previous value (0: the flag was clear). */
rt_inline rt_atomic_t rt_atomic_flag_test_and_set(volatile rt_atomic_t *ptr)
{
    return __atomic_exchange_n(ptr, 1, __ATOMIC_SEQ_CST);
}

rt_inline void rt_atomic_flag_clear(volatile rt_atomic_t *ptr)
{
    __atomic_store_n(ptr, 0, __ATOMIC_SEQ_CST);
}

/* If *ptr1 == *ptr2 store desired in *ptr1 and return 1; else copy *ptr1 to *ptr2, return 0. */
rt_inline rt_atomic_t rt_atomic_compare_exchange_strong(volatile rt_atomic_t *ptr1,
                                                        rt_atomic_t *ptr2, rt_atomic_t desired)
{
    return __atomic_compare_exchange_n(ptr1, ptr2, desired, 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
}

#endif /* RT_ATOMIC_H__ */
