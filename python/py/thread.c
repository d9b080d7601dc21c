/* Python threads over OS threads with a global interpreter lock (GIL).
 *
 * One py_ctx serves every thread: the fields that belong to a thread of
 * execution (handler chain, frames, frame stack, C stack budget, exception
 * being handled...) are saved into the thread's py_thread when it lets the
 * GIL go and loaded back when it takes it again, so the rest of the core
 * keeps using ctx-> as before. A thread that does not hold the GIL is parked
 * inside rtpy_unlocked(): its frame stack and its C stack above that point
 * are still roots for the collector (py_thread_gc_roots).
 *
 * The GIL itself is the HAL's gil_lock/gil_unlock (a mutex that hands over
 * to the waiter, as RT-Thread's does). A thread kept waiting longer than a
 * switch interval sets PY_INTR_GIL in ctx->interrupt; the holder sees it at
 * its next safe point (backward jump, call) and yields.
 */
#include "internal.h"

#define PY_INTR_KBD     1 /* Ctrl-C: KeyboardInterrupt (main thread only) */
#define PY_INTR_GIL     4 /* another thread waits for the GIL: yield it */
#define PY_INTR_STOP    8 /* threads are being stopped: SystemExit in each */

#define SWITCH_MS       10  /* how long a waiter waits before asking the holder to yield */
#define THREAD_VSTACK   512 /* default frame stack of a thread, values */
#define REPR_STACK_SIZE (sizeof(((py_ctx *)0)->repr_stack) / sizeof(py_val))

typedef struct py_thread py_thread;
struct py_thread {
    struct py_thread *next;
    py_val fn, args, kwargs; /* what to call; PY_NULL once started */
    /* the thread's VM state while another thread holds the GIL */
    py_jmp *jmp;
    py_frame *frame;
    py_val *vstack, *vstack_end, *vsp;
    int depth;
    char *cstack_base;
    size_t cstack_limit;
    int cdepth;
    py_val exc, cur_exc;
    int reraise, exit_status;
    py_val repr_stack[REPR_STACK_SIZE];
    int repr_depth;
    /* where it parked: its C stack [csp, cstack_base) and registers are GC roots */
    char *csp;
    jmp_buf *regs;
    uint8_t is_main;
    uint8_t stopping; /* main thread: rtpy_threads_stop() was called */
};

static void state_save(py_ctx *ctx, py_thread *t)
{
    t->jmp = ctx->jmp;
    t->frame = ctx->frame;
    t->vstack = ctx->vstack;
    t->vstack_end = ctx->vstack_end;
    t->vsp = ctx->vsp;
    t->depth = ctx->depth;
    t->cstack_base = ctx->cstack_base;
    t->cstack_limit = ctx->cstack_limit;
    t->cdepth = ctx->cdepth;
    t->exc = ctx->exc;
    t->cur_exc = ctx->cur_exc;
    t->reraise = ctx->reraise;
    t->exit_status = ctx->exit_status;
    t->repr_depth = ctx->repr_depth;
    memcpy(t->repr_stack, ctx->repr_stack, sizeof(t->repr_stack));
}

static void state_load(py_ctx *ctx, py_thread *t)
{
    ctx->jmp = t->jmp;
    ctx->frame = t->frame;
    ctx->vstack = t->vstack;
    ctx->vstack_end = t->vstack_end;
    ctx->vsp = t->vsp;
    ctx->depth = t->depth;
    ctx->cstack_base = t->cstack_base;
    ctx->cstack_limit = t->cstack_limit;
    ctx->cdepth = t->cdepth;
    ctx->exc = t->exc;
    ctx->cur_exc = t->cur_exc;
    ctx->reraise = t->reraise;
    ctx->exit_status = t->exit_status;
    ctx->repr_depth = t->repr_depth;
    memcpy(ctx->repr_stack, t->repr_stack, sizeof(t->repr_stack));
    ctx->cur_thread = t;
}

/* Takes the GIL; while it is held elsewhere, asks the holder every switch interval to yield
 * (re-asking covers a request lost to a racing clear of ctx->interrupt). */
static void gil_take(py_ctx *ctx)
{
    const rtpy_hal *h = ctx->hal;
    while (h->gil_lock(h->user, SWITCH_MS) != 0) {
        ctx->interrupt |= PY_INTR_GIL;
    }
}

static py_thread *main_thread(py_ctx *ctx)
{
    py_thread *t = ctx->threads;
    while (t != NULL && !t->is_main) {
        t = t->next;
    }
    return t;
}

static void unlink_thread(py_ctx *ctx, py_thread *t)
{
    for (py_thread **p = &ctx->threads; *p != NULL; p = &(*p)->next) {
        if (*p == t) {
            *p = t->next;
            return;
        }
    }
}

void rtpy_unlocked(rtpy_vm *vm, void (*fn)(void *arg), void *arg)
{
    py_thread *t = vm != NULL ? vm->cur_thread : NULL;
    if (t == NULL) {
        fn(arg); /* single-threaded: there is no GIL to let go */
        return;
    }
    jmp_buf regs; /* callee-saved registers, which may hold values, onto this frame */
    char here;
    if (setjmp(regs) != 0) {
        return; /* never taken: nothing long-jumps to regs */
    }
    t->regs = &regs;
    t->csp = (char *)&regs < &here ? (char *)&regs : &here;
    state_save(vm, t);
    vm->cur_thread = NULL;
    vm->hal->gil_unlock(vm->hal->user);
    fn(arg);
    gil_take(vm);
    state_load(vm, t);
    t->csp = NULL;
}

static void no_op(void *arg)
{
    PY_UNUSED(arg);
}

int py_thread_check(py_ctx *ctx, int flags)
{
    py_thread *t = ctx->cur_thread;
    if (t == NULL) {
        return flags;
    }
    if (flags & PY_INTR_STOP) {
        ctx->interrupt |= PY_INTR_STOP; /* stays set: a thread that catches it gets it again */
        if (!t->is_main) {
            py_raise(ctx, &py_type_SystemExit, NULL);
        }
    }
    if ((flags & PY_INTR_KBD) && !t->is_main) {
        /* Ctrl-C is for the main thread: leave it pending and let the main thread run */
        ctx->interrupt |= PY_INTR_KBD;
        flags = (flags & ~PY_INTR_KBD) | PY_INTR_GIL;
    }
    if (flags & PY_INTR_GIL) {
        rtpy_unlocked(ctx, no_op, NULL); /* the mutex hands over to the waiter */
    }
    return flags & ~(PY_INTR_GIL | PY_INTR_STOP);
}

void py_thread_gc_roots(py_ctx *ctx)
{
    for (py_thread *t = ctx->threads; t != NULL; t = t->next) {
        /* the record itself: links, saved values (conservatively: it is a raw block) */
        py_gc_scan_range(ctx, t, t + 1);
        if (t == ctx->cur_thread || t->csp == NULL) {
            continue; /* running (ctx holds its state) or not started yet */
        }
        py_gc_scan_range(ctx, t->vstack, t->vsp);
        py_gc_scan_range(ctx, t->csp, t->cstack_base);
        py_gc_scan_range(ctx, t->regs, t->regs + 1);
    }
}

/* The thread that created the VM becomes the main thread when the first other one starts. */
static void ensure_main(py_ctx *ctx)
{
    if (ctx->threads != NULL) {
        return;
    }
    py_thread *m = py_gc_alloc(ctx, sizeof(py_thread), false);
    if (m == NULL) {
        py_raise_obj(ctx, ctx->mem_err);
    }
    m->is_main = 1;
    ctx->threads = m;
    ctx->cur_thread = m;
}

rtpy_thread *rtpy_thread_new(rtpy_vm *vm, rtpy_val fn, rtpy_val args, rtpy_val kwargs,
                             size_t vstack_size, size_t cstack_size)
{
    if (vm->hal->gil_lock == NULL || vm->hal->gil_unlock == NULL) {
        py_raise(vm, &py_type_RuntimeError, "no thread support in this port");
    }
    ensure_main(vm);
    py_thread *m = main_thread(vm);
    if (m != NULL && m->stopping) {
        py_raise(vm, &py_type_RuntimeError, "can't create a thread at interpreter shutdown");
    }
    size_t vs = vstack_size ? vstack_size : THREAD_VSTACK;
    size_t head = PY_ALIGN_UP(sizeof(py_thread), sizeof(py_val));
    py_thread *t = py_gc_alloc(vm, head + vs * sizeof(py_val), false);
    if (t == NULL) {
        py_raise_obj(vm, vm->mem_err);
    }
    t->fn = fn;
    t->args = args;
    t->kwargs = kwargs;
    t->vstack = (py_val *)((char *)t + head);
    t->vstack_end = t->vstack + vs;
    t->vsp = t->vstack;
    t->cstack_limit = cstack_size ? cstack_size : PY_DEFAULT_CSTACK;
    t->next = vm->threads;
    vm->threads = t;
    return t;
}

void rtpy_thread_cancel(rtpy_vm *vm, rtpy_thread *t)
{
    if (vm != NULL && t != NULL) {
        unlink_thread(vm, t);
    }
}

/* CPython's report of an exception that ended a thread; SystemExit ends it silently. */
static void report(py_ctx *ctx, py_val fn, py_val exc)
{
    if (py_isinstance(ctx, exc, &py_type_SystemExit)) {
        return;
    }
    py_jmp j;
    if (py_try(ctx, &j) == 0) {
        py_strbuf b;
        py_strbuf_init(ctx, &b, 128);
        py_printf(ctx, &b.p, "Unhandled exception in thread started by %r\n", fn);
        py_print_exception(ctx, &b.p, exc);
        ctx->hal->write(ctx->hal->user, 2, b.buf + sizeof(py_str_obj), b.len);
        py_try_end(ctx, &j);
    } else {
        static const char msg[] = "Unhandled exception in thread (no memory to print it)\n";
        ctx->hal->write(ctx->hal->user, 2, msg, sizeof(msg) - 1);
    }
}

static py_val call_target(py_ctx *ctx, py_val fn, py_val args, py_val kwargs)
{
    size_t n = 0, nkw = 0;
    py_val *items = NULL;
    if (args != PY_NULL) {
        py_get_items(ctx, args, &n, &items);
    }
    if (kwargs != PY_NULL && kwargs != PY_NONE) {
        nkw = py_len(ctx, kwargs);
    }
    if (nkw == 0) {
        return py_call(ctx, fn, n, items);
    }
    py_val *a = py_alloc(ctx, (n + 2 * nkw) * sizeof(py_val));
    py_vcopy(a, items, n);
    py_val keys = py_list_from_iter(ctx, kwargs);
    size_t nk;
    py_val *k;
    py_get_items(ctx, keys, &nk, &k);
    for (size_t i = 0; i < nk && i < nkw; i++) {
        size_t len;
        const char *s = py_str_get(ctx, k[i], &len);
        /* keyword names are passed as qstrs */
        a[n + 2 * i] = PY_IS_QSTR(k[i]) ? k[i] : py_str_intern(ctx, s, len);
        a[n + 2 * i + 1] = py_dict_get(ctx, kwargs, k[i]);
    }
    return py_call_kw(ctx, fn, n, nk < nkw ? nk : nkw, a);
}

int rtpy_thread_run(rtpy_vm *vm, rtpy_thread *t)
{
    char base;
    gil_take(vm);
    t->cstack_base = &base;
    t->cdepth = 1; /* API calls made from inside keep this C stack base */
    state_load(vm, t);
    vm->jmp = NULL;
    volatile py_val fn = t->fn; /* kept in this frame, which the GC scans */
    py_val args = t->args, kwargs = t->kwargs;
    t->fn = t->args = t->kwargs = PY_NULL;
    int status = RTPY_OK;
    py_jmp j;
    if (py_try(vm, &j) == 0) {
        call_target(vm, fn, args, kwargs);
        py_try_end(vm, &j);
    } else {
        status = py_isinstance(vm, j.exc, &py_type_SystemExit) ? RTPY_EXIT : RTPY_EXC;
        vm->jmp = NULL;
        vm->cur_exc = PY_NULL;
        report(vm, fn, j.exc);
    }
    unlink_thread(vm, t);
    vm->cur_thread = NULL;
    vm->hal->gil_unlock(vm->hal->user);
    return status;
}

void rtpy_threads_stop(rtpy_vm *vm)
{
    py_thread *m = vm != NULL ? main_thread(vm) : NULL;
    if (m == NULL) {
        return;
    }
    m->stopping = 1;
    vm->interrupt |= PY_INTR_STOP;
}

int rtpy_thread_is_main(rtpy_vm *vm)
{
    return vm == NULL || vm->cur_thread == NULL || vm->cur_thread->is_main;
}
