"""policykg: Chinese government policy documents to a knowledge graph of obligations.

    import policykg
    docs = policykg.extract("notices/")                      # or extract(text, name="notice.txt")
    policykg.build(docs, db="policykg.lbug")                 # or neo4j=True
    with policykg.open_store("policykg.lbug") as store:
        rows = policykg.query(store, "agency_tasks", agency="郑州市大数据局")
        result = policykg.report(store, as_of=datetime.date(2023, 11, 22), out="report/")

The verbs live in policykg.api; importing policykg loads no heavy library.
"""
from policykg.api import Built, PolicyKGError, build, extract, open_store, queries, query, report

__all__ = ["Built", "PolicyKGError", "build", "extract", "open_store", "queries", "query", "report"]
