# string-keyed dicts: word frequency counting and lookups
def run(rounds):
    vocab = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa"]
    keys = [v + str(i) for i in range(50) for v in vocab]
    counts = {}
    for r in range(rounds):
        for k in keys:
            counts[k] = counts.get(k, 0) + r
    attrs = {"name": 1, "value": 2, "next": 3}
    acc = 0
    for _ in range(20000):
        acc += attrs["name"] + attrs["value"] + attrs["next"]
    return sum(counts.values()) + len(counts) + acc
print(run(240))
