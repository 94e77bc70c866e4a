-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ADMIN', 'RELEASE_MANAGER', 'APPROVER', 'VIEWER');

-- CreateEnum
CREATE TYPE "ReleaseStatus" AS ENUM ('PLANNING', 'IN_PROGRESS', 'GO', 'NO_GO', 'RELEASED', 'ROLLED_BACK', 'CANCELLED');

-- CreateEnum
CREATE TYPE "ItemPriority" AS ENUM ('BLOCKING', 'RECOMMENDED', 'OPTIONAL');

-- CreateEnum
CREATE TYPE "ItemStatus" AS ENUM ('TODO', 'IN_PROGRESS', 'DONE', 'BLOCKED', 'WAIVED');

-- CreateEnum
CREATE TYPE "SignoffVerdict" AS ENUM ('APPROVED', 'REJECTED', 'CONDITIONAL');

-- CreateEnum
CREATE TYPE "DecisionOutcome" AS ENUM ('GO', 'NO_GO');

-- CreateEnum
CREATE TYPE "RiskLikelihood" AS ENUM ('LOW', 'MEDIUM', 'HIGH');

-- CreateEnum
CREATE TYPE "RiskImpact" AS ENUM ('LOW', 'MEDIUM', 'HIGH', 'CRITICAL');

-- CreateEnum
CREATE TYPE "RiskStatus" AS ENUM ('OPEN', 'MITIGATED', 'ACCEPTED', 'CLOSED');

-- CreateEnum
CREATE TYPE "MilestoneStatus" AS ENUM ('PLANNED', 'IN_PROGRESS', 'DONE', 'MISSED');

-- CreateEnum
CREATE TYPE "IncidentSeverity" AS ENUM ('P0', 'P1', 'P2', 'P3');

-- CreateTable
CREATE TABLE "users" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "password_hash" TEXT NOT NULL,
    "role" "Role" NOT NULL DEFAULT 'VIEWER',
    "disabled_at" TIMESTAMPTZ(3),
    "session_version" INTEGER NOT NULL DEFAULT 1,
    "is_demo" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "releases" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "version_name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "target_date" TIMESTAMPTZ(3) NOT NULL,
    "status" "ReleaseStatus" NOT NULL DEFAULT 'PLANNING',
    "owner_id" TEXT NOT NULL,
    "go_threshold" INTEGER NOT NULL DEFAULT 90,
    "separation_of_duties" BOOLEAN NOT NULL DEFAULT true,
    "archived_at" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "releases_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "target_date_changes" (
    "id" TEXT NOT NULL,
    "release_id" TEXT NOT NULL,
    "from_date" TIMESTAMPTZ(3) NOT NULL,
    "to_date" TIMESTAMPTZ(3) NOT NULL,
    "reason" TEXT NOT NULL,
    "changed_by_id" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "target_date_changes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "readiness_categories" (
    "id" TEXT NOT NULL,
    "release_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "weight" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "readiness_categories_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "phases" (
    "id" TEXT NOT NULL,
    "release_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "position" INTEGER NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "phases_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "items" (
    "id" TEXT NOT NULL,
    "release_id" TEXT NOT NULL,
    "phase_id" TEXT NOT NULL,
    "parent_id" TEXT,
    "title" TEXT NOT NULL,
    "details" TEXT NOT NULL DEFAULT '',
    "priority" "ItemPriority" NOT NULL DEFAULT 'RECOMMENDED',
    "category_id" TEXT,
    "owner_role" TEXT NOT NULL DEFAULT '',
    "assignee_id" TEXT,
    "due_date" TIMESTAMPTZ(3),
    "estimate_minutes" INTEGER,
    "status" "ItemStatus" NOT NULL DEFAULT 'TODO',
    "waiver_reason" TEXT,
    "waiver_expires_at" TIMESTAMPTZ(3),
    "completed_at" TIMESTAMPTZ(3),
    "position" INTEGER NOT NULL,
    "last_changed_by_id" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "items_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "evidence_links" (
    "id" TEXT NOT NULL,
    "item_id" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "label" TEXT NOT NULL DEFAULT '',
    "added_by_id" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "evidence_links_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "item_notes" (
    "id" TEXT NOT NULL,
    "item_id" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "author_id" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "item_notes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "required_signoffs" (
    "id" TEXT NOT NULL,
    "release_id" TEXT NOT NULL,
    "role_name" TEXT NOT NULL,
    "evidence_to_review" TEXT NOT NULL DEFAULT '',
    "required_approvals" INTEGER NOT NULL DEFAULT 1,
    "position" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "required_signoffs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "required_signoff_assignees" (
    "required_signoff_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,

    CONSTRAINT "required_signoff_assignees_pkey" PRIMARY KEY ("required_signoff_id","user_id")
);

-- CreateTable
CREATE TABLE "signoffs" (
    "id" TEXT NOT NULL,
    "release_id" TEXT NOT NULL,
    "required_signoff_id" TEXT NOT NULL,
    "signer_id" TEXT NOT NULL,
    "verdict" "SignoffVerdict" NOT NULL,
    "comment" TEXT NOT NULL DEFAULT '',
    "evidence_reviewed" TEXT NOT NULL DEFAULT '',
    "supersedes_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "signoffs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "signoff_conditions" (
    "id" TEXT NOT NULL,
    "signoff_id" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "owner_id" TEXT NOT NULL,
    "due_date" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "signoff_conditions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "decisions" (
    "id" TEXT NOT NULL,
    "release_id" TEXT NOT NULL,
    "outcome" "DecisionOutcome" NOT NULL,
    "rationale" TEXT NOT NULL,
    "blocking_reasons" TEXT NOT NULL DEFAULT '',
    "remediation_plan" TEXT NOT NULL DEFAULT '',
    "new_target_date" TIMESTAMPTZ(3),
    "override_reason" TEXT,
    "snapshot" JSONB NOT NULL,
    "content_hash" TEXT NOT NULL,
    "decided_by_id" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "decisions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "risks" (
    "id" TEXT NOT NULL,
    "release_id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "likelihood" "RiskLikelihood" NOT NULL,
    "impact" "RiskImpact" NOT NULL,
    "mitigation" TEXT NOT NULL DEFAULT '',
    "contingency" TEXT NOT NULL DEFAULT '',
    "owner_id" TEXT,
    "status" "RiskStatus" NOT NULL DEFAULT 'OPEN',
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "risks_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rollback_plans" (
    "id" TEXT NOT NULL,
    "release_id" TEXT NOT NULL,
    "target_minutes" INTEGER,
    "decider" TEXT NOT NULL DEFAULT '',
    "latest_decision_minutes" INTEGER,
    "last_rehearsed_at" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "rollback_plans_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rollback_triggers" (
    "id" TEXT NOT NULL,
    "plan_id" TEXT NOT NULL,
    "metric" TEXT NOT NULL,
    "comparison" TEXT NOT NULL,
    "threshold" TEXT NOT NULL,
    "duration_minutes" INTEGER,
    "position" INTEGER NOT NULL,

    CONSTRAINT "rollback_triggers_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rollback_steps" (
    "id" TEXT NOT NULL,
    "plan_id" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "owner_role" TEXT NOT NULL DEFAULT '',
    "minutes" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "rollback_steps_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "milestones" (
    "id" TEXT NOT NULL,
    "release_id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "due_at" TIMESTAMPTZ(3) NOT NULL,
    "owner_id" TEXT,
    "status" "MilestoneStatus" NOT NULL DEFAULT 'PLANNED',

    CONSTRAINT "milestones_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "incidents" (
    "id" TEXT NOT NULL,
    "release_id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "severity" "IncidentSeverity" NOT NULL,
    "opened_at" TIMESTAMPTZ(3) NOT NULL,
    "resolved_at" TIMESTAMPTZ(3),

    CONSTRAINT "incidents_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "templates" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "built_in" BOOLEAN NOT NULL DEFAULT false,
    "body" JSONB NOT NULL,
    "created_by_id" TEXT,
    "retired_at" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "templates_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_events" (
    "id" BIGSERIAL NOT NULL,
    "release_id" TEXT,
    "actor_id" TEXT,
    "action" TEXT NOT NULL,
    "entity_type" TEXT NOT NULL,
    "entity_id" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

-- CreateIndex
CREATE INDEX "releases_archived_at_target_date_idx" ON "releases"("archived_at", "target_date");

-- CreateIndex
CREATE INDEX "target_date_changes_release_id_created_at_idx" ON "target_date_changes"("release_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "readiness_categories_release_id_name_key" ON "readiness_categories"("release_id", "name");

-- CreateIndex
CREATE UNIQUE INDEX "readiness_categories_id_release_id_key" ON "readiness_categories"("id", "release_id");

-- CreateIndex
CREATE INDEX "phases_release_id_position_idx" ON "phases"("release_id", "position");

-- CreateIndex
CREATE UNIQUE INDEX "phases_id_release_id_key" ON "phases"("id", "release_id");

-- CreateIndex
CREATE INDEX "items_release_id_status_idx" ON "items"("release_id", "status");

-- CreateIndex
CREATE INDEX "items_phase_id_parent_id_position_idx" ON "items"("phase_id", "parent_id", "position");

-- CreateIndex
CREATE INDEX "items_assignee_id_idx" ON "items"("assignee_id");

-- CreateIndex
CREATE UNIQUE INDEX "items_id_phase_id_key" ON "items"("id", "phase_id");

-- CreateIndex
CREATE INDEX "evidence_links_item_id_idx" ON "evidence_links"("item_id");

-- CreateIndex
CREATE INDEX "item_notes_item_id_created_at_idx" ON "item_notes"("item_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "required_signoffs_release_id_role_name_key" ON "required_signoffs"("release_id", "role_name");

-- CreateIndex
CREATE UNIQUE INDEX "signoffs_supersedes_id_key" ON "signoffs"("supersedes_id");

-- CreateIndex
CREATE INDEX "signoffs_release_id_created_at_idx" ON "signoffs"("release_id", "created_at");

-- CreateIndex
CREATE INDEX "decisions_release_id_created_at_idx" ON "decisions"("release_id", "created_at");

-- CreateIndex
CREATE INDEX "risks_release_id_status_idx" ON "risks"("release_id", "status");

-- CreateIndex
CREATE UNIQUE INDEX "rollback_plans_release_id_key" ON "rollback_plans"("release_id");

-- CreateIndex
CREATE INDEX "milestones_release_id_due_at_idx" ON "milestones"("release_id", "due_at");

-- CreateIndex
CREATE INDEX "incidents_release_id_opened_at_idx" ON "incidents"("release_id", "opened_at");

-- CreateIndex
CREATE UNIQUE INDEX "templates_name_key" ON "templates"("name");

-- CreateIndex
CREATE INDEX "audit_events_release_id_id_idx" ON "audit_events"("release_id", "id");

-- CreateIndex
CREATE INDEX "audit_events_entity_type_entity_id_idx" ON "audit_events"("entity_type", "entity_id");

-- AddForeignKey
ALTER TABLE "releases" ADD CONSTRAINT "releases_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "target_date_changes" ADD CONSTRAINT "target_date_changes_release_id_fkey" FOREIGN KEY ("release_id") REFERENCES "releases"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "target_date_changes" ADD CONSTRAINT "target_date_changes_changed_by_id_fkey" FOREIGN KEY ("changed_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "readiness_categories" ADD CONSTRAINT "readiness_categories_release_id_fkey" FOREIGN KEY ("release_id") REFERENCES "releases"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "phases" ADD CONSTRAINT "phases_release_id_fkey" FOREIGN KEY ("release_id") REFERENCES "releases"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "items" ADD CONSTRAINT "items_release_id_fkey" FOREIGN KEY ("release_id") REFERENCES "releases"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "items" ADD CONSTRAINT "items_phase_id_release_id_fkey" FOREIGN KEY ("phase_id", "release_id") REFERENCES "phases"("id", "release_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "items" ADD CONSTRAINT "items_parent_id_phase_id_fkey" FOREIGN KEY ("parent_id", "phase_id") REFERENCES "items"("id", "phase_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "items" ADD CONSTRAINT "items_category_id_release_id_fkey" FOREIGN KEY ("category_id", "release_id") REFERENCES "readiness_categories"("id", "release_id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "items" ADD CONSTRAINT "items_assignee_id_fkey" FOREIGN KEY ("assignee_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "items" ADD CONSTRAINT "items_last_changed_by_id_fkey" FOREIGN KEY ("last_changed_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evidence_links" ADD CONSTRAINT "evidence_links_item_id_fkey" FOREIGN KEY ("item_id") REFERENCES "items"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evidence_links" ADD CONSTRAINT "evidence_links_added_by_id_fkey" FOREIGN KEY ("added_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "item_notes" ADD CONSTRAINT "item_notes_item_id_fkey" FOREIGN KEY ("item_id") REFERENCES "items"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "item_notes" ADD CONSTRAINT "item_notes_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "required_signoffs" ADD CONSTRAINT "required_signoffs_release_id_fkey" FOREIGN KEY ("release_id") REFERENCES "releases"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "required_signoff_assignees" ADD CONSTRAINT "required_signoff_assignees_required_signoff_id_fkey" FOREIGN KEY ("required_signoff_id") REFERENCES "required_signoffs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "required_signoff_assignees" ADD CONSTRAINT "required_signoff_assignees_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "signoffs" ADD CONSTRAINT "signoffs_release_id_fkey" FOREIGN KEY ("release_id") REFERENCES "releases"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "signoffs" ADD CONSTRAINT "signoffs_required_signoff_id_fkey" FOREIGN KEY ("required_signoff_id") REFERENCES "required_signoffs"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "signoffs" ADD CONSTRAINT "signoffs_signer_id_fkey" FOREIGN KEY ("signer_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "signoffs" ADD CONSTRAINT "signoffs_supersedes_id_fkey" FOREIGN KEY ("supersedes_id") REFERENCES "signoffs"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "signoff_conditions" ADD CONSTRAINT "signoff_conditions_signoff_id_fkey" FOREIGN KEY ("signoff_id") REFERENCES "signoffs"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "signoff_conditions" ADD CONSTRAINT "signoff_conditions_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_release_id_fkey" FOREIGN KEY ("release_id") REFERENCES "releases"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_decided_by_id_fkey" FOREIGN KEY ("decided_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "risks" ADD CONSTRAINT "risks_release_id_fkey" FOREIGN KEY ("release_id") REFERENCES "releases"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "risks" ADD CONSTRAINT "risks_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rollback_plans" ADD CONSTRAINT "rollback_plans_release_id_fkey" FOREIGN KEY ("release_id") REFERENCES "releases"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rollback_triggers" ADD CONSTRAINT "rollback_triggers_plan_id_fkey" FOREIGN KEY ("plan_id") REFERENCES "rollback_plans"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rollback_steps" ADD CONSTRAINT "rollback_steps_plan_id_fkey" FOREIGN KEY ("plan_id") REFERENCES "rollback_plans"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "milestones" ADD CONSTRAINT "milestones_release_id_fkey" FOREIGN KEY ("release_id") REFERENCES "releases"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "milestones" ADD CONSTRAINT "milestones_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_release_id_fkey" FOREIGN KEY ("release_id") REFERENCES "releases"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "templates" ADD CONSTRAINT "templates_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_release_id_fkey" FOREIGN KEY ("release_id") REFERENCES "releases"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Constraints Prisma's schema language cannot express. The application checks the same
-- rules with zod first; these keep the data sound whatever writes to it.
ALTER TABLE "users"
  ADD CONSTRAINT "users_email_lowercase" CHECK ("email" = lower("email") AND "email" LIKE '%_@_%'),
  ADD CONSTRAINT "users_name_length" CHECK (char_length("name") BETWEEN 1 AND 100),
  ADD CONSTRAINT "users_session_version_positive" CHECK ("session_version" >= 1);

ALTER TABLE "releases"
  ADD CONSTRAINT "releases_name_length" CHECK (char_length("name") BETWEEN 1 AND 120),
  ADD CONSTRAINT "releases_version_name_length" CHECK (char_length("version_name") BETWEEN 1 AND 40),
  ADD CONSTRAINT "releases_description_length" CHECK (char_length("description") <= 5000),
  ADD CONSTRAINT "releases_go_threshold_range" CHECK ("go_threshold" BETWEEN 0 AND 100),
  ADD CONSTRAINT "releases_version_positive" CHECK ("version" >= 1);

ALTER TABLE "target_date_changes"
  ADD CONSTRAINT "target_date_changes_reason_length" CHECK (char_length("reason") BETWEEN 1 AND 1000);

ALTER TABLE "readiness_categories"
  ADD CONSTRAINT "readiness_categories_name_length" CHECK (char_length("name") BETWEEN 1 AND 60),
  ADD CONSTRAINT "readiness_categories_weight_range" CHECK ("weight" BETWEEN 0 AND 100);

ALTER TABLE "phases"
  ADD CONSTRAINT "phases_name_length" CHECK (char_length("name") BETWEEN 1 AND 120),
  ADD CONSTRAINT "phases_position_nonnegative" CHECK ("position" >= 0),
  ADD CONSTRAINT "phases_version_positive" CHECK ("version" >= 1);

ALTER TABLE "items"
  ADD CONSTRAINT "items_title_length" CHECK (char_length("title") BETWEEN 1 AND 200),
  ADD CONSTRAINT "items_details_length" CHECK (char_length("details") <= 10000),
  ADD CONSTRAINT "items_owner_role_length" CHECK (char_length("owner_role") <= 80),
  ADD CONSTRAINT "items_estimate_nonnegative" CHECK ("estimate_minutes" IS NULL OR "estimate_minutes" >= 0),
  ADD CONSTRAINT "items_position_nonnegative" CHECK ("position" >= 0),
  ADD CONSTRAINT "items_not_own_parent" CHECK ("parent_id" IS NULL OR "parent_id" <> "id"),
  ADD CONSTRAINT "items_waiver_has_reason" CHECK ("status" <> 'WAIVED' OR char_length(coalesce("waiver_reason", '')) > 0),
  ADD CONSTRAINT "items_version_positive" CHECK ("version" >= 1);

-- Sub-items go one level deep: a sub-item's parent must itself be a top-level item,
-- and an item with sub-items cannot become a sub-item.
CREATE FUNCTION "items_one_level_of_sub_items"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."parent_id" IS NOT NULL THEN
    IF EXISTS (SELECT 1 FROM "items" WHERE "id" = NEW."parent_id" AND "parent_id" IS NOT NULL) THEN
      RAISE EXCEPTION 'sub-items go one level deep' USING ERRCODE = 'check_violation';
    END IF;
    IF EXISTS (SELECT 1 FROM "items" WHERE "parent_id" = NEW."id") THEN
      RAISE EXCEPTION 'an item with sub-items cannot become a sub-item' USING ERRCODE = 'check_violation';
    END IF;
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER "items_one_level_of_sub_items"
  BEFORE INSERT OR UPDATE OF "parent_id" ON "items"
  FOR EACH ROW EXECUTE FUNCTION "items_one_level_of_sub_items"();

ALTER TABLE "evidence_links"
  ADD CONSTRAINT "evidence_links_url_length" CHECK (char_length("url") BETWEEN 1 AND 2000),
  ADD CONSTRAINT "evidence_links_url_scheme" CHECK ("url" ~* '^https?://');

ALTER TABLE "item_notes"
  ADD CONSTRAINT "item_notes_body_length" CHECK (char_length("body") BETWEEN 1 AND 5000);

ALTER TABLE "required_signoffs"
  ADD CONSTRAINT "required_signoffs_role_name_length" CHECK (char_length("role_name") BETWEEN 1 AND 80),
  ADD CONSTRAINT "required_signoffs_approvals_positive" CHECK ("required_approvals" >= 1);

ALTER TABLE "decisions"
  ADD CONSTRAINT "decisions_rationale_present" CHECK (char_length("rationale") >= 1),
  ADD CONSTRAINT "decisions_content_hash_sha256" CHECK ("content_hash" ~ '^[0-9a-f]{64}$');

ALTER TABLE "risks"
  ADD CONSTRAINT "risks_title_length" CHECK (char_length("title") BETWEEN 1 AND 200),
  ADD CONSTRAINT "risks_version_positive" CHECK ("version" >= 1);

ALTER TABLE "rollback_plans"
  ADD CONSTRAINT "rollback_plans_target_nonnegative" CHECK ("target_minutes" IS NULL OR "target_minutes" >= 0);

ALTER TABLE "rollback_steps"
  ADD CONSTRAINT "rollback_steps_minutes_nonnegative" CHECK ("minutes" >= 0);

ALTER TABLE "incidents"
  ADD CONSTRAINT "incidents_resolved_after_opened" CHECK ("resolved_at" IS NULL OR "resolved_at" >= "opened_at");

ALTER TABLE "templates"
  ADD CONSTRAINT "templates_name_length" CHECK (char_length("name") BETWEEN 1 AND 120);

ALTER TABLE "audit_events"
  ADD CONSTRAINT "audit_events_action_length" CHECK (char_length("action") BETWEEN 1 AND 80);

-- Compliance records are append-only: the database refuses to change or remove them.
CREATE FUNCTION "refuse_change_to_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% rows are append-only: % is not allowed', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER "audit_events_append_only" BEFORE UPDATE OR DELETE ON "audit_events"
  FOR EACH ROW EXECUTE FUNCTION "refuse_change_to_append_only"();
CREATE TRIGGER "signoffs_append_only" BEFORE UPDATE OR DELETE ON "signoffs"
  FOR EACH ROW EXECUTE FUNCTION "refuse_change_to_append_only"();
CREATE TRIGGER "signoff_conditions_append_only" BEFORE UPDATE OR DELETE ON "signoff_conditions"
  FOR EACH ROW EXECUTE FUNCTION "refuse_change_to_append_only"();
CREATE TRIGGER "decisions_append_only" BEFORE UPDATE OR DELETE ON "decisions"
  FOR EACH ROW EXECUTE FUNCTION "refuse_change_to_append_only"();
