import sys
sys.path.insert(0, "_lib")
import circ_a
import circ_b
print(circ_a.get_b(), circ_b.get_a(), circ_a.circ_b is circ_b)
