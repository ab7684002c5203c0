/** A small, working starting point for a new template; the fields are those core documents. */
export const STARTER_TEMPLATE = `<!doctype html>
<html>
<head>
<style>
  body { font-family: system-ui, sans-serif; color: #1f2933; margin: 24px; }
  h1 { font-size: 22px; margin: 0 0 4px; }
  .muted { color: #52606d; }
  table { border-collapse: collapse; margin-top: 16px; }
  td, th { padding: 4px 12px 4px 0; text-align: left; }
</style>
</head>
<body>
<h1>{{title}} · {{gym}}</h1>
<p class="muted">{{period.label}} ({{period.timezone}}) · {{branch}}</p>

<table>
  {{#each kpis}}
  <tr><th>{{label}}</th><td>{{value}}</td><td class="muted">{{detail}}</td></tr>
  {{/each}}
</table>

{{#if charts.hours}}<h2>Calls by hour</h2>{{{charts.hours}}}{{/if}}
</body>
</html>
`;
