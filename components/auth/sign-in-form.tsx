'use client';

import { signIn } from 'next-auth/react';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { ERROR_CODES, type ErrorCode } from '@/lib/errors/codes';

function messageFor(code: string | null | undefined): string {
  const known = code && code in ERROR_CODES ? (code as ErrorCode) : 'invalid_credentials';
  return ERROR_CODES[known].message;
}

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    try {
      const result = await signIn('credentials', {
        email: String(form.get('email') ?? ''),
        password: String(form.get('password') ?? ''),
        redirect: false,
      });
      if (!result || result.error) {
        setError(messageFor(result?.error));
        return;
      }
      router.replace(callbackUrl);
      router.refresh();
    } catch {
      setError(ERROR_CODES.database_unavailable.message);
    } finally {
      setPending(false);
    }
  }

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <label>
        البريد الإلكتروني
        <input name="email" type="email" autoComplete="username" dir="ltr" required />
      </label>
      <label>
        كلمة المرور
        <input name="password" type="password" autoComplete="current-password" dir="ltr" required />
      </label>
      <button className="button" type="submit" disabled={pending}>
        {pending ? 'جارٍ الدخول…' : 'تسجيل الدخول'}
      </button>
    </form>
  );
}
