// answers: Tasks whose last deadline is before a date and are not ongoing, with their owners.
// params: as_of — a date, YYYY-MM-DD
// example: policykg query --name overdue_tasks --param as_of=2023-11-22
MATCH (d:Document)-[:HAS_TASK]->(t:Task)
WHERE t.due_date < date($as_of) AND NOT t.ongoing
OPTIONAL MATCH (a:Agency)-[:LEADS|RESPONSIBLE_FOR]->(t)
WITH d, t, collect(a.name) AS owners
RETURN t.due_date AS due_date, owners, t.text AS task, d.doc_number AS doc_number, d.title AS document,
       t.source_path AS source_path, t.start_line AS start_line
ORDER BY due_date, doc_number
