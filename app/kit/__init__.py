"""Cross-cutting pieces every domain package uses."""
