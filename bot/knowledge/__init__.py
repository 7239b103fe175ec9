"""The knowledge base: loading and validating knowledge/, legal texts, ingesting articles, the index."""
