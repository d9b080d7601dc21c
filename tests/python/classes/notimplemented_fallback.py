class Meters:
    def __init__(self, v):
        self.v = v
    def __add__(self, o):
        if isinstance(o, Meters):
            return Meters(self.v + o.v)
        return NotImplemented
    def __radd__(self, o):
        if isinstance(o, (int, float)):
            return Meters(self.v + o)
        return NotImplemented
    def __eq__(self, o):
        if isinstance(o, Meters):
            return self.v == o.v
        return NotImplemented
    def __lt__(self, o):
        if isinstance(o, Meters):
            return self.v < o.v
        return NotImplemented
    def __repr__(self):
        return "Meters(%r)" % self.v
print(Meters(1) + Meters(2), 5 + Meters(1), sum([Meters(1), Meters(2)], Meters(0)), sum([Meters(3)]))
try:
    Meters(1) + "x"
except TypeError as e:
    print("TypeError", e)
print(Meters(1) == Meters(1), Meters(1) == 1, Meters(1) != 1, Meters(2) > Meters(1))
class Other:
    def __radd__(self, o):
        return "Other.__radd__ with %r" % (o,)
    def __gt__(self, o):
        return "Other.__gt__"
print(Meters(1) + Other(), Meters(1) < Other())
