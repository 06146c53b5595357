"""Peer: JSON Lines -> one XML document with the standard library's ElementTree,
streaming: the root tags are written by hand and each statement element is serialised
with ElementTree.tostring as it is built.

usage: python xml_etree.py INPUT.jsonl OUTPUT.xml
"""
import json
import sys
import xml.etree.ElementTree as ET

from xml_tree import NAMESPACE, statement_element


def main(source, out):
    with open(out, "w", encoding="utf-8") as xml, open(source, encoding="utf-8") as lines:
        xml.write(f'<?xml version="1.0" encoding="UTF-8"?>\n<statements xmlns="{NAMESPACE}">')
        for line in lines:
            if line.strip():
                xml.write("\n  ")
                xml.write(ET.tostring(statement_element(ET, json.loads(line)), encoding="unicode"))
        xml.write("\n</statements>\n")


if __name__ == "__main__":
    main(*sys.argv[1:3])
