"""signatories: see docs/design.md."""
