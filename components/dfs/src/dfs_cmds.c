/* msh file commands with RT-Thread's output formats: ls, cd, pwd, cat, echo, mkdir, rm, cp,
 * mv, df, mount, umount, mkfs. */
#include "dfs_posix.h"
#include "dfs_fs.h"

#ifdef RT_USING_FINSH
#include <finsh.h>

/* Short text of an errno value for command messages. */
static const char *errno_text(int err)
{
    switch (err) {
    case ENOENT: return "No such file or directory";
    case EEXIST: return "File exists";
    case ENOTDIR: return "Not a directory";
    case EISDIR: return "Is a directory";
    case ENOTEMPTY: return "Directory not empty";
    case ENOSPC: return "No space left on device";
    case ENAMETOOLONG: return "File name too long";
    case EBUSY: return "Device or resource busy";
    case EXDEV: return "Invalid cross-device link";
    case EINVAL: return "Invalid argument";
    case ENOMEM: return "Out of memory";
    case EACCES: return "Permission denied";
    case ENFILE: return "Too many open files";
    case ENODEV: return "No such device";
    case ENOSYS: return "Function not implemented";
    default: return "I/O error";
    }
}

static void ls_entry(const char *dir, const struct dirent *e)
{
    char *path = dfs_normalize_path(dir, e->d_name);
    struct stat st;

    rt_kprintf("%-20s", e->d_name);
    if (e->d_type == DT_DIR) {
        rt_kprintf("%-25s\n", "<DIR>");
    } else if (path != RT_NULL && dfs_stat(path, &st) == 0) {
        rt_kprintf("%-25lu\n", (unsigned long)st.st_size);
    } else {
        rt_kprintf("%s\n", errno_text(rt_get_errno()));
    }
    rt_free(path);
}

static int cmd_ls(int argc, char **argv)
{
    const char *target = argc > 1 ? argv[1] : dfs_get_working_dir();
    char *path = dfs_normalize_path(RT_NULL, target);
    struct dirent *e;
    DIR *d = path ? dfs_opendir(path) : RT_NULL;

    if (d == RT_NULL) {
        int err = rt_get_errno();

        if (err == ENOSYS) {
            rt_kprintf("%s: this file system cannot list directories\n", target);
        } else {
            rt_kprintf("No such directory\n");
        }
        rt_free(path);
        return -1;
    }
    rt_kprintf("Directory %s:\n", path);
    while ((e = dfs_readdir(d)) != RT_NULL) {
        ls_entry(path, e);
    }
    dfs_closedir(d);
    rt_free(path);
    return 0;
}
MSH_CMD_EXPORT_ALIAS(cmd_ls, ls, List information about the FILEs.);

static int cmd_cd(int argc, char **argv)
{
    if (argc == 1) {
        rt_kprintf("%s\n", dfs_get_working_dir());
    } else if (dfs_chdir(argv[1]) != 0) {
        rt_kprintf("No such directory: %s\n", argv[1]);
        return -1;
    }
    return 0;
}
MSH_CMD_EXPORT_ALIAS(cmd_cd, cd, Change the shell working directory.);

static int cmd_pwd(int argc, char **argv)
{
    rt_kprintf("%s\n", dfs_get_working_dir());
    return 0;
}
MSH_CMD_EXPORT_ALIAS(cmd_pwd, pwd, Print the name of the current working directory.);

static int cat_one(const char *name)
{
    char buf[128];
    ssize_t n;
    int fd = dfs_open(name, O_RDONLY);

    if (fd < 0) {
        rt_kprintf("Open %s failed\n", name);
        return -1;
    }
    while ((n = dfs_read(fd, buf, sizeof(buf) - 1)) > 0) {
        buf[n] = '\0';
        rt_kputs(buf); /* kputs: file data may hold '%' */
    }
    if (n < 0) {
        rt_kprintf("cat: %s: %s\n", name, errno_text(rt_get_errno()));
    }
    dfs_close(fd);
    return n < 0 ? -1 : 0;
}

static int cmd_cat(int argc, char **argv)
{
    int i, result = 0;

    if (argc == 1) {
        rt_kprintf("Usage: cat [FILE]...\n");
        rt_kprintf("Concatenate FILE(s)\n");
        return 0;
    }
    for (i = 1; i < argc; i++) {
        result |= cat_one(argv[i]);
    }
    return result;
}
MSH_CMD_EXPORT_ALIAS(cmd_cat, cat, Concatenate FILE(s));

/* Writes text and a newline to `file`, truncating it or appending to it. */
static int echo_to_file(const char *text, const char *file, rt_bool_t append)
{
    int flags = O_WRONLY | O_CREAT | (append ? O_APPEND : O_TRUNC);
    int fd = dfs_open(file, flags);
    size_t len = rt_strlen(text);

    if (fd < 0) {
        rt_kprintf("echo: %s: %s\n", file, errno_text(rt_get_errno()));
        return -1;
    }
    if (dfs_write(fd, text, len) != (ssize_t)len || dfs_write(fd, "\n", 1) != 1) {
        rt_kprintf("echo: %s: %s\n", file, errno_text(rt_get_errno()));
        dfs_close(fd);
        return -1;
    }
    return dfs_close(fd);
}

/* echo TEXT | echo TEXT > FILE | echo TEXT >> FILE | echo TEXT FILE (RT-Thread: appends). */
static int cmd_echo(int argc, char **argv)
{
    if (argc == 2) {
        rt_kprintf("%s\n", argv[1]);
        return 0;
    }
    if (argc == 4 && rt_strcmp(argv[2], ">") == 0) {
        return echo_to_file(argv[1], argv[3], RT_FALSE);
    }
    if (argc == 4 && rt_strcmp(argv[2], ">>") == 0) {
        return echo_to_file(argv[1], argv[3], RT_TRUE);
    }
    if (argc == 3) {
        return echo_to_file(argv[1], argv[2], RT_TRUE);
    }
    rt_kprintf("Usage: echo \"string\" [> | >>] [filename]\n");
    return argc == 1 ? 0 : -1;
}
MSH_CMD_EXPORT_ALIAS(cmd_echo, echo, echo string to file);

static int cmd_mkdir(int argc, char **argv)
{
    int i, result = 0;

    if (argc == 1) {
        rt_kprintf("Usage: mkdir [OPTION] DIRECTORY\n");
        rt_kprintf("Create the DIRECTORY, if they do not already exist.\n");
        return 0;
    }
    for (i = 1; i < argc; i++) {
        if (dfs_mkdir(argv[i], 0755) != 0) {
            rt_kprintf("mkdir: cannot create directory '%s': %s\n", argv[i],
                       errno_text(rt_get_errno()));
            result = -1;
        }
    }
    return result;
}
MSH_CMD_EXPORT_ALIAS(cmd_mkdir, mkdir, Create the DIRECTORY.);

/* Removes `path`, and with `recursive` everything below it first. */
static int rm_path(const char *path, rt_bool_t recursive)
{
    struct stat st;
    DIR *d;
    struct dirent *e;

    if (dfs_stat(path, &st) != 0) {
        return -1;
    }
    if (!S_ISDIR(st.st_mode)) {
        return dfs_unlink(path);
    }
    if (!recursive) {
        rt_set_errno(EISDIR);
        return -1;
    }
    while ((d = dfs_opendir(path)) != RT_NULL && (e = dfs_readdir(d)) != RT_NULL) {
        char *child = dfs_normalize_path(path, e->d_name);

        dfs_closedir(d); /* re-open after each removal: the listing changes */
        if (child == RT_NULL || rm_path(child, RT_TRUE) != 0) {
            rt_free(child);
            return -1;
        }
        rt_free(child);
    }
    if (d != RT_NULL) {
        dfs_closedir(d);
    }
    return dfs_rmdir(path);
}

static int cmd_rm(int argc, char **argv)
{
    rt_bool_t recursive = RT_FALSE, force = RT_FALSE;
    int i = 1, result = 0;

    for (; i < argc && argv[i][0] == '-'; i++) {
        recursive |= rt_strstr(argv[i], "r") != RT_NULL;
        force |= rt_strstr(argv[i], "f") != RT_NULL;
    }
    if (i == argc) {
        rt_kprintf("Usage: rm option(s) FILE...\n");
        rt_kprintf("Remove (unlink) the FILE(s).\n");
        return 0;
    }
    for (; i < argc; i++) {
        if (rm_path(argv[i], recursive) != 0 && !(force && rt_get_errno() == ENOENT)) {
            rt_kprintf("cannot remove '%s': %s\n", argv[i], errno_text(rt_get_errno()));
            result = -1;
        }
    }
    return result;
}
MSH_CMD_EXPORT_ALIAS(cmd_rm, rm, Remove(unlink) the FILE(s).);

/* Copies the file `from` to `to` (a file path). */
static int copy_file(const char *from, const char *to)
{
    char buf[256];
    ssize_t n = 0;
    int in = dfs_open(from, O_RDONLY), out = -1;

    if (in >= 0) {
        out = dfs_open(to, O_WRONLY | O_CREAT | O_TRUNC);
    }
    while (out >= 0 && (n = dfs_read(in, buf, sizeof(buf))) > 0) {
        if (dfs_write(out, buf, (size_t)n) != n) {
            n = -1;
            break;
        }
    }
    if (in < 0 || out < 0 || n < 0) {
        int err = rt_get_errno();

        rt_kprintf("cp: cannot copy '%s' to '%s': %s\n", from, to, errno_text(err));
    }
    if (in >= 0) {
        dfs_close(in);
    }
    if (out >= 0) {
        dfs_close(out);
    }
    return (in < 0 || out < 0 || n < 0) ? -1 : 0;
}

/* DEST, or DEST/basename(SRC) when DEST is a directory; rt_malloc()ed. */
static char *dest_path(const char *src, const char *dest)
{
    struct stat st;
    const char *base = src + rt_strlen(src);

    if (dfs_stat(dest, &st) != 0 || !S_ISDIR(st.st_mode)) {
        return dfs_normalize_path(RT_NULL, dest);
    }
    while (base > src && base[-1] != '/') {
        base--;
    }
    return dfs_normalize_path(dest, base);
}

static int cmd_cp(int argc, char **argv)
{
    char *to;
    int result;

    if (argc != 3) {
        rt_kprintf("Usage: cp SOURCE DEST\n");
        rt_kprintf("Copy SOURCE to DEST.\n");
        return argc == 1 ? 0 : -1;
    }
    to = dest_path(argv[1], argv[2]);
    result = to ? copy_file(argv[1], to) : -1;
    rt_free(to);
    return result;
}
MSH_CMD_EXPORT_ALIAS(cmd_cp, cp, Copy SOURCE to DEST.);

static int cmd_mv(int argc, char **argv)
{
    char *to;
    int result = -1;

    if (argc != 3) {
        rt_kprintf("Usage: mv SOURCE DEST\n");
        rt_kprintf("Rename SOURCE to DEST, or move SOURCE(s) to DIRECTORY.\n");
        return argc == 1 ? 0 : -1;
    }
    to = dest_path(argv[1], argv[2]);
    if (to != RT_NULL) {
        result = dfs_rename(argv[1], to);
        if (result != 0 && rt_get_errno() == EXDEV) { /* across mounts: copy, then remove */
            result = copy_file(argv[1], to) == 0 ? dfs_unlink(argv[1]) : -1;
        }
    }
    if (result != 0) {
        rt_kprintf("mv: cannot move '%s' to '%s': %s\n", argv[1], argv[2],
                   errno_text(rt_get_errno()));
    }
    rt_free(to);
    return result;
}
MSH_CMD_EXPORT_ALIAS(cmd_mv, mv, Rename SOURCE to DEST.);

static int cmd_df(int argc, char **argv)
{
    static const char *const units[] = {"KB", "MB", "GB"};
    struct statfs sf;
    unsigned long long free_kb10;
    int unit = 0;

    if (dfs_statfs(argc > 1 ? argv[1] : "/", &sf) != 0) {
        rt_kprintf("dfs_statfs failed.\n");
        return -1;
    }
    free_kb10 = (unsigned long long)sf.f_bsize * sf.f_bfree * 10 / 1024; /* tenths of KB */
    while (free_kb10 >= 10240 && unit < 2) {
        free_kb10 /= 1024;
        unit++;
    }
    rt_kprintf("disk free: %d.%d %s [ %d block, %d bytes per block ]\n", (int)(free_kb10 / 10),
               (int)(free_kb10 % 10), units[unit], (int)sf.f_bfree, (int)sf.f_bsize);
    return 0;
}
MSH_CMD_EXPORT_ALIAS(cmd_df, df, disk free);

static int mount_print(struct dfs_filesystem *fs, void *arg)
{
    rt_kprintf("%-10s  %-6s  %-16s\n", fs->ops->name,
               fs->dev_id ? fs->dev_id->parent.name : "(NULL)", fs->path);
    return 0;
}

static int cmd_mount(int argc, char **argv)
{
    if (argc == 1) {
        rt_kprintf("filesystem  device  mountpoint\n");
        rt_kprintf("----------  ------  ----------\n");
        dfs_filesystem_foreach(mount_print, RT_NULL);
        return 0;
    }
    if (argc != 4 && argc != 5) {
        rt_kprintf("Usage: mount <device> <mountpoint> <fstype> [data]\n");
        rt_kprintf("       mount (lists the mounted file systems)\n");
        return -1;
    }
    rt_kprintf("mount device %s(%s) onto %s ... ", argv[1], argv[3], argv[2]);
    if (dfs_mount(rt_strcmp(argv[1], "none") == 0 ? RT_NULL : argv[1], argv[2], argv[3], 0,
                  argc == 5 ? argv[4] : RT_NULL) != 0) {
        rt_kprintf("failed: %s\n", errno_text(rt_get_errno()));
        return -1;
    }
    rt_kprintf("succeed!\n");
    return 0;
}
MSH_CMD_EXPORT_ALIAS(cmd_mount, mount, mount a file system on a path);

static int cmd_umount(int argc, char **argv)
{
    if (argc != 2) {
        rt_kprintf("Usage: umount <mountpoint>\n");
        return -1;
    }
    rt_kprintf("unmount %s ... ", argv[1]);
    if (dfs_unmount(argv[1]) != 0) {
        rt_kprintf("failed: %s\n", errno_text(rt_get_errno()));
        return -1;
    }
    rt_kprintf("succeed!\n");
    return 0;
}
MSH_CMD_EXPORT_ALIAS(cmd_umount, umount, Unmount the file system on a path);

static int cmd_mkfs(int argc, char **argv)
{
    const char *type = "elm";

    if (argc == 4 && rt_strcmp(argv[1], "-t") == 0) {
        type = argv[2];
    } else if (argc != 2) {
        rt_kprintf("Usage: mkfs [-t type] device\n");
        return -1;
    }
    if (dfs_mkfs(type, argv[argc - 1]) != 0) {
        rt_kprintf("mkfs failed: %s\n", errno_text(rt_get_errno()));
        return -1;
    }
    return 0;
}
MSH_CMD_EXPORT_ALIAS(cmd_mkfs, mkfs, format disk with file system);

struct completion {
    const char *base; /* name prefix being completed */
    rt_size_t base_len, dir_len;
    int count;
    char *out; /* the directory part, then the longest common continuation */
    rt_size_t out_size;
    rt_bool_t list, last_is_dir;
};

/* Narrows the common prefix in c->out (after the directory part) to what `name` shares. */
static void completion_add(struct completion *c, const char *name, rt_bool_t is_dir)
{
    rt_size_t i = c->dir_len, j = 0;

    if (c->list) {
        rt_kprintf("%s%s\n", name, is_dir ? "/" : "");
        c->count++;
        return;
    }
    if (c->count++ == 0) {
        rt_snprintf(c->out + c->dir_len, c->out_size - c->dir_len, "%s", name);
        c->last_is_dir = is_dir;
        return;
    }
    while (c->out[i] != '\0' && name[j] == c->out[i]) {
        i++, j++;
    }
    c->out[i] = '\0';
}

/* Tab completion of file names for the shell (finsh_set_complete_hook). */
static int dfs_complete(const char *word, char *out, rt_size_t out_size, rt_bool_t list)
{
    const char *slash = RT_NULL, *p;
    struct completion c = {RT_NULL, 0, 0, 0, out, out_size, list, RT_FALSE};
    struct dirent *e;
    DIR *d;

    for (p = word; *p != '\0'; p++) {
        slash = *p == '/' ? p : slash;
    }
    c.base = slash ? slash + 1 : word;
    c.dir_len = slash ? (rt_size_t)(slash - word + 1) : 0;
    if (c.dir_len >= out_size) {
        return 0;
    }
    rt_memcpy(out, word, c.dir_len);
    out[c.dir_len] = '\0';
    c.base_len = rt_strlen(c.base);
    d = dfs_opendir(c.dir_len ? (c.dir_len == 1 ? "/" : out) : dfs_get_working_dir());
    while (d != RT_NULL && (e = dfs_readdir(d)) != RT_NULL) {
        if (rt_strncmp(e->d_name, c.base, c.base_len) == 0) {
            completion_add(&c, e->d_name, e->d_type == DT_DIR);
        }
    }
    if (d != RT_NULL) {
        dfs_closedir(d);
    }
    if (!list && c.count == 1 && c.last_is_dir && rt_strlen(out) + 1 < out_size) {
        rt_size_t n = rt_strlen(out);

        out[n] = '/'; /* a directory: the user goes on typing inside it */
        out[n + 1] = '\0';
    }
    return c.count;
}

/* The shell prompt shows the working directory (msh /scripts>); Tab completes file names. */
static int dfs_shell_prompt_init(void)
{
    finsh_set_path_hook(dfs_get_working_dir);
    finsh_set_complete_hook(dfs_complete);
    return 0;
}
INIT_COMPONENT_EXPORT(dfs_shell_prompt_init);

#endif /* RT_USING_FINSH */
