"""Compares what the communique WARC reader read with what warcio wrote and reads."""

import base64
import hashlib
import json
import sys

from warcio.archiveiterator import ArchiveIterator

warc_path, expected_path, read_path = sys.argv[1:4]
expected = [json.loads(line) for line in open(expected_path, encoding="utf-8")]
read = [json.loads(line) for line in open(read_path, encoding="utf-8")]

warcio_seen = []
with open(warc_path, "rb") as stream:
    for record in ArchiveIterator(stream):
        if record.rec_type != "response":
            continue
        body = record.content_stream().read()
        warcio_seen.append({
            "uri": record.rec_headers.get_header("WARC-Target-URI"),
            "date": record.rec_headers.get_header("WARC-Date"),
            "payload_sha1": base64.b32encode(hashlib.sha1(body).digest()).decode(),
            "bytes": len(body),
            "digest": record.rec_headers.get_header("WARC-Payload-Digest"),
        })

failures = []
if len(read) != len(expected):
    failures.append(f"read {len(read)} pages, wrote {len(expected)}")
for want, got, theirs in zip(expected, read, warcio_seen):
    if "error" in got:
        failures.append(f"{want['uri']}: {got['error']}")
        continue
    for key in ("uri", "date", "payload_sha1", "bytes"):
        if want[key] != got[key]:
            failures.append(f"{want['uri']}: {key} {got[key]!r}, written {want[key]!r}")
        if want[key] != theirs[key]:
            failures.append(f"{want['uri']}: warcio reads {key} {theirs[key]!r}")
    if theirs["digest"] != "sha1:" + want["payload_sha1"]:
        failures.append(f"{want['uri']}: WARC-Payload-Digest {theirs['digest']}")
    if not got.get("title"):
        failures.append(f"{want['uri']}: no title")
for failure in failures:
    print("40-warc:", failure)
print(f"40-warc: {len(read)} pages read back, {len(failures)} differences")
sys.exit(1 if failures else 0)
