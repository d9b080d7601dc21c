/* Bytecode: one opcode byte, then fixed operands (u8, or u16 little endian).
 * Comments give operands and the stack effect. */
#ifndef PY_BC_H
#define PY_BC_H

#define PY_OPCODES(X)                                                                   \
    X(NOP, 0)        /* */                                                              \
    X(POP_TOP, 0)    /* a -> */                                                         \
    X(ROT2, 0)       /* a b -> b a */                                                   \
    X(ROT3, 0)       /* a b c -> c a b */                                               \
    X(DUP_TOP, 0)    /* a -> a a */                                                     \
    X(DUP_TOP2, 0)   /* a b -> a b a b */                                               \
    X(LOAD_CONST, 2) /* k16: -> v */                                                    \
    X(LOAD_SMALL, 2) /* i16: -> int */                                                  \
    X(LOAD_NONE, 0)                                                                     \
    X(LOAD_TRUE, 0)                                                                     \
    X(LOAD_FALSE, 0)                                                                    \
    X(PUSH_NULL, 0)                                                                     \
    X(LOAD_FAST, 2) /* slot16 */                                                        \
    X(STORE_FAST, 2)                                                                    \
    X(DELETE_FAST, 2)                                                                   \
    X(LOAD_DEREF, 2) /* slot16 holding a cell */                                        \
    X(STORE_DEREF, 2)                                                                   \
    X(DELETE_DEREF, 2)                                                                  \
    X(LOAD_CLOSURE, 2) /* push the cell itself */                                       \
    X(LOAD_GLOBAL, 4)  /* q16 cache16 */                                                \
    X(STORE_GLOBAL, 2)                                                                  \
    X(DELETE_GLOBAL, 2)                                                                 \
    X(LOAD_NAME, 2) /* q16: locals dict, globals, builtins */                           \
    X(STORE_NAME, 2)                                                                    \
    X(DELETE_NAME, 2)                                                                   \
    X(LOAD_ATTR, 4)     /* q16 cache16: obj -> v */                                     \
    X(STORE_ATTR, 2)    /* q16: v obj -> */                                             \
    X(DELETE_ATTR, 2)   /* q16: obj -> */                                               \
    X(LOAD_METHOD, 4)   /* q16 cache16: obj -> meth self|NULL */                        \
    X(LOAD_SUBSCR, 0)   /* obj idx -> v */                                              \
    X(STORE_SUBSCR, 0)  /* v obj idx -> */                                              \
    X(DELETE_SUBSCR, 0) /* obj idx -> */                                                \
    X(BINARY_OP, 1)     /* op8: a b -> r */                                             \
    X(UNARY_OP, 1)      /* op8: a -> r */                                               \
    X(NOT, 0)                                                                           \
    X(COMPARE_OP, 1)  /* op8 */                                                         \
    X(IS_OP, 1)       /* invert8 */                                                     \
    X(CONTAINS_OP, 1) /* invert8: item container -> bool */                             \
    X(JUMP, 2)        /* target16 */                                                    \
    X(POP_JUMP_IF_FALSE, 2)                                                             \
    X(POP_JUMP_IF_TRUE, 2)                                                              \
    X(JUMP_IF_FALSE_OR_POP, 2)                                                          \
    X(JUMP_IF_TRUE_OR_POP, 2)                                                           \
    X(GET_ITER, 0)                                                                      \
    X(FOR_ITER, 2)    /* target16: it -> it v | (pop, jump) */                          \
    X(BUILD_TUPLE, 2) /* n16 */                                                         \
    X(BUILD_LIST, 2)                                                                    \
    X(BUILD_SET, 2)                                                                     \
    X(BUILD_MAP, 2)   /* n16 pairs */                                                   \
    X(BUILD_SLICE, 1) /* n8 (2|3) */                                                    \
    X(LIST_APPEND, 2) /* depth16: container at stack[-depth-1] after pop */             \
    X(SET_ADD, 2)                                                                       \
    X(MAP_ADD, 2) /* k v -> */                                                          \
    X(LIST_EXTEND, 2)                                                                   \
    X(SET_UPDATE, 2)                                                                    \
    X(DICT_UPDATE, 2)                                                                   \
    X(DICT_MERGE, 2) /* like update, duplicate keys are a TypeError (calls) */          \
    X(LIST_TO_TUPLE, 0)                                                                 \
    X(UNPACK_SEQUENCE, 2) /* n16 */                                                     \
    X(UNPACK_EX, 2)       /* before8 after8 */                                          \
    X(CALL, 2)            /* n16: fn self|NULL args -> r */                             \
    X(CALL_KW, 2)         /* npos8 nkw8: fn self pos.. (k v).. -> r */                  \
    X(CALL_EX, 1)         /* haskw8: fn self argtuple [kwdict] -> r */                  \
    X(MAKE_FUNCTION, 3)   /* const16 flags8: [defaults] [kwdefaults] [closure] -> fn */ \
    X(RETURN_VALUE, 0)                                                                  \
    X(YIELD_VALUE, 0) /* v -> sent */                                                   \
    X(YIELD_FROM, 0)  /* iter v -> result */                                            \
    X(GET_YIELD_FROM_ITER, 0)                                                           \
    X(GET_AWAITABLE, 0)                                                                 \
    X(GET_AITER, 0)                                                                     \
    X(GET_ANEXT, 0)     /* ait -> ait awaitable */                                      \
    X(END_ASYNC_FOR, 0) /* ait exc -> (StopAsyncIteration) | reraise */                 \
    X(RAISE, 1)         /* n8 */                                                        \
    X(RERAISE, 0)                                                                       \
    X(PUSH_EXC_INFO, 0)     /* exc -> prev exc */                                       \
    X(POP_EXCEPT, 0)        /* prev -> */                                               \
    X(CHECK_EXC_MATCH, 0)   /* exc type -> exc bool */                                  \
    X(BEFORE_WITH, 0)       /* mgr -> exit enter_result */                              \
    X(BEFORE_ASYNC_WITH, 0) /* mgr -> aexit aenter_awaitable */                         \
    X(WITH_EXIT, 0)         /* exit -> exit(None, None, None) result */                 \
    X(WITH_EXCEPT, 0)       /* exit prev exc -> exit prev exc result */                 \
    X(IMPORT_NAME, 2)       /* q16: level fromlist -> module */                         \
    X(IMPORT_FROM, 2)       /* q16: module -> module attr */                            \
    X(IMPORT_STAR, 0)       /* module -> */                                             \
    X(LOAD_BUILD_CLASS, 0)                                                              \
    X(FORMAT_VALUE, 1) /* flags8: conv (0 none 1 s 2 r 3 a) | 4 has spec */             \
    X(BUILD_STRING, 2) /* n16 */                                                        \
    X(PRINT_EXPR, 0)                                                                    \
    X(LOAD_ASSERTION_ERROR, 0)                                                          \
    X(SETUP_ANNOTATIONS, 0)                                                             \
    X(DELETE_LOCALS_NAME, 2)

enum {
#define X(name, n) OP_##name,
    PY_OPCODES(X)
#undef X
        OP__COUNT
};

/* MAKE_FUNCTION flags */
#define MF_DEFAULTS   1
#define MF_KWDEFAULTS 2
#define MF_CLOSURE    4

#endif
