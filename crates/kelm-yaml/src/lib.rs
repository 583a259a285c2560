//! YAML, JSON and TOML, read and written exactly as Helm's Go libraries do.
//!
//! Every values file a Helm user writes goes through `sigs.k8s.io/yaml` (yaml.v2's
//! YAML 1.1 typing: `yes` is true, `0777` is 511, numbers end up float64), and half of
//! what users see in rendered manifests comes out of `toYaml` (yaml.v2's emitter: its
//! key order, quoting classes and 80-column folding). This crate reproduces those
//! libraries byte for byte, plus Go's `encoding/json` (for `toJson`, release records
//! and `-o json`), yaml.v3's encoder (`toYamlPretty`) and BurntSushi's TOML (`toToml`,
//! `fromToml`). It knows nothing of templates or charts: it reads text into a [`Value`]
//! and writes a [`Value`] as text.
//!
//! | Go | here |
//! |---|---|
//! | `sigs.k8s.io/yaml.Unmarshal(y, &v)` (values files, `fromYaml`) | [`from_yaml`] |
//! | the same on bytes (UTF-16 with a byte-order mark, bad bytes reported as Go does) | [`from_yaml_bytes`] |
//! | Helm 4's multi-document values files | [`from_yaml_documents`], [`from_yaml_documents_bytes`] |
//! | `sigs.k8s.io/yaml.Marshal(v)` (`toYaml`, Chart.yaml, index.yaml, `-o yaml`) | [`to_yaml`] |
//! | yaml.v3 `Encoder` with `SetIndent(2)` (`toYamlPretty`) | [`to_yaml_pretty`] |
//! | `json.Marshal` / `json.MarshalIndent` / an encoder without HTML escaping | [`to_json`] with [`JsonStyle`] |
//! | `json.Unmarshal(j, &v)` into `interface{}` (`fromJson`) | [`from_json`], [`from_json_bytes`] |
//! | `json.Unmarshal(j, &m)` into a map or slice (`fromJson`, `fromJsonArray`) | [`from_json_into`], [`from_json_into_bytes`] |
//! | BurntSushi `toml` encoder / decoder | [`to_toml`], [`from_toml`] |
//! | `time.Time` (TOML datetimes), as every printer writes it | [`Value::Time`], [`GoTime`] |

mod error;
mod json;
mod read;
mod resolve;
mod time;
mod toml;
mod value;
mod write;

pub use error::Error;
pub use time::{GoLocation, GoTime};
pub use value::{Map, Value};

/// How [`to_json`] lays out its output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct JsonStyle {
    /// Escape `<`, `>` and `&` as `\u003c`, `\u003e`, `\u0026` (Go's default; `toRawJson`
    /// turns it off).
    pub escape_html: bool,
    /// Indent nested values by this string, with `": "` after keys (Go's
    /// `MarshalIndent(v, "", indent)`); `None` prints compactly.
    pub indent: Option<&'static str>,
}

/// The Go variable [`from_json_into`] decodes into, which decides what JSON it accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum JsonTarget {
    /// `interface{}` (Sprig's `mustFromJson`): any JSON value.
    #[default]
    Any,
    /// `map[string]interface{}` (Helm's `fromJson`): an object or `null`.
    Map,
    /// `[]interface{}` (Helm's `fromJsonArray`): an array or `null`.
    Seq,
}

/// Parses YAML as `sigs.k8s.io/yaml.Unmarshal` into `interface{}` does: yaml.v2
/// typing, then a JSON round trip (so every number becomes a float64 and map keys
/// become strings). An empty document is [`Value::Null`].
///
/// Like Go, only the first document of a stream is read; text after it is not even
/// parsed. Errors carry Go's text, e.g. `error converting YAML to JSON: yaml: line 3:
/// mapping values are not allowed in this context`, and [`Error::line`] gives the line
/// that text names.
///
/// This is [`from_yaml_bytes`] for text that is already UTF-8.
pub fn from_yaml(text: &str) -> Result<Value, Error> {
    from_yaml_bytes(text.as_bytes())
}

/// Parses YAML as `sigs.k8s.io/yaml.Unmarshal` does before it knows the Go type the
/// result goes into: yaml.v2's values with map keys made strings, but integers kept
/// as [`Value::Int`] (or [`Value::Uint`]) and non-finite floats (`.inf`, `.nan`) kept.
///
/// Decoding into a Go struct needs this: `sigs.k8s.io/yaml` turns a number or boolean
/// bound for a `string` field into its text (an integer in decimal, a float as
/// `strconv.FormatFloat(f, 'g', -1, 32)` formats it), and only the values left over go
/// through `json.Marshal`, which refuses non-finite floats (`json: unsupported value:
/// +Inf`); the caller applies those rules for its Go type. Errors are those of
/// [`from_yaml`] but for the non-finite floats.
pub fn from_yaml_typed(text: &str) -> Result<Value, Error> {
    read::from_yaml_typed(text.as_bytes()).map_err(|f| f.into_error())
}

/// [`from_yaml`] for any bytes, as Helm reads values files and as yaml.v2's reader
/// takes them.
///
/// A byte-order mark selects the encoding: `FF FE` UTF-16LE, `FE FF` UTF-16BE, else
/// UTF-8 (an `EF BB BF` mark is skipped). Bytes that do not decode fail the read with
/// yaml.v2's reader errors, which name no line: `error converting YAML to JSON: yaml:
/// invalid leading UTF-8 octet` (also `invalid trailing UTF-8 octet`, `incomplete
/// UTF-8 octet sequence`, `invalid length of a UTF-8 sequence`, `invalid Unicode
/// character`, and for UTF-16 `incomplete UTF-16 character`, `unexpected low
/// surrogate area`, `expected low surrogate area`, `incomplete UTF-16 surrogate
/// pair`). Like Go, the input is decoded in 512-byte chunks as the parser needs it, so
/// a bad byte may win over a syntax error a few lines before it, and a bad byte after
/// the first document's chunk goes unnoticed.
pub fn from_yaml_bytes(data: &[u8]) -> Result<Value, Error> {
    read::from_yaml(data).map_err(|f| f.into_error())
}

/// [`from_yaml_bytes`] for a Go struct target (`sigs.k8s.io/yaml.Unmarshal` into a
/// struct such as Helm's chart `Metadata`): the same reading and errors, but integers
/// stay [`Value::Int`] (or [`Value::Uint`] beyond `int64`) instead of becoming floats.
///
/// `sigs.k8s.io/yaml` turns a number into a string when the struct field it lands in is
/// a string, and it formats yaml.v2's integers (`20230101`) and floats (`1.0` as `1`)
/// differently; a caller decoding into such fields needs to know which one it got.
pub fn from_yaml_typed_bytes(data: &[u8]) -> Result<Value, Error> {
    read::from_yaml_with(data, true).map_err(|f| f.into_error())
}

/// Reads a values file as Helm 4's `LoadValues` does, returning each document's map
/// in order, before merging.
///
/// Helm splits the text at lines starting with `---` (only blanks or a comment may
/// follow; otherwise the read fails with `error reading yaml document: invalid Yaml
/// document separator: ...`), then reads each piece with [`from_yaml`] into a
/// `map[string]interface{}`: an empty piece (blank lines, comments, `~`) gives an
/// empty map, anything but a mapping fails (`cannot unmarshal yaml document: error
/// unmarshaling JSON: while decoding JSON: json: cannot unmarshal array into Go value
/// of type map[string]interface {}`), and parse errors are prefixed with `cannot
/// unmarshal yaml document: `. Text after a `...` line within a piece is ignored, and
/// line numbers count from the piece's first line. Helm 4.1.4's quirks are kept: a
/// separator that opens a piece stays in it, CRLF line ends become LF, and an
/// unterminated final line whose length is a multiple of 4096 bytes is dropped.
///
/// Helm then merges the maps in order (`MergeMaps`): a later document's key replaces
/// an earlier one's, except that two maps under the same key are merged recursively
/// the same way. A file with no documents gives an empty list (Helm: an empty map).
///
/// This is [`from_yaml_documents_bytes`] for text that is already UTF-8.
pub fn from_yaml_documents(text: &str) -> Result<Vec<Value>, Error> {
    from_yaml_documents_bytes(text.as_bytes())
}

/// [`from_yaml_documents`] for any bytes (Helm reads values files as bytes).
///
/// The split into documents works on bytes, as Go's does, and each document is then
/// read by [`from_yaml_bytes`] on its own: its own byte-order mark, encoding and
/// reader errors. A UTF-16 file is therefore split at its `0A` bytes, whatever they
/// belong to, and only its first document has the byte-order mark. One difference
/// with Go remains: the `invalid Yaml document separator: ...` message quotes the
/// text after the `---`, and Go quotes its bytes as they are, where this error (a Rust
/// string) has U+FFFD for each byte that is not UTF-8.
pub fn from_yaml_documents_bytes(data: &[u8]) -> Result<Vec<Value>, Error> {
    read::documents::load_values(data)
}

/// Prints a value as `sigs.k8s.io/yaml.Marshal` does: `json.Marshal`, then yaml.v2
/// reading that JSON and writing it back as YAML. The output ends with a newline (Helm's
/// `toYaml` trims it).
pub fn to_yaml(value: &Value) -> Result<String, Error> {
    write::marshal_v2(value)
}

/// Prints a value as yaml.v3's encoder with an indent of 2 does (Helm's `toYamlPretty`).
pub fn to_yaml_pretty(value: &Value) -> Result<String, Error> {
    Ok(write::marshal_v3(value))
}

/// Prints a value as Go's `encoding/json` does.
///
/// | Helm / Sprig function | Go call | `style` |
/// |---|---|---|
/// | `toJson`, `mustToJson` | `json.Marshal(v)` | `escape_html: true, indent: None` |
/// | `toPrettyJson`, `mustToPrettyJson` | `json.MarshalIndent(v, "", "  ")` | `escape_html: true, indent: Some("  ")` |
/// | `toRawJson`, `mustToRawJson` | `Encoder` with `SetEscapeHTML(false)`, trailing newline trimmed | `escape_html: false, indent: None` |
///
/// The output has no trailing newline (an `Encoder` adds one). The only error is Go's
/// `json: unsupported value: NaN` (or `+Inf`, `-Inf`) for a non-finite float; `toJson`
/// and `toPrettyJson` then print nothing, the others fail the template.
pub fn to_json(value: &Value, style: JsonStyle) -> Result<String, Error> {
    json::encode(value, style)
}

/// Parses JSON as Go's `json.Unmarshal` into `interface{}` does (numbers are float64).
///
/// Errors carry Go's texts: syntax errors (`invalid character '}' after object key`,
/// `unexpected end of JSON input`, nesting beyond 10000: `... exceeded max depth`) and
/// numbers beyond float64 (`json: cannot unmarshal number 1e400 into Go value of type
/// float64`). See [`from_json_into`] for the partial value Go keeps on errors.
///
/// This is [`from_json_bytes`] for text that is already UTF-8.
pub fn from_json(text: &str) -> Result<Value, Error> {
    from_json_bytes(text.as_bytes())
}

/// [`from_json`] for any bytes, as `json.Unmarshal` takes them.
///
/// Bytes that are not UTF-8 inside a string (a key or a value) become U+FFFD, one per
/// byte that does not start a valid sequence, as Go's decoder does. Outside strings
/// any byte above `0x7F` is a syntax error naming it as Go's `quoteChar` does: the byte
/// read as the character with that code, e.g. `invalid character 'ÿ' looking for
/// beginning of value` for `FF` and `invalid character '\u0080' ...` for `80`.
pub fn from_json_bytes(data: &[u8]) -> Result<Value, Error> {
    match from_json_into_bytes(data, JsonTarget::Any) {
        (v, None) => Ok(v),
        (_, Some(e)) => Err(e),
    }
}

/// `json.Unmarshal(text, &target)`: the value Go leaves in the target, and the error.
///
/// Syntax errors leave the target untouched, which reads as [`Value::Null`] for
/// [`JsonTarget::Any`] and as an empty map or sequence for the others (Helm's fresh
/// variables). A value of the wrong kind for a map or slice target is skipped with
/// `json: cannot unmarshal array into Go value of type map[string]interface {}`, also
/// leaving it untouched. `null` sets any target to nil, [`Value::Null`] here. A number
/// too large for a float64 becomes nil while decoding goes on, and the first such error
/// is returned with the otherwise complete value (Helm's `fromJson` then adds its
/// `Error` key to that map).
///
/// This is [`from_json_into_bytes`] for text that is already UTF-8.
pub fn from_json_into(text: &str, target: JsonTarget) -> (Value, Option<Error>) {
    from_json_into_bytes(text.as_bytes(), target)
}

/// [`from_json_into`] for any bytes; see [`from_json_bytes`] for what becomes of
/// bytes that are not UTF-8.
pub fn from_json_into_bytes(data: &[u8], target: JsonTarget) -> (Value, Option<Error>) {
    json::decode(data, target)
}

/// Prints a value as BurntSushi's TOML encoder does (Helm's `toToml`).
///
/// A map prints as a document; any other value prints as that TOML value alone (`1`,
/// `[1, 2]`), as Go's encoder does. Errors carry Go's texts (`toml: cannot encode array
/// with nil element`, `toml: top-level values must be Go maps or structs`), which
/// `toToml` returns as its result. A top-level [`Value::Null`] is not an error in Go but
/// a panic (`reflect: call of reflect.Value.Type on zero Value`, returned here as the
/// error), which fails the template instead: callers check for `Null` first.
pub fn to_toml(value: &Value) -> Result<String, Error> {
    toml::encode(value)
}

/// Parses TOML as BurntSushi's decoder into `map[string]interface{}` does (Helm's
/// `fromToml`).
///
/// TOML 1.1 as BurntSushi v1.6.0 reads it (`\e` and `\xNN` escapes, newlines and a
/// trailing comma in inline tables, datetimes without seconds). Integers are
/// [`Value::Int`], floats [`Value::Float`]. Errors carry the text of Go's
/// `toml.ParseError.Error()` (`toml: line 3 (last key "a.b"): Key 'a.b' has already
/// been defined.`), which `fromToml` puts under the key `Error`.
///
/// Datetimes are [`Value::Time`], as Go's `time.Time` (see [`GoTime`] for the zones
/// each kind gets; the machine's zone is taken to be UTC). Arrays of tables (Go's
/// `[]map[string]interface{}`) are sequences of maps, like `[]interface{}`.
pub fn from_toml(text: &str) -> Result<Value, Error> {
    toml::decode(text)
}
