import { Refusal } from '@/components/workflow/refusal';

/** The 403 page of the newsroom: a signed-in person whose role may not see the page (see components/workflow/refusal). */
export default function NewsroomForbidden() {
  return <Refusal title="لا يمكن فتح هذه الصفحة" />;
}
