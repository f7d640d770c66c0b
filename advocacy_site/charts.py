"""Small server-rendered charts: the geometry of an events-by-year bar chart, for the template."""

from dataclasses import dataclass

BAR_WIDTH = 22
BAR_GAP = 6
CHART_HEIGHT = 120
LABEL_SPACE = 22
VALUE_SPACE = 14  # above the tallest bar, for its figure
# A year's label is wider than its slot: label every second year at least, and fewer as the
# span grows (every 5th, every 10th), always from the first year, so labels never touch.
LABEL_INTERVALS = ((1, 1), (24, 2), (60, 5))  # (years in the chart up to, interval)
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

    @property
    def value_y(self) -> int:
        """Where the bar's figure sits, just above it."""
        return self.y - 3


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
    interval = next((every for up_to, every in LABEL_INTERVALS if len(years) <= up_to), 10)
    bars = []
    for i, year in enumerate(years):
        count = counts.get(year, 0)
        height = round(CHART_HEIGHT * count / peak) if count else 0
        bars.append(
            Bar(
                year=year,
                count=count,
                x=i * step,
                y=VALUE_SPACE + CHART_HEIGHT - height,
                height=height,
                label_x=i * step + BAR_WIDTH // 2,
                show_label=i % interval == 0,
            )
        )
    width = max(len(years) * step - BAR_GAP, BAR_WIDTH)
    return YearChart(
        bars,
        width,
        VALUE_SPACE + CHART_HEIGHT + LABEL_SPACE,
        VALUE_SPACE + CHART_HEIGHT,
        sum(counts.values()),
        first,
        last,
        peak,
    )
