# heapq: heap invariants, ordering of equal keys, n-best helpers, merge.
import heapq

data = [5, 3, 8, 1, 9, 2, 7, 1, 0, 6]
h = []
for x in data:
    heapq.heappush(h, x)
print(h)
print([heapq.heappop(h) for _ in range(len(h))])
h = list(data)
heapq.heapify(h)
print(h, heapq.heapreplace(h, 4), h, heapq.heappushpop(h, -1), heapq.heappushpop(h, 10), h)
h = [(2, 'b'), (1, 'z'), (2, 'a'), (1, 'y')]
heapq.heapify(h)
print(h, heapq.heappop(h), heapq.heappop(h))
print(heapq.nsmallest(3, data), heapq.nlargest(3, data), heapq.nsmallest(0, data), heapq.nlargest(20, [3, 1]))
words = ['pear', 'fig', 'banana', 'kiwi', 'apple']
print(heapq.nsmallest(2, words, key=len), heapq.nlargest(2, words, key=len))
print(list(heapq.merge([1, 4, 7], [2, 5, 8], [0, 9])), list(heapq.merge()))
print(list(heapq.merge(['b', 'dd'], ['a', 'ccc'], key=len)))
print(list(heapq.merge([7, 4, 1], [8, 2], reverse=True)))
for bad in [lambda: heapq.heappop([]), lambda: heapq.heapreplace([], 1), lambda: heapq.heappush((), 1)]:
    try:
        bad()
    except (IndexError, TypeError) as e:
        print(type(e).__name__, e)
