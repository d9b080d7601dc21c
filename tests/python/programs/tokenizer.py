# a small expression tokenizer, parser and evaluator
def tokenize(src):
    toks = []
    i = 0
    while i < len(src):
        c = src[i]
        if c.isspace():
            i += 1
        elif c.isdigit() or c == ".":
            j = i
            while j < len(src) and (src[j].isdigit() or src[j] == "."):
                j += 1
            toks.append(("num", float(src[i:j]) if "." in src[i:j] else int(src[i:j])))
            i = j
        elif c.isalpha() or c == "_":
            j = i
            while j < len(src) and (src[j].isalnum() or src[j] == "_"):
                j += 1
            toks.append(("name", src[i:j]))
            i = j
        elif c in "+-*/()^,":
            toks.append(("op", c))
            i += 1
        else:
            raise SyntaxError("bad char %r at %d" % (c, i))
    return toks
class Parser:
    def __init__(self, toks, env):
        self.toks = toks
        self.pos = 0
        self.env = env
    def peek(self):
        return self.toks[self.pos] if self.pos < len(self.toks) else ("eof", None)
    def take(self):
        t = self.peek()
        self.pos += 1
        return t
    def expr(self):
        v = self.term()
        while self.peek() in (("op", "+"), ("op", "-")):
            op = self.take()[1]
            r = self.term()
            v = v + r if op == "+" else v - r
        return v
    def term(self):
        v = self.power()
        while self.peek() in (("op", "*"), ("op", "/")):
            op = self.take()[1]
            r = self.power()
            v = v * r if op == "*" else v / r
        return v
    def power(self):
        v = self.unary()
        if self.peek() == ("op", "^"):
            self.take()
            return v ** self.power()
        return v
    def unary(self):
        if self.peek() == ("op", "-"):
            self.take()
            return -self.unary()
        return self.atom()
    def atom(self):
        kind, val = self.take()
        if kind == "num":
            return val
        if kind == "name":
            if self.peek() == ("op", "("):
                self.take()
                args = [self.expr()]
                while self.peek() == ("op", ","):
                    self.take()
                    args.append(self.expr())
                self.expect(")")
                return self.env[val](*args)
            return self.env[val]
        if (kind, val) == ("op", "("):
            v = self.expr()
            self.expect(")")
            return v
        raise SyntaxError("unexpected %r" % (val,))
    def expect(self, c):
        if self.take() != ("op", c):
            raise SyntaxError("expected %r" % c)
env = {"x": 3, "max": max, "min": min, "abs": abs}
for src in ["1 + 2 * 3", "(1 + 2) * 3", "2 ^ 3 ^ 2", "-x ^ 2", "max(1, x * 4, 7) - min(2, 1)", "10 / 4", "abs(-2.5) * 2", "2 ^ 100", "1 +", "3 $ 4", "(1"]:
    try:
        print(src, "=", Parser(tokenize(src), env).expr())
    except SyntaxError as e:
        print(src, "-> SyntaxError:", e)
    except KeyError as e:
        print(src, "-> unknown", e)
