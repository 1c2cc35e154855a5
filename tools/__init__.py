"""Tools for developers, outside the app's runtime package `graph`: generated corpora for tests, benchmarks
and trying the app at scale (`python -m tools.generate`)."""
