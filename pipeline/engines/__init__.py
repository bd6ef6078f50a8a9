"""Run machinery around `pipeline.engine`: the crash-safe chunk store (`store`) and the Dask engine
(`distributed`). The analysis itself lives in `pipeline.engine`; these modules only move work and rows.
"""
