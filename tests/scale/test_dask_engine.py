"""The Dask engine gives the same tables as the local engine (LocalCluster, 2 workers on loopback)."""

from __future__ import annotations

from pathlib import Path

import pytest
from scale_corpus import write_jsonl

from pressextract.api import extract_to_dir, make_options

distributed = pytest.importorskip(
    "distributed",
    reason="dask[distributed] is not installed: pip install 'pressextract[dask]' (or '.[test]')",
)

TABLES = ("documents", "events", "agenda", "people", "roles", "quotes", "timexes", "errors")


def _tables(out: Path) -> dict[str, bytes]:
    return {f"{t}.{e}": (out / f"{t}.{e}").read_bytes() for t in TABLES for e in ("csv", "jsonl")}


@pytest.fixture(scope="module")
def cluster():
    # threads instead of processes: starts in a second; the tasks still go through the scheduler over TCP
    with distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=False,
        protocol="tcp://",
        host="127.0.0.1",
        dashboard_address=None,
    ) as c:
        yield c


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> Path:
    src = tmp_path_factory.mktemp("dask") / "releases.jsonl"
    write_jsonl(src, range(45))
    with open(src, "a", encoding="utf-8") as fh:
        fh.write('{"id": "ohne-text"}\n')
    return src


def test_dask_engine_matches_local_engine(cluster, archive, tmp_path):
    local = tmp_path / "local"
    dask = tmp_path / "dask"
    extract_to_dir(
        [str(archive)], local, options=make_options(model="blank", workers=1, batch_size=4, chunk_size=10)
    )
    manifest = extract_to_dir(
        [str(archive)],
        dask,
        options=make_options(
            model="blank", batch_size=4, chunk_size=10, engine="dask", scheduler=cluster.scheduler_address
        ),
    )
    assert cluster.scheduler_address.startswith("tcp://127.0.0.1")
    assert _tables(dask) == _tables(local)
    assert (
        manifest["engine"] == "dask" and manifest["documents_ok"] == 45 and manifest["documents_failed"] == 1
    )


def test_cli_dask_engine_with_scheduler_address(cluster, archive, tmp_path):
    from typer.testing import CliRunner

    from pressextract.cli import _register, app

    _register()
    local = tmp_path / "local"
    extract_to_dir([str(archive)], local, options=make_options(model="blank", workers=1))
    res = CliRunner().invoke(
        app,
        [
            "extract",
            str(archive),
            "-o",
            str(tmp_path / "d"),
            "--model",
            "blank",
            "--engine",
            "dask",
            "--scheduler",
            cluster.scheduler_address,
            "-q",
        ],
    )
    assert res.exit_code == 1, res.output  # the record without text
    assert _tables(tmp_path / "d") == _tables(local)
