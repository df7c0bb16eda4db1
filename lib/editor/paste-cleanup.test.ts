// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { cleanPastedHtml } from './paste-cleanup';

const WORD_HTML = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta name=Generator content="Microsoft Word 15">
<style><!-- p.MsoNormal {font-family:"Calibri"} --></style><!--[if gte mso 9]><xml><o:OfficeDocumentSettings></o:OfficeDocumentSettings></xml><![endif]--></head>
<body lang=AR-IQ style='tab-interval:36.0pt'>
<!--StartFragment-->
<h1 dir=RTL style='mso-margin-top-alt:auto'><span lang=AR-SA style='font-family:"Arial",sans-serif;color:#2F5496'>عنوان رئيسي</span></h1>
<p class=MsoNormal dir=RTL style='text-align:right;direction:rtl'><b><span lang=AR-SA style='font-size:14.0pt;font-family:"Simplified Arabic"'>نص عريض</span></b><span lang=AR-SA> و<i>مائل</i> و<a href="https://example.com/x" style='color:red'>رابط</a><o:p></o:p></span></p>
<p class=MsoListParagraphCxSpFirst dir=RTL style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol'><span style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span></span><![endif]><span lang=AR-SA>البند الأول</span></p>
<p class=MsoListParagraphCxSpLast dir=RTL style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='mso-list:Ignore'>·<span>&nbsp;</span></span><![endif]><span lang=AR-SA>البند الثاني</span></p>
<p class=MsoListParagraphCxSpFirst style='mso-list:l1 level1 lfo2'><span style='mso-list:Ignore'>1.<span>&nbsp;</span></span>أولًا</p>
<p class=MsoListParagraphCxSpLast style='mso-list:l1 level1 lfo2'><span style='mso-list:Ignore'>2.<span>&nbsp;</span></span>ثانيًا</p>
<p class=MsoNormal dir=LTR style='direction:ltr'><span lang=EN-US>An English quote</span></p>
<script>alert(1)</script><img src=x onerror=alert(1)>
<!--EndFragment-->
</body></html>`;

describe('cleanPastedHtml', () => {
  it('keeps Word headings, bold, italic, links and lists; drops fonts, colours, classes, styles, scripts', () => {
    const html = cleanPastedHtml(WORD_HTML);
    expect(html).toContain('<h2>عنوان رئيسي</h2>');
    expect(html).toContain('<b>نص عريض</b>');
    expect(html).toContain('<i>مائل</i>');
    expect(html).toContain('<a href="https://example.com/x">رابط</a>');
    expect(html).toContain('<ul><li><p>البند الأول</p></li><li><p>البند الثاني</p></li></ul>');
    expect(html).toContain('<ol><li><p>أولًا</p></li><li><p>ثانيًا</p></li></ol>');
    expect(html).toContain('<p dir="ltr">An English quote</p>');
    expect(html).not.toMatch(/style=|class=|lang=|<script|<img|onerror|<o:p|mso|Calibri|<span|<meta|<font|·/);
  });

  it('unwraps the Google Docs wrapper and turns its styled spans into marks', () => {
    const html = cleanPastedHtml(
      '<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-1a2b3c"><h2 dir="rtl" style="line-height:1.38"><span style="font-size:16pt;font-family:Arial;color:#000000;font-weight:400">عنوان فرعي</span></h2>' +
        '<p dir="rtl"><span style="font-weight:700;font-family:Arial">عريض</span><span style="font-weight:400"> عادي </span><span style="font-style:italic">مائل</span> <span style="text-decoration:underline;-webkit-text-decoration-skip:none">مسطر</span> <span style="text-decoration:line-through">مشطوب</span></p>' +
        '<ul><li dir="rtl" style="list-style-type:disc"><p dir="rtl"><span>بند</span></p></li></ul></b>',
    );
    expect(html).toBe(
      '<h2>عنوان فرعي</h2><p><strong>عريض</strong> عادي <em>مائل</em> <u>مسطر</u> <s>مشطوب</s></p><ul><li><p>بند</p></li></ul>',
    );
  });

  it('maps heading levels to the two the articles use, and drops foreign elements', () => {
    expect(cleanPastedHtml('<h1>أ</h1><h4>ب</h4><h6>ج</h6><iframe src="x"></iframe><form><input></form><p>د</p>')).toBe(
      '<h2>أ</h2><h3>ب</h3><h3>ج</h3><p>د</p>',
    );
    expect(cleanPastedHtml('<p><font face="Arial" color="red">نص</font></p>')).toBe('<p>نص</p>');
  });
});
