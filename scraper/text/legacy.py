"""Vietnamese text from before Unicode, or decoded with the wrong table, made Unicode again.

- ``decode_html``: page bytes to NFC text, from the declared charset when it reads, else
  detected (UTF-8, then windows-1258, then windows-1252).
- ``repair_legacy``: text that was typed in a legacy font encoding, TCVN3 (ABC, fonts
  such as .VnTime: "Liªn hiÖp") or VNI-Windows ("Lieân hieäp"), or UTF-8 bytes read as
  windows-1252/latin-1 ("LiÃªn hiá»‡p"). Both readings are checked by the syllable
  grammar, so proper Unicode text is never touched.

TCVN3 here is TCVN 5712:1993 VN3, the table the .Vn fonts use: lower-case letters with
tone marks and seven capitals (Ă Â Ê Ô Ơ Ư Đ). Capitals with tone marks exist only in
the all-capitals fonts (.VnTimeH), which draw the same codes as capitals; the text
alone cannot tell them apart, so those codes decode to lower case, except in a token
whose plain letters are all capitals (≥ 2 of them): "HIÖP" → "HIỆP", but "Lª" → "Lê".
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from scraper.text.syllables import LETTERS, is_syllable

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

# Codes of the legacy tables that Vietnamese Unicode text never holds: the sign to look closer.
_CODES_NOT_VIETNAMESE = (set(TCVN3_CODES) | set("".join(VNI))) - set(LETTERS) - set(map(chr, range(128)))
LEGACY_CODE = re.compile("[" + re.escape("".join(sorted(_CODES_NOT_VIETNAMESE))) + "]")
VNI_SHAPE = re.compile("[âÂ](?<=[aeoAEO].)")  # â after a vowel: VNI's circumflex, never Vietnamese Unicode
TOKEN = re.compile(r"[^ \t\n\r]+")
# A word of legacy text: the table codes are no letters to Unicode, so words are cut at spaces,
# digits, ASCII signs and invisible characters (but the soft hyphen, TCVN3's ư).
LEGACY_WORD = re.compile(r"[^\s!-@\[-`{-~“”‘’…\x00-\x1f\x7f-\x9f\u200b-\u200d\u2060\ufeff]+")
INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad\x00-\x08\x0e-\x1f\x7f-\x9f]")
INVISIBLE_BUT_SHY = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\x00-\x08\x0e-\x1f\x7f-\x9f]")
ODD_SPACE = re.compile(r"[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\f\v]")
MOST_VALID_BEFORE = 0.5  # of its words with a non-ASCII letter: text really in a legacy table reads as few...
LEAST_VALID_AFTER = 0.8  # ...and the words the table changes, converted, as nearly all Vietnamese syllables


def _legacy_hint(text: str) -> bool:
    return bool(LEGACY_CODE.search(text) or VNI_SHAPE.search(text))


def _from_tcvn3(text: str) -> str:
    def token(match: re.Match[str]) -> str:
        word = match.group()
        new = word.translate(FROM_TCVN3)
        plain = [c for c in word if c.isascii() and c.isalpha()]
        return new.upper() if len(plain) >= 2 and all(c.isupper() for c in plain) else new

    return LEGACY_WORD.sub(token, text)


def _from_vni(text: str) -> str:
    return VNI_CODE.sub(lambda m: VNI[m.group()], text)


def _reads_as_legacy(before: str, after: str) -> int:
    """How many tokens the conversion ``before`` → ``after`` turns into Vietnamese; 0 when it should not be kept."""
    words = LEGACY_WORD.findall(before)
    pairs = [(a, b) for a, b in zip(words, LEGACY_WORD.findall(after), strict=True) if a != b]
    valid_after = sum(is_syllable(b) for _, b in pairs)
    if valid_after < LEAST_VALID_AFTER * len(pairs) or not any(len(b) > 1 and is_syllable(b) for _, b in pairs):
        return 0  # a lone code ("©" would be TCVN3's â) is no evidence
    if sum(map(is_syllable, (a for a, _ in pairs))) >= valid_after:
        return 0
    marked = [w for w in words if not w.isascii()]  # text that already reads as Vietnamese stays
    return 0 if sum(map(is_syllable, marked)) > MOST_VALID_BEFORE * len(marked) else len(pairs)


def _repair_font_encoding(paragraph: str) -> tuple[str, int]:
    """The paragraph read as TCVN3 or VNI when one of them turns it into Vietnamese, and tokens changed."""
    if not _legacy_hint(paragraph):
        return paragraph, 0
    # read as the later steps will leave it (composed, without invisible characters), so a second pass agrees
    probe = unicodedata.normalize("NFC", INVISIBLE_BUT_SHY.sub("", paragraph))
    best, changed = paragraph, 0
    for convert in (_from_tcvn3, _from_vni):
        after = convert(probe)
        n = _reads_as_legacy(probe, after)
        if n > changed:
            best, changed = after, n
    return best, changed


def _utf8_from_misread(token: str) -> str | None:
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


def _repair_mojibake(token: str) -> str:
    """A token of misread UTF-8 decoded; tried also as the whitespace step will leave it, so a second pass agrees."""
    fixed = _utf8_from_misread(token)
    if fixed is not None:
        return fixed
    cleaned = INVISIBLE.sub("", token)
    pieces = ODD_SPACE.split(cleaned)
    repaired = [_utf8_from_misread(p) if MOJIBAKE.search(p) else None for p in pieces]
    if not any(repaired):
        return token
    return " ".join(new or old for new, old in zip(repaired, pieces, strict=True))


def repair_legacy(text: str) -> tuple[str, int]:
    """Text with mojibake and legacy-font paragraphs made Unicode; and how many tokens were repaired."""
    if not MOJIBAKE.search(text) and not _legacy_hint(text):
        return text, 0
    repaired = 0

    def mojibake(match: re.Match[str]) -> str:
        nonlocal repaired
        token = match.group()
        if not MOJIBAKE.search(token):
            return token
        new = _repair_mojibake(token)
        repaired += new != token
        return new

    text = TOKEN.sub(mojibake, text)
    paragraphs = text.split("\n")
    for i, paragraph in enumerate(paragraphs):
        paragraphs[i], n = _repair_font_encoding(paragraph)
        repaired += n
    return "\n".join(paragraphs), repaired


# --- page bytes ---------------------------------------------------------------------------
META_CHARSET = re.compile(rb"<meta[^>]+?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.IGNORECASE)
WESTERN = frozenset(("cp1252", "latin_1", "iso8859_15", "ascii"))
LETTER_RUN = re.compile(r"[^\W\d_]+")


def _codec(label: str | None) -> str | None:
    try:
        return codecs.lookup(label.strip()).name if label else None
    except LookupError:
        return None


def _vietnamese_words(text: str) -> int:
    """Words with a non-ASCII letter that are Vietnamese syllables: how Vietnamese a reading looks."""
    return sum(1 for w in LETTER_RUN.findall(text) if not w.isascii() and is_syllable(w))


def _misread(body: bytes, codec: str, text: str) -> bool:
    """Whether a declared codec that decoded the bytes still got them wrong (mojibake)."""
    if codec == "utf-8" or body.isascii():
        return False
    try:
        body.decode("utf-8")
        return True  # valid UTF-8 under a single-byte label: the label is the common server mistake
    except UnicodeDecodeError:
        pass
    if codec in WESTERN:  # undeclared windows-1258 behind a western label
        cp1258 = unicodedata.normalize("NFC", body.decode("cp1258", errors="replace"))
        return _vietnamese_words(cp1258) > _vietnamese_words(unicodedata.normalize("NFC", text))
    return False


def _detect(body: bytes) -> tuple[str, str]:
    try:
        return body.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    cp1258 = unicodedata.normalize("NFC", body.decode("cp1258", errors="replace"))
    cp1252 = body.decode("cp1252", errors="replace")
    if _vietnamese_words(cp1258) > _vietnamese_words(cp1252):
        return cp1258, "cp1258"
    return cp1252, "cp1252"


def decode_html(body: bytes, http_charset: str | None = None) -> tuple[str, str]:
    """(NFC text, codec used) of a page: the HTTP charset, then the page's meta charset, then detection.

    A declared charset is passed over when the bytes do not decode with it, or decode to
    mojibake: UTF-8 bytes under a single-byte label, or windows-1258 under a western one.
    windows-1258 writes tone marks as combining characters, so the text is always NFC'd.
    """
    meta = META_CHARSET.search(body[:4096])
    for label in (http_charset, meta.group(1).decode("ascii") if meta else None):
        codec = _codec(label)
        if codec is None:
            continue
        try:
            text = body.decode("utf-8-sig" if codec == "utf-8" else codec)
        except UnicodeDecodeError:
            continue
        if not _misread(body, codec, text):
            return unicodedata.normalize("NFC", text), codec
    text, codec = _detect(body)
    return unicodedata.normalize("NFC", text), codec
