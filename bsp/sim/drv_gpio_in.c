/* --gpio-in FILE: drive virtual GPIO inputs from a host file or FIFO, for host-side tests;
 * also the path of sim_gpio_drive() called from host helper threads.
 *
 * Lines: "<pin> <0|1|z>" drives (or releases) a pin, "sleep <ms>" pauses the script, empty
 * lines and lines starting with '#' are skipped. A host thread reads the file and queues the
 * drives; the SIM_IRQ_GPIO_IN interrupt applies them, so pin interrupts fire exactly as for
 * sim_gpio_drive() called from an ISR. */
#include <rthw.h>
#include <rtthread.h>
#include <rtdevice.h>
#include "board.h"
#include "sim.h"
#include "sim_gpio.h"
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define GPIO_IN_QUEUE 64  /* drives waiting for the interrupt, a power of two */
#define GPIO_IN_LINE  128 /* longest script line */

struct gpio_in_event {
    rt_int16_t pin;
    rt_int8_t level;
};

static struct gpio_in_event gpio_in_queue[GPIO_IN_QUEUE];
static atomic_uint gpio_in_head, gpio_in_tail;
static int gpio_in_fd = -1;
static int gpio_in_wake[2] = {-1, -1};
static pthread_t gpio_in_reader;
static int gpio_in_started;

/* One drive per interrupt: the pin interrupt it causes (a lower vector, so serviced first)
 * runs before the next drive, and quick successive edges are each seen by the firmware. */
static void gpio_in_isr(int vector, void *param)
{
    unsigned tail = atomic_load(&gpio_in_tail);
    struct gpio_in_event ev;

    if (tail == atomic_load(&gpio_in_head))
        return;
    ev = gpio_in_queue[tail % GPIO_IN_QUEUE];
    atomic_store(&gpio_in_tail, tail + 1);
    sim_gpio_drive(ev.pin, ev.level);
    if (tail + 1 != atomic_load(&gpio_in_head))
        sim_irq_raise(SIM_IRQ_GPIO_IN);
}

/* Sleep `ms` milliseconds, or less if the exit hook wakes us. Returns 0 when woken. */
static int gpio_in_sleep(int ms)
{
    struct pollfd wake = {gpio_in_wake[0], POLLIN, 0};

    while (poll(&wake, 1, ms) < 0) {
        if (errno != EINTR)
            return 0;
    }
    return wake.revents == 0;
}

/* Queue a drive for the SIM_IRQ_GPIO_IN interrupt. Host threads only (the script reader,
 * tests' helper threads): producers are serialised by a mutex, and a full queue is waited
 * out. Returns 0 if the wait was cut short by the exit. */
static int gpio_in_push(rt_base_t pin, int level)
{
    static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
    unsigned head;
    int ok = 1;

    pthread_mutex_lock(&lock);
    head = atomic_load(&gpio_in_head);
    while (ok && head - atomic_load(&gpio_in_tail) == GPIO_IN_QUEUE)
        ok = gpio_in_wake[0] >= 0 ? gpio_in_sleep(1) : (usleep(1000), 1);
    if (ok) {
        gpio_in_queue[head % GPIO_IN_QUEUE].pin = (rt_int16_t)pin;
        gpio_in_queue[head % GPIO_IN_QUEUE].level = (rt_int8_t)level;
        atomic_store(&gpio_in_head, head + 1);
    }
    pthread_mutex_unlock(&lock);
    if (ok)
        sim_irq_raise(SIM_IRQ_GPIO_IN);
    return ok;
}

rt_err_t sim_gpio_queue_drive(rt_base_t pin, int level)
{
    return gpio_in_push(pin, level) ? RT_EOK : -RT_ERROR;
}

static int gpio_in_level(const char *word)
{
    if (strcmp(word, "0") == 0)
        return PIN_LOW;
    if (strcmp(word, "1") == 0)
        return PIN_HIGH;
    if (strcmp(word, "z") == 0 || strcmp(word, "Z") == 0)
        return SIM_GPIO_RELEASE;
    return -2;
}

/* Carry out one script line; returns 0 when the reader must stop. */
static int gpio_in_line(char *line, int lineno)
{
    char *save = NULL, *a = strtok_r(line, " \t\r", &save), *b, *end;
    rt_base_t pin;
    long ms;

    if (a == NULL || a[0] == '#')
        return 1;
    b = strtok_r(NULL, " \t\r", &save);
    if (b != NULL && strtok_r(NULL, " \t\r", &save) == NULL) {
        if (strcmp(a, "sleep") == 0) {
            ms = strtol(b, &end, 10);
            if (*end == '\0' && ms >= 0 && ms <= 3600000)
                return gpio_in_sleep((int)ms);
        } else if ((pin = sim_gpio_pin(a)) >= 0 && gpio_in_level(b) >= SIM_GPIO_RELEASE) {
            return gpio_in_push(pin, gpio_in_level(b));
        }
    }
    fprintf(stderr,
            "rtthread-sim: --gpio-in line %d ignored (expected \"PA0 1\" or \"sleep MS\")\n",
            lineno);
    return 1;
}

/* Reader thread: split the file into lines until end of file or the exit hook. */
static void *gpio_in_main(void *arg)
{
    struct pollfd fds[2] = {{gpio_in_wake[0], POLLIN, 0}, {gpio_in_fd, POLLIN, 0}};
    char line[GPIO_IN_LINE + 1];
    int len = 0, lineno = 0, go = 1;

    while (go) {
        char ch;
        ssize_t n;

        if (poll(fds, 2, -1) < 0 && errno == EINTR)
            continue;
        if (fds[0].revents != 0)
            break;
        n = read(gpio_in_fd, &ch, 1);
        if (n < 0 && (errno == EINTR || errno == EAGAIN))
            continue;
        if (n <= 0 || ch == '\n') {
            line[len] = '\0';
            lineno++;
            go = gpio_in_line(line, lineno) && n > 0;
            len = 0;
        } else if (len < GPIO_IN_LINE) {
            line[len++] = ch;
        }
    }
    return NULL;
}

static void gpio_in_stop(void)
{
    if (!gpio_in_started)
        return;
    gpio_in_started = 0;
    if (write(gpio_in_wake[1], "x", 1) == 1)
        pthread_join(gpio_in_reader, NULL);
    close(gpio_in_fd);
}

void sim_gpio_in_start(void)
{
    rt_hw_interrupt_install(SIM_IRQ_GPIO_IN, gpio_in_isr, RT_NULL, "gpio_in");
    if (sim_opts.gpio_in == RT_NULL)
        return;
    /* non-blocking, so that opening a FIFO does not wait for its writer */
    gpio_in_fd = open(sim_opts.gpio_in, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (gpio_in_fd < 0) {
        fprintf(stderr, "rtthread-sim: cannot open --gpio-in '%s': %s\n", sim_opts.gpio_in,
                strerror(errno));
        return;
    }
    if (pipe2(gpio_in_wake, O_CLOEXEC) != 0 ||
        pthread_create(&gpio_in_reader, NULL, gpio_in_main, NULL) != 0) {
        close(gpio_in_fd);
        return;
    }
    gpio_in_started = 1;
    sim_atexit(gpio_in_stop);
}
