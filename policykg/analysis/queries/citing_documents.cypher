// answers: The documents that cite a given document.
// params: doc — the cited document's 文号, or part of its title
// example: policykg query --name citing_documents --param doc=沪府办规〔2023〕1号
MATCH (c:Document)-[:CITES]->(d:Document)
WHERE d.doc_number_key = $doc OR d.title CONTAINS $doc
RETURN d.title AS cited, c.doc_number AS doc_number, c.title AS citing, c.issue_date AS issue_date,
       c.jurisdiction AS jurisdiction
ORDER BY issue_date, doc_number
