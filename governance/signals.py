"""What the group decides, announced to the apps that act on it (projects), so governance
need not import them."""

from django.dispatch import Signal

# Sent with decision=<Decision> inside the transaction that records it.
decision_recorded = Signal()
