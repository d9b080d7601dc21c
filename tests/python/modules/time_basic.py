# time: calendar conversions (UTC), strftime, clocks and sleeping.
import time

for s in [0, 86399, 86400, -1, 951782400, 1709210096, 4102444800, -2208988800]:
    t = time.gmtime(s)
    print(t)
    print(tuple(t), t.tm_year, t.tm_yday, t[6], len(t), time.mktime(time.gmtime(s)) == s if s >= 0 else '')
t = time.gmtime(1709210096)
print(time.strftime('%Y-%m-%d %H:%M:%S', t), time.strftime('%a %A %b %B %j %p %I %y %w %%', t))
print(time.strftime('%c|%x|%X|%U|%W|%e', t), time.asctime(t), time.ctime(0) if time.timezone == 0 else '')
print(time.strftime('%H:%M', (2024, 1, 2, 3, 4, 5, 1, 2, 0)), time.mktime((2024, 13, 1, 0, 0, 0, 0, 0, 0)) - time.mktime((2025, 1, 1, 0, 0, 0, 0, 0, 0)))
st = time.struct_time((2020, 2, 29, 12, 30, 45, 5, 60, 0))
print(st, st.tm_mon, st == (2020, 2, 29, 12, 30, 45, 5, 60, 0))
t0 = time.time()
m0 = time.monotonic()
time.sleep(0.05)
t1 = time.time()
m1 = time.monotonic()
print(0.04 < t1 - t0 < 2, 0.04 < m1 - m0 < 2, type(time.time_ns()).__name__, time.time_ns() > 1.6e18)
for bad in [lambda: time.sleep(-1), lambda: time.gmtime(float('inf'))]:
    try:
        bad()
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)
