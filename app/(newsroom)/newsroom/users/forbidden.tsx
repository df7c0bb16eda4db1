import { Refusal } from '@/components/workflow/refusal';

export default function UsersForbidden() {
  return <Refusal title="المستخدمون" />;
}
