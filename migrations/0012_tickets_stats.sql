-- Ticket statistics rollup: every insert, update or delete of a ticket moves its contribution in
-- ticket_stat_daily (per creation day, grid and category), inside the same transaction, so the
-- dashboard reads a few thousand rollup rows instead of a million tickets and is never stale.
-- Definitions (cohort by creation day): resolved = status resolved/closed with a resolution time;
-- on time = resolved no later than due; satisfied = rating >= 4.
CREATE OR REPLACE FUNCTION ticket_stat_apply(r ticket, sign integer) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  is_resolved boolean := r.resolved_at IS NOT NULL AND r.status IN ('resolved', 'closed');
BEGIN
  INSERT INTO ticket_stat_daily AS s
    (community_id, day, grid_id, category_key, received, resolved, resolved_on_time, resolve_hours, rated, satisfied, reopened, escalated, returned)
  VALUES (
    r.community_id,
    r.created_on,
    COALESCE(r.grid_id, '00000000-0000-0000-0000-000000000000'::uuid),
    r.category_key,
    sign,
    sign * is_resolved::integer,
    sign * (is_resolved AND r.resolved_at <= r.due_at)::integer,
    CASE WHEN is_resolved THEN sign * EXTRACT(EPOCH FROM (r.resolved_at - r.created_at)) / 3600.0 ELSE 0 END,
    sign * (r.rating IS NOT NULL)::integer,
    sign * (r.rating IS NOT NULL AND r.rating >= 4)::integer,
    sign * (r.reopen_count > 0)::integer,
    sign * (r.escalation_count > 0)::integer,
    sign * (r.status = 'returned')::integer
  )
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
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION ticket_stat_trigger() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' OR TG_OP = 'DELETE' THEN
    PERFORM ticket_stat_apply(OLD, -1);
  END IF;
  IF TG_OP = 'UPDATE' OR TG_OP = 'INSERT' THEN
    PERFORM ticket_stat_apply(NEW, 1);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER ticket_stat_insert_delete AFTER INSERT OR DELETE ON ticket
  FOR EACH ROW EXECUTE FUNCTION ticket_stat_trigger();
--> statement-breakpoint
-- Updates that change nothing counted (accept, reassign, version bumps) skip the rollup entirely.
CREATE TRIGGER ticket_stat_update AFTER UPDATE ON ticket
  FOR EACH ROW
  WHEN (
    OLD.status IS DISTINCT FROM NEW.status
    OR OLD.resolved_at IS DISTINCT FROM NEW.resolved_at
    OR OLD.due_at IS DISTINCT FROM NEW.due_at
    OR OLD.rating IS DISTINCT FROM NEW.rating
    OR OLD.reopen_count IS DISTINCT FROM NEW.reopen_count
    OR OLD.escalation_count IS DISTINCT FROM NEW.escalation_count
    OR OLD.grid_id IS DISTINCT FROM NEW.grid_id
    OR OLD.category_key IS DISTINCT FROM NEW.category_key
    OR OLD.created_on IS DISTINCT FROM NEW.created_on
    OR OLD.community_id IS DISTINCT FROM NEW.community_id
  )
  EXECUTE FUNCTION ticket_stat_trigger();
