-- AlterTable
ALTER TABLE "templates" ADD COLUMN     "built_in_key" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "templates_built_in_key_key" ON "templates"("built_in_key");

