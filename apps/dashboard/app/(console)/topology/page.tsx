import { TopologyMap } from '@/components/topology/TopologyMap.tsx';

export const metadata = { title: 'Topology · Wheelhouse' };

export default function TopologyPage() {
  return <TopologyMap />;
}
