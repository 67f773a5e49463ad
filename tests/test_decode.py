"""The read stage: encodings, binary data, empty and oversized documents."""

from __future__ import annotations

import codecs

from veille.article import Article
from veille.sources.decode import binary_kind, declared_charset, decode_bytes, read

PAGE = "<html><head>{meta}</head><body><p>L’été à Genève : « déjà » vu, Zoë.</p></body></html>"


def _read(raw: bytes, content_type: str | None = None, max_bytes: int = 1_000_000) -> Article:
    article = Article(source="file:x.html", raw=raw, content_type=content_type)
    read(article, max_bytes)
    return article


def test_cp1252_declared_only_in_meta_tag() -> None:
    html = PAGE.format(
        meta='<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'
    )
    article = _read(html.encode("cp1252"))
    assert article.html is not None
    assert "L’été à Genève : « déjà » vu, Zoë." in article.html
    assert article.errors == []


def test_latin1_without_any_declaration_is_detected() -> None:
    html = PAGE.format(meta="").replace("’", "'") * 20
    article = _read(html.encode("latin-1"))
    assert article.html is not None and "Genève" in article.html and "Zoë" in article.html


def test_utf8_page_that_declares_latin1_is_read_as_utf8_and_says_so() -> None:
    html = PAGE.format(meta='<meta charset="iso-8859-1">')
    article = _read(html.encode("utf-8"))
    assert "« déjà »" in (article.html or "")
    assert [e.stage for e in article.errors] == ["read"]
    assert "iso8859-1" in article.errors[0].message or "latin" in article.errors[0].message


def test_undeclared_cyrillic_is_not_taken_for_western_text() -> None:
    text = "Министр иностранных дел заявил журналистам, что переговоры продолжатся в понедельник."
    decoded, encoding, _ = decode_bytes(text.encode("cp1251") * 3)
    assert encoding != "cp1252"
    assert "переговоры" in decoded


def test_http_header_charset_wins_over_guessing() -> None:
    assert declared_charset(b"<html></html>", "text/html; charset=ISO-8859-15") == "iso8859-15"
    text, encoding, note = decode_bytes(
        "€ été".encode("iso-8859-15"), "text/html; charset=iso-8859-15"
    )
    assert (text, encoding, note) == ("€ été", "iso8859-15", None)


def test_byte_order_marks() -> None:
    html = PAGE.format(meta="")
    for bom, codec in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le")):
        text, _, _ = decode_bytes(bom + html.encode(codec))
        assert text == html


def test_binary_and_empty_documents_are_refused_with_a_reason() -> None:
    assert binary_kind(b"%PDF-1.7 ...") == "PDF"
    assert binary_kind(bytes(range(256)) * 10) == "binary data"
    assert binary_kind(b"<html>\t\r\n</html>") is None
    png = _read(b"\x89PNG\r\n\x1a\n" + bytes(500))
    assert png.html is None and "PNG" in png.errors[0].message
    empty = _read(b"  \n\t ")
    assert empty.html is None and empty.errors[0].message == "empty document"


def test_oversized_documents_are_cut_and_the_cut_recorded() -> None:
    article = _read(b"<html><body>" + b"<p>mot</p>" * 1000 + b"</body></html>", max_bytes=2000)
    assert article.html is not None and len(article.html) == 2000
    assert article.errors[0].message.startswith("oversized: document is 10,026 bytes;")
    assert "only the first 2,000 were read" in article.errors[0].message


def test_plain_text_becomes_text_not_html() -> None:
    article = _read("Première ligne.\r\nSeconde ligne.\r\n".encode(), content_type="text/plain")
    assert article.html is None
    assert article.text == "Première ligne.\nSeconde ligne."
