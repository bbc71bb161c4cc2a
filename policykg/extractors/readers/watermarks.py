"""What on a PDF page is no text of the document: watermarks and stamps, drawn slanted across the
page or in a light colour. Shared by the pypdfium2 and pdfplumber paths of pdf.py."""
from __future__ import annotations

import math

FAINT = 0.6  # text whose every colour component is at least this light is a watermark
SLANT = 2.0  # degrees off a quarter turn within which a character still stands on the line
LEVEL = math.tan(math.radians(SLANT))


def faint(red: float, green: float, blue: float, alpha: float = 1.0, full: float = 1.0) -> bool:
    """Whether a text colour (components from 0 to `full`) is so light it marks a watermark, not text."""
    return min(red, green, blue) * alpha / full + full - alpha >= FAINT * full


def plumber_faint(colour) -> bool:
    """Whether a pdfplumber colour (grey, RGB or CMYK components) is a watermark's light one."""
    if not isinstance(colour, (tuple, list)) or not all(isinstance(c, (int, float)) for c in colour):
        return False
    if len(colour) == 4:
        colour = [(1 - c) * (1 - colour[3]) for c in colour[:3]]
    return len(colour) in (1, 3) and faint(*(list(colour) * 3)[:3])


def legible(obj) -> bool:
    """Whether a page object is no watermark: text standing level (its matrix not turned by more
    than SLANT degrees) and not faint."""
    if obj.get("object_type") != "char":
        return True
    a, b, c, d = obj["matrix"][:4]
    return a > 0 and d > 0 and abs(b) <= LEVEL * a and abs(c) <= LEVEL * d and \
        not plumber_faint(obj["non_stroking_color"])
