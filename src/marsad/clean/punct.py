"""Repair punctuation that scrapers and careless CMS pasting break, never touching a word.

Every rule only deletes punctuation or the spaces right before punctuation, so the
sequence of words is the same before and after (a property test checks it).

Two levels: fixes that are always safe (a comma fused with a stop, a space before
punctuation), and stray-stop removal, which only runs on a text that shows the damage
(several fused comma-stops). In clean news a stop before "إلى ذلك" or a spaced " . " is a
real sentence end (ANT: 31,462 of 31,525 texts have no fused comma-stop at all; applied
to every text, the stray-stop rule would drop 488 stops in ANT and 1,760 in SaudiNewsNet,
and all 25 ANT cases read by hand were real sentence ends; gated, it drops none there
and 5 in seed 001).
"""

from __future__ import annotations

import re

from marsad.clean.tables import continuation_words, fold

# A text with at least this many fused comma-stops ("،." ",." "، ." ". ،") was damaged
# by its scraper. Measured (bench/clean_punct.py): seed 001 has 7; no ANT text and 1 of
# 31,030 SaudiNewsNet texts has 3 or more.
DAMAGE_MIN = 3

# Sentence openers built on a continuation word ("على سبيل المثال،", "إلى ذلك،") end in a
# comma within this many words after it.
OPENER_WORDS = 3

# "،." / ",." / "، ." / ".،" / ". ،": a comma and a stop fused; the comma is the intended one.
_COMMA_STOP = re.compile(r"([،,])[ \t]*\.(?!\.)|(?<!\.)\.[ \t]*([،,])")
# A lone stop between two words: "وبيونج يانج . اتفاقية".
_LONE_STOP = re.compile(r"(?<=\w) \.(?!\.) (?=\w)")
# Spaces before closing punctuation: "الأطلسي ، جاء" -> "الأطلسي، جاء".
_SPACE_BEFORE = re.compile(r"(?<=[\w\"”»)])[ \t]+(?=[،؛؟!,;:.](?:\s|$))")
# A stop followed by the next word (single stop, not an ellipsis, not a decimal point).
_STOP_WORD = re.compile(r"(?<=\w)\.(?!\.) +((?:\w|[\u0610-\u061A\u064B-\u065F\u0670])+)([^\s\w]?)")
# Accusative adverbs ("جزئيًا") continue the clause they follow; tanween may sit before or
# after the final alef. One with a conjunction (ووفقاً، ونظراً) opens a new sentence.
_TANWEEN_ADVERB = re.compile(r"^[^وف]\w+(?:\u064Bا|ا\u064B)$")


def stop_damage(text: str) -> int:
    """How many fused comma-stops a text has (the sign of a damaged scrape)."""
    return len(_COMMA_STOP.findall(text))


def _opens_with_comma(m: re.Match[str]) -> bool:
    """ "إلى ذلك،" / "على سبيل المثال،": a comma within the next words marks an opener."""
    if m.group(2) in ("،", ","):
        return True
    following = m.string[m.end() : m.end() + 60].split()[:OPENER_WORDS]
    return any(w.endswith(("،", ",")) for w in following)


def _drop_stop(m: re.Match[str]) -> str:
    word, after = m.group(1), m.group(2)
    continues = (
        fold(word) in continuation_words() or _TANWEEN_ADVERB.search(word) is not None
    ) and not _opens_with_comma(m)
    return (" " if continues else ". ") + word + after


def repair(paragraph: str, damaged: bool = False) -> str:
    """Fix fused and spaced punctuation; with ``damaged``, also drop stray stops."""
    text = _COMMA_STOP.sub(lambda m: m.group(1) or m.group(2), paragraph)
    if damaged:
        text = _LONE_STOP.sub(" ", text)
    text = _SPACE_BEFORE.sub("", text)
    if damaged:
        text = _STOP_WORD.sub(_drop_stop, text)
    return text
