#!/usr/bin/python3
"""Regenerates the bundled English text corpus from the Debian packages bible-kjv and bible-kjv-text.

Takes four narrative books of the King James Version (public domain), prints them with the package's own
reader, drops the verse references, normalises whitespace and writes one verse per line, UTF-8, gzip-compressed
without a file name or time stamp, so the output bytes depend only on the package's text.

Usage: python3 harness/scripts/bundle_kjv_text.py [output.txt.gz]
"""

import gzip
import hashlib
import os
import re
import subprocess
import sys

# (reference range as the 'bible' reader writes it, verses expected)
BOOKS = [
    ("Genesis", "Ge1:1-50:26", 1533),
    ("Exodus", "Ex1:1-40:38", 1213),
    ("Ruth", "Ru1:1-4:22", 85),
    ("Esther", "Es1:1-10:3", 167),
]
DEFAULT_OUT = os.path.join(
    os.path.dirname(os.path.abspath(__file__)),
    "..", "src", "main", "resources", "org", "leakbench", "data", "text", "kjv-narrative.txt.gz")
# "Ge1:1 In the beginning ..." -> reference, text
VERSE = re.compile(r"^([1-3]?[A-Za-z]+)(\d+):(\d+) (.*)$")


def verses(book, spec, expected):
    # -f: one verse per line with its reference; a huge line width keeps long verses on one line
    out = subprocess.run(["bible", "-f", "-l100000", spec], check=True, capture_output=True, text=True,
                         encoding="ascii").stdout
    lines = [line for line in out.splitlines() if line.strip()]
    texts = []
    for line in lines:
        m = VERSE.match(line)
        if m is None:
            sys.exit(f"{book}: unexpected line from 'bible': {line[:80]!r}")
        texts.append(" ".join(m.group(4).split()))
    if len(texts) != expected:
        sys.exit(f"{book}: expected {expected} verses, got {len(texts)}")
    return texts


def main():
    out_path = os.path.normpath(sys.argv[1] if len(sys.argv) > 1 else DEFAULT_OUT)
    text = "".join(verse + "\n" for book, spec, n in BOOKS for verse in verses(book, spec, n))
    data = text.encode("utf-8")
    with open(out_path, "wb") as raw:
        with gzip.GzipFile(filename="", mode="wb", compresslevel=9, fileobj=raw, mtime=0) as gz:
            gz.write(data)
    with open(out_path, "rb") as f:
        packed = f.read()
    print(f"{out_path}: {len(data)} bytes of text, {len(packed)} compressed")
    print(f"sha256 text {hashlib.sha256(data).hexdigest()}")
    print(f"sha256 gz   {hashlib.sha256(packed).hexdigest()}")


if __name__ == "__main__":
    main()
