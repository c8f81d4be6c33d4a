#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Builds src/core/lexicon/data/any/linker-places.txt from ../shared/datasets/reference/.

Run by hand when the reference data changes; the output is committed:

    python3 tools/make-place-names.py ../shared/datasets/reference \
        > src/core/lexicon/data/any/linker-places.txt

Every name maps to one canonical place id:
  - countries (countries.csv): English, German and Chinese display names and the CLDR/UNTERM
    aliases → "country:ISO2";
  - China's 31 provincial-level divisions (china_provinces_census2020.csv): Chinese name with and
    without its suffix (省, 市, 自治区, …) and English name → "cn:ISO-3166-2"; the four
    municipalities take the id of their city, so 上海市 and Shanghai are one place;
  - cities of 1,000,000 inhabitants or more (cities.csv): GeoNames name, ASCII name, English,
    German and Chinese names, and the aliases written in Han characters → "city:GEONAMEID".
A name that would mean two places (Hyderabad, India and Pakistan) is left out; a city that
shares its name with its country (Singapore) keeps the country's id.
"""

import csv
import os
import sys
import unicodedata

MIN_POPULATION = 1_000_000
# Names that are also common words or given names in English or German, or substrings of
# common Chinese words ("沿海地区" holds 海地, Haiti): matching them would put a place into
# sentences that name none.
EXCLUDED = {"island", "jersey", "jordan", "chad", "queens", "guinea", "leon", "kota", "teni",
            "budta", "virar", "georgia", "victoria", "海地", "关口", "天府", "新安", "玉山", "科塔",
            "非斯", "黑角", "阿哇", "北干", "德博", "剌八", "或索", "新界"}
PROVINCE_SUFFIXES = ("维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "特别行政区", "省", "市")


def is_han(s):
    return all(unicodedata.name(c, "").startswith("CJK UNIFIED") for c in s)


def clean(name):
    name = " ".join(name.split())
    if not name or "\t" in name or "," in name or len(name) < 2:
        return None
    if any(c in name for c in "()*[]") or name.lower() in EXCLUDED:
        return None
    # Short Latin abbreviations other than the well-known ones collide with words.
    return name.lower()


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.join("..", "shared", "datasets", "reference")
    names = {}       # key → set of ids
    priority = {}    # key → rank of the strongest kind that claimed it (0 country, 1 province, 2 city)

    def add(name, place, rank):
        key = clean(name) if name else None
        if key is None:
            return
        if key in priority and priority[key] < rank:
            return
        if key in priority and priority[key] > rank:
            names[key] = set()
        priority[key] = rank
        names.setdefault(key, set()).add(place)

    with open(os.path.join(root, "countries.csv"), encoding="utf-8") as f:
        for row in csv.DictReader(f):
            place = "country:" + row["iso2"]
            for name in (row["name_en"], row["name_de"], row["name_zh"]):
                add(name, place, 0)
            for alias in row["aliases"].split("|"):
                add(alias, place, 0)

    city_of_municipality = {}
    with open(os.path.join(root, "china_provinces_census2020.csv"), encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["municipality_city_geonameid"]:
                place = "city:" + row["municipality_city_geonameid"]
                city_of_municipality[row["municipality_city_geonameid"]] = place
            else:
                place = "cn:" + row["iso_3166_2"]
            add(row["name_zh"], place, 1)
            add(row["name_en"], place, 1)
            for suffix in PROVINCE_SUFFIXES:
                if row["name_zh"].endswith(suffix) and len(row["name_zh"]) > len(suffix) + 1:
                    add(row["name_zh"][: -len(suffix)], place, 1)
                    break

    with open(os.path.join(root, "cities.csv"), encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if int(row["population"] or 0) < MIN_POPULATION:
                continue
            place = "city:" + row["geonameid"]
            # A municipality's own row was named by the province file already (rank 1).
            rank = 1 if row["geonameid"] in city_of_municipality else 2
            for name in (row["name"], row["ascii_name"], row["name_en"], row["name_de"],
                         row["name_zh"]):
                add(name, place, rank)
            for alias in row["aliases"].split("|"):
                # Two-character aliases are mostly Japanese or Traditional spellings and old
                # names; only longer ones are specific enough to find in running text.
                if alias and is_han(alias) and len(alias) > 2:
                    add(alias, place, rank)
                    if alias.endswith("市") and len(alias) > 3:
                        add(alias[:-1], place, rank)

    out = sys.stdout
    out.write("# SPDX-License-Identifier: CC-BY-4.0 AND GPL-2.0-or-later\n")
    out.write("# Place names in English, German and Chinese → one canonical place id (vera-linker.c).\n")
    out.write("# Generated by tools/make-place-names.py from ../shared/datasets/reference/\n")
    out.write("# (countries.csv, china_provinces_census2020.csv, cities.csv of %d+ inhabitants).\n"
              % MIN_POPULATION)
    out.write("# Do not edit by hand: rerun the script.\n")
    out.write("# Contains data from GeoNames (CC BY 4.0, geonames.org), the World Bank (CC BY 4.0),\n")
    out.write("# Unicode CLDR (Unicode License v3) and GNOME gweather-locations translations\n")
    out.write("# (GPL-2.0-or-later); provincial names from China's Seventh National Population Census.\n")
    for key in sorted(names):
        ids = names[key]
        if len(ids) != 1:
            continue
        out.write("%s\t%s\n" % (key, next(iter(ids))))


if __name__ == "__main__":
    main()
