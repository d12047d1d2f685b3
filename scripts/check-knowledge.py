#!/usr/bin/env python3
"""Validate the knowledge base (enrollment failures and app install error codes) (en/nl/fr) against the agreed schema.

Run: python3 scripts/check-knowledge.py (a stage of scripts/test.sh). The Rust tests in src/knowledge.rs
check completeness; this adds typography and style rules for the prose.
Exits non-zero on the first failed assertion.
"""
import json
import os
import re
import sys

HERE = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "knowledge", "enrollment")
LANGS = ("en", "nl", "fr")

REASONS = {
    "iosTimeout", "userNotLicensed", "deviceAlreadyEnrolled", "notOnboarded",
    "authorizationFailed", "deviceNotSupported", "restrictionsNotMet",
    "versionTooLow", "versionTooHigh", "personalBlocked", "platformBlocked",
    "bulkTokenExpired", "autopilotDeviceNotFound", "autopilotProfileNotAssigned",
    "autopilotMethodUnexpected", "autopilotDeviceRemoved", "deviceCapReached",
    "appleOnboarding", "notPreregistered", "featureNotSupported",
}
CATEGORIES = {
    "unknown", "authentication", "authorization", "accountValidation",
    "userValidation", "deviceNotSupported", "inMaintenance", "badRequest",
    "featureNotSupported", "enrollmentRestrictionsEnforced",
    "clientDisconnected", "userAbandonment",
}
PLATFORMS = {"ios", "androidEmail", "androidUsb", "androidVerbose", "windows"}
ACTORS = {"user", "operator", "admin"}
LINK_PREFIX = "https://learn.microsoft.com/"
NBSP = "\u00a0"


def load(lang):
    with open(os.path.join(HERE, f"{lang}.json"), encoding="utf-8") as f:
        return json.load(f)


def strings(doc, path="$"):
    """Yield (path, value) for every string in doc, except JSON keys."""
    if isinstance(doc, dict):
        for k, v in doc.items():
            yield from strings(v, f"{path}.{k}")
    elif isinstance(doc, list):
        for i, v in enumerate(doc):
            yield from strings(v, f"{path}[{i}]")
    elif isinstance(doc, str):
        yield path, doc


def prose(doc):
    """Translatable strings only: no language code, actors or links."""
    for p, s in strings(doc):
        if p == "$.language" or p.endswith(".actor") or p.endswith(".link"):
            continue
        yield p, s


def check_steps(steps, where, lo, hi):
    assert isinstance(steps, list), f"{where}: steps must be a list"
    assert lo <= len(steps) <= hi, f"{where}: {len(steps)} steps, expected {lo}-{hi}"
    for i, st in enumerate(steps):
        assert set(st) == {"actor", "text"}, f"{where}[{i}]: keys {sorted(st)}"
        assert st["actor"] in ACTORS, f"{where}[{i}]: bad actor {st['actor']!r}"


def check_one(lang, doc):
    assert set(doc) == {"language", "reasons", "categories", "collectData", "appInstallErrors"}, \
        f"{lang}: top-level keys {sorted(doc)}"
    assert doc["language"] == lang, f"{lang}: language field is {doc['language']!r}"
    assert set(doc["reasons"]) == REASONS, f"{lang}: reason keys differ: {set(doc['reasons']) ^ REASONS}"
    assert set(doc["categories"]) == CATEGORIES, f"{lang}: category keys differ: {set(doc['categories']) ^ CATEGORIES}"
    assert set(doc["collectData"]) == PLATFORMS, f"{lang}: collectData keys differ: {set(doc['collectData']) ^ PLATFORMS}"

    for k, r in doc["reasons"].items():
        w = f"{lang}.reasons.{k}"
        assert set(r) == {"explanation", "steps", "resources"}, f"{w}: keys {sorted(r)}"
        check_steps(r["steps"], w + ".steps", 2, 5)
        assert 1 <= len(r["resources"]) <= 2, f"{w}: {len(r['resources'])} resources"
        for i, res in enumerate(r["resources"]):
            assert set(res) == {"text", "link"}, f"{w}.resources[{i}]: keys {sorted(res)}"
            assert res["link"].startswith(LINK_PREFIX), f"{w}.resources[{i}]: link {res['link']}"

    for k, c in doc["categories"].items():
        w = f"{lang}.categories.{k}"
        assert set(c) == {"explanation", "steps"}, f"{w}: keys {sorted(c)}"
        if k == "unknown":
            assert c["steps"] == [], f"{w}: unknown must have no steps"
        else:
            check_steps(c["steps"], w + ".steps", 1, 4)

    for k, c in doc["collectData"].items():
        w = f"{lang}.collectData.{k}"
        assert set(c) == {"intro", "steps", "link"}, f"{w}: keys {sorted(c)}"
        assert 3 <= len(c["steps"]) <= 6, f"{w}: {len(c['steps'])} steps"
        assert all(isinstance(s, str) for s in c["steps"]), f"{w}: steps must be strings"
        assert c["link"].startswith(LINK_PREFIX), f"{w}: link {c['link']}"

    assert len(doc["appInstallErrors"]) >= 15, f"{lang}: only {len(doc['appInstallErrors'])} app install error codes"
    for k, e in doc["appInstallErrors"].items():
        w = f"{lang}.appInstallErrors.{k}"
        assert re.fullmatch(r"0x[0-9A-F]{8}", k), f"{w}: key must be the code as 0x followed by 8 upper-case hex digits"
        assert set(e) == {"message", "explanation", "steps"}, f"{w}: keys {sorted(e)}"
        check_steps(e["steps"], w + ".steps", 1, 3)

    for p, s in strings(doc):
        w = f"{lang}:{p}"
        assert s, f"{w}: empty string"
        assert s == s.strip(), f"{w}: not trimmed"
        assert "{" not in s and "}" not in s, f"{w}: curly brace"
        assert not re.search(r"<[a-zA-Z/!]|&[a-z]+;|\*\*|`|\]\(|^#|\n", s), f"{w}: HTML/markdown/newline: {s!r}"

    if lang == "fr":
        for p, s in prose(doc):
            w = f"fr:{p}"
            assert "'" not in s, f"{w}: ASCII apostrophe: {s!r}"
            assert not re.search(r"[ \t\u202f]?[ \t][:;?!]", s), f"{w}: normal space before punctuation: {s!r}"
            # Every : ; ? ! must follow a no-break space, except a drive letter such as C:\
            for m in re.finditer(r"[:;?!]", s):
                i = m.start()
                if s[i] == ":" and i > 0 and s[i - 1].isalpha() and s[i + 1:i + 2] == "\\":
                    continue
                assert i > 0 and s[i - 1] == NBSP, f"{w}: missing no-break space before {s[i]!r} in {s!r}"


def shape(doc):
    """Actor sequences and links: must be identical across languages."""
    return {
        "reasons": {k: ([s["actor"] for s in r["steps"]], [x["link"] for x in r["resources"]])
                    for k, r in doc["reasons"].items()},
        "categories": {k: [s["actor"] for s in c["steps"]] for k, c in doc["categories"].items()},
        "collectData": {k: (len(c["steps"]), c["link"]) for k, c in doc["collectData"].items()},
        "appInstallErrors": {k: [s["actor"] for s in e["steps"]] for k, e in doc["appInstallErrors"].items()},
    }


def main():
    docs = {lang: load(lang) for lang in LANGS}
    for lang, doc in docs.items():
        check_one(lang, doc)

    base = shape(docs["en"])
    for lang in ("nl", "fr"):
        other = shape(docs[lang])
        for section in base:
            for k in base[section]:
                assert base[section][k] == other[section][k], \
                    f"{lang}.{section}.{k}: actors/links/step count differ from en: {other[section][k]} vs {base[section][k]}"

    en = dict(prose(docs["en"]))
    for lang in ("nl", "fr"):
        tr = dict(prose(docs[lang]))
        assert set(tr) == set(en), f"{lang}: string paths differ from en"
        same = [p for p in en if en[p] == tr[p]]
        assert not same, f"{lang}: untranslated strings: {same}"

    for lang in LANGS:
        path = os.path.join(HERE, f"{lang}.json")
        print(f"{lang}.json: {os.path.getsize(path)} bytes")
    print(f"OK: en/nl/fr knowledge base is consistent ({len(docs['en']['appInstallErrors'])} app install error codes)")


if __name__ == "__main__":
    try:
        main()
    except AssertionError as e:
        print(f"FAIL: {e}", file=sys.stderr)
        sys.exit(1)
