print("{} {}".format("a", "b"), "{1} {0} {1}".format("x", "y"), "{name}!".format(name="n"))
print("{0[1]} {d[key]} {o.real}".format([5, 6], d={"key": "v"}, o=3))
print("{:>6}|{:<6}|{:^6}|{:*^7}|{:06}".format("r", "l", "c", "m", 42))
print("{:d} {:5d} {:<5d}| {:+d} {: d} {:,} {:_}".format(1, 2, 3, 4, 5, 1234567, 1234567))
print("{:x} {:X} {:o} {:b} {:#x} {:#b} {:08b}".format(255, 255, 8, 5, 255, 5, 5))
print("{:.2f} {:10.3f} {:e} {:.2E} {:g} {:%} {:.1%}".format(3.14159, 2.0, 1234.5, 0.00123, 0.5, 0.25, 0.123))
print("{:s} {!r} {!s}".format("s", "r", 1))
print("{{literal}} {}".format(1), "{:{w}.{p}f}".format(3.14159, w=8, p=3))
print("{0:>{1}}".format("x", 4), "{:c}".format(65), "{:n}".format(1000))
print(format(3.5), format(42, "x"), format("s", "^5"), format(0.1, ".3f"), format(-1, "05d"))
print("{:,.2f}".format(1234567.891), "{:>10,}".format(9876543), "{:=+8}".format(-5))
class P:
    def __format__(self, spec):
        return "P<" + spec + ">"
print("{:abc}".format(P()), format(P(), "z"), f"{P():q}")
for bad in ["{", "}", "{0} {}", "{:d}"]:
    try:
        bad.format("x")
    except (ValueError, IndexError) as e:
        print(type(e).__name__)
try:
    "{5}".format(1)
except IndexError:
    print("IndexError")
try:
    "{k}".format(a=1)
except KeyError as e:
    print("KeyError", e)
