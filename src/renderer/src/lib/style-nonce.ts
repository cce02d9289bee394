import { STYLE_NONCE_META } from '../../../shared/csp'

/**
 * The nonce this load of the page may put on its style elements (the page's
 * Content-Security-Policy refuses any other). The server puts it in a meta
 * tag of each response; the dev server's page has none, and no policy.
 *
 * Mantine takes it through `getStyleNonce`. The scroll lock of Mantine's
 * dialogs (react-remove-scroll, through react-style-singleton) reads only
 * webpack's `__webpack_nonce__` global, so it is set too.
 */
export function installStyleNonce(): string | undefined {
  const nonce = document.querySelector(`meta[name="${STYLE_NONCE_META}"]`)?.getAttribute('content') ?? undefined
  if (nonce !== undefined && nonce !== '') (globalThis as { __webpack_nonce__?: string }).__webpack_nonce__ = nonce
  return nonce === '' ? undefined : nonce
}
