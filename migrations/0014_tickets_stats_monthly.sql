-- The rollup now also keeps monthly rows (ticket_stat_monthly), so a year of a whole district is a
-- few thousand rows; daily rows still serve ranges that start or end inside a month.
CREATE OR REPLACE FUNCTION ticket_stat_apply(r ticket, sign integer) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  is_resolved boolean := r.resolved_at IS NOT NULL AND r.status IN ('resolved', 'closed');
  g uuid := COALESCE(r.grid_id, '00000000-0000-0000-0000-000000000000'::uuid);
  v_resolved integer := sign * is_resolved::integer;
  v_on_time integer := sign * (is_resolved AND r.resolved_at <= r.due_at)::integer;
  v_hours double precision := CASE WHEN is_resolved THEN sign * EXTRACT(EPOCH FROM (r.resolved_at - r.created_at)) / 3600.0 ELSE 0 END;
  v_rated integer := sign * (r.rating IS NOT NULL)::integer;
  v_satisfied integer := sign * (r.rating IS NOT NULL AND r.rating >= 4)::integer;
  v_reopened integer := sign * (r.reopen_count > 0)::integer;
  v_escalated integer := sign * (r.escalation_count > 0)::integer;
  v_returned integer := sign * (r.status = 'returned')::integer;
BEGIN
  INSERT INTO ticket_stat_daily AS s
    (community_id, day, grid_id, category_key, received, resolved, resolved_on_time, resolve_hours, rated, satisfied, reopened, escalated, returned)
  VALUES (r.community_id, r.created_on, g, r.category_key, sign, v_resolved, v_on_time, v_hours, v_rated, v_satisfied, v_reopened, v_escalated, v_returned)
  ON CONFLICT (community_id, day, grid_id, category_key) DO UPDATE SET
    received = s.received + EXCLUDED.received,
    resolved = s.resolved + EXCLUDED.resolved,
    resolved_on_time = s.resolved_on_time + EXCLUDED.resolved_on_time,
    resolve_hours = s.resolve_hours + EXCLUDED.resolve_hours,
    rated = s.rated + EXCLUDED.rated,
    satisfied = s.satisfied + EXCLUDED.satisfied,
    reopened = s.reopened + EXCLUDED.reopened,
    escalated = s.escalated + EXCLUDED.escalated,
    returned = s.returned + EXCLUDED.returned;
  INSERT INTO ticket_stat_monthly AS s
    (community_id, month, grid_id, category_key, received, resolved, resolved_on_time, resolve_hours, rated, satisfied, reopened, escalated, returned)
  VALUES (r.community_id, date_trunc('month', r.created_on)::date, g, r.category_key, sign, v_resolved, v_on_time, v_hours, v_rated, v_satisfied, v_reopened, v_escalated, v_returned)
  ON CONFLICT (community_id, month, grid_id, category_key) DO UPDATE SET
    received = s.received + EXCLUDED.received,
    resolved = s.resolved + EXCLUDED.resolved,
    resolved_on_time = s.resolved_on_time + EXCLUDED.resolved_on_time,
    resolve_hours = s.resolve_hours + EXCLUDED.resolve_hours,
    rated = s.rated + EXCLUDED.rated,
    satisfied = s.satisfied + EXCLUDED.satisfied,
    reopened = s.reopened + EXCLUDED.reopened,
    escalated = s.escalated + EXCLUDED.escalated,
    returned = s.returned + EXCLUDED.returned;
END;
$$;
--> statement-breakpoint
-- Bulk loads (demo seeding, benchmarks) set `tongxin.skip_ticket_stats = 'on'` for their
-- transaction and rebuild the rollups once at the end instead of row by row.
CREATE OR REPLACE FUNCTION ticket_stat_trigger() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('tongxin.skip_ticket_stats', true) = 'on' THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'UPDATE' OR TG_OP = 'DELETE' THEN
    PERFORM ticket_stat_apply(OLD, -1);
  END IF;
  IF TG_OP = 'UPDATE' OR TG_OP = 'INSERT' THEN
    PERFORM ticket_stat_apply(NEW, 1);
  END IF;
  RETURN NULL;
END;
$$;
