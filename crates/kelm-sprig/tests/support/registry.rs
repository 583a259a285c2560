//! Which functions exist where: Sprig's (as Helm registers them), Helm's own, Go's
//! builtins, and kelm's implementations of them.

use std::collections::HashSet;

use kelm_gotmpl::Function;

/// Sprig v3.3.0's `genericMap` (`functions.go`), in its order: what `TxtFuncMap()` gives.
pub const SPRIG: &[&str] = &[
    "hello",
    "ago",
    "date",
    "date_in_zone",
    "date_modify",
    "dateInZone",
    "dateModify",
    "duration",
    "durationRound",
    "htmlDate",
    "htmlDateInZone",
    "must_date_modify",
    "mustDateModify",
    "mustToDate",
    "now",
    "toDate",
    "unixEpoch",
    "abbrev",
    "abbrevboth",
    "trunc",
    "trim",
    "upper",
    "lower",
    "title",
    "untitle",
    "substr",
    "repeat",
    "trimall",
    "trimAll",
    "trimSuffix",
    "trimPrefix",
    "nospace",
    "initials",
    "randAlphaNum",
    "randAlpha",
    "randAscii",
    "randNumeric",
    "swapcase",
    "shuffle",
    "snakecase",
    "camelcase",
    "kebabcase",
    "wrap",
    "wrapWith",
    "contains",
    "hasPrefix",
    "hasSuffix",
    "quote",
    "squote",
    "cat",
    "indent",
    "nindent",
    "replace",
    "plural",
    "sha1sum",
    "sha256sum",
    "sha512sum",
    "adler32sum",
    "toString",
    "atoi",
    "int64",
    "int",
    "float64",
    "seq",
    "toDecimal",
    "split",
    "splitList",
    "splitn",
    "toStrings",
    "until",
    "untilStep",
    "add1",
    "add",
    "sub",
    "div",
    "mod",
    "mul",
    "randInt",
    "add1f",
    "addf",
    "subf",
    "divf",
    "mulf",
    "biggest",
    "max",
    "min",
    "maxf",
    "minf",
    "ceil",
    "floor",
    "round",
    "join",
    "sortAlpha",
    "default",
    "empty",
    "coalesce",
    "all",
    "any",
    "compact",
    "mustCompact",
    "fromJson",
    "toJson",
    "toPrettyJson",
    "toRawJson",
    "mustFromJson",
    "mustToJson",
    "mustToPrettyJson",
    "mustToRawJson",
    "ternary",
    "deepCopy",
    "mustDeepCopy",
    "typeOf",
    "typeIs",
    "typeIsLike",
    "kindOf",
    "kindIs",
    "deepEqual",
    "env",
    "expandenv",
    "getHostByName",
    "base",
    "dir",
    "clean",
    "ext",
    "isAbs",
    "osBase",
    "osClean",
    "osDir",
    "osExt",
    "osIsAbs",
    "b64enc",
    "b64dec",
    "b32enc",
    "b32dec",
    "tuple",
    "list",
    "dict",
    "get",
    "set",
    "unset",
    "hasKey",
    "pluck",
    "keys",
    "pick",
    "omit",
    "merge",
    "mergeOverwrite",
    "mustMerge",
    "mustMergeOverwrite",
    "values",
    "append",
    "mustAppend",
    "prepend",
    "mustPrepend",
    "first",
    "mustFirst",
    "rest",
    "mustRest",
    "last",
    "mustLast",
    "initial",
    "mustInitial",
    "reverse",
    "mustReverse",
    "uniq",
    "mustUniq",
    "without",
    "mustWithout",
    "has",
    "mustHas",
    "slice",
    "mustSlice",
    "concat",
    "dig",
    "chunk",
    "mustChunk",
    "bcrypt",
    "htpasswd",
    "genPrivateKey",
    "derivePassword",
    "buildCustomCert",
    "genCA",
    "genCAWithKey",
    "genSelfSignedCert",
    "genSelfSignedCertWithKey",
    "genSignedCert",
    "genSignedCertWithKey",
    "encryptAES",
    "decryptAES",
    "randBytes",
    "uuidv4",
    "semver",
    "semverCompare",
    "fail",
    "regexMatch",
    "mustRegexMatch",
    "regexFindAll",
    "mustRegexFindAll",
    "regexFind",
    "mustRegexFind",
    "regexReplaceAll",
    "mustRegexReplaceAll",
    "regexReplaceAllLiteral",
    "mustRegexReplaceAllLiteral",
    "regexSplit",
    "mustRegexSplit",
    "regexQuoteMeta",
    "urlParse",
    "urlJoin",
];

/// Sprig functions Helm deletes from its function map (they read the environment).
pub const EXCLUDED_BY_HELM: &[&str] = &["env", "expandenv"];

/// Helm 4.1.4's own functions (`pkg/engine/funcs.go`, `engine.go`), in Helm's order.
/// `toJson`, `mustToJson`, `fromJson`, `fail` and `getHostByName` replace Sprig's.
pub const HELM: &[&str] = &[
    "toToml",
    "fromToml",
    "toYaml",
    "mustToYaml",
    "toYamlPretty",
    "fromYaml",
    "fromYamlArray",
    "toJson",
    "mustToJson",
    "fromJson",
    "fromJsonArray",
    "include",
    "tpl",
    "required",
    "fail",
    "lookup",
    "getHostByName",
];

/// Names listed with Helm's functions elsewhere that Helm 4.1.4 does not register
/// (`mustToToml` arrived in Helm 4.2); cases show they are undefined.
pub const NOT_IN_HELM_4_1_4: &[&str] = &["mustToToml"];

/// Go `text/template`'s builtins (cases may be about them: `len` of nil, `index` out of
/// range...).
pub const GO_BUILTINS: &[&str] = &[
    "and", "call", "html", "index", "slice", "js", "len", "not", "or", "print", "printf",
    "println", "urlquery", "eq", "ge", "gt", "le", "lt", "ne",
];

/// Whether a case may name `f` as its subject.
pub fn is_known(f: &str) -> bool {
    SPRIG.contains(&f)
        || HELM.contains(&f)
        || NOT_IN_HELM_4_1_4.contains(&f)
        || GO_BUILTINS.contains(&f)
}

/// Every function Helm 4.1.4 registers: Sprig's minus `env`/`expandenv`, plus Helm's.
pub fn helm_registered() -> Vec<&'static str> {
    let mut v: Vec<&str> = SPRIG
        .iter()
        .copied()
        .filter(|f| !EXCLUDED_BY_HELM.contains(f))
        .collect();
    for f in HELM {
        if !v.contains(f) {
            v.push(f);
        }
    }
    v
}

/// kelm's implementations of Helm's own functions (`kelm-engine`), as Helm's engine
/// binds them for a render with or without `--enable-dns`.
pub fn helm_functions(enable_dns: bool) -> Vec<Function> {
    kelm_engine::helm_functions(&kelm_engine::FuncOptions {
        enable_dns,
        ..Default::default()
    })
}

/// Names that replace something the engine already has: Helm's functions (some replace
/// Sprig's) and Sprig's `slice` (which replaces Go's builtin `slice`). Without kelm's
/// own implementation, the other one would run and the case would compare the wrong
/// function, so their use is detected by name.
pub fn replacing() -> Vec<&'static str> {
    let mut v: Vec<&str> = HELM.to_vec();
    v.extend(SPRIG.iter().copied().filter(|f| GO_BUILTINS.contains(f)));
    v
}

/// The replacing functions (see [`replacing`]) a case's text names that kelm does not
/// provide yet.
///
/// A name counts as used when it appears as a word anywhere in the templates (also
/// inside strings, so `tpl "{{ toYaml . }}"` counts), except right after `.` or `$`
/// (fields and variables).
pub fn missing_replacing_functions(text: &str, provided: &HashSet<String>) -> Vec<&'static str> {
    replacing()
        .into_iter()
        .filter(|f| !provided.contains(*f) && names_word(text, f))
        .collect()
}

/// Whether `text` has `word` as a whole word not preceded by `.` or `$`.
pub fn names_word(text: &str, word: &str) -> bool {
    let b = text.as_bytes();
    let is_ident = |c: u8| c.is_ascii_alphanumeric() || c == b'_';
    let mut from = 0;
    while let Some(p) = text[from..].find(word) {
        let s = from + p;
        let e = s + word.len();
        let before_ok = s == 0 || !(is_ident(b[s - 1]) || b[s - 1] == b'.' || b[s - 1] == b'$');
        let after_ok = e == b.len() || !is_ident(b[e]);
        if before_ok && after_ok {
            return true;
        }
        from = s + 1;
    }
    false
}
