/* Device driver frameworks: include this for the serial and pin APIs (RT-Thread's rtdevice.h). */
#ifndef RT_DEVICE_H__
#define RT_DEVICE_H__

#include <rtthread.h>

#include "ipc/ringbuffer.h"
#include "ipc/completion.h"

#ifdef RT_USING_SERIAL
#include "drivers/serial.h"
#endif
#ifdef RT_USING_PIN
#include "drivers/pin.h"
#endif

#endif /* RT_DEVICE_H__ */
