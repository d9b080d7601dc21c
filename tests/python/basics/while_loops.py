i = 0
while i < 5:
    i += 1
    if i == 2:
        continue
    print(i)
else:
    print("else ran", i)
n = 0
while True:
    n += 1
    if n > 3:
        break
else:
    print("not reached")
print("n", n)
# nested with break only inner
for a in range(3):
    j = 0
    while j < 10:
        if j == a:
            break
        j += 1
    print(a, j)
while 0:
    pass
else:
    print("while 0 else")
