class Key:
    def __init__(self, a, b):
        self.a, self.b = a, b
    def __eq__(self, o):
        return (self.a, self.b) == (o.a, o.b)
    def __hash__(self):
        return hash((self.a, self.b))
d = {Key(1, 2): "one-two", Key(3, 4): "three-four"}
print(d[Key(1, 2)], Key(3, 4) in d, Key(5, 6) in d, len({Key(1, 1), Key(1, 1), Key(1, 2)}))
class CountingHash:
    calls = 0
    def __hash__(self):
        CountingHash.calls += 1
        return 7
    def __eq__(self, o):
        return self is o
c = CountingHash()
s = {c}
print(c in s, CountingHash.calls >= 2)
class Coll:
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        return 1
    def __eq__(self, o):
        return self.v == o.v
many = {Coll(i): i for i in range(50)}
print(len(many), many[Coll(33)])
