"""The core: triage, retrieval, composing and rendering a reply, and the Assistant that wires them."""
