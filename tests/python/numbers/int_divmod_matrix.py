nums = [0, 1, 2, 3, 7, 10, 2 ** 31 - 1, 2 ** 32, 2 ** 63 + 5, 10 ** 25 + 3]
divs = [1, 2, 3, 7, 10, 2 ** 32 + 1, 10 ** 20 - 1]
for a in nums:
    for b in divs:
        for sa in (1, -1):
            for sb in (1, -1):
                x, y = a * sa, b * sb
                q, r = divmod(x, y)
                assert q * y + r == x
                print(x, y, q, r, x // y == q, x % y == r)
