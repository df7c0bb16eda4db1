import { Refusal } from '@/components/workflow/refusal';

export default function ReviewForbidden() {
  return <Refusal title="المراجعة" />;
}
