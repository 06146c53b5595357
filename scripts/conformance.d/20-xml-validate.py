"""Validate communique XML documents against schemas/communique.xsd with xmlschema.

Usage: 20-xml-validate.py SCHEMA (valid|invalid) DOCUMENT...

"valid": every document must validate; "invalid": every document must be rejected.
Prints one line per document and exits non-zero when any document goes the wrong way.
Resources are loaded from local files only (allow="sandbox"): the run works offline.
"""

import os
import sys

import xmlschema


def main(argv: list[str]) -> int:
    if len(argv) < 4 or argv[2] not in ("valid", "invalid"):
        print(__doc__, file=sys.stderr)
        return 2
    schema_path, expect, documents = argv[1], argv[2], argv[3:]
    schema = xmlschema.XMLSchema10(os.path.abspath(schema_path), allow="sandbox")
    wrong = 0
    for document in documents:
        errors = list(schema.iter_errors(document))
        if expect == "valid" and errors:
            wrong += 1
            print(f"xmlschema: {document}: INVALID, expected valid:")
            for error in errors[:5]:
                print(f"  {error.reason} at {error.path}")
        elif expect == "invalid" and not errors:
            wrong += 1
            print(f"xmlschema: {document}: valid, expected INVALID")
        elif errors:
            print(f"xmlschema: {document}: rejected as expected: {errors[0].reason}")
        else:
            print(f"xmlschema: {document}: valid")
    return 1 if wrong else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
