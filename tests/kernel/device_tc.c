/* Device framework tests with a RAM-backed test device: register / find / open / close /
 * read / write / control, reference counting, init once, stand-alone and error paths. */
#include "ktest.h"

#define KDEV_SIZE     64
#define KDEV_CMD_FILL 0x1234

struct kdev {
    struct rt_device parent;
    rt_uint8_t mem[KDEV_SIZE];
    int inits, opens, closes;
    rt_uint16_t last_oflag;
    rt_err_t init_result;
    rt_err_t open_result;
};

static struct kdev s_dev;

static struct kdev *to_kdev(rt_device_t d)
{
    return (struct kdev *)d;
}

static rt_err_t kdev_init(rt_device_t d)
{
    to_kdev(d)->inits++;
    return to_kdev(d)->init_result;
}

static rt_err_t kdev_open(rt_device_t d, rt_uint16_t oflag)
{
    to_kdev(d)->opens++;
    to_kdev(d)->last_oflag = oflag;
    if (to_kdev(d)->open_result == RT_EOK)
        d->open_flag = oflag & RT_DEVICE_OFLAG_MASK; /* drivers record the mode themselves */
    return to_kdev(d)->open_result;
}

static rt_err_t kdev_close(rt_device_t d)
{
    to_kdev(d)->closes++;
    return RT_EOK;
}

/* Reads and writes are clipped to the device size; the result is the byte count. */
static rt_ssize_t kdev_read(rt_device_t d, rt_off_t pos, void *buf, rt_size_t size)
{
    if (pos < 0 || pos > KDEV_SIZE)
        return -RT_EINVAL;
    if (size > (rt_size_t)(KDEV_SIZE - pos))
        size = KDEV_SIZE - pos;
    rt_memcpy(buf, to_kdev(d)->mem + pos, size);
    return (rt_ssize_t)size;
}

static rt_ssize_t kdev_write(rt_device_t d, rt_off_t pos, const void *buf, rt_size_t size)
{
    if (pos < 0 || pos > KDEV_SIZE)
        return -RT_EINVAL;
    if (size > (rt_size_t)(KDEV_SIZE - pos))
        size = KDEV_SIZE - pos;
    rt_memcpy(to_kdev(d)->mem + pos, buf, size);
    return (rt_ssize_t)size;
}

static rt_err_t kdev_control(rt_device_t d, int cmd, void *arg)
{
    if (cmd != KDEV_CMD_FILL)
        return -RT_EINVAL;
    rt_memset(to_kdev(d)->mem, (int)(rt_ubase_t)arg, KDEV_SIZE);
    return RT_EOK;
}

#ifdef RT_USING_DEVICE_OPS
static const struct rt_device_ops kdev_ops = {kdev_init, kdev_open,  kdev_close,
                                              kdev_read, kdev_write, kdev_control};
#endif

static void kdev_setup(rt_uint16_t flags, rt_bool_t with_ops)
{
    rt_memset(&s_dev, 0, sizeof(s_dev));
    s_dev.parent.type = RT_Device_Class_Char;
    if (with_ops) {
#ifdef RT_USING_DEVICE_OPS
        s_dev.parent.ops = &kdev_ops;
#else
        s_dev.parent.init = kdev_init;
        s_dev.parent.open = kdev_open;
        s_dev.parent.close = kdev_close;
        s_dev.parent.read = kdev_read;
        s_dev.parent.write = kdev_write;
        s_dev.parent.control = kdev_control;
#endif
    }
    uassert_int_equal(rt_device_register(&s_dev.parent, "ktdev", flags), RT_EOK);
}

static void test_device_register_find(void)
{
    struct rt_device other;

    kdev_setup(RT_DEVICE_FLAG_RDWR, RT_TRUE);
    uassert_true(rt_device_find("ktdev") == &s_dev.parent);
    uassert_int_equal(rt_object_get_type(&s_dev.parent.parent), RT_Object_Class_Device);
    uassert_int_equal(s_dev.parent.ref_count, 0);
    /* a second device of the same name is refused */
    rt_memset(&other, 0, sizeof(other));
    uassert_int_equal(rt_device_register(&other, "ktdev", RT_DEVICE_FLAG_RDWR), -RT_ERROR);
    uassert_null(rt_device_find("ktnone"));
    uassert_int_equal(rt_device_unregister(&s_dev.parent), RT_EOK);
    uassert_null(rt_device_find("ktdev"));
}

static void test_device_open_rw_close(void)
{
    rt_device_t d;
    char buf[KDEV_SIZE + 8];

    kdev_setup(RT_DEVICE_FLAG_RDWR, RT_TRUE);
    d = rt_device_find("ktdev");
    uassert_int_equal(rt_device_open(d, RT_DEVICE_OFLAG_RDWR), RT_EOK);
    uassert_int_equal(s_dev.inits, 1); /* opened uninitialised: init ran first */
    uassert_true(d->flag & RT_DEVICE_FLAG_ACTIVATED);
    uassert_int_equal(s_dev.opens, 1);
    uassert_int_equal(s_dev.last_oflag, RT_DEVICE_OFLAG_RDWR);
    uassert_int_equal(d->ref_count, 1);
    uassert_true(d->open_flag & RT_DEVICE_OFLAG_OPEN);

    uassert_int_equal(rt_device_write(d, 10, "kernel", 6), 6);
    rt_memset(buf, 0, sizeof(buf));
    uassert_int_equal(rt_device_read(d, 10, buf, 6), 6);
    uassert_str_equal(buf, "kernel");
    uassert_int_equal(rt_device_read(d, KDEV_SIZE - 2, buf, 8), 2); /* clipped by driver */
    uassert_int_equal(rt_device_control(d, KDEV_CMD_FILL, (void *)0x5a), RT_EOK);
    uassert_int_equal(rt_device_read(d, 0, buf, 1), 1);
    uassert_int_equal((rt_uint8_t)buf[0], 0x5a);
    uassert_int_equal(rt_device_control(d, 0x7777, RT_NULL), -RT_EINVAL);

    /* opening again with the same mode only counts; init does not run again */
    uassert_int_equal(rt_device_open(d, RT_DEVICE_OFLAG_RDWR), RT_EOK);
    uassert_int_equal(d->ref_count, 2);
    uassert_int_equal(s_dev.inits, 1);
    uassert_int_equal(rt_device_close(d), RT_EOK);
    uassert_int_equal(s_dev.closes, 0); /* still open once */
    uassert_int_equal(d->ref_count, 1);
    uassert_int_equal(rt_device_close(d), RT_EOK);
    uassert_int_equal(s_dev.closes, 1);
    uassert_int_equal(d->ref_count, 0);
    uassert_false(d->open_flag & RT_DEVICE_OFLAG_OPEN);
    /* closed: close fails, read and write do nothing */
    uassert_int_equal(rt_device_close(d), -RT_ERROR);
    uassert_int_equal(rt_device_read(d, 0, buf, 4), 0);
    uassert_int_equal(rt_device_write(d, 0, "zz", 2), 0);
    uassert_int_equal(rt_device_unregister(d), RT_EOK);
}

static void test_device_standalone_and_errors(void)
{
    rt_device_t d;
    char buf[4];

    kdev_setup(RT_DEVICE_FLAG_RDWR | RT_DEVICE_FLAG_STANDALONE, RT_TRUE);
    d = &s_dev.parent;
    uassert_int_equal(rt_device_open(d, RT_DEVICE_OFLAG_RDONLY), RT_EOK);
    uassert_int_equal(rt_device_open(d, RT_DEVICE_OFLAG_RDONLY), -RT_EBUSY);
    uassert_int_equal(d->ref_count, 1);
    uassert_int_equal(rt_device_close(d), RT_EOK);
    /* a failing open callback leaves the device closed */
    s_dev.open_result = -RT_EIO;
    uassert_int_equal(rt_device_open(d, RT_DEVICE_OFLAG_RDWR), -RT_EIO);
    uassert_int_equal(d->ref_count, 0);
    uassert_int_equal(rt_device_unregister(d), RT_EOK);

    /* a failing init: open reports it and the device stays inactive */
    kdev_setup(RT_DEVICE_FLAG_RDWR, RT_TRUE);
    s_dev.init_result = -RT_EIO;
    uassert_int_equal(rt_device_open(d, RT_DEVICE_OFLAG_RDWR), -RT_EIO);
    uassert_false(d->flag & RT_DEVICE_FLAG_ACTIVATED);
    uassert_int_equal(d->ref_count, 0);
    s_dev.init_result = RT_EOK;
    uassert_int_equal(rt_device_init(d), RT_EOK);
    uassert_true(d->flag & RT_DEVICE_FLAG_ACTIVATED);
    uassert_int_equal(rt_device_unregister(d), RT_EOK);

    /* a device without driver functions: open works, I/O reports ENOSYS */
    kdev_setup(RT_DEVICE_FLAG_RDWR, RT_FALSE);
    uassert_int_equal(rt_device_open(d, RT_DEVICE_OFLAG_RDWR), RT_EOK);
    uassert_int_equal(d->open_flag & RT_DEVICE_OFLAG_RDWR, RT_DEVICE_OFLAG_RDWR);
    rt_set_errno(RT_EOK);
    uassert_int_equal(rt_device_read(d, 0, buf, sizeof(buf)), 0);
    uassert_int_equal(rt_get_errno(), -RT_ENOSYS);
    uassert_int_equal(rt_device_control(d, 1, RT_NULL), -RT_ENOSYS);
    uassert_int_equal(rt_device_close(d), RT_EOK);
    uassert_int_equal(rt_device_unregister(d), RT_EOK);
}

#ifdef RT_USING_HEAP
static void test_device_create_destroy(void)
{
    rt_size_t used0 = kt_heap_baseline(50);
    rt_device_t d = rt_device_create(RT_Device_Class_Miscellaneous, 32);

    uassert_not_null(d);
    if (d == RT_NULL)
        return;
    uassert_int_equal(d->type, RT_Device_Class_Miscellaneous);
    uassert_not_null(d->user_data);
    rt_memset(d->user_data, 0xee, 32);
    uassert_int_equal(rt_device_register(d, "ktdyn", RT_DEVICE_FLAG_RDWR), RT_EOK);
    uassert_true(rt_device_find("ktdyn") == d);
    uassert_int_equal(rt_device_unregister(d), RT_EOK);
    rt_device_destroy(d);
    uassert_int_equal(kt_heap_used(), used0);
}
#endif

static void testcase(void)
{
    UTEST_UNIT_RUN(test_device_register_find);
    UTEST_UNIT_RUN(test_device_open_rw_close);
    UTEST_UNIT_RUN(test_device_standalone_and_errors);
#ifdef RT_USING_HEAP
    UTEST_UNIT_RUN(test_device_create_destroy);
#endif
}
UTEST_TC_EXPORT(testcase, "testcases.kernel.device_tc", RT_NULL, RT_NULL, 30);
