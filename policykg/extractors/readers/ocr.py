"""OCR of scanned pages (rapidocr-openvino: the Chinese PP-OCR models ship inside its wheel, so
nothing is downloaded at run time; OpenVINO runs them about 2.5× faster than onnxruntime on this
CPU, same text): detected text pieces grouped into lines by position, each line with the
recogniser's lowest confidence among its pieces, boxes in page points."""
from __future__ import annotations

import math
from functools import lru_cache

from policykg.errors import PolicyKGError
from policykg.extractors.readers.layout import Item, Piece, group_lines

SCALE = 1.5  # render pages at 108 dpi: 12 pt text is 18 px high, enough for PP-OCR
MIN_CONFIDENCE = 0.5


@lru_cache(maxsize=1)
def engine():
    """The OCR engine of this process (loaded once; it spreads a page over every CPU); text is
    upright, so no angle classifier."""
    from rapidocr_openvino import RapidOCR

    return RapidOCR(use_cls=False, text_score=MIN_CONFIDENCE)


def recognise(image, scale: float, path: str) -> list[Item]:
    """Lines of an image (a numpy array, BGR) drawn at `scale` pixels per page point, read square to
    the text when the scan is skewed (boxes then in the turned-back page's points)."""
    try:
        found, _ = engine()(image)
    except ImportError:
        raise PolicyKGError("E207", path) from None
    found = found or ()
    turn = -skew([corners for corners, _, _ in found])
    cos, sin = math.cos(turn), math.sin(turn)
    pieces = []
    for corners, text, score in found:
        xs = [(x * cos - y * sin) / scale for x, y in corners]
        ys = [(x * sin + y * cos) / scale for x, y in corners]
        pieces.append(Piece((min(xs), min(ys), max(xs), max(ys)), text, round(float(score), 4)))
    return group_lines(pieces)


def skew(quads) -> float:
    """The page's skew in radians (a sheet turned on the scanner's glass): the median slope of the
    top edges of the detected text boxes (corners clockwise from the top left) wider than tall."""
    slopes = sorted(math.atan2(q[1][1] - q[0][1], q[1][0] - q[0][0]) for q in quads
                    if q[1][0] - q[0][0] > 2 * abs(q[3][1] - q[0][1]))
    return slopes[len(slopes) // 2] if slopes else 0.0


def ocr_page(page, path: str) -> list[Item]:
    """Lines of a PDF page (pypdfium2) read from its rendered image."""
    return recognise(page.render(scale=SCALE).to_numpy(), SCALE, path)
