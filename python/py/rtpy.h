/* rtpy embedding API: create an interpreter over a caller-given memory
 * buffer, run code, call Python, report exceptions, tear down.
 *
 * All state lives in the buffer given to rtpy_create(); the core has no
 * mutable globals, so several VMs may coexist (one thread each). No function
 * here long-jumps out: each returns a status, and a Python exception that
 * escaped is kept as the "pending exception" (rtpy_print_exception()).
 * None of these functions may be called from an ISR, except
 * rtpy_interrupt() which is safe from an ISR or a signal handler.
 */
#ifndef RTPY_H
#define RTPY_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct py_ctx rtpy_vm;
typedef uintptr_t rtpy_val; /* a Python value (see obj.h) */

/* Status codes */
#define RTPY_OK     0  /* success */
#define RTPY_EXC    -1 /* a Python exception is pending (rtpy_print_exception) */
#define RTPY_EXIT   -2 /* SystemExit was raised: see rtpy_exit_status() */
#define RTPY_EINVAL -3 /* invalid argument (NULL vm, unknown mode, ...) */
#define RTPY_ENOMEM -4 /* buffer too small to create the VM */

/* Compile modes */
#define RTPY_MODE_FILE   0 /* a module: statements */
#define RTPY_MODE_SINGLE 1 /* one interactive statement: print expression values */
#define RTPY_MODE_EVAL   2 /* one expression */

/* File handle returned by the HAL's file_open (opaque to the core). */
typedef void *rtpy_file;

/* File metadata for the os module (rtpy_hal.stat2). */
typedef struct rtpy_stat {
    uint32_t mode; /* S_IFDIR 0040000 | S_IFREG 0100000 | permission bits */
    uint64_t size;
    double mtime, atime, ctime;
} rtpy_stat;

/* rtpy_hal has the file-system fields below (stat2, listdir, ...). */
#define RTPY_HAL_FS 1

/* Services the port supplies. Every function pointer except `write` may be
 * NULL; the matching Python feature then raises OSError (or is a no-op). */
typedef struct rtpy_hal {
    void *user; /* passed back to every callback */
    /* Output bytes to stream fd (1 stdout, 2 stderr). */
    void (*write)(void *user, int fd, const char *buf, size_t len);
    /* Read up to len bytes of stdin; returns count, 0 at EOF, <0 error. */
    long (*read)(void *user, char *buf, size_t len);
    /* Monotonic time in microseconds; wall-clock time in seconds since 1970. */
    uint64_t (*ticks_us)(void *user);
    double (*time)(void *user);
    void (*sleep_us)(void *user, uint64_t us);
    /* Files: open returns NULL and sets *err (an errno value) on failure. */
    rtpy_file (*file_open)(void *user, const char *path, const char *mode, int *err);
    long (*file_read)(void *user, rtpy_file f, void *buf, size_t len);
    long (*file_write)(void *user, rtpy_file f, const void *buf, size_t len);
    long (*file_seek)(void *user, rtpy_file f, long off, int whence); /* new pos, <0 -errno */
    int (*file_close)(void *user, rtpy_file f);
    /* 0 missing, 1 regular file, 2 directory. */
    int (*stat)(void *user, const char *path);
    /* Bytes of C stack the interpreter may use below the point where it is
     * entered (0: PY_DEFAULT_CSTACK). Deep recursion raises RuntimeError
     * before this is exceeded. */
    size_t stack_size;
    /* Values in the VM's frame stack (0: default 4096). */
    size_t vstack_size;
    /* Extra built-in modules of the port (NULL-terminated, may be NULL),
     * searched after the core and python/modules ones. */
    const struct py_module_def *const *modules;
    /* sys.platform (NULL: "rtpy"). */
    const char *platform;
    /* File system for the os module; each returns 0 or -errno (NULL:
     * OSError ENOSYS). listdir calls cb(arg, name, is_dir) per entry
     * (without "." and ".."); cb returns nonzero to stop. */
    int (*stat2)(void *user, const char *path, rtpy_stat *st);
    int (*listdir)(void *user, const char *path, int (*cb)(void *arg, const char *name, int is_dir),
                   void *arg);
    int (*mkdir)(void *user, const char *path);
    int (*rmdir)(void *user, const char *path);
    int (*remove)(void *user, const char *path);
    int (*rename)(void *user, const char *from, const char *to);
    int (*getcwd)(void *user, char *buf, size_t len);
    int (*chdir)(void *user, const char *path);
    /* Fill buf with entropy (os.urandom, random seeding); 0 or -errno. */
    int (*urandom)(void *user, void *buf, size_t len);
    /* The global interpreter lock, for ports that run Python in several OS threads
     * (NULL: single-threaded). gil_lock waits up to timeout_ms for the lock and returns
     * 0 once it is held, nonzero on timeout; gil_unlock lets it go and must hand it to a
     * waiting thread if there is one (RT-Thread's mutex does). The thread that creates
     * the VM must hold the lock. */
    int (*gil_lock)(void *user, uint32_t timeout_ms);
    void (*gil_unlock)(void *user);
} rtpy_hal;

/* Bytes rtpy_create() needs besides the heap scripts get (VM state, frame
 * stack, GC mark stack and the interpreter's startup data, ~7 KB on 32-bit):
 * rtpy_create(buf, rtpy_overhead(hal) + heap, hal). */
size_t rtpy_overhead(const rtpy_hal *hal);

/* Create a VM in heap[0..size): the VM state, its frame stack and the GC
 * heap all live there. hal must outlive the VM. Returns NULL if size is
 * under rtpy_overhead(hal) + 1 KB, or an argument is NULL. */
rtpy_vm *rtpy_create(void *heap, size_t size, const rtpy_hal *hal);

/* Tear the VM down: runs nothing, closes files the VM opened through the
 * HAL. The buffer may be reused afterwards. NULL is ignored. */
void rtpy_destroy(rtpy_vm *vm);

/* Set sys.argv from argv[0..argc) and prepend `path` (may be NULL) to
 * sys.path. RTPY_OK, RTPY_EINVAL or RTPY_EXC (MemoryError). */
int rtpy_set_argv(rtpy_vm *vm, int argc, const char *const *argv);
int rtpy_add_path(rtpy_vm *vm, const char *dir);

/* Compile and run src[0..len) as the __main__ module (mode RTPY_MODE_FILE or
 * RTPY_MODE_SINGLE) or evaluate it (RTPY_MODE_EVAL, result in *result if
 * result is not NULL). filename is used in tracebacks.
 * RTPY_OK, RTPY_EXC, RTPY_EXIT or RTPY_EINVAL. */
int rtpy_exec(rtpy_vm *vm, const char *src, size_t len, const char *filename, int mode,
              rtpy_val *result);

/* Read a script through the HAL's file functions and run it as __main__.
 * A missing file is reported as a pending OSError (RTPY_EXC). */
int rtpy_exec_file(rtpy_vm *vm, const char *path);

/* Source reader for rtpy_exec_reader: returns bytes stored into buf
 * (0 at end, <0 on error). */
typedef long (*rtpy_reader)(void *data, char *buf, size_t len);
int rtpy_exec_reader(rtpy_vm *vm, rtpy_reader rd, void *data, const char *filename);

/* Compile without running; *code receives a code object that
 * rtpy_exec_code() runs in __main__. */
int rtpy_compile(rtpy_vm *vm, const char *src, size_t len, const char *filename, int mode,
                 rtpy_val *code);
int rtpy_exec_code(rtpy_vm *vm, rtpy_val code);

/* Look up a global of __main__ (RTPY_EXC: NameError pending). */
int rtpy_get_global(rtpy_vm *vm, const char *name, rtpy_val *out);
/* Call fn(args...) -> *result (result may be NULL). */
int rtpy_call(rtpy_vm *vm, rtpy_val fn, size_t n_args, const rtpy_val *args, rtpy_val *result);

/* Values kept in C variables between API calls are only guaranteed alive if
 * pinned (at most 8 at a time). RTPY_OK, or RTPY_ENOMEM if all slots used. */
int rtpy_pin(rtpy_vm *vm, rtpy_val v);
void rtpy_unpin(rtpy_vm *vm, rtpy_val v);

/* Pending exception: rtpy_print_exception() prints it CPython style
 * ("Traceback (most recent call last):" ...) to stderr and clears it.
 * rtpy_clear_exception() drops it. rtpy_exception() returns it (0 if none). */
void rtpy_print_exception(rtpy_vm *vm);
void rtpy_clear_exception(rtpy_vm *vm);
rtpy_val rtpy_exception(rtpy_vm *vm);
/* Exit status after RTPY_EXIT (SystemExit's code as CPython maps it). */
int rtpy_exit_status(rtpy_vm *vm);

/* Request a KeyboardInterrupt at the next safe point. Safe from an ISR or a
 * signal handler. */
void rtpy_interrupt(rtpy_vm *vm);

/* Queue fn(arg) to run in the VM's thread at its next safe point (between
 * bytecodes), like micropython.schedule(). Safe from an ISR or another
 * thread (single producer at a time). fn and arg must be objects the VM
 * keeps alive (e.g. stored in a module). RTPY_OK, or -1 if the queue (8
 * entries) is full. */
int rtpy_schedule(rtpy_vm *vm, rtpy_val fn, rtpy_val arg);

/* Tab completion: completes the last dotted name at the end of line[0..len)
 * against __main__ globals and builtins, or the attributes of the object
 * the dotted prefix names (only attribute lookups are performed). Calls
 * emit(data, candidate, n) for each full candidate word; returns the count
 * (0 on any error). */
int rtpy_complete(rtpy_vm *vm, const char *line, size_t len,
                  void (*emit)(void *data, const char *cand, size_t n), void *data);

/* REPL helpers. rtpy_input_complete(): 1 if src is a complete interactive
 * input (run it), 0 if more lines are needed (print "... "): open brackets,
 * a trailing ':' or backslash, an indented block not yet ended by an empty
 * line, an unterminated triple-quoted string. Pure: may be called anytime. */
int rtpy_input_complete(const char *src, size_t len);
/* Run one interactive input in __main__ (prints expression values) and print
 * any exception. Returns RTPY_OK, RTPY_EXC (already printed) or RTPY_EXIT. */
int rtpy_repl_exec(rtpy_vm *vm, const char *src, size_t len);

/* --- threads (thread.c) ---------------------------------------------------
 * With the HAL's gil_lock/gil_unlock, several OS threads run Python in one VM,
 * one at a time: a thread must hold the GIL to call anything here or in the
 * native API. The VM's creator (the main thread) holds it from the start; the
 * VM lets it go periodically (every few ms when another thread waits) and
 * around blocking HAL calls wrapped in rtpy_unlocked(). Ctrl-C
 * (rtpy_interrupt) raises KeyboardInterrupt in the main thread only.
 * Not callable from an ISR. */
typedef struct py_thread rtpy_thread;

/* Register a thread that will call fn(*args, **kwargs) (args a tuple or list, kwargs a dict
 * or 0) with a frame stack of vstack_size values (0: 512) and a C stack budget of
 * cstack_size bytes (0: default). Native API: called from a native with the GIL held, it
 * raises RuntimeError (no gil callbacks, or rtpy_threads_stop() was called) or MemoryError.
 * The caller then starts an OS thread that calls rtpy_thread_run(), or rtpy_thread_cancel()
 * if it cannot. */
rtpy_thread *rtpy_thread_new(rtpy_vm *vm, rtpy_val fn, rtpy_val args, rtpy_val kwargs,
                             size_t vstack_size, size_t cstack_size);
void rtpy_thread_cancel(rtpy_vm *vm, rtpy_thread *t);
/* In the new OS thread, without the GIL: takes it, runs the call, prints an exception that
 * ends it as CPython does ("Unhandled exception in thread started by ..." and the
 * traceback; SystemExit is silent), unregisters the thread and lets the GIL go.
 * RTPY_OK, RTPY_EXC or RTPY_EXIT. */
int rtpy_thread_run(rtpy_vm *vm, rtpy_thread *t);
/* Call fn(arg) with the GIL released (for blocking waits); fn must not touch the VM. Without
 * threads it just calls fn. */
void rtpy_unlocked(rtpy_vm *vm, void (*fn)(void *arg), void *arg);
/* Ask every thread but the main one to end: each gets SystemExit at its next safe point (and
 * again if it catches it); rtpy_thread_new() refuses new ones. The caller then waits for them
 * with the GIL released (rtpy_unlocked) before rtpy_destroy(). */
void rtpy_threads_stop(rtpy_vm *vm);
/* 1 if the calling thread (holding the GIL) is the main thread, else 0. */
int rtpy_thread_is_main(rtpy_vm *vm);

/* Heap statistics in bytes. */
void rtpy_mem_info(rtpy_vm *vm, size_t *total, size_t *used, size_t *free_);

#ifdef __cplusplus
}
#endif
#endif
