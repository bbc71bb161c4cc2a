// answers: Tasks due within a period, with their owners.
// params: from_date — first day, YYYY-MM-DD; to_date — last day, YYYY-MM-DD
// example: policykg query --name tasks_due_between --param from_date=2023-06-01 --param to_date=2023-06-30
MATCH (d:Document)-[:HAS_TASK]->(t:Task)
WHERE t.due_date >= date($from_date) AND t.due_date <= date($to_date)
OPTIONAL MATCH (a:Agency)-[:LEADS|RESPONSIBLE_FOR]->(t)
WITH d, t, collect(a.name) AS owners
RETURN t.due_date AS due_date, owners, t.text AS task, d.doc_number AS doc_number
ORDER BY due_date, doc_number
