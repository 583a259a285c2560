pub(crate) fn functions() -> Vec<kelm_gotmpl::Function> {
    Vec::new()
}
