//! What Helm does with a chart's `Metadata` besides loading it: `Validate()` (with its
//! sanitising of strings), `helm show chart`'s YAML, and the `.Chart` object templates
//! see.

use std::collections::BTreeSet;
use std::sync::LazyLock;

use kelm_gotmpl::{Type, Value as TValue};
use kelm_yaml::{Map, Value};
use regex::Regex;

use crate::Error;
use crate::model::{Dependency, Maintainer, Metadata};

/// Helm's `ValidationError`: its text starts with `validation: `.
fn invalid(msg: impl std::fmt::Display) -> Error {
    Error::new(format!("validation: {msg}"))
}

/// Go's `strings.Map` with Helm's `sanitizeString`: every Unicode space becomes ` `,
/// other non-printable characters are dropped.
pub(crate) fn sanitize(s: &mut String) {
    if s.chars()
        .all(|c| c == ' ' || (!c.is_whitespace() && kelm_strconv::is_print(c)))
    {
        return;
    }
    *s = s
        .chars()
        .filter_map(|c| {
            if c.is_whitespace() {
                Some(' ')
            } else if kelm_strconv::is_print(c) {
                Some(c)
            } else {
                None
            }
        })
        .collect();
}

static LOOSE_SEMVER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"^v?([0-9]+)(\.[0-9]+)?(\.[0-9]+)?",
        r"(-([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?",
        r"(\+([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?$",
    ))
    .expect("valid regex")
});

static ALIAS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[a-zA-Z0-9_-]+$").expect("valid regex"));

/// Masterminds semver v3's `NewVersion` accepts `v` (lenient: `1`, `v1.2`, leading
/// zeros in numbers, but not in numeric prerelease parts).
pub fn is_valid_semver(v: &str) -> bool {
    let Some(m) = LOOSE_SEMVER.captures(v) else {
        return false;
    };
    let fits = |g: Option<regex::Match<'_>>| {
        g.is_none_or(|g| g.as_str().trim_start_matches('.').parse::<u64>().is_ok())
    };
    if !(fits(m.get(1)) && fits(m.get(2)) && fits(m.get(3))) {
        return false;
    }
    m.get(5).is_none_or(|p| {
        p.as_str().split('.').all(|part| {
            !part.is_empty()
                && (!part.bytes().all(|b| b.is_ascii_digit())
                    || part.len() == 1
                    || !part.starts_with('0'))
        })
    })
}

impl Maintainer {
    fn sanitize(&mut self) {
        sanitize(&mut self.name);
        sanitize(&mut self.email);
        sanitize(&mut self.url);
    }
}

impl Dependency {
    /// Helm's `Dependency.Validate()`: sanitises, checks the alias.
    pub fn validate(&mut self) -> Result<(), Error> {
        sanitize(&mut self.name);
        sanitize(&mut self.version);
        sanitize(&mut self.repository);
        sanitize(&mut self.condition);
        self.tags.iter_mut().for_each(sanitize);
        if !self.alias.is_empty() && !ALIAS.is_match(&self.alias) {
            return Err(invalid(format!(
                "dependency {} has disallowed characters in the alias",
                kelm_strconv::quote(&self.name)
            )));
        }
        Ok(())
    }
}

impl Metadata {
    /// Helm's `Metadata.Validate()`: sanitises the free-text fields, then checks the
    /// required fields, the name, the version (SemVer), the type, the maintainers and
    /// the dependencies, with Helm's messages.
    pub fn validate(&mut self) -> Result<(), Error> {
        for s in [
            &mut self.name,
            &mut self.description,
            &mut self.home,
            &mut self.icon,
            &mut self.condition,
            &mut self.tags,
            &mut self.app_version,
            &mut self.kube_version,
        ] {
            sanitize(s);
        }
        self.sources.iter_mut().for_each(sanitize);
        self.keywords.iter_mut().for_each(sanitize);
        if self.api_version.is_empty() {
            return Err(invalid("chart.metadata.apiVersion is required"));
        }
        if self.name.is_empty() {
            return Err(invalid("chart.metadata.name is required"));
        }
        let quoted = kelm_strconv::quote(&self.name);
        if self.name == "." || self.name == ".." {
            return Err(invalid(format!(
                "chart.metadata.name {quoted} is not allowed"
            )));
        }
        if self.name != crate::ignore::go_base(&self.name) {
            return Err(invalid(format!("chart.metadata.name {quoted} is invalid")));
        }
        if self.version.is_empty() {
            return Err(invalid("chart.metadata.version is required"));
        }
        if !is_valid_semver(&self.version) {
            return Err(invalid(format!(
                "chart.metadata.version {} is invalid",
                kelm_strconv::quote(&self.version)
            )));
        }
        if !matches!(self.kind.as_str(), "" | "application" | "library") {
            return Err(invalid(
                "chart.metadata.type must be application or library",
            ));
        }
        for m in &mut self.maintainers {
            match m {
                Some(m) => m.sanitize(),
                None => {
                    return Err(invalid("maintainers must not contain empty or null nodes"));
                }
            }
        }
        let mut seen = BTreeSet::new();
        for d in &mut self.dependencies {
            let Some(d) = d else {
                return Err(invalid("dependencies must not contain empty or null nodes"));
            };
            d.validate()?;
            let key = if d.alias.is_empty() {
                &d.name
            } else {
                &d.alias
            };
            if !seen.insert(key.clone()) {
                return Err(invalid(format!(
                    "more than one dependency with name or alias {}",
                    kelm_strconv::quote(key)
                )));
            }
        }
        Ok(())
    }

    /// The metadata as `sigs.k8s.io/yaml.Marshal` sees it (Go's JSON field names,
    /// empty fields omitted): print it with `kelm_yaml::to_yaml` for `helm show chart`.
    pub fn to_yaml_value(&self) -> Value {
        let mut m = Map::new();
        put_str(&mut m, "name", &self.name);
        put_str(&mut m, "home", &self.home);
        put_strs(&mut m, "sources", &self.sources);
        put_str(&mut m, "version", &self.version);
        put_str(&mut m, "description", &self.description);
        put_strs(&mut m, "keywords", &self.keywords);
        if !self.maintainers.is_empty() {
            let items = self.maintainers.iter().map(|mt| match mt {
                None => Value::Null,
                Some(mt) => {
                    let mut o = Map::new();
                    put_str(&mut o, "name", &mt.name);
                    put_str(&mut o, "email", &mt.email);
                    put_str(&mut o, "url", &mt.url);
                    Value::Map(o)
                }
            });
            m.insert("maintainers".into(), Value::Seq(items.collect()));
        }
        put_str(&mut m, "icon", &self.icon);
        put_str(&mut m, "apiVersion", &self.api_version);
        put_str(&mut m, "condition", &self.condition);
        put_str(&mut m, "tags", &self.tags);
        put_str(&mut m, "appVersion", &self.app_version);
        if self.deprecated {
            m.insert("deprecated".into(), Value::Bool(true));
        }
        if let Some(a) = self.annotations.as_ref().filter(|a| !a.is_empty()) {
            let a = a.iter().map(|(k, v)| (k.clone(), Value::String(v.clone())));
            m.insert("annotations".into(), Value::Map(a.collect()));
        }
        put_str(&mut m, "kubeVersion", &self.kube_version);
        if !self.dependencies.is_empty() {
            let items = self.dependencies.iter().map(|d| match d {
                None => Value::Null,
                Some(d) => d.to_yaml_value(),
            });
            m.insert("dependencies".into(), Value::Seq(items.collect()));
        }
        put_str(&mut m, "type", &self.kind);
        Value::Map(m)
    }

    /// Helm 4's `.Chart` for templates: a `map[string]interface{}` with the Go field
    /// names of `Metadata` (reflection over the struct, `pkg/chart/common.go`), where
    /// every field is present, slices are never nil (`[]interface {}`), maintainers
    /// and dependencies are maps with Go field names, and `Annotations` stays a
    /// `map[string]string` (nil when absent). The engine adds `IsRoot`.
    pub fn template_map(&self) -> kelm_gotmpl::Map {
        let m = kelm_gotmpl::Map::new();
        m.insert("Name", TValue::string(self.name.as_str()));
        m.insert("Home", TValue::string(self.home.as_str()));
        m.insert("Sources", string_list(&self.sources));
        m.insert("Version", TValue::string(self.version.as_str()));
        m.insert("Description", TValue::string(self.description.as_str()));
        m.insert("Keywords", string_list(&self.keywords));
        let maintainers = self.maintainers.iter().map(|mt| match mt {
            None => TValue::nil(),
            Some(mt) => TValue::Map(kelm_gotmpl::Map::from_entries([
                ("Name", TValue::string(mt.name.as_str())),
                ("Email", TValue::string(mt.email.as_str())),
                ("URL", TValue::string(mt.url.as_str())),
            ])),
        });
        m.insert("Maintainers", any_list(maintainers.collect()));
        m.insert("Icon", TValue::string(self.icon.as_str()));
        m.insert("APIVersion", TValue::string(self.api_version.as_str()));
        m.insert("Condition", TValue::string(self.condition.as_str()));
        m.insert("Tags", TValue::string(self.tags.as_str()));
        m.insert("AppVersion", TValue::string(self.app_version.as_str()));
        m.insert("Deprecated", TValue::Bool(self.deprecated));
        let string_map = Type::map_of(Type::String, Type::String);
        m.insert(
            "Annotations",
            match &self.annotations {
                None => TValue::Nil(string_map),
                Some(a) => {
                    let out = kelm_gotmpl::Map::with_type(string_map);
                    for (k, v) in a {
                        out.insert(k.as_str(), TValue::string(v.as_str()));
                    }
                    TValue::Map(out)
                }
            },
        );
        m.insert("KubeVersion", TValue::string(self.kube_version.as_str()));
        let deps = self.dependencies.iter().map(|d| match d {
            None => TValue::nil(),
            Some(d) => d.template_value(),
        });
        m.insert("Dependencies", any_list(deps.collect()));
        m.insert("Type", TValue::string(self.kind.as_str()));
        m
    }
}

impl Dependency {
    pub(crate) fn to_yaml_value(&self) -> Value {
        let mut o = Map::new();
        o.insert("name".into(), Value::String(self.name.clone()));
        put_str(&mut o, "version", &self.version);
        o.insert("repository".into(), Value::String(self.repository.clone()));
        put_str(&mut o, "condition", &self.condition);
        put_strs(&mut o, "tags", &self.tags);
        if self.enabled {
            o.insert("enabled".into(), Value::Bool(true));
        }
        if !self.import_values.is_empty() {
            o.insert(
                "import-values".into(),
                Value::Seq(self.import_values.clone()),
            );
        }
        put_str(&mut o, "alias", &self.alias);
        Value::Map(o)
    }

    /// A dependency as `structToMap` gives it to templates.
    pub fn template_value(&self) -> TValue {
        TValue::Map(kelm_gotmpl::Map::from_entries([
            ("Name", TValue::string(self.name.as_str())),
            ("Version", TValue::string(self.version.as_str())),
            ("Repository", TValue::string(self.repository.as_str())),
            ("Condition", TValue::string(self.condition.as_str())),
            ("Tags", string_list(&self.tags)),
            ("Enabled", TValue::Bool(self.enabled)),
            (
                "ImportValues",
                any_list(self.import_values.iter().map(template_data).collect()),
            ),
            ("Alias", TValue::string(self.alias.as_str())),
        ]))
    }
}

fn put_str(m: &mut Map, key: &str, s: &str) {
    if !s.is_empty() {
        m.insert(key.into(), Value::String(s.to_string()));
    }
}

fn put_strs(m: &mut Map, key: &str, items: &[String]) {
    if !items.is_empty() {
        let items = items.iter().map(|s| Value::String(s.clone()));
        m.insert(key.into(), Value::Seq(items.collect()));
    }
}

fn any_list(items: Vec<TValue>) -> TValue {
    TValue::List(kelm_gotmpl::List::new(items))
}

fn string_list(items: &[String]) -> TValue {
    any_list(items.iter().map(|s| TValue::string(s.as_str())).collect())
}

/// A JSON-decoded value (`interface{}`) as templates see it.
fn template_data(v: &Value) -> TValue {
    match v {
        Value::Null => TValue::nil(),
        Value::Bool(b) => TValue::Bool(*b),
        Value::Int(i) => TValue::int(*i),
        Value::Uint(u) => TValue::float64(*u as f64),
        Value::Float(f) => TValue::float64(*f),
        Value::String(s) => TValue::string(s.as_str()),
        Value::Time(t) => TValue::string(t.to_string()),
        Value::Seq(items) => any_list(items.iter().map(template_data).collect()),
        Value::Map(m) => TValue::Map(kelm_gotmpl::Map::from_entries(
            m.iter().map(|(k, v)| (k.as_str(), template_data(v))),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn semver_like_masterminds() {
        for ok in [
            "1",
            "v1.2",
            "1.2.3",
            "01.02.03",
            "1.2.3-beta.1+b.5",
            "1.2.3-0",
        ] {
            assert!(is_valid_semver(ok), "{ok}");
        }
        for bad in [
            "",
            "1.2.3.4",
            "x",
            "1.2.3-01",
            "1.2.3-",
            "1.2.3+",
            "1..2",
            "99999999999999999999",
        ] {
            assert!(!is_valid_semver(bad), "{bad}");
        }
    }

    #[test]
    fn sanitizing() {
        let mut s = "a\tb\u{7}c\u{a0}d".to_string();
        sanitize(&mut s);
        assert_eq!(s, "a bc d");
    }
}
