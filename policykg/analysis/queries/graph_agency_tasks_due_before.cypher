// answers: The tasks of an agency due before a date, as a graph (agency, tasks, documents) for Bloom and Browser.
// params: agency — part of the agency's name; date — YYYY-MM-DD
// example: policykg query --name graph_agency_tasks_due_before --param agency=郑州市大数据局 --param date=2023-10-01
MATCH p = (a:Agency)-[:LEADS|RESPONSIBLE_FOR]->(t:Task)<-[:HAS_TASK]-(d:Document)
WHERE a.name CONTAINS $agency AND t.due_date < date($date)
RETURN p
