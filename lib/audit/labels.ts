import { EVENT_HISTORY_LABELS } from '@/lib/workflow/labels';
import { isWorkflowEvent } from '@/lib/workflow/states';

/** Arabic names of the audit trail's actions, for the admins' audit page. */
export const AUDIT_ACTION_LABELS: Readonly<Record<string, string>> = {
  'auth.sign_in': 'تسجيل دخول',
  'auth.sign_in_failed': 'محاولة دخول فاشلة',
  'auth.sessions_ended': 'إنهاء كل الجلسات',
  // The names lib/data/user-accounts.ts and lib/data/users-admin.ts write.
  'user.create': 'إنشاء مستخدم',
  'user.role_change': 'تغيير الدور',
  'user.disable': 'إيقاف مستخدم',
  'user.enable': 'إعادة تفعيل مستخدم',
  'user.password_reset': 'إعادة تعيين كلمة المرور',
  // lib/data/entities.ts and lib/data/revisions.ts.
  'entity.create': 'إضافة كيان',
  'entity.update': 'تعديل كيان',
  'entity.merge': 'دمج كيانين',
  'article.restore': 'استعادة نسخة سابقة',
};

/** Why a sign-in failed (details.reason). */
export const SIGN_IN_FAILURE_LABELS: Readonly<Record<string, string>> = {
  invalid_credentials: 'بريد أو كلمة مرور خاطئة',
  locked: 'رُفضت: محاولات كثيرة',
  account_disabled: 'حساب موقوف',
  account_locked: 'رُفضت: محاولات كثيرة',
};

/**
 * The Arabic label of an action: our own names above, workflow events by their history label (whether written
 * `publish` or `article.publish`), else the action name itself.
 */
export function auditActionLabel(action: string): string {
  const own = AUDIT_ACTION_LABELS[action];
  if (own) return own;
  const event = action.startsWith('article.') ? action.slice('article.'.length) : action;
  if (isWorkflowEvent(event)) return EVENT_HISTORY_LABELS[event];
  return action;
}
