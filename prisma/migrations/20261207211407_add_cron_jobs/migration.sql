-- CreateTable
CREATE TABLE "cron_jobs" (
    "uid" UUID NOT NULL,
    "namespace" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "labels" JSONB NOT NULL DEFAULT '{}',
    "annotations" JSONB NOT NULL DEFAULT '{}',
    "resourceVersion" BIGINT NOT NULL,
    "generation" BIGINT NOT NULL DEFAULT 1,
    "ownerReferences" JSONB NOT NULL DEFAULT '[]',
    "finalizers" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "creationTimestamp" TIMESTAMPTZ(3) NOT NULL,
    "deletionTimestamp" TIMESTAMPTZ(3),
    "deletionGracePeriodSeconds" INTEGER,
    "spec" JSONB NOT NULL DEFAULT '{}',
    "status" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "cron_jobs_pkey" PRIMARY KEY ("uid")
);

-- CreateIndex
CREATE INDEX "cron_jobs_labels_idx" ON "cron_jobs" USING GIN ("labels");

-- CreateIndex
CREATE UNIQUE INDEX "cron_jobs_namespace_name_key" ON "cron_jobs"("namespace", "name");
