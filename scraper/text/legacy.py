"""Vietnamese text from before Unicode, or decoded with the wrong table, made Unicode again.

Repair works on runs, not paragraphs, so a title, a table cell or half a line is
repaired on its own, and Unicode text around it is left alone:
- UTF-8 bytes read as windows-1252 or latin-1, once or twice ("LiÃªn", "LiÃƒÂªn"):
  each run of non-ASCII characters is decoded back while it decodes as strict UTF-8,
  and kept when the result holds only characters text holds.
- Text typed in a legacy font encoding, TCVN3 (ABC, fonts such as .VnTime: "Liªn hiÖp")
  or VNI-Windows ("Lieân hieäp"): a word is converted when it is no Vietnamese syllable
  and its reading in the line's encoding is one. A line's encoding is the one that
  turns the most of its unreadable words into syllables, and at least as many as it
  leaves unreadable, with one of them longer than a letter: a lone "©" or a foreign
  word ("Pokémon", "résumé") is no evidence. Words that read already are never touched.

TCVN3 here is TCVN 5712:1993 VN3, the table the .Vn fonts use: lower-case letters with
tone marks and seven capitals (Ă Â Ê Ô Ơ Ư Đ). Capitals with tone marks exist only in
the all-capitals fonts (.VnTimeH), which draw the same codes as capitals; the text
alone cannot tell them apart, so those codes decode to lower case, except in a token
whose plain letters are all capitals (≥ 2 of them): "HIÖP" → "HIỆP", but "Lª" → "Lê".
The tables are this module's own; tests check them against the standard's (replica/legacy.py,
from GNU libiconv's tcvn.h) and against xvnkb's VNI table (tests/data/vni_xvnkb.tsv).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache

from scraper.text.splitting import split_glued
from scraper.text.syllables import LETTERS, WORDS_CACHED, is_syllable

# --- TCVN3: one code per letter --------------------------------------------------------------
TCVN3_LETTERS = "àảãáạăằẳẵắặâầẩẫấậđèẻẽéẹêềểễếệìỉĩíịòỏõóọôồổỗốộơờởỡớợùủũúụưừửữứựỳỷỹýỵĂÂÊÔƠƯĐ"
TCVN3_CODES = "µ¶·¸¹¨»¼½¾Æ©ÇÈÉÊË®ÌÎÏÐÑªÒÓÔÕÖ×ØÜÝÞßáâãä«åæçèé¬êëìíîïñòóô\xadõö÷øùúûüýþ¡¢£¤¥¦§"
FROM_TCVN3 = str.maketrans(TCVN3_CODES, TCVN3_LETTERS)


# --- VNI-Windows: a plain letter followed by marks, or one code ----------------------------------
def _vni_table() -> dict[str, str]:
    """Every VNI sequence with a non-ASCII code → its Unicode letter, in both letter cases.

    Shapes: â ê ô are base + "â", ă is a + "ê", ơ is "ô", ư is "ö", đ is "ñ". Tones follow
    as "ù ø û õ ï" (sắc huyền hỏi ngã nặng), merged with the shape for â ê ô ("á à å ã ä")
    and ă ("é è ú ü ë"); i takes one code per tone ("í ì æ ó ò"), and ỵ is "î" in the
    fonts' table though "yï" is seen too.
    """
    tones = ("\u0301", "\u0300", "\u0309", "\u0303", "\u0323")
    plain_marks = "ùøûõï"
    shapes = {  # letter → (base, shape code, tone codes replacing the shape code or following it)
        "a": ("a", "", plain_marks), "e": ("e", "", plain_marks), "o": ("o", "", plain_marks),
        "u": ("u", "", plain_marks), "y": ("y", "", plain_marks),
        "â": ("a", "â", "áàåãä"), "ê": ("e", "â", "áàåãä"), "ô": ("o", "â", "áàåãä"), "ă": ("a", "ê", "éèúüë"),
        "ơ": ("ô", "", plain_marks), "ư": ("ö", "", plain_marks),
    }  # fmt: skip
    lower: dict[str, str] = {"ñ": "đ", "í": "í", "ì": "ì", "æ": "ỉ", "ó": "ĩ", "ò": "ị", "î": "ỵ"}
    for letter, (base, shape, marks) in shapes.items():
        if shape or base != letter:
            lower[base + shape] = letter
        for tone, mark in zip(tones, marks, strict=True):
            merged = shape and base in "aeo"
            lower[base + mark if merged else base + shape + mark] = unicodedata.normalize("NFC", letter + tone)
    table: dict[str, str] = {}
    for code, letter in lower.items():
        first, marks = code[0], code[1:]
        # the case of the base letter decides; the marks may be typed in either case
        for mark_case in (marks, marks.upper()):
            table[first + mark_case] = letter
            table[first.upper() + mark_case] = letter.upper()
    return {code: letter for code, letter in table.items() if not code.isascii()}


VNI = _vni_table()
VNI_CODE = re.compile("|".join(sorted(map(re.escape, VNI), key=len, reverse=True)))

# --- UTF-8 read as windows-1252 or latin-1 -----------------------------------------------------
CP1252_BYTE = {bytes([b]).decode("cp1252"): b for b in range(0x80, 0xA0) if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)}
# A UTF-8 lead byte (Â Ã Ä Å Æ Ì Í for two bytes, á â for three) read as a character, then a continuation byte.
MOJIBAKE = re.compile("[ÂÃÄÅÆÌÍáâ][\x80-\xbf" + re.escape("".join(CP1252_BYTE)) + "]")
# UTF-8 sequences are all bytes ≥ 0x80, so misread ones are runs of non-ASCII characters:
# repairing run by run leaves the ASCII around them (and the spaces later steps add) out of it.
NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]+")
MOJIBAKE_ROUNDS = 3  # text misread twice ("LiÃƒÂªn") needs two
# What decoded mojibake of Vietnamese text may hold; anything else ("LÊ”" read as UTF-8 is "Lʔ") is a false alarm.
UNLIKELY_IN_TEXT = re.compile(
    "[^\t\n\x20-\x7e\xa0-\xffĂăĐđĨĩŨũƠơƯư\u1ea0-\u1ef9\u0300-\u0303\u0306\u0309\u031b\u0323"
    "\u2010-\u2027\u2030-\u203a\u20ac\u2122]"
)
ODD_SPACE = re.compile(r"[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\f\v\x80-\x9f\u00ad]")

# --- legacy fonts ----------------------------------------------------------------------------
# A word of legacy text: the table codes are no letters to Unicode, so words are cut at spaces,
# digits, ASCII signs and invisible characters (but the soft hyphen, TCVN3's ư).
LEGACY_WORD = re.compile(r"[^\s!-@\[-`{-~“”‘’…\x00-\x1f\x7f-\x9f\u200b-\u200d\u2060\ufeff]+")
LINE_BREAK = re.compile(r"(\r\n?|[\n\u2028\u2029])")
_CODES = set(TCVN3_CODES) | {c for code in VNI for c in code if not c.isascii()}
LEGACY_CHAR = re.compile("[" + re.escape("".join(sorted(_CODES))) + "]")
MOSTLY = 0.5  # a stretch whose marked words mostly do not read is legacy text through and through
STRETCH_END = re.compile('[:;|()\\[\\]"“”«»–—•]')


@lru_cache(maxsize=WORDS_CACHED)
def _from_tcvn3(word: str) -> str:
    """A word read as TCVN3; all its codes upper case when its plain letters are (.VnTimeH text)."""
    new = word.translate(FROM_TCVN3)
    plain = [c for c in word if c.isascii() and c.isalpha()]
    return new.upper() if len(plain) >= 2 and all(c.isupper() for c in plain) else new


@lru_cache(maxsize=WORDS_CACHED)
def _from_vni(word: str) -> str:
    return VNI_CODE.sub(lambda m: VNI[m.group()], word)


@lru_cache(maxsize=WORDS_CACHED)
def _unreadable(word: str) -> bool:
    """A word with a legacy code in it that is no Vietnamese syllable, nor two glued ones, as it stands."""
    return bool(LEGACY_CHAR.search(word)) and not is_syllable(word) and split_glued(word) is None


_READABLE: set[str] = set()  # words seen to read: most of a corpus, so a text's words are checked by one set difference
# Runs of non-spaces whose every word reads. A word never spans a space, so a text whose
# runs are all here has no word to repair; splitting on spaces is far cheaper than on words.
_READABLE_RUNS: set[str] = set()
MAX_READABLE = 500_000
MAX_RUN_CHARS = 100  # a longer run is checked but not kept: text without spaces must not fill the cache


def _any_unreadable(words: set[str]) -> bool:
    unknown = words.difference(_READABLE)
    if any(map(_unreadable, unknown)):
        return True
    if len(_READABLE) + len(unknown) > MAX_READABLE:
        _READABLE.clear()
    _READABLE.update(unknown)
    return False


def _any_unreadable_in(text: str) -> bool:
    """Whether a word of ``text`` has a legacy code and reads as no syllable: asked of its unknown runs only."""
    runs = set(text.split()).difference(_READABLE_RUNS)
    if not runs:
        return False
    if _any_unreadable(set(LEGACY_WORD.findall(" ".join(runs)))):
        return True
    if len(_READABLE_RUNS) + len(runs) > MAX_READABLE:
        _READABLE_RUNS.clear()
    _READABLE_RUNS.update(run for run in runs if len(run) <= MAX_RUN_CHARS)
    return False


def reads_as_is(text: str) -> bool:
    """Whether the legacy-font repair leaves ``text`` alone: each of its words with a legacy code reads already."""
    return not (LEGACY_CHAR.search(text) and any(map(_unreadable, LEGACY_WORD.findall(text))))


def _acronym(word: str) -> bool:
    """Capitals that are no syllable ("QĐ"): read in a line of legacy text, but no evidence of one."""
    return not is_syllable(word) and split_glued(word) is None and word.isupper()


def _reads(word: str, whole: bool) -> bool:
    """A syllable, two glued ones ("phốihợp"), or in a line of legacy text an acronym ("QĐ")."""
    if is_syllable(word) or split_glued(word) is not None:
        return True
    return whole and word.isupper() and all(char in LETTERS for char in word)


def _spread(line: str, words: list[re.Match[str]], convert: Callable[[str], str], found: dict) -> None:
    """Words that read already convert too when they stand next to a converted word, space between.

    "KÕt thóc líp" is TCVN3 for "Kết thúc lớp": "thóc" and "líp" are valid syllables, but
    beside "KÕt" they are the same legacy text. Unicode words beside legacy text are
    written apart from it (a colon, a line, a cell), so they do not spread.
    """
    for order in (range(1, len(words)), range(len(words) - 2, -1, -1)):
        for i in order:
            j = i - 1 if order.step == 1 else i + 1
            match, other = words[i], words[j]
            if match.start() in found or other.start() not in found:
                continue
            gap = line[min(match.end(), other.end()) : max(match.start(), other.start())]
            new = convert(match.group())
            if gap.isspace() and new != match.group() and is_syllable(new):
                found[match.start()] = (match.end(), new)


def _conversions(
    line: str, words: list[re.Match[str]], convert: Callable[[str], str], whole: list[bool]
) -> dict[int, tuple[int, str]]:
    """{start: (end, new word)} for the words ``convert`` turns into syllables; {} when that is no evidence.

    Evidence is words that do not read becoming words that do: at least half of them, one
    longer than a letter. ``whole``, per word: its stretch of the line is legacy text through
    and through, so words that happen to read already ("Tõ", TCVN3 for "Từ") convert too;
    elsewhere they do when they stand next to a converted word.
    """
    found: dict[int, tuple[int, str]] = {}
    unreadable = evidence = 0
    for match, legacy_stretch in zip(words, whole, strict=True):
        word = match.group()
        bad = _unreadable(word)
        unreadable += bad
        if not (bad or (legacy_stretch and LEGACY_CHAR.search(word))):
            continue
        new = convert(word)
        if new != word and _reads(new, legacy_stretch):
            found[match.start()] = (match.end(), new)
            evidence += bad and len(new) > 1 and not _acronym(new)
    converted = sum(_unreadable(match.group()) for match in words if match.start() in found)
    if not evidence or 2 * converted < unreadable:
        return {}
    _spread(line, words, convert, found)
    return found


def _legacy_stretches(line: str, words: list[re.Match[str]]) -> list[bool]:
    """Per word, whether its stretch (the line cut at ":", ";", "|", brackets, quotes, dashes) is legacy text.

    It is when most of its marked words do not read, or when some do not and most of the
    line's do not; a Unicode label before legacy text ("Thông báo: Liªn") is its own stretch.
    """
    stretches: list[list[int]] = []
    for i, match in enumerate(words):
        if not i or STRETCH_END.search(line, words[i - 1].end(), match.start()):
            stretches.append([])
        stretches[-1].append(i)
    unreadable = [sum(_unreadable(words[i].group()) for i in stretch) for stretch in stretches]
    line_legacy = sum(unreadable) > MOSTLY * len(words)
    whole = [False] * len(words)
    for stretch, bad in zip(stretches, unreadable, strict=True):
        for i in stretch:
            whole[i] = bad > MOSTLY * len(stretch) or (line_legacy and bad > 0)
    return whole


def _repair_line(line: str) -> tuple[str, int]:
    """The line with its legacy-font words converted, in the encoding that converts most; and how many."""
    if not any(map(_unreadable, LEGACY_WORD.findall(line))):  # the common case: a line that reads
        return line, 0
    words = [m for m in LEGACY_WORD.finditer(line) if not m.group().isascii()]
    whole = _legacy_stretches(line, words)
    best: dict[int, tuple[int, str]] = {}
    best_score = (0, 0, 0)
    for convert in (_from_tcvn3, _from_vni):
        found = _conversions(line, words, convert, whole)
        # more syllables, then more words; on a tie the reading that merges letter and mark ("eä" → "ệ")
        shrunk = sum(end - start - len(new) for start, (end, new) in found.items())
        score = (sum(is_syllable(new) for _, new in found.values()), len(found), shrunk)
        if score > best_score:
            best, best_score = found, score
    if not best:
        return line, 0
    parts, last = [], 0
    for start in sorted(best):
        end, new = best[start]
        parts += [line[last:start], new]
        last = end
    parts.append(line[last:])
    return "".join(parts), len(best)


def _repair_fonts(text: str) -> tuple[str, int]:
    """Each line's legacy-font words converted, and how many."""
    parts = LINE_BREAK.split(text)  # lines at even places, their breaks at odd ones
    total = 0
    for i in range(0, len(parts), 2):
        if LEGACY_CHAR.search(parts[i]):
            parts[i], n = _repair_line(parts[i])
            total += n
    return "".join(parts), total


# --- mojibake ---------------------------------------------------------------------------------
def _decode_once(token: str) -> str | None:
    """``token`` as the UTF-8 text its characters are the windows-1252/latin-1 bytes of, or None."""
    raw = bytearray()
    for char in token:
        code = ord(char)
        if code < 0x100:
            raw.append(code)
        elif char in CP1252_BYTE:
            raw.append(CP1252_BYTE[char])
        else:
            return None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _utf8_from_misread(token: str) -> str | None:
    """``token`` decoded back as often as it was misread (up to three times), or None when it is no mojibake."""
    text = _decode_once(token)
    for _ in range(MOJIBAKE_ROUNDS - 1):
        if text is None or not MOJIBAKE.search(text):
            break
        again = _decode_once(text)
        if again is None:
            break
        text = again
    return None if text is None or UNLIKELY_IN_TEXT.search(text) else text


def _repair_mojibake(run: str) -> str:
    """A run of misread UTF-8 decoded; else its pieces between odd spaces and C1 bytes, each on its own."""
    fixed = _utf8_from_misread(run)
    if fixed is not None:
        return fixed
    pieces = ODD_SPACE.split(run)
    if len(pieces) == 1:
        return run
    seps = ODD_SPACE.findall(run)
    out = [pieces[0] if not MOJIBAKE.search(pieces[0]) else (_utf8_from_misread(pieces[0]) or pieces[0])]
    for sep, piece in zip(seps, pieces[1:], strict=True):
        out += [sep, (_utf8_from_misread(piece) or piece) if MOJIBAKE.search(piece) else piece]
    return "".join(out)


def _repair_all_mojibake(text: str) -> tuple[str, int]:
    repaired = 0

    def mojibake(match: re.Match[str]) -> str:
        nonlocal repaired
        run = match.group()
        if not MOJIBAKE.search(run):
            return run
        new = _repair_mojibake(run)
        repaired += new != run
        return new

    return NON_ASCII_RUN.sub(mojibake, text), repaired


def repair_legacy(text: str) -> tuple[str, int]:
    """Text with mojibake runs and legacy-font words made Unicode; and how many runs and words were repaired."""
    repaired = 0
    if MOJIBAKE.search(text):
        text, repaired = _repair_all_mojibake(text)
    if LEGACY_CHAR.search(text) and _any_unreadable_in(text):
        text, n = _repair_fonts(text)  # the common case, text whose every word reads, never gets here
        repaired += n
    return text, repaired
