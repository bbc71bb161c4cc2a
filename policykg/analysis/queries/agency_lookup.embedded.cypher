// answers: Agencies whose name or a written form contains a text, with their jurisdiction and task counts.
// params: name — part of a name as written, e.g. 发改委
// example: policykg query --name agency_lookup --param name=发展改革委
MATCH (a:Agency)
WITH a, $name AS needle
WHERE a.name CONTAINS needle OR size(list_filter(a.aliases, alias -> alias CONTAINS needle)) > 0
OPTIONAL MATCH (a)-[:LEADS|RESPONSIBLE_FOR]->(t:Task)
RETURN a.name AS agency, a.jurisdiction AS jurisdiction, a.is_group AS is_group, a.aliases AS written_as,
       count(t) AS tasks
ORDER BY tasks DESC, agency
