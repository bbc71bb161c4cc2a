// answers: Documents cited but not in the corpus (a list to acquire), with how many corpus documents cite each.
// params: none
// example: policykg query --name external_citations
MATCH (d:Document)-[:CITES]->(s:Document)
WHERE s.stub AND NOT d.stub
RETURN s.doc_number AS doc_number, s.title AS title, count(DISTINCT d) AS cited_by
ORDER BY cited_by DESC, title
