import re
m = re.match(r"(\d+)-(\w+)", "123-abc rest")
print(m.group(0), m.group(1), m.group(2), m.groups(), m.start(), m.end(), m.span(2))
print(re.match("x", "abc"), re.search("b+", "abbbc").group(), re.search(r"\s", "nospace"))
print(re.sub(r"\d", "#", "a1b22c"), re.sub(r"(\w)(\d)", r"\2\1", "a1 b2"), re.sub("a", "b", "aaa", count=2))
print(re.split(r",\s*", "a, b,c,  d"), re.split(r"(\d)", "x1y2z"), re.findall(r"\d+", "10 apples and 20 pears"))
p = re.compile(r"^[a-z]+@[a-z]+\.(com|org)$")
for s in ["joe@site.com", "bad@site.net", "x@y.org"]:
    print(s, bool(p.match(s)))
print(re.match(r"a|b", "b").group(), re.match(r"a*?b", "aab").group(), re.match(r"[^abc]+", "xyzab").group(), re.match(r"(a)(b)?", "a").groups())
print(re.sub(r"x*", "-", "abc"), re.findall(r"(\w)=(\d)", "a=1 b=2"), re.escape("a.b"))
m = re.search(r"(?P<year>\d{4})-(?P<mon>\d\d)", "on 2024-05-01")
print(m.group("year"), m.group("mon"))
print(re.match(r"\bword\b", "word up").group(), re.search(r"\Bor\B", "word").group(), re.match(r".", "\n"), re.match(r"(?i)ABC", "abc").group())
print(re.sub(r"\d+", lambda m: str(int(m.group()) * 2), "1 2 30"))
try:
    re.compile("(")
except Exception as e:
    print("error for bad pattern")
