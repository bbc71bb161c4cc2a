"""Real OFD packages (GB/T 33190) for the tests and benchmarks, written as the standard lays them out:
OFD.xml -> Doc_0/Document.xml -> Pages/Page_N/Content.xml, a template page for the running title,
text laid out in lines of TextObjects (TextCode X/Y/DeltaX), tables drawn with PathObjects.

Units are millimetres on A4; 12 pt text (4.23 mm), CJK characters one em wide, others half."""
from __future__ import annotations

import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

NS = "http://www.ofdspec.org/2016"
WIDTH, HEIGHT, MARGIN = 210.0, 297.0, 25.0
SIZE, LEADING = 4.2333, 7.0


def advance(char: str) -> float:
    return SIZE / 2 if ord(char) < 0x2E80 else SIZE


def wrap(text: str, width: float) -> list[str]:
    lines, line, used = [], "", 0.0
    for char in text:
        if used + advance(char) > width and line:
            lines.append(line)
            line, used = "", 0.0
        line, used = line + char, used + advance(char)
    return lines + [line] if line else lines


def delta_x(text: str) -> str:
    """DeltaX of a run, runs of equal advances written with the "g" shorthand."""
    values = [advance(c) for c in text[:-1]]
    out, index = [], 0
    while index < len(values):
        end = index
        while end < len(values) and values[end] == values[index]:
            end += 1
        out.append(f"g {end - index} {values[index]:.4f}" if end - index > 1 else f"{values[index]:.4f}")
        index = end
    return " ".join(out)


class Page:
    def __init__(self) -> None:
        self.objects: list[str] = []

    def text(self, ident: int, x: float, top: float, text: str, split: bool = False) -> None:
        """One line; with `split`, written as two TextObjects (two runs of the same line)."""
        cut = len(text) // 2 if split and len(text) > 3 else len(text)
        for run in (text[:cut], text[cut:]):
            if not run:
                continue
            width = sum(advance(c) for c in run)
            self.objects.append(
                f'<ofd:TextObject ID="{ident}{len(self.objects)}" Boundary="{x:.4f} {top:.4f} {width:.4f} {LEADING}" '
                f'Font="1" Size="{SIZE}"><ofd:TextCode X="0" Y="{SIZE:.4f}" DeltaX="{delta_x(run)}">'
                f'{escape(run)}</ofd:TextCode></ofd:TextObject>')
            x += width

    def rule(self, x0: float, y0: float, x1: float, y1: float) -> None:
        self.objects.append(f'<ofd:PathObject ID="9{len(self.objects)}" Boundary="{min(x0, x1):.4f} {min(y0, y1):.4f} '
                            f'{abs(x1 - x0) + 0.3:.4f} {abs(y1 - y0) + 0.3:.4f}" LineWidth="0.25"><ofd:AbbreviatedData>'
                            f'M {x0 - min(x0, x1):.4f} {y0 - min(y0, y1):.4f} L {x1 - min(x0, x1):.4f} '
                            f'{y1 - min(y0, y1):.4f}</ofd:AbbreviatedData></ofd:PathObject>')

    def xml(self, template: bool) -> str:
        use = '<ofd:Template TemplateID="2" ZOrder="Background"/>' if template else ""
        return (f'<?xml version="1.0" encoding="UTF-8"?><ofd:Page xmlns:ofd="{NS}">{use}<ofd:Content>'
                f'<ofd:Layer ID="3">{"".join(self.objects)}</ofd:Layer></ofd:Content></ofd:Page>')


class Writer:
    """Lays out paragraphs and tables page after page, with a page number at each foot."""

    def __init__(self) -> None:
        self.pages: list[Page] = [Page()]
        self.top = MARGIN

    def room(self, height: float) -> bool:
        return self.top + height <= HEIGHT - MARGIN

    def new_page(self) -> None:
        self.pages.append(Page())
        self.top = MARGIN

    def paragraph(self, text: str, indent: float = 0, centred: bool = False) -> None:
        for index, line in enumerate(wrap(text, WIDTH - 2 * MARGIN - indent)):
            if not self.room(LEADING):
                self.new_page()
            width = sum(advance(c) for c in line)
            x = (WIDTH - width) / 2 if centred else MARGIN + (indent if index == 0 else 0)
            self.pages[-1].text(len(self.pages) * 1000 + len(self.pages[-1].objects), x, self.top, line,
                                split=index % 2 == 1)
            self.top += LEADING

    def table(self, header: list[str], rows: list[list[str]], widths: list[float]) -> None:
        """A ruled table; the header row repeated on each page it runs over."""
        self.row(header, widths)
        for row in rows:
            if not self.room(self.height(row, widths)):
                self.new_page()
                self.row(header, widths)
            self.row(row, widths)

    def height(self, row: list[str], widths: list[float]) -> float:
        return max(len(wrap(cell, width - 2)) or 1 for cell, width in zip(row, widths)) * LEADING + 2

    def row(self, row: list[str], widths: list[float]) -> None:
        page, height, x = self.pages[-1], self.height(row, widths), MARGIN
        for cell, width in zip(row, widths):
            for index, line in enumerate(wrap(cell, width - 2)):
                page.text(len(page.objects), x + 1, self.top + 1 + index * LEADING, line)
            page.rule(x, self.top, x, self.top + height)
            x += width
        page.rule(x, self.top, x, self.top + height)
        page.rule(MARGIN, self.top, x, self.top)
        page.rule(MARGIN, self.top + height, x, self.top + height)
        self.top += height

    def save(self, path: Path, running_title: str | None = None) -> Path:
        for number, page in enumerate(self.pages, start=1):
            label = f"— {number} —"
            page.text(8000 + number, (WIDTH - sum(advance(c) for c in label)) / 2, HEIGHT - 15, label)
        template = Page()
        if running_title:
            template.text(7000, (WIDTH - sum(advance(c) for c in running_title)) / 2, 12, running_title)
        pages = "".join(f'<ofd:Page ID="{10 + n}" BaseLoc="Pages/Page_{n}/Content.xml"/>'
                        for n in range(len(self.pages)))
        document = (f'<?xml version="1.0" encoding="UTF-8"?><ofd:Document xmlns:ofd="{NS}"><ofd:CommonData>'
                    f'<ofd:MaxUnitID>99999</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 {WIDTH} {HEIGHT}'
                    f'</ofd:PhysicalBox></ofd:PageArea><ofd:TemplatePage ID="2" BaseLoc="Tpls/Tpl_0/Content.xml"/>'
                    f'</ofd:CommonData><ofd:Pages>{pages}</ofd:Pages></ofd:Document>')
        root = (f'<?xml version="1.0" encoding="UTF-8"?><ofd:OFD xmlns:ofd="{NS}" Version="1.0" DocType="OFD">'
                f'<ofd:DocBody><ofd:DocInfo><ofd:DocID>0</ofd:DocID></ofd:DocInfo>'
                f'<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>')
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
            package.writestr("OFD.xml", root)
            package.writestr("Doc_0/Document.xml", document)
            package.writestr("Doc_0/Tpls/Tpl_0/Content.xml", template.xml(False))
            for number, page in enumerate(self.pages):
                package.writestr(f"Doc_0/Pages/Page_{number}/Content.xml", page.xml(bool(running_title)))
        return path


def gongwen(path: Path, *, mark: str, doc_number: str, title: str, recipients: str, body: list[str],
            cc: str, printer: str, printed: str) -> Path:
    """A notice in the GB/T 9704 layout (as tests/pdfgen.py draws it in PDF)."""
    writer = Writer()
    for text, centred in ((mark, True), (doc_number, True), (title, True), (recipients, False)):
        writer.paragraph(text, centred=centred)
    for text in body:
        writer.paragraph(text, indent=2 * SIZE)
    writer.paragraph(f"抄送：{cc}")
    writer.paragraph(f"{printer}　　{printed}印发")
    return writer.save(path)


def task_table(path: Path, *, title: str, intro: list[str], header: list[str], rows: list[list[str]],
               widths: list[float]) -> Path:
    """A plan whose tasks sit in a ruled table over several pages, its title running at each head."""
    writer = Writer()
    writer.paragraph(title, centred=True)
    for text in intro:
        writer.paragraph(text, indent=2 * SIZE)
    writer.table(header, rows, widths)
    return writer.save(path, running_title=title)


def scanned(path: Path, pictures: list[bytes]) -> Path:
    """A scanned OFD: each page one picture (PNG) covering the page, kept as a MultiMedia resource."""
    media = "".join(f'<ofd:MultiMedia ID="{100 + n}" Type="Image" Format="PNG"><ofd:MediaFile>page_{n}.png'
                    f'</ofd:MediaFile></ofd:MultiMedia>' for n in range(len(pictures)))
    pages = "".join(f'<ofd:Page ID="{10 + n}" BaseLoc="Pages/Page_{n}/Content.xml"/>' for n in range(len(pictures)))
    document = (f'<?xml version="1.0" encoding="UTF-8"?><ofd:Document xmlns:ofd="{NS}"><ofd:CommonData>'
                f'<ofd:MaxUnitID>999</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 {WIDTH} {HEIGHT}'
                f'</ofd:PhysicalBox></ofd:PageArea><ofd:DocumentRes>DocumentRes.xml</ofd:DocumentRes>'
                f'</ofd:CommonData><ofd:Pages>{pages}</ofd:Pages></ofd:Document>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("OFD.xml", f'<?xml version="1.0" encoding="UTF-8"?><ofd:OFD xmlns:ofd="{NS}" Version="1.0">'
                                    f'<ofd:DocBody><ofd:DocRoot>/Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>')
        package.writestr("Doc_0/Document.xml", document)
        package.writestr("Doc_0/DocumentRes.xml", f'<?xml version="1.0" encoding="UTF-8"?><ofd:Res xmlns:ofd="{NS}" '
                                                  f'BaseLoc="Res"><ofd:MultiMedias>{media}</ofd:MultiMedias></ofd:Res>')
        for number, picture in enumerate(pictures):
            package.writestr(f"Doc_0/Res/page_{number}.png", picture)
            package.writestr(f"Doc_0/Pages/Page_{number}/Content.xml",
                             f'<?xml version="1.0" encoding="UTF-8"?><ofd:Page xmlns:ofd="{NS}"><ofd:Content>'
                             f'<ofd:Layer ID="3"><ofd:ImageObject ID="{200 + number}" ResourceID="{100 + number}" '
                             f'Boundary="0 0 {WIDTH} {HEIGHT}" CTM="{WIDTH} 0 0 {HEIGHT} 0 0"/></ofd:Layer>'
                             f'</ofd:Content></ofd:Page>')
    return path
