-- The engine benchmark's baseline as pgbench sends it: BEGIN and a single-row INSERT in one round trip, COMMIT in a
-- second, as Npgsql sends a prepared INSERT in an explicit transaction.
\set r random(1, 4000000000000000)
\startpipeline
BEGIN;
INSERT INTO bench_ceiling_commits (id, payload) VALUES (:r, 'payload');
\endpipeline
COMMIT;
