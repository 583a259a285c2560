#!/usr/bin/env python3
"""Writes the chart fixtures of kelm's `show` differential test: valid and broken
chart directories and hand-built (hostile) archives. Deterministic: archives have
fixed timestamps, so re-running changes nothing."""
import gzip, io, os, shutil, sys, tarfile

out = sys.argv[1]
shutil.rmtree(out, ignore_errors=True)
os.makedirs(out)

def write(path, data):
    path = os.path.join(out, path)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data.encode() if isinstance(data, str) else data)

def chart(name, chart_yaml, files=None):
    write(f"{name}/Chart.yaml", chart_yaml)
    for p, d in (files or {}).items():
        write(f"{name}/{p}", d)

def tgz(entries, compress=True):
    """entries: (name, data or None for a directory, typeflag or None)."""
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w", format=tarfile.GNU_FORMAT) as t:
        for name, data, flag in entries:
            info = tarfile.TarInfo(name)
            info.mtime = 1700000000
            if data is None:
                info.type = tarfile.DIRTYPE
                t.addfile(info)
                continue
            if flag:
                info.type = flag
            info.size = len(data)
            t.addfile(info, io.BytesIO(data))
    raw = buf.getvalue()
    return gzip.compress(raw, mtime=0) if compress else raw

V2 = "apiVersion: v2\nname: {n}\nversion: 0.1.0\n"

full = """apiVersion: v2
name: full
description: "A chart\\twith\\u0007 every field"
version: 1.2.3-rc.1+build.5
appVersion: "2.0"
kubeVersion: ">=1.20.0-0"
type: application
home: https://example.com
icon: https://example.com/icon.png
sources: [https://a.example, https://b.example]
keywords: [one, two]
deprecated: true
condition: full.enabled
tags: a,b
annotations:
  example.com/x: "1"
  b: yes
maintainers:
  - name: Ann
    email: ann@example.com
    url: https://ann.example
  - name: Bob
unknownKey: ignored
dependencies:
  - name: sub
    version: ~0.1.0
    repository: file://charts/sub
    condition: sub.enabled,global.sub
    tags: [back, front]
    import-values:
      - data
      - child: a.b
        parent: c
  - name: sub
    alias: sub-two
    repository: ""
"""
chart("full", full, {
    "values.yaml": "# defaults\na: 1\nb:\n  c: [1, 2]\n---\nb:\n  d: x\n",
    "README.md": "# Full\n\nA readme.\n",
    "crds/a.yaml": "apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: a\n",
    "crds/b.json": '{"kind": "CustomResourceDefinition"}',
    "crds/nested/c.YML": "---\nkind: CustomResourceDefinition\nmetadata:\n  name: c\n",
    "crds/notes.txt": "not a crd\n",
    "templates/cm.yaml": "kind: ConfigMap\n",
    "templates/.hidden": "ignored by default\n",
    "charts/sub/Chart.yaml": V2.format(n="sub"),
    "charts/sub/values.yaml": "enabled: true\n",
    "charts/sub/crds/sub.yaml": "kind: CustomResourceDefinition\nmetadata:\n  name: sub\n",
    "charts/_skipped/Chart.yaml": "not: [valid\n",
    "charts/.hidden/Chart.yaml": "not: [valid\n",
    "charts/sub.prov": "signature\n",
    "LICENSE": "license\n",
})
write("full/charts/packed-0.1.0.tgz", tgz([
    ("packed/Chart.yaml", (V2.format(n="packed")).encode(), None),
    ("packed/crds/p.yaml", b"kind: CustomResourceDefinition\n", None),
]))

chart("minimal", "name: minimal\nversion: 1.0.0\n")
chart("numbers", "apiVersion: v2\nname: numbers\nversion: 1.0\nappVersion: 20230101\nkubeVersion: 1.10\nkeywords: [1, 2.5, true, 1e3]\nannotations: {x: 1, y: 0.5}\n")
chart("casefold", "apiVersion: v2\nNAME: upper\nName: mixed\nVersion: 2.0.0\nAPIVERSION: v2\nDescription: folded\n")
chart("bom", "\ufeffapiVersion: v2\nname: bom\nversion: 0.1.0\n", {"values.yaml": "\ufeffa: 1\n", "readme": "\ufefflower readme\n"})
chart("readme-txt", V2.format(n="readme-txt"), {"README.txt": "text readme\n", "docs/README.md": "not this one\n"})
chart("no-values", V2.format(n="no-values"))
chart("empty-values", V2.format(n="empty-values"), {"values.yaml": ""})
chart("library", V2.format(n="library") + "type: library\n", {"templates/_h.tpl": "{{- define \"x\" }}{{ end }}\n"})
chart("v1-requirements", "apiVersion: v1\nname: v1req\nversion: 0.1.0\n", {
    "requirements.yaml": "dependencies:\n  - name: dep\n    version: 1.0.0\n    repository: https://example.com\n",
    "requirements.lock": "dependencies:\n  - name: dep\n    version: 1.0.0\n    repository: https://example.com\ndigest: sha256:abc\ngenerated: 2020-01-01T00:00:00Z\n",
})
chart("v2-requirements", V2.format(n="v2req"), {
    "requirements.yaml": "dependencies:\n  - name: dep\n    version: 1.0.0\n    repository: https://example.com\n",
})
chart("unsupported-version", "apiVersion: v9\nname: future\nversion: 0.1.0\n")
chart("helmignore", V2.format(n="helmignore"), {
    ".helmignore": "# comment\n\n*.bak\n/top-only.txt\nsecret/\n!README.md\n",
    "README.md": "kept\n",
    "x.bak": "ignored\n",
})
chart("helmignore-doublestar", V2.format(n="hid"), {".helmignore": "a/**/b\n"})
chart("helmignore-badpattern", V2.format(n="hib"), {".helmignore": "[\n"})

broken = {
    "name-missing": "apiVersion: v2\nversion: 0.1.0\n",
    "version-missing": "apiVersion: v2\nname: x\n",
    "version-invalid": "apiVersion: v2\nname: x\nversion: 1.2.3.4\n",
    "version-leading-zero-pre": "apiVersion: v2\nname: x\nversion: 1.2.3-01\n",
    "name-slash": "apiVersion: v2\nname: a/b\nversion: 0.1.0\n",
    "name-dotdot": "apiVersion: v2\nname: ..\nversion: 0.1.0\n",
    "type-bad": "apiVersion: v2\nname: x\nversion: 0.1.0\ntype: plugin\n",
    "alias-bad": "apiVersion: v2\nname: x\nversion: 0.1.0\ndependencies:\n  - name: d\n    alias: bad.alias\n",
    "deps-duplicate": "apiVersion: v2\nname: x\nversion: 0.1.0\ndependencies:\n  - name: d\n  - name: e\n    alias: d\n",
    "deps-null": "apiVersion: v2\nname: x\nversion: 0.1.0\ndependencies:\n  - ~\n",
    "maintainer-null": "apiVersion: v2\nname: x\nversion: 0.1.0\nmaintainers: [~]\n",
    "yaml-syntax": "apiVersion: v2\nname: x\n  version: 0.1.0\n",
    "yaml-list": "- a\n- b\n",
    "yaml-string": "just a string\n",
    "type-name-array": "apiVersion: v2\nname: [a]\nversion: 0.1.0\n",
    "type-sources-string": "apiVersion: v2\nname: x\nversion: 0.1.0\nsources: https://x\n",
    "type-maintainer-number": "apiVersion: v2\nname: x\nversion: 0.1.0\nmaintainers: [1]\n",
    "type-maintainer-name-map": "apiVersion: v2\nname: x\nversion: 0.1.0\nmaintainers:\n  - name: {a: b}\n",
    "type-deprecated-string": "apiVersion: v2\nname: x\nversion: 0.1.0\ndeprecated: \"yes\"\n",
    "type-annotations-nested": "apiVersion: v2\nname: x\nversion: 0.1.0\nannotations:\n  a:\n    b: c\n",
    "type-dependency-tags": "apiVersion: v2\nname: x\nversion: 0.1.0\ndependencies:\n  - name: d\n    tags: t\n",
    "type-import-values": "apiVersion: v2\nname: x\nversion: 0.1.0\ndependencies:\n  - name: d\n    import-values: x\n",
    "type-dependencies-map": "apiVersion: v2\nname: x\nversion: 0.1.0\ndependencies: {a: b}\n",
    "empty-chart-yaml": "",
}
for name, text in broken.items():
    chart(f"broken-{name}", text)
chart("broken-values", V2.format(n="x"), {"values.yaml": "a: [1\n"})
chart("broken-values-list", V2.format(n="x"), {"values.yaml": "- 1\n"})
chart("broken-lock", V2.format(n="x"), {"Chart.lock": "dependencies: 1\n"})
chart("broken-subchart", V2.format(n="parent"), {"charts/child/Chart.yaml": "apiVersion: v2\nname: child\n"})
chart("broken-subchart-tgz", V2.format(n="parent"), {"charts/child-1.0.0.tgz": "not an archive\n"})
write("broken-no-chart-yaml/values.yaml", "a: 1\n")
os.makedirs(os.path.join(out, "broken-empty-dir"), exist_ok=True)
write("broken-empty-dir/.keep", "")

# Symbolic links: to a file outside the chart, to a directory, and dangling.
chart("symlinks", V2.format(n="symlinks"), {"real/README.md": "linked readme\n", "outside.txt": "x\n"})
os.symlink("real/README.md", os.path.join(out, "symlinks/README.md"))
os.symlink("real", os.path.join(out, "symlinks/crds"))
write("symlinks/real/crd.yaml", "kind: CustomResourceDefinition\n")
chart("symlink-dangling", V2.format(n="dangling"))
os.symlink("nowhere.txt", os.path.join(out, "symlink-dangling/missing.txt"))

# Archives.
good = [("c/Chart.yaml", V2.format(n="packed").encode(), None),
        ("c/values.yaml", b"a: 1\n", None),
        ("c/README.md", b"packed readme\n", None)]
write("archive-ok.tgz", tgz([("c", None, None), ("c/templates", None, None)] + good))
write("archive-backslash.tgz", tgz([("c\\Chart.yaml", V2.format(n="bs").encode(), None),
                                    ("c\\values.yaml", b"b: 2\n", None)]))
write("archive-pax.tgz", tgz([("c/Chart.yaml", V2.format(n="pax").encode(), tarfile.XGLTYPE)] + good))
write("archive-parent.tgz", tgz(good + [("c/../../evil.txt", b"x", None)]))
write("archive-absolute.tgz", tgz(good + [("c//etc/passwd", b"x", None)]))
write("archive-drive.tgz", tgz(good + [("c/C:/evil.txt", b"x", None)]))
write("archive-top-chart-yaml.tgz", tgz([("Chart.yaml", V2.format(n="top").encode(), None)]))
write("archive-top-file.tgz", tgz([("file", b"x", None)] + good))
write("archive-no-chart-yaml.tgz", tgz([("c/values.yaml", b"a: 1\n", None)]))
write("archive-empty.tgz", tgz([]))
write("archive-big-file.tgz", tgz(good + [("c/big.bin", b"\0" * (5 * 1024 * 1024 + 1), None)]))
write("archive-not-gzip.tgz", "name: x\nversion: 1.0.0\n")
write("archive-empty-file.tgz", "")
write("archive-yaml-name.yaml", "name: x\n")
write("archive-truncated.tgz", tgz(good)[:40])
write("archive-tar-not-gzipped.tgz", tgz(good, compress=False))
write("archive-symlink-entry.tgz", tgz(good + [("c/link", b"", tarfile.SYMTYPE)]))
write("archive-dup-chart-yaml.tgz", tgz(good + [("c/Chart.yaml", b"description: second\n", None)]))
