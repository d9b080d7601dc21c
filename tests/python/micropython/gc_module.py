import gc
gc.collect()
print(gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled())
free0 = gc.mem_free()
alloc0 = gc.mem_alloc()
print(type(free0).__name__, type(alloc0).__name__, free0 > 0, alloc0 > 0)
big = [bytearray(1000) for _ in range(20)]
print(gc.mem_alloc() > alloc0, gc.mem_free() < free0)
big = None
gc.collect()
print(gc.mem_alloc() < alloc0 + 10000)
