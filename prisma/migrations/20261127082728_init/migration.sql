-- CreateTable
CREATE TABLE "counters" (
    "name" TEXT NOT NULL,
    "value" BIGINT NOT NULL,

    CONSTRAINT "counters_pkey" PRIMARY KEY ("name")
);

-- CreateTable
CREATE TABLE "change_log" (
    "revision" BIGINT NOT NULL,
    "kind" TEXT NOT NULL,
    "namespace" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "uid" UUID NOT NULL,
    "type" TEXT NOT NULL,
    "object" JSONB NOT NULL,
    "prev" JSONB,
    "actor" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "change_log_pkey" PRIMARY KEY ("revision")
);

-- CreateTable
CREATE TABLE "api_tokens" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMPTZ(3),

    CONSTRAINT "api_tokens_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "namespaces" (
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
    "phase" TEXT,

    CONSTRAINT "namespaces_pkey" PRIMARY KEY ("uid")
);

-- CreateTable
CREATE TABLE "nodes" (
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
    "unschedulable" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "nodes_pkey" PRIMARY KEY ("uid")
);

-- CreateTable
CREATE TABLE "pods" (
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
    "nodeName" TEXT,
    "phase" TEXT,

    CONSTRAINT "pods_pkey" PRIMARY KEY ("uid")
);

-- CreateTable
CREATE TABLE "events" (
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
    "involvedKind" TEXT,
    "involvedName" TEXT,
    "involvedUid" TEXT,
    "reason" TEXT,
    "type" TEXT,

    CONSTRAINT "events_pkey" PRIMARY KEY ("uid")
);

-- CreateTable
CREATE TABLE "leases" (
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
    "holderIdentity" TEXT,

    CONSTRAINT "leases_pkey" PRIMARY KEY ("uid")
);

-- CreateIndex
CREATE INDEX "change_log_kind_namespace_name_revision_idx" ON "change_log"("kind", "namespace", "name", "revision");

-- CreateIndex
CREATE INDEX "change_log_uid_revision_idx" ON "change_log"("uid", "revision");

-- CreateIndex
CREATE INDEX "change_log_createdAt_idx" ON "change_log"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "api_tokens_name_key" ON "api_tokens"("name");

-- CreateIndex
CREATE UNIQUE INDEX "api_tokens_tokenHash_key" ON "api_tokens"("tokenHash");

-- CreateIndex
CREATE INDEX "namespaces_labels_idx" ON "namespaces" USING GIN ("labels");

-- CreateIndex
CREATE UNIQUE INDEX "namespaces_namespace_name_key" ON "namespaces"("namespace", "name");

-- CreateIndex
CREATE INDEX "nodes_labels_idx" ON "nodes" USING GIN ("labels");

-- CreateIndex
CREATE UNIQUE INDEX "nodes_namespace_name_key" ON "nodes"("namespace", "name");

-- CreateIndex
CREATE INDEX "pods_labels_idx" ON "pods" USING GIN ("labels");

-- CreateIndex
CREATE INDEX "pods_nodeName_idx" ON "pods"("nodeName");

-- CreateIndex
CREATE INDEX "pods_phase_idx" ON "pods"("phase");

-- CreateIndex
CREATE UNIQUE INDEX "pods_namespace_name_key" ON "pods"("namespace", "name");

-- CreateIndex
CREATE INDEX "events_labels_idx" ON "events" USING GIN ("labels");

-- CreateIndex
CREATE INDEX "events_involvedUid_idx" ON "events"("involvedUid");

-- CreateIndex
CREATE INDEX "events_involvedKind_involvedName_idx" ON "events"("involvedKind", "involvedName");

-- CreateIndex
CREATE UNIQUE INDEX "events_namespace_name_key" ON "events"("namespace", "name");

-- CreateIndex
CREATE INDEX "leases_labels_idx" ON "leases" USING GIN ("labels");

-- CreateIndex
CREATE UNIQUE INDEX "leases_namespace_name_key" ON "leases"("namespace", "name");

-- Hand-written, not generated: the store increments these rows and never creates them,
-- so both must exist before the first write ('revision' = last resourceVersion issued,
-- 'compacted' = newest revision compaction removed).
INSERT INTO "counters" ("name", "value") VALUES ('revision', 0), ('compacted', 0);
