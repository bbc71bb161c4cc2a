// answers: The citation chain upward from a document: what it cites, what those cite, up to 4 hops.
// params: doc — the starting document's 文号
// example: policykg query --name citation_chain --param doc=黄府规〔2023〕4号
MATCH p = (d:Document)-[:CITES*1..4]->(up:Document)
WHERE d.doc_number_key = $doc
RETURN length(p) AS hops, up.doc_number AS doc_number, up.title AS title, up.issue_date AS issue_date,
       up.stub AS outside_corpus
ORDER BY hops, title
