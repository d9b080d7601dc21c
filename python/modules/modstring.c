/* The string module: character-class constants and capwords(). */
#include "modutil.h"

static const struct {
    const char *name, *value;
} string_consts[] = {
    {"ascii_lowercase", "abcdefghijklmnopqrstuvwxyz"},
    {"ascii_uppercase", "ABCDEFGHIJKLMNOPQRSTUVWXYZ"},
    {"ascii_letters", "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"},
    {"digits", "0123456789"},
    {"hexdigits", "0123456789abcdefABCDEF"},
    {"octdigits", "01234567"},
    {"punctuation", "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"},
    {"whitespace", " \t\n\r\v\f"},
    {"printable", "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                  "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~ \t\n\r\v\f"},
};

/* capwords(s, sep=None): sep.join(w.capitalize() for w in s.split(sep)) */
static py_val string_capwords(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    py_val sep = n > 1 ? a[1] : PY_NONE;
    py_val words = py_call_method(ctx, a[0], py_qstr_from_cstr(ctx, "split"), 1, &sep);
    size_t nw;
    py_val *w;
    mod_get_items(ctx, words, &nw, &w);
    py_val caps = py_list_new(ctx, 0, NULL);
    for (size_t i = 0; i < nw; i++) {
        py_list_append(ctx, caps,
                       py_call_method(ctx, w[i], py_qstr_from_cstr(ctx, "capitalize"), 0, NULL));
    }
    py_val joiner = sep == PY_NONE ? py_str_from_cstr(ctx, " ") : sep;
    return py_call_method(ctx, joiner, py_qstr_from_cstr(ctx, "join"), 1, &caps);
}
static PY_FUN(string_capwords_obj, "capwords", 1, 2, string_capwords);

static void string_init(py_ctx *ctx, py_val module)
{
    for (size_t i = 0; i < sizeof string_consts / sizeof *string_consts; i++) {
        py_module_set(ctx, module, string_consts[i].name,
                      py_str_from_cstr(ctx, string_consts[i].value));
    }
}

static const py_attr_def string_attrs[] = {
    {"capwords", PY_OBJV(&string_capwords_obj)},
    {NULL, 0},
};

const py_module_def py_mod_string = {"string", string_attrs, string_init};
