/* File systems of the STM32F405 board under QEMU: a RAM disk at "/" (QEMU cannot write the
 * flash) seeded from the built-in image, and the host's files over semihosting at "/host". */
#include "dfs_fs.h"
#include "dfs_image.h"
#include "dfs_posix.h"
#include "dfs_ramfs.h"

#ifndef DFS_RAMFS_ROOT_SIZE
#define DFS_RAMFS_ROOT_SIZE (16 * 1024) /* RAM disk at "/", bytes */
#endif

static rt_uint8_t board_ramfs_pool[DFS_RAMFS_ROOT_SIZE];

static int dfs_board_mount(void)
{
    struct dfs_ramfs *ramfs = dfs_ramfs_create(board_ramfs_pool, sizeof(board_ramfs_pool));

    if (dfs_mount(RT_NULL, "/", "ram", 0, ramfs) != 0 ||
        dfs_image_seed("/", dfs_builtin_image) < 0) {
        rt_kprintf("dfs: RAM root not ready (errno %d)\n", (int)rt_get_errno());
        return 0;
    }
    if ((dfs_mkdir("/host", 0755) == 0 || rt_get_errno() == EEXIST) &&
        dfs_mount(RT_NULL, "/host", "semihost", 0, RT_NULL) != 0) {
        rt_kprintf("dfs: no semihosting host, /host not mounted\n");
    }
    return 0;
}
INIT_ENV_EXPORT(dfs_board_mount);
