"""``python -m scraper report ARCHIVE_DIR``: a plain HTML page of figures about the archive.

Written to ``ARCHIVE_DIR/report/index.html`` with one PNG per figure beside it, so a
researcher can see at a glance what the archive holds before opening it in pandas:
articles per month by category, authors by year, the visit counter and users online
over time (live runs and web-archive captures on one axis), the documents cited most,
and the member associations ("Hội Làm vườn", "Hội Y học" …) the articles name most.

Tables come from ``scraper.archive`` (typed); figures are drawn with matplotlib's Agg
canvas and DejaVu Sans, which matplotlib ships and which has every Vietnamese letter.
A figure without data is left out and the page says why; an empty archive gives a page
that says it is empty. Every link on the page is to a file that exists.
"""

from __future__ import annotations

import html
import os
import re
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import matplotlib
import pandas as pd
from matplotlib import dates as mdates
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from scraper import archive

REPORT_FOLDER = "report"
FONT = {"font.family": "DejaVu Sans", "font.size": 10, "axes.titlesize": 12}
TOP = 12  # bars in a ranking
TOP_AUTHORS = 6
TOP_CATEGORIES = 8
ARCHIVE_FILES = ("articles.jsonl", "articles.csv", "versions.jsonl", "pages.jsonl", "visitors.jsonl", "visitors.csv")
SOURCE_MARKERS = {"web-archive": ("^", "web-archive capture"), "live": ("o", "live run")}

# Capital letters, Vietnamese ones included (a range such as À-Ỹ holds small letters too).
UPPER = "A-Z" + "".join(c for c in map(chr, range(0xC0, 0x1EFA)) if c.isupper())
# "Hội" and a capitalized word, then up to six words before " tỉnh", a place or punctuation: how the
# portal writes a member association ("Hội Làm vườn tỉnh Long An", "Hội Y học, Hội Đông y").
# "Liên hiệp các Hội …" is the federation itself, "Hội nghị" (lower case) a meeting.
# A verb or preposition ends a name ("Hội Dược học đã vận động …", "Hội Tin học tổ chức …").
NOT_IN_NAMES = "đã|sẽ|đang|được|là|có|hiện|tổ|phối|cùng|với|tại|trong|đến|cho|của|về|nhằm|tham|thực|triển"
NAME_WORD = rf"(?: (?!(?:{NOT_IN_NAMES}|Hội)\b)[^\W\d_]+)"
ASSOCIATION = re.compile(
    rf"(?<![Cc]ác )(?<![\w&])Hội (?!Việt Nam\b|KH&KT)([{UPPER}][^\W\d_]*{NAME_WORD}{{0,6}}?)"
    rf"(?= tỉnh\b| thành phố\b| huyện\b| Long An\b| Việt Nam\b| (?:{NOT_IN_NAMES})\b|[,.;:)”\"])"
)


@dataclass
class Tables:
    articles: pd.DataFrame
    versions: pd.DataFrame
    pages: pd.DataFrame
    visitors: pd.DataFrame

    @property
    def empty(self) -> bool:
        return not (len(self.articles) or len(self.pages) or len(self.visitors))


@dataclass
class Drawn:
    """A figure as drawn, with the words the page puts beside it."""

    figure: Figure
    reading: str
    alt: str


@dataclass
class Spec:
    name: str
    title: str
    draw: Callable[[Tables], Drawn | None]
    lacking: str


# Only the columns the figures and counts use: the bodies' raw copies are never loaded.
ARTICLE_COLUMNS = (
    "category",
    "title",
    "body",
    "published",
    "authors",
    "documents",
    "fetched_at",
    "fetched_from",
    "removed_at",
)


def load(directory: Path) -> Tables:
    return Tables(
        archive.articles(directory, ARTICLE_COLUMNS),
        archive.versions(directory, []),
        archive.pages(directory, ["fetched_at"]),
        archive.visitors(directory),
    )


def plural(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def naive_utc(times: pd.Series) -> pd.Series:
    """UTC times without their zone, as matplotlib's date axis wants them."""
    return times.dt.tz_convert("UTC").dt.tz_localize(None)


def figure(height: float = 4.5) -> tuple[Figure, object]:
    fig = Figure(figsize=(10, height), layout="constrained")
    FigureCanvasAgg(fig)
    return fig, fig.add_subplot()


def date_axis(ax) -> None:
    locator = mdates.AutoDateLocator()
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))


def fewer(labels: pd.Series, keep: int, other: str) -> pd.Series:
    """The ``keep`` most frequent labels, the rest as ``other``: a legend stays readable."""
    top = labels.value_counts().index[:keep]
    return labels.where(labels.isin(top), other)


def months_by_category(tables: Tables) -> Drawn | None:
    dated = tables.articles[tables.articles["published"].notna()]
    if dated.empty:
        return None
    category = fewer(dated["category"].fillna("(no category)").astype(str), TOP_CATEGORIES, "(other categories)")
    month = dated["published"].dt.to_period("M")
    counts = pd.crosstab(month, category)
    counts = counts.reindex(pd.period_range(month.min(), month.max(), freq="M"), fill_value=0)
    counts = counts[counts.sum().sort_values(ascending=False).index]
    fig, ax = figure()
    x = mdates.date2num(counts.index.to_timestamp())
    bottom = pd.Series(0, index=counts.index)
    for name in counts.columns:
        ax.bar(x, counts[name], width=25, bottom=bottom, label=name, align="edge")
        bottom = bottom + counts[name]
    ax.xaxis_date()
    date_axis(ax)
    ax.set_ylim(0, bottom.max() * 1.08 + 0.5)
    ax.set_ylabel("articles published")
    ax.yaxis.get_major_locator().set_params(integer=True)
    fig.legend(title="category", fontsize=8, loc="outside lower center", ncols=min(4, len(counts.columns)))
    busiest = bottom.idxmax()
    top = category.value_counts()
    reading = (
        f"{len(dated)} dated articles from {month.min():%m/%Y} to {month.max():%m/%Y}; the busiest month is "
        f"{busiest:%m/%Y} ({bottom.max()}); “{top.index[0]}” has the most ({top.iloc[0]})."
    )
    alt = (
        "Stacked bar chart of articles published per month, by category: "
        + ", ".join(f"{name} {count}" for name, count in top.items())
        + f". {reading}"
    )
    return Drawn(fig, reading, alt)


def authors_by_year(tables: Tables) -> Drawn | None:
    dated = tables.articles[tables.articles["published"].notna()]
    credits = dated[["published", "authors"]].explode("authors").dropna(subset=["authors"])
    if credits.empty:
        return None
    totals = credits["authors"].value_counts()
    top = totals.index[:TOP_AUTHORS]
    year = credits["published"].dt.year
    counts = pd.crosstab(year, credits["authors"])[top]
    counts = counts.reindex(range(year.min(), year.max() + 1), fill_value=0)
    fig, ax = figure()
    for marker, name in zip("osD^vP", top, strict=False):
        ax.plot(counts.index, counts[name], marker=marker, label=f"{name} ({totals[name]})")
    ax.set_xticks(counts.index)
    ax.set_ylabel("articles signed")
    ax.yaxis.get_major_locator().set_params(integer=True)
    fig.legend(title="author (articles in all)", fontsize=8, loc="outside lower center", ncols=len(top))
    unsigned = int((dated["authors"].map(len) == 0).sum())
    reading = (
        f"{top[0]} signed the most articles ({totals.iloc[0]}); {len(totals)} authors in all; "
        f"{unsigned} of {len(dated)} dated articles name no author."
    )
    alt = (
        "Line chart of articles per author per year for the top authors: "
        + ", ".join(f"{name} {totals[name]}" for name in top)
        + f". {reading}"
    )
    return Drawn(fig, reading, alt)


def visitor_times(visitors: pd.DataFrame) -> pd.Series:
    """When each snapshot shows the counter: the capture's time, else the fetch's (UTC)."""
    return naive_utc(visitors["captured_at"].fillna(visitors["fetched_at"]))


def counter_over_time(tables: Tables) -> Drawn | None:
    seen = tables.visitors.assign(when=visitor_times(tables.visitors)).dropna(subset=["when"])
    seen = seen[seen["visits"].notna() | seen["online_total"].notna()].sort_values("when")
    if seen.empty:
        return None
    fig = Figure(figsize=(10, 6), layout="constrained")
    FigureCanvasAgg(fig)
    visits_ax, online_ax = fig.subplots(2, 1, sharex=True, height_ratios=[2, 1])
    for ax, column, label in ((visits_ax, "visits", "visit counter"), (online_ax, "online_total", "users online")):
        shown = seen[seen[column].notna()]
        ax.plot(shown["when"], shown[column].astype(float), color="0.75", linewidth=1, zorder=1)
        for source, (marker, name) in SOURCE_MARKERS.items():
            mine = shown[shown["fetched_from"] == source]
            if len(mine):
                ax.scatter(mine["when"], mine[column].astype(float), marker=marker, label=name, zorder=2)
        ax.set_ylabel(label)
        ax.legend(fontsize=8, loc="upper left")
    visits_ax.ticklabel_format(axis="y", style="plain", useOffset=False)
    visits_ax.yaxis.set_major_formatter(matplotlib.ticker.StrMethodFormatter("{x:,.0f}"))
    online_ax.yaxis.get_major_locator().set_params(integer=True)
    date_axis(online_ax)
    reading = counter_reading(seen)
    alt = (
        "Two time charts, the visit counter above and users online below, web-archive captures as triangles "
        f"and live runs as circles. {reading}"
    )
    return Drawn(fig, reading, alt)


def counter_reading(seen: pd.DataFrame) -> str:
    """The counter's first and last value and the most users online, in words."""
    sources = seen["fetched_from"].value_counts()
    captures, runs = sources.get("web-archive", 0), sources.get("live", 0)
    reading = f"{plural(len(seen), 'snapshot')} ({plural(captures, 'web-archive capture')}, {plural(runs, 'live run')})"
    counted = seen[seen["visits"].notna()]
    if len(counted) == 1:
        reading += f": the counter showed {counted.iloc[0]['visits']:,} ({counted.iloc[0]['when']:%d/%m/%Y})"
    elif len(counted):
        first, last = counted.iloc[0], counted.iloc[-1]
        reading += (
            f": the counter went from {first['visits']:,} ({first['when']:%d/%m/%Y})"
            f" to {last['visits']:,} ({last['when']:%d/%m/%Y})"
        )
    if seen["online_total"].notna().any():
        reading += f"; at most {int(seen['online_total'].max())} users online"
    return reading + "."


def ranking(counts: pd.Series, xlabel: str) -> Figure:
    """Horizontal bars, the largest on top."""
    counts = counts.iloc[:TOP].iloc[::-1]
    fig, ax = figure(height=max(2.5, 0.4 * len(counts) + 1))
    ax.barh(counts.index, counts.to_numpy())
    ax.set_xlabel(xlabel)
    ax.xaxis.get_major_locator().set_params(integer=True)
    for y, value in enumerate(counts.to_numpy()):
        ax.text(value, y, f" {value}", va="center", fontsize=8)
    return fig


def cited_documents(articles: pd.DataFrame) -> pd.Series:
    """Articles citing each document ("Quyết định 14/2014/QĐ-TTg"), most cited first."""
    cited = articles["documents"].explode().dropna()
    labels = cited.map(lambda d: f"{d.get('kind') or ''} {d.get('number') or ''}".strip())
    labels = labels[labels != ""]
    pairs = pd.DataFrame({"article": labels.index, "label": labels.to_numpy(), "key": labels.str.casefold().to_numpy()})
    pairs = pairs.drop_duplicates(["article", "key"])
    # "38-Ctr/Tu" and "38-Ctr/TU" are one document: grouped whatever the case, shown as most often written.
    shown = pairs.groupby("key")["label"].agg(lambda spellings: spellings.value_counts().index[0])
    counts = pairs["key"].value_counts().rename(index=shown)
    return counts.sort_index().sort_values(ascending=False, kind="stable")


def most_cited(tables: Tables) -> Drawn | None:
    counts = cited_documents(tables.articles)
    if counts.empty:
        return None
    citing = int((tables.articles["documents"].map(len) > 0).sum())
    reading = (
        f"{counts.index[0]} is cited most ({counts.iloc[0]} articles); "
        f"{len(counts)} documents cited in {citing} articles."
    )
    alt = (
        "Bar chart of the documents cited by most articles: "
        + ", ".join(f"{name} {n}" for name, n in counts.iloc[:TOP].items())
        + "."
    )
    return Drawn(ranking(counts, "articles citing it"), reading, alt)


def association_names(text: str) -> set[str]:
    """Member associations a text names, as "Hội …" ("Hội Làm vườn", "Hội Nông dân")."""
    return {"Hội " + match for match in ASSOCIATION.findall(text)}


def associations(articles: pd.DataFrame) -> pd.Series:
    """Articles whose title or body names each association, most active first."""
    texts = articles["title"].fillna("") + "\n" + articles["body"].fillna("")
    names = {name for text in texts for name in association_names(text)}
    if not names:
        return pd.Series(dtype="int64")
    # Every mention of a name found anywhere, longest name first ("Hội Khoa học Kinh tế" is not "Hội Khoa học").
    mention = re.compile(r"(?<!\w)(" + "|".join(map(re.escape, sorted(names, key=len, reverse=True))) + r")(?!\w)")
    counts = pd.Series(Counter(name for text in texts for name in set(mention.findall(text))))
    return counts.sort_index().sort_values(ascending=False, kind="stable")


def active_associations(tables: Tables) -> Drawn | None:
    counts = associations(tables.articles)
    if counts.empty:
        return None
    reading = f"{counts.index[0]} appears in the most articles ({counts.iloc[0]}); {len(counts)} associations named."
    alt = (
        "Bar chart of articles naming each member association: "
        + ", ".join(f"{name} {n}" for name, n in counts.iloc[:TOP].items())
        + "."
    )
    return Drawn(ranking(counts, "articles naming it (title or body)"), reading, alt)


FIGURES = (
    Spec("articles-by-month", "Articles per month, by category", months_by_category, "no article has a date"),
    Spec("authors-by-year", "Authors over time: articles per author per year", authors_by_year, "no author named"),
    Spec("visitors", "The visit counter and users online over time", counter_over_time, "no visitor snapshot"),
    Spec("documents", "Most-cited documents", most_cited, "no article cites a document"),
    Spec("associations", "Member associations most active", active_associations, "no article names an association"),
)


@dataclass
class Made:
    spec: Spec
    file: str
    reading: str
    alt: str
    width: int
    height: int


def draw_all(tables: Tables, folder: Path) -> tuple[list[Made], list[Spec]]:
    """Each figure's PNG in ``folder``; the figures made and those left out for lack of data."""
    made, lacking = [], []
    with matplotlib.rc_context(FONT):
        for spec in FIGURES:
            drawn = None if tables.empty else spec.draw(tables)
            target = folder / f"{spec.name}.png"
            if drawn is None:
                target.unlink(missing_ok=True)
                lacking.append(spec)
                continue
            drawn.figure.suptitle(spec.title, fontsize=13)
            drawn.figure.savefig(target, dpi=100, metadata={"Software": None})
            width, height = drawn.figure.canvas.get_width_height()
            made.append(Made(spec, target.name, drawn.reading, drawn.alt, width, height))
    return made, lacking


def counts(tables: Tables) -> list[tuple[str, str]]:
    a, v = tables.articles, tables.visitors
    rows = [
        ("articles", f"{len(a)}"),
        ("articles removed from the portal", f"{int(a['removed_at'].notna().sum())}"),
        ("articles whose latest copy is a web-archive capture", f"{int((a['fetched_from'] == 'web-archive').sum())}"),
        ("article versions (current and earlier)", f"{len(tables.versions)}"),
        ("text pages", f"{len(tables.pages)}"),
        (
            "visitor snapshots",
            f"{len(v)} ({int((v['fetched_from'] == 'live').sum())} live, "
            f"{int((v['fetched_from'] == 'web-archive').sum())} web-archive)",
        ),
    ]
    if a["published"].notna().any():
        rows.append(("articles published", f"{a['published'].min():%d/%m/%Y} to {a['published'].max():%d/%m/%Y}"))
    fetched = pd.concat([a["fetched_at"], v["fetched_at"], tables.pages["fetched_at"]]).dropna()
    if len(fetched):
        rows.append(("last fetched", f"{fetched.max():%Y-%m-%d %H:%M} UTC"))
    return rows


def page(directory: Path, tables: Tables, made: list[Made], lacking: list[Spec]) -> str:
    e = html.escape
    when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    parts = [
        "<!doctype html>",
        '<html lang="en">',
        '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>Archive report: {e(directory.name)}</title>",
        "<style>body{font-family:'DejaVu Sans',sans-serif;max-width:62rem;margin:2rem auto;padding:0 1rem;"
        "line-height:1.45;color:#222}img{max-width:100%;height:auto;border:1px solid #ddd}"
        "table{border-collapse:collapse;margin:1rem 0}th,td{border:1px solid #ccc;padding:.25rem .6rem;"
        "text-align:left;vertical-align:top}figure{margin:1rem 0}figcaption{color:#555;font-size:.9rem}"
        "section{margin-top:2.5rem}</style></head>",
        "<body>",
        f"<h1>Archive report: {e(directory.name)}</h1>",
        f"<p>Made {e(when)} from the record files of <code>{e(str(directory))}</code> by "
        "<code>python -m scraper report</code>.</p>",
    ]
    if tables.empty:
        parts += [
            "<p><strong>This archive is empty:</strong> it holds no articles, pages or visitor snapshots "
            "yet, so there is nothing to draw. Crawl into it first (<code>scrapy crawl portal</code>).</p>"
        ]
    else:
        parts += ["<h2>What the archive holds</h2>", "<table>"]
        parts += [f'<tr><th scope="row">{e(k)}</th><td>{e(v)}</td></tr>' for k, v in counts(tables)]
        parts += ["</table>", "<h2>Figures</h2>", "<table>", "<tr><th>#</th><th>figure</th><th>reading</th></tr>"]
        parts += [
            f'<tr><td>{i}</td><td><a href="#{m.spec.name}">{e(m.spec.title)}</a></td><td>{e(m.reading)}</td></tr>'
            for i, m in enumerate(made, 1)
        ]
        parts += ["</table>"]
        if lacking:
            parts += ["<p>Not drawn: " + "; ".join(f"{e(s.title)} ({e(s.lacking)})" for s in lacking) + ".</p>"]
        for i, m in enumerate(made, 1):
            parts += [
                f'<section id="{m.spec.name}">',
                f"<h2>{i}. {e(m.spec.title)}</h2>",
                f"<p>{e(m.reading)}</p>",
                f'<figure><img src="{e(m.file)}" alt="{e(m.alt)}" width="{m.width}" height="{m.height}">',
                f"<figcaption>Figure {i}: {e(m.spec.title)}.</figcaption></figure>",
                "</section>",
            ]
    files = [name for name in ARCHIVE_FILES if (directory / name).is_file()]
    if files:
        parts += ["<h2>Files</h2>", "<ul>"]
        parts += [f'<li><a href="../{e(name)}">{e(name)}</a></li>' for name in files]
        parts += ["</ul>"]
    parts += ["</body>", "</html>", ""]
    return "\n".join(parts)


def build(directory: Path) -> tuple[Path, list[Made]]:
    """Write the report into ``directory/report/``; its index page and the figures made."""
    folder = directory / REPORT_FOLDER
    folder.mkdir(exist_ok=True)
    tables = load(directory)
    made, lacking = draw_all(tables, folder)
    index = folder / "index.html"
    partial = folder / ".index.html.part"
    partial.write_text(page(directory, tables, made, lacking), encoding="utf-8")
    os.replace(partial, index)
    return index, made


def main(directory: Path) -> int:
    """Build the report; one summary line, or one error line and exit status 1."""
    if not directory.is_dir():
        print(f"report: {directory} is not an archive folder", file=sys.stderr)
        return 1
    try:
        index, made = build(directory)
    except OSError as exc:
        print(f"report: cannot write the report into {directory}: {exc}", file=sys.stderr)
        return 1
    print(f"report: {index} written: {len(made)} figures")
    return 0
