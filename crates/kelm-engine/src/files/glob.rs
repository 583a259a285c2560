//! Glob patterns as gobwas/glob v0.2.3 reads and matches them with `/` as the only
//! separator (what `.Files.Glob` uses).
//!
//! Syntax: `*` is any run of characters without `/`, `**` any run at all, `?` one
//! character other than `/`, `[abc]` / `[!abc]` one character in (not in) the list,
//! `[a-z]` / `[!a-z]` one in (not in) the range (neither form excludes `/`),
//! `{a,b}` either alternative (alternatives nest; an unclosed `{` keeps its
//! alternatives up to the end), `\` takes the next character literally. `,` and `}`
//! are literal outside braces, `]` outside brackets. Errors (an unfinished bracket, an
//! empty or malformed one, a range whose high end is below its low end) are what make
//! Helm fall back to `**`.

/// One element of a pattern.
#[derive(Debug, Clone, PartialEq)]
enum Node {
    Text(Vec<char>),
    Any,
    Super,
    Single,
    List { chars: Vec<char>, not: bool },
    Range { lo: char, hi: char, not: bool },
    AnyOf(Vec<Vec<Node>>),
}

/// A compiled pattern.
#[derive(Debug, Clone)]
pub(crate) struct Glob(Vec<Node>);

/// Where the parser is putting nodes: the alternatives of each open `{`.
struct Builder {
    /// The open braces, innermost last; each holds its alternatives so far.
    open: Vec<Vec<Vec<Node>>>,
    /// The sequence being built (top level or the current alternative).
    current: Vec<Node>,
}

impl Builder {
    fn push(&mut self, n: Node) {
        self.current.push(n);
    }

    fn open_terms(&mut self) {
        let outer = std::mem::take(&mut self.current);
        // The outer sequence is kept as the first "alternative" slot's parent: store it
        // at the front of the alternatives list and take it back when closing.
        self.open.push(vec![outer]);
    }

    fn separator(&mut self) {
        let alt = std::mem::take(&mut self.current);
        if let Some(level) = self.open.last_mut() {
            level.push(alt);
        }
    }

    fn close_terms(&mut self) {
        let alt = std::mem::take(&mut self.current);
        if let Some(mut level) = self.open.pop() {
            level.push(alt);
            let outer = level.remove(0);
            self.current = outer;
            self.current.push(Node::AnyOf(level));
        }
    }

    fn finish(mut self) -> Vec<Node> {
        while !self.open.is_empty() {
            self.close_terms();
        }
        self.current
    }
}

impl Glob {
    /// The pattern `**`, which matches everything.
    pub(crate) fn everything() -> Glob {
        Glob(vec![Node::Super])
    }

    /// Compiles `pattern`; the error says why gobwas would refuse it.
    pub(crate) fn compile(pattern: &str) -> Result<Glob, String> {
        let chars: Vec<char> = pattern.chars().collect();
        let mut b = Builder {
            open: Vec::new(),
            current: Vec::new(),
        };
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            let in_terms = !b.open.is_empty();
            match c {
                '{' => {
                    b.open_terms();
                    i += 1;
                }
                ',' if in_terms => {
                    b.separator();
                    i += 1;
                }
                '}' if in_terms => {
                    b.close_terms();
                    i += 1;
                }
                '[' => {
                    let (node, next) = range(&chars, i + 1)?;
                    b.push(node);
                    i = next;
                }
                '?' => {
                    b.push(Node::Single);
                    i += 1;
                }
                '*' => {
                    if chars.get(i + 1) == Some(&'*') {
                        b.push(Node::Super);
                        i += 2;
                    } else {
                        b.push(Node::Any);
                        i += 1;
                    }
                }
                _ => {
                    let breakers: &[char] = if in_terms {
                        &['?', '*', '[', '{', '}', ',']
                    } else {
                        &['?', '*', '[', '{']
                    };
                    let (text, next) = text(&chars, i, breakers);
                    if !text.is_empty() {
                        b.push(Node::Text(text));
                    }
                    i = next;
                }
            }
        }
        Ok(Glob(b.finish()))
    }

    /// Whether the whole of `name` matches.
    pub(crate) fn matches(&self, name: &str) -> bool {
        let s: Vec<char> = name.chars().collect();
        match_seq(&self.0, &s, 0, &|p| p == s.len())
    }
}

/// Literal text from `i` up to a breaker, with `\` escapes; the index after it.
fn text(chars: &[char], mut i: usize, breakers: &[char]) -> (Vec<char>, usize) {
    let mut out = Vec::new();
    let mut escaped = false;
    while i < chars.len() {
        let c = chars[i];
        if !escaped {
            if c == '\\' {
                escaped = true;
                i += 1;
                continue;
            }
            if breakers.contains(&c) {
                break;
            }
        }
        escaped = false;
        out.push(c);
        i += 1;
    }
    (out, i)
}

/// A bracket expression starting after its `[`; the node and the index after `]`.
fn range(chars: &[char], mut i: usize) -> Result<(Node, usize), String> {
    let mut not = false;
    let mut lo: Option<char> = None;
    let mut hi: Option<char> = None;
    let mut list: Vec<char> = Vec::new();
    let mut want_hi = false;
    let mut want_close = false;
    loop {
        let Some(&c) = chars.get(i) else {
            return Err("unexpected end of input".into());
        };
        i += 1;
        if want_close {
            if c != ']' {
                return Err("expected close range character".into());
            }
            break;
        }
        if want_hi {
            if lo.is_some_and(|l| c < l) {
                return Err("hi character should be greater than lo".into());
            }
            hi = Some(c);
            want_close = true;
            continue;
        }
        if !not && c == '!' {
            not = true;
            continue;
        }
        if chars.get(i) == Some(&'-') {
            lo = Some(c);
            i += 1;
            want_hi = true;
            continue;
        }
        let (t, next) = text(chars, i - 1, &[']']);
        list = t;
        i = next;
        want_close = true;
    }
    let is_range = lo.is_some_and(|c| c != '\0') && hi.is_some_and(|c| c != '\0');
    let is_list = !list.is_empty();
    if is_range == is_list {
        return Err("could not parse range".into());
    }
    let node = if is_range {
        Node::Range {
            lo: lo.unwrap_or_default(),
            hi: hi.unwrap_or_default(),
            not,
        }
    } else {
        Node::List { chars: list, not }
    };
    Ok((node, i))
}

/// Whether `nodes` match `s` from `pos` in a way after which `rest` accepts.
fn match_seq(nodes: &[Node], s: &[char], pos: usize, rest: &dyn Fn(usize) -> bool) -> bool {
    let Some((first, tail)) = nodes.split_first() else {
        return rest(pos);
    };
    let next = |p: usize| match_seq(tail, s, p, rest);
    match first {
        Node::Text(t) => s[pos..].starts_with(t) && next(pos + t.len()),
        Node::Single => s.get(pos).is_some_and(|&c| c != '/') && next(pos + 1),
        Node::List { chars, not } => {
            s.get(pos).is_some_and(|c| chars.contains(c) != *not) && next(pos + 1)
        }
        Node::Range { lo, hi, not } => {
            s.get(pos).is_some_and(|c| (lo <= c && c <= hi) != *not) && next(pos + 1)
        }
        Node::Any => {
            let mut p = pos;
            loop {
                if next(p) {
                    return true;
                }
                if p == s.len() || s[p] == '/' {
                    return false;
                }
                p += 1;
            }
        }
        Node::Super => (pos..=s.len()).any(next),
        Node::AnyOf(alts) => alts.iter().any(|alt| match_seq(alt, s, pos, &next)),
    }
}

#[cfg(test)]
mod tests {
    use super::Glob;

    fn m(pattern: &str, name: &str) -> bool {
        Glob::compile(pattern).unwrap().matches(name)
    }

    #[test]
    fn matching() {
        assert!(m("*.txt", "a.txt"));
        assert!(!m("*.txt", "d/a.txt"));
        assert!(m("**.txt", "d/a.txt"));
        assert!(m("d/**", "d/e/f"));
        assert!(m("d/?.txt", "d/a.txt"));
        assert!(!m("?", "/"));
        assert!(m("{a,b/*}.txt", "b/c.txt"));
        assert!(m("[a-c]x", "bx"));
        assert!(m("[!a-c]x", "/x"));
        assert!(m("[ab]x", "ax"));
        assert!(m("a,b}", "a,b}"));
        assert!(m("{a,b", "b"));
        assert!(m("\\*", "*"));
        assert!(!m("\\*", "a"));
    }

    #[test]
    fn errors() {
        for bad in ["[", "[]", "[a-", "[z-a]", "[ab"] {
            assert!(Glob::compile(bad).is_err(), "{bad}");
        }
    }
}
