-- CreateTable
CREATE TABLE "pod_disruption_budgets" (
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

    CONSTRAINT "pod_disruption_budgets_pkey" PRIMARY KEY ("uid")
);

-- CreateIndex
CREATE INDEX "pod_disruption_budgets_labels_idx" ON "pod_disruption_budgets" USING GIN ("labels");

-- CreateIndex
CREATE UNIQUE INDEX "pod_disruption_budgets_namespace_name_key" ON "pod_disruption_budgets"("namespace", "name");
