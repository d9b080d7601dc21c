/* Byte ring buffer (RT-Thread's rt_ringbuffer). Not locked: one producer and one consumer,
 * or the caller serialises (e.g. interrupts disabled around both ends). */
#ifndef RINGBUFFER_H__
#define RINGBUFFER_H__

#include <rtthread.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The mirror bits tell a full buffer (indexes equal, mirrors differ) from an empty one. */
struct rt_ringbuffer {
    rt_uint8_t *buffer_ptr;
    rt_uint32_t read_mirror : 1;
    rt_uint32_t read_index : 31;
    rt_uint32_t write_mirror : 1;
    rt_uint32_t write_index : 31;
    rt_int32_t buffer_size;
};

enum rt_ringbuffer_state {
    RT_RINGBUFFER_EMPTY,
    RT_RINGBUFFER_FULL,
    RT_RINGBUFFER_HALFFULL, /* neither empty nor full */
};

/* Use `pool` of `size` bytes (rounded down to RT_ALIGN_SIZE) as an empty ring. Any context. */
void rt_ringbuffer_init(struct rt_ringbuffer *rb, rt_uint8_t *pool, rt_int32_t size);
/* Empty the ring. Any context. */
void rt_ringbuffer_reset(struct rt_ringbuffer *rb);
/* Append up to `length` bytes; returns how many fitted (0 when full). Any context. */
rt_size_t rt_ringbuffer_put(struct rt_ringbuffer *rb, const rt_uint8_t *ptr, rt_uint32_t length);
/* Append `length` bytes, overwriting the oldest data when full (only the last buffer_size bytes
 * are kept if `length` is larger). Returns `length` (or buffer_size). Any context. */
rt_size_t rt_ringbuffer_put_force(struct rt_ringbuffer *rb, const rt_uint8_t *ptr,
                                  rt_uint32_t length);
/* Append one byte: 1, or 0 when full. Any context. */
rt_size_t rt_ringbuffer_putchar(struct rt_ringbuffer *rb, const rt_uint8_t ch);
/* Append one byte, overwriting the oldest when full. Returns 1. Any context. */
rt_size_t rt_ringbuffer_putchar_force(struct rt_ringbuffer *rb, const rt_uint8_t ch);
/* Remove up to `length` bytes into ptr; returns how many. Any context. */
rt_size_t rt_ringbuffer_get(struct rt_ringbuffer *rb, rt_uint8_t *ptr, rt_uint32_t length);
/* Point *ptr at the oldest bytes and consume the contiguous run there; returns its length
 * (0 when empty, *ptr then RT_NULL). Any context. */
rt_size_t rt_ringbuffer_peek(struct rt_ringbuffer *rb, rt_uint8_t **ptr);
/* Remove one byte: 1, or 0 when empty. Any context. */
rt_size_t rt_ringbuffer_getchar(struct rt_ringbuffer *rb, rt_uint8_t *ch);
/* Bytes stored. Any context. */
rt_size_t rt_ringbuffer_data_len(struct rt_ringbuffer *rb);
/* RT_RINGBUFFER_EMPTY / FULL / HALFFULL. Any context. */
enum rt_ringbuffer_state rt_ringbuffer_status(struct rt_ringbuffer *rb);

#ifdef RT_USING_HEAP
/* Allocate a ring of `length` bytes (rounded down to RT_ALIGN_SIZE); RT_NULL if that is 0 or
 * memory is short. Thread context. */
struct rt_ringbuffer *rt_ringbuffer_create(rt_uint32_t length);
/* Free a ring from rt_ringbuffer_create. Thread context. */
void rt_ringbuffer_destroy(struct rt_ringbuffer *rb);
#endif

rt_inline rt_uint32_t rt_ringbuffer_get_size(struct rt_ringbuffer *rb)
{
    return (rt_uint32_t)rb->buffer_size;
}

/* Free space in bytes */
#define rt_ringbuffer_space_len(rb) ((rb)->buffer_size - rt_ringbuffer_data_len(rb))

#ifdef __cplusplus
}
#endif

#endif /* RINGBUFFER_H__ */
