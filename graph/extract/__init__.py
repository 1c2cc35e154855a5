"""Reading documents: each input format becomes plain text lines the letter reader understands.

The contract with the reader (graph.extract.signatories.parse and friends): tables become one line per row with cells joined
by " | " (header kept, alignment rows dropped); list items start "- " (ordered lists keep "1. "); headings are
lines of their own; links become their visible text; entities and inline tags are decoded or removed; front
matter is removed from the text and its title and date go to the document's metadata.

Modules: text (bytes -> str), frontmatter, markdown, html, pdf (with OCR), docx. graph.extract.document picks one by the
file's name and content.
"""
