/* msh built-in commands with RT-Thread 5.x output formats: version, ps, list, free, clear,
 * reboot. */
#include <rtthread.h>
#include <rthw.h>
#include "msh_internal.h"

#define LIST_BATCH      8   /* objects snapshotted per pass over a container */
#define LIST_SLOT_SIZE  128 /* bytes per snapshot, enough for every class below */
#define LIST_WAIT_NAMES 4   /* waiting threads named per object ("2:th1/th2") */
#define LIST_NAME_W     RT_NAME_MAX

/* A snapshot of one object, taken with the scheduler locked and printed after unlocking. */
typedef void (*list_snap_fn)(rt_object_t obj, void *slot);
typedef void (*list_print_fn)(const void *slot);

struct list_pass {
    list_snap_fn snap;
    rt_size_t skip; /* objects already printed by earlier passes */
    rt_size_t count;
    rt_uint8_t slots[LIST_BATCH][LIST_SLOT_SIZE] __attribute__((aligned(sizeof(void *))));
};

static rt_err_t list_collect(rt_object_t obj, void *data)
{
    struct list_pass *pass = data;

    if (pass->skip > 0) {
        pass->skip--;
        return RT_EOK;
    }
    pass->snap(obj, pass->slots[pass->count]);
    return ++pass->count < LIST_BATCH ? RT_EOK : -RT_EFULL;
}

/* Print every object of a class in batches so no output happens inside the critical section. */
static void list_objects(enum rt_object_class_type type, list_snap_fn snap, list_print_fn print)
{
    struct list_pass pass = {.snap = snap};
    rt_size_t done = 0;

    do {
        pass.skip = done;
        pass.count = 0;
        rt_object_for_each(type, list_collect, &pass);
        for (rt_size_t i = 0; i < pass.count; i++) {
            print(pass.slots[i]);
        }
        done += pass.count;
    } while (pass.count == LIST_BATCH);
}

static void list_header(const char *title, const char *columns, const char *rule)
{
    rt_kprintf("%-*.*s %s\n", LIST_NAME_W, LIST_NAME_W, title, columns);
    for (int i = 0; i < LIST_NAME_W; i++) {
        rt_kputs("-");
    }
    rt_kprintf(" %s\n", rule);
}

/* Threads waiting on an IPC object: their number and the first few names. */
struct list_wait {
    rt_uint32_t count;
    char names[LIST_WAIT_NAMES][RT_NAME_MAX + 1];
};

static void list_name_copy(char *dst, const rt_object_t obj);

static void list_waiters(const rt_list_t *head, struct list_wait *w)
{
    w->count = 0;
    for (const rt_list_t *node = head->next; node != head; node = node->next) {
        if (w->count < LIST_WAIT_NAMES) {
            const struct rt_thread *t = rt_list_entry(node, struct rt_thread, tlist);

            list_name_copy(w->names[w->count], (rt_object_t)&t->parent);
        }
        w->count++;
    }
}

/* The "suspend thread" column: "0", or "2:th1/th2" as RT-Thread prints it. */
static void list_print_waiters(const struct list_wait *w)
{
    rt_kprintf("%u", (unsigned)w->count);
    for (rt_uint32_t i = 0; i < w->count && i < LIST_WAIT_NAMES; i++) {
        rt_kprintf("%s%s", i == 0 ? ":" : "/", w->names[i]);
    }
    rt_kprintf(w->count > LIST_WAIT_NAMES ? "/...\n" : "\n");
}

static void list_name_copy(char *dst, const rt_object_t obj)
{
    rt_strncpy(dst, obj->name, RT_NAME_MAX);
    dst[RT_NAME_MAX] = '\0';
}

/* ---- threads ---------------------------------------------------------------------------- */

struct thread_snap {
    char name[RT_NAME_MAX + 1];
    rt_uint8_t prio;
    rt_uint8_t stat;
    rt_uint32_t sp_used;
    rt_uint32_t stack_size;
    rt_uint32_t max_used_pct;
    rt_ubase_t remaining_tick;
    rt_err_t error;
    const void *tcb;
};

/* Deepest stack use: the kernel fills new stacks with '#', the stack grows downwards. */
static rt_uint32_t thread_max_used_pct(const struct rt_thread *t)
{
    const rt_uint8_t *p = t->stack_addr;
    rt_uint32_t untouched = 0;

    if (p == RT_NULL || t->stack_size == 0) {
        return 0;
    }
    while (untouched < t->stack_size && p[untouched] == '#') {
        untouched++;
    }
    return (rt_uint32_t)((t->stack_size - untouched) * 100ULL / t->stack_size);
}

static rt_uint32_t thread_sp_used(const struct rt_thread *t)
{
    rt_ubase_t lo = (rt_ubase_t)t->stack_addr, hi = lo + t->stack_size, sp = (rt_ubase_t)t->sp;

    /* On the simulator sp may be a host context rather than an address in the stack. */
    return (sp >= lo && sp <= hi) ? (rt_uint32_t)(hi - sp) : 0;
}

static void thread_snap(rt_object_t obj, void *slot)
{
    const struct rt_thread *t = (const struct rt_thread *)obj;
    struct thread_snap *s = slot;

    list_name_copy(s->name, obj);
    s->prio = t->current_priority;
    s->stat = t->stat & RT_THREAD_STAT_MASK;
    s->sp_used = thread_sp_used(t);
    s->stack_size = t->stack_size;
    s->max_used_pct = thread_max_used_pct(t);
    s->remaining_tick = t->remaining_tick;
    s->error = t->error;
    s->tcb = t;
}

_Static_assert(sizeof(struct thread_snap) <= LIST_SLOT_SIZE, "list snapshot too large");

static const char *thread_stat_name(rt_uint8_t stat)
{
    if (stat == RT_THREAD_READY) {
        return "ready  ";
    }
    if (stat == RT_THREAD_RUNNING) {
        return "running";
    }
    if (stat == RT_THREAD_INIT) {
        return "init   ";
    }
    if (stat == RT_THREAD_CLOSE) {
        return "close  ";
    }
    return (stat & RT_THREAD_SUSPEND_MASK) ? "suspend" : "unknown";
}

static void thread_print(const void *slot)
{
    const struct thread_snap *s = slot;

    rt_kprintf("%-*.*s %3d  %s 0x%08x 0x%08x    %02d%%   0x%08lx %-7s %p\n", LIST_NAME_W,
               LIST_NAME_W, s->name, s->prio, thread_stat_name(s->stat), s->sp_used, s->stack_size,
               s->max_used_pct, (unsigned long)s->remaining_tick, rt_strerror(s->error), s->tcb);
}

static void list_thread(void)
{
    list_header("thread", "pri  status      sp     stack size max used left tick   error  tcb addr",
                "---  ------- ---------- ----------  ------  ---------- ------- ----------");
    list_objects(RT_Object_Class_Thread, thread_snap, thread_print);
}

/* ---- semaphores, mutexes, events -------------------------------------------------------- */

struct ipc_snap {
    char name[RT_NAME_MAX + 1];
    char owner[RT_NAME_MAX + 1];
    rt_uint32_t a, b, c; /* class-specific values */
    struct list_wait wait;
};

_Static_assert(sizeof(struct ipc_snap) <= LIST_SLOT_SIZE, "list snapshot too large");

static void sem_snap(rt_object_t obj, void *slot)
{
    const struct rt_semaphore *sem = (const struct rt_semaphore *)obj;
    struct ipc_snap *s = slot;

    list_name_copy(s->name, obj);
    s->a = sem->value;
    list_waiters(&sem->parent.suspend_thread, &s->wait);
}

static void sem_print(const void *slot)
{
    const struct ipc_snap *s = slot;

    rt_kprintf("%-*.*s %03u ", LIST_NAME_W, LIST_NAME_W, s->name, s->a);
    list_print_waiters(&s->wait);
}

static void mutex_snap(rt_object_t obj, void *slot)
{
    const struct rt_mutex *m = (const struct rt_mutex *)obj;
    struct ipc_snap *s = slot;

    list_name_copy(s->name, obj);
    if (m->owner != RT_NULL) {
        list_name_copy(s->owner, &m->owner->parent);
    } else {
        rt_strcpy(s->owner, "(NULL)");
    }
    s->a = m->hold;
    s->b = m->priority;
    list_waiters(&m->parent.suspend_thread, &s->wait);
}

static void mutex_print(const void *slot)
{
    const struct ipc_snap *s = slot;

    rt_kprintf("%-*.*s %-8.8s %04u %8u  ", LIST_NAME_W, LIST_NAME_W, s->name, s->owner, s->a, s->b);
    list_print_waiters(&s->wait);
}

static void event_snap(rt_object_t obj, void *slot)
{
    const struct rt_event *e = (const struct rt_event *)obj;
    struct ipc_snap *s = slot;

    list_name_copy(s->name, obj);
    s->a = e->set;
    list_waiters(&e->parent.suspend_thread, &s->wait);
}

static void event_print(const void *slot)
{
    const struct ipc_snap *s = slot;

    rt_kprintf("%-*.*s  0x%08x ", LIST_NAME_W, LIST_NAME_W, s->name, s->a);
    list_print_waiters(&s->wait);
}

static void mailbox_snap(rt_object_t obj, void *slot)
{
    const struct rt_mailbox *mb = (const struct rt_mailbox *)obj;
    struct ipc_snap *s = slot;

    list_name_copy(s->name, obj);
    s->a = mb->entry;
    s->b = mb->size;
    list_waiters(&mb->parent.suspend_thread, &s->wait);
}

static void mailbox_print(const void *slot)
{
    const struct ipc_snap *s = slot;

    rt_kprintf("%-*.*s %04u  %04u ", LIST_NAME_W, LIST_NAME_W, s->name, s->a, s->b);
    list_print_waiters(&s->wait);
}

static void msgqueue_snap(rt_object_t obj, void *slot)
{
    const struct rt_messagequeue *mq = (const struct rt_messagequeue *)obj;
    struct ipc_snap *s = slot;

    list_name_copy(s->name, obj);
    s->a = mq->entry;
    list_waiters(&mq->parent.suspend_thread, &s->wait);
}

static void msgqueue_print(const void *slot)
{
    const struct ipc_snap *s = slot;

    rt_kprintf("%-*.*s %04u  ", LIST_NAME_W, LIST_NAME_W, s->name, s->a);
    list_print_waiters(&s->wait);
}

static void mempool_snap(rt_object_t obj, void *slot)
{
    const struct rt_mempool *mp = (const struct rt_mempool *)obj;
    struct ipc_snap *s = slot;

    list_name_copy(s->name, obj);
    s->a = (rt_uint32_t)mp->block_size;
    s->b = (rt_uint32_t)mp->block_total_count;
    s->c = (rt_uint32_t)mp->block_free_count;
    list_waiters(&mp->suspend_thread, &s->wait);
}

static void mempool_print(const void *slot)
{
    const struct ipc_snap *s = slot;

    rt_kprintf("%-*.*s %04u  %04u  %04u ", LIST_NAME_W, LIST_NAME_W, s->name, s->a, s->b, s->c);
    list_print_waiters(&s->wait);
}

/* ---- timers, devices ----------------------------------------------------------------------- */

static void timer_snap(rt_object_t obj, void *slot)
{
    const struct rt_timer *t = (const struct rt_timer *)obj;
    struct ipc_snap *s = slot;

    list_name_copy(s->name, obj);
    s->a = t->init_tick;
    s->b = t->timeout_tick;
    s->c = t->parent.flag;
}

static void timer_print(const void *slot)
{
    const struct ipc_snap *s = slot;

    rt_kprintf("%-*.*s 0x%08x 0x%08x %s %s\n", LIST_NAME_W, LIST_NAME_W, s->name, s->a, s->b,
               (s->c & RT_TIMER_FLAG_ACTIVATED) ? "activated  " : "deactivated",
               (s->c & RT_TIMER_FLAG_PERIODIC) ? "periodic" : "one shot");
}

static void list_timer(void)
{
    list_header("timer", "  periodic   timeout    activated     mode",
                "---------- ---------- ----------- ---------");
    list_objects(RT_Object_Class_Timer, timer_snap, timer_print);
    rt_kprintf("current tick:0x%08x\n", rt_tick_get());
}

static const char *device_type_name(rt_uint32_t type)
{
    static const char *const names[] = {"Character Device",
                                        "Block Device",
                                        "Network Interface",
                                        "MTD Device",
                                        "CAN Device",
                                        "RTC",
                                        "Sound Device",
                                        "Graphic Device",
                                        "I2C Bus",
                                        "USB Slave Device",
                                        "USB Host Bus",
                                        "USB OTG Bus",
                                        "SPI Bus",
                                        "SPI Device",
                                        "SDIO Bus",
                                        "PM Pseudo Device",
                                        "Pipe",
                                        "Portal Device",
                                        "Timer Device",
                                        "Miscellaneous Device",
                                        "Sensor Device",
                                        "Touch Device",
                                        "Phy Device",
                                        "Security Device",
                                        "WLAN Device",
                                        "Pin Device",
                                        "ADC Device",
                                        "DAC Device",
                                        "WDT Device",
                                        "PWM Device",
                                        "Bus Device",
                                        "Unknown"};

    return type < RT_ARRAY_SIZE(names) ? names[type] : "Unknown";
}

static void device_snap(rt_object_t obj, void *slot)
{
    const struct rt_device *d = (const struct rt_device *)obj;
    struct ipc_snap *s = slot;

    list_name_copy(s->name, obj);
    s->a = (rt_uint32_t)d->type;
    s->b = d->ref_count;
}

static void device_print(const void *slot)
{
    const struct ipc_snap *s = slot;

    rt_kprintf("%-*.*s %-20s %-8u\n", LIST_NAME_W, LIST_NAME_W, s->name, device_type_name(s->a),
               s->b);
}

/* ---- the list command ------------------------------------------------------------------- */

struct list_kind {
    const char *name;
    const char *help;
    void (*run)(void);
};

static void list_sem(void)
{
    list_header("semaphore", "v   suspend thread", "--- --------------");
    list_objects(RT_Object_Class_Semaphore, sem_snap, sem_print);
}

static void list_mutex(void)
{
    list_header("mutex", "  owner  hold priority suspend thread",
                "-------- ---- -------- --------------");
    list_objects(RT_Object_Class_Mutex, mutex_snap, mutex_print);
}

static void list_event(void)
{
    list_header("event", "     set    suspend thread", " ---------- --------------");
    list_objects(RT_Object_Class_Event, event_snap, event_print);
}

static void list_mailbox(void)
{
    list_header("mailbox", "entry size suspend thread", "----  ---- --------------");
    list_objects(RT_Object_Class_MailBox, mailbox_snap, mailbox_print);
}

static void list_msgqueue(void)
{
    list_header("msgqueue", "entry suspend thread", "----  --------------");
    list_objects(RT_Object_Class_MessageQueue, msgqueue_snap, msgqueue_print);
}

static void list_mempool(void)
{
    list_header("mempool", "block total free suspend thread", "----  ----  ---- --------------");
    list_objects(RT_Object_Class_MemPool, mempool_snap, mempool_print);
}

static void list_device(void)
{
    list_header("device", "        type         ref count", "-------------------- ----------");
    list_objects(RT_Object_Class_Device, device_snap, device_print);
}

static const struct list_kind list_kinds[] = {
    {"thread", "list threads", list_thread},
    {"timer", "list timers", list_timer},
    {"sem", "list semaphores", list_sem},
    {"mutex", "list mutexes", list_mutex},
    {"event", "list events", list_event},
    {"mailbox", "list mail boxes", list_mailbox},
    {"msgqueue", "list message queues", list_msgqueue},
    {"mempool", "list memory pools", list_mempool},
    {"device", "list devices", list_device},
};

static void list_usage(void)
{
    rt_kprintf("Usage: list [options]\n[options]:\n");
    for (rt_size_t i = 0; i < RT_ARRAY_SIZE(list_kinds); i++) {
        rt_kprintf("    %-10s - %s\n", list_kinds[i].name, list_kinds[i].help);
    }
}

static int list(int argc, char **argv)
{
    if (argc == 2) {
        for (rt_size_t i = 0; i < RT_ARRAY_SIZE(list_kinds); i++) {
            if (rt_strcmp(argv[1], list_kinds[i].name) == 0) {
                list_kinds[i].run();
                return 0;
            }
        }
        rt_kprintf("list: unknown option '%s'\n", argv[1]);
    }
    list_usage();
    return argc == 2 ? -RT_EINVAL : (argc == 1 ? 0 : -RT_EINVAL);
}
MSH_CMD_EXPORT(list, list objects);

static int ps(int argc, char **argv)
{
    list_thread();
    return 0;
}
MSH_CMD_EXPORT(ps, List threads in the system);

/* ---- system ----------------------------------------------------------------------------- */

static int version(int argc, char **argv)
{
    rt_show_version();
    return 0;
}
/* clang-format off */
MSH_CMD_EXPORT(version, show RT-Thread version information);
/* clang-format on */

#ifdef RT_USING_HEAP
static int cmd_free(int argc, char **argv)
{
    rt_size_t total = 0, used = 0, max_used = 0;

    rt_memory_info(&total, &used, &max_used);
    rt_kprintf("total    : %lu\n", (unsigned long)total);
    rt_kprintf("used     : %lu\n", (unsigned long)used);
    rt_kprintf("maximum  : %lu\n", (unsigned long)max_used);
    rt_kprintf("available: %lu\n", (unsigned long)(total - used));
    return 0;
}
MSH_CMD_EXPORT_ALIAS(cmd_free, free, Show the memory usage in the system);
#endif

static int clear(int argc, char **argv)
{
    rt_kprintf("\x1b[2J\x1b[H");
    return 0;
}
MSH_CMD_EXPORT(clear, clear the terminal screen);

static int reboot(int argc, char **argv)
{
    rt_hw_cpu_reset();
    return 0;
}
MSH_CMD_EXPORT(reboot, Reboot System);
