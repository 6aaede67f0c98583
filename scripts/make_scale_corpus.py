#!/usr/bin/env python3
"""Write a folder of news-like articles for timing collections (not used by tests).

Each file is a title line, then texts of annotated news corpora (TR-News, LGL
XML files with <article><title/><text/></article>) chosen at random and
repeated until the file holds about SIZE bytes.

    python3 scripts/make_scale_corpus.py CORPORA_DIR OUT_DIR [COUNT] [SIZE]

With COUNT 10000 and SIZE 100000 (the defaults) it writes about 1 GB in
folders of 1,000 files; then time the collection with
    /usr/bin/time -v target/release/article-atlas analyze OUT_DIR --aggregate > aggregate.json
"""

import os
import random
import sys
import xml.etree.ElementTree as ET


def main() -> None:
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    corpora, out = sys.argv[1], sys.argv[2]
    count = int(sys.argv[3]) if len(sys.argv) > 3 else 10_000
    size = int(sys.argv[4]) if len(sys.argv) > 4 else 100_000
    texts = []
    for name in sorted(os.listdir(corpora)):
        if not name.endswith(".xml"):
            continue
        for article in ET.parse(os.path.join(corpora, name)).getroot().iter("article"):
            text = (article.findtext("text") or "").strip()
            if text:
                texts.append(((article.findtext("title") or "").strip(), text))
    if not texts:
        sys.exit(f"no articles in {corpora}")
    random.seed(1)
    total = 0
    for i in range(count):
        title = texts[i % len(texts)][0] or "News"
        parts, length = [], 0
        while length < size:
            text = random.choice(texts)[1]
            parts.append(text)
            length += len(text) + 2
        body = title + "\n\n" + "\n\n".join(parts) + "\n"
        folder = os.path.join(out, f"{i // 1000:02d}")
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, f"a{i:05d}.txt"), "w", encoding="utf-8") as f:
            f.write(body)
        total += len(body.encode())
    print(f"{count} files, {total / 1e6:.0f} MB from {len(texts)} texts")


if __name__ == "__main__":
    main()
