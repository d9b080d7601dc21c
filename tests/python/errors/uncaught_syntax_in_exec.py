print("before exec")
try:
    exec("for = 1")
except SyntaxError as e:
    print("SyntaxError caught, lineno", e.lineno)
exec("x = (1 +\n 2)")
print(x)
