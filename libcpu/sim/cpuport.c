/* Host simulator CPU port: thread contexts as host pthreads, one of them running at a time.
 *
 * Every RT thread gets its own host thread with its own host stack (glibc and the sanitizers
 * need far more stack than an RT stack buffer holds). A per-thread semaphore is the baton:
 * only the holder runs kernel or application code, everyone else waits on its own baton.
 * A switch posts the next thread's baton and waits on its own. See docs/sim.md. */
#include <rthw.h>
#include <rtthread.h>
#include "sim.h"
#include "sim_port.h"
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <semaphore.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define SIM_FRAME_MAGIC 0x454d52465f4d4953ull /* "SIM_FRME" */

/* Host stack of a thread: its RT stack size scaled (64-bit frames, glibc, instrumentation)
 * with a floor. Untouched pages cost no memory, so being generous is cheap. */
#ifdef __SANITIZE_ADDRESS__
#define SIM_HOST_STACK_MIN   (1024 * 1024)
#define SIM_HOST_STACK_SCALE 64
#else
#define SIM_HOST_STACK_MIN   (256 * 1024)
#define SIM_HOST_STACK_SCALE 16
#endif

/* What rt_hw_stack_init writes at the top of the RT stack; thread->sp points to it and never
 * changes. Its size mimics a small register frame so stack accounting looks plausible. */
struct sim_frame {
    rt_ubase_t magic;
    struct sim_thread *host;
    rt_ubase_t regs[6];
};

struct sim_thread {
    sem_t baton;           /* posted to let this thread run */
    void (*entry)(void *); /* RT entry and its argument */
    void *parameter;
    void (*texit)(void);     /* kernel exit path, called if entry returns */
    size_t host_stack;       /* host stack size, fixed at first dispatch */
    pthread_t pthread;       /* its host thread, once created (joined by the keeper) */
    pid_t tid;               /* kernel id of the host thread once it runs */
    atomic_int spawned;      /* a host thread was (or is being) created */
    atomic_int dead;         /* rt_hw_thread_destroy ran: exit at the next wake-up */
    atomic_int posting;      /* sem_post calls on baton in progress (see sim_baton_post) */
    struct sim_thread *next; /* link in the keeper's spawn or reap list */
    struct sim_thread *all_prev, *all_next; /* every record, for the final exit */
    sigjmp_buf exit_jmp;                    /* where a dead thread leaves its RT code */
};

_Atomic(struct sim_thread *) sim_current;
atomic_int sim_current_tid;
__thread struct sim_thread *sim_self;

/* The keeper is the startup (host main) thread once the scheduler runs: it creates host
 * threads on request (pthread_create is not async-signal-safe, and a first dispatch may
 * happen at interrupt exit inside the signal handler), joins and frees ended ones, and
 * performs the final exit, so that no thread is left running when exit() is called. */
static _Atomic(struct sim_thread *) sim_spawn_head, sim_reap_head;
static sem_t sim_keeper_sem;
static pthread_once_t sim_keeper_once = PTHREAD_ONCE_INIT;
static atomic_int sim_exit_requested;
static int sim_exit_status;

static void sim_run_exit_hooks(void);

static pthread_mutex_t sim_all_lock = PTHREAD_MUTEX_INITIALIZER;
static struct sim_thread *sim_all;
static atomic_int sim_live_threads;

void sim_fatal(const char *fmt, ...)
{
    char msg[256];
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    fprintf(stderr, "\nsim: fatal: %s\n", msg);
    sim_exit(70);
}

rt_size_t sim_host_stack_size(void)
{
    return sim_self != NULL ? sim_self->host_stack : 0;
}

int sim_host_thread_count(void)
{
    return atomic_load(&sim_live_threads);
}

static void sim_keeper_init(void)
{
    if (sem_init(&sim_keeper_sem, 0, 0) != 0)
        sim_fatal("sem_init: %s", strerror(errno));
}

/* Lock-free push, async-signal-safe: requests may come from the interrupt handler. */
static void sim_keeper_push(_Atomic(struct sim_thread *) *list, struct sim_thread *t)
{
    struct sim_thread *head = atomic_load(list);

    do {
        t->next = head;
    } while (!atomic_compare_exchange_weak(list, &head, t));
    sem_post(&sim_keeper_sem);
}

/* Called in RT context: interrupts stay disabled while the host mutex is held, otherwise a
 * tick could switch to another RT thread that then blocks on the mutex for good. */
static void sim_record_link(struct sim_thread *t)
{
    rt_base_t level = rt_hw_interrupt_disable();

    pthread_mutex_lock(&sim_all_lock);
    t->all_next = sim_all;
    if (sim_all != NULL)
        sim_all->all_prev = t;
    sim_all = t;
    pthread_mutex_unlock(&sim_all_lock);
    rt_hw_interrupt_enable(level);
    atomic_fetch_add(&sim_live_threads, 1);
}

/* sem_post may still touch the semaphore after the woken thread has returned from sem_wait;
 * the woken thread may then end at once and the keeper free the record. Posters announce
 * themselves, and the keeper frees a record only once no post on it is in progress. */
static void sim_baton_post(struct sim_thread *t)
{
    atomic_fetch_add(&t->posting, 1);
    sem_post(&t->baton);
    atomic_fetch_sub(&t->posting, 1);
}

static void sim_record_free(struct sim_thread *t)
{
    while (atomic_load(&t->posting) != 0)
        sched_yield();
    pthread_mutex_lock(&sim_all_lock);
    if (t->all_prev != NULL)
        t->all_prev->all_next = t->all_next;
    else
        sim_all = t->all_next;
    if (t->all_next != NULL)
        t->all_next->all_prev = t->all_prev;
    pthread_mutex_unlock(&sim_all_lock);
    sem_destroy(&t->baton);
    free(t);
    atomic_fetch_sub(&sim_live_threads, 1);
}

/* Block on our baton until we are the running thread again; a thread destroyed meanwhile
 * leaves its RT code for good through exit_jmp. */
static void sim_wait_baton(struct sim_thread *self)
{
    for (;;) {
        if (atomic_load(&self->dead))
            siglongjmp(self->exit_jmp, 1);
        if (sem_wait(&self->baton) == 0 && !atomic_load(&self->dead))
            return;
    }
}

static void sim_thread_run(struct sim_thread *t)
{
    atomic_store(&sim_current_tid, t->tid);
    sim_irq_thread_begin();
    t->entry(t->parameter);
    t->texit();
    sim_fatal("the kernel's thread exit path returned");
}

rt_bool_t sim_is_rt_thread(void)
{
    return sim_self != NULL;
}

/* A signal stack of its own, so that a crash handler (the board's, which restores the
 * terminal) still runs when the thread overflowed its host stack. ASan has its own. */
#define SIM_ALTSTACK_SIZE (64 * 1024)

static void *sim_altstack_enable(void)
{
#ifdef __SANITIZE_ADDRESS__
    return NULL;
#else
    stack_t ss = {.ss_sp = malloc(SIM_ALTSTACK_SIZE), .ss_flags = 0, .ss_size = SIM_ALTSTACK_SIZE};

    if (ss.ss_sp != NULL && sigaltstack(&ss, NULL) != 0) {
        free(ss.ss_sp);
        return NULL;
    }
    return ss.ss_sp;
#endif
}

static void sim_altstack_disable(void *altstack)
{
    stack_t ss = {.ss_sp = NULL, .ss_flags = SS_DISABLE, .ss_size = 0};

    if (altstack == NULL)
        return;
    sigaltstack(&ss, NULL);
    free(altstack);
}

/* Host thread body. It inherits a mask that blocks the interrupt signal (the keeper's), which
 * sigsetjmp records: leaving through exit_jmp blocks interrupts again for the teardown. */
static void *sim_thread_main(void *arg)
{
    struct sim_thread *t = arg;
    void *altstack = sim_altstack_enable();

    sim_self = t;
    t->tid = gettid();
    if (sigsetjmp(t->exit_jmp, 1) == 0 && !atomic_load(&t->dead))
        sim_thread_run(t);
    sim_self = NULL;
    sim_altstack_disable(altstack);
    sim_keeper_push(&sim_reap_head, t); /* joined and freed by the keeper */
    return NULL;
}

static void sim_spawn_one(struct sim_thread *t)
{
    pthread_attr_t attr;
    int err;

    pthread_attr_init(&attr);
    pthread_attr_setstacksize(&attr, t->host_stack);
    err = pthread_create(&t->pthread, &attr, sim_thread_main, t);
    pthread_attr_destroy(&attr);
    if (err != 0)
        sim_fatal("cannot create a host thread: %s", strerror(err));
}

/* Records come back either with a host thread that ended, or without one (never ran). */
static void sim_reap_all(void)
{
    struct sim_thread *t = atomic_exchange(&sim_reap_head, NULL);

    while (t != NULL) {
        struct sim_thread *next = t->next;

        if (atomic_load(&t->spawned))
            pthread_join(t->pthread, NULL);
        sim_record_free(t);
        t = next;
    }
}

static void sim_spawn_all(void)
{
    struct sim_thread *t = atomic_exchange(&sim_spawn_head, NULL);

    while (t != NULL) {
        struct sim_thread *next = t->next;

        sim_spawn_one(t);
        t = next;
    }
}

/* Final exit on the keeper: every RT host thread is woken to leave, joined and freed, the
 * board's exit hooks stop the helper threads, then the process exits. */
static void sim_final_exit(void)
{
    struct sim_thread *t;

    sim_tick_stop();
    sim_run_exit_hooks();
    pthread_mutex_lock(&sim_all_lock);
    for (t = sim_all; t != NULL; t = t->all_next) {
        atomic_store(&t->dead, 1);
        if (atomic_load(&t->spawned))
            sim_baton_post(t);
    }
    pthread_mutex_unlock(&sim_all_lock);
    sim_spawn_all(); /* a thread dispatched but not created yet starts only to end */
    for (;;) {
        sim_reap_all();
        pthread_mutex_lock(&sim_all_lock);
        t = sim_all;
        while (t != NULL && atomic_load(&t->spawned))
            t = t->all_next;
        pthread_mutex_unlock(&sim_all_lock);
        if (t != NULL) {
            sim_keeper_push(&sim_reap_head, t); /* never ran: free it now */
            continue;
        }
        if (atomic_load(&sim_live_threads) == 0)
            break;
        while (sem_wait(&sim_keeper_sem) != 0)
            ;
    }
    exit(sim_exit_status);
}

static void sim_keeper(void)
{
    for (;;) {
        while (sem_wait(&sim_keeper_sem) != 0)
            ;
        if (atomic_load(&sim_exit_requested))
            sim_final_exit();
        sim_spawn_all();
        sim_reap_all();
    }
}

/* Make `to` the running thread: wake its host thread, or have it created on first run. */
static void sim_dispatch(struct sim_thread *to)
{
    atomic_store(&sim_current, to);
    if (atomic_exchange(&to->spawned, 1)) {
        atomic_store(&sim_current_tid, to->tid);
        sim_baton_post(to);
    } else {
        atomic_store(&sim_current_tid, 0);
        sim_keeper_push(&sim_spawn_head, to);
    }
}

void sim_switch(struct sim_thread *to)
{
    struct sim_thread *self = sim_self;

    if (to == self)
        return;
    sim_dispatch(to);
    sim_wait_baton(self);
}

struct sim_thread *sim_thread_of(rt_ubase_t sp_member)
{
    struct rt_thread *thread = rt_container_of((void *)sp_member, struct rt_thread, sp);
    struct sim_frame *frame = thread->sp;
    struct sim_thread *t;
    size_t size;

    if (frame == RT_NULL || frame->magic != SIM_FRAME_MAGIC || frame->host == RT_NULL)
        sim_fatal("switch to thread '%.*s' that has no valid context", RT_NAME_MAX,
                  thread->parent.name);
    t = frame->host;
    if (!atomic_load(&t->spawned)) {
        size = (size_t)thread->stack_size * SIM_HOST_STACK_SCALE;
        t->host_stack = size > SIM_HOST_STACK_MIN ? size : SIM_HOST_STACK_MIN;
    }
    return t;
}

rt_uint8_t *rt_hw_stack_init(void *tentry, void *parameter, rt_uint8_t *stack_addr, void *texit)
{
    rt_ubase_t top = ((rt_ubase_t)stack_addr + sizeof(rt_ubase_t)) & ~(rt_ubase_t)15;
    struct sim_frame *frame = (struct sim_frame *)(top - sizeof(struct sim_frame));
    struct sim_thread *t;

    pthread_once(&sim_keeper_once, sim_keeper_init);
    t = calloc(1, sizeof(*t));
    if (t == NULL || sem_init(&t->baton, 0, 0) != 0)
        sim_fatal("out of host memory creating a thread");
    t->entry = (void (*)(void *))tentry;
    t->parameter = parameter;
    t->texit = (void (*)(void))texit;
    t->host_stack = SIM_HOST_STACK_MIN;
    sim_record_link(t);

    memset(frame, 0, sizeof(*frame));
    frame->magic = SIM_FRAME_MAGIC;
    frame->host = t;
    return (rt_uint8_t *)frame;
}

void rt_hw_context_switch(rt_ubase_t from, rt_ubase_t to)
{
    sim_switch(sim_thread_of(to));
}

void rt_hw_context_switch_to(rt_ubase_t to)
{
    struct sim_thread *first = sim_thread_of(to);

    pthread_once(&sim_keeper_once, sim_keeper_init);
    sim_tick_start();
    sim_dispatch(first);
    sim_keeper();
}

void rt_hw_context_switch_interrupt(rt_ubase_t from, rt_ubase_t to, rt_thread_t from_thread,
                                    rt_thread_t to_thread)
{
    atomic_store(&sim_switch_req, sim_thread_of(to));
}

/* The thread will never run again: let its host thread exit and free its record. A thread
 * destroying itself is released when it switches away for the last time (sim_wait_baton). */
void rt_hw_thread_destroy(rt_thread_t thread)
{
    struct sim_frame *frame = thread->sp;
    struct sim_thread *t;

    if (frame == RT_NULL || frame->magic != SIM_FRAME_MAGIC)
        return;
    t = frame->host;
    frame->magic = 0;
    frame->host = RT_NULL;
    atomic_store(&t->dead, 1);
    if (t == sim_self)
        return;
    if (atomic_load(&t->spawned))
        sim_baton_post(t);
    else
        sim_keeper_push(&sim_reap_head, t); /* never ran: just free the record */
}

/* ---- process exit ---- */

#define SIM_ATEXIT_MAX 8

static void (*sim_atexit_fns[SIM_ATEXIT_MAX])(void);
static atomic_int sim_atexit_count;
static atomic_int sim_exiting;

int sim_atexit(void (*fn)(void))
{
    int i = atomic_fetch_add(&sim_atexit_count, 1);

    if (i >= SIM_ATEXIT_MAX) {
        atomic_fetch_sub(&sim_atexit_count, 1);
        return -1;
    }
    sim_atexit_fns[i] = fn;
    return 0;
}

static void sim_run_exit_hooks(void)
{
    for (int i = atomic_load(&sim_atexit_count) - 1; i >= 0; i--)
        sim_atexit_fns[i]();
}

/* The exit itself happens on the keeper (the process's main thread) once every other thread
 * has ended; the caller, if it is an RT thread, ends its host thread like a destroyed one. */
void sim_exit(int status)
{
    sim_irq_halt();
    if (atomic_exchange(&sim_exiting, 1)) {
        if (sim_self != NULL)
            siglongjmp(sim_self->exit_jmp, 1);
        for (;;)
            pause();
    }
    sim_exit_status = status;
    pthread_once(&sim_keeper_once, sim_keeper_init);
    atomic_store(&sim_exit_requested, 1);
    if (gettid() == getpid())
        sim_final_exit(); /* on the main thread already (board init, or the keeper) */
    sem_post(&sim_keeper_sem);
    if (sim_self != NULL)
        siglongjmp(sim_self->exit_jmp, 1);
    pthread_exit(NULL); /* a host helper thread: the keeper's exit hooks join it */
}
