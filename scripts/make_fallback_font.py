#!/usr/bin/env python3
"""Write data/fonts/DejaVuSans-Fallback.ttf: the letters of DejaVu Sans that
the pictures' and the app's typeface (Ubuntu Light, egui's default) lacks
and place names use: Latin with every accent (Latin Extended-A, B and
Additional: Vietnamese "ộ", Arabic transliteration "ḩ"), IPA letters,
combining marks, Greek, Cyrillic and Arabic.

Only the letters Ubuntu Light lacks are kept: a picture's renderer (usvg)
sets a whole word in the fallback font when that font has all its letters,
and a fallback without "R", "a" or "f" makes it take only the "ḩ" of
"Rafaḩ" from there, as the app (egui) does, and as the labels are measured.

Usage: python3 scripts/make_fallback_font.py DejaVuSans.ttf Ubuntu-Light.ttf [OUT]

Ubuntu-Light.ttf is egui's, in the cargo registry:
~/.cargo/registry/src/*/epaint_default_fonts-0.37.0/fonts/Ubuntu-Light.ttf.

DejaVuSans.ttf comes from Debian's fonts-dejavu-core package
(`apt-get download fonts-dejavu-core; dpkg-deb -x fonts-dejavu-core_*.deb x`,
then x/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf). Needs fontTools
(`pip install fonttools`). The licence (Bitstream Vera, DejaVu changes in
the public domain) allows a subset under a name without "Bitstream" or
"Vera": see data/NOTICE.
"""
import sys

from fontTools import subset
from fontTools.ttLib import TTFont

RANGES = [
    (0x00A0, 0x00FF),  # Latin-1
    (0x0100, 0x024F),  # Latin Extended-A and B
    (0x0250, 0x02FF),  # IPA letters, spacing modifiers ("ʻ", "ʿ")
    (0x0300, 0x036F),  # combining marks
    (0x0370, 0x03FF),  # Greek
    (0x0400, 0x04FF),  # Cyrillic
    (0x0600, 0x06FF),  # Arabic
    (0x1E00, 0x1EFF),  # Latin Extended Additional
    (0x2000, 0x206F),  # general punctuation
]


def main():
    source, primary = sys.argv[1], sys.argv[2]
    out = sys.argv[3] if len(sys.argv) > 3 else "data/fonts/DejaVuSans-Fallback.ttf"
    has = set(TTFont(primary).getBestCmap())
    options = subset.Options()
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    font = subset.load_font(source, options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=[c for lo, hi in RANGES for c in range(lo, hi + 1) if c not in has])
    subsetter.subset(font)
    subset.save_font(font, out, options)


if __name__ == "__main__":
    main()
