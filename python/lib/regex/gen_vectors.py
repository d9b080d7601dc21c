#!/usr/bin/env python3
"""Generates test_regex_vectors.h: match spans from CPython's re module."""
import re

CASES = [
    (r'abc', 0, ['abc', 'xxabcxx', 'ab', '']),
    (r'a.c', 0, ['abc', 'a\nc', 'aXc', 'ac']),
    (r'a.c', re.S, ['a\nc']),
    (r'^ab', 0, ['abab', 'xab', 'x\nab']),
    (r'^ab', re.M, ['x\nab', 'ab']),
    (r'ab$', 0, ['abab', 'ab\n', 'ab\nx', 'ab\n\n']),
    (r'ab$', re.M, ['ab\nx', 'xab']),
    (r'\Aab\Z', 0, ['ab', 'ab\n']),
    (r'a*', 0, ['', 'aaa', 'baaa']),
    (r'a+?', 0, ['aaa']),
    (r'a*?b', 0, ['aaab', 'b']),
    (r'(a|b)*c', 0, ['ababc', 'c', 'abx']),
    (r'(a|ab)(c|bcd)(d*)', 0, ['abcd']),
    (r'x{2,3}', 0, ['x', 'xx', 'xxxx', 'xxxxxx']),
    (r'x{2,3}?', 0, ['xxxx']),
    (r'x{2}', 0, ['xxx']),
    (r'x{2,}', 0, ['xxxxx', 'x']),
    (r'x{,2}y', 0, ['xxxy', 'y']),
    (r'(ab){2}', 0, ['ababab']),
    (r'a{,}', 0, ['a{,}']),
    (r'a{', 0, ['a{']),
    (r'[a-c]+', 0, ['xxabcabd']),
    (r'[^a-c]+', 0, ['abxyzc']),
    (r'[]a]+', 0, ['a]]b']),
    (r'[a-]+', 0, ['-a-b']),
    (r'[\d.]+', 0, ['v1.25x']),
    (r'\d+', 0, ['abc 123 45']),
    (r'\D+', 0, ['12ab34']),
    (r'\w+', 0, ['  hello_World9 !']),
    (r'\W+', 0, ['abc, def']),
    (r'\s+', 0, ['a \t\nb']),
    (r'\S+', 0, ['  xy  ']),
    (r'\bfoo\b', 0, ['foo', 'a foo.', 'foobar', 'xfoo']),
    (r'\Boo\B', 0, ['foo', 'fool']),
    (r'(?:ab)+', 0, ['ababx']),
    (r'(?P<first>\w+) (?P<last>\w+)', 0, ['Jane Doe']),
    (r'(?P<x>a)(?P=x)', 0, ['aa', 'ab']),
    (r'(\w)\1', 0, ['abccd']),
    (r'(a)|(b)', 0, ['b', 'a']),
    (r'(a)?b', 0, ['b', 'ab']),
    (r'(a*)*', 0, ['aa', 'b']),
    (r'(a*)+', 0, ['aa', 'b']),
    (r'(a|)*b', 0, ['aab']),
    (r'ABC', re.I, ['xabcx', 'AbC']),
    (r'[a-z]+', re.I, ['HeLLo']),
    (r'[^a-z]+', re.I, ['Hi42!']),
    (r'(a)\1', re.I, ['aA']),
    (r'a b # comment\n c', re.X, ['abc', 'a b c']),
    (r'(?i)hello', 0, ['HELLO']),
    (r'(?x) a  b', 0, ['ab']),
    (r'(?s).+', 0, ['a\nb']),
    (r'(?m)^b', 0, ['a\nb']),
    (r'foo(?=bar)', 0, ['foobaz foobar']),
    (r'foo(?!bar)', 0, ['foobar foobaz']),
    (r'(?=(\w+))\w', 0, ['hello']),
    (r'\x41\u00e9\n', 0, ['A\u00e9\n']),
    (r'\101\060', 0, ['A0']),
    (r'x\0?y', 0, ['xy']),
    (r'caf.', 0, ['caf\u00e9!']),
    (r'[\u00e0-\u00ff]+', 0, ['voil\u00e0 \u00e9t\u00e9']),
    (r'\u00c9T\u00c9', re.I, ['\u00e9t\u00e9']),
    (r'\w+', 0, ['\u00e9t\u00e9 x']),
    (r'\w+', re.A, ['\u00e9t\u00e9 x']),
    (r'.', 0, ['\u20ac']),
    (r'a|b|c|d', 0, ['xxd']),
    (r'(a|b|)+', 0, ['abab']),
    (r'((a)|(b))+', 0, ['ab']),
    (r'(a+)(b+)?', 0, ['aaac']),
    (r'.*?x', 0, ['abcxdefx']),
    (r'.*x', 0, ['abcxdefx']),
    (r'[-+]?\d+(\.\d*)?([eE][-+]?\d+)?', 0, ['x = -12.5e+3;']),
    (r'(\d{4})-(\d{2})-(\d{2})', 0, ['on 2024-01-15.']),
    (r'^$', 0, ['', '\n']),
    (r'$', 0, ['ab\n']),
    (r'\$\.\*\\', 0, ['$.*\\']),
    (r'[\]\\-]+', 0, ['a]\\-b']),
    (r'[\w\s]+', 0, ['a b!']),
    (r'[^\W\d]+', 0, ['12ab3']),
    (r'a{3}{2}' if False else r'(?:a{3}){2}', 0, ['aaaaaaa']),
    (r'(?#comment)x', 0, ['x']),
    (r'(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)(k)\11', 0, ['abcdefghijkk']),
    (r'(?<=a)b', 0, ['ab', 'cb', 'b']),
    (r'(?<!a)b', 0, ['ab', 'cb', 'b']),
    (r'(?<=ab|cd)x', 0, ['abx', 'cdx', 'acx']),
    (r'(?<=\d{3})-', 0, ['12-', '123-', 'a123-']),
    (r'(?<=(a)b)c', 0, ['abc']),
    (r'(?<=\u00e9)t', 0, ['\u00e9t\u00e9']),
    (r'\b(?<!-)\w+', 0, ['-ab cd']),
    (r'(?<=^|,)\w', 0, ['a,b']) if False else (r'(?<=,)\w', 0, ['a,b']),
]
ERRORS = [r'(?<=a+)b', r'(?<=a|bc)d', r'(?<=a*)', r'*a', r'a**', r'(ab', r'ab)', r'[ab', r'a{3,2}', r'\q', r'(?P<n>a)(?P<n>b)', r'\2(a)',
          r'(?P=zz)', r'[z-a]', 'a\\', r'(?z)', r'x(?i)y', r'+', r'{1}',
          r'(?P<1>a)', r'(?P<>a)', r'\x4', r'[\d-z]', r'^*']


def cstr(s):
    if isinstance(s, str):
        s = s.encode('utf-8')
    r = ''
    for b in s:
        ch = chr(b)
        if ch in '\\"':
            r += '\\' + ch
        elif b < 32 or b >= 127:
            r += '\\%03o' % b
        else:
            r += ch
    return '"' + r + '"'


def bspans(m, text):
    """Group spans as UTF-8 byte offsets."""
    if not m:
        return 'none'
    out = []
    for i in range(m.re.groups + 1):
        a, b = m.span(i)
        if a < 0:
            out += ['-1', '-1']
        else:
            out += [str(len(text[:a].encode())), str(len(text[:b].encode()))]
    return ' '.join(out)


lines = []
for pat, flags, texts in CASES:
    rx = re.compile(pat, flags)
    for t in texts:
        for mode, fn in (('search', rx.search), ('match', rx.match), ('fullmatch', rx.fullmatch)):
            lines.append('    {%s, %d, %s, "%s", "%s"},' % (cstr(pat), flags, cstr(t), mode, bspans(fn(t), t)))
        # a search from a later position
        if len(t) > 1:
            m = rx.search(t, 1)
            lines.append('    {%s, %d, %s, "search1", "%s"},' % (cstr(pat), flags, cstr(t), bspans(m, t)))
for pat in ERRORS:
    try:
        re.compile(pat)
        msg = 'ok'
    except re.error as e:
        msg = e.msg
    lines.append('    {%s, 0, "", "error", %s},' % (cstr(pat), cstr(msg)))
with open('test_regex_vectors.h', 'w') as f:
    f.write('/* Generated by gen_vectors.py from CPython results; do not edit. */\n/* clang-format off */\n')
    f.write('static const struct vec {\n    const char *pat;\n    unsigned flags;\n'
            '    const char *text, *mode, *expect;\n} vectors[] = {\n')
    f.write('\n'.join(lines))
    f.write('\n};\n/* clang-format on */\n')
