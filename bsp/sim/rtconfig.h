/* Kernel configuration of the host simulator board (defaults: include/rtdef.h). */
#ifndef RT_CONFIG_H__
#define RT_CONFIG_H__

/* Kernel */
#define RT_NAME_MAX   8
#define RT_ALIGN_SIZE 8
#ifndef RT_THREAD_PRIORITY_MAX
#define RT_THREAD_PRIORITY_MAX 32 /* 8, 32 and 256 are supported (-DRT_THREAD_PRIORITY_MAX=) */
#endif
/* Priorities below are given for 32 levels; with 8 levels they are scaled down. */
#if RT_THREAD_PRIORITY_MAX == 8
#define RT_SIM_PRIO(p) ((p) / 4)
#else
#define RT_SIM_PRIO(p) (p)
#endif
#define RT_TICK_PER_SECOND 1000
#define RT_USING_OVERFLOW_CHECK
#define RT_USING_HOOK
#define RT_HOOK_USING_FUNC_PTR
#define RT_USING_IDLE_HOOK
#define RT_IDLE_HOOK_LIST_SIZE 4
#define IDLE_THREAD_STACK_SIZE 1024
#define RT_USING_TIMER_SOFT
#define RT_TIMER_THREAD_PRIO       RT_SIM_PRIO(4)
#define RT_TIMER_THREAD_STACK_SIZE 2048
#define RT_USING_DEBUG
#define RT_DEBUG

/* Inter-thread communication */
#define RT_USING_SEMAPHORE
#define RT_USING_MUTEX
#define RT_USING_EVENT
#define RT_USING_MAILBOX
#define RT_USING_MESSAGEQUEUE

/* Memory (RT_USING_HEAP may be turned off: static objects only) */
#define RT_USING_MEMPOOL
#ifndef RT_NO_HEAP
#define RT_USING_HEAP
#define RT_USING_SMALL_MEM
#define RT_USING_SMALL_MEM_AS_HEAP
#define RT_SIM_HEAP_SIZE (8 * 1024 * 1024) /* host heap handed to rt_system_heap_init */
#endif

/* Devices and console */
#define RT_USING_DEVICE
#define RT_USING_CONSOLE
#define RT_CONSOLEBUF_SIZE     256
#define RT_CONSOLE_DEVICE_NAME "uart1"
#define RT_USING_SERIAL
#define RT_SERIAL_RB_BUFSZ 512
#define RT_USING_PIN

/* File system (components/dfs) */
#define RT_USING_DFS

/* Startup */
#define RT_USING_COMPONENTS_INIT
#define RT_USING_USER_MAIN
#define RT_MAIN_THREAD_STACK_SIZE 16384
#define RT_MAIN_THREAD_PRIORITY   RT_SIM_PRIO(10)

/* Shell */
#define RT_USING_FINSH
#define RT_USING_MSH
#define FINSH_USING_MSH
#define FINSH_THREAD_NAME       "tshell"
#define FINSH_THREAD_PRIORITY   RT_SIM_PRIO(20)
#define FINSH_THREAD_STACK_SIZE 16384
#define FINSH_USING_HISTORY
#define FINSH_HISTORY_LINES 5
#define FINSH_USING_SYMTAB
#define FINSH_USING_DESCRIPTION
#define FINSH_CMD_SIZE 80
#define FINSH_ARG_MAX  10
#define MSH_USING_BUILT_IN_COMMANDS

/* Unit tests */
#define RT_USING_UTEST
#define UTEST_THR_STACK_SIZE 16384
#define UTEST_THR_PRIORITY   RT_SIM_PRIO(20)

#endif /* RT_CONFIG_H__ */
