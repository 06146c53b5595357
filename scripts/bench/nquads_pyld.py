"""Peer: a JSON-LD document (communique's, the context served offline from
schemas/communique.context.jsonld) -> N-Quads with pyld's to_rdf.

usage: python nquads_pyld.py INPUT.jsonld CONTEXT.jsonld OUTPUT.nq
"""
import json
import sys

from pyld import jsonld

CONTEXT_IRI = "https://w3id.org/communique/context/v1.jsonld"


def main(source, context_file, out):
    with open(context_file, encoding="utf-8") as f:
        context = json.load(f)

    def loader(url, options=None):
        if url != CONTEXT_IRI:
            raise jsonld.JsonLdError(f"offline: no document at {url}", "loading document failed")
        return {"contextUrl": None, "documentUrl": url, "document": context}

    with open(source, encoding="utf-8") as f:
        document = json.load(f)
    nquads = jsonld.to_rdf(document, {"format": "application/n-quads", "documentLoader": loader})
    with open(out, "w", encoding="utf-8") as f:
        f.write(nquads)


if __name__ == "__main__":
    main(*sys.argv[1:4])
