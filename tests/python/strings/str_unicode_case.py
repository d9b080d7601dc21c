# case mapping beyond ASCII
print("naïve café".upper(), "ÀÉÎÕÜ".lower(), "Σ".lower(), "ω".upper())
print("éa".capitalize(), "élan vital".title(), "ÉCOLE".swapcase(), "Ä".isupper(), "ä".islower())
