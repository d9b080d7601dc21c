# itertools: lazy building blocks and combinatorics, compared with CPython.
from itertools import (count, cycle, repeat, accumulate, chain, compress, takewhile, dropwhile,
                       filterfalse, starmap, islice, pairwise, zip_longest, groupby, product,
                       permutations, combinations, combinations_with_replacement)

print(list(islice(count(), 5)), list(islice(count(10, 3), 4)), list(islice(count(0.5, 0.25), 3)))
print(list(islice(cycle('abc'), 7)), list(cycle([])), list(repeat('x', 3)), list(repeat(1, -2)), repeat(5, 2))
print(list(islice(repeat(7), 3)), list(accumulate([1, 2, 3, 4])), list(accumulate([1, 2, 3, 4], lambda a, b: a * b)))
print(list(accumulate([3, 1, 4], max)), list(accumulate([1, 2], initial=100)), list(accumulate([], initial=0)))
print(list(chain('ab', [1, 2], ())), list(chain.from_iterable(['xy', 'z'])), list(chain()))
print(list(compress('abcdef', [1, 0, 1, 0, 1, 1])), list(takewhile(lambda x: x < 5, [1, 4, 6, 4, 1])))
print(list(dropwhile(lambda x: x < 5, [1, 4, 6, 4, 1])), list(filterfalse(lambda x: x % 2, range(10))), list(filterfalse(None, [0, 1, '', 'a'])))
print(list(starmap(pow, [(2, 5), (3, 2)])), list(islice('abcdefg', 2)), list(islice('abcdefg', 2, 4)), list(islice('abcdefg', 2, None)))
print(list(islice('abcdefg', 0, None, 2)), list(islice(range(10), 1, 8, 3)), list(islice([], 3)))
print(list(pairwise('abcd')), list(pairwise('a')), list(zip_longest('ab', 'xyz', fillvalue='-')), list(zip_longest()))
print([(k, list(g)) for k, g in groupby('aaabbcdd')], [(k, list(g)) for k, g in groupby([1, 3, 2, 4, 5], key=lambda x: x % 2)])
groups = groupby('aabbc')
k1, g1 = next(groups)
k2, g2 = next(groups)
print(k1, list(g1), k2, list(g2), [k for k, g in groupby('')])
print(list(product('ab', [1, 2])), list(product(range(2), repeat=2)), list(product()), list(product('ab', [])))
print(list(permutations('abc')), list(permutations(range(3), 2)), list(permutations([1], 2)), list(permutations([], 0)))
print(list(combinations('abcd', 2)), list(combinations(range(4), 3)), list(combinations('ab', 3)), list(combinations('ab', 0)))
print(list(combinations_with_replacement('abc', 2)), list(combinations_with_replacement([], 2)), len(list(permutations(range(5)))))
for bad in [lambda: islice('a', -1), lambda: islice('a', 0, 1, 0), lambda: list(permutations('a', -1))]:
    try:
        bad()
    except ValueError as e:
        print('ValueError', e)
