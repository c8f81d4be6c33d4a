#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes N generated news-style articles (about 5 KB each) into a folder, deterministically.

The articles mix headings, list items, statistics with units and currencies, quotes with named
people, predictions, causal claims, boilerplate and, now and then, a foreign-script spam line, so
every stage of the analysis has work to do. Usage: make-corpus.py N FOLDER
"""
import os
import random
import sys

CITIES = ["Harbourview", "Lakeside", "Northgate", "Riverton", "Eastfield", "Westbrook",
          "Kingsport", "Millbrook", "Stonehaven", "Brightwater"]
NOUNS = ["electric buses", "tech firms", "foreign engineers", "startups", "patents",
         "research labs", "hospital beds", "school places", "charging stations", "apartments"]
PEOPLE = ["Maria Okafor", "Jonas Berg", "Anika Weiss", "Tomás Rivera", "Li Wei", "Sara Haddad",
          "Pieter de Vries", "Aiko Tanaka", "Ravi Menon", "Elena Petrova"]
ROLES = ["director of the city's transport office", "chair of the finance committee",
         "chief economist at the chamber of commerce", "professor of urban planning",
         "deputy mayor for housing", "head of the port authority"]
SPAM = ["免费看片网站入口", "иди сюда казино бонус", "上海品牌特价1314", "カジノ無料ボーナス"]


def sentence(rng, city):
    n = rng.choice(NOUNS)
    k = rng.randint(1, 400) * rng.choice([1, 10, 100, 1000])
    year = rng.randint(2015, 2026)
    pct = rng.randint(2, 95)
    person = rng.choice(PEOPLE)
    role = rng.choice(ROLES)
    kinds = [
        f"{city} now has {k:,} {n}, up {pct}% since {year}.",
        f"The council approved €{rng.randint(2, 900)} million for new {n} in {year}.",
        f"\"We expect to double the number of {n} by {year + 5},\" said {person}, {role}.",
        f"According to {person}, {role}, the city ranks {rng.randint(1, 20)} nationally for {n}.",
        f"Prices rose {pct}% last quarter because demand for {n} outpaced supply.",
        f"Analysts say the programme will cost ${rng.randint(1, 90)}.{rng.randint(0, 9)} billion over five years.",
        f"It was the largest investment in {n} in the region's history.",
        f"Residents gathered on a sunny afternoon to talk about the new {n}.",
        f"The plan, announced on Tuesday, has been debated for months.",
        f"Officials did not respond to a request for comment.",
    ]
    return rng.choice(kinds)


def article(rng, index):
    city = rng.choice(CITIES)
    lines = [f"{city} Weighs the Future of Its {rng.choice(NOUNS).title()}", ""]
    while sum(len(l) for l in lines) < 4800:
        if rng.random() < 0.1:
            lines += [f"Chapter {rng.randint(1, 9)}: The {rng.choice(NOUNS).title()}", ""]
        para = " ".join(sentence(rng, city) for _ in range(rng.randint(2, 5)))
        if rng.random() < 0.05:
            para = rng.choice(SPAM) + para
        lines += [para, ""]
        if rng.random() < 0.15:
            lines += [f"• {rng.randint(2, 90)} new {rng.choice(NOUNS)}" for _ in range(3)] + [""]
    return "\n".join(lines)


def main():
    count = int(sys.argv[1])
    folder = sys.argv[2]
    os.makedirs(folder, exist_ok=True)
    rng = random.Random(20261122)
    for i in range(count):
        with open(os.path.join(folder, f"article-{i:05d}.txt"), "w", encoding="utf-8") as f:
            f.write(article(rng, i))


if __name__ == "__main__":
    main()
