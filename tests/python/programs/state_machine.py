class Machine:
    transitions = {
        ("idle", "start"): "running",
        ("running", "pause"): "paused",
        ("paused", "resume"): "running",
        ("running", "stop"): "idle",
        ("paused", "stop"): "idle",
    }
    def __init__(self):
        self.state = "idle"
        self.log = []
    def fire(self, event):
        key = (self.state, event)
        if key not in self.transitions:
            raise ValueError("bad event %r in state %r" % (event, self.state))
        old, self.state = self.state, self.transitions[key]
        self.log.append("%s-%s->%s" % (old, event, self.state))
m = Machine()
for ev in ["start", "pause", "resume", "stop", "pause", "start", "stop"]:
    try:
        m.fire(ev)
    except ValueError as e:
        print("error:", e)
print(m.state)
print("\n".join(m.log))
def lexer_states(s):
    state, out, cur = "space", [], ""
    for ch in s + " ":
        if state == "space":
            if ch.isdigit():
                state, cur = "num", ch
            elif ch.isalpha():
                state, cur = "word", ch
        elif state == "num":
            if ch.isdigit():
                cur += ch
            else:
                out.append(int(cur))
                state = "word" if ch.isalpha() else "space"
                cur = ch
        elif state == "word":
            if ch.isalnum():
                cur += ch
            else:
                out.append(cur)
                state = "space"
    return out
print(lexer_states("abc 123 x9 42 end"))
