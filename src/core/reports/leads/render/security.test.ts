import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PdfRenderer } from '../../../render/browser';
import { pdfText, squash } from '../../../render/testing/pdf-tools';
import { leadReportMail } from './mail';
import { renderLeadReportHtml, renderLeadReportPdf } from './render';
import { neutraliseHtml } from './sanitize';
import { sampleLeadReport } from './sample-report';
import { slackSummary } from './slack';
import { HOSTILE_ID, HOSTILE_OUTCOME, hostileReport } from './testing/hostile';

/** A custom template that tries every way to run script or reach the network. */
function attackTemplate(base: string): string {
  return `<html><head>
<meta http-equiv="refresh" content="0;url=${base}/refresh">
<base href="${base}/">
<link rel="stylesheet" href="${base}/style.css">
<style>@import url("${base}/import.css"); .bg { background: url(${base}/bg.png); }</style>
<script>document.title = 'x'; document.body.innerHTML = 'SCRIPT' + ' RAN';</script>
</head><body>
<h1>Custom {{title}}</h1>
<p>STATIC TEXT for {{gym}}</p>
<img src="${base}/img.png" onerror="document.body.innerHTML = 'ONERROR' + ' RAN'">
<div class="bg" style="background-image: url('${base}/inline.png')">styled</div>
<iframe src="${base}/frame.html"></iframe>
<svg><image href="${base}/svg-image.png" /></svg>
<scr<script></script>ipt>document.body.innerHTML = 'NESTED' + ' RAN'</script>
<a href="javascript:alert(1)">js link</a>
<object data="${base}/object.swf"></object>
{{#each staff}}<p>{{{userId}}}</p>{{/each}}
{{#each report.calls.by_outcome}}<i>{{{@key}}}</i>{{/each}}
{{{gym}}}
{{{charts.hours}}}
</body></html>`;
}

describe('custom templates and hostile data are inert', () => {
  let renderer: PdfRenderer;
  let server: Server;
  let base = '';
  let port = 0;
  const hits: string[] = [];

  beforeAll(async () => {
    renderer = new PdfRenderer({ chromePath: null });
    server = createServer((req, res) => {
      hits.push(req.url ?? '');
      res.end('fetched');
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    port = (server.address() as AddressInfo).port;
    base = `http://127.0.0.1:${port}`;
  });
  afterAll(async () => {
    await renderer.close();
    await new Promise((done) => server.close(done));
  });

  it('a template with script, links, images, frames and CSS loads runs nothing and fetches nothing', async () => {
    hits.length = 0;
    const report = hostileReport(port);
    const opts = { kind: 'custom' as const, template: attackTemplate(base) };
    const html = renderLeadReportHtml(report, opts);

    // What previews and mail get: no script, no element that loads, no handler, no remote
    // URL in a tag (the hostile report strings are there as escaped text, `&lt;img …`;
    // sanitize.test.ts checks the parsed output against many more vectors).
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<(link|meta http-equiv="refresh"|base|iframe|object)\b/i);
    expect(html).not.toMatch(/<[^>]*\sonerror=/i);
    expect(html).not.toMatch(/<[^>]*\shref=["']?javascript:/i);
    expect(html).not.toMatch(/@import/i);
    expect(html).not.toMatch(new RegExp(`<[^>]*\\s(src|href)=["']?${base}`));
    expect(html).not.toMatch(new RegExp(`url\\(['"]?${base}`));
    // Our policy is the first thing in the head, before anything the template wrote.
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<html'));

    // Triple-stash prints report strings escaped all the same; our chart SVG stays a chart.
    expect(html).not.toContain(HOSTILE_ID);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;b&gt;bold&lt;/b&gt;{{x}}');
    expect(html).toContain('<svg role="img" aria-label="Calls by hour of day"');

    const pdf = await renderLeadReportPdf(renderer, report, opts);
    const text = await pdfText(pdf);
    expect(text).toContain('STATIC TEXT');
    expect(text).not.toMatch(/SCRIPT RAN|ONERROR RAN|NESTED RAN|fetched/);
    expect(squash(text)).toContain(squash(HOSTILE_ID));
    expect(hits).toEqual([]);
  });

  it('the same template printed raw (no neutralising) still cannot call out: the page itself is locked', async () => {
    hits.length = 0;
    const raw = attackTemplate(base).replace(/\{\{[^}]*\}\}\}?/g, '');
    const pdf = await renderer.renderPdf(raw);
    expect(await pdfText(pdf)).not.toMatch(/SCRIPT RAN|ONERROR RAN|NESTED RAN/);
    expect(hits).toEqual([]);
  });

  it('built-in templates print hostile ids and outcomes as text', async () => {
    hits.length = 0;
    const report = hostileReport(port);
    const html = renderLeadReportHtml(report, { kind: 'weekly' });
    expect(html).not.toContain(HOSTILE_ID);
    expect(html).not.toContain(HOSTILE_OUTCOME);
    const flat = squash(
      await pdfText(await renderLeadReportPdf(renderer, report, { kind: 'weekly' })),
    );
    expect(flat).toContain(squash(HOSTILE_ID));
    expect(flat).toContain(squash('<img src="http://127.0.0.1'));
    expect(hits).toEqual([]);
  });

  it('mail and Slack escape them too', () => {
    const report = hostileReport(port);
    const mail = leadReportMail(report);
    expect(mail.html).not.toContain(HOSTILE_ID);
    expect(mail.html).toContain('&lt;script&gt;');
    expect(mail.subject).not.toMatch(/[\r\n]/);
    const slack = JSON.stringify(slackSummary(report));
    expect(slack).not.toContain('<script>');
    expect(slack).toContain('&lt;script&gt;');
  });

  it('neutraliseHtml drops what loads or runs and keeps the rest of the element', () => {
    expect(neutraliseHtml('<img src="data:image/svg+xml,<svg onload=x>">')).toBe('<img />');
    expect(neutraliseHtml('<IMG SRC=x ONERROR=alert(1)>')).toBe('<img />');
    expect(neutraliseHtml(`<img alt=">" src="http://x/y">`)).toBe('<img alt="&gt;" />');
    expect(neutraliseHtml('<a href=" jav\tascript:alert(1)">x</a>')).toBe('<a>x</a>');
  });

  it('the preview of a sample report is the same document', () => {
    const html = renderLeadReportHtml(sampleLeadReport('daily'), {
      kind: 'custom',
      template: '<h1>{{title}}</h1><script>x()</script>',
    });
    expect(html).toContain('<h1>Daily lead report</h1>');
    expect(html).not.toContain('x()');
  });
});
