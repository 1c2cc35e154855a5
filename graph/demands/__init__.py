"""demands: see docs/design.md."""
