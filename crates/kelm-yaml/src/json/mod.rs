//! Go's `encoding/json`, as Helm uses it: `json.Marshal`, `json.MarshalIndent`, an
//! `Encoder` without HTML escaping, and `json.Unmarshal` into `interface{}`,
//! `map[string]interface{}` and `[]interface{}`.

mod decode;
mod encode;
mod scan;

pub(crate) use decode::decode;
pub(crate) use encode::{encode, marshal_time};

#[cfg(test)]
mod tests;
