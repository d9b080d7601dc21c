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
