"""Peer: JSON Lines -> one XML document (<statements> in communique's namespace) with
lxml's incremental writer (etree.xmlfile), one statement element at a time.

usage: python xml_lxml.py INPUT.jsonl OUTPUT.xml
"""
import json
import sys

from lxml import etree

from xml_tree import NAMESPACE, statement_element


def main(source, out):
    with etree.xmlfile(out, encoding="UTF-8") as xf, open(source, encoding="utf-8") as lines:
        xf.write_declaration()
        with xf.element("statements", xmlns=NAMESPACE):
            for line in lines:
                if line.strip():
                    xf.write("\n  ", statement_element(etree, json.loads(line)))
            xf.write("\n")


if __name__ == "__main__":
    main(*sys.argv[1:3])
