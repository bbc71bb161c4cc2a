"""Traditional characters (pages of mirror sites, Hong Kong and Taiwan copies) to simplified, with
OpenCC; a text already simplified is left as it is."""
from __future__ import annotations

from functools import cache
from operator import ne

TRADITIONAL_SHARE = 0.05  # share of Chinese characters OpenCC changes above which a text is traditional


# Hong Kong and Taiwan variant characters (衞, 爲) to OpenCC's standard traditional, then to simplified
CONVERSIONS = ("hk2t", "tw2t", "t2s")


@cache
def converters() -> tuple:
    import opencc

    return tuple(opencc.OpenCC(name) for name in CONVERSIONS)


def to_simplified(text: str) -> tuple[str, bool]:
    """The text in simplified characters, and whether it was converted (its length and lines kept)."""
    converted = text
    for converter in converters():
        converted = converter.convert(converted)
    if converted == text:
        return text, False
    if len(converted) != len(text):
        return converted, True
    changed = sum(map(ne, text, converted))
    chinese = len(text) - len(text.encode("ascii", "ignore"))
    return (converted, True) if changed > TRADITIONAL_SHARE * max(1, chinese) else (text, False)
