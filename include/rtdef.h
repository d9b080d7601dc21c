/* rtlang kernel: basic types, constants, configuration defaults and kernel object structures
 * (RT-Thread 5.x compatible names, values and member names). */
#ifndef RT_DEF_H__
#define RT_DEF_H__

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------------------------------
 * Version. The API level we implement is RT-Thread 5.0.2.
 * ------------------------------------------------------------------------------------------ */
#define RT_VERSION_MAJOR                       5
#define RT_VERSION_MINOR                       0
#define RT_VERSION_PATCH                       2
#define RT_VERSION                             RT_VERSION_MAJOR /* legacy names */
#define RT_SUBVERSION                          RT_VERSION_MINOR
#define RT_REVISION                            RT_VERSION_PATCH
#define RT_VERSION_CHECK(major, minor, revise) ((major * 10000) + (minor * 100) + revise)
#define RTTHREAD_VERSION                       RT_VERSION_CHECK(RT_VERSION_MAJOR, RT_VERSION_MINOR, RT_VERSION_PATCH)

/* ------------------------------------------------------------------------------------------
 * Configuration defaults: a board's rtconfig.h (included before this file by rtthread.h)
 * only states what differs.
 * ------------------------------------------------------------------------------------------ */
#ifndef RT_NAME_MAX
#define RT_NAME_MAX 8 /* object name buffer, including the terminating NUL */
#endif
#ifndef RT_ALIGN_SIZE
#define RT_ALIGN_SIZE 4 /* alignment of heap blocks and thread stacks, in bytes */
#endif
#ifndef RT_THREAD_PRIORITY_MAX
#define RT_THREAD_PRIORITY_MAX 32 /* number of priorities: 8, 32 or 256 (0 is highest) */
#endif
#ifndef RT_TICK_PER_SECOND
#define RT_TICK_PER_SECOND 1000 /* OS tick frequency in Hz */
#endif
#ifndef IDLE_THREAD_STACK_SIZE
#define IDLE_THREAD_STACK_SIZE 256 /* stack of the idle thread, bytes */
#endif
#ifndef RT_IDLE_HOOK_LIST_SIZE
#define RT_IDLE_HOOK_LIST_SIZE 4 /* slots for rt_thread_idle_sethook() */
#endif
#ifndef RT_MAIN_THREAD_STACK_SIZE
#define RT_MAIN_THREAD_STACK_SIZE 2048 /* stack of the thread running main() */
#endif
#ifndef RT_MAIN_THREAD_PRIORITY
#define RT_MAIN_THREAD_PRIORITY (RT_THREAD_PRIORITY_MAX / 3) /* priority of main() */
#endif
#ifndef RT_TIMER_THREAD_PRIO
#define RT_TIMER_THREAD_PRIO 4 /* priority of the soft-timer thread "timer" */
#endif
#ifndef RT_TIMER_THREAD_STACK_SIZE
#define RT_TIMER_THREAD_STACK_SIZE 512 /* stack of the soft-timer thread */
#endif
#ifndef RT_CONSOLEBUF_SIZE
#define RT_CONSOLEBUF_SIZE 128 /* longest single rt_kprintf() output, bytes */
#endif
#ifndef RT_CONSOLE_DEVICE_NAME
#define RT_CONSOLE_DEVICE_NAME "uart1" /* device the board makes the console */
#endif
#ifndef RT_USER_MAIN_ENTRY
#define RT_USER_MAIN_ENTRY main /* function the "main" thread runs (RT_USING_USER_MAIN) */
#endif
#ifndef RT_MEMPOOL_WAKEUP_ALL
#define RT_MEMPOOL_WAKEUP_ALL 0 /* reserved */
#endif

/* ------------------------------------------------------------------------------------------
 * Basic types
 * ------------------------------------------------------------------------------------------ */
typedef int8_t rt_int8_t;
typedef int16_t rt_int16_t;
typedef int32_t rt_int32_t;
typedef int64_t rt_int64_t;
typedef uint8_t rt_uint8_t;
typedef uint16_t rt_uint16_t;
typedef uint32_t rt_uint32_t;
typedef uint64_t rt_uint64_t;
typedef int rt_bool_t;
typedef long rt_base_t;           /* signed, as wide as a pointer */
typedef unsigned long rt_ubase_t; /* unsigned, as wide as a pointer */
typedef rt_base_t rt_err_t;       /* error code: RT_EOK or a negated RT_E* value */
typedef rt_uint32_t rt_time_t;
typedef rt_uint32_t rt_tick_t; /* OS ticks, wraps around */
typedef rt_base_t rt_flag_t;
typedef rt_ubase_t rt_size_t;
typedef rt_base_t rt_ssize_t; /* size or negated error code */
typedef rt_ubase_t rt_dev_t;
typedef rt_base_t rt_off_t;
typedef rt_base_t rt_atomic_t;
typedef rt_ubase_t rt_uintptr_t;
typedef rt_base_t rt_intptr_t;

#define RT_TRUE       1
#define RT_FALSE      0
#define RT_NULL       ((void *)0)

#define RT_UINT8_MAX  0xff
#define RT_UINT16_MAX 0xffff
#define RT_UINT32_MAX 0xffffffffU
#define RT_INT32_MAX  0x7fffffff
#define RT_TICK_MAX   RT_UINT32_MAX

/* Semaphore counters are 16 bits wide. */
#define RT_SEM_VALUE_MAX   RT_UINT16_MAX
#define RT_MUTEX_VALUE_MAX RT_UINT16_MAX
#define RT_MUTEX_HOLD_MAX  RT_UINT8_MAX
#define RT_MB_ENTRY_MAX    RT_UINT16_MAX
#define RT_MQ_ENTRY_MAX    RT_UINT16_MAX

/* ------------------------------------------------------------------------------------------
 * Compiler helpers (GCC / Clang)
 * ------------------------------------------------------------------------------------------ */
#define RT_SECTION(x)      __attribute__((section(x)))
#define RT_USED            __attribute__((used))
#define RT_UNUSED_ATTR     __attribute__((unused))
#define RT_WEAK            __attribute__((weak))
#define RT_NORETURN        __attribute__((noreturn))
#define rt_section(x)      RT_SECTION(x)
#define rt_used            RT_USED
#define rt_weak            RT_WEAK
#define rt_noreturn        RT_NORETURN
#define rt_align(n)        __attribute__((aligned(n)))
#define rt_packed(declare) declare __attribute__((packed))
#define ALIGN(n)           __attribute__((aligned(n)))
#define rt_inline          static __inline
#define RT_UNUSED(x)       ((void)(x))
#define RT_ARRAY_SIZE(arr) (sizeof(arr) / sizeof((arr)[0]))

/* Round size up / down to a multiple of align (a power of two). */
#define RT_ALIGN(size, align)      (((size) + (align)-1) & ~((align)-1))
#define RT_ALIGN_DOWN(size, align) ((size) & ~((align)-1))

/* ------------------------------------------------------------------------------------------
 * Automatic initialisation: functions placed in sections rti_fn_1..rti_fn_6 and run by
 * rt_components_board_init() (level 1) and rt_components_init() (levels 2..6).
 * ------------------------------------------------------------------------------------------ */
typedef int (*init_fn_t)(void);

#define INIT_EXPORT(fn, level)                                         \
    RT_USED const init_fn_t __rt_init_##fn RT_SECTION("rti_fn_" level) \
        __attribute__((aligned(sizeof(void *)))) = fn

#define INIT_BOARD_EXPORT(fn)     INIT_EXPORT(fn, "1") /* board: before the scheduler */
#define INIT_PREV_EXPORT(fn)      INIT_EXPORT(fn, "2") /* pre-initialisation */
#define INIT_DEVICE_EXPORT(fn)    INIT_EXPORT(fn, "3") /* device drivers */
#define INIT_COMPONENT_EXPORT(fn) INIT_EXPORT(fn, "4") /* components */
#define INIT_ENV_EXPORT(fn)       INIT_EXPORT(fn, "5") /* environment */
#define INIT_APP_EXPORT(fn)       INIT_EXPORT(fn, "6") /* applications */

/* ------------------------------------------------------------------------------------------
 * Error codes (functions return them negated: -RT_ETIMEOUT ...)
 * ------------------------------------------------------------------------------------------ */
#define RT_EOK      0  /* no error */
#define RT_ERROR    1  /* generic error */
#define RT_ETIMEOUT 2  /* timed out */
#define RT_EFULL    3  /* resource full */
#define RT_EEMPTY   4  /* resource empty */
#define RT_ENOMEM   5  /* out of memory */
#define RT_ENOSYS   6  /* not implemented */
#define RT_EBUSY    7  /* busy */
#define RT_EIO      8  /* I/O error */
#define RT_EINTR    9  /* interrupted */
#define RT_EINVAL   10 /* invalid argument */
#define RT_ENOENT   11 /* no such entry */
#define RT_ENOSPC   12 /* no space left */
#define RT_EPERM    13 /* operation not permitted */
#define RT_ETRAP    14 /* trap */

/* ------------------------------------------------------------------------------------------
 * Doubly and singly linked lists
 * ------------------------------------------------------------------------------------------ */
struct rt_list_node {
    struct rt_list_node *next;
    struct rt_list_node *prev;
};
typedef struct rt_list_node rt_list_t;

struct rt_slist_node {
    struct rt_slist_node *next;
};
typedef struct rt_slist_node rt_slist_t;

/* ------------------------------------------------------------------------------------------
 * Kernel objects
 * ------------------------------------------------------------------------------------------ */
enum rt_object_class_type {
    RT_Object_Class_Null = 0x00,
    RT_Object_Class_Thread = 0x01,
    RT_Object_Class_Semaphore = 0x02,
    RT_Object_Class_Mutex = 0x03,
    RT_Object_Class_Event = 0x04,
    RT_Object_Class_MailBox = 0x05,
    RT_Object_Class_MessageQueue = 0x06,
    RT_Object_Class_MemHeap = 0x07,
    RT_Object_Class_MemPool = 0x08,
    RT_Object_Class_Device = 0x09,
    RT_Object_Class_Timer = 0x0a,
    RT_Object_Class_Module = 0x0b,
    RT_Object_Class_Memory = 0x0c,
    RT_Object_Class_Channel = 0x0d,
    RT_Object_Class_Custom = 0x0e,
    RT_Object_Class_Unknown = 0x0f,
    RT_Object_Class_Static = 0x80 /* OR-ed into type: statically allocated (init/detach) */
};

/* Base of every kernel object; always the first member. */
struct rt_object {
    char name[RT_NAME_MAX]; /* NUL-terminated, truncated to RT_NAME_MAX - 1 characters */
    rt_uint8_t type;        /* enum rt_object_class_type | RT_Object_Class_Static */
    rt_uint8_t flag;        /* class-specific flags (IPC wait order, timer mode...) */
    rt_list_t list;         /* link in the class container */
};
typedef struct rt_object *rt_object_t;

/* Per-class container of all live objects. */
struct rt_object_information {
    enum rt_object_class_type type;
    rt_list_t object_list;
    rt_size_t object_size; /* size of the class's structure, used by rt_object_allocate */
};

/* Callback for rt_object_for_each(): return RT_EOK to continue, anything else to stop. */
typedef rt_err_t (*rt_object_iter_t)(rt_object_t object, void *data);

#ifdef RT_USING_HOOK
#define RT_OBJECT_HOOK_CALL(func, argv) \
    do {                                \
        if ((func) != RT_NULL)          \
            func argv;                  \
    } while (0)
#else
#define RT_OBJECT_HOOK_CALL(func, argv)
#endif

/* ------------------------------------------------------------------------------------------
 * Timers
 * ------------------------------------------------------------------------------------------ */
#define RT_TIMER_FLAG_DEACTIVATED     0x0 /* timer is stopped */
#define RT_TIMER_FLAG_ACTIVATED       0x1 /* timer is running */
#define RT_TIMER_FLAG_ONE_SHOT        0x0 /* fires once */
#define RT_TIMER_FLAG_PERIODIC        0x2 /* fires every init_tick ticks */
#define RT_TIMER_FLAG_HARD_TIMER      0x0 /* callback runs in the tick interrupt */
#define RT_TIMER_FLAG_SOFT_TIMER      0x4 /* callback runs in the "timer" thread */
#define RT_TIMER_FLAG_THREAD_TIMER    0x8 /* the timer of a thread (internal) */

#define RT_TIMER_CTRL_SET_TIME        0x0 /* arg: rt_tick_t *, new period */
#define RT_TIMER_CTRL_GET_TIME        0x1 /* arg: rt_tick_t *, receives the period */
#define RT_TIMER_CTRL_SET_ONESHOT     0x2
#define RT_TIMER_CTRL_SET_PERIODIC    0x3
#define RT_TIMER_CTRL_GET_STATE       0x4 /* arg: rt_uint32_t *, ACTIVATED / DEACTIVATED */
#define RT_TIMER_CTRL_GET_REMAIN_TIME 0x5 /* arg: rt_tick_t *, receives the timeout tick */
#define RT_TIMER_CTRL_GET_FUNC        0x6 /* arg: void **, receives timeout_func */
#define RT_TIMER_CTRL_SET_FUNC        0x7 /* arg: timeout function */
#define RT_TIMER_CTRL_GET_PARM        0x8 /* arg: void **, receives parameter */
#define RT_TIMER_CTRL_SET_PARM        0x9 /* arg: new parameter */

#ifndef RT_TIMER_SKIP_LIST_LEVEL
#define RT_TIMER_SKIP_LIST_LEVEL 1
#endif
#ifndef RT_TIMER_SKIP_LIST_MASK
#define RT_TIMER_SKIP_LIST_MASK 0x3
#endif

struct rt_timer {
    struct rt_object parent;
    rt_list_t row[RT_TIMER_SKIP_LIST_LEVEL]; /* link in the active timer list */
    void (*timeout_func)(void *parameter);
    void *parameter;
    rt_tick_t init_tick;    /* period / delay in ticks */
    rt_tick_t timeout_tick; /* absolute tick at which it fires */
};
typedef struct rt_timer *rt_timer_t;

/* ------------------------------------------------------------------------------------------
 * Threads
 * ------------------------------------------------------------------------------------------ */
#define RT_THREAD_INIT                  0x00 /* initialised, not started */
#define RT_THREAD_CLOSE                 0x01 /* closed (exited, detached or deleted) */
#define RT_THREAD_READY                 0x02 /* in the ready queue */
#define RT_THREAD_RUNNING               0x03 /* running (rt_thread_self()) */

#define RT_THREAD_SUSPEND_MASK          0x04
#define RT_SIGNAL_COMMON_WAKEUP_MASK    0x02
#define RT_SIGNAL_KILL_WAKEUP_MASK      0x01
#define RT_THREAD_SUSPEND_INTERRUPTIBLE (RT_THREAD_SUSPEND_MASK)
#define RT_THREAD_SUSPEND_KILLABLE      (RT_THREAD_SUSPEND_MASK | RT_SIGNAL_COMMON_WAKEUP_MASK)
#define RT_THREAD_SUSPEND_UNINTERRUPTIBLE \
    (RT_THREAD_SUSPEND_MASK | RT_SIGNAL_COMMON_WAKEUP_MASK | RT_SIGNAL_KILL_WAKEUP_MASK)
#define RT_THREAD_SUSPEND              RT_THREAD_SUSPEND_UNINTERRUPTIBLE /* blocked */

#define RT_THREAD_STAT_MASK            0x07 /* state bits of rt_thread.stat */
#define RT_THREAD_STAT_YIELD           0x08 /* thread gave up the rest of its slice */
#define RT_THREAD_STAT_YIELD_MASK      RT_THREAD_STAT_YIELD
#define RT_THREAD_STAT_SIGNAL_MASK     0xf0

#define RT_THREAD_CTRL_STARTUP         0x00 /* start the thread */
#define RT_THREAD_CTRL_CLOSE           0x01 /* delete or detach the thread */
#define RT_THREAD_CTRL_CHANGE_PRIORITY 0x02 /* arg: rt_uint8_t *, new priority */
#define RT_THREAD_CTRL_INFO            0x03 /* reserved: returns -RT_ENOSYS */
#define RT_THREAD_CTRL_BIND_CPU        0x04 /* SMP only: accepted and ignored on UP */

/* Per-thread state of the rtlang console capture (rt_console_capture_start). */
struct rt_console_capture {
    char *buf;      /* destination, RT_NULL when not capturing */
    rt_size_t size; /* capacity of buf, including the NUL */
    rt_size_t len;  /* bytes the output needed so far (may exceed size - 1) */
};

struct rt_thread {
    struct rt_object parent;
    rt_list_t tlist; /* link in the ready queue or an IPC wait list */

    void *sp;         /* saved stack pointer / port context (see rthw.h) */
    void *entry;      /* entry function */
    void *parameter;  /* entry argument */
    void *stack_addr; /* lowest address of the stack */
    rt_uint32_t stack_size;

    rt_err_t error;  /* result of the last blocking call; also the thread's errno */
    rt_uint8_t stat; /* RT_THREAD_* state, plus RT_THREAD_STAT_YIELD */

    rt_uint8_t current_priority; /* effective priority (raised by mutex inheritance) */
    rt_uint8_t init_priority;    /* priority given at creation / CHANGE_PRIORITY */
#if RT_THREAD_PRIORITY_MAX > 32
    rt_uint8_t number;    /* current_priority >> 3 */
    rt_uint8_t high_mask; /* 1 << (current_priority & 7) */
#endif
    rt_uint32_t number_mask; /* bit of current_priority in the ready bitmap */

#ifdef RT_USING_MUTEX
    rt_list_t taken_object_list; /* mutexes this thread holds */
    rt_object_t pending_object;  /* mutex this thread is blocked on, or RT_NULL */
#endif
#ifdef RT_USING_EVENT
    rt_uint32_t event_set; /* bits wanted / bits received */
    rt_uint8_t event_info; /* RT_EVENT_FLAG_* options of the pending receive */
#endif

    rt_ubase_t init_tick;      /* time slice length */
    rt_ubase_t remaining_tick; /* ticks left in the current slice */

    struct rt_timer thread_timer; /* timeout of delays and blocking calls */

    void (*cleanup)(struct rt_thread *tid); /* called when the thread closes */
    rt_ubase_t user_data;                   /* free for the application */

    /* rtlang extensions, not part of RT-Thread's structure */
    struct rt_console_capture console_capture;
    int errno_value; /* int view of `error` handed out by _rt_errno() where rt_err_t is wider */
};
typedef struct rt_thread *rt_thread_t;

/* ------------------------------------------------------------------------------------------
 * Inter-process communication
 * ------------------------------------------------------------------------------------------ */
#define RT_IPC_FLAG_FIFO      0x00 /* waiters are woken in arrival order */
#define RT_IPC_FLAG_PRIO      0x01 /* waiters are woken by priority */

#define RT_IPC_CMD_UNKNOWN    0x00
#define RT_IPC_CMD_RESET      0x01 /* reset (arg: new value for semaphores) */
#define RT_IPC_CMD_GET_STATE  0x02
#define RT_IPC_CMD_SET_VLIMIT 0x03 /* semaphore: arg is the new maximum value */

#define RT_WAITING_FOREVER    -1 /* block until the resource is available */
#define RT_WAITING_NO         0  /* do not block */

struct rt_ipc_object {
    struct rt_object parent;
    rt_list_t suspend_thread; /* threads waiting on this object */
};

struct rt_semaphore {
    struct rt_ipc_object parent;
    rt_uint16_t value;     /* current count */
    rt_uint16_t max_value; /* release fails with -RT_EFULL above this */
};
typedef struct rt_semaphore *rt_sem_t;

struct rt_mutex {
    struct rt_ipc_object parent;
    rt_uint8_t ceiling_priority; /* priority ceiling (0xff: none) */
    rt_uint8_t priority;         /* highest priority among the waiters */
    rt_uint8_t hold;             /* recursion depth of the owner */
    rt_uint8_t reserved;
    struct rt_thread *owner; /* current owner or RT_NULL */
    rt_list_t taken_list;    /* link in owner->taken_object_list */
};
typedef struct rt_mutex *rt_mutex_t;

#define RT_EVENT_FLAG_AND   0x01 /* wait for all of the bits */
#define RT_EVENT_FLAG_OR    0x02 /* wait for any of the bits */
#define RT_EVENT_FLAG_CLEAR 0x04 /* clear the received bits */

struct rt_event {
    struct rt_ipc_object parent;
    rt_uint32_t set; /* pending event bits */
};
typedef struct rt_event *rt_event_t;

struct rt_mailbox {
    struct rt_ipc_object parent; /* receivers wait here */
    rt_ubase_t *msg_pool;        /* ring of mails */
    rt_uint16_t size;            /* capacity, in mails */
    rt_uint16_t entry;           /* mails currently held */
    rt_uint16_t in_offset;
    rt_uint16_t out_offset;
    rt_list_t suspend_sender_thread; /* senders waiting for room */
};
typedef struct rt_mailbox *rt_mailbox_t;

struct rt_messagequeue {
    struct rt_ipc_object parent; /* receivers wait here */
    void *msg_pool;
    rt_uint16_t msg_size; /* maximum message length (aligned to RT_ALIGN_SIZE) */
    rt_uint16_t max_msgs; /* capacity, in messages */
    rt_uint16_t entry;    /* messages currently queued */
    void *msg_queue_head;
    void *msg_queue_tail;
    void *msg_queue_free;
    rt_list_t suspend_sender_thread; /* senders waiting for a free slot */
};
typedef struct rt_messagequeue *rt_mq_t;

/* ------------------------------------------------------------------------------------------
 * Memory
 * ------------------------------------------------------------------------------------------ */
struct rt_mempool {
    struct rt_object parent;
    void *start_address;
    rt_size_t size;         /* bytes of the pool area */
    rt_size_t block_size;   /* usable bytes per block (aligned) */
    rt_uint8_t *block_list; /* free list */
    rt_size_t block_total_count;
    rt_size_t block_free_count;
    rt_list_t suspend_thread; /* threads waiting for a block */
};
typedef struct rt_mempool *rt_mp_t;

/* Common header of a memory-management algorithm instance (small-mem heaps). */
struct rt_memory {
    struct rt_object parent;
    const char *algorithm; /* "small" */
    rt_ubase_t address;    /* start of the managed area */
    rt_size_t total;       /* usable bytes */
    rt_size_t used;        /* bytes allocated, headers included */
    rt_size_t max;         /* high-water mark of used */
};
typedef struct rt_memory *rt_mem_t;
typedef rt_mem_t rt_smem_t;

/* ------------------------------------------------------------------------------------------
 * Devices
 * ------------------------------------------------------------------------------------------ */
enum rt_device_class_type {
    RT_Device_Class_Char = 0,
    RT_Device_Class_Block,
    RT_Device_Class_NetIf,
    RT_Device_Class_MTD,
    RT_Device_Class_CAN,
    RT_Device_Class_RTC,
    RT_Device_Class_Sound,
    RT_Device_Class_Graphic,
    RT_Device_Class_I2CBUS,
    RT_Device_Class_USBDevice,
    RT_Device_Class_USBHost,
    RT_Device_Class_USBOTG,
    RT_Device_Class_SPIBUS,
    RT_Device_Class_SPIDevice,
    RT_Device_Class_SDIO,
    RT_Device_Class_PM,
    RT_Device_Class_Pipe,
    RT_Device_Class_Portal,
    RT_Device_Class_Timer,
    RT_Device_Class_Miscellaneous,
    RT_Device_Class_Sensor,
    RT_Device_Class_Touch,
    RT_Device_Class_PHY,
    RT_Device_Class_Security,
    RT_Device_Class_WLAN,
    RT_Device_Class_Pin,
    RT_Device_Class_ADC,
    RT_Device_Class_DAC,
    RT_Device_Class_WDT,
    RT_Device_Class_PWM,
    RT_Device_Class_Bus,
    RT_Device_Class_Unknown
};

/* Registration flags (rt_device_register) */
#define RT_DEVICE_FLAG_DEACTIVATE 0x000 /* not initialised yet */
#define RT_DEVICE_FLAG_RDONLY     0x001
#define RT_DEVICE_FLAG_WRONLY     0x002
#define RT_DEVICE_FLAG_RDWR       0x003
#define RT_DEVICE_FLAG_REMOVABLE  0x004
#define RT_DEVICE_FLAG_STANDALONE 0x008 /* may be opened only once at a time */
#define RT_DEVICE_FLAG_ACTIVATED  0x010 /* init() has run */
#define RT_DEVICE_FLAG_SUSPENDED  0x020
#define RT_DEVICE_FLAG_STREAM     0x040 /* character stream: "\n" written as "\r\n" */
#define RT_DEVICE_FLAG_INT_RX     0x100
#define RT_DEVICE_FLAG_DMA_RX     0x200
#define RT_DEVICE_FLAG_INT_TX     0x400
#define RT_DEVICE_FLAG_DMA_TX     0x800

/* Open flags (rt_device_open) */
#define RT_DEVICE_OFLAG_CLOSE  0x000
#define RT_DEVICE_OFLAG_RDONLY 0x001
#define RT_DEVICE_OFLAG_WRONLY 0x002
#define RT_DEVICE_OFLAG_RDWR   0x003
#define RT_DEVICE_OFLAG_OPEN   0x008
#define RT_DEVICE_OFLAG_MASK   0xf0f

/* Generic control commands (rt_device_control) */
#define RT_DEVICE_CTRL_RESUME        0x01
#define RT_DEVICE_CTRL_SUSPEND       0x02
#define RT_DEVICE_CTRL_CONFIG        0x03
#define RT_DEVICE_CTRL_CLOSE         0x04
#define RT_DEVICE_CTRL_NOTIFY_SET    0x05
#define RT_DEVICE_CTRL_SET_INT       0x06
#define RT_DEVICE_CTRL_CLR_INT       0x07
#define RT_DEVICE_CTRL_GET_INT       0x08
#define RT_DEVICE_CTRL_CONSOLE_OFLAG 0x09
#define RT_DEVICE_CTRL_MASK          0x1f
/* Class-specific commands start at RT_DEVICE_CTRL_BASE(Class) */
#define RT_DEVICE_CTRL_BASE(Type)      ((RT_Device_Class_##Type + 1) * 0x100)

#define RT_DEVICE_CTRL_CHAR_STREAM     (RT_DEVICE_CTRL_BASE(Char) + 1)
#define RT_DEVICE_CTRL_BLK_GETGEOME    (RT_DEVICE_CTRL_BASE(Block) + 1)
#define RT_DEVICE_CTRL_BLK_SYNC        (RT_DEVICE_CTRL_BASE(Block) + 2)
#define RT_DEVICE_CTRL_BLK_ERASE       (RT_DEVICE_CTRL_BASE(Block) + 3)
#define RT_DEVICE_CTRL_BLK_AUTOREFRESH (RT_DEVICE_CTRL_BASE(Block) + 4)
#define RT_DEVICE_CTRL_RTC_GET_TIME    (RT_DEVICE_CTRL_BASE(RTC) + 1)
#define RT_DEVICE_CTRL_RTC_SET_TIME    (RT_DEVICE_CTRL_BASE(RTC) + 2)

typedef struct rt_device *rt_device_t;

/* Driver operations, used when the board defines RT_USING_DEVICE_OPS. */
struct rt_device_ops {
    rt_err_t (*init)(rt_device_t dev);
    rt_err_t (*open)(rt_device_t dev, rt_uint16_t oflag);
    rt_err_t (*close)(rt_device_t dev);
    rt_ssize_t (*read)(rt_device_t dev, rt_off_t pos, void *buffer, rt_size_t size);
    rt_ssize_t (*write)(rt_device_t dev, rt_off_t pos, const void *buffer, rt_size_t size);
    rt_err_t (*control)(rt_device_t dev, int cmd, void *args);
};

struct rt_device {
    struct rt_object parent;
    enum rt_device_class_type type;
    rt_uint16_t flag;      /* RT_DEVICE_FLAG_* given at registration */
    rt_uint16_t open_flag; /* RT_DEVICE_OFLAG_* of the current opening */
    rt_uint8_t ref_count;  /* number of rt_device_open() without close */
    rt_uint8_t device_id;

    /* notifications from the driver (may be called in interrupt context) */
    rt_err_t (*rx_indicate)(rt_device_t dev, rt_size_t size);
    rt_err_t (*tx_complete)(rt_device_t dev, void *buffer);

#ifdef RT_USING_DEVICE_OPS
    const struct rt_device_ops *ops;
#else
    rt_err_t (*init)(rt_device_t dev);
    rt_err_t (*open)(rt_device_t dev, rt_uint16_t oflag);
    rt_err_t (*close)(rt_device_t dev);
    rt_ssize_t (*read)(rt_device_t dev, rt_off_t pos, void *buffer, rt_size_t size);
    rt_ssize_t (*write)(rt_device_t dev, rt_off_t pos, const void *buffer, rt_size_t size);
    rt_err_t (*control)(rt_device_t dev, int cmd, void *args);
#endif

    void *user_data; /* driver private data */
};

/* Block-device geometry (RT_DEVICE_CTRL_BLK_GETGEOME) */
struct rt_device_blk_geometry {
    rt_uint64_t sector_count;
    rt_uint32_t bytes_per_sector;
    rt_uint32_t block_size;
};

/* Notification set with RT_DEVICE_CTRL_NOTIFY_SET */
struct rt_device_notify {
    void (*notify)(rt_device_t dev);
    struct rt_device *dev;
};

#ifdef __cplusplus
}
#endif

#endif /* RT_DEF_H__ */
