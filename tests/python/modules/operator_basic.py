# operator: operator functions, itemgetter, attrgetter, methodcaller.
import operator as op
from functools import reduce

print(op.add(2, 3), op.sub(2, 3), op.mul('ab', 2), op.truediv(7, 2), op.floordiv(7, 2), op.mod(7, 3), op.pow(2, 10))
print(op.lshift(1, 4), op.rshift(32, 2), op.and_(6, 3), op.or_(6, 3), op.xor(6, 3), op.neg(5), op.pos(-5), op.invert(5), op.inv(0), op.abs(-3))
print(op.lt(1, 2), op.le(2, 2), op.eq(1, 1.0), op.ne(1, 2), op.gt(1, 2), op.ge(3, 2), op.not_(0), op.truth([]), op.is_(None, None), op.is_not(1, None))
print(op.contains([1, 2], 2), op.getitem('abc', 1), op.index(7), reduce(op.mul, range(1, 6)))
d = {'a': 1}
op.setitem(d, 'b', 2)
op.delitem(d, 'a')
print(d, op.iadd([1], [2]))
rows = [('b', 2, 'x'), ('a', 3, 'y'), ('c', 1, 'z')]
print(sorted(rows, key=op.itemgetter(1)), op.itemgetter(0, 2)(rows[0]), op.itemgetter(slice(1, None))('hello'), op.itemgetter('k')({'k': 9}))


class P:
    def __init__(self, name, inner=None):
        self.name = name
        self.inner = inner

    def greet(self, greeting, punct='!'):
        return greeting + ' ' + self.name + punct


p = P('ann', P('bob'))
print(op.attrgetter('name')(p), op.attrgetter('inner.name')(p), op.attrgetter('name', 'inner.name')(p))
print(op.methodcaller('greet', 'hi')(p), op.methodcaller('greet', 'yo', punct='?')(p), op.methodcaller('upper')('abc'))
print(op.itemgetter(1), op.attrgetter('x'))
