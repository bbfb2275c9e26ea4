#!/usr/bin/env python3
"""Writes common-passwords.txt: passwords of 12+ characters that people pick from well-known
patterns (a popular word or keyboard run plus digits, years or '!'). Shorter ones are refused
by the length rule anyway, so they are not listed. Run: python3 generate-common-passwords.py"""
import itertools, pathlib

words = """password passw0rd p@ssw0rd letmein iloveyou welcome admin administrator qwerty
qwertyuiop asdfghjkl zxcvbnm dragon monkey football baseball basketball soccer hockey
sunshine princess master shadow superman batman spiderman starwars whatever trustno1
changeme covacha michael jennifer jordan hunter ranger buster charlie thomas robert
daniel jessica ashley michelle nicole summer winter autumn spring flower freedom
computer internet secret secure security login access default welcome1 hello
helloworld loveme lovely mustang harley pepper ginger cookie chocolate banana orange
apple samsung google facebook microsoft linkedin twitter pokemon minecraft naruto
matrix liverpool chelsea arsenal barcelona madrid yankees cowboys eagles steelers
marketplace shopping customer myaccount mypassword newpassword oldpassword passport
""".split()
seqs = ["123", "1234", "12345", "123456", "1234567", "12345678", "123456789",
        "1234567890", "0000", "1111", "2222", "69", "007", "111", "321", "4321", "54321",
        "!", "!!", "1!", "123!", "@123", "#1", "01", "1"]
years = [str(y) for y in range(1990, 2031)]
suffixes = seqs + years[-20:] + [y + "!" for y in years[-8:]]

out = set()
def add(p):
    if 12 <= len(p) <= 128:
        out.add(p.lower())

for w in words:
    for s in suffixes:
        add(w + s)
    add(w + w)
    for s in seqs[:8]:
        add(s + w)
    for w2 in words[:10]:
        add(w + w2)
for n in range(12, 21):
    add(("12345678901234567890")[:n])
    add(("09876543210987654321")[:n])
    add(("qwertyuiopasdfghjklzxcvbnm")[:n])
    add(("abcdefghijklmnopqrstuvwxyz")[:n])
    add(("1q2w3e4r5t6y7u8i9o0p")[:n])
    add(("qazwsxedcrfvtgbyhnujm")[:n])
    for c in "abcdefghijklmnopqrstuvwxyz0123456789!*.":
        add(c * n)
for a, b in itertools.product(["ab", "abc", "12", "123", "xo", "ha"], range(4, 11)):
    add(a * b)

path = pathlib.Path(__file__).with_name("common-passwords.txt")
path.write_text("\n".join(sorted(out)) + "\n")
print(len(out), "entries written to", path)
