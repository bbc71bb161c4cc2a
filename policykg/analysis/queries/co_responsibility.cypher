// answers: The co-responsibility network around an agency: who shares its tasks, and how often.
// params: agency — part of the agency's name
// example: policykg query --name co_responsibility --param agency=郑州市大数据局
MATCH (a:Agency)-[:LEADS|RESPONSIBLE_FOR]->(t:Task)<-[:LEADS|RESPONSIBLE_FOR]-(b:Agency)
WHERE a.name CONTAINS $agency AND a.agency_id <> b.agency_id
RETURN a.name AS agency, b.name AS partner, count(DISTINCT t) AS shared_tasks
ORDER BY shared_tasks DESC, partner
LIMIT 50
