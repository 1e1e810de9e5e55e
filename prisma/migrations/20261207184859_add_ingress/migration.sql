-- CreateTable
CREATE TABLE "ingresses" (
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
    "ingressClassName" TEXT,

    CONSTRAINT "ingresses_pkey" PRIMARY KEY ("uid")
);

-- CreateTable
CREATE TABLE "ingress_classes" (
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

    CONSTRAINT "ingress_classes_pkey" PRIMARY KEY ("uid")
);

-- CreateIndex
CREATE INDEX "ingresses_labels_idx" ON "ingresses" USING GIN ("labels");

-- CreateIndex
CREATE UNIQUE INDEX "ingresses_namespace_name_key" ON "ingresses"("namespace", "name");

-- CreateIndex
CREATE INDEX "ingress_classes_labels_idx" ON "ingress_classes" USING GIN ("labels");

-- CreateIndex
CREATE UNIQUE INDEX "ingress_classes_namespace_name_key" ON "ingress_classes"("namespace", "name");
