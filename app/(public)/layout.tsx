import type { ReactNode } from 'react';
import { PublicChrome } from '@/components/ui/public-chrome';
import { getSiteName } from '@/lib/config/site';

export default function PublicLayout({ children }: { children: ReactNode }) {
  return <PublicChrome siteName={getSiteName()}>{children}</PublicChrome>;
}
