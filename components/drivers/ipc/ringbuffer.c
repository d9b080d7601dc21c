/* Byte ring buffer with mirror bits (full and empty both have read == write index). */
#include <rtthread.h>
#include <rtdevice.h>

void rt_ringbuffer_init(struct rt_ringbuffer *rb, rt_uint8_t *pool, rt_int32_t size)
{
    RT_ASSERT(rb != RT_NULL);
    RT_ASSERT(size >= 0);
    rb->buffer_ptr = pool;
    rb->buffer_size = (rt_int32_t)RT_ALIGN_DOWN((rt_uint32_t)size, RT_ALIGN_SIZE);
    rt_ringbuffer_reset(rb);
}

void rt_ringbuffer_reset(struct rt_ringbuffer *rb)
{
    rb->read_mirror = 0;
    rb->read_index = 0;
    rb->write_mirror = 0;
    rb->write_index = 0;
}

enum rt_ringbuffer_state rt_ringbuffer_status(struct rt_ringbuffer *rb)
{
    if (rb->read_index != rb->write_index)
        return RT_RINGBUFFER_HALFFULL;
    return rb->read_mirror == rb->write_mirror ? RT_RINGBUFFER_EMPTY : RT_RINGBUFFER_FULL;
}

rt_size_t rt_ringbuffer_data_len(struct rt_ringbuffer *rb)
{
    switch (rt_ringbuffer_status(rb)) {
    case RT_RINGBUFFER_EMPTY: return 0;
    case RT_RINGBUFFER_FULL: return (rt_size_t)rb->buffer_size;
    default:
        if (rb->write_index > rb->read_index)
            return rb->write_index - rb->read_index;
        return (rt_size_t)rb->buffer_size - (rb->read_index - rb->write_index);
    }
}

/* Copy `length` bytes (<= free space) in at the write index, wrapping once if needed. */
static void ringbuffer_write(struct rt_ringbuffer *rb, const rt_uint8_t *ptr, rt_uint32_t length)
{
    rt_uint32_t first = (rt_uint32_t)rb->buffer_size - rb->write_index;

    if (length < first) {
        rt_memcpy(&rb->buffer_ptr[rb->write_index], ptr, length);
        rb->write_index += length;
        return;
    }
    rt_memcpy(&rb->buffer_ptr[rb->write_index], ptr, first);
    rt_memcpy(rb->buffer_ptr, ptr + first, length - first);
    rb->write_mirror = ~rb->write_mirror;
    rb->write_index = length - first;
}

static void ringbuffer_read(struct rt_ringbuffer *rb, rt_uint8_t *ptr, rt_uint32_t length)
{
    rt_uint32_t first = (rt_uint32_t)rb->buffer_size - rb->read_index;

    if (length < first) {
        rt_memcpy(ptr, &rb->buffer_ptr[rb->read_index], length);
        rb->read_index += length;
        return;
    }
    rt_memcpy(ptr, &rb->buffer_ptr[rb->read_index], first);
    rt_memcpy(ptr + first, rb->buffer_ptr, length - first);
    rb->read_mirror = ~rb->read_mirror;
    rb->read_index = length - first;
}

rt_size_t rt_ringbuffer_put(struct rt_ringbuffer *rb, const rt_uint8_t *ptr, rt_uint32_t length)
{
    rt_uint32_t space;

    RT_ASSERT(rb != RT_NULL);
    space = (rt_uint32_t)rt_ringbuffer_space_len(rb);
    if (length > space)
        length = space;
    if (length > 0)
        ringbuffer_write(rb, ptr, length);
    return length;
}

rt_size_t rt_ringbuffer_put_force(struct rt_ringbuffer *rb, const rt_uint8_t *ptr,
                                  rt_uint32_t length)
{
    rt_uint32_t space;

    RT_ASSERT(rb != RT_NULL);
    if (rb->buffer_size == 0)
        return 0;
    if (length > (rt_uint32_t)rb->buffer_size) {
        ptr += length - (rt_uint32_t)rb->buffer_size; /* only the newest bytes fit */
        length = (rt_uint32_t)rb->buffer_size;
    }
    space = (rt_uint32_t)rt_ringbuffer_space_len(rb);
    ringbuffer_write(rb, ptr, length);
    if (length > space) {
        /* the oldest bytes were overwritten: the ring is full, reading starts at the writer */
        rb->read_index = rb->write_index;
        rb->read_mirror = ~rb->write_mirror;
    }
    return length;
}

rt_size_t rt_ringbuffer_putchar(struct rt_ringbuffer *rb, const rt_uint8_t ch)
{
    return rt_ringbuffer_put(rb, &ch, 1);
}

rt_size_t rt_ringbuffer_putchar_force(struct rt_ringbuffer *rb, const rt_uint8_t ch)
{
    return rt_ringbuffer_put_force(rb, &ch, 1);
}

rt_size_t rt_ringbuffer_get(struct rt_ringbuffer *rb, rt_uint8_t *ptr, rt_uint32_t length)
{
    rt_uint32_t size;

    RT_ASSERT(rb != RT_NULL);
    size = (rt_uint32_t)rt_ringbuffer_data_len(rb);
    if (length > size)
        length = size;
    if (length > 0)
        ringbuffer_read(rb, ptr, length);
    return length;
}

rt_size_t rt_ringbuffer_peek(struct rt_ringbuffer *rb, rt_uint8_t **ptr)
{
    rt_uint32_t size, first;

    RT_ASSERT(rb != RT_NULL);
    *ptr = RT_NULL;
    size = (rt_uint32_t)rt_ringbuffer_data_len(rb);
    if (size == 0)
        return 0;
    *ptr = &rb->buffer_ptr[rb->read_index];
    first = (rt_uint32_t)rb->buffer_size - rb->read_index;
    if (size < first) {
        rb->read_index += size;
        return size;
    }
    rb->read_mirror = ~rb->read_mirror;
    rb->read_index = 0;
    return first;
}

rt_size_t rt_ringbuffer_getchar(struct rt_ringbuffer *rb, rt_uint8_t *ch)
{
    return rt_ringbuffer_get(rb, ch, 1);
}

#ifdef RT_USING_HEAP
struct rt_ringbuffer *rt_ringbuffer_create(rt_uint32_t length)
{
    struct rt_ringbuffer *rb;
    rt_uint8_t *pool;

    length = RT_ALIGN_DOWN(length, RT_ALIGN_SIZE);
    if (length == 0 || length > 0x7fffffffu)
        return RT_NULL;
    rb = (struct rt_ringbuffer *)rt_malloc(sizeof(*rb));
    if (rb == RT_NULL)
        return RT_NULL;
    pool = (rt_uint8_t *)rt_malloc(length);
    if (pool == RT_NULL) {
        rt_free(rb);
        return RT_NULL;
    }
    rt_ringbuffer_init(rb, pool, (rt_int32_t)length);
    return rb;
}

void rt_ringbuffer_destroy(struct rt_ringbuffer *rb)
{
    if (rb == RT_NULL)
        return;
    rt_free(rb->buffer_ptr);
    rt_free(rb);
}
#endif
