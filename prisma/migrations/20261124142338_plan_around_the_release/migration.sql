-- CreateEnum
CREATE TYPE "ReleaseOutcome" AS ENUM ('SUCCESSFUL', 'SUCCESSFUL_WITH_ISSUES', 'ROLLED_BACK');

-- CreateEnum
CREATE TYPE "CriterionLevel" AS ENUM ('MUST', 'SHOULD', 'NICE');

-- AlterTable
ALTER TABLE "releases" ADD COLUMN     "outcome" "ReleaseOutcome",
ADD COLUMN     "outcome_note" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "released_at" TIMESTAMPTZ(3),
ADD COLUMN     "time_zone" TEXT NOT NULL DEFAULT 'UTC',
ADD COLUMN     "watch_days" INTEGER NOT NULL DEFAULT 7;

-- AlterTable
ALTER TABLE "items" ADD COLUMN     "managed_by" TEXT,
ADD COLUMN     "source_incident_id" TEXT;

-- AlterTable
ALTER TABLE "rollback_plans" ADD COLUMN     "rehearsal_item_id" TEXT,
ADD COLUMN     "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- AlterTable
ALTER TABLE "rollback_triggers" ADD COLUMN     "unit" TEXT NOT NULL DEFAULT '',
ALTER COLUMN "threshold" TYPE DOUBLE PRECISION USING "threshold"::double precision;

-- AlterTable
ALTER TABLE "milestones" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "incidents" ADD COLUMN     "description" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- CreateTable
CREATE TABLE "deployment_steps" (
    "id" TEXT NOT NULL,
    "release_id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "owner_role" TEXT NOT NULL DEFAULT '',
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "ends_at" TIMESTAMPTZ(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "deployment_steps_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "freeze_windows" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "reason" TEXT NOT NULL DEFAULT '',
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "ends_at" TIMESTAMPTZ(3) NOT NULL,
    "time_zone" TEXT NOT NULL,
    "created_by_id" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "freeze_windows_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "success_criteria" (
    "id" TEXT NOT NULL,
    "release_id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "level" "CriterionLevel" NOT NULL DEFAULT 'MUST',
    "is_met" BOOLEAN NOT NULL DEFAULT false,
    "checked_at" TIMESTAMPTZ(3),
    "checked_by_id" TEXT,
    "position" INTEGER NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "success_criteria_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "deployment_steps_release_id_starts_at_idx" ON "deployment_steps"("release_id", "starts_at");

-- CreateIndex
CREATE INDEX "freeze_windows_starts_at_ends_at_idx" ON "freeze_windows"("starts_at", "ends_at");

-- CreateIndex
CREATE INDEX "success_criteria_release_id_position_idx" ON "success_criteria"("release_id", "position");

-- CreateIndex
CREATE UNIQUE INDEX "rollback_plans_rehearsal_item_id_key" ON "rollback_plans"("rehearsal_item_id");

-- AddForeignKey
ALTER TABLE "items" ADD CONSTRAINT "items_source_incident_id_fkey" FOREIGN KEY ("source_incident_id") REFERENCES "incidents"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rollback_plans" ADD CONSTRAINT "rollback_plans_rehearsal_item_id_fkey" FOREIGN KEY ("rehearsal_item_id") REFERENCES "items"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "deployment_steps" ADD CONSTRAINT "deployment_steps_release_id_fkey" FOREIGN KEY ("release_id") REFERENCES "releases"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "freeze_windows" ADD CONSTRAINT "freeze_windows_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "success_criteria" ADD CONSTRAINT "success_criteria_release_id_fkey" FOREIGN KEY ("release_id") REFERENCES "releases"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "success_criteria" ADD CONSTRAINT "success_criteria_checked_by_id_fkey" FOREIGN KEY ("checked_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;



-- Constraints Prisma's schema language cannot express.
ALTER TABLE "releases"
  ADD CONSTRAINT "releases_time_zone_length" CHECK (char_length("time_zone") BETWEEN 1 AND 64),
  ADD CONSTRAINT "releases_watch_days_range" CHECK ("watch_days" BETWEEN 1 AND 90),
  ADD CONSTRAINT "releases_outcome_note_length" CHECK (char_length("outcome_note") <= 5000);

ALTER TABLE "rollback_plans"
  ADD CONSTRAINT "rollback_plans_decision_minutes_nonnegative" CHECK ("latest_decision_minutes" IS NULL OR "latest_decision_minutes" >= 0),
  ADD CONSTRAINT "rollback_plans_decider_length" CHECK (char_length("decider") <= 120);

ALTER TABLE "rollback_triggers"
  ADD CONSTRAINT "rollback_triggers_comparison" CHECK ("comparison" IN ('>', '>=', '<', '<=', '=')),
  ADD CONSTRAINT "rollback_triggers_metric_length" CHECK (char_length("metric") BETWEEN 1 AND 120),
  ADD CONSTRAINT "rollback_triggers_duration_nonnegative" CHECK ("duration_minutes" IS NULL OR "duration_minutes" >= 0),
  ADD CONSTRAINT "rollback_triggers_threshold_finite" CHECK ("threshold" <> 'NaN' AND "threshold" <> 'Infinity' AND "threshold" <> '-Infinity');

ALTER TABLE "rollback_steps"
  ADD CONSTRAINT "rollback_steps_description_length" CHECK (char_length("description") BETWEEN 1 AND 500);

ALTER TABLE "milestones"
  ADD CONSTRAINT "milestones_title_length" CHECK (char_length("title") BETWEEN 1 AND 200);

ALTER TABLE "deployment_steps"
  ADD CONSTRAINT "deployment_steps_title_length" CHECK (char_length("title") BETWEEN 1 AND 200),
  ADD CONSTRAINT "deployment_steps_ends_after_start" CHECK ("ends_at" >= "starts_at");

ALTER TABLE "freeze_windows"
  ADD CONSTRAINT "freeze_windows_name_length" CHECK (char_length("name") BETWEEN 1 AND 120),
  ADD CONSTRAINT "freeze_windows_ends_after_start" CHECK ("ends_at" > "starts_at");

ALTER TABLE "success_criteria"
  ADD CONSTRAINT "success_criteria_title_length" CHECK (char_length("title") BETWEEN 1 AND 300),
  ADD CONSTRAINT "success_criteria_checked_when_met" CHECK (NOT "is_met" OR "checked_at" IS NOT NULL);

ALTER TABLE "incidents"
  ADD CONSTRAINT "incidents_title_length" CHECK (char_length("title") BETWEEN 1 AND 200),
  ADD CONSTRAINT "incidents_description_length" CHECK (char_length("description") <= 5000);

-- Changes the system makes (a rehearsal aging past 30 days) have no person as their actor.
ALTER TABLE "blocking_changes" ALTER COLUMN "actor_id" DROP NOT NULL;
