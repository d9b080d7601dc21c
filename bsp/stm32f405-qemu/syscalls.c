/* newlib hooks: stdio to the console and DFS files, malloc to the kernel heap. */
#include <rthw.h>
#include <rtthread.h>
#include <errno.h>
#include <reent.h>
#include <string.h>
#include <sys/stat.h>
#include "cpuport.h"
#ifdef RT_USING_DFS
#include <dfs_posix.h>
#endif

/* ---- memory: newlib's allocator would need _sbrk and a second heap; use the kernel's ---- */

void *malloc(size_t size)
{
    return rt_malloc(size);
}

void free(void *ptr)
{
    rt_free(ptr);
}

void *realloc(void *ptr, size_t size)
{
    return rt_realloc(ptr, size);
}

void *calloc(size_t count, size_t size)
{
    return rt_calloc(count, size);
}

void *_malloc_r(struct _reent *r, size_t size)
{
    void *p = rt_malloc(size);

    if (p == RT_NULL) {
        r->_errno = ENOMEM;
    }
    return p;
}

void _free_r(struct _reent *r, void *ptr)
{
    rt_free(ptr);
}

void *_realloc_r(struct _reent *r, void *ptr, size_t size)
{
    void *p = rt_realloc(ptr, size);

    if (p == RT_NULL && size != 0) {
        r->_errno = ENOMEM;
    }
    return p;
}

void *_calloc_r(struct _reent *r, size_t count, size_t size)
{
    void *p = rt_calloc(count, size);

    if (p == RT_NULL) {
        r->_errno = ENOMEM;
    }
    return p;
}

/*
 * ---- files: descriptors 0..2 are the console, the others belong to DFS ----
 * DFS reports failures in the thread's errno (rt_get_errno()); newlib's callers (the _r
 * wrappers, stdio) read its own `errno`, so every DFS failure is copied there.
 */

static int sys_is_std(int fd)
{
    return fd >= 0 && fd <= 2;
}

#ifdef RT_USING_DFS
/* Pass a DFS result through; on failure (-1) copy DFS's errno to newlib's. */
static int sys_dfs_result(int ret)
{
    if (ret < 0) {
        errno = (int)rt_get_errno();
        return -1;
    }
    return ret;
}
#endif

#ifndef RT_USING_DFS
/* Without DFS: descriptors beyond the console do not exist. */
static int sys_no_file(void)
{
    errno = EBADF;
    return -1;
}
#endif

static int sys_console_write(const char *buf, int len)
{
    rt_device_t console = rt_console_get_device();
    char chunk[64];

    if (console != RT_NULL) {
        return (int)rt_device_write(console, 0, buf, (rt_size_t)len);
    }
    for (int done = 0; done < len;) {
        int n = len - done < (int)sizeof(chunk) - 1 ? len - done : (int)sizeof(chunk) - 1;

        memcpy(chunk, buf + done, (size_t)n);
        chunk[n] = '\0';
        rt_hw_console_output(chunk);
        done += n;
    }
    return len;
}

int _write(int fd, const char *buf, int len)
{
    if (fd == 1 || fd == 2) {
        return sys_console_write(buf, len);
    }
    if (fd == 0) {
        errno = EBADF;
        return -1;
    }
#ifdef RT_USING_DFS
    return sys_dfs_result((int)dfs_write(fd, buf, (size_t)len));
#else
    return sys_no_file();
#endif
}

/* Blocking read of at least one byte from the console (polls every tick). */
static int sys_console_read(char *buf, int len)
{
    rt_device_t console = rt_console_get_device();
    rt_ssize_t n;

    if (console == RT_NULL || len <= 0) {
        return 0;
    }
    while ((n = rt_device_read(console, 0, buf, (rt_size_t)len)) == 0) {
        rt_thread_mdelay(1);
    }
    return n < 0 ? -1 : (int)n;
}

int _read(int fd, char *buf, int len)
{
    if (fd == 0) {
        return sys_console_read(buf, len);
    }
    if (fd == 1 || fd == 2) {
        errno = EBADF;
        return -1;
    }
#ifdef RT_USING_DFS
    return sys_dfs_result((int)dfs_read(fd, buf, (size_t)len));
#else
    return sys_no_file();
#endif
}

int _open(const char *path, int flags, int mode)
{
#ifdef RT_USING_DFS
    return sys_dfs_result(dfs_open(path, flags, mode));
#else
    errno = ENOSYS;
    return -1;
#endif
}

int _close(int fd)
{
    if (sys_is_std(fd)) {
        errno = EPERM; /* the console stays open */
        return -1;
    }
#ifdef RT_USING_DFS
    return sys_dfs_result(dfs_close(fd));
#else
    return sys_no_file();
#endif
}

int _lseek(int fd, int offset, int whence)
{
    if (sys_is_std(fd)) {
        errno = ESPIPE;
        return -1;
    }
#ifdef RT_USING_DFS
    return sys_dfs_result((int)dfs_lseek(fd, offset, whence));
#else
    return sys_no_file();
#endif
}

int _fstat(int fd, struct stat *st)
{
    if (sys_is_std(fd)) {
        memset(st, 0, sizeof(*st));
        st->st_mode = S_IFCHR;
        return 0;
    }
#ifdef RT_USING_DFS
    return sys_dfs_result(dfs_fstat(fd, st));
#else
    return sys_no_file();
#endif
}

int _isatty(int fd)
{
    if (sys_is_std(fd)) {
        return 1;
    }
    errno = ENOTTY; /* files are fully buffered by stdio */
    return 0;
}

#ifdef RT_USING_DFS
int _stat(const char *path, struct stat *st)
{
    return sys_dfs_result(dfs_stat(path, st));
}

int _unlink(const char *path)
{
    return sys_dfs_result(dfs_unlink(path));
}

/* DFS has no hard links; newlib's own rename() would need them (link + unlink). */
int _link(const char *oldpath, const char *newpath)
{
    errno = EPERM;
    return -1;
}

int _rename_r(struct _reent *r, const char *oldpath, const char *newpath)
{
    if (dfs_rename(oldpath, newpath) < 0) {
        r->_errno = (int)rt_get_errno();
        return -1;
    }
    return 0;
}

/* newlib declares these in <sys/stat.h> / <unistd.h> but leaves them to the system. */
int mkdir(const char *path, mode_t mode)
{
    return sys_dfs_result(dfs_mkdir(path, mode));
}

int rmdir(const char *path)
{
    return sys_dfs_result(dfs_rmdir(path));
}
#endif

int _getpid(void)
{
    return 1;
}

int _kill(int pid, int sig)
{
    errno = EINVAL;
    return -1;
}

/* exit()/abort(): end the emulation with the status (or halt without a host). */
void _exit(int status)
{
    rt_hw_interrupt_disable();
    rt_hw_semihost_exit(status);
    for (;;) {
        __asm__ volatile("wfi");
    }
}
