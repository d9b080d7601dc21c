vals = [0, 1, -1, 7, -7, 42, 255, -255, 1000, 65535, 123456789, -987654321, 2 ** 40, -(2 ** 70)]
specs = ["", "d", "5d", "<5d", "^7d", "+d", " d", "05d", "x", "X", "#x", "08x", "o", "#o", "b", "#b", ",", "_", "_x", "+,", "=10d", "*>10"]
for v in vals:
    print(v, "|".join(format(v, s) for s in specs))
pspecs = ["%d", "%5d", "%-5d|", "%05d", "%+d", "% d", "%x", "%#x", "%X", "%o", "%#o", "%3.2d", "%i", "%u"]
for v in vals:
    print(" ".join(p % v for p in pspecs))
