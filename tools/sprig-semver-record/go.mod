module kelm.dev/tools/sprig-semver-record

go 1.25

require github.com/Masterminds/semver/v3 v3.4.0
