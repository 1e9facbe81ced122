"""Our search backend: Wagtail's database backend (PostgreSQL full-text on PostgreSQL, FTS5
on SQLite) with these changes for a programme's records.

- A listing's filters and order are SQL the backend runs itself, so they are not checked
  against the model's FilterFields (the check exists for Elasticsearch, which cannot run
  them).
- Title-length norms (norms.py) average the records that have titles, not every entry
  (five million spend lines), and a write sets only its own entries' norms (Wagtail's
  refresh of everyone's new entries deadlocked concurrent submissions).
- On PostgreSQL the entries are found through a GIN index on ``title || body``, then the
  records by key (postgres.py), rather than every record joined to its entry.
- On SQLite the title column weighs ten times the body in BM25, as the PostgreSQL backend's
  weights already make a title outrank the same words in a budget line.

Settings name the module for the database (``postgres`` or ``sqlite``): each defines
``SearchBackend``, the name Wagtail looks up, and imports only its own database's models."""
