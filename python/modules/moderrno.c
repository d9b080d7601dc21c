/* The errno module: error numbers (Linux numbering, as the interpreter's
 * OSError uses) and the errorcode dict mapping numbers to names. */
#include "modutil.h"

static const struct {
    const char *name;
    int no;
} errno_table[] = {
    {"EPERM", 1},
    {"ENOENT", 2},
    {"ESRCH", 3},
    {"EINTR", 4},
    {"EIO", 5},
    {"ENXIO", 6},
    {"E2BIG", 7},
    {"ENOEXEC", 8},
    {"EBADF", 9},
    {"ECHILD", 10},
    {"EAGAIN", 11},
    {"ENOMEM", 12},
    {"EACCES", 13},
    {"EFAULT", 14},
    {"EBUSY", 16},
    {"EEXIST", 17},
    {"EXDEV", 18},
    {"ENODEV", 19},
    {"ENOTDIR", 20},
    {"EISDIR", 21},
    {"EINVAL", 22},
    {"ENFILE", 23},
    {"EMFILE", 24},
    {"ENOTTY", 25},
    {"ETXTBSY", 26},
    {"EFBIG", 27},
    {"ENOSPC", 28},
    {"ESPIPE", 29},
    {"EROFS", 30},
    {"EMLINK", 31},
    {"EPIPE", 32},
    {"EDOM", 33},
    {"ERANGE", 34},
    {"EDEADLK", 35},
    {"ENAMETOOLONG", 36},
    {"ENOLCK", 37},
    {"ENOSYS", 38},
    {"ENOTEMPTY", 39},
    {"ELOOP", 40},
    {"EWOULDBLOCK", 11},
    {"ENOMSG", 42},
    {"ENODATA", 61},
    {"ETIME", 62},
    {"EPROTO", 71},
    {"EBADMSG", 74},
    {"EOVERFLOW", 75},
    {"EILSEQ", 84},
    {"ENOTSOCK", 88},
    {"EDESTADDRREQ", 89},
    {"EMSGSIZE", 90},
    {"EPROTOTYPE", 91},
    {"ENOPROTOOPT", 92},
    {"EPROTONOSUPPORT", 93},
    {"ENOTSUP", 95},
    {"EOPNOTSUPP", 95},
    {"EAFNOSUPPORT", 97},
    {"EADDRINUSE", 98},
    {"EADDRNOTAVAIL", 99},
    {"ENETDOWN", 100},
    {"ENETUNREACH", 101},
    {"ECONNABORTED", 103},
    {"ECONNRESET", 104},
    {"ENOBUFS", 105},
    {"EISCONN", 106},
    {"ENOTCONN", 107},
    {"ETIMEDOUT", 110},
    {"ECONNREFUSED", 111},
    {"EHOSTUNREACH", 113},
    {"EALREADY", 114},
    {"EINPROGRESS", 115},
    {"ECANCELED", 125},
};

#define N_ERRNO (sizeof errno_table / sizeof *errno_table)

/* Names come from errno_table; errorcode keeps the first name of each
 * number (EWOULDBLOCK and ENOTSUP are aliases, as in CPython). */
static void errno_init(py_ctx *ctx, py_val module)
{
    py_val codes = py_dict_new(ctx);
    for (size_t i = 0; i < N_ERRNO; i++) {
        py_val no = PY_MK_SMALL(errno_table[i].no);
        py_module_set(ctx, module, errno_table[i].name, no);
        if (py_dict_get(ctx, codes, no) == PY_NULL) {
            py_dict_set(ctx, codes, no, py_str_from_cstr(ctx, errno_table[i].name));
        }
    }
    py_module_set(ctx, module, "errorcode", codes);
}

static const py_attr_def errno_attrs[] = {{NULL, 0}};

const py_module_def py_mod_errno = {"errno", errno_attrs, errno_init};
