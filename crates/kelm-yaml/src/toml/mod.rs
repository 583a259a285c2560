//! BurntSushi/toml v1.6.0, as Helm's `toToml` and `fromToml` use it.

mod datetime;
mod encode;
mod lex;
mod parse;

pub(crate) use encode::encode;
pub(crate) use parse::decode;

#[cfg(test)]
mod tests;
