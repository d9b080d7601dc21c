# float math: a small n-body simulation
import math
def bodies():
    pi = math.pi
    days = 365.24
    sm = 4 * pi * pi
    data = [
        (0, 0, 0, 0, 0, 0, sm),
        (4.84, -1.16, -0.10, 0.00166 * days, 0.00770 * days, -0.0000690 * days, 0.000954 * sm),
        (8.34, 4.12, -0.40, -0.00277 * days, 0.00500 * days, 0.0000230 * days, 0.000286 * sm),
        (12.89, -15.11, -0.22, 0.00296 * days, 0.00238 * days, -0.0000296 * days, 0.0000437 * sm),
        (15.38, -25.92, 0.18, 0.00268 * days, 0.00163 * days, -0.0000951 * days, 0.0000515 * sm),
    ]
    return [list(b) for b in data]
def energy(bs):
    e = 0.0
    for i, b in enumerate(bs):
        e += 0.5 * b[6] * (b[3] * b[3] + b[4] * b[4] + b[5] * b[5])
        for b2 in bs[i + 1:]:
            dx, dy, dz = b[0] - b2[0], b[1] - b2[1], b[2] - b2[2]
            e -= b[6] * b2[6] / math.sqrt(dx * dx + dy * dy + dz * dz)
    return e
def advance(bs, dt, n):
    pairs = [(bs[i], bs[j]) for i in range(len(bs)) for j in range(i + 1, len(bs))]
    for _ in range(n):
        for b1, b2 in pairs:
            dx = b1[0] - b2[0]
            dy = b1[1] - b2[1]
            dz = b1[2] - b2[2]
            d2 = dx * dx + dy * dy + dz * dz
            mag = dt / (d2 * math.sqrt(d2))
            m1 = b1[6] * mag
            m2 = b2[6] * mag
            b1[3] -= dx * m2
            b1[4] -= dy * m2
            b1[5] -= dz * m2
            b2[3] += dx * m1
            b2[4] += dy * m1
            b2[5] += dz * m1
        for b in bs:
            b[0] += dt * b[3]
            b[1] += dt * b[4]
            b[2] += dt * b[5]
bs = bodies()
e0 = energy(bs)
advance(bs, 0.01, 5000)
print("%.6f %.6f" % (e0, energy(bs)))
