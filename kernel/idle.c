/* rtlang kernel: the idle thread (idle hooks, freeing closed threads). */
#include "kinternal.h"

#define IDLE_THREAD_NAME "tidle0"

static struct rt_thread idle_thread;
static rt_uint8_t idle_stack[IDLE_THREAD_STACK_SIZE] __attribute__((aligned(RT_ALIGN_SIZE)));
static rt_list_t idle_defunct = RT_LIST_OBJECT_INIT(idle_defunct);

#if defined(RT_USING_HOOK) || defined(RT_USING_IDLE_HOOK)
static void (*idle_hooks[RT_IDLE_HOOK_LIST_SIZE])(void);

rt_err_t rt_thread_idle_sethook(void (*hook)(void))
{
    rt_base_t level = rt_hw_interrupt_disable();
    rt_err_t result = -RT_EFULL;
    int i;

    for (i = 0; i < RT_IDLE_HOOK_LIST_SIZE; i++) {
        if (idle_hooks[i] == RT_NULL) {
            idle_hooks[i] = hook;
            result = RT_EOK;
            break;
        }
    }
    rt_hw_interrupt_enable(level);
    return result;
}

rt_err_t rt_thread_idle_delhook(void (*hook)(void))
{
    rt_base_t level = rt_hw_interrupt_disable();
    rt_err_t result = -RT_ENOSYS;
    int i;

    for (i = 0; i < RT_IDLE_HOOK_LIST_SIZE; i++) {
        if (idle_hooks[i] == hook) {
            idle_hooks[i] = RT_NULL;
            result = RT_EOK;
            break;
        }
    }
    rt_hw_interrupt_enable(level);
    return result;
}

static void idle_run_hooks(void)
{
    int i;

    for (i = 0; i < RT_IDLE_HOOK_LIST_SIZE; i++) {
        void (*hook)(void) = idle_hooks[i];

        if (hook != RT_NULL)
            hook();
    }
}
#else
static void idle_run_hooks(void)
{
}
#endif

void rt_thread_defunct_enqueue(rt_thread_t thread)
{
    rt_base_t level = rt_hw_interrupt_disable();

    rt_list_insert_before(&idle_defunct, &thread->tlist);
    rt_hw_interrupt_enable(level);
}

rt_thread_t rt_thread_defunct_dequeue(void)
{
    rt_base_t level = rt_hw_interrupt_disable();
    rt_thread_t thread = RT_NULL;

    if (!rt_list_isempty(&idle_defunct)) {
        thread = rt_list_entry(idle_defunct.next, struct rt_thread, tlist);
        rt_list_remove(&thread->tlist);
    }
    rt_hw_interrupt_enable(level);
    return thread;
}

/* Run cleanup callbacks and free created threads. A static thread was already detached from
 * its container when it closed (its type is Null now); only its cleanup is left to run. */
static void idle_free_defunct(void)
{
    rt_thread_t thread;

    while ((thread = rt_thread_defunct_dequeue()) != RT_NULL) {
        rt_bool_t is_dynamic = thread->parent.type == RT_Object_Class_Thread;

        if (thread->cleanup != RT_NULL)
            thread->cleanup(thread);
#ifdef RT_USING_HEAP
        if (is_dynamic) {
            RT_KERNEL_FREE(thread->stack_addr);
            rt_object_delete(&thread->parent);
        }
#else
        RT_UNUSED(is_dynamic);
#endif
    }
}

static void idle_entry(void *parameter)
{
    RT_UNUSED(parameter);
    for (;;) {
        idle_run_hooks();
        idle_free_defunct();
    }
}

void rt_thread_idle_init(void)
{
    rt_thread_init(&idle_thread, IDLE_THREAD_NAME, idle_entry, RT_NULL, idle_stack,
                   sizeof(idle_stack), RT_THREAD_PRIORITY_MAX - 1, 32);
    rt_thread_startup(&idle_thread);
}

rt_thread_t rt_thread_idle_gethandler(void)
{
    return &idle_thread;
}
