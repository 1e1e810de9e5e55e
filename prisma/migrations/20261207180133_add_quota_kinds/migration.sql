-- CreateTable
CREATE TABLE "resourcequotas" (
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

    CONSTRAINT "resourcequotas_pkey" PRIMARY KEY ("uid")
);

-- CreateTable
CREATE TABLE "limitranges" (
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

    CONSTRAINT "limitranges_pkey" PRIMARY KEY ("uid")
);

-- CreateIndex
CREATE INDEX "resourcequotas_labels_idx" ON "resourcequotas" USING GIN ("labels");

-- CreateIndex
CREATE UNIQUE INDEX "resourcequotas_namespace_name_key" ON "resourcequotas"("namespace", "name");

-- CreateIndex
CREATE INDEX "limitranges_labels_idx" ON "limitranges" USING GIN ("labels");

-- CreateIndex
CREATE UNIQUE INDEX "limitranges_namespace_name_key" ON "limitranges"("namespace", "name");
