//! Parses arbitrary text as a template, with default and custom delimiters; any result
//! is fine, a panic or a stack overflow is a bug.
#![no_main]

use kelm_gotmpl::Template;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut t = Template::new("fuzz");
    let _ = t.parse(text);
    let mut t = Template::new("fuzz");
    t.delims("<<", ">>");
    let _ = t.parse(text);
    // A second parse into the same set exercises redefinition rules.
    let _ = t.parse_named("other", text);
});
