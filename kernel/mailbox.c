/* rtlang kernel: mailboxes (fixed-size ring of rt_ubase_t mails). */
#include "kinternal.h"

#ifdef RT_USING_MAILBOX

/* A macro, so that a failed assertion names the API function that was called. */
#define mb_check(mb)                                                                  \
    do {                                                                              \
        RT_ASSERT(mb != RT_NULL);                                                     \
        RT_ASSERT(rt_object_get_type(&mb->parent.parent) == RT_Object_Class_MailBox); \
    } while (0)

static void mb_setup(rt_mailbox_t mb, void *msgpool, rt_size_t size, rt_uint8_t flag)
{
    rt_ipc_wait_init(&mb->parent.suspend_thread);
    rt_ipc_wait_init(&mb->suspend_sender_thread);
    mb->parent.parent.flag = flag;
    mb->msg_pool = (rt_ubase_t *)msgpool;
    mb->size = (rt_uint16_t)size;
    mb->entry = 0;
    mb->in_offset = 0;
    mb->out_offset = 0;
}

static rt_bool_t mb_args_valid(rt_size_t size, rt_uint8_t flag)
{
    return size > 0 && size <= RT_MB_ENTRY_MAX &&
           (flag == RT_IPC_FLAG_FIFO || flag == RT_IPC_FLAG_PRIO);
}

rt_err_t rt_mb_init(rt_mailbox_t mb, const char *name, void *msgpool, rt_size_t size,
                    rt_uint8_t flag)
{
    RT_ASSERT(mb != RT_NULL);
    if (msgpool == RT_NULL || !mb_args_valid(size, flag))
        return -RT_EINVAL;
    rt_object_init(&mb->parent.parent, RT_Object_Class_MailBox, name);
    mb_setup(mb, msgpool, size, flag);
    return RT_EOK;
}

static void mb_wake_everyone(rt_mailbox_t mb)
{
    rt_base_t level = rt_hw_interrupt_disable();

    rt_ipc_wake_all(&mb->parent.suspend_thread, -RT_ERROR);
    rt_ipc_wake_all(&mb->suspend_sender_thread, -RT_ERROR);
    rt_hw_interrupt_enable(level);
    rt_schedule();
}

rt_err_t rt_mb_detach(rt_mailbox_t mb)
{
    mb_check(mb);
    RT_ASSERT(rt_object_is_systemobject(&mb->parent.parent));
    mb_wake_everyone(mb);
    rt_object_detach(&mb->parent.parent);
    return RT_EOK;
}

#ifdef RT_USING_HEAP
rt_mailbox_t rt_mb_create(const char *name, rt_size_t size, rt_uint8_t flag)
{
    rt_mailbox_t mb;
    void *pool;

    RT_DEBUG_NOT_IN_INTERRUPT;
    if (!mb_args_valid(size, flag))
        return RT_NULL;
    mb = (rt_mailbox_t)rt_object_allocate(RT_Object_Class_MailBox, name);
    if (mb == RT_NULL)
        return RT_NULL;
    pool = RT_KERNEL_MALLOC(size * sizeof(rt_ubase_t));
    if (pool == RT_NULL) {
        rt_object_delete(&mb->parent.parent);
        return RT_NULL;
    }
    mb_setup(mb, pool, size, flag);
    return mb;
}

rt_err_t rt_mb_delete(rt_mailbox_t mb)
{
    RT_DEBUG_NOT_IN_INTERRUPT;
    mb_check(mb);
    RT_ASSERT(!rt_object_is_systemobject(&mb->parent.parent));
    mb_wake_everyone(mb);
    RT_KERNEL_FREE(mb->msg_pool);
    rt_object_delete(&mb->parent.parent);
    return RT_EOK;
}
#endif

/* Wait (interrupts disabled on entry and on RT_EOK exit) until `ready` holds. */
static rt_err_t mb_wait(rt_mailbox_t mb, rt_list_t *list, rt_bool_t (*ready)(rt_mailbox_t),
                        rt_int32_t timeout, int suspend_flag, rt_base_t *level,
                        rt_err_t when_no_wait)
{
    rt_tick_t start = rt_tick_get();

    while (!ready(mb)) {
        rt_err_t result;
        rt_int32_t left = rt_ipc_remaining(timeout, start);

        if (left == 0)
            return timeout == 0 ? when_no_wait : -RT_ETIMEOUT;
        RT_DEBUG_SCHEDULER_AVAILABLE(RT_TRUE);
        result = rt_ipc_block(list, mb->parent.parent.flag, left, suspend_flag, *level);
        *level = rt_hw_interrupt_disable();
        if (result != RT_EOK)
            return result;
    }
    return RT_EOK;
}

static rt_bool_t mb_has_room(rt_mailbox_t mb)
{
    return mb->entry < mb->size;
}

static rt_bool_t mb_has_mail(rt_mailbox_t mb)
{
    return mb->entry > 0;
}

/* Store a mail at the back (or front when urgent) and wake a receiver. */
static void mb_put(rt_mailbox_t mb, rt_ubase_t value, rt_bool_t urgent)
{
    if (urgent) {
        mb->out_offset = mb->out_offset == 0 ? mb->size - 1 : mb->out_offset - 1;
        mb->msg_pool[mb->out_offset] = value;
    } else {
        mb->msg_pool[mb->in_offset] = value;
        mb->in_offset = (rt_uint16_t)((mb->in_offset + 1) % mb->size);
    }
    mb->entry++;
    if (!rt_list_isempty(&mb->parent.suspend_thread))
        rt_ipc_wake_one(&mb->parent.suspend_thread, RT_EOK);
}

static rt_err_t mb_send(rt_mailbox_t mb, rt_ubase_t value, rt_int32_t timeout, int suspend_flag,
                        rt_bool_t urgent)
{
    rt_base_t level;
    rt_err_t result;

    mb_check(mb);
    RT_OBJECT_HOOK_CALL(rt_object_put_hook, (&mb->parent.parent));
    level = rt_hw_interrupt_disable();
    result = mb_wait(mb, &mb->suspend_sender_thread, mb_has_room, timeout, suspend_flag, &level,
                     -RT_EFULL);
    if (result == RT_EOK)
        mb_put(mb, value, urgent);
    rt_hw_interrupt_enable(level);
    if (result == RT_EOK)
        rt_schedule();
    return result;
}

rt_err_t rt_mb_send_wait(rt_mailbox_t mb, rt_ubase_t value, rt_int32_t timeout)
{
    return mb_send(mb, value, timeout, RT_UNINTERRUPTIBLE, RT_FALSE);
}

rt_err_t rt_mb_send_wait_interruptible(rt_mailbox_t mb, rt_ubase_t value, rt_int32_t timeout)
{
    return mb_send(mb, value, timeout, RT_INTERRUPTIBLE, RT_FALSE);
}

rt_err_t rt_mb_send_wait_killable(rt_mailbox_t mb, rt_ubase_t value, rt_int32_t timeout)
{
    return mb_send(mb, value, timeout, RT_KILLABLE, RT_FALSE);
}

rt_err_t rt_mb_send(rt_mailbox_t mb, rt_ubase_t value)
{
    return mb_send(mb, value, RT_WAITING_NO, RT_UNINTERRUPTIBLE, RT_FALSE);
}

rt_err_t rt_mb_urgent(rt_mailbox_t mb, rt_ubase_t value)
{
    return mb_send(mb, value, RT_WAITING_NO, RT_UNINTERRUPTIBLE, RT_TRUE);
}

static rt_err_t mb_recv(rt_mailbox_t mb, rt_ubase_t *value, rt_int32_t timeout, int suspend_flag)
{
    rt_base_t level;
    rt_err_t result;

    mb_check(mb);
    RT_OBJECT_HOOK_CALL(rt_object_trytake_hook, (&mb->parent.parent));
    level = rt_hw_interrupt_disable();
    result = mb_wait(mb, &mb->parent.suspend_thread, mb_has_mail, timeout, suspend_flag, &level,
                     -RT_ETIMEOUT);
    if (result == RT_EOK) {
        if (value != RT_NULL)
            *value = mb->msg_pool[mb->out_offset];
        mb->out_offset = (rt_uint16_t)((mb->out_offset + 1) % mb->size);
        mb->entry--;
        if (!rt_list_isempty(&mb->suspend_sender_thread))
            rt_ipc_wake_one(&mb->suspend_sender_thread, RT_EOK);
    }
    rt_hw_interrupt_enable(level);
    if (result == RT_EOK) {
        RT_OBJECT_HOOK_CALL(rt_object_take_hook, (&mb->parent.parent));
        rt_schedule();
    }
    return result;
}

rt_err_t rt_mb_recv(rt_mailbox_t mb, rt_ubase_t *value, rt_int32_t timeout)
{
    return mb_recv(mb, value, timeout, RT_UNINTERRUPTIBLE);
}

rt_err_t rt_mb_recv_interruptible(rt_mailbox_t mb, rt_ubase_t *value, rt_int32_t timeout)
{
    return mb_recv(mb, value, timeout, RT_INTERRUPTIBLE);
}

rt_err_t rt_mb_recv_killable(rt_mailbox_t mb, rt_ubase_t *value, rt_int32_t timeout)
{
    return mb_recv(mb, value, timeout, RT_KILLABLE);
}

rt_err_t rt_mb_control(rt_mailbox_t mb, int cmd, void *arg)
{
    rt_base_t level;

    RT_UNUSED(arg);
    mb_check(mb);
    if (cmd != RT_IPC_CMD_RESET)
        return -RT_ERROR;
    level = rt_hw_interrupt_disable();
    rt_ipc_wake_all(&mb->parent.suspend_thread, -RT_ERROR);
    rt_ipc_wake_all(&mb->suspend_sender_thread, -RT_ERROR);
    mb->entry = 0;
    mb->in_offset = 0;
    mb->out_offset = 0;
    rt_hw_interrupt_enable(level);
    rt_schedule();
    return RT_EOK;
}

#endif /* RT_USING_MAILBOX */
