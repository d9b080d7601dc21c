/* The embedding API (rtpy.h): VM creation over a caller buffer, running
 * code, calls, pending exceptions, REPL support. */
#include "internal.h"

py_val py_run_code(py_ctx *ctx, py_code *co, py_dict *globals, py_dict *locals);
py_val py_exec_module_file(py_ctx *ctx, py_val module, const char *path);
void py_close_all_files(py_ctx *ctx);
void py_gc_stats(py_ctx *ctx, size_t *total, size_t *used);
extern const py_type py_type_textio;
py_val py_std_stream(py_ctx *ctx, int fd, const char *name, const char *mode);

#define MARK_STACK_BYTES (256 * sizeof(py_val))
#define STARTUP_RESERVE  (2048 * sizeof(void *))
#define DEFAULT_VSTACK   4096

size_t rtpy_overhead(const rtpy_hal *hal)
{
    size_t vs = hal && hal->vstack_size ? hal->vstack_size : DEFAULT_VSTACK;
    /* the interpreter's own startup data (interned-name tables, builtins
     * dict, sys objects) lives in the GC heap: reserve room for it so the
     * caller's heap size is what scripts get */
    return PY_ALIGN_UP(sizeof(py_ctx), 16) + vs * sizeof(py_val) + MARK_STACK_BYTES + 64 +
           STARTUP_RESERVE;
}

/* API entry/exit: record the C stack top for conservative scanning and the
 * recursion budget on the outermost entry. */
#define API_ENTER(vm)                    \
    char api_probe_;                     \
    if ((vm)->cdepth++ == 0) {           \
        (vm)->cstack_base = &api_probe_; \
    }
#define API_LEAVE(vm) ((vm)->cdepth--)

static int set_pending(py_ctx *ctx, py_val exc)
{
    ctx->frame = NULL;
    ctx->cur_exc = PY_NULL;
    if (py_isinstance(ctx, exc, &py_type_SystemExit)) {
        py_val code = py_exc_arg0(exc);
        if (code == PY_NONE) {
            ctx->exit_status = 0;
        } else if (py_is_int(code)) {
            intmax_t v;
            ctx->exit_status = py_int_get_checked(ctx, code, &v) ? (int)v : 1;
        } else {
            /* sys.exit("message"): print it, status 1 */
            ctx->exc = exc;
            ctx->exit_status = 1;
            return RTPY_EXIT;
        }
        ctx->exc = PY_NULL;
        return RTPY_EXIT;
    }
    ctx->exc = exc;
    return RTPY_EXC;
}

static void hal_write_stderr(void *data, const char *s, size_t n)
{
    py_ctx *ctx = data;
    ctx->hal->write(ctx->hal->user, 2, s, n);
}

static py_val main_globals_val(py_ctx *ctx)
{
    return PY_VAL(((py_module *)PY_PTR(ctx->main_module))->globals);
}

static void vm_init(py_ctx *ctx)
{
    py_qstr_init(ctx);
    ctx->modules = py_dict_alloc(ctx, &py_type_dict, 0);
    ctx->builtins = PY_PTR(py_dict_from_attrs(ctx, py_builtins_attrs));
    py_val bm = py_module_new(ctx, PY_Q_builtins);
    py_module *bmp = PY_PTR(bm);
    py_dict_store_q(ctx, ctx->builtins, PY_Q___name__, PY_MK_QSTR(PY_Q_builtins));
    bmp->globals = ctx->builtins;
    py_dict_store_q(ctx, ctx->modules, PY_Q_builtins, bm);
    py_val one = py_str_from_cstr(ctx, "memory allocation failed");
    ctx->mem_err = py_exc_new(ctx, &py_type_MemoryError, 0, &one);
    ctx->sys_stdin = py_std_stream(ctx, 0, "<stdin>", "r");
    ctx->sys_stdout = py_std_stream(ctx, 1, "<stdout>", "w");
    ctx->sys_stderr = py_std_stream(ctx, 2, "<stderr>", "w");
    ctx->sys_argv = py_list_new(ctx, 0, NULL);
    py_val cwd = PY_MK_QSTR(PY_Q_empty);
    ctx->sys_path = py_list_new(ctx, 1, &cwd);
    ctx->open_files = py_list_new(ctx, 0, NULL);
    ctx->main_module = py_module_new(ctx, PY_Q___main__);
    py_dict_store_q(ctx, ctx->modules, PY_Q___main__, ctx->main_module);
    py_dict_store_q(ctx, PY_PTR(main_globals_val(ctx)), PY_Q___builtins__, bm);
}

rtpy_vm *rtpy_create(void *heap, size_t size, const rtpy_hal *hal)
{
    if (heap == NULL || hal == NULL || hal->write == NULL) {
        return NULL;
    }
    size_t over = rtpy_overhead(hal);
    if (size < over + 1024) {
        return NULL;
    }
    uintptr_t base = PY_ALIGN_UP((uintptr_t)heap, 16);
    size -= base - (uintptr_t)heap;
    py_ctx *volatile ctx = (py_ctx *)base;
    memset(ctx, 0, sizeof(*ctx));
    ctx->hal = hal;
    ctx->heap_start = heap;
    ctx->heap_size = size;
    size_t vs = hal->vstack_size ? hal->vstack_size : DEFAULT_VSTACK;
    ctx->vstack = (py_val *)(base + PY_ALIGN_UP(sizeof(py_ctx), 16));
    ctx->vstack_end = ctx->vstack + vs;
    ctx->vsp = ctx->vstack;
    ctx->cstack_limit = hal->stack_size ? hal->stack_size : PY_DEFAULT_CSTACK;
    uint8_t *gc_start = (uint8_t *)ctx->vstack_end;
    size_t gc_size = size - (size_t)(gc_start - (uint8_t *)base);
    py_gc_init(ctx, gc_start, gc_size);
    API_ENTER(ctx);
    py_jmp j;
    ctx->jmp = NULL;
    if (py_try(ctx, &j) == 0) {
        vm_init(ctx);
        py_try_end(ctx, &j);
    } else {
        API_LEAVE(ctx);
        return NULL;
    }
    API_LEAVE(ctx);
    return ctx;
}

void rtpy_destroy(rtpy_vm *vm)
{
    if (vm == NULL) {
        return;
    }
    py_close_all_files(vm);
    memset(vm, 0, sizeof(*vm));
}

int rtpy_set_argv(rtpy_vm *vm, int argc, const char *const *argv)
{
    if (vm == NULL || argc < 0 || (argc > 0 && argv == NULL)) {
        return RTPY_EINVAL;
    }
    API_ENTER(vm);
    py_jmp j;
    int status = RTPY_OK;
    if (py_try(vm, &j) == 0) {
        py_list *l = PY_PTR(vm->sys_argv);
        l->len = 0;
        for (int i = 0; i < argc; i++) {
            py_list_append(vm, vm->sys_argv, py_str_from_cstr(vm, argv[i]));
        }
        py_try_end(vm, &j);
    } else {
        status = set_pending(vm, j.exc);
    }
    API_LEAVE(vm);
    return status;
}

int rtpy_add_path(rtpy_vm *vm, const char *dir)
{
    if (vm == NULL || dir == NULL) {
        return RTPY_EINVAL;
    }
    API_ENTER(vm);
    py_jmp j;
    int status = RTPY_OK;
    if (py_try(vm, &j) == 0) {
        py_list *l = PY_PTR(vm->sys_path);
        py_val d = py_str_from_cstr(vm, dir);
        py_list_append(vm, vm->sys_path, d);
        py_vmove(l->items + 1, l->items, (l->len - 1));
        l->items[0] = d;
        py_try_end(vm, &j);
    } else {
        status = set_pending(vm, j.exc);
    }
    API_LEAVE(vm);
    return status;
}

static int run_code_status(py_ctx *ctx, py_code *co, int mode, rtpy_val *result)
{
    py_val r = py_run_code(ctx, co, PY_PTR(main_globals_val(ctx)), NULL);
    if (result != NULL) {
        *result = mode == RTPY_MODE_EVAL ? r : PY_NONE;
    }
    return RTPY_OK;
}

int rtpy_exec(rtpy_vm *vm, const char *src, size_t len, const char *filename, int mode,
              rtpy_val *result)
{
    if (vm == NULL || src == NULL || mode < RTPY_MODE_FILE || mode > RTPY_MODE_EVAL) {
        return RTPY_EINVAL;
    }
    API_ENTER(vm);
    py_jmp j;
    int status;
    if (py_try(vm, &j) == 0) {
        py_qstr file = py_qstr_from_cstr(vm, filename ? filename : "<string>");
        py_dict_store_q(vm, PY_PTR(main_globals_val(vm)), PY_Q___file__, PY_MK_QSTR(file));
        py_code *co = py_compile(vm, src, len, file, mode);
        status = run_code_status(vm, co, mode, result);
        py_try_end(vm, &j);
    } else {
        status = set_pending(vm, j.exc);
    }
    API_LEAVE(vm);
    return status;
}

int rtpy_exec_file(rtpy_vm *vm, const char *path)
{
    if (vm == NULL || path == NULL) {
        return RTPY_EINVAL;
    }
    API_ENTER(vm);
    py_jmp j;
    int status = RTPY_OK;
    if (py_try(vm, &j) == 0) {
        py_exec_module_file(vm, vm->main_module, path);
        py_try_end(vm, &j);
    } else {
        status = set_pending(vm, j.exc);
    }
    API_LEAVE(vm);
    return status;
}

int rtpy_exec_reader(rtpy_vm *vm, rtpy_reader rd, void *data, const char *filename)
{
    if (vm == NULL || rd == NULL) {
        return RTPY_EINVAL;
    }
    API_ENTER(vm);
    py_jmp j;
    int status;
    if (py_try(vm, &j) == 0) {
        py_strbuf b;
        py_strbuf_init(vm, &b, 1024);
        char buf[256];
        long r;
        while ((r = rd(data, buf, sizeof(buf))) > 0) {
            py_strbuf_add(&b, buf, (size_t)r);
        }
        py_qstr file = py_qstr_from_cstr(vm, filename ? filename : "<stdin>");
        py_code *co = py_compile(vm, b.buf + sizeof(py_str_obj), b.len, file, RTPY_MODE_FILE);
        status = run_code_status(vm, co, RTPY_MODE_FILE, NULL);
        py_try_end(vm, &j);
    } else {
        status = set_pending(vm, j.exc);
    }
    API_LEAVE(vm);
    return status;
}

int rtpy_compile(rtpy_vm *vm, const char *src, size_t len, const char *filename, int mode,
                 rtpy_val *code)
{
    if (vm == NULL || src == NULL || code == NULL || mode < RTPY_MODE_FILE ||
        mode > RTPY_MODE_EVAL) {
        return RTPY_EINVAL;
    }
    API_ENTER(vm);
    py_jmp j;
    int status = RTPY_OK;
    if (py_try(vm, &j) == 0) {
        py_qstr file = py_qstr_from_cstr(vm, filename ? filename : "<string>");
        *code = PY_VAL(py_compile(vm, src, len, file, mode));
        py_try_end(vm, &j);
    } else {
        status = set_pending(vm, j.exc);
    }
    API_LEAVE(vm);
    return status;
}

int rtpy_exec_code(rtpy_vm *vm, rtpy_val code)
{
    if (vm == NULL || !PY_IS_PTR(code) || code == 0 || py_type_of(code) != &py_type_code) {
        return RTPY_EINVAL;
    }
    API_ENTER(vm);
    py_jmp j;
    int status;
    if (py_try(vm, &j) == 0) {
        status = run_code_status(vm, PY_PTR(code), RTPY_MODE_FILE, NULL);
        py_try_end(vm, &j);
    } else {
        status = set_pending(vm, j.exc);
    }
    API_LEAVE(vm);
    return status;
}

int rtpy_get_global(rtpy_vm *vm, const char *name, rtpy_val *out)
{
    if (vm == NULL || name == NULL || out == NULL) {
        return RTPY_EINVAL;
    }
    API_ENTER(vm);
    py_jmp j;
    int status = RTPY_OK;
    if (py_try(vm, &j) == 0) {
        py_qstr q = py_qstr_from_cstr(vm, name);
        py_dict_entry *e = py_dict_lookup_q(vm, PY_PTR(main_globals_val(vm)), q);
        if (e == NULL) {
            py_raise(vm, &py_type_NameError, "name '%q' is not defined", q);
        }
        *out = e->value;
        py_try_end(vm, &j);
    } else {
        status = set_pending(vm, j.exc);
    }
    API_LEAVE(vm);
    return status;
}

int rtpy_call(rtpy_vm *vm, rtpy_val fn, size_t n_args, const rtpy_val *args, rtpy_val *result)
{
    if (vm == NULL || fn == 0 || (n_args > 0 && args == NULL)) {
        return RTPY_EINVAL;
    }
    API_ENTER(vm);
    py_jmp j;
    int status = RTPY_OK;
    if (py_try(vm, &j) == 0) {
        py_val r = py_call(vm, fn, n_args, args);
        if (result != NULL) {
            *result = r;
        }
        py_try_end(vm, &j);
    } else {
        status = set_pending(vm, j.exc);
    }
    API_LEAVE(vm);
    return status;
}

int rtpy_pin(rtpy_vm *vm, rtpy_val v)
{
    if (vm == NULL) {
        return RTPY_EINVAL;
    }
    for (size_t i = 0; i < PY_NPIN; i++) {
        if (vm->pinned[i] == PY_NULL) {
            vm->pinned[i] = v;
            return RTPY_OK;
        }
    }
    return RTPY_ENOMEM;
}

void rtpy_unpin(rtpy_vm *vm, rtpy_val v)
{
    if (vm == NULL) {
        return;
    }
    for (size_t i = 0; i < PY_NPIN; i++) {
        if (vm->pinned[i] == v) {
            vm->pinned[i] = PY_NULL;
            return;
        }
    }
}

void rtpy_print_exception(rtpy_vm *vm)
{
    if (vm == NULL || vm->exc == PY_NULL) {
        return;
    }
    API_ENTER(vm);
    py_val exc = vm->exc;
    vm->exc = PY_NULL;
    py_print p = {vm, hal_write_stderr};
    py_jmp j;
    if (py_try(vm, &j) == 0) {
        if (py_isinstance(vm, exc, &py_type_SystemExit)) {
            py_printf(vm, &p, "%S\n", py_exc_arg0(exc));
        } else if (py_isinstance(vm, exc, &py_type_SyntaxError) &&
                   py_getattr_opt(vm, exc, PY_Q_lineno) != PY_NONE) {
            py_val file = py_getattr_opt(vm, exc, PY_Q_filename);
            py_val line = py_getattr_opt(vm, exc, PY_Q_lineno);
            py_printf(vm, &p, "  File \"%S\", line %S\n%s: %S\n", file, line, py_type_name(exc),
                      py_exc_arg0(exc));
        } else {
            py_print_exception(vm, &p, exc);
        }
        py_try_end(vm, &j);
    } else {
        py_print_str(&p, py_type_name(exc));
        py_print_str(&p, "\n");
    }
    if (exc == vm->mem_err) {
        ((py_exc *)exc)->traceback = PY_NONE;
    }
    API_LEAVE(vm);
}

void rtpy_clear_exception(rtpy_vm *vm)
{
    if (vm != NULL) {
        vm->exc = PY_NULL;
    }
}

rtpy_val rtpy_exception(rtpy_vm *vm)
{
    return vm != NULL ? vm->exc : 0;
}

int rtpy_exit_status(rtpy_vm *vm)
{
    return vm != NULL ? vm->exit_status : 1;
}

void rtpy_interrupt(rtpy_vm *vm)
{
    if (vm != NULL) {
        vm->interrupt |= 1;
    }
}

int rtpy_schedule(rtpy_vm *vm, rtpy_val fn, rtpy_val arg)
{
    if (vm == NULL) {
        return RTPY_EINVAL;
    }
    unsigned tail = vm->sched_tail;
    if (tail - vm->sched_head >= 8) {
        return -1;
    }
    vm->sched[2 * (tail % 8)] = fn;
    vm->sched[2 * (tail % 8) + 1] = arg;
    vm->sched_tail = tail + 1;
    vm->interrupt |= 2;
    return RTPY_OK;
}

int rtpy_repl_exec(rtpy_vm *vm, const char *src, size_t len)
{
    if (vm == NULL || src == NULL) {
        return RTPY_EINVAL;
    }
    API_ENTER(vm);
    py_jmp j;
    int status;
    if (py_try(vm, &j) == 0) {
        py_code *co = py_compile(vm, src, len, PY_Q_lt_stdin, RTPY_MODE_SINGLE);
        status = run_code_status(vm, co, RTPY_MODE_SINGLE, NULL);
        py_try_end(vm, &j);
    } else {
        status = set_pending(vm, j.exc);
    }
    if (status == RTPY_EXC) {
        rtpy_print_exception(vm);
    }
    API_LEAVE(vm);
    return status;
}

void rtpy_mem_info(rtpy_vm *vm, size_t *total, size_t *used, size_t *free_)
{
    size_t t = 0, u = 0;
    if (vm != NULL) {
        py_gc_stats(vm, &t, &u);
    }
    if (total) {
        *total = t;
    }
    if (used) {
        *used = u;
    }
    if (free_) {
        *free_ = t - u;
    }
}

static bool is_ident_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '.';
}

static int complete_in(py_ctx *ctx, py_val names, const char *pre, size_t pn,
                       void (*emit)(void *, const char *, size_t), void *data)
{
    int count = 0;
    size_t n;
    py_val *items;
    py_get_items(ctx, names, &n, &items);
    for (size_t i = 0; i < n; i++) {
        size_t len;
        if (!py_is_str(items[i])) {
            continue;
        }
        const char *s = py_str_get(ctx, items[i], &len);
        if (len >= pn && memcmp(s, pre, pn) == 0 && !(pn == 0 && s[0] == '_')) {
            emit(data, s, len);
            count++;
        }
    }
    return count;
}

static int complete_impl(py_ctx *vm, const char *line, size_t len,
                         void (*emit)(void *data, const char *cand, size_t n), void *data)
{
    size_t st = len;
    while (st > 0 && is_ident_char(line[st - 1])) {
        st--;
    }
    const char *word = line + st;
    size_t wn = len - st;
    const char *dot = NULL;
    for (size_t i = 0; i < wn; i++) {
        if (word[i] == '.') {
            dot = word + i;
        }
    }
    if (dot == NULL) {
        py_val g = py_list_from_iter(vm, main_globals_val(vm));
        py_list_extend(vm, g, py_list_from_iter(vm, PY_VAL(vm->builtins)));
        py_list_sort(vm, g, PY_NONE, false);
        return complete_in(vm, g, word, wn, emit, data);
    }
    /* evaluate the dotted prefix by attribute lookups only */
    const char *p = word;
    const char *e = memchr(p, '.', (size_t)(dot - p) + 1);
    py_qstr q = py_qstr_from(vm, p, (size_t)(e - p));
    py_dict_entry *en = py_dict_lookup_q(vm, PY_PTR(main_globals_val(vm)), q);
    if (en == NULL) {
        en = py_dict_lookup_q(vm, vm->builtins, q);
    }
    py_val obj = en ? en->value : PY_NULL;
    while (obj != PY_NULL && e < dot) {
        p = e + 1;
        e = memchr(p, '.', (size_t)(dot - p) + 1);
        obj = py_getattr_opt(vm, obj, py_qstr_from(vm, p, (size_t)(e - p)));
    }
    if (obj == PY_NULL) {
        return 0;
    }
    return complete_in(vm, py_dir(vm, obj), dot + 1, wn - (size_t)(dot + 1 - word), emit, data);
}

int rtpy_complete(rtpy_vm *vm, const char *line, size_t len,
                  void (*emit)(void *data, const char *cand, size_t n), void *data)
{
    if (vm == NULL || line == NULL || emit == NULL) {
        return 0;
    }
    API_ENTER(vm);
    volatile int count = 0;
    py_jmp j;
    if (py_try(vm, &j) == 0) {
        count = complete_impl(vm, line, len, emit, data);
        py_try_end(vm, &j);
    }
    API_LEAVE(vm);
    return count;
}
