module kelm.sh/tools/gotmpl-oracle

go 1.25
