//! Kubernetes' object name rules as Helm's lint applies them
//! (`k8s.io/apimachinery/pkg/api/validation` name validators by kind), with their
//! messages.

/// The name rules for `kind` (matched case-insensitively): the messages for `name`,
/// empty when it is valid.
pub fn name_problems(kind: &str, name: &str) -> Vec<String> {
    match kind.to_lowercase().as_str() {
        "service" => dns1035_label(name),
        "namespace" => dns1123_label(name),
        "certificatesigningrequest" => Vec::new(),
        "role" | "clusterrole" | "rolebinding" | "clusterrolebinding" => path_segment(name),
        _ => dns1123_subdomain(name),
    }
}

/// Helm's warning text for an invalid `metadata.name`, if any.
pub fn validate_metadata_name(kind: &str, name: &str) -> Result<(), String> {
    let problems = name_problems(kind, name);
    if problems.is_empty() {
        return Ok(());
    }
    let quoted = kelm_strconv::quote(name);
    let errors: Vec<String> = problems
        .iter()
        .map(|p| format!("metadata.name: Invalid value: {quoted}: {p}"))
        .collect();
    let aggregate = if errors.len() == 1 {
        errors[0].clone()
    } else {
        format!("[{}]", errors.join(", "))
    };
    Err(format!(
        "object name does not conform to Kubernetes naming requirements: {quoted}: {aggregate}"
    ))
}

fn max_len(n: usize) -> String {
    format!("must be no more than {n} characters")
}

fn is_label(s: &str, first_alpha: bool) -> bool {
    let b = s.as_bytes();
    !b.is_empty()
        && b.iter()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == b'-')
        && if first_alpha {
            b[0].is_ascii_lowercase()
        } else {
            b[0] != b'-'
        }
        && b[b.len() - 1] != b'-'
}

fn dns1123_subdomain(name: &str) -> Vec<String> {
    let mut out = Vec::new();
    if name.len() > 253 {
        out.push(max_len(253));
    }
    if !name.split('.').all(|l| is_label(l, false)) {
        out.push("a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')".into());
    }
    out
}

fn dns1123_label(name: &str) -> Vec<String> {
    let mut out = Vec::new();
    if name.len() > 63 {
        out.push(max_len(63));
    }
    if !is_label(name, false) {
        // A valid subdomain that is not a label can only have dots too many.
        if name.split('.').all(|l| is_label(l, false)) {
            out.push("must not contain dots".into());
            return out;
        }
        out.push("a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')".into());
    }
    out
}

fn dns1035_label(name: &str) -> Vec<String> {
    let mut out = Vec::new();
    if name.len() > 63 {
        out.push(max_len(63));
    }
    if !is_label(name, true) {
        out.push("a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')".into());
    }
    out
}

fn path_segment(name: &str) -> Vec<String> {
    let mut out = Vec::new();
    if name == "." || name == ".." {
        out.push(format!("may not be '{name}'"));
        return out;
    }
    for bad in ["/", "%"] {
        if name.contains(bad) {
            out.push(format!("may not contain '{bad}'"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds() {
        assert!(name_problems("Deployment", "web.app-1").is_empty());
        assert_eq!(name_problems("Deployment", "Web").len(), 1);
        assert_eq!(name_problems("Service", "1abc").len(), 1);
        assert!(name_problems("ClusterRole", "system:thing").is_empty());
        assert_eq!(name_problems("Role", "a/b%c").len(), 2);
        assert!(name_problems("CertificateSigningRequest", "ANY").is_empty());
    }
}
