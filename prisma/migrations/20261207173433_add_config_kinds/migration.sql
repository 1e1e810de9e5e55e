-- CreateTable
CREATE TABLE "configmaps" (
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

    CONSTRAINT "configmaps_pkey" PRIMARY KEY ("uid")
);

-- CreateTable
CREATE TABLE "secrets" (
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
    "type" TEXT NOT NULL DEFAULT 'Opaque',

    CONSTRAINT "secrets_pkey" PRIMARY KEY ("uid")
);

-- CreateIndex
CREATE INDEX "configmaps_labels_idx" ON "configmaps" USING GIN ("labels");

-- CreateIndex
CREATE UNIQUE INDEX "configmaps_namespace_name_key" ON "configmaps"("namespace", "name");

-- CreateIndex
CREATE INDEX "secrets_labels_idx" ON "secrets" USING GIN ("labels");

-- CreateIndex
CREATE INDEX "secrets_namespace_type_idx" ON "secrets"("namespace", "type");

-- CreateIndex
CREATE UNIQUE INDEX "secrets_namespace_name_key" ON "secrets"("namespace", "name");
