"""The run: plan work units, scan each (here, in forked processes or on Dask), checkpoint them,
then merge, filter and fold the findings into one result."""
