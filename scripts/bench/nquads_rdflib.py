"""Peer: a JSON-LD document (communique's, with the context from
schemas/communique.context.jsonld put in place of its IRI, so nothing is fetched) ->
N-Quads with rdflib's JSON-LD parser and N-Quads serializer.

usage: python nquads_rdflib.py INPUT.jsonld CONTEXT.jsonld OUTPUT.nq
"""
import json
import sys

from rdflib import Dataset

CONTEXT_IRI = "https://w3id.org/communique/context/v1.jsonld"


def main(source, context_file, out):
    with open(context_file, encoding="utf-8") as f:
        context = json.load(f)["@context"]
    with open(source, encoding="utf-8") as f:
        document = json.load(f)
    if document.get("@context") == CONTEXT_IRI:
        document["@context"] = context
    dataset = Dataset()
    dataset.parse(data=json.dumps(document), format="json-ld")
    dataset.serialize(destination=out, format="nquads", encoding="utf-8")


if __name__ == "__main__":
    main(*sys.argv[1:4])
