# re: module functions, Pattern and Match objects, templates, errors.
import re

print(re.search(r'(\w+) (?P<n>\w+)', 'hi there you'))
m = re.search(r'(\w+) (?P<n>\w+)', 'hi there you')
print(m.group(), m.group(1), m.group('n'), m.group(0, 1, 'n'), m[2], m.groups(), m.groupdict())
print(m.start(), m.end(), m.span(), m.start(2), m.span('n'), m.lastindex, m.lastgroup, m.pos, m.endpos)
print(m.string, m.re.pattern, m.expand(r'<\2|\g<1>|\g<n>>'))
m = re.match('(a)(b)?', 'a')
print(m.groups(), m.groups('-'), m.group(0, 1, 2), m.start(2), m.span(2), m.lastindex)
print(re.match('a', 'ba'), re.fullmatch('a+', 'aaa'), re.fullmatch('a+', 'aab'))
print(re.search('x', 'aXb', re.I), re.search('^b', 'a\nb', flags=re.M), re.match('.', '\n', re.S))
print(re.findall(r'\d+', 'a1b22c333'), re.findall(r'(a)(b)?', 'ab a'), re.findall(r'(\w)=(\d)', 'x=1 y=2'))
print(re.findall('a*', 'baaa'), re.findall('', 'ab'), [m.span() for m in re.finditer(r'\b', 'a b')])
print(re.split(r'(,)', 'a,b,,c'), re.split(',', 'a,b,c', maxsplit=1), re.split(r'\b', 'a b'))
print(re.split(r'\s+', ' a  b '), re.split('x*', 'axbc'), re.split('(x)|y', 'axbyc'))
print(re.sub(r'(a)', r'[\1\g<1>\n\\.]', 'xax'), re.sub('a', 'b', 'aaa', count=2), re.subn('a', 'b', 'aaa'))
print(re.sub('x*', '-', 'abxd'), re.sub('a', lambda m: m.group().upper(), 'banana'), re.sub('(?P<w>o)', r'\g<w>\g<w>', 'foo'))
print(re.sub(r'(\d+)', lambda m: str(int(m.group(1)) * 2), 'a1b22'), re.sub('a', r'\x41', 'a') if False else re.sub('a', r'\t', 'a'))
print(re.escape('a.b*c d_e-f\n'), re.escape(b'1+1'))
p = re.compile(r'(?P<year>\d{4})-(?P<month>\d\d)', re.M)
print(p, p.pattern, p.flags, p.groups, p.groupindex)
print(p.search('on 2024-05!'), p.match('2024-05'), p.match('x2024-05', 1), p.search('2024-05', 1))
print(p.fullmatch('2024-05'), p.findall('2024-05 1999-12'), p.sub(r'\g<month>/\g<year>', '2024-05'))
print(p.split('a2024-05b'), p.subn('', '2024-05 2024-06'), [m.group('year') for m in p.finditer('2000-01 2001-02')])
print(re.compile('a', re.I | re.M), re.compile(b'a', re.I), re.compile('a', re.A), re.compile('(?i)a'))
print(re.compile('a').flags, re.compile(b'a').flags, re.compile('(?s)a', re.X).flags)
print(re.match(b'a(b)', b'abc'), re.match(b'a(b)', b'abc').group(1), re.sub(b'b', b'X', b'abc'))
print(re.search('caf.', 'un café!'), re.search('é', 'aéb').span(), re.findall('.', 'h\u20acy'))
print(re.search(r'\d', 'x\u0663'), re.search(r'\w+', '\u00e9t\u00e9!'), re.search(r'\w+', '\u00e9t\u00e9!', re.A))
print(re.search('x', 'axbx', 2), re.compile('x').search('axbx', 2, 3), re.compile('^x').search('ax', 1))
print(re.compile('x$').search('xa', 0, 1), re.compile('a').search('aaa', 5), re.compile('a').search('aaa', -5))
print(bool(re.match('a', 'a')), re.compile('a') == re.compile('a'), re.compile('a') == re.compile('b'))
print(re.match(r'(a)(?:b)(c)', 'abc').groups(), re.match('((a)b)', 'ab').lastindex, re.match('(a)(b)', 'ab').lastindex)
for pat in ['*a', 'a**', '(ab', 'ab)', '[ab', 'a{3,2}', r'\q', '(?P<n>a)(?P<n>b)', r'\2(a)', '(?P=zz)',
            '[z-a]', 'a\\', '(?z)', 'x(?i)y', '{1}', '(?P<1>a)', r'\x4']:
    try:
        re.compile(pat)
        print('ok', pat)
    except re.error as e:
        print('re.error:', e)
for t in [r'\q', r'\g<x', r'\g<9>', r'\g<zz>', r'\9', r'\400', r'\g<>']:
    try:
        print(re.sub('(a)', t, 'a'))
    except (re.error, IndexError) as e:
        print(type(e).__name__, e)
for bad in [lambda: re.search('a', b'a'), lambda: re.search(b'a', 'a'), lambda: re.match('(a)', 'a').group(2),
            lambda: re.match('(a)', 'a').group('x'), lambda: re.compile(re.compile('a'), re.I)]:
    try:
        bad()
    except (TypeError, IndexError, ValueError) as e:
        print(type(e).__name__, e)
