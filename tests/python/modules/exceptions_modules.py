# Module exception classes: names, bases and attributes.
import struct, json, re, binascii

for exc, fn in [(struct.error, lambda: struct.pack('b', 999)), (json.JSONDecodeError, lambda: json.loads('[')),
                (re.error, lambda: re.compile('(')), (binascii.Error, lambda: binascii.unhexlify('abc'))]:
    try:
        fn()
    except exc as e:
        print(type(e).__name__, issubclass(exc, ValueError), issubclass(exc, Exception), e)
try:
    json.loads('{"a" 1}')
except ValueError as e:
    print('caught as ValueError:', type(e).__name__)
try:
    json.loads('[1,\n 2,,]')
except json.JSONDecodeError as e:
    print(e.msg, '|', repr(e.doc), e.pos, e.lineno, e.colno)
try:
    re.compile('a\n(b')
except re.error as e:
    print(e, '|', e.msg, repr(e.pattern), e.pos, e.lineno, e.colno)
try:
    re.compile(r'\q')
except re.error as e:
    print(e.msg, e.pos)
