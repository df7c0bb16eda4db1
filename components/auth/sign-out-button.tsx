'use client';

import { signOut } from 'next-auth/react';

export function SignOutButton() {
  return (
    <button type="button" className="button button--secondary" onClick={() => signOut({ callbackUrl: '/signin' })}>
      تسجيل الخروج
    </button>
  );
}
