"""draw: see docs/design.md."""
