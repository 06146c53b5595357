//! Blocks, hidden text, spans and metadata on small pages worked out by hand.

use communique_html::{BlockKind, HtmlPage, HtmlReader, Provenance};

/// The (kind, text) of every block of `html`.
fn check(html: &str, expected: &[(BlockKind, &str)]) {
    let page = HtmlPage::from_text(html);
    let found: Vec<(BlockKind, &str)> = page.blocks().iter().map(|b| (b.kind, b.text.as_str())).collect();
    assert_eq!(found, expected, "{html}");
}

use BlockKind::*;

#[test]
fn kinds_from_elements() {
    check("<h2>Sub</h2><p>One <b>two</b></p>", &[(Heading { level: 2 }, "Sub"), (Paragraph, "One two")]);
    check(
        "<ul><li>outer<ol><li>inner</li></ol></li><li>next</li></ul>",
        &[
            (ListItem { depth: 1, ordered: false }, "outer"),
            (ListItem { depth: 2, ordered: true }, "inner"),
            (ListItem { depth: 1, ordered: false }, "next"),
        ],
    );
    check("<blockquote><p>We will.</p>loose</blockquote>", &[(Quote, "We will."), (Quote, "loose")]);
    check(
        "<table><tr><th>A</th><td>1</td></tr></table>",
        &[(TableCell { header: true }, "A"), (TableCell { header: false }, "1")],
    );
    check("<div>before<p>para</p>after</div>", &[(Loose, "before"), (Paragraph, "para"), (Loose, "after")]);
    check("<figure><img src=x><figcaption>Photo</figcaption></figure>", &[(Caption, "Photo")]);
}

#[test]
fn breaks_and_whitespace() {
    // One <br> is a space, two end the block.
    check("<div>a<br>b<br><br>c</div>", &[(Loose, "a b"), (Loose, "c")]);
    check("<p>a<br> <br/>b</p>", &[(Paragraph, "a"), (Paragraph, "b")]);
    // NBSP, thin space, entity, soft hyphen, zero-width space, LRM.
    check(
        "<p>Bundes&shy;rat&nbsp;tagt\u{2009}heute&#8203;\u{200E} &amp; morgen</p>",
        &[(Paragraph, "Bundesrat tagt heute & morgen")],
    );
}

#[test]
fn hidden_text_is_not_text() {
    check(
        concat!(
            "<p>Donald Trump<span class=\"read__tooltip hidden\">Trump Donald / President</span> spoke.</p>",
            "<script>var p = '<p>x</p>';</script><style>p{}</style><template><p>t</p></template>",
            "<p hidden>h</p><p style=\"display: none\">d</p><p aria-hidden=\"true\">a</p>",
            "<noscript><p>n</p></noscript><p>end<span role=tooltip>tip</span></p>",
        ),
        &[(Paragraph, "Donald Trump spoke."), (Paragraph, "end")],
    );
}

#[test]
fn spans_select_the_source() {
    let html = "<p>Caf&eacute; <a href=\"/x\">Ü</a></p>\r\n<p>two\r\nlines</p>";
    let page = HtmlPage::from_text(html);
    let spans: Vec<_> = page.blocks().iter().map(|b| b.source_span.unwrap()).collect();
    // "Caf&eacute; <a href=\"/x\">Ü" is 3 + 8 + 1 + 13 + 1 = 26 code points from 3.
    assert_eq!((spans[0].start, spans[0].end), (3, 29));
    assert_eq!(spans[0].slice(html), Some("Caf&eacute; <a href=\"/x\">Ü"));
    assert_eq!(spans[1].slice(html), Some("two\r\nlines"));
    let first = &page.blocks()[0];
    assert_eq!((first.text.as_str(), first.link_chars), ("Café Ü", 1));
}

#[test]
fn landmarks_and_context() {
    let page = HtmlPage::from_text(concat!(
        "<nav><a href=/>Home</a></nav><div role=complementary><article><p>Body</p>",
        "<footer>Tags</footer></article></div><aside>Box</aside>",
    ));
    let blocks = page.blocks();
    assert!(blocks[0].landmarks.nav);
    // The article inside a "complementary" element is not an aside; its footer is a footer.
    assert!(blocks[1].landmarks.article && !blocks[1].landmarks.aside);
    assert!(blocks[2].landmarks.footer);
    assert!(blocks[3].landmarks.aside && !blocks[3].landmarks.article);
    assert_eq!(blocks[0].link_density(), 1.0);
}

#[test]
fn non_utf8_pages_are_decoded() {
    // "Заявление" in windows-1251, declared after the title.
    let mut bytes = b"<html><head><title>x</title><meta charset=windows-1251></head><body><h1>".to_vec();
    bytes.extend([0xC7, 0xE0, 0xFF, 0xE2, 0xEB, 0xE5, 0xED, 0xE8, 0xE5]);
    bytes.extend(b"</h1></body></html>");
    let page = HtmlReader::new().read(&bytes);
    assert_eq!(page.encoding().name(), "windows-1251");
    assert_eq!(page.blocks()[0].text, "Заявление");
    // The transport charset outranks the meta declaration.
    let page = HtmlReader::new().with_transport_charset(Some("koi8-r")).read(&bytes);
    assert_eq!(page.encoding().name(), "KOI8-R");
}

#[test]
fn metadata_with_provenance() {
    let page = HtmlPage::from_text(concat!(
        "<html lang=en-GB><head><title>Joint statement | Ministry</title>",
        "<meta property=og:title content=\"Joint statement\">",
        "<meta property=article:published_time content=\"2022-02-16T15:14:00+01:00\">",
        "<meta name=og:url value=\"https://example.org/a\">",
        "<link rel=canonical href=\"a.html\">",
        "<script type=\"application/ld+json\">{\"@graph\":[{\"dateModified\":\"2022-02-17\",",
        "\"author\":{\"name\":\"Press Office\"}}]}</script></head>",
        "<body><header><h1>Ministry</h1></header><article><h1>Joint statement</h1>",
        "<p class=updated>Updated <time datetime=2022-02-18>18 Feb</time></p><p>Text.</p></article></body></html>",
    ));
    let meta = page.metadata();
    let title = meta.title().unwrap();
    assert_eq!(
        (title.value.as_str(), &title.provenance),
        ("Joint statement", &Provenance::Heading("h1".into()))
    );
    let issued = meta.issued().unwrap();
    assert_eq!(issued.value.timestamp.unwrap().to_string(), "2022-02-16T15:14:00+01:00");
    assert_eq!(issued.provenance, Provenance::Meta("article:published_time".into()));
    let updated = meta.last_updated().unwrap();
    assert_eq!(
        (updated.value.date.to_string(), &updated.provenance),
        ("2022-02-17".into(), &Provenance::JsonLd("dateModified".into()))
    );
    assert!(meta.modified.iter().any(|d| d.value.date.to_string() == "2022-02-18"
        && d.provenance == Provenance::TimeElement("updated".into())));
    // A relative canonical link is not taken; og:url (written name=/value=) is.
    assert_eq!(meta.canonical_url().unwrap().value, "https://example.org/a");
    assert_eq!(meta.language.as_ref().unwrap().value, "en-GB");
    assert_eq!(meta.author().unwrap().value, "Press Office");
}
