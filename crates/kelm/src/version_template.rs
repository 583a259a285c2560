//! `kelm version --template`: Go template text over [`BuildInfo`], executed by
//! `kelm-gotmpl` as Helm executes it with `text/template` (a template named `_`, no
//! extra functions, the build information as a `version.BuildInfo` struct value).

use std::sync::Arc;

use kelm_gotmpl::{Object, Template, Type, Value};

use crate::build_info::{BuildInfo, FIELD_NAMES};

/// The name Helm gives the template, which appears in its error messages.
const NAME: &str = "_";

/// Why a version template failed.
#[derive(Debug)]
pub enum TemplateError {
    /// The text is not a valid template; the message is Go's.
    Parse(kelm_gotmpl::Error),
    /// Execution failed; the message is Go's. The output before the failure is kept.
    Exec {
        /// Go's message.
        error: kelm_gotmpl::Error,
        /// What was printed before the failure.
        partial: String,
    },
}

impl std::fmt::Display for TemplateError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            TemplateError::Parse(e) | TemplateError::Exec { error: e, .. } => e.fmt(f),
        }
    }
}

impl std::error::Error for TemplateError {}

/// `version.BuildInfo` as templates see it: a struct with string fields.
#[derive(Debug)]
struct BuildInfoObject(BuildInfo);

impl Object for BuildInfoObject {
    fn go_type(&self) -> Type {
        Type::struct_named("version.BuildInfo")
    }

    fn field(&self, name: &str) -> Option<(Value, bool)> {
        self.0.field(name).map(|v| (Value::from(v), true))
    }

    fn fields(&self) -> Vec<(String, Value)> {
        FIELD_NAMES
            .iter()
            .zip(self.0.values())
            .map(|(name, value)| (name.to_string(), Value::from(value)))
            .collect()
    }
}

/// Renders `text` with `info` as dot.
pub fn render(text: &str, info: &BuildInfo) -> Result<String, TemplateError> {
    let mut template = Template::new(NAME);
    template.parse(text).map_err(TemplateError::Parse)?;
    let data = Value::Object(Arc::new(BuildInfoObject(info.clone())));
    let mut out = String::new();
    match template.execute(&data, &mut out) {
        Ok(()) => Ok(out),
        Err(error) => Err(TemplateError::Exec {
            error,
            partial: out,
        }),
    }
}
