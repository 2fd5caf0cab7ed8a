/**
 * Autosave of drafts: about ten seconds after a change, and when the page is left, the form is
 * posted to its own action with `X-Folio-Autosave: 1` (the server answers
 * `{ "saved": true, "revision": "…", "savedAt": ms }`); a copy also goes to localStorage on every
 * change, so a crash or a failed save loses nothing, and is offered back on the next load.
 */
import { label, timeOfDay, type EditorLanguage } from './messages.ts';

/** Seconds after a change before the draft is posted (issue 12: "every ~10 s after a change"). */
export const AUTOSAVE_DELAY_MS = 10_000;

/** What the server answers to an autosave. */
interface AutosaveAnswer {
  readonly saved: boolean;
  readonly revision?: string;
  readonly savedAt?: number;
}

/** One stored copy of a body. */
interface LocalCopy {
  readonly html: string;
  readonly at: number;
}

/** The autosave of one editor. */
export class Autosave {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private dirty = false;
  private inFlight: Promise<void> | null = null;
  private readonly key: string;

  constructor(
    private readonly form: HTMLFormElement,
    textarea: HTMLTextAreaElement,
    private readonly flush: () => void,
    private readonly status: HTMLElement,
    private readonly lang: EditorLanguage,
  ) {
    this.key = `folio-editor:${new URL(form.action, location.href).pathname}:${textarea.name}`;
  }

  /** A change was made: keep a local copy now, post the draft in AUTOSAVE_DELAY_MS. */
  changed(html: string): void {
    this.dirty = true;
    this.storeCopy(html);
    this.timer ??= setTimeout(() => {
      this.timer = null;
      void this.save(false);
    }, AUTOSAVE_DELAY_MS);
  }

  /** Posts the draft now if anything changed (`leaving`: the page is going away). */
  async save(leaving: boolean): Promise<void> {
    if (!this.dirty) return;
    if (this.timer !== null) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    if (this.inFlight) await this.inFlight;
    this.dirty = false;
    this.flush();
    this.status.textContent = label(this.lang, 'saving');
    this.inFlight = this.post(leaving).finally(() => {
      this.inFlight = null;
    });
    await this.inFlight;
  }

  private async post(leaving: boolean): Promise<void> {
    // Sent as the browser would send the form itself: URL-encoded unless the form asks for multipart.
    const data = new FormData(this.form);
    const body = this.form.enctype === 'multipart/form-data' ? data : new URLSearchParams(data as unknown as Record<string, string>);
    try {
      const response = await fetch(this.form.action, {
        method: 'POST', body, credentials: 'same-origin', keepalive: leaving,
        headers: { 'X-Folio-Autosave': '1', Accept: 'application/json' },
      });
      const answer = (await response.json().catch(() => null)) as AutosaveAnswer | null;
      if (!response.ok || answer?.saved !== true) throw new Error(String(response.status));
      this.status.textContent = label(this.lang, 'savedAt', { time: timeOfDay(this.lang, answer.savedAt ?? Date.now()) });
      if (!this.dirty) this.dropCopy();
    } catch (error) {
      this.dirty = true;
      this.status.textContent = label(this.lang, 'notSaved', { reason: error instanceof Error ? error.message : String(error) });
    }
  }

  /** The copy a previous visit left, if it differs from what the page holds now. */
  leftover(current: string): LocalCopy | null {
    try {
      const raw = localStorage.getItem(this.key);
      if (raw === null) return null;
      const copy = JSON.parse(raw) as LocalCopy;
      return typeof copy.html === 'string' && copy.html !== current ? copy : null;
    } catch {
      return null;
    }
  }

  /** The form is being submitted: its own POST carries the body, so no autosave follows it. */
  submitted(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.dirty = false;
    this.dropCopy();
  }

  /** Forgets the local copy (after a save the server confirmed, or when the user discards it). */
  dropCopy(): void {
    try {
      localStorage.removeItem(this.key);
    } catch {
      // Storage refused (private mode, quota): there is nothing to drop.
    }
  }

  private storeCopy(html: string): void {
    try {
      localStorage.setItem(this.key, JSON.stringify({ html, at: Date.now() } satisfies LocalCopy));
    } catch {
      // Storage refused: the server autosave still runs.
    }
  }
}
