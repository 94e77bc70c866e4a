-- Live updates (F18): every committed change to a release is announced on the
-- release_events channel. Every change writes an audit event in its own transaction, and
-- NOTIFY is delivered only when that transaction commits, so listeners never hear of a
-- change that was rolled back.
CREATE FUNCTION "notify_release_event"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."release_id" IS NOT NULL THEN
    PERFORM pg_notify('release_events', json_build_object('releaseId', NEW."release_id", 'action', NEW."action")::text);
  END IF;
  RETURN NULL;
END;
$$;
CREATE TRIGGER "audit_events_notify_release" AFTER INSERT ON "audit_events"
  FOR EACH ROW EXECUTE FUNCTION "notify_release_event"();
