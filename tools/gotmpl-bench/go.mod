module kelm.sh/tools/gotmpl-bench

go 1.25
