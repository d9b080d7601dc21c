/* Build-time configuration of the rtpy interpreter (override with -D). */
#ifndef PY_CONFIG_H
#define PY_CONFIG_H

/* Floating-point type of Python floats: double (host) or float (small MCUs). */
#ifndef PY_FLOAT_T
#define PY_FLOAT_T double
#endif
typedef PY_FLOAT_T py_float_t;

/* Maximum Python call depth before RecursionError. */
#ifndef PY_MAX_DEPTH
#define PY_MAX_DEPTH 1000
#endif

/* Values in the preallocated VM stack (frames, locals, operands). */
#ifndef PY_VSTACK_SIZE
#define PY_VSTACK_SIZE 16384
#endif

/* Default C stack budget in bytes if the HAL gives none. */
#ifndef PY_DEFAULT_CSTACK
#define PY_DEFAULT_CSTACK (256 * 1024)
#endif

#endif
