/* File systems of the host simulator: the --fs folder at "/" (hostfs); with --no-fs a RAM
 * disk at "/" seeded from the built-in image, as on the MCU boards. */
#include "dfs_fs.h"
#include "dfs_image.h"
#include "dfs_ramfs.h"
#include <sim.h>

#ifndef DFS_SIM_RAMFS_SIZE
#define DFS_SIM_RAMFS_SIZE (256 * 1024) /* RAM disk size with --no-fs */
#endif

static rt_uint8_t sim_ramfs_pool[DFS_SIM_RAMFS_SIZE];

static int dfs_sim_mount(void)
{
    const char *root = sim_fs_root();

    if (root != RT_NULL) {
        if (dfs_mount(RT_NULL, "/", "hostfs", 0, root) != 0) {
            rt_kprintf("dfs: cannot mount host folder '%s' at / (errno %d)\n", root,
                       (int)rt_get_errno());
        }
        return 0;
    }
    if (dfs_mount(RT_NULL, "/", "ram", 0,
                  dfs_ramfs_create(sim_ramfs_pool, sizeof(sim_ramfs_pool))) != 0 ||
        dfs_image_seed("/", dfs_builtin_image) < 0) {
        rt_kprintf("dfs: RAM root not ready (errno %d)\n", (int)rt_get_errno());
    }
    return 0;
}
INIT_ENV_EXPORT(dfs_sim_mount);
