"""National scale: the journals of many sites as one Parquet dataset, and the monthly
indicators of the whole network computed from it by DuckDB (embedded) or Spark.

- :mod:`.schema`: the dataset's columns (version 1), one row per request, no personal data;
- :mod:`.dataset`: :func:`~.dataset.export_site`, a site's journal → ``site=/month=`` partitions;
- :mod:`mfs_core.geo` (shared with the ANCT summary): départements and régions (COG 2024);
- :mod:`.consolidate`: many sites' exports → one ``month=`` partition per month (DuckDB);
- :mod:`.indicators`: the report's figures for the nation, each région, département, site;
- :mod:`.engine_duckdb` and :mod:`.spark`: the same SQL on either engine.

Importing this package imports neither pyarrow, DuckDB nor Spark: each module that needs
one imports it when called (``pip install 'mfs-core[national]'``).
"""
