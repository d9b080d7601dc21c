class GA:
    def __init__(self):
        self.present = 1
    def __getattribute__(self, name):
        if name == "magic":
            return "from getattribute"
        return object.__getattribute__(self, name)
ga = GA()
print(ga.magic, ga.present)
