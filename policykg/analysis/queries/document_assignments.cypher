// answers: Everything a document assigns, by agency: how many tasks each leads and shares.
// params: doc — the document's 文号, or part of its title
// example: policykg query --name document_assignments --param doc=郑政文[2023]62号
MATCH (d:Document)-[:HAS_TASK]->(t:Task)<-[r:LEADS|RESPONSIBLE_FOR]-(a:Agency)
WHERE d.doc_number_key = $doc OR d.title CONTAINS $doc
RETURN a.name AS agency,
       count(DISTINCT CASE WHEN EXISTS { MATCH (a)-[:LEADS]->(t) } THEN t.task_id END) AS leads,
       count(DISTINCT t) AS tasks,
       min(t.due_date) AS first_due
ORDER BY tasks DESC, agency
