//! `kelm version --template`: Go template text over [`BuildInfo`], limited to what the
//! flag is used for.
//!
//! The text may hold field references (`{{.Version}}`, `{{ .GitCommit }}`, `{{.}}`) with
//! Go's trim markers (`{{- .Version -}}`); anything else in an action is refused before
//! any output, with an error naming the action. Within that language the output and the
//! errors are exactly Go's: an unknown field fails at execution time with Go's message
//! and position, after the text before it has been printed.
//!
//! The limit exists because `kelm version` must not depend on the full template engine
//! (`kelm-gotmpl`) while that engine is being written. When it is complete, this module
//! gives way to a `kelm-gotmpl` template executed over a `BuildInfo` object, which lifts
//! the limit without changing any output this module produces.

use std::fmt;

use crate::build_info::{BuildInfo, FIELD_NAMES};

/// The name Helm gives the template, which appears in its error messages.
const NAME: &str = "_";

/// A parsed version template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VersionTemplate {
    nodes: Vec<Node>,
    text: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Node {
    /// Text printed as is.
    Text(String),
    /// `{{.}}`: the whole struct.
    Dot,
    /// `{{.A.B}}`: a field chain; `pos` is the byte offset Go reports it at.
    Fields { names: Vec<String>, pos: usize },
}

/// Why a version template was refused or failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TemplateError {
    /// Go would fail to parse the text too; the message is Go's.
    Parse(String),
    /// The action is valid Go but outside the field-reference language.
    Unsupported {
        /// The action as written, braces included.
        action: String,
        /// 1-based line of the action.
        line: usize,
    },
    /// Execution failed; the message is Go's. The output before the failure is kept.
    Exec {
        /// Go's message.
        message: String,
        /// What was printed before the failure.
        partial: String,
    },
}

impl fmt::Display for TemplateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TemplateError::Parse(message) | TemplateError::Exec { message, .. } => {
                f.write_str(message)
            }
            TemplateError::Unsupported { action, line } => write!(
                f,
                "template: {NAME}:{line}: kelm version --template supports only field references \
                 such as {{{{.Version}}}} (fields: {}), not {action}",
                FIELD_NAMES.join(", ")
            ),
        }
    }
}

impl std::error::Error for TemplateError {}

/// Space as Go's template lexer defines it inside actions.
fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\r' | '\n')
}

/// 1-based line of byte offset `pos` in `text`.
fn line_at(text: &str, pos: usize) -> usize {
    1 + text[..pos].matches('\n').count()
}

impl VersionTemplate {
    /// Parses `text`, refusing anything but field references in actions.
    pub fn parse(text: &str) -> Result<VersionTemplate, TemplateError> {
        let mut nodes = Vec::new();
        let mut rest = 0; // start of the text not yet consumed
        let mut trim_next_text = false;
        while let Some(open) = text[rest..].find("{{").map(|i| rest + i) {
            let mut literal = &text[rest..open];
            if trim_next_text {
                literal = literal.trim_start_matches(is_space);
            }
            let inner_start = open + 2;
            // Go's trim marker is `-` followed by a space.
            let trim_left = text[inner_start..].starts_with('-')
                && text[inner_start + 1..].starts_with(is_space);
            if trim_left {
                literal = literal.trim_end_matches(is_space);
            }
            if !literal.is_empty() {
                nodes.push(Node::Text(literal.to_string()));
            }
            let body_start = if trim_left {
                inner_start + 1
            } else {
                inner_start
            };
            let Some(close) = text[body_start..].find("}}").map(|i| body_start + i) else {
                return Err(unclosed(text, open, body_start));
            };
            let trim_right = text[body_start..close].ends_with('-')
                && text[body_start..close - 1].ends_with(is_space);
            let body_end = if trim_right { close - 1 } else { close };
            let body = &text[body_start..body_end];
            let expr_start = body_start + (body.len() - body.trim_start_matches(is_space).len());
            let expr = body.trim_matches(is_space);
            nodes.push(parse_action(expr, expr_start).ok_or_else(|| {
                TemplateError::Unsupported {
                    action: text[open..close + 2].to_string(),
                    line: line_at(text, open),
                }
            })?);
            rest = close + 2;
            trim_next_text = trim_right;
        }
        let mut literal = &text[rest..];
        if trim_next_text {
            literal = literal.trim_start_matches(is_space);
        }
        if !literal.is_empty() {
            nodes.push(Node::Text(literal.to_string()));
        }
        Ok(VersionTemplate {
            nodes,
            text: text.to_string(),
        })
    }

    /// Executes the template over `info`: the output, or Go's error with the output
    /// printed before it.
    pub fn execute(&self, info: &BuildInfo) -> Result<String, TemplateError> {
        let mut out = String::new();
        for node in &self.nodes {
            match node {
                Node::Text(t) => out.push_str(t),
                Node::Dot => out.push_str(&info.go_value()),
                Node::Fields { names, pos } => match info.field(&names[0]) {
                    // A string has no fields, so a chain fails on its second name.
                    Some(value) if names.len() == 1 => out.push_str(value),
                    found => {
                        let (field, ty) = match found {
                            Some(_) => (&names[1], "string"),
                            None => (&names[0], "version.BuildInfo"),
                        };
                        let message = format!(
                            "{}: executing \"{NAME}\" at <.{}>: can't evaluate field {field} in type {ty}",
                            self.location(*pos),
                            names.join(".")
                        );
                        return Err(TemplateError::Exec {
                            message,
                            partial: out,
                        });
                    }
                },
            }
        }
        Ok(out)
    }

    /// `template: _:LINE:COL` for byte offset `pos`, with Go's column: the byte offset
    /// within the line, counted from 0.
    fn location(&self, pos: usize) -> String {
        let line_start = self.text[..pos].rfind('\n').map_or(0, |i| i + 1);
        format!(
            "template: {NAME}:{}:{}",
            line_at(&self.text, pos),
            pos - line_start
        )
    }
}

/// The node for an action's trimmed text `expr` starting at byte `start`, if it is a
/// field reference.
fn parse_action(expr: &str, start: usize) -> Option<Node> {
    if expr == "." {
        return Some(Node::Dot);
    }
    let names: Vec<&str> = expr.strip_prefix('.')?.split('.').collect();
    let is_ident = |s: &&str| {
        let mut chars = s.chars();
        chars.next().is_some_and(|c| c == '_' || c.is_alphabetic())
            && chars.all(|c| c == '_' || c.is_alphanumeric())
    };
    if !names.iter().all(is_ident) {
        return None;
    }
    // Go reports a single field at its own position and a chain at its second field.
    let pos = match names.get(1) {
        Some(_) => start + 1 + names[0].len(),
        None => start,
    };
    Some(Node::Fields {
        names: names.into_iter().map(String::from).collect(),
        pos,
    })
}

/// The error for an action opened at `open` and never closed.
fn unclosed(text: &str, open: usize, body_start: usize) -> TemplateError {
    let expr = text[body_start..].trim_matches(is_space);
    if !expr.is_empty() && parse_action(expr, 0).is_none() {
        // Go's parser could fail earlier, on a token it cannot use, with its own message.
        return TemplateError::Unsupported {
            action: text[open..].to_string(),
            line: line_at(text, open),
        };
    }
    // Go reports the line the lexer reached (the end of the text) and, when that differs,
    // the line the action started on.
    let (end_line, start_line) = (line_at(text, text.len()), line_at(text, open));
    TemplateError::Parse(if end_line == start_line {
        format!("template: {NAME}:{end_line}: unclosed action")
    } else {
        format!("template: {NAME}:{end_line}: unclosed action started at {NAME}:{start_line}")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn info() -> BuildInfo {
        BuildInfo {
            version: "v0.1.0".into(),
            git_commit: "05fa37973dc9e42b76e1d2883494c87174b6074f".into(),
            git_tree_state: "clean".into(),
            go_version: "go1.25".into(),
            kube_client_version: "v1.35".into(),
        }
    }

    fn render(text: &str) -> Result<String, TemplateError> {
        VersionTemplate::parse(text)?.execute(&info())
    }

    fn err(text: &str) -> String {
        render(text).unwrap_err().to_string()
    }

    // Expected texts below were printed by helm v4.1.4's `version --template`.

    #[test]
    fn fields_and_dot() {
        assert_eq!(render("{{.Version}}").unwrap(), "v0.1.0");
        assert_eq!(
            render("{{.GitCommit}} {{.GitTreeState}} {{.GoVersion}} {{.KubeClientVersion}}")
                .unwrap(),
            "05fa37973dc9e42b76e1d2883494c87174b6074f clean go1.25 v1.35"
        );
        assert_eq!(
            render("{{ . }}").unwrap(),
            "{v0.1.0 05fa37973dc9e42b76e1d2883494c87174b6074f clean go1.25 v1.35}"
        );
        assert_eq!(render("x}} {{\t.Version\n}}").unwrap(), "x}} v0.1.0");
    }

    #[test]
    fn trim_markers() {
        assert_eq!(render("  {{- .Version -}}  \n x").unwrap(), "v0.1.0x");
        assert_eq!(render("{{- .Version -}} x").unwrap(), "v0.1.0x");
        assert_eq!(render("a {{.Version -}}").unwrap(), "a v0.1.0");
        // `-` without a space is not a trim marker in Go (it is a number there).
        assert!(matches!(
            render("{{-.Version}}"),
            Err(TemplateError::Unsupported { .. })
        ));
    }

    #[test]
    fn unknown_fields_fail_like_go() {
        assert_eq!(
            err("{{.Foo}}"),
            r#"template: _:1:2: executing "_" at <.Foo>: can't evaluate field Foo in type version.BuildInfo"#
        );
        assert_eq!(
            err("{{.version}}"),
            r#"template: _:1:2: executing "_" at <.version>: can't evaluate field version in type version.BuildInfo"#
        );
        assert_eq!(
            err("{{.Foo.Bar}}"),
            r#"template: _:1:6: executing "_" at <.Foo.Bar>: can't evaluate field Foo in type version.BuildInfo"#
        );
        assert_eq!(
            err("{{ .Version.X.Y }}"),
            r#"template: _:1:11: executing "_" at <.Version.X.Y>: can't evaluate field X in type string"#
        );
        assert_eq!(
            err("{{.Version }}{{- .Foo}}"),
            r#"template: _:1:17: executing "_" at <.Foo>: can't evaluate field Foo in type version.BuildInfo"#
        );
    }

    #[test]
    fn execution_errors_keep_earlier_output() {
        match render("a\nb {{.Foo}}") {
            Err(TemplateError::Exec { message, partial }) => {
                assert_eq!(partial, "a\nb ");
                assert_eq!(
                    message,
                    r#"template: _:2:4: executing "_" at <.Foo>: can't evaluate field Foo in type version.BuildInfo"#
                );
            }
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn unclosed_actions() {
        assert_eq!(err("{{ .Foo"), "template: _:1: unclosed action");
        assert_eq!(err("{{.Version}}{{"), "template: _:1: unclosed action");
        assert_eq!(
            err("x\n{{ .Foo\n "),
            "template: _:3: unclosed action started at _:2"
        );
    }

    #[test]
    fn other_actions_are_refused_before_output() {
        let e = render("a {{ printf \"%s\" .Version }}").unwrap_err();
        assert_eq!(
            e,
            TemplateError::Unsupported {
                action: "{{ printf \"%s\" .Version }}".into(),
                line: 1
            }
        );
        assert_eq!(
            e.to_string(),
            "template: _:1: kelm version --template supports only field references such as \
             {{.Version}} (fields: Version, GitCommit, GitTreeState, GoVersion, KubeClientVersion), \
             not {{ printf \"%s\" .Version }}"
        );
        for text in [
            "{{}}",
            "{{/* c */}}",
            "{{$}}",
            "{{ .Version | quote }}",
            "{{..Version}}",
            "{{.Version.}}",
        ] {
            assert!(
                matches!(render(text), Err(TemplateError::Unsupported { .. })),
                "{text}"
            );
        }
    }
}
