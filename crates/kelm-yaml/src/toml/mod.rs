//! BurntSushi/toml v1.6.0, as Helm's `toToml` and `fromToml` use it.

mod encode;

pub(crate) use encode::encode;
