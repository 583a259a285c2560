this is a partial: not: yaml: [
