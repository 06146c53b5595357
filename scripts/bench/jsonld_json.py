"""Peer: JSON Lines -> one JSON-LD document with the Python standard library (json),
building the same node objects communique's JSON-LD writer builds (schema.org
CreativeWork, W3C Web Annotation commitments with TextPositionSelector and
TextQuoteSelector, codebook kinds), one statement at a time, pretty-printed.

usage: python jsonld_json.py INPUT.jsonl OUTPUT.jsonld
"""
import json
import sys

CONTEXT_IRI = "https://w3id.org/communique/context/v1.jsonld"
BASE_IRI = "urn:communique:"
QUOTE_CONTEXT = 32
SAFE = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
ACTOR_TYPES = {"person": ["Person", "Actor"], "state": ["GovernmentOrganization", "Actor"]}


def encode(text):
    return "".join(chr(b) if b in SAFE else f"%{b:02X}" for b in text.encode("utf-8"))


def xsd_date_time(text):
    # Printed to the minute: add the seconds xsd:dateTime requires.
    return text[:16] + ":00" + text[16:] if len(text) == 16 or text[16] in "Z+-" else text


def node(id_, types, **fields):
    out = {"id": id_, "type": types[0] if len(types) == 1 else types}
    for key, value in fields.items():
        if value is not None and value != []:
            out[key] = value
    return out


def statement_node(s):
    iri = BASE_IRI + encode(s["id"])
    part = lambda fragment: f"{iri}#{fragment}"
    last_updated, published = s.get("last_updated"), s.get("published")
    out = node(
        iri, ["CreativeWork", "Statement"], recordId=s["id"], name=s.get("title"), statementKind=s["kind"],
        author=[node(part(f"issuer/{i}"), ACTOR_TYPES.get(a.get("kind"), ["Organization", "Actor"]),
                     position=i, name=a["name"], actorKind=a.get("kind", "organization"), role=a.get("role"))
                for i, a in enumerate(s.get("issuers", []), 1)],
        locationCreated=[node(part(f"place/{i}"), ["Place"], position=i, name=p)
                         for i, p in enumerate(s.get("places", []), 1)],
        datePublished=s.get("issued"),
        dateModified=xsd_date_time(last_updated) if last_updated else None,
        lastUpdatedAsPrinted=last_updated,
        published=xsd_date_time(published) if published else None,
        publishedAsPrinted=published,
        inLanguage=s.get("language"), identifier=s.get("reference"), keywords=s.get("keywords", []))
    source = s.get("source")
    if source:
        out["isBasedOn"] = node(part("source"), ["Entity"], creditText=source.get("attribution"),
                                url=source.get("url"), via=source.get("via"),
                                dateRetrieved=source.get("retrieved"))
        out["wasDerivedFrom"] = part("source")
    fixity = s.get("fixity")
    if fixity:
        out["fixity"] = node(part("fixity"), ["Checksum"], algorithm="spdx:checksumAlgorithm_sha256",
                             checksumValue=fixity["digest"], byteSize=fixity["size"])
    if "source_text" in s:
        out["sourceText"] = s["source_text"]
    texts = {}
    parts = []
    for i, p in enumerate(s.get("paragraphs", []), 1):
        texts[p["id"]] = p["text"]
        pid = part(encode(p["id"]))
        span = p.get("source_span")
        parts.append(node(pid, ["CreativeWork", "Paragraph"], eId=p["id"], position=i,
                          number=p.get("number"), paragraphKind=p["kind"], text=p["text"],
                          sourceSelector=node(f"{pid}/source", ["TextPositionSelector"],
                                              start=span["start"], end=span["end"]) if span else None))
    if parts:
        out["hasPart"] = parts
    annotations = []
    for i, c in enumerate(s.get("commitments", []), 1):
        aid = part(encode(c["id"]))
        span = c["span"]
        quote = node(f"{aid}/quote", ["TextQuoteSelector"], exact=c["quote"])
        text = texts.get(c["paragraph"])
        if text is not None:
            prefix = text[max(0, span["start"] - QUOTE_CONTEXT):span["start"]]
            suffix = text[span["end"]:span["end"] + QUOTE_CONTEXT]
            if prefix:
                quote["prefix"] = prefix
            if suffix:
                quote["suffix"] = suffix
        method = c["method"]
        body = node(f"{aid}/body", ["Commitment"], kind="codebook:" + c["kind"], actor=c.get("actor"),
                    actorResolved=c.get("actor_resolved"), addressee=c.get("addressee"),
                    cue=c.get("cue"), intensifier=c.get("intensifier"),
                    futureOriented=c.get("future_oriented", False), conditional=c.get("conditional", False),
                    reference=c.get("references", []),
                    method=node(f"{aid}/method", ["Method"], methodKind=method["type"],
                                rule=method.get("rule"), codebookVersion=method.get("codebook"),
                                annotator=method.get("annotator")),
                    assessment=[node(f"{aid}/assessment/{j}", ["Assessment"], position=j, score=a["score"],
                                     periodStart=a.get("period_start"), periodEnd=a.get("period_end"),
                                     evidence=a.get("evidence"), assessor=a["assessor"])
                                for j, a in enumerate(c.get("assessments", []), 1)])
        target = node(f"{aid}/target", ["SpecificResource"], source=part(encode(c["paragraph"])),
                      selector=[node(f"{aid}/position", ["TextPositionSelector"], start=span["start"],
                                     end=span["end"]), quote])
        annotations.append(node(aid, ["Annotation"], eId=c["id"], position=i, motivation="oa:classifying",
                                target=target, body=body))
    if annotations:
        out["commitment"] = annotations
    notes = []
    for i, n in enumerate(s.get("notes", []), 1):
        nid = part(f"note/{i}")
        span = n.get("source_span")
        notes.append(node(nid, ["Note"], position=i, code=n["code"], description=n["message"],
                          sourceSelector=node(f"{nid}/source", ["TextPositionSelector"], start=span["start"],
                                              end=span["end"]) if span else None))
    if notes:
        out["note"] = notes
    return out


def main(source, out):
    with open(out, "w", encoding="utf-8") as doc, open(source, encoding="utf-8") as lines:
        doc.write('{\n  "@context": ' + json.dumps(CONTEXT_IRI) + ',\n  "@graph": [\n')
        first = True
        for line in lines:
            if not line.strip():
                continue
            if not first:
                doc.write(",\n")
            first = False
            text = json.dumps(statement_node(json.loads(line)), indent=2, ensure_ascii=False)
            doc.write("\n".join("    " + row for row in text.split("\n")))
        doc.write("\n  ]\n}\n")


if __name__ == "__main__":
    main(*sys.argv[1:3])
