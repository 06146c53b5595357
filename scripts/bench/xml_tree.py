"""Builds the element of one statement in communique's XML vocabulary, with either
lxml.etree or xml.etree.ElementTree (both offer Element and SubElement)."""

NAMESPACE = "https://w3id.org/communique/xml/1.0"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _text(etree, parent, name, value):
    if value is not None and value != "":
        etree.SubElement(parent, name).text = value


def _date(etree, parent, name, value):
    if not value:
        return
    date, _, rest = value.partition("T")
    element = etree.SubElement(parent, "date", name=name, date=date)
    if rest:
        for i, c in enumerate(rest):
            if c in "Z+-":
                element.set("time", rest[:i])
                element.set("offset", rest[i:])
                break
        else:
            element.set("time", rest)


def statement_element(etree, record):
    s = etree.Element("statement", id=record["id"], kind=record["kind"])
    if record.get("language"):
        s.set(XML_LANG, record["language"])
    _text(etree, s, "title", record.get("title"))
    for issuer in record.get("issuers", []):
        element = etree.SubElement(s, "issuer", kind=issuer.get("kind", "organization"))
        _text(etree, element, "name", issuer["name"])
        _text(etree, element, "role", issuer.get("role"))
    for place in record.get("places", []):
        _text(etree, s, "place", place)
    _date(etree, s, "issued", record.get("issued"))
    _date(etree, s, "lastUpdated", record.get("last_updated"))
    _date(etree, s, "published", record.get("published"))
    _text(etree, s, "docNumber", record.get("reference"))
    for keyword in record.get("keywords", []):
        _text(etree, s, "keyword", keyword)
    source = record.get("source")
    if source:
        element = etree.SubElement(s, "source")
        for key in ("attribution", "url", "via"):
            _text(etree, element, key, source.get(key))
        _date(etree, element, "retrieved", source.get("retrieved"))
    _text(etree, s, "sourceText", record.get("source_text"))
    for p in record.get("paragraphs", []):
        element = etree.SubElement(s, "paragraph", eId=p["id"], kind=p["kind"])
        _text(etree, element, "num", p.get("number"))
        etree.SubElement(element, "text").text = p["text"]
    for c in record.get("commitments", []):
        element = etree.SubElement(s, "commitment", eId=c["id"], paragraph=c["paragraph"], kind=c["kind"])
        if c.get("future_oriented"):
            element.set("futureOriented", "true")
        if c.get("conditional"):
            element.set("conditional", "true")
        quote = etree.SubElement(element, "quote", start=str(c["span"]["start"]), end=str(c["span"]["end"]))
        quote.text = c["quote"]
        for key, name in (("actor", "actor"), ("actor_resolved", "actorResolved"),
                          ("addressee", "addressee"), ("cue", "cue"), ("intensifier", "intensifier")):
            _text(etree, element, name, c.get(key))
        for reference in c.get("references", []):
            _text(etree, element, "reference", reference)
        method = c["method"]
        m = etree.SubElement(element, "method", type=method["type"])
        for key in ("rule", "codebook"):
            if method.get(key):
                m.set(key, method[key])
        _text(etree, m, "annotator", method.get("annotator"))
    for note in record.get("notes", []):
        element = etree.SubElement(s, "note", code=note["code"])
        element.text = note["message"]
    return s
