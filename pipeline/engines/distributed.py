"""The Dask engine: the same batches as the local engine, run as tasks on a Dask cluster.

The driver (this process) still reads the input, cuts chunks and writes them, so the tables are the
same as with the local engine; workers only analyse batches. Each worker thread builds the pipeline
once and keeps it. Workers need pressextract (and the model) installed; nothing is downloaded.
Example: pressextract extract releases.jsonl.xz -o out --engine dask --scheduler tcp://10.0.0.5:8786
"""

from __future__ import annotations

import threading

from pressextract.engines.batch import BatchResult, Prepared, build_nlp, run_batch_here
from pressextract.engines.runner import RunOptions, isolate

_LOCAL = threading.local()  # one pipeline per worker thread: spaCy pipelines are not shared across threads


def _nlp(model: str | None, stages: tuple[str, ...] | None, settings: tuple = ()):
    cache = getattr(_LOCAL, "pipelines", None)
    if cache is None:
        cache = _LOCAL.pipelines = {}
    key = (model, stages, settings)
    if key not in cache:
        cache[key] = build_nlp(model, stages=stages, settings=settings)
    return cache[key]


def dask_info(model: str | None, stages: tuple[str, ...] | None, settings: tuple = ()) -> dict:
    from pressextract.backbone import model_info

    return model_info(_nlp(model, stages, settings))


def dask_run(
    batch: list[Prepared], model: str | None, stages: tuple[str, ...] | None, settings: tuple = ()
) -> BatchResult:
    return run_batch_here(_nlp(model, stages, settings), batch)


class DaskRunner:
    """Batches as Dask futures. Without a scheduler address a LocalCluster with `workers` processes starts."""

    def __init__(self, options: RunOptions) -> None:
        try:
            from distributed import Client  # noqa: F401
        except ImportError as exc:
            raise ValueError(
                "the dask engine needs dask[distributed]: pip install 'pressextract[dask]'"
            ) from exc
        self.options = options
        self.workers = options.resolved_workers()
        self.client = None
        self.cluster = None

    def start(self) -> dict:
        from distributed import Client, LocalCluster

        if self.options.scheduler:
            self.client = Client(self.options.scheduler, timeout="30s")
            self.workers = max(1, len(self.client.scheduler_info().get("workers", {})) or self.workers)
        else:
            self.cluster = LocalCluster(
                n_workers=self.workers,
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
                host="127.0.0.1",
            )
            self.client = Client(self.cluster)
        return self.client.submit(
            dask_info, self.options.model, self.options.stages, self.options.settings, pure=False
        ).result()

    def submit(self, batch: list[Prepared]) -> object:
        assert self.client is not None
        return self.client.submit(
            dask_run, batch, self.options.model, self.options.stages, self.options.settings, pure=False
        )

    def collect(self, handle: object, batch: list[Prepared]) -> BatchResult:
        try:
            return handle.result()  # type: ignore[attr-defined]
        except Exception:  # noqa: BLE001  (a killed worker or lost task: find the document, keep the rest)
            return isolate(
                batch,
                lambda p: self.submit([p]).result(),  # type: ignore[attr-defined]
                catch=(Exception,),
                describe=lambda exc: f"task failed on the Dask cluster: {type(exc).__name__}: {exc}",
            )

    def close(self, *, cancel: bool = False) -> None:
        if self.client is not None:
            self.client.close()
            self.client = None
        if self.cluster is not None:
            self.cluster.close()
            self.cluster = None
