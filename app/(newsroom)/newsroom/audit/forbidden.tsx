import { Refusal } from '@/components/workflow/refusal';

export default function AuditForbidden() {
  return <Refusal title="سجل التدقيق" message="سجل التدقيق متاح لمديري النظام فقط." />;
}
