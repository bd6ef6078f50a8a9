"""The engine, one concern a module; imports point one way (batch <- runner <- local/distributed <- driver).

- `batch`: analysis inside a worker (prepare, build_nlp, process_batch)
- `runner`: RunOptions, the Runner protocol and the one isolation helper
- `local`: this process or a pool of spawned processes; `distributed`: a Dask cluster
- `driver`: input order, chunks, sinks; `store`: the crash-safe chunk store of an output folder
"""
