"""HTML helpers shared by every HTML adapter: tree loading, selectors, body text."""
