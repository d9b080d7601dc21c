# json: dumps/loads formatting, options and CPython's error messages.
import json

values = [None, True, False, 0, -17, 10 ** 30, 1.5, -0.0, 1e16, 0.1, 'text', '', 'q"\\/\n\t\x01',
          'caf\u00e9 \u20ac \U0001d11e', [], {}, [1, [2, [3, []]]], (1, 2), {'a': 1, 'b': [True, None]},
          {1: 'int key', 2.5: 'float key', True: 'bool key', None: 'none key'}]
for v in values:
    s = json.dumps(v)
    print(s, json.dumps(v, ensure_ascii=False), json.loads(s) == v or v == (1, 2))
print(json.dumps(float('nan')), json.dumps(float('inf')), json.dumps(-float('inf')))
print(json.dumps([1, [2, []], {}], indent=2))
print(json.dumps({'b': 1, 'a': [1, 2], 'c': {}}, indent='\t', sort_keys=True))
print(json.dumps({'a': 1}, indent=0))
print(json.dumps([1, {'x': 2}], separators=(',', ':')))
print(json.dumps({'a': [1, 2]}, indent=1, separators=(',', '= ')))
print(json.dumps({(1, 2): 3, 'k': 4}, skipkeys=True))
print(json.dumps({3: 1, 1: 2}, sort_keys=True))
print(json.dumps(set([1]), default=list), json.dumps(range(3), default=list))

docs = ['1', '-0', '-0.0', '1.5e300', '123456789012345678901234567890', '"\\ud834\\udd1e"',
        '"\\u00e9\\n\\\\\\/"', ' [ ] ', '{"a":[1,{"b":null}]}', 'NaN', '-Infinity', 'Infinity',
        '[1.0, 2E3, -4e-2, 0]', '{"a": 1, "a": 2}', '"\u00e9t\u00e9"', '\n{\n "k" : [ true , false ]\n}\n']
for doc in docs:
    print(repr(json.loads(doc)))
print(json.loads(b'[1, "b"]'), json.loads(bytearray(b'{}')))
print(json.loads('{"a": 1, "b": 2}', object_hook=lambda d: sorted(d.items())))
print(json.loads('{"b": 1, "a": 2}', object_pairs_hook=lambda p: p))
print(json.loads('[1.5, 2]', parse_float=str, parse_int=lambda s: int(s) * 10))
print(json.loads('[NaN]', parse_constant=lambda s: 'const ' + s))

bad = ['', '[1,', '{"a" 1}', '{1:2}', '[1 2]', '"abc', '"a\x01"', '"\\x"', '"\\u12"', '[1] x', 'nul',
       '{"a":1,}', '[1,]', '-', '01', '1.', '1e', '.5', 'tru', 'true false', '[\n1,\n2\n,]',
       '"\u00e9\u00e9" x', '{"a":1 "b":2}']
for doc in bad:
    try:
        print(json.loads(doc))
    except ValueError as e:
        print('ValueError:', e)


def err(*args, **kw):
    try:
        print(json.dumps(*args, **kw))
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ':', e)


err({(1, 2): 3})
err(object())
err(float('inf'), allow_nan=False)
loop = []
loop.append(loop)
err(loop)
d = {}
d['self'] = d
err(d)
try:
    json.loads(42)
except TypeError as e:
    print('TypeError:', e)


class Sink:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)

    def read(self):
        return ''.join(self.parts)


f = Sink()
json.dump({'x': [1, 2]}, f, indent=1)
print(repr(f.read()), json.load(f))
