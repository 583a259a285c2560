//! The template lexer (Go's `text/template/parse/lex.go` behaviour).
