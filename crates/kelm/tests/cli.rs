//! Snapshot tests of what the `kelm` binary prints: standard output, standard error and
//! exit status of real command lines.
//!
//! Where Helm has the same command line, the expected text is what helm v4.1.4 printed
//! (with `helm` read as `kelm` and Helm's build information as kelm's). This build's git
//! commit and tree state are replaced by `[COMMIT]`, `[SHORT]` (its first 7 characters)
//! and `[STATE]`, so the snapshots hold on any commit.
//!
//! Update snapshots with `cargo insta test -p kelm --review` (`cargo install cargo-insta`).

use std::process::{Command, Stdio};

use insta::assert_snapshot;

const COMMIT: &str = env!("KELM_GIT_COMMIT");
const STATE: &str = env!("KELM_GIT_TREE_STATE");

/// Runs kelm with `args` and shows what it printed, redacted.
fn kelm(args: &[&str]) -> String {
    let output = Command::new(env!("CARGO_BIN_EXE_kelm"))
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("kelm runs");
    let status = match output.status.code() {
        Some(code) => code.to_string(),
        None => format!("{:?}", output.status),
    };
    let text = format!(
        "status: {status}\n----- stdout -----\n{}----- stderr -----\n{}",
        show(&output.stdout),
        show(&output.stderr)
    );
    redact(&text)
}

/// A stream's bytes as text, marking a missing final newline (the snapshot would hide it).
fn show(bytes: &[u8]) -> String {
    let text = String::from_utf8(bytes.to_vec()).expect("kelm prints UTF-8");
    if text.is_empty() || text.ends_with('\n') {
        text
    } else {
        format!("{text}[no newline at end]\n")
    }
}

fn redact(text: &str) -> String {
    assert!(
        COMMIT.len() == 40 && (STATE == "clean" || STATE == "dirty"),
        "these tests run in a git checkout, where kelm knows its commit and tree state; \
         got commit {COMMIT:?}, state {STATE:?}"
    );
    let mut text = text
        .replace(COMMIT, "[COMMIT]")
        .replace(&COMMIT[..7], "[SHORT]");
    // The tree state is a common word: replace it only where the build info prints it,
    // right after the commit (or after `state=` in a test's own template).
    for (before, after) in [
        ("GitCommit:\"[COMMIT]\", GitTreeState:\"", "\""),
        ("\"git_commit\":\"[COMMIT]\",\"git_tree_state\":\"", "\""),
        ("git_commit: [COMMIT]\ngit_tree_state: ", "\n"),
        ("[COMMIT] ", " "),
        ("state=", ";"),
    ] {
        text = text.replace(
            &format!("{before}{STATE}{after}"),
            &format!("{before}[STATE]{after}"),
        );
    }
    text
}

#[test]
fn version() {
    assert_snapshot!(kelm(&["version"]), @r#"
    status: 0
    ----- stdout -----
    version.BuildInfo{Version:"v0.1.0", GitCommit:"[COMMIT]", GitTreeState:"[STATE]", GoVersion:"go1.25", KubeClientVersion:"v1.35"}
    ----- stderr -----
    "#);
}

#[test]
fn version_short() {
    assert_snapshot!(kelm(&["version", "--short"]), @"
    status: 0
    ----- stdout -----
    v0.1.0+g[SHORT]
    ----- stderr -----
    ");
}

#[test]
fn version_bool_flags_take_go_values() {
    assert_eq!(
        kelm(&["version", "--short=true"]),
        kelm(&["version", "--short"])
    );
    assert_eq!(kelm(&["version", "--short=0"]), kelm(&["version"]));
    // Given twice, the last one wins.
    assert_eq!(
        kelm(&["version", "--short", "--short=f"]),
        kelm(&["version"])
    );
}

#[test]
fn version_template() {
    assert_snapshot!(kelm(&["version", "--template", "{{.Version}}"]), @"
    status: 0
    ----- stdout -----
    v0.1.0[no newline at end]
    ----- stderr -----
    ");
    assert_snapshot!(kelm(&["version", "--template={{ .GitCommit }} state={{.GitTreeState}};\n{{- .GoVersion -}} {{.KubeClientVersion}}\n"]), @"
    status: 0
    ----- stdout -----
    [COMMIT] state=[STATE];go1.25v1.35
    ----- stderr -----
    ");
    assert_snapshot!(kelm(&["version", "--template", "{{.}}"]), @"
    status: 0
    ----- stdout -----
    {v0.1.0 [COMMIT] [STATE] go1.25 v1.35}[no newline at end]
    ----- stderr -----
    ");
    // The whole engine runs the template, functions included, as in Helm.
    assert_snapshot!(kelm(&["version", "--template", "v={{ printf \"%s\" .Version }}"]), @"
    status: 0
    ----- stdout -----
    v=v0.1.0[no newline at end]
    ----- stderr -----
    ");
}

#[test]
fn version_empty_template_is_no_template() {
    assert_eq!(kelm(&["version", "--template="]), kelm(&["version"]));
    assert_eq!(
        kelm(&["version", "--template=", "--short"]),
        kelm(&["version", "--short"])
    );
}

#[test]
fn version_template_takes_a_dash_value() {
    // Like pflag, the next argument is the value even when it looks like a flag.
    assert_snapshot!(kelm(&["version", "--template", "--short"]), @"
    status: 0
    ----- stdout -----
    --short[no newline at end]
    ----- stderr -----
    ");
}

#[test]
fn version_template_errors() {
    assert_snapshot!(kelm(&["version", "--template", "a\nb {{.Foo}}"]), @r#"
    status: 1
    ----- stdout -----
    a
    b [no newline at end]
    ----- stderr -----
    Error: template: _:2:4: executing "_" at <.Foo>: can't evaluate field Foo in type version.BuildInfo
    "#);
    assert_snapshot!(kelm(&["version", "--template", "{{ .Version.X.Y }}"]), @r#"
    status: 1
    ----- stdout -----
    ----- stderr -----
    Error: template: _:1:11: executing "_" at <.Version.X.Y>: can't evaluate field X in type string
    "#);
    assert_snapshot!(kelm(&["version", "--template", "x\n{{ .Version\n "]), @"
    status: 1
    ----- stdout -----
    ----- stderr -----
    Error: template: _:3: unclosed action started at _:2
    ");
}

#[test]
fn version_output_formats() {
    assert_snapshot!(kelm(&["version", "-o", "json"]), @r#"
    status: 0
    ----- stdout -----
    {"version":"v0.1.0","git_commit":"[COMMIT]","git_tree_state":"[STATE]","go_version":"go1.25","kube_client_version":"v1.35"}
    ----- stderr -----
    "#);
    assert_snapshot!(kelm(&["version", "--output=yaml"]), @"
    status: 0
    ----- stdout -----
    git_commit: [COMMIT]
    git_tree_state: [STATE]
    go_version: go1.25
    kube_client_version: v1.35
    version: v0.1.0
    ----- stderr -----
    ");
}

#[test]
fn version_precedence() {
    assert_eq!(
        kelm(&[
            "version",
            "--short",
            "-o",
            "json",
            "--template",
            "{{.Version}}"
        ]),
        kelm(&["version", "--template", "{{.Version}}"])
    );
    assert_eq!(
        kelm(&["version", "--short", "-o", "yaml"]),
        kelm(&["version", "-o", "yaml"])
    );
}

#[test]
fn usage_errors() {
    assert_snapshot!(kelm(&["version", "--foo"]), @"
    status: 1
    ----- stdout -----
    ----- stderr -----
    Error: unknown flag: --foo
    ");
    assert_snapshot!(kelm(&["version", "--foo=bar"]), @"
    status: 1
    ----- stdout -----
    ----- stderr -----
    Error: unknown flag: --foo
    ");
    assert_snapshot!(kelm(&["version", "-xy"]), @"
    status: 1
    ----- stdout -----
    ----- stderr -----
    Error: unknown shorthand flag: 'x' in -xy
    ");
    assert_snapshot!(kelm(&["version", "extra"]), @r#"
    status: 1
    ----- stdout -----
    ----- stderr -----
    Error: "kelm version" accepts no arguments

    Usage:  kelm version [flags]
    "#);
    assert_snapshot!(kelm(&["version", "--template"]), @"
    status: 1
    ----- stdout -----
    ----- stderr -----
    Error: flag needs an argument: --template
    ");
    assert_snapshot!(kelm(&["version", "-o"]), @"
    status: 1
    ----- stdout -----
    ----- stderr -----
    Error: flag needs an argument: 'o' in -o
    ");
    assert_snapshot!(kelm(&["version", "-o", "table"]), @r#"
    status: 1
    ----- stdout -----
    ----- stderr -----
    Error: invalid argument "table" for "-o, --output" flag: invalid format type
    "#);
    assert_snapshot!(kelm(&["version", "--output="]), @r#"
    status: 1
    ----- stdout -----
    ----- stderr -----
    Error: invalid argument "" for "-o, --output" flag: invalid format type
    "#);
    assert_snapshot!(kelm(&["version", "--short=maybe"]), @r#"
    status: 1
    ----- stdout -----
    ----- stderr -----
    Error: invalid argument "maybe" for "--short" flag: strconv.ParseBool: parsing "maybe": invalid syntax
    "#);
    assert_snapshot!(kelm(&["--version"]), @"
    status: 1
    ----- stdout -----
    ----- stderr -----
    Error: unknown flag: --version
    ");
}

#[test]
fn unknown_commands() {
    assert_snapshot!(kelm(&["frob"]), @r#"
    status: 1
    ----- stdout -----
    ----- stderr -----
    Error: unknown command "frob" for "kelm"
    Run 'kelm --help' for usage.
    "#);
    assert_snapshot!(kelm(&["verison"]), @r#"
    status: 1
    ----- stdout -----
    ----- stderr -----
    Error: unknown command "verison" for "kelm"

    Did you mean this?
    	version

    Run 'kelm --help' for usage.
    "#);
}

#[test]
fn help() {
    assert_eq!(kelm(&[]), kelm(&["--help"]));
    assert_snapshot!(kelm(&["--help"]), @"
    status: 0
    ----- stdout -----
    The Kubernetes package manager.

    kelm is a drop-in replacement for Helm 4 in the making: the commands it has take Helm's flags and print what Helm prints, byte for byte.

    Usage: kelm [OPTIONS] [COMMAND]

    Commands:
      create    create a new chart with the given name
      lint      examine a chart for possible issues
      show      show information of a chart [alias: inspect]
      template  locally render templates
      version   print the kelm version information
      help      Print this message or the help of the given subcommand(s)

    Options:
      -n, --namespace <string>
              namespace scope for this request

          --debug[=<BOOL>]
              enable verbose output

      -h, --help
              Print help (see a summary with '-h')
    ----- stderr -----
    ");
    assert_snapshot!(kelm(&["version", "--help"]), @r#"
    status: 0
    ----- stdout -----
    Print the version of kelm.

    By default the output has the shape of Helm's:

    version.BuildInfo{Version:"v0.1.0", GitCommit:"<commit>", GitTreeState:"clean", GoVersion:"go1.25", KubeClientVersion:"v1.35"}

    - Version: the semantic version of this kelm.
    - GitCommit: the git commit it was built from (empty when built outside git).
    - GitTreeState: "clean", or "dirty" when the checkout had changes at build time.
    - GoVersion: the Go release whose text/template, fmt and strconv behaviour kelm
      reproduces (Helm prints the Go that compiled it; kelm is not written in Go).
    - KubeClientVersion: the Kubernetes client version kelm speaks.

    --template prints these fields through a Go template, e.g.
    --template '{{.Version}} ({{.GitCommit}})'.

    Precedence: --template, then --output, then --short.

    Usage: kelm version [OPTIONS]

    Options:
      -n, --namespace <string>
              namespace scope for this request

          --short[=<BOOL>]
              print the version number only, with the abbreviated commit

          --debug[=<BOOL>]
              enable verbose output

          --template <TEMPLATE>
              Go template for the version string, e.g. '{{.Version}}'

      -o, --output <FORMAT>
              print the build information as json or yaml

      -h, --help
              Print help (see a summary with '-h')
    ----- stderr -----
    "#);
    assert_eq!(kelm(&["help", "version"]), kelm(&["version", "--help"]));
}

#[test]
fn commit_is_the_checkouts_head() {
    let head = Command::new("git")
        .args(["rev-parse", "HEAD"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("git runs");
    assert!(head.status.success(), "git rev-parse HEAD failed");
    assert_eq!(String::from_utf8_lossy(&head.stdout).trim(), COMMIT);
}

#[test]
fn closed_stdout_is_not_an_error() {
    let (reader, writer) = std::io::pipe().expect("a pipe");
    drop(reader);
    let output = Command::new(env!("CARGO_BIN_EXE_kelm"))
        .arg("version")
        .stdout(writer)
        .stderr(Stdio::piped())
        .output()
        .expect("kelm runs");
    assert_eq!(output.status.code(), Some(141));
    assert_eq!(String::from_utf8_lossy(&output.stderr), "");
}

/// `kelm lint`'s main outputs (the same texts as helm v4.1.4's, which
/// `tests/lint.rs` checks case by case against recordings).
#[test]
fn lint_outputs() {
    let fixtures = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/lint/fixtures");
    let noicon = format!("{fixtures}/noicon");
    let bad = format!("{fixtures}/templates-selector");
    assert_snapshot!(kelm(&["lint", &noicon]).replace(fixtures, "[FIXTURES]"), @"
    status: 0
    ----- stdout -----
    ==> Linting [FIXTURES]/noicon
    [INFO] Chart.yaml: icon is recommended

    1 chart(s) linted, 0 chart(s) failed
    ----- stderr -----
    ");
    assert_snapshot!(kelm(&["lint", "--quiet", &noicon]), @"
    status: 0
    ----- stdout -----
    ----- stderr -----
    ");
    assert_snapshot!(kelm(&["lint", &bad]).replace(fixtures, "[FIXTURES]"), @r#"
    status: 1
    ----- stdout -----
    ==> Linting [FIXTURES]/templates-selector
    [INFO] values.yaml: file does not exist
    [ERROR] templates/a.yaml: a StatefulSet must contain matchLabels or matchExpressions, and "s" does not
    [WARNING] templates/b.yaml: object name does not conform to Kubernetes naming requirements: "": metadata.name: Invalid value: "": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')
    [ERROR] templates/b.yaml: annotation 'helm.sh/resource-policy' within List objects are ignored

    ----- stderr -----
    Error: 1 chart(s) linted, 1 chart(s) failed
    "#);
    assert_snapshot!(kelm(&["lint"]), @r#"
    status: 1
    ----- stdout -----
    ----- stderr -----
    Error: "kelm lint" requires at least 1 argument

    Usage:  kelm lint PATH [flags]
    "#);
}

/// `show` subcommands take exactly one chart (Helm's text, `helm` read as `kelm`), and
/// a missing local path is reported as Helm reports it.
#[test]
fn show_arguments() {
    assert_snapshot!(kelm(&["show", "chart"]), @r#"
    status: 1
    ----- stdout -----
    ----- stderr -----
    Error: "kelm show chart" requires 1 argument

    Usage:  kelm show chart [CHART] [flags]
    "#);
    assert_snapshot!(kelm(&["inspect", "values", "a", "b"]), @r#"
    status: 1
    ----- stdout -----
    ----- stderr -----
    Error: "kelm show values" requires 1 argument

    Usage:  kelm show values [CHART] [flags]
    "#);
    assert_snapshot!(kelm(&["show", "readme", "./no/such/chart"]), @r#"
    status: 1
    ----- stdout -----
    ----- stderr -----
    Error: path "./no/such/chart" not found
    "#);
    assert_snapshot!(kelm(&["show", "crds", "nochart"]), @"
    status: 1
    ----- stdout -----
    ----- stderr -----
    Error: non-absolute URLs should be in form of repo_name/path_to_chart, got: nochart
    ");
}
