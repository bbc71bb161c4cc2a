// answers: The tasks two agencies both owe (as lead or co-responsible unit).
// params: first — part of one agency's name; second — part of the other's
// example: policykg query --name shared_tasks --param first=郑州市大数据局 --param second=郑州市政务办
MATCH (a:Agency)-[:LEADS|RESPONSIBLE_FOR]->(t:Task)<-[:LEADS|RESPONSIBLE_FOR]-(b:Agency)
WHERE a.name CONTAINS $first AND b.name CONTAINS $second AND a.agency_id <> b.agency_id
MATCH (d:Document)-[:HAS_TASK]->(t)
RETURN DISTINCT a.name AS first, b.name AS second, t.label AS label, t.text AS task, t.due_date AS due_date,
       d.doc_number AS doc_number
ORDER BY due_date, doc_number, label
