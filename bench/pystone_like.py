# a pystone-like mix: records, globals, procedure calls, string compares
IDENT1, IDENT2, IDENT3 = 1, 2, 3
class Record:
    def __init__(self, link=None, kind=0, enum=0, num=0, text=""):
        self.link = link
        self.kind = kind
        self.enum = enum
        self.num = num
        self.text = text
    def copy(self):
        return Record(self.link, self.kind, self.enum, self.num, self.text)
glob_int = 0
glob_bool = False
glob_char = "A"
glob_arr = [0] * 51
glob_arr2 = [[0] * 51 for _ in range(51)]
glob_rec = None
def proc_a(rec):
    nxt = rec.link
    rec.link.num = rec.num = 5
    nxt.link = rec.link
    nxt.num = rec.num
    proc_c(rec.link)
    if nxt.kind == IDENT1:
        nxt.num = 6
        nxt.enum = proc_f(rec.enum)
        nxt.link = glob_rec.link
        nxt.num = proc_g(nxt.num, 10)
    else:
        rec = nxt.copy()
    return rec
def proc_b(v):
    global glob_int
    loc = v + 10
    while True:
        if glob_char == "A":
            loc -= 1
            v = loc - glob_int
            break
    return v
def proc_c(rec):
    global glob_int
    if glob_rec is not None:
        rec.link = glob_rec.link
    glob_int = proc_g(10, glob_int)
    return rec
def proc_d():
    global glob_bool
    glob_bool = glob_char == "A"
def proc_e(arr, arr2, a, b):
    loc = a + 5
    arr[loc] = b
    arr[loc + 1] = arr[loc]
    arr[loc + 30] = loc
    for idx in range(loc, loc + 2):
        arr2[loc][idx] = loc
    arr2[loc][loc - 1] += 1
    arr2[loc + 20][loc] = arr[loc]
    return IDENT1
def proc_f(e):
    return IDENT3 if e == IDENT2 else IDENT2
def proc_g(a, b):
    return a + b + 2
def func_cmp(s1, s2):
    i = 1
    while i <= 1:
        if s1[i] != s2[i + 1]:
            i += 1
        else:
            i += 2
    return s1 > s2
def run(loops):
    global glob_rec, glob_char
    glob_rec = Record(Record(), IDENT1, IDENT3, 40, "DHRYSTONE PROGRAM, SOME STRING")
    s1 = "DHRYSTONE PROGRAM, 1'ST STRING"
    checksum = 0
    for i in range(loops):
        proc_d()
        glob_char = "A"
        a, b = 2, 3
        s2 = "DHRYSTONE PROGRAM, 2'ND STRING"
        ok = not func_cmp(s1, s2)
        while a < b:
            c = 5 * a - b
            c = proc_g(a, b)
            a += 1
        proc_e(glob_arr, glob_arr2, a, c)
        glob_rec = proc_a(glob_rec) or glob_rec
        checksum += proc_b(a) + c + ok
    return checksum, glob_int, glob_arr[8], glob_arr2[8][7]
print(run(25000))
