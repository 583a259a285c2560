//! The executor: walks a parse tree with Go's evaluation rules.

use crate::{Error, Template, Value};

pub(crate) fn execute(
    t: &Template,
    name: &str,
    data: &Value,
    out: &mut String,
) -> Result<(), Error> {
    let _ = (t, name, data, out);
    todo!("executor")
}
