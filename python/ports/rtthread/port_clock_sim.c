/* Fine clock of the simulator: the host's monotonic clock, from the first call on. */
#define _GNU_SOURCE
#include <stdint.h>
#include <time.h>

uint64_t py_port_ticks_us(void);

uint64_t py_port_ticks_us(void)
{
    static uint64_t origin;
    struct timespec ts;
    uint64_t now;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    now = (uint64_t)ts.tv_sec * 1000000u + (uint64_t)ts.tv_nsec / 1000u;
    if (origin == 0) {
        origin = now - 1; /* keep 0 for "not set" */
    }
    return now - origin;
}
