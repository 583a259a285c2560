//! Go's parse_test.go cases.
