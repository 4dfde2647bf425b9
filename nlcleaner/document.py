"""Bytes in, bytes out: decoding that loses nothing, and the checks that refuse what is not text."""

from __future__ import annotations

import codecs

from .errors import InputError

BINARY_PROBE = 8192
BINARY = "binary file (NUL byte in the first 8 KiB)"  # why a file with a NUL in its first BINARY_PROBE bytes is refused
_WIDE_BOMS = (
    (codecs.BOM_UTF32_LE, "UTF-32"), (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"), (codecs.BOM_UTF16_BE, "UTF-16"),
)


def decode(data: bytes) -> str:
    """UTF-8 with surrogateescape, so any byte round-trips. A UTF-8 BOM stays in the text as U+FEFF."""
    for bom, name in _WIDE_BOMS:
        if data.startswith(bom):
            raise InputError(f"{name} text (byte-order mark found); convert it to UTF-8 first")
    if b"\x00" in data[:BINARY_PROBE]:
        raise InputError(BINARY)
    return data.decode("utf-8", "surrogateescape")


def encode(text: str) -> bytes:
    return text.encode("utf-8", "surrogateescape")
