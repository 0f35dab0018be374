/// The site's own small stylesheet (the State design system's licence forbids its use outside
/// State websites): system fonts, AA contrast, a visible focus ring, one column on a phone.
enum Stylesheet {
    static let css = """
    :root { --ink: #1d1d1f; --muted: #4a4f55; --line: #d0d4d9; --bg: #ffffff; --soft: #f3f5f7; --accent: #0b5cad; --accent-dark: #083f78;
            --ok: #0f6b36; --warn: #8a4b00; --bad: #a3201d; --focus: #ffbf47; }
    * { box-sizing: border-box; }
    html { font-size: 100%; }
    body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; color: var(--ink); background: var(--bg); line-height: 1.5; }
    a { color: var(--accent); text-underline-offset: 2px; }
    a:hover { color: var(--accent-dark); }
    a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible, summary:focus-visible, [tabindex]:focus-visible {
        outline: 3px solid var(--focus); outline-offset: 2px; box-shadow: 0 0 0 5px var(--ink); }
    .skip { position: absolute; left: -999px; top: 0; background: var(--ink); color: #fff; padding: .5rem 1rem; z-index: 10; }
    .skip:focus { left: .5rem; top: .5rem; }
    header.site { background: var(--accent-dark); color: #fff; }
    header.site .bar { max-width: 72rem; margin: 0 auto; padding: .75rem 1rem; display: flex; flex-wrap: wrap; gap: .25rem 1rem; align-items: baseline; }
    header.site .brand { color: #fff; font-weight: 700; font-size: 1.35rem; text-decoration: none; }
    header.site .tagline { color: #dce7f3; font-size: .95rem; }
    header.site .signin, header.site .signout { margin-left: auto; color: #fff; }
    header.site .signout { display: flex; gap: .5rem; align-items: center; flex-wrap: wrap; }
    header.site .signout a { color: #fff; }
    header.site .signout button { min-height: 2rem; padding: .25rem .75rem; background: #fff; color: var(--accent-dark); }
    main { max-width: 52rem; margin: 0 auto; padding: 1rem 1rem 3rem; }
    main.wide { max-width: 72rem; }
    h1 { font-size: 1.75rem; line-height: 1.25; margin: 1rem 0 .5rem; overflow-wrap: anywhere; }
    h2 { font-size: 1.3rem; margin: 2rem 0 .5rem; border-bottom: 1px solid var(--line); padding-bottom: .25rem; }
    h3 { font-size: 1.1rem; margin: 1.25rem 0 .25rem; overflow-wrap: anywhere; }
    .lead { color: var(--muted); font-size: 1.05rem; margin-top: 0; }
    .muted { color: var(--muted); }
    .error { border-left: 4px solid var(--bad); background: #fdf1f0; padding: .75rem 1rem; }
    .notice { border-left: 4px solid var(--warn); background: #fff7e6; padding: .75rem 1rem; }
    form.search { background: var(--soft); border: 1px solid var(--line); border-radius: 6px; padding: 1rem; display: grid; gap: .9rem; }
    .field { display: grid; gap: .25rem; }
    .field label, .field .label { font-weight: 600; }
    .field .hint { color: var(--muted); font-size: .9rem; }
    .row { display: grid; gap: .9rem; grid-template-columns: 1fr; }
    @media (min-width: 40rem) { .row { grid-template-columns: 1fr 1fr; } }
    input[type=text], input[type=password], input[type=number], input[type=search], input[type=datetime-local], select, textarea {
        font: inherit; padding: .5rem .6rem; border: 1px solid #6b7178; border-radius: 4px; background: #fff; color: var(--ink); width: 100%; min-height: 2.75rem; }
    .check { display: flex; gap: .5rem; align-items: center; }
    .check input { width: 1.25rem; height: 1.25rem; }
    button, .button { font: inherit; font-weight: 600; background: var(--accent); color: #fff; border: 0; border-radius: 4px; padding: .65rem 1.25rem;
        min-height: 2.75rem; cursor: pointer; text-decoration: none; display: inline-block; }
    button:hover, .button:hover { background: var(--accent-dark); color: #fff; }
    details { border: 1px solid var(--line); border-radius: 4px; padding: .5rem .75rem; background: #fff; }
    summary { cursor: pointer; font-weight: 600; }
    ol.results, ul.plain { list-style: none; padding: 0; margin: 0; }
    ol.results > li { border-bottom: 1px solid var(--line); padding: .9rem 0; }
    .result-head { display: flex; flex-wrap: wrap; gap: .25rem .75rem; align-items: baseline; }
    .distance { font-weight: 700; white-space: nowrap; }
    .badge { display: inline-block; font-size: .85rem; font-weight: 600; border-radius: 999px; padding: .05rem .6rem; border: 1px solid currentColor; white-space: nowrap; }
    .badge.open { color: var(--ok); }
    .badge.closed { color: var(--muted); }
    .badge.tag { color: var(--accent-dark); }
    .badge.old { color: var(--warn); }
    form.inline { display: inline-block; margin: 0 .5rem .5rem 0; }
    li form.inline { margin: 0; }
    button.small { font-size: .9rem; padding: .2rem .7rem; min-height: 2rem; background: #fff; color: var(--accent-dark); border: 1px solid currentColor; }
    button.small:hover { background: var(--accent-dark); color: #fff; }
    ul.columns { columns: 15rem; column-gap: 2rem; padding-left: 1.25rem; }
    ul.columns li { break-inside: avoid; margin-bottom: .25rem; }
    .downloads { display: flex; flex-wrap: wrap; gap: .5rem 1rem; padding: 0; list-style: none; }
    .table-wrap { overflow-x: auto; }
    table { border-collapse: collapse; width: 100%; font-size: .95rem; }
    caption { text-align: left; font-weight: 600; padding: .25rem 0; }
    th, td { text-align: left; padding: .4rem .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
    th { background: var(--soft); }
    td.number, th.number { text-align: right; font-variant-numeric: tabular-nums; }
    tr.today { background: #e8f1fb; font-weight: 600; }
    .figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(10rem, 1fr)); gap: .75rem; margin: 1rem 0; padding: 0; list-style: none; }
    .figures li { background: var(--soft); border: 1px solid var(--line); border-radius: 6px; padding: .75rem; }
    .figures strong { display: block; font-size: 1.5rem; }
    figure.diagram { margin: 1rem 0; border: 1px solid var(--line); border-radius: 6px; padding: .5rem; overflow-x: auto; background: #fff; }
    figure.diagram svg { max-width: 100%; height: auto; }
    figure.diagram figcaption { color: var(--muted); font-size: .9rem; }
    dl.facts { display: grid; grid-template-columns: 1fr; gap: .25rem 1rem; }
    @media (min-width: 40rem) { dl.facts { grid-template-columns: 12rem 1fr; } }
    dl.facts dt { font-weight: 600; }
    dl.facts dd { margin: 0 0 .5rem; overflow-wrap: anywhere; }
    footer.site { border-top: 1px solid var(--line); color: var(--muted); font-size: .9rem; }
    footer.site p { max-width: 72rem; margin: 0 auto; padding: 1rem; }
    .fiche { border: 2px solid var(--ink); border-radius: 6px; padding: 1rem 1.25rem; }
    .fiche h2 { border: 0; margin-top: 0; font-size: 1.6rem; }
    .fiche .address { font-size: 1.2rem; }
    @page { size: A4; margin: 15mm; }
    @media print {
        header.site, footer.site, form.search, .skip, .downloads, .screen-only { display: none; }
        a { color: inherit; text-decoration: none; }
        body { font-size: 11pt; }
        main { max-width: none; padding: 0; }
        .fiche { border: 1px solid #000; page-break-inside: avoid; }
    }
    """
}
