import { SignInForm } from '@/components/auth/SignInForm.tsx';

export const metadata = { title: 'Sign in · Wheelhouse' };

export default function SignInPage() {
  return <SignInForm />;
}
