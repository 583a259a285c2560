//! Go's `strconv` parsing: `Unquote`, `UnquoteChar`, `ParseInt`, `ParseUint`, `ParseFloat`.
