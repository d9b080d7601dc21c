import heapq
h = []
for v in [5, 1, 8, 3, 9, 2]:
    heapq.heappush(h, v)
print([heapq.heappop(h) for _ in range(len(h))])
data = [9, 4, 7, 1, 8]
heapq.heapify(data)
print(data[0], heapq.heappop(data), heapq.heappop(data), sorted(data))
print(heapq.heappushpop([1, 5], 3))
pq = []
heapq.heappush(pq, (2, "b"))
heapq.heappush(pq, (1, "a"))
heapq.heappush(pq, (3, "c"))
print(heapq.heappop(pq), len(pq))
try:
    heapq.heappop([])
except IndexError:
    print("IndexError")
