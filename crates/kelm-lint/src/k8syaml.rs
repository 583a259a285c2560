//! Reading rendered manifests as Kubernetes' `YAMLOrJSONDecoder` does for Helm's lint
//! rules: the text is cut into documents at `---` lines, and each document is decoded
//! into the few fields the rules look at (`apiVersion`, `kind`, `metadata.name`,
//! `metadata.namespace`).

use kelm_yaml::Value;

/// The fields of one object the rules need (Helm's `k8sYamlStruct`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Object {
    /// `apiVersion`.
    pub api_version: String,
    /// `kind`.
    pub kind: String,
    /// `metadata.name`.
    pub name: String,
    /// `metadata.namespace`.
    pub namespace: String,
}

/// Splits `text` into documents as Kubernetes' `YAMLReader` does: a line starting
/// with `---` ends a non-empty document (only blanks or a comment may follow the
/// dashes); a separator met before any text stays in the document it opens. A bad
/// separator ends the reading: the documents before it come with its error.
pub fn documents(text: &str) -> (Vec<&str>, Option<String>) {
    let mut docs = Vec::new();
    let mut start = 0;
    let mut pos = 0;
    while pos < text.len() {
        let end = text[pos..].find('\n').map_or(text.len(), |i| pos + i + 1);
        let line = &text[pos..end];
        if let Some(after) = line.strip_prefix("---") {
            let trimmed = after.trim();
            if !trimmed.is_empty() && !trimmed.starts_with('#') {
                return (
                    docs,
                    Some(format!("invalid Yaml document separator: {trimmed}")),
                );
            }
            if pos > start {
                docs.push(&text[start..pos]);
                start = end;
                pos = end;
                continue;
            }
        }
        pos = end;
    }
    if text.len() > start {
        docs.push(&text[start..]);
    }
    (docs, None)
}

const PREFIX: &str = "error unmarshaling JSON: while decoding JSON: json: ";

/// Decodes one document; `None` for an empty one.
pub fn decode(doc: &str) -> Result<Option<Object>, String> {
    let value =
        kelm_yaml::from_yaml_typed_bytes(doc.as_bytes()).map_err(|e| e.message().to_string())?;
    let map = match &value {
        Value::Null => return Ok(None),
        Value::Map(m) => m,
        other => {
            return Err(format!(
                "{PREFIX}cannot unmarshal {} into Go value of type rules.k8sYamlStruct",
                json_kind(other)
            ));
        }
    };
    let mut obj = Object::default();
    for (key, v) in map {
        match field(key, &["apiVersion", "Kind", "Metadata"]) {
            Some("apiVersion") => set(&mut obj.api_version, v, "k8sYamlStruct", "apiVersion")?,
            Some("Kind") => set(&mut obj.kind, v, "k8sYamlStruct", "Kind")?,
            Some(_) => match v {
                Value::Null => {}
                Value::Map(m) => {
                    for (k, v) in m {
                        match field(k, &["Namespace", "Name"]) {
                            Some("Namespace") => set(
                                &mut obj.namespace,
                                v,
                                "k8sYamlMetadata",
                                "Metadata.Namespace",
                            )?,
                            Some(_) => set(&mut obj.name, v, "k8sYamlMetadata", "Metadata.Name")?,
                            None => {}
                        }
                    }
                }
                other => {
                    return Err(format!(
                        "{PREFIX}cannot unmarshal {} into Go struct field k8sYamlStruct.Metadata of type rules.k8sYamlMetadata",
                        json_kind(other)
                    ));
                }
            },
            None => {}
        }
    }
    Ok(Some(obj))
}

/// `encoding/json`'s key matching: exact, else case-insensitive.
fn field<'n>(key: &str, names: &[&'n str]) -> Option<&'n str> {
    names
        .iter()
        .find(|n| **n == key)
        .or_else(|| names.iter().find(|n| n.eq_ignore_ascii_case(key)))
        .copied()
}

fn set(target: &mut String, v: &Value, strukt: &str, path: &str) -> Result<(), String> {
    match v {
        Value::Null => {}
        Value::String(s) => *target = s.clone(),
        Value::Bool(b) => *target = b.to_string(),
        Value::Int(i) => *target = i.to_string(),
        Value::Uint(u) => *target = u.to_string(),
        Value::Float(f) => *target = kelm_strconv::format_float(*f, 'g', -1, 32),
        Value::Time(t) => *target = t.to_string(),
        other => {
            return Err(format!(
                "{PREFIX}cannot unmarshal {} into Go struct field {strukt}.{path} of type string",
                json_kind(other)
            ));
        }
    }
    Ok(())
}

fn json_kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "bool",
        Value::Int(_) | Value::Uint(_) | Value::Float(_) => "number",
        Value::String(_) | Value::Time(_) => "string",
        Value::Seq(_) => "array",
        Value::Map(_) => "object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splitting() {
        assert_eq!(documents("a: 1\n---\nb: 2\n").0, vec!["a: 1\n", "b: 2\n"]);
        assert_eq!(documents("---\na: 1\n").0, vec!["---\na: 1\n"]);
        assert_eq!(documents("a: 1\n--- # c\n").0, vec!["a: 1\n"]);
        assert_eq!(
            // The document a bad separator would end is lost, as in Kubernetes' reader.
            documents("a: 1\n---\nb: 2\n---x\n"),
            (
                vec!["a: 1\n"],
                Some("invalid Yaml document separator: x".to_string())
            )
        );
    }

    #[test]
    fn decoding() {
        let o = decode("apiVersion: v1\nkind: Pod\nmetadata:\n  name: 5\n")
            .unwrap()
            .unwrap();
        assert_eq!(o.name, "5");
        assert_eq!(decode("# nothing\n").unwrap(), None);
        assert!(
            decode("- a\n")
                .unwrap_err()
                .contains("cannot unmarshal array")
        );
    }
}
