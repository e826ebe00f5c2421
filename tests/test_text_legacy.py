"""Legacy encodings: TCVN3 and VNI text, mojibake, and page bytes under a wrong or missing charset."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from scraper.text.legacy import TCVN3_CODES, TCVN3_LETTERS, VNI, decode_html, repair_legacy

SENTENCE = "Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Long An tổ chức Hội nghị trí thức"
TO_TCVN3 = str.maketrans(TCVN3_LETTERS, TCVN3_CODES)
SEED = (Path(__file__).parents[1] / "replica" / "data" / "seed-page-cmsid-743.txt").read_text(encoding="utf-8")
PARAGRAPHS = [p.strip().lower() for p in SEED.split("\n") if len(p) > 100]
TO_VNI = {letter: code for code, letter in sorted(VNI.items(), reverse=True) if code[1:].islower() or len(code) == 1}


def vni(text: str) -> str:
    return "".join(TO_VNI.get(char, char) for char in text)


def cp1258(text: str) -> bytes:
    """Text as windows-1258 writes it: base letters with their shape, tone marks combining."""
    tones = "\u0300\u0301\u0303\u0309\u0323"
    out = []
    for char in text:
        marks = unicodedata.normalize("NFD", char)
        shape = unicodedata.normalize("NFC", "".join(c for c in marks if c not in tones))
        out.append(shape + "".join(c for c in marks if c in tones))
    return "".join(out).encode("cp1258")


def test_tcvn3_text_is_repaired():
    assert repair_legacy("Liªn hiÖp c¸c Héi Khoa häc vµ Kü thuËt") == ("Liên hiệp các Hội Khoa học và Kỹ thuật", 8)


def test_vni_text_is_repaired():
    assert repair_legacy("Lieân hieäp caùc Hoäi")[0] == "Liên hiệp các Hội"


def test_utf8_read_as_windows_1252_is_repaired():
    assert repair_legacy("LiÃªn hiá»‡p")[0] == "Liên hiệp"


def test_utf8_read_as_latin_1_is_repaired():
    assert repair_legacy(SENTENCE.encode().decode("latin-1"))[0] == SENTENCE


def test_a_whole_sentence_in_tcvn3_comes_back_exactly():
    assert repair_legacy(SENTENCE.lower().translate(TO_TCVN3))[0] == SENTENCE.lower()


@pytest.mark.parametrize("paragraph", PARAGRAPHS)
def test_seed_paragraphs_typed_in_tcvn3_come_back(paragraph):
    assert repair_legacy(paragraph.translate(TO_TCVN3))[0] == paragraph


@pytest.mark.parametrize("paragraph", PARAGRAPHS)
def test_seed_paragraphs_typed_in_vni_come_back(paragraph):
    assert repair_legacy(vni(paragraph))[0] == paragraph


def test_every_tcvn3_code_has_its_own_letter():
    assert len(set(TCVN3_CODES)) == len(TCVN3_CODES) == len(set(TCVN3_LETTERS))


def test_every_vietnamese_vowel_has_a_vni_spelling():
    vowels = {
        unicodedata.normalize("NFC", v + t) for v in "aăâeêioôơuưy" for t in ("", *"\u0300\u0301\u0303\u0309\u0323")
    }
    assert vowels - {"a", "e", "i", "o", "u", "y"} <= set(VNI.values())


@pytest.mark.parametrize(
    "text",
    [SENTENCE, "Giá 20° và ½ kg", "«Tỉnh ủy» và © 2024", "Café Olé", "© Bản quyền", "Müller, Österreich"],
)
def test_unicode_text_is_never_touched(text):
    assert repair_legacy(text) == (text, 0)


def test_a_lone_legacy_code_is_no_evidence():
    assert repair_legacy("© 2024") == ("© 2024", 0)


def test_the_http_charset_is_honoured():
    assert decode_html(SENTENCE.encode("utf-16"), "utf-16") == (SENTENCE, "utf-16")


def test_the_meta_charset_is_honoured_without_an_http_one():
    page = b'<meta http-equiv="Content-Type" content="text/html; charset=windows-1258">' + cp1258(SENTENCE)
    text, codec = decode_html(page, None)
    assert codec == "cp1258" and text.endswith(SENTENCE)


def test_utf8_bytes_win_over_a_wrong_single_byte_label():
    assert decode_html(SENTENCE.encode(), "iso-8859-1") == (SENTENCE, "utf-8")


def test_windows_1258_behind_a_western_label_is_detected():
    assert decode_html(cp1258(SENTENCE), "windows-1252") == (SENTENCE, "cp1258")


def test_undeclared_windows_1258_is_detected_and_composed():
    text, codec = decode_html(cp1258(SENTENCE), None)
    assert (text, codec) == (SENTENCE, "cp1258") and unicodedata.is_normalized("NFC", text)


def test_a_false_utf8_label_falls_back_to_detection():
    assert decode_html(cp1258(SENTENCE), "utf-8") == (SENTENCE, "cp1258")


def test_an_unknown_label_is_passed_over():
    assert decode_html(SENTENCE.encode(), "x-no-such-charset") == (SENTENCE, "utf-8")


def test_bytes_that_are_not_vietnamese_fall_back_to_windows_1252():
    assert decode_html("Café crème".encode("cp1252"), None) == ("Café crème", "cp1252")


def test_tcvn3_bytes_decode_for_repair_later():
    text, codec = decode_html("Liªn hiÖp c¸c Héi".encode("cp1252"), None)
    assert codec == "cp1252" and repair_legacy(text)[0] == "Liên hiệp các Hội"
