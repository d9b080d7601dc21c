/* rtlang kernel: the device framework (registry, open/close reference counting, I/O). */
#include "kinternal.h"

#ifdef RT_USING_DEVICE

#ifdef RT_USING_DEVICE_OPS
#define DEV_OP(dev, op) ((dev)->ops ? (dev)->ops->op : RT_NULL)
#else
#define DEV_OP(dev, op) ((dev)->op)
#endif

/* A macro, so that a failed assertion names the API function that was called. */
#define device_check(dev)                                                      \
    do {                                                                       \
        RT_ASSERT(dev != RT_NULL);                                             \
        RT_ASSERT(rt_object_get_type(&dev->parent) == RT_Object_Class_Device); \
    } while (0)

rt_err_t rt_device_register(rt_device_t dev, const char *name, rt_uint16_t flags)
{
    if (dev == RT_NULL || name == RT_NULL)
        return -RT_EINVAL;
    if (rt_device_find(name) != RT_NULL)
        return -RT_ERROR;
    rt_object_init(&dev->parent, RT_Object_Class_Device, name);
    dev->flag = flags;
    dev->ref_count = 0;
    dev->open_flag = 0;
    return RT_EOK;
}

rt_err_t rt_device_unregister(rt_device_t dev)
{
    device_check(dev);
    RT_ASSERT(rt_object_is_systemobject(&dev->parent));
    rt_object_detach(&dev->parent);
    return RT_EOK;
}

rt_device_t rt_device_find(const char *name)
{
    return (rt_device_t)rt_object_find(name, RT_Object_Class_Device);
}

#ifdef RT_USING_HEAP
rt_device_t rt_device_create(int type, int attach_size)
{
    rt_size_t size = RT_ALIGN(sizeof(struct rt_device), RT_ALIGN_SIZE);
    rt_device_t dev;

    if (attach_size < 0)
        return RT_NULL;
    dev = (rt_device_t)rt_calloc(1, size + (rt_size_t)attach_size);
    if (dev != RT_NULL) {
        dev->type = (enum rt_device_class_type)type;
        dev->user_data = attach_size > 0 ? (rt_uint8_t *)dev + size : RT_NULL;
    }
    return dev;
}

/* Free a device from rt_device_create, unregistering it first if needed. */
void rt_device_destroy(rt_device_t dev)
{
    if (dev == RT_NULL)
        return;
    if (rt_object_get_type(&dev->parent) == RT_Object_Class_Device)
        rt_object_detach(&dev->parent);
    rt_free(dev);
}
#endif

rt_err_t rt_device_init(rt_device_t dev)
{
    rt_err_t (*init)(rt_device_t);
    rt_err_t result = RT_EOK;

    device_check(dev);
    init = DEV_OP(dev, init);
    if (init != RT_NULL && !(dev->flag & RT_DEVICE_FLAG_ACTIVATED)) {
        result = init(dev);
        if (result != RT_EOK) {
            rt_kprintf("To initialize device:%s failed. The error code is %d\n", dev->parent.name,
                       (int)result);
            return result;
        }
    }
    dev->flag |= RT_DEVICE_FLAG_ACTIVATED;
    return result;
}

rt_err_t rt_device_open(rt_device_t dev, rt_uint16_t oflag)
{
    rt_err_t (*open)(rt_device_t, rt_uint16_t);
    rt_err_t result = RT_EOK;

    device_check(dev);
    if (!(dev->flag & RT_DEVICE_FLAG_ACTIVATED)) {
        result = rt_device_init(dev);
        if (result != RT_EOK)
            return result;
    }
    if ((dev->flag & RT_DEVICE_FLAG_STANDALONE) && (dev->open_flag & RT_DEVICE_OFLAG_OPEN))
        return -RT_EBUSY;
    /* the driver sees every opening with new flags (e.g. the shell re-opening the console
     * with RT_DEVICE_FLAG_INT_RX) */
    open = DEV_OP(dev, open);
    if (!(dev->open_flag & RT_DEVICE_OFLAG_OPEN) ||
        (dev->open_flag & RT_DEVICE_OFLAG_MASK) != (oflag & RT_DEVICE_OFLAG_MASK)) {
        if (open != RT_NULL)
            result = open(dev, oflag);
        else
            dev->open_flag = (oflag & RT_DEVICE_OFLAG_MASK);
    }
    if (result == RT_EOK || result == -RT_ENOSYS) {
        dev->open_flag |= RT_DEVICE_OFLAG_OPEN;
        if (dev->ref_count < RT_UINT8_MAX)
            dev->ref_count++;
        result = RT_EOK;
    }
    return result;
}

rt_err_t rt_device_close(rt_device_t dev)
{
    rt_err_t (*close)(rt_device_t);
    rt_err_t result = RT_EOK;

    device_check(dev);
    if (dev->ref_count == 0)
        return -RT_ERROR;
    dev->ref_count--;
    if (dev->ref_count != 0)
        return RT_EOK;
    close = DEV_OP(dev, close);
    if (close != RT_NULL)
        result = close(dev);
    if (result == RT_EOK || result == -RT_ENOSYS) {
        dev->open_flag = RT_DEVICE_OFLAG_CLOSE;
        result = RT_EOK;
    }
    return result;
}

rt_ssize_t rt_device_read(rt_device_t dev, rt_off_t pos, void *buffer, rt_size_t size)
{
    rt_ssize_t (*read)(rt_device_t, rt_off_t, void *, rt_size_t);

    device_check(dev);
    if (dev->ref_count == 0) {
        rt_set_errno(-RT_ERROR);
        return 0;
    }
    read = DEV_OP(dev, read);
    if (read == RT_NULL) {
        rt_set_errno(-RT_ENOSYS);
        return 0;
    }
    return read(dev, pos, buffer, size);
}

rt_ssize_t rt_device_write(rt_device_t dev, rt_off_t pos, const void *buffer, rt_size_t size)
{
    rt_ssize_t (*write)(rt_device_t, rt_off_t, const void *, rt_size_t);

    device_check(dev);
    if (dev->ref_count == 0) {
        rt_set_errno(-RT_ERROR);
        return 0;
    }
    write = DEV_OP(dev, write);
    if (write == RT_NULL) {
        rt_set_errno(-RT_ENOSYS);
        return 0;
    }
    return write(dev, pos, buffer, size);
}

rt_err_t rt_device_control(rt_device_t dev, int cmd, void *arg)
{
    rt_err_t (*control)(rt_device_t, int, void *);

    device_check(dev);
    control = DEV_OP(dev, control);
    return control != RT_NULL ? control(dev, cmd, arg) : -RT_ENOSYS;
}

rt_err_t rt_device_set_rx_indicate(rt_device_t dev,
                                   rt_err_t (*rx_ind)(rt_device_t dev, rt_size_t size))
{
    device_check(dev);
    dev->rx_indicate = rx_ind;
    return RT_EOK;
}

rt_err_t rt_device_set_tx_complete(rt_device_t dev,
                                   rt_err_t (*tx_done)(rt_device_t dev, void *buffer))
{
    device_check(dev);
    dev->tx_complete = tx_done;
    return RT_EOK;
}

#endif /* RT_USING_DEVICE */
