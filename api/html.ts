// Text placed in the API's few HTML pages (one-click links, the docs page).

/** Text as HTML: markup characters become entities, so no input can become markup. */
export const alsHtml = (tekst: string) => tekst.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
