import { describe, expect, it } from 'vitest';
import { auditActionLabel } from './labels';

describe('auditActionLabel', () => {
  it('names security events in Arabic', () => {
    expect(auditActionLabel('auth.sign_in')).toBe('تسجيل دخول');
    expect(auditActionLabel('auth.sign_in_failed')).toBe('محاولة دخول فاشلة');
    expect(auditActionLabel('user.role_change')).toBe('تغيير الدور');
    expect(auditActionLabel('user.disable')).toBe('إيقاف مستخدم');
  });

  it('names workflow events by their history label, with or without the article. prefix', () => {
    expect(auditActionLabel('publish')).toBe('نُشر');
    expect(auditActionLabel('article.unpublish')).toBe('أُلغي نشره');
  });

  it('shows an unknown action as it is', () => {
    expect(auditActionLabel('entity.renamed')).toBe('entity.renamed');
  });
});
