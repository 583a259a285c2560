//! Temporary Display impls until the parser branch lands (deleted at merge).
#![allow(missing_docs)]
use crate::ast::*;
use std::fmt;
macro_rules! dbg_display { ($($t:ty),*) => { $(impl fmt::Display for $t { fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result { write!(f, "{:?}", self) } })* } }
dbg_display!(Node, Arg, PipeNode, CommandNode, ChainNode);
