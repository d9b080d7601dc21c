# containers that contain themselves print as [...] / {...}
r = [1]
r.append(r)
print(r)
d = {}
d["self"] = d
print(d)
t = ([],)
t[0].append(t)
print(t)
