vals = [0.0, 1.0, -1.5, 3.14159265358979, 1e-7, 123456.789, 1e21, 2.5, 0.125, 1/3, 9.995, 1e100]
for v in vals:
    print("%.2f|%8.3f|%e|%.3e|%g|%.3g|%10.4g|%r" % (v, v, v, v, v, v, v, v))
for v in vals:
    print("{:f}|{:.1f}|{:+.2e}|{:G}|{:.0f}|{:08.2f}|{:<9.2f}|{:^9.1f}|{:.3}|{}".format(v, v, v, v, v, v, v, v, v, v))
print("{:.15g} {:.17g} {:.1g}".format(0.1, 0.1, 0.15))
print("{:,.3f} {:_.1f} {:.2%} {:e}".format(1234567.125, 9876.25, 0.5, 0.0))
print(format(1e16, ""), format(1e16, "g"), format(12345.0, ".2"), format(0.0001, ""))
print(str(1e-4), str(1e-5), str(12345678901234567.0), str(0.3), str(2.0 ** 60))
print(float.__name__, round(0.125, 2), round(0.375, 2), round(-0.5), round(1e300, -300))
