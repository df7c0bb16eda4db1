import fs from 'node:fs';
import { renderToString } from 'react-dom/server';
import { renderToReadableStream } from 'react-dom/server.edge';
import ArticlePage from '../pages/articles/[slug]';
const props = JSON.parse(fs.readFileSync('/tmp/article-props.json', 'utf8'));
function t(name: string, f: () => unknown, n = 1000) {
  for (let i = 0; i < 200; i++) f();
  const s = performance.now();
  for (let i = 0; i < n; i++) f();
  console.log(name, ((performance.now() - s) / n).toFixed(3), 'ms');
}
t('renderToString page', () => renderToString(<ArticlePage {...props} />));
const small = { ...props, bodyHtml: '<p>x</p>', entities: [], notes: [] };
t('renderToString page, tiny body, no entities', () => renderToString(<ArticlePage {...small} />));
t('JSON.stringify props', () => JSON.stringify(props));
(async () => {
  const s = performance.now();
  for (let i = 0; i < 500; i++) { const st = await renderToReadableStream(<ArticlePage {...props} />); await new Response(st).text(); }
  console.log('edge stream', ((performance.now() - s) / 500).toFixed(3), 'ms');
})();
