import circ_b
A_VAL = "a"
def get_b():
    return circ_b.B_VAL
