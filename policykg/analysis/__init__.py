"""Analysis over the graph: the analysts' query library (queries/*.cypher), the consistency report
and the Bloom/Browser assets."""
