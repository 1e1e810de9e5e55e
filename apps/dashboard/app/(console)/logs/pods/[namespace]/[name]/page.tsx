import { PodLogs } from '@/components/logs/PodLogs.tsx';

type Params = Promise<{ namespace: string; name: string }>;

export async function generateMetadata({ params }: { params: Params }) {
  return { title: `Logs of ${decodeURIComponent((await params).name)} · Wheelhouse` };
}

/** /logs/pods/<namespace>/<name>, the URL viewHref('logs', 'pods', …) makes. */
export default async function PodLogsPage({ params }: { params: Params }) {
  const { namespace, name } = await params;
  return <PodLogs key={`${namespace}/${name}`} namespace={decodeURIComponent(namespace)} name={decodeURIComponent(name)} />;
}
