//! The host of a statement's source address, for the rules that depend on its publisher.
//!
//! One reading of an address's authority (RFC 3986, section 3.2: `[userinfo@]host[:port]`
//! after `scheme://`) serves every caller: the Markdown front matter's issuer and the
//! commitment coding's publisher side.

/// The host of an address (`http://en.kremlin.ru/events/…` gives `en.kremlin.ru`), without
/// a user, port or trailing dot, in the case it is written in. The scheme is a letter and
/// then letters, digits, "+", "-" or "." before "://" (RFC 3986, section 3.1), so an
/// address inside another one's path or query is not taken for its host. An address
/// written without its scheme (`www.whitehouse.gov/briefing-room/`) is read from its start,
/// as people copy them, when what comes before the first "/" has a dot. `None` when there
/// is no host: an empty string, a path (`/news/1`, `news/1`).
pub(crate) fn host(url: &str) -> Option<&str> {
    let url = url.trim();
    let scheme_end = url.find("://").filter(|&at| is_scheme(&url[..at]));
    let (rest, schemeless) = match scheme_end {
        Some(at) => (&url[at + 3..], false),
        None => (url.strip_prefix("//").unwrap_or(url), !url.starts_with("//")),
    };
    let authority = rest.split(['/', '?', '#']).next()?;
    let authority = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let host = authority.split(':').next()?.trim_end_matches('.');
    let plausible = !schemeless || host.contains('.');
    (plausible && !host.is_empty() && !host.contains(char::is_whitespace)).then_some(host)
}

/// Whether `s` is a URI scheme (RFC 3986, section 3.1): `ALPHA *( ALPHA / DIGIT / "+" /
/// "-" / "." )`.
fn is_scheme(s: &str) -> bool {
    let mut bytes = s.bytes();
    bytes.next().is_some_and(|b| b.is_ascii_alphabetic())
        && bytes.all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.'))
}

/// Whether `host` is `site` or a host below it (`en.kremlin.ru` is on `kremlin.ru`,
/// `notkremlin.ru` is not), ASCII case ignored.
/// Compared as bytes, so a host with letters outside ASCII (`пример.рф`) is never cut
/// inside a character.
pub(crate) fn is_on(host: &str, site: &str) -> bool {
    let (host, site) = (host.as_bytes(), site.as_bytes());
    let Some(start) = host.len().checked_sub(site.len()) else { return false };
    host[start..].eq_ignore_ascii_case(site) && (start == 0 || host[start - 1] == b'.')
}

#[cfg(test)]
mod tests {
    use super::{host, is_on};

    #[test]
    fn the_host_is_the_authority_less_user_port_and_trailing_dot() {
        assert_eq!(host("http://en.kremlin.ru/events/president/news/1"), Some("en.kremlin.ru"));
        assert_eq!(host("https://user:pw@www.Example.org:8443/a?b#c"), Some("www.Example.org"));
        assert_eq!(host("https://whitehouse.gov./x"), Some("whitehouse.gov"));
        assert_eq!(host("www.whitehouse.gov/briefing-room/"), Some("www.whitehouse.gov"));
        assert_eq!(host("//jis.gov.jm/news"), Some("jis.gov.jm"));
        assert_eq!(host("/news/1"), None);
        assert_eq!(host("news/1"), None);
        // An address in another's path or query is not the host (its "://" follows no
        // scheme).
        assert_eq!(host("example.org/r?u=https://whitehouse.gov/"), Some("example.org"));
        assert_eq!(host("web.archive.org/web/2021/https://www.whitehouse.gov/x"), Some("web.archive.org"));
        assert_eq!(
            host("https://web.archive.org/web/2021/https://www.whitehouse.gov/"),
            Some("web.archive.org")
        );
        assert_eq!(host("  "), None);
        assert_eq!(host("https:///path"), None);
    }

    #[test]
    fn a_host_is_on_a_site_at_a_label_boundary() {
        assert!(is_on("en.kremlin.ru", "kremlin.ru"));
        assert!(is_on("KREMLIN.RU", "kremlin.ru"));
        assert!(!is_on("notkremlin.ru", "kremlin.ru"));
        assert!(!is_on("ru", "kremlin.ru"));
        // A host outside ASCII whose bytes end inside a character at the site's length.
        assert!(!is_on("é.ru", "a.ru"));
        assert!(is_on("пример.рф", "пример.рф"));
    }
}
