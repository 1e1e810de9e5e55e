import { CreateFromYaml } from '@/components/yaml/CreateFromYaml.tsx';

export const metadata = { title: 'Apply YAML · Wheelhouse' };

export default function ApplyPage() {
  return <CreateFromYaml />;
}
