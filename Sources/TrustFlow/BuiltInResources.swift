// Generated from Templates/ by the test BuiltInResourcesTests (run `make samples`); do not edit.
enum BuiltInResources {
    static let files: [String: String] = [
        "diff.html.mustache": #"""
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="{{generator.name}} {{generator.version}}">
<title>Changes: {{title}}</title>
<link rel="icon" href="data:,">
{{> style}}
</head>
<body>
<header>
<h1>Threat model changes: {{title}}</h1>
<p class="meta"><code>{{old}}</code> → <code>{{new}}</code>, compared by {{generator.name}} {{generator.version}}.</p>
{{#noChanges}}<p><strong>No changes</strong>: both versions describe the same model.</p>{{/noChanges}}
{{^noChanges}}<p><strong>{{counts.added}} added · {{counts.removed}} removed · {{counts.changed}} changed</strong></p>{{/noChanges}}
<p>Findings: <strong>{{findingsCounts.new}} new</strong>, {{findingsCounts.resolved}} resolved, {{findingsCounts.unchanged}} unchanged.</p>
</header>
<main>
<section id="diagrams">
<h2>Diagrams</h2>
<div class="views">
<input type="radio" name="view" id="view-diff" checked><label for="view-diff">Changes</label>
<input type="radio" name="view" id="view-before"><label for="view-before">Before</label>
<input type="radio" name="view" id="view-after"><label for="view-after">After</label>
<figure class="diagram view diff" aria-label="Changes">{{{diagrams.diff}}}</figure>
<figure class="diagram view before" aria-label="Before">{{{diagrams.before}}}</figure>
<figure class="diagram view after" aria-label="After">{{{diagrams.after}}}</figure>
</div>
</section>
<section id="changes">
<h2>What changed</h2>
{{#noChanges}}<p>Nothing.</p>{{/noChanges}}
{{#modelChanges}}
<p>Model {{field}}: {{old}}{{^old}}—{{/old}} → {{new}}{{^new}}—{{/new}}</p>
{{/modelChanges}}
{{#sections}}
<h3>{{title}} ({{count}})</h3>
<div class="scroll"><table>
<thead><tr><th>change</th><th>id</th><th>details</th></tr></thead>
<tbody>
{{#rows}}
<tr><td><span class="change {{change}}">{{change}}</span></td><td><code>{{id}}</code></td><td>{{details}}</td></tr>
{{/rows}}
</tbody>
</table></div>
{{/sections}}
</section>
<section id="findings">
<h2>Findings</h2>
<h3>New ({{findingsCounts.new}})</h3>
{{^newFindings}}<p>None.</p>{{/newFindings}}
<ul class="findings">
{{#newFindings}}
<li><span class="severity {{severity}}">{{severity}}</span> <strong>[{{rule}}] {{title}}</strong> — {{message}}<br><em>Remediation:</em> {{remediation}}</li>
{{/newFindings}}
</ul>
<h3>Resolved ({{findingsCounts.resolved}})</h3>
{{^resolvedFindings}}<p>None.</p>{{/resolvedFindings}}
<ul class="findings">
{{#resolvedFindings}}
<li><span class="severity {{severity}}">{{severity}}</span> <strong>[{{rule}}] {{title}}</strong> — {{message}}</li>
{{/resolvedFindings}}
</ul>
</section>
</main>
</body>
</html>

"""#,
        "partials/style.mustache": #"""
<style>
  :root { --ink: #1a1a1a; --muted: #5f6368; --line: #d0d7de; --band: #f6f8fa; --critical: #880e4f; --high: #c62828; --medium: #b34700; --low: #5f5f00; --ok: #1b5e20; }
  * { box-sizing: border-box; }
  body { margin: 0 auto; max-width: 1200px; padding: 1rem; color: var(--ink); font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; }
  h1 { font-size: 1.8rem; margin: .5rem 0; }
  h2 { font-size: 1.35rem; margin-top: 2rem; border-bottom: 1px solid var(--line); padding-bottom: .2rem; }
  h3 { font-size: 1.1rem; margin-top: 1.2rem; }
  p.meta, p.hint { color: var(--muted); font-size: .9rem; }
  nav ul { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .4rem 1rem; }
  nav a { color: #0b57d0; }
  code { font: .9em ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: var(--band); padding: 0 .2em; border-radius: 3px; }
  .scroll { overflow-x: auto; -webkit-overflow-scrolling: touch; }
  table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: .92rem; }
  th, td { border: 1px solid var(--line); padding: .35rem .5rem; text-align: left; vertical-align: top; }
  th { background: var(--band); }
  tr:target { outline: 3px solid #0b57d0; outline-offset: -3px; background: #e8f0fe; }
  figure.diagram { margin: 0; border: 1px solid var(--line); border-radius: 6px; padding: .5rem; background: #fff; overflow-x: auto; }
  figure.diagram svg { max-width: 100%; height: auto; display: block; margin: 0 auto; }
  .severity { font-weight: 700; text-transform: uppercase; font-size: .8rem; letter-spacing: .03em; }
  .severity.critical { color: var(--critical); } .severity.high { color: var(--high); }
  .severity.medium { color: var(--medium); } .severity.low { color: var(--low); }
  .status.mitigated { color: var(--ok); } .status.partial { color: var(--medium); } .status.unmitigated { color: var(--high); font-weight: 700; }
  .change.added { color: #1b873f; font-weight: 700; } .change.removed { color: #c62828; font-weight: 700; } .change.changed { color: #1565c0; font-weight: 700; }
  ul.findings { padding-left: 1.2rem; } ul.findings li { margin-bottom: .6rem; }
  .views > input { position: absolute; opacity: 0; }
  .views > label { display: inline-block; padding: .3rem .8rem; border: 1px solid var(--line); border-radius: 4px; cursor: pointer; margin: 0 .3rem .5rem 0; }
  .views > input:checked + label { background: #0b57d0; color: #fff; border-color: #0b57d0; }
  .views > input:focus-visible + label { outline: 2px solid #0b57d0; outline-offset: 2px; }
  .views .view { display: none; }
  #view-diff:checked ~ .view.diff, #view-before:checked ~ .view.before, #view-after:checked ~ .view.after { display: block; }
  @media (max-width: 700px) { body { padding: .5rem; font-size: 14px; } h1 { font-size: 1.4rem; } th, td { padding: .25rem .35rem; } }
  @media print {
    nav, p.hint, .views > label, .views > input { display: none; }
    body { max-width: none; font-size: 11pt; }
    .views .view { display: block; page-break-inside: avoid; }
    h2 { page-break-after: avoid; } tr { page-break-inside: avoid; }
    a { color: inherit; text-decoration: none; }
  }
</style>

"""#,
        "report.html.mustache": #"""
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="{{generator.name}} {{generator.version}}">
<title>{{title}} — threat model</title>
<link rel="icon" href="data:,">
{{> style}}
</head>
<body>
<header>
<h1>{{title}}</h1>
{{#description}}<p>{{description}}</p>{{/description}}
<p class="meta">Threat model generated by {{generator.name}} {{generator.version}} from <code>{{file}}</code>.</p>
</header>
<nav aria-label="Contents"><ul>
<li><a href="#diagram">Diagram</a></li>{{#diagram.matrix}}<li><a href="#matrix">Flows between {{diagram.matrixLevel}}s</a></li>{{/diagram.matrix}}{{#diagram.reachability}}<li><a href="#reachability">Reachability in the cluster</a></li>{{/diagram.reachability}}<li><a href="#summary">Summary</a></li><li><a href="#findings">Findings</a></li>
{{#summary.hasAccepted}}<li><a href="#accepted">Accepted risks</a></li>{{/summary.hasAccepted}}
<li><a href="#boundaries">Boundaries</a></li><li><a href="#elements">Elements</a></li><li><a href="#flows">Data flows</a></li>
<li><a href="#stride">STRIDE</a></li><li><a href="#threat-actors">Threat actors</a></li>
</ul></nav>
<main>
<section id="diagram">
<h2>Diagram</h2>
<figure class="diagram">{{{diagram.svg}}}</figure>
<p class="hint">Select a boundary, element, flow or threat actor in the diagram to jump to its row below.</p>
</section>

{{#diagram.matrix}}
<section id="matrix">
<h2>Flows between {{diagram.matrixLevel}}s</h2>
<figure class="diagram">{{{diagram.matrix}}}</figure>
<p class="hint">Each row sends to each column. Select a row to jump to its boundary, a cell to its first flow.</p>
</section>
{{/diagram.matrix}}
{{#diagram.reachability}}

<section id="reachability">
<h2>Reachability in the cluster</h2>
<p>What the NetworkPolicies of the manifests allow between {{diagram.reachabilityLevel}}s, against the flows this model declares. <code>trustflow drift</code> explains every cell.</p>
<figure class="diagram">{{{diagram.reachability}}}</figure>
</section>
{{/diagram.reachability}}

<section id="summary">
<h2>Summary</h2>
<div class="scroll"><table>
<tr><th scope="row">Trust boundaries</th><td>{{summary.boundaries}}</td></tr>
<tr><th scope="row">Elements</th><td>{{summary.elements}}</td></tr>
<tr><th scope="row">Data flows</th><td>{{summary.flows}} ({{summary.crossingFlows}} cross a boundary)</td></tr>
<tr><th scope="row">Threat actors</th><td>{{summary.threatActors}}</td></tr>
<tr><th scope="row">Open findings</th><td>{{summary.findings}}: {{summary.critical}} critical, {{summary.high}} high, {{summary.medium}} medium, {{summary.low}} low</td></tr>
<tr><th scope="row">Accepted risks</th><td>{{summary.accepted}}</td></tr>
</table></div>
</section>

<section id="findings">
<h2>Findings</h2>
{{^findings.bySeverity}}<p>No open findings.</p>{{/findings.bySeverity}}
{{#findings.bySeverity}}
<h3><span class="severity {{severity}}">{{severity}}</span> ({{count}})</h3>
<ul class="findings">
{{#findings}}
<li><span class="severity {{severity}}">{{severity}}</span> <strong>[{{rule}}] {{title}}</strong> — {{message}}
({{#target.anchor}}<a href="#{{target.anchor}}">{{target.label}}</a>{{/target.anchor}}{{^target.anchor}}{{target.label}}{{/target.anchor}}, <code>{{path}}</code>{{#line}}, line {{line}}{{/line}})<br>
<em>Remediation:</em> {{remediation}}</li>
{{/findings}}
</ul>
{{/findings.bySeverity}}
</section>

{{#summary.hasAccepted}}
<section id="accepted">
<h2>Accepted risks</h2>
<div class="scroll"><table>
<thead><tr><th>rule</th><th>about</th><th>severity</th><th>finding</th><th>reason</th><th>until</th></tr></thead>
<tbody>
{{#accepted}}
<tr><td>{{rule}}</td><td>{{#target.anchor}}<a href="#{{target.anchor}}">{{target.label}}</a>{{/target.anchor}}{{^target.anchor}}{{target.label}}{{/target.anchor}}</td><td><span class="severity {{severity}}">{{severity}}</span></td><td>{{message}}</td><td>{{reason}}</td><td>{{until}}{{^until}}—{{/until}}</td></tr>
{{/accepted}}
</tbody>
</table></div>
</section>
{{/summary.hasAccepted}}

<section id="boundaries">
<h2>Trust boundaries</h2>
<div class="scroll"><table>
<thead><tr><th>id</th><th>kind</th><th>name</th><th>inside</th><th>controls</th><th>description</th></tr></thead>
<tbody>
{{#boundaries}}
<tr id="{{anchor}}"><td><code>{{id}}</code></td><td>{{kind}}</td><td>{{label}}</td><td>{{#parent}}<a href="#{{anchor}}">{{label}}</a>{{/parent}}{{^parent}}—{{/parent}}</td><td>{{controlsText}}{{^controlsText}}—{{/controlsText}}</td><td>{{description}}</td></tr>
{{/boundaries}}
</tbody>
</table></div>
</section>

<section id="elements">
<h2>Elements</h2>
<div class="scroll"><table>
<thead><tr><th>id</th><th>kind</th><th>name</th><th>technology</th><th>boundary</th><th>controls</th><th>description</th></tr></thead>
<tbody>
{{#elements}}
<tr id="{{anchor}}"><td><code>{{id}}</code></td><td>{{kind}}</td><td>{{#url}}<a href="{{url}}">{{label}}</a>{{/url}}{{^url}}{{label}}{{/url}}</td><td>{{technology}}</td><td>{{#boundary}}<a href="#{{anchor}}">{{label}}</a>{{/boundary}}{{^boundary}}—{{/boundary}}</td><td>{{controlsText}}{{^controlsText}}—{{/controlsText}}</td><td>{{description}}</td></tr>
{{/elements}}
</tbody>
</table></div>
</section>

<section id="flows">
<h2>Data flows</h2>
<div class="scroll"><table>
<thead><tr><th>#</th><th>from → to</th><th>what</th><th>protocol</th><th>encryption</th><th>authentication</th><th>data</th><th>crosses</th><th>controls</th></tr></thead>
<tbody>
{{#flows}}
<tr id="{{anchor}}"><td>{{number}}</td><td><a href="#{{from.anchor}}">{{from.label}}</a> {{#bidirectional}}↔{{/bidirectional}}{{^bidirectional}}→{{/bidirectional}} <a href="#{{to.anchor}}">{{to.label}}</a></td><td>{{label}}</td><td>{{endpoint}}</td><td>{{encryption}}</td><td>{{authentication}}</td><td>{{dataText}}{{#classification}} ({{classification}}){{/classification}}</td><td>{{#crossed}}<a href="#{{anchor}}">{{kind}} {{label}}</a><br>{{/crossed}}{{^crossed}}—{{/crossed}}</td><td>{{controlsText}}{{^controlsText}}—{{/controlsText}}</td></tr>
{{/flows}}
</tbody>
</table></div>
</section>

<section id="stride">
<h2>STRIDE per interaction</h2>
{{^stride}}<p>No flow crosses a trust boundary.</p>{{/stride}}
{{#stride}}
<h3>Flow <a href="#{{anchor}}">{{number}}</a>: {{from.label}} → {{to.label}}{{#label}} ({{label}}){{/label}}</h3>
<div class="scroll"><table>
<thead><tr><th>threat</th><th>status</th><th>mitigations</th><th>missing</th></tr></thead>
<tbody>
{{#threats}}
<tr><td>{{title}}</td><td><span class="status {{status}}">{{status}}</span></td><td>{{mitigationsText}}{{^mitigationsText}}—{{/mitigationsText}}</td><td>{{missingText}}{{^missingText}}—{{/missingText}}</td></tr>
{{/threats}}
</tbody>
</table></div>
{{/stride}}
</section>

<section id="threat-actors">
<h2>Threat actors</h2>
{{^threatActors}}<p>None modelled.</p>{{/threatActors}}
<div class="scroll"><table>
<thead><tr><th>name</th><th>kind</th><th>stands in</th><th>targets</th><th>description</th></tr></thead>
<tbody>
{{#threatActors}}
<tr id="{{anchor}}"><td>{{label}}</td><td>{{kind}}</td><td>{{#boundary}}<a href="#{{anchor}}">{{label}}</a>{{/boundary}}{{^boundary}}outside every boundary{{/boundary}}</td><td>{{#targets}}<a href="#{{anchor}}">{{label}}</a><br>{{/targets}}</td><td>{{description}}</td></tr>
{{/threatActors}}
</tbody>
</table></div>
</section>
</main>
</body>
</html>

"""#,
        "report.md.mustache": #"""
# {{title}}

{{#description}}
{{description}}

{{/description}}
_Threat model generated by {{generator.name}} {{generator.version}} from {{file}}._

{{#diagram.image}}
![Data-flow diagram of {{title}}]({{diagram.image}})

{{/diagram.image}}
## Summary

| | |
|---|---|
| Trust boundaries | {{summary.boundaries}} |
| Elements | {{summary.elements}} |
| Data flows | {{summary.flows}} ({{summary.crossingFlows}} cross a boundary) |
| Threat actors | {{summary.threatActors}} |
| Findings | {{summary.findings}} ({{summary.critical}} critical, {{summary.high}} high, {{summary.medium}} medium, {{summary.low}} low) |
| Accepted risks | {{summary.accepted}} |

## Findings

{{^findings.bySeverity}}
No open findings.

{{/findings.bySeverity}}
{{#findings.bySeverity}}
### {{severity}} ({{count}})

{{#findings}}
- **[{{rule}}] {{title}}** — {{message}} ({{path}}{{#line}}, line {{line}}{{/line}})
  _Remediation:_ {{remediation}}
{{/findings}}

{{/findings.bySeverity}}
{{#summary.hasAccepted}}
## Accepted risks

| rule | about | severity | reason | until |
|---|---|---|---|---|
{{#accepted}}
| {{rule}} | {{target.label}} | {{severity}} | {{reason}} | {{until}}{{^until}}—{{/until}} |
{{/accepted}}

{{/summary.hasAccepted}}
## Trust boundaries

| id | kind | name | inside | controls |
|---|---|---|---|---|
{{#boundaries}}
| {{id}} | {{kind}} | {{label}} | {{parent.label}}{{^parent}}—{{/parent}} | {{controlsText}}{{^controlsText}}—{{/controlsText}} |
{{/boundaries}}

## Elements

| id | kind | name | technology | boundary | controls |
|---|---|---|---|---|---|
{{#elements}}
| {{id}} | {{kind}} | {{label}} | {{technology}}{{^technology}}—{{/technology}} | {{boundary.label}}{{^boundary}}—{{/boundary}} | {{controlsText}}{{^controlsText}}—{{/controlsText}} |
{{/elements}}

## Data flows

| # | from → to | what | protocol | encryption | authentication | data | crosses | controls |
|---|---|---|---|---|---|---|---|---|
{{#flows}}
| {{number}} | {{from.label}} {{#bidirectional}}↔{{/bidirectional}}{{^bidirectional}}→{{/bidirectional}} {{to.label}} | {{label}}{{^label}}—{{/label}} | {{endpoint}}{{^endpoint}}—{{/endpoint}} | {{encryption}} | {{authentication}} | {{dataText}}{{^dataText}}—{{/dataText}}{{#classification}} ({{classification}}){{/classification}} | {{crossedText}}{{^crossedText}}—{{/crossedText}} | {{controlsText}}{{^controlsText}}—{{/controlsText}} |
{{/flows}}

## STRIDE per interaction

{{^stride}}
No flow crosses a trust boundary.
{{/stride}}
{{#stride}}
### Flow {{number}}: {{from.label}} → {{to.label}}{{#label}} ({{label}}){{/label}}

| threat | status | mitigations | missing |
|---|---|---|---|
{{#threats}}
| {{title}} | {{status}} | {{mitigationsText}}{{^mitigationsText}}—{{/mitigationsText}} | {{missingText}}{{^missingText}}—{{/missingText}} |
{{/threats}}

{{/stride}}
## Threat actors

{{^threatActors}}
None modelled.
{{/threatActors}}
{{#threatActors}}
- **{{label}}** ({{kind}}){{#boundary}}, inside {{boundary.label}}{{/boundary}}{{#targetsText}} — targets {{targetsText}}{{/targetsText}}{{#description}}. {{description}}{{/description}}
{{/threatActors}}

"""#,
        "themes/colorblind.json": #"""
{
  "name": "colorblind",
  "colors": { "text": "#000000", "mutedText": "#4d4d4d", "controlText": "#005a8c", "background": "#ffffff" },
  "boundaries": {
    "cluster": { "line": "#0072b2", "fill": "#f2f8fc" },
    "node": { "line": "#4d4d4d", "fill": "#f5f5f5" },
    "namespace": { "line": "#009e73", "fill": "#f0faf7" },
    "pod": { "line": "#cc79a7", "fill": "#fcf4f8" },
    "container": { "line": "#e69f00", "fill": "#fffaf0" },
    "network": { "line": "#56b4e9", "fill": "#f2f9fd" },
    "generic": { "line": "#808080", "fill": "#fafafa" }
  },
  "elements": {
    "actor": { "line": "#000000", "fill": "#fff7e0" },
    "process": { "line": "#0072b2", "fill": "#e6f2fa" },
    "datastore": { "line": "#000000", "fill": "#eeeeee" },
    "external": { "line": "#4d4d4d", "fill": "#f5f5f5" }
  },
  "threatActor": { "line": "#d55e00", "fill": "#fdf0e8" },
  "flows": {
    "mtls": { "color": "#009e73", "marker": "mTLS ══" },
    "tls": { "color": "#0072b2", "marker": "TLS ──" },
    "unencrypted": { "color": "#d55e00", "arrowhead": "vee", "marker": "⚠ UNENCRYPTED ━━" },
    "unknown": { "color": "#e69f00", "arrowhead": "odot", "marker": "? encryption unknown ┈┈" }
  },
  "attack": { "color": "#d55e00", "arrowhead": "tee" },
  "findings": { "critical": "#cc79a7", "high": "#d55e00", "medium": "#e69f00", "low": "#56b4e9" },
  "diff": { "added": "#0072b2", "removed": "#d55e00", "changed": "#cc79a7" }
}

"""#,
        "themes/default.json": #"""
{
  "name": "default",
  "font": { "family": "DejaVu Sans, Bitstream Vera Sans, Verdana, sans-serif", "titleSize": 18, "size": 11, "edgeSize": 9, "smallSize": 8 },
  "colors": { "text": "#1a1a1a", "mutedText": "#5f6368", "controlText": "#1b5e20", "background": "#ffffff" },
  "boundaries": {
    "cluster": { "line": "#0d47a1", "fill": "#f5f8fd", "style": "bold", "width": 2.5, "rounded": true },
    "node": { "line": "#455a64", "fill": "#f5f5f5", "style": "solid", "width": 1.6, "rounded": false },
    "namespace": { "line": "#2e7d32", "fill": "#f3faf3", "style": "dashed", "width": 1.6, "rounded": true },
    "pod": { "line": "#6a1b9a", "fill": "#fbf6fd", "style": "solid", "width": 1.2, "rounded": true },
    "container": { "line": "#e65100", "fill": "#fffaf5", "style": "dotted", "width": 1.4, "rounded": false },
    "network": { "line": "#00838f", "fill": "#f2fbfc", "style": "dashed", "width": 2, "rounded": false },
    "generic": { "line": "#757575", "fill": "#fafafa", "style": "dashed", "width": 1, "rounded": false }
  },
  "elements": {
    "actor": { "shape": "box", "line": "#5d4037", "fill": "#fff8e1", "style": "solid", "width": 1.4, "peripheries": 1, "rounded": false },
    "process": { "shape": "ellipse", "line": "#1565c0", "fill": "#e3f2fd", "style": "solid", "width": 1.4, "peripheries": 1, "rounded": false },
    "datastore": { "shape": "open-rectangle", "line": "#37474f", "fill": "#eceff1", "style": "solid", "width": 2, "peripheries": 1, "rounded": false },
    "external": { "shape": "box", "line": "#424242", "fill": "#f5f5f5", "style": "solid", "width": 1, "peripheries": 2, "rounded": false }
  },
  "threatActor": { "shape": "octagon", "line": "#b71c1c", "fill": "#ffebee", "style": "dashed", "width": 1.6, "peripheries": 1, "rounded": false },
  "flows": {
    "mtls": { "color": "#1b5e20", "style": "solid", "width": 1.2, "double": true, "arrowhead": "normal", "marker": "mTLS" },
    "tls": { "color": "#2e7d32", "style": "solid", "width": 1.4, "double": false, "arrowhead": "normal", "marker": "TLS" },
    "unencrypted": { "color": "#c62828", "style": "bold", "width": 2.4, "double": false, "arrowhead": "normal", "marker": "⚠ unencrypted" },
    "unknown": { "color": "#ef6c00", "style": "dotted", "width": 1.8, "double": false, "arrowhead": "normal", "marker": "? encryption unknown" }
  },
  "attack": { "color": "#b71c1c", "style": "dashed", "width": 1.4, "double": false, "arrowhead": "vee", "marker": "attacks" },
  "findings": { "critical": "#880e4f", "high": "#d50000", "medium": "#e65100", "low": "#827717" },
  "diff": { "added": "#1b873f", "removed": "#c62828", "changed": "#1565c0" }
}

"""#,
        "themes/mono.json": #"""
{
  "name": "mono",
  "colors": { "text": "#000000", "mutedText": "#444444", "controlText": "#000000", "background": "#ffffff" },
  "boundaries": {
    "cluster": { "line": "#000000", "fill": "#ffffff" },
    "node": { "line": "#000000", "fill": "#ffffff" },
    "namespace": { "line": "#000000", "fill": "#ffffff" },
    "pod": { "line": "#000000", "fill": "#ffffff" },
    "container": { "line": "#000000", "fill": "#ffffff" },
    "network": { "line": "#000000", "fill": "#ffffff" },
    "generic": { "line": "#555555", "fill": "#ffffff" }
  },
  "elements": {
    "actor": { "line": "#000000", "fill": "#ffffff" },
    "process": { "line": "#000000", "fill": "#ffffff" },
    "datastore": { "line": "#000000", "fill": "#ffffff" },
    "external": { "line": "#000000", "fill": "#ffffff" }
  },
  "threatActor": { "line": "#000000", "fill": "#eeeeee" },
  "flows": {
    "mtls": { "color": "#000000" },
    "tls": { "color": "#000000" },
    "unencrypted": { "color": "#000000", "width": 3 },
    "unknown": { "color": "#000000" }
  },
  "attack": { "color": "#000000" },
  "findings": { "critical": "#000000", "high": "#000000", "medium": "#333333", "low": "#555555" },
  "diff": { "added": "#000000", "removed": "#000000", "changed": "#000000" }
}

"""#,
        "trustflow.schema.json": #"""
{
  "$defs" : {
    "acceptedRisk" : {
      "additionalProperties" : false,
      "description" : "A finding the owners have accepted, by rule and target.",
      "properties" : {
        "reason" : {
          "$ref" : "#/$defs/reason",
          "description" : "Why the risk is accepted; shown in reports."
        },
        "rule" : {
          "$ref" : "#/$defs/label",
          "description" : "A rule id, e.g. TF103."
        },
        "target" : {
          "$ref" : "#/$defs/id",
          "description" : "The id of the boundary, element, flow or threat actor the finding is about."
        },
        "until" : {
          "description" : "Last day the acceptance holds (YYYY-MM-DD).",
          "format" : "date",
          "pattern" : "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
          "type" : "string"
        }
      },
      "required" : [
        "rule",
        "target",
        "reason"
      ],
      "type" : "object"
    },
    "boundary" : {
      "additionalProperties" : false,
      "description" : "A trust boundary, drawn as a cluster.",
      "properties" : {
        "controls" : {
          "description" : "ids of controls",
          "items" : {
            "$ref" : "#/$defs/id"
          },
          "maxItems" : 50000,
          "type" : "array"
        },
        "description" : {
          "$ref" : "#/$defs/text"
        },
        "id" : {
          "$ref" : "#/$defs/id"
        },
        "k8s" : {
          "$ref" : "#/$defs/kubernetesReference",
          "description" : "The Kubernetes object the boundary stands for."
        },
        "kind" : {
          "description" : "The kind of trust boundary; decides its style and rules.",
          "enum" : [
            "cluster",
            "node",
            "namespace",
            "pod",
            "container",
            "network",
            "generic"
          ],
          "type" : "string"
        },
        "label" : {
          "$ref" : "#/$defs/label",
          "description" : "Display name; defaults to id."
        },
        "parent" : {
          "$ref" : "#/$defs/id",
          "description" : "The enclosing boundary; absent for a top-level boundary."
        }
      },
      "required" : [
        "id",
        "kind"
      ],
      "type" : "object"
    },
    "control" : {
      "additionalProperties" : false,
      "description" : "A security control.",
      "properties" : {
        "description" : {
          "$ref" : "#/$defs/text"
        },
        "id" : {
          "$ref" : "#/$defs/id"
        },
        "kind" : {
          "anyOf" : [
            {
              "enum" : [
                "dedicated-cluster",
                "vpc-segregation",
                "node-hardening",
                "kubelet-auth",
                "os-patching",
                "host-firewall",
                "ssh-restriction",
                "rbac",
                "network-policy",
                "pod-security",
                "apparmor",
                "seccomp",
                "minimal-image",
                "read-only-root",
                "non-root",
                "tls-termination",
                "certificate-validation",
                "authentication",
                "authorization",
                "api-token",
                "oauth",
                "mtls",
                "request-validation",
                "least-privilege",
                "encryption-at-rest",
                "rate-limiting",
                "audit-logging",
                "secrets-management",
                "waf",
                "privileged",
                "host-network",
                "host-pid",
                "host-ipc",
                "host-path",
                "service-account-token",
                "unpinned-image",
                "latest-image",
                "no-resource-limits",
                "plaintext-secret"
              ]
            },
            {
              "$ref" : "#/$defs/label"
            }
          ],
          "description" : "What the control does. Rules recognise the known kinds; any other text is accepted."
        },
        "label" : {
          "$ref" : "#/$defs/label",
          "description" : "Display name; defaults to id."
        }
      },
      "required" : [
        "id",
        "kind"
      ],
      "type" : "object"
    },
    "element" : {
      "additionalProperties" : false,
      "description" : "A user, service, data store or external system.",
      "properties" : {
        "boundary" : {
          "$ref" : "#/$defs/id",
          "description" : "The innermost boundary containing the element; absent means outside every boundary."
        },
        "controls" : {
          "description" : "ids of controls",
          "items" : {
            "$ref" : "#/$defs/id"
          },
          "maxItems" : 50000,
          "type" : "array"
        },
        "description" : {
          "$ref" : "#/$defs/text"
        },
        "id" : {
          "$ref" : "#/$defs/id"
        },
        "k8s" : {
          "$ref" : "#/$defs/kubernetesReference",
          "description" : "The Kubernetes object (and container) the element stands for."
        },
        "kind" : {
          "description" : "actor (a person), process (service, API, proxy), datastore (database, bucket, queue), external (a system outside your control).",
          "enum" : [
            "actor",
            "process",
            "datastore",
            "external"
          ],
          "type" : "string"
        },
        "label" : {
          "$ref" : "#/$defs/label",
          "description" : "Display name; defaults to id."
        },
        "technology" : {
          "$ref" : "#/$defs/label",
          "description" : "Shown under the label, e.g. nginx."
        },
        "url" : {
          "$ref" : "#/$defs/url"
        }
      },
      "required" : [
        "id",
        "kind"
      ],
      "type" : "object"
    },
    "flow" : {
      "additionalProperties" : false,
      "description" : "A directed data flow between two elements.",
      "properties" : {
        "authentication" : {
          "description" : "How the receiver authenticates the sender; absent means unknown.",
          "enum" : [
            "none",
            "password",
            "api-token",
            "session",
            "oauth",
            "oidc",
            "mtls",
            "certificate",
            "service-account",
            "two-factor"
          ],
          "type" : "string"
        },
        "bidirectional" : {
          "description" : "Data moves both ways; default false.",
          "type" : "boolean"
        },
        "classification" : {
          "description" : "Sensitivity of the data.",
          "enum" : [
            "public",
            "internal",
            "confidential",
            "restricted"
          ],
          "type" : "string"
        },
        "controls" : {
          "description" : "ids of controls",
          "items" : {
            "$ref" : "#/$defs/id"
          },
          "maxItems" : 50000,
          "type" : "array"
        },
        "data" : {
          "description" : "Data carried, e.g. credentials, pii.",
          "items" : {
            "$ref" : "#/$defs/label"
          },
          "maxItems" : 50000,
          "type" : "array"
        },
        "description" : {
          "$ref" : "#/$defs/text"
        },
        "encryption" : {
          "description" : "Transport encryption; absent means unknown, which rules treat as missing.",
          "enum" : [
            "none",
            "tls",
            "mtls"
          ],
          "type" : "string"
        },
        "from" : {
          "$ref" : "#/$defs/id",
          "description" : "The element the data leaves."
        },
        "id" : {
          "$ref" : "#/$defs/id",
          "description" : "Defaults to FROM-to-TO (then -2, -3 for repeats in file order)."
        },
        "label" : {
          "$ref" : "#/$defs/label",
          "description" : "What moves, e.g. HTTPS request."
        },
        "port" : {
          "description" : "Port, 1–65535.",
          "maximum" : 65535,
          "minimum" : 1,
          "type" : "integer"
        },
        "protocol" : {
          "$ref" : "#/$defs/label",
          "description" : "HTTPS, gRPC, MySQL, …"
        },
        "to" : {
          "$ref" : "#/$defs/id",
          "description" : "The element the data reaches."
        }
      },
      "required" : [
        "from",
        "to"
      ],
      "type" : "object"
    },
    "id" : {
      "description" : "An id: a letter, then up to 63 letters, digits, _, . or -; unique across the model.",
      "pattern" : "^[A-Za-z][A-Za-z0-9_.-]{0,63}$",
      "type" : "string"
    },
    "kubernetesReference" : {
      "additionalProperties" : false,
      "description" : "The Kubernetes object a boundary or element stands for.",
      "properties" : {
        "container" : {
          "$ref" : "#/$defs/title",
          "description" : "A container of the workload."
        },
        "kind" : {
          "description" : "The object kind as manifests spell it, or Cluster for a cluster boundary.",
          "enum" : [
            "Cluster",
            "Namespace",
            "Deployment",
            "StatefulSet",
            "DaemonSet",
            "ReplicaSet",
            "ReplicationController",
            "Job",
            "CronJob",
            "Pod",
            "Service",
            "Ingress"
          ],
          "type" : "string"
        },
        "name" : {
          "$ref" : "#/$defs/title",
          "description" : "The object's name; for Cluster, the cluster's name."
        },
        "namespace" : {
          "$ref" : "#/$defs/title",
          "description" : "The namespace of a namespaced kind; absent means the namespace the manifests were applied to (default)."
        }
      },
      "required" : [
        "kind",
        "name"
      ],
      "type" : "object"
    },
    "label" : {
      "maxLength" : 1000,
      "pattern" : "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$",
      "type" : "string"
    },
    "reason" : {
      "allOf" : [
        {
          "pattern" : "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$"
        }
      ],
      "maxLength" : 20000,
      "minLength" : 1,
      "pattern" : "\\S",
      "type" : "string"
    },
    "text" : {
      "maxLength" : 20000,
      "pattern" : "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$",
      "type" : "string"
    },
    "threatActor" : {
      "additionalProperties" : false,
      "description" : "Someone who attacks the system.",
      "properties" : {
        "boundary" : {
          "$ref" : "#/$defs/id",
          "description" : "Where the actor stands (a compromised container stands inside a pod)."
        },
        "description" : {
          "$ref" : "#/$defs/text"
        },
        "id" : {
          "$ref" : "#/$defs/id"
        },
        "kind" : {
          "description" : "The kind of attacker.",
          "enum" : [
            "external-attacker",
            "compromised-container",
            "malicious-insider"
          ],
          "type" : "string"
        },
        "label" : {
          "$ref" : "#/$defs/label",
          "description" : "Display name; defaults to id."
        },
        "targets" : {
          "description" : "Ids of the elements and boundaries attacked.",
          "items" : {
            "$ref" : "#/$defs/id"
          },
          "maxItems" : 50000,
          "type" : "array"
        }
      },
      "required" : [
        "id",
        "kind"
      ],
      "type" : "object"
    },
    "title" : {
      "allOf" : [
        {
          "pattern" : "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$"
        }
      ],
      "maxLength" : 1000,
      "minLength" : 1,
      "pattern" : "\\S",
      "type" : "string"
    },
    "url" : {
      "description" : "Documentation link: https:, http: or a relative URL, percent-encoded.",
      "maxLength" : 20000,
      "minLength" : 1,
      "pattern" : "^(?:[Hh][Tt][Tt][Pp][Ss]?:|(?![A-Za-z][A-Za-z0-9+.-]*:))[A-Za-z0-9._~:/?#\\[\\]@!$&'()*+,;=%-]+$",
      "type" : "string"
    }
  },
  "$id" : "urn:trustflow:model:1",
  "$schema" : "https://json-schema.org/draft/2020-12/schema",
  "additionalProperties" : false,
  "description" : "A TrustFlow threat model: elements, data flows, trust boundaries, controls and threat actors.",
  "patternProperties" : {
    "^x-" : {
      "description" : "Extension data for other tools; kept by convert, read by no command."
    }
  },
  "properties" : {
    "acceptedRisks" : {
      "description" : "Findings the owners have accepted, with a reason.",
      "items" : {
        "$ref" : "#/$defs/acceptedRisk"
      },
      "maxItems" : 50000,
      "type" : "array"
    },
    "boundaries" : {
      "description" : "Trust boundaries, a flat list nested through parent.",
      "items" : {
        "$ref" : "#/$defs/boundary"
      },
      "maxItems" : 50000,
      "type" : "array"
    },
    "controls" : {
      "description" : "Security controls that boundaries, elements and flows refer to by id.",
      "items" : {
        "$ref" : "#/$defs/control"
      },
      "maxItems" : 50000,
      "type" : "array"
    },
    "description" : {
      "$ref" : "#/$defs/text",
      "description" : "Free text, shown in reports."
    },
    "elements" : {
      "description" : "Users, services, data stores and external systems.",
      "items" : {
        "$ref" : "#/$defs/element"
      },
      "maxItems" : 50000,
      "minItems" : 1,
      "type" : "array"
    },
    "flows" : {
      "description" : "Directed data flows between elements.",
      "items" : {
        "$ref" : "#/$defs/flow"
      },
      "maxItems" : 50000,
      "type" : "array"
    },
    "threatActors" : {
      "description" : "Who attacks, from where, and what they target.",
      "items" : {
        "$ref" : "#/$defs/threatActor"
      },
      "maxItems" : 50000,
      "type" : "array"
    },
    "title" : {
      "$ref" : "#/$defs/title",
      "description" : "Diagram title."
    },
    "trustflow" : {
      "const" : 1,
      "description" : "Format version; 1."
    }
  },
  "required" : [
    "trustflow",
    "title",
    "elements"
  ],
  "title" : "TrustFlow threat model",
  "type" : "object"
}

"""#,
    ]
}
