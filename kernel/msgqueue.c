/* rtlang kernel: message queues (fixed-size slots, FIFO with urgent messages first). */
#include "kinternal.h"

#ifdef RT_USING_MESSAGEQUEUE

/* Header of each slot in the pool; the message bytes follow it. */
struct mq_msg {
    struct mq_msg *next;
    rt_ssize_t length;
};

/* A macro, so that a failed assertion names the API function that was called. */
#define mq_check(mq)                                                                       \
    do {                                                                                   \
        RT_ASSERT(mq != RT_NULL);                                                          \
        RT_ASSERT(rt_object_get_type(&mq->parent.parent) == RT_Object_Class_MessageQueue); \
    } while (0)

static rt_size_t mq_slot_size(rt_size_t msg_size)
{
    return RT_ALIGN(msg_size, RT_ALIGN_SIZE) + sizeof(struct mq_msg);
}

/* Lay out the free list over the pool. */
static void mq_setup(rt_mq_t mq, void *msgpool, rt_size_t msg_size, rt_size_t max_msgs,
                     rt_uint8_t flag)
{
    rt_size_t slot = mq_slot_size(msg_size);
    rt_size_t i;

    rt_ipc_wait_init(&mq->parent.suspend_thread);
    rt_ipc_wait_init(&mq->suspend_sender_thread);
    mq->parent.parent.flag = flag;
    mq->msg_pool = msgpool;
    mq->msg_size = (rt_uint16_t)RT_ALIGN(msg_size, RT_ALIGN_SIZE);
    mq->max_msgs = (rt_uint16_t)max_msgs;
    mq->entry = 0;
    mq->msg_queue_head = RT_NULL;
    mq->msg_queue_tail = RT_NULL;
    mq->msg_queue_free = RT_NULL;
    for (i = max_msgs; i > 0; i--) {
        struct mq_msg *msg = (struct mq_msg *)((rt_uint8_t *)msgpool + (i - 1) * slot);

        msg->next = (struct mq_msg *)mq->msg_queue_free;
        mq->msg_queue_free = msg;
    }
}

static rt_bool_t mq_args_valid(rt_size_t msg_size, rt_size_t max_msgs, rt_uint8_t flag)
{
    return msg_size > 0 && RT_ALIGN(msg_size, RT_ALIGN_SIZE) <= RT_UINT16_MAX && max_msgs > 0 &&
           (flag == RT_IPC_FLAG_FIFO || flag == RT_IPC_FLAG_PRIO);
}

rt_err_t rt_mq_init(rt_mq_t mq, const char *name, void *msgpool, rt_size_t msg_size,
                    rt_size_t pool_size, rt_uint8_t flag)
{
    rt_size_t max_msgs;

    RT_ASSERT(mq != RT_NULL);
    if (msgpool == RT_NULL || msg_size == 0)
        return -RT_EINVAL;
    max_msgs = pool_size / mq_slot_size(msg_size);
    if (max_msgs > RT_MQ_ENTRY_MAX)
        max_msgs = RT_MQ_ENTRY_MAX;
    if (!mq_args_valid(msg_size, max_msgs, flag))
        return -RT_EINVAL;
    rt_object_init(&mq->parent.parent, RT_Object_Class_MessageQueue, name);
    mq_setup(mq, msgpool, msg_size, max_msgs, flag);
    return RT_EOK;
}

static void mq_wake_everyone(rt_mq_t mq)
{
    rt_base_t level = rt_hw_interrupt_disable();

    rt_ipc_wake_all(&mq->parent.suspend_thread, -RT_ERROR);
    rt_ipc_wake_all(&mq->suspend_sender_thread, -RT_ERROR);
    rt_hw_interrupt_enable(level);
    rt_schedule();
}

rt_err_t rt_mq_detach(rt_mq_t mq)
{
    mq_check(mq);
    RT_ASSERT(rt_object_is_systemobject(&mq->parent.parent));
    mq_wake_everyone(mq);
    rt_object_detach(&mq->parent.parent);
    return RT_EOK;
}

#ifdef RT_USING_HEAP
rt_mq_t rt_mq_create(const char *name, rt_size_t msg_size, rt_size_t max_msgs, rt_uint8_t flag)
{
    rt_mq_t mq;
    void *pool;

    RT_DEBUG_NOT_IN_INTERRUPT;
    if (max_msgs > RT_MQ_ENTRY_MAX || !mq_args_valid(msg_size, max_msgs, flag))
        return RT_NULL;
    mq = (rt_mq_t)rt_object_allocate(RT_Object_Class_MessageQueue, name);
    if (mq == RT_NULL)
        return RT_NULL;
    pool = RT_KERNEL_MALLOC(mq_slot_size(msg_size) * max_msgs);
    if (pool == RT_NULL) {
        rt_object_delete(&mq->parent.parent);
        return RT_NULL;
    }
    mq_setup(mq, pool, msg_size, max_msgs, flag);
    return mq;
}

rt_err_t rt_mq_delete(rt_mq_t mq)
{
    RT_DEBUG_NOT_IN_INTERRUPT;
    mq_check(mq);
    RT_ASSERT(!rt_object_is_systemobject(&mq->parent.parent));
    mq_wake_everyone(mq);
    RT_KERNEL_FREE(mq->msg_pool);
    rt_object_delete(&mq->parent.parent);
    return RT_EOK;
}
#endif

/* Wait until `ready` holds; interrupts disabled on entry and on return. */
static rt_err_t mq_wait(rt_mq_t mq, rt_list_t *list, rt_bool_t (*ready)(rt_mq_t),
                        rt_int32_t timeout, int suspend_flag, rt_base_t *level,
                        rt_err_t when_no_wait)
{
    rt_tick_t start = rt_tick_get();

    while (!ready(mq)) {
        rt_err_t result;
        rt_int32_t left = rt_ipc_remaining(timeout, start);

        if (left == 0)
            return timeout == 0 ? when_no_wait : -RT_ETIMEOUT;
        RT_DEBUG_SCHEDULER_AVAILABLE(RT_TRUE);
        result = rt_ipc_block(list, mq->parent.parent.flag, left, suspend_flag, *level);
        *level = rt_hw_interrupt_disable();
        if (result != RT_EOK)
            return result;
    }
    return RT_EOK;
}

static rt_bool_t mq_has_free_slot(rt_mq_t mq)
{
    return mq->msg_queue_free != RT_NULL;
}

static rt_bool_t mq_has_message(rt_mq_t mq)
{
    return mq->msg_queue_head != RT_NULL;
}

/* Link a filled slot into the queue and wake a receiver. Interrupts disabled. */
static void mq_enqueue(rt_mq_t mq, struct mq_msg *msg, rt_bool_t urgent)
{
    if (urgent) {
        msg->next = (struct mq_msg *)mq->msg_queue_head;
        mq->msg_queue_head = msg;
        if (mq->msg_queue_tail == RT_NULL)
            mq->msg_queue_tail = msg;
    } else {
        msg->next = RT_NULL;
        if (mq->msg_queue_tail != RT_NULL)
            ((struct mq_msg *)mq->msg_queue_tail)->next = msg;
        mq->msg_queue_tail = msg;
        if (mq->msg_queue_head == RT_NULL)
            mq->msg_queue_head = msg;
    }
    mq->entry++;
    if (!rt_list_isempty(&mq->parent.suspend_thread))
        rt_ipc_wake_one(&mq->parent.suspend_thread, RT_EOK);
}

static rt_err_t mq_send(rt_mq_t mq, const void *buffer, rt_size_t size, rt_int32_t timeout,
                        int suspend_flag, rt_bool_t urgent)
{
    struct mq_msg *msg;
    rt_base_t level;
    rt_err_t result;

    mq_check(mq);
    RT_ASSERT(buffer != RT_NULL || size == 0);
    if (size > mq->msg_size)
        return -RT_ERROR;
    RT_OBJECT_HOOK_CALL(rt_object_put_hook, (&mq->parent.parent));
    level = rt_hw_interrupt_disable();
    result = mq_wait(mq, &mq->suspend_sender_thread, mq_has_free_slot, timeout, suspend_flag,
                     &level, -RT_EFULL);
    if (result != RT_EOK) {
        rt_hw_interrupt_enable(level);
        return result;
    }
    msg = (struct mq_msg *)mq->msg_queue_free;
    mq->msg_queue_free = msg->next;
    rt_hw_interrupt_enable(level);
    /* the slot is ours alone now: copy with interrupts enabled */
    rt_memcpy(msg + 1, buffer, size);
    msg->length = (rt_ssize_t)size;
    level = rt_hw_interrupt_disable();
    mq_enqueue(mq, msg, urgent);
    rt_hw_interrupt_enable(level);
    rt_schedule();
    return RT_EOK;
}

rt_err_t rt_mq_send_wait(rt_mq_t mq, const void *buffer, rt_size_t size, rt_int32_t timeout)
{
    return mq_send(mq, buffer, size, timeout, RT_UNINTERRUPTIBLE, RT_FALSE);
}

rt_err_t rt_mq_send_wait_interruptible(rt_mq_t mq, const void *buffer, rt_size_t size,
                                       rt_int32_t timeout)
{
    return mq_send(mq, buffer, size, timeout, RT_INTERRUPTIBLE, RT_FALSE);
}

rt_err_t rt_mq_send_wait_killable(rt_mq_t mq, const void *buffer, rt_size_t size,
                                  rt_int32_t timeout)
{
    return mq_send(mq, buffer, size, timeout, RT_KILLABLE, RT_FALSE);
}

rt_err_t rt_mq_send(rt_mq_t mq, const void *buffer, rt_size_t size)
{
    return mq_send(mq, buffer, size, RT_WAITING_NO, RT_UNINTERRUPTIBLE, RT_FALSE);
}

rt_err_t rt_mq_send_interruptible(rt_mq_t mq, const void *buffer, rt_size_t size)
{
    return mq_send(mq, buffer, size, RT_WAITING_NO, RT_INTERRUPTIBLE, RT_FALSE);
}

rt_err_t rt_mq_send_killable(rt_mq_t mq, const void *buffer, rt_size_t size)
{
    return mq_send(mq, buffer, size, RT_WAITING_NO, RT_KILLABLE, RT_FALSE);
}

rt_err_t rt_mq_urgent(rt_mq_t mq, const void *buffer, rt_size_t size)
{
    return mq_send(mq, buffer, size, RT_WAITING_NO, RT_UNINTERRUPTIBLE, RT_TRUE);
}

static rt_ssize_t mq_recv(rt_mq_t mq, void *buffer, rt_size_t size, rt_int32_t timeout,
                          int suspend_flag)
{
    struct mq_msg *msg;
    rt_base_t level;
    rt_err_t result;
    rt_size_t length;

    mq_check(mq);
    RT_ASSERT(buffer != RT_NULL || size == 0);
    RT_OBJECT_HOOK_CALL(rt_object_trytake_hook, (&mq->parent.parent));
    level = rt_hw_interrupt_disable();
    result = mq_wait(mq, &mq->parent.suspend_thread, mq_has_message, timeout, suspend_flag, &level,
                     -RT_ETIMEOUT);
    if (result != RT_EOK) {
        rt_hw_interrupt_enable(level);
        return result;
    }
    msg = (struct mq_msg *)mq->msg_queue_head;
    mq->msg_queue_head = msg->next;
    if (mq->msg_queue_tail == msg)
        mq->msg_queue_tail = RT_NULL;
    mq->entry--;
    rt_hw_interrupt_enable(level);
    length = (rt_size_t)msg->length < size ? (rt_size_t)msg->length : size;
    rt_memcpy(buffer, msg + 1, length);
    level = rt_hw_interrupt_disable();
    msg->next = (struct mq_msg *)mq->msg_queue_free;
    mq->msg_queue_free = msg;
    if (!rt_list_isempty(&mq->suspend_sender_thread))
        rt_ipc_wake_one(&mq->suspend_sender_thread, RT_EOK);
    rt_hw_interrupt_enable(level);
    RT_OBJECT_HOOK_CALL(rt_object_take_hook, (&mq->parent.parent));
    rt_schedule();
    return (rt_ssize_t)length;
}

rt_ssize_t rt_mq_recv(rt_mq_t mq, void *buffer, rt_size_t size, rt_int32_t timeout)
{
    return mq_recv(mq, buffer, size, timeout, RT_UNINTERRUPTIBLE);
}

rt_ssize_t rt_mq_recv_interruptible(rt_mq_t mq, void *buffer, rt_size_t size, rt_int32_t timeout)
{
    return mq_recv(mq, buffer, size, timeout, RT_INTERRUPTIBLE);
}

rt_ssize_t rt_mq_recv_killable(rt_mq_t mq, void *buffer, rt_size_t size, rt_int32_t timeout)
{
    return mq_recv(mq, buffer, size, timeout, RT_KILLABLE);
}

/* RT_IPC_CMD_RESET: drop all queued messages, wake every waiter with -RT_ERROR. */
rt_err_t rt_mq_control(rt_mq_t mq, int cmd, void *arg)
{
    rt_base_t level;

    RT_UNUSED(arg);
    mq_check(mq);
    if (cmd != RT_IPC_CMD_RESET)
        return -RT_ERROR;
    level = rt_hw_interrupt_disable();
    rt_ipc_wake_all(&mq->parent.suspend_thread, -RT_ERROR);
    rt_ipc_wake_all(&mq->suspend_sender_thread, -RT_ERROR);
    while (mq->msg_queue_head != RT_NULL) {
        struct mq_msg *msg = (struct mq_msg *)mq->msg_queue_head;

        mq->msg_queue_head = msg->next;
        msg->next = (struct mq_msg *)mq->msg_queue_free;
        mq->msg_queue_free = msg;
    }
    mq->msg_queue_tail = RT_NULL;
    mq->entry = 0;
    rt_hw_interrupt_enable(level);
    rt_schedule();
    return RT_EOK;
}

#endif /* RT_USING_MESSAGEQUEUE */
