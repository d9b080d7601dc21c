/* rtlang kernel: small-memory heap allocator (first fit over an address-ordered block list).
 *
 * A heap is one contiguous area: a `struct smem` header, then blocks, then a permanently used
 * end block. Every block starts with a `struct smem_item` holding the offsets of its
 * neighbours, so freeing merges free neighbours in O(1). Blocks record their heap so that
 * rt_smem_free() needs only the pointer. */
#include "kinternal.h"

#ifdef RT_USING_SMALL_MEM

#define SMEM_MAGIC 0x1ea0

struct smem_item {
    struct smem *heap;
    rt_uint32_t next; /* offset of the next block from heap->base */
    rt_uint32_t prev; /* offset of the previous block */
    rt_uint16_t magic;
    rt_uint16_t used;
};

struct smem {
    struct rt_memory parent;
    rt_uint8_t *base;  /* first block */
    rt_uint32_t end;   /* offset of the end block */
    rt_uint32_t lfree; /* offset of the lowest free block (search start) */
};

#define SMEM_ITEM_SIZE RT_ALIGN(sizeof(struct smem_item), RT_ALIGN_SIZE)
#define SMEM_MIN_SIZE  RT_ALIGN(16, RT_ALIGN_SIZE)

static struct smem_item *smem_at(struct smem *m, rt_uint32_t offset)
{
    return (struct smem_item *)(m->base + offset);
}

static rt_uint32_t smem_offset(struct smem *m, struct smem_item *item)
{
    return (rt_uint32_t)((rt_uint8_t *)item - m->base);
}

/* Usable bytes of a block. */
static rt_size_t smem_block_size(struct smem *m, struct smem_item *item)
{
    return item->next - smem_offset(m, item) - SMEM_ITEM_SIZE;
}

static void smem_item_set(struct smem *m, rt_uint32_t offset, rt_uint32_t next, rt_uint32_t prev,
                          rt_uint16_t used)
{
    struct smem_item *item = smem_at(m, offset);

    item->heap = m;
    item->next = next;
    item->prev = prev;
    item->magic = SMEM_MAGIC;
    item->used = used;
}

rt_smem_t rt_smem_init(const char *name, void *begin_addr, rt_size_t size)
{
    rt_ubase_t start = RT_ALIGN((rt_ubase_t)begin_addr, RT_ALIGN_SIZE);
    rt_ubase_t stop = RT_ALIGN_DOWN((rt_ubase_t)begin_addr + size, RT_ALIGN_SIZE);
    rt_ubase_t header = RT_ALIGN(sizeof(struct smem), RT_ALIGN_SIZE);
    struct smem *m;
    rt_ubase_t span;

    if (begin_addr == RT_NULL || stop <= start + header + 2 * SMEM_ITEM_SIZE + SMEM_MIN_SIZE)
        return RT_NULL;
    span = stop - start - header - SMEM_ITEM_SIZE; /* first block up to the end block */
    if (span > 0x7fffffffUL)
        span = RT_ALIGN_DOWN(0x7fffffffUL, RT_ALIGN_SIZE);
    m = (struct smem *)start;
    rt_memset(m, 0, sizeof(*m));
    rt_object_init(&m->parent.parent, RT_Object_Class_Memory, name);
    m->parent.algorithm = "small";
    m->parent.address = start;
    m->parent.total = span - SMEM_ITEM_SIZE;
    m->base = (rt_uint8_t *)(start + header);
    m->end = (rt_uint32_t)span;
    m->lfree = 0;
    smem_item_set(m, 0, m->end, 0, 0);
    smem_item_set(m, m->end, m->end, 0, 1);
    return &m->parent;
}

rt_err_t rt_smem_detach(rt_smem_t m)
{
    RT_ASSERT(m != RT_NULL);
    rt_object_detach(&m->parent);
    return RT_EOK;
}

/* Split `item` so that it holds exactly `size` bytes when the rest can form a block. */
static void smem_split(struct smem *m, struct smem_item *item, rt_size_t size)
{
    rt_uint32_t at = smem_offset(m, item);
    rt_uint32_t rest = at + (rt_uint32_t)(SMEM_ITEM_SIZE + size);

    if (smem_block_size(m, item) < size + SMEM_ITEM_SIZE + SMEM_MIN_SIZE)
        return;
    smem_item_set(m, rest, item->next, at, 0);
    smem_at(m, item->next)->prev = rest;
    item->next = rest;
}

static void smem_advance_lfree(struct smem *m)
{
    while (m->lfree != m->end && smem_at(m, m->lfree)->used)
        m->lfree = smem_at(m, m->lfree)->next;
}

static void smem_account(struct smem *m, rt_size_t add, rt_size_t sub)
{
    m->parent.used = m->parent.used + add - sub;
    if (m->parent.used > m->parent.max)
        m->parent.max = m->parent.used;
}

static rt_size_t smem_round(rt_size_t size)
{
    size = RT_ALIGN(size, RT_ALIGN_SIZE);
    return size < SMEM_MIN_SIZE ? SMEM_MIN_SIZE : size;
}

void *rt_smem_alloc(rt_smem_t heap, rt_size_t size)
{
    struct smem *m = (struct smem *)heap;
    rt_uint32_t at;

    RT_ASSERT(m != RT_NULL);
    if (size == 0 || size > m->parent.total)
        return RT_NULL;
    size = smem_round(size);
    for (at = m->lfree; at != m->end; at = smem_at(m, at)->next) {
        struct smem_item *item = smem_at(m, at);

        if (item->used || smem_block_size(m, item) < size)
            continue;
        smem_split(m, item, size);
        item->used = 1;
        smem_account(m, smem_block_size(m, item) + SMEM_ITEM_SIZE, 0);
        smem_advance_lfree(m);
        return (rt_uint8_t *)item + SMEM_ITEM_SIZE;
    }
    return RT_NULL;
}

/* Merge `item` with its free successor. */
static void smem_merge_next(struct smem *m, struct smem_item *item)
{
    struct smem_item *next = smem_at(m, item->next);

    if (next->used || item->next == m->end)
        return;
    item->next = next->next;
    smem_at(m, next->next)->prev = smem_offset(m, item);
    next->magic = 0;
}

static struct smem_item *smem_item_of(void *rmem)
{
    struct smem_item *item = (struct smem_item *)((rt_uint8_t *)rmem - SMEM_ITEM_SIZE);

    /* a bad pointer or a double free is a fatal programming error */
    RT_ASSERT(item->magic == SMEM_MAGIC);
    RT_ASSERT(item->used);
    return item;
}

void rt_smem_free(void *rmem)
{
    struct smem_item *item;
    struct smem *m;
    rt_uint32_t at;

    if (rmem == RT_NULL)
        return;
    item = smem_item_of(rmem);
    m = item->heap;
    at = smem_offset(m, item);
    item->used = 0;
    smem_account(m, 0, smem_block_size(m, item) + SMEM_ITEM_SIZE);
    if (at < m->lfree)
        m->lfree = at;
    smem_merge_next(m, item);
    if (at != 0 && !smem_at(m, item->prev)->used) {
        struct smem_item *prev = smem_at(m, item->prev);

        smem_merge_next(m, prev);
        if (m->lfree == at)
            m->lfree = smem_offset(m, prev);
    }
}

/* Grow (absorbing a free successor) or shrink in place when possible. */
static rt_bool_t smem_resize_in_place(struct smem *m, struct smem_item *item, rt_size_t size)
{
    rt_size_t old = smem_block_size(m, item);
    rt_uint32_t rest;

    if (size > old) {
        rt_uint32_t next_at = item->next;
        struct smem_item *next = smem_at(m, next_at);

        if (next_at == m->end || next->used ||
            old + SMEM_ITEM_SIZE + smem_block_size(m, next) < size)
            return RT_FALSE;
        smem_merge_next(m, item);
        if (m->lfree == next_at)
            m->lfree = item->next;
    }
    smem_split(m, item, size);
    rest = item->next;
    if (rest != m->end && !smem_at(m, rest)->used) {
        /* the split-off tail is free: join it with a free successor */
        smem_merge_next(m, smem_at(m, rest));
        if (rest < m->lfree)
            m->lfree = rest;
    }
    smem_advance_lfree(m);
    smem_account(m, smem_block_size(m, item), old);
    return RT_TRUE;
}

void *rt_smem_realloc(rt_smem_t heap, void *rmem, rt_size_t newsize)
{
    struct smem *m = (struct smem *)heap;
    struct smem_item *item;
    void *fresh;
    rt_size_t old;

    if (rmem == RT_NULL)
        return rt_smem_alloc(heap, newsize);
    if (newsize == 0) {
        rt_smem_free(rmem);
        return RT_NULL;
    }
    if (newsize > m->parent.total)
        return RT_NULL;
    item = smem_item_of(rmem);
    if (smem_resize_in_place(m, item, smem_round(newsize)))
        return rmem;
    fresh = rt_smem_alloc(heap, newsize);
    if (fresh == RT_NULL)
        return RT_NULL;
    old = smem_block_size(m, item);
    rt_memcpy(fresh, rmem, old < newsize ? old : newsize);
    rt_smem_free(rmem);
    return fresh;
}

#endif /* RT_USING_SMALL_MEM */

/* ------------------------------------------------------------------------------------------
 * System heap: rt_malloc & co. over one small-mem heap, serialised by the scheduler lock
 * (they are not callable from interrupts).
 * ------------------------------------------------------------------------------------------ */
#if defined(RT_USING_HEAP) && defined(RT_USING_SMALL_MEM)

static rt_smem_t heap_system;

#ifdef RT_USING_HOOK
static void (*heap_malloc_hook)(void *ptr, rt_size_t size);
static void (*heap_free_hook)(void *ptr);

/* Called after each successful allocation (rt_malloc, rt_realloc, rt_calloc). */
void rt_malloc_sethook(void (*hook)(void *ptr, rt_size_t size))
{
    heap_malloc_hook = hook;
}

/* Called before each block is freed. */
void rt_free_sethook(void (*hook)(void *ptr))
{
    heap_free_hook = hook;
}
#endif

void rt_system_heap_init(void *begin_addr, void *end_addr)
{
    RT_ASSERT((rt_ubase_t)end_addr > (rt_ubase_t)begin_addr);
    heap_system = rt_smem_init("heap", begin_addr, (rt_ubase_t)end_addr - (rt_ubase_t)begin_addr);
    RT_ASSERT(heap_system != RT_NULL);
}

void *rt_malloc(rt_size_t size)
{
    void *ptr;

    if (heap_system == RT_NULL)
        return RT_NULL;
    RT_DEBUG_NOT_IN_INTERRUPT;
    rt_enter_critical();
    ptr = rt_smem_alloc(heap_system, size);
    rt_exit_critical();
    if (ptr != RT_NULL)
        RT_OBJECT_HOOK_CALL(heap_malloc_hook, (ptr, size));
    return ptr;
}

void rt_free(void *ptr)
{
    if (ptr == RT_NULL)
        return;
    RT_DEBUG_NOT_IN_INTERRUPT;
    RT_OBJECT_HOOK_CALL(heap_free_hook, (ptr));
    rt_enter_critical();
    rt_smem_free(ptr);
    rt_exit_critical();
}

void *rt_realloc(void *ptr, rt_size_t newsize)
{
    void *fresh;

    if (heap_system == RT_NULL)
        return RT_NULL;
    RT_DEBUG_NOT_IN_INTERRUPT;
    if (ptr != RT_NULL && newsize == 0)
        RT_OBJECT_HOOK_CALL(heap_free_hook, (ptr));
    rt_enter_critical();
    fresh = rt_smem_realloc(heap_system, ptr, newsize);
    rt_exit_critical();
    if (fresh != RT_NULL)
        RT_OBJECT_HOOK_CALL(heap_malloc_hook, (fresh, newsize));
    return fresh;
}

void rt_memory_info(rt_size_t *total, rt_size_t *used, rt_size_t *max_used)
{
    if (total != RT_NULL)
        *total = heap_system ? heap_system->total : 0;
    if (used != RT_NULL)
        *used = heap_system ? heap_system->used : 0;
    if (max_used != RT_NULL)
        *max_used = heap_system ? heap_system->max : 0;
}
#endif

#ifdef RT_USING_HEAP
void *rt_calloc(rt_size_t count, rt_size_t size)
{
    void *ptr;

    if (size != 0 && count > (rt_size_t)-1 / size)
        return RT_NULL;
    ptr = rt_malloc(count * size);
    if (ptr != RT_NULL)
        rt_memset(ptr, 0, count * size);
    return ptr;
}

void *rt_malloc_align(rt_size_t size, rt_size_t align)
{
    rt_ubase_t raw, aligned;

    if (align == 0 || (align & (align - 1)) != 0)
        return RT_NULL;
    if (align < sizeof(void *))
        align = sizeof(void *);
    if (size > (rt_size_t)-1 - align - sizeof(void *))
        return RT_NULL;
    raw = (rt_ubase_t)rt_malloc(size + align + sizeof(void *));
    if (raw == 0)
        return RT_NULL;
    /* keep the raw pointer just below the aligned block for rt_free_align */
    aligned = RT_ALIGN(raw + sizeof(void *), align);
    ((void **)aligned)[-1] = (void *)raw;
    return (void *)aligned;
}

void rt_free_align(void *ptr)
{
    if (ptr != RT_NULL)
        rt_free(((void **)ptr)[-1]);
}
#endif
