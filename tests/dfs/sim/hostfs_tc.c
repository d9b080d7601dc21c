/* DFS on the simulator's host-folder file system ("/" is the --fs folder). tests/dfs/run.py
 * boots the simulator with a fresh folder holding "outside", a symbolic link that leaves it. */
#include <dfs_posix.h>
#include <utest.h>

#define HT_DIR "/hostfs_tc"

static int put_file(const char *path, const char *text)
{
    int fd = dfs_open(path, O_WRONLY | O_CREAT | O_TRUNC);
    ssize_t n = fd >= 0 ? dfs_write(fd, text, rt_strlen(text)) : -1;

    if (fd >= 0) {
        dfs_close(fd);
    }
    return n == (ssize_t)rt_strlen(text) ? 0 : -1;
}

static void test_files(void)
{
    char buf[32];
    struct stat st;
    int fd;

    uassert_int_equal(dfs_mkdir(HT_DIR, 0755), 0);
    uassert_int_equal(put_file(HT_DIR "/a.txt", "host file"), 0);
    uassert_int_equal(dfs_stat(HT_DIR "/a.txt", &st), 0);
    uassert_int_equal(st.st_size, 9);
    fd = dfs_open(HT_DIR "/a.txt", O_RDWR | O_APPEND);
    uassert_int_equal(dfs_write(fd, "!", 1), 1);
    uassert_int_equal(dfs_lseek(fd, 5, SEEK_SET), 5);
    uassert_int_equal(dfs_read(fd, buf, sizeof(buf)), 5);
    uassert_buf_equal(buf, "file!", 5);
    dfs_close(fd);
    uassert_int_equal(dfs_rename(HT_DIR "/a.txt", HT_DIR "/b.txt"), 0);
    uassert_int_equal(dfs_access(HT_DIR "/a.txt", 0), -1);
    uassert_int_equal(rt_get_errno(), ENOENT);
    uassert_int_equal(dfs_open(HT_DIR "/b.txt", O_WRONLY | O_CREAT | O_EXCL), -1);
    uassert_int_equal(rt_get_errno(), EEXIST);
}

static void test_listing(void)
{
    struct dirent *e;
    int found = 0, count = 0;
    DIR *d;

    uassert_int_equal(dfs_mkdir(HT_DIR "/sub", 0755), 0);
    d = dfs_opendir(HT_DIR);
    uassert_not_null(d);
    while (d != RT_NULL && (e = dfs_readdir(d)) != RT_NULL) {
        count++;
        found += (rt_strcmp(e->d_name, "sub") == 0 && e->d_type == DT_DIR) ||
                 (rt_strcmp(e->d_name, "b.txt") == 0 && e->d_type == DT_REG);
    }
    dfs_closedir(d);
    uassert_int_equal(count, 2);
    uassert_int_equal(found, 2);
    uassert_int_equal(dfs_rmdir(HT_DIR), -1);
    uassert_int_equal(rt_get_errno(), ENOTEMPTY);
}

static void test_escape(void)
{
    /* "/outside" links out of the folder: nothing behind it is reachable. */
    uassert_int_equal(dfs_open("/outside/secret.txt", O_RDONLY), -1);
    uassert_int_equal(rt_get_errno(), EACCES);
    uassert_int_equal(dfs_open("/outside/new.txt", O_WRONLY | O_CREAT), -1);
    uassert_int_equal(rt_get_errno(), EACCES);
    uassert_int_equal(dfs_open("/../../etc/passwd", O_RDONLY), -1); /* ".." stops at "/" */
    uassert_int_equal(rt_get_errno(), ENOENT);
}

static void test_cleanup_tree(void)
{
    uassert_int_equal(dfs_rmdir(HT_DIR "/sub"), 0);
    uassert_int_equal(dfs_unlink(HT_DIR "/b.txt"), 0);
    uassert_int_equal(dfs_rmdir(HT_DIR), 0);
}

static void testcase(void)
{
    UTEST_UNIT_RUN(test_files);
    UTEST_UNIT_RUN(test_listing);
    UTEST_UNIT_RUN(test_escape);
    UTEST_UNIT_RUN(test_cleanup_tree);
}
UTEST_TC_EXPORT(testcase, "testcases.dfs.hostfs", RT_NULL, RT_NULL, 10);
