for i in range(3):
    print(i)
else:
    print("done")
for i in range(10):
    if i == 4:
        break
else:
    print("not reached")
print("i", i)
for c in "xyz":
    print(c, end=" ")
print()
for k, v in {"a": 1, "b": 2}.items():
    print(k, v)
total = 0
for i in range(100):
    if i % 3:
        continue
    total += i
print(total)
for x in []:
    print("never")
else:
    print("empty else")
# loop var persists and can be any target
d = {}
for d["k"] in range(3):
    pass
print(d)
lst = [0, 0]
for lst[0], lst[1] in [(1, 2), (3, 4)]:
    pass
print(lst)
# modifying a list while iterating by index-based loop
nums = [1, 2, 3]
for n in nums:
    if n == 1:
        nums.append(4)
print(nums)
