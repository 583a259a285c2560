//! Cutting a YAML stream into documents as Helm's `SplitManifests` does.
//!
//! Helm trims the text, then splits it at every match of `(?:^|\s*\n)---\s*` (Go's
//! RE2, where `\s` is `[\t\n\f\r ]`): a `---` that starts the text, or that starts a
//! line. Nothing needs to follow the dashes on their line (`---apiVersion: v1` is cut
//! after the dashes, and `----` leaves a lone `-`), and the whitespace around the
//! separator, blank lines included, goes with it. Empty pieces are dropped and the
//! others trimmed (with Go's Unicode `TrimSpace`, which is Rust's `trim`).

/// Go regexp's `\s`.
fn is_re_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | b'\x0c' | b'\r' | b' ')
}

/// The byte ranges `(?:^|\s*\n)---\s*` matches in `s`, leftmost first, without
/// overlaps, as Go's `FindAllStringIndex` gives them.
fn separators(s: &str) -> Vec<(usize, usize)> {
    let b = s.as_bytes();
    let mut found = Vec::new();
    let skip_space = |mut i: usize| {
        while i < b.len() && is_re_space(b[i]) {
            i += 1;
        }
        i
    };
    let mut pos = 0;
    if b.starts_with(b"---") {
        let end = skip_space(3);
        found.push((0, end));
        pos = end;
    }
    // Elsewhere a match is a run of whitespace whose last byte is a line feed,
    // followed by `---`: the dashes are not whitespace, so the `\n` the pattern needs
    // must end the run, and the earliest start is the run's own start.
    while pos < b.len() {
        if !is_re_space(b[pos]) {
            pos += 1;
            continue;
        }
        let run_end = skip_space(pos);
        if b[run_end - 1] == b'\n' && b[run_end..].starts_with(b"---") {
            let end = skip_space(run_end + 3);
            found.push((pos, end));
            pos = end;
        } else {
            pos = run_end;
        }
    }
    found
}

/// Helm's `SplitManifests`: the documents of `text`, in order, each trimmed.
///
/// A piece that is not empty but holds only non-ASCII whitespace (which the
/// separator pattern does not take) stays, as an empty document: Go drops pieces
/// before trimming them.
pub fn split_manifests(text: &str) -> Vec<&str> {
    let s = text.trim();
    let mut docs = Vec::new();
    let mut begin = 0;
    for (start, end) in separators(s) {
        docs.push(&s[begin..start]);
        begin = end;
    }
    docs.push(&s[begin..]);
    docs.into_iter()
        .filter(|d| !d.is_empty())
        .map(str::trim)
        .collect()
}
