//! One module per kelm command. Each parses nothing itself: it receives its clap
//! arguments, calls the library function that does the work, and prints the result.

pub mod create;
pub mod lint;
pub mod show;
pub mod template;
pub mod version;
