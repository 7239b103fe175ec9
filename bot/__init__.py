"""Collection Guard (催收应对助手): calm, grounded answers for borrowers facing debt-collection harassment."""

__version__ = "0.1.0"
