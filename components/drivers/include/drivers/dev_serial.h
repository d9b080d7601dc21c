/* RT-Thread 5.1 name of the serial framework header. */
#include "serial.h"
