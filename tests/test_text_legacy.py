"""Legacy encodings: TCVN3 and VNI text and mojibake, repaired run by run.

Test text is written with tables that are not the ones under test: TCVN3 with the
standard's (replica/legacy.py), VNI with xvnkb's (tests/data/vni_xvnkb.tsv), mojibake
with Python's own codecs.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from replica.legacy import TCVN3 as STANDARD_TCVN3
from scraper.text.legacy import FROM_TCVN3, TCVN3_CODES, TCVN3_LETTERS, VNI, repair_legacy

SENTENCE = "Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Long An tổ chức Hội nghị trí thức"
TO_TCVN3 = {ord(letter): chr(byte) for byte, letter in STANDARD_TCVN3.items() if byte != 0xA0}
XVNKB = [
    line.split("\t")
    for line in (Path(__file__).parent / "data" / "vni_xvnkb.tsv").read_text(encoding="utf-8").splitlines()
    if not line.startswith("#")
]
SEED = (Path(__file__).parents[1] / "replica" / "data" / "seed-page-cmsid-743.txt").read_text(encoding="utf-8")
PARAGRAPHS = [p.strip().lower() for p in SEED.split("\n") if len(p) > 100]
TO_VNI = {letter: code for code, letter in XVNKB}


def vni(text: str) -> str:
    return "".join(TO_VNI.get(char, char) for char in text)


def cp1252(text: str) -> str:
    """UTF-8 bytes as a browser shows them under windows-1252, its 5 unassigned bytes as C1 characters."""
    return "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in text.encode())


def test_the_tcvn3_table_is_the_standards():
    assert {code: code.translate(FROM_TCVN3) for code in TCVN3_CODES} == {
        chr(byte): letter for byte, letter in STANDARD_TCVN3.items() if byte != 0xA0
    }


def test_every_vni_code_of_xvnkbs_table_reads_as_its_letter():
    assert {code: VNI.get(code, code) for code, _ in XVNKB} == dict(XVNKB)


def test_the_vni_tables_other_codes_are_xvnkbs_with_the_marks_in_the_other_case_or_y_with_the_dot():
    xvnkb = dict(XVNKB)
    extra = {code: letter for code, letter in VNI.items() if code not in xvnkb}
    swapped = {code for code, letter in extra.items() if xvnkb.get(code[0] + code[1:].swapcase()) == letter}
    assert {code: extra[code] for code in set(extra) - swapped} == {"yï": "ỵ", "yÏ": "ỵ", "Yï": "Ỵ", "YÏ": "Ỵ"}


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


def test_text_misread_twice_is_repaired_twice():
    twice = "Liên hiệp".encode().decode("cp1252").encode().decode("cp1252")
    assert repair_legacy(twice)[0] == "Liên hiệp"


@pytest.mark.parametrize("word", ["Đồng", "Thời", "học", "Ông", "Ở"])
def test_mojibake_through_a_byte_windows_1252_leaves_undefined_is_repaired(word):
    assert repair_legacy(cp1252(word))[0] == word


def test_mojibake_of_a_one_word_title_is_repaired():
    assert repair_legacy(cp1252("Thông báo"))[0] == "Thông báo"


def test_the_soft_hyphen_is_tcvn3s_u_with_horn():
    assert repair_legacy("Tr\xadêng ®¹i häc CÇn Th¬")[0] == "Trường đại học Cần Thơ"


@pytest.mark.parametrize(
    ("typed", "text"), [("Th«ng b¸o", "Thông báo"), ("KÕt qu¶", "Kết quả"), ("Thoâng baùo", "Thông báo")]
)
def test_a_two_word_title_in_a_legacy_font_is_repaired(typed, text):
    assert repair_legacy(typed)[0] == text


def test_a_line_half_unicode_half_tcvn3_has_its_tcvn3_half_repaired():
    assert repair_legacy("Tin mới: Liªn hiÖp c¸c Héi")[0] == "Tin mới: Liên hiệp các Hội"


def test_glued_legacy_words_are_converted_for_the_splitter():
    assert repair_legacy("c«ngnghÖ vµ phèihîp")[0] == "côngnghệ và phốihợp"


def test_vni_words_glued_together_convert():
    assert repair_legacy("toång keát")[0] == "tổng kết"


def test_a_document_code_in_a_tcvn3_line_converts():
    assert repair_legacy("QuyÕt ®Þnh sè 45/2005/Q§-UB")[0] == "Quyết định số 45/2005/QĐ-UB"


def test_a_capital_before_a_closing_quote_is_no_mojibake():
    assert repair_legacy("ông LÊ” và “CÔ…") == ("ông LÊ” và “CÔ…", 0)


def test_mojibake_is_repaired_inside_unicode_text():
    assert repair_legacy("Hội nghị LiÃªn hiá»‡p tỉnh")[0] == "Hội nghị Liên hiệp tỉnh"
