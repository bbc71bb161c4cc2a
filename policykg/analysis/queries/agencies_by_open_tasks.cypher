// answers: Single agencies ranked by the tasks still open on a date (due on or after it, ongoing, or undated); collectives (各县（市、区）人民政府, 市直有关部门) are left out of the ranking.
// params: as_of — a date, YYYY-MM-DD
// example: policykg query --name agencies_by_open_tasks --param as_of=2023-11-22
MATCH (a:Agency)-[:LEADS|RESPONSIBLE_FOR]->(t:Task)
WHERE NOT a.is_group AND (t.due_date IS NULL OR t.due_date >= date($as_of) OR t.ongoing)
RETURN a.name AS agency, a.jurisdiction AS jurisdiction, count(DISTINCT t) AS open_tasks
ORDER BY open_tasks DESC, agency
LIMIT 50
