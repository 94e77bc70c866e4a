-- AlterTable
ALTER TABLE "audit_events" ADD COLUMN     "hash" TEXT,
ADD COLUMN     "prev_hash" TEXT;


-- A hash chain over the audit trail (F21). Every event carries the hash of the event before it
-- and the SHA-256 of its own content with that hash, both set here in the database, so no
-- application code can write a wrong link. Writers take a transaction-scoped advisory lock, so
-- the chain is one line in id order (the id is drawn after the lock); `npm run audit:verify`
-- recomputes the chain and names the first broken link.
CREATE FUNCTION "audit_event_digest"(
  "prev" TEXT, "event_id" BIGINT, "release" TEXT, "actor" TEXT, "act" TEXT, "kind" TEXT, "entity" TEXT,
  "before_value" JSONB, "after_value" JSONB, "channel" TEXT, "created" TIMESTAMPTZ
) RETURNS TEXT LANGUAGE sql STABLE AS $$
  SELECT encode(sha256(convert_to(json_build_array(
    "prev", "event_id", "release", "actor", "act", "kind", "entity", "before_value", "after_value", "channel",
    to_char("created" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')
  )::text, 'UTF8')), 'hex')
$$;

CREATE FUNCTION "audit_events_chain"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  "previous" TEXT;
BEGIN
  PERFORM pg_advisory_xact_lock(7243001);
  NEW."id" := nextval(pg_get_serial_sequence('audit_events', 'id'));
  SELECT "hash" INTO "previous" FROM "audit_events" ORDER BY "id" DESC LIMIT 1;
  NEW."prev_hash" := COALESCE("previous", 'genesis');
  NEW."hash" := "audit_event_digest"(NEW."prev_hash", NEW."id", NEW."release_id", NEW."actor_id", NEW."action", NEW."entity_type",
    NEW."entity_id", NEW."before", NEW."after", NEW."via", NEW."created_at");
  RETURN NEW;
END;
$$;

-- The events written before the chain existed are linked once, in id order.
ALTER TABLE "audit_events" DISABLE TRIGGER "audit_events_append_only";
DO $$
DECLARE
  "event" RECORD;
  "previous" TEXT := 'genesis';
BEGIN
  FOR "event" IN SELECT * FROM "audit_events" ORDER BY "id" LOOP
    UPDATE "audit_events"
      SET "prev_hash" = "previous",
          "hash" = "audit_event_digest"("previous", "event"."id", "event"."release_id", "event"."actor_id", "event"."action",
            "event"."entity_type", "event"."entity_id", "event"."before", "event"."after", "event"."via", "event"."created_at")
      WHERE "id" = "event"."id"
      RETURNING "hash" INTO "previous";
  END LOOP;
END;
$$;
ALTER TABLE "audit_events" ENABLE TRIGGER "audit_events_append_only";

CREATE TRIGGER "audit_events_chain" BEFORE INSERT ON "audit_events"
  FOR EACH ROW EXECUTE FUNCTION "audit_events_chain"();
