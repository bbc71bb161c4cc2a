// answers: How many corpus documents each jurisdiction issued, and how many tasks they assign.
// params: none
// example: policykg query --name documents_per_jurisdiction
MATCH (d:Document)
WHERE NOT d.stub
OPTIONAL MATCH (d)-[:HAS_TASK]->(t:Task)
RETURN d.jurisdiction AS jurisdiction, count(DISTINCT d) AS documents, count(t) AS tasks
ORDER BY documents DESC, jurisdiction
