//! The `kelm` command-line interface.

fn main() {
    println!("kelm");
}
