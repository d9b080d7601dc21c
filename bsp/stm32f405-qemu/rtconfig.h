/* Kernel configuration of the STM32F405 board under QEMU (netduinoplus2, 128 KB SRAM). */
#ifndef RT_CONFIG_H__
#define RT_CONFIG_H__

/* Kernel */
#define RT_NAME_MAX   8
#define RT_ALIGN_SIZE 8
#ifndef RT_THREAD_PRIORITY_MAX
#define RT_THREAD_PRIORITY_MAX 32
#endif
#define RT_TICK_PER_SECOND 1000
#define RT_USING_OVERFLOW_CHECK
#define RT_USING_HOOK
#define RT_HOOK_USING_FUNC_PTR
#define RT_USING_IDLE_HOOK
#define RT_IDLE_HOOK_LIST_SIZE 4
#define IDLE_THREAD_STACK_SIZE 512
#define RT_USING_TIMER_SOFT
#define RT_TIMER_THREAD_PRIO       4
#define RT_TIMER_THREAD_STACK_SIZE 1024
#define RT_USING_DEBUG
#define RT_DEBUG

/* Inter-thread communication */
#define RT_USING_SEMAPHORE
#define RT_USING_MUTEX
#define RT_USING_EVENT
#define RT_USING_MAILBOX
#define RT_USING_MESSAGEQUEUE

/* Memory: the heap spans SRAM from the end of .bss to 0x20020000 */
#define RT_USING_MEMPOOL
#define RT_USING_HEAP
#define RT_USING_SMALL_MEM
#define RT_USING_SMALL_MEM_AS_HEAP

/* Devices and console */
#define RT_USING_DEVICE
#define RT_USING_CONSOLE
#define RT_CONSOLEBUF_SIZE     256
#define RT_CONSOLE_DEVICE_NAME "uart1"
#define RT_USING_SERIAL
#define RT_SERIAL_RB_BUFSZ 1024
#define RT_USING_PIN
#define BSP_USING_UART1
#define BSP_USING_GPIO

/* File system (components/dfs): RAM disk at "/", the host's files at "/host" (semihosting) */
#define RT_USING_DFS

/* Startup */
#define RT_USING_COMPONENTS_INIT
#define RT_USING_USER_MAIN
#define RT_MAIN_THREAD_STACK_SIZE 2048
#define RT_MAIN_THREAD_PRIORITY   10

/* Shell */
#define RT_USING_FINSH
#define RT_USING_MSH
#define FINSH_USING_MSH
#define FINSH_THREAD_NAME       "tshell"
#define FINSH_THREAD_PRIORITY   20
#define FINSH_THREAD_STACK_SIZE 8192
#define FINSH_USING_HISTORY
#define FINSH_HISTORY_LINES 5
#define FINSH_USING_SYMTAB
#define FINSH_USING_DESCRIPTION
#define FINSH_CMD_SIZE 80
#define FINSH_ARG_MAX  10
#define MSH_USING_BUILT_IN_COMMANDS

/* Unit tests */
#define RT_USING_UTEST
#define UTEST_THR_STACK_SIZE 4096
#define UTEST_THR_PRIORITY   20

/* CPU */
#define ARCH_ARM
#define ARCH_ARM_CORTEX_M4
#define ARCH_ARM_CORTEX_FPU
#define SOC_STM32F405RG

#endif /* RT_CONFIG_H__ */
