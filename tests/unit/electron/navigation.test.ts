import { describe, expect, it } from 'vitest';
import { isAllowedExternalLink, lockDownWebContents } from '../../../electron/main/security/navigation';
import { FakeEvent, FakeNavigationEvent, FakeWebContents } from './fakes';

const ALLOW_LIST = ['https://www.data.gouv.fr'];

function lockedContents(): { contents: FakeWebContents; opened: string[] } {
  const contents = new FakeWebContents();
  const opened: string[] = [];
  lockDownWebContents(contents, { externalAllowList: ALLOW_LIST, openExternal: (url) => opened.push(url) });
  return { contents, opened };
}

describe('window.open', () => {
  it.each(['https://www.data.gouv.fr/fr/datasets/x', 'https://evil.example/', 'app://beffroi/index.html', 'file:///etc/passwd', 'javascript:alert(1)'])(
    'is always denied inside the app (%s)',
    (url) => {
      const { contents } = lockedContents();
      expect(contents.windowOpenHandler?.({ url })).toEqual({ action: 'deny' });
    },
  );

  it('hands an allow-listed https link to the system browser', () => {
    const { contents, opened } = lockedContents();
    contents.windowOpenHandler?.({ url: 'https://www.data.gouv.fr/fr/licence-ouverte' });
    expect(opened).toEqual(['https://www.data.gouv.fr/fr/licence-ouverte']);
  });

  it('opens nothing for other links', () => {
    const { contents, opened } = lockedContents();
    for (const url of ['https://evil.example/', 'http://www.data.gouv.fr.evil.example/', 'file:///etc/passwd', 'smb://share/x', 'https://user:pw@www.data.gouv.fr/']) {
      contents.windowOpenHandler?.({ url });
    }
    expect(opened).toEqual([]);
  });
});

describe('navigation', () => {
  it('stays inside app://beffroi', () => {
    const { contents } = lockedContents();
    const event = new FakeNavigationEvent('app://beffroi/index.html#/alarmes');
    contents.emit('will-navigate', event);
    expect(event.defaultPrevented).toBe(false);
  });

  it.each(['https://evil.example/', 'file:///etc/passwd', 'app://other/index.html', 'http://127.0.0.1:8417/', 'data:text/html,<script>1</script>'])(
    'is cancelled towards %s',
    (url) => {
      const { contents } = lockedContents();
      const event = new FakeNavigationEvent(url);
      contents.emit('will-navigate', event);
      expect(event.defaultPrevented).toBe(true);
    },
  );

  it('sends an allow-listed link clicked in the page to the system browser instead', () => {
    const { contents, opened } = lockedContents();
    const event = new FakeNavigationEvent('https://www.data.gouv.fr/');
    contents.emit('will-navigate', event);
    expect(event.defaultPrevented).toBe(true);
    expect(opened).toEqual(['https://www.data.gouv.fr/']);
  });

  it('cancels redirects and subframe navigations that leave the app', () => {
    const { contents } = lockedContents();
    const redirect = new FakeNavigationEvent('https://evil.example/');
    const subframe = new FakeNavigationEvent('https://evil.example/', false);
    contents.emit('will-redirect', redirect);
    contents.emit('will-frame-navigate', subframe);
    expect(redirect.defaultPrevented).toBe(true);
    expect(subframe.defaultPrevented).toBe(true);
  });
});

describe('webview', () => {
  it('can never attach', () => {
    const { contents } = lockedContents();
    const event = new FakeEvent();
    contents.emit('will-attach-webview', event, { nodeIntegration: true }, { src: 'https://evil.example/' });
    expect(event.defaultPrevented).toBe(true);
  });
});

describe('isAllowedExternalLink', () => {
  it.each([
    ['https://www.data.gouv.fr/x', true],
    ['https://www.data.gouv.fr:443/x', true],
    ['https://www.data.gouv.fr:8443/x', false],
    ['ftp://www.data.gouv.fr/x', false],
    ['not a url', false],
  ])('%s → %s', (url, allowed) => {
    expect(isAllowedExternalLink(url, ALLOW_LIST)).toBe(allowed);
  });
});
