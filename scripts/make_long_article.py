#!/usr/bin/env python3
"""Write one long news file for timing a long article (not used by tests).

The texts of annotated news corpora (TR-News, LGL XML files with
<article><text/></article>), in file order, each stripped, joined by a blank
line, and repeated until the file holds at least SIZE bytes:

    python3 scripts/make_long_article.py CORPORA_DIR OUT_FILE SIZE

With the development corpora, SIZE 20000000 writes 20.5 MB and SIZE
100000000 writes 100.9 MB; then, for example,
    /usr/bin/time -f "%e s %M KB" target/release/article-atlas analyze OUT_FILE --format json > /dev/null
"""

import os
import sys
import xml.etree.ElementTree as ET


def main() -> None:
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    corpora, out, size = sys.argv[1], sys.argv[2], int(sys.argv[3])
    texts = []
    for name in sorted(os.listdir(corpora)):
        if name.endswith(".xml"):
            for article in ET.parse(os.path.join(corpora, name)).getroot().iter("article"):
                text = (article.findtext("text") or "").strip()
                if text:
                    texts.append(text)
    if not texts:
        sys.exit(f"no articles in {corpora}")
    block = ("\n\n".join(texts) + "\n\n").encode("utf-8")
    with open(out, "wb") as f:
        written = 0
        while written < size:
            f.write(block)
            written += len(block)
    print(f"{written:,} bytes from {len(texts)} texts")


if __name__ == "__main__":
    main()
