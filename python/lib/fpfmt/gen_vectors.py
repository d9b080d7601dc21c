#!/usr/bin/env python3
"""Generates test_fpfmt_vectors.h: expected float text from CPython."""
import math
import random
import struct

random.seed(4242)


def bits(f):
    return format(struct.unpack('<Q', struct.pack('<d', f))[0], '016x')


def cstr(s):
    r = ''
    for ch in s:
        if ch in '\\"':
            r += '\\' + ch
        elif ord(ch) < 32:
            r += '\\%03o' % ord(ch)
        else:
            r += ch
    return '"' + r + '"'


def rand_double():
    k = random.random()
    if k < 0.4:
        return struct.unpack('<d', struct.pack('<Q', random.getrandbits(63)))[0] * random.choice([1, -1])
    if k < 0.7:
        return round(random.uniform(-1000, 1000), random.randint(0, 6))
    if k < 0.85:
        return random.randint(-10**6, 10**6) * 10.0 ** random.randint(-30, 30)
    return float(2 ** random.randint(-1074, 1023))


special = [0.0, -0.0, 1.0, -1.0, 0.1, 0.5, 1.5, 2.5, 100.0, 1e16, 1e15, 1e-4, 1e-5, 123456789.0,
           1e22, 1e23, 5e-324, 2.2250738585072014e-308, 1.7976931348623157e308, math.pi, -math.e,
           float('inf'), float('-inf'), float('nan'), 0.3, 2.0 ** 63, 9007199254740993.0,
           1234.5, 0.000123, 999999.5, 9.5, 0.05, 1e-7, 12345678901234567890.0]
values = special + [rand_double() for _ in range(150)]
specs = ['', 'e', 'E', 'f', 'F', 'g', 'G', '%', 'n', '.0', '.1', '.3', '.17', '.0e', '.2e', '.12e',
         '.0f', '.2f', '.10f', '.0g', '.1g', '.3g', '.20g', '#', '#.0', '#.3', '#g', '#.0e', '#.0f',
         '+', ' ', '-', '+.3f', '10', '<10', '^12', '=+12.3f', '010', '012.4e', 'x^15.2f', '*<9',
         ',', '_', ',.2f', '_.1f', '015,.2f', '0=14,.1f', '0>12,.1f', ',e', ',g', 'z.2f', 'z',
         '.2%', '+010.2%', '€^9.1f', '-08.3g', '#015.3G', '.50f', '.30e', '.25g', '30.20', '>+20,']
out = []
for v in special:
    out.append('    {"repr", "%s", "", %s},' % (bits(v), cstr(repr(v))))
for v in values:
    out.append('    {"repr", "%s", "", %s},' % (bits(v), cstr(repr(v))))
    for s in random.sample(specs, 10) if v not in special else specs:
        out.append('    {"fmt", "%s", %s, %s},' % (bits(v), cstr(s), cstr(format(v, s))))
    out.append('    {"hex", "%s", "", %s},' % (bits(v), cstr(v.hex())))
    if math.isfinite(v):
        nd = random.choice([0, 1, 2, 3, 5, 10, -1, -2, -5, 20, -300])
        try:
            r = bits(round(v, nd))
        except OverflowError:
            r = 'overflow'
        out.append('    {"round", "%s", "%d", "%s"},' % (bits(v), nd, r))
    t = repr(v)
    out.append('    {"parse", %s, "", "%s"},' % (cstr(t), bits(float(t))))
parses = ['1.5e3', '  -inf ', 'nan', '-NaN', 'Infinity', '+iNf', '1_000.5', '1e1_0', '.5', '5.',
          '0.000000000000000000000000000000000000000000001e-300', '1e400', '-1e-400', '1' * 300,
          '0x10', '1__0', '_1', '1_', '1_.5', '1._5', '', ' ', '.', 'e5', '1e', '1e+', 'in', '1.5 x',
          '\t\n 42 \r', '1.7976931348623157e308', '1.7976931348623159e308', '2.4703282292062328e-324',
          '2.4703282292062327e-324', '9007199254740993', '-0', '+.0e-0',
          '9007199254740993' + '0' * 900, '9007199254740993' + '0' * 900 + '1',
          '0.' + '0' * 1000 + '9007199254740993' + '0' * 900 + '1e1017', '1' + '0' * 1200 + 'e-1200',
          '1e99999999999999999999', '-1e-99999999999999999999', '1' * 900 + '.' + '9' * 900]
for t in parses:
    try:
        r = bits(float(t))
    except ValueError:
        r = 'error'
    out.append('    {"parse", %s, "", "%s"},' % (cstr(t), r))
hexes = ['0x1.8p1', ' -0X1.8P+1 ', '1', '0x.8', '0x1.fffffffffffff8p1023', '0x1.fffffffffffff7p1023',
         '0x1p-1074', '0x1p-1075', '0x1.0000000000001p-1075', '0x3p-1076', '0x1.00000000000008p0',
         '0x1.00000000000018p0', '0x1.000000000000080001p0', 'inf', '-nan', '0x', 'x1', '0x1p', '0x1.p4',
         '0x.p1', '0x1p99999999999', '0x1p-99999999999', 'ff', '0x0.0000000000001p-1022', '0xABCdefp-8',
         '0x' + 'f' * 40 + 'p-100', '0x1P+1023', '0x2p1023']
for t in hexes:
    try:
        r = bits(float.fromhex(t))
    except ValueError:
        r = 'error'
    except OverflowError:
        r = 'overflow'
    out.append('    {"fromhex", %s, "", "%s"},' % (cstr(t), r))
bad_specs = ['.', '10.', 'ff', '1,,', ',n', 'd', 's', 'x', '<<<']
for s in bad_specs:
    try:
        format(1.0, s)
        r = 'ok'
    except ValueError as e:
        r = str(e)
    out.append('    {"badspec", "", %s, %s},' % (cstr(s), cstr(r)))
int_specs = ['', 'd', 'b', 'o', 'x', 'X', 'n', '#b', '#o', '#x', '#X', ',', '_', '_b', '_x', '#_o', '+', ' ', '-',
             '10', '<10', '^11', '=+10', '010', '#010x', '012,', '010_', '*^9d', 'x>8X', '+#_X', '015,d',
             '€=+12_', '#012_b', '3', '0']
ints = [0, 1, -1, 7, 10, 255, -255, 1000, 4096, 65535, -123456789, 2 ** 31, -2 ** 40 - 7, 2 ** 62 + 12345,
        random.randint(-10 ** 12, 10 ** 12), random.randint(0, 2 ** 63 - 1)]
for v in ints:
    for s in int_specs:
        out.append('    {"intfmt", "%d", %s, %s},' % (v, cstr(s), cstr(format(v, s))))
for s in [',b', '.2d', 'z', ',x', '_n', ',n', 'q', 'c' if False else 'e' if False else 'Q']:
    try:
        format(5, s)
        r = 'ok'
    except ValueError as e:
        r = str(e)
    out.append('    {"intbad", "5", %s, %s},' % (cstr(s), cstr(r)))
with open('test_fpfmt_vectors.h', 'w') as f:
    f.write('/* Generated by gen_vectors.py from CPython results; do not edit. */\n/* clang-format off */\n')
    f.write('static const struct vec {\n    const char *kind, *in, *arg, *expect;\n} vectors[] = {\n')
    f.write('\n'.join(out))
    f.write('\n};\n/* clang-format on */\n')
