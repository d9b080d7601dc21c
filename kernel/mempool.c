/* rtlang kernel: fixed-size block memory pools.
 *
 * Each block is preceded by a header holding one pointer: the next free block while it is free, its
 * pool while it is allocated (so rt_mp_free needs only the block). */
#include "kinternal.h"

#ifdef RT_USING_MEMPOOL

/* Rounded up so that blocks stay RT_ALIGN_SIZE-aligned (RT-Thread uses a bare pointer). */
#define MP_HEADER RT_ALIGN(sizeof(rt_uint8_t *), RT_ALIGN_SIZE)

#ifdef RT_USING_HOOK
static void (*mp_alloc_hook)(struct rt_mempool *mp, void *block);
static void (*mp_free_hook)(struct rt_mempool *mp, void *block);

/* Called after a block was allocated. */
void rt_mp_alloc_sethook(void (*hook)(struct rt_mempool *mp, void *block))
{
    mp_alloc_hook = hook;
}

/* Called after a block was freed. */
void rt_mp_free_sethook(void (*hook)(struct rt_mempool *mp, void *block))
{
    mp_free_hook = hook;
}
#endif

/* A macro, so that a failed assertion names the API function that was called. */
#define mp_check(mp)                                                           \
    do {                                                                       \
        RT_ASSERT(mp != RT_NULL);                                              \
        RT_ASSERT(rt_object_get_type(&mp->parent) == RT_Object_Class_MemPool); \
    } while (0)

static void mp_setup(struct rt_mempool *mp, void *start, rt_size_t size, rt_size_t block_size)
{
    rt_size_t stride = block_size + MP_HEADER;
    rt_size_t i;

    mp->start_address = start;
    mp->size = size;
    mp->block_size = block_size;
    mp->block_total_count = size / stride;
    mp->block_free_count = mp->block_total_count;
    rt_list_init(&mp->suspend_thread);
    mp->block_list = RT_NULL;
    for (i = mp->block_total_count; i > 0; i--) {
        rt_uint8_t *block = (rt_uint8_t *)start + (i - 1) * stride;

        *(rt_uint8_t **)block = mp->block_list;
        mp->block_list = block;
    }
}

rt_err_t rt_mp_init(struct rt_mempool *mp, const char *name, void *start, rt_size_t size,
                    rt_size_t block_size)
{
    rt_uint8_t *aligned;

    RT_ASSERT(mp != RT_NULL);
    if (start == RT_NULL || block_size == 0)
        return -RT_EINVAL;
    /* the area may be unaligned: use its aligned part */
    aligned = (rt_uint8_t *)RT_ALIGN((rt_ubase_t)start, RT_ALIGN_SIZE);
    if ((rt_size_t)(aligned - (rt_uint8_t *)start) >= size)
        return -RT_EINVAL;
    size = RT_ALIGN_DOWN(size - (rt_size_t)(aligned - (rt_uint8_t *)start), RT_ALIGN_SIZE);
    block_size = RT_ALIGN(block_size, RT_ALIGN_SIZE);
    if (size / (block_size + MP_HEADER) == 0)
        return -RT_EINVAL;
    rt_object_init(&mp->parent, RT_Object_Class_MemPool, name);
    mp_setup(mp, aligned, size, block_size);
    return RT_EOK;
}

rt_err_t rt_mp_detach(struct rt_mempool *mp)
{
    mp_check(mp);
    RT_ASSERT(rt_object_is_systemobject(&mp->parent));
    rt_ipc_destroy_waiters(&mp->suspend_thread);
    rt_object_detach(&mp->parent);
    return RT_EOK;
}

#ifdef RT_USING_HEAP
rt_mp_t rt_mp_create(const char *name, rt_size_t block_count, rt_size_t block_size)
{
    rt_size_t stride;
    rt_mp_t mp;
    void *pool;

    RT_DEBUG_NOT_IN_INTERRUPT;
    if (block_count == 0 || block_size == 0)
        return RT_NULL;
    block_size = RT_ALIGN(block_size, RT_ALIGN_SIZE);
    stride = block_size + MP_HEADER;
    if (block_count > (rt_size_t)-1 / stride)
        return RT_NULL;
    mp = (rt_mp_t)rt_object_allocate(RT_Object_Class_MemPool, name);
    if (mp == RT_NULL)
        return RT_NULL;
    pool = RT_KERNEL_MALLOC(block_count * stride);
    if (pool == RT_NULL) {
        rt_object_delete(&mp->parent);
        return RT_NULL;
    }
    mp_setup(mp, pool, block_count * stride, block_size);
    return mp;
}

rt_err_t rt_mp_delete(rt_mp_t mp)
{
    RT_DEBUG_NOT_IN_INTERRUPT;
    mp_check(mp);
    RT_ASSERT(!rt_object_is_systemobject(&mp->parent));
    rt_ipc_destroy_waiters(&mp->suspend_thread);
    RT_KERNEL_FREE(mp->start_address);
    rt_object_delete(&mp->parent);
    return RT_EOK;
}
#endif

void *rt_mp_alloc(rt_mp_t mp, rt_int32_t time)
{
    rt_tick_t start = rt_tick_get();
    rt_uint8_t *block;
    rt_base_t level;

    mp_check(mp);
    level = rt_hw_interrupt_disable();
    while (mp->block_free_count == 0) {
        rt_int32_t left = rt_ipc_remaining(time, start);

        if (left == 0) {
            rt_hw_interrupt_enable(level);
            rt_set_errno(-RT_ETIMEOUT);
            return RT_NULL;
        }
        RT_DEBUG_SCHEDULER_AVAILABLE(RT_TRUE);
        if (rt_ipc_block(&mp->suspend_thread, RT_IPC_FLAG_FIFO, left, RT_UNINTERRUPTIBLE, level) !=
            RT_EOK)
            return RT_NULL;
        level = rt_hw_interrupt_disable();
    }
    block = mp->block_list;
    mp->block_list = *(rt_uint8_t **)block;
    mp->block_free_count--;
    *(rt_uint8_t **)block = (rt_uint8_t *)mp;
    rt_hw_interrupt_enable(level);
    RT_OBJECT_HOOK_CALL(mp_alloc_hook, (mp, block + MP_HEADER));
    return block + MP_HEADER;
}

void rt_mp_free(void *ptr)
{
    rt_uint8_t *block;
    rt_mp_t mp;
    rt_base_t level;
    rt_bool_t woke = RT_FALSE;

    if (ptr == RT_NULL)
        return;
    block = (rt_uint8_t *)ptr - MP_HEADER;
    mp = *(rt_mp_t *)block;
    mp_check(mp);
    RT_OBJECT_HOOK_CALL(mp_free_hook, (mp, ptr));
    level = rt_hw_interrupt_disable();
    *(rt_uint8_t **)block = mp->block_list;
    mp->block_list = block;
    mp->block_free_count++;
    if (!rt_list_isempty(&mp->suspend_thread)) {
        rt_ipc_wake_one(&mp->suspend_thread, RT_EOK);
        woke = RT_TRUE;
    }
    rt_hw_interrupt_enable(level);
    if (woke)
        rt_schedule();
}

#endif /* RT_USING_MEMPOOL */
