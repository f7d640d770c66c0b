"""Small server-rendered charts: the geometry of an events-by-year bar chart, for the template."""

from dataclasses import dataclass

BAR_WIDTH = 22
BAR_GAP = 6
CHART_HEIGHT = 120
LABEL_SPACE = 22
ALL_LABELS_UP_TO = 16  # years; beyond this labels would touch
DISPLAY_SCALE = 1.6  # drawn larger than its coordinates; CSS shrinks it on narrow screens


@dataclass(frozen=True)
class Bar:
    year: int
    count: int
    x: int
    y: int
    height: int
    label_x: int
    show_label: bool


@dataclass(frozen=True)
class YearChart:
    bars: list[Bar]
    width: int
    height: int
    baseline: int
    total: int
    first_year: int | None
    last_year: int | None
    peak: int

    @property
    def display_width(self) -> int:
        return round((self.width + 8) * DISPLAY_SCALE)

    @property
    def display_height(self) -> int:
        return round((self.height + 4) * DISPLAY_SCALE)


def year_chart(rows) -> YearChart:
    """Bars for rows of {year, n}; years without events inside the range get an empty slot."""
    counts = {row["year"]: row["n"] for row in rows if row["year"] is not None}
    if not counts:
        return YearChart([], 0, 0, 0, 0, None, None, 0)
    first, last = min(counts), max(counts)
    years = range(first, last + 1)
    peak = max(counts.values())
    step = BAR_WIDTH + BAR_GAP
    # A few years: every bar labelled. Many: the years that have events, two slots apart.
    min_gap = 1 if len(years) <= ALL_LABELS_UP_TO else 2
    bars, last_label = [], -min_gap
    for i, year in enumerate(years):
        count = counts.get(year, 0)
        show_label = (count or min_gap == 1) and i - last_label >= min_gap
        if show_label:
            last_label = i
        height = round(CHART_HEIGHT * count / peak) if count else 0
        bars.append(
            Bar(
                year=year,
                count=count,
                x=i * step,
                y=CHART_HEIGHT - height,
                height=height,
                label_x=i * step + BAR_WIDTH // 2,
                show_label=bool(show_label),
            )
        )
    width = max(len(years) * step - BAR_GAP, BAR_WIDTH)
    return YearChart(
        bars,
        width,
        CHART_HEIGHT + LABEL_SPACE,
        CHART_HEIGHT,
        sum(counts.values()),
        first,
        last,
        peak,
    )
