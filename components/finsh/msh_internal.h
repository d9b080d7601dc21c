/* Internal interfaces shared by the msh source files (not for applications). */
#ifndef MSH_INTERNAL_H
#define MSH_INTERNAL_H

#include <rtthread.h>
#include "finsh.h"

/* Next msh command after prev (RT_NULL: the first), skipping non-msh FSymTab entries. */
const struct finsh_syscall *msh_cmd_next(const struct finsh_syscall *prev);

/* Command name without the "__cmd_" prefix. */
const char *msh_cmd_name(const struct finsh_syscall *cmd);

/* Run a line of length bytes (need not be NUL-terminated); see msh_exec(). */
int msh_run(const char *line, rt_size_t length);

#endif /* MSH_INTERNAL_H */
