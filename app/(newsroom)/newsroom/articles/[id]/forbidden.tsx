import { Refusal } from '@/components/workflow/refusal';

/** Another writer's article (the editor page and its preview below it). */
export default function ArticleForbidden() {
  return <Refusal title="لا يمكن فتح هذا المقال" />;
}
