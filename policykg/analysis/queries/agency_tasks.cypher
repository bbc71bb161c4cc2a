// answers: The tasks an agency leads or shares, ordered by due date (undated last).
// params: agency — part of the agency's name, e.g. 郑州市大数据局
// example: policykg query --name agency_tasks --param agency=郑州市大数据局
MATCH (a:Agency)-[:LEADS|RESPONSIBLE_FOR]->(t:Task)<-[:HAS_TASK]-(d:Document)
WHERE a.name CONTAINS $agency
RETURN a.name AS agency,
       CASE WHEN EXISTS { MATCH (a)-[:LEADS]->(t) } THEN 'lead' ELSE 'co' END AS role,
       t.due_date AS due_date, t.ongoing AS ongoing, t.label AS label, t.text AS task,
       d.doc_number AS doc_number, d.title AS document
ORDER BY due_date, doc_number, label
