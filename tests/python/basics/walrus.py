data = [1, 5, 12, 7, 30]
if (n := len(data)) > 3:
    print("long", n)
print([y for x in data if (y := x * 2) > 10])
print(y)
it = iter(range(5))
while (v := next(it, None)) is not None:
    print(v, end=",")
print()
print((a := 3) + a)
def f():
    if (z := 10) > 5:
        return z
print(f())
total = 0
vals = [total := total + i for i in range(5)]
print(vals, total)
print(any((hit := w) == "b" for w in "abc"), hit)
