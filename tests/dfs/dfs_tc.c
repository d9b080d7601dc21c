/* DFS test cases on a RAM file system mounted for the test: paths, files, directories,
 * descriptors, mounts, errors. Each case mounts a fresh RAM disk at /dfs_tc. */
#include <dfs_posix.h>
#include <dfs_ramfs.h>
#include <utest.h>

#define TC_MOUNT     "/dfs_tc"
#define TC_POOL_SIZE 8192

static rt_uint8_t
    *tc_pool; /* from the heap: the tests are in every image, their pools need not be */
static rt_size_t tc_heap_used;

static rt_size_t heap_used(void)
{
    rt_size_t total, used, max;

    rt_memory_info(&total, &used, &max);
    return used;
}

static rt_err_t tc_init(void)
{
    tc_pool = rt_malloc(TC_POOL_SIZE);
    if (tc_pool == RT_NULL || (dfs_mkdir(TC_MOUNT, 0755) != 0 && rt_get_errno() != EEXIST)) {
        return -RT_ERROR;
    }
    return dfs_mount(RT_NULL, TC_MOUNT, "ram", 0, dfs_ramfs_create(tc_pool, TC_POOL_SIZE)) == 0
               ? RT_EOK
               : -RT_ERROR;
}

static rt_err_t tc_cleanup(void)
{
    dfs_chdir("/");
    dfs_unmount(TC_MOUNT);
    dfs_rmdir(TC_MOUNT);
    rt_free(tc_pool);
    tc_pool = RT_NULL;
    return RT_EOK;
}

/* Writes `text` into a new file `path`. */
static int put_file(const char *path, const char *text)
{
    int fd = dfs_open(path, O_WRONLY | O_CREAT | O_TRUNC);
    ssize_t n;

    if (fd < 0) {
        return -1;
    }
    n = dfs_write(fd, text, rt_strlen(text));
    dfs_close(fd);
    return n == (ssize_t)rt_strlen(text) ? 0 : -1;
}

/* Reads up to size-1 bytes of `path` into buf, NUL-terminated; returns the count or -1. */
static int get_file(const char *path, char *buf, int size)
{
    int fd = dfs_open(path, O_RDONLY), n;

    if (fd < 0) {
        return -1;
    }
    n = (int)dfs_read(fd, buf, (size_t)size - 1);
    dfs_close(fd);
    if (n >= 0) {
        buf[n] = '\0';
    }
    return n;
}

static void test_normalize(void)
{
    static const char *const cases[][3] = {
        {"/a/b", "../c", "/a/c"},   {"/", "x/./y//z/..", "/x/y"},
        {"/a", "/..", "/"},         {"/a/b", "../../..", "/"},
        {"/", "///", "/"},          {"/d", "e/", "/d/e"},
        {"/", "..a/.b", "/..a/.b"},
    };
    char longname[DFS_PATH_MAX + 8];
    rt_size_t i;

    tc_heap_used = heap_used(); /* baseline for test_no_leak, with the test disk mounted */

    for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        char *p = dfs_normalize_path(cases[i][0], cases[i][1]);

        uassert_not_null(p);
        if (p != RT_NULL) {
            uassert_str_equal(p, cases[i][2]);
            rt_free(p);
        }
    }
    rt_memset(longname, 'n', sizeof(longname) - 1);
    longname[sizeof(longname) - 1] = '\0';
    uassert_null(dfs_normalize_path("/", longname));
    uassert_int_equal(rt_get_errno(), ENAMETOOLONG);
    uassert_null(dfs_normalize_path("/", ""));
    uassert_int_equal(rt_get_errno(), EINVAL);
}

static void test_file_io(void)
{
    char buf[64];
    struct stat st;
    int fd = dfs_open(TC_MOUNT "/f.txt", O_RDWR | O_CREAT);

    uassert_value_greater_equal(fd, DFS_STDIO_OFFSET);
    uassert_int_equal(dfs_write(fd, "hello, world", 12), 12);
    uassert_int_equal(dfs_lseek(fd, 7, SEEK_SET), 7);
    uassert_int_equal(dfs_read(fd, buf, sizeof(buf)), 5);
    uassert_buf_equal(buf, "world", 5);
    uassert_int_equal(dfs_read(fd, buf, sizeof(buf)), 0); /* end of file */
    uassert_int_equal(dfs_lseek(fd, -5, SEEK_END), 7);
    uassert_int_equal(dfs_write(fd, "WORLD!", 6), 6);
    uassert_int_equal(dfs_lseek(fd, 20, SEEK_SET), 20); /* beyond the end: a hole */
    uassert_int_equal(dfs_write(fd, "x", 1), 1);
    uassert_int_equal(dfs_fstat(fd, &st), 0);
    uassert_int_equal(st.st_size, 21);
    uassert_true(S_ISREG(st.st_mode));
    uassert_int_equal(dfs_lseek(fd, 13, SEEK_SET), 13);
    uassert_int_equal(dfs_read(fd, buf, 7), 7);
    uassert_buf_equal(buf, "\0\0\0\0\0\0\0", 7);
    uassert_int_equal(dfs_lseek(fd, 0, 42), -1);
    uassert_int_equal(rt_get_errno(), EINVAL);
    uassert_int_equal(dfs_close(fd), 0);
    uassert_int_equal(get_file(TC_MOUNT "/f.txt", buf, 14), 13);
    uassert_str_equal(buf, "hello, WORLD!");
}

static void test_open_flags(void)
{
    char buf[32];
    int fd;

    uassert_int_equal(put_file(TC_MOUNT "/a", "12345"), 0);
    fd = dfs_open(TC_MOUNT "/a", O_WRONLY | O_APPEND);
    uassert_int_equal(dfs_write(fd, "67", 2), 2);
    uassert_int_equal(dfs_lseek(fd, 0, SEEK_SET), 0);
    uassert_int_equal(dfs_write(fd, "89", 2), 2); /* appends in spite of the seek */
    uassert_int_equal(dfs_read(fd, buf, 1), -1);  /* write-only */
    uassert_int_equal(rt_get_errno(), EBADF);
    dfs_close(fd);
    uassert_int_equal(get_file(TC_MOUNT "/a", buf, sizeof(buf)), 9);
    uassert_str_equal(buf, "123456789");
    fd = dfs_open(TC_MOUNT "/a", O_RDONLY);
    uassert_int_equal(dfs_write(fd, "x", 1), -1); /* read-only */
    uassert_int_equal(rt_get_errno(), EBADF);
    dfs_close(fd);
    dfs_close(dfs_open(TC_MOUNT "/a", O_WRONLY | O_TRUNC));
    uassert_int_equal(get_file(TC_MOUNT "/a", buf, sizeof(buf)), 0);
    uassert_int_equal(dfs_open(TC_MOUNT "/a", O_WRONLY | O_CREAT | O_EXCL), -1);
    uassert_int_equal(rt_get_errno(), EEXIST);
    uassert_int_equal(dfs_open(TC_MOUNT "/missing", O_RDONLY), -1);
    uassert_int_equal(rt_get_errno(), ENOENT);
    uassert_int_equal(dfs_open(TC_MOUNT "/no/such/dir/f", O_WRONLY | O_CREAT), -1);
    uassert_int_equal(rt_get_errno(), ENOENT);
    uassert_int_equal(dfs_open(TC_MOUNT "/a/below", O_WRONLY | O_CREAT), -1);
    uassert_int_equal(rt_get_errno(), ENOTDIR);
}

static void test_directories(void)
{
    int names = 0, dirs = 0;
    struct dirent *e;
    DIR *d;

    uassert_int_equal(dfs_mkdir(TC_MOUNT "/d", 0755), 0);
    uassert_int_equal(dfs_mkdir(TC_MOUNT "/d", 0755), -1);
    uassert_int_equal(rt_get_errno(), EEXIST);
    uassert_int_equal(dfs_mkdir(TC_MOUNT "/d/sub", 0755), 0);
    uassert_int_equal(put_file(TC_MOUNT "/d/one", "1"), 0);
    uassert_int_equal(put_file(TC_MOUNT "/d/two", "22"), 0);
    d = dfs_opendir(TC_MOUNT "/d");
    uassert_not_null(d);
    while (d != RT_NULL && (e = dfs_readdir(d)) != RT_NULL) {
        names++;
        dirs += e->d_type == DT_DIR;
    }
    uassert_int_equal(names, 3);
    uassert_int_equal(dirs, 1);
    dfs_rewinddir(d);
    uassert_not_null(dfs_readdir(d));
    uassert_int_equal(dfs_closedir(d), 0);
    uassert_int_equal(dfs_open(TC_MOUNT "/d", O_WRONLY), -1);
    uassert_int_equal(rt_get_errno(), EISDIR);
    uassert_null(dfs_opendir(TC_MOUNT "/d/one"));
    uassert_int_equal(rt_get_errno(), ENOTDIR);
    uassert_int_equal(dfs_rmdir(TC_MOUNT "/d"), -1);
    uassert_int_equal(rt_get_errno(), ENOTEMPTY);
    uassert_int_equal(dfs_unlink(TC_MOUNT "/d/sub"), -1);
    uassert_int_equal(rt_get_errno(), EISDIR);
    uassert_int_equal(dfs_rmdir(TC_MOUNT "/d/one"), -1);
    uassert_int_equal(rt_get_errno(), ENOTDIR);
    uassert_int_equal(dfs_rmdir(TC_MOUNT "/d/sub"), 0);
    uassert_int_equal(dfs_unlink(TC_MOUNT "/d/one"), 0);
    uassert_int_equal(dfs_unlink(TC_MOUNT "/d/two"), 0);
    uassert_int_equal(dfs_rmdir(TC_MOUNT "/d"), 0);
}

static void test_rename(void)
{
    char buf[16];

    uassert_int_equal(dfs_mkdir(TC_MOUNT "/r", 0755), 0);
    uassert_int_equal(put_file(TC_MOUNT "/r/x", "x"), 0);
    uassert_int_equal(put_file(TC_MOUNT "/y", "y"), 0);
    uassert_int_equal(dfs_rename(TC_MOUNT "/r/x", TC_MOUNT "/z"), 0);
    uassert_int_equal(get_file(TC_MOUNT "/z", buf, sizeof(buf)), 1);
    uassert_int_equal(dfs_rename(TC_MOUNT "/z", TC_MOUNT "/y"), 0); /* replaces y */
    uassert_int_equal(get_file(TC_MOUNT "/y", buf, sizeof(buf)), 1);
    uassert_str_equal(buf, "x");
    uassert_int_equal(dfs_rename(TC_MOUNT "/r", TC_MOUNT "/r/inside"), -1);
    uassert_int_equal(rt_get_errno(), EINVAL);
    uassert_int_equal(dfs_rename(TC_MOUNT "/nothing", TC_MOUNT "/q"), -1);
    uassert_int_equal(rt_get_errno(), ENOENT);
    uassert_int_equal(dfs_rename(TC_MOUNT "/y", "/elsewhere"), -1); /* another file system */
    uassert_int_equal(rt_get_errno(), EXDEV);
    uassert_int_equal(dfs_rename(TC_MOUNT, TC_MOUNT "2"), -1);
    uassert_int_equal(rt_get_errno(), EBUSY);
    dfs_unlink(TC_MOUNT "/y");
    dfs_rmdir(TC_MOUNT "/r");
}

static void test_names(void)
{
    char name[sizeof(TC_MOUNT) + RAMFS_NAME_MAX + 4];

    rt_snprintf(name, sizeof(name), TC_MOUNT "/%0*d", RAMFS_NAME_MAX + 1, 7);
    uassert_int_equal(dfs_open(name, O_WRONLY | O_CREAT), -1);
    uassert_int_equal(rt_get_errno(), ENAMETOOLONG);
    name[rt_strlen(name) - 1] = '\0'; /* exactly RAMFS_NAME_MAX: allowed */
    uassert_int_equal(put_file(name, ""), 0);
    uassert_int_equal(dfs_unlink(name), 0);
}

static void test_cwd(void)
{
    char buf[DFS_PATH_MAX + 1];

    uassert_int_equal(dfs_mkdir(TC_MOUNT "/w", 0755), 0);
    uassert_int_equal(dfs_chdir(TC_MOUNT "/w"), 0);
    uassert_str_equal(dfs_getcwd(buf, sizeof(buf)), TC_MOUNT "/w");
    uassert_int_equal(put_file("rel", "r"), 0);
    uassert_int_equal(dfs_access(TC_MOUNT "/w/rel", 0), 0);
    uassert_int_equal(dfs_chdir(".."), 0);
    uassert_str_equal(dfs_getcwd(buf, sizeof(buf)), TC_MOUNT);
    uassert_null(dfs_getcwd(buf, 3));
    uassert_int_equal(rt_get_errno(), ERANGE);
    uassert_int_equal(dfs_chdir("w/rel"), -1);
    uassert_int_equal(rt_get_errno(), ENOTDIR);
    uassert_int_equal(dfs_chdir("nowhere"), -1);
    uassert_int_equal(rt_get_errno(), ENOENT);
    dfs_chdir("/");
    dfs_unlink(TC_MOUNT "/w/rel");
    dfs_rmdir(TC_MOUNT "/w");
}

static void test_descriptors(void)
{
    int fds[DFS_FD_MAX], i, opened = 0;
    char c;

    uassert_int_equal(put_file(TC_MOUNT "/fd", "f"), 0);
    for (i = 0; i < DFS_FD_MAX; i++) {
        fds[i] = dfs_open(TC_MOUNT "/fd", O_RDONLY);
        opened += fds[i] >= 0;
    }
    uassert_int_equal(opened, DFS_FD_MAX);
    uassert_int_equal(dfs_open(TC_MOUNT "/fd", O_RDONLY), -1);
    uassert_int_equal(rt_get_errno(), ENFILE);
    for (i = 0; i < DFS_FD_MAX; i++) {
        dfs_close(fds[i]);
    }
    uassert_int_equal(dfs_read(fds[0], &c, 1), -1);
    uassert_int_equal(rt_get_errno(), EBADF);
    uassert_int_equal(dfs_close(fds[0]), -1);
    uassert_int_equal(dfs_write(-1, "x", 1), -1);
    uassert_int_equal(dfs_lseek(999, 0, SEEK_SET), -1);
    uassert_int_equal(rt_get_errno(), EBADF);
    dfs_unlink(TC_MOUNT "/fd");
}

static void test_unlink_open_file(void)
{
    char buf[8];
    int fd;

    uassert_int_equal(put_file(TC_MOUNT "/gone", "still"), 0);
    fd = dfs_open(TC_MOUNT "/gone", O_RDONLY);
    uassert_int_equal(dfs_unlink(TC_MOUNT "/gone"), 0);
    uassert_int_equal(dfs_access(TC_MOUNT "/gone", 0), -1);
    uassert_int_equal(dfs_read(fd, buf, 5), 5); /* data lives until the last close */
    uassert_buf_equal(buf, "still", 5);
    uassert_int_equal(dfs_unmount(TC_MOUNT), -1); /* a file is open on it */
    uassert_int_equal(rt_get_errno(), EBUSY);
    uassert_int_equal(dfs_close(fd), 0);
}

/* Fills the disk until ENOSPC, then frees it and checks it is usable again. */
static void test_disk_full(void)
{
    static char chunk[256];
    int fd = dfs_open(TC_MOUNT "/big", O_WRONLY | O_CREAT), n = 0;
    ssize_t r = 0;
    struct statfs sf;

    rt_memset(chunk, 'z', sizeof(chunk));
    while (n < 1000 && (r = dfs_write(fd, chunk, sizeof(chunk))) > 0) {
        n++;
    }
    uassert_int_equal(r, -1);
    uassert_int_equal(rt_get_errno(), ENOSPC);
    uassert_in_range(n, 8, TC_POOL_SIZE / sizeof(chunk));
    uassert_int_equal(dfs_statfs(TC_MOUNT, &sf), 0);
    uassert_int_equal(sf.f_bsize, 512);
    uassert_value_less(sf.f_bfree, 4);
    dfs_close(fd);
    uassert_int_equal(dfs_unlink(TC_MOUNT "/big"), 0);
    uassert_int_equal(put_file(TC_MOUNT "/small", "ok"), 0);
    uassert_int_equal(dfs_unlink(TC_MOUNT "/small"), 0);
}

static void test_mounts(void)
{
    rt_uint8_t *pool2 = rt_malloc(2048);
    struct statfs sf;
    struct dfs_ramfs *spare = dfs_ramfs_create(pool2, 2048);

    uassert_int_equal(dfs_mount(RT_NULL, TC_MOUNT, "ram", 0, spare), -1);
    uassert_int_equal(rt_get_errno(), EBUSY);
    dfs_ramfs_destroy(spare); /* never mounted: released by its creator */
    uassert_int_equal(dfs_mount(RT_NULL, TC_MOUNT "/nodir", "ram", 0, pool2), -1);
    uassert_int_equal(rt_get_errno(), ENOTDIR);
    uassert_int_equal(dfs_mount(RT_NULL, TC_MOUNT, "nosuchfs", 0, RT_NULL), -1);
    uassert_int_equal(rt_get_errno(), ENODEV);
    uassert_int_equal(dfs_mount("nodev", TC_MOUNT, "ram", 0, RT_NULL), -1);
    uassert_int_equal(rt_get_errno(), ENODEV);
    uassert_int_equal(dfs_mkdir(TC_MOUNT "/m", 0755), 0);
    uassert_int_equal(dfs_mount(RT_NULL, TC_MOUNT "/m", "ram", 0, dfs_ramfs_create(pool2, 2048)),
                      0);
    uassert_int_equal(put_file(TC_MOUNT "/m/inner", "i"), 0);
    uassert_int_equal(dfs_statfs(TC_MOUNT "/m/inner", &sf), 0);
    uassert_value_less(sf.f_blocks, 5); /* the inner 2 KB disk answers, not the outer one */
    uassert_int_equal(dfs_rmdir(TC_MOUNT "/m"), -1);
    uassert_int_equal(rt_get_errno(), EBUSY);
    uassert_int_equal(dfs_unmount(TC_MOUNT "/m"), 0);
    uassert_int_equal(dfs_access(TC_MOUNT "/m/inner", 0), -1); /* back to the outer disk */
    uassert_int_equal(dfs_unmount(TC_MOUNT "/m"), -1);
    uassert_int_equal(rt_get_errno(), ENOENT);
    uassert_int_equal(dfs_rmdir(TC_MOUNT "/m"), 0);
    rt_free(pool2);
}

static void test_no_leak(void)
{
    /* Everything above ran on RAM disks with its own pools: the kernel heap is back. */
    uassert_int_equal(heap_used(), tc_heap_used);
}

static void testcase(void)
{
    UTEST_UNIT_RUN(test_normalize);
    UTEST_UNIT_RUN(test_file_io);
    UTEST_UNIT_RUN(test_open_flags);
    UTEST_UNIT_RUN(test_directories);
    UTEST_UNIT_RUN(test_rename);
    UTEST_UNIT_RUN(test_names);
    UTEST_UNIT_RUN(test_cwd);
    UTEST_UNIT_RUN(test_descriptors);
    UTEST_UNIT_RUN(test_unlink_open_file);
    UTEST_UNIT_RUN(test_disk_full);
    UTEST_UNIT_RUN(test_mounts);
    UTEST_UNIT_RUN(test_no_leak);
}
UTEST_TC_EXPORT(testcase, "testcases.dfs.ramfs", tc_init, tc_cleanup, 10);
