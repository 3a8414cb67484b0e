"""Sources turn targets into byte streams; they know nothing about rules or reports."""
