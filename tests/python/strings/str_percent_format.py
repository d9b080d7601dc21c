print("%d %i %s %r" % (42, -7, "str", "repr"))
print("%5d|%-5d|%05d|%+d|% d" % (42, 42, 42, 42, 42))
print("%x %X %o %#x %#o %#X" % (255, 255, 8, 255, 8, 255))
print("%f %.2f %10.3f %-10.1f| %e %.3E %g %G" % (3.14159, 2.5, 1.0, -0.25, 12345.678, 0.00012, 1e-5, 1e20))
print("%c%c" % (65, "b"), "%%", "%s" % [1, 2], "%s" % (None,), "%r" % "q")
print("%(name)s is %(age)d" % {"name": "Ann", "age": 30})
print("%*d|%-*d|%.*f" % (5, 1, 4, 2, 2, 3.14159))
print("%s" % "single", "%s-%s" % ("a", "b"), "%.3s" % "abcdef", "%5s|%-5s|" % ("ab", "cd"))
print("%d" % 3.99, "%s" % 1.5, "%x" % -255, "%d" % True)
for bad in [("%d", "x"), ("%d %d", (1,)), ("%s", (1, 2)), ("%z", 1)]:
    try:
        bad[0] % bad[1]
    except (TypeError, ValueError) as e:
        print(type(e).__name__)
print("%g %g %g %g" % (100000, 1000000, 0.0001, 0.00001))
print("%.0f %.0f %.0f" % (0.5, 1.5, 2.5))
