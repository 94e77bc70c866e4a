-- CreateEnum
CREATE TYPE "BlockingChangeKind" AS ENUM ('ADDED', 'REOPENED', 'WAIVED', 'EVIDENCE_CHANGED', 'DOWNGRADED', 'REMOVED');

-- AlterTable
ALTER TABLE "releases" ADD COLUMN     "blocking_revision" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "required_signoffs" ADD COLUMN     "removed_at" TIMESTAMPTZ(3),
ADD COLUMN     "requirements_version" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "signoffs" ADD COLUMN     "basis_revision" INTEGER NOT NULL,
ADD COLUMN     "idempotency_key" TEXT NOT NULL,
ADD COLUMN     "role_version" INTEGER NOT NULL;

-- AlterTable
ALTER TABLE "decisions" ADD COLUMN     "idempotency_key" TEXT NOT NULL,
ADD COLUMN     "previous_id" TEXT;

-- CreateTable
CREATE TABLE "condition_resolutions" (
    "id" TEXT NOT NULL,
    "condition_id" TEXT NOT NULL,
    "resolved_by_id" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "condition_resolutions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "blocking_changes" (
    "id" TEXT NOT NULL,
    "release_id" TEXT NOT NULL,
    "revision" INTEGER NOT NULL,
    "kind" "BlockingChangeKind" NOT NULL,
    "item_id" TEXT NOT NULL,
    "item_title" TEXT NOT NULL,
    "detail" TEXT NOT NULL DEFAULT '',
    "actor_id" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "blocking_changes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "share_links" (
    "id" TEXT NOT NULL,
    "release_id" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "revoked_at" TIMESTAMPTZ(3),
    "created_by_id" TEXT NOT NULL,
    "last_viewed_at" TIMESTAMPTZ(3),
    "view_count" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "share_links_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "condition_resolutions_condition_id_key" ON "condition_resolutions"("condition_id");

-- CreateIndex
CREATE UNIQUE INDEX "blocking_changes_release_id_revision_key" ON "blocking_changes"("release_id", "revision");

-- CreateIndex
CREATE UNIQUE INDEX "share_links_token_hash_key" ON "share_links"("token_hash");

-- CreateIndex
CREATE INDEX "share_links_release_id_created_at_idx" ON "share_links"("release_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "signoffs_idempotency_key_key" ON "signoffs"("idempotency_key");

-- CreateIndex
CREATE INDEX "signoff_conditions_owner_id_idx" ON "signoff_conditions"("owner_id");

-- CreateIndex
CREATE UNIQUE INDEX "decisions_previous_id_key" ON "decisions"("previous_id");

-- CreateIndex
CREATE UNIQUE INDEX "decisions_idempotency_key_key" ON "decisions"("idempotency_key");

-- AddForeignKey
ALTER TABLE "condition_resolutions" ADD CONSTRAINT "condition_resolutions_condition_id_fkey" FOREIGN KEY ("condition_id") REFERENCES "signoff_conditions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "condition_resolutions" ADD CONSTRAINT "condition_resolutions_resolved_by_id_fkey" FOREIGN KEY ("resolved_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "blocking_changes" ADD CONSTRAINT "blocking_changes_release_id_fkey" FOREIGN KEY ("release_id") REFERENCES "releases"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "blocking_changes" ADD CONSTRAINT "blocking_changes_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_previous_id_fkey" FOREIGN KEY ("previous_id") REFERENCES "decisions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "share_links" ADD CONSTRAINT "share_links_release_id_fkey" FOREIGN KEY ("release_id") REFERENCES "releases"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "share_links" ADD CONSTRAINT "share_links_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;



-- Constraints Prisma's schema language cannot express.

-- A sign-off belongs to a role of its own release.
CREATE UNIQUE INDEX "required_signoffs_id_release_id_key" ON "required_signoffs"("id", "release_id");
ALTER TABLE "signoffs" ADD CONSTRAINT "signoffs_required_signoff_release_fkey"
  FOREIGN KEY ("required_signoff_id", "release_id") REFERENCES "required_signoffs"("id", "release_id") ON DELETE RESTRICT;

-- Each signer's sign-offs for a role form one chain: one first sign-off, and every later one
-- supersedes an earlier sign-off of the same signer and role (supersedes_id is already unique).
CREATE UNIQUE INDEX "signoffs_one_chain_per_signer_and_role" ON "signoffs"("required_signoff_id", "signer_id")
  WHERE "supersedes_id" IS NULL;
CREATE FUNCTION "signoffs_supersede_same_signer_and_role"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."supersedes_id" IS NOT NULL AND NOT EXISTS (
    SELECT 1 FROM "signoffs"
    WHERE "id" = NEW."supersedes_id" AND "required_signoff_id" = NEW."required_signoff_id" AND "signer_id" = NEW."signer_id"
  ) THEN
    RAISE EXCEPTION 'a sign-off can only supersede an earlier sign-off of the same signer and role'
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER "signoffs_supersede_same_signer_and_role" BEFORE INSERT ON "signoffs"
  FOR EACH ROW EXECUTE FUNCTION "signoffs_supersede_same_signer_and_role"();

ALTER TABLE "signoffs"
  ADD CONSTRAINT "signoffs_comment_length" CHECK (char_length("comment") <= 5000),
  ADD CONSTRAINT "signoffs_evidence_reviewed_length" CHECK (char_length("evidence_reviewed") <= 5000),
  ADD CONSTRAINT "signoffs_basis_nonnegative" CHECK ("basis_revision" >= 0 AND "role_version" >= 1),
  ADD CONSTRAINT "signoffs_idempotency_key_length" CHECK (char_length("idempotency_key") BETWEEN 8 AND 100);

ALTER TABLE "signoff_conditions"
  ADD CONSTRAINT "signoff_conditions_description_length" CHECK (char_length("description") BETWEEN 1 AND 1000);

ALTER TABLE "condition_resolutions"
  ADD CONSTRAINT "condition_resolutions_note_length" CHECK (char_length("note") <= 2000);

ALTER TABLE "required_signoffs"
  ADD CONSTRAINT "required_signoffs_evidence_length" CHECK (char_length("evidence_to_review") <= 5000),
  ADD CONSTRAINT "required_signoffs_version_positive" CHECK ("version" >= 1 AND "requirements_version" >= 1);

ALTER TABLE "releases"
  ADD CONSTRAINT "releases_blocking_revision_nonnegative" CHECK ("blocking_revision" >= 0);

ALTER TABLE "blocking_changes"
  ADD CONSTRAINT "blocking_changes_revision_positive" CHECK ("revision" >= 1),
  ADD CONSTRAINT "blocking_changes_item_title_length" CHECK (char_length("item_title") BETWEEN 1 AND 200);

-- A decision follows the previous decision of its own release; the first one follows none.
CREATE UNIQUE INDEX "decisions_one_first_per_release" ON "decisions"("release_id") WHERE "previous_id" IS NULL;
CREATE FUNCTION "decisions_follow_same_release"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."previous_id" IS NOT NULL AND NOT EXISTS (
    SELECT 1 FROM "decisions" WHERE "id" = NEW."previous_id" AND "release_id" = NEW."release_id"
  ) THEN
    RAISE EXCEPTION 'a decision can only follow an earlier decision of the same release'
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER "decisions_follow_same_release" BEFORE INSERT ON "decisions"
  FOR EACH ROW EXECUTE FUNCTION "decisions_follow_same_release"();

ALTER TABLE "decisions"
  ADD CONSTRAINT "decisions_no_go_complete" CHECK (
    "outcome" <> 'NO_GO' OR (
      char_length("blocking_reasons") > 0 AND char_length("remediation_plan") > 0 AND "new_target_date" IS NOT NULL
    )
  ),
  ADD CONSTRAINT "decisions_idempotency_key_length" CHECK (char_length("idempotency_key") BETWEEN 8 AND 100);

ALTER TABLE "share_links"
  ADD CONSTRAINT "share_links_label_length" CHECK (char_length("label") BETWEEN 1 AND 120),
  ADD CONSTRAINT "share_links_token_hash_sha256" CHECK ("token_hash" ~ '^[0-9a-f]{64}$'),
  ADD CONSTRAINT "share_links_expiry_after_creation" CHECK ("expires_at" > "created_at");

-- Condition resolutions and the list of blocking changes are records, like the sign-offs.
CREATE TRIGGER "condition_resolutions_append_only" BEFORE UPDATE OR DELETE ON "condition_resolutions"
  FOR EACH ROW EXECUTE FUNCTION "refuse_change_to_append_only"();
CREATE TRIGGER "blocking_changes_append_only" BEFORE UPDATE OR DELETE ON "blocking_changes"
  FOR EACH ROW EXECUTE FUNCTION "refuse_change_to_append_only"();

-- A GO while a criterion failed is an override and must say why.
ALTER TABLE "decisions"
  ADD CONSTRAINT "decisions_override_has_reason" CHECK (
    "outcome" <> 'GO' OR ("snapshot" ->> 'isReady')::boolean OR char_length(coalesce("override_reason", '')) > 0
  );
