/* Mark-sweep garbage collector over a fixed caller-given pool.
 *
 * The pool is cut into blocks of two words; a byte table records each
 * block's state. Roots are scanned precisely where the core knows their
 * layout (context, VM stack) and conservatively on the C stack, so natives
 * can keep values in locals. Object contents are scanned word by word
 * unless allocated "raw" (strings, digits), which is exact enough because
 * every heap reference is a pointer to the start of a block.
 */
#include "internal.h"

#define B_FREE     0
#define B_HEAD     1 /* start of an allocation whose words are scanned */
#define B_RAW      2 /* start of an allocation holding no references */
#define B_TAIL     3
#define B_MARK     0x80
#define B_KIND     0x7f

#define MARK_STACK 256

void py_gc_init(py_ctx *ctx, void *mem, size_t size)
{
    py_gc *gc = &ctx->gc;
    uintptr_t start = PY_ALIGN_UP((uintptr_t)mem, PY_BLOCK);
    size -= start - (uintptr_t)mem;
    gc->mark_stack = (py_val *)start;
    gc->mark_cap = MARK_STACK;
    start += MARK_STACK * sizeof(py_val);
    size -= MARK_STACK * sizeof(py_val);
    /* each block costs PY_BLOCK bytes plus one table byte */
    gc->n_blocks = size > PY_BLOCK ? (size - PY_BLOCK) / (PY_BLOCK + 1) : 0;
    gc->table = (uint8_t *)start;
    /* table bytes are initialised lazily as the heap is first used, so a
     * big heap costs nothing until it is needed */
    gc->inited = 0;
    gc->pool = (uint8_t *)PY_ALIGN_UP(start + gc->n_blocks, PY_BLOCK);
    gc->next = 0;
    gc->used_blocks = 0;
}

bool py_gc_is_heap(py_ctx *ctx, const void *p)
{
    const uint8_t *b = p;
    return b >= ctx->gc.pool && b < ctx->gc.pool + ctx->gc.n_blocks * PY_BLOCK;
}

/* Block index of a pointer to an allocation head, or -1. */
static intptr_t head_block(py_gc *gc, uintptr_t p, bool interior)
{
    if (p < (uintptr_t)gc->pool || p >= (uintptr_t)gc->pool + gc->inited * PY_BLOCK) {
        return -1;
    }
    size_t off = p - (uintptr_t)gc->pool;
    if (!interior && (off % PY_BLOCK) != 0) {
        return -1;
    }
    size_t b = off / PY_BLOCK;
    if (interior) {
        while (b > 0 && (gc->table[b] & B_KIND) == B_TAIL) {
            b--;
        }
    }
    uint8_t k = gc->table[b] & B_KIND;
    return (k == B_HEAD || k == B_RAW) ? (intptr_t)b : -1;
}

static void mark_block(py_gc *gc, size_t b)
{
    if (gc->table[b] & B_MARK) {
        return;
    }
    gc->table[b] |= B_MARK;
    if ((gc->table[b] & B_KIND) == B_RAW) {
        return;
    }
    if (gc->mark_top < gc->mark_cap) {
        gc->mark_stack[gc->mark_top++] = b;
    } else {
        gc->mark_overflow = 1;
    }
}

static void scan_words(py_gc *gc, const void *start, size_t n_words, bool interior)
{
    const uintptr_t *w = start;
    for (size_t i = 0; i < n_words; i++) {
        uintptr_t v = w[i];
        if ((v & 3) == 0 || interior) {
            intptr_t b = head_block(gc, v, interior);
            if (b >= 0) {
                mark_block(gc, (size_t)b);
            }
        }
    }
}

static size_t block_len(py_gc *gc, size_t b)
{
    size_t n = 1;
    while (b + n < gc->inited && (gc->table[b + n] & B_KIND) == B_TAIL) {
        n++;
    }
    return n;
}

static void scan_block(py_gc *gc, size_t b)
{
    size_t n = block_len(gc, b);
    scan_words(gc, gc->pool + b * PY_BLOCK, n * PY_BLOCK / sizeof(uintptr_t), false);
}

static void drain(py_gc *gc)
{
    for (;;) {
        while (gc->mark_top > 0) {
            scan_block(gc, gc->mark_stack[--gc->mark_top]);
        }
        if (!gc->mark_overflow) {
            return;
        }
        /* the mark stack overflowed: rescan every marked scanned block */
        gc->mark_overflow = 0;
        for (size_t b = 0; b < gc->inited; b++) {
            if (gc->table[b] == (B_HEAD | B_MARK)) {
                scan_block(gc, b);
                if (gc->mark_overflow) {
                    gc->mark_top = 0;
                }
                while (gc->mark_top > 0) {
                    scan_block(gc, gc->mark_stack[--gc->mark_top]);
                }
            }
        }
    }
}

static void sweep(py_gc *gc)
{
    size_t used = 0;
    bool freeing = false;
    for (size_t b = 0; b < gc->inited; b++) {
        uint8_t t = gc->table[b];
        uint8_t k = t & B_KIND;
        if (k == B_HEAD || k == B_RAW) {
            freeing = !(t & B_MARK);
        }
        if (k == B_FREE) {
            continue;
        }
        if (freeing) {
            gc->table[b] = B_FREE;
        } else {
            gc->table[b] = k;
            used++;
        }
    }
    gc->used_blocks = used;
    gc->fail_min = 0;
    const uint8_t *f = memchr(gc->table, B_FREE, gc->inited);
    gc->next = f ? (size_t)(f - gc->table) : gc->inited;
}

/* The C stack is scanned word by word, including bytes that sanitizers
 * consider out of bounds (redzones): exempt these functions from them. */
#if defined(__GNUC__)
#define PY_NO_SANITIZE __attribute__((noinline, no_sanitize_address))
#else
#define PY_NO_SANITIZE
#endif

PY_NO_SANITIZE static void scan_range(py_gc *gc, uintptr_t lo, uintptr_t hi)
{
    for (uintptr_t a = PY_ALIGN_UP(lo, sizeof(uintptr_t)); a + sizeof(uintptr_t) <= hi;
         a += sizeof(uintptr_t)) {
        uintptr_t v = *(const uintptr_t *)a;
        intptr_t b = head_block(gc, v, true);
        if (b >= 0) {
            mark_block(gc, (size_t)b);
        }
    }
}

PY_NO_SANITIZE static void scan_cstack(py_ctx *ctx)
{
    jmp_buf regs; /* spills callee-saved registers onto the stack */
    if (setjmp(regs) != 0) {
        return;
    }
    char here;
    char *hi = ctx->cstack_base;
    if (hi == NULL || &here >= hi) {
        return;
    }
    scan_range(&ctx->gc, (uintptr_t)&here, (uintptr_t)hi);
    scan_range(&ctx->gc, (uintptr_t)&regs, (uintptr_t)&regs + sizeof(jmp_buf));
}

void py_gc_scan_range(py_ctx *ctx, const void *lo, const void *hi)
{
    scan_range(&ctx->gc, (uintptr_t)lo, (uintptr_t)hi);
}

/* The VM stack, precisely: each active frame's header, locals and live
 * operands (stale slots above a frame's sp would keep garbage alive), then
 * whatever lies above the innermost frame (a frame being set up). */
static void scan_frames(py_ctx *ctx)
{
    py_gc *gc = &ctx->gc;
    py_val *hi = ctx->vstack;
    for (py_frame *f = ctx->frame; f != NULL; f = f->prev) {
        if ((py_val *)f < ctx->vstack || (py_val *)f >= ctx->vstack_end) {
            continue; /* a generator's frame: scanned with its generator */
        }
        scan_words(gc, f, PY_FRAME_WORDS, false);
        if (f->sp >= f->locals) {
            scan_words(gc, f->locals, (size_t)(f->sp - f->locals), true);
        }
        py_val *end = f->locals + f->code->n_locals + f->code->n_stack;
        if (end > hi) {
            hi = end;
        }
    }
    if (ctx->vsp > hi) {
        scan_words(gc, hi, (size_t)(ctx->vsp - hi), true);
    }
}

void py_gc_collect(py_ctx *ctx)
{
    py_gc *gc = &ctx->gc;
    if (gc->collecting) {
        return;
    }
    gc->collecting = 1;
    gc->mark_top = 0;
    gc->mark_overflow = 0;
    /* the context holds the precise roots (dicts, pools, pending values) */
    scan_words(gc, ctx, sizeof(*ctx) / sizeof(uintptr_t), false);
    drain(gc);
    scan_frames(ctx);
    drain(gc);
    scan_cstack(ctx);
    drain(gc);
    py_thread_gc_roots(ctx);
    drain(gc);
    sweep(gc);
    gc->since_collect = 0;
    gc->collecting = 0;
}

/* Make the table valid for at least `need` blocks; false if the heap is too small. */
static bool extend(py_gc *gc, size_t need)
{
    if (need > gc->n_blocks) {
        return false;
    }
    size_t to = gc->inited + 4096;
    if (to < need) {
        to = need;
    }
    if (to > gc->n_blocks) {
        to = gc->n_blocks;
    }
    memset(gc->table + gc->inited, B_FREE, to - gc->inited);
    gc->inited = to;
    gc->fail_min = 0; /* new free space: earlier failed sizes may fit now */
    return true;
}

static intptr_t find_run(py_gc *gc, size_t n, size_t from)
{
    size_t nb = gc->inited;
    const uint8_t *t = gc->table;
    size_t b = from;
    while (b + n <= nb) {
        /* memchr skips used blocks many at a time */
        const uint8_t *f = memchr(t + b, B_FREE, nb - b);
        if (f == NULL) {
            return -1;
        }
        b = (size_t)(f - t);
        if (b + n > nb) {
            return -1;
        }
        size_t run = 1;
        while (run < n && t[b + run] == B_FREE) {
            run++;
        }
        if (run == n) {
            return (intptr_t)b;
        }
        b += run;
    }
    return -1;
}

static void *gc_alloc(py_ctx *ctx, size_t size, bool scan, bool zero);

void *py_gc_alloc(py_ctx *ctx, size_t size, bool scan)
{
    return gc_alloc(ctx, size, scan, true);
}

/* Raw memory the caller overwrites completely (bigint digits, scratch). */
void *py_alloc_raw_nz(py_ctx *ctx, size_t size)
{
    void *p = gc_alloc(ctx, size, false, false);
    if (PY_UNLIKELY(p == NULL)) {
        py_raise_obj(ctx, ctx->mem_err);
    }
    return p;
}

static void *gc_alloc(py_ctx *ctx, size_t size, bool scan, bool zero)
{
    py_gc *gc = &ctx->gc;
    if (gc->locked || gc->collecting) {
        return NULL;
    }
    if (gc->fail_countdown != 0 && --gc->fail_countdown == 0) {
        return NULL; /* test hook: simulated exhaustion */
    }
    size_t n = size == 0 ? 1 : (size + PY_BLOCK - 1) / PY_BLOCK;
    if (gc->threshold && gc->since_collect >= gc->threshold && !gc->disabled) {
        py_gc_collect(ctx);
    }
    intptr_t b = -1;
    /* a size that already failed since the last collection fails again:
     * skip the scan (keeps big allocations in a fragmented heap linear) */
    if (gc->fail_min == 0 || n < gc->fail_min) {
        b = find_run(gc, n, gc->next);
        if (b < 0 && gc->next != 0) {
            b = find_run(gc, n, 0);
        }
        if (b < 0) {
            gc->fail_min = n;
        }
    }
    while (b < 0 && gc->inited < gc->n_blocks) {
        /* use untouched memory before collecting: start after the last used block */
        size_t from = gc->inited;
        while (from > 0 && gc->table[from - 1] == B_FREE) {
            from--;
        }
        if (!extend(gc, from + n)) {
            break;
        }
        b = find_run(gc, n, from);
    }
    if (b < 0) {
        py_gc_collect(ctx);
        b = find_run(gc, n, gc->next);
        if (b < 0) {
            gc->fail_min = n;
            return NULL;
        }
    }
    gc->table[b] = scan ? B_HEAD : B_RAW;
    if (n > 1) {
        memset(gc->table + b + 1, B_TAIL, n - 1);
    }
    gc->next = (size_t)b + n;
    gc->used_blocks += n;
    gc->since_collect += n;
    void *p = gc->pool + (size_t)b * PY_BLOCK;
    if (zero) {
        memset(p, 0, n * PY_BLOCK);
    }
    return p;
}

/* Free an allocation early (growing arrays): safe only for memory the
 * caller knows nobody else references. */
static void gc_free(py_gc *gc, void *p)
{
    intptr_t b = head_block(gc, (uintptr_t)p, false);
    if (b < 0) {
        return;
    }
    size_t n = block_len(gc, (size_t)b);
    memset(gc->table + b, B_FREE, n);
    gc->used_blocks -= n;
    gc->fail_min = 0;
    if ((size_t)b < gc->next) {
        gc->next = (size_t)b;
    }
}

_Noreturn static void out_of_memory(py_ctx *ctx)
{
    py_raise_obj(ctx, ctx->mem_err);
}

void *py_alloc(py_ctx *ctx, size_t size)
{
    void *p = py_gc_alloc(ctx, size, true);
    if (PY_UNLIKELY(p == NULL)) {
        out_of_memory(ctx);
    }
    return p;
}

void *py_alloc_raw(py_ctx *ctx, size_t size)
{
    void *p = py_gc_alloc(ctx, size, false);
    if (PY_UNLIKELY(p == NULL)) {
        out_of_memory(ctx);
    }
    return p;
}

void *py_obj_new(py_ctx *ctx, const py_type *type, size_t size)
{
    py_obj *o = py_alloc(ctx, size);
    o->type = type;
    return o;
}

void *py_realloc(py_ctx *ctx, void *p, size_t old_size, size_t new_size)
{
    py_gc *gc = &ctx->gc;
    if (p == NULL) {
        return py_alloc(ctx, new_size);
    }
    intptr_t b = head_block(gc, (uintptr_t)p, false);
    bool scan = b < 0 || (gc->table[b] & B_KIND) == B_HEAD;
    size_t have = b < 0 ? 0 : block_len(gc, (size_t)b) * PY_BLOCK;
    if (b >= 0 && new_size <= have) {
        return p;
    }
    /* try to grow in place over free blocks */
    if (b >= 0) {
        size_t need = (new_size + PY_BLOCK - 1) / PY_BLOCK;
        size_t cur = have / PY_BLOCK;
        size_t e = (size_t)b + cur;
        size_t extra = need - cur;
        size_t k = 0;
        if (e + extra > gc->inited && e + extra <= gc->n_blocks) {
            extend(gc, e + extra);
        }
        while (k < extra && e + k < gc->inited && gc->table[e + k] == B_FREE) {
            k++;
        }
        if (k == extra) {
            memset(gc->table + e, B_TAIL, extra);
            memset(gc->pool + e * PY_BLOCK, 0, extra * PY_BLOCK);
            gc->used_blocks += extra;
            gc->since_collect += extra;
            return p;
        }
    }
    void *q = py_gc_alloc(ctx, new_size, scan);
    if (q == NULL) {
        out_of_memory(ctx);
    }
    memcpy(q, p, old_size < new_size ? old_size : new_size);
    if (b >= 0) {
        gc_free(gc, p);
    }
    return q;
}

void py_gc_stats(py_ctx *ctx, size_t *total, size_t *used)
{
    *total = ctx->gc.n_blocks * PY_BLOCK;
    *used = ctx->gc.used_blocks * PY_BLOCK;
}

void py_gc_fail_after(py_ctx *ctx, size_t n)
{
    ctx->gc.fail_countdown = n;
}

size_t py_gc_size(py_ctx *ctx, const void *p)
{
    intptr_t b = head_block(&ctx->gc, (uintptr_t)p, false);
    return b < 0 ? 0 : block_len(&ctx->gc, (size_t)b) * PY_BLOCK;
}
