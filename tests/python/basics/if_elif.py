def classify(n):
    if n < 0:
        return "neg"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    else:
        return "big"
for v in (-5, 0, 3, 100):
    print(v, classify(v))
if []:
    print("no")
elif {}:
    print("no")
elif 0.0:
    print("no")
elif "":
    print("no")
else:
    print("all falsy")
if [0] and (0,) and "0" and 1j:
    print("truthy")
x = 5
print("a" if x > 3 else "b", "a" if x > 7 else "b")
print(1 if 0 else 2 if 0 else 3)
