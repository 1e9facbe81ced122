"""The layouts an import offers: the shipped ones of its kind (programme.ledger_layouts,
programme.case_layouts) and those the programme team and finance saved in the back office
(ImportLayout), each saved one as its base with its own headings first."""

from core.tabular import Column, Layout, normal_heading
from programme.models import ImportLayout
from programme.models.layouts import SHIPPED

DECIMAL_COMMA = {"yes": True, "no": False}


def saved_layout(saved: ImportLayout) -> Layout:
    base = next(layout for layout in SHIPPED[saved.kind] if layout.slug() == saved.based_on)
    columns = tuple(
        Column(field, (normal_heading(heading),), segment)
        for field, heading, segment in saved.column_lines()
    )
    return Layout(
        name=saved.name,
        source=f"saved in the back office, from {base.name}",
        columns=columns + base.columns,
        required=base.required,
        segment_separator=saved.segment_separator or ".",
        decimal_comma=DECIMAL_COMMA.get(saved.decimal_comma),
        delimiter=saved.delimiter or None,
        encoding=saved.encoding or None,
        header_row=saved.header_row,
        aliases=tuple(saved.alias_pairs()),
    )


def layouts_for(kind: str) -> tuple[Layout, ...]:
    """Every layout an import of this kind ('ledger', 'families') may be read with."""
    saved = ImportLayout.objects.filter(kind=kind).order_by("name")
    return (*SHIPPED[kind], *(saved_layout(layout) for layout in saved))
