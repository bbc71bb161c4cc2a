"""Real files of the formats analysts collect, written with the libraries that write them: a web page in
the layout of a Chinese government site (python's own html escaping) and its single-file web archive
(.mht, python's email package), Word (python-docx) and Excel (openpyxl), and their Office 97–2003
binaries (.doc, .xls) and RTF saved by LibreOffice. Shared by the tests and benchmarks/formats.py."""
from __future__ import annotations

import shutil
import struct
import subprocess
import zlib
from email import encoders
from email.mime.base import MIMEBase
from email.mime.multipart import MIMEMultipart
from html import escape
from pathlib import Path

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")

SITE = "郑州市人民政府门户网站"
METADATA_ROWS = [("索 引 号", "索引号", "主题分类", "主题分类"), ("发文机关", "发文机关", "成文日期", "成文日期"),
                 ("标　　题", "标题", None, None), ("发文字号", "发文字号", "发布日期", "发布日期")]


def table_html(header: list[str], rows: list[list[str]], merge: tuple[str, ...] = ()) -> str:
    """A table whose cells in the `merge` columns span the rows below them that hold the same text."""
    columns = [header.index(name) for name in merge]
    out = ["<table border='1' class='MsoNormalTable'><tr>" + "".join(f"<th>{escape(h)}</th>" for h in header) + "</tr>"]
    for r, row in enumerate(rows):
        cells = []
        for c, text in enumerate(row):
            if c in columns and r and rows[r - 1][c] == text:
                continue  # covered by the span above
            span = 1
            while c in columns and r + span < len(rows) and rows[r + span][c] == text:
                span += 1
            rowspan = f" rowspan='{span}'" if span > 1 else ""
            cells.append(f"<td{rowspan}><p class='MsoNormal'><span>{escape(text)}</span></p></td>")
        out.append("<tr>" + "".join(cells) + "</tr>")
    return "\n".join(out) + "</table>"


def gov_page(path: Path, title: str, fields: dict[str, str], body: list[str], attachments: list[tuple[str, str]],
             table: str = "", charset: str = "utf-8", convert=None) -> Path:
    """A page as a government site serves it: top bar, site header, menu, breadcrumb, the metadata
    table, the title, an info line, the document (a first centred line, paragraphs, a table),
    attachment links, print/close bar, related links and footer. `convert` maps the page's text
    (traditional characters of a mirror site)."""
    metadata = "".join(
        "<tr>" + "".join(f"<td class='label'>{label}：</td><td{'' if second else ' colspan=3'}>{escape(fields.get(key, ''))}"
                         f"</td>" for label, key in ((first, k1), (second, k2)) if label) + "</tr>"
        for first, k1, second, k2 in METADATA_ROWS)
    paragraphs = "\n".join(
        f"<p style='text-align:center'>{escape(line)}</p>" if i == 0 else
        f"<p style='text-indent:2em'><span style='font-family:仿宋'>{escape(line)}</span></p>" for i, line in enumerate(body))
    links = "".join(f"<p><a href='{escape(href)}' target='_blank'>{escape(text)}</a></p>" for href, text in attachments)
    page = f"""<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">
<title>{escape(title)}_{SITE}</title><script>var siteId = 1;</script><style>p {{ margin: 0 }}</style></head>
<body>
<div class="top-bar"><a href="/wza">无障碍浏览</a> <a href="/fanti">繁體版</a> <a href="/login">登录</a> <a href="/reg">注册</a></div>
<div class="header"><div class="logo"><img src="logo.png" alt="{SITE}"></div><div class="search"><input name="q"><button>搜索</button></div></div>
<ul class="nav-menu"><li><a href="/">首页</a></li><li><a href="/zwgk">政务公开</a></li><li><a href="/zwfw">政务服务</a></li>
<li><a href="/hdjl">互动交流</a></li><li><a href="/zjzz">走进郑州</a></li><li><a href="/zcjd">政策解读</a></li></ul>
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a> &gt; <a href="/zcwj">政策文件</a></div>
<div class="main-box">
<table class="xxgk-info">{metadata}</table>
<div class="article">
<h1 class="article-title">{escape(title)}</h1>
<div class="article-info">发布时间：{escape(fields.get('发布日期', ''))}　来源：市政府办公厅　【字体：<a>大</a> <a>中</a> <a>小</a>】</div>
<div id="zoom" class="TRS_Editor">
{paragraphs}
{table}
</div>
<div class="attachment">{links}</div>
<div class="print-bar">【<a href="javascript:window.print()">打印本页</a>】【<a href="javascript:window.close()">关闭窗口</a>】</div>
</div>
<div class="related"><h3>相关文件</h3><ul><li><a href="/a/1.html">郑州市人民政府关于印发郑州市优化营商环境条例实施方案的通知</a></li>
<li><a href="/a/2.html">郑州市人民政府办公厅关于进一步优化政务服务提升行政效能的实施意见</a></li></ul></div>
</div>
<div class="footer"><p>主办：郑州市人民政府办公厅　承办：郑州市大数据管理局</p>
<p>网站标识码：4101000001　豫ICP备05016139号　<a href="/map">网站地图</a> | <a href="/lxwm">联系我们</a></p></div>
</body></html>"""
    codec = {"big5": "big5hkscs", "gb2312": "gb18030"}.get(charset, charset)  # what such sites really write
    path.write_bytes((convert(page) if convert else page).encode(codec))
    return path


def png(width: int, height: int, colour: tuple[int, int, int]) -> bytes:
    """A PNG picture of one colour (the images a saved page carries)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\0" + bytes(colour) * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def web_archive(path: Path, page: Path, url: str, encoding: str = "quoted-printable", charset: str | None = None,
                images: int = 0, saved_by: str = "Windows Internet Explorer 8", frames: tuple[Path, ...] = (),
                start: bool = False) -> Path:
    """A page saved as a browser's single-file web archive (.mht): a multipart/related message whose
    first part is the page's bytes in the transfer `encoding` ("quoted-printable" or "base64"), its
    charset stated on the part (or, when None, only in the page's own meta), then `images` PNG
    pictures in base64 parts, each part with its Content-Location. `frames` are pages placed before
    the page; the archive then names its page by its location, or (`start`) by its Content-ID."""
    archive = MIMEMultipart("related", type="text/html", **({"start": "<page@mhtml>"} if start else {}))
    archive["From"] = f"<Saved by {saved_by}>"
    archive["Subject"] = page.stem
    archive["Snapshot-Content-Location"] = url
    for n, frame in enumerate(frames):
        archive.attach(html_part(frame, f"{url.rsplit('/', 1)[0]}/frame{n}.html", encoding, "utf-8"))
    html = html_part(page, url, encoding, charset)
    html["Content-ID"] = "<page@mhtml>"
    archive.attach(html)
    for n in range(images):
        picture = MIMEBase("image", "png")
        picture.set_payload(png(40 + n, 30, (200, 30 * n % 256, 40)))
        encoders.encode_base64(picture)
        picture["Content-Location"] = url.rsplit("/", 1)[0] + f"/images/{n}.png"
        archive.attach(picture)
    path.write_bytes(archive.as_bytes())
    return path


def html_part(page: Path, url: str, encoding: str, charset: str | None) -> MIMEBase:
    html = MIMEBase("text", "html", **({"charset": charset} if charset else {}))
    html.set_payload(page.read_bytes())
    (encoders.encode_quopri if encoding == "quoted-printable" else encoders.encode_base64)(html)
    html["Content-Location"] = url
    return html


def numbering_levels(document, formats: list[tuple[str, str]], continuous: tuple[int, ...] = ()) -> str:
    """A multilevel list (level formats and texts, e.g. ("chineseCounting", "%1、")) added to the
    document's numbering part, the `continuous` levels never starting again; its numId."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    numbering = document.part.numbering_part.element
    abstract_id = str(100 + len(numbering.findall("{*}abstractNum")))
    levels = "".join(f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
                     + ('<w:lvlRestart w:val="0"/>' if i in continuous else "")
                     + f'<w:lvlText w:val="{text}"/></w:lvl>' for i, (fmt, text) in enumerate(formats))
    numbering.insert(0, parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">{levels}</w:abstractNum>'))
    num_id = str(100 + len(numbering.findall("{*}num")))
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/></w:num>'))
    return num_id


def number_paragraph(paragraph, num_id: str, level: int) -> None:
    """Automatic numbering on a paragraph, or on a paragraph style (then on all its paragraphs)."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    element = paragraph._p if hasattr(paragraph, "_p") else paragraph.element
    element.get_or_add_pPr().append(
        parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'))


def word_table(document, header: list[str], rows: list[list[str]], merge: tuple[str, ...] = (),
               title: str | None = None):
    """A Word table: an optional title row merged across, the header, the rows; cells of the `merge`
    columns merged down over rows holding the same text."""
    top = 1 if title else 0
    table = document.add_table(rows=top + 1 + len(rows), cols=len(header))
    table.style = "Table Grid"
    if title:
        table.cell(0, 0).merge(table.cell(0, len(header) - 1)).text = title
    for c, text in enumerate(header):
        table.cell(top, c).text = text
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(top + 1 + r, c).text = text
    for c in (header.index(name) for name in merge):
        merge_down(table, c, top + 1, rows)
    return table


def merge_down(table, column: int, first: int, rows: list[list[str]]) -> None:
    """Merge the cells of a Word table's column (its rows from `first` holding `rows`) over the runs
    of rows holding the same text."""
    r = 0
    while r < len(rows):
        end = r
        while end + 1 < len(rows) and rows[end + 1][column] == rows[r][column]:
            end += 1
        if end > r:
            table.cell(first + r, column).merge(table.cell(first + end, column)).text = rows[r][column]
        r = end + 1


def ledger_sheet(sheet, titles: list[str], header: list[str], rows: list[list], merge: tuple[str, ...] = (),
                 sections: dict[int, str] | None = None) -> None:
    """A task ledger on a worksheet: title rows merged across the table, the header, then the rows
    (a section row merged across before row i for each i in `sections`); cells of the `merge`
    columns merged down over rows holding the same value."""
    width = len(header)
    for text in titles:
        sheet.append([text])
        sheet.merge_cells(start_row=sheet.max_row, start_column=1, end_row=sheet.max_row, end_column=width)
    sheet.append(header)
    placed: list[tuple[int, list]] = []
    for index, row in enumerate(rows):
        if sections and index in sections:
            sheet.append([sections[index]])
            sheet.merge_cells(start_row=sheet.max_row, start_column=1, end_row=sheet.max_row, end_column=width)
        sheet.append(row)
        placed.append((sheet.max_row, row))
    for c in (header.index(name) for name in merge):
        k = 0
        while k < len(placed):
            end = k
            while end + 1 < len(placed) and placed[end + 1][1][c] == placed[k][1][c] \
                    and placed[end + 1][0] == placed[end][0] + 1:
                end += 1
            if end > k:
                sheet.merge_cells(start_row=placed[k][0], start_column=c + 1, end_row=placed[end][0], end_column=c + 1)
            k = end + 1


def saved_as(suffix: str, folder: Path, *files: Path) -> list[Path]:
    """The files saved by LibreOffice in another format ("doc", "xls", "rtf"), in one run, into `folder`."""
    subprocess.run([SOFFICE, f"-env:UserInstallation=file://{folder}/profile", "--headless", "--convert-to",
                    suffix, "--outdir", str(folder), *map(str, files)], check=True, capture_output=True, timeout=300)
    return [folder / f"{file.stem}.{suffix}" for file in files]
