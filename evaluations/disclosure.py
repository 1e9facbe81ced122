"""Disclosure control: the one rule for every count of families shown outside the programme
team (portal, exports, public site).

Primary suppression: a count above zero and below ``SMALL_NUMBER_THRESHOLD`` (default 10) is
shown as "<10". Secondary suppression: where cells add up to a total that is shown, a single
hidden cell could be worked out by subtraction, so the smallest other non-zero cell is hidden
too (or, failing that, the total), until no total reveals a hidden cell."""

from dataclasses import dataclass

from django.conf import settings


def threshold():
    return settings.SMALL_NUMBER_THRESHOLD


@dataclass(frozen=True)
class Shown:
    """A count as it may be shown: ``value`` is None when it is suppressed."""

    value: int | None
    label: str

    @property
    def suppressed(self):
        return self.value is None

    def __str__(self):
        return self.label


def shown(value, hidden=False):
    if hidden:
        return Shown(None, f"<{threshold()}")
    return Shown(value, f"{value:,}")


def is_small(value):
    return 0 < value < threshold()


def suppress(cells, groups=()):
    """``cells`` maps a key to a count; each group is ``(member keys, total key)``, saying the
    members add up to the total (the total key may be None where no total is shown). Returns
    {key: Shown}."""
    hidden = {key for key, value in cells.items() if is_small(value)}
    changed = True
    while changed:
        changed = False
        for members, total in groups:
            if total is None:
                continue
            keys = [*members, total]
            if sum(key in hidden for key in keys) != 1:
                continue
            candidates = sorted(
                (cells[key], index, key)
                for index, key in enumerate(members)
                if key not in hidden and cells[key] > 0
            )
            hidden.add(candidates[0][2] if candidates else total)
            changed = True
    return {key: shown(value, key in hidden) for key, value in cells.items()}


def suppress_one(value):
    return shown(value, is_small(value))
