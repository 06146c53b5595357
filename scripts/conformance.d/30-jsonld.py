"""JSON-LD conformance checks for the exports of communique-jsonld.

Usage: 30-jsonld.py EXPORT_DIR   (run by 30-jsonld.sh with the conformance venv's Python)

EXPORT_DIR holds NAME.jsonld documents and, beside each single-record document, NAME.nq:
the N-Quads oxjsonld made of it. For every document:

1. pyld (a second JSON-LD processor) turns it into RDF, offline: its document loader
   serves only our context, from schemas/communique.context.jsonld. Both RDF datasets are
   canonicalised with URDNA2015 (pyld's normalize) and must be identical.
2. rdflib parses the document (its own JSON-LD parser, the context embedded by hand so no
   network is touched) and its graph must be isomorphic to pyld's.
3. pyshacl validates pyld's graph against schemas/communique.shapes.ttl: it must conform.

Then deliberately broken graphs must not conform: an annotation whose target lost its
selectors, a datePublished that is a plain string, one that is an ill-typed xsd:date, and
a TextPositionSelector moved by one code point. rdflib also parses the vocabulary and the
shapes (Turtle). Exits non-zero on the first failed check class, after reporting all.
"""

import json
import logging
import pathlib
import sys

import pyshacl
from pyld import jsonld
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import RDF, XSD

ROOT = pathlib.Path(__file__).resolve().parents[2]
CONTEXT_IRI = "https://w3id.org/communique/context/v1.jsonld"
CONTEXT_FILE = ROOT / "schemas" / "communique.context.jsonld"
SHAPES_FILE = ROOT / "schemas" / "communique.shapes.ttl"
VOCAB_FILE = ROOT / "schemas" / "communique.vocab.ttl"
SCHEMA = Namespace("https://schema.org/")
OA = Namespace("http://www.w3.org/ns/oa#")

# rdflib logs a traceback for each ill-typed literal; the broken graphs hold one on purpose.
logging.getLogger("rdflib.term").setLevel(logging.CRITICAL)

CONTEXT = json.loads(CONTEXT_FILE.read_text(encoding="utf-8"))
failures = []


def fail(message):
    failures.append(message)
    print(f"FAIL {message}")


def load_document(url, options=None):
    """pyld document loader: our context only, never the network."""
    if url != CONTEXT_IRI:
        raise jsonld.JsonLdError(f"no local copy of {url}", "jsonld.LoadDocumentError", code="loading document failed")
    return {"contextUrl": None, "documentUrl": url, "document": CONTEXT}


def canonical(nquads):
    return jsonld.normalize(
        nquads, {"algorithm": "URDNA2015", "inputFormat": "application/n-quads", "format": "application/n-quads"}
    )


def pyld_nquads(document):
    return jsonld.to_rdf(document, {"format": "application/n-quads", "documentLoader": load_document})


def graph_of(nquads):
    # Every triple is in the default graph, so the N-Quads are N-Triples.
    return Graph().parse(data=nquads, format="nt")


def rdflib_graph(document):
    embedded = dict(document)
    if embedded.get("@context") == CONTEXT_IRI:
        embedded["@context"] = CONTEXT["@context"]
    return Graph().parse(data=json.dumps(embedded), format="json-ld")


SHAPES = Graph().parse(SHAPES_FILE, format="turtle")


def conforms(graph):
    ok, _, text = pyshacl.validate(graph, shacl_graph=SHAPES, inference="none", advanced=True, allow_warnings=False)
    return ok, text


def check_document(path):
    document = json.loads(path.read_text(encoding="utf-8"))
    ours = pyld_nquads(document)
    graph = graph_of(ours)
    if len(graph) == 0:
        fail(f"{path.name}: pyld produced no triple")
        return None
    oxjsonld_file = path.with_suffix(".nq")
    if oxjsonld_file.exists():
        theirs = oxjsonld_file.read_text(encoding="utf-8")
        a, b = canonical(ours), canonical(theirs)
        if a != b:
            only_pyld = sorted(set(a.splitlines()) - set(b.splitlines()))[:5]
            only_ox = sorted(set(b.splitlines()) - set(a.splitlines()))[:5]
            fail(f"{path.name}: pyld and oxjsonld differ after URDNA2015\n  pyld only: {only_pyld}\n  oxjsonld only: {only_ox}")
        else:
            print(f"ok   {path.name}: pyld and oxjsonld agree after URDNA2015 ({len(a.splitlines())} quads)")
    if not isomorphic(rdflib_graph(document), graph):
        fail(f"{path.name}: rdflib's JSON-LD graph is not isomorphic to pyld's")
    else:
        print(f"ok   {path.name}: rdflib parses it to the same graph")
    ok, report = conforms(graph)
    if not ok:
        fail(f"{path.name}: does not conform to the SHACL shapes\n{report}")
    else:
        print(f"ok   {path.name}: conforms to the SHACL shapes")
    return graph


def broken_graphs(graph):
    """Copies of a conforming graph, each with one deliberate defect and the text the
    validation report must hold (the constraint that catches it)."""
    statement = next(graph.subjects(RDF.type, URIRef("https://w3id.org/communique/ns#Statement")))
    annotation = sorted(graph.subjects(RDF.type, OA.Annotation))[0]
    target = graph.value(annotation, OA.hasTarget)

    no_selector = Graph() + graph
    no_selector.remove((target, OA.hasSelector, None))
    yield "an annotation without a selector", no_selector, "TextPositionSelector"

    for label, value in [
        ("a datePublished that is a plain string", Literal("16 Feb. 2022")),
        ("a datePublished that is not a calendar date", Literal("2022-02-30", datatype=XSD.date)),
        ("a datePublished that is a dateTime", Literal("2022-02-16T00:00:00", datatype=XSD.dateTime)),
    ]:
        bad = Graph() + graph
        bad.set((statement, SCHEMA.datePublished, value))
        yield label, bad, "datePublished"

    moved = Graph() + graph
    for selector in graph.objects(target, OA.hasSelector):
        if (selector, RDF.type, OA.TextPositionSelector) in graph:
            start = int(graph.value(selector, OA.start))
            moved.set((selector, OA.start, Literal(start + 1, datatype=XSD.nonNegativeInteger)))
    yield "a TextPositionSelector that does not select its quote", moved, "does not select the TextQuoteSelector"


def main():
    export_dir = pathlib.Path(sys.argv[1])
    for ttl in (VOCAB_FILE, SHAPES_FILE):
        try:
            print(f"ok   {ttl.name}: rdflib parses {len(Graph().parse(ttl, format='turtle'))} triples")
        except Exception as error:  # noqa: BLE001 - report any parser failure
            fail(f"{ttl.name}: rdflib cannot parse it: {error}")
    documents = sorted(export_dir.glob("*.jsonld"))
    if not documents:
        fail(f"no .jsonld in {export_dir}")
    reference = None
    for path in documents:
        graph = check_document(path)
        if graph is not None and path.name.startswith("nato-2022-02-16"):
            reference = graph
    if reference is None:
        fail("the reference statement was not exported")
    else:
        for label, bad, reason in broken_graphs(reference):
            ok, report = conforms(bad)
            if ok:
                fail(f"broken graph ({label}) conforms to the shapes")
            elif reason not in report:
                fail(f"broken graph ({label}) does not conform, but not for {reason!r}:\n{report}")
            else:
                print(f"ok   broken graph ({label}) does not conform ({reason})")
    if failures:
        print(f"30-jsonld: {len(failures)} check(s) failed")
        sys.exit(1)
    print(f"30-jsonld: {len(documents)} document(s) passed")


if __name__ == "__main__":
    main()
