module gotmpl-parse-dump

go 1.25
