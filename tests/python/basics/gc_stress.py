# lots of short-lived and long-lived objects; results must stay consistent
class Node:
    def __init__(self, v, nxt=None):
        self.v = v
        self.nxt = nxt
def build(n):
    head = None
    for i in range(n):
        head = Node(i, head)
    return head
def total(head):
    s = 0
    while head:
        s += head.v
        head = head.nxt
    return s
keep = []
for round_ in range(20):
    lst = build(500)
    junk = [str(i) * 3 for i in range(300)]
    d = {("k", i): [i] * 3 for i in range(200)}
    if round_ % 5 == 0:
        keep.append((lst, d))
    assert total(lst) == 500 * 499 // 2
    assert len("".join(junk)) == sum(len(str(i)) * 3 for i in range(300))
print(len(keep), [total(l) for l, _ in keep], sum(len(d) for _, d in keep))
big = []
for i in range(3000):
    big.append({"id": i, "name": "n%d" % i, "tags": [i % 7, i % 11]})
print(sum(x["id"] for x in big), big[1234]["name"], big[-1]["tags"])
s = ""
for i in range(2000):
    s = s + chr(97 + i % 26)
    if len(s) > 100:
        s = s[50:]
print(len(s), s[:10])
