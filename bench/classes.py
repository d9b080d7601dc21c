# classes: instantiation, attribute access, method calls, inheritance
class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def add(self, o):
        return Vec(self.x + o.x, self.y + o.y)
    def dot(self, o):
        return self.x * o.x + self.y * o.y
class Particle:
    def __init__(self, i):
        self.pos = Vec(i, -i)
        self.vel = Vec(1, 2)
        self.hits = 0
    def step(self):
        self.pos = self.pos.add(self.vel)
        if self.pos.dot(self.vel) > 1000:
            self.hits += 1
            self.vel = Vec(-self.vel.x, -self.vel.y)
class Heavy(Particle):
    def step(self):
        Particle.step(self)
        self.hits += 0
def run(n, steps):
    ps = [Particle(i) if i % 2 else Heavy(i) for i in range(n)]
    for _ in range(steps):
        for p in ps:
            p.step()
    return sum(p.hits + p.pos.x for p in ps)
print(run(100, 400))
