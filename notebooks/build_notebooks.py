"""Writes the analysis notebooks from the cell sources below (outputs stripped), so they diff cleanly.

Run: python notebooks/build_notebooks.py
"""

from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

HERE = Path(__file__).resolve().parent

FIND_ROOT = '''from pathlib import Path

def repo_root(start: Path = Path.cwd()) -> Path:
    """The pressextract checkout (the folder with corpus/), from wherever the notebook runs."""
    for folder in [start, *start.parents]:
        if (folder / "corpus").is_dir() and (folder / "pipeline").is_dir():
            return folder
    raise FileNotFoundError("run this notebook inside the pressextract checkout")

ROOT = repo_root()
ROOT'''

QUICKSTART = [
    new_markdown_cell("""# pressextract — quick start

Extract everything from the sample releases in `corpus/`, look at each table as a pandas DataFrame,
filter, and join people with their offices and their quotes. All extraction logic lives in the
package; this notebook only calls it."""),
    new_code_cell(FIND_ROOT),
    new_code_cell('''import pandas as pd
import pressextract

pd.set_option("display.max_colwidth", 80)
result = pressextract.extract([str(ROOT / "corpus")])
result'''),
    new_markdown_cell("""## The tables
One DataFrame per table of `docs/TABLES.md` (the column contract); every extracted row has `doc_id` and
character offsets. Columns are typed: `documents.published` and `agenda.date` are dates, `events.start`/`end`
timestamps, counts and offsets nullable integers (`Int64`) — the same dtypes `pd.read_parquet` gives for
the Parquet tables of `pressextract extract --format parquet`."""),
    new_code_cell('''result.documents.dtypes'''),
    new_code_cell('''result.documents[["doc_id", "title", "kicker", "lead", "published", "n_words"]]'''),
    new_code_cell('''result.people.sort_values("n_mentions", ascending=False).head(15)'''),
    new_code_cell('''result.roles[["name", "role_text", "role_norm", "portfolio", "jurisdiction", "level"]].head(20)'''),
    new_code_cell('''result.quotes[["speaker", "cue", "kind", "text"]]'''),
    new_code_cell('''result.agenda[["date", "time", "end_time", "title", "day_label", "participants"]]'''),
    new_code_cell('''result.events[["name", "type", "start", "end", "location", "organizer", "motto", "recurrence"]]'''),
    new_code_cell('''result.timexes[["text", "type", "value"]].head(20)'''),
    new_markdown_cell("## Filter and join\nDirect quotes by office holders at state level, with the speaker's office."),
    new_code_cell('''offices = (result.roles.groupby(["doc_id", "person_id"])["role_norm"]
           .agg(lambda s: "; ".join(sorted(set(s.dropna()) - {""}))).reset_index())
quotes = (result.quotes.merge(result.people[["person_id", "name"]], on="person_id", how="left")
          .merge(offices, on=["doc_id", "person_id"], how="left"))
quotes[["name", "role_norm", "cue", "kind", "text"]]'''),
    new_code_cell('''# Going back to the evidence: every row points into documents.text
text_by_doc = result.documents.set_index("doc_id")["text"]
for row in result.quotes.head(3).itertuples():
    print(row.speaker, "→", text_by_doc[row.doc_id][row.char_start:row.char_start + 90], "…")'''),
    new_code_cell('''import tempfile
out = Path(tempfile.mkdtemp()) / "out"
written = result.write(out, formats=["csv", "jsonl"])
sorted(p.name for p in written)'''),
]

ANALYSIS = [
    new_markdown_cell("""# Archive analysis

Runs pressextract over a sample of the Berlin press-release archive (`../shared/data/press`, 50,000
releases) when it is there, else over `corpus/`. Set `PRESSEXTRACT_SAMPLE` to change the sample size
(`0` = the whole archive; that takes a while — for the whole archive use `pressextract extract` and read its
Parquet tables, see README "Large archives"). Every plot states how many rows it is drawn from (n)."""),
    new_code_cell(FIND_ROOT),
    new_code_cell('''import json, lzma, os, tempfile
import matplotlib
import matplotlib.pyplot as plt
import pandas as pd
import pressextract

%matplotlib inline
SAMPLE = int(os.environ.get("PRESSEXTRACT_SAMPLE", "300"))
ARCHIVE = ROOT.parent / "shared" / "data" / "press" / "releases.jsonl.xz"

if ARCHIVE.exists():
    with lzma.open(ARCHIVE, "rt", encoding="utf-8") as fh:
        lines = fh.readlines()
    step = max(1, len(lines) // SAMPLE) if SAMPLE else 1
    picked = lines[::step][:SAMPLE] if SAMPLE else lines
    sample_file = Path(tempfile.mkdtemp()) / "sample.jsonl"
    sample_file.write_text("".join(picked), encoding="utf-8")
    inputs, label = [str(sample_file)], f"{len(picked)} Berlin releases (every {step}th)"
else:
    inputs, label = [str(ROOT / "corpus")], "the sample corpus (../shared/data/press not found)"
print("analysing", label)
result = pressextract.extract(inputs, workers=min(2, os.cpu_count() or 1))
result'''),
    new_markdown_cell("## Releases per month"),
    new_code_cell('''docs = result.documents.assign(published=pd.to_datetime(result.documents["published"], errors="coerce"))
dated = docs.dropna(subset=["published"])
# a few very old releases would stretch the axis over empty years: start at the 2nd percentile
start = dated["published"].quantile(0.02) if len(dated) else None
per_month = dated[dated["published"] >= start].set_index("published").resample("MS").size() if len(dated) else dated
fig, ax = plt.subplots(figsize=(10, 3.5))
if len(per_month):
    ax.bar(per_month.index, per_month.values, width=25, color="#3b6ea5")
else:
    ax.text(.5, .5, "no dated releases", ha="center", transform=ax.transAxes)
shown = int(per_month.sum()) if len(per_month) else 0
ax.yaxis.get_major_locator().set_params(integer=True)
ax.set(title=f"Releases per month — {label}\\n(n = {shown} of {len(docs)} releases; {len(docs) - len(dated)} without a date, "
             f"{len(dated) - shown} before the 2nd percentile left out)", xlabel="", ylabel="releases")
plt.tight_layout(); plt.show()'''),
    new_markdown_cell("## Most quoted people"),
    new_code_cell('''attributed = result.quotes.dropna(subset=["person_id"])
quoted = (attributed.merge(result.people[["person_id", "name"]], on="person_id", how="left")
          .groupby("name").size().sort_values(ascending=True).tail(15))
fig, ax = plt.subplots(figsize=(8, 5))
if quoted.empty:
    ax.text(.5, .5, "no attributed quotes in this sample", ha="center")
else:
    bars = ax.barh(quoted.index, quoted.values, color="#e0a030")
    ax.bar_label(bars, padding=2)  # n quotes per person
    ax.xaxis.get_major_locator().set_params(integer=True)
ax.set(title=f"Most quoted people (n = {len(attributed)} of {len(result.quotes)} quotes attributed to a person)",
       xlabel="quotes", ylabel="")
plt.tight_layout(); plt.show()'''),
    new_markdown_cell("## Who held which office when\nThe `offices` table: one row per holder and office over the run, with the first and last release date that names it (`first_seen`, `last_seen`) and the number of releases."),
    new_code_cell('''tenure = (result.offices.dropna(subset=["first_seen"])
          .assign(first=lambda t: pd.to_datetime(t["first_seen"].astype(str), errors="coerce"),
                  last=lambda t: pd.to_datetime(t["last_seen"].astype(str), errors="coerce"))
          .rename(columns={"n_documents": "releases"})
          .sort_values(["releases", "last"], ascending=False))
tenure[["name", "role_norm", "portfolio", "organization", "jurisdiction", "level", "first", "last", "releases", "doc_id"]].head(20)'''),
    new_code_cell('''top = tenure.head(15).iloc[::-1]
fig, ax = plt.subplots(figsize=(10, 5))
if top.empty:
    ax.text(.5, .5, "no dated offices in this sample", ha="center", transform=ax.transAxes)
for i, row in enumerate(top.itertuples()):
    ax.plot([row.first, row.last], [i, i], lw=6, solid_capstyle="butt", color="#5a9")
    ax.plot([row.first], [i], "o", color="#274")
ax.set_yticks(range(len(top)))
ax.set_yticklabels([f"{r.name} — {r.role_norm} {r.jurisdiction if isinstance(r.jurisdiction, str) else ''} (n={r.releases})".strip()
                    for r in top.itertuples()], fontsize=8)
ax.set(title="Offices over time (first to last release naming the office; n = releases)")
plt.tight_layout(); plt.show()'''),
    new_markdown_cell("## Events on a timeline"),
    new_code_cell('''events = result.events.dropna(subset=["start"])  # start is a timestamp column already
kinds = events["type"].fillna("other").value_counts()
types = kinds.index[:8]
fig, ax = plt.subplots(figsize=(10, 3.5))
for i, t in enumerate(types):
    sel = events[events["type"].fillna("other") == t]
    ax.scatter(sel["start"], [i] * len(sel), s=18, alpha=.7)
ax.set_yticks(range(len(types))); ax.set_yticklabels([f"{t} (n={kinds[t]})" for t in types])
if events.empty:
    ax.text(.5, .5, "no dated events in this sample", ha="center", transform=ax.transAxes)
ax.set(title=f"Events by start date and type (n = {len(events)} dated events of {len(result.events)})")
plt.tight_layout(); plt.show()'''),
    new_markdown_cell("""## Quote length by speaker level
The level (bund, land, kommune, eu, …) comes from an office the same release names for the speaker.
Quotes whose speaker has no office in that release — unattributed quotes, people without an office, offices
named in another release — have no level: they are left out of the boxes and counted in the title, since
"no office found" is not a level of government."""),
    new_code_cell('''levels = result.roles.dropna(subset=["person_id", "level"]).drop_duplicates(["doc_id", "person_id"])[["doc_id", "person_id", "level"]]
q = result.quotes.merge(levels, on=["doc_id", "person_id"], how="left")
q["words"] = q["text"].str.split().str.len()
with_level = q.dropna(subset=["level"])
n_by_level = with_level["level"].value_counts()
order = with_level.groupby("level")["words"].median().sort_values().index
fig, ax = plt.subplots(figsize=(8, 3.5))
if with_level.empty:
    ax.text(.5, .5, "no quotes by speakers with an office in this sample", ha="center", transform=ax.transAxes)
else:
    ax.boxplot([with_level.loc[with_level["level"] == lv, "words"] for lv in order],
               tick_labels=[f"{lv} (n={n_by_level[lv]})" for lv in order], orientation="horizontal")
ax.set(title=f"Quote length (words) by the speaker's level\\n(n = {len(with_level)} quotes; "
             f"{len(q) - len(with_level)} without an office in the release left out)", xlabel="words")
plt.tight_layout(); plt.show()'''),
]


def write(name: str, cells: list) -> None:
    nb = new_notebook(cells=cells, metadata={
        "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
        "language_info": {"name": "python"},
    })
    nbformat.write(nb, HERE / name)


if __name__ == "__main__":
    write("01_quickstart.ipynb", QUICKSTART)
    write("02_archive_analysis.ipynb", ANALYSIS)
