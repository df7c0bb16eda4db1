import { NotFoundMessage } from '@/components/public/not-found-message';

/**
 * 404 inside the public layout (header, footer and its <main>): for unpublished sections, entities and pages past
 * the last. Unknown and unpublished articles get pages/404.tsx (the article page is a Pages Router page); addresses
 * that match no route at all get app/not-found.tsx, which has its own <main>.
 */
export default function PublicNotFound() {
  return <NotFoundMessage />;
}
