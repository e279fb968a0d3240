"""Embedders: `files` (identities and hashes, cheap to import), `onnx` (the local model),
`openai` (a server's), and `factory.build_embedder` (the one a setting names)."""
