name = "World"
n = 42
pi = 3.14159265
print(f"Hello {name}!", f"{n}", f"{n + 1}", f"{n * 2:5d}|", f"{pi:.3f}", f"{pi:10.2f}|")
print(f"{name!r} {name!s}", f"{name:>8}", f"{name:*<8}", f"{name:^9}")
print(f"{n:x} {n:#o} {n:b} {n:08.2f} {n:,} {1e6:.2e} {0.5:%}")
w, p = 10, 2
print(f"{pi:{w}.{p}f}|", f"{'nested ' + f'{n}'}")
print(f"{{braces}} {n}", f"{[1, 2][1]} {dict(a=1)['a']}", f"{len('abc')}")
print(f"{'quoted'}", f'{"double"}', f"""{name
}""")
x = 5
print(f"{x=}", f"{x = }", f"{x*2=}")
print(f"{3 if x > 2 else 4}", f"{(lambda: 'lam')()}", f"{x:{'>'}{4}}")
items = ["a", "b"]
print(f"{', '.join(items)}", f"{items!r}", f"{items}")
class C:
    def __str__(self):
        return "str-C"
    def __repr__(self):
        return "repr-C"
print(f"{C()} {C()!r} {C()!s}")
print(f"{-0.0}", f"{1/3:.4}", f"{10**20}", f"{True}", f"{None}")
print(F"upper F", rf"raw {n}\n", fr"{name}\t")
