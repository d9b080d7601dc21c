class Tree:
    def __init__(self, v, *kids):
        self.v, self.kids = v, kids
    def walk(self, depth=0):
        yield depth, self.v
        for k in self.kids:
            yield from k.walk(depth + 1)
    def leaves(self):
        if not self.kids:
            yield self.v
        for k in self.kids:
            yield from k.leaves()
    def __iter__(self):
        return (v for _, v in self.walk())
t = Tree("root", Tree("a", Tree("a1"), Tree("a2")), Tree("b"))
print(list(t.walk()))
print(list(t.leaves()), list(t), "a2" in t)
class Repeater:
    def __init__(self, v, n):
        self.v, self.n = v, n
    def __iter__(self):
        for _ in range(self.n):
            yield self.v
print(list(Repeater("x", 3)), [list(Repeater(i, i)) for i in range(3)])
