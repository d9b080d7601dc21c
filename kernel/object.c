/* rtlang kernel: kernel objects and their per-class containers. */
#include "kinternal.h"

/* One container per class, indexed by enum rt_object_class_type, statically initialised so
 * that objects can be created before anything else runs. */
#define OBJ_LIST_INIT(cls) RT_LIST_OBJECT_INIT(obj_container[RT_Object_Class_##cls].object_list)
#define OBJ_CONTAINER(cls, size) \
    [RT_Object_Class_##cls] = {RT_Object_Class_##cls, OBJ_LIST_INIT(cls), size}

static struct rt_object_information obj_container[RT_Object_Class_Unknown] = {
    OBJ_CONTAINER(Null, sizeof(struct rt_object)),
    OBJ_CONTAINER(Thread, sizeof(struct rt_thread)),
    OBJ_CONTAINER(Semaphore, sizeof(struct rt_semaphore)),
    OBJ_CONTAINER(Mutex, sizeof(struct rt_mutex)),
    OBJ_CONTAINER(Event, sizeof(struct rt_event)),
    OBJ_CONTAINER(MailBox, sizeof(struct rt_mailbox)),
    OBJ_CONTAINER(MessageQueue, sizeof(struct rt_messagequeue)),
    OBJ_CONTAINER(MemHeap, sizeof(struct rt_object)),
    OBJ_CONTAINER(MemPool, sizeof(struct rt_mempool)),
    OBJ_CONTAINER(Device, sizeof(struct rt_device)),
    OBJ_CONTAINER(Timer, sizeof(struct rt_timer)),
    OBJ_CONTAINER(Module, sizeof(struct rt_object)),
    OBJ_CONTAINER(Memory, sizeof(struct rt_memory)),
    OBJ_CONTAINER(Channel, sizeof(struct rt_object)),
    OBJ_CONTAINER(Custom, sizeof(struct rt_object)),
};

#ifdef RT_USING_HOOK
static void (*obj_attach_hook)(struct rt_object *object);
static void (*obj_detach_hook)(struct rt_object *object);
void (*rt_object_trytake_hook)(struct rt_object *object);
void (*rt_object_take_hook)(struct rt_object *object);
void (*rt_object_put_hook)(struct rt_object *object);

/* Called when an object (a thread, IPC object...) is attached to its container. */
void rt_object_attach_sethook(void (*hook)(struct rt_object *object))
{
    obj_attach_hook = hook;
}

/* Called when an object is detached from its container. */
void rt_object_detach_sethook(void (*hook)(struct rt_object *object))
{
    obj_detach_hook = hook;
}

/* Called when a thread starts waiting for an IPC object (semaphore take, mutex take...). */
void rt_object_trytake_sethook(void (*hook)(struct rt_object *object))
{
    rt_object_trytake_hook = hook;
}

/* Called when a thread obtained an IPC object. */
void rt_object_take_sethook(void (*hook)(struct rt_object *object))
{
    rt_object_take_hook = hook;
}

/* Called when a thread released an IPC object. */
void rt_object_put_sethook(void (*hook)(struct rt_object *object))
{
    rt_object_put_hook = hook;
}
#endif

static rt_bool_t obj_type_valid(int type)
{
    return type > RT_Object_Class_Null && type < RT_Object_Class_Unknown;
}

void rt_system_object_init(void)
{
}

struct rt_object_information *rt_object_get_information(enum rt_object_class_type type)
{
    type &= ~RT_Object_Class_Static;
    return obj_type_valid(type) ? &obj_container[type] : RT_NULL;
}

int rt_object_get_length(enum rt_object_class_type type)
{
    struct rt_object_information *info = rt_object_get_information(type);
    rt_base_t level;
    int count;

    if (info == RT_NULL)
        return 0;
    level = rt_hw_interrupt_disable();
    count = (int)rt_list_len(&info->object_list);
    rt_hw_interrupt_enable(level);
    return count;
}

int rt_object_get_pointers(enum rt_object_class_type type, rt_object_t *pointers, int maxlen)
{
    struct rt_object_information *info = rt_object_get_information(type);
    struct rt_list_node *node;
    rt_base_t level;
    int index = 0;

    if (info == RT_NULL || pointers == RT_NULL || maxlen <= 0)
        return 0;
    level = rt_hw_interrupt_disable();
    rt_list_for_each(node, &info->object_list)
    {
        pointers[index++] = rt_list_entry(node, struct rt_object, list);
        if (index >= maxlen)
            break;
    }
    rt_hw_interrupt_enable(level);
    return index;
}

rt_err_t rt_object_for_each(rt_uint8_t type, rt_object_iter_t iter, void *data)
{
    struct rt_object_information *info = rt_object_get_information(type);
    struct rt_list_node *node, *next;
    rt_err_t result = RT_EOK;

    if (info == RT_NULL || iter == RT_NULL)
        return -RT_EINVAL;
    rt_enter_critical();
    rt_list_for_each_safe(node, next, &info->object_list)
    {
        result = iter(rt_list_entry(node, struct rt_object, list), data);
        if (result != RT_EOK)
            break;
    }
    rt_exit_critical();
    /* a positive result only means "stop here" */
    return result > 0 ? RT_EOK : result;
}

/* Copy `name` truncated to RT_NAME_MAX - 1 characters, zero-filling the rest. */
static void obj_set_name(struct rt_object *object, const char *name)
{
    rt_size_t i = 0;

    if (name != RT_NULL) {
        for (; i < RT_NAME_MAX - 1 && name[i] != '\0'; i++)
            object->name[i] = name[i];
    }
    for (; i < RT_NAME_MAX; i++)
        object->name[i] = '\0';
}

static void obj_attach(struct rt_object *object, struct rt_object_information *info,
                       rt_uint8_t type, const char *name)
{
    rt_base_t level;

    object->type = type;
    object->flag = 0;
    obj_set_name(object, name);
    level = rt_hw_interrupt_disable();
    rt_list_insert_after(&info->object_list, &object->list);
    rt_hw_interrupt_enable(level);
    RT_OBJECT_HOOK_CALL(obj_attach_hook, (object));
}

#if defined(RT_DEBUG) || defined(RT_USING_DEBUG)
/* Initialising an object that is still in its container would corrupt the list. */
static void obj_assert_not_listed(struct rt_object_information *info, struct rt_object *object)
{
    struct rt_list_node *node;
    rt_base_t level = rt_hw_interrupt_disable();

    rt_list_for_each(node, &info->object_list)
    {
        RT_ASSERT(rt_list_entry(node, struct rt_object, list) != object);
    }
    rt_hw_interrupt_enable(level);
}
#endif

void rt_object_init(struct rt_object *object, enum rt_object_class_type type, const char *name)
{
    struct rt_object_information *info = rt_object_get_information(type);

    RT_ASSERT(object != RT_NULL);
    RT_ASSERT(info != RT_NULL);
#if defined(RT_DEBUG) || defined(RT_USING_DEBUG)
    obj_assert_not_listed(info, object);
#endif
    obj_attach(object, info, (rt_uint8_t)(info->type | RT_Object_Class_Static), name);
}

/* Unlink from the container; the object's type becomes Null so stale use is detectable. */
static void obj_unlink(rt_object_t object)
{
    rt_base_t level;

    RT_OBJECT_HOOK_CALL(obj_detach_hook, (object));
    level = rt_hw_interrupt_disable();
    rt_list_remove(&object->list);
    object->type = RT_Object_Class_Null;
    rt_hw_interrupt_enable(level);
}

void rt_object_detach(rt_object_t object)
{
    RT_ASSERT(object != RT_NULL);
    obj_unlink(object);
}

#ifdef RT_USING_HEAP
rt_object_t rt_object_allocate(enum rt_object_class_type type, const char *name)
{
    struct rt_object_information *info = rt_object_get_information(type);
    struct rt_object *object;

    RT_DEBUG_NOT_IN_INTERRUPT;
    RT_ASSERT(info != RT_NULL);
    object = (struct rt_object *)rt_calloc(1, info->object_size);
    if (object == RT_NULL)
        return RT_NULL;
    obj_attach(object, info, (rt_uint8_t)info->type, name);
    return object;
}

void rt_object_delete(rt_object_t object)
{
    RT_ASSERT(object != RT_NULL);
    RT_ASSERT(!(object->type & RT_Object_Class_Static));
    obj_unlink(object);
    rt_free(object);
}
#endif

rt_bool_t rt_object_is_systemobject(rt_object_t object)
{
    RT_ASSERT(object != RT_NULL);
    return (object->type & RT_Object_Class_Static) ? RT_TRUE : RT_FALSE;
}

rt_uint8_t rt_object_get_type(rt_object_t object)
{
    RT_ASSERT(object != RT_NULL);
    return object->type & ~RT_Object_Class_Static;
}

rt_object_t rt_object_find(const char *name, rt_uint8_t type)
{
    struct rt_object_information *info = rt_object_get_information(type);
    struct rt_object *found = RT_NULL;
    struct rt_list_node *node;

    if (name == RT_NULL || info == RT_NULL)
        return RT_NULL;
    RT_DEBUG_NOT_IN_INTERRUPT;
    rt_enter_critical();
    rt_list_for_each(node, &info->object_list)
    {
        struct rt_object *object = rt_list_entry(node, struct rt_object, list);

        if (rt_strncmp(object->name, name, RT_NAME_MAX) == 0) {
            found = object;
            break;
        }
    }
    rt_exit_critical();
    return found;
}

rt_err_t rt_object_get_name(rt_object_t object, char *name, rt_uint8_t name_size)
{
    rt_uint8_t i;

    if (object == RT_NULL || name == RT_NULL || name_size == 0)
        return -RT_EINVAL;
    for (i = 0; i + 1 < name_size && i < RT_NAME_MAX && object->name[i] != '\0'; i++)
        name[i] = object->name[i];
    name[i] = '\0';
    return RT_EOK;
}
