# hand-written serializer/parser round trip (no json module)
def dump(v):
    if v is None:
        return "null"
    if v is True:
        return "true"
    if v is False:
        return "false"
    if isinstance(v, (int, float)):
        return repr(v)
    if isinstance(v, str):
        return '"' + v.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(v, list):
        return "[" + ",".join(dump(x) for x in v) + "]"
    if isinstance(v, dict):
        return "{" + ",".join(dump(k) + ":" + dump(x) for k, x in v.items()) + "}"
    raise TypeError("cannot dump %s" % type(v).__name__)
def parse(s):
    pos = 0
    def ws():
        nonlocal pos
        while pos < len(s) and s[pos] in " \n\t":
            pos += 1
    def value():
        nonlocal pos
        ws()
        c = s[pos]
        if c == "{":
            pos += 1
            out = {}
            ws()
            if s[pos] == "}":
                pos += 1
                return out
            while True:
                k = value()
                ws()
                pos += 1
                out[k] = value()
                ws()
                c = s[pos]
                pos += 1
                if c == "}":
                    return out
        if c == "[":
            pos += 1
            out = []
            ws()
            if s[pos] == "]":
                pos += 1
                return out
            while True:
                out.append(value())
                ws()
                c = s[pos]
                pos += 1
                if c == "]":
                    return out
        if c == '"':
            pos += 1
            buf = []
            while s[pos] != '"':
                if s[pos] == "\\":
                    pos += 1
                buf.append(s[pos])
                pos += 1
            pos += 1
            return "".join(buf)
        for lit, val in (("null", None), ("true", True), ("false", False)):
            if s.startswith(lit, pos):
                pos += len(lit)
                return val
        start = pos
        while pos < len(s) and s[pos] in "+-0123456789.eE":
            pos += 1
        num = s[start:pos]
        return float(num) if any(ch in num for ch in ".eE") else int(num)
    return value()
data = {"name": "rt \"thread\"", "n": [1, -2, 3.5, 1e-7, 10 ** 20], "ok": True, "none": None, "nested": {"a": [], "b": {}}}
text = dump(data)
print(text)
back = parse(text)
print(back == data, back["n"], parse(' [ 1 , { "k" : [ true , false ] } ] '))
try:
    dump({1, 2})
except TypeError as e:
    print("TypeError", e)
