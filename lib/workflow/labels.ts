import type { ArticleState, Role, WorkflowEvent } from './states';

/** Status badges and filters. */
export const STATE_LABELS: Readonly<Record<ArticleState, string>> = {
  draft: 'مسودة',
  in_review: 'قيد المراجعة',
  changes_requested: 'مطلوب تعديلات',
  approved: 'معتمد',
  scheduled: 'مجدول للنشر',
  published: 'منشور',
  unpublished: 'أُلغي نشره',
};

/** Buttons (imperative). `publish_due` is never a button; its label names the automatic action. */
export const EVENT_LABELS: Readonly<Record<WorkflowEvent, string>> = {
  submit: 'إرسال للمراجعة',
  withdraw: 'سحب من المراجعة',
  request_changes: 'طلب تعديلات',
  approve: 'اعتماد',
  publish: 'نشر الآن',
  schedule: 'جدولة النشر',
  unschedule: 'إلغاء الجدولة',
  publish_due: 'النشر التلقائي في الموعد',
  unpublish: 'إلغاء النشر',
  publish_update: 'نشر التحديث',
  reopen: 'إعادة فتحه كمسودة',
};

/** The audit trail and notifications (past tense, about the article). */
export const EVENT_HISTORY_LABELS: Readonly<Record<WorkflowEvent, string>> = {
  submit: 'أُرسل إلى المراجعة',
  withdraw: 'سُحب من المراجعة',
  request_changes: 'طُلبت تعديلات',
  approve: 'اعتُمد',
  publish: 'نُشر',
  schedule: 'جُدول للنشر',
  unschedule: 'أُلغيت جدولته',
  publish_due: 'نُشر تلقائيًا في موعده',
  unpublish: 'أُلغي نشره',
  publish_update: 'نُشر تحديث له',
  reopen: 'أُعيد فتحه كمسودة',
};

export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  writer: 'كاتب',
  editor: 'محرر',
  admin: 'مدير',
};
