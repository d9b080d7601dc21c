/* Table of the built-in modules implemented in python/modules (each is also
 * importable with a "u" prefix, e.g. umath). */
#include "obj.h"

extern const py_module_def py_mod_math, py_mod_cmath, py_mod_binascii, py_mod_struct, py_mod_json,
    py_mod_heapq, py_mod_errno, py_mod_random, py_mod_re, py_mod_io, py_mod_time,
    py_mod_collections, py_mod_array, py_mod_os, py_mod_hashlib, py_mod_bisect, py_mod_functools,
    py_mod_itertools, py_mod_operator, py_mod_string, py_mod_copy;

const py_module_def *const py_ext_modules[] = {
    &py_mod_math,      &py_mod_cmath,
    &py_mod_binascii,  &py_mod_struct,
    &py_mod_json,      &py_mod_heapq,
    &py_mod_errno,     &py_mod_random,
    &py_mod_re,        &py_mod_io,
    &py_mod_time,      &py_mod_collections,
    &py_mod_array,     &py_mod_os,
    &py_mod_hashlib,   &py_mod_bisect,
    &py_mod_functools, &py_mod_itertools,
    &py_mod_operator,  &py_mod_string,
    &py_mod_copy,      NULL,
};
