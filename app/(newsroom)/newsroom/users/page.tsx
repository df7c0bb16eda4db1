import type { Metadata } from 'next';
import { forbidden } from 'next/navigation';
import { CreateUserForm, UserRowControls } from '@/components/workflow/user-admin';
import { requireActorForPage } from '@/lib/auth/current-user';
import { MIN_PASSWORD_LENGTH } from '@/lib/auth/password';
import { listUsersForActor } from '@/lib/data/users-admin';
import { isAppError } from '@/lib/errors';
import { ROLE_LABELS } from '@/lib/workflow/labels';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'المستخدمون' };

export default async function UsersPage() {
  const actor = await requireActorForPage('/newsroom/users');
  let people;
  try {
    people = await listUsersForActor(actor);
  } catch (error) {
    if (isAppError(error) && error.code === 'forbidden') forbidden();
    throw error;
  }
  return (
    <>
      <h1>المستخدمون</h1>
      <table className="table users-table">
        <thead>
          <tr>
            <th scope="col">الاسم</th>
            <th scope="col">البريد</th>
            <th scope="col">الدور</th>
            <th scope="col">الحالة</th>
            <th scope="col">إجراءات</th>
          </tr>
        </thead>
        <tbody>
          {people.map((user) => (
            <tr key={user.id} data-testid="user-row">
              <td>{user.displayName}</td>
              <td dir="ltr">{user.email}</td>
              <td>{ROLE_LABELS[user.role]}</td>
              <td>{user.disabled ? 'موقوف' : 'نشط'}</td>
              <td>
                <UserRowControls user={user} isSelf={user.id === actor.id} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <CreateUserForm minPasswordLength={MIN_PASSWORD_LENGTH} />
    </>
  );
}
