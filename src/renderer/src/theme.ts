import {
  Menu,
  Modal,
  Notification,
  createTheme,
  defaultVariantColorsResolver,
  type CSSVariablesResolver,
  type VariantColorsResolver,
} from '@mantine/core'

/**
 * Light buttons and the active navigation link put coloured text on a pale
 * tint; Mantine's default shade for that text falls just short of WCAG AA
 * (4.32:1 for teal). A darker shade of the same colour passes. Only on the light
 * scheme: on the dark one the tint is dark and the text must stay bright, so the
 * amount of black mixed in is a scheme variable (see cssVariablesResolver).
 */
function darkenOnLight(color: string): string {
  return `color-mix(in srgb, ${color}, black var(--kith-light-variant-darken))`
}

const variantColorResolver: VariantColorsResolver = (input) => {
  const colors = defaultVariantColorsResolver(input)
  if (input.variant === 'light' && input.theme.primaryColor !== '' && !colors.color.startsWith('var(--mantine-color-dark')) {
    return { ...colors, color: darkenOnLight(colors.color), hoverColor: darkenOnLight(colors.hoverColor ?? colors.color) }
  }
  return colors
}

export const theme = createTheme({
  primaryColor: 'teal',
  // Shade 9 with white text meets WCAG AA (4.98:1); the default shade 6 does not.
  primaryShade: { light: 9, dark: 8 },
  autoContrast: true,
  defaultRadius: 'md',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '650' },
  variantColorResolver,
  components: {
    // Without the placeholder, opening a menu focuses its first item (as ARIA menus do),
    // and the menu holds only menu items.
    Menu: Menu.extend({ defaultProps: { withInitialFocusPlaceholder: false } }),
    Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } }),
    // The command palette's result list scrolls: it can take focus, so a keyboard can scroll it
    // (arrow keys in the search field also move through it). Its props reach the ScrollArea.
    SpotlightActionsList: { defaultProps: { viewportProps: { tabIndex: 0 } } },
    // Its close button is named by lib/notify.ts.
    Notification: Notification.extend({
      styles: { description: { color: 'var(--mantine-color-dimmed)' } },
    }),
  },
})

/**
 * Dimmed text, placeholders and text on pale teal dark enough for WCAG AA
 * (Mantine's defaults give 3.3:1, 2.1:1 and 3.8:1 on the light scheme).
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': '#5c6670',
    '--mantine-color-placeholder': '#6b737b',
    '--mantine-color-teal-light-color': '#05523c',
    '--mantine-primary-color-light-color': '#05523c',
    // Warnings in text: Mantine's orange is 4.3:1 on white.
    '--kith-color-warning-text': '#a8400d',
    '--kith-light-variant-darken': '35%',
  },
  dark: { '--mantine-color-dimmed': '#a3acb5', '--kith-color-warning-text': '#ffa94d', '--kith-light-variant-darken': '0%' },
})
