// answers: Tasks that name no responsible unit, with their document and source line.
// params: none
// example: policykg query --name ownerless_tasks
MATCH (d:Document)-[:HAS_TASK]->(t:Task)
WHERE NOT EXISTS { MATCH (:Agency)-[:LEADS|RESPONSIBLE_FOR]->(t) }
RETURN d.doc_number AS doc_number, d.title AS document, t.due_date AS due_date, t.text AS task,
       t.source_path AS source_path, t.start_line AS start_line
ORDER BY doc_number, start_line
