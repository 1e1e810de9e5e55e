import { AppFrame } from '@/components/shell/AppFrame.tsx';

export default function ConsoleLayout({ children }: { children: React.ReactNode }) {
  return <AppFrame>{children}</AppFrame>;
}
