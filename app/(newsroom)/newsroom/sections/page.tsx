import type { Metadata } from 'next';
import { SectionForm } from '@/components/editor/section-form';
import { requireActorForPage } from '@/lib/auth/current-user';
import { listSections } from '@/lib/data/sections';
import { createSection } from './actions';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'الأقسام' };

export default async function SectionsPage() {
  const actor = await requireActorForPage('/newsroom/sections');
  const sections = await listSections();
  return (
    <>
      <h1>أقسام الموقع</h1>
      <ul data-testid="sections-list">
        {sections.map((section) => (
          <li key={section.id}>{section.name}</li>
        ))}
      </ul>
      {actor.role === 'admin' ? (
        <SectionForm action={createSection} />
      ) : (
        <p>يضيف مديرو النظام الأقسام الجديدة.</p>
      )}
    </>
  );
}
