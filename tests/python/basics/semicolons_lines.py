a = 1; b = 2; c = a + b; print(c)
total = (1 +
         2 +
         3)
print(total)
s = "abc" \
    "def"
print(s)
lst = [
    1,
    2,  # trailing comma
]
print(lst)
if a: print("one-line if")
for i in range(2): print("loop", i)
while False: pass
def f(): return "one-line def"
print(f())
x = [1, 2,
     3, 4]; print(x)
print(r"raw\n", "tab\tend", 'single "quotes"', "double 'quotes'")
