/**
 * Lines of a contenteditable (utils/editors/linesOfElement.ts), walked in node over a DOM parsed by
 * linkedom, for the mail editors' own reply, forward and signature markup. The HTML is what each
 * service writes into its compose body (Outlook on the web's `#appendonsend` and `#divRplyFwdMsg`,
 * Gmail's `gmail_quote` and `gmail_signature`, Roundcube's `_rc_sig`), with the Collectif's words.
 * The e2e tests run the real editors (roosterjs, Roundcube's TinyMCE) over the same shapes.
 */
import { parseHTML } from 'linkedom';
import { describe, expect, test } from 'vitest';
import { linesOfElement } from '../../utils/editors/linesOfElement';
import { pickParagraph } from '../../utils/editors/pickParagraph';

const MINISTER = 'Nous vous confirmons que le délai de réflexion des victimes de la traite sera examiné.';
const LONG = 'Le Collectif demande que le délai de réflexion soit porté à trois mois pour toutes les victimes.';

/** The paragraph read with the caret at the end of the first text node holding `caretText`. */
function pickIn(html: string, caretText: string) {
  const { document } = parseHTML(`<!doctype html><html><body><div id="editor">${html}</div></body></html>`);
  const root = document.querySelector('#editor') as unknown as Element;
  const walker = document.createTreeWalker(root as never, 4 /* SHOW_TEXT */);
  let node: Node | null;
  while ((node = walker.nextNode() as Node | null)) if (node.textContent?.includes(caretText)) break;
  if (!node) throw new Error(`no text « ${caretText} » in the fixture`);
  const { lines, caretLine } = linesOfElement(root, { node, offset: node.textContent?.length ?? 0 });
  return { picked: pickParagraph(lines, caretLine), lines };
}

const OUTLOOK_HEADER =
  '<div id="appendonsend"></div><hr style="display:inline-block;width:98%" tabindex="-1">' +
  '<div id="divRplyFwdMsg" dir="ltr"><font face="Calibri, sans-serif" style="font-size:11pt" color="#000000">' +
  '<b>De :</b> Cabinet de la ministre &lt;cabinet@gouv.fr&gt;<br><b>Envoyé :</b> jeudi 3 décembre 2026 10:00<br>' +
  '<b>À :</b> Marie Dupont<br><b>Objet :</b> Délai de réflexion des victimes de la traite</font><div>&nbsp;</div></div>';

describe('linesOfElement: what mail editors mark as not the user’s paragraph', () => {
  test('Outlook on the web: a short line at the top of a reply takes neither the header nor the original as context', () => {
    const reply = `<div>Madame,</div><div><br></div>${OUTLOOK_HEADER}<div>${MINISTER}</div>`;
    const { picked, lines } = pickIn(reply, 'Madame,');
    expect(picked).toEqual({ text: 'Madame,' });
    // Everything from Outlook's mark on is the original's, the header and the message alike.
    expect(lines.filter((line) => line.text.trim() && !line.quote).map((line) => line.text)).toEqual(['Madame,']);
  });

  test('Outlook on the web: the mark nested in a div (as Outlook sometimes writes it) counts the same', () => {
    const reply = `<div>${LONG}</div><div><div id="appendonsend"></div><div><br></div></div><hr><div id="divRplyFwdMsg"><b>De :</b> Cabinet<br><b>Objet :</b> Réunion</div><div>${MINISTER}</div>`;
    const { lines } = pickIn(reply, 'trois mois');
    expect(lines.filter((line) => line.text.trim() && !line.quote).map((line) => line.text)).toEqual([LONG]);
    expect(pickIn(`<div>Madame,</div>${reply.slice(reply.indexOf('</div>') + 6)}`, 'Madame,').picked).toEqual({ text: 'Madame,' });
  });

  test('a long paragraph written right above Outlook’s header, with no blank line, is read alone', () => {
    expect(pickIn(`<div>${LONG}</div>${OUTLOOK_HEADER}<div>${MINISTER}</div>`, 'trois mois').picked).toEqual({ text: LONG });
  });

  test('Gmail: a forwarded message (no <blockquote>) and a signature are never a short line’s context', () => {
    const forward =
      '<div dir="ltr">Pour information,</div><br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">' +
      'De : Cabinet de la ministre<br>Date: jeu. 3 déc. 2026 à 10:00<br>Subject: Délai de réflexion<br></div><br><br>' +
      `<div dir="ltr">${MINISTER}</div></div>`;
    expect(pickIn(forward, 'Pour information').picked).toEqual({ text: 'Pour information,' });
    const signed = `<div dir="ltr">Merci.</div><br><div dir="ltr" class="gmail_signature">Marie Dupont<br>${LONG}</div>`;
    expect(pickIn(signed, 'Merci.').picked).toEqual({ text: 'Merci.' });
  });

  test('Roundcube’s HTML signature and forward are not the user’s paragraph either', () => {
    expect(pickIn(`<p>Merci.</p><div id="_rc_sig">-- <br>Marie Dupont<br>${LONG}</div>`, 'Merci.').picked).toEqual({ text: 'Merci.' });
    // Roundcube's own forward header (compose.php): a paragraph, a table, then the message.
    const forward = `<p>Pour information,</p><br><p>-------- Courriel original --------</p><table><tbody><tr><th>Objet: </th><td>Réunion</td></tr></tbody></table><br><div>${MINISTER}</div>`;
    expect(pickIn(forward, 'Pour information').picked).toEqual({ text: 'Pour information,' });
  });

  test('Zimbra: its rule, its header block and its quoted text are the original’s', () => {
    const reply =
      '<div>Madame,</div><div><br></div><hr id="zwchr" data-marker="__DIVIDER__"><div data-marker="__HEADERS__"><b>De: </b>Cabinet de la ministre<br>' +
      `<b>Objet: </b>Réunion<br></div><br><div data-marker="__QUOTED_TEXT__"><div>${MINISTER}</div></div>`;
    const { picked, lines } = pickIn(reply, 'Madame,');
    expect(picked).toEqual({ text: 'Madame,' });
    expect(lines.filter((line) => line.text.trim() && !line.quote).map((line) => line.text)).toEqual(['Madame,']);
  });

  test('without any such mark, the next paragraph is still a short line’s context, and a quote’s own text is read at its caret', () => {
    expect(pickIn(`<div>Madame,</div><div><br></div><div>${LONG}</div>`, 'Madame,').picked).toEqual({ text: 'Madame,', context: LONG });
    expect(pickIn(`<div>Madame,</div><blockquote>${MINISTER}</blockquote>`, 'examiné').picked).toEqual({ text: MINISTER });
  });
});
