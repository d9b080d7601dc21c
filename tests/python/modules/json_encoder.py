# json.JSONEncoder subclasses with dumps(cls=...).
import json


class E(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, set):
            return sorted(o)
        return super().default(o)


print(json.dumps({'a': {3, 1}}, cls=E), json.dumps([1], cls=E, indent=1))
print(E().encode({'x': {2}}), json.JSONEncoder(sort_keys=True).encode({'b': 1, 'a': 2}))
print(json.JSONEncoder(default=list).encode(range(2)), json.JSONEncoder(indent=2, separators=(',', ': ')).encode({'k': [1]}))
try:
    json.dumps(object(), cls=E)
except TypeError as e:
    print('TypeError', e)


class D(json.JSONDecoder):
    def __init__(self, **kw):
        kw['object_hook'] = lambda d: sorted(d.items())
        super().__init__(**kw)


print(json.loads('{"b": 1, "a": {"c": 2}}', cls=D), D().decode('[1, {"x": 1}]'))
print(json.JSONDecoder(parse_int=float).decode('[1, 2.5]'), json.JSONDecoder(object_pairs_hook=list).decode('{"k": 1}'))
try:
    json.JSONDecoder().decode('[1,')
except ValueError as e:
    print('ValueError', e)


class E2(json.JSONEncoder):
    def __init__(self, **kw):
        kw['sort_keys'] = True
        super().__init__(**kw)


print(json.dumps({'b': 1, 'a': 2}, cls=E2), E2(indent=1).encode([1]))
