/* Application entry of the sim board: RT-Thread's main thread calls it after component init
 * (the msh shell is started by its own init function). */
#include <rtthread.h>

int main(void)
{
    return RT_EOK;
}
