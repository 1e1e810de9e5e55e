-- CreateTable
CREATE TABLE "service_ip_allocations" (
    "ip" INET NOT NULL,
    "serviceUid" UUID NOT NULL,
    "namespace" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "service_ip_allocations_pkey" PRIMARY KEY ("ip")
);

-- CreateTable
CREATE TABLE "service_node_port_allocations" (
    "port" INTEGER NOT NULL,
    "serviceUid" UUID NOT NULL,
    "namespace" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "service_node_port_allocations_pkey" PRIMARY KEY ("port")
);

-- CreateIndex
CREATE INDEX "service_ip_allocations_serviceUid_idx" ON "service_ip_allocations"("serviceUid");

-- CreateIndex
CREATE INDEX "service_node_port_allocations_serviceUid_idx" ON "service_node_port_allocations"("serviceUid");

-- wh_service_allocations: the allocation rows follow the Service row in the same
-- transaction (wh_commit's), so an allocation is never lost or leaked by a crash and two
-- Services can never hold the same ClusterIP or NodePort: the primary keys refuse the
-- second, which is raised as WH422 with 'ip <addr>' or 'port <n>' for the API to retry
-- (a value it picked) or refuse (a value the user asked for).
CREATE OR REPLACE FUNCTION wh_service_allocations() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  v text;
BEGIN
  IF TG_OP = 'UPDATE' AND NEW."spec" IS NOT DISTINCT FROM OLD."spec" THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    DELETE FROM "service_ip_allocations" WHERE "serviceUid" = OLD."uid"
      AND (TG_OP = 'DELETE' OR "ip" NOT IN (SELECT x::inet FROM wh_service_ips(NEW."spec") AS x));
    DELETE FROM "service_node_port_allocations" WHERE "serviceUid" = OLD."uid"
      AND (TG_OP = 'DELETE' OR "port" NOT IN (SELECT x FROM wh_service_node_ports(NEW."spec") AS x));
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    FOR v IN SELECT x FROM wh_service_ips(NEW."spec") AS x LOOP
      INSERT INTO "service_ip_allocations" ("ip", "serviceUid", "namespace", "name")
      VALUES (v::inet, NEW."uid", NEW."namespace", NEW."name")
      ON CONFLICT ("ip") DO UPDATE SET "ip" = EXCLUDED."ip" WHERE "service_ip_allocations"."serviceUid" = EXCLUDED."serviceUid";
      IF NOT FOUND THEN
        RAISE EXCEPTION 'ip %', v USING ERRCODE = 'WH422';
      END IF;
    END LOOP;
    FOR v IN SELECT x::text FROM wh_service_node_ports(NEW."spec") AS x LOOP
      INSERT INTO "service_node_port_allocations" ("port", "serviceUid", "namespace", "name")
      VALUES (v::int, NEW."uid", NEW."namespace", NEW."name")
      ON CONFLICT ("port") DO UPDATE SET "port" = EXCLUDED."port" WHERE "service_node_port_allocations"."serviceUid" = EXCLUDED."serviceUid";
      IF NOT FOUND THEN
        RAISE EXCEPTION 'port %', v USING ERRCODE = 'WH422';
      END IF;
    END LOOP;
  END IF;
  RETURN NULL;
END;
$$;

-- The ClusterIPs a Service spec holds ('None' and '' hold none).
CREATE OR REPLACE FUNCTION wh_service_ips(spec jsonb) RETURNS SETOF text
LANGUAGE sql IMMUTABLE AS $$
  SELECT DISTINCT x FROM jsonb_array_elements_text(CASE WHEN jsonb_typeof(spec->'clusterIPs') = 'array' THEN spec->'clusterIPs' ELSE '[]'::jsonb END) AS x
  WHERE x NOT IN ('', 'None')
$$;

-- The NodePorts a Service spec holds: every port's nodePort and the healthCheckNodePort.
CREATE OR REPLACE FUNCTION wh_service_node_ports(spec jsonb) RETURNS SETOF int
LANGUAGE sql IMMUTABLE AS $$
  SELECT DISTINCT x FROM (
    SELECT (p->>'nodePort')::int AS x FROM jsonb_array_elements(CASE WHEN jsonb_typeof(spec->'ports') = 'array' THEN spec->'ports' ELSE '[]'::jsonb END) AS p
    UNION ALL SELECT (spec->>'healthCheckNodePort')::int
  ) AS ports WHERE x IS NOT NULL AND x <> 0
$$;

CREATE TRIGGER "services_allocations" AFTER INSERT OR UPDATE OR DELETE ON "services"
  FOR EACH ROW EXECUTE FUNCTION wh_service_allocations();
