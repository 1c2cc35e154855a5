"""network: see docs/design.md."""
