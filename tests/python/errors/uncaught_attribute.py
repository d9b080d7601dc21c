# check: stderr
class Widget:
    pass
w = Widget()
print("made widget")
w.size
