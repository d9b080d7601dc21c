import circ_a
B_VAL = "b"
def get_a():
    return circ_a.A_VAL
