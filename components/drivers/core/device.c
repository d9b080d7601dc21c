/* Device core: registry of named devices and the generic open/read/write/control calls. */
#include <rtthread.h>

#ifdef RT_USING_DEVICE

#ifdef RT_USING_DEVICE_OPS
#define dev_init(d)    ((d)->ops != RT_NULL ? (d)->ops->init : RT_NULL)
#define dev_open(d)    ((d)->ops != RT_NULL ? (d)->ops->open : RT_NULL)
#define dev_close(d)   ((d)->ops != RT_NULL ? (d)->ops->close : RT_NULL)
#define dev_read(d)    ((d)->ops != RT_NULL ? (d)->ops->read : RT_NULL)
#define dev_write(d)   ((d)->ops != RT_NULL ? (d)->ops->write : RT_NULL)
#define dev_control(d) ((d)->ops != RT_NULL ? (d)->ops->control : RT_NULL)
#else
#define dev_init(d)    ((d)->init)
#define dev_open(d)    ((d)->open)
#define dev_close(d)   ((d)->close)
#define dev_read(d)    ((d)->read)
#define dev_write(d)   ((d)->write)
#define dev_control(d) ((d)->control)
#endif

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
    if (dev == RT_NULL || rt_object_get_type(&dev->parent) != RT_Object_Class_Device)
        return -RT_EINVAL;
    rt_object_detach(&dev->parent);
    return RT_EOK;
}

rt_device_t rt_device_find(const char *name)
{
    if (name == RT_NULL)
        return RT_NULL;
    return (rt_device_t)rt_object_find(name, RT_Object_Class_Device);
}

#ifdef RT_USING_HEAP
rt_device_t rt_device_create(int type, int attach_size)
{
    rt_size_t size = RT_ALIGN(sizeof(struct rt_device), RT_ALIGN_SIZE);
    rt_device_t dev;

    if (attach_size < 0)
        return RT_NULL;
    dev = (rt_device_t)rt_malloc(size + (rt_size_t)attach_size);
    if (dev == RT_NULL)
        return RT_NULL;
    rt_memset(dev, 0, size + (rt_size_t)attach_size);
    dev->type = (enum rt_device_class_type)type;
    dev->user_data = attach_size > 0 ? (void *)((char *)dev + size) : RT_NULL;
    return dev;
}

void rt_device_destroy(rt_device_t dev)
{
    if (dev == RT_NULL)
        return;
    /* A created device may still be registered: take it out of the registry first. */
    if (rt_object_get_type(&dev->parent) == RT_Object_Class_Device)
        rt_object_detach(&dev->parent);
    rt_free(dev);
}
#endif

rt_err_t rt_device_init(rt_device_t dev)
{
    rt_err_t (*init)(rt_device_t);
    rt_err_t result;

    if (dev == RT_NULL)
        return -RT_EINVAL;
    init = dev_init(dev);
    if (init == RT_NULL || (dev->flag & RT_DEVICE_FLAG_ACTIVATED))
        return RT_EOK;
    result = init(dev);
    if (result != RT_EOK)
        rt_kprintf("To initialize device:%.*s failed. The error code is %d\n", RT_NAME_MAX,
                   dev->parent.name, (int)result);
    else
        dev->flag |= RT_DEVICE_FLAG_ACTIVATED;
    return result;
}

rt_err_t rt_device_open(rt_device_t dev, rt_uint16_t oflag)
{
    rt_err_t (*open)(rt_device_t, rt_uint16_t);
    rt_err_t result = RT_EOK;

    if (dev == RT_NULL)
        return -RT_EINVAL;
    if (!(dev->flag & RT_DEVICE_FLAG_ACTIVATED)) {
        result = rt_device_init(dev);
        if (result != RT_EOK)
            return result;
        dev->flag |= RT_DEVICE_FLAG_ACTIVATED;
    }
    if ((dev->flag & RT_DEVICE_FLAG_STANDALONE) && (dev->open_flag & RT_DEVICE_OFLAG_OPEN))
        return -RT_EBUSY;

    /* The driver sees every opening with a different mode, and the first one. */
    open = dev_open(dev);
    if (!(dev->open_flag & RT_DEVICE_OFLAG_OPEN) ||
        (dev->open_flag & RT_DEVICE_OFLAG_MASK) != (oflag & RT_DEVICE_OFLAG_MASK)) {
        if (open != RT_NULL)
            result = open(dev, oflag);
        else
            dev->open_flag = oflag & RT_DEVICE_OFLAG_MASK;
    }
    if (result == RT_EOK || result == -RT_ENOSYS) {
        if (dev->ref_count == 0xff)
            return -RT_EFULL;
        dev->open_flag |= RT_DEVICE_OFLAG_OPEN;
        dev->ref_count++;
        result = RT_EOK;
    }
    return result;
}

rt_err_t rt_device_close(rt_device_t dev)
{
    rt_err_t (*close)(rt_device_t);
    rt_err_t result = RT_EOK;

    if (dev == RT_NULL)
        return -RT_EINVAL;
    if (dev->ref_count == 0)
        return -RT_ERROR;
    dev->ref_count--;
    if (dev->ref_count != 0)
        return RT_EOK;
    close = dev_close(dev);
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

    if (dev == RT_NULL || (buffer == RT_NULL && size != 0)) {
        rt_set_errno(-RT_EINVAL);
        return 0;
    }
    if (dev->ref_count == 0) {
        rt_set_errno(-RT_ERROR);
        return 0;
    }
    read = dev_read(dev);
    if (read == RT_NULL) {
        rt_set_errno(-RT_ENOSYS);
        return 0;
    }
    return read(dev, pos, buffer, size);
}

rt_ssize_t rt_device_write(rt_device_t dev, rt_off_t pos, const void *buffer, rt_size_t size)
{
    rt_ssize_t (*write)(rt_device_t, rt_off_t, const void *, rt_size_t);

    if (dev == RT_NULL || (buffer == RT_NULL && size != 0)) {
        rt_set_errno(-RT_EINVAL);
        return 0;
    }
    if (dev->ref_count == 0) {
        rt_set_errno(-RT_ERROR);
        return 0;
    }
    write = dev_write(dev);
    if (write == RT_NULL) {
        rt_set_errno(-RT_ENOSYS);
        return 0;
    }
    return write(dev, pos, buffer, size);
}

rt_err_t rt_device_control(rt_device_t dev, int cmd, void *arg)
{
    rt_err_t (*control)(rt_device_t, int, void *);

    if (dev == RT_NULL)
        return -RT_EINVAL;
    control = dev_control(dev);
    if (control == RT_NULL)
        return -RT_ENOSYS;
    return control(dev, cmd, arg);
}

rt_err_t rt_device_set_rx_indicate(rt_device_t dev,
                                   rt_err_t (*rx_ind)(rt_device_t dev, rt_size_t size))
{
    if (dev == RT_NULL)
        return -RT_EINVAL;
    dev->rx_indicate = rx_ind;
    return RT_EOK;
}

rt_err_t rt_device_set_tx_complete(rt_device_t dev,
                                   rt_err_t (*tx_done)(rt_device_t dev, void *buffer))
{
    if (dev == RT_NULL)
        return -RT_EINVAL;
    dev->tx_complete = tx_done;
    return RT_EOK;
}

#endif /* RT_USING_DEVICE */
