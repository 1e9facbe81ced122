"""Our search backend: Wagtail's database backend (PostgreSQL full-text on PostgreSQL, FTS5
on SQLite) with three changes for a programme's records.

- A listing's filters and order are SQL the backend runs itself, so they are not checked
  against the model's FilterFields (the check exists for Elasticsearch, which cannot run
  them).
- Title-length norms are worked out over the records that have titles (proposals,
  projects), not over every entry: Wagtail averages the whole index on every write, which
  at five million spend lines is a scan per saved proposal.
- On SQLite the title column weighs ten times the body in BM25, as the PostgreSQL backend's
  weights already make a title outrank the same words in a budget line.

Settings name the module for the database (``postgres`` or ``sqlite``): each defines
``SearchBackend``, the name Wagtail looks up, and imports only its own database's models."""
