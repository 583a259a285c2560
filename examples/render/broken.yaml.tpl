image: {{ .image.repository }}
tag: {{ .image.registry.tag }}
