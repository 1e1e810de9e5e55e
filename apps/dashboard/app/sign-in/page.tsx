import { connection } from 'next/server';
import { SignInForm } from '@/components/auth/SignInForm.tsx';

export const metadata = { title: 'Sign in · Wheelhouse' };

export default async function SignInPage() {
  // Rendered per request, not at build time: the token's place follows this server's WHEELHOUSE_DATA_DIR.
  await connection();
  const tokenFile = `${process.env.WHEELHOUSE_DATA_DIR?.trim().replace(/\/+$/, '') || '.wheelhouse'}/admin-token`;
  return <SignInForm tokenFile={tokenFile} />;
}
