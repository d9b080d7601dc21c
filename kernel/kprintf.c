/* rtlang kernel: formatted output (rt_vsnprintf), the console, and console capture. */
#include "kinternal.h"

/* ---------------------------------------------------------------------------------------- */
/* rt_vsnprintf */

#define FMT_LEFT  0x01 /* '-' */
#define FMT_PLUS  0x02 /* '+' */
#define FMT_SPACE 0x04 /* ' ' */
#define FMT_ALT   0x08 /* '#' */
#define FMT_ZERO  0x10 /* '0' */
#define FMT_UPPER 0x20 /* X */

struct fmt_out {
    char *buf;
    rt_size_t size; /* capacity including the NUL */
    rt_size_t len;  /* characters produced so far (may exceed size) */
};

struct fmt_spec {
    int flags;
    int width;     /* -1: none */
    int precision; /* -1: none */
    int length;    /* 'H' hh, 'h', 0, 'l', 'L' ll, 'z' */
};

static void fmt_putc(struct fmt_out *out, char c)
{
    if (out->len + 1 < out->size)
        out->buf[out->len] = c;
    out->len++;
}

static void fmt_pad(struct fmt_out *out, char c, int count)
{
    while (count-- > 0)
        fmt_putc(out, c);
}

static void fmt_string(struct fmt_out *out, const char *s, const struct fmt_spec *spec)
{
    int len;

    if (s == RT_NULL)
        s = "(NULL)";
    len = (int)(spec->precision >= 0 ? rt_strnlen(s, (rt_ubase_t)spec->precision) : rt_strlen(s));
    if (!(spec->flags & FMT_LEFT))
        fmt_pad(out, ' ', spec->width - len);
    for (int i = 0; i < len; i++)
        fmt_putc(out, s[i]);
    if (spec->flags & FMT_LEFT)
        fmt_pad(out, ' ', spec->width - len);
}

/* Digits of `value` in `base`, least significant first; returns their count. */
static int fmt_digits(char *tmp, rt_uint64_t value, unsigned base, rt_bool_t upper)
{
    const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    int n = 0;

    do {
        tmp[n++] = digits[value % base];
        value /= base;
    } while (value != 0);
    return n;
}

static void fmt_number(struct fmt_out *out, rt_uint64_t value, rt_bool_t negative, unsigned base,
                       const struct fmt_spec *spec)
{
    char tmp[24];
    char sign = negative                    ? '-'
                : (spec->flags & FMT_PLUS)  ? '+'
                : (spec->flags & FMT_SPACE) ? ' '
                                            : 0;
    const char *prefix = "";
    int n, zeros, body;

    n = fmt_digits(tmp, value, base, (spec->flags & FMT_UPPER) != 0);
    if (spec->precision == 0 && value == 0)
        n = 0; /* "%.0d" of 0 prints nothing */
    if ((spec->flags & FMT_ALT) && base == 16 && value != 0)
        prefix = (spec->flags & FMT_UPPER) ? "0X" : "0x";
    zeros = spec->precision > n ? spec->precision - n : 0;
    /* '#' with octal: make sure the output starts with a 0 */
    if ((spec->flags & FMT_ALT) && base == 8 && zeros == 0 && (n == 0 || tmp[n - 1] != '0'))
        prefix = "0";
    body = n + zeros + (int)rt_strlen(prefix) + (sign ? 1 : 0);
    if ((spec->flags & FMT_ZERO) && !(spec->flags & FMT_LEFT) && spec->precision < 0 &&
        spec->width > body) {
        zeros += spec->width - body;
        body = spec->width;
    }
    if (!(spec->flags & FMT_LEFT))
        fmt_pad(out, ' ', spec->width - body);
    if (sign)
        fmt_putc(out, sign);
    while (*prefix)
        fmt_putc(out, *prefix++);
    fmt_pad(out, '0', zeros);
    while (n > 0)
        fmt_putc(out, tmp[--n]);
    if (spec->flags & FMT_LEFT)
        fmt_pad(out, ' ', spec->width - body);
}

static const char *fmt_parse_flags(const char *fmt, struct fmt_spec *spec)
{
    for (;; fmt++) {
        switch (*fmt) {
        case '-': spec->flags |= FMT_LEFT; break;
        case '+': spec->flags |= FMT_PLUS; break;
        case ' ': spec->flags |= FMT_SPACE; break;
        case '#': spec->flags |= FMT_ALT; break;
        case '0': spec->flags |= FMT_ZERO; break;
        default: return fmt;
        }
    }
}

static const char *fmt_parse_int(const char *fmt, int *value)
{
    *value = 0;
    while (*fmt >= '0' && *fmt <= '9') {
        if (*value < 100000)
            *value = *value * 10 + (*fmt - '0');
        fmt++;
    }
    return fmt;
}

static const char *fmt_parse_length(const char *fmt, struct fmt_spec *spec)
{
    if (fmt[0] == 'h') {
        spec->length = fmt[1] == 'h' ? 'H' : 'h';
        return fmt + (fmt[1] == 'h' ? 2 : 1);
    }
    if (fmt[0] == 'l') {
        spec->length = fmt[1] == 'l' ? 'L' : 'l';
        return fmt + (fmt[1] == 'l' ? 2 : 1);
    }
    if (fmt[0] == 'z' || fmt[0] == 't' || fmt[0] == 'j') {
        spec->length = fmt[0] == 'j' ? 'L' : 'z';
        return fmt + 1;
    }
    return fmt;
}

/* Parse "%[flags][width][.precision][length]" (fmt points after '%'). */
static const char *fmt_parse_spec(const char *fmt, struct fmt_spec *spec, va_list *args)
{
    spec->flags = 0;
    spec->width = -1;
    spec->precision = -1;
    spec->length = 0;
    fmt = fmt_parse_flags(fmt, spec);
    if (*fmt == '*') {
        spec->width = va_arg(*args, int);
        if (spec->width < 0) {
            spec->flags |= FMT_LEFT;
            spec->width = -spec->width;
        }
        fmt++;
    } else if (*fmt >= '0' && *fmt <= '9') {
        fmt = fmt_parse_int(fmt, &spec->width);
    }
    if (*fmt == '.') {
        fmt++;
        if (*fmt == '*') {
            spec->precision = va_arg(*args, int);
            if (spec->precision < 0)
                spec->precision = -1;
            fmt++;
        } else {
            fmt = fmt_parse_int(fmt, &spec->precision);
        }
    }
    return fmt_parse_length(fmt, spec);
}

static rt_int64_t fmt_signed_arg(const struct fmt_spec *spec, va_list *args)
{
    switch (spec->length) {
    case 'H': return (signed char)va_arg(*args, int);
    case 'h': return (short)va_arg(*args, int);
    case 'l': return va_arg(*args, long);
    case 'L': return va_arg(*args, long long);
    case 'z': return va_arg(*args, rt_ssize_t);
    default: return va_arg(*args, int);
    }
}

static rt_uint64_t fmt_unsigned_arg(const struct fmt_spec *spec, va_list *args)
{
    switch (spec->length) {
    case 'H': return (unsigned char)va_arg(*args, unsigned int);
    case 'h': return (unsigned short)va_arg(*args, unsigned int);
    case 'l': return va_arg(*args, unsigned long);
    case 'L': return va_arg(*args, unsigned long long);
    case 'z': return va_arg(*args, rt_size_t);
    default: return va_arg(*args, unsigned int);
    }
}

/* Format one conversion; returns RT_FALSE for an unknown conversion character. */
static rt_bool_t fmt_convert(struct fmt_out *out, char conv, struct fmt_spec *spec, va_list *args)
{
    rt_int64_t sv;
    char c;

    if (conv != 'd' && conv != 'i')
        spec->flags &= ~(FMT_PLUS | FMT_SPACE); /* signs only for signed conversions */
    switch (conv) {
    case 'd':
    case 'i':
        sv = fmt_signed_arg(spec, args);
        fmt_number(out, sv < 0 ? (rt_uint64_t)0 - (rt_uint64_t)sv : (rt_uint64_t)sv, sv < 0, 10,
                   spec);
        return RT_TRUE;
    case 'u': fmt_number(out, fmt_unsigned_arg(spec, args), RT_FALSE, 10, spec); return RT_TRUE;
    case 'o': fmt_number(out, fmt_unsigned_arg(spec, args), RT_FALSE, 8, spec); return RT_TRUE;
    case 'X': spec->flags |= FMT_UPPER; /* fall through */
    case 'x': fmt_number(out, fmt_unsigned_arg(spec, args), RT_FALSE, 16, spec); return RT_TRUE;
    case 'p':
        spec->flags |= FMT_ALT;
        fmt_number(out, (rt_uint64_t)(rt_ubase_t)va_arg(*args, void *), RT_FALSE, 16, spec);
        return RT_TRUE;
    case 's': fmt_string(out, va_arg(*args, const char *), spec); return RT_TRUE;
    case 'c':
        c = (char)va_arg(*args, int);
        if (!(spec->flags & FMT_LEFT))
            fmt_pad(out, ' ', spec->width - 1);
        fmt_putc(out, c);
        if (spec->flags & FMT_LEFT)
            fmt_pad(out, ' ', spec->width - 1);
        return RT_TRUE;
    case '%': fmt_putc(out, '%'); return RT_TRUE;
    default: return RT_FALSE;
    }
}

int rt_vsnprintf(char *buf, rt_size_t size, const char *fmt, va_list args)
{
    struct fmt_out out = {buf, size, 0};
    struct fmt_spec spec;
    va_list ap;

    va_copy(ap, args);
    while (*fmt) {
        const char *start = fmt;

        if (*fmt != '%') {
            fmt_putc(&out, *fmt++);
            continue;
        }
        fmt = fmt_parse_spec(fmt + 1, &spec, &ap);
        if (*fmt == '\0' || !fmt_convert(&out, *fmt, &spec, &ap)) {
            /* unknown or truncated conversion: print it literally */
            while (start <= fmt && *start)
                fmt_putc(&out, *start++);
        }
        if (*fmt)
            fmt++;
    }
    va_end(ap);
    if (size > 0)
        buf[out.len < size ? out.len : size - 1] = '\0';
    return (int)out.len;
}

int rt_snprintf(char *buf, rt_size_t size, const char *fmt, ...)
{
    va_list args;
    int n;

    va_start(args, fmt);
    n = rt_vsnprintf(buf, size, fmt, args);
    va_end(args);
    return n;
}

/* Unbounded variants: the caller guarantees room, as with sprintf. */
int rt_vsprintf(char *buf, const char *fmt, va_list args)
{
    return rt_vsnprintf(buf, (rt_size_t)RT_INT32_MAX, fmt, args);
}

int rt_sprintf(char *buf, const char *fmt, ...)
{
    va_list args;
    int n;

    va_start(args, fmt);
    n = rt_vsprintf(buf, fmt, args);
    va_end(args);
    return n;
}

/* ---------------------------------------------------------------------------------------- */
/* Console */

#ifdef RT_USING_DEVICE
static rt_device_t console_device;

rt_device_t rt_console_get_device(void)
{
    return console_device;
}

/* Open `name` read-write as a stream and make it the console; the old one is closed. */
rt_device_t rt_console_set_device(const char *name)
{
    rt_device_t old = console_device;
    rt_device_t dev = rt_device_find(name);

    if (dev == RT_NULL || dev == old)
        return old;
    if (old != RT_NULL)
        rt_device_close(old);
    if (rt_device_open(dev, RT_DEVICE_OFLAG_RDWR | RT_DEVICE_FLAG_STREAM) != RT_EOK)
        return old;
    console_device = dev;
    return old;
}
#endif

/* Append to the calling thread's capture buffer; RT_FALSE when not capturing. */
static rt_bool_t console_capture(const char *str, rt_size_t len)
{
    rt_thread_t thread = rt_thread_self();
    struct rt_console_capture *cap;
    rt_size_t room;

    if (thread == RT_NULL || rt_interrupt_get_nest() != 0)
        return RT_FALSE;
    cap = &thread->console_capture;
    if (cap->buf == RT_NULL)
        return RT_FALSE;
    room = cap->len + 1 < cap->size ? cap->size - 1 - cap->len : 0;
    if (room > 0) {
        rt_size_t n = len < room ? len : room;

        rt_memcpy(cap->buf + cap->len, str, n);
        cap->buf[cap->len + n] = '\0';
    }
    cap->len += len;
    return RT_TRUE;
}

#ifdef RT_USING_DEVICE
/* rt_kprintf writes the console as a stream ("\n" -> "\r\n"). The STREAM open flag is set
 * while any such write is in progress and cleared by the last one, touching only that bit
 * under the interrupt lock, so concurrent writers and re-openings (which change other bits
 * of open_flag) never lose each other's changes. */
static int console_stream_writers;
static rt_bool_t console_stream_added;

static void console_stream_begin(rt_device_t dev)
{
    rt_base_t level = rt_hw_interrupt_disable();

    if (console_stream_writers++ == 0 && !(dev->open_flag & RT_DEVICE_FLAG_STREAM)) {
        dev->open_flag |= RT_DEVICE_FLAG_STREAM;
        console_stream_added = RT_TRUE;
    }
    rt_hw_interrupt_enable(level);
}

static void console_stream_end(rt_device_t dev)
{
    rt_base_t level = rt_hw_interrupt_disable();

    if (--console_stream_writers == 0 && console_stream_added) {
        dev->open_flag &= ~RT_DEVICE_FLAG_STREAM;
        console_stream_added = RT_FALSE;
    }
    rt_hw_interrupt_enable(level);
}
#endif

static void console_write(const char *str, rt_size_t len)
{
    if (len == 0 || console_capture(str, len))
        return;
#ifdef RT_USING_DEVICE
    {
        rt_device_t dev = console_device;

        if (dev != RT_NULL) {
            console_stream_begin(dev);
            rt_device_write(dev, 0, str, len);
            console_stream_end(dev);
            return;
        }
    }
#endif
    rt_hw_console_output(str);
}

void rt_kputs(const char *str)
{
    if (str != RT_NULL)
        console_write(str, rt_strlen(str));
}

int rt_kprintf(const char *fmt, ...)
{
    char buf[RT_CONSOLEBUF_SIZE];
    va_list args;
    int n;

    va_start(args, fmt);
    n = rt_vsnprintf(buf, sizeof(buf), fmt, args);
    va_end(args);
    if (n > (int)sizeof(buf) - 1)
        n = (int)sizeof(buf) - 1;
    console_write(buf, (rt_size_t)n);
    return n;
}

/* Fatal and diagnostic messages go straight to the raw console: safe in any context, and
 * never swallowed by a console capture or a console device that could block. */
void rt_kernel_report(const char *fmt, ...)
{
    char buf[RT_CONSOLEBUF_SIZE];
    va_list args;

    va_start(args, fmt);
    rt_vsnprintf(buf, sizeof(buf), fmt, args);
    va_end(args);
    rt_hw_console_output(buf);
}

rt_err_t rt_console_capture_start(char *buf, rt_size_t size)
{
    rt_thread_t thread = rt_thread_self();

    if (buf == RT_NULL || size == 0 || thread == RT_NULL || rt_interrupt_get_nest() != 0)
        return -RT_EINVAL;
    if (thread->console_capture.buf != RT_NULL)
        return -RT_EBUSY;
    buf[0] = '\0';
    thread->console_capture.size = size;
    thread->console_capture.len = 0;
    thread->console_capture.buf = buf;
    return RT_EOK;
}

rt_size_t rt_console_capture_stop(void)
{
    rt_thread_t thread = rt_thread_self();
    rt_size_t len;

    if (thread == RT_NULL || rt_interrupt_get_nest() != 0 || thread->console_capture.buf == RT_NULL)
        return 0;
    len = thread->console_capture.len;
    thread->console_capture.buf = RT_NULL;
    thread->console_capture.size = 0;
    thread->console_capture.len = 0;
    return len;
}
