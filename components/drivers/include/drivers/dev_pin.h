/* RT-Thread 5.1 name of the pin framework header. */
#include "pin.h"
