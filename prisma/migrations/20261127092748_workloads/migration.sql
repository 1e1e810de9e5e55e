-- CreateTable
CREATE TABLE "replicasets" (
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
    "replicas" INTEGER,

    CONSTRAINT "replicasets_pkey" PRIMARY KEY ("uid")
);

-- CreateTable
CREATE TABLE "replicationcontrollers" (
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
    "replicas" INTEGER,

    CONSTRAINT "replicationcontrollers_pkey" PRIMARY KEY ("uid")
);

-- CreateTable
CREATE TABLE "deployments" (
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
    "replicas" INTEGER,

    CONSTRAINT "deployments_pkey" PRIMARY KEY ("uid")
);

-- CreateIndex
CREATE INDEX "replicasets_labels_idx" ON "replicasets" USING GIN ("labels");

-- CreateIndex
CREATE UNIQUE INDEX "replicasets_namespace_name_key" ON "replicasets"("namespace", "name");

-- CreateIndex
CREATE INDEX "replicationcontrollers_labels_idx" ON "replicationcontrollers" USING GIN ("labels");

-- CreateIndex
CREATE UNIQUE INDEX "replicationcontrollers_namespace_name_key" ON "replicationcontrollers"("namespace", "name");

-- CreateIndex
CREATE INDEX "deployments_labels_idx" ON "deployments" USING GIN ("labels");

-- CreateIndex
CREATE UNIQUE INDEX "deployments_namespace_name_key" ON "deployments"("namespace", "name");
