"""Reading a table exported from another system (a finance ledger, a case-management system)
whatever shape the system gave it: CSV in UTF-8 or Windows-1252, delimited by commas,
semicolons, tabs or bars, an Excel workbook, any of them gzipped or alone in a zip, with title
lines above the header. The layout (``Layout``) says which headings fill which field; the
header row, delimiter and encoding are found from the file, and every file-level problem names
its cause and its line."""

import itertools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from core.file_formats import (
    ZIP_MAGIC,
    FileProblem,
    csv_rows,
    sheet_rows,
    text_of,
    unpack,
    workbook,
)

DELIMITERS = {",": "comma", ";": "semicolon", "\t": "tab", "|": "bar"}
# How far down a header row may sit below report titles.
HEADER_SEARCH_ROWS = 20
# Headings that hold personal data no import here needs: they are named and never stored.
PERSONAL = re.compile(
    r"\b(forenames?|first names?|given names?|surnames?|last names?|family names?|full names?|"
    r"(child|person|client|parent|carer|individual|employee|member|family) names?|^names?$|"
    r"date of birth|dob|birth date|address|addresses|street|postcode|post code|"
    r"nhs (no|number)|ni number|national insurance( number)?|email|e mail|phone|telephone|"
    r"mobile|upn|unique pupil number|gender|sex|ethnicity)\b"
)
# 'Total', 'Grand total', 'Total for FP2026009', 'FP2026009 Total', 'Sub total'.
TOTAL = re.compile(r"^((grand|net|sub|report) ?)?totals?( .*)?$|^.* (sub ?)?totals?$")
NOT_LETTER_OR_DIGIT = re.compile(r"[^a-z0-9]+")


def normal_heading(text):
    """'Net Amount (£)', 'NET_AMOUNT' and 'net amount' are one heading."""
    return " ".join(NOT_LETTER_OR_DIGIT.sub(" ", str(text).lower()).split())


@dataclass(frozen=True)
class Column:
    """A field and the headings it may have; ``segment`` takes the n-th part (from 1) of a
    code such as an Oracle account combination (100.FP2026009.52200)."""

    field: str
    headings: tuple[str, ...]
    segment: int | None = None


@dataclass(frozen=True)
class Layout:
    """How one source system lays out its export."""

    name: str
    source: str
    columns: tuple[Column, ...]
    required: frozenset[str]
    segment_separator: str = "."
    decimal_comma: bool | None = None  # None: found from the file
    delimiter: str | None = None  # None: found from the file
    encoding: str | None = None  # None: UTF-8, else Windows-1252
    header_row: int | None = None  # None: found among the first lines
    aliases: tuple = ()  # (their name, ours) pairs, read by the import

    def slug(self):
        return normal_heading(self.name).replace(" ", "-")

    def matches(self, header):
        """{field: (cell index, Column)} for the headings of ``header`` this layout knows."""
        found = {}
        normal = [normal_heading(cell) for cell in header]
        for column in self.columns:
            if column.field in found:
                continue
            for heading in column.headings:
                if heading in normal:
                    found[column.field] = (normal.index(heading), column)
                    break
        return found

    def missing(self, header):
        """The required fields ('net_amount|debit': either) the header lacks."""
        found = self.matches(header)
        return [
            need
            for need in sorted(self.required)
            if not any(field in found for field in need.split("|"))
        ]


def choose_layout(layouts, name):
    """The layout called ``name`` (its name, its slug, or the start of either)."""
    wanted = normal_heading(name).replace(" ", "-")
    for layout in layouts:
        if layout.slug() == wanted:
            return layout
    starting = [layout for layout in layouts if layout.slug().startswith(wanted)]
    if len(starting) == 1:
        return starting[0]
    names = ", ".join(layout.slug() for layout in layouts)
    raise FileProblem(f"There is no import layout called '{name}'. The layouts are: {names}.")


@dataclass
class Table:
    """An opened file: its layout, where its header is, what was noticed on the way."""

    layout: Layout
    header: list
    header_line: int
    columns: dict  # field -> (index, Column)
    notes: list = field(default_factory=list)
    ignored_personal: list = field(default_factory=list)
    # A fresh iterator of (line number, cells) after the header: the file is read again.
    body: Callable[[], Iterator] = lambda: iter(())  # noqa: E731
    skipped_notes: list = field(default_factory=list)  # (line number, text)

    def rows(self) -> Iterator[tuple[int, dict, bool]]:
        """(line number, {field: text}, whether it is a totals row) for each row that is not
        blank, read from the file as a stream (each call reads it again); a row whose cells do
        not line up with the header stops the file (a value might sit under another heading).
        A row of one cell ('Report run 06/12/2026 by JSMITH', 'End of report') is a report's
        note, not a record: it is skipped and named."""
        width = len(self.header)
        heading = [normal_heading(cell) for cell in self.header]
        self.skipped_notes = []
        # Worked out once, not for each row: a row is short of a required value when it stops
        # at or before the last required column; most columns are read as they stand.
        required = {field for need in self.layout.required for field in need.split("|")}
        reach = max((i for name, (i, _c) in self.columns.items() if name in required), default=-1)
        plain = [(name, i) for name, (i, column) in self.columns.items() if not column.segment]
        segmented = [(name, i, c) for name, (i, c) in self.columns.items() if c.segment]
        for line, cells in self.body():
            filled = [cell for cell in cells if str(cell).strip()]
            if not filled:
                continue
            if len(filled) == 1 and width > 2 and not is_total(cells):
                self.skipped_notes.append((line, str(filled[0]).strip()[:80]))
                continue
            while len(cells) > width and not str(cells[-1]).strip():
                cells = cells[:-1]
            if normal_heading(cells[0]) == heading[0] and (
                [normal_heading(cell) for cell in cells] == heading[: len(cells)]
            ):
                # A report repeats its header at the top of each page.
                self.skipped_notes.append((line, "the header again"))
                continue
            count = len(cells)
            total = is_total(cells) and count <= width
            if not total and (count > width or count <= reach):
                raise FileProblem(
                    f"Line {line}: this row has {count} cells, the header has {width}, so "
                    "its values may sit under the wrong headings (an unquoted comma in a name "
                    "does this). Nothing was imported.",
                    line,
                )
            values = {name: str(cells[i]).strip() if i < count else "" for name, i in plain}
            for name, index, column in segmented:
                values[name] = self._segment(cells, index, column)
            yield line, values, total

    def read_notes(self):
        """What was noticed reading the file, once its rows have been read."""
        notes = list(self.notes)
        count = len(self.skipped_notes)
        if count:
            shown = "; ".join(f"line {line}: '{text}'" for line, text in self.skipped_notes[:3])
            if count > 3:
                shown += f"; {count - 3} more"
            notes.append(
                f"{count} line{'s' if count != 1 else ''} of one cell skipped as report notes "
                f"({shown})"
            )
        return notes

    def _segment(self, cells, index, column):
        """A segmented column's value: the n-th part of the cell's code."""
        text = str(cells[index]).strip() if index < len(cells) else ""
        parts = text.split(self.layout.segment_separator)
        return parts[column.segment - 1].strip() if len(parts) >= column.segment else ""


def is_total(cells):
    """A row of totals at the foot of a report ('Total', 'Grand total')."""
    return any(
        TOTAL.match(normal_heading(cell)) for cell in cells if "total" in str(cell).lower()
    )


def _workbook_table(unpacked, candidates, notes):
    """The first sheet with a header the layouts know (a cover or notes sheet is passed
    over): (what _find_header found, a function giving the body's rows afresh)."""
    found = None
    with unpacked.seekable() as stream:
        book = workbook(stream)
        for sheet in book.worksheets:
            head = list(itertools.islice(sheet_rows(sheet), HEADER_SEARCH_ROWS))
            match = _find_header(head, candidates)
            if match and (found is None or match[0] > found[0][0]):
                found = (match, sheet.title)
            if match and match[0][0]:
                break
        book.close()
    if found is None:
        notes.append("an Excel workbook")
        return None, lambda: iter(())
    match, title = found
    notes.append(f"an Excel workbook (sheet '{title}')")
    return match, lambda: _sheet_body(unpacked, title, match[4])


def _sheet_body(unpacked, title, position):
    """The rows of a sheet below its header (the ``position``-th row)."""
    with unpacked.seekable() as stream:
        book = workbook(stream)
        yield from itertools.islice(sheet_rows(book[title]), position + 1, None)
        book.close()


def _find_header(rows, layouts):
    """Among the first rows, the one whose headings best match a layout: (layout, header,
    line, rows above). A layout that names its header row is matched on that line only."""
    best = None
    for position, (line, cells) in enumerate(rows[:HEADER_SEARCH_ROWS]):
        for layout in layouts:
            if layout.header_row and line != layout.header_row:
                continue
            found = layout.matches(cells)
            if not found:
                continue
            complete = not layout.missing(cells)
            score = (complete, len(found))
            if best is None or score > best[0]:
                best = (score, layout, cells, line, position)
    return best


def _delimited(text, delimiter=None):
    """For each delimiter (or the one the layout says), the first rows read with it; the
    caller picks the one whose header matches."""
    with text() as stream:
        sample = "".join(itertools.islice(stream, HEADER_SEARCH_ROWS + 1))
    sample = "\n".join(sample.splitlines()[: HEADER_SEARCH_ROWS + 1])
    return {
        each: [(line, cells) for line, cells in _sample_rows(sample, each)]
        for each in ([delimiter] if delimiter else DELIMITERS)
    }


def _sample_rows(sample, delimiter):
    try:
        yield from csv_rows(sample, delimiter)
    except FileProblem:
        return


def open_table(source, filename, layouts, layout=None):
    """Open ``source`` (bytes, or a function giving a fresh binary stream of the file) and
    find its header with ``layout`` or the best of ``layouts``. Raises FileProblem naming what
    is wrong. The rows are read from the file when the table's ``rows()`` asks for them."""
    unpacked = unpack(source, filename)
    name, notes = unpacked.name, list(unpacked.notes)
    candidates = [layout] if layout else list(layouts)
    if name.endswith((".xlsx", ".xlsm")) or unpacked.head(4) == ZIP_MAGIC:
        found, body = _workbook_table(unpacked, candidates, notes)
    else:
        if name.endswith(".xls") and unpacked.head() == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
            raise FileProblem(
                "The file is an old-style Excel workbook (.xls); save it as .xlsx or CSV."
            )
        text, decoded = text_of(unpacked, layout.encoding if layout else None)
        notes += decoded
        found, delimiter = None, ","
        for each, sample in _delimited(text, layout.delimiter if layout else None).items():
            match = _find_header(sample, candidates)
            if match and (found is None or match[0] > found[0]):
                found, delimiter = match, each
        if delimiter != ",":
            notes.append(f"{DELIMITERS[delimiter]}-delimited")
        body = lambda: _body(text, delimiter, found)  # noqa: E731
    if found is None or not found[0][0]:
        raise _no_header(found, candidates)
    _score, chosen, header, line, position = found
    if position:
        notes.append(
            f"{position} title line{'s' if position != 1 else ''} above the header (line {line})"
        )
    columns = chosen.matches(header)
    used = {index for index, _column in columns.values()}
    personal = [
        cell
        for index, cell in enumerate(header)
        if index not in used and PERSONAL.search(normal_heading(cell))
    ]
    return Table(
        layout=chosen,
        header=header,
        header_line=line,
        columns=columns,
        notes=notes,
        ignored_personal=personal,
        body=body,
    )


def _body(text, delimiter, found):
    if found is None:
        return
    header_line = found[3]
    with text() as stream:
        for line, cells in csv_rows(stream, delimiter):
            if line > header_line:
                yield line, cells


def _no_header(found, candidates):
    if found is None:
        expected = "; ".join(
            f"{layout.name}: {', '.join(_first_headings(layout))}" for layout in candidates[:3]
        )
        return FileProblem(
            f"No header row was found in the first {HEADER_SEARCH_ROWS} lines. Expected "
            f"headings such as {expected}."
        )
    _score, layout, header, line, _position = found
    missing = ", ".join(_heading_for(layout, field) for field in layout.missing(header))
    return FileProblem(
        f"The header row (line {line}) is missing: {missing} (for the {layout.name} layout).",
        line,
    )


def _heading_for(layout, need):
    """The usual heading of a field: its last column's first (a layout lists the headings
    particular to its system before the common ones)."""
    names = []
    for name in need.split("|"):
        column = [column for column in layout.columns if column.field == name][-1]
        names.append(column.headings[0].title())
    return " or ".join(names)


def _first_headings(layout):
    return [_heading_for(layout, field) for field in sorted(layout.required)]
