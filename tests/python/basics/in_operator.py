print(1 in [1, 2], 3 in (1, 2), "a" in "cat", "at" in "cat", "" in "", "x" in "")
print(2 in {1: "a", 2: "b"}, "b" in {1: "a", 2: "b"}, 5 in {5, 6}, 5 in range(10), 10 in range(10), 4 in range(0, 10, 2), 5 in range(0, 10, 2))
print(b"a" in b"abc", 97 in b"abc", [1] in [[1], [2]], (1, 2) in [(1, 2)], 1.0 in [1], None in [None])
print(1 not in [1], "z" not in "abc", 2 ** 100 in [2 ** 100], -1 in range(-10, 10, 3), 3 in range(-10, 10, 3))
try:
    1 in 5
except TypeError as e:
    print("TypeError", e)
try:
    1 in "abc"
except TypeError as e:
    print("TypeError", e)
