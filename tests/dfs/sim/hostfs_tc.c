/* DFS on the simulator's host-folder file system ("/" is the --fs folder). The escape unit
 * plants, on the host, a symbolic link "/hostfs_tc_out" that leaves the folder. */
#include <dfs_posix.h>
#include <sim.h>
#include <utest.h>

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

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

/* Host paths of the escape fixture: a folder outside the --fs root and a link to it. */
static char ht_outside[64], ht_link[512];

static int plant_escape_link(void)
{
    const char *root = sim_fs_root();

    rt_strncpy(ht_outside, "/tmp/rtl-hostfs-tc-XXXXXX", sizeof(ht_outside));
    if (root == RT_NULL || mkdtemp(ht_outside) == NULL) {
        return -1;
    }
    snprintf(ht_link, sizeof(ht_link), "%s/hostfs_tc_out", root);
    unlink(ht_link);
    return symlink(ht_outside, ht_link);
}

static void remove_escape_link(void)
{
    unlink(ht_link);
    rmdir(ht_outside);
}

static void test_escape(void)
{
    uassert_int_equal(plant_escape_link(), 0);
    /* "/hostfs_tc_out" links out of the folder: nothing behind it is reachable. */
    uassert_int_equal(dfs_open("/hostfs_tc_out/new.txt", O_WRONLY | O_CREAT), -1);
    uassert_int_equal(rt_get_errno(), EACCES);
    uassert_int_equal(dfs_mkdir("/hostfs_tc_out/d", 0755), -1);
    uassert_int_equal(rt_get_errno(), EACCES);
    uassert_int_equal(dfs_open("/../../etc/passwd", O_RDONLY), -1); /* ".." stops at "/" */
    uassert_int_equal(rt_get_errno(), ENOENT);
    remove_escape_link();
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
