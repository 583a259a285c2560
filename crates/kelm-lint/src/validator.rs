//! The `govalidator` checks Helm's `Chart.yaml` rules use, as far as charts meet them:
//! `IsRequestURL` (an absolute URL Go's `url.ParseRequestURI` accepts), `IsEmail`
//! and `IsURL`.

/// `IsRequestURL`: a scheme, then text Go's request-URI parser accepts.
pub fn is_request_url(s: &str) -> bool {
    let Some((scheme, rest)) = s.split_once(':') else {
        return false;
    };
    if !is_scheme(scheme) || has_ctl(s) {
        return false;
    }
    // Go's ParseRequestURI refuses an opaque URL that does not start with `/`.
    if !rest.starts_with('/') {
        return false;
    }
    match rest.strip_prefix("//") {
        Some(authority_and_path) => {
            let authority = authority_and_path
                .split(['/', '?', '#'])
                .next()
                .unwrap_or("");
            let host = authority.rsplit('@').next().unwrap_or("");
            valid_host(host) && valid_escapes(authority_and_path)
        }
        None => valid_escapes(rest),
    }
}

fn is_scheme(s: &str) -> bool {
    let mut bytes = s.bytes();
    matches!(bytes.next(), Some(b) if b.is_ascii_alphabetic())
        && bytes.all(|b| b.is_ascii_alphanumeric() || b == b'+' || b == b'-' || b == b'.')
}

fn has_ctl(s: &str) -> bool {
    s.bytes().any(|b| b < 0x20 || b == 0x7f)
}

/// Go's host check: the characters a host (with an optional port) may have.
fn valid_host(host: &str) -> bool {
    host.bytes()
        .all(|b| b.is_ascii_alphanumeric() || b"-._~!$&'()*+,;=:[]%".contains(&b) || b >= 0x80)
}

/// Every `%` starts a two-digit hexadecimal escape.
fn valid_escapes(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            if i + 2 >= b.len() {
                return false;
            }
            if !(b[i + 1].is_ascii_hexdigit() && b[i + 2].is_ascii_hexdigit()) {
                return false;
            }
            i += 3;
        } else {
            i += 1;
        }
    }
    true
}

/// `IsEmail`: a local part of atoms (or a quoted string), `@`, and a domain of at
/// least two dot-separated labels whose last starts and ends with a letter.
pub fn is_email(s: &str) -> bool {
    let Some((local, domain)) = s.rsplit_once('@') else {
        return false;
    };
    let atom_char = |c: char| c.is_alphanumeric() || "!#$%&'*+-/=?^_`{|}~".contains(c);
    let local_ok = if local.len() >= 2 && local.starts_with('"') && local.ends_with('"') {
        true
    } else {
        !local.is_empty()
            && local
                .split('.')
                .all(|a| !a.is_empty() && a.chars().all(atom_char))
    };
    if !local_ok {
        return false;
    }
    let domain = domain.strip_suffix('.').unwrap_or(domain);
    let labels: Vec<&str> = domain.split('.').collect();
    if labels.len() < 2 {
        return false;
    }
    let label_ok = |l: &str| {
        let chars: Vec<char> = l.chars().collect();
        !chars.is_empty()
            && chars[0].is_alphanumeric()
            && chars[chars.len() - 1].is_alphanumeric()
            && chars
                .iter()
                .all(|c| c.is_alphanumeric() || "-.~_".contains(*c))
    };
    let tld = labels[labels.len() - 1];
    labels.iter().all(|l| label_ok(l))
        && tld.chars().next().is_some_and(char::is_alphabetic)
        && tld.chars().last().is_some_and(char::is_alphabetic)
}

/// `IsURL`: an optional scheme, then a host that is an IP address, `localhost` or a
/// dotted domain name, an optional port and path.
pub fn is_url(s: &str) -> bool {
    if s.is_empty() || s.len() >= 2083 || s.len() <= 3 || s.starts_with('.') || has_ctl(s) {
        return false;
    }
    let rest = match s.split_once("://") {
        Some((scheme, rest)) => {
            let scheme = scheme.to_ascii_lowercase();
            if !matches!(
                scheme.as_str(),
                "http" | "https" | "ftp" | "tcp" | "udp" | "ws" | "wss" | "irc"
            ) {
                return false;
            }
            rest
        }
        None => s,
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host_port = authority.rsplit('@').next().unwrap_or("");
    let host = match host_port.rsplit_once(':') {
        Some((h, port)) if !h.contains(']') || h.ends_with(']') => {
            if port.is_empty() || !port.bytes().all(|b| b.is_ascii_digit()) || port.len() > 5 {
                return false;
            }
            h
        }
        _ => host_port,
    };
    if host.is_empty() || host.starts_with('.') {
        return false;
    }
    if host == "localhost" || host.parse::<std::net::Ipv4Addr>().is_ok() {
        return true;
    }
    if let Some(inner) = host.strip_prefix('[').and_then(|h| h.strip_suffix(']')) {
        return inner.parse::<std::net::Ipv6Addr>().is_ok();
    }
    let labels: Vec<&str> = host.trim_end_matches('.').split('.').collect();
    labels.len() >= 2
        && labels.iter().all(|l| {
            !l.is_empty()
                && l.len() <= 63
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars()
                    .all(|c| c.is_alphanumeric() || c == '-' || c == '_')
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn request_urls() {
        assert!(is_request_url("https://example.com/icon.png"));
        assert!(is_request_url("http://localhost:8080"));
        assert!(!is_request_url("example.com/icon.png"));
        assert!(!is_request_url("not a url"));
        assert!(!is_request_url("mailto:someone"));
        assert!(!is_request_url("http://bad host/"));
    }

    #[test]
    fn emails() {
        assert!(is_email("someone@example.com"));
        assert!(!is_email("someone@localhost"));
        assert!(!is_email("someone"));
        assert!(!is_email("a b@example.com"));
    }

    #[test]
    fn urls() {
        assert!(is_url("https://example.com"));
        assert!(is_url("example.com/path"));
        assert!(!is_url("not-a-url"));
        assert!(!is_url("http://"));
    }
}
