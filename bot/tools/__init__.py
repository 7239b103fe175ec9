"""The borrower's tools: interest check, letters, incident log, and the guided flows they run on."""
