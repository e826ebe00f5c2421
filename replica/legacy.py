"""TCVN3 as the standard defines it, so the replica's legacy-font pages are not made with the table that reads them.

TCVN3 (TCVN 5712:1993 VN3, the encoding of the ".VnTime" / ".VnArial" fonts) keeps ASCII and
adds 75 characters in 0xA0-0xFE: the no-break space, the 7 uppercase letters Ă Â Ê Ô Ơ Ư Đ
and the 67 lowercase Vietnamese letters with diacritics; it has no uppercase toned letters.

Source: the byte → code point table of GNU libiconv's ``lib/tcvn.h`` ("TCVN-5712",
``tcvn_2uni_2``, Free Software Foundation), which is VN1, the full form of the standard;
VN3 is its subset described in Wikipedia's "VSCII" article (the 75 characters above).
The VN1-only entries (uppercase toned letters at 0xAF, 0xBA, 0xBF-0xC5, 0xCD, 0xD9-0xDB,
0xE0, 0xF0, 0xFF, combining tone marks at 0xB0-0xB4) are left out. Written down here as
data, with each letter's code point, and checked against the reader's own table in
tests/test_legacy_tables.py.

A page typed in a .VnTime font shows, once its bytes are read as Latin-1 / windows-1252
(which agree on 0xA0-0xFF), one Latin-1 character per byte: "Liên" is "Liªn".
"""

from __future__ import annotations

# byte → the Unicode character TCVN 5712:1993 VN3 assigns to it.
TCVN3: dict[int, str] = {
    0xA0: "\u00a0",  # NO-BREAK SPACE
    0xA1: "\u0102",  # Ă
    0xA2: "\u00c2",  # Â
    0xA3: "\u00ca",  # Ê
    0xA4: "\u00d4",  # Ô
    0xA5: "\u01a0",  # Ơ
    0xA6: "\u01af",  # Ư
    0xA7: "\u0110",  # Đ
    0xA8: "\u0103",  # ă
    0xA9: "\u00e2",  # â
    0xAA: "\u00ea",  # ê
    0xAB: "\u00f4",  # ô
    0xAC: "\u01a1",  # ơ
    0xAD: "\u01b0",  # ư
    0xAE: "\u0111",  # đ
    0xB5: "\u00e0",  # à
    0xB6: "\u1ea3",  # ả
    0xB7: "\u00e3",  # ã
    0xB8: "\u00e1",  # á
    0xB9: "\u1ea1",  # ạ
    0xBB: "\u1eb1",  # ằ
    0xBC: "\u1eb3",  # ẳ
    0xBD: "\u1eb5",  # ẵ
    0xBE: "\u1eaf",  # ắ
    0xC6: "\u1eb7",  # ặ
    0xC7: "\u1ea7",  # ầ
    0xC8: "\u1ea9",  # ẩ
    0xC9: "\u1eab",  # ẫ
    0xCA: "\u1ea5",  # ấ
    0xCB: "\u1ead",  # ậ
    0xCC: "\u00e8",  # è
    0xCE: "\u1ebb",  # ẻ
    0xCF: "\u1ebd",  # ẽ
    0xD0: "\u00e9",  # é
    0xD1: "\u1eb9",  # ẹ
    0xD2: "\u1ec1",  # ề
    0xD3: "\u1ec3",  # ể
    0xD4: "\u1ec5",  # ễ
    0xD5: "\u1ebf",  # ế
    0xD6: "\u1ec7",  # ệ
    0xD7: "\u00ec",  # ì
    0xD8: "\u1ec9",  # ỉ
    0xDC: "\u0129",  # ĩ
    0xDD: "\u00ed",  # í
    0xDE: "\u1ecb",  # ị
    0xDF: "\u00f2",  # ò
    0xE1: "\u1ecf",  # ỏ
    0xE2: "\u00f5",  # õ
    0xE3: "\u00f3",  # ó
    0xE4: "\u1ecd",  # ọ
    0xE5: "\u1ed3",  # ồ
    0xE6: "\u1ed5",  # ổ
    0xE7: "\u1ed7",  # ỗ
    0xE8: "\u1ed1",  # ố
    0xE9: "\u1ed9",  # ộ
    0xEA: "\u1edd",  # ờ
    0xEB: "\u1edf",  # ở
    0xEC: "\u1ee1",  # ỡ
    0xED: "\u1edb",  # ớ
    0xEE: "\u1ee3",  # ợ
    0xEF: "\u00f9",  # ù
    0xF1: "\u1ee7",  # ủ
    0xF2: "\u0169",  # ũ
    0xF3: "\u00fa",  # ú
    0xF4: "\u1ee5",  # ụ
    0xF5: "\u1eeb",  # ừ
    0xF6: "\u1eed",  # ử
    0xF7: "\u1eef",  # ữ
    0xF8: "\u1ee9",  # ứ
    0xF9: "\u1ef1",  # ự
    0xFA: "\u1ef3",  # ỳ
    0xFB: "\u1ef7",  # ỷ
    0xFC: "\u1ef9",  # ỹ
    0xFD: "\u00fd",  # ý
    0xFE: "\u1ef5",  # ỵ
}

_ENCODE = {char: byte for byte, char in TCVN3.items()}


def encode_tcvn3(text: str) -> bytes:
    """``text`` in TCVN3 bytes; a character TCVN3 cannot write (an uppercase toned letter) is an error."""
    out = bytearray()
    for char in text:
        if char.isascii():
            out.append(ord(char))
        elif char in _ENCODE:
            out.append(_ENCODE[char])
        else:
            raise ValueError(f"TCVN3 has no byte for {char!r}")
    return bytes(out)


def tcvn3_as_latin1(text: str) -> str:
    """``text`` as a .VnTime document shows once its bytes are taken for Latin-1: "Liên" → "Liªn"."""
    return encode_tcvn3(text).decode("latin-1")
