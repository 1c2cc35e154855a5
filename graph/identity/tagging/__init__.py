"""Coalition tags from evidence: rules and gazetteer as data (data.py), phrase look-ups (phrases.py), the
rule engine (rules.py) and curators' decisions (decisions.py). graph/identity/tags.py puts them together."""
