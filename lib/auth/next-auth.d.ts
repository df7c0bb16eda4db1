import type { Role } from '@/lib/workflow/states';

declare module 'next-auth' {
  interface User {
    role: Role;
    sessionVersion: number;
  }
  interface Session {
    user?: { id: string; role: Role; sessionVersion: number; name?: string | null; email?: string | null };
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    uid: string;
    role: Role;
    /** The user's session version at sign-in. */
    sv: number;
  }
}
