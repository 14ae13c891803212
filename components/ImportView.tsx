import { useState } from 'preact/hooks';
import type { SourceKind } from '../data/library/schema';
import { ACCEPTED, checkSize, readDocument, readPasted, type DocumentText } from '../data/library/import/readDocument';
import { proposeImport, type ImportProposal } from '../data/library/import/propose';
import { t, tCount } from '../utils/i18n';
import { CatalogProvider } from './CatalogContext';
import { importErrorText } from './importErrorText';
import { ReviewView } from './ReviewView';

const KINDS: { kind: SourceKind; label: () => string }[] = [
  { kind: 'compte-rendu', label: () => t('sourceKind_compteRendu') },
  { kind: 'courrier', label: () => t('sourceKind_courrier') },
  { kind: 'note', label: () => t('sourceKind_note') },
];

interface Description {
  title: string;
  date: string;
  kind: SourceKind;
  meeting: string;
  participants: string;
  speaker: string;
}

/**
 * Import a report: a file (dropped or picked) or pasted text, described by the user, read into
 * proposals, then reviewed (ReviewView) and saved. The readers for Word and PDF are loaded only
 * when a file of that kind is read.
 */
export function ImportView() {
  const [doc, setDoc] = useState<(DocumentText & { name: string }) | undefined>();
  const [pasted, setPasted] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [proposal, setProposal] = useState<ImportProposal | undefined>();
  const [saved, setSaved] = useState<string | undefined>();
  const [d, setD] = useState<Description>({ title: '', date: '', kind: 'compte-rendu', meeting: '', participants: '', speaker: 'Collectif' });
  const set = (field: keyof Description) => (e: Event) => setD({ ...d, [field]: (e.currentTarget as HTMLInputElement).value });

  async function readFile(file: File | undefined) {
    if (!file) return;
    setError(undefined);
    setSaved(undefined);
    setBusy(true);
    try {
      checkSize(file.name, file.size);
      const text = await readDocument(file.name, new Uint8Array(await file.arrayBuffer()));
      setDoc({ ...text, name: file.name });
      if (!d.title) setD((x) => ({ ...x, title: file.name.replace(/\.[^.]+$/, '') }));
    } catch (e) {
      setDoc(undefined);
      setError(importErrorText(e));
    } finally {
      setBusy(false);
    }
  }

  function propose(e: Event) {
    e.preventDefault();
    setError(undefined);
    try {
      const source = doc ?? (pasted.trim() ? { ...readPasted(pasted), name: 'texte collé' } : undefined);
      if (!source || !d.title.trim() || !/^\d{4}-\d{2}-\d{2}$/.test(d.date)) {
        setError(t('importMissing'));
        return;
      }
      setProposal(
        proposeImport(source.text, {
          title: d.title,
          date: d.date,
          kind: d.kind,
          meeting: d.meeting,
          participants: d.participants.split('\n').map((l) => l.trim()).filter(Boolean),
          defaultSpeaker: d.speaker,
          file: source.name,
        }),
      );
    } catch (err) {
      setError(importErrorText(err));
    }
  }

  if (proposal)
    return (
      <CatalogProvider>
        <ReviewView
          initial={proposal}
          onBack={() => setProposal(undefined)}
          onSaved={(title, count) => {
            setProposal(undefined);
            setDoc(undefined);
            setPasted('');
            setSaved(tCount('reviewSaved', count, title));
          }}
        />
      </CatalogProvider>
    );

  return (
    <form class="import" onSubmit={propose} data-testid="import-form">
      <p class="muted">{t('importIntro')}</p>
      {saved && (
        <p role="status" class="notice" data-testid="import-saved">
          {saved}
        </p>
      )}
      <label
        class="dropzone"
        onDragOver={(e) => e.preventDefault()}
        onDrop={(e) => {
          e.preventDefault();
          void readFile(e.dataTransfer?.files[0]);
        }}
      >
        <span>{t('importDrop')}</span>
        <input type="file" accept={ACCEPTED.join(',')} data-testid="import-file" disabled={busy} onChange={(e) => {
            const input = e.currentTarget;
            void readFile(input.files?.[0]).finally(() => (input.value = ''));
          }} />
      </label>
      {doc && (
        <p class="muted" data-testid="import-file-read">
          {tCount('importFileRead', doc.text.split('\n').length, doc.name)}
        </p>
      )}
      {!doc && (
        <label class="field">
          <span>{t('importPaste')}</span>
          <textarea class="input" rows={6} value={pasted} onInput={(e) => setPasted(e.currentTarget.value)} data-testid="import-paste" />
        </label>
      )}
      {(doc?.markup || (!doc && /<\/?[a-z][^>]*>/i.test(pasted))) && <p class="notice notice--warning">{t('importMarkup')}</p>}
      {error && (
        <p role="alert" class="notice notice--error" data-testid="import-error">
          {error}
        </p>
      )}
      <fieldset class="fields">
        <legend>{t('importDescribe')}</legend>
        <label class="field">
          <span>{t('importTitle')}</span>
          <input class="input" value={d.title} onInput={set('title')} required data-testid="import-title" />
        </label>
        <label class="field">
          <span>{t('importDate')}</span>
          <input class="input" type="date" value={d.date} onInput={set('date')} required data-testid="import-date" />
        </label>
        <label class="field">
          <span>{t('importKind')}</span>
          <select class="select" value={d.kind} onChange={set('kind')}>
            {KINDS.map((k) => (
              <option value={k.kind} key={k.kind}>
                {k.label()}
              </option>
            ))}
          </select>
        </label>
        <label class="field">
          <span>{t('importMeeting')}</span>
          <input class="input" value={d.meeting} onInput={set('meeting')} />
        </label>
        <label class="field">
          <span>{t('importParticipants')}</span>
          <textarea class="input" rows={3} value={d.participants} onInput={set('participants')} />
        </label>
        <label class="field">
          <span>{t('importSpeaker')}</span>
          <input class="input" value={d.speaker} onInput={set('speaker')} data-testid="import-speaker" />
          <small class="muted">{t('importSpeakerHint')}</small>
        </label>
      </fieldset>
      <button type="submit" class="button button--primary" disabled={busy} data-testid="import-propose">
        {t('importPropose')}
      </button>
    </form>
  );
}
