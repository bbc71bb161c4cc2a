"""Real PDFs for the tests and benchmarks, drawn with reportlab's built-in CJK font STSong-Light."""
from __future__ import annotations

from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.platypus import (
    LongTable,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

FONT = "STSong-Light"
pdfmetrics.registerFont(UnicodeCIDFont(FONT))
BODY = ParagraphStyle("body", fontName=FONT, fontSize=12, leading=20, firstLineIndent=24, wordWrap="CJK")
PLAIN = ParagraphStyle("plain", fontName=FONT, fontSize=12, leading=20, wordWrap="CJK")
TITLE = ParagraphStyle("title", fontName=FONT, fontSize=18, leading=28, alignment=1, wordWrap="CJK")
MARK = ParagraphStyle("mark", fontName=FONT, fontSize=26, leading=36, alignment=1, textColor=colors.red)
CELL = ParagraphStyle("cell", fontName=FONT, fontSize=9, leading=12, wordWrap="CJK")


def page_furniture(running_title: str | None):
    """Page number "— N —" at the foot of every page, and a running title at the head."""
    def draw(canvas, doc):
        canvas.saveState()
        canvas.setFont(FONT, 10)
        canvas.drawCentredString(A4[0] / 2, 12 * mm, f"— {doc.page} —")
        if running_title:
            canvas.drawCentredString(A4[0] / 2, A4[1] - 12 * mm, running_title)
        canvas.restoreState()
    return draw


def build(path: Path, story: list, running_title: str | None = None) -> Path:
    doc = SimpleDocTemplate(str(path), pagesize=A4, leftMargin=25 * mm, rightMargin=25 * mm,
                            topMargin=25 * mm, bottomMargin=25 * mm)
    furniture = page_furniture(running_title)
    doc.build(story, onFirstPage=furniture, onLaterPages=furniture)
    return path


def paragraphs(lines: list[str], style=BODY) -> list:
    return [Paragraph(line, style) for line in lines]


def gongwen(path: Path, *, mark: str, doc_number: str, title: str, recipients: str, body: list[str],
            cc: str, printer: str, printed: str) -> Path:
    """A notice in the GB/T 9704 layout: issuer mark, 文号, title, 主送, body (signature and date
    included), and the 版记 footer with 抄送 and 印发."""
    story = [Paragraph(mark, MARK), Spacer(1, 6 * mm), Paragraph(doc_number, ParagraphStyle(
        "no", parent=PLAIN, alignment=1)), Spacer(1, 8 * mm), Paragraph(title, TITLE), Spacer(1, 6 * mm),
        Paragraph(recipients, PLAIN)]
    story += paragraphs(body)
    story += [Spacer(1, 20 * mm), Paragraph(f"抄送：{cc}", PLAIN), Paragraph(f"{printer}　　{printed}印发", PLAIN)]
    return build(path, story)


def letter_spaced(name: str) -> str:
    """A name as an issuer mark spaces it out: "市 财 政 局"."""
    return " ".join(name)


def joint_gongwen(path: Path, *, issuers: list[str], doc_number: str, title: list[str], recipients: str,
                  body: list[str], date: str, cc: str, printer: str, printed: str, note: str = "（此件公开发布）") -> Path:
    """A joint notice in the GB/T 9704 layout: the issuers letter-spaced one over the other with "文件"
    beside them, the 文号 (spaces as given), the title over several lines, 主送, body, the issuers'
    signature over the 成文日期, 附注, and on a page of its own the 版记; "— N —" at every foot."""
    mark = Table([[Paragraph(letter_spaced(name), MARK), Paragraph("文件" if row == 0 else "", MARK)]
                  for row, name in enumerate(issuers)], colWidths=[110 * mm, 30 * mm])
    mark.setStyle(TableStyle([("SPAN", (1, 0), (1, len(issuers) - 1)), ("VALIGN", (1, 0), (1, -1), "MIDDLE")]))
    right = ParagraphStyle("right", parent=PLAIN, alignment=2)
    story = [mark, Spacer(1, 6 * mm), Paragraph(doc_number, ParagraphStyle("no", parent=PLAIN, alignment=1)),
             Spacer(1, 8 * mm), *paragraphs(title, TITLE), Spacer(1, 6 * mm), Paragraph(recipients, PLAIN),
             *paragraphs(body), Spacer(1, 12 * mm), *paragraphs([*issuers, date], right), Paragraph(note, BODY),
             PageBreak(), Spacer(1, 150 * mm), Paragraph(f"抄送：{cc}", PLAIN),
             Paragraph(f"{printer}　　{printed}印发", PLAIN)]
    return build(path, story)


def task_table(path: Path, *, title: str, intro: list[str], header: list[str], rows: list[list[str]],
               repeat_header: bool = True, widths: list[float] | None = None) -> Path:
    """A plan whose tasks sit in a table that runs over several pages."""
    table = grid_table(header, rows, widths, repeat_header=repeat_header)
    story = [Paragraph(title, TITLE), Spacer(1, 6 * mm)] + paragraphs(intro) + [Spacer(1, 4 * mm), table]
    return build(path, story, running_title=title)


def running_text(path: Path, lines: list[str], running_title: str | None = None) -> Path:
    """Plain running text, one paragraph per line (a heading is a line of its own)."""
    return build(path, paragraphs(lines, PLAIN), running_title=running_title)


def volume(path: Path, documents: list[list[str]]) -> Path:
    """A compiled volume: documents one after the other, each starting on a new page."""
    story = []
    for lines in documents:
        story += paragraphs(lines, PLAIN) + [PageBreak()]
    return build(path, story[:-1])


def encrypted(path: Path, text: str, password: str) -> Path:
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(str(path), pagesize=A4, encrypt=password)
    canvas.setFont("Helvetica", 14)
    canvas.drawString(72, 760, text)
    canvas.save()
    return path


def image_only(path: Path) -> Path:
    """A 'scanned' page: one picture and no text layer."""
    from PIL import Image, ImageDraw
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen.canvas import Canvas

    picture = Image.new("RGB", (600, 800), "white")
    ImageDraw.Draw(picture).rectangle((50, 50, 550, 120), fill="black")
    canvas = Canvas(str(path), pagesize=A4)
    canvas.drawImage(ImageReader(picture), 50, 100, width=480, height=640)
    canvas.save()
    return path


def fake_bold(path: Path, lines: list[str]) -> Path:
    """Each line drawn twice, a fraction of a point apart, as fake-bold fonts do."""
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(str(path), pagesize=A4)
    canvas.setFont(FONT, 12)
    for row, line in enumerate(lines):
        for shift in (0, 0.25):
            canvas.drawString(72 + shift, 760 - 20 * row, line)
    canvas.save()
    return path


def unmapped_glyphs(path: Path, count: int = 200) -> Path:
    """A page whose font has no Unicode map (Type0, Identity-H, no ToUnicode): text reads as (cid:N)."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> "
               b"/Contents 4 0 R >>"]
    lines = b" ".join(b"[" + b"".join(b"<%04X>" % (0x1000 + row * 20 + i) for i in range(20)) + b"] TJ 0 -16 Td"
                      for row in range(count // 20))
    stream = b"BT /F1 12 Tf 72 760 Td " + lines + b" ET"
    objects += [b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
                b"<< /Type /Font /Subtype /Type0 /BaseFont /Hidden /Encoding /Identity-H /DescendantFonts [6 0 R] >>",
                b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Hidden /CIDSystemInfo << /Registry (Adobe) "
                b"/Ordering (Identity) /Supplement 0 >> /FontDescriptor 7 0 R >>",
                b"<< /Type /FontDescriptor /FontName /Hidden /Flags 4 /FontBBox [0 0 1000 1000] /ItalicAngle 0 "
                b"/Ascent 800 /Descent -200 /CapHeight 700 /StemV 80 >>"]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.write_bytes(bytes(out))
    return path


def scanned(path: Path, source: Path, dpi: int = 200, skew: float = 0, noise: float = 0,
            jpeg: int | None = None) -> Path:
    """A scan of a PDF: each page rendered to a grey picture and placed alone on a page of a new PDF
    (no text layer); a real scanner's faults on request: the sheet turned by `skew` degrees, grain
    (Gaussian noise of that standard deviation) and JPEG compression at quality `jpeg`."""
    import io

    import numpy
    import pypdfium2
    from PIL import Image
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(str(path), pagesize=A4)
    grain = numpy.random.default_rng(0)
    for page in pypdfium2.PdfDocument(source):
        picture = page.render(scale=dpi / 72, grayscale=True).to_pil().rotate(skew, fillcolor=255)
        if noise:
            pixels = numpy.asarray(picture, dtype=float) + grain.normal(0, noise, (picture.height, picture.width))
            picture = Image.fromarray(pixels.clip(0, 255).astype("uint8"))
        if jpeg:
            encoded = io.BytesIO()
            picture.save(encoded, "JPEG", quality=jpeg)
            picture = Image.open(encoded)
        canvas.drawImage(ImageReader(picture), 0, 0, width=A4[0], height=A4[1])
        canvas.showPage()
    canvas.save()
    return path


# --- quirks of real 公文 PDFs ------------------------------------------------------------------

def grid_table(header: list[str], rows: list[list[str]], widths: list[float] | None = None,
               split_rows: bool = False, repeat_header: bool = True):
    """A ruled table of cells, its header repeated on each page it runs over; with `split_rows` a row
    that does not fit is cut by the page break without a rule, its cells' lines continued on the next
    page (the header then stands once: reportlab would repeat it above the cut row)."""
    data = [[Paragraph(h, CELL) for h in header]] + [[Paragraph(c, CELL) for c in row] for row in rows]
    table = LongTable(data, colWidths=widths, repeatRows=1 if repeat_header and not split_rows else 0,
                      splitInRow=3 if split_rows else 0)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return table


def landscape_annex(path: Path, front: list, annex: list, back: list, decorate=None) -> Path:
    """A portrait document whose 附件 (a wide table) stands on landscape pages, then a portrait
    page again (the 版记); `decorate(canvas, doc)` draws on every page (page numbers by default)."""
    from reportlab.lib.pagesizes import landscape
    from reportlab.platypus import BaseDocTemplate, Frame, NextPageTemplate, PageTemplate

    decorate = decorate or page_furniture(None)
    templates = [PageTemplate(id=name, pagesize=size, onPage=decorate, frames=[
        Frame(25 * mm, 25 * mm, size[0] - 50 * mm, size[1] - 50 * mm, id=name)])
        for name, size in (("portrait", A4), ("landscape", landscape(A4)))]
    doc = BaseDocTemplate(str(path), pagesize=A4, pageTemplates=templates)
    doc.build([*front, NextPageTemplate("landscape"), PageBreak(), *annex, NextPageTemplate("portrait"),
               PageBreak(), *back])
    return path


def turned(path: Path, rotate: int | None, computed: bool = False) -> Path:
    """Every landscape page put on a portrait page, its content turned so that a viewer honouring
    /Rotate `rotate` (90 or 270) shows it upright; with rotate None the content is turned a quarter
    anticlockwise and the page carries no /Rotate (it shows sideways). `computed`: the turn written
    as cosine and sine (6.1e-17, not 0), as some producers do."""
    import pypdfium2

    source, out = pypdfium2.PdfDocument(path), pypdfium2.PdfDocument.new()
    for index, page in enumerate(source):
        width, height = page.get_size()
        if width <= height:
            out.import_pages(source, [index])
            continue
        turned_page = out.new_page(height, width)
        content = source.page_as_xobject(index, out).as_pageobject()
        clockwise = rotate == 270
        if computed:
            matrix = pypdfium2.PdfMatrix().rotate(90, ccw=not clockwise)
            matrix = matrix.translate(0, width) if clockwise else matrix.translate(height, 0)
        elif clockwise:  # (x, y) -> (y, width - x)
            matrix = pypdfium2.PdfMatrix(0, -1, 1, 0, 0, width)
        else:  # a quarter anticlockwise: (x, y) -> (height - y, x)
            matrix = pypdfium2.PdfMatrix(0, 1, -1, 0, height, 0)
        content.transform(matrix)
        turned_page.insert_obj(content)
        turned_page.gen_content()
        if rotate:
            turned_page.set_rotation(rotate)
    out.save(str(path) + ".turned")
    source.close()
    out.close()
    Path(str(path) + ".turned").replace(path)
    return path


RED_RULE = colors.Color(0.85, 0, 0)


def set_lines(text: str, size: float, width: float) -> list[str]:
    """A paragraph broken into lines of at most `width` points, as a 公文 exporter sets it."""
    lines, line = [], ""
    for char in text:
        if line and pdfmetrics.stringWidth(line + char, FONT, size) > width:
            lines.append(line)
            line = ""
        line += char
    return lines + [line] if line else lines


def draw_spaced(canvas, x: float, y: float, line: str, size: float, spacing: float, per_char: bool) -> None:
    """A line with `spacing` points between its characters: one text object with character
    spacing, or each character a text object of its own."""
    if not per_char:
        text = canvas.beginText(x, y)
        text.setFont(FONT, size)
        text.setCharSpace(spacing)
        text.textOut(line)
        canvas.drawText(text)
        return
    for char in line:
        canvas.drawString(x, y, char)
        x += pdfmetrics.stringWidth(char, FONT, size) + spacing


def typeset_gongwen(path: Path, *, mark: str, doc_number: str, title: str, recipients: str, body: list[str],
                    cc: str, printer: str, printed: str, per_char: bool = False, running_title: str | None = None,
                    watermark: str | None = None, slant: float = 35, shade: float = 0.82,
                    seal: bool = False) -> Path:
    """A notice set line by line as 公文 exporters write it: body lines justified (the space left
    spread between the characters), each character its own text object when `per_char`, the
    issuer mark letter-spaced in red over a red rule drawn as a vector, "— N —" at the foot, and on
    request a running title at the head, a `watermark` (grey `shade`, `slant` degrees, every page)
    and a red seal picture over the signature. The lines drawn are written beside it (suffix .drawn)."""
    from reportlab.pdfgen.canvas import Canvas

    canvas, size, left, width = Canvas(str(path), pagesize=A4), 16, 28 * mm, A4[0] - 54 * mm
    drawn, state = [], {"y": A4[1] - 37 * mm, "page": 1}

    def furnish():
        canvas.setFont(FONT, 14)
        canvas.drawCentredString(A4[0] / 2, 15 * mm, f"— {state['page']} —")
        if running_title:
            canvas.drawCentredString(A4[0] / 2, A4[1] - 20 * mm, running_title)
        if watermark:
            canvas.saveState()
            canvas.setFillColor(colors.Color(shade, shade, shade))
            canvas.setFont(FONT, 48)
            canvas.translate(A4[0] / 2, A4[1] / 2)
            canvas.rotate(slant)
            canvas.drawCentredString(0, 0, watermark)
            canvas.restoreState()
        canvas.setFont(FONT, size)

    def put(line: str, spacing: float = 0, x: float = left, colour=colors.black):
        if state["y"] < 35 * mm:
            furnish()
            canvas.showPage()
            state["y"], state["page"] = A4[1] - 37 * mm, state["page"] + 1
        canvas.setFillColor(colour)
        canvas.setFont(FONT, size)
        draw_spaced(canvas, x, state["y"], line, size, spacing, per_char)
        drawn.append(line)
        state["y"] -= 28

    put(mark, spacing=8, colour=RED_RULE)
    put(doc_number, x=left + (width - pdfmetrics.stringWidth(doc_number, FONT, size)) / 2)
    canvas.setStrokeColor(RED_RULE)
    canvas.setLineWidth(2)
    canvas.line(left, state["y"] + 18, left + width, state["y"] + 18)
    for line in set_lines(title, size, width) + set_lines(recipients, size, width):
        put(line)
    for paragraph in body:
        lines = set_lines("\u3000\u3000" + paragraph, size, width)
        for number, line in enumerate(lines):
            room = width - pdfmetrics.stringWidth(line, FONT, size)
            last = number == len(lines) - 1
            put(line, spacing=0 if last or len(line) < 2 else room / (len(line) - 1))
            if seal and paragraph == body[-2] and last:
                seal_picture(canvas, left + width - 60 * mm, state["y"] - 10)
    put(f"抄送：{cc}")
    put(f"{printer}\u3000\u3000{printed}印发")
    furnish()
    canvas.save()
    path.with_suffix(".drawn").write_text("\n".join(line.strip() for line in drawn), encoding="utf-8")
    return path


def seal_picture(canvas, x: float, y: float) -> None:
    """A red round seal (a picture with a transparent ground) drawn at (x, y)."""
    from PIL import Image, ImageDraw
    from reportlab.lib.utils import ImageReader

    picture = Image.new("RGBA", (300, 300), (255, 255, 255, 0))
    draw = ImageDraw.Draw(picture)
    draw.ellipse((10, 10, 290, 290), outline=(220, 0, 0, 255), width=12)
    draw.regular_polygon((150, 150, 50), 5, fill=(220, 0, 0, 255))
    canvas.drawImage(ImageReader(picture), x, y, width=45 * mm, height=45 * mm, mask="auto")
