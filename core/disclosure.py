"""Disclosure control: the one rule for every count of families shown outside the programme
team (portal, exports, public site), following the Government Statistical Service's
convention.

Primary suppression: a count above zero and below ``SMALL_NUMBER_THRESHOLD`` (default 10) is
shown as "<10" (the threshold). Secondary suppression: where cells add up to a total, a single
unknown cell could be worked out by subtraction, so another cell is hidden too, shown as "[c]"
(confidential), until no sum leaves exactly one hidden count to work out.

A sum may include *virtual* cells, never shown: the difference between two nested counts
(families supported who were not eligible, families with a need who did not achieve it). They
say that the difference of two shown counts must not be a small number either; a virtual cell
that is not small may be worked out freely, since it is not a count anyone protects."""

from dataclasses import dataclass

from django.conf import settings

PRIMARY = "primary"
SECONDARY = "secondary"


def threshold():
    return settings.SMALL_NUMBER_THRESHOLD


@dataclass(frozen=True)
class Shown:
    """A count as it may be shown: ``value`` is None when it is suppressed, and ``why`` says
    whether it is small itself (primary) or hidden to protect another (secondary)."""

    value: int | None
    label: str
    why: str = ""

    @property
    def suppressed(self):
        return self.value is None

    def __str__(self):
        return self.label


def shown(value, hidden=False, why=PRIMARY):
    if hidden:
        return Shown(None, f"<{threshold()}" if why == PRIMARY else "[c]", why)
    return Shown(value, f"{value:,}")


def is_small(value):
    return 0 < value < threshold()


def suppress(cells, groups=(), virtual=()):
    """``cells`` maps a key to a count; each group is ``(member keys, total key)``, saying the
    members add up to the total (the total key may be None where no total is shown). Keys in
    ``virtual`` are differences never shown. Returns {key: Shown} for the cells that are not
    virtual."""
    virtual = set(virtual)
    small = {key for key, value in cells.items() if is_small(value)}
    secondary: set = set()

    def unknown(key):
        return key in small or key in secondary or key in virtual

    changed = True
    while changed:
        changed = False
        for members, total in groups:
            if total is None:
                continue
            keys = [*members, total]
            unknowns = [key for key in keys if unknown(key)]
            # One unknown in a sum can be worked out: fine for a difference that is not small,
            # never for a count that is small or hidden to protect one.
            if len(unknowns) != 1 or (unknowns[0] in virtual and unknowns[0] not in small):
                continue
            candidates = sorted(
                (cells[key], index, key)
                for index, key in enumerate(members)
                if not unknown(key) and cells[key] > 0
            )
            if candidates:
                secondary.add(candidates[0][2])
            elif total not in virtual:
                secondary.add(total)
            else:
                continue
            changed = True
    return {
        key: shown(value, key in small or key in secondary, PRIMARY if key in small else SECONDARY)
        for key, value in cells.items()
        if key not in virtual
    }


def suppress_one(value):
    return shown(value, is_small(value))


def nest(cells, groups, virtual, part, whole, rest):
    """``part`` is counted within ``whole`` (eligible families within those supported): their
    difference is a virtual cell ``rest``, so it may not be a small number either."""
    if cells[part] <= cells[whole]:
        cells[rest] = cells[whole] - cells[part]
        virtual.add(rest)
        groups.append(([part, rest], whole))


def suppress_nested(values, chain):
    """Counts of which each key in ``chain`` is counted within the one before (families
    supported, achieved, sustained), suppressed so no difference between them is small."""
    cells, groups, virtual = dict(values), [], set()
    for whole, part in zip(chain, chain[1:], strict=False):
        nest(cells, groups, virtual, part, whole, ("rest", part))
    return suppress(cells, groups, virtual)
