"""Column lists shared by the peer scripts: the data columns of communique's
statements, paragraphs and commitments tables, so that every peer writes the same
cells a researcher would load."""

STATEMENT_COLUMNS = [
    "statement_id", "title", "kind", "issued", "last_updated", "published", "language",
    "reference", "source_attribution", "source_url", "source_via", "source_retrieved",
]
PARAGRAPH_COLUMNS = ["statement_id", "position", "paragraph_id", "number", "kind", "text"]
COMMITMENT_COLUMNS = [
    "statement_id", "position", "commitment_id", "paragraph_id", "span_start", "span_end",
    "quote", "kind", "actor", "actor_resolved", "addressee", "cue", "intensifier",
    "future_oriented", "conditional", "method_type", "method_rule", "method_codebook",
    "method_annotator",
]


def flag(value):
    """A boolean cell as communique writes it."""
    return "true" if value else "false"


def statement_row(record):
    source = record.get("source", {})
    return [
        record["id"], record.get("title", ""), record["kind"], record.get("issued", ""),
        record.get("last_updated", ""), record.get("published", ""), record.get("language", ""),
        record.get("reference", ""), source.get("attribution", ""), source.get("url", ""),
        source.get("via", ""), source.get("retrieved", ""),
    ]


def paragraph_rows(record):
    for position, paragraph in enumerate(record.get("paragraphs", []), 1):
        yield [
            record["id"], position, paragraph["id"], paragraph.get("number", ""),
            paragraph["kind"], paragraph["text"],
        ]


def commitment_rows(record):
    for position, c in enumerate(record.get("commitments", []), 1):
        method = c["method"]
        yield [
            record["id"], position, c["id"], c["paragraph"], c["span"]["start"], c["span"]["end"],
            c["quote"], c["kind"], c.get("actor", ""), c.get("actor_resolved", ""),
            c.get("addressee", ""), c.get("cue", ""), c.get("intensifier", ""),
            flag(c.get("future_oriented")), flag(c.get("conditional")), method["type"],
            method.get("rule", ""), method.get("codebook", ""), method.get("annotator", ""),
        ]
