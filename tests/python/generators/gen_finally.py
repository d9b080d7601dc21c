def res():
    print("acquire")
    try:
        yield "r1"
        yield "r2"
    finally:
        print("release")
for v in res():
    print(v)
g = res()
for v in g:
    print(v)
    break
print("after break")
g.close()
print("closed explicitly")
def try_in_loop():
    for i in range(3):
        try:
            yield i
        finally:
            print("cleanup", i)
print(list(try_in_loop()))
def return_in_finally():
    try:
        yield 1
    finally:
        print("fin")
print([x for x in return_in_finally()])
