//! Go's `fmt` printing of template values: `Sprint`, `Sprintln`, `Sprintf`.
