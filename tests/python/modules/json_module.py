import json
print(json.dumps(1), json.dumps("s"), json.dumps([1, "a", None, True, False, 1.5]), json.dumps({"k": [1, {"n": None}]}))
print(json.dumps("quote\" back\\ nl\n tab\t"), json.dumps("é"), json.dumps([]), json.dumps({}))
print(json.loads("1"), json.loads("[1, 2.5, \"x\", null, true, false]"), json.loads('{"a": {"b": [1]}}'), json.loads(' "\\u00e9\\n" '))
data = {"name": "rt", "vals": [1, 2, 3], "nested": {"ok": True, "none": None}, "f": -0.5}
s = json.dumps(data)
print(s, json.loads(s) == data)
print(json.dumps([1, 2], separators=(",", ":")), json.dumps({"a": 1, "b": 2}, separators=(",", ":")))
print(json.loads("  [ 1 , 2 ]  "), json.loads("-12"), json.loads("1e3"), json.loads('"\\t"'))
for bad in ["", "[1,", "{'a': 1}", "nul", "[1] x", "{\"a\" 1}"]:
    try:
        json.loads(bad)
        print("parsed?!", bad)
    except ValueError:
        print("ValueError", repr(bad))
try:
    json.dumps(object())
except TypeError:
    print("TypeError not serializable")
import io
f = io.StringIO()
json.dump({"x": [1]}, f)
print(f.getvalue(), json.load(io.StringIO('{"y": 2}')))
