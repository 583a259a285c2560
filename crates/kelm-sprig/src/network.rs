//! Sprig's `getHostByName`: one of the addresses the system resolver gives for a host
//! name, picked at random, as Go's `net.LookupHost` and `rand.Intn` do.
//!
//! Helm replaces it with a function returning "" unless DNS lookups are enabled
//! (`--enable-dns`); with them, this one runs.

use std::net::ToSocketAddrs;

use kelm_gotmpl::{FuncError, Function, Value};

use crate::conv::{STRING, arg_str, func};

/// The addresses of `name`, each once, in the resolver's order (Go's `LookupHost`);
/// empty when the lookup fails.
pub fn lookup_host(name: &str) -> Vec<String> {
    if name.is_empty() {
        return Vec::new();
    }
    let Ok(addrs) = (name, 0u16).to_socket_addrs() else {
        return Vec::new();
    };
    let mut out: Vec<String> = Vec::new();
    for a in addrs {
        let ip = a.ip().to_string();
        if !out.contains(&ip) {
            out.push(ip);
        }
    }
    out
}

/// Sprig's `getHostByName`: a random address of `name`. With none (an unknown host,
/// a failed lookup), Go's `rand.Intn(0)` panics, which fails the template.
pub fn get_host_by_name(name: &str) -> Result<String, FuncError> {
    let addrs = lookup_host(name);
    if addrs.is_empty() {
        return Err(FuncError::new("invalid argument to Intn"));
    }
    let mut buf = [0u8; 8];
    getrandom::fill(&mut buf).expect("the operating system's random number generator failed");
    let i = (u64::from_le_bytes(buf) % addrs.len() as u64) as usize;
    Ok(addrs[i].clone())
}

/// This group's functions.
pub(crate) fn functions() -> Vec<Function> {
    vec![func("getHostByName", vec![STRING], STRING, |a| {
        get_host_by_name(arg_str(&a[0])).map(Value::from)
    })]
}
