/* rtlang kernel: interrupt nesting bookkeeping and errno. */
#include "kinternal.h"

static volatile rt_uint8_t irq_nest;
static rt_err_t irq_errno; /* errno outside of thread context */

#ifdef RT_USING_HOOK
static void (*irq_enter_hook)(void);
static void (*irq_leave_hook)(void);

/* Called on every interrupt entry, in interrupt context. */
void rt_interrupt_enter_sethook(void (*hook)(void))
{
    irq_enter_hook = hook;
}

/* Called on every interrupt exit, in interrupt context. */
void rt_interrupt_leave_sethook(void (*hook)(void))
{
    irq_leave_hook = hook;
}
#endif

void rt_interrupt_enter(void)
{
    rt_base_t level = rt_hw_interrupt_disable();

    irq_nest++;
    RT_OBJECT_HOOK_CALL(irq_enter_hook, ());
    rt_hw_interrupt_enable(level);
}

/* Does not switch: the port performs a switch requested with rt_hw_context_switch_interrupt()
 * when the outermost handler returns. */
void rt_interrupt_leave(void)
{
    rt_base_t level = rt_hw_interrupt_disable();

    RT_OBJECT_HOOK_CALL(irq_leave_hook, ());
    if (irq_nest > 0)
        irq_nest--;
    rt_hw_interrupt_enable(level);
}

rt_uint8_t rt_interrupt_get_nest(void)
{
    return irq_nest;
}

static rt_bool_t irq_thread_context(void)
{
    return irq_nest == 0 && rt_thread_self() != RT_NULL;
}

rt_err_t rt_get_errno(void)
{
    return irq_thread_context() ? rt_thread_self()->error : irq_errno;
}

void rt_set_errno(rt_err_t error)
{
    if (irq_thread_context())
        rt_thread_self()->error = error;
    else
        irq_errno = error;
}

/* Where rt_err_t is as wide as int the slot is `error` itself; on LP64 hosts it is an int
 * copy refreshed on each call (writes through the pointer are not seen by rt_get_errno). */
int *_rt_errno(void)
{
    static int fallback;
    rt_thread_t thread = rt_thread_self();

    if (!irq_thread_context()) {
        fallback = (int)irq_errno;
        return &fallback;
    }
    if (sizeof(rt_err_t) == sizeof(int))
        return (int *)&thread->error;
    thread->errno_value = (int)thread->error;
    return &thread->errno_value;
}
