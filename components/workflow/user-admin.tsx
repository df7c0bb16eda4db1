'use client';

import { useRouter } from 'next/navigation';
import { useId, useState, useTransition, type FormEvent } from 'react';
import {
  changeUserRoleAction,
  createUserAction,
  resetUserPasswordAction,
  setUserDisabledAction,
} from '@/app/(newsroom)/newsroom/users/actions';
import type { ActionResult } from '@/lib/errors/app-error';
import { ROLE_LABELS } from '@/lib/workflow/labels';
import { ROLES, type Role } from '@/lib/workflow/states';

function describe<T>(result: ActionResult<T>): string | null {
  if (result.ok) return null;
  return [result.error.message, ...Object.values(result.error.fieldErrors ?? {}).flat()].join(' ');
}

export function CreateUserForm({ minPasswordLength }: { minPasswordLength: number }) {
  const router = useRouter();
  const ids = useId();
  const [values, setValues] = useState({ email: '', displayName: '', role: 'writer' as Role, password: '' });
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const set = (key: keyof typeof values) => (event: { target: { value: string } }) =>
    setValues((current) => ({ ...current, [key]: event.target.value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setDone(null);
    startTransition(async () => {
      const result = await createUserAction(values);
      const message = describe(result);
      if (message) {
        setError(message);
        return;
      }
      setDone(`أُنشئ حساب ${values.displayName}.`);
      setValues({ email: '', displayName: '', role: 'writer', password: '' });
      router.refresh();
    });
  }

  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`}>مستخدم جديد</h2>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      {done ? (
        <p className="form-success" role="status">
          {done}
        </p>
      ) : null}
      <label>
        الاسم
        <input value={values.displayName} onChange={set('displayName')} maxLength={100} required />
      </label>
      <label>
        البريد الإلكتروني
        <input type="email" value={values.email} onChange={set('email')} dir="ltr" maxLength={320} required />
      </label>
      <label>
        الدور
        <select value={values.role} onChange={set('role')}>
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {ROLE_LABELS[role]}
            </option>
          ))}
        </select>
      </label>
      <label>
        كلمة المرور ({minPasswordLength} أحرف على الأقل)
        <input type="password" value={values.password} onChange={set('password')} dir="ltr" autoComplete="new-password" minLength={minPasswordLength} required />
      </label>
      <button className="button" type="submit" disabled={pending}>
        إنشاء الحساب
      </button>
    </form>
  );
}

export function UserRowControls({ user, isSelf }: { user: { id: string; displayName: string; role: Role; disabled: boolean }; isSelf: boolean }) {
  const router = useRouter();
  const [role, setRole] = useState<Role>(user.role);
  const [password, setPassword] = useState('');
  const [message, setMessage] = useState<{ kind: 'error' | 'ok'; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const act = (work: () => Promise<ActionResult<null>>, ok: string) =>
    startTransition(async () => {
      const result = await work();
      const error = describe(result);
      if (error) {
        setMessage({ kind: 'error', text: error });
        return;
      }
      setMessage({ kind: 'ok', text: ok });
      setPassword('');
      router.refresh();
    });
  if (isSelf) return <span className="muted">حسابك</span>;
  return (
    <div className="user-controls">
      <label>
        الدور
        <select value={role} onChange={(event) => setRole(event.target.value as Role)} aria-label={`دور ${user.displayName}`}>
          {ROLES.map((value) => (
            <option key={value} value={value}>
              {ROLE_LABELS[value]}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        className="button button--small"
        disabled={pending || role === user.role}
        onClick={() => act(() => changeUserRoleAction({ userId: user.id, role }), `صار ${user.displayName} ${ROLE_LABELS[role]}.`)}
      >
        حفظ الدور
      </button>
      <button
        type="button"
        className="button button--secondary button--small"
        disabled={pending}
        onClick={() =>
          act(
            () => setUserDisabledAction({ userId: user.id, disabled: !user.disabled }),
            user.disabled ? `أُعيد تفعيل ${user.displayName}.` : `أُوقف حساب ${user.displayName}.`,
          )
        }
      >
        {user.disabled ? `تفعيل ${user.displayName}` : `إيقاف ${user.displayName}`}
      </button>
      <label>
        كلمة مرور جديدة
        <input
          type="password"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          dir="ltr"
          autoComplete="new-password"
          aria-label={`كلمة مرور جديدة لـ${user.displayName}`}
        />
      </label>
      <button
        type="button"
        className="button button--secondary button--small"
        disabled={pending || password === ''}
        onClick={() => act(() => resetUserPasswordAction({ userId: user.id, password }), `غُيّرت كلمة مرور ${user.displayName}.`)}
      >
        تعيين كلمة المرور
      </button>
      {message ? (
        <span role={message.kind === 'error' ? 'alert' : 'status'} className={message.kind === 'error' ? 'form-error' : 'form-success'}>
          {message.text}
        </span>
      ) : null}
    </div>
  );
}
