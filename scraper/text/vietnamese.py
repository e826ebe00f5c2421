"""The Vietnamese syllable, as a grammar: onset, rhyme (medial, nucleus, coda) and tone.

Two things are built on it: one tone-mark style for the whole archive ("hòa" or
"hoà"), and splitting tokens that glue valid syllables together ("phốihợp").
Only written syllables the grammar knows are touched; anything else — names,
acronyms, foreign words, typos such as "Mội" that still are syllables — stays.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

# Tone marks, as combining characters.
GRAVE, ACUTE, TILDE, HOOK, DOT = "\u0300", "\u0301", "\u0303", "\u0309", "\u0323"
TONES = frozenset((GRAVE, ACUTE, TILDE, HOOK, DOT))
# Codas p, t, c, ch take only the sắc or nặng tone.
STOP_TONES = frozenset((ACUTE, DOT))

ONSETS = (
    "ngh", "ng", "nh", "ngh", "gh", "gi", "kh", "ph", "th", "tr", "ch", "qu",
    "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", "",
)  # fmt: skip
RHYMES = frozenset(
    """
    a ac ach ai am an ang anh ao ap at au ay ăc ăm ăn ăng ăp ăt âc âm ân âng âp ât âu ây
    e ec em en eng eo ep et ê êch êm ên ênh êp êt êu
    i ia ich iêc iêm iên iêng iêp iêt iêu im in inh ip it iu
    o oa oac oach oai oam oan oang oanh oao oap oat oay oăc oăm oăn oăng oăt oc oe oen oeo oet
    oi om on ong ooc oong op ot ô ôc ôi ôm ôn ông ôp ôt ơ ơi ơm ơn ơp ơt
    u ua uân uâng uât uây uc uê uêch uênh uy uya uych uyên uyêt uynh uyt uyu ui um un ung
    uôc uôi uôm uôn uông uôt up ut uơ ư ưa ưc ưi ưm ưn ưng ươc ươi ươm ươn ương ươp ươt ươu ưt ưu
    y yêm yên yêng yêt yêu
    """.split()
)
FRONT = frozenset("ieêy")  # k, gh, ngh come only before these; c, g, ng never do
# Open rhymes whose tone sits on the first vowel in the "hòa" style and on the second in "hoà".
TWO_STYLE_RHYMES = frozenset(("oa", "oe", "uy"))
STYLES = ("hòa", "hoà")
MAX_READINGS = 32


def _letters(syllable: str) -> tuple[str, str]:
    """(letters without tone, tone mark or ""), or ("", "?") when it carries two tones."""
    base, tone = [], ""
    for char in unicodedata.normalize("NFD", syllable):
        if char in TONES:
            if tone:
                return "", "?"
            tone = char
        else:
            base.append(char)
    return unicodedata.normalize("NFC", "".join(base)), tone


def _split_onset(word: str) -> list[tuple[str, str]]:
    """Every (onset, rhyme) reading of a toneless lower-case word that the spelling rules allow."""
    readings = []
    for onset in ONSETS:
        if not word.startswith(onset):
            continue
        rhyme = word[len(onset) :]
        if onset == "qu":
            if rhyme and (rhyme in RHYMES or "u" + rhyme in RHYMES) and not rhyme.startswith("u"):
                readings.append((onset, rhyme))
            continue
        if onset == "gi" and rhyme and rhyme[0] in "iê":
            continue
        if rhyme not in RHYMES:
            continue
        first = rhyme[0]
        if onset in ("k", "gh", "ngh") and first not in FRONT:
            continue
        if onset in ("c", "g", "ng") and first in FRONT and not (onset == "g" and first == "i"):
            continue
        readings.append((onset, rhyme))
    return readings


@lru_cache(maxsize=65536)
def parse(syllable: str) -> tuple[str, str, str] | None:
    """(onset, rhyme, tone) of a written syllable, lower-case and toneless; None when it is none."""
    base, tone = _letters(syllable.lower())
    if tone == "?" or not base:
        return None
    for onset, rhyme in _split_onset(base):
        if rhyme[-1] in "ptc" and tone not in STOP_TONES:  # "ch" ends in c too
            continue
        return onset, rhyme, tone
    return None


def is_syllable(token: str) -> bool:
    return parse(token) is not None


@lru_cache(maxsize=65536)
def restyle(syllable: str, style: str) -> str:
    """The syllable with its tone where ``style`` puts it ("hòa" or "hoà"); other syllables unchanged."""
    found = parse(syllable)
    if found is None or found[1] not in TWO_STYLE_RHYMES or not found[2]:
        return syllable
    if not (syllable.islower() or syllable.isupper() or syllable.istitle()):
        return syllable  # "oÀ" is no word: only words in one of the three casings are restyled
    onset, _, tone = found
    first = len(onset)
    target = first if style == "hòa" else first + 1
    letters = [_letters(char)[0] for char in syllable]
    letters[target] = unicodedata.normalize("NFC", letters[target] + tone)
    return "".join(letters)


def _has_vietnamese_mark(token: str) -> bool:
    return "đ" in token.lower() or any(unicodedata.combining(c) for c in unicodedata.normalize("NFD", token))


@lru_cache(maxsize=65536)
def split_glued(token: str) -> tuple[str, ...] | None:
    """The one way ``token`` splits into valid syllables, or None (valid, ambiguous, or not Vietnamese).

    Acronyms and names with an inner capital ("UBND", "LongAn") and words without any
    Vietnamese mark ("online") are never split: they are not glued Vietnamese words.
    """
    if len(token) < 4 or is_syllable(token) or not token.isalpha() or not _has_vietnamese_mark(token):
        return None
    if any(c.isupper() for c in token[1:]):
        return None
    found: list[tuple[str, ...]] = []

    def walk(start: int, parts: tuple[str, ...]) -> None:
        if len(found) > MAX_READINGS:
            return
        if start == len(token):
            found.append(parts)
            return
        for end in range(start + 1, min(len(token), start + 7) + 1):
            piece = token[start:end]
            if is_syllable(piece):
                walk(end, (*parts, piece))

    walk(0, ())
    # "phố|i|hợp" reads too, but a lone vowel glued between two words is far less likely:
    # the readings with the fewest syllables win, if one alone has that few.
    fewest = min((len(parts) for parts in found), default=0)
    best = [parts for parts in found if len(parts) == fewest]
    return best[0] if len(best) == 1 and fewest > 1 else None
