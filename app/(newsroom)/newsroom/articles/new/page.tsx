import type { Metadata } from 'next';
import { NewArticleForm } from '@/components/editor/new-article-form';
import { requireActorForPage } from '@/lib/auth/current-user';
import { listSections } from '@/lib/data/sections';
import { createArticle } from './actions';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'مقال جديد' };

export default async function NewArticlePage() {
  await requireActorForPage('/newsroom/articles/new');
  const sections = await listSections();
  return (
    <>
      <h1>مقال جديد</h1>
      <p>اكتب عنوانًا مبدئيًا إن شئت (يمكنك تغييره لاحقًا)، ثم ابدأ الكتابة. تُحفظ المسودة تلقائيًا أثناء الكتابة.</p>
      <NewArticleForm action={createArticle} sections={sections.map(({ id, name }) => ({ id, name }))} />
    </>
  );
}
