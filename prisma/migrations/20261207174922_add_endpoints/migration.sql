-- CreateTable
CREATE TABLE "endpoint_slices" (
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
    "addressType" TEXT,

    CONSTRAINT "endpoint_slices_pkey" PRIMARY KEY ("uid")
);

-- CreateTable
CREATE TABLE "endpoints" (
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

    CONSTRAINT "endpoints_pkey" PRIMARY KEY ("uid")
);

-- CreateIndex
CREATE INDEX "endpoint_slices_labels_idx" ON "endpoint_slices" USING GIN ("labels");

-- CreateIndex
CREATE UNIQUE INDEX "endpoint_slices_namespace_name_key" ON "endpoint_slices"("namespace", "name");

-- CreateIndex
CREATE INDEX "endpoints_labels_idx" ON "endpoints" USING GIN ("labels");

-- CreateIndex
CREATE UNIQUE INDEX "endpoints_namespace_name_key" ON "endpoints"("namespace", "name");
