import { Overview } from '@/components/overview/Overview.tsx';

export const metadata = { title: 'Overview · Wheelhouse' };

export default function OverviewPage() {
  return <Overview />;
}
