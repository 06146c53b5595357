#!/usr/bin/env python3
"""Write WARC files with warcio (the reference Python library) from HTML pages.

Usage:
  html-warc-fixtures.py fixtures OUT_DIR
      the small test fixtures of crates/html/tests/data/warc/ (checked in):
      pages.warc.gz (warcinfo, request, three HTML responses of which one chunked
      and gzip-encoded, one image response), pages.warc (the same, uncompressed) and
      bad-digest.warc (one response whose payload was altered after writing)
  html-warc-fixtures.py corpus PAGES_DIR OUT.warc.gz EXPECTED.jsonl
      one response record per *.html page of PAGES_DIR, with a made-up target URI and
      date per page, and the expected values (file, URI, date, payload sha1 in base32)
      as JSON Lines, for the conformance run and for the checked-in
      crates/html/tests/data/warc/corpus.warc.gz and corpus.jsonl, which the ingest
      tests read. The Content-Type names no charset, so that each page's own
      declaration decides, as for the file itself.

Dates and record ids are fixed so that the output is the same on every run.
"""

import base64
import gzip
import hashlib
import io
import json
import pathlib
import sys
import uuid

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter


def record_id(n):
    return "<urn:uuid:%s>" % uuid.UUID(int=n)


def response(writer, n, uri, date, body, content_type, extra_headers=(), raw_body=None):
    headers = [("Content-Type", content_type)] + list(extra_headers)
    stored = body if raw_body is None else raw_body
    headers.append(("Content-Length", str(len(stored))))
    http = StatusAndHeaders("200 OK", headers, protocol="HTTP/1.1")
    record = writer.create_warc_record(
        uri,
        "response",
        payload=io.BytesIO(stored),
        length=len(stored),
        http_headers=http,
        warc_headers_dict={"WARC-Date": date, "WARC-Record-ID": record_id(n)},
    )
    writer.write_record(record)


def fixtures(out_dir):
    out_dir = pathlib.Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    latin = (
        "<!DOCTYPE html><html lang=de><head><title>Erklärung</title></head>"
        "<body><h1>Gemeinsame Erklärung</h1><p>Die Außenminister begrüßen die Einigung.</p></body></html>"
    ).encode("windows-1252")
    utf8 = (
        "<!DOCTYPE html><html lang=en><head><meta charset=utf-8><title>Joint statement</title>"
        "</head><body><h1>Joint statement</h1><p>We reaffirm our commitment.</p></body></html>"
    ).encode("utf-8")
    encoded = (
        "<!DOCTYPE html><html lang=fr><head><meta charset=utf-8><title>Communiqué</title></head>"
        "<body><h1>Communiqué</h1><p>Les ministres ont adopté une déclaration.</p></body></html>"
    ).encode("utf-8")
    gz = gzip.compress(encoded, mtime=0)
    chunked = b"%x\r\n%s\r\n0\r\n\r\n" % (len(gz), gz)
    for name, compress in (("pages.warc.gz", True), ("pages.warc", False)):
        with open(out_dir / name, "wb") as out:
            writer = WARCWriter(out, gzip=compress, warc_version="1.1")
            info = writer.create_warcinfo_record(name, {"software": "warcio", "format": "WARC File Format 1.1"})
            info.rec_headers.replace_header("WARC-Date", "2026-01-05T09:00:00Z")
            info.rec_headers.replace_header("WARC-Record-ID", record_id(1))
            writer.write_record(info)
            request = writer.create_warc_record(
                "https://example.org/statement/1",
                "request",
                payload=io.BytesIO(b""),
                length=0,
                http_headers=StatusAndHeaders(
                    "GET /statement/1 HTTP/1.1", [("Host", "example.org")], is_http_request=True
                ),
                warc_headers_dict={"WARC-Date": "2026-01-05T09:00:01Z", "WARC-Record-ID": record_id(2)},
            )
            writer.write_record(request)
            response(writer, 3, "https://example.org/statement/1", "2026-01-05T09:00:01Z", utf8,
                     "text/html; charset=utf-8")
            response(writer, 4, "https://example.de/erklaerung", "2026-01-05T09:00:02Z", latin,
                     "text/html; charset=windows-1252")
            response(writer, 5, "https://example.org/logo.png", "2026-01-05T09:00:03Z",
                     b"\x89PNG\r\n\x1a\n", "image/png")
            response(writer, 6, "https://example.fr/communique", "2026-01-05T09:00:04.250Z", encoded,
                     "text/html; charset=utf-8",
                     [("Content-Encoding", "gzip"), ("Transfer-Encoding", "chunked")], raw_body=chunked)
    # A payload altered after writing: same length, one letter changed.
    data = (out_dir / "pages.warc").read_bytes()
    marker = b"We reaffirm our commitment."
    assert data.count(marker) == 1
    (out_dir / "bad-digest.warc").write_bytes(data.replace(marker, b"We reaffirm our commitmenT."))


def corpus(pages_dir, out_path, expected_path):
    pages = sorted(pathlib.Path(pages_dir).glob("*.html"))
    with open(out_path, "wb") as out, open(expected_path, "w") as expected:
        writer = WARCWriter(out, gzip=True, warc_version="1.1")
        for n, page in enumerate(pages, start=1):
            body = page.read_bytes()
            uri = "https://archive.example/%s" % page.name
            date = "2026-01-%02dT%02d:%02d:00Z" % (1 + n % 28, n % 24, n % 60)
            response(writer, n, uri, date, body, "text/html")
            sha1 = base64.b32encode(hashlib.sha1(body).digest()).decode()
            expected.write(json.dumps({"file": page.name, "uri": uri, "date": date, "payload_sha1": sha1,
                                       "bytes": len(body)}) + "\n")


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "fixtures":
        fixtures(sys.argv[2])
    elif len(sys.argv) == 5 and sys.argv[1] == "corpus":
        corpus(*sys.argv[2:])
    else:
        sys.exit(__doc__)
