// answers: How many task deadlines fall in each month.
// params: none
// example: policykg query --name deadlines_per_month
MATCH (t:Task)
WHERE t.due_date IS NOT NULL
RETURN date_part('year', t.due_date) AS year, date_part('month', t.due_date) AS month, count(*) AS tasks
ORDER BY year, month
