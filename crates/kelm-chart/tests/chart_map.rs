//! `.Chart` as Helm 4 gives it to templates, against the real Helm: each
//! `tests/chart_map/<chart>.txt` holds what helm v4.1.4 printed for `{{ toJson .Chart }}`
//! and `{{ .Chart }}` on a chart with that `Chart.yaml` (`<chart>.Chart.yaml`), recorded
//! by `tools/show-oracle/record-chart-map`. `IsRoot` is the engine's addition; it is
//! added here as the engine will.

use std::path::Path;

use kelm_chart::archive::BufferedFile;
use kelm_gotmpl::{Template, Value};

fn render(chart: &kelm_chart::Chart, text: &str) -> String {
    let map = chart.metadata.template_map();
    map.insert("IsRoot", Value::Bool(true));
    let data = Value::Map(kelm_gotmpl::Map::from_entries([("Chart", Value::Map(map))]));
    let mut t = Template::new("chart-map");
    t.add_funcs(kelm_engine::template_functions(&Default::default()));
    t.parse(text).expect("parses");
    let mut out = String::new();
    t.execute(&data, &mut out).expect("renders");
    out
}

#[test]
fn chart_object_matches_helm() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/chart_map");
    let mut checked = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let Some(name) = path
            .file_name()
            .unwrap()
            .to_str()
            .unwrap()
            .strip_suffix(".txt")
        else {
            continue;
        };
        let want = std::fs::read_to_string(&path).unwrap();
        let chart_yaml = std::fs::read(dir.join(format!("{name}.Chart.yaml"))).unwrap();
        let chart = kelm_chart::load_files(vec![BufferedFile {
            name: "Chart.yaml".into(),
            data: chart_yaml,
        }])
        .unwrap_or_else(|e| panic!("{name}: {e}"));
        let got = render(&chart, "{{ toJson .Chart }}\n{{ .Chart }}\n");
        assert_eq!(got, want, "{name}");
        checked += 1;
    }
    assert!(checked >= 7, "only {checked} charts checked");
}
