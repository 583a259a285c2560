fn main() {
    let mut t = kelm_gotmpl::Template::new("t");
    t.add_funcs(kelm_sprig::functions());
    let src = std::env::args().nth(1).unwrap();
    t.parse(&src).unwrap();
    let mut out = String::new();
    match t.execute(&kelm_gotmpl::Value::nil(), &mut out) {
        Ok(()) => println!("{out}"),
        Err(e) => println!("{out}\nERROR: {e}"),
    }
}
