/* Host side of the simulator's host-directory file system (see hostfs_host.h). */
#define _GNU_SOURCE
#include "hostfs_host.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/statvfs.h>
#include <unistd.h>

struct hostfs_handle {
    int fd;
    DIR *dir;       /* directories: a stream over a dup of fd */
    long dir_index; /* index of the entry readdir returns next */
};

/* root + path into buf (path starts with "/"). */
static int host_join(char *buf, size_t size, const char *root, const char *path)
{
    int n = snprintf(buf, size, "%s%s", root, path);

    return (n < 0 || (size_t)n >= size) ? -ENAMETOOLONG : 0;
}

/* Refuses a host path whose existing part resolves outside root (a symbolic link out). */
static int host_inside(const char *root, const char *full)
{
    char real_root[PATH_MAX], real[PATH_MAX], parent[PATH_MAX];
    size_t len;

    if (realpath(root, real_root) == NULL) {
        return -errno;
    }
    if (realpath(full, real) == NULL) {
        char *slash;

        snprintf(parent, sizeof(parent), "%s", full);
        slash = strrchr(parent, '/');
        if (slash != NULL) {
            *slash = '\0';
        }
        if (realpath(parent, real) == NULL) {
            return 0; /* parent missing: the operation itself reports ENOENT */
        }
    }
    len = strlen(real_root);
    if (strncmp(real, real_root, len) != 0 || (real[len] != '\0' && real[len] != '/')) {
        return -EACCES;
    }
    return 0;
}

/* Joins and checks a path; returns 0 with the host path in buf. */
static int host_path(char *buf, size_t size, const char *root, const char *path)
{
    int r = host_join(buf, size, root, path);

    return r < 0 ? r : host_inside(root, buf);
}

int hostfs_host_prepare_root(const char *root)
{
    struct stat st;

    if (mkdir(root, 0755) < 0 && errno != EEXIST) {
        return -errno;
    }
    if (stat(root, &st) < 0) {
        return -errno;
    }
    return S_ISDIR(st.st_mode) ? 0 : -ENOTDIR;
}

static int host_open_dir_handle(int fd, struct hostfs_handle *h)
{
    int dup_fd = dup(fd);

    if (dup_fd < 0) {
        return -errno;
    }
    h->dir = fdopendir(dup_fd);
    if (h->dir == NULL) {
        int err = errno;

        close(dup_fd);
        return -err;
    }
    return 0;
}

/* open(2) for DFS flags: directories are created with mkdir and opened read-only. */
static int host_open_fd(const char *full, int flags)
{
    if ((flags & O_DIRECTORY) && (flags & O_CREAT)) {
        if (mkdir(full, 0755) < 0 && (errno != EEXIST || (flags & O_EXCL))) {
            return -errno;
        }
        flags = O_RDONLY | O_DIRECTORY;
    }
    int fd = open(full, flags | O_CLOEXEC | O_NOFOLLOW, 0644);

    return fd < 0 ? -errno : fd;
}

int hostfs_host_open(const char *root, const char *path, int flags, struct hostfs_handle **out)
{
    char full[PATH_MAX];
    struct hostfs_handle *h;
    struct stat st;
    int r = host_path(full, sizeof(full), root, path);

    if (r < 0 || (r = host_open_fd(full, flags)) < 0) {
        return r;
    }
    h = calloc(1, sizeof(*h));
    if (h == NULL) {
        close(r);
        return -ENOMEM;
    }
    h->fd = r;
    if (fstat(h->fd, &st) == 0 && S_ISDIR(st.st_mode) && (r = host_open_dir_handle(h->fd, h)) < 0) {
        hostfs_host_close(h);
        return r;
    }
    *out = h;
    return 0;
}

int hostfs_host_close(struct hostfs_handle *h)
{
    int r = close(h->fd) < 0 ? -errno : 0;

    if (h->dir != NULL) {
        closedir(h->dir);
    }
    free(h);
    return r;
}

int hostfs_host_is_dir(struct hostfs_handle *h)
{
    return h->dir != NULL;
}

long hostfs_host_size(struct hostfs_handle *h)
{
    struct stat st;

    return fstat(h->fd, &st) < 0 ? -errno : (long)st.st_size;
}

int hostfs_host_pread(struct hostfs_handle *h, void *buf, size_t n, off_t pos)
{
    ssize_t r = pread(h->fd, buf, n, pos);

    return r < 0 ? -errno : (int)r;
}

int hostfs_host_pwrite(struct hostfs_handle *h, const void *buf, size_t n, off_t pos)
{
    ssize_t r = pwrite(h->fd, buf, n, pos);

    return r < 0 ? -errno : (int)r;
}

int hostfs_host_sync(struct hostfs_handle *h)
{
    return fsync(h->fd) < 0 ? -errno : 0;
}

int hostfs_host_readdir(struct hostfs_handle *h, long index, char *name, size_t size, int *is_dir)
{
    struct dirent *e;

    if (h->dir == NULL) {
        return -ENOTDIR;
    }
    if (index < h->dir_index) { /* rewound */
        rewinddir(h->dir);
        h->dir_index = 0;
    }
    while ((e = readdir(h->dir)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) {
            continue;
        }
        if (h->dir_index++ == index) {
            snprintf(name, size, "%s", e->d_name);
            *is_dir = e->d_type == DT_DIR;
            return 1;
        }
    }
    return 0;
}

int hostfs_host_unlink(const char *root, const char *path)
{
    char full[PATH_MAX];
    struct stat st;
    int r = host_path(full, sizeof(full), root, path);

    if (r < 0) {
        return r;
    }
    if (lstat(full, &st) < 0) {
        return -errno;
    }
    r = S_ISDIR(st.st_mode) ? rmdir(full) : unlink(full);
    return r < 0 ? -errno : 0;
}

int hostfs_host_stat(const char *root, const char *path, struct stat *st)
{
    char full[PATH_MAX];
    int r = host_path(full, sizeof(full), root, path);

    if (r < 0) {
        return r;
    }
    return stat(full, st) < 0 ? -errno : 0;
}

int hostfs_host_rename(const char *root, const char *oldpath, const char *newpath)
{
    char from[PATH_MAX], to[PATH_MAX];
    int r = host_path(from, sizeof(from), root, oldpath);

    if (r < 0 || (r = host_path(to, sizeof(to), root, newpath)) < 0) {
        return r;
    }
    return rename(from, to) < 0 ? -errno : 0;
}

int hostfs_host_statfs(const char *root, unsigned long *bsize, unsigned long *blocks,
                       unsigned long *bfree)
{
    struct statvfs sv;

    if (statvfs(root, &sv) < 0) {
        return -errno;
    }
    *bsize = sv.f_frsize ? sv.f_frsize : sv.f_bsize;
    *blocks = sv.f_blocks;
    *bfree = sv.f_bavail;
    return 0;
}
