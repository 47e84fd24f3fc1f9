"""Hostile uploads, built by the tests themselves (and by benchmarks/hostile_evidence.py): small files that cost a
naive reader minutes and gigabytes. Each builder writes real file syntax; nothing is mocked.

- `docx_bomb`: a 4.6 MB .docx whose word/document.xml unpacks to 199 MB (ratio about 43, under the old zip-bomb
  limits of 200 MB in total and a ratio of 100).
- `pdf_shared_stream`: a 63 KB PDF of 400 pages that all draw one heavy content stream (25,000 operators).
- `pdf_heavy_pages`: a PDF whose pages each have their own heavy content stream, so no cache helps: only a
  deadline stops it.
- `pdf_many_forms`: a 8 MB PDF whose one page draws a thousand different forms of 8 MB each (unpacked): 8 GB
  for a reader that keeps what it unpacks.
- `markdown_markers`: Markdown full of emphasis markers that never close (quadratic for naive regular
  expressions).
- `odt_file`: a real OpenDocument text (mimetype first and stored, content.xml, styles.xml) around given XML;
  `odt_bomb`: one whose content.xml unpacks to 199 MB; `BILLION_LAUGHS`: content.xml with nested entities.
"""

from __future__ import annotations

import io
import random
import zipfile
import zlib

WORDS = "wij hebben uw aanvraag ontvangen en beoordelen die binnen zes weken".split()
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def docx_bomb(*, unpacked: int = 199_000_000, member: str = "word/document.xml") -> bytes:
    """A real .docx (python-docx's own package) whose document.xml is `unpacked` bytes of short paragraphs (or,
    with `member`, a harmless document with that extra member of `unpacked` bytes, which the text is not read from).

    One block of 123 pseudo-random paragraphs (about 16 kB) repeats; deflate finds only part of it again within
    its 32 kB window, so the ratio stays near 43, like the file in the hardening issue.
    """
    import docx

    template = io.BytesIO()
    docx.Document().save(template)
    rnd = random.Random(43)
    block = "".join(
        f'<w:p><w:r><w:t xml:space="preserve">{" ".join(rnd.choice(WORDS) for _ in range(12))} </w:t></w:r></w:p>'
        for _ in range(123)
    ).encode()
    head = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="{W_NS}"><w:body>'.encode()
    tail = b"<w:sectPr/></w:body></w:document>"
    out = io.BytesIO()
    with zipfile.ZipFile(template) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            if info.filename != member:
                archive.writestr(info, source.read(info))
        with archive.open(member, "w", force_zip64=True) as document:
            document.write(head)
            written = len(head) + len(tail)
            while written + len(block) <= unpacked:
                document.write(block)
                written += len(block)
            document.write(tail)
    return out.getvalue()


def _pdf(objects: list[bytes]) -> bytes:
    """Objects numbered from 1 (1 is the catalog) with a correct cross-reference table."""
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def _stream(content: bytes) -> bytes:
    packed = zlib.compress(content, 9)
    return b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(packed) + packed + b"\nendstream"


def _heavy_content(operations: int, text: bytes) -> bytes:
    # Path operators without painting cost a parser as much as text does, and show nothing; one line of text at
    # the end, so the page is not skipped as a picture.
    return b"0 0 m\n" * operations + b"BT /F1 12 Tf 72 720 Td (" + text + b") Tj ET\n"


_PAGE = (
    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>"
)
_FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def pdf_shared_stream(*, pages: int = 400, operations: int = 25_000) -> bytes:
    """`pages` pages that all point to ONE content stream of `operations` operators (object 4)."""
    kids = b" ".join(b"%d 0 R" % (5 + i) for i in range(pages))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % pages,
        _FONT,
        _stream(_heavy_content(operations, b"Dit is een pagina.")),
    ]
    objects += [_PAGE % 4 for _ in range(pages)]
    return _pdf(objects)


def pdf_heavy_pages(*, pages: int = 40, operations: int = 25_000) -> bytes:
    """`pages` pages, each with its own content stream of `operations` operators (differing in one word)."""
    kids = b" ".join(b"%d 0 R" % (4 + 2 * i) for i in range(pages))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % pages,
        _FONT,
    ]
    for i in range(pages):
        objects.append(_PAGE % (5 + 2 * i))
        objects.append(_stream(_heavy_content(operations, b"Pagina %d." % (i + 1))))
    return _pdf(objects)


def pdf_many_forms(*, forms: int = 1_000, form_bytes: int = 8_000_000) -> bytes:
    """One page that draws `forms` form XObjects, each an inline image of `form_bytes` zero bytes (packed: 8 kB)."""
    image = b"BI /W 1000 /H %d /BPC 8 /CS /G ID " % (form_bytes // 1000) + b"\0" * form_bytes + b" EI\n"
    form_dict = b"<< /Type /XObject /Subtype /Form /BBox [0 0 10 10] /Resources << /Font << /F1 3 0 R >> >> /Length"
    form = _stream(image).replace(b"<< /Length", form_dict)
    names = b" ".join(b"/X%d %d 0 R" % (i, 5 + i) for i in range(forms))
    content = b"".join(b"/X%d Do\n" % i for i in range(forms)) + b"BT /F1 12 Tf 72 720 Td (Hallo) Tj ET\n"
    page = (
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> /XObject << "
        + names
        + b" >> >> /Contents %d 0 R >>" % (5 + forms)
    )
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>", _FONT, page]
    return _pdf([*objects, *([form] * forms), _stream(content)])


def markdown_markers(*, chars: int = 1_600_000) -> bytes:
    """Markdown of one long line of `**woord ` openers that never close."""
    unit = b"**woord "
    return unit * (chars // len(unit))


ODT_NAMESPACES = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/"'
)


def odt_content(body: str) -> bytes:
    """content.xml with `body` as the content of <office:text>."""
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content {ODT_NAMESPACES} office:version="1.3">'
        f"<office:body><office:text>{body}</office:text></office:body></office:document-content>"
    ).encode()


def odt_styles(*, header: str = "", footer: str = "") -> bytes:
    """styles.xml with one master page whose header and footer hold the given paragraphs."""
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-styles {ODT_NAMESPACES} office:version="1.3">'
        '<office:master-styles><style:master-page style:name="Standard">'
        f"<style:header>{header}</style:header><style:footer>{footer}</style:footer>"
        "</style:master-page></office:master-styles></office:document-styles>"
    ).encode()


def odt_file(
    content: bytes,
    *,
    styles: bytes | None = None,
    mimetype: bytes = b"application/vnd.oasis.opendocument.text",
) -> bytes:
    """An OpenDocument package as LibreOffice writes it: the mimetype first and stored, then the XML parts."""
    manifest = (
        b'<?xml version="1.0" encoding="UTF-8"?>\n<manifest:manifest '
        b'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">'
        b'<manifest:file-entry manifest:full-path="/" manifest:media-type="' + mimetype + b'"/>'
        b'<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        b"</manifest:manifest>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), mimetype, compress_type=zipfile.ZIP_STORED)
        archive.writestr("content.xml", content)
        archive.writestr("styles.xml", styles if styles is not None else odt_styles())
        archive.writestr("META-INF/manifest.xml", manifest)
    return out.getvalue()


def odt_bomb(*, unpacked: int = 199_000_000) -> bytes:
    """An .odt whose content.xml is `unpacked` bytes of short paragraphs (the same ratio as `docx_bomb`)."""
    rnd = random.Random(43)
    block = "".join(f"<text:p>{' '.join(rnd.choice(WORDS) for _ in range(12))}</text:p>" for _ in range(123)).encode()
    head, tail = odt_content("|").split(b"|")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            zipfile.ZipInfo("mimetype"), b"application/vnd.oasis.opendocument.text", compress_type=zipfile.ZIP_STORED
        )
        with archive.open("content.xml", "w", force_zip64=True) as content:
            content.write(head)
            written = len(head) + len(tail)
            while written + len(block) <= unpacked:
                content.write(block)
                written += len(block)
            content.write(tail)
    return out.getvalue()


# Ten levels of ten references: a parser that expands entities builds 10^10 copies of "ha".
BILLION_LAUGHS = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE office:document-content [\n<!ENTITY l0 "ha">\n'
    + b"".join(b'<!ENTITY l%d "%s">\n' % (i, b"".join(b"&l%d;" % (i - 1) for _ in range(10))) for i in range(1, 11))
    + b"]>\n<office:document-content "
    + ODT_NAMESPACES.encode()
    + b"><office:body><office:text><text:p>Lachen: &l10;</text:p></office:text></office:body>"
    b"</office:document-content>"
)
