/* newlib hooks: stdio goes to the RT-Thread console, malloc to the kernel heap. */
#include <rthw.h>
#include <rtthread.h>
#include <errno.h>
#include <reent.h>
#include <string.h>
#include <sys/stat.h>
#include "cpuport.h"

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

/* ---- files: only stdin, stdout and stderr exist, all on the console ---- */

static int sys_is_std(int fd)
{
    return fd >= 0 && fd <= 2;
}

int _write(int fd, const char *buf, int len)
{
    rt_device_t console = rt_console_get_device();
    char chunk[64];

    if (fd != 1 && fd != 2) {
        errno = EBADF;
        return -1;
    }
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

/* Blocking read of at least one byte from the console (polls every tick). */
int _read(int fd, char *buf, int len)
{
    rt_device_t console = rt_console_get_device();
    rt_ssize_t n;

    if (fd != 0) {
        errno = EBADF;
        return -1;
    }
    if (console == RT_NULL || len <= 0) {
        return 0;
    }
    while ((n = rt_device_read(console, 0, buf, (rt_size_t)len)) == 0) {
        rt_thread_mdelay(1);
    }
    return n < 0 ? -1 : (int)n;
}

int _close(int fd)
{
    errno = sys_is_std(fd) ? EPERM : EBADF;
    return -1;
}

int _lseek(int fd, int offset, int whence)
{
    errno = sys_is_std(fd) ? ESPIPE : EBADF;
    return -1;
}

int _fstat(int fd, struct stat *st)
{
    if (!sys_is_std(fd)) {
        errno = EBADF;
        return -1;
    }
    memset(st, 0, sizeof(*st));
    st->st_mode = S_IFCHR;
    return 0;
}

int _isatty(int fd)
{
    if (!sys_is_std(fd)) {
        errno = EBADF;
        return 0;
    }
    return 1;
}

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
