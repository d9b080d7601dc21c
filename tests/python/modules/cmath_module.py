import cmath
print(cmath.sqrt(-1), cmath.sqrt(4), cmath.exp(0), cmath.polar(1j) == (1.0, cmath.pi / 2), abs(cmath.rect(2, 0) - 2) < 1e-12)
print(cmath.phase(-1), cmath.phase(1j) == cmath.pi / 2, cmath.log(1), abs(cmath.exp(1j * cmath.pi) + 1) < 1e-12)
z = cmath.sqrt(-4 + 0j)
print(z.real, z.imag, cmath.pi, cmath.e)
print(abs(cmath.cos(0) - 1) < 1e-15, abs(cmath.sin(1j) - 1.1752011936438014j) < 1e-12)
