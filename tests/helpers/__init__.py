"""Test helpers, one module a job: generated credentials, secret-safe assertions, running the
command line and the scanner, expected places, planted trees, and where the test data is."""
