// answers: A document's citation chain upward (up to 4 hops), as a graph for Bloom and Browser.
// params: doc_number — the starting document's 文号
// example: policykg query --name graph_citation_chain --param doc_number=黄府规〔2023〕4号
MATCH p = (d:Document)-[:CITES*1..4]->(:Document)
WHERE d.doc_number_key = $doc_number
RETURN p
