/* Object tests: init / detach, allocate / delete, find, iteration, names, containers. */
#include "ktest.h"

#define KOBJ_N 5
static struct rt_object s_obj[KOBJ_N];

static rt_bool_t in_container(enum rt_object_class_type type, rt_object_t obj)
{
    struct rt_object_information *info = rt_object_get_information(type);
    rt_list_t *node;
    rt_base_t level;
    rt_bool_t found = RT_FALSE;

    if (info == RT_NULL)
        return RT_FALSE;
    level = rt_hw_interrupt_disable();
    for (node = info->object_list.next; node != &info->object_list; node = node->next)
        if (rt_list_entry(node, struct rt_object, list) == obj)
            found = RT_TRUE;
    rt_hw_interrupt_enable(level);
    return found;
}

static void test_object_init_detach(void)
{
    int len0 = rt_object_get_length(RT_Object_Class_Custom);
    char name[RT_NAME_MAX];
    int i;

    for (i = 0; i < KOBJ_N; i++) {
        rt_snprintf(name, sizeof(name), "kobj%d", i);
        rt_object_init(&s_obj[i], RT_Object_Class_Custom, name);
    }
    uassert_int_equal(rt_object_get_length(RT_Object_Class_Custom), len0 + KOBJ_N);
    uassert_int_equal(rt_object_get_type(&s_obj[0]), RT_Object_Class_Custom);
    uassert_true(rt_object_is_systemobject(&s_obj[0]));
    uassert_int_equal(s_obj[0].type, RT_Object_Class_Custom | RT_Object_Class_Static);
    uassert_str_equal(s_obj[3].name, "kobj3");
    uassert_true(in_container(RT_Object_Class_Custom, &s_obj[2]));
    uassert_true(rt_object_find("kobj2", RT_Object_Class_Custom) == &s_obj[2]);
    uassert_null(rt_object_find("kobj2", RT_Object_Class_Semaphore)); /* other class */
    uassert_null(rt_object_find("kobjX", RT_Object_Class_Custom));
    rt_object_detach(&s_obj[2]);
    uassert_false(in_container(RT_Object_Class_Custom, &s_obj[2]));
    uassert_null(rt_object_find("kobj2", RT_Object_Class_Custom));
    uassert_int_equal(rt_object_get_length(RT_Object_Class_Custom), len0 + KOBJ_N - 1);
    for (i = 0; i < KOBJ_N; i++)
        if (i != 2)
            rt_object_detach(&s_obj[i]);
    uassert_int_equal(rt_object_get_length(RT_Object_Class_Custom), len0);
}

static void test_object_allocate_delete(void)
{
    rt_size_t used0 = kt_heap_baseline(50);
    rt_object_t o = rt_object_allocate(RT_Object_Class_Semaphore, "kobjdyn");

    uassert_not_null(o);
    if (o == RT_NULL)
        return;
    uassert_false(rt_object_is_systemobject(o));
    uassert_int_equal(rt_object_get_type(o), RT_Object_Class_Semaphore);
    uassert_true(kt_heap_used() >= used0 + sizeof(struct rt_semaphore));
    uassert_true(rt_object_find("kobjdyn", RT_Object_Class_Semaphore) == o);
    rt_object_delete(o);
    uassert_null(rt_object_find("kobjdyn", RT_Object_Class_Semaphore));
    uassert_int_equal(kt_heap_used(), used0);
}

static void test_object_name_truncation(void)
{
    static const char longname[] = "averyveryverylongobjectname";
    char buf[RT_NAME_MAX + 4];
    char truncated[RT_NAME_MAX];

    rt_strncpy(truncated, longname, RT_NAME_MAX - 1);
    truncated[RT_NAME_MAX - 1] = '\0';
    rt_object_init(&s_obj[0], RT_Object_Class_Custom, longname);
    uassert_int_equal(rt_strlen(s_obj[0].name), RT_NAME_MAX - 1);
    uassert_str_equal(s_obj[0].name, truncated);
    uassert_true(rt_object_find(truncated, RT_Object_Class_Custom) == &s_obj[0]);
    /* rt_object_get_name copies at most name_size - 1 characters */
    rt_memset(buf, 'x', sizeof(buf));
    uassert_int_equal(rt_object_get_name(&s_obj[0], buf, sizeof(buf)), RT_EOK);
    uassert_str_equal(buf, truncated);
    uassert_int_equal(rt_object_get_name(&s_obj[0], buf, 4), RT_EOK);
    uassert_str_equal(buf, "ave");
    uassert_int_equal(rt_object_get_name(&s_obj[0], RT_NULL, 4), -RT_EINVAL);
    uassert_int_equal(rt_object_get_name(&s_obj[0], buf, 0), -RT_EINVAL);
    rt_object_detach(&s_obj[0]);
    /* exactly RT_NAME_MAX - 1 characters fit untouched */
    rt_object_init(&s_obj[0], RT_Object_Class_Custom, truncated);
    uassert_str_equal(s_obj[0].name, truncated);
    rt_object_detach(&s_obj[0]);
}

struct kobj_iter {
    int seen;
    int ours;
    int stop_after;
};

static rt_err_t count_iter(rt_object_t obj, void *data)
{
    struct kobj_iter *it = data;

    it->seen++;
    if (rt_strncmp(obj->name, "kit", 3) == 0)
        it->ours++;
    if (it->stop_after > 0 && it->seen == it->stop_after)
        return 1; /* positive: stop early, not an error */
    if (it->stop_after < 0 && it->seen == -it->stop_after)
        return -RT_EINVAL; /* negative: stop and report */
    return RT_EOK;
}

static void test_object_for_each_and_pointers(void)
{
    struct kobj_iter it = {0, 0, 0};
    rt_object_t ptrs[KOBJ_N + 8];
    char name[RT_NAME_MAX];
    int i, n, total, ours = 0;

    for (i = 0; i < KOBJ_N; i++) {
        rt_snprintf(name, sizeof(name), "kit%d", i);
        rt_object_init(&s_obj[i], RT_Object_Class_Custom, name);
    }
    total = rt_object_get_length(RT_Object_Class_Custom);
    uassert_int_equal(rt_object_for_each(RT_Object_Class_Custom, count_iter, &it), RT_EOK);
    uassert_int_equal(it.seen, total);
    uassert_int_equal(it.ours, KOBJ_N);

    it.seen = it.ours = 0;
    it.stop_after = 2;
    uassert_int_equal(rt_object_for_each(RT_Object_Class_Custom, count_iter, &it), RT_EOK);
    uassert_int_equal(it.seen, 2);
    it.seen = it.ours = 0;
    it.stop_after = -3;
    uassert_int_equal(rt_object_for_each(RT_Object_Class_Custom, count_iter, &it), -RT_EINVAL);
    uassert_int_equal(it.seen, 3);

    n = rt_object_get_pointers(RT_Object_Class_Custom, ptrs, RT_ARRAY_SIZE(ptrs));
    uassert_int_equal(n, total < (int)RT_ARRAY_SIZE(ptrs) ? total : (int)RT_ARRAY_SIZE(ptrs));
    for (i = 0; i < n; i++)
        ours += ptrs[i] >= &s_obj[0] && ptrs[i] <= &s_obj[KOBJ_N - 1];
    uassert_int_equal(ours, KOBJ_N);
    uassert_int_equal(rt_object_get_pointers(RT_Object_Class_Custom, ptrs, 2), 2);
    for (i = 0; i < KOBJ_N; i++)
        rt_object_detach(&s_obj[i]);
}

static void test_object_information(void)
{
    static const enum rt_object_class_type classes[] = {
        RT_Object_Class_Thread,  RT_Object_Class_Semaphore, RT_Object_Class_Mutex,
        RT_Object_Class_Event,   RT_Object_Class_MailBox,   RT_Object_Class_MessageQueue,
        RT_Object_Class_MemPool, RT_Object_Class_Device,    RT_Object_Class_Timer,
        RT_Object_Class_Custom,
    };
    struct rt_object_information *info;
    rt_size_t i;

    for (i = 0; i < RT_ARRAY_SIZE(classes); i++) {
        info = rt_object_get_information(classes[i]);
        uassert_not_null(info);
        if (info != RT_NULL)
            uassert_int_equal(info->type, classes[i]);
    }
    info = rt_object_get_information(RT_Object_Class_Thread);
    uassert_int_equal(info->object_size, sizeof(struct rt_thread));
    info = rt_object_get_information(RT_Object_Class_Timer);
    uassert_int_equal(info->object_size, sizeof(struct rt_timer));
    uassert_null(rt_object_get_information(RT_Object_Class_Null));
    uassert_null(rt_object_get_information(RT_Object_Class_Unknown));
    /* at least the idle thread and ourselves */
    uassert_value_greater_equal(rt_object_get_length(RT_Object_Class_Thread), 2);
    uassert_true(rt_object_find(rt_thread_self()->parent.name, RT_Object_Class_Thread) ==
                 &rt_thread_self()->parent);
}

static void testcase(void)
{
    UTEST_UNIT_RUN(test_object_init_detach);
    UTEST_UNIT_RUN(test_object_allocate_delete);
    UTEST_UNIT_RUN(test_object_name_truncation);
    UTEST_UNIT_RUN(test_object_for_each_and_pointers);
    UTEST_UNIT_RUN(test_object_information);
}
UTEST_TC_EXPORT(testcase, "testcases.kernel.object_tc", RT_NULL, RT_NULL, 30);
