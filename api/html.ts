// Text placed in the API docs page, the one HTML page built by hand.

/** Text as HTML: markup characters become entities, so no input can become markup. */
export const alsHtml = (tekst: string) => tekst.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
