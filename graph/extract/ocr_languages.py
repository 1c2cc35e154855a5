"""Which tesseract languages read a scanned page, chosen from what the English pass found (data/ocr_languages.yaml).

Reading every page with every installed language would be slow (each model added costs about as much as the
first) and worse (models compete for each word). So a page is read in English, then:
- its language is told by its commonest short words (`latin_language`): a French or Spanish page is read again
  with its own model, which keeps the accents and apostrophes of names;
- the lines it could not read are another script: tesseract's script detection (osd) looks at those lines only,
  cut out and stacked into one image (`script_of`), and names the packs to read them with (`script_languages`).

>>> latin_language([{"text": t} for t in "Nous demandons aux autorités et aux juges des droits".split()], {"fra", "eng"})
'fra'
>>> latin_language([{"text": t} for t in "We urge the authorities to act".split()], {"fra", "eng"})
'eng'
"""
from __future__ import annotations

import os
import re
import subprocess
from functools import lru_cache

# A page is in another Latin-script language when at least this many of its words are that language's common
# words and they outnumber English's (a French page of 300 words has 40-60; an English page quoting a French
# name has 1-3).
MIN_LANGUAGE_WORDS = 5
# Tesseract's script detection on the stacked unread lines: below this confidence it is a guess (a line of
# specks, a logo), and the lines stay as the English pass read them.
MIN_SCRIPT_CONFIDENCE = 1.0
OSD_SECONDS = 30
_WORD = re.compile(r"[^\W\d_]+")


def load_languages() -> tuple[dict[str, frozenset[str]], dict[str, tuple[str, ...]]]:
    """The curated common words by Latin-script language, and packs by script."""
    from ..curated import expect, read_yaml

    name = "ocr_languages.yaml"
    data = read_yaml(name)
    latin = expect(data, "latin", dict, name)
    scripts = expect(data, "scripts", dict, name)
    words = {lang: frozenset(w.casefold() for w in expect(latin, lang, list, name, at="latin")) for lang in latin}
    packs = {script: tuple(expect(scripts, script, list, name, at="scripts")) for script in scripts}
    return words, packs


@lru_cache(maxsize=1)
def _languages() -> tuple[dict[str, frozenset[str]], dict[str, tuple[str, ...]]]:
    return load_languages()


def latin_language(words: list[dict], installed: set[str]) -> str:
    """The installed Latin-script language whose common words a page's reading has most of; English unless
    another has MIN_LANGUAGE_WORDS and more than English."""
    common, _ = _languages()
    counts = {lang: 0 for lang in common if lang in installed or lang == "eng"}
    for w in words:
        for t in _WORD.findall(w["text"].casefold()):
            for lang in counts:
                counts[lang] += t in common[lang]
    best = max(counts, key=lambda k: (counts[k], k == "eng"))
    return best if best == "eng" or (counts[best] >= MIN_LANGUAGE_WORDS and counts[best] > counts["eng"]) else "eng"


def script_languages(script: str | None, installed: set[str]) -> tuple[str, ...]:
    """The installed packs for a script osd named (none when the script has none installed)."""
    _, packs = _languages()
    return tuple(p for p in packs.get(script or "", ()) if p in installed)


def other_script_languages(installed: set[str]) -> tuple[str, ...]:
    """Every installed pack of another script: what unread lines are read with when osd cannot tell."""
    _, packs = _languages()
    return tuple(dict.fromkeys(p for ps in packs.values() for p in ps if p in installed))


def script_of(image: str) -> str | None:
    """The script tesseract's osd sees in an image (of the unread lines), or None when it cannot tell."""
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    try:
        out = subprocess.run(["tesseract", image, "stdout", "--psm", "0", "-l", "osd"], capture_output=True,
                             text=True, timeout=OSD_SECONDS, env=env).stdout
    except (OSError, subprocess.TimeoutExpired):
        return None
    script = re.search(r"^Script:\s*(\S+)", out, re.M)
    conf = re.search(r"^Script confidence:\s*([\d.]+)", out, re.M)
    if not script or not conf or float(conf.group(1)) < MIN_SCRIPT_CONFIDENCE:
        return None
    return script.group(1)
