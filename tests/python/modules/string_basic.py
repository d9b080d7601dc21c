# string: constants and capwords.
import string

for n in ['ascii_letters', 'ascii_lowercase', 'ascii_uppercase', 'digits', 'hexdigits', 'octdigits',
          'punctuation', 'printable', 'whitespace']:
    print(n, repr(getattr(string, n)))
print(string.capwords('  hello   world  '), string.capwords('a-b c', '-'), string.capwords(''))
