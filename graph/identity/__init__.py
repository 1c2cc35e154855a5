"""identity: see docs/design.md."""
