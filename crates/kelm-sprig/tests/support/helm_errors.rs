//! How Helm 4.1.4 rewrites template errors before printing them (`pkg/engine/engine.go`:
//! `cleanupParseError`, `reformatExecErrorMsg`), applied to the Go error text kelm's
//! engine produces.
//!
//! This is a stand-in until kelm's engine crate owns this rewriting. Helm walks the Go
//! error *chain* (`errors.Unwrap`), which a message string does not carry; the stand-in
//! rebuilds the chain from the text using how `text/template` builds it: an execution
//! error's text is `template: LOC: executing "NAME" at <CTX>: MSG`, and only
//! `error calling F: ERR` wraps (`%w`) another error, ERR. Helm keeps its multi-line
//! trace only while every error in the chain starts with `template: `; otherwise it
//! prints Go's message unchanged.

/// What Helm prints after `Error: ` for a parse error in `file`.
pub fn parse_error(file: &str, go_message: &str) -> String {
    let tokens: Vec<&str> = go_message.split(": ").collect();
    if tokens.len() == 1 {
        return format!("parse error in ({file}): {go_message}");
    }
    format!(
        "parse error at ({}): {}",
        tokens[1],
        tokens[tokens.len() - 1]
    )
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Traceable {
    location: String,
    message: String,
    executed_function: String,
}

impl Traceable {
    fn render(&self, out: &mut String) {
        if !self.location.is_empty() {
            out.push_str(&self.location);
            out.push_str("\n  ");
        }
        if !self.executed_function.is_empty() {
            out.push_str(&self.executed_function);
            out.push_str("\n    ");
        }
        if !self.message.is_empty() {
            out.push_str(&self.message);
            out.push('\n');
        }
    }
}

fn cut_template(msg: &str) -> &str {
    match msg.find(" template:") {
        Some(i) => &msg[..i],
        None => msg,
    }
}

fn parse_traceable(s: &str) -> Option<Traceable> {
    let rem = s.strip_prefix("template: ")?;
    if rem.starts_with("no template ") {
        return Some(Traceable {
            location: String::new(),
            message: s.to_string(),
            executed_function: String::new(),
        });
    }
    if let Some(t) = parse_executing(rem) {
        return Some(t);
    }
    let sep = rem.rfind(": ")?;
    Some(Traceable {
        location: rem[..sep].to_string(),
        message: cut_template(&rem[sep + 2..]).to_string(),
        executed_function: String::new(),
    })
}

fn parse_executing(rem: &str) -> Option<Traceable> {
    let idx = rem.find(": executing ")?;
    let name = &rem[..idx];
    let after = &rem[idx + ": executing ".len()..];
    if !after.starts_with('"') {
        return None;
    }
    let end_quote = after[1..].find('"')? + 1;
    let func = &after[1..end_quote];
    let after_at = after[end_quote + 1..].strip_prefix(" at <")?;
    let end_loc = after_at.find(">: ")?;
    let loc = &after_at[..end_loc];
    let msg = &after_at[end_loc + 3..];
    Some(Traceable {
        location: name.to_string(),
        message: cut_template(msg).to_string(),
        executed_function: format!("executing \"{func}\" at <{loc}>:"),
    })
}

/// The message part (after `at <...>: ` or after the last `: `) of an error text.
fn detail(s: &str) -> Option<&str> {
    let rem = s.strip_prefix("template: ")?;
    if let Some(idx) = rem.find(": executing ") {
        let after = &rem[idx + ": executing ".len()..];
        if let Some(i) = after.find(">: ") {
            return Some(&after[i + 3..]);
        }
    }
    None
}

/// The chain Go's errors form, rebuilt from the text: each error, in unwrap order.
fn chain(top: &str) -> Vec<String> {
    let mut v = Vec::new();
    let mut cur = top.to_string();
    loop {
        // The ExecError, then the error it holds (same text).
        v.push(cur.clone());
        if cur.starts_with("template: no template ") || !cur.starts_with("template: ") {
            break;
        }
        v.push(cur.clone());
        let Some(d) = detail(&cur) else { break };
        let Some(rest) = d.strip_prefix("error calling ") else {
            break;
        };
        let Some((_, wrapped)) = rest.split_once(": ") else {
            break;
        };
        cur = wrapped.to_string();
    }
    v
}

/// What Helm prints after `Error: ` for an execution error of the template `file`.
pub fn exec_error(file: &str, go_message: &str) -> String {
    let tokens: Vec<&str> = go_message.splitn(3, ": ").collect();
    if tokens.len() != 3 {
        return format!("execution error in ({file}): {go_message}");
    }
    let location = tokens[1];
    if let Some(s) = tokens[2].find("HELM_ERR_START") {
        let inner = &tokens[2][s + "HELM_ERR_START".len()..];
        if let Some(e) = inner.rfind("HELM_ERR_END") {
            return format!("execution error at ({location}): {}", &inner[..e]);
        }
    }
    let mut traces: Vec<Traceable> = Vec::new();
    for e in chain(go_message) {
        match parse_traceable(&e) {
            Some(t) => {
                if traces.last() != Some(&t) {
                    traces.push(t);
                }
            }
            None => return go_message.to_string(),
        }
    }
    let mut out = String::new();
    for t in &traces {
        t.render(&mut out);
    }
    out.trim().to_string()
}

#[cfg(test)]
mod tests {
    // Pairs of Go's error text and what Helm 4.1.4 printed for it (recorded by hand
    // from `helm template` runs).
    use super::*;

    #[test]
    fn rewrites_as_helm_does() {
        let f = "chart/templates/case.yaml";
        assert_eq!(
            exec_error(
                f,
                "template: chart/templates/case.yaml:1:10: executing \"chart/templates/case.yaml\" at <.Values.a.b.c>: nil pointer evaluating interface {}.b"
            ),
            "chart/templates/case.yaml:1:10\n  executing \"chart/templates/case.yaml\" at <.Values.a.b.c>:\n    nil pointer evaluating interface {}.b"
        );
        let raw = "template: chart/templates/case.yaml:1:3: executing \"chart/templates/case.yaml\" at <index (list 1) 5>: error calling index: index out of range: 5";
        assert_eq!(exec_error(f, raw), raw);
        assert_eq!(
            exec_error(
                f,
                "template: chart/templates/case.yaml:1:3: executing \"chart/templates/case.yaml\" at <fail \"boo\">: error calling fail: HELM_ERR_STARTbooHELM_ERR_END"
            ),
            "execution error at (chart/templates/case.yaml:1:3): boo"
        );
        assert_eq!(
            exec_error(
                f,
                "template: chart/templates/case.yaml:1:3: executing \"chart/templates/case.yaml\" at <include \"x\" .>: error calling include: template: no template \"x\" associated with template \"gotpl\""
            ),
            "chart/templates/case.yaml:1:3\n  executing \"chart/templates/case.yaml\" at <include \"x\" .>:\n    error calling include:\ntemplate: no template \"x\" associated with template \"gotpl\""
        );
        assert_eq!(
            parse_error(
                f,
                "template: chart/templates/case.yaml:2: unterminated quoted string"
            ),
            "parse error at (chart/templates/case.yaml:2): unterminated quoted string"
        );
    }
}
