-- CreateTable
CREATE TABLE "persistent_volumes" (
    "uid" UUID NOT NULL,
    "namespace" TEXT NOT NULL DEFAULT '',
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

    CONSTRAINT "persistent_volumes_pkey" PRIMARY KEY ("uid")
);

-- CreateTable
CREATE TABLE "persistent_volume_claims" (
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

    CONSTRAINT "persistent_volume_claims_pkey" PRIMARY KEY ("uid")
);

-- CreateTable
CREATE TABLE "storage_classes" (
    "uid" UUID NOT NULL,
    "namespace" TEXT NOT NULL DEFAULT '',
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

    CONSTRAINT "storage_classes_pkey" PRIMARY KEY ("uid")
);

-- CreateIndex
CREATE INDEX "persistent_volumes_labels_idx" ON "persistent_volumes" USING GIN ("labels");

-- CreateIndex
CREATE UNIQUE INDEX "persistent_volumes_namespace_name_key" ON "persistent_volumes"("namespace", "name");

-- CreateIndex
CREATE INDEX "persistent_volume_claims_labels_idx" ON "persistent_volume_claims" USING GIN ("labels");

-- CreateIndex
CREATE UNIQUE INDEX "persistent_volume_claims_namespace_name_key" ON "persistent_volume_claims"("namespace", "name");

-- CreateIndex
CREATE INDEX "storage_classes_labels_idx" ON "storage_classes" USING GIN ("labels");

-- CreateIndex
CREATE UNIQUE INDEX "storage_classes_namespace_name_key" ON "storage_classes"("namespace", "name");
